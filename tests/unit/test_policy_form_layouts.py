"""Forms and tables whose fill-ins and side columns are no criteria: a documentation column
beside a table's criteria (documentation_columns.py), a form's initial blanks, tick boxes and
their column heads (form_fill_ins.py), a folded leaflet's three panels (folded_panels.py);
rows counted by their lead-in ("Both rows must be met"), an alternative opened by "or"."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.documentation_columns import drop_documentation_column
from pipeline.policy.folded_panels import panel_order
from pipeline.policy.form_fill_ins import drop_fill_ins
from pipeline.policy.grant_words import grant_words
from pipeline.policy.layout_text import _marked, is_running
from pipeline.policy.models import PolicyNode, PolicyTree
from tests.unit.test_policy_sections import _print


def _compile(text: str, tmp_path: Path, columns: tuple[float, ...] = ()) -> PolicyTree:
    path = tmp_path / "policy.pdf"
    _print(text, path, columns)
    return compile_policy(path, source_id="s" * 64, title="Policy")


def _leaves(tree: PolicyTree) -> list[str]:
    return [leaf.text for i in tree.indications for b in i.branches for leaf in b.node.leaves()]


def _groups(tree: PolicyTree) -> list[PolicyNode]:
    return [n for i in tree.indications for b in i.branches for n in b.node.nodes() if n.children]


EVIDENCE_TABLE = """
# Maple Ridge Health - Dupilumab Prior Authorization
# TABLE A - DUPILUMAB, FIRST REQUEST
Requirement | Supporting records
Dupilumab for eosinophilic asthma: first request. All rows must be met; approval 6 months.
Member is 12 years of age or older | Date of birth on the claim
Blood eosinophils of 150 cells/uL or more | Laboratory report within 6 weeks
Two or more exacerbations needing steroids in | Pharmacy and clinic records
the last year |
Able to self-inject the dose, | Injection teaching note
  after teaching by a nurse |
  or with a caregiver giving it |
# TABLE B - DUPILUMAB, RENEWAL
Requirement | Supporting records
Dupilumab for eosinophilic asthma: renewal. Both rows must be met; approval 12 months.
Fewer exacerbations than before treatment | Clinic notes since the start
No eosinophilic pneumonia on treatment | Chest imaging report if symptoms
"""


def test_documentation_column_is_left_out_and_rows_read(tmp_path: Path) -> None:
    tree = _compile(EVIDENCE_TABLE, tmp_path, columns=(10, 110))
    leaves = _leaves(tree)
    assert "Member is 12 years of age or older" in leaves
    assert "Two or more exacerbations needing steroids in the last year" in leaves
    assert "Fewer exacerbations than before treatment" in leaves
    # the records proving each row are no criteria, nor part of one
    assert not any("record" in x.lower() or "report" in x.lower() for x in leaves)
    alternatives = [g for g in _groups(tree) if g.text.startswith("Able to self-inject")]
    assert alternatives and alternatives[0].op == "any_of"
    # the "or" opening the last alternative is its logic, no word of it
    assert [c.text for c in alternatives[0].children] == [
        "after teaching by a nurse",
        "with a caregiver giving it",
    ]


def test_a_column_not_of_documentation_stays() -> None:
    lines = [
        "Criterion                          Approval duration",
        "Member is 18 or older              6 months",
    ]
    assert drop_documentation_column(lines) == lines
    cut = drop_documentation_column(
        [
            "Criterion                          Documentation required",
            "Row spanning the whole table, across both of its columns: all rows must be met.",
            "Member is 18 or older              Birth date on file",
            "and weighs 40 kg                   ",
        ]
    )
    assert cut == [
        "Row spanning the whole table, across both of its columns: all rows must be met.",
        "• Member is 18 or older",
        "and weighs 40 kg",
    ]


REVIEW_FORM = """
# Birchwood Health - Pharmacist Review Form
Reviewer: tick one box per row.
Omalizumab - first review. Approve 4 months when every numbered row is Met.            |Met   Not met   Source
1    Total IgE between 30 and 700 IU/mL before treatment                              |[  ]    [  ]      ____
2    Positive skin or blood test to a perennial aeroallergen                          |[  ]    [  ]      ____
3    Asthma not controlled on a high-dose inhaled steroid                             |[  ]    [  ]      ____
Omalizumab - renewal. Approve 12 months when both rows are Met.                        |Met   Not met   Source
1    Fewer asthma attacks since the start of treatment                                |[  ]    [  ]      ____
2    Still taking the inhaled steroid                                                 |[  ]    [  ]      ____
"""


def test_tick_boxes_and_their_heads_are_no_words(tmp_path: Path) -> None:
    tree = _compile(REVIEW_FORM, tmp_path, columns=(10, 150))
    leaves = _leaves(tree)
    assert "Total IgE between 30 and 700 IU/mL before treatment" in leaves
    assert "Still taking the inhaled steroid" in leaves
    assert len(leaves) == 5
    assert not any("[" in x or "_" in x or "Not met" in x for x in leaves)


def test_fill_ins_blanked_where_they_stand() -> None:
    lines = [
        "Approve when every row is Met.                  Met   Not met",
        "1    Weight 40 kg or more                       [  ]    [  ]",
        "_____     2. I am an endocrinologist.",
        "Prescriber signature ______________  Date ___/___/____",
        # a question's Yes / No answers: one criterion, its boxes dropped
        "3    Member is 18 or older                      [ ] Yes  [ ] No",
    ]
    assert drop_fill_ins(lines) == [
        "Approve when every row is Met.",
        "1    Weight 40 kg or more",
        "          2. I am an endocrinologist.",
        "3    Member is 18 or older",
    ]
    # a line with one blank in its text is no field line
    kept = ["_____  1. Dose is ____ mg a day, below the label's maximum of 40 mg"]
    assert drop_fill_ins(kept)[0].strip().startswith("1. Dose is ____ mg")


ATTESTATION = """
# Harbor Point Health - Prescriber Attestation
Initial each true statement; a blank line means the request does not qualify.
# SECTION A - Dupilumab, atopic dermatitis
New request (approval 16 weeks): I attest to every statement initialed below.
_____       1. My patient is 6 years of age or older with moderate atopic dermatitis.
_____       2. At least one of these failed:
                ( ) a medium-potency topical corticosteroid for 4 weeks
                ( ) a topical calcineurin inhibitor for 6 weeks
_____       3. I am a dermatologist or an allergist.
Prescriber signature ____________________   NPI __________   Date ___/___/____
"""


def test_attestation_statements_read_after_their_initial_blanks(tmp_path: Path) -> None:
    tree = _compile(ATTESTATION, tmp_path)
    leaves = _leaves(tree)
    assert "My patient is 6 years of age or older with moderate atopic dermatitis." in leaves
    assert "I am a dermatologist or an allergist." in leaves
    assert "a topical calcineurin inhibitor for 6 weeks" in leaves
    assert not any("signature" in x.lower() for x in leaves)


def _panel(words: str, width: int = 70) -> str:
    return words.ljust(width)


def test_three_panels_read_a_panel_at_a_time() -> None:
    left = [
        "Panel 1. Starting the pump",
        "Initial: we approve 6 months if all are true:",
        "  > Type 1 diabetes on insulin for a year or more",
        "  > Four or more glucose checks a day were logged",
        "  > Completed a pump education class with a nurse",
        "  > Seen by an endocrinologist in the last 3 months",
        "  > No pump of the same kind bought in 4 years",
    ]
    middle = [
        "Panel 2. Keeping the pump",
        "Renewal: 12 more months if both are true:",
        "  > Seen by the diabetes team in the last 6 months",
        "  > Used the pump on most days, per the download",
        "Panel 2b. Supplies",
        "Sets and reservoirs for 90 days at a time, with the",
        "pump's own brand of infusion set where it has one",
    ]
    right = [
        "Panel 3. Never covered",
        "x A second pump while the first one still works",
        "x Pumps for type 2 diabetes not on insulin at all",
        "x Supplies bought before the approval date here",
        "",
        "",
        "",
    ]
    lines = [_panel(a) + _panel(b) + c for a, b, c in zip(left, middle, right, strict=True)]
    lines.append(" " * 30 + "Oakvale Plan leaflet PL-9 (2026), printed for providers - 1/1")
    out = [x.strip() for x in panel_order(lines) if x.strip()]
    assert out[:7] == [x.strip() for x in left]
    assert out[7:14] == [x.strip() for x in middle]
    assert out[14:18] == [x.strip() for x in right if x]
    assert out[-1].startswith("Oakvale")  # a line across the panels stays where it is


def test_a_narrow_page_or_a_label_table_is_not_panels() -> None:
    rows = [
        _panel("Drug", 40) + _panel("Covered use for adults who meet the criteria", 80) + "Limit"
        for _ in range(8)
    ]
    assert panel_order(rows) == rows
    narrow = [_panel("Member has tried two drugs", 45) + "Member is 18 or older" for _ in range(8)]
    assert panel_order(narrow) == narrow


def test_lettered_bare_rows_terms_each_and_footers() -> None:
    assert (
        _marked("2a patiromer was taken for 4 weeks", "     2a    patiromer was taken for 4 weeks")
        == "2a. patiromer was taken for 4 weeks"
    )
    assert _marked("12 months of therapy", "12  months of therapy") == "12 months of therapy"
    assert grant_words("Year 2 and 3: 12 months each if both are true:")
    assert is_running("Plan leaflet PB-44 (2026) - 1/1", set())
    assert not is_running("Dose of 1/2 tablet a day", set())


LETTERED_FORM = """
# Birchwood Health - Pharmacist Review Form
Reviewer: tick each row. A lettered row is one way of meeting its numbered row.
Tolvaptan - first review. Approve 3 months when every numbered row is Met.            |Met   Not met
1    Serum sodium below 125 mmol/L on two checks                                      |[  ]    [  ]
2    Fluid restriction did not work:                                                  |
     2a    sodium stayed below 125 after 48 hours of restriction                      |[  ]    [  ]
     2b    restriction could not be kept because of thirst                            |[  ]    [  ]
3    Started in hospital with sodium checked every 8 hours                            |[  ]    [  ]
"""


def test_a_legend_makes_lettered_rows_alternatives(tmp_path: Path) -> None:
    tree = _compile(LETTERED_FORM, tmp_path, columns=(10, 150))
    groups = {g.text: g.op for g in _groups(tree)}
    assert groups["Fluid restriction did not work:"] == "any_of"
    assert "sodium stayed below 125 after 48 hours of restriction" in _leaves(tree)
    # without the legend, the rows under a colon are all required
    tree = _compile(
        LETTERED_FORM.replace(" A lettered row is one way of meeting its numbered row.", ""),
        tmp_path,
        columns=(10, 150),
    )
    assert {g.text: g.op for g in _groups(tree)}["Fluid restriction did not work:"] == "all_of"


def test_a_history_column_is_no_documentation_column() -> None:
    lines = [
        "Clinical criteria                         Document history",
        "Member is 18 or older                     Revised 2024",
        "                                                  1",
    ]
    assert drop_documentation_column(lines) == lines


UNNUMBERED_ATTESTATION = """
# Harbor Point Health - Prescriber Attestation
# SECTION B - Tirzepatide, obstructive sleep apnea
New request (approval 6 months): I attest to every statement initialed below.
_____       My patient has moderate to severe obstructive sleep apnea on a sleep study.
_____       My patient has a body mass index of 30 or more.
_____       My patient will use the drug with a reduced-calorie diet and more activity.
"""


def test_an_initial_blank_marks_a_statement_without_a_number(tmp_path: Path) -> None:
    tree = _compile(UNNUMBERED_ATTESTATION, tmp_path)
    assert _leaves(tree) == [
        "My patient has moderate to severe obstructive sleep apnea on a sleep study.",
        "My patient has a body mass index of 30 or more.",
        "My patient will use the drug with a reduced-calorie diet and more activity.",
    ]


def test_tick_boxes_before_the_statement_are_blanked() -> None:
    lines = ["[  ]  [  ]   1   Serum sodium below 125 mmol/L", "[ ] Member is 18 or older"]
    assert drop_fill_ins(lines) == [
        "             1   Serum sodium below 125 mmol/L",
        "[ ] Member is 18 or older",
    ]
