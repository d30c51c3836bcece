"""Blocks under a condition named only by its ICD-10 code and description, anywhere above
them: a template's diagnosis line ("G47.24 Circadian rhythm sleep disorder, free running
type"), a sheet heading ("Sheet A - E70.21 Tyrosinemia (...)") or a sentence ("Sheet B - for
members with alkaptonuria (ICD-10-CM E70.29)").

Each block's logic and length are a note of their own, not a lead-in over the list: a
bracketed reviewer note ("[Approve 6 months only if every item is YES; for item 4, a or b
is enough]", "[Renewal, 12 months: both items YES]") or a scoring rule ("Approve 12 months
when all 3 R lines score and the total is 8 or more."). A rule over a points table makes the
lines of the type it names required and the rest an ``at_least`` group of as many lines as
the total still needs. A later note under no new condition line is a further branch of the
same condition (its renewal). Pick-list tokens ("{YES/NO:20455}") are the form's, not the
criterion's words; a points table's header and TOTAL row are no criteria.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from pipeline.policy.branch_names import _DURATION
from pipeline.policy.indications import coded_name
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _listed, _root
from pipeline.policy.verbatim import PageText

# "Sheet A - ", "Part 2: ": a short label before the condition
_LABEL = re.compile(r"^[A-Z][A-Za-z]{0,11}\s+[A-Z0-9]{1,3}\s*[-–—:]\s+")
_FOR_MEMBERS = re.compile(
    r"^for\s+(?:members|patients|people|adults|children|enrollees)\s+with\s+", re.I
)
# a form's pick-list ("{YES/NO:20455}", "{DX PICK:20462}") and blank ("***")
_PICK_LIST = re.compile(r"\s*\{[^{}]{1,60}:\d+\}|\s*\*{3}")
_GRANTS = re.compile(r"\b(?:approve|renew(?:al)?|continu\w*|reauthori\w*)\b", re.I)
_REFUSES = re.compile(r"\bnot\s+(?:covered|approved)\b|\bnever\b|\bdeny\b", re.I)
_LENGTH = re.compile(rf"\b({_DURATION})\b", re.I)
_RENEWAL = re.compile(r"\b(?:renew(?:al)?|continu\w*|reauthori\w*|re-?approv\w*)\b", re.I)
# a points table's cells at the end of an item's first line: its type and its points
_POINTS = re.compile(r"\s+([A-Z])\s+(\d{1,2})\s*$")
_TOTAL_ROW = re.compile(r"^TOTAL\b")
_ALL_ITEMS = re.compile(
    r"\b(?:every|each|all|both)\s+(?:\w+\s+)?(?:items?|lines?|criteria|questions?)\b", re.I
)
_UNSTATED = "no combining logic stated"
# "when all 3 R lines score and the total is 8 or more"
_REQUIRED_TYPE = re.compile(r"\ball\s+(?:\w+\s+)?([A-Z])\s+(?:lines?|items?|rows?)\b")
_TOTAL_NEEDED = re.compile(
    r"\btotal\s+(?:is\s+|of\s+)?(?:at\s+least\s+)?(\d{1,3})(?:\s+(?:points?\s+)?or\s+more)?",
    re.I,
)


def _condition(text: str) -> tuple[str, list[str]] | None:
    """The condition and its codes a line names by ICD-10 code and description."""
    body = _FOR_MEMBERS.sub("", _LABEL.sub("", text.strip()))
    name, codes = coded_name(body)
    if not codes or len(name.split()) > 20 or not re.search(r"[A-Za-z]{4}", name):
        return None
    return name, codes


def _note(text: str) -> str | None:
    """The note that grants a block: bracketed, or a sentence; with a length and a granting
    word, and not a refusing one ("[Not covered - if any is YES, ...]")."""
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):
        body = body[1:-1]
    if _GRANTS.search(body) and _LENGTH.search(body) and not _REFUSES.search(body):
        return body
    return None


def _clean(line: Line) -> Line | None:
    text = _PICK_LIST.sub("", line.text).strip()
    return replace(line, text=text) if text else None


def _block(lines: list[Line], start: int, margin: int) -> tuple[list[Line], int]:
    """The item lines after a note, and where they end: items, their wrapped lines and
    sub-items; a table header before the first item is skipped."""
    out: list[Line] = []
    at = start
    while at < len(lines):
        line = lines[at]
        if _note(line.text) or _condition(line.text):
            break
        if _listed(line) or (out and line.indent > margin):
            out.append(line)
        elif out or line.blank_before and at > start or at - start >= 2:
            break
        at += 1
    return out, at


def _points(items: list[Line]) -> tuple[list[Line], dict[int, tuple[str, int]]]:
    """The items without a points table's type and points cells, and those cells by the
    item line's index, where every item's first line ends with them."""
    firsts = [k for k, x in enumerate(items) if _listed(x)]
    cells = {k: _POINTS.search(items[k].text) for k in firsts}
    if not firsts or not all(cells.values()):
        return items, {}
    out = list(items)
    for k, m in cells.items():
        assert m is not None
        out[k] = replace(items[k], text=items[k].text[: m.start()])
    scored = {k: (m.group(1), int(m.group(2))) for k, m in cells.items() if m}
    return [x for x in out if not _TOTAL_ROW.match(x.text)], scored


def _score_rule(
    root: PolicyNode, note: str, cells: list[tuple[str, int]], problems: list[str]
) -> None:
    """A scoring rule as logic: the required type's lines all, the rest at least as many
    as the total still needs (every one of them worth the same points)."""
    m = _REQUIRED_TYPE.search(note)
    if m is None or len(cells) != len(root.children):
        return
    required = [c for c, (t, _) in zip(root.children, cells, strict=True) if t == m.group(1)]
    optional = [(c, p) for c, (t, p) in zip(root.children, cells, strict=True) if t != m.group(1)]
    total = _TOTAL_NEEDED.search(note)
    if not optional or total is None:
        return
    need = int(total.group(1)) - sum(p for t, p in cells if t == m.group(1))
    worth = {p for _, p in optional}
    if need <= 0 or len(worth) != 1:
        return
    k = math.ceil(need / worth.pop())
    if k > len(optional):
        problems.append(f"page {root.page}: the total in {note[:60]!r} cannot be reached")
        return
    group = PolicyNode(
        id=f"{root.id}.points",
        text=note,
        page=root.page,
        op="at_least" if k > 1 else "any_of",
        n=k,
        verified=root.verified,
        children=[c for c, _ in optional],
    )
    if k == len(optional):
        group.op, group.n = "all_of", k
    root.children = [*required, group]
    root.op, root.n = "all_of", len(root.children)


def coded_block_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from blocks under coded condition lines, or None where no such
    condition line is followed by a granting note over items."""
    kept = [(k, c) for k, x in enumerate(lines) if (c := _clean(x)) is not None]
    lines = [c for _, c in kept]
    out: list[Indication] = []
    used: set[int] = set()
    local: list[str] = []
    current: Indication | None = None
    at = 0
    while at < len(lines):
        line = lines[at]
        named = _condition(line.text) if line.indent <= 4 and not _listed(line) else None
        if named is not None:
            near = lines[at + 1 : at + 4]
            if any(_note(x.text) for x in [line, *near]):
                current = Indication(
                    id=f"C{len(out) + 1}",
                    name=named[0],
                    text=line.text,
                    page=line.page,
                    icd10=named[1],
                    section=line.text,
                )
                out.append(current)
                used.add(at)
        note = _note(line.text)
        if note is None or current is None or line.indent > 4 or _listed(line):
            at += 1
            continue
        items, end = _block(lines, at + 1, line.indent)
        items, cells = _points(items)
        kind = "continuation" if _RENEWAL.search(line.text) else "initial"
        b = _Branch(kind, replace(line, text=note), lines=items)
        said: list[str] = []
        node = _root(b, f"{current.id}.{kind}", pages, said) if items else None
        # "every item is YES", "both items YES": the note states the logic the group reads
        local += [x for x in said if not (_ALL_ITEMS.search(note) and _UNSTATED in x)]
        if node is not None and node.children:
            if cells:
                _score_rule(node, note, [cells[k] for k in sorted(cells)], local)
            length = _LENGTH.search(note)
            current.branches.append(
                Branch(request_type=kind, approval=length.group(1) if length else None, node=node)  # type: ignore[arg-type]
            )
            used |= set(range(at, end))
        at = max(end, at + 1)
    out = [ind for ind in out if ind.branches]
    if not any(b.request_type == "initial" for ind in out for b in ind.branches):
        return None
    problems.extend(local)
    # the lines read, as numbered before the pick-list lines were dropped
    return out, {kept[k][0] for k in used}
