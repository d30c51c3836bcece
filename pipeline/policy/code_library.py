"""Criteria defined once in a code library and cited by code from rules (issue 25): a
rules workbook's rule table whose "Approve when" cells are formulas of codes ("ADULT +
SCOPE + (PPI-2 or PPI-X)") over a library table that writes each code out once ("Code |
Criterion": "ADULT   Member is 18 years of age or older."), a code cited by several rules
one criterion printed once. Any "code / definition" glossary read this way: a library row
is a capitalised code (letters, digits, hyphens; no spaces) set apart from its definition by
a gap, the definition's wrapped lines indented at its column; three rows at least.

A formula is a run of library codes joined by "+", "&", "and" (all of) or "or", "|", "/"
(one of), with parentheses, read where a line holds one (a wrapped formula, its parentheses
open or its last word an operator, runs on into the next line's). The rule is its table row:
the line holding the formula and the lines under it up to the next row (a line opening at
the margin); the row's other words (the rule's label and diagnosis, its length) name the
indication and its approval. A row citing an earlier row's label with a renewal word
("Same codes as VQ-1; maintenance after healing under VQ-1") is that rule's continuation.
"+" and "and" bind tighter than "or", as in arithmetic.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.branch_names import CONTINUED_WORDS
from pipeline.policy.column_cells import word_runs
from pipeline.policy.formula import _tree_node, parse_tokens
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line
from pipeline.policy.verbatim import _verbatim

_CODE = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"
_ROW = re.compile(rf"^(?P<code>{_CODE})\s{{3,}}(?P<text>[A-Z(].*)$")
_TOKEN = re.compile(rf"\(|\)|\+|&|\||/|\b(?:and|or|AND|OR)\b|{_CODE}")
_MIN_CODES = 3
_RENEWS = re.compile(rf"\b(?:{CONTINUED_WORDS}|maintenance|maintain\w*)\b", re.I)
_TERM = re.compile(r"\b\d{1,3}\s+(?:weeks?|months?|days?|years?)\b", re.I)
_ROW_LABEL = re.compile(r"^([A-Z][A-Z0-9]*(?:[-.][A-Z0-9]+)+)\b")


def _library(raw: list[list[str]]) -> dict[str, tuple[str, int, int]]:
    """code → (definition, page, raw line index) of each library row."""
    out: dict[str, tuple[str, int, int]] = {}
    for p, page in enumerate(raw, 1):
        at = 0
        while at < len(page):
            m = _ROW.match(page[at])
            if m is None or len(m.group("code")) > 12:
                at += 1
                continue
            column = page[at].index(m.group("text"))
            text = [m.group("text").strip()]
            at += 1
            while at < len(page) and page[at][:column].strip() == "" and page[at].strip():
                if len(page[at]) - len(page[at].lstrip()) != column:
                    break
                text.append(page[at].strip())
                at += 1
            out.setdefault(m.group("code"), (" ".join(text), p, at))
    return out if len(out) >= _MIN_CODES else {}


def _runs(text: str, codes: set[str]) -> list[list[str]]:
    """The runs of formula tokens in a line that hold a library code, each as its tokens."""
    out: list[list[str]] = []
    run: list[str] = []
    last = 0
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        gap = text[last : m.start()]
        code_like = tok[0].isalpha() and tok.lower() not in {"and", "or"}
        # two codes side by side, no operator between, are two cells ("RA-1   RESP & X")
        after_code = bool(run) and run[-1] in codes
        if run and gap.strip() or code_like and (tok not in codes or after_code):
            if run:
                out.append(run)
            run = []
        if not code_like or tok in codes:
            run.append(tok)
        last = m.end()
    if run:
        out.append(run)
    return [r for r in out if any(t in codes for t in r)]


def _open(tokens: list[str]) -> bool:
    """A formula cut short: a parenthesis left open, or an operator last."""
    return (
        tokens.count("(") > tokens.count(")")
        or tokens[-1] not in {")"}
        and not (tokens[-1][0].isalpha() and tokens[-1].lower() not in {"and", "or"})
    )


def parse_codes(tokens: list[str]):
    """The formula as a tree of codes (op, children); None where it does not parse or is
    one code alone."""
    ops = [x.lower() if x.lower() in {"and", "or"} else x for x in tokens]
    tree = parse_tokens(ops, {"+", "&", "and"}, {"or", "|", "/"}, lambda x: x not in "()")
    return None if isinstance(tree, str) else tree


def _leaf(code: str, defined: tuple[str, int, int], node_id: str, pages) -> PolicyNode:
    text, page, verified = _verbatim(defined[0], defined[1], pages)
    kind, extracted = F.classify(text, [])
    return PolicyNode(
        id=node_id, label=code, text=text, page=page, kind=kind, fields=extracted, verified=verified
    )


def _codes_of(tree) -> list[str]:
    return [tree] if isinstance(tree, str) else [c for p in tree[1] for c in _codes_of(p)]


def _columns(row: list[str], formula_at: int) -> list[str]:
    """The row's words per column of its first line, the formula's column left out."""
    starts = [at for at, _ in word_runs(row[0], 3)]
    cols: dict[int, list[str]] = {at: [] for at in starts}
    for line in row:
        for at, cell in word_runs(line, 3):
            col = max((x for x in starts if x <= at + 2), default=starts[0])
            cols[col].append(cell)
    keep = [at for at in starts if at != formula_at]
    return [" ".join(cols[at]) for at in keep]


def _rows(
    raw: list[list[str]], codes: set[str]
) -> list[tuple[int, list[str], list[str], list[str]]]:
    """(page, the row's lines, formula tokens, the row's other columns' words) of each
    rule row: a line holding a formula of two codes or more, and the lines under it
    indented past its margin."""
    out = []
    for p, page in enumerate(raw, 1):
        at = 0
        while at < len(page):
            line = page[at]
            # a formula joins codes by operators (a rule's own label, "VQ-1", is none)
            runs = [r for r in _runs(line, codes) if len(r) > 1]
            if not runs:
                at += 1
                continue
            margin = len(line) - len(line.lstrip())
            tokens = list(runs[0])
            cells = word_runs(line, 3)
            formula_at = next((c for c, cell in cells if cell.startswith(tokens[0])), -1)
            end = at + 1
            while end < len(page) and page[end].strip():
                nxt = page[end]
                if len(nxt) - len(nxt.lstrip()) <= margin:
                    break
                more = _runs(nxt, codes)
                if more and _open(tokens):
                    tokens += more[0]
                end += 1
            if sum(t in codes for t in tokens) >= 2:
                row = [_blank_formula(x, codes) for x in page[at:end]]
                out.append((p, page[at:end], tokens, _columns(row, formula_at)))
            at = end
    return out


def _blank_formula(line: str, codes: set[str]) -> str:
    """The line with its formula's words blanked (its other cells keep their columns)."""
    for run in _runs(line, codes):
        pattern = r"\s*".join(re.escape(t) for t in run)
        line = re.sub(pattern, lambda m: " " * len(m.group(0)), line, count=1)
    return line


def library_indications(
    lines: list[Line], raw: list[list[str]], pages, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications whose criteria are library codes cited by formula, and the line
    indices the rules and the library hold; None where no library or no formula."""
    candidates = _library(raw)
    # the library is the rows some formula cites (a rule table's own labels are not)
    cited = {t for _p, _r, tokens, _w in _rows(raw, set(candidates)) for t in tokens}
    library = {c: d for c, d in candidates.items() if c in cited}
    if len(library) < _MIN_CODES:
        return None
    codes = set(library)
    rows = _rows(raw, codes)
    # the lines the rules and the library print, as the layout reader gave them
    printed = [x for _p, row, _t, _w in rows for x in row]
    printed += [d[0] for d in library.values()]
    blob = " ".join(" ".join(x.split()) for x in printed)
    used = {i for i, x in enumerate(lines) if x.text in blob or x.text.split()[0] in codes}
    out: list[Indication] = []
    by_label: dict[str, Indication] = {}
    for page, _row, tokens, columns in rows:
        tree = parse_codes(tokens)
        if tree is None or any(c not in codes for c in _codes_of(tree)):
            problems.append(f"page {page}: the formula {' '.join(tokens)!r} does not parse")
            continue
        node_id = f"R{len(out) + 1}"
        items = {c: _leaf(c, library[c], f"{node_id}.{c}", pages) for c in _codes_of(tree)}
        printed = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", " ".join(tokens)))
        node = _tree_node(tree, items, node_id, printed, page, pages)
        label = columns[0] if columns and _ROW_LABEL.fullmatch(columns[0]) else ""
        said = [c for c in columns[1 if label else 0 :] if c]
        term = next((c for c in said if _TERM.match(c)), None)
        name = " ".join(c for c in said if c is not term)
        words = " ".join(columns)
        approval = m.group(0) if term and (m := _TERM.search(term)) else None
        # "Same codes as VQ-1; maintenance after healing under VQ-1": that rule's renewal
        cited = next(
            (
                by_label[x]
                for x in by_label
                if x != label and re.search(rf"\b{re.escape(x)}\b", name)
            ),
            None,
        )
        if cited is not None and _RENEWS.search(name):
            cited.branches.append(Branch(request_type="continuation", approval=approval, node=node))
            for b in cited.branches[:-1]:
                b.request_type = "initial" if b.request_type == "any" else b.request_type
            continue
        ind = Indication(
            id=node_id,
            name=name,
            text=words,
            page=page,
            icd10=F.icd10_codes(words),
            section=name,
            branches=[Branch(request_type="any", approval=approval, node=node)],
        )
        out.append(ind)
        if label:
            by_label[label] = ind
    return (out, used) if out else None
