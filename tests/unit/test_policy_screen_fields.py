"""A system's inquiry-screen print (screen_fields.py, answer_boxes.py, repeat_shapes.py, issue
25): made-up screens, not the batch's wording: a leading YES/NO response column dropped, its
questions' tagged ids ("A1", "B1A") learned as markers under the rule line that cites them,
labelled fields naming the use, the request type and the rule; and near cases (a field block
with no rule, a bare number cited by a sentence, a mid-line Y/N)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.answer_boxes import drop_answers
from pipeline.policy.compile import compile_policy
from pipeline.policy.outline import Line
from pipeline.policy.questionnaire_columns import blank_response_column
from pipeline.policy.repeat_shapes import _cites_next, line_shape
from pipeline.policy.screen_fields import screen_field_lines
from tests.unit.test_policy_layouts_rows import _pdf, _shape


def test_a_leading_response_column_is_dropped_and_keeps_the_indentation() -> None:
    assert drop_answers("Y/N A1 MEMBER IS 2 YEARS OR OLDER") == "A1 MEMBER IS 2 YEARS OR OLDER"
    assert drop_answers("YES/NO 3. Member is 2 years or older") == "3. Member is 2 years or older"
    # mid-line the words are the criterion's own
    assert drop_answers("A1 ANSWER Y/N FOR EACH DOSE") == "A1 ANSWER Y/N FOR EACH DOSE"
    assert blank_response_column([[" Y/N   B1A  STEROID GIVEN"]]) == [["       B1A  STEROID GIVEN"]]


def test_a_lettered_sub_id_counts_by_its_letter() -> None:
    shape = line_shape("B1A STEROID GIVEN")
    assert shape is not None and (shape.shape, shape.counter) == ("B9A", "a")
    assert line_shape("B1B DONOR MISMATCHED").counter == "b"  # type: ignore[union-attr]
    # two letters after the number are a word, no marker
    assert line_shape("T2DM is present") is None


def test_a_rule_line_citing_the_next_id_introduces_it() -> None:
    lines = [
        Line(1, 0, "RULE: ALL OF A1-A4 = Y. AUTHORIZE 6 MONTHS."),
        Line(1, 0, "A1 AGE 2 OR OLDER"),
    ]
    assert _cites_next(lines, 0)
    # a bare number is cited by any sentence with that number in it
    lines = [Line(1, 0, "Approve 1 course."), Line(1, 0, "1. Age 2 or older")]
    assert not _cites_next(lines, 0)


def test_a_field_block_without_a_rule_is_left_as_it_is() -> None:
    lines = [
        Line(1, 0, "PRODUCT...: PALIVIZUMAB"),
        Line(1, 0, "INDICATION: RSV PREVENTION, PRETERM INFANT"),
        Line(1, 0, "REVIEW TYPE: INITIAL"),
        Line(1, 0, "A1 BORN BEFORE 29 WEEKS"),
    ]
    assert screen_field_lines(lines) == lines


def test_inquiry_screens_compile_to_one_indication_with_its_renewal(tmp_path: Path) -> None:
    def q(box: str, tag: str, text: str, tag_x: float = 90.0) -> list[tuple[float, str]]:
        return [(50.0, box), (tag_x, tag), (150.0, text)]

    path = _pdf(
        tmp_path / "screens.pdf",
        [
            [
                "MEDPLAN UM INQUIRY  SCREEN 01 OF 02",
                "PRODUCT...: PALIVIZUMAB 50 MG/0.5 ML INJ",
                "PLAN SET..: RX-88 INDICATION: RSV PREVENTION, PRETERM INFANT IN FIRST SEASON",
                "REVIEW TYPE: INITIAL SEASON",
                "CRITERIA RULE: ALL OF A1-A3 = Y. AUTHORIZE 5 DOSES FOR THE SEASON.",
                q("YES/NO", "A1", "INFANT BORN BEFORE 29 WEEKS OF GESTATION."),
                q("YES/NO", "A2", "INFANT IS YOUNGER THAN 12 MONTHS AT THE SEASON START."),
                q("YES/NO", "A3", "PRESCRIBER IS A NEONATOLOGIST OR A PEDIATRIC PULMONOLOGIST."),
                "",
                "MEDPLAN UM INQUIRY  SCREEN 02 OF 02",
                "PRODUCT...: PALIVIZUMAB",
                "PLAN SET..: RX-89 INDICATION: RSV PREVENTION - RENEWAL",
                "REVIEW TYPE: RENEWAL (SECOND SEASON)",
                "CRITERIA RULE: B1 = Y AND B2 = Y. RENEW FOR 5 MORE DOSES.",
                q("", "B1", "CHILD STILL AT HIGH RISK (ANY ONE BOX = Y):"),
                q(
                    "YES/NO",
                    "B1A",
                    "CHRONIC LUNG DISEASE NEEDING OXYGEN IN THE LAST 6 MONTHS",
                    100.0,
                ),
                q("YES/NO", "B1B", "HEMODYNAMICALLY SIGNIFICANT HEART DISEASE", 100.0),
                q("YES/NO", "B2", "NO RSV HOSPITAL STAY DURING THE FIRST SEASON."),
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="screens")
    (ind,) = tree.indications
    assert "rsv prevention, preterm infant" in ind.name.lower()
    initial, renewal = ind.branches
    assert initial.request_type == "initial"
    assert _shape(initial.node) == (
        "all_of",
        [
            "INFANT BORN BEFORE 29 WEEKS OF GESTATION.",
            "INFANT IS YOUNGER THAN 12 MONTHS AT THE SEASON START.",
            "PRESCRIBER IS A NEONATOLOGIST OR A PEDIATRIC PULMONOLOGIST.",
        ],
    )
    assert renewal.request_type == "continuation"
    assert _shape(renewal.node) == (
        "all_of",
        [
            (
                "any_of",
                [
                    "CHRONIC LUNG DISEASE NEEDING OXYGEN IN THE LAST 6 MONTHS",
                    "HEMODYNAMICALLY SIGNIFICANT HEART DISEASE",
                ],
            ),
            "NO RSV HOSPITAL STAY DURING THE FIRST SEASON.",
        ],
    )
