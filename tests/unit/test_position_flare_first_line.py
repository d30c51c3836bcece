"""A drug another therapy is preferred over for a flare (issue 26): the record's "no
contraindication to them" clears the preferred therapies (it rules none out), and a therapy
that ended an earlier flare ("flare resolved") worked: it is still the first line for this
one. The request (an IL-1 inhibitor) then stands below them."""

from __future__ import annotations

from pipeline.draft.failures import ruled_out, worked
from pipeline.draft.position import guideline_position
from pipeline.models import Case
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def flare_case(question: str, response: str = "flare resolved in 4 days") -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "question": question,
            "patient": {"age": 54, "sex": "male"},
            "diagnoses": [{"name": "Gout, acute flare of the knee", "icd10": "M10.061"}],
            "requested_treatment": {"drug": "Anakinra (Kineret)", "request_type": "initial"},
            "prior_therapies": [{"name": "Naproxen 500 mg twice daily", "response": response}],
        }
    )


CLEARED = (
    "Is anakinra necessary for a man not treated with colchicine or an NSAID for this flare "
    "and with no contraindication to them?"
)
FIRST_LINE = ev(
    1,
    "Using colchicine, NSAIDs, or glucocorticoids as appropriate first-line therapy "
    "for gout flares over IL-1 inhibitors or ACTH is strongly recommended for "
    "patients experiencing a gout flare.",
)
IF_OTHERS_FAIL = ev(
    2,
    "Using an IL-1 inhibitor over no therapy is conditionally recommended for "
    "patients experiencing a gout flare for whom the above antiinflammatory "
    "therapies are either ineffective, poorly tolerated, or contraindicated.",
)


def test_a_negated_contraindication_rules_nothing_out() -> None:
    c = flare_case(CLEARED)
    assert not ruled_out(c, ("colchicine",))
    ruling = flare_case("Is anakinra necessary? Colchicine is contraindicated (eGFR 20).")
    assert ruled_out(ruling, ("colchicine",))


def test_a_therapy_that_ended_an_earlier_flare_worked() -> None:
    assert worked(flare_case(CLEARED), "nsaid")
    assert not worked(flare_case(CLEARED, "flare not resolved after 5 days"), "nsaid")
    assert not worked(flare_case(CLEARED, "flares recurred on it"), "nsaid")


def test_first_line_flare_therapies_are_preferred_over_the_il1_inhibitor() -> None:
    c = flare_case(CLEARED)
    position, _ = guideline_position(
        c, case_topic(c), [IF_OTHERS_FAIL, FIRST_LINE], [FIRST_LINE, IF_OTHERS_FAIL]
    )
    assert position.stance == "prefers_other"
    assert position.citations[0] == "E1.1"
    assert {"colchicine", "nsaid"} <= set(position.preferred)
