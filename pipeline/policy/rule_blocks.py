"""Criteria written as rules in pseudo-code (a claims system's business rules, a decision
table's text form, an edit specification): "IF <condition> / AND <condition> / THEN
APPROVE 12 MONTHS WHEN ALL OF:" over condition lines, "END ALL" / "ELSE PEND" / "END RULE"
closing them; or "IF ANY OF:" over lines, then "THEN DENY".

Each rule is rewritten as the sentence the general readers read (grant_lead_ins.py,
refusal_lead_ins.py, the outline): the IF conditions that test a field ("diagnosis =
X", "request_type = RENEWAL", "drug = Y", "rule R-01 approved before") scope the rule:
they name its indication and request type, not criteria; the other conditions are
criteria joined by their connectors (AND binds before OR); the THEN outcome gives the
grant or refusal, its term and the logic of the lines under it ("WHEN ALL OF:"). An
outcome that neither grants nor refuses ("ELSE PEND TO PHARMACIST") and END lines are
syntax. A "-- comment" after a logic label ("[4] ANY OF: -- vitamin D used") is the
group's title. Lines outside a rule are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_titles import _request_type
from pipeline.policy.grant_words import REFUSES, grant_words
from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import _marker

# rule syntax is printed in capitals: "IF" / "WHEN", "AND", "THEN", "END ALL", "ELSE"
_IF = re.compile(r"^(?:IF|WHEN)\s+(?P<rest>\S.*)$")
_JOIN = re.compile(r"^(?P<op>AND|OR)\s+(?P<rest>\S.*)$")
_THEN = re.compile(r"^THEN\s+(?P<rest>\S.*)$")
_END = re.compile(r"^(?:END(?:\s+[A-Z]+)?|ENDIF|ELSE\s.*)$")
_COMMENT = re.compile(r"\s+(?:--|//|#)\s+(?P<note>.*)$")
# a logic label: "ALL OF:", "ANY OF:", "AT LEAST 2 OF:", "ONE OF:"
_LOGIC_WORDS = r"all|any|each|either|one|at\s+least\s+\w+"
_LOGIC = re.compile(rf"\b(?P<logic>{_LOGIC_WORDS})\s+of\s*:?", re.I)
_LABEL_ONLY = re.compile(rf"^(?:{_LOGIC_WORDS})\s+of\s*:\s*$", re.I)
# a field test: "diagnosis = X", "request_type == INITIAL", "drug IN (a, b)", "dx is X"
_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w.]*)\s*(?:==?|\bIN\b|\bis\b)\s*(?P<value>.+)$", re.I)
_CONDITION_KEY = re.compile(r"diag|dx|indication|condition|icd|disease", re.I)
_REQUEST_KEY = re.compile(r"request|auth|type|review", re.I)
_SCOPE_KEY = re.compile(r"drug|product|ndc|gpi|hcpcs|medication|plan|line_of_business", re.I)
# a rule cited as approved before ("rule CIN-01 approved before", "prior approval under R2")
_CITED = re.compile(r"\b(?:approved|authori[sz]ed|paid)\s+(?:before|previously)\b|\bprior\b", re.I)
_RULE_ID = re.compile(r"\b[A-Z]{1,6}-?\d{1,3}[A-Z]?\b")
_DENIES = re.compile(r"\b(?:deny|denied|reject\w*|declin\w*|refus\w*|exclude\w*)\b", re.I)
_TERM = re.compile(r"\b\d{1,2}\s*(?:months?|weeks?|years?|days?)\b", re.I)
_MAX_CONDITIONS = 12
_HEADING_WORDS = 8
# a rule title's label: its id and the word before it ("RULE CIN-01", "EDIT TX-7", "R12")
_LABEL = re.compile(r"^(?:[A-Z]+\s+)?[A-Z]{1,6}-?\d{1,3}[A-Z]?\b\s*[:.-]?")
_REFUSAL = "Not covered"


def rule_block_lines(lines: list[Line]) -> list[Line]:
    """The lines with each pseudo-code rule rewritten as a lead-in over its items; the
    lines unchanged where none is found."""
    if not any(_THEN.match(x.text) for x in lines) or not any(_IF.match(x.text) for x in lines):
        return lines
    out: list[Line] = []
    conditions: dict[str, str] = {}  # a rule's id → the condition it names
    found = False
    heading = ""  # the condition the last rule's title gave way to
    at = 0
    while at < len(lines):
        block = _rule(lines, at)
        read = None if block is None else _rewrite(lines, at, block, conditions)
        if block is None or read is None:
            line = lines[at]
            out.append(_titled_group(line) if _LOGIC.search(line.text) else line)
            at += 1
            continue
        condition, rewritten = read
        titled = bool(_title(lines, at)) and bool(out) and out[-1] is lines[at - 1]
        if titled and rewritten[0].text.startswith(_REFUSAL):
            # a refusing rule's title ("RULE X-9 DENY ...") heads the document's exclusions
            out[-1] = replace(out[-1], text="Exclusions")
        elif condition and titled:
            # the rule's title ("RULE CIN-02 ... - RENEWAL") gives way to the condition it
            # scopes, once for the rules of one condition: one indication, its branches
            title = out.pop()
            if condition.lower() != heading.lower():
                out.append(replace(title, text=_heading(condition, title.text)))
            heading = condition
        out.extend(rewritten)
        found, at = True, block[0]
    return [x for x in out if not _END.match(x.text.strip())] if found else lines


def _rule(lines: list[Line], at: int) -> tuple[int, list[str], list[Line]] | None:
    """(the index after the rule's outcome line, its IF / AND / OR / THEN texts, the lines
    between its conditions and its outcome) for a rule starting at ``at``, else None."""
    if (m := _IF.match(lines[at].text.strip())) is None:
        return None
    lead = [f"IF {m['rest']}"]
    k = at + 1
    while k < len(lines) and k - at <= _MAX_CONDITIONS and _JOIN.match(lines[k].text.strip()):
        lead.append(lines[k].text.strip())
        k += 1
    if k < len(lines) and _THEN.match(lines[k].text.strip()):
        return k + 1, [*lead, lines[k].text.strip()], []
    if not _LABEL_ONLY.match(m["rest"]):
        return None
    # "IF ANY OF:" over its lines, the outcome after them ("END ANY" / "THEN DENY")
    for j in range(k, min(len(lines), k + 40)):
        text = lines[j].text.strip()
        if _THEN.match(text):
            return j + 1, [*lead, text], [x for x in lines[k:j] if not _END.match(x.text.strip())]
        if _IF.match(text) or lines[j].page_start and j > k + 1 and lines[j].blank_before:
            return None
    return None


def _title(lines: list[Line], at: int) -> str:
    """The title line right above a rule ("RULE CIN-02 ... - RENEWAL"), else ''."""
    if at == 0 or _marker(lines[at - 1].text) or _END.match(lines[at - 1].text.strip()):
        return ""
    return lines[at - 1].text.strip()


def _rewrite(
    lines: list[Line], at: int, block: tuple[int, list[str], list[Line]], conditions: dict[str, str]
) -> tuple[str | None, list[Line]] | None:
    """(the condition it scopes, the rule as a lead-in sentence: request type, grant or
    refusal, term, condition, logic; over its criteria: the conditions that are no field
    test, then its own lines); None for an outcome that neither grants nor refuses ("THEN PEND")."""
    _, lead, items = block
    page, indent, title = lines[at].page, lines[at].indent, _title(lines, at)
    outcome = _COMMENT.sub("", _THEN.match(lead[-1])["rest"])  # type: ignore[index]
    note = m["note"] if (m := _COMMENT.search(lead[-1])) else ""
    refuses = bool(_DENIES.search(outcome) or REFUSES.search(outcome))
    if not refuses and not grant_words(outcome):
        return None
    condition, kind, criteria = None, "", []
    for text in lead[:-1]:
        op, said = ("AND", text[3:]) if text.startswith("IF ") else text.split(" ", 1)
        said = _COMMENT.sub("", said).strip()
        field = _FIELD.match(said)
        cited = [conditions[x] for x in _RULE_ID.findall(said) if x in conditions]
        if field and _CONDITION_KEY.search(field["key"]):
            condition = field["value"].strip(" '\"()")  # "dx IN (X)", "dx = 'X'"
        elif field and _REQUEST_KEY.search(field["key"]):
            kind = _kind(field["value"]) or kind
        elif cited and _CITED.search(said):
            condition, kind = condition or cited[0], kind or "Renewal"
        elif not (field and _SCOPE_KEY.search(field["key"])) and not _LABEL_ONLY.match(said):
            criteria.append((op, said))
    kind = kind or _kind(title) or _kind(note)
    for rule_id in _RULE_ID.findall(title):
        if condition:
            conditions.setdefault(rule_id, condition)
    logic = _LOGIC.search(lead[-1]) or _LOGIC.search(lead[0])
    said_logic = logic["logic"].lower() if logic else ("any" if _any_only(criteria) else "all")
    words = [f"{kind}:" if kind else "", _REFUSAL if refuses else "Approve"]
    if not refuses and (term := _TERM.search(outcome)):
        words.append(f"for {term.group(0).lower()}")
    if condition:
        words.append(f"for {condition}")
    words.append(f"when {said_logic} of the following apply:")
    out = [Line(page, indent, " ".join(w for w in words if w), blank_before=True)]
    out.extend(_criteria_lines(page, indent, criteria))
    out.extend(_titled_group(x) for x in items)
    return condition, out


def _heading(condition: str, title: str) -> str:
    """The condition as a heading, the rule title's own words for it after it ("Secondary
    hyperparathyroidism of CKD - SECONDARY HPT ON DIALYSIS"): less the rule's id, the
    word naming it a rule and its request type."""
    named = condition[:1].upper() + condition[1:]
    parts = re.split(r"\s+[-–—]\s+|,\s+", _LABEL.sub("", title).strip())
    words = ", ".join(x for x in parts if x and not _kind(x)).strip()
    if not words or set(words.lower().replace(",", " ").split()) <= set(condition.lower().split()):
        return named
    # a heading is short: the title's words alone where both run long
    both = f"{named} - {words}"
    return both if len(both.split()) <= _HEADING_WORDS or not names_condition(words) else words


def _kind(text: str) -> str:
    """The request type a value or title names: 'Initial request', 'Renewal' or ''."""
    kind = _request_type(text)
    return {"initial": "Initial request", "continuation": "Renewal"}.get(kind, "")


def _any_only(criteria: list[tuple[str, str]]) -> bool:
    """An OR among the conditions: the root is any of the AND-joined runs."""
    return any(op == "OR" for op, _ in criteria[1:])


def _criteria_lines(page: int, indent: int, criteria: list[tuple[str, str]]) -> list[Line]:
    """The rule's own conditions as items: AND-joined runs under OR as groups of their own
    ("A AND B OR C" = any of (all of A, B), C)."""
    if not criteria:
        return []
    runs: list[list[str]] = [[]]
    for op, text in criteria:
        if op == "OR" and runs[-1]:
            runs.append([])
        runs[-1].append(text)
    if len(runs) == 1 or all(len(r) == 1 for r in runs):
        return [Line(page, indent + 4, f"• {r}") for run in runs for r in run]
    out: list[Line] = []
    for run in runs:
        if len(run) == 1:
            out.append(Line(page, indent + 4, f"• {run[0]}"))
            continue
        out.append(Line(page, indent + 4, "• all of the following:"))
        out.extend(Line(page, indent + 8, f"o {r}") for r in run)
    return out


def _titled_group(line: Line) -> Line:
    """An item whose text is a logic label with a comment ("[4] ANY OF: -- vitamin D
    used") as a titled group ("[4] vitamin D used, any of the following:")."""
    mark = _marker(line.text)
    body = mark[2] if mark else line.text.strip()
    if (note := _COMMENT.search(body)) is None or not _LABEL_ONLY.match(body[: note.start()]):
        return line
    logic = _LOGIC.search(body)
    assert logic is not None
    head = line.text[: len(line.text) - len(line.text.lstrip())] + (
        line.text.lstrip()[: line.text.lstrip().find(body)] if mark else ""
    )
    text = f"{head}{note['note'].strip()}, {logic['logic'].lower()} of the following:"
    return replace(line, text=text)
