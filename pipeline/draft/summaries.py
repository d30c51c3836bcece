"""The one-line summary of the guidelines' position on the request, by its stance."""

from __future__ import annotations

from typing import Protocol

from pipeline.draft.documentation import _names
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term


class _Read(Protocol):
    kind: str
    requires: list[Term]


def stance_summary(
    stance: str, topic: CaseTopic, preferred: list[Term], chosen: list[_Read], deferred: bool
) -> str:
    """What a reviewer reads first: where the drug stands and what comes before it.
    ``deferred``: the guideline says itself that it makes no recommendation on the drug
    or its class, which is a silence a reviewer can cite."""
    drug, dx = topic.drug, topic.short
    if stance == "not_recommended":
        summary = f"The guidelines do not recommend {drug} for {dx}."
    elif stance == "prefers_other":
        summary = (
            f"The guidelines put {_names(preferred)} before {drug} for {dx}; the case "
            + (
                "does not show it was tried."
                if not all(topic.tried(t) for t in preferred)
                else "records it was tried and worked."
            )
            if preferred
            else f"The guidelines put other therapies before {drug} for {dx}."
        )
    elif stance == "supports":
        reqs = [t for r in chosen for t in r.requires]
        summary = f"The guidelines endorse {drug} for {dx}" + (
            f" after {_names(reqs)}; the case records that earlier therapy failed." if reqs else "."
        )
        if any(r.kind == "second_line" for r in chosen):
            summary += " It is not first-line: after standard therapy has failed."
    elif deferred:
        summary = (
            f"The guidelines make no recommendation on {drug} or its class for {dx}: "
            "they state none can be made."
        )
    else:
        summary = f"The guidelines in the store say nothing on {drug} for {dx}."
    if preferred and stance != "supports":
        summary += f" Preferred: {_names(preferred)}."
    return summary
