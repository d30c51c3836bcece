"""Approval formulas: a prior-authorization form whose sections each hold flat numbered lists
with no logic words, the logic printed under each list as a formula over the item numbers:
"Approve if (1 and 2 and (7 or 8) and 9)", "Approve renewal if (1 and (2 or 3) and 4)".

A formula's list runs up from it to the nearest item numbered 1 (numbering restarts per
list), over any page break between. The line above the list names the branch ("A1. Initial
request" / "A2. Renewal request"; else the formula's own words, "Approve renewal if"), the
nearest heading above that the condition ("SECTION A - SEVERE ALOPECIA AREATA"). A heading
shaped like those ("SECTION C - ...") with no formula under it is a condition the form
lists without criteria. 'and' binds tighter than 'or', as in the formula's own arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.policy.branch_names import _branch_kind
from pipeline.policy.groups import _node
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line, outline
from pipeline.policy.verbatim import _verbatim
from pipeline.policy.wording import _APPROVE_FOR

# "Approve if (1 and 2 and (7 or 8))", "Approve renewal when: 1 and (2 or 3)"
_FORMULA = re.compile(
    r"^(?P<lead>(?:approve|approved|approval|cover|covered|criteria met)\b[\w ]{0,30}?"
    r"\b(?:if|when))\s*:?\s*(?P<expr>[\d\s()]*\d[\d\s()]*(?:\b(?:and|or)\b[\d\s()]+)+)\.?$",
    re.I,
)
_ITEM = re.compile(r"^(\d{1,2})[.)]\s+\S")
# a heading's label before its name: "SECTION A -", "Part 2:", "B."
_LABEL = re.compile(r"^(?:(?:[A-Za-z]+)\s+)?[A-Z0-9]{1,3}\s*[.:)\-–—]\s+")
_MAX_HEADING_WORDS = 12


@dataclass
class _Block:
    formula: int  # the formula line's index
    start: int  # the list's first line
    title: int | None  # the line above the list naming the branch
    kind: str
    expr: str
    approval: str | None = None
    lines: list[Line] = field(default_factory=list)


def parse_formula(expr: str) -> tuple[str, list] | str | None:
    """The formula as a tree: an item number, or (op, children); None where it does not
    parse. 'and' binds tighter than 'or'; nested groups of one op are flattened."""
    tokens = re.findall(r"\d+|\(|\)|\band\b|\bor\b", expr.lower())
    return parse_tokens(tokens, {"and"}, {"or"}, str.isdigit)


def parse_tokens(
    tokens: list[str], all_ops: set[str], any_ops: set[str], is_term: Callable[[str], bool]
) -> tuple[str, list] | str | None:
    """Tokens of a formula as a tree: a term, or (op, children); None where they do not
    parse. An all-of operator binds tighter than an any-of one, as "and" over "or"; nested
    groups of one op are flattened. Shared by item-number formulas and code libraries."""
    at = 0

    def peek() -> str | None:
        return tokens[at] if at < len(tokens) else None

    def take() -> str:
        nonlocal at
        at += 1
        return tokens[at - 1]

    def joined(op: str, parts: list) -> tuple[str, list] | str:
        if len(parts) == 1:
            return parts[0]
        flat: list = []
        for p in parts:
            flat.extend(p[1] if isinstance(p, tuple) and p[0] == op else [p])
        return (op, flat)

    def factor():
        tok = take() if peek() is not None else None
        if tok == "(":
            inner = either()
            if peek() != ")":
                raise ValueError
            take()
            return inner
        if tok is None or tok in all_ops | any_ops or not is_term(tok):
            raise ValueError
        return tok

    def both():
        parts = [factor()]
        while peek() in all_ops:
            take()
            parts.append(factor())
        return joined("all_of", parts)

    def either():
        parts = [both()]
        while peek() in any_ops:
            take()
            parts.append(both())
        return joined("any_of", parts)

    try:
        tree = either()
    except (ValueError, IndexError):
        return None
    return tree if at == len(tokens) else None


def _numbers(tree) -> list[str]:
    if isinstance(tree, str):
        return [tree]
    return [n for child in tree[1] for n in _numbers(child)]


def _kind(title: Line | None, lead: str) -> str:
    """The branch a list answers: its title's words without their label, else the
    formula's ("Approve renewal if")."""
    if title is not None:
        found = _branch_kind(_LABEL.sub("", title.text.strip()).rstrip(":"))
        if found is not None:
            return found[0]
    words = lead.split()[1:-1]  # between "Approve" and "if"
    found = _branch_kind(" ".join(words)) if words else None
    return found[0] if found is not None else "any"


def _blocks(lines: list[Line]) -> list[_Block]:
    out: list[_Block] = []
    for f, line in enumerate(lines):
        m = _FORMULA.match(line.text.strip())
        if m is None or parse_formula(m.group("expr")) is None:
            continue
        start = f - 1
        while start >= 0 and not (
            (item := _ITEM.match(lines[start].text)) and item.group(1) == "1"
        ):
            start -= 1
        floor = out[-1].formula if out else -1
        if start <= floor:
            continue  # no list numbered from 1 above it
        above = lines[start - 1] if start - 1 > floor else None
        title = start - 1 if above is not None and not _ITEM.match(above.text) else None
        block = _Block(f, start, title, "", m.group("expr"), lines=lines[start:f])
        block.kind = _kind(lines[title] if title is not None else None, m.group("lead"))
        # "Approval duration: 6 months." right under the formula
        if f + 1 < len(lines) and (a := _APPROVE_FOR.search(lines[f + 1].text)):
            block.approval = a.group(1)
        out.append(block)
    return out


def _heading(line: Line) -> bool:
    text = line.text.strip()
    return (
        line.indent <= 4
        and len(text.split()) <= _MAX_HEADING_WORDS
        and not text.endswith((".", ":", ";", ","))
        and not _ITEM.match(text)
        and _branch_kind(_LABEL.sub("", text)) is None
        and not _FORMULA.match(text)
    )


def _shape(text: str) -> str:
    """A heading's label with its letters and digits masked: "SECTION A -" → "SECTION # -"."""
    m = _LABEL.match(text.strip())
    return re.sub(r"\b[A-Z0-9]{1,3}\b(?=\s*[.:)\-–—])", "#", m.group(0).strip()) if m else ""


def _name(text: str) -> str:
    """The condition a heading names, its label dropped; capitals in sentence case
    (abbreviations with digits, "COVID-19", kept)."""
    name = _LABEL.sub("", text.strip()).strip()
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        words = name.split()
        name = " ".join(
            w if any(c.isdigit() for c in w) else (w.capitalize() if i == 0 else w.lower())
            for i, w in enumerate(words)
        )
    return name


def _tree_node(
    tree, items: dict[str, PolicyNode], node_id: str, text: str, page: int, pages
) -> PolicyNode:
    if isinstance(tree, str):
        return items[tree]
    op, parts = tree
    children = [
        _tree_node(p, items, f"{node_id}.{k}", _fragment(p), page, pages)
        for k, p in enumerate(parts, 1)
    ]
    found, at, verified = _verbatim(text, page, pages)
    return PolicyNode(
        id=node_id,
        text=found,
        page=at,
        op=op,
        n=len(children) if op == "all_of" else 1,
        verified=verified,
        children=children,
    )


def _fragment(tree) -> str:
    """A sub-formula as printed: "(7 or 8)"."""
    if isinstance(tree, str):
        return tree
    word = " and " if tree[0] == "all_of" else " or "
    return "(" + word.join(_fragment(p) for p in tree[1]) + ")"


def _branch(block: _Block, lines: list[Line], pages, problems: list[str]) -> Branch | None:
    tree = parse_formula(block.expr)
    items: dict[str, PolicyNode] = {}
    for root in outline(block.lines):
        if root.label and root.label not in items:
            items[root.label] = _node(root, f"F{block.formula}.{root.label}", pages, problems)
    wanted = _numbers(tree)
    missing = [n for n in wanted if n not in items]
    formula = lines[block.formula]
    if tree is None or missing:
        problems.append(
            f"page {formula.page}: the formula {block.expr!r} names items "
            f"{', '.join(missing)} its list does not hold; not read"
        )
        return None
    if unused := [n for n in items if n not in wanted]:
        problems.append(
            f"page {formula.page}: items {', '.join(unused)} are not in the formula "
            f"{block.expr!r}; left out of the logic"
        )
    if isinstance(tree, str):
        tree = ("all_of", [tree])
    node = _tree_node(tree, items, f"F{block.formula}", formula.text, formula.page, pages)
    return Branch(request_type=block.kind, approval=block.approval, node=node)  # type: ignore[arg-type]


def formula_indications(
    lines: list[Line], pages, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from approval formulas and the line indices they hold, or None
    where no formula under a numbered list is printed."""
    blocks = _blocks(lines)
    if not blocks:
        return None
    local: list[str] = []
    heads: list[int] = []  # each block's condition heading
    for block in blocks:
        top = block.title if block.title is not None else block.start
        at = top - 1
        while at >= 0 and not (lines[at].blank_before and _heading(lines[at])):
            at -= 1
        heads.append(at)
    shapes = {_shape(lines[h].text) for h in heads if h >= 0} - {""}
    first = min((h for h in heads if h >= 0), default=blocks[0].start)
    # every heading of the same shape from the first on: a condition with or without a
    # formula; another heading ("DENIAL CRITERIA") ends the last
    sections: list[int] = []
    end = len(lines)
    for at in range(first, len(lines)):
        line = lines[at]
        if at in heads or (line.blank_before and _heading(line) and _shape(line.text) in shapes):
            sections.append(at)
        elif line.blank_before and _heading(line) and at > max(b.formula for b in blocks):
            end = at
            break
    out: list[Indication] = []
    for k, head in enumerate(sections, 1):
        text = lines[head].text.strip()
        branches = [
            b
            for block, h in zip(blocks, heads, strict=True)
            if h == head and (b := _branch(block, lines, pages, local)) is not None
        ]
        if len(branches) > 1:
            for b in branches:
                b.request_type = "initial" if b.request_type == "any" else b.request_type
        out.append(
            Indication(
                id=f"S{k}",
                name=_name(text),
                text=text,
                page=lines[head].page,
                section=text,
                branches=branches,
            )
        )
    if not any(ind.branches for ind in out):
        return None
    problems.extend(local)
    return out, set(range(first, end))
