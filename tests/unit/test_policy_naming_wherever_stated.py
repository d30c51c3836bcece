"""An indication named by the condition the document states wherever it states it (issue
25): a band naming it only by ICD-10 code and description, a path's title, a question
("Does the patient have X?"), a granting lead-in over the criteria ("X should be reimbursed
for adults with Y who meet all of the following:"); a funder's own words ("Reimbursement
condition", "Implementation guidance") and a request type name none; an untitled group
before a renewal under an "Initiation" band is the initial request's (branch_split.py)."""

# ruff: noqa: E501  (the fixture lines are printed sentences, as wide as a page)
from __future__ import annotations

import pytest

from pipeline.policy.branch_split import split_branches
from pipeline.policy.coded_bands import coded_band
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.criteria_condition import condition_named, stated_condition
from pipeline.policy.diagnoses import _heading_indications, _section_kind
from pipeline.policy.layout_text import Line
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import outline
from pipeline.policy.sections import read_sections
from pipeline.policy.title_condition import title_condition
from pipeline.policy.verbatim import PageText


@pytest.mark.parametrize(
    ("title", "condition"),
    [
        (
            "ICD-10 J45.50 - Severe persistent asthma, adolescents",
            "Severe persistent asthma (adolescents)",
        ),
        ("ICD-10-CM code L40.0: plaque psoriasis", "plaque psoriasis"),
        ("PATH 2 - DUPILUMAB FOR NASAL POLYPS", "DUPILUMAB FOR NASAL POLYPS"),
    ],
)
def test_a_band_or_path_title_names_its_condition_without_its_label(
    title: str, condition: str
) -> None:
    assert title_condition(title) == condition


@pytest.mark.parametrize(
    "title",
    [
        "ICD-10 J45.50 - adults",  # a code and a population: no part names a condition
        "PATH 2 - DUPILUMAB 300 MG PEN",  # a drug
        "Path 1 - Initiation",  # a request type
    ],
)
def test_a_label_with_no_condition_part_names_none(title: str) -> None:
    assert title_condition(title) is None


@pytest.mark.parametrize(
    "text",
    ["Reason Implementation guidance", "Reimbursement condition Initiation", "Clinical guidance"],
)
def test_a_funders_own_parts_name_no_condition(text: str) -> None:
    assert not names_condition(text)


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        (
            "Does the patient have relapsing multiple sclerosis confirmed by MRI?",
            "relapsing multiple sclerosis",
        ),
        (
            "Dupilumab should be funded for children with eosinophilic esophagitis who meet all of the following:",
            "eosinophilic esophagitis",
        ),
    ],
)
def test_a_question_or_a_granting_lead_in_states_the_condition(text: str, condition: str) -> None:
    assert stated_condition(text) == condition


@pytest.mark.parametrize(
    "text",
    [
        "Does the patient have a prescription from a neurologist?",
        "Should be funded for adults who meet all of the following:",  # a population only
        "Does the member have coverage under the Riverside Family Plan?",
    ],
)
def test_questions_and_lead_ins_naming_no_condition(text: str) -> None:
    assert stated_condition(text) is None


def _ind(name: str, lead_in: str, *leaves: str) -> Indication:
    kids = [PolicyNode(id=f"1.{k}", text=t, page=1) for k, t in enumerate(leaves)]
    group = PolicyNode(id="1", text=lead_in, page=1, op="all_of", n=len(kids), children=kids)
    root = PolicyNode(id="0", text=name, page=1, op="all_of", n=1, children=[group])
    return Indication(
        id="1", name=name, text=name, page=1, branches=[Branch(request_type="any", node=root)]
    )


def test_the_lead_in_names_an_indication_titled_by_the_documents_parts() -> None:
    ind = _ind(
        "Reimbursement condition Initiation",
        "Dupilumab should be funded for children with eosinophilic esophagitis who meet all of:",
        "15 or more eosinophils per high-power field",
        "weight 15 kg or more",
    )
    # the title is the document's part and a request type: nothing to keep beside the name
    assert condition_named(ind) == "Eosinophilic esophagitis"
    ind = _ind("Panel 4", "Does the patient have psoriatic arthritis?", "5 swollen joints")
    assert condition_named(ind) == "Psoriatic arthritis (Panel 4)"


def _group(i: str, text: str, *leaves: str) -> PolicyNode:
    kids = [PolicyNode(id=f"{i}.{k}", text=t, page=1) for k, t in enumerate(leaves)]
    return PolicyNode(id=i, text=text, page=1, op="all_of", n=len(kids), children=kids)


def _listed(head: str, *groups: PolicyNode) -> Indication:
    root = PolicyNode(id="A", text=head, page=1, op="all_of", n=len(groups), children=[*groups])
    return Indication(
        id="A", name="Asthma", text=head, page=1, branches=[Branch(request_type="any", node=root)]
    )


def test_an_untitled_group_before_a_renewal_under_an_initiation_band_is_the_initial() -> None:
    first = _group("A.1", "Funded for adults with asthma who meet all of:", "FEV1 below 80%")
    renewal = _group("A.2", "Renewal every 12 months requires all of:", "Fewer attacks")
    ind = _listed("Funding condition Initiation", first, renewal)
    assert split_branches(ind)
    assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    # no initial word over them: the untitled group may be anything, the list stays whole
    ind = _listed("Funding conditions", first, renewal)
    assert not split_branches(ind)
    # "Continued use of a controller for 3 months, all of:" as the second of a list under
    # "Initiation" still splits only where the first is a group, not a leaf
    leaf = PolicyNode(id="A.1", text="FEV1 below 80%", page=1)
    ind = _listed("Funding condition Initiation", leaf, renewal)
    assert not split_branches(ind)


def test_a_coded_band_opens_its_section_without_space_before_it() -> None:
    rows = [
        "Requirements are grouped by area. Read down the column for the kind of request.",
        "ICD-10 J45.50 - Severe persistent asthma, adults",
        "Start of therapy",
        "    • Two exacerbations needing oral steroids in the last year",
        "    • Blood eosinophils of 150 cells/uL or more",
        "Renewal",
        "    • Fewer exacerbations than before",
        "ICD-10 L20.9 - Atopic dermatitis, children",
        "Start of therapy",
        "    • Eczema area and severity index of 16 or more",
        "Renewal",
        "    • The index has fallen by half",
    ]
    lines = [Line(1, len(t) - len(t.lstrip()), t.strip()) for t in rows]
    sections, _ = read_sections(lines)
    assert [s.name for s in sections] == [rows[1], rows[7]]
    assert [[b.kind for b in s.branches] for s in sections] == [["initial", "continuation"]] * 2
    # a code with no condition after it ("ICD-10 Z79.899 - adults") is no band
    assert coded_band(rows[1]) and not coded_band("ICD-10 Z79.899 - adults")
    assert not coded_band("Severe persistent asthma, ICD-10 J45.50")


def _headed(rows: list[str]) -> list[Indication]:
    # a band stands apart: space before it
    lines = [Line(1, len(t) - len(t.lstrip()), t.strip(), t[:1].isalpha()) for t in rows]
    pages = PageText(["\n".join(x.text for x in lines)])
    return _heading_indications(outline(lines), pages, [])


def test_branch_bands_by_their_vocabulary_each_owned_by_the_condition_its_lead_in_grants() -> None:
    # "Initiation" / "Renewal" bands repeated per drug under no condition heading
    rows = [
        "Initiation",
        "1. Dupilumab should be funded for adults with atopic dermatitis who meet all of:",
        "    1.1. eczema area and severity index of 16 or more",
        "    1.2. topical corticosteroids failed",
        "Renewal",
        "2. Renewal every 12 months requires all of the following:",
        "    2.1. the index has fallen by half",
        "Initiation",
        "3. Omalizumab should be funded for adults with chronic spontaneous urticaria who meet all of:",
        "    3.1. hives on most days for 6 weeks",
        "    3.2. antihistamines at four times the dose failed",
        "Renewal",
        "4. Renewal every 6 months requires all of the following:",
        "    4.1. fewer hives than before",
    ]
    inds = _headed(rows)
    assert [i.name for i in inds] == ["atopic dermatitis", "chronic spontaneous urticaria"]
    assert [[b.request_type for b in i.branches] for i in inds] == [["initial", "continuation"]] * 2
    assert inds[1].branches[1].node.leaves()[0].text.startswith("fewer hives")


def test_a_sections_request_type_by_its_initial_words_not_a_devices_name() -> None:
    assert _section_kind("Initiation") == "initial"
    assert _section_kind("Start of therapy") == "initial"
    assert _section_kind("Renewal") == "continuation"
    # "continuous" and "refill" name a device's parts here, no renewal
    assert _section_kind("CONTINUOUS GLUCOSE MONITORS (CGMs)") is None
    assert _section_kind("REFILL REQUIREMENTS") is None
