"""The compose sections: what each is for, and the cues its sentences are read by (a
recommendation, its conditions, a dose, a risk, what a section leads with)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    key: str
    heading: str
    guideline_first: bool = True
    approve_or_continuation_only: bool = False
    # The policy speaks through the worksheet; only dosing may quote it (its dose limits).
    include_policies: bool = False
    # Sentences that recommend, or advise against, rank first in this section.
    recommendations: bool = False
    # The sentence must name the requested drug (or its class).
    needs_drug: bool = False


SECTIONS: list[SectionSpec] = [
    SectionSpec("rationale", "Guideline-Based Rationale", recommendations=True),
    SectionSpec(
        "evidence", "Evidence on the Requested Treatment", guideline_first=False, needs_drug=True
    ),
    SectionSpec("role", "Where the Treatment Has a Role", guideline_first=False, needs_drug=True),
    SectionSpec("application", "Application to This Patient"),
    SectionSpec("path", "Appropriate Treatment Path", recommendations=True),
    SectionSpec(
        "dosing",
        "Dosing and Monitoring",
        guideline_first=False,
        approve_or_continuation_only=True,
        include_policies=True,
        needs_drug=True,
    ),
    SectionSpec("pitfalls", "Common Pitfalls to Avoid", recommendations=True),
]
HEADINGS = {s.key: s.heading for s in SECTIONS}
RECOMMEND = re.compile(
    r"\b(recommend\w*|should|preferred|first-line|is indicated|are indicated|not indicated|"
    r"may be (?:added|considered|used)|cornerstone|in preference|over (?:oral|other)|"
    r"avoid\w*|contraindicat\w*|not among)\b",
    re.I,
)
CONDITIONS = re.compile(r"\b(when|if|unless|after|despite|for patients|in patients|only)\b", re.I)
DOSE = re.compile(
    r"\b(\d+(?:\.\d+)?\s*(?:g/kg|mg/kg|mg|g)\b|dose\w*|dosing|dosage|monitor\w*|course|"
    r"infusions?|every \d+|weekly|monthly|titrat\w*)",
    re.I,
)
RISK = re.compile(
    r"\b(risk\w*|adverse|thrombo\w*|infection\w*|toxicit\w*|contraindicat\w*|avoid\w*|"
    r"not recommended|should not|against|caution|monitor\w*|screen\w*|safety)\b",
    re.I,
)


LEAD = {
    "rationale": re.compile(
        r"\b(first|preferred|initial\w*|starting point|cornerstone|every patient|naive)\b", re.I
    ),
    "path": re.compile(
        r"\b(inadequate|escalat\w*|adding|add|switch\w*|after|despite|not respond|"
        r"adequate trial|titrat\w*|treat-\s?to-\s?target|target|low-?\s?dose)\b",
        re.I,
    ),
    "dosing": re.compile(
        r"\d+(?:\.\d+)?\s*(?:g/kg|mg/kg|mg|g)\b|\bevery \d+ (?:weeks?|days?)", re.I
    ),
}
