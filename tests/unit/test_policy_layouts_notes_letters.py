"""Layouts of synthetic10's held-out-then-released files (issue 25), as small made-up PDFs:
an administrative-code rule's § sections over (A) / (i) / (I) clauses, one section citing
the others as their continuation (statute_sections.py); a letter to prescribers whose
renewal cites the first approval's criteria by number (letter_criteria.py); criteria
defined in notes under marks, renewals naming their use by label, a legend naming the uses
(footnote_marks.py, use_label_renewals.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.models import Case
from pipeline.policy.compile import compile_policy
from pipeline.policy.footnote_marks import split_notes
from pipeline.policy.layout_text import Line
from pipeline.policy.letter_criteria import letter_indications
from pipeline.policy.match import policy_for
from pipeline.policy.statute_sections import statute_indications
from tests.unit.test_policy_layouts_rows import _pdf, _shape

M, I1, I2, I3 = 50.0, 80.0, 110.0, 140.0


def _rule(tmp_path: Path) -> Path:
    return _pdf(
        tmp_path / "rule.pdf",
        [
            [
                "Regulation 7-21-3. Health Coverage Program: Approval of Biologic Agents for Plaque Psoriasis",
                "",
                "§ 3.1 Definitions.",
                'In this regulation, "skin specialist" means a dermatologist.',
                "",
                "§ 3.2.1 Adults. The Agency shall approve ustekinumab (Stelara) for an enrollee with plaque psoriasis",
                "who is 18 or older when all of the following apply:",
                [(I1, "(A) Plaques cover at least 10 percent of the body surface;")],
                [(I1, "(B) The enrollee has tried phototherapy and the record shows either")],
                [(I2, "(i) no response after 12 weeks; or")],
                [(I2, "(ii) a reason it cannot be used, in which case")],
                [(I3, "(I) the prescriber is a skin specialist; and")],
                [(I3, "(II) the reason is written in the chart;")],
                [(I1, "(C) No live vaccine is planned.")],
                "§ 3.2.2 Children. The Agency shall approve etanercept (Enbrel) for an enrollee under 18 when each",
                "of the following applies:",
                [(I1, "(A) The enrollee is 4 years of age or older; and")],
                [(I1, "(B) Plaques cover at least 10 percent of the body surface.")],
                "§ 3.3 Continued approval. Each refill after the first 16 weeks of a course approved under § 3.2.1 or",
                "§ 3.2.2 shall be released when:",
                [(I1, "(A) The plaques have cleared by half or more; and")],
                [(I1, "(B) The prescriber attests that doses are taken as directed.")],
                "§ 3.4 Limitations.",
                "The Agency shall not approve a biologic agent under this regulation for:",
                [(I1, "(A) An enrollee with active tuberculosis;")],
                [(I1, "(B) Two biologic agents at the same time.")],
            ]
        ],
    )


def test_a_rules_sections_are_indications_and_a_citing_section_their_continuation(
    tmp_path: Path,
) -> None:
    tree = compile_policy(_rule(tmp_path), source_id="r" * 64, title="Rule")
    assert [i.name for i in tree.indications] == [
        "Plaque psoriasis, adults",
        "Plaque Psoriasis, children",
    ]
    adults, children = tree.indications
    assert [b.request_type for b in adults.branches] == ["initial", "continuation"]
    assert _shape(adults.branches[0].node) == (
        "all_of",
        [
            "Plaques cover at least 10 percent of the body surface;",
            (
                "any_of",
                [
                    "no response after 12 weeks",
                    (
                        "all_of",
                        [
                            "the prescriber is a skin specialist",
                            "the reason is written in the chart;",
                        ],
                    ),
                ],
            ),
            "No live vaccine is planned.",
        ],
    )
    renew = (
        "all_of",
        [
            "The plaques have cleared by half or more",
            "The prescriber attests that doses are taken as directed.",
        ],
    )
    assert _shape(adults.branches[1].node) == renew
    assert _shape(children.branches[1].node) == renew
    assert [e.name[:25] for e in tree.exclusions] == [
        "An enrollee with active t",
        "Two biologic agents at th",
    ]
    # the drugs the sections name find the rule for a request
    case = Case.model_validate(
        {
            "case_id": "c",
            "question": "q",
            "patient": {"age": 9, "sex": "female"},
            "diagnoses": [{"name": "Plaque psoriasis", "icd10": "L40.0"}],
            "requested_treatment": {"drug": "Enbrel 50 mg"},
        }
    )
    assert policy_for(case, [tree])[0] is tree


def test_a_rule_without_granting_sections_is_left_to_the_other_readers() -> None:
    lines = [
        Line(1, 0, "§ 1.1 Definitions. In this rule, words mean what they say."),
        Line(1, 0, "§ 1.2 Limitations. The Agency shall not approve a drug for:"),
        Line(1, 6, "(A) A use not on the label."),
    ]
    assert statute_indications(lines, None, []) is None  # type: ignore[arg-type]


def _letter(tmp_path: Path) -> Path:
    return _pdf(
        tmp_path / "letter.pdf",
        [
            [
                "Northfield Care Plan - Pharmacy Unit - 12 Elm Street",
                "",
                "March 3, 2026",
                "",
                "To: Prescribers of CGRP antibodies",
                "Dear Doctor,",
                "This letter explains how we review requests for erenumab from April 1, 2026.",
                "Chronic migraine in adults. We will cover erenumab for 3 months when your request shows each of",
                "the following:",
                "",
                [(I1, "(1) The member is 18 years of age or older.")],
                [(I1, "(2) Migraine is chronic, meaning one of these")],
                [(I2, "(a) At least 15 headache days a month for 3 months.")],
                [(I2, "(b) At least 8 migraine days a month with aura.")],
                [(I1, "(3) Two other preventive drugs were tried for 8 weeks each.")],
                "To renew for 12 months, criteria (1) and (3) must still be met, plus each of the following:",
                "",
                [(I1, "(a) Headache days fell by half or more.")],
                [(I1, "(b) No medication overuse headache.")],
                "We will not approve erenumab for any of the following:",
                "",
                [(I1, "- Episodic tension headache.")],
                [(I1, "- Use together with another CGRP antibody.")],
                "Sincerely,",
            ]
        ],
    )


def test_a_letters_renewal_citing_criteria_by_number_continues_the_approval(
    tmp_path: Path,
) -> None:
    tree = compile_policy(_letter(tmp_path), source_id="l" * 64, title="Letter")
    assert [i.name for i in tree.indications] == ["Chronic migraine in adults"]
    first, renew = tree.indications[0].branches
    assert (first.request_type, renew.request_type) == ("initial", "continuation")
    assert len(first.node.leaves()) == 4
    assert first.node.children[1].op == "any_of"  # "meaning one of these", no colon
    # the renewal's own criteria; the cited ones noted on its root, as printed there
    assert _shape(renew.node) == (
        "all_of",
        ["Headache days fell by half or more.", "No medication overuse headache."],
    )
    assert renew.node.notes == [
        "The member is 18 years of age or older.",
        "Two other preventive drugs were tried for 8 weeks each.",
    ]
    assert [e.name for e in tree.exclusions] == [
        "Episodic tension headache",
        "Use together with another CGRP antibody",
    ]


def test_a_document_with_no_salutation_is_no_letter() -> None:
    lines = [
        Line(1, 0, "Asthma. We will cover X when each of the following:"),
        Line(1, 6, "(1) Age 12 or older."),
    ]
    assert letter_indications(lines, None, []) is None  # type: ignore[arg-type]


def _notes(tmp_path: Path) -> Path:
    return _pdf(
        tmp_path / "notes.pdf",
        [
            [
                "Harbor Pharmacy Criteria - Urate lowering",
                "Pegloticase  |  Medical benefit  |  Listed uses: 1 refractory chronic gout; 2 gout after transplant",
                "",
                "Use 1 - Chronic gout refractory to oral drugs",
                "Initial approval (6 months). Approve when the member meets A, B and C:",
                [(I1, "A. Age 18 years or older")],
                [(I1, "B. Prescribed by a rheumatologist")],
                [(I1, "C. Oral drugs failed*")],
                "",
                "Use 2 - Gout in a kidney transplant recipient",
                "Initial approval (6 months). Approve when the member meets A and B:",
                [(I1, "A. Prescribed by a rheumatologist")],
                [(I1, "B. Oral drugs failed**")],
                "",
                "* Oral drugs failed means one of the following:",
                [(I1, "(1) Serum urate above 6 mg/dL after 3 months of allopurinol")],
                [(I1, "(2) Allopurinol and febuxostat both not tolerated")],
                "** Oral drugs failed means all of the following:",
                [(I1, "(1) Serum urate above 6 mg/dL on febuxostat")],
                [(I1, "(2) Allopurinol avoided because of azathioprine")],
            ],
            [
                "Urate lowering criteria, March 2026 - page 2",
                "",
                "Renewal",
                "Use 1 renewal (12 months). Renew when the member meets D and E:",
                [(I1, "D. Serum urate below 6 mg/dL before each infusion")],
                [(I1, "E. No infusion reaction")],
                "Use 2 renewal (12 months). Renew when the member meets D:",
                [(I1, "D. Serum urate below 6 mg/dL before each infusion")],
                "",
                "Not covered",
                "x Use with another urate lowering drug",
                "x G6PD deficiency",
            ],
        ],
    )


def test_marked_criteria_are_their_notes_groups_and_renewals_go_to_their_uses(
    tmp_path: Path,
) -> None:
    tree = compile_policy(_notes(tmp_path), source_id="n" * 64, title="Notes")
    one, two = tree.indications
    assert one.name.startswith("Use 1") and two.name.startswith("Use 2")
    assert one.text.endswith("(refractory chronic gout)")  # the legend's name for use 1
    assert two.text.endswith("(gout after transplant)")
    first = [b for b in one.branches if b.request_type == "initial"][0]
    marked = first.node.children[-1]
    assert (marked.text, marked.op, marked.page) == ("Oral drugs failed*", "any_of", 1)
    assert [c.text for c in marked.children] == [
        "Serum urate above 6 mg/dL after 3 months of allopurinol",
        "Allopurinol and febuxostat both not tolerated",
    ]
    second = [b for b in two.branches if b.request_type == "initial"][0]
    assert _shape(second.node.children[-1]) == (
        "all_of",
        ["Serum urate above 6 mg/dL on febuxostat", "Allopurinol avoided because of azathioprine"],
    )
    renew_one = [b for b in one.branches if b.request_type == "continuation"]
    renew_two = [b for b in two.branches if b.request_type == "continuation"]
    assert [len(b.node.leaves()) for b in renew_one + renew_two] == [2, 1]
    # "x" items are the exclusions; the page's "- page 2" header no text of the policy
    assert [e.name for e in tree.exclusions] == [
        "Use with another urate lowering drug",
        "G6PD deficiency",
    ]
    assert "page 2" not in tree.scope


def test_a_note_that_defines_nothing_stays_in_the_text() -> None:
    lines = [
        Line(1, 0, "* Prices are list prices."),
        Line(1, 0, "* Lung function means all of the following:"),
        Line(1, 4, "(1) FEV1 below 80%"),
    ]
    kept, notes = split_notes(lines)
    assert [x.text for x in kept] == ["* Prices are list prices."]
    assert [(n.mark, n.term, len(n.items)) for n in notes] == [("*", "Lung function", 1)]
