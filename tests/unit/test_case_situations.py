"""Reviews on point for requests the drafter was not first built on (issue 26): a procedure
asked as "now, or after more nonoperative therapy and weight loss?", a drug for a patient
in a state the guidelines treat apart (pregnancy, heart failure), and recommendation
populations bounded by a measure (BMI 40-49). Small fake passages only."""

from __future__ import annotations

from pipeline.draft.documentation import documentation
from pipeline.draft.failures import ruled_out
from pipeline.draft.gather import fit_for, state_weight
from pipeline.draft.measures import bounds, case_value, measure_fits
from pipeline.draft.population import population_fits, population_of, split_over
from pipeline.draft.position import guideline_position, read_sentence
from pipeline.models import Case
from pipeline.retrieve.procedures import short_name
from pipeline.retrieve.states import case_states, gestational_week, stage_fits, trimesters
from pipeline.retrieve.topic import case_topic
from tests.unit.test_position import ev


def _case(drug: str, diagnoses: list[tuple[str, str]], **extra: object) -> Case:
    data = {
        "case_id": "t",
        "patient": {"age": 54, "sex": "male"},
        "diagnoses": [{"name": n, "icd10": c} for n, c in diagnoses],
        "requested_treatment": {"drug": drug},
        "prior_therapies": [],
        "history": [],
    }
    data.update(extra)
    return Case.model_validate(data)


def hip_case(history: list[str] | None = None) -> Case:
    return _case(
        "Left total hip arthroplasty (CPT 27130)",
        [
            (
                "Idiopathic aseptic necrosis of left femur (head collapse, secondary arthritis)",
                "M87.052",
            ),
            ("Severe obesity, body mass index 40.0-44.9, adult", "E66.01"),
        ],
        prior_therapies=[
            {"name": "Naproxen 500 mg twice daily (8 months)", "response": "none now"},
            {"name": "Physical therapy, 8 weeks supervised", "response": "no improvement"},
        ],
        history=history or ["2026-10-05 BMI 42.3 (131 kg). Plan asks for a BMI under 40 first."],
        question="Is a total hip arthroplasty medically necessary now, or should it wait for "
        "weight loss below BMI 40?",
    )


def pregnant_case() -> Case:
    return _case(
        "Celecoxib (Celebrex)",
        [
            ("Non-radiographic axial spondyloarthritis", "M45.A0"),
            ("17 weeks gestation of pregnancy", "Z3A.17"),
        ],
        patient={"age": 31, "sex": "female"},
        prior_therapies=[
            {
                "name": "Naproxen 500 mg twice daily (before pregnancy)",
                "response": "good relief, well tolerated",
            },
        ],
    )


# --- procedures -------------------------------------------------------------------------


def test_a_procedure_is_asked_whether_to_proceed_or_delay_not_about_drugs_around_it() -> None:
    topic = case_topic(hip_case())
    assert topic.kind is not None and topic.kind.name == "procedure"
    assert topic.short == "Idiopathic aseptic necrosis of left femur (osteonecrosis)"
    questions = topic.questions()
    path = " ".join(questions["path"])
    assert "without delay" in path and "Naproxen" in path and "Physical therapy" in path
    assert "Severe obesity" in " ".join(questions["pitfalls"])
    # no antirheumatic drug taken: nothing on holding drugs around the surgery
    assert not any("withhold" in q or "hold or stop" in q for qs in questions.values() for q in qs)
    # "delaying surgery" names the request
    assert topic.names_drug("we conditionally recommend against delaying surgery")


def test_a_procedure_of_a_patient_on_a_biologic_asks_about_the_biologic_too() -> None:
    c = hip_case()
    c.history.append("Adalimumab 40 mg every 2 weeks since 2024.")
    questions = case_topic(c).questions()
    assert any("adalimumab" in q and "withhold" in q for q in questions["pitfalls"])


def test_the_kinds_guideline_that_names_the_condition_is_the_requests_own() -> None:
    topic = case_topic(hip_case())
    timing = (
        "Guideline for the Timing of Elective Hip Arthroplasty for Osteoarthritis or Osteonecrosis"
    )
    periop = (
        "Perioperative Management of Antirheumatic Medication Undergoing Total Hip Arthroplasty"
    )
    assert fit_for(topic, timing, kind_named=True) == "specific"
    assert fit_for(topic, periop, kind_named=True) == "other_form"
    assert fit_for(topic, periop, kind_named=False) == "specific"  # the only one: still its own


def test_a_recommendation_against_delaying_the_procedure_supports_it() -> None:
    c = hip_case()
    topic = case_topic(c)
    band = ev(
        1,
        "In our defined population with body mass index (BMI) 40 - 49, we conditionally "
        "recommend proceeding to surgery without delay to achieve weight reduction to BMI < 40.",
    )
    other_band = ev(
        2,
        "In our defined population with body mass index (BMI) > 50, we conditionally recommend "
        "proceeding to surgery without delay to achieve weight reduction to BMI < 50.",
    )
    pt = ev(
        3,
        "In our defined population, we conditionally recommend proceeding to TJA without delay "
        "over delaying arthroplasty for a trial of physical therapy.",
    )
    position, docs = guideline_position(c, topic, [other_band, pt, band], [], {})
    assert position.stance == "supports"
    assert "E2.1" not in position.citations  # BMI > 50 is for other patients
    assert position.citations[0] == "E1.1"  # the case's own band first
    assert any(d.startswith("Documentation of the body mass index (BMI) 40 - 49") for d in docs)
    assert any("Nonoperative therapies tried" in d and "Naproxen" in d for d in docs)
    assert not any("our defined population" in d for d in docs)


def test_short_names_of_therapies_and_diagnoses() -> None:
    assert short_name("Naproxen 500 mg twice daily (8 months)") == "Naproxen"
    assert short_name("Severe obesity, body mass index 40.0-44.9, adult") == "Severe obesity"
    assert short_name("Aseptic necrosis of femur (femoral head collapse, secondary") == (
        "Aseptic necrosis of femur"
    )


# --- measures ---------------------------------------------------------------------------


def test_measured_bounds_in_a_population_against_the_case_value() -> None:
    c = hip_case()
    assert case_value(c, "bmi") == 42.3  # not "under 40" (a target), nor the code's range
    assert bounds("with body mass index (BMI) 40 - 49") == [("bmi", "range", 40.0, 49.0)]
    assert measure_fits("In patients with BMI 40-49", c) is True
    assert measure_fits("In patients with BMI > 50", c) is False
    assert measure_fits("In patients with BMI ≥ 35", c) is True
    assert measure_fits("In patients with poorly controlled diabetes", c) is None
    topic = case_topic(c)
    assert not population_fits("In our defined population with BMI > 50", c, topic)
    assert population_fits("In our defined population with BMI 40 - 49", c, topic)
    # no value on record: the bound says nothing either way
    assert (
        measure_fits("In patients with BMI > 50", hip_case(history=["Seen by a dietitian."]))
        is None
    )


# --- states -----------------------------------------------------------------------------


def test_pregnancy_by_its_codes_and_its_stage() -> None:
    c = pregnant_case()
    assert [s.name for s in case_states(c)] == ["pregnancy"]
    assert gestational_week(c) == 17
    assert trimesters("in the first 2 trimesters") == {1, 2}
    assert trimesters("in the second and third trimesters") == {2, 3}
    assert trimesters("during pregnancy") == set()
    assert stage_fits("We recommend X in the first 2 trimesters.", c)
    assert not stage_fits("We strongly recommend against use of NSAIDs in the third trimester.", c)
    topic = case_topic(c)
    assert state_weight("NSAIDs are compatible for use during pregnancy.", c, topic) > 0
    assert state_weight("Against NSAIDs in the third trimester.", c, topic) < 0
    assert state_weight("NSAIDs over no NSAIDs.", c, topic) == 0
    # the state's sentence on another therapy: only from a document about the state
    certolizumab = "We recommend continuation of certolizumab during pregnancy."
    assert state_weight(certolizumab, c, topic) == 0
    assert state_weight(certolizumab, c, topic, state_doc=True) > 0
    # the pregnancy's own questions come first
    assert "during pregnancy" in case_topic(c).questions()["position"][0]


def test_a_reason_after_a_comma_is_no_population() -> None:
    head, comparator, population = split_over(
        "We conditionally recommend nonselective NSAIDs over COX-2 inhibitors in the first 2 "
        "trimesters, due to lack of data on COX-2 inhibitors."
    )
    assert comparator.startswith("COX-2 inhibitors in the first 2") and population == ""


def test_the_pregnancy_recommendation_decides_and_a_coxib_ranks_below_other_nsaids() -> None:
    c = pregnant_case()
    topic = case_topic(c)
    general = ev(1, "We strongly recommend treatment with NSAIDs over no treatment with NSAIDs.")
    third = ev(2, "We strongly recommend against use of NSAIDs in the third trimester.")
    coxib = ev(
        3,
        "We conditionally recommend nonselective NSAIDs over cyclooxygenase 2–specific "
        "inhibitors in the first 2 trimesters, due to lack of data on cyclooxygenase "
        "2–specific inhibitors.",
    )
    reading = read_sentence(coxib, topic)
    assert reading is not None and reading.kind == "dispreferred"
    assert [t.name for t in reading.preferred][:1] == ["nsaid"]
    position, docs = guideline_position(c, topic, [general, third, coxib], [], {})
    # naproxen was tried and worked (stopped for the pregnancy): still the preferred one
    assert position.stance == "prefers_other" and position.preferred == ["nsaid"]
    assert position.citations[0] == "E3.1" and "E2.1" not in position.citations
    assert "the case records it was tried and worked" in position.summary
    assert any(d.startswith("Gestational age") for d in docs)
    # for a non-pregnant patient, the general recommendation endorses an NSAID
    plain = _case("Celecoxib", [("Axial spondyloarthritis", "M45.9")])
    pos, _ = guideline_position(plain, case_topic(plain), [general], [], {})
    assert pos.stance == "supports"


def test_a_therapy_that_failed_is_no_longer_open() -> None:
    c = pregnant_case()
    c.prior_therapies[0].response = "good relief at first, lost response"
    coxib = ev(3, "We conditionally recommend nonselective NSAIDs over COX-2 inhibitors.")
    position, _ = guideline_position(c, case_topic(c), [coxib], [], {})
    assert position.stance != "prefers_other"


def test_heart_failure_recommendation_decides_for_a_patient_with_heart_failure() -> None:
    c = _case(
        "Etanercept (Enbrel)",
        [
            ("Rheumatoid arthritis, multiple sites", "M05.79"),
            ("Chronic systolic heart failure", "I50.22"),
        ],
        prior_therapies=[{"name": "Methotrexate 25 mg weekly", "response": "not at target"}],
    )
    topic = case_topic(c)
    general = ev(
        1,
        "Addition of a bDMARD or tsDMARD is conditionally recommended over triple therapy "
        "for patients taking maximally tolerated doses of methotrexate who are not at target.",
    )
    hf = ev(
        2,
        "Addition of a non–TNF inhibitor bDMARD or tsDMARD is conditionally recommended over "
        "addition of a TNF inhibitor for patients with NYHA class III or IV heart failure and "
        "an inadequate response to csDMARDs.",
    )
    position, docs = guideline_position(c, topic, [general, hf], [], {})
    assert position.stance == "prefers_other" and position.citations[0] == "E2.1"
    assert any(d.startswith("Heart failure class (NYHA)") for d in docs)
    assert documentation(c, topic, "silent", [], [], [], []) == []


# --- what the record rules out, severity of a relapse, deictic comparisons ----------------


def flare_case() -> Case:
    return _case(
        "Canakinumab (Ilaris)",
        [
            ("Gout, unspecified (acute flare)", "M10.9"),
            ("Chronic kidney disease, stage 4", "N18.4"),
        ],
        question="Is canakinumab medically necessary for a gout flare, for whom colchicine and "
        "NSAIDs are contraindicated?",
        history=["eGFR 22 (stage 4 chronic kidney disease); nephrology advises against NSAIDs."],
        prior_therapies=[
            {"name": "Colchicine 0.3 mg daily", "response": "stopped for neuromyopathy"},
            {"name": "Prednisone 30 mg daily", "response": "flare settled but hyperglycemia"},
        ],
    )


def test_first_line_drugs_the_record_rules_out_leave_the_request_endorsed() -> None:
    c = flare_case()
    topic = case_topic(c)
    assert topic.names_class("over IL- 1 inhibitors or ACTH")  # a PDF's hyphen and space
    assert ruled_out(c, ("nsaid", "nsaids")) and not ruled_out(c, ("allopurinol",))
    first = ev(
        1,
        "Using colchicine, NSAIDs, or glucocorticoids as appropriate first- line therapy for "
        "gout flares over IL- 1 inhibitors or ACTH is strongly recommended.",
    )
    il1 = ev(
        2,
        "Using an IL- 1 inhibitor over no therapy is conditionally recommended for patients "
        "experiencing a gout flare for whom the above antiinflammatory therapies are either "
        "ineffective, poorly tolerated, or contraindicated.",
    )
    position, _ = guideline_position(c, topic, [first, il1], [], {})
    assert position.stance == "supports"
    # with NSAIDs open (not ruled out, never tried), the first-line drugs come first
    c.question, c.history = "Is canakinumab medically necessary for a gout flare?", []
    position, _ = guideline_position(c, case_topic(c), [first, il1], [], {})
    assert position.stance == "prefers_other" and position.preferred == ["nsaid"]


def test_a_nonsevere_relapse_is_not_severe_disease_and_this_setting_decides_nothing() -> None:
    c = _case(
        "Mepolizumab (Nucala)",
        [("Eosinophilic granulomatosis with polyangiitis", "M30.1")],
        history=["No neuropathy or alveolar hemorrhage, so a nonsevere relapse (asthma)."],
        prior_therapies=[{"name": "Methotrexate 20 mg weekly", "response": "nonsevere relapse"}],
    )
    topic = case_topic(c)
    severe = ev(
        1,
        "Recommendation: For patients with active, severe EGPA, we conditionally recommend "
        "treatment with cyclophosphamide or rituximab over mepolizumab for remission induction.",
    )
    setting = ev(
        2, "Rituximab or cyclophosphamide is recommended over mepolizumab in this setting."
    )
    relapse = ev(
        3,
        "Recommendation: For patients with EGPA who have experienced relapse with nonsevere "
        "disease manifestations while receiving methotrexate, we conditionally recommend adding "
        "mepolizumab over switching to another agent.",
    )
    reading = read_sentence(setting, topic)
    assert reading is not None and reading.kind == "other"
    position, _ = guideline_position(c, topic, [severe, setting, relapse], [], {})
    assert position.stance == "supports" and position.citations[0] == "E3.1"


def test_a_pitfall_for_other_patients_is_read_by_its_population() -> None:
    c = flare_case()
    text = (
        "For patients with asymptomatic hyperuricemia (SU >6.8 mg/dl with no prior gout flares), "
        "we conditionally recommend against initiating any pharmacologic ULT."
    )
    assert not population_fits(population_of(text), c, case_topic(c))
