"""Restriction blocks, one per drug and treatment phase (the Australian PBS restriction text):
a drug heading, "Restriction level: ..." lines, "Treatment Phase: Initial treatment" and
fields ("Clinical criteria:", "Population criteria:", "Treatment criteria:") whose items
are joined by bare "AND" / "OR" lines, then "Authority approval: up to 6 months".

Each block is a branch: its phase says initial or continuation, and the blocks of one drug
heading and one phase qualifier ("Initial treatment - gating variant" / "Continuing
treatment - gating variant") are one indication. Every field applies (the layout prints no
connector between fields: all of them); inside a field the printed AND / OR lines are the
logic, and an item ending "...:" leads in the items set deeper under it. The lines read are
returned so the rest of the policy (exclusions, scope) is read without them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _BRANCH_CONTINUED, _BRANCH_INITIAL
from pipeline.policy.groups import _node
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Item, Line
from pipeline.policy.verbatim import PageText

_PHASE = re.compile(r"^(?:treatment\s+|request\s+)?phase\s*:\s*(\S.*)$", re.I)
# "Restriction level: ...", "Condition: ...": a short label and its value above the phase
_LABELLED = re.compile(r"^([A-Z][A-Za-z\-]*(?: [A-Za-z\-]+){0,3})\s*:\s*(.*)$")
_FIELD_WORDS = re.compile(r"\b(?:criteria|criterion|requirements?|conditions?)\b", re.I)
_CONNECTOR = re.compile(r"^[-–(\s]*(AND|OR)[-–)\s]*$", re.I)
_CONDITION_LABEL = re.compile(r"^(?:condition|indication|diagnosis)$", re.I)
_APPROVAL_LABEL = re.compile(r"\b(?:approval|authori[sz]ation|duration)\b", re.I)
_DURATION = re.compile(r"\b(\d+)\s*(months?|years?|weeks?|days?)\b", re.I)
# "... diagnosis of cystic fibrosis confirmed by ...": the condition a criterion names
_DIAGNOSIS = re.compile(
    r"\b(?:diagnosis of|diagnosed with)\s+(.+?)(?=\s+(?:confirmed|documented|as|by|with|"
    r"that|who|and|or|in|on)\b|[,;.(]|$)",
    re.I,
)
# "First treatment", "Commencement": phase names a branch heading seldom uses
_FIRST = re.compile(r"^(?:first|commenc\w*|start\w*)\b", re.I)
# "Initial treatment - gating variant": the qualifier after the phase's name
_QUALIFIER = re.compile(r"\s+[-–—:]\s+|\s*[(,]\s*")


@dataclass
class _Block:
    drug: str
    phase: str
    page: int
    kind: str
    qualifier: str
    condition: str = ""
    approval: str | None = None
    fields: list[list[Line]] = field(default_factory=list)
    labels: list[Line] = field(default_factory=list)


def _field_label(line: Line) -> tuple[str, str] | None:
    """("Clinical criteria", rest) for a field's label line, its first item run in or not."""
    m = _LABELLED.match(line.text)
    if m is None or not _FIELD_WORDS.search(m.group(1)):
        return None
    return m.group(1), m.group(2).strip()


def _kind(phase: str) -> tuple[str, str]:
    """(initial | continuation | any, the phase's qualifier)."""
    parts = _QUALIFIER.split(phase, maxsplit=1)
    qualifier = parts[1].strip(" )") if len(parts) == 2 else ""
    if _BRANCH_CONTINUED.match(phase):
        return "continuation", qualifier
    if _BRANCH_INITIAL.match(phase) or _FIRST.match(phase):
        return "initial", qualifier
    return "any", qualifier


def _header(lines: list[Line], at: int, floor: int) -> tuple[str, str, int]:
    """(drug heading, condition, first line) above the phase line at ``at``: label lines
    ("Restriction level: ...") and the heading over them."""
    condition, start = "", at
    while start - 1 >= floor and (m := _LABELLED.match(lines[start - 1].text)):
        if _CONDITION_LABEL.match(m.group(1)):
            condition = m.group(2).strip()
        start -= 1
    drug = ""
    if start - 1 >= floor and not lines[start - 1].text.rstrip().endswith(":"):
        start -= 1
        drug = lines[start].text
    return drug, condition, start


def _body(lines: list[Line], at: int, block: _Block) -> int:
    """Read the fields after the phase line into ``block``; the index after the block."""
    margin = lines[at].indent
    end = at + 1
    current: list[Line] | None = None
    nested: bool | None = None  # the fields' items are set deeper than their labels
    while end < len(lines):
        line = lines[end]
        if _PHASE.match(line.text):
            break
        label = _field_label(line)
        if label is not None and line.indent <= margin + 2:
            block.labels.append(line)
            current = []
            block.fields.append(current)
            if label[1]:  # "Clinical criteria: Patient must ...": its first item run in
                current.append(Line(line.page, line.indent, label[1]))
            end += 1
            continue
        flush = line.indent <= margin and not _CONNECTOR.match(line.text)
        if current is None or flush and (_LABELLED.match(line.text) or line.blank_before):
            break
        if nested is None and not _CONNECTOR.match(line.text):
            nested = line.indent > margin
        if flush and nested:
            break  # back at the margin after items set deeper: the block is over
        current.append(line)
        end += 1
    # "Authority approval: up to 6 months ...": the approval after the fields
    while end < len(lines) and (m := _LABELLED.match(lines[end].text)):
        if not _APPROVAL_LABEL.search(m.group(1)):
            break
        if block.approval is None and (d := _DURATION.search(m.group(2))):
            block.approval = f"{d.group(1)} {d.group(2).lower()}"
        end += 1
    return end


def _items(lines: list[Line], page: int) -> list[Item]:
    """A field's items: a bare AND / OR line ends one item and records how it is joined to
    the next; a line set deeper under an item ending ':' starts its own items; any other
    line is the item's wrapped text."""
    out: list[Item] = []
    at = 0
    fresh = True
    while at < len(lines):
        line = lines[at]
        if m := _CONNECTOR.match(line.text):
            if out:
                out[-1].joined = m.group(1).upper()
            fresh = True
            at += 1
            continue
        last = out[-1] if out else None
        if last is not None and last.text.rstrip().endswith(":") and not fresh:
            # a lead-in's items: those set deeper, else the rest of the field
            deeper = line.indent > last.indent
            stop = at
            while stop < len(lines) and (not deeper or lines[stop].indent > last.indent):
                stop += 1
            last.children = _items(lines[at:stop], page)
            at = stop
            fresh = False
            continue
        if last is None or fresh:
            out.append(Item("unmarked", "", line.text, line.page, line.indent, ""))
        else:
            last.text = f"{last.text} {line.text}"
        fresh = False
        at += 1
    return out


def _grouped(items: list[Item], text: str, page: int) -> list[Item]:
    """A field's items as children of the all-of root: joined by AND they are the root's
    own; alternatives joined by OR form one group (AND binding tighter, as written)."""
    runs: list[list[Item]] = [[]]
    for k, it in enumerate(items):
        runs[-1].append(it)
        if it.joined == "OR" and k < len(items) - 1:
            runs.append([])
        if k == len(items) - 1:
            it.joined = ""
    if len(runs) == 1:
        return runs[0]
    children = []
    for run in runs:
        if len(run) == 1:
            children.append(run[0])
        else:
            group = Item("unmarked", "", text, page, 0, "", children=run)
            group.stated = ("all_of", len(run))
            children.append(group)
    for c in children[:-1]:
        c.joined = "OR"
    return [Item("unmarked", "", text, page, 0, "", children=children)]


def _read(lines: list[Line]) -> tuple[list[_Block], set[int]]:
    blocks: list[_Block] = []
    used: set[int] = set()
    floor = 0
    at = 0
    while at < len(lines):
        m = _PHASE.match(lines[at].text)
        if m is None:
            at += 1
            continue
        drug, condition, start = _header(lines, at, floor)
        kind, qualifier = _kind(m.group(1).strip())
        block = _Block(drug, lines[at].text, lines[at].page, kind, qualifier, condition)
        end = _body(lines, at, block)
        if any(block.fields):
            blocks.append(block)
            used |= set(range(start, end))
        floor = at = max(end, at + 1)
    return blocks, used


def _root(block: _Block, node_id: str, pages: PageText, problems: list[str]):
    children: list[Item] = []
    for label, lines in zip(block.labels, block.fields, strict=True):
        if lines:
            children += _grouped(_items(lines, label.page), label.text, label.page)
    root = Item("para", "", block.phase, block.page, 0, "", children=children)
    root.stated = ("all_of", len(children))  # every field applies: no connector between them
    return _node(root, node_id, pages, problems)


def _name(block: _Block, qualified: bool) -> str:
    condition = block.condition
    if not condition:
        texts = [x.text for lines in block.fields for x in lines]
        found = next((m.group(1) for t in texts if (m := _DIAGNOSIS.search(t))), "")
        condition = found[:1].upper() + found[1:]
    name = condition or block.drug or block.phase
    return f"{name} - {block.qualifier}" if qualified and block.qualifier and condition else name


def phase_block_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from treatment-phase blocks, or None where the policy prints none
    with an initial phase (the other readers then read it)."""
    blocks, used = _read(lines)
    if not any(b.kind == "initial" for b in blocks):
        return None
    out: list[Indication] = []
    keys: dict[tuple[str, str], Indication] = {}
    # a qualifier names the indication where one drug's phase comes in several ("Initial
    # treatment - gating variant" / "- residual function"); else the drug heading tells
    # the blocks apart, and the condition alone is what a diagnosis is matched against
    kinds = Counter((b.drug.lower(), b.kind) for b in blocks)
    for k, block in enumerate(blocks, 1):
        local: list[str] = []
        node = _root(block, f"P{k}", pages, local)
        problems.extend(local)
        branch = Branch(request_type=block.kind, approval=block.approval, node=node)  # type: ignore[arg-type]
        key = (block.drug.lower(), block.qualifier.lower())
        into = keys.get(key)
        if into is not None and all(b.request_type != block.kind for b in into.branches):
            into.branches.append(branch)
            continue
        criteria = " ".join(x.text for lines in block.fields for x in lines)
        text = " ".join(x for x in (block.drug, block.phase, criteria) if x)
        ind = Indication(
            id=f"P{k}",
            name=_name(block, kinds[(block.drug.lower(), block.kind)] > 1),
            text=text,
            page=block.page,
            icd10=F.icd10_codes(f"{block.condition} {block.phase}"),
            section=block.drug,
            branches=[branch],
        )
        keys[key] = ind
        out.append(ind)
    return out, used
