"""Naming in the last-resort reading (grant_lead_ins.py): made-up layouts whose criteria
blocks are named away from their lead-ins. A rules ticket's scenarios ("Scenario: X, first
request" / "Given the member has X" / "When ALL of these are documented:" / items / "Then
approve for N months"), where the grant follows the items and the request type sits in the
title; a message thread whose lead-ins say "for that episode" (no condition of its own: the
question above names it) and "For X we renew ..." (X, joined to its first request). And
the parts these use: a stated condition step, a title's label and code, an "out of scope"
heading as exclusions."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.asked_condition import stated_name
from pipeline.policy.compile import compile_policy
from pipeline.policy.title_condition import title_condition
from tests.unit.test_policy_layouts_rows import _pdf

L, IN, DEEP = 50.0, 64.0, 80.0


def _read(path: Path) -> list[tuple[str, list[tuple[str, str | None, str, int]]]]:
    tree = compile_policy(path, source_id="x", title=path.stem)
    return [
        (
            i.name,
            [(b.request_type, b.approval, b.node.op, len(b.node.leaves())) for b in i.branches],
        )
        for i in tree.indications
    ]


def _scenario(
    title: str, given: str, step: str, count: str, items: list[str], grant: str
) -> list[object]:
    return [
        title,
        (IN, given),
        (IN, step),
        (IN, f"When {count} of these are documented:"),
        *[(DEEP, f"* {x}") for x in items],
        (IN, grant),
        "",
    ]


def test_scenarios_named_by_their_condition_step_typed_by_their_titles(tmp_path: Path) -> None:
    lines = [
        "Lakeview Health - Work Tracker",
        "",
        "PA-101  Velmarizumab prior authorization rules",
        "",
        "Description",
        "The committee approved new rules for velmarizumab. Configure the rules below.",
        "A scenario approves only when every line under its When step holds.",
        "Acceptance criteria",
        "Feature: Velmarizumab prior authorization",
        *_scenario(
            "Scenario: VLM-01 Chronic spontaneous urticaria, first request",
            "Given the member has chronic spontaneous urticaria (chronic hives)",
            "And this is a first request",
            "ALL",
            [
                "Hives on most days for at least 6 weeks.",
                "A second-generation antihistamine at four times the label dose did not control them.",
                "The member is 12 years of age or older.",
            ],
            "Then approve for 6 months",
        ),
        *_scenario(
            "Scenario: VLM-02 Chronic spontaneous urticaria, renewal",
            "Given the member has chronic spontaneous urticaria",
            "And an earlier approval ends within 60 days",
            "BOTH",
            [
                "Fewer hives since the drug was started.",
                "The drug is still needed to control hives.",
            ],
            "Then approve for 12 months",
        ),
        "Out of scope (deny with reason code NC-2)",
        (IN, "1. Acute urticaria of less than 6 weeks."),
        (IN, "2. Hereditary angioedema."),
    ]
    path = _pdf(tmp_path / "ticket.pdf", [[x if isinstance(x, str) else [x] for x in lines]])
    assert _read(path) == [
        (
            "Chronic spontaneous urticaria (chronic hives)",
            [("initial", "6 months", "all_of", 3), ("continuation", "12 months", "all_of", 2)],
        )
    ]
    tree = compile_policy(path, source_id="x", title="ticket")
    assert [e.text.split(".")[0] for e in tree.exclusions][:2] == [
        "Acute urticaria of less than 6 weeks",
        "Hereditary angioedema",
    ]


def test_a_lead_in_pointing_back_is_named_by_the_question_above(tmp_path: Path) -> None:
    lines = [
        "Message thread: velmarizumab coverage question",
        "",
        "Dear Doctor, our criteria are below.",
        "Does your patient have chronic spontaneous urticaria?",
        "If so, we approve the first request for 6 months when all of these points are shown:",
        (IN, "1)  Hives on most days for at least 6 weeks."),
        (IN, "2)  The member is 12 years of age or older."),
        "Does your patient have hereditary angioedema with an acute attack?",
        "Then we approve one dose for that attack when all of these are shown:",
        (IN, "1)  The attack involves the face, throat or abdomen."),
        (IN, "2)  C1 inhibitor deficiency is confirmed by a blood test."),
        "",
        "For chronic spontaneous urticaria we renew for 12 months when both points are shown:",
        (IN, "1)  Fewer hives since the drug was started."),
        (IN, "2)  The drug is still needed to control hives."),
    ]
    path = _pdf(tmp_path / "thread.pdf", [[x if isinstance(x, str) else [x] for x in lines]])
    read = _read(path)
    assert [name for name, _ in read] == [
        "Chronic spontaneous urticaria",
        "Hereditary angioedema with an acute attack",
    ]
    assert [k for k, *_ in read[0][1]] == ["initial", "continuation"]


def test_stated_condition_steps() -> None:
    assert stated_name("Given the member has central diabetes insipidus (AVP deficiency)") == (
        "central diabetes insipidus (AVP deficiency)"
    )
    assert stated_name("And the patient has been diagnosed with gout.") == "gout"
    assert stated_name("Member has taken metformin for 3 months; and") is None  # a criterion
    assert stated_name("Does the member have gout?") is None  # a question (questioned_name)


def test_title_labels_and_codes_dropped_from_a_scenario_title() -> None:
    assert title_condition("Scenario: VLM-01 Chronic spontaneous urticaria, first request") == (
        "Chronic spontaneous urticaria"
    )
    assert title_condition("Rule 4: Gout, renewal") == "Gout"
    assert title_condition("Code EX-411 - primary biliary cholangitis, renewal") == (
        "primary biliary cholangitis"
    )


def test_a_marked_group_among_items_is_no_new_lead_in() -> None:
    from pipeline.policy.grant_lead_ins import _counted_lead
    from pipeline.policy.outline import Line

    lines = [
        Line(
            1,
            0,
            "Approvals valid for 6 months for applications meeting the following criteria: All of the following:",
        ),
        Line(1, 3, "1. Patient has gout"),
        Line(1, 3, "2. Any of the following:"),
        Line(1, 8, "2.1 Serum urate above 6 mg/dL"),
        Line(1, 0, "When BOTH of these are documented:"),
    ]
    assert [_counted_lead(lines, k) for k in (2, 4)] == [False, True]
