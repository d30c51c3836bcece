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
from pipeline.terms import find_therapies, mentions

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


# "against additional antibiotic therapy", "against retreatment with X": more of a course the
# patient already had; for a first course of the drug it says nothing
_MORE_OF = re.compile(
    r"^\s*(?:an?\s+|the\s+)?(?:additional|further|repeat(?:ed)?|another\s+course|"
    r"re-?treatment|prolonged|extended)\b",
    re.I,
)


def more_of_course(target: str, topic: CaseTopic) -> bool:
    """What the sentence advises against is more of a course already given, and the case
    had none of what it names (an initial request; a continuation is the request for more,
    and a case with a course of the class before asks for the additional one)."""
    if not _MORE_OF.match(target) or topic.request_type != "initial":
        return False
    return not any(topic.tried(t) for t in find_therapies(target))


# the guideline's own word that it makes no recommendation on the drug, or left it out
DEFERRED = re.compile(
    r"\b(deferred|no (?:formal )?recommendation|mentioned only|insufficient evidence|"
    r"did not (?:include|consider)|(?:was|were) not (?:considered|included))\b",
    re.I,
)


def excluded_by_name(text: str, topic: CaseTopic) -> bool:
    """The guideline's word that it left the requested drug itself out, the drug named
    before it ("Anakinra was not included due to infrequent use"), not by its class."""
    m = DEFERRED.search(text)
    return bool(m and topic.names_drug(text[: m.start()]))


# not the first line: "not a first-line therapy", "a rescue option", "the second-line agent"
NOT_FIRST = re.compile(
    r"\bnot (?:a |the )?first-line\b|"
    r"\b(?:rescue|salvage|second-line) (?:option|therapy|agent|drug)",
    re.I,
)
# "the preferred second-line agent is X" for "patients who are unable to take A, B and C":
# A, B, C come first; the drug is for those who cannot take them
_CANNOT_TAKE = re.compile(
    r"\b(?:unable to (?:take|tolerate|use)|cannot (?:take|tolerate|use)|intoleran\w* (?:of|to)|"
    r"contraindicat\w* to|allerg\w* to)\b(.*)$",
    re.I | re.S,
)


def cannot_take(text: str) -> str:
    """What a sentence's population cannot take ("unable to take A, B, and C, the ..."):
    its clause up to the sentence's own subject, or ""."""
    m = _CANNOT_TAKE.search(text)
    return re.split(r",\s+(?:the|we|it|this|these)\b|;", m.group(1), flags=re.I)[0] if m else ""
