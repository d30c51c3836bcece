"""A plan-document amendment's lettered clause sections and a coverage timeline's milestones
(statute_sections.py, grant_words.py, grant_lead_ins.py, layout_text.py, branch_names.py;
issue 25): made-up layouts of the same families in other words, other drugs and plans, not
the batch's: clauses "(a)" / "(c)" granting coverage, renewals "(b)" / "(d)" citing the
clause they renew as "paragraph (a)", conditions named by a "who has X" phrase or a run-in
clause title; a timeline's time labels in a side column ("WEEK 16, THEN" / "EVERY 6
MONTHS") over "Continue for ..." milestones, a band named by a wrapped question. Near
cases: defined terms, a plan's name, a drug, "adults" or a term name no condition; lettered
clauses no clause cites are left to the other readers; a label of digits naming no time is
no time label."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_names import time_kind
from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_titles import _title_name
from pipeline.policy.grant_words import grant_words, grants
from pipeline.policy.layout_text import layout_lines
from pipeline.policy.outline import Line
from pipeline.policy.statute_sections import _condition, statute_indications
from pipeline.policy.title_condition import who_has_condition
from tests.unit.test_policy_layouts_rows import _pdf, _shape

_AMENDMENT = [
    "FIRST AMENDMENT TO THE LAKEVIEW COUNTY EMPLOYEES' BENEFIT PLAN",
    'WHEREAS, Lakeview County maintains the Lakeview County Employees\' Benefit Plan (the "Plan");',
    "NOW, THEREFORE, the Plan is amended as follows, effective July 1, 2026:",
    "1. Section 5.3 of the Plan is replaced in its entirety with the following:",
    '   "5.3 Sodium Oxybate. The Plan covers Sodium Oxybate only as provided in this Section 5.3.',
    "   (a) For an Eligible Member who has narcolepsy with cataplexy, the Plan shall cover Sodium Oxybate",
    "   for an initial Approval Term of six (6) months if all of the following requirements are met:",
    "       (i) the Eligible Member is seven (7) years of age or older;",
    "       (ii) a sleep study documents a mean sleep latency of eight (8) minutes or less; and",
    "       (iii) the Prescribing Provider is a sleep medicine specialist.",
    "   (b) Approval under paragraph (a) may be continued for twelve (12) months if:",
    "       (i) the weekly number of cataplexy attacks has fallen since treatment began; and",
    "       (ii) the Eligible Member does not use alcohol or sedative hypnotics.",
    "   (c) Idiopathic Hypersomnia. Sodium Oxybate is covered for idiopathic hypersomnia for an",
    "   initial Approval Term of three (3) months, provided that each of the following is met:",
    "       (i) the Eligible Member is eighteen (18) years of age or older;",
    "       (ii) modafinil or a stimulant was tried for at least thirty (30) days; and",
    "       (iii) the Epworth Sleepiness Scale score is documented.",
    "   (d) Coverage under paragraph (c) may be renewed for six (6) months when:",
    "       (i) the Epworth Sleepiness Scale score has fallen by three (3) points or more; and",
    "       (ii) no misuse or diversion has been reported.",
    "   (e) Exclusions. The Plan does not cover Sodium Oxybate:",
    "       (i) for insomnia; or",
    '       (ii) with a sedative hypnotic."',
    "2. In all other respects the Plan remains in full force and effect.",
]


def test_an_amendment_reads_clause_sections_and_ties_each_renewal_to_the_clause_it_cites(
    tmp_path: Path,
) -> None:
    tree = compile_policy(_pdf(tmp_path / "amend.pdf", [_AMENDMENT]), source_id="x", title="a")
    names = [i.name.lower() for i in tree.indications]
    assert names == ["narcolepsy with cataplexy", "idiopathic hypersomnia"]
    for ind, sizes in zip(tree.indications, ([3, 2], [3, 2]), strict=True):
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert [len(b.node.leaves()) for b in ind.branches] == sizes
    renewal = tree.indications[0].branches[1].node
    assert _shape(renewal)[1][0].startswith("the weekly number of cataplexy")  # type: ignore[index]


def test_clause_grants_in_the_passive_and_further_terms() -> None:
    assert grants("Sodium Oxybate is covered for idiopathic hypersomnia, provided that:")
    assert grants("Approval under paragraph (a) may be continued for twelve (12) months if:")
    assert grants("Coverage under paragraph (c) may be renewed for six (6) months when:")
    assert not grants("The Plan does not cover Sodium Oxybate when:")


def test_who_has_and_clause_titles_name_a_condition_defined_terms_do_not() -> None:
    assert (
        _condition("For an Eligible Member who has narcolepsy with cataplexy, the Plan shall", "")
        == "narcolepsy with cataplexy"
    )
    # what a person has done or holds is no condition
    said = (
        "For an Eligible Member who has taken a stimulant for 30 days, the Plan shall cover X if:"
    )
    assert _condition(said, "") == ""
    assert _condition("For a Covered Person who has Plan coverage, the Plan shall cover", "") == ""
    assert _condition("The Plan shall cover it if:", "", "Idiopathic Hypersomnia") == (
        "Idiopathic Hypersomnia"
    )
    # a defined term, a drug, a population or a term as a run-in title names none
    for title in ("Covered Person", "Sodium Oxybate", "Adults", "Twelve (12) Months"):
        assert _condition("The Plan shall cover it if:", "", title) == ""


def test_lettered_clauses_no_clause_cites_are_left_to_the_other_readers() -> None:
    lines = [
        Line(1, 0, "(a) For a member who has narcolepsy, the Plan shall cover X if:"),
        Line(1, 6, "(i) the member is 7 years of age or older;"),
        Line(1, 6, "(ii) a sleep study is documented."),
        Line(1, 0, "(b) For a member who has idiopathic hypersomnia, the Plan shall cover X if:"),
        Line(1, 6, "(i) the member is 18 years of age or older;"),
        Line(1, 6, "(ii) a stimulant was tried."),
    ]
    assert statute_indications(lines, None, []) is None  # type: ignore[arg-type]


def test_time_words_say_the_request_type() -> None:
    assert time_kind("BEFORE THE FIRST DOSE") == "initial"
    assert time_kind("Prior to the initial infusion") == "initial"
    assert time_kind("MONTH 6, THEN EVERY 12 MONTHS") == "continuation"
    assert time_kind("At month 4") == "continuation"
    assert time_kind("every 6 months thereafter") == "continuation"
    assert time_kind("after the first 3 months") == "continuation"
    # a term or a grant names no point in the course
    assert time_kind("Approve 6 months when all of these are true:") is None
    assert time_kind("12 months") is None
    assert grant_words("Continue for 6 months when both points are true:")
    assert grant_words("Renew for 6 months when:")


def test_a_time_label_column_is_a_heading_over_its_milestone() -> None:
    page = [
        "WEEK 16, THEN                   Continue for 6 months when both points are true:",
        "EVERY 6 MONTHS                   o   Fewer flares than in the 6 months before treatment.",
        "                                 o   No serious infection since the last approval.",
        "",
        "Step 2                          Try a second agent for at least 3 months before the first.",
    ]
    lines = layout_lines([page])
    texts = [x.text for x in lines]
    assert texts[0] == "WEEK 16, THEN EVERY 6 MONTHS"
    assert texts[1] == "Continue for 6 months when both points are true:"
    assert texts[2].startswith("o Fewer flares")
    # "Step 2" is a label of digits naming no time: the line stays as printed
    assert texts[-1].startswith("Step 2 Try a second agent")


def test_a_wrapped_band_question_names_its_condition_spelled_first() -> None:
    assert (
        _title_name("TRACK B - Does the member have EoE (eosinophilic esophagitis)?")
        == "eosinophilic esophagitis (EoE)"
    )
    # a question about the plan names none, whatever its label
    assert _title_name("TRACK C - Does the member have a plan ID card?") is None


def test_a_timeline_reads_bands_and_milestones(tmp_path: Path) -> None:
    rail = 230.0
    lines: list = [
        "Dupixent (dupilumab): coverage timeline",
        "",
        "TRACK A - Prurigo nodularis",
        "",
        [(50.0, "BEFORE THE FIRST DOSE")],
        [(rail, "Approve 6 months when every point is true:")],
        [(rail, "o Member is 18 years of age or older.")],
        [(rail, "o At least 20 nodular lesions on both arms or legs.")],
        [(rail, "o A high-potency topical steroid was tried for 2 weeks.")],
        "",
        [(50.0, "MONTH 6, THEN"), (rail, "Continue for 12 months when both points are true:")],
        [(50.0, "EVERY 12 MONTHS"), (rail + 4, "o Itch score has fallen by 4 points or more.")],
        [(rail + 4, "o Fewer nodules than before the first dose.")],
        "",
        "TRACK B - Does the member have EoE (eosinophilic esophagitis affecting the",
        "gullet)?",
        "",
        [(50.0, "BEFORE THE FIRST DOSE")],
        [(rail, "Approve 6 months when all of these are true:")],
        [(rail, "o Member weighs 15 kg or more.")],
        [(rail, "o Biopsy shows 15 or more eosinophils per high-power field.")],
        [(rail, "o A proton pump inhibitor was tried for 8 weeks.")],
        "",
        [(50.0, "EVERY 12 MONTHS"), (rail, "Continue for 12 months when:")],
        [(rail + 4, "o Dysphagia has improved since the first dose.")],
        [(rail + 4, "o A gastroenterologist still follows the member.")],
    ]
    tree = compile_policy(_pdf(tmp_path / "timeline.pdf", [lines]), source_id="x", title="t")
    names = [i.name.lower() for i in tree.indications]
    assert len(names) == 2
    # the band's label ("TRACK A") is no part of its condition's name
    assert names[0] == "prurigo nodularis" and "eosinophilic esophagitis" in names[1]
    for ind in tree.indications:
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
        assert [len(b.node.leaves()) for b in ind.branches] == [3, 2]


def test_a_lead_in_names_the_condition_its_person_has_where_no_title_does(
    tmp_path: Path,
) -> None:
    page = [
        "Bimzelx (bimekizumab) - coverage rules of the Riverbend Health Plan",
        "",
        "For members who have hidradenitis suppurativa, we approve 16 weeks when all of these are true:",
        "1. Member is 18 years of age or older.",
        "2. Painful nodules in at least 2 body areas.",
        "",
        "For members who have psoriatic arthritis, we approve 16 weeks when all of these are true:",
        "1. Swollen joints in at least 3 places.",
        "2. A rheumatologist prescribes it.",
    ]
    tree = compile_policy(_pdf(tmp_path / "who.pdf", [page]), source_id="x", title="w")
    names = [i.name.lower() for i in tree.indications]
    assert names == ["hidradenitis suppurativa", "psoriatic arthritis"]
    # what a member has done names no condition
    assert who_has_condition("For members who have taken adalimumab for 12 weeks, we") is None
    assert who_has_condition("For a Covered Person who has Plan coverage, the Plan") is None


def test_other_words_of_the_same_families() -> None:
    # a clause cited with its section's number; a term spelled out with its figures
    assert grants("Coverage under Section 5.3(a) may be extended for six (6) months if:")
    assert _title_name("Is the enrollee diagnosed with idiopathic hypersomnia?") == (
        "idiopathic hypersomnia"
    )
    assert _title_name("BAND 2 - Does the beneficiary have a referral?") is None


def test_a_clause_section_states_its_term_in_spelled_figures(tmp_path: Path) -> None:
    page = [x.replace("paragraph (a)", "Section 5.3(a)") for x in _AMENDMENT]
    tree = compile_policy(_pdf(tmp_path / "amend2.pdf", [page]), source_id="x", title="a")
    narcolepsy = tree.indications[0]
    assert [b.request_type for b in narcolepsy.branches] == ["initial", "continuation"]
    assert [b.approval for b in narcolepsy.branches] == ["6 months", "12 months"]
