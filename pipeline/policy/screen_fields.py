"""Criteria sets printed as a system's inquiry screens (a claims or UM system's screen print,
a form's header block): each set opens with labelled fields, often with dotted leaders
("DRUG....: X", "SET.....: CS-1 USE: <condition>", "REQ TYPE: NEW START", "APPROVAL RULE:
ALL OF Q01-Q05 = Y. APPROVE THROUGH DAY 100."), then its questions.

The fields are no criteria. The one naming the use ("USE:", "INDICATION:", "DIAGNOSIS:",
"CONDITION:") names the set's indication; the request-type field and the rule field make the
set's lead-in: "<request type>: <rule>:" (the rule's own words give the logic: "ALL OF",
"ANY ONE"; the grant verb is the rule's). A renewal screen that names its use shorter
("<condition head> - EXTENSION") continues the indication whose use starts with those words.
Lines outside such a block are kept as they are.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.policy.branch_names import CONTINUED_WORDS, REQUEST_WORD
from pipeline.policy.layout_text import Line

# "KEY....: value", "KEY: value": a capitalised label, dotted leaders or none, a colon
_FIELD = re.compile(r"^(?P<key>[A-Z][A-Z /#-]{1,18}?)\s*\.*\s*:\s*(?P<value>\S.*)$")
_USE = re.compile(r"\b(?:USE|INDICATION|DIAGNOSIS|CONDITION)\s*\.*\s*:\s*(?P<value>\S.*)$", re.I)
_REQUEST_KEY = re.compile(r"\b(?:REQ|REQUEST|REVIEW|AUTH)\b", re.I)
_RULE_KEY = re.compile(r"\bRULE\b", re.I)
_REQUEST_TAIL = re.compile(rf"\s+-\s+{REQUEST_WORD.pattern}.*$", re.I)
_CONTINUED = re.compile(rf"\b(?:{CONTINUED_WORDS})", re.I)
_MIN_FIELDS = 3


def screen_field_lines(lines: list[Line]) -> list[Line]:
    """The lines with each screen's field block rewritten as a heading naming its use and a
    lead-in of its request type and rule; the lines unchanged where no block holds a use, a
    request type and a rule field."""
    out: list[Line] = []
    uses: list[str] = []
    found = False
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and _FIELD.match(lines[end].text.strip()):
            end += 1
        block = lines[at:end]
        read = _read(block, uses) if len(block) >= _MIN_FIELDS else None
        if read is None:
            out.append(lines[at])
            at += 1
            continue
        heading, lead_in = read
        first = block[0]
        out.append(replace(first, text=heading, blank_before=True))
        rule = next(x for x in block if _RULE_KEY.search(_key(x)))
        out.append(replace(rule, text=lead_in, blank_before=False))
        found, at = True, end
    return out if found else lines


def _key(line: Line) -> str:
    m = _FIELD.match(line.text.strip())
    return m["key"] if m else ""


def _read(block: list[Line], uses: list[str]) -> tuple[str, str] | None:
    """(heading, lead-in) of one field block, else None."""
    use = next((m["value"].strip() for x in block if (m := _USE.search(x.text))), "")
    request = next(
        (_FIELD.match(x.text.strip())["value"] for x in block if _REQUEST_KEY.search(_key(x))),
        "",
    )
    rule = next(
        (_FIELD.match(x.text.strip())["value"] for x in block if _RULE_KEY.search(_key(x))), ""
    )
    if not (use and request and rule):
        return None
    name = _REQUEST_TAIL.sub("", use).strip()
    if _CONTINUED.search(request) or _CONTINUED.search(use):
        # a renewal screen names its use shorter: the set it extends
        name = next((u for u in reversed(uses) if u.lower().startswith(name.lower())), name)
    uses.append(name)
    return name, f"{request.strip()}: {rule.strip().rstrip(':')}:"
