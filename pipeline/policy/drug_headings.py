"""Which of a policy's indications is the requested drug's, where every one names the drug in
its criteria: restriction blocks headed by the drug they restrict ("Ivacaftor (Kalydeco)"
beside "Elexacaftor + tezacaftor + ivacaftor (Trikafta)", phase_blocks.py)."""

from __future__ import annotations

from collections.abc import Callable

from pipeline.policy.models import Indication


def headed_by(
    indications: list[Indication], drug: set[str], drug_words: Callable[[str], set[str]]
) -> set[str]:
    """The ids of the indications whose section heading is most the requested drug's (the
    words both share over the words of either), where the headings differ in that; none
    where no heading is at least half the drug's."""
    fit = {
        i.id: len(drug & (own := drug_words(i.section))) / len(drug | own)
        for i in indications
        if drug and i.section
    }
    best = max(fit.values(), default=0.0)
    if best < 0.5 or len(fit) < len(indications) or min(fit.values()) == best:
        return set()
    return {k for k, v in fit.items() if v == best}
