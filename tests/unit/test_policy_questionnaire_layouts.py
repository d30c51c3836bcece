"""Questionnaires and grids whose furniture is no criteria (issue 25): an answer column of
Y / N letters beside numbered questions and the rule over a range of them
(questionnaire_columns.py, grant_lead_ins.py citing the questions), a script's label column
(RULE / ASK / IF NO / SAY), a grid whose columns are the request types
(branch_grid_columns.py), a table whose other columns are prose (criteria_column_tables.py),
hyphenated section numbers ("4-1"), "a yes to either is enough"."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_grid_columns import read_branch_grids
from pipeline.policy.criteria_column_tables import keep_criteria_columns
from pipeline.policy.list_labels import known_marker
from pipeline.policy.questionnaire_columns import blank_answer_columns, read_label_columns
from tests.unit.test_policy_form_layouts import _compile, _groups, _leaves


def test_answer_letters_repeated_are_blanked_in_place() -> None:
    page = [
        "Answer Yes or No. Y means the statement is true.",
        " Yes  No      1. Is the member 12 years of age or older?",
        " Yes  No      2. Has the member used a rescue inhaler daily?",
        "              3. Was one of these tried, because",
        " Yes  No           3a. an inhaled steroid was taken for 3 months?",
        "Is the form signed?                                  Yes  No",
    ]
    out = blank_answer_columns([page])[0]
    assert out[1] == "              1. Is the member 12 years of age or older?"
    assert out[4].startswith("                   3a. an inhaled")
    assert out[5] == "Is the form signed?"
    assert out[0] == page[0]  # "Y means" in a sentence is no answer column


def test_answer_letters_printed_once_stay() -> None:
    page = ["Y  N      1. Is the member 18 or older?", "2. Is the drug prescribed by a specialist?"]
    assert blank_answer_columns([page]) == [page]


def test_label_column_routing_and_speech_left_out() -> None:
    page = [
        "INTAKE SCRIPT",
        "SAY          Hello, you have reached the pharmacy line.",
        "RULE         Approve 30 days only when Q1 through Q3 are all yes.",
        "SAY          I have three questions.",
        "ASK Q1       Is the member 18 or older?",
        "   IF NO          Transfer to a pharmacist.",
        "ASK Q2       Does the member have a documented diagnosis of gout,",
        "             confirmed by a rheumatologist?",
        "   IF NO          Go to the denial closing.",
        "ASK Q3       Has allopurinol been tried?",
        "READ         Use for asymptomatic hyperuricemia.",
        "READ         Use with azathioprine.",
    ]
    out = [x for x in read_label_columns([page])[0] if x.strip()]
    assert out == [
        "INTAKE SCRIPT",
        "Approve 30 days only when Q1 through Q3 are all yes.",
        "1. Is the member 18 or older?",
        "2. Does the member have a documented diagnosis of gout,",
        "   confirmed by a rheumatologist?",
        "3. Has allopurinol been tried?",
        "• Use for asymptomatic hyperuricemia.",
        "• Use with azathioprine.",
    ]


def test_a_page_of_ordinary_lines_has_no_label_column() -> None:
    page = [
        "NOTE   This policy applies to all plans.",
        "1. Member is 18 or older.",
        "2. Prescribed by a neurologist.",
    ]
    assert read_label_columns([page]) == [page]


def test_branch_grid_is_read_a_column_at_a_time() -> None:
    page = [
        "Domain              Initial request                    Reauthorization",
        "Diagnosis           Moderate plaque psoriasis on       -",
        "                    10% or more of the body",
        "Prior therapy       One of:                            Improvement of 50% or more",
        "                      - methotrexate for 12 weeks      in the PASI score",
        "                      - phototherapy for 12 weeks",
        "Safety              -                                  No active tuberculosis",
        "Exclusions",
        " •  Use with another biologic for psoriasis, whatever the reason given.",
    ]
    out = [x for x in read_branch_grids([page])[0] if x.strip()]
    assert out == [
        "Initial request",
        "    • Moderate plaque psoriasis on 10% or more of the body",
        "    • One of:",
        "        - methotrexate for 12 weeks",
        "        - phototherapy for 12 weeks",
        "Reauthorization",
        "    • Improvement of 50% or more in the PASI score",
        "    • No active tuberculosis",
        "Exclusions",
        " •  Use with another biologic for psoriasis, whatever the reason given.",
    ]


def test_a_table_of_drugs_and_doses_is_no_branch_grid() -> None:
    page = [
        "Drug                Initial dose            Maintenance dose",
        "Ustekinumab         45 mg                   45 mg",
    ]
    assert read_branch_grids([page]) == [page]


def test_prose_columns_beside_the_criteria_are_left_out() -> None:
    page = [
        "Funding criterion                      Rationale                    Reviewer notes",
        "1. Funded for adults with gout who     Trials enrolled adults       Approve 12 months.",
        "meet all of the following:             with tophi.",
        "1.1. two or more flares a year",
        "Renewal",
        "2. Renewal requires:                   Response is seen by 6 months.",
        "2.1. serum urate below 6 mg/dL",
        "Listed uses not funded: tumour lysis prophylaxis, asymptomatic hyperuricemia and other uses.",
    ]
    out = [x.rstrip() for x in keep_criteria_columns([page])[0]]
    assert "Rationale" not in " ".join(out) and "Approve 12 months" not in " ".join(out)
    assert out[:3] == [
        "1. Funded for adults with gout who",
        "meet all of the following:",
        "1.1. two or more flares a year",
    ]
    assert out[3:5] == ["", "Renewal"]  # the band row set apart: a heading over its rows
    assert out[-1] == page[-1]  # a sentence across the columns ends the table


def test_a_criteria_table_with_a_duration_column_stays() -> None:
    page = [
        "Criterion                          Approval duration",
        "Member is 18 or older              6 months",
    ]
    assert keep_criteria_columns([page]) == [page]


def test_hyphenated_section_numbers_are_markers() -> None:
    assert known_marker("4-1  Familial Mediterranean fever") is not None
    assert known_marker("6-2  Still's disease: continue when both are met.") is not None
    assert known_marker("10-12 weeks of treatment") is None  # a range, not a section


QUESTIONNAIRE = """
# CERTIFICATE OF MEDICAL NECESSITY - HOME OXYGEN AND NEBULIZED DRUGS
Circle Y for Yes or N for No. An N answer means the certificate does not support coverage.
# Questions 1-3. Nebulized tobramycin, first certification: the member qualifies for 6 months only
when every answer is Y (for question 3, Y to 3a or to 3b is enough).
 Y  N      1. Does the member have cystic fibrosis confirmed by a sweat chloride test?
 Y  N      2. Has Pseudomonas aeruginosa grown in a sputum culture in the last 6 months?
           3. Can the member use the nebulizer safely, because
 Y  N           3a. a respiratory therapist has trained the member?
 Y  N           3b. a trained parent gives every dose?
# Questions 4-5. Nebulized tobramycin, recertification: qualifies for 12 months when questions 4 and 5 are both Y.
 Y  N      4. Has lung function stayed stable or improved since the first certification?
 Y  N      5. Has the member taken the drug in alternating 28-day cycles?
"""


def test_questions_under_an_answer_column_are_read_by_their_rule(tmp_path: Path) -> None:
    tree = _compile(QUESTIONNAIRE, tmp_path)
    leaves = _leaves(tree)
    assert "Does the member have cystic fibrosis confirmed by a sweat chloride test?" in leaves
    assert "Has the member taken the drug in alternating 28-day cycles?" in leaves
    assert not any(x.startswith(("Y ", "N ")) or x in {"Y", "N"} for x in leaves)
    kinds = {b.request_type for i in tree.indications for b in i.branches}
    assert {"initial", "continuation"} <= kinds
    either = [g for g in _groups(tree) if g.text.startswith("Can the member use")]
    assert either and either[0].op == "any_of"


SCRIPT = """
# Help desk script RX-9: gout drugs by phone
RULE         Febuxostat for gout: approve 12 months only when the answers to ASK Q1 through Q3 are all yes.
SAY          I will ask three questions about the member.
ASK Q1       Is the member 18 years of age or older?
   IF NO          Go to the denial closing.
ASK Q2       Which of these is true? A yes to either one is enough:
   (a)            allopurinol failed to bring urate below 6 mg/dL
   (b)            allopurinol caused a severe rash
   IF NO          Go to the denial closing.
ASK Q3       Is the dose 40 mg or 80 mg once a day?
   IF NO          Go to the denial closing.
CLOSING B - never approved by phone
Read the matching line and end the call:
READ         Febuxostat for asymptomatic hyperuricemia.
READ         Febuxostat with azathioprine or mercaptopurine.
"""


def test_script_questions_are_criteria_and_routing_is_not(tmp_path: Path) -> None:
    tree = _compile(SCRIPT, tmp_path)
    leaves = _leaves(tree)
    assert "Is the member 18 years of age or older?" in leaves
    assert "allopurinol caused a severe rash" in leaves
    assert not any("Go to" in x or "IF NO" in x or "I will ask" in x for x in leaves)
    # the closing's title, back at the labels' margin, ends the questions; its lines refuse
    assert "Is the dose 40 mg or 80 mg once a day?" in leaves
    assert "Febuxostat with azathioprine or mercaptopurine." in [x.text for x in tree.exclusions]
    either = [g for g in _groups(tree) if g.text.startswith("Which of these is true?")]
    assert either and either[0].op == "any_of"


GUIDELINE = """
# Optimal Use Guideline - Tocilizumab subcutaneous
# 1.  Requirements for the hospital (these apply to every patient in chapter 2)
    (1)  The hospital can test for hepatitis B before the first dose.
    (2)  A rheumatologist supervises the first three injections.
# 2.  Patients eligible for treatment
# 2-1  Giant cell arteritis confirmed by temporal artery biopsy or vascular imaging
Treat patients who meet all of (1) to (3) below, together with chapter 1. The first approval is for 6 months.
    (1)  New-onset or relapsing disease with headache or jaw claudication.
    (2)  Age 50 years or older.
    (3)  Prednisolone is being tapered at the same time.
# 3.  Points to note on continued administration
# 3-1  Giant cell arteritis: continue for 12 months at a time when both of the following are confirmed.
    (1)  No relapse since the last approval.
    (2)  Neutrophil count of 1,000 per microliter or more.
"""


def test_hyphenated_sections_lead_their_items_with_the_shared_chapter(tmp_path: Path) -> None:
    tree = _compile(GUIDELINE, tmp_path)
    branches = {b.request_type: b for i in tree.indications for b in i.branches}
    first = [x.text for x in branches["initial"].node.leaves()]
    assert first == [
        "New-onset or relapsing disease with headache or jaw claudication.",
        "Age 50 years or older.",
        "Prednisolone is being tapered at the same time.",
        # the shared chapter the lead-in cites: criteria of this branch too
        "The hospital can test for hepatitis B before the first dose.",
        "A rheumatologist supervises the first three injections.",
    ]
    renewal = [x.text for x in branches["continuation"].node.leaves()]
    assert renewal == [
        "No relapse since the last approval.",
        "Neutrophil count of 1,000 per microliter or more.",
    ]


def test_a_section_cited_without_adding_words_adds_nothing() -> None:
    from pipeline.policy.layout_text import Line
    from pipeline.policy.shared_sections import cited_section_lines

    lines = [Line(1, 0, "3. Facilities"), Line(1, 4, "(1) A rheumatologist supervises.")]
    assert (
        cited_section_lines("Use when all of (1) to (3) below are met (see chapter 3).", lines)
        == []
    )
    assert len(cited_section_lines("Use when all are met, together with chapter 3.", lines)) == 1


DIGEST = """
# Reimbursement recommendations, spring cycle
# Initiation
1. Sodium zirconium should be funded for adults with chronic hyperkalemia who meet all of
the following criteria:
1.1. serum potassium above 5.5 mmol/L on two tests a week apart
1.2. one of the following:
      1.2.1. a renin-angiotensin inhibitor is needed for kidney disease
      1.2.2. a low-potassium diet has failed
# Renewal
2. Renewal every 12 months requires all of the following:
2.1. serum potassium of 5.0 mmol/L or less on treatment
2.2. no edema needing a change of diuretic
"""


def test_a_numbered_lead_in_over_its_decimal_clauses(tmp_path: Path) -> None:
    tree = _compile(DIGEST, tmp_path)
    branches = {b.request_type: b for i in tree.indications for b in i.branches}
    first = [x.text for x in branches["initial"].node.leaves()]
    assert first == [
        "serum potassium above 5.5 mmol/L on two tests a week apart",
        "a renin-angiotensin inhibitor is needed for kidney disease",
        "a low-potassium diet has failed",
    ]
    either = [g for g in branches["initial"].node.nodes() if g.text == "one of the following:"]
    assert either and either[0].op == "any_of"
    renewal = [x.text for x in branches["continuation"].node.leaves()]
    assert renewal == [
        "serum potassium of 5.0 mmol/L or less on treatment",
        "no edema needing a change of diuretic",
    ]


def test_own_clauses_are_numbered_as_the_lead_in_s_list() -> None:
    from pipeline.policy.layout_text import Line
    from pipeline.policy.lead_in_sentences import own_clauses

    lead = Line(1, 0, "3. Funded for adults who meet all of the following:")
    items = [
        Line(1, 0, "3.1. age 18 or older"),
        Line(1, 6, "3.1.2. a nested clause"),
        Line(1, 0, "4.1. not ours"),
    ]
    assert [x.text for x in own_clauses(items, lead)] == [
        "1. age 18 or older",
        "1.2. a nested clause",
        "4.1. not ours",
    ]
    assert own_clauses(items, Line(1, 0, "Funded when:")) == items


def test_a_branch_grid_with_no_head_over_its_labels() -> None:
    page = [
        "                    First authorization                Renewal",
        "Labs                eGFR of 30 or more                 eGFR still 30 or more",
        "Specialist          Nephrologist                       -",
    ]
    out = [x for x in read_branch_grids([page])[0] if x.strip()]
    assert out == [
        "First authorization",
        "    • eGFR of 30 or more",
        "    • Nephrologist",
        "Renewal",
        "    • eGFR still 30 or more",
    ]
