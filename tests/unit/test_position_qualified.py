"""Readings of requests a guideline addresses with a qualifier (issue 26): "not routinely"
(kept for some patients: second line), "no recommendation can be made" on the drug's class
(silent, cited), a drug named by its salt, a patient coded for fertility preservation, a
broad class narrowed by a bracket to other classes, populations of relapsing disease, and
sentences for another form of the condition."""

from __future__ import annotations

from pipeline.draft.population import population_fits
from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case
from pipeline.retrieve.case_words import _request_words
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def case(
    drug: str,
    dx: list[tuple[str, str]],
    prior: list[dict] | None = None,
    history: list[str] | None = None,
) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": 60, "sex": "female"},
            "diagnoses": [{"name": n, "icd10": code} for n, code in dx],
            "requested_treatment": {"drug": drug},
            "prior_therapies": prior or [],
            "history": history or [],
        }
    )


MPA = [("Microscopic polyangiitis with glomerulonephritis", "M31.7")]
ROUTINE = "IVIG should not be used routinely to treat GPA/MPA (see above recommendation)."
REFRACTORY = (
    "For patients with GPA/MPA that is refractory to remission induction therapy, we "
    "conditionally recommend adding IV immunoglobulin (IVIG) to current therapy."
)


def test_not_routinely_is_second_line_not_a_ban() -> None:
    topic = case_topic(case("Immune globulin intravenous (Gamunex-C)", MPA))
    assert read_sentence(ev(1, ROUTINE), topic).kind == "second_line"
    banned = read_sentence(ev(2, "IVIG should not be used to treat GPA/MPA."), topic)
    assert banned.kind == "against"


def test_refractory_case_is_supported_despite_not_routinely() -> None:
    failed = [
        {"name": "Rituximab 375 mg/m2 weekly x4", "response": "disease still active"},
        {"name": "IV cyclophosphamide, 6 pulses", "response": "still active, refractory"},
    ]
    c = case("Immune globulin intravenous (Gamunex-C)", MPA, failed)
    pos, requests = guideline_position(c, case_topic(c), [ev(1, ROUTINE), ev(2, REFRACTORY)], [])
    assert pos.stance == "supports"
    # what the disease stayed active despite, by the case's own therapies
    assert any(
        r.startswith("Active disease despite rituximab and cyclophosphamide") for r in requests
    )


def test_no_recommendation_on_the_class_is_a_cited_silence() -> None:
    c = case("Sarilumab (Kevzara)", [("Polymyalgia rheumatica", "M35.3")])
    topic = case_topic(c)
    deferred = ev(
        1,
        "No recommendation can be made for other biologic agents as no prospective "
        "trials have been published so far.",
    )
    assert read_sentence(deferred, topic).kind == "deferred"
    pos, requests = guideline_position(c, topic, [deferred], [])
    assert pos.stance == "silent" and pos.citations == ["E1.1"]
    assert "no recommendation" in pos.summary and requests == []
    # one on other drugs only says nothing of this one
    other = ev(2, "No recommendation can be made for hydroxychloroquine in PMR.")
    pos, _ = guideline_position(c, topic, [other], [])
    assert pos.stance == "silent" and pos.citations == []


def test_a_salt_form_is_named_by_its_base() -> None:
    assert "testosterone" in _request_words("Testosterone cypionate (Depo-Testosterone)")
    assert "ibandronate" in _request_words("Ibandronate sodium")
    words = _request_words("Computed tomography of the chest without contrast")
    assert "computed tomography" in words


def test_fertility_counselling_reads_the_reproductive_guideline() -> None:
    c = case(
        "Testosterone cypionate (Depo-Testosterone)",
        [("Lupus nephritis class IV", "M32.14"), ("Fertility preservation counseling", "Z31.62")],
    )
    topic = case_topic(c)
    assert [s.name for s in topic.states] == ["fertility preservation"]
    assert topic.names_state("options for fertility preservation should be presented")
    assert any("fertility preservation" in q for q in topic.questions()["position"])
    against = ev(
        1,
        "We conditionally recommend against testosterone co-therapy in men with RMD "
        "receiving CYC, as it does not preserve fertility in men undergoing chemotherapy.",
    )
    first = ev(2, "We conditionally recommend an MPAA-based regimen over a CYC-based regimen.")
    pos, requests = guideline_position(c, topic, [against], [first])
    assert pos.stance == "not_recommended"
    assert any("cryopreservation" in r for r in requests)
    # against it for the state: the condition's first-line drug is no alternative to it
    assert pos.preferred == [] and not any("mycophenolate" in r for r in requests)


def test_a_bracket_narrows_a_broad_class_to_others() -> None:
    topic = case_topic(case("Adalimumab (Humira)", [("Oligoarticular JIA", "M08.40")]))
    assert not topic.names_class(
        "Biologic DMARDs (IL-1 and IL-6 inhibitors) are conditionally recommended."
    )
    assert topic.names_class("Biologic DMARDs are conditionally recommended after a csDMARD.")
    assert topic.names_class("Biologic DMARDs (eg, adalimumab) are recommended.")


def test_other_form_only() -> None:
    topic = case_topic(case("Adalimumab (Humira)", [("Oligoarticular JIA", "M08.40")]))
    assert topic.other_form_only("bDMARDs are recommended as initial therapy for systemic JIA.")
    assert not topic.other_form_only("Adalimumab is used in systemic JIA only for arthritis.")
    assert not topic.other_form_only("Methotrexate is preferred for oligoarthritis.")


def test_a_relapse_population_needs_a_relapse_on_record() -> None:
    text = "For patients with EGPA who have experienced relapse with nonsevere disease"
    new = case("Rituximab (Rituxan)", [("EGPA, nonsevere", "M30.1")], history=["new diagnosis"])
    assert not population_fits(text, new, case_topic(new))
    relapsed = case(
        "Rituximab (Rituxan)",
        [("EGPA, nonsevere", "M30.1")],
        history=["relapse of asthma and sinus disease on prednisone"],
    )
    assert population_fits(text, relapsed, case_topic(relapsed))


def test_a_relapsing_case_asks_for_the_relapse_therapy() -> None:
    pmr = [("Polymyalgia rheumatica", "M35.3")]
    relapsed = case(
        "Sarilumab (Kevzara)",
        pmr,
        [{"name": "Prednisone 15 mg daily tapered", "response": "relapses at 7 mg daily"}],
    )
    assert "relapse: treatment of relapse" in case_topic(relapsed).questions()["path"][0]
    new = case("Sarilumab (Kevzara)", pmr, history=["new diagnosis, prednisone started"])
    assert not any("relapse" in q for q in case_topic(new).questions()["path"])


def test_the_active_form_is_the_one_the_request_treats() -> None:
    c = case(
        "Adalimumab (Humira)",
        [
            ("Oligoarticular JIA, knee inactive", "M08.40"),
            ("Temporomandibular joint disorder (TMJ arthritis, active synovitis on MRI)", "M26.69"),
        ],
    )
    topic = case_topic(c)
    assert topic.names_resting_form(
        "Oral glucocorticoids are recommended against for oligoarthritis."
    )
    assert not topic.names_resting_form(
        "Oral glucocorticoids are recommended against for TMJ arthritis."
    )
    assert not topic.names_resting_form("NSAIDs are part of initial therapy.")
    # one form, or none called active: nothing is resting
    one = case_topic(case("Adalimumab (Humira)", [("Oligoarticular JIA, active", "M08.40")]))
    assert not one.names_resting_form("Methotrexate is preferred for oligoarthritis.")


def test_a_request_for_the_state_ranks_the_state_first() -> None:
    from pipeline.draft.gather import state_weight

    dx = [("Lupus nephritis class IV", "M32.14"), ("Fertility preservation counseling", "Z31.62")]
    c = case("Testosterone cypionate", dx)
    c.question = "Is testosterone medically necessary to protect fertility in a 23-year-old man?"
    topic = case_topic(c)
    assert topic.serves_state
    on_state = "Options for fertility preservation should be presented before CYC."
    beside = "We conditionally recommend an MPAA-based regimen over a CYC-based regimen."
    assert state_weight(on_state, c, topic, True) > 1.0 > 0.0 > state_weight(beside, c, topic)
    # the state named only in the patient's description: no goal of the request
    c.question = "Is testosterone medically necessary for a 23-year-old man, fertility counselled?"
    assert not case_topic(c).serves_state


def test_relapse_therapy_is_not_a_new_case_path() -> None:
    from pipeline.draft.ranking import course_weight

    egpa = [("EGPA, nonsevere", "M30.1")]
    relapse = "Mepolizumab is recommended to treat nonsevere relapsing disease."
    new = case_topic(case("Rituximab (Rituxan)", egpa, history=["newly diagnosed"]))
    assert course_weight(relapse, "path", new) < 0.0
    assert course_weight(relapse, "role", new) == 0.0
    old = case_topic(case("Rituximab (Rituxan)", egpa, history=["relapse on prednisone"]))
    assert course_weight(relapse, "path", old) > 0.0


def test_a_request_for_the_state_lists_no_condition_path_and_quotes_the_state() -> None:
    from pipeline.draft.graded import listed_recommendations
    from pipeline.draft.quotable import why_not
    from tests.unit.test_graded import _sentence

    dx = [("Lupus nephritis class IV", "M32.14"), ("Fertility preservation counseling", "Z31.62")]
    c = case("Testosterone cypionate", dx)
    c.question = "Is testosterone medically necessary to protect fertility in a 23-year-old man?"
    topic = case_topic(c)
    options = "Options for fertility preservation should be presented to male patients."
    assert why_not(options, topic) is None  # names the state, though no drug or condition
    path = "We conditionally recommend an MPAA-based regimen over a CYC-based regimen for LN."
    state = "We strongly recommend sperm cryopreservation for CYC-treated men who desire fertility."
    listed = listed_recommendations([_sentence(path), _sentence(state)], c, topic, lambda s: True)
    texts = [s.text for sents in listed.values() for s in sents]
    assert path not in texts
    # (CYC is cyclophosphamide: the guidelines' abbreviation)
    from pipeline.terms import find_therapies

    assert [t.name for t in find_therapies("CYC-treated men")] == ["cyclophosphamide"]
