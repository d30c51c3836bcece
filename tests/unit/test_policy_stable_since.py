"""A measurement "stable or lower than before <drug>" (or "than baseline") is met where the
latest dated reading is no worse than the reading before the drug's stated start; anything
it is not sure of (worse by how much, no start, undated readings) decides nothing."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.stable_since import judge_stable_since


def _facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


_ASKED = "Spleen volume on ultrasound stable or lower than before zentrafib"
_STARTED = "Hematology 02/2026: zentrafib since 03/2025, taken daily."


def test_a_latest_reading_no_higher_than_before_the_drug_is_met() -> None:
    facts = _facts(_STARTED, "Ultrasound: spleen volume 820 mL in 01/2025 and 640 mL in 01/2026.")
    assert judge_stable_since(_ASKED, facts) == (
        "met",
        ["F2"],
        "Spleen volume 820 before, 640 at the latest reading: stable or lower",
    )
    higher = "Spleen volume stable or higher than baseline"
    marked = _facts("Spleen volume 820 mL at baseline in 01/2025; 900 mL in 01/2026.")
    assert judge_stable_since(higher, marked)[0] == "met"  # type: ignore[index]


def test_what_it_is_not_sure_of_decides_nothing() -> None:
    worse = _facts(_STARTED, "Ultrasound: spleen volume 820 mL in 01/2025 and 860 mL in 01/2026.")
    assert judge_stable_since(_ASKED, worse) is None  # how much worse is still stable
    no_start = _facts("Ultrasound: spleen volume 820 mL in 01/2025 and 640 mL in 01/2026.")
    assert judge_stable_since(_ASKED, no_start) is None
    on_drug = _facts(_STARTED, "Ultrasound: spleen volume 820 mL in 06/2025 and 640 mL in 01/2026.")
    assert judge_stable_since(_ASKED, on_drug) is None  # no reading before the drug
    undated = _facts(_STARTED, "Ultrasound: spleen volume 820 mL and later 640 mL in 01/2026.")
    assert judge_stable_since(_ASKED, undated) is None
    assert judge_stable_since("Spleen volume below 700 mL", undated) is None
