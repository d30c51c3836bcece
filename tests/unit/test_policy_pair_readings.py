"""Readings of kinds of criteria and names that case pairs left to the model (issue 25):
made-up policies and facts."""

from __future__ import annotations

from pipeline.models import Case, CaseFact
from pipeline.policy.match import indication_for
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.policy.word_families import family, shared_words


def facts(*texts: str) -> list[CaseFact]:
    return [CaseFact(id=f"F{i}", text=t) for i, t in enumerate(texts, 1)]


def _tree(*names: str) -> PolicyTree:
    leaf = PolicyNode(id="1", text="The patient is 18 years of age or older", page=1)
    inds = [
        Indication(id=str(k), name=n, text=n, page=1, branches=[Branch(node=leaf)])
        for k, n in enumerate(names, 1)
    ]
    return PolicyTree(
        source_id="s" * 64, file="/x.pdf", title="Examplumab", compiler="t", indications=inds
    )


def _case(*diagnoses: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "patient": {"age": 40},
            "diagnoses": [{"name": d} for d in diagnoses],
            "requested_treatment": {"drug": "Examplumab"},
        }
    )


def test_word_families_join_a_conditions_noun_and_adjective_only() -> None:
    assert family("depression") == family("depressive")
    assert family("diabetes") == family("diabetic")
    assert shared_words({"resistant", "depression"}, {"major", "depressive"}) == {"depression"}
    # plaque psoriasis is no psoriatic arthritis; short roots stay as written
    assert family("psoriasis") != family("psoriatic")
    assert shared_words({"renal"}, {"rent"}) == set()


def test_an_indication_named_by_another_form_of_the_diagnosis_word_is_matched() -> None:
    tree = _tree(
        "Treatment-resistant depression",
        "Gloomy symptoms in adults with major depressive disorder with acute wobbling ideation",
    )
    ind, why = indication_for(_case("Major depressive disorder, recurrent"), tree)
    assert ind is not None and ind.id == "1", why
    # the case that has the other indication's qualifier still finds that one
    ind, why = indication_for(_case("Major depressive disorder", "Wobbling ideation"), tree)
    assert ind is not None and ind.id == "2", why


def test_an_exclusion_name_is_not_widened_by_word_family() -> None:
    # only indications read families: a diagnosis shares nothing with "Diabetic X" as written
    from pipeline.policy.match import _overlap

    case = _case("Type 2 diabetes mellitus")
    assert _overlap("Diabetic gastroparesis", case)[0] == 0.0
    assert _overlap("Diabetic gastroparesis", case, together=True)[0] > 0.0


def test_a_scale_named_with_its_number_is_read() -> None:
    note = "History: Psychiatry note 01/12/2026: PHQ-9 on 01/12/2026: 19. GLUM on 01/12/2026: 31."
    found = judge_measure("PHQ-9 total score of 15 or higher", facts(note))
    assert found is not None and found[0] == "met" and "19" in found[2]
    low = "History: PHQ-9 on 01/12/2026: 9."
    assert judge_measure("PHQ-9 total score of 15 or higher", facts(low))[0] == "not_met"


def test_a_named_scores_date_is_its_notes_date_inside_a_groups_window() -> None:
    stem = "One of the following scores within the last 30 days:"
    fresh = facts("History: Clinic visit 03/02/2026: stable.", "History: GLUM on 02/20/2026: 31.")
    found = judge_measure("GLUM total score of 28 or higher", fresh, context=stem)
    assert found is not None and found[0] == "met"
    # a score dated before the window decides nothing; an undated one neither
    old = facts("History: Clinic visit 03/02/2026: stable.", "History: GLUM on 10/20/2025: 31.")
    assert judge_measure("GLUM total score of 28 or higher", old, context=stem) is None
    undated = facts("History: Clinic visit 03/02/2026: stable.", "History: GLUM score 31.")
    assert judge_measure("GLUM total score of 28 or higher", undated, context=stem) is None


def test_a_therapy_denied_in_a_list_of_what_is_not_taken_meets_its_absence() -> None:
    from pipeline.policy.use_denied import judge_use_denied

    text = "The member is not taking a glumarate in any form"
    denied = facts("History: No blorbazine, frandol or other glumarate. Walks daily.")
    found = judge_use_denied(text, denied, "Examplumab")
    assert found is not None and found[:2] == ("met", ["F1"])
    # a note that holds something back, or states the therapy as taken, decides nothing
    held_back = facts("History: No glumarate except as needed for chest pain.")
    assert judge_use_denied(text, held_back, "Examplumab") is None
    taken = facts(
        "History: No blorbazine or other glumarate.", "History: Glumarate patch 0.4 mg daily."
    )
    assert judge_use_denied(text, taken, "Examplumab") is None
    # never a denial from here; a criterion about no therapy is not read
    assert judge_use_denied(text, facts("History: Walks daily."), "Examplumab") is None
    assert judge_use_denied("No history of glumarate allergy", denied, "Examplumab") is None


def test_a_share_of_predicted_or_higher_is_a_bound_so_both_measurements_are_read() -> None:
    # read as one bound only, the second measurement alone would have met the criterion
    text = "GLX is 40% of predicted or higher and ZOD is 30% to 89% of predicted"
    note = "History: Lung tests 01/06/2026: GLX {}% of predicted, ZOD 52% of predicted."
    found = judge_measure(text, facts(note.format(71)))
    assert found is not None and found[0] == "met" and ">= 40" in found[2]
    assert judge_measure(text, facts(note.format(35))) is None  # the parts disagree


def test_what_must_not_be_taken_with_the_drug_named_before_it_is_read() -> None:
    from pipeline.policy.taken_with import judge_taken_with

    text = "No PDE5 inhibitor or nitrate will be taken with examplumab"
    drug = "Brandix (examplumab)"
    alongside = facts(
        "History: Sildenafil 20 mg three times daily will be continued alongside examplumab.",
        "History: No nitrates.",
    )
    assert judge_taken_with(text, alongside, drug)[:2] == ("not_met", ["F1"])
    absent = facts("History: No sildenafil, tadalafil or other PDE5 inhibitor, and no nitrates.")
    assert judge_taken_with(text, absent, drug)[0] == "met"
    # one item unsaid: nothing decided; taken with another drug than the request: not read
    assert judge_taken_with(text, facts("History: No sildenafil."), drug) is None
    other = "No PDE5 inhibitor will be taken with warfarin"
    assert judge_taken_with(other, alongside, drug) is None


def test_a_setting_certified_in_the_rems_is_read_for_the_same_party_only() -> None:
    from pipeline.policy.rems import judge_rems

    text = "Doses will be given and monitored in a certified care setting enrolled in the X REMS"
    site = facts(
        "History: Treatment site: Lakeside Clinic, certified in the X REMS; observed 2 hours."
    )
    assert judge_rems(text, site)[:2] == ("met", ["F1"])
    # a certified pharmacy is no certified setting; a denial or no monitoring decides nothing
    pharmacy = facts("History: Dispensed by a pharmacy certified in the X REMS; observed 2 hours.")
    assert judge_rems(text, pharmacy) is None
    denied = facts("History: The clinic is not certified in the X REMS; observed 2 hours.")
    assert judge_rems(text, denied) is None
    unmonitored = facts("History: Treatment site: Lakeside Clinic, certified in the X REMS.")
    assert judge_rems(text, unmonitored) is None


def test_word_families_join_a_plural_and_a_quality_noun_and_adjective() -> None:
    assert family("carbapenems") == family("carbapenem")
    assert family("resistance") == family("resistant")
    assert family("psoriasis") == "psoriasis" and family("abscess") == "abscess"
    tree = _tree("Carbapenem-resistant Enterobacterales (CRE) infection", "Pseudomonas infection")
    case = _case("Sepsis due to other Gram-negative organisms", "Resistance to carbapenems")
    ind, why = indication_for(case, tree)
    assert ind is not None and ind.id == "1", why
