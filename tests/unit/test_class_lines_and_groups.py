"""Where the case stands on its class's lines, and populations of several groups (issue 26):
a recommendation after a first drug of the requested drug's class is a later line for a case
that never had one (not the guideline's word against starting it); one after the class the
case tried last is where it stands; "patients aged >=65 and patients 18-64 taking
immunosuppressants" holds for either group; a comorbidity is read by its organ word; a
question the guideline asks is no recommendation."""

from __future__ import annotations

from pipeline.draft.graded import listed_recommendations
from pipeline.draft.population import population_fits
from pipeline.draft.position import guideline_position
from pipeline.draft.ranking import Sentence, course_weight, score_sentence
from pipeline.draft.sections import SECTIONS
from pipeline.models import Case, Chunk, Evidence
from pipeline.retrieve.topic import case_topic


def _case(drug: str, prior: list[dict], history: list[str], age: int = 40) -> Case:
    return Case.model_validate(
        {
            "case_id": "t",
            "patient": {"age": age, "sex": "male"},
            "diagnoses": [{"name": "Ankylosing spondylitis of lumbar region", "icd10": "M45.6"}],
            "requested_treatment": {"drug": drug, "request_type": "initial"},
            "prior_therapies": prior,
            "history": history,
        }
    )


def _ev(i: int, text: str) -> Evidence:
    return Evidence(
        id=f"E{i}.1", passage=f"E{i}", chunk_id=f"c{i}", source_id="g", file="g.pdf", page=1,
        text=text, title="Guideline",
    )  # fmt: skip


def _sentence(text: str, score: float = 0.0) -> tuple[float, Sentence]:
    chunk = Chunk(
        id=f"g:{abs(hash(text))}", source_id="g", file="g.pdf", page=1, page_label="1",
        section=None, start=0, end=len(text), text=text, tokens=len(text.split()),
    )  # fmt: skip
    return score, Sentence(chunk, 1, text, 0.0)


NAIVE = _case(
    "Golimumab (Simponi)",
    [{"name": "Paracetamol 1 g as needed", "response": "little relief"}],
    ["Inflammatory back pain; no bowel symptoms. No NSAID taken."],
)
SWITCH = (
    "In cases of nonresponse (primary or secondary), the panel recommended against switching "
    "to the biosimilar of the first TNFi."
)
AFTER_NSAIDS = (
    "In adults with active AS despite treatment with NSAIDs, we strongly recommend treatment "
    "with TNFi over no treatment with TNFi."
)
SECOND = (
    "In adults with active AS despite treatment with the first TNFi used, we conditionally "
    "recommend treatment with secukinumab or ixekizumab over treatment with a different TNFi."
)


def test_against_a_switch_after_the_first_of_the_class_is_no_word_against_starting_it() -> None:
    topic = case_topic(NAIVE)
    position, _ = guideline_position(NAIVE, topic, [_ev(1, SWITCH), _ev(2, AFTER_NSAIDS)], [])
    # (its population lost the class, "in cases of nonresponse"; its words did not)
    assert position.stance == "prefers_other"
    assert "nsaid" in position.preferred
    assert "E1.1" not in position.citations and "E2.1" in position.citations


def test_later_lines_of_the_class_list_after_the_case_s_own() -> None:
    listed = listed_recommendations(
        [_sentence(SECOND, 5.0), _sentence(AFTER_NSAIDS, 1.0)], NAIVE, case_topic(NAIVE), bool
    )
    assert [s.text for s in listed["path"]] == [AFTER_NSAIDS, SECOND]
    # the case that tried NSAIDs, then a first TNFi: the line after the TNFi is its own
    tried = _case(
        "Tofacitinib (Xeljanz)",
        [
            {"name": "Naproxen 500 mg twice daily", "response": "inadequate"},
            {"name": "Adalimumab 40 mg every 2 weeks", "response": "primary nonresponse"},
        ],
        ["Active AS after naproxen and adalimumab."],
    )
    il17 = (
        "In adults with active AS despite treatment with NSAIDs, we strongly recommend "
        "treatment with secukinumab or ixekizumab over no treatment with secukinumab."
    )
    listed = listed_recommendations(
        [_sentence(il17, 5.0), _sentence(SECOND, 1.0)], tried, case_topic(tried), bool
    )
    assert [s.text for s in listed["path"]] == [SECOND, il17]


def test_a_later_line_of_the_class_ranks_down_in_the_rationale_of_a_naive_case() -> None:
    topic = case_topic(NAIVE)
    assert course_weight(SWITCH, "rationale", topic) <= -1.0
    assert course_weight(SWITCH, "path", topic) == 0.0
    assert course_weight(AFTER_NSAIDS, "rationale", topic) == 0.0


def test_a_question_the_guideline_asks_is_no_recommendation() -> None:
    topic = case_topic(NAIVE)
    rationale = next(s for s in SECTIONS if s.key == "rationale")
    asked = (
        "Providers have questions on where these medications fit, and how TNFi and NSAIDs "
        "should be used."
    )
    said = "TNFi and NSAIDs should be used in adults with active AS."
    assert score_sentence(asked, rationale, topic, True, 0.0, 0.0) < score_sentence(
        said, rationale, topic, True, 0.0, 0.0
    )
    listed = listed_recommendations([_sentence(asked, 9.0)], NAIVE, topic, bool)
    assert not any(listed.values())


def test_a_population_of_two_groups_holds_for_either() -> None:
    case = _case("Golimumab (Simponi)", [], ["Taking methotrexate 20 mg weekly."], age=58)
    topic = case_topic(case)
    both = (
        "For patients with RMD age ≥65 years and patients with RMD age >18 years and <65 years "
        "who are taking immunosuppressive medication"
    )
    assert population_fits(both, case, topic)
    assert not population_fits("For patients with RMD age ≥65 years", case, topic)


def test_a_comorbidity_is_read_by_its_organ_word() -> None:
    topic = case_topic(NAIVE)
    # "inflammatory back pain" is on the record, a bowel disease is not
    assert not population_fits("In adults with inflammatory bowel disease", NAIVE, topic)
    assert not population_fits("In patients with coexisting ulcerative colitis", NAIVE, topic)
    ibd = _case("Golimumab (Simponi)", [], ["Crohn disease of the ileum, on mesalamine."])
    assert population_fits("In patients with coexisting Crohn disease", ibd, case_topic(ibd))


def test_a_request_named_as_a_time_is_no_object_of_the_recommendation() -> None:
    from pipeline.draft.alternatives import governs_request

    case = _case("Influenza vaccine, high-dose quadrivalent (Fluzone High-Dose)", [], [], age=58)
    topic = case_topic(case)
    assert governs_request(
        "For patients with RMD, giving high-dose influenza vaccination is conditionally "
        "recommended over giving regular-dose influenza vaccination.",
        topic,
    )
    # (the stem "influenza vaccin" matched, the word it ends in is read whole)
    assert not governs_request(
        "For patients with RMD, holding methotrexate for 2 weeks after influenza vaccination "
        "is conditionally recommended.",
        topic,
    )
