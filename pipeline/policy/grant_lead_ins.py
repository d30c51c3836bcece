"""The last-resort reading of a layout no other reader knows (issue 25): every lead-in
sentence that grants coverage ("For a first request, we approve X for 6 months for Y when
all of the following are true:", "NEW START - coverage is authorized if any one of these
applies:", "Members are eligible ... when they meet one of the criteria below:") over the
items after it, whatever marks them: a marker of any kind, none (one item a line, a
line starting in lower case running on), or table cells read left to right, top to bottom.

A lead-in may sit anywhere a sentence can: a paragraph of its own, an answer under its
question ("Q2. When will we approve X for Y?" / "A. We approve it for 6 months when the
request shows all of the points below."), a committee's motion ("Motion (...): that X be
approved ... when all of the following are documented:") or its amendment ("renewal for a
further 6 months when the record shows:"). It ends in a colon, or in a full stop after words
pointing at the items next ("below", "these", "this list"). Its granting words are
grant_words.py's; a grant for a further term ("Yes, for 6 more months, when ...") needs no
verb.

The items run to the next lead-in, the next paragraph gap (items marked alike and set apart
by gaps, or indented under the lead-in across a page turn, go on), a heading over the next
lead-in, or a line back at the lead-in's margin ("Vote: ... Motion carried."). The group's
logic is the lead-in's own words (all / both / any / one / at least N); a lead-in stating
none is kept as all of its items, with a problem saying so. The indication is the condition
the lead-in names ("for <condition> when", a title sentence opening it: "Use 2 - <condition>.
One course is approved when"), else the one the nearest title above names (a heading, a
question, a numbered heading, a panel's title of any case right over it: its own "for
<condition>" where it has one; a title naming its request type first, "Renewal -
(<condition>)", names the condition after it), else a drug's
run-in label ("<drug> (<brand>): approve one course if") granted for the condition the titles
or the document's opening words name (prose_condition.py), else the document title's; a
lead-in naming none continues the indication read before it. A logic label may follow the
lead-in's colon ("... the following criteria: Both:"). The
request type and duration come from the lead-in or its title ("first request", "renewal",
"for 6 more months", "for 6 months", branch_names.py's words); a branch of no stated type
beside its indication's one renewal is the first request.

A test script's or rule's order reads the same way: a counted condition ("When ALL of these are
documented:") whose grant follows its items ("Then approve for 12 months": the term), under a
title naming the request type ("Scenario: X-01 <condition>, renewal", every title in reach is
read for it) and a step stating the condition ("Given the member has <condition>"). A name
pointing back ("for that episode") is none; "For X we renew ..." names X. A lead-in over
nothing but titles leads no items. compile.py uses this reading only
where the other readers found no indication, a weaker single one, or none named by a
condition.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.branch_names import (
    INITIAL_RE,
)
from pipeline.policy.condition_spelling import spelled_condition
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_logic import _logic, _typed
from pipeline.policy.grant_titles import (
    _HEADING_REACH,
    _RENEWAL,
    _heading_above,
    _is_title,
    _request_type,
    _sentence_title,
    _titles_above,
)
from pipeline.policy.grant_words import grant_words
from pipeline.policy.granted_subject import passive_subject
from pipeline.policy.lead_in_sections import TERMED_RUN_IN, join_renewals, section_kinds
from pipeline.policy.lead_in_sentences import (
    _is_heading,
    lead_sentence,
    own_clauses,
)
from pipeline.policy.lead_in_terms import section_term, term
from pipeline.policy.list_labels import _marker
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Line
from pipeline.policy.prose_condition import prose_condition
from pipeline.policy.run_in_branches import _name, document_condition, titled_subject
from pipeline.policy.sections import _Branch, _root
from pipeline.policy.shared_sections import cited_section_lines
from pipeline.policy.title_condition import labelled_condition, who_has_condition
from pipeline.policy.verbatim import PageText

# a lead-in ending in a colon: its conditions come before the colon, a logic label may
# follow them ("... meeting the following criteria: Both:", "... criteria: Either:")
_CONDITIONAL = re.compile(
    r"\b(?:when|if|where|following|below|these|criteria|provided)\b[^:]*:"
    r"(?:\s*(?:both|either|all|any|one|each)\b[^:]{0,40}:)?\s*$",
    re.I,
)
# a run-in label naming what the lead-in grants ("X (Brand): approve one course if", "X:
# may be covered for 3 months when"; not "Amended and accepted: continued approval for
# ...": the label is no object of the grant)
_RUN_IN = re.compile(
    r"^(?P<label>[A-Z][^:.;]{2,60}?):\s+(?:(?:is|are|may|will|can|shall)\s+(?:be\s+)?)?"
    r"(?:approv|authori[sz]|cover|fund|allow|dispens|grant|pa(?:y|id)\b|subsidi[sz])",
    re.I,
)
_FOR = re.compile(
    r"\bfor\s+(?!(?:\d+|one|two|three|six|twelve)\b)"
    r"(?:(?:the\s+)?treatment\s+of\s+|members?\s+with\s+|patients?\s+with\s+)?"
    r"(?P<name>[^,:;()]+?)\s+(?:when|if|where|in\s+(?:members|patients|adults))\b",
    re.I,
)
# where a "for <condition>" name ends: its verb ("X for Y is renewed"), or the granting
# clause's own subject ("For X we renew for 12 months when": X)
_VERB = re.compile(
    r"\s+(?:is|are|will|may|shall|can)\s+|[,\s]+(?:we|you|they|the\s+plan)\s+(?=[a-z])", re.I
)
# a name pointing back at what was said before ("for that episode", "for this use", "for
# such patients"): no condition of its own; the title above names it
_POINTS_BACK = re.compile(r"^(?:that|this|these|those|such|the\s+same|said)\b", re.I)
_ENTRY = re.compile(r"\b(?:inclusion|entry|enrol(?:l?ment)?)\s+criteri", re.I)
_COUNTED = re.compile(r"\b(?:all|both|any|either|one)\s+of\s+the\s+following\b", re.I)
_CELL_GAP = re.compile(r"\s{3,}")


def _lead_in(lines: list[Line], at: int) -> tuple[str, int] | None:
    """The granting sentence from ``at`` and the index after it."""
    if (read := lead_sentence(lines, at)) is None:
        return None
    text = read[0]
    # a renewal's term and its count are a grant in themselves ("Renewal every 12 months
    # requires all of the following:")
    typed = text.endswith(":") and _typed_term(text) and _COUNTED.search(text)
    # "X: 12 months when both apply:": a run-in label over the term granted
    typed = typed or bool(TERMED_RUN_IN.match(text))
    if len(text.split()) < 5 or not (grant_words(text) or typed):
        return None
    if text.endswith(":") and not (_CONDITIONAL.search(text) or _typed_term(text)):
        return None
    return read


def _granted_after(lines: list[Line], at: int) -> tuple[str, int, str] | None:
    """A conditional lead-in whose grant follows its items ("When ALL of these are
    documented:" / items / "Then approve for 12 months", a scenario's or an IF / THEN
    rule's order): (the lead-in, the index after it, the granting line after the items)."""
    if _marker(lines[at].text) is not None or (read := lead_sentence(lines, at)) is None:
        return None  # a marked "3. Any of the following:" is a group among items
    text, start = read
    if not _counted_condition(text):
        return None
    for k in range(at + 1, start):
        later = lead_sentence(lines, k)
        if later is not None and later[1] == start and _counted_condition(later[0]):
            return None  # the lead-in starts on a later line ("Given X" / "When ALL of:")
    end = items_end(lines, start, lines[at])
    after = _grant_after(lines, start, end)
    return (text, start, after) if after else None


def _counted_lead(lines: list[Line], at: int) -> bool:
    """A counted conditional lead-in starts at ``at`` ("When ALL of these are
    documented:"): a new list, whatever grants it; not a marked item's group ("3. Any of
    the following:")."""
    if _marker(lines[at].text) is not None:
        return False
    read = lead_sentence(lines, at)
    return read is not None and _counted_condition(read[0])


def _counted_condition(text: str) -> bool:
    """A lead-in stating a condition over a count of its items ("When ALL of these are
    documented:", "If BOTH apply:")."""
    return text.endswith(":") and bool(_CONDITIONAL.search(text)) and _logic(text) is not None


def _grant_after(lines: list[Line], start: int, end: int) -> str:
    """The line right after the items when it grants ("Then approve for 6 months"), else
    nothing: where a scenario or a rule states its grant and term."""
    if end <= start or end >= len(lines) or _lead_in(lines, end) is not None:
        return ""
    after = lines[end].text.strip()
    return after if grant_words(after) else ""


def _typed_term(text: str) -> bool:
    """A lead-in naming its request type and term, no condition word needed ("Continued
    coverage for these codes (12 months at a time):", "Renewal - approve 6 months:")."""
    return bool(term(text) and (INITIAL_RE.search(text) or _RENEWAL.search(text)))


def items_end(lines: list[Line], start: int, lead: Line) -> int:
    """The first line after the items: the next lead-in, a paragraph gap, a heading right
    above the next lead-in, or a line back at the lead-in's margin where the items stand
    indented under it ("Vote: 9 in favor ..." after a motion's items)."""
    end = start
    under = _marker(lines[start].text) is not None and lines[start].indent > lead.indent
    while end < len(lines):
        line = lines[end]
        # a gap ends the items, but for marked items set apart ("• A" / "" / "• B") and
        # items indented under the lead-in that a page turn splits
        turned = under and line.page_start and line.indent > lead.indent
        spaced = line.blank_before and not _alike(line, lines[start]) and not turned
        if end > start and (spaced or line.page_start and _is_heading(line)):
            break
        if (
            end > start
            and under
            and line.indent <= lead.indent
            and (not _marker(line.text) or not _alike(line, lines[start]))
        ):
            break
        if _lead_in(lines, end) is not None or _counted_lead(lines, end):
            break
        if _is_heading(line) and end + 1 < len(lines) and _lead_in(lines, end + 1):
            break
        if end > start and _marker(lines[start].text) and _capital_title(line, lines[start]):
            break  # "NOT COVERED" after marked items: the next section's title
        end += 1
    return end


def _capital_title(line: Line, first: Line) -> bool:
    """A title after marked items: in capitals ("NOT COVERED", "DOSAGE AND QUANTITY
    LIMITS"), or left of the first item's marker ("Section 4 - Dosing")."""
    text = line.text.strip()
    return _is_heading(line) and (text.isupper() and len(text) >= 6 or line.indent < first.indent)


def _alike(line: Line, first: Line) -> bool:
    """Two items marked in the same style ("1." and "2.", "•" and "•")."""
    a, b = _marker(line.text), _marker(first.text)
    return a is not None and b is not None and a[0] == b[0]


def _cells(line: Line, raw: dict[tuple[int, str], str]) -> list[str]:
    """A line's table cells as printed apart (3+ spaces), else the line."""
    printed = raw.get((line.page, line.text))
    if printed is None:
        return [line.text]
    return [c for c in _CELL_GAP.split(printed.strip()) if c]


def _item_lines(lines: list[Line], raw: dict[tuple[int, str], str], indent: int) -> list[Line]:
    """The items as outline lines: marked items as printed; unmarked ones one a line (or a
    cell), a line starting in lower case running on the item before it, each given a
    bullet so the outline reads it as an item."""
    if any(_marker(x.text) for x in lines):
        return lines
    out: list[Line] = []
    for line in lines:
        for cell in _cells(line, raw):
            if out and cell[:1].islower():
                out[-1] = Line(out[-1].page, out[-1].indent, f"{out[-1].text} {cell}")
            else:
                out.append(Line(line.page, indent + 4, f"• {cell}"))
    return out


# a lead-in opening on its subject before a dash ("Sapropterin (Kuvan) - first request, ...")
_SUBJECT = re.compile(r"^([A-Z][\w-]{2,})(?:\s+\([^)]*\))?\s+[-–—]\s")


def _subject(text: str) -> str | None:
    """The drug (or other subject, no condition, no request type) a lead-in opens on, or
    grants in the passive."""
    m = _SUBJECT.match(text)
    said = m.group(1) if m is not None else passive_subject(text)
    if said is None or names_condition(said) or INITIAL_RE.match(said):
        return None
    return None if _RENEWAL.match(said) else said


def _base_condition(condition: str) -> str:
    """A title's condition without what follows its dash ("PKU - drug A and drug B")."""
    head = re.split(r"\s+[-–—]\s+", condition)[0]
    return head if names_condition(head) else condition


def _run_in_name(label: str, condition: str | None, lines: list[Line], at: int) -> str | None:
    """The indication a run-in label names ("Drug X (Brand): approve ... if"): a condition
    it names, else the drug's, granted for the condition the titles above or the document's
    opening words name; none for a request type's or a granting label ("Renewal:")."""
    if INITIAL_RE.search(label) or _RENEWAL.search(label) or grant_words(label):
        return None
    if names_condition(label):
        return label
    if len(label.split()) > 6:
        return None
    found = condition or prose_condition(lines, at)
    return _name(label, found) if found is not None else None


def grant_lead_in_indications(
    lines: list[Line], raw_pages: list[list[str]], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from granting lead-ins over their items, or None where no lead-in
    heads two or more items."""
    raw = {(p, " ".join(r.split())): r for p, page in enumerate(raw_pages, 1) for r in page}
    condition = document_condition(lines)
    kinds = section_kinds(lines)
    out: list[Indication] = []
    used: set[int] = set()
    local: list[str] = []
    last_key: str | None = None  # the subject the last lead-in opened on
    floor = 0
    at = 0
    while at < len(lines):
        # a granting lead-in, else a counted condition whose grant follows its items
        if (read := _lead_in(lines, at)) is not None:
            (text, start), grant_line = read, ""
        elif (granted := _granted_after(lines, at)) is not None:
            text, start, grant_line = granted
        else:
            at += 1
            continue
        end = items_end(lines, start, lines[at])
        items = _item_lines(lines[start:end], raw, lines[at].indent)
        grant_line = grant_line or _grant_after(lines, start, end)
        if not items or all(_is_title(x) for x in lines[start:end]):
            # nothing but titles after it ("Acceptance criteria" / "Scenario: X"): a statement
            # about the document, leading no items; the titles are read on
            at = start
            continue
        # "..., together with chapter 3.": the shared section's items too (shared_sections.py)
        items = own_clauses(items, lines[at]) + cited_section_lines(text, lines)
        named, heading = _heading_above(lines, at, floor)
        # request-type words wherever a title in reach writes them: the nearest title, then
        # the others above it ("Scenario: X, renewal" over "Given the member has X")
        kind = _request_type(text, heading or "", *_titles_above(lines, at, floor))
        # else the request-type section the lead-in stands in ("REAUTHORIZATION" over several)
        kind = kind if kind != "any" else kinds[at] or "any"
        # a study's "Inclusion criteria" over a lead-in: the criteria to start
        kind = "initial" if kind == "any" and _ENTRY.search(heading or "") else kind
        title = Line(lines[at].page, lines[at].indent, text)
        said_term = term(text) or term(grant_line) or term(heading or "")
        # else the term the section states between its title and the lead-in
        said_term = said_term or section_term(lines, at, floor, _HEADING_REACH)
        b = _Branch(kind, title, approval=said_term, lines=items)
        node_id = f"L{len(out) + 1}.{kind}"
        said_before = len(local)
        node = _root(b, node_id, pages, local)
        lead, at, floor = at, end, end
        if node is None or not node.children:
            continue
        if (logic := _logic(text)) is not None:
            node.op = logic[0]  # type: ignore[assignment]
            node.n = logic[1] or len(node.children)
            # the lead-in's words state the root's logic: no problem of its own unstated
            stated = f"no combining logic stated for {text[:60]!r}"
            local[said_before:] = [p for p in local[said_before:] if stated not in p]
        else:
            local.append(
                f"page {title.page}: {node_id}: the lead-in states no logic "
                f"(all / any / at least N); its items are read as all required"
            )
        m = _FOR.search(text)
        # the condition the lead-in grants for, else its own title sentence's, else the one
        # its nearest title names
        # "X for Y is renewed for 6 months when": the name ends at its verb
        for_name = _VERB.split(m.group("name"))[0].strip() if m else ""
        said = (
            for_name
            if for_name and names_condition(for_name) and not _POINTS_BACK.match(for_name)
            else None
        )
        said = said or _sentence_title(text) or labelled_condition(text)
        run = _RUN_IN.match(text) or TERMED_RUN_IN.match(text)
        if said is None and run is not None:
            said = _run_in_name(run.group("label").strip(), named or condition, lines, lead)
        # "For members who have X, we approve ...": where no title names a condition
        name = said or named or who_has_condition(text)
        key = _subject(text)
        titled = None
        if condition and (subject := titled_subject(heading)):
            if name is None:
                name = _name(subject, _base_condition(condition))  # "X (drug)" over its tiles
            # the subject's first word: its titles with other doses or routes are one, a
            # later title's request of it too ("X, initial request" / "X, renewal")
            titled = subject.split()[0].lower()
        name = name and name[:1].upper() + name[1:]
        branch = Branch(request_type=kind, approval=b.approval, node=node)  # type: ignore[arg-type]
        used |= set(range(lead, end))
        if out and (
            name is None
            and key in (None, last_key)
            or name
            and name.lower() == out[-1].name.lower()
            or titled is not None
            and titled == last_key
        ):
            out[-1].branches.append(branch)
            last_key = titled or key or last_key
            continue
        if name is None and key and condition:
            # "Pegvaliase - first request, ..." after "Sapropterin - ...": the title's
            # condition treated with another drug, an indication of its own
            name = f"{spelled_condition(_base_condition(condition), pages.pages)} - {key}"
        last_key = titled or key
        name = name or condition or heading or text
        out.append(
            Indication(
                id=f"L{len(out) + 1}",
                name=name,
                text=text,
                page=title.page,
                icd10=F.icd10_codes(f"{heading or ''} {text}"),
                section=name,
                branches=[branch],
            )
        )
    if not any(len(b.node.children) >= 2 for ind in out for b in ind.branches):
        return None
    out = join_renewals(out)
    _typed(out)
    problems.extend(local)
    return out, used
