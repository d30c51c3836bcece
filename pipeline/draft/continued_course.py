"""A recommendation to keep the patient's current course of a drug rather than change it
("continuing their current daily dose of glucocorticoids rather than administering
supraphysiologic doses ... on the day of surgery"), read against a request for a new course
of that drug by a patient already taking it: the request is the change the guideline
advises against.

The position reader otherwise sets aside sentences for patients already on the drug
(about stopping or switching it, nothing on starting it), and reads the drug named on both
sides of "rather than" as no comparison at all; for a patient who takes the drug and asks
for another dose or form of it, this sentence is the guideline's word on the request.
"""

from __future__ import annotations

import re

from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import mentions

# "continuing their current daily dose of X", "continuing the usual dosing of X" ... then
# what it is preferred to: "rather than / over / instead of" administering another course
_KEEP_OVER_CHANGE = re.compile(
    r"\bcontinu\w*\s+(?:(?:their|the|his|her|its|a)\s+)?(?:current|usual|stable|regular|"
    r"same|ongoing|baseline)\b(?P<kept>[^.;]{0,80}?)\b(?:rather than|instead of|over)\b"
    r"(?P<change>[^.;]{3,120})",
    re.I,
)


def takes_drug(topic: CaseTopic) -> bool:
    """The case records the requested drug (or a drug of its name's term) as taken now."""
    return any(mentions(c, topic.drug_words) for c in topic.current)


def against_change(text: str, topic: CaseTopic) -> bool:
    """The sentence keeps the patient's current course of the requested drug over another
    course of it, and the case is a new request of a drug the patient already takes."""
    if topic.request_type != "initial" or not takes_drug(topic):
        return False
    m = _KEEP_OVER_CHANGE.search(text)
    if not m:
        return False

    def on_drug(part: str) -> bool:
        return topic.names_drug(part) or topic.names_class(part)

    return on_drug(m.group("kept")) and on_drug(m.group("change"))
