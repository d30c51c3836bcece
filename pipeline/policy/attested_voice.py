"""An attestation form's statements in the prescriber's own voice ("My patient is 12 years of
age or older and has nonsegmental vitiligo", "My patient used ..."), read as the criteria
they attest ("The patient is 12 years of age or older ..."): the code readers know a
criterion's subject as the patient or member, not as the prescriber's "my patient"."""

from __future__ import annotations

import re

# "My patient", "my member", "the patient I am treating" → "The patient"
_MY_PATIENT = re.compile(r"\b([Mm])y\s+(patient|member)s?\b")


def third_person(text: str) -> str:
    """The statement with the prescriber's patient as its plain subject."""
    return _MY_PATIENT.sub(lambda m: ("The " if m.group(1) == "M" else "the ") + m.group(2), text)
