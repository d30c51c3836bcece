"""An update's retired and in-force columns (before_after.py), ordinal prose criteria ("First, ... Second, ...", ordinal_prose.py), an intake sheet's
parts titled by drug and request type ("PART 2 - DRUG - REFILL AUTHORIZATION") named by
the condition their first question asks about (asked_condition.py, run_in_branches.py),
and a form's refusing heading ("WE CANNOT ACCEPT ... IF ANY APPLY") read as exclusions."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)

from __future__ import annotations

from pathlib import Path

from pipeline.policy.answer_boxes import drop_answer_boxes
from pipeline.policy.asked_condition import asked_condition, granted_for, questioned_name
from pipeline.policy.before_after import in_force_column
from pipeline.policy.branch_names import title_kind, title_parts
from pipeline.policy.compile import compile_policy
from pipeline.policy.ordinal_prose import set_out_ordinals
from pipeline.policy.outline import Line
from pipeline.policy.run_in_branches import titled_subject
from tests.unit.test_policy_layouts_rows import _pdf, _shape


def _page(text: str) -> list[str]:
    """A page's printed lines, one per line of the text ("" a blank line)."""
    return text.splitlines()


def test_ordinal_sentences_are_set_out_as_items_under_their_lead_in() -> None:
    lines = [
        Line(1, 0, "Grey river disease", blank_before=True),
        Line(
            1,
            0,
            "Velmarizumab is covered for six months when each one of the following is true. First,",
        ),
        Line(
            1,
            0,
            "the member is 12 or older. Secondly, either a chelator failed, or a chelator cannot be",
        ),
        Line(1, 0, "used. Third, a hematologist prescribes it. Dosing follows the label."),
    ]
    out = set_out_ordinals(lines)
    assert [(x.indent, x.text) for x in out] == [
        (0, "Grey river disease"),
        (0, "Velmarizumab is covered for six months when each one of the following is true."),
        (4, "1) the member is 12 or older."),
        (4, "2) either"),
        (8, "a) a chelator failed"),
        (8, "b) a chelator cannot be used."),
        (4, "3) a hematologist prescribes it."),
        (0, "Dosing follows the label."),
    ]
    # no ordinal run (one ordinal, or out of order): the lines as they were
    plain = [Line(1, 0, "First, call the plan. Third, fax the form.")]
    assert set_out_ordinals(plain) == plain


def test_a_criterion_names_the_condition_it_asks_about() -> None:
    assert (
        asked_condition("Does the member have grey river disease, shown on biopsy?")
        == "grey river disease"
    )
    assert (
        asked_condition("Member has a diagnosis of plaque psoriasis documented by a dermatologist")
        == "plaque psoriasis"
    )
    assert asked_condition("Is the member 18 years of age or older?") is None
    # a whole question (a title's): what it asks the subject has, as printed
    assert questioned_name("Does your child have Alagille syndrome?") == "Alagille syndrome"
    assert (
        questioned_name("Has the member been diagnosed with PFIC (its name) ?") == "PFIC (its name)"
    )
    assert questioned_name("Does the member have X, shown on biopsy") is None  # no question mark
    assert title_kind("PART 3 - VELMARIZUMAB - START OF THERAPY") == ("initial", None)
    assert title_kind("STEP B - VELMARIZUMAB - REFILLS (every 6 months)") is not None
    assert title_kind("Refill authorization") is None  # no subject before a dash
    assert (
        titled_subject("PART 3 - VELMARIZUMAB (Velmo) 10 mg tablets - START OF THERAPY")
        == "VELMARIZUMAB (Velmo) 10 mg tablets"
    )


def test_ordinal_prose_policy_compiles_its_tree(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "ordinals.pdf",
        [
            _page(
                """\
Quarry Bay Health - Coverage note 17

Grey river disease
A first request for velmarizumab in grey river disease is approved for six months, and only when every one
of the following sentences is true of the member. First, grey river disease is confirmed by biopsy. Second, a
chelator has been tried and either it failed after three months, or the member cannot take any chelator.
Third, a hematologist prescribes it.
Velmarizumab for grey river disease is renewed for six months when both of the following are true. First,
the ferritin has fallen by a third. Second, no serious infusion reaction has occurred.
"""
            )
        ],
    )
    tree = compile_policy(path, source_id="x", title="ordinals")
    ind = next(i for i in tree.indications if "grey river" in i.name.lower())
    initial = next(b for b in ind.branches if b.request_type == "initial")
    assert _shape(initial.node) == (
        "all_of",
        [
            "grey river disease is confirmed by biopsy.",
            (
                "any_of",
                ["it failed after three months", "the member cannot take any chelator."],
            ),
            "a hematologist prescribes it.",
        ],
    )


def test_intake_sheet_parts_are_one_drug_named_by_its_first_question(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "intake.pdf",
        [
            _page(
                """\
QUARRY BAY INFUSION PHARMACY - REFERRAL FORM

Patient name: ____________   DOB: ___/___/_____

PART 1 - VELMARIZUMAB (Velmo) 300 mg vials - START OF THERAPY

Quarry Bay approves 6 months only when every question in Part 1 is answered Yes:
1.  Does the patient have grey river disease, confirmed by biopsy?        [ ] Yes  [ ] No
2.  Is the patient 12 years of age or older?        [ ] Yes  [ ] No

PART 2 - VELMARIZUMAB - REFILL AUTHORIZATION (every 6 months)

Renewal for 6 months needs Yes to both questions:
3.  Has the ferritin fallen by a third?        [ ] Yes  [ ] No
4.  Has there been no serious infusion reaction?        [ ] Yes  [ ] No

WE CANNOT ACCEPT THE REFERRAL IF ANY OF THESE APPLY

x  Velmarizumab with another chelator.
x  Pregnancy.
"""
            )
        ],
    )
    tree = compile_policy(path, source_id="x", title="intake")
    ind = next(i for i in tree.indications if "grey river" in i.name.lower())
    assert "VELMARIZUMAB" in ind.name
    assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
    assert [len(b.node.leaves()) for b in ind.branches] == [2, 2]
    assert any("Pregnancy" in x.text for x in tree.exclusions)


def test_an_update_reads_only_its_column_in_force() -> None:
    page = [
        "Policy update 12",
        "",
        "PREVIOUS CRITERIA (superseded)           REVISED CRITERIA (effective May 1)",
        "Part A - Velmarizumab, first request",
        "Old text: approve 3 months after two     Velmarizumab for grey river disease: approve",
        "chelators failed.                        6 months when all of these are met:",
        "                                         a) Biopsy shows grey river disease",
        "",
        "Excluded (no change)",
        "- Pregnancy",
    ]
    (out,) = in_force_column([page])
    assert [x for x in out if x.strip()] == [
        "Policy update 12",
        "Part A - Velmarizumab, first request",
        "Velmarizumab for grey river disease: approve",
        "6 months when all of these are met:",
        "a) Biopsy shows grey river disease",
        "Excluded (no change)",
        "- Pregnancy",
    ]
    # no heads naming a retired and an in-force column: the page as printed
    assert in_force_column([["Initial request          Renewal"]]) == [
        ["Initial request          Renewal"]
    ]


def test_titles_with_their_request_type_after_a_comma() -> None:
    assert title_parts("Section 2.1 - Velmarizumab, initial request") == [
        "Section 2.1",
        "Velmarizumab",
        "initial request",
    ]
    assert titled_subject("Section 2.2 - Velmarizumab, renewal") == "Velmarizumab"
    assert title_kind("Section 2.2 - Velmarizumab, renewal") == ("continuation", None)
    assert (
        granted_for("Velmarizumab (Velmo) for grey river disease in adults: approve")
        == "grey river disease"
    )
    assert granted_for("Approve for 6 months when:") is None


def test_bare_answer_boxes_are_no_part_of_a_question() -> None:
    lines = [
        Line(1, 0, "1. Is the member 12 or older?      [ ] Yes   [ ] No"),
        Line(1, 0, "2. Has a chelator failed, shown by     ☐ Yes ☐ No"),
        Line(1, 4, "a ferritin above 1000?"),
        Line(1, 0, "3. Was the biopsy done?  [ ] Yes (Go to 4)   [ ] No (Deny)"),
    ]
    assert [x.text for x in drop_answer_boxes(lines)] == [
        "1. Is the member 12 or older?",
        "2. Has a chelator failed, shown by",
        "a ferritin above 1000?",
        "3. Was the biopsy done?  [ ] Yes (Go to 4)   [ ] No (Deny)",  # steps.py's answers
    ]
