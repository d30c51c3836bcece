"""A code table's rows under a condition's title, and the term a lead-in or branch heading
states in a parenthesis: what sections.py reads around a table of codes ("Table A -
Condition (drugs)" / "ICD-10-CM | Description" / "K59.04  ..." / "Criteria that apply to
every code in Table A (approve for 12 months):")."""

from __future__ import annotations

import re

# a code table's row: an ICD-10-CM code, then its description ("K59.04   Chronic idiopathic
# constipation"): the codes of the title above, no heading of its own
_CODE_ROW = re.compile(r"^([A-TV-Z]\d{2}\.[0-9A-Z]{1,4})\s+(?=[A-Z(])")

# a term in a lead-in's parenthesis ("(12 months at a time)", "(approve for 6 months)"), not
# a criterion's "(at least 3 months)"
TERM_IN_PAREN = re.compile(
    r"\((?:[^()]*?(?<!least)(?<!within)(?<!last)(?<!past)\s)?(\d+\s*(?:months?|years?|weeks?|"
    r"days?))\b[^()]*\)",
    re.I,
)


def code_row(text: str) -> list[str]:
    """The code of a code table's row ("T40.2X5A  Adverse effect of ..."), or none."""
    return [m.group(1)] if (m := _CODE_ROW.match(text)) else []
