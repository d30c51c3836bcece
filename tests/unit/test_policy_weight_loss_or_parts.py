"""A share of body weight lost within a window, from two dated weights in one sentence
(weight_loss_share.py), and a criterion of two alternatives joined by ", or " read part by
part (or_parts.py, through readers.read_criterion)."""

from __future__ import annotations

from pipeline.models import CaseFact
from pipeline.policy.or_parts import read_or_parts
from pipeline.policy.readers import read_criterion
from pipeline.policy.weight_loss_share import judge_weight_loss_share

_LOSS = "Unintended weight loss of at least 5% of body weight in the last 6 months"
_EITHER = f"{_LOSS}, or a body mass index below 20 kg/m2"


def _facts(weights: str) -> list[CaseFact]:
    return [
        CaseFact(id="F1", text="Patient: 40-year-old male."),
        CaseFact(id="F2", text=f"History: {weights}"),
    ]


def _status(found: tuple[str, list[str], str] | None) -> str | None:
    return found[0] if found else None


def test_a_weight_loss_share_from_two_dated_weights() -> None:
    lost = "Weight 72 kg in 06/2026 and 64 kg on 11/16/2026 without trying; BMI 20.2."
    assert _status(judge_weight_loss_share(_LOSS, _facts(lost))) == "met"
    kept = "Weight 72 kg in 06/2026 and 70 kg on 11/16/2026; BMI 22.1."
    assert _status(judge_weight_loss_share(_LOSS, _facts(kept))) == "not_met"


def test_weight_loss_near_cases_abstain() -> None:
    # the earlier weight may lie outside the window
    old = "Weight 72 kg in 01/2026 and 64 kg on 11/16/2026."
    assert judge_weight_loss_share(_LOSS, _facts(old)) is None
    # a loss said to be meant
    meant = "Weight 72 kg in 06/2026 and 64 kg on 11/16/2026 on an intentional diet."
    assert judge_weight_loss_share(_LOSS, _facts(meant)) is None
    # units that differ, or a third reading
    mixed = "Weight 160 lb in 06/2026 and 64 kg on 11/16/2026."
    assert judge_weight_loss_share(_LOSS, _facts(mixed)) is None
    three = "Weight 72 kg in 06/2026, 69 kg in 09/2026 and 64 kg on 11/16/2026."
    assert judge_weight_loss_share(_LOSS, _facts(three)) is None


def test_two_alternatives_read_part_by_part() -> None:
    lost = "Weight 72 kg in 06/2026 and 64 kg on 11/16/2026 without trying; BMI 20.2 kg/m2."
    assert _status(read_criterion(_EITHER, _facts(lost), "x", "")) == "met"
    # a low BMI alone meets it
    thin = "Weight 60 kg in 06/2026 and 59 kg on 11/16/2026; BMI 19.1 kg/m2."
    assert _status(read_criterion(_EITHER, _facts(thin), "x", "")) == "met"
    kept = "Weight 72 kg in 06/2026 and 70 kg on 11/16/2026; BMI 22.1 kg/m2."
    assert _status(read_criterion(_EITHER, _facts(kept), "x", "")) == "not_met"
    # one part not met, the other unread: nothing
    no_bmi = "Weight 72 kg in 06/2026 and 70 kg on 11/16/2026."
    assert read_criterion(_EITHER, _facts(no_bmi), "x", "") is None


def test_or_parts_leave_shared_qualifiers_alone() -> None:
    def reader(part: str) -> tuple[str, list[str], str]:
        return ("not_met", ["F1"], part)

    shared = "Proteinuria of 1 g/day or more, or a ratio of 0.8 g/g or more, on a recent sample"
    assert read_or_parts(shared, reader) is None
    assert read_or_parts("either an NK1 antagonist, or olanzapine taken daily", reader) is None
    assert _status(read_or_parts("an NK1 antagonist given, or olanzapine taken daily", reader)) == (
        "not_met"
    )
