"""Logic stated only in a column header: a criteria sheet prints each approved use as a title
line over a header row whose cells say how each column's items combine ("ALL must apply" |
"PLUS at least ONE of"), the items side by side under them, and then a box titled for the
review that continues the course ("72-hour review: continue only if ALL apply") over its own
items.

Read from the raw layout lines (the columns are cut where the header's cells start), each
use an indication: its initial branch every column joined by all of (a column whose header
says all of gives its items to that root, any other column is a group of its own), its
continuation the review box. The lines read are returned so the rest of the policy
(exclusions, scope) is read without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.groups import _node
from pipeline.policy.list_labels import _marker
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.verbatim import PageText, _verbatim

# a header cell that is only logic: "ALL must apply", "PLUS at least ONE of", "Any two of"
_CELL_LOGIC = re.compile(
    r"^(?:(?:plus|and|also|with|must\s+(?:have|meet|satisfy)|meets?|requires?)\s+)?"
    r"(at\s+least\s+|any\s+)?"
    r"(all|both|either|one|any|two|three|four|\d)\b"
    r"(?:\s+(?:of|must|are|is|required|needed|apply|applies|met|the|following|these|below)\b"
    r"[^.;]{0,30})?\s*:?$",
    re.I,
)
# the logic word inside a box title: "continue only if ALL apply"
_LOGIC_WORD = re.compile(r"\b(at\s+least\s+)?(ALL|BOTH|EITHER|ONE|ANY|TWO|THREE)\b")
# a box over the criteria that continue a course
_REVIEW = re.compile(r"\b(?:review|continu\w*|renew\w*|re-?authori[sz]\w*|extend\w*)\b", re.I)
# "Approved use 1: X", "Indication 2 - X", "1. X": the label before a use's name
_TITLE_LABEL = re.compile(r"^(?:[A-Za-z][\w ]{0,30}?\s+)?\d{1,2}[A-Za-z]?\s*[:.)\-–—]\s+(?=\S)")
_CELL = re.compile(r"\S+(?: {1,3}\S+)*")


@dataclass
class _Use:
    title: str
    page: int
    header: list[tuple[int, str]]  # (column, cell text)
    columns: list[list[str]] = field(default_factory=list)  # items per column
    review: str = ""
    review_items: list[str] = field(default_factory=list)


def cell_logic(text: str) -> tuple[str, int] | None:
    """(op, n) a header cell states, or None for a cell that is not only logic."""
    m = _CELL_LOGIC.match(text.strip())
    if m is None or len(text) > 60:
        return None
    return _op(m.group(1) or "", m.group(2))


def _op(least: str, word: str) -> tuple[str, int]:
    word = word.lower()
    if word in {"all", "both"}:
        return "all_of", 0
    count = F.number(word) or 1
    if word in {"either", "one", "any"} or count == 1:
        return "any_of", 1
    return "at_least", count


def _header(raw: str) -> list[tuple[int, str]] | None:
    cells = [(m.start(), m.group(0)) for m in _CELL.finditer(raw)]
    if len(cells) < 2 or cells[0][0] > 4 or any(cell_logic(t) is None for _, t in cells):
        return None
    return cells


def _split(raw: str, starts: list[int]) -> list[str]:
    """A line cut into the header's columns; a cut moves left to the gap before it where
    a word crosses the header's column."""
    parts, last = [], 0
    for start in starts[1:]:
        cut = max(start - 1, last)
        while cut > last and cut < len(raw) and raw[cut - 1] != " " and raw[cut] != " ":
            cut -= 1
        parts.append(raw[last:cut])
        last = cut
    parts.append(raw[last:])
    return parts


def _items(texts: list[str]) -> list[str]:
    """A column's lines → its items: a marker starts one, other lines run on."""
    items: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        if not text:
            continue
        if found := _marker(text):
            items.append(found[2])
        elif items:
            items[-1] += " " + text
        else:
            items.append(text)
    return items


def _next_filled(lines: list[str], at: int) -> int:
    while at < len(lines) and not lines[at].strip():
        at += 1
    return at


def _read_use(lines: list[str], h: int, page: int, used: set[tuple[int, int]]) -> _Use | None:
    header = _header(lines[h])
    t = h - 1
    while t >= 0 and not lines[t].strip():
        t -= 1
    if header is None or t < 0 or _marker(lines[t].strip()):
        return None
    use = _Use(" ".join(lines[t].split()), page, header)
    starts = [c for c, _ in header]
    cols: list[list[str]] = [[] for _ in starts]
    at = _next_filled(lines, h + 1)
    taken = {t, h}
    while at < len(lines) and lines[at].strip():
        for k, part in enumerate(_split(lines[at], starts)):
            cols[k].append(part)
        taken.add(at)
        at += 1
    use.columns = [_items(c) for c in cols]
    if not all(use.columns):
        return None
    box = _next_filled(lines, at)
    if box < len(lines) and _REVIEW.search(lines[box]) and not _marker(lines[box].strip()):
        end = box + 1
        while end < len(lines) and lines[end].strip() and _header(lines[end]) is None:
            end += 1
        use.review = " ".join(lines[box].split())
        use.review_items = _items(lines[box + 1 : end])
        if use.review_items:
            taken |= set(range(box, end))
        else:
            use.review = ""
    used |= {(page, x) for x in taken}
    return use


def _leaves(items: list[str], page: int, node_id: str, pages: PageText, problems: list[str]):
    return [
        _node(Item("bullet", "•", text, page, 0, ""), f"{node_id}.{i}", pages, problems)
        for i, text in enumerate(items, 1)
    ]


def _group(text: str, op: str, n: int, page: int, node_id: str, children, pages) -> PolicyNode:
    text, page, verified = _verbatim(text, page, pages)
    if op == "all_of":
        n = len(children)
    return PolicyNode(
        id=node_id, text=text, page=page, op=op, n=n, verified=verified, children=children
    )  # type: ignore[arg-type]


def _initial(use: _Use, node_id: str, pages: PageText, problems: list[str]) -> PolicyNode:
    children: list[PolicyNode] = []
    for k, ((_, cell), items) in enumerate(zip(use.header, use.columns, strict=True), 1):
        op, n = cell_logic(cell) or ("all_of", 0)
        leaves = _leaves(items, use.page, f"{node_id}.{k}", pages, problems)
        if op == "all_of":
            children.extend(leaves)
        else:
            children.append(_group(cell, op, n, use.page, f"{node_id}.{k}", leaves, pages))
    first = use.header[0][1]
    return _group(first, "all_of", 0, use.page, node_id, children, pages)


def _review(use: _Use, node_id: str, pages: PageText, problems: list[str]) -> PolicyNode:
    m = _LOGIC_WORD.search(use.review.split(":", 1)[-1])
    if m is None:
        problems.append(f"page {use.page}: no logic stated in {use.review[:60]!r}; read as all of")
    op, n = _op(m.group(1) or "", m.group(2)) if m else ("all_of", 0)
    leaves = _leaves(use.review_items, use.page, node_id, pages, problems)
    return _group(use.review, op, n, use.page, node_id, leaves, pages)


def header_column_indications(
    raw: list[list[str]], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[tuple[int, int]]] | None:
    """Each use under a header row of logic an indication, and the (page, line) places read;
    None where no such header row is printed."""
    used: set[tuple[int, int]] = set()
    uses = [
        use
        for number, lines in enumerate(raw, 1)
        for h in range(len(lines))
        if (use := _read_use(lines, h, number, used)) is not None
    ]
    if not uses:
        return None
    out: list[Indication] = []
    for k, use in enumerate(uses, 1):
        ind_id = f"C{k}"
        branches = [Branch(request_type="any", node=_initial(use, f"{ind_id}.i", pages, problems))]
        if use.review:
            branches[0].request_type = "initial"
            node = _review(use, f"{ind_id}.c", pages, problems)
            branches.append(Branch(request_type="continuation", node=node))
        name = _TITLE_LABEL.sub("", use.title, count=1).strip() or use.title
        out.append(
            Indication(
                id=ind_id,
                name=name,
                text=use.title,
                page=use.page,
                icd10=F.icd10_codes(use.title),
                section=use.title,
                branches=branches,
            )
        )
    return out, used
