"""A study protocol's eligibility written as criteria codes (issue 25): "Inclusion criteria"
and "Exclusion criteria" as parts of a document, no condition; criterion codes ("EL-1",
"[4.1]", "[X2]") as list markers; the drug a lead-in grants in the passive naming the arm;
a title's condition spelled out as the text writes it; a refusing sentence ending in a
full stop over its items; a term stated apart from the lead-in. Made-up layouts, not the batch's wording."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.condition_spelling import spelled_condition
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.granted_subject import passive_subject
from pipeline.policy.layout_text import Line
from pipeline.policy.lead_in_terms import section_term, term
from pipeline.policy.list_labels import _marker, next_label, starts_list
from pipeline.policy.refusal_lead_ins import refused_items
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_layouts_rows import _pdf


def test_criterion_codes_and_bracketed_numbers_are_markers() -> None:
    assert _marker("EL-1 Adult aged 18 or older") == ("tag", "EL1", "Adult aged 18 or older")
    assert starts_list("EL1") and next_label("EL1", "EL2")
    assert _marker("[2] eGFR of 30 or more") == ("bracket0", "2", "eGFR of 30 or more")
    assert _marker("[2.1] tried metformin") == ("bracket1", "2.1", "tried metformin")
    assert _marker("[N3] pregnancy") == ("tag", "N3", "pregnancy")
    # a wrapped line's "HIV-1 infection", a citation "[1, 2]": no markers
    assert _marker("HIV-1 infection confirmed") is None
    assert _marker("[1, 2] as cited") is None


def test_protocol_parts_name_no_condition() -> None:
    assert not names_condition("Inclusion criteria")
    assert not names_condition("Eligibility")
    assert names_condition("Inclusion body myositis")


def test_the_subject_a_sentence_grants_in_the_passive() -> None:
    assert (
        passive_subject("Patients may join, and sotatercept is covered for 6 months, if")
        == "sotatercept"
    )
    assert passive_subject("Then Brandixa (x) may be authorized for 12 months if") == "Brandixa"
    assert passive_subject("Treatment is approved for 6 months when") is None
    assert passive_subject("Coverage is authorized when all are met") is None


def test_a_title_condition_is_spelled_as_the_text_writes_it() -> None:
    pages = ["Hypertension Access Program", "Adults with pulmonary arterial hypertension"]
    # one condition word in the text after it is no fuller name
    assert spelled_condition("Hypertension Access Program", pages) == "Hypertension Access Program"
    assert spelled_condition("Pulmonary Access Program", pages) == "Pulmonary arterial hypertension"
    assert (
        spelled_condition("Pulmonary arterial hypertension", pages)
        == "Pulmonary arterial hypertension"
    )


def test_a_protocol_with_two_cohorts_and_shared_exclusions(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "protocol.pdf",
        [
            [
                "Pulmonary Access Program: sotatercept and treprostinil",
                "",
                "Study summary: adults with pulmonary arterial hypertension on background therapy.",
                "Sites enrol patients after the review board approves the site. Data are sent each",
                "quarter to the program office.",
                "",
                "4. Cohort A - sotatercept",
                "",
                "4.1 Eligibility criteria",
                "Patients may join, and sotatercept is covered for 6 months, only if all eligibility criteria are met.",
                [
                    (
                        56,
                        "EL-1 Pulmonary arterial hypertension confirmed by right heart catheterisation",
                    )
                ],
                [(56, "EL-2 WHO functional class II or III")],
                [(56, "EL-3 Stable doses of two background drugs for 90 days")],
                "",
                "4.2 Renewal",
                "At the 6-month review, coverage is renewed for 12 months if both renewal criteria are met.",
                [(56, "RN-1 Six-minute walk distance stable or better")],
                [(56, "RN-2 No haemoglobin rise above the label's limit")],
                "",
                "5. Cohort B - treprostinil",
                "",
                "5.1 Inclusion criteria",
                "Patients may join, and treprostinil is covered for 12 months, only if all eligibility criteria are met.",
                [
                    (
                        56,
                        "EL-1 Pulmonary arterial hypertension confirmed by right heart catheterisation",
                    )
                ],
                [(56, "EL-2 Inhaled therapy can be used by the patient")],
                "",
                "6. Exclusion criteria",
                "A patient who meets any of these is not eligible for either cohort.",
                [(56, "EX-1 Pulmonary hypertension due to left heart disease.")],
                [(56, "EX-2 Pregnancy.")],
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="protocol")
    got = [
        (
            i.name,
            [(b.request_type, b.approval, b.node.op, len(b.node.leaves())) for b in i.branches],
        )
        for i in tree.indications
    ]
    assert got == [
        (
            "Pulmonary arterial hypertension - sotatercept",
            [("initial", "6 months", "all_of", 3), ("continuation", "12 months", "all_of", 2)],
        ),
        # "Inclusion criteria" over the only branch: the criteria to start
        ("Pulmonary arterial hypertension - treprostinil", [("initial", "12 months", "all_of", 2)]),
    ]
    assert [e.text for e in tree.exclusions] == [
        "Pulmonary hypertension due to left heart disease.",
        "Pregnancy.",
    ]


def test_a_term_stated_apart_from_the_lead_in() -> None:
    assert term("At the 6-month visit, coverage is renewed for 12 months if both") == "12 months"
    assert term("Yes, for 6 more months, when") == "6 months"
    lines = [
        Line(1, 0, "3.2 Renewal"),
        Line(1, 0, "Approval period: 6 months at a time."),
        Line(1, 0, "Patients stay in the programme only if both renewal criteria are met."),
    ]
    assert section_term(lines, 2, 0, 4) == "6 months"
    # no further back than the items read before (the floor)
    assert section_term(lines, 2, 2, 4) is None


def test_a_refusing_sentence_ending_in_a_full_stop_leads_its_items() -> None:
    texts = [
        "8. Exclusions",
        "Members are ineligible for coverage if any of these apply.",
        "  XC-1 Pregnancy or breastfeeding.",
        "  XC-2 Active hepatitis B infection.",
    ]
    lines = [Line(1, len(t) - len(t.lstrip()), t.strip()) for t in texts]
    got = refused_items(lines, PageText(["\n".join(x.strip() for x in texts)]))
    assert [e.text for e in got] == ["Pregnancy or breastfeeding.", "Active hepatitis B infection."]
