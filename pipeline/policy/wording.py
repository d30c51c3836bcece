"""The words a policy uses for its sections, branches, logic and approvals: the
vocabulary the compiler reads a policy's outline by (no one policy's words)."""

from __future__ import annotations

import re

_STOP_SECTIONS = re.compile(r"^(references?|history|revision|appendix|background|coding)", re.I)
_EXCLUSION_SECTION = re.compile(
    r"not covered|not provided|exclusion|experimental|investigational|not medically necessary|"
    # "CLOSING D - never approved by phone or by pharmacist review": a script's refusals
    r"\bnever (?:approved|covered|authori[sz]ed|funded)\b|"
    # "Not subsidised": a restriction schedule's uses it does not pay for
    r"not subsidi[sz]ed|"
    # "What we don't cover", "We do not cover": a web page's exclusions
    r"\b(?:do not|don't|does not|doesn't|will not|won't) cover\b|"
    # "The Department shall not authorize a DAA under this rule for:": a rule's limitations
    # "We will not approve testosterone for any of the following:": a letter's
    r"\b(?:shall|will) not (?:authori[sz]e|approve|cover|pay for)\b|"
    # "DENIAL CRITERIA:" over the uses a Medicaid criteria sheet denies
    r"^\s*denial criteria\b|"
    # "Out of scope (deny with reason code NC-14)": a rules ticket's uses it refuses
    r"^\s*out of scope\b|\bdeny with (?:a |the )?reason\b|"
    # "WE CANNOT ACCEPT THE REFERRAL IF ANY OF THESE APPLY", "HARD STOP", "Stop - do not
    # dispense": a form's or an order screen's refusals
    r"\b(?:can ?not|can't|will not|won't|do not|does not) (?:accept|dispense|process|verify)\b|"
    r"\bhard stop\b|"
    # "Out of scope (deny with reason code NC-14)": a rules ticket's uses left out
    r"\bout of scope\b|"
    # "Not met by these subsets", "Not eligible under this policy": a heading over the uses
    # a criteria set leaves out
    r"^\s*not (?:met|eligible) (?:by|for|under|in)\b|"
    # "2 Not commissioned": a commissioning statement's uses it does not fund
    r"^\s*(?:\d{1,2}\.?\s+)?not (?:routinely )?commissioned\b",
    re.I,
)
# A heading over uses the plan does not cover ("Coverage Limitations", "Not Authorized").
_LIMITS_SECTION = re.compile(r"\blimitations\b|\bnot (?:authori[sz]ed|approved)\b", re.I)
_CATCH_ALL = re.compile(
    r"(experimental|investigational|unproven|not (?:medically necessary|covered))[^.]{0,80}"
    r"\b(any|all) other (?:use|indication|condition)",
    re.I,
)
_INITIAL = re.compile(
    r"^\s*(initial (?:therapy|approval|authori[sz]ation|request|review|coverage|criteria|"
    r"treatment)|induction (?:treatment|therapy)|new starts?\b|"
    r"initiation of\b|"
    # "First approval (12 months). We cover X when ...": a web page's plain words
    r"first (?:approval|authori[sz]ation|request|fill)\b)",
    re.I,
)
# "Atopic Dermatitis (Initial Approval): X is approved when ...", a condition's statement with
# its branch named in brackets after the name (Part D "Required Medical Information" cells)
_RUN_IN_CONDITION = re.compile(r"^([A-Z][^:()]{2,80}?)\s*\(([^()]{3,40})\)\s*:\s*(?=\S)")


def run_in_condition(text: str) -> tuple[str, str] | None:
    """(condition name, "initial" / "continuation") of a run-in condition statement."""
    m = _RUN_IN_CONDITION.match(text)
    if m is None:
        return None
    if _INITIAL.match(m.group(2)):
        return m.group(1).strip(), "initial"
    if _CONTINUATION.match(m.group(2)):
        return m.group(1).strip(), "continuation"
    return None


_CONTINUATION = re.compile(
    r"^\s*(patient is currently receiving|currently receiving|continuation|continued "
    r"(?:therapy|approval|authori[sz]ation|use\b)|re-?authori[sz]ation|renewal|recertification|"
    r"subsequent (?:authori[sz]ation|approval)|follow-?up (?:treatment|therapy)|"
    r"(?:the\s+)?(?:patient|member|individual)\s+(?:has\s+)?(?:already|previously)\s+"
    r"(?:received|been (?:treated|approved|receiving)|started)\b)",
    re.I,
)
# A branch named by its patient ("Patient has already received one course ..."), not by
# a heading: a branch only where it holds its own list, else it is a criterion.
_BY_PATIENT = re.compile(r"^\s*(?:the\s+)?(?:patient|member|individual)\b", re.I)
# Sections that hold no criteria, whatever lists they print.
_NOT_CRITERIA = re.compile(
    r"^(description|background|summary|rationale|definitions?|overview|purpose|scope|"
    r"policy guidelines|related|dosing|dosage|coding|billing|references?|history|revision|"
    r"appendix|documentation requirements|instructions|disclaimer|sources?|bibliograph|"
    r"resources\b|"
    r"description)",
    re.I,
)
_APPROVE_FOR = re.compile(
    r"(?:approved? for|authorization of|approval of|approved? (?:for )?up to|authorized for|"
    r"(?:approval|authori[sz]ation) will be for(?: no more than)?|"
    r"(?:initial|renewal|continuation|continued) (?:approval|authori[sz]ation):|"
    # "... must all be met. Approval: 12 months."
    r"(?<![\w ])\s*(?:approval|authori[sz]ation):|"
    r"(?:approval|authori[sz]ation) (?:duration|period|length)\s*(?:is|:|of)?)\s+"
    r"(\d+ (?:months?|years?|weeks?|days?))",
    re.I,
)
_CONTAINER = re.compile(
    r"\b(criteria for|initial (?:approval|authorization|therapy)|continuation|continued "
    r"(?:therapy|approval)|renewal|re-?authori[sz]ation|recertification|new starts?)\b",
    re.I,
)
_OF_THE_FOLLOWING = re.compile(
    r"\b(at least\s+)?(ALL|BOTH|EITHER|ONE|ANY|TWO|THREE|FOUR|\d+)\b\s+(?:\(\d+\)\s+)?"
    r"(?:or\s+more\s+)?"
    # "one of these conventional therapies:": a lead-in naming what its items are
    r"(?:(?:of\s+)?the\s+(?:following|criteria (?:below|listed)|conditions below|"
    # "all of the criteria in 1.1 through 1.5", "one of the criteria in 2.2.1 or 2.2.2"
    r"criteria\s+in\s+\d+(?:\.\d+)*(?:\s*(?:,|through|to|or|and|-|–)\s*\d+(?:\.\d+)*)+)|"
    # ("Puberty is delayed, meaning one of these": the stem ends there, with no colon)
    r"of\s+these\b(?:[^.:;]{0,100}:)?\s*$)|"
    r"\bmust\s+meet\s+(?:(at least)\s+)?(all|both|either|one|any|two|three|four|\d+)\b|"
    # "approve ... when ALL apply:", "ONE applies:": the count and the verb, no "following"
    r"\b(ALL|BOTH|EITHER|ONE|ANY|TWO|THREE|FOUR)\s+(?:or\s+more\s+)?appl(?:y|ies)\s*:?\s*$",
    re.I,
)
_LABELS = re.compile(
    r"[\(\[]\s*\(?([0-9a-zA-Z]{1,4})\)?((?:\s*,\s*\(?[0-9a-zA-Z]{1,4}\)?)*),?"
    r"\s*(and|or)\s+\(?([0-9a-zA-Z]{1,4})\)?\s*[\)\]]"
)
_APPROVES = re.compile(
    r"\bapprove\b[^.]{0,40}?\b(?:for|if|when)\b|"
    r"\bmay be (?:\w+ )?(?:granted|approved|authorized)\b|"
    # "X is approved when ...", "will be authorized if ...": the drug's own approval verb
    r"\b(?:is|are|will be)\s+(?:\w+\s+)?(?:approved|authori[sz]ed)\b[^.]{0,60}?\b(?:when|if)\b|"
    r"(?<!not )\b(?:medically necessary|covered)\b.{0,160}?\b(?:when|if)\b|"
    r"\bmeets the definition of medical necessity\b.{0,160}?\b(?:when|if|for)\b|"
    r"\b(?:may be|is|are)\s+eligible\b[^.]{0,200}?\b(?:when|if)\b|"
    r"\breasonable and necessary\b.{0,160}?\b(?:when|if|for)\b|"
    # "We cover X when ...", "We keep covering X when ...": a web page's plain words
    r"\bwe\s+(?:will\s+|may\s+|(?:keep|continue)\s+(?:to\s+)?)?(?:cover|pay for)\w*\b"
    r"[^.]{0,80}?\b(?:when|if)\b",
    re.I,
)
_EXAMPLES_LEAD = re.compile(
    r"\b(?:examples?(?: of [^:]{0,40})? (?:include|are)|such as|for example|e\.g\.)"
    r"[^:]{0,60}:\s*$",
    re.I,
)
_FOLLOWING = re.compile(r"\b(the following|when all|if all|all of)\b", re.I)
# "Approval duration: 1 year" on a line of its own, under the criteria it applies to.
_APPROVAL_LINE = re.compile(
    r"^(?:initial\s+|renewal\s+|continuation\s+)?(?:approval|authori[sz]ation)\s+"
    r"(?:duration|period|length)\s*:"
    # "Length of authorization: 6 months", "Duration of approval: 12 months"
    r"|^(?:length|duration|period) of (?:approval|authori[sz]ation)\s*:"
    # "Authorization: up to 5 monthly doses.", "Approval: 12 months"
    r"|^(?:initial\s+|renewal\s+|continuation\s+)?(?:approval|authori[sz]ation)\s*:\s*"
    r"(?:up to\s+|for\s+|no more than\s+)?\d+\s+\w+"
    # "Initial authorization will be for no more than 12 months." alone on its line
    r"|^(?:initial\s+|renewal\s+|continuation\s+)?(?:re-?)?(?:approval|authori[sz]ation)\s+"
    r"(?:will be|is|may be)\s+(?:granted\s+)?for\s+(?:no more than\s+|up to\s+)?"
    r"\d+\s+(?:months?|years?|weeks?|days?)\.?$"
    # "Initial approval: 6 months." / "Renewal approval: 12 months." / "Reauthorization
    # approval: 12 months."
    r"|^(?:initial|renewal|continuation|continued|re-?authori[sz]ation)\s+"
    r"(?:approval|authori[sz]ation)\s*:\s*"
    r"\d+\s+(?:months?|years?|weeks?|days?)\.?$",
    re.I,
)
# A heading that names no condition ("Policy", "Coverage Criteria", "Quantity Limit
# Criteria"): what falls under it is named by its own words.
_GENERIC_HEADING = re.compile(
    r"\b(?:policy|criteria|coverage|position|indications?|statement|guidelines?|"
    r"requirements?|summary|overview)\b",
    re.I,
)

# A connector on a line of its own: "-AND-", "OR", "AND any of the following:".
_CONNECTOR_LINE = re.compile(r"^[-–(\[]*\s*(AND|OR)\s*[-–)\]]*(?:\s+|$)(.*)$")
