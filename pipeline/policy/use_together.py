"""Exclusions about how the drug is used ("Use with another JAK inhibitor, a biologic DMARD
or a potent immunosuppressant"): judged by code where the record states each drug absent or
stopped, or one given alongside; otherwise by the model.

The model's "applies" denies nothing by itself: a record that names a past biologic ("no
biologic since adalimumab was stopped in 2024") reads to a small model like use together, and
a denial on that reading is a confident wrong verdict. Where code found no drug given
alongside, the model's reading sends the request to a person.
"""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.absence import turn_over
from pipeline.policy.models import Exclusion, Judgment
from pipeline.policy.polarity import judge_concomitant

# "another osteoporosis drug other than calcium and vitamin D": what is allowed is no term
# of the exclusion a fact must state
_USE_WITH = re.compile(r"^\s*(?:use|used|given|taken)\s+with\b", re.I)
_EXCEPT = re.compile(r"\s*\b(?:other than|except(?: for)?|excluding|besides)\b[^;.]*", re.I)


def allowed_dropped(text: str) -> str:
    """The exclusion without what it allows."""
    return _EXCEPT.sub("", text)


def situation(ex: Exclusion, facts: list[CaseFact], drug: str) -> Judgment | None:
    """A use-together exclusion judged by code as the criterion it turns over ("not in
    combination with ..."): every drug it names stated absent or stopped, it does not
    apply; one given alongside, it applies; otherwise None (the model is asked)."""
    # "Use with another JAK inhibitor, ...": the use together the exclusion names
    text = _USE_WITH.sub("used together with", allowed_dropped(ex.text))
    found = judge_concomitant("Not for " + text, facts, drug)
    if found is None:
        return None
    status, cited, reason = found
    return Judgment(
        node_id=ex.id,
        text=ex.text,
        page=ex.page,
        status=turn_over(status),  # type: ignore[arg-type]
        facts=cited,
        method="rule",
        reason=reason,
    )


def unread(applied: Judgment) -> str:
    """The rule of a decision a use-together exclusion would deny on the model's word alone."""
    return (
        f"the model reads the exclusion on policy page {applied.page} as applying "
        f"({applied.text}), but no fact code can read states the drugs used together: "
        "a person decides"
    )
