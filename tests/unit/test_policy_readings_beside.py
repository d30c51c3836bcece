"""Readings written beside another (a spirometry volume with its percent of predicted), a
test asked "checked in the last N months", a bound negated in a second statement joined by
"and", a plasma ammonia against the upper limit written beside it, and an initial request
matched to a condition's initial criteria where its renewal was compiled as an indication
of its own, named more briefly."""

from __future__ import annotations

from pipeline.models import Case, CaseFact
from pipeline.policy.match import match_indication
from pipeline.policy.measures import judge_measure
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.policy.readers import read_criterion
from pipeline.policy.recency import judge_recency

FEV1 = "Post-bronchodilator FEV1 of 50% of predicted or less on spirometry."
SODIUM = "Serum sodium has been checked in the last 6 months and was not below 135 mmol/L."
AMMONIA = "Plasma ammonia in this episode is above the upper limit of normal for age."


def _facts(*texts: str) -> list[CaseFact]:
    today = CaseFact(id="F0", text="History: Clinic visit 11/18/2026: seen.")
    return [today] + [CaseFact(id=f"F{i}", text=f"History: {t}") for i, t in enumerate(texts, 1)]


def test_a_percent_of_predicted_beside_the_volume_is_read() -> None:
    high = _facts("Spirometry 10/28/2026: post-bronchodilator FEV1 1.71 L (62% predicted).")
    low = _facts("Spirometry 10/28/2026: post-bronchodilator FEV1 1.10 L (41% of predicted).")
    assert judge_measure(FEV1, high)[0] == "not_met"
    assert judge_measure(FEV1, low)[0] == "met"
    # a volume alone is no percent: nothing decided
    assert judge_measure(FEV1, _facts("Spirometry: FEV1 1.71 L.")) is None


def test_a_test_checked_in_the_last_months() -> None:
    stale = _facts("Serum sodium 139 mmol/L on 12/03/2025; no blood test since then.")
    found = judge_recency(SODIUM, stale)
    assert found is not None and found[0] == "not_met" and "in the last 6 months" in found[2]
    fresh = _facts("Serum sodium 139 mmol/L on 09/22/2026.")
    # the level asked is the measurement rule's: recency alone approves nothing
    assert judge_recency(SODIUM, fresh) is None
    assert read_criterion(SODIUM, stale, "desmopressin", "")[0] == "not_met"


def test_a_bound_negated_in_a_second_statement() -> None:
    fresh = _facts("Serum sodium 139 mmol/L on 09/22/2026.")
    low = _facts("Serum sodium 131 mmol/L on 09/22/2026.")
    assert read_criterion(SODIUM, fresh, "desmopressin", "")[0] == "met"
    assert judge_measure(SODIUM, low)[0] == "not_met"
    # a denial of what the bound defines still turns it
    absent = "Does not have severe renal impairment (creatinine clearance below 30 mL/min)."
    assert judge_measure(absent, _facts("Creatinine clearance 22 mL/min."))[0] == "not_met"


def test_ammonia_against_the_limit_written_beside_it() -> None:
    normal = _facts("Plasma ammonia 38 micromol/L (normal up to 50) on 11/20/2026.")
    high = _facts("Plasma ammonia 182 micromol/L (normal up to 50) on 11/20/2026.")
    assert read_criterion(AMMONIA, normal, "carglumic acid", "")[0] == "not_met"
    assert read_criterion(AMMONIA, high, "carglumic acid", "")[0] == "met"


def _ind(i: str, name: str, kind: str) -> Indication:
    leaf = PolicyNode(id=f"{i}.a", text="Prescribed by a specialist", page=1, verified=True)
    root = PolicyNode(id=i, text="All of:", page=1, op="all_of", children=[leaf])
    branch = Branch(node=root, request_type=kind)  # type: ignore[arg-type]
    return Indication(id=i, name=name, text=name, page=1, branches=[branch])


def _case(kind: str) -> Case:
    return Case.model_validate(
        {
            "case_id": "c",
            "question": "?",
            "patient": {"age": 15, "sex": "female"},
            "diagnoses": [{"name": "Seborrheic dermatitis, unspecified"}],
            "requested_treatment": {"drug": "Zoryve (roflumilast) 0.3% foam", "request_type": kind},
        }
    )


def test_the_request_type_chooses_among_one_conditions_indications() -> None:
    first = _ind(
        "T6",
        "Non-preferred brand (Tier 3): roflumilast 0.3% topical foam (Zoryve) for seborrheic "
        "dermatitis of the scalp, face or body",
        "initial",
    )
    renewal = _ind("T7", "Roflumilast topical foam for seborrheic dermatitis", "continuation")
    other = _ind("T8", "Chronic plaque psoriasis", "initial")
    tree = PolicyTree(
        source_id="s" * 64, file="p.pdf", title="t", compiler="test",
        indications=[first, renewal, other],
    )  # fmt: skip
    assert match_indication(_case("initial"), tree).indication is first
    assert match_indication(_case("continuation"), tree).indication is renewal


def test_the_form_requested() -> None:
    from pipeline.policy.requested_form import judge_requested_form

    asked = "The request is for tablets or melts, not the nasal spray."

    def request(drug: str) -> list[CaseFact]:
        return [CaseFact(id="F3", text=f"Requested (initial): {drug}, once at bedtime.")]

    assert judge_requested_form(asked, request("Desmopressin acetate 0.2 mg tablet"))[0] == "met"
    assert judge_requested_form(asked, request("Desmopressin 120 mcg melt"))[0] == "met"
    refused = judge_requested_form(asked, request("Desmopressin 10 mcg nasal spray"))
    assert refused is not None and refused[0] == "not_met"
    # a request naming no form decides nothing; nor does a criterion listing no forms
    assert judge_requested_form(asked, request("Desmopressin acetate")) is None
    assert (
        judge_requested_form("The request is for adults, not children.", request("X tablet"))
        is None
    )


def test_the_percent_beside_answers_no_bound_without_a_percent() -> None:
    facts = _facts("Spirometry 10/28/2026: FEV1 1.71 L (62% predicted).")
    assert judge_measure("FEV1 below 2 L", facts)[0] == "met"
