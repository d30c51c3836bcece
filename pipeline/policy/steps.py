"""Criteria written as numbered yes/no steps (a state Medicaid clinical edit): "Step 3 Has
the client received lactulose ...?" with "[ ] Yes (Go to Step 5) [ ] No (Go to Step 4)"
under it. The logic is in the routing: a step whose "No" denies (or leaves the edit) must
be met, so it is a member of the root's ``all_of``; a step whose "No" goes on to another
step and whose "Yes" skips that step is an alternative to it: they form an ``any_of``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.policy.groups import _node
from pipeline.policy.list_labels import _marker
from pipeline.policy.models import PolicyNode
from pipeline.policy.outline import Item, Line
from pipeline.policy.verbatim import PageText, _verbatim

STEP = re.compile(r"^(?:step|question|q)\s*#?(\d{1,2})[.:)]?\s+(\S.*)$", re.I)
# a question numbered like a list item ("3. Has the client ...?"): a step where routing
# lines follow the questions
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
# "[ ] Yes (Go to Step 3)   [ ] No (Deny)": each answer and where it leads
_ANSWER = re.compile(r"\b(yes|no)\b", re.I)
_ROUTING = re.compile(r"^\W{0,6}(?:if\s+)?\b(?:yes|no)\b.*\b(?:yes|no)\b", re.I)
# the answers printed beside the question, in a column of their own
_INLINE = re.compile(r"\?\s+(\W{0,6}(?:if\s+)?\b(?:yes|no)\b.*\b(?:yes|no)\b.*)$", re.I)
_GO_TO = re.compile(
    r"\b(?:go|proceed|continue|skip)\s+to\s+(?:step|question|q)?\s*#?(\d{1,2})\b", re.I
)
_APPROVE = re.compile(
    r"\bapprove\b[\s\-–:]*(?:for\s+)?(\d+\s+(?:days?|weeks?|months?|years?))?", re.I
)


@dataclass
class Step:
    number: int
    line: Line
    text: str
    yes: str = ""
    no: str = ""


def _routed(lines: list[Line]) -> int:
    return sum(bool(_ROUTING.match(x.text) or _INLINE.search(x.text)) for x in lines)


def is_step_block(lines: list[Line]) -> bool:
    steps = sum(bool(STEP.match(x.text)) for x in lines)
    if steps >= 2 and not _routed(lines) and _listed_under(lines):
        # prompts "Q1 ... Q4" with no answer routing, a list under one: the outline's
        return False
    return (
        steps >= 2
        or steps + sum(bool(_NUMBERED.match(x.text)) for x in lines) >= 2
        and (_routed(lines) >= 2)
    )


def _listed_under(lines: list[Line]) -> bool:
    """A marked line set deeper than the steps (a list under a prompt's "one of:")."""
    margin = min((x.indent for x in lines if STEP.match(x.text)), default=0)
    return any(x.indent > margin + 1 and _marker(x.text) for x in lines if not STEP.match(x.text))


def _route(step: Step, text: str) -> None:
    """Each answer's target: the words after "Yes" up to the next answer ("[ ] Yes (Go to
    Step 3) [ ] No (Deny)", "If yes, go to 3; if no, deny", "Yes → Approve 6 months")."""
    marks = list(_ANSWER.finditer(text))
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        target = re.sub(r"^[\s(:\-–→>,]+|[\s)\[\];,.]+$|\bif\s*$", "", text[m.end() : end])
        setattr(step, m.group(1).lower(), target.strip(" ([;,.") or "next")


def read_steps(lines: list[Line]) -> list[Step]:
    """The steps in order, each question with its wrapped lines and its routing line."""
    steps: list[Step] = []
    numbered = _routed(lines) >= 2
    for line in lines:
        m = STEP.match(line.text) or (_NUMBERED.match(line.text) if numbered else None)
        if m:
            text = m.group(2)
            inline = _INLINE.search(text)
            steps.append(
                Step(int(m.group(1)), line, text[: inline.start() + 1] if inline else text)
            )
            if inline:
                _route(steps[-1], inline.group(1))
        elif steps and _ROUTING.match(line.text):
            _route(steps[-1], line.text)
        elif steps and not steps[-1].yes and not steps[-1].no:
            steps[-1].text += " " + line.text  # the question runs on
    return steps


def _target(route: str) -> int | None:
    m = _GO_TO.search(route)
    return int(m.group(1)) if m else None


def step_approval(steps: list[Step]) -> str | None:
    for s in steps:
        for route in (s.yes, s.no):
            if (m := _APPROVE.search(route)) and m.group(1):
                return m.group(1)
    return None


def steps_node(
    steps: list[Step], node_id: str, title: Item, pages: PageText, problems: list[str]
) -> PolicyNode:
    """The root ``all_of`` of the steps; chains of alternatives as ``any_of`` groups."""
    by_number = {s.number: s for s in steps}
    used: set[int] = set()
    children: list[PolicyNode] = []
    for s in steps:
        if s.number in used:
            continue
        chain = [s]
        nxt = _target(s.no)
        # "No: go to Step 4" where Step 4's "Yes" goes where this step's "Yes" goes
        while nxt is not None and nxt in by_number and nxt > chain[-1].number:
            other = by_number[nxt]
            if _target(other.yes) != _target(s.yes) and other.yes.lower() != s.yes.lower():
                break
            chain.append(other)
            nxt = _target(other.no)
        used.update(x.number for x in chain)
        leaves = [_leaf(x, f"{node_id}.{x.number}", pages, problems) for x in chain]
        if len(leaves) == 1:
            children.append(leaves[0])
            continue
        first = leaves[0]
        children.append(
            PolicyNode(
                id=f"{node_id}.{chain[0].number}-{chain[-1].number}",
                text=first.text,
                page=first.page,
                op="any_of",
                n=1,
                verified=first.verified,
                children=leaves,
            )
        )
    text, page, verified = _verbatim(title.text, title.page, pages)
    return PolicyNode(
        id=node_id,
        text=text,
        page=page,
        op="all_of",
        n=len(children),
        verified=verified,
        children=children,
    )


def _leaf(step: Step, node_id: str, pages: PageText, problems: list[str]) -> PolicyNode:
    item = Item("step", str(step.number), step.text, step.line.page, step.line.indent, "")
    if step.no and not _target(step.no) and not re.search(r"\bdeny\b", step.no, re.I):
        # "No (Review as an initial request)": the answer sends the request elsewhere
        item.notes.append(f"If no: {step.no}")
    return _node(item, node_id, pages, problems)
