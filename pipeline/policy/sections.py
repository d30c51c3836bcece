"""Condition sections read from the line stream: a heading that names a condition, then
its branches under headings of their own ("Initial approval criteria" / "Continuation of
therapy", "Initial authorization 6 months" / "Reauthorization", "Hepatic encephalopathy -
Initial Request" / "- Renewal Request", a form's "Therapy Stage" value), each branch's
criteria read by the outline reader (or as yes/no steps).

A heading is a condition's by what follows it (a branch heading, a criteria lead-in, a
list) and by its words (the ICD-10-CM vocabulary), never by a fixed list of conditions;
headings made only of a document's own words ("Coverage Policy", "Approval Criteria",
"Clinical Criteria", "Endnotes") never are. A branch heading at the conditions' own level
("D. Reauthorization (all indications in sections A to C)") is a branch of every one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.policy import fields as F
from pipeline.policy.branch_names import (
    _DURATION_ONLY,
    _branch_kind,
    _document_heading,
    comma_title,
)
from pipeline.policy.code_table_rows import TERM_IN_PAREN, code_row
from pipeline.policy.coded_bands import section_starts
from pipeline.policy.condition_labels import criteria_label, names_others, plain_condition, run_in
from pipeline.policy.condition_vocabulary import PAREN, names_condition, words_of
from pipeline.policy.groups import _node
from pipeline.policy.indications import coded_name
from pipeline.policy.lead_in_titles import titles_lead_in
from pipeline.policy.list_labels import next_label
from pipeline.policy.logic_notes import is_logic_note, sub_choice, terse_logic
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item, Line, outline
from pipeline.policy.runon import spread_runons
from pipeline.policy.steps import STEP, is_step_block, read_steps, step_approval, steps_node
from pipeline.policy.wording import (
    _APPROVE_FOR,
    _APPROVES,
    _EXCLUSION_SECTION,
    _LIMITS_SECTION,
    _NOT_CRITERIA,
    _OF_THE_FOLLOWING,
    _STOP_SECTIONS,
)

_SECTION_MARK = re.compile(r"^(?:([A-Z])|([IVX]{1,4})|(\d{1,2}))[.)]\s+")
_CONTINUED = re.compile(r"\s*[(\[]?\s*(?:continued|cont'?d\.?|cont\.)\s*[)\]]?\s*$", re.I)
# "Reauthorization (all indications)", "Renewal - all conditions above"
_FOR_ALL = re.compile(
    r"\b(?:all|every|each|any)\s+(?:of\s+the\s+)?(?:above\s+)?(?:indications?|conditions?|"
    r"diagnos[ei]s|uses|sections?)\b|"
    # "Continuation of therapy (uses A, B and C)", "Renewal for sections A to C"
    r"\b(?:sections?|uses?|indications?|conditions?|parts?)\s+[A-Z]\b"
    r"(?:\s*(?:,|and|or|to|through|-|–)\s*[A-Z]\b)+",
    re.I,
)
_SPLIT = re.compile(r"\s+[-–—]\s+|:\s+")
_STOP = re.compile(
    r"^(?:end\s*notes?|notes?|dosing|dosage|administration|quantity|place of|"
    r"contraindications?|warnings?|precautions?)\b",
    re.I,
)


@dataclass
class _Head:
    text: str  # marker and "(continued)" removed
    mark: str  # "upper" / "roman" / "num" / ""
    label: str


def _heading(line: Line) -> _Head | None:
    """A short line standing alone that may head a section: no sentence, no question."""
    text, mark, label = line.text, "", ""
    if m := _SECTION_MARK.match(text):
        if line.indent > 4:
            return None
        mark = "upper" if m.group(1) else "roman" if m.group(2) else "num"
        label = m.group(1) or m.group(2) or m.group(3)
        text = text[m.end() :]
    text = _CONTINUED.sub("", text).strip()
    label_of, _, value = text.partition(": ")
    if value and _document_heading(label_of):
        text = value.strip()  # "Diagnosis: Turner syndrome", "Therapy Stage: Renewal"
    if text.endswith(":") and _branch_kind(text[:-1]) is not None:
        text = text[:-1]  # "Initial Approval Criteria:"
    words = PAREN.sub("", text).split()
    if not (1 <= len(words) <= 10) or not text[:1].isupper() or "?" in text:
        return None
    if text.endswith((".", ",", ";", ":")) or STEP.match(text) or re.search(r"[.;]\s", text):
        return None  # a sentence, not a heading
    letters = sum(c.isalpha() for c in text)
    if letters < 0.6 * len(text.replace(" ", "")):
        return None
    if mark and _branch_kind(text) is None:
        # a marked line is a heading only in title case or capitals ("A. PLAQUE PSORIASIS",
        # "B. Heterozygous Familial ..."), not a numbered criterion ("1. Member is 18 ..."),
        # unless it names a branch ("I. Criteria for initial approval")
        long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
        if sum(w[0].isupper() for w in long_words) < max(1, 0.6 * len(long_words)):
            return None
    return _Head(text, mark, label)


def _stop(head: _Head) -> bool:
    text = head.text
    return bool(
        _STOP_SECTIONS.match(text)
        or _EXCLUSION_SECTION.search(text)
        or _LIMITS_SECTION.search(text)
        or _NOT_CRITERIA.match(text)
        or _STOP.match(text)
    )


def _leads_in(lines: list[Line], at: int) -> bool:
    """A criteria lead-in starts at ``at`` ("Approve when ALL of the following are met:",
    "X may be considered medically necessary for PNH when ALL of the following are met:")."""
    text = lines[at].text
    if not text.endswith(":") and at + 1 < len(lines):
        text += " " + lines[at + 1].text
    # "Clinical criteria (at least two required):": the logic in a parenthesis at its end
    return text.endswith(":") and bool(
        _OF_THE_FOLLOWING.search(text) or _APPROVES.search(text) or terse_logic(text, 2)
    )


def _mark_of(text: str) -> tuple[str, str]:
    """(mark style, label) of a section marker ("A." → upper, A); ("num", "") for none."""
    m = _SECTION_MARK.match(text)
    if m is None:
        return "num", ""
    mark = "upper" if m.group(1) else "roman" if m.group(2) else "num"
    return mark, m.group(1) or m.group(2) or m.group(3)


def _titles_list(lines: list[Line], at: int, before: list[str]) -> bool:
    """A marked line in sentence case over a list of another marker set deeper ("A.
    Idiopathic pulmonary fibrosis (IPF)" / "1. Diagnosis of ..."), with a sibling that
    titles a section too, further on ("B. Systemic sclerosis ...") or read before (a
    section labelled just before it, in ``before``): the items of one list of titles, not
    a criterion over its sub-criteria."""
    line, nxt = lines[at], lines[at + 1]
    own = _SECTION_MARK.match(line.text)
    below = _SECTION_MARK.match(nxt.text)
    if own is None or below is None or nxt.indent < line.indent + 2:
        return False
    if [g is None for g in own.groups()] == [g is None for g in below.groups()]:
        return False  # the same marker style: the line's siblings, not its list
    label = own.group(1) or own.group(2) or own.group(3)
    if any(next_label(x, label) for x in before):
        return True
    for later in lines[at + 2 :]:
        m = _SECTION_MARK.match(later.text)
        if later.indent > line.indent + 1 or m is None:
            continue
        if not next_label(label, m.group(1) or m.group(2) or m.group(3)):
            return False
        head = _heading(later)
        return plain_condition(later) is not None or head is not None
    return False


def _comma_title(lines: list[Line], at: int) -> tuple[tuple[str, str], Line] | None:
    """A criteria set's title at the margin over its list, its parts separated by commas
    (branch_names.comma_title), with its last words wrapped onto the next line ("...,
    initial request," / "All:"): its condition and request type, and the whole title."""
    line = lines[at]
    if line.indent > 4 or _SECTION_MARK.match(line.text) or _listed(line):
        return None
    after = at + 1
    if line.text.endswith(",") and after < len(lines):
        nxt = lines[after]
        if nxt.page == line.page and abs(nxt.indent - line.indent) <= 1 and len(nxt.text) <= 30:
            line = Line(line.page, line.indent, f"{line.text} {nxt.text}", line.blank_before)
            after += 1
    if after >= len(lines) or not _listed(lines[after]) or lines[after].indent < line.indent:
        return None
    found = comma_title(line.text)
    return (found, line) if found is not None else None


def _listed(line: Line) -> bool:
    return bool(STEP.match(line.text)) or bool(re.match(r"^(?:\d{1,2}[.)]|[•●·o§▪-])\s", line.text))


@dataclass
class _Branch:
    kind: str  # initial / continuation / any
    title: Line
    approval: str | None = None
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Section:
    name: str
    label: str
    page: int
    mark: str
    branches: list[_Branch] = field(default_factory=list)
    shared: bool = False  # a branch of every condition before it
    others: bool = False  # shared only by the conditions with no such branch of their own
    run_in: bool = False  # named by a run-in label, not a heading of its own
    codes: list[str] = field(default_factory=list)  # "ICD-10: D59.5" printed under the heading


def _code_line(text: str) -> list[str]:
    """The ICD-10 codes of a line that only lists them ("ICD-10: G70.00, G70.01")."""
    codes = F.icd10_codes(text)
    rest = re.sub(rf"{F.ICD10_CODE}|icd-?10(?:-cm)?|codes?|[\W_]", "", text, flags=re.I)
    return codes if codes and len(rest) <= 3 else []


def _condition_follows(lines: list[Line], at: int, head: _Head) -> str | None:
    """What shows ``lines[at]`` to head a condition: the branch heading, lead-in or list
    after it (past a table's header cells, a duration, a form's labels)."""
    vocab = names_condition(head.text)
    if ":" in head.text and not vocab:
        return None  # "POLICY: ...", a label and its value
    for j in range(at + 1, min(at + 8, len(lines))):
        line = lines[j]
        h = _heading(line)
        if h is not None and _branch_kind(h.text) is not None:
            return "branch"
        if _leads_in(lines, j) or criteria_label(line.text):
            return "lead-in" if vocab else None
        if _listed(line):
            return "list" if vocab else None
        if _code_line(line.text) or code_row(line.text) or _DURATION_ONLY.match(line.text):
            continue
        if h is not None and _document_heading(h.text):
            continue  # "Criteria | Approval duration", "12 month(s)", "Therapy Stage"
        if h is not None and len(h.text.split()) <= 4 and not names_condition(h.text):
            continue  # a form's label or value ("Guideline Type", "Prior Authorization")
        return None
    return None


def read_sections(lines: list[Line]) -> tuple[list[_Section], set[int]]:
    """Condition sections and the indices of the lines they hold."""
    sections: list[_Section] = []
    used: set[int] = set()
    current: _Section | None = None
    branch: _Branch | None = None
    pending: str | None = None  # a duration read before the branch it belongs to
    chrome: set[str] = set()  # table headers and form labels between a heading and its branch
    opened: Line | None = None  # the current condition's heading
    context: str | None = None  # "I. Criteria for initial approval" over run-in conditions
    joined: set[int] = set()  # a title's wrapped last words, read with it
    for at, line in enumerate(lines):
        if at in joined:
            used.add(at)
            continue
        if current is not None and (branch is None or not branch.lines):
            if codes := code_row(line.text):
                # a row of the code table under the condition's title: its codes
                current.codes.extend(codes)
                used.add(at)
                continue
        head = _heading(line)
        starts = section_starts(line, bool(head and head.mark))  # coded_bands.py
        if head is not None and starts and _stop(head) and not _branch_kind(head.text):
            current, branch = None, None
            continue
        kind = _branch_kind(head.text) if head is not None else None
        if (
            kind is not None
            and head is not None
            and head.mark
            and all(s.run_in for s in sections)
            and (current is None or current.run_in)
        ):
            # a marked branch section over run-in conditions: the request type of each
            context, current, branch = kind[0], None, None
            used.add(at)
            continue
        if (label := run_in(line)) is not None and (context or current is None or current.run_in):
            same = next(
                (s for s in sections if s.name.lower() == label[0].lower() and not s.shared),
                None,
            )
            if same is None:
                others = names_others(label[0])
                same = _Section(label[0], "", line.page, "", shared=others, others=others)
                same.run_in = True
                sections.append(same)
            current, opened = same, line
            branch = _Branch(context or "any", line)
            current.branches.append(branch)
            used.add(at)
            continue
        name = None
        if head is None and (titled := _comma_title(lines, at)) is not None:
            # "Efgartigimod alfa, generalized myasthenia gravis, initial request, All:"
            (name, branch_kind), line = titled
            kind, head = (branch_kind, None), _Head(name, "", "")
            if line.text != lines[at].text:
                joined.add(at + 1)
        plain = plain_condition(line) if head is None and starts else None
        if plain is not None and at + 1 < len(lines):
            after = _heading(lines[at + 1])
            if (
                after is not None
                and _branch_kind(after.text) is not None
                or _titles_list(lines, at, [s.label for s in sections if s.label])
                or titles_lead_in(lines, at, [s.label for s in sections if s.label])
            ):
                # "1. Plaque psoriasis" over "Initial approval", "A. Idiopathic pulmonary
                # fibrosis (IPF)" over its own numbered list: a condition in sentence case
                name = plain
                head = _Head(plain, *_mark_of(line.text))
        if head is not None and kind is None and starts and not _document_heading(head.text):
            parts = _SPLIT.split(head.text, maxsplit=1)
            if (
                len(parts) == 2
                and (k := _branch_kind(parts[1]))
                and not _document_heading(parts[0])
            ):
                name, kind = parts[0], k  # "Hepatic Encephalopathy (HE) - Initial Request"
            elif _condition_follows(lines, at, head):
                name = head.text
        if name is not None:
            assert head is not None
            key = name.lower()
            same = next((s for s in sections if s.name.lower() == key and not s.shared), None)
            if same is None:
                same = _Section(name, head.label, line.page, head.mark)
                sections.append(same)
            current, branch, opened = same, None, line
            used.add(at)
            if kind is not None:
                branch = _Branch(kind[0], line, kind[1] or pending)
                current.branches.append(branch)
                pending = None
            continue
        if kind is not None and head is not None and (current is not None or sections):
            marks = {s.mark for s in sections if s.mark}
            if head.mark and head.mark in marks or _FOR_ALL.search(head.text):
                # "D. Reauthorization (all indications in sections A to C)": at the
                # conditions' level, a branch of every one of them
                current = _Section(head.text, head.label, line.page, head.mark, shared=True)
                sections.append(current)
            elif current is None:
                continue
            branch = _Branch(kind[0], line, kind[1] or pending)
            current.branches.append(branch)
            pending = None
            used.add(at)
            continue
        if current is None:
            continue
        used.add(at)
        if (branch is None or not branch.lines) and (codes := _code_line(line.text)):
            current.codes.extend(codes)
            continue
        if m := _DURATION_ONLY.match(line.text):
            if branch is not None and not branch.lines:
                branch.approval = branch.approval or m.group(1)
            else:
                pending = m.group(1)
            continue
        if branch is None or not branch.lines:
            if head is not None and (_document_heading(head.text) or len(head.text.split()) <= 4):
                chrome.add(line.text)
                continue  # "Criteria", "Approval Criteria", "Guideline Type"
            if branch is None:
                branch = _Branch("any", opened or line)
                current.branches.append(branch)
        if line.text in chrome:
            continue
        branch.lines.append(line)
    return sections, used


def _root(branch: _Branch, node_id: str, pages, problems: list[str]) -> PolicyNode | None:
    title = Item("para", "", branch.title.text, branch.title.page, 0, "")
    if is_step_block(branch.lines):
        steps = read_steps(branch.lines)
        branch.approval = branch.approval or step_approval(steps)
        return steps_node(steps, node_id, title, pages, problems)
    roots = spread_runons(outline(branch.lines))  # "A; AND B; AND C" (runon.py)
    if branch.approval is None and branch.kind != "any":
        # a branch's own heading with its term ("Continued coverage (6 months at a time):")
        m = TERM_IN_PAREN.search(branch.title.text)
        branch.approval = m.group(1) if m else None
    for r in roots:
        for note in [*r.notes, *([r.text] if r.style == "para" and not r.children else [])]:
            if (m := _APPROVE_FOR.search(note)) and branch.approval is None:
                branch.approval = m.group(1)
        if r.style == "para" and r.children and branch.approval is None:
            # the lead-in over the list states the term ("... (approve for 12 months):",
            # "Continued coverage (6 months at a time):")
            m = _APPROVE_FOR.search(r.text) or TERM_IN_PAREN.search(r.text)
            branch.approval = m.group(1) if m else None
    kept = [r for r in roots if r.children or r.style not in {"para", "unmarked"}]
    if not kept:
        return None
    if len(kept) == 1 and kept[0].style == "para":
        return _node(kept[0], node_id, pages, problems)
    # a note after the branch's list ("Criteria 1 through 5 must all be met"): its logic
    title.notes = [r.text for r in roots if r.style == "para" and is_logic_note(r.text)]
    if sub_choice(title.text):
        title.notes.append(title.text)  # "(box 4 is checked when 4a or 4b is)"
    title.children = kept
    return _node(title, node_id, pages, problems)


def _copy(node: PolicyNode, prefix: str) -> PolicyNode:
    return node.model_copy(
        update={"id": f"{prefix}.{node.id}", "children": [_copy(c, prefix) for c in node.children]}
    )


def _condition_of(name: str) -> str:
    """The condition an indication's name gives, without a branch named after it."""
    parts = _SPLIT.split(name, maxsplit=1)
    if len(parts) == 2 and _branch_kind(parts[1]) is not None:
        name = parts[0]
    return " ".join(words_of(name))


def _score(indications: list[Indication]) -> tuple[int, int, int]:
    """(conditions named, branches of a stated request type, branches)."""
    named = {_condition_of(i.name) for i in indications if i.branches and names_condition(i.name)}
    branches = [b for i in indications for b in i.branches]
    typed = sum(b.request_type != "any" for b in branches)
    return len(named), typed, len(branches)


def better_reading(sectioned: list[Indication], outlined: list[Indication]) -> bool:
    """The sections explain the policy better than the outline reader's statements: more
    conditions named, or as many with more branches of a stated request type."""
    return _score(sectioned) > _score(outlined)


def section_indications(
    lines: list[Line], pages, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read section by section, or None where no condition section with
    criteria is found (the outline reader then reads the policy)."""
    sections, used = read_sections(lines)
    out: list[Indication] = []
    local: list[str] = []
    for k, section in enumerate(sections, 1):
        ind_id = section.label or f"S{k}"
        branches: list[Branch] = []
        for b in section.branches:
            node = _root(b, f"{ind_id}.{b.kind}", pages, local)
            if node is not None:
                branches.append(Branch(request_type=b.kind, approval=b.approval, node=node))  # type: ignore[arg-type]
        if section.others:
            # "All other conditions in section I:": the branch of each condition that has
            # none of that request type by name
            for ind in out:
                have = {b.request_type for b in ind.branches}
                ind.branches.extend(
                    b.model_copy(update={"node": _copy(b.node, ind.id)})
                    for b in branches
                    if b.request_type not in have
                )
            continue
        if section.shared:
            for ind in out:
                ind.branches.extend(
                    b.model_copy(update={"node": _copy(b.node, ind.id)}) for b in branches
                )
            continue
        if not branches:
            continue
        name, codes = coded_name(section.name)
        if name.isupper():
            name = " ".join(w[:1] + w[1:].lower() for w in name.split())
        out.append(
            Indication(
                id=ind_id,
                name=name,
                text=section.name,
                page=section.page,
                icd10=F.icd10_codes(section.name) or section.codes or codes,
                section=section.name,
                request_type="any",
                branches=branches,
            )
        )
    if not out:
        return None
    for ind in out:
        kinds = {b.request_type for b in ind.branches}
        if "continuation" in kinds:
            for b in ind.branches:
                if b.request_type == "any":
                    b.request_type = "initial"
    problems.extend(local)
    return out, used
