"""Three payer layouts on small printed policies: approval formulas under flat numbered lists
("Approve if (1 and (2 or 3) and 4)", formula.py), one side-by-side table per condition
whose header names its two branches (branch_columns.py), and a definition list per use
("Criteria:" / "Renewal:" labels left, their lists right: layout_text.py). Also exclusions
labelled "X1." / "X2." run into one paragraph, "»" bullets, and indication names without
a section label or a brand after them."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.formula import parse_formula
from pipeline.policy.models import PolicyTree
from tests.unit.test_policy_sections import _print, _shape


def _compile(text: str, tmp_path: Path, columns: tuple[float, ...] = (10,)) -> PolicyTree:
    path = tmp_path / "policy.pdf"
    _print(text, path, columns)
    return compile_policy(path, source_id="s" * 64, title="Policy")


def test_parse_formula_binds_and_tighter_than_or() -> None:
    assert parse_formula("(1 and 2 and (3 or 4) and 5)") == (
        "all_of",
        ["1", "2", ("any_of", ["3", "4"]), "5"],
    )
    assert parse_formula("1 and 2 or 3") == ("any_of", [("all_of", ["1", "2"]), "3"])
    assert parse_formula("((1 or 2))") == ("any_of", ["1", "2"])
    assert parse_formula("(1 and (2 or 3)") is None
    assert parse_formula("1 and and 2") is None


FORMULA = """
# Examplitinib tablets
Each part lists numbered criteria; the line under each list says which are needed.
# PART A - PLAQUE PSORIASIS
A1. New request
   1. Member is 18 years of age or older
   2. Psoriasis covers at least 10% of the body surface area
   3. Member had no response to methotrexate after 12 weeks
   4. Methotrexate is contraindicated for the member
   5. Prescribed by a dermatologist
Approve if (1 and 2 and (3 or 4) and 5)
Approval duration: 6 months.
A2. Renewal request
   1. Body surface area has fallen by at least half
   2. Member has no serious infection
Approve renewal if (1 and 2)
# PART B - ULCERATIVE COLITIS
B1. New request
   1. Member is 18 years of age or older
   2. Member had no response to a corticosteroid
   3. Member had no response to an immunomodulator
%%
Approve if (1 and (2 or 3))
# PART C - ATOPIC DERMATITIS
Not reviewed on this form.
# NOT COVERED WHEN (any one)
   X1. Use with another biologic drug
   X2. Active tuberculosis
"""


def test_formula_lines_give_the_logic_of_flat_numbered_lists(tmp_path: Path) -> None:
    tree = _compile(FORMULA, tmp_path)
    names = [i.name for i in tree.indications]
    assert names == ["Plaque psoriasis", "Ulcerative colitis", "Atopic dermatitis"]
    pso, uc, ad = tree.indications
    assert [(b.request_type, b.approval) for b in pso.branches] == [
        ("initial", "6 months"),
        ("continuation", None),
    ]
    assert _shape(pso.branches[0].node) == (
        "all_of",
        ["Member", "Psoriasis", ("any_of", ["Member", "Methotrexate"]), "Prescribed"],
    )
    assert _shape(pso.branches[1].node) == ("all_of", ["Body", "Member"])
    # the formula on the page after its list
    assert _shape(uc.branches[0].node) == ("all_of", ["Member", ("any_of", ["Member", "Member"])])
    assert ad.branches == []  # listed with no criteria
    assert [x.text for x in tree.exclusions] == [
        "Use with another biologic drug",
        "Active tuberculosis",
    ]


SIDE_BY_SIDE = """
# Examplizumab coverage policy
Each table gives the initial criteria on the left and the continuation criteria on the right.
# 1. Chronic urticaria
# Initial authorization (6 months) | Continuation (12 months)
# All of the following: | All of the following:
1.  Member is 12 years of age or older | 1.  Fewer hives than at baseline
2.  One of the following: | 2.  Member still takes an antihistamine
     a.  No response to an antihistamine |
     b.  Antihistamines are not tolerated |
3.  Prescribed by an allergist |
# 2. Nasal polyps
# Initial authorization (6 months) | Continuation (12 months)
# All of the following: | All of the following:
1.  Member is 18 years of age or older | 1.  Polyp score lower than at baseline
2.  Polyps seen on nasal endoscopy |
%%
# Initial authorization (6 months) | Continuation (12 months)
3.  Prescribed by an otolaryngologist |
# Not Covered
Examplizumab is not medically necessary for:
»  Use together with another biologic drug
»  Acute urticaria lasting under 6 weeks
"""


def test_side_by_side_branch_cells_are_read_one_at_a_time(tmp_path: Path) -> None:
    tree = _compile(SIDE_BY_SIDE, tmp_path, (10, 110))
    names = [i.name for i in tree.indications]
    assert names == ["Chronic urticaria", "Nasal polyps"]
    cu, np_ = tree.indications
    # each header names its branch's approval length in a parenthesis
    assert [(b.request_type, b.approval) for b in cu.branches] == [
        ("initial", "6 months"),
        ("continuation", "12 months"),
    ]
    assert _shape(cu.branches[0].node) == (
        "all_of",
        ["Member", ("any_of", ["No", "Antihistamines"]), "Prescribed"],
    )
    assert _shape(cu.branches[1].node) == ("all_of", ["Fewer", "Member"])
    # the row split by the page break, its header repeated: one list per cell
    assert [b.request_type for b in np_.branches] == ["initial", "continuation"]
    assert _shape(np_.branches[0].node) == ("all_of", ["Member", "Polyps", "Prescribed"])
    assert [x.text for x in tree.exclusions] == [
        "Use together with another biologic drug",
        "Acute urticaria lasting under 6 weeks",
    ]


DEFINITION_LIST = """
# Examplifactor guideline
One block per use: the criteria, how long an approval lasts, what a renewal needs.
# Use 1. Anemia of chronic kidney disease
Indication: | To raise hemoglobin in chronic kidney disease.
Criteria: | All of the following:
 | -  Hemoglobin is below 10 g/dL
 | -  Iron stores are adequate
Duration: | 3 months.
Renewal: | All of the following:
 | -  Hemoglobin rose since the start of treatment
 | -  Hemoglobin is 11.5 g/dL or lower
Renewal duration: | 6 months.
# Use 2. Anemia from chemotherapy
Indication: | To avoid transfusion during chemotherapy.
Criteria: | All of the following:
 | -  Hemoglobin is below 10 g/dL
 | -  Chemotherapy is expected to go on for 2 more months
Duration: | 2 months. Renewal does not apply.
"""


def test_definition_list_labels_start_their_branches(tmp_path: Path) -> None:
    tree = _compile(DEFINITION_LIST, tmp_path, (10, 50))
    assert len(tree.indications) == 2
    ckd, chemo = tree.indications
    assert [b.request_type for b in ckd.branches] == ["initial", "continuation"]
    assert _shape(ckd.branches[0].node) == ("all_of", ["Hemoglobin", "Iron"])
    assert _shape(ckd.branches[1].node) == ("all_of", ["Hemoglobin", "Hemoglobin"])
    assert [len(b.node.leaves()) for b in chemo.branches] == [2]


def test_an_indication_is_named_by_its_condition_not_its_label_or_brand() -> None:
    from pipeline.policy.indications import condition_name

    assert (
        condition_name("PART 2: MODERATE PLAQUE PSORIASIS (Examplix)")
        == "Moderate plaque psoriasis"
    )
    assert condition_name("Section B - Crohn disease") == "Crohn disease"
    assert condition_name("HAE (Examplix)") == "HAE"
    assert condition_name("SECTION 1: ANEMIA IN CKD (Examplix, Samplira)") == "Anemia in CKD"
    # who the use is for is no brand; a drug list's row names no condition
    assert condition_name("Asthma (Adults)") == "Asthma (Adults)"
    assert condition_name("Examplix (examplimab)") == "Examplix (examplimab)"
