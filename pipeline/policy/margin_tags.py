"""Criteria grids whose logic is a tag printed at the right edge of each numbered criterion
("1. Diagnosis confirmed by ...      REQUIRED", "3. History of ...      OPTION"), with a
legend that says what each tag means ("REQUIRED = must be met. OPTION = alternatives; one
OPTION in a request type is enough").

A tag is a capitalised word that ends numbered criteria; its meaning is read from the
policy's own sentences that name it: "one ... is enough" / "alternatives" make the tagged
criteria of a band one any-of group, "must be met" / "all" make each a criterion of the
list. A tag whose meaning the policy never states leaves the policy to the other readers.
Each list's heading ("Use A - Condition X: initial request (6 months)") names its
condition and its request type; the lists of one condition are one indication.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _branch_kind
from pipeline.policy.header_columns import _group, _leaves
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line
from pipeline.policy.verbatim import PageText

_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
_TAG_END = re.compile(r"\s+([A-Z]{3,})$")
# "AND" / "OR" ending a criterion joins it to the next: a connector, not a tag
_CONNECTOR = re.compile(r"^(?:AND|OR|NOR|NOT|THEN|PLUS|AND/OR)$")
_TAG_ALONE = re.compile(r"^[A-Z]{3,}$")
# what a legend clause says a tag does
_ANY = re.compile(
    r"\b(?:alternatives?|one\b[^.;]{0,60}\b(?:enough|suffices?|sufficient)|"
    r"(?:at least|any|only) one\b|either)\b",
    re.I,
)
_ALL = re.compile(
    r"\b(?:must (?:all )?be met|all\b[^.;]{0,60}\bmust|mandatory|always needed)\b", re.I
)
# "Use A - ...", "Section 2: ...": a label before the condition
_LABEL = re.compile(r"^(?:[A-Za-z]+\s+)?(?:\d{1,2}|[A-Z])\s*[:.)\-–—]\s+(?=\S)")
_TITLE_SPLIT = re.compile(r"\s*[:,]\s+|\s+[-–—]\s+(?=\S+(?:\s+\S+){0,3}\s*(?:\(|$))")


@dataclass
class _List:
    title: Line
    items: list[tuple[str, str, int]] = field(default_factory=list)  # (text, tag, page)
    lines: set[int] = field(default_factory=set)


def _tag_of(text: str) -> tuple[str, str]:
    m = _TAG_END.search(text)
    return (text[: m.start()].rstrip(), m.group(1)) if m else (text, "")


def _meanings(tags: set[str], pages: PageText, read: list[str]) -> dict[str, tuple[str, str]]:
    """Each tag's meaning ("all_of" / "any_of", the words that say so) as the policy's own
    clauses state it: the words around one mention of the tag, up to the next mention of
    a tag, with the criteria themselves (``read``) taken out first."""
    if not tags:
        return {}
    text = " ".join(" ".join(pages.pages).split())
    for line in sorted(read, key=len, reverse=True):
        if len(line.split()) >= 3:
            text = text.replace(" ".join(line.split()), " ")
    mention = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(tags))) + r")\b")
    said: dict[str, list[str]] = {t: [] for t in tags}
    for clause in re.split(r"[.;]\s+", text):
        found = list(mention.finditer(clause))
        for k, m in enumerate(found):
            start = found[k - 1].end() if k else 0
            end = found[k + 1].start() if k + 1 < len(found) else len(clause)
            said[m.group(0)].append(
                " ".join(
                    f"{clause[start : m.start()]} {m.group(0)} {clause[m.end() : end]}".split()
                )
            )
    out: dict[str, tuple[str, str]] = {}
    for tag, windows in said.items():
        for op, says in (("any_of", _ANY), ("all_of", _ALL)):
            if window := next((w for w in windows if says.search(w.replace(tag, " "))), None):
                out[tag] = (op, window.strip(" :=-–"))
                break
    return out


def _read(lines: list[Line]) -> list[_List]:
    out: list[_List] = []
    current: _List | None = None
    for at, line in enumerate(lines):
        m = _NUMBERED.match(line.text)
        if m and line.indent <= 4:
            text, tag = _tag_of(m.group(2))
            if m.group(1) == "1" and at > 0 and not _NUMBERED.match(lines[at - 1].text):
                current = _List(lines[at - 1], lines={at - 1})
                out.append(current)
            if current is None:
                continue
            current.items.append((text, tag, line.page))
            current.lines.add(at)
        elif (
            current is not None
            and current.items
            and (
                line.indent > current.title.indent
                or _TAG_ALONE.match(line.text)
                and not current.items[-1][1]
            )
        ):
            # a criterion's wrapped text, or its tag on a line of its own
            text, tag, page = current.items[-1]
            if _TAG_ALONE.match(line.text) and not tag:
                tag = line.text
            else:
                more, late = _tag_of(line.text)
                text, tag = f"{text} {more}", tag or late
            current.items[-1] = (text, tag, page)
            current.lines.add(at)
        else:
            current = None
    return [x for x in out if any(tag for _, tag, _ in x.items)]


def _root(
    grid: _List, meaning: dict[str, tuple[str, str]], node_id: str, pages, problems
) -> PolicyNode:
    """The list's criteria, all of them; a run of criteria whose tag means "one is enough"
    one any-of group where the run starts, named by the clause that says so."""
    children: list[PolicyNode] = []
    band: list[tuple[str, str, int]] = []

    def leaf(text: str, page: int, node_id: str) -> PolicyNode:
        return _leaves([text], page, node_id, pages, problems)[0]

    def close() -> None:
        k = f"{node_id}.{len(children) + 1}"
        if len(band) == 1:
            children.append(leaf(band[0][0], band[0][2], k))
        elif band:
            leaves = [leaf(t, p, f"{k}.{i}") for i, (t, _, p) in enumerate(band, 1)]
            said = meaning[band[0][1]][1]
            children.append(_group(said, "any_of", 1, band[0][2], k, leaves, pages))
        band.clear()

    for text, tag, page in grid.items:
        if tag in meaning and meaning[tag][0] == "any_of":
            if band and band[-1][1] != tag:
                close()
            band.append((text, tag, page))
            continue
        close()
        if tag not in meaning:
            problems.append(f"page {page}: no tag printed on {text[:60]!r}; read as required")
        children.append(leaf(text, page, f"{node_id}.{len(children) + 1}"))
    close()
    return _group(grid.title.text, "all_of", 0, grid.title.page, node_id, children, pages)


def tagged_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from tagged criteria lists, or None where no list is tagged with
    tags the policy defines."""
    grids = _read(lines)
    counts = Counter(tag for g in grids for _, tag, _ in g.items if tag)
    tags = {t for t, n in counts.items() if n >= 2 and not _CONNECTOR.match(t)}
    for g in grids:
        # a capitalised word that ends one criterion only (an acronym) is its text
        g.items = [
            (t, tag, p) if tag in tags else (f"{t} {tag}".strip(), "", p) for t, tag, p in g.items
        ]
    # a tagged list tags (nearly) every criterion: a capital word ending a few is no tag
    grids = [g for g in grids if sum(bool(t) for _, t, _ in g.items) >= 0.8 * len(g.items)]
    tags &= {t for g in grids for _, t, _ in g.items}
    read = [_tag_of(lines[i].text)[0] for g in grids for i in sorted(g.lines)]
    meaning = _meanings(tags, pages, read)
    if not tags or set(meaning) != tags or "any_of" not in {v[0] for v in meaning.values()}:
        return None
    out: list[Indication] = []
    used: set[int] = set()
    by_name: dict[str, Indication] = {}
    for k, grid in enumerate(grids, 1):
        local: list[str] = []
        title = grid.title.text
        parts = _TITLE_SPLIT.split(title)
        kind, approval = "any", None
        if len(parts) > 1 and (found := _branch_kind(parts[-1])) is not None:
            kind, approval = found
            title = title[: title.rfind(parts[-1])].rstrip(" :,-–—")
        node = _root(grid, meaning, f"G{k}", pages, local)
        problems.extend(local)
        used |= grid.lines
        branch = Branch(request_type=kind, approval=approval, node=node)  # type: ignore[arg-type]
        name = _LABEL.sub("", title, count=1).strip() or title
        into = by_name.get(name.lower())
        if into is not None and all(b.request_type != kind for b in into.branches):
            into.branches.append(branch)
            continue
        ind = Indication(
            id=f"G{k}",
            name=name,
            text=grid.title.text,
            page=grid.title.page,
            icd10=F.icd10_codes(grid.title.text),
            section=grid.title.text,
            branches=[branch],
        )
        by_name[name.lower()] = ind
        out.append(ind)
    return out, used
