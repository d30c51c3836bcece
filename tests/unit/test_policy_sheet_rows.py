"""A spreadsheet printed as the policy, read as a rules export (hierarchy_tables.py,
hierarchy_tree.py; issue 25): made-up rows, not the batch's wording: a set row whose title
sentence names the subject and request type before its rule, a logic cell "Required; at
least 2 of 4a-4c", a lettered sub-row under its row, one subject spelled out in one set row
and abbreviated in the other, rows each marked "Deny" under a set row, a capitalised cell
the width estimate of the cell before overlaps; and near cases."""

from __future__ import annotations

from pipeline.policy.hierarchy_tables import RuleRow, Run, _lines, _prefix_parent, logic_of
from pipeline.policy.hierarchy_tree import _excludes, _same_name, _subject


def _row(key: str, text: str, logic: str = "") -> RuleRow:
    return RuleRow(1, {"id": key, "text": text, "logic": logic}, 50.0)


def test_a_set_rows_title_sentence_gives_subject_and_request_type() -> None:
    subject, kind, approval = _subject(
        "PAH-R: Pulmonary arterial hypertension, renewal. "
        "Approve 12 months when every Required row is met."
    )
    assert (subject, kind, approval) == (
        "Pulmonary arterial hypertension",
        "continuation",
        "12 months",
    )


def test_a_counting_logic_cell_after_the_rows_own_word() -> None:
    assert logic_of("Required; at least 2 of 4a-4c") == ("at_least", 2)
    assert logic_of("Required; any 1 of 6a-6b") == ("any_of", 1)
    assert logic_of("Required") is None  # a word this reader does not know stays unread


def test_a_lettered_row_goes_under_its_row() -> None:
    rows = {"PAH-I-04": _row("PAH-I-04", "Background therapy:"), "PAH-I": _row("PAH-I", "set")}
    assert _prefix_parent("PAH-I-04b", rows) is rows["PAH-I-04"]
    assert _prefix_parent("PAH-I-05", rows) is rows["PAH-I"]


def test_one_subject_spelled_out_and_abbreviated() -> None:
    assert _same_name("Pulmonary arterial hypertension in adults", "PAH in adults")
    assert not _same_name("Pulmonary arterial hypertension", "Chronic thromboembolic disease")


def test_rows_each_marked_deny_are_exclusions() -> None:
    root = _row("X", "X: reviewed under any rule set:")
    root.children = [_row("X-01", "Pregnancy.", "Deny"), _row("X-02", "Age under 18.", "Deny")]
    assert _excludes(root)
    root.children[1] = _row("X-02", "Age 18 or older.", "Required")
    assert not _excludes(root)


def test_a_capitalised_cell_next_to_a_long_one_is_its_own() -> None:
    line = _lines(
        [
            Run(50.0, 700.0, "Adult with pulmonary hypertension on right heart", 330.0),
            Run(320.0, 700.0, "Required", 350.0),
        ]
    )[0]
    assert [r.text for r in line] == [
        "Adult with pulmonary hypertension on right heart",
        "Required",
    ]
    # a word drawn in two pieces edge to edge is one
    pieces = _lines([Run(50.0, 700.0, "catheteri", 90.0), Run(89.0, 700.0, "zation", 110.0)])[0]
    assert [r.text for r in pieces] == ["catheterization"]
