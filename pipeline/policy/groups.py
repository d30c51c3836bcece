"""Outline items → criteria nodes: a group's logic as the policy states it (a lead-in,
labels named in a stem, connectors at line ends or on their own lines), every node's
text checked on its page."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.grant_logic import counted_units
from pipeline.policy.inline_logic import expand_inline
from pipeline.policy.logic_notes import note_logic, terse_logic
from pipeline.policy.models import PolicyNode
from pipeline.policy.outline import _BULLETS, Item
from pipeline.policy.references import reference_fields
from pipeline.policy.runon import spread_runons
from pipeline.policy.verbatim import _CONJ_END, PageText, _verbatim
from pipeline.policy.wording import (
    _APPROVES,
    _CONTINUATION,
    _EXAMPLES_LEAD,
    _FOLLOWING,
    _INITIAL,
    _LABELS,
    _OF_THE_FOLLOWING,
)
from pipeline.sources.parse import normalize

_EITHER_END = re.compile(r"\beither\s*:?\s*$", re.I)
_OR_OPENS = re.compile(r"^or\s+(?!more\b|less\b|greater\b|higher\b|lower\b)(\w)", re.I)
_ENOUGH = re.compile(
    r"\b(?:either|any(?:\s+one)?|one)\b[^.:;]{0,40}\b(?:is|are)\s+(?:enough|sufficient)\b", re.I
)
# a form's question answered through its sub-lines ("(ANY ONE LETTER = Y)", "any one box
# answered yes"): a yes on one of them answers it
_ANY_ONE_YES = re.compile(r"\b(?:any|either)\s+one\s+\w+\s*(?:=|is|answered)\s*(?:Y|yes)\b", re.I)
_ONE_STEM = re.compile(r"^(?:at\s+least\s+|any\s+)?one\s+(?!of\b)[a-z][^.;]{0,100}:\s*$", re.I)


def _group_op(item: Item) -> tuple[str, int, str | None]:
    """(op, n, problem) for an item with children."""
    text = item.text
    if m := _OF_THE_FOLLOWING.search(text):
        word = (m.group(2) or m.group(4) or m.group(5)).lower()
        if word in {"all", "both"} or (
            word == "one" and re.search(r"\b(?:every|each)\s*$", text[: m.start(2)], re.I)
        ):
            # "every one of the following sentences is true": each of them, all
            return "all_of", len(item.children), None
        count = F.number(word) or 1
        if word == "either" or count == 1:
            return "any_of", 1, None
        return "at_least", count, None
    if counted := counted_units(text):
        # "Both rows must be met; approval 6 months.": a table's or form's first row
        # counting the rows under it (grant_logic.py)
        return counted[0], counted[1] or len(item.children), None
    if (_EITHER_END.search(text) or _ONE_STEM.match(text)) and len(item.children) > 1:
        # "One formulary option failed or cannot be used:" over its options: any one
        # "penicillamine has been used and either" over its alternatives (ordinal_prose.py)
        return "any_of", 1, None
    if (_ENOUGH.search(text) or _ANY_ONE_YES.search(text)) and len(item.children) > 1:
        # "Which of these applies? A yes to either option is enough:": any one answer
        return "any_of", 1, None
    if stated := terse_logic(text, len(item.children)):
        # "Prior treatment, One:", "Supportive findings, Two or more:", "(2 or more):"
        return stated[0], stated[1], None
    if m := _LABELS.search(text):
        return ("all_of" if m.group(3).lower() == "and" else "any_of"), 1, None
    ends = []
    for c in item.children[:-1]:
        if c.joined:  # "-OR-" on its own line after it
            ends.append(c.joined)
        elif m := _CONJ_END.search(c.text):
            ends.append(m.group(0).strip(" ;,").upper())
    if ends and all(e == "OR" for e in ends):
        return "any_of", 1, None
    if ends and all(e == "AND" for e in ends):
        return "all_of", len(item.children), None
    if len(item.children) > 1 and _OR_OPENS.match(item.children[-1].text):
        # "Able to receive injections," over "by lumbar puncture" / "or with imaging
        # guidance": the last alternative opened by "or"
        return "any_of", 1, None
    noted = note_logic(item.notes, [c.label for c in item.children]).get("", item.stated)
    if noted is not None:
        # a note after the list ("Criteria 1 through 6 must all be met"), or one on the
        # group above naming this item ("for criterion 2, either 2a or 2b is enough")
        return noted[0], noted[1], None
    if _FOLLOWING.search(text) or text.rstrip().endswith(":"):
        return "all_of", len(item.children), None
    if len(item.children) > 1 and all(
        _APPROVES.search(c.text) and not (_INITIAL.match(c.text) or _CONTINUATION.match(c.text))
        for c in item.children
    ):
        # "1. Authorization of 16 weeks may be granted for ..." / "2. Authorization ...":
        # each statement grants coverage by itself, a separate way to qualify (an initial
        # and a renewal statement are branches, not alternatives)
        return "any_of", 1, None
    return (
        "all_of",
        len(item.children),
        (f"page {item.page}: no combining logic stated for {text[:60]!r}; read as all of"),
    )


def _named_labels(text: str) -> set[str] | None:
    """The child labels a stem names: '(a, b, c, or d)' → {'a','b','c','d'}."""
    m = _LABELS.search(text)
    if not m:
        return None
    labels = [m.group(1), *re.findall(r"[0-9a-zA-Z]{1,4}", m.group(2) or ""), m.group(4)]
    labels = [x.lower() for x in labels]
    if len(set(labels)) < len(labels):  # "(i, ii, and ii)": a typo, not a filter
        return None
    return set(labels)


def _node(item: Item, node_id: str, pages: PageText, problems: list[str]) -> PolicyNode:
    # "Either (a) X, or (b) Y", "Both of the following apply: A; and B": a group of the
    # criteria the sentence enumerates (inline_logic.py)
    expand_inline(item)
    text, page, verified = _verbatim(item.text, item.page, pages)
    notes = [normalize(n) for n in item.notes]
    if not verified:
        problems.append(f"page {item.page}: text of {node_id} not found verbatim on the page")
    if (
        item.children
        and _EXAMPLES_LEAD.search(item.text)
        and not _OF_THE_FOLLOWING.search(item.text)
    ):
        # "Examples include, but may not be limited to:" introduces examples, not criteria:
        # the item is one criterion and its list a note under it.
        names = "; ".join(_subtree_text(c) for c in item.children)
        notes.append(normalize(f"Examples: {names}"))
        item.children = []
    if not item.children:
        kind, extracted = F.classify(text, notes)
        if (ref := reference_fields(text)) is not None:
            kind, extracted = "reference", ref
        return PolicyNode(
            id=node_id,
            label=item.label,
            text=text,
            page=page,
            kind=kind,
            fields=extracted,
            notes=notes,
            verified=verified,
        )
    if len(item.children) == 1:
        # a heading over one run-on paragraph ("A; AND B; AND C"): its criteria are the
        # heading's own (runon.py)
        item.children = spread_runons(item.children)
    children = item.children
    named = _named_labels(item.text)
    if named is None and _LABELS.search(item.text):
        problems.append(f"page {item.page}: the stem of {node_id} names a label twice; all kept")
    if named:
        kept = [c for c in children if c.label.lower() in named]
        dropped = [c for c in children if c.label.lower() not in named]
        if dropped and kept and len(children) == len(named):
            # As many items as the stem names, one labelled otherwise ("(i and ii)" over
            # ii and iii): the policy's own numbering slip, not a filter.
            problems.append(
                f"page {dropped[0].page}: the stem of {node_id} names "
                f"{', '.join(sorted(named))} but its items are labelled "
                f"{', '.join(c.label for c in children)}; all kept"
            )
        elif dropped and kept:
            problems.append(
                f"page {dropped[0].page}: items {', '.join(c.label for c in dropped)} under "
                f"{node_id} are not among those its stem names; left out of the logic"
            )
            children = kept
    item.children = children
    for label, logic in note_logic(item.notes, [c.label for c in children]).items():
        for c in children:
            if label and c.label == label and c.children:
                c.stated = logic
    op, n, problem = _group_op(item)
    if problem:
        problems.append(problem)
    nodes: list[PolicyNode] = []
    if op == "any_of" and (m := _OR_OPENS.match(children[-1].text)):
        # the "or" opening the last alternative is the logic, no word of the criterion
        children[-1].text = children[-1].text[m.start(1) :]
    for i, c in enumerate(children, 1):
        child_id = f"{node_id}.{c.label if c.label and c.style not in _BULLETS else i}"
        if any(x.id == child_id for x in nodes):  # a policy's own numbering slip ("ii" twice)
            child_id += f"#{i}"
        nodes.append(_node(c, child_id, pages, problems))
    return PolicyNode(
        id=node_id,
        label=item.label,
        text=text,
        page=page,
        op=op,  # type: ignore[arg-type]
        n=n if op == "at_least" else (len(nodes) if op == "all_of" else 1),
        notes=notes,
        verified=verified,
        children=nodes,
    )


def _subtree_text(item: Item) -> str:
    return " ".join([item.text, *(_subtree_text(c) for c in item.children)])
