"""Why a criterion found not met does not deny: the decision names it and a person decides.

- a continuation read against the initial criteria (the compiler found no others): what
  those deny may be what a renewal no longer asks;
- a renewal failed by a measured value on criteria that name no request type: the patient is
  on the drug, and a bound set for starting it does not judge a reading taken on it;
- the criterion sits in one of two condition sections the compiler left joined
  (section_siblings.py)."""

from __future__ import annotations

from pipeline.policy.models import Branch, Judgment
from pipeline.policy.reading_reasons import failed_reading
from pipeline.policy.section_siblings import sibling_section_note


def reading_on_drug(branch: Branch, wanted: str, failed: Judgment | None) -> bool:
    """A renewal failed, on criteria that name no request type, by a measured value (a
    hormone level on replacement is no level that qualified for it)."""
    return (
        wanted == "continuation"
        and branch.request_type == "any"
        and failed is not None
        and failed.method == "rule"
        and failed_reading(failed.reason)  # a reading code compared with a bound
    )


def held_denial(branch: Branch, wanted: str, failed: Judgment | None, what: str) -> str | None:
    """The rule to state instead of a denial, or None where the failure denies."""
    held = sibling_section_note(branch.node, failed.node_id if failed else None, what)
    if held:
        return held
    if branch.request_type not in {"any", wanted} or reading_on_drug(branch, wanted, failed):
        return (
            f"criterion not met: {what}; but these are the {branch.request_type} "
            f"criteria and the request is a {wanted}: a person decides"
        )
    return None
