"""The kind of an earlier failure and the drug's class already failed (issue 26): a second
drug of a class after a primary nonresponse to the first, where the guideline prefers
another class; the class's recommendations for patients who never had it are an earlier
line; a recommendation for patients after the class is not for a case without it."""

from __future__ import annotations

from pipeline.draft.failures import (
    after_class,
    case_failure_kinds,
    failed_classes,
    failure_fits,
    failure_kinds,
)
from pipeline.draft.position import guideline_position
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import case, ev

SPA = ("Ankylosing spondylitis", "M45.0")
NSAIDS = [
    {"name": "Naproxen 500 mg twice daily for 8 weeks", "response": "inadequate response"},
    {"name": "Celecoxib 200 mg twice daily for 6 weeks", "response": "inadequate response"},
]
PRIMARY = {"name": "Adalimumab 40 mg every 2 weeks", "response": "primary nonresponse"}
SECONDARY = {"name": "Adalimumab 40 mg every 2 weeks", "response": "secondary loss of response"}

# The guideline's sentences, in its grammar (a first class over others after NSAIDs; the
# other class over a second drug of the class after a primary nonresponse; a second drug
# of the class after a secondary one).
FIRST_LINE = ev(
    1,
    "In adults with active AS despite treatment with NSAIDs, we strongly recommend treatment "
    "with TNFi over no treatment with TNFi.",
)
AFTER_PRIMARY = ev(
    2,
    "Secukinumab or ixekizumab is recommended over the use of a second TNFi in patients "
    "with primary nonresponse to the first TNFi.",
)
AFTER_SECONDARY = ev(
    3,
    "In adults with active AS despite treatment with the first TNFi used, we conditionally "
    "recommend treatment with a different TNFi over treatment with a non-TNFi biologic in "
    "patients with secondary nonresponse.",
)


def test_kinds_of_failure_are_read_from_words() -> None:
    assert failure_kinds("primary nonresponse to the first TNFi") == {"primary"}
    assert failure_kinds("no clinically meaningful improvement at any visit") == {"primary"}
    assert failure_kinds("a secondary loss of response") == {"secondary"}
    assert failure_kinds("stopped for intolerance (nausea)") == {"intolerance"}
    assert failure_kinds("inadequate response") == set()
    c = case("Golimumab", *SPA, prior=[*NSAIDS, PRIMARY])
    assert case_failure_kinds(c) == {"primary"}


def test_a_population_for_another_kind_of_failure_does_not_fit() -> None:
    primary = case("Golimumab", *SPA, prior=[*NSAIDS, PRIMARY])
    secondary = case("Golimumab", *SPA, prior=[*NSAIDS, SECONDARY])
    assert not failure_fits("in patients with secondary nonresponse", primary)
    assert failure_fits("in patients with secondary nonresponse", secondary)
    assert failure_fits("in patients with primary nonresponse to the first TNFi", primary)
    # a kind on one side only rules nothing out
    assert failure_fits("despite treatment with NSAIDs", primary)
    assert failure_fits("in patients with secondary nonresponse", case("Golimumab", *SPA))
    # intolerance only: not a case whose every failure was of efficacy
    assert not failure_fits("in patients intolerant of methotrexate", primary)


def test_the_drug_class_already_failed_and_sentences_after_it() -> None:
    topic = case_topic(case("Golimumab (Simponi)", *SPA, prior=[*NSAIDS, PRIMARY]))
    c = case("Golimumab (Simponi)", *SPA, prior=[*NSAIDS, PRIMARY])
    assert failed_classes(c, topic) == ["tnf inhibitor"]
    # NSAIDs failed too, but they are no class of golimumab's
    assert failed_classes(case("Golimumab", *SPA, prior=NSAIDS), topic) == []
    assert after_class(AFTER_PRIMARY.text, ["tnf inhibitor"])
    assert after_class(AFTER_SECONDARY.text, ["tnf inhibitor"])
    assert not after_class(FIRST_LINE.text, ["tnf inhibitor"])


def test_after_a_primary_nonresponse_another_class_is_preferred() -> None:
    c = case("Golimumab (Simponi)", *SPA, prior=[*NSAIDS, PRIMARY])
    topic = case_topic(c)
    position, requests = guideline_position(
        c, topic, [FIRST_LINE, AFTER_SECONDARY, AFTER_PRIMARY], [FIRST_LINE]
    )
    assert position.stance == "prefers_other"
    assert position.preferred == ["secukinumab", "ixekizumab"]
    assert position.citations == ["E2.1"]  # not the first-line one, not the secondary one
    # the stance turns on how adalimumab failed: that failure is documented first
    assert requests[0].startswith("Documentation of the primary nonresponse to Adalimumab")
    assert "adherence" in requests[0] and "secukinumab" in requests[1]


def test_after_a_secondary_loss_of_response_a_second_drug_of_the_class_is_endorsed() -> None:
    c = case("Golimumab (Simponi)", *SPA, prior=[*NSAIDS, SECONDARY])
    topic = case_topic(c)
    position, _ = guideline_position(
        c, topic, [FIRST_LINE, AFTER_SECONDARY, AFTER_PRIMARY], [FIRST_LINE]
    )
    assert position.stance == "supports"
    assert position.citations[0] == "E3.1"


def test_before_any_drug_of_the_class_the_recommendations_after_it_do_not_apply() -> None:
    c = case("Adalimumab (Humira)", *SPA, prior=NSAIDS)
    topic = case_topic(c)
    position, _ = guideline_position(
        c, topic, [AFTER_PRIMARY, AFTER_SECONDARY, FIRST_LINE], [FIRST_LINE]
    )
    assert position.stance == "supports"
    assert position.citations[0] == "E1.1"


def test_an_endorsement_after_failures_asks_for_their_response() -> None:
    """ "X is strongly recommended over Y for inadequate response to or intolerance of
    NSAIDs and/or glucocorticoids": the population is the failure (grammar of the
    recommendation), and the documentation asks for the response to those therapies."""
    c = case(
        "Anakinra (Kineret)",
        "Juvenile rheumatoid arthritis with systemic onset",
        "M08.20",
        prior=[
            {"name": "Naproxen", "response": "inadequate response"},
            {"name": "Prednisolone 1 mg/kg", "response": "flare on tapering"},
        ],
    )
    rec = ev(
        1,
        "IL-1 and IL-6 inhibitors are strongly recommended over a single or combination of "
        "conventional synthetic DMARDs for inadequate response to or intolerance of NSAIDs "
        "and/or glucocorticoids.",
    )
    position, requests = guideline_position(c, case_topic(c), [rec], [])
    assert position.stance == "supports"
    assert requests[0].startswith(
        "Documentation of the inadequate response to or intolerance of NSAIDs"
    )
    assert requests[1].startswith("Response to nsaid or glucocorticoid")
