"""Naming an indication by its condition (issue 25): the one vocabulary test every reader
shares (condition_vocabulary.names_condition: a condition's head word, a disease noun or
form, an ICD-10 code; not a plan's name, a duration, a drug's release, a pathway, a box's
"FIRST" title), and a title's condition part among its labels, drugs and request types
(title_condition.py), read wherever a title names an indication (indications.condition_name)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy.condition_vocabulary import condition_word, names_condition
from pipeline.policy.criteria_condition import condition_named, stated_condition
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.policy.title_condition import labelled_condition, title_condition
from tests.unit.test_policy_grant_lead_ins import _read
from tests.unit.test_policy_layouts_rows import _pdf

IN = 70.0


@pytest.mark.parametrize(
    "text",
    [
        "Hidradenitis suppurativa",
        "Keloid scar",  # a head word of ICD-10-CM's names
        "Alcohol withdrawal",  # the head of what a name comes "with"
        "type 1 diabetes mellitus",  # the noun before its Latin adjective
        "Lichen planus",
        "Castleman disease",  # a disease noun after a person's name
        "Osteopetrosis",  # a disease's form
        "male hypogonadism",
        "anorexia nervosa",
        "giant cell arteritis",
        "TSC-associated subependymal giant cell astrocytoma",
        "ICD-10 M72.0",  # an ICD-10 code
    ],
)
def test_conditions_are_named(text: str) -> None:
    assert names_condition(text)


@pytest.mark.parametrize(
    "text",
    [
        "WHAT YOU MUST SEND - FIRST INFUSION",  # "first" of "first degree burn"
        "Treatment for 12 weeks",  # "weeks" of "completed weeks of gestation"
        "Tacrolimus extended release",
        "Release of information",
        "Oncology care pathway",
        "Pathway 3",
        "Harbor Valley Health Plan",  # "valley" of "Rift Valley fever"
        "Riverside Family Health",  # "family" of "... confined to family context"
        "Second course",
        "Order set: infusion center",
        "Under-the-tongue tablets",  # a body part is no condition
    ],
)
def test_plans_durations_and_document_words_name_no_condition(text: str) -> None:
    assert not names_condition(text)


def test_condition_words_are_heads_not_every_word_of_a_name() -> None:
    assert condition_word("contracture") and condition_word("fever")
    assert not condition_word("first") and not condition_word("degree")


@pytest.mark.parametrize(
    ("title", "condition"),
    [
        ("Code RX-220 - hereditary angioedema, first request.", "hereditary angioedema"),
        (
            "PART B - Kyzatrex (testosterone undecanoate), male hypogonadism",
            "male hypogonadism (Kyzatrex / testosterone undecanoate)",
        ),
        ("Card 4: narcolepsy - renewal", "narcolepsy"),
        ("Card 3 - chronic urticaria", "chronic urticaria"),
    ],
)
def test_a_titles_condition_part(title: str, condition: str) -> None:
    assert title_condition(title) == condition


@pytest.mark.parametrize(
    "title",
    [
        "TABLE 2 - DENOSUMAB, INITIAL AUTHORIZATION",  # no part names a condition
        "Narcolepsy",  # one part: nothing to drop
        "Hepatitis C, genotype 1",  # no label to drop: the title is its own name
        "Psoriasis - Crohn disease - renewal",  # two conditions: not one part's
    ],
)
def test_titles_without_one_condition_part_are_left(title: str) -> None:
    assert title_condition(title) is None


def test_a_labelled_use_line_names_the_condition() -> None:
    lead = "Condition: Anemia due to myelosuppressive chemotherapy Initial Approval Criteria: X is approved if all of the following:"
    assert labelled_condition(lead) == "Anemia due to myelosuppressive chemotherapy"
    assert labelled_condition("Indication - narcolepsy with cataplexy. Approve if:") == (
        "narcolepsy with cataplexy"
    )
    assert labelled_condition("Use: 6 months, renewal") is None  # a term, no condition


def test_a_box_titled_first_is_named_by_the_condition_heading_above(tmp_path: Path) -> None:
    # a narrative guide: condition headings, background paragraphs, boxes whose capitals
    # titles ("WHAT YOU MUST SEND - FIRST INFUSION") name no condition
    path = _pdf(
        tmp_path / "boxes.pdf",
        [
            [
                "Denosumab (Prolia) Injections - Harbor Valley Health Plan",
                "This guide explains when Harbor Valley Health Plan pays for the injections.",
                "",
                "Postmenopausal osteoporosis",
                "Most members receive one injection every 6 months with calcium and vitamin D.",
                "",
                [(IN, "WHAT YOU MUST SEND - FIRST INFUSION")],
                [(IN, "Covered for 12 months when all of these are documented:")],
                [(IN, "> A T-score of -2.5 or lower at the hip or spine.")],
                [(IN, "> An oral bisphosphonate failed or cannot be used.")],
                [(IN, "> Calcium is 8.5 mg/dL or higher before the first dose.")],
                "",
                [(IN, "WHAT YOU MUST SEND - NEXT 12 WEEKS")],
                [(IN, "A further course is covered for 12 months when both apply:")],
                [(IN, "> No new fragility fracture on treatment.")],
                [(IN, "> Calcium was checked before the last dose.")],
            ]
        ],
    )
    read = _read(path)
    assert [name for name, _ in read] == ["Postmenopausal osteoporosis"]
    assert [b[0] for b in read[0][1]] == ["initial", "continuation"]


@pytest.mark.parametrize(
    ("criterion", "condition"),
    [
        (
            "My patient is 18 or older and has moderate plaque psoriasis.",
            "moderate plaque psoriasis",
        ),
        (
            "Age 6 to 17 years with eosinophilic esophagitis, confirmed by biopsy",
            "eosinophilic esophagitis",
        ),
        (
            "Diagnosis of a multicentric form of Castleman disease (biopsy proven)",
            "multicentric form of Castleman disease",
        ),
        ("Member has primary sclerosing cholangitis type 1 or 2", "primary sclerosing cholangitis"),
    ],
)
def test_the_condition_a_criterion_states(criterion: str, condition: str) -> None:
    assert stated_condition(criterion) == condition


@pytest.mark.parametrize(
    "criterion",
    [
        "Serum calcium of 8.5 mg/dL or higher within 30 days",
        "Member has tried two preferred drugs for 12 weeks",  # weeks, drugs: no condition
        "Prescribed with a care pathway",
        "Member has had an inadequate clinical response to two drugs",  # no disease word
    ],
)
def test_criteria_stating_no_condition(criterion: str) -> None:
    assert stated_condition(criterion) is None


def _tree(name: str, first: str) -> PolicyTree:
    leaf = PolicyNode(id="1.1", op="leaf", text=first, page=1)
    root = PolicyNode(id="1", op="all_of", text="", page=1, children=[leaf])
    ind = Indication(
        id="1", name=name, text=name, page=1, branches=[Branch(request_type="initial", node=root)]
    )
    return PolicyTree(source_id="x", file="x.pdf", title="t", compiler="c", indications=[ind])


def _name(tree: PolicyTree) -> None:
    for ind in tree.indications:  # as compile.py names each indication
        ind.name = condition_named(ind)


def test_a_drug_titled_indication_is_named_by_its_criteria() -> None:
    tree = _tree("Code RX-221 - hereditary angioedema, renewal", "Two attacks a month")
    _name(tree)  # the title's condition part, its code and request type dropped
    assert tree.indications[0].name == "Hereditary angioedema"
    tree = _tree(
        "TABLE 2 - DENOSUMAB, INITIAL AUTHORIZATION",
        "Postmenopausal woman with osteoporosis by DXA",
    )
    _name(tree)
    assert tree.indications[0].name == "Osteoporosis (TABLE 2 - DENOSUMAB, INITIAL AUTHORIZATION)"
    # a name that names its condition is kept
    tree = _tree("Paget disease of bone", "Member with osteoporosis")
    _name(tree)
    assert tree.indications[0].name == "Paget disease of bone"
    # a plan's name over criteria stating none is kept as printed
    tree = _tree("Harbor Valley Health Plan", "Calcium of 8.5 mg/dL or higher")
    _name(tree)
    assert tree.indications[0].name == "Harbor Valley Health Plan"
