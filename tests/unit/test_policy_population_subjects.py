"""One condition granted for two populations, each named only in its lead-in sentence
(branch_subjects.py, grant_words.py; issue 25): made-up limitation text, not the batch's
wording: "For adults with X who ..." / "For adolescents aged 12 to 17 years with X, ..."
split into one indication each, the renewal naming its population going to it, the one
naming none to the population before it; "No reimbursement approval is given" refuses; and
a near case: two lead-ins naming no population stay one indication."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_subjects import lead_in_subject
from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_words import grant_words
from tests.unit.test_policy_layouts_rows import _pdf


def test_a_population_is_a_lead_ins_subject() -> None:
    assert (
        lead_in_subject(
            "For adults with chronic migraine who have 15 headache days, the first approval is for 3 months if:"
        )
        == "adults"
    )
    assert (
        lead_in_subject(
            "For adolescents aged 12 to 17 years with chronic migraine, the first approval ..."
        )
        == "adolescents aged 12 to 17 years"
    )
    # a sentence about members in general names no population
    assert (
        lead_in_subject("For members with chronic migraine, approval is for 3 months if:") is None
    )
    assert not grant_words("No cost approval is given in the following situations:")


def test_two_populations_are_two_indications(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "limitation.pdf",
        [
            [
                "Limitation",
                "Only after cost approval by the insurer's medical adviser.",
                "For adults with chronic migraine who have 15 or more headache days a month, the first cost approval is for 3 months if all of the following are met:",
                "- Age 18 years or older.",
                "- At least two preventive drugs tried without success.",
                "- Prescription by a neurologist.",
                "Continued reimbursement after 3 months, for 12 months at a time, only if both of the following are documented:",
                "- Headache days halved against the start.",
                "- Headache diary kept.",
                "For adolescents aged 12 to 17 years with chronic migraine, the first cost approval is for 3 months if all of the following are met:",
                "- Weight of 40 kg or more.",
                "- Prescription by a paediatric neurologist.",
                "Continued reimbursement for adolescents after 3 months only if:",
                "- Headache days reduced by at least a third.",
                "",
                "No cost approval is given in the following situations:",
                "- Medication-overuse headache not yet treated.",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="limitation")
    names = [i.name.lower() for i in tree.indications]
    assert len(names) == 2
    assert "migraine" in names[0] and "adults" in names[0]
    assert "migraine" in names[1] and "adolescents" in names[1]
    assert [[len(b.node.leaves()) for b in i.branches] for i in tree.indications] == [
        [3, 2],
        [2, 1],
    ]
    assert [b.request_type for b in tree.indications[1].branches][-1] == "continuation"
    assert [e.text for e in tree.exclusions] == ["Medication-overuse headache not yet treated."]


def test_a_lead_in_wraps_onto_the_range_of_labels_it_cites() -> None:
    from pipeline.policy.lead_in_sentences import lead_sentence
    from pipeline.policy.outline import Line

    lines = [
        Line(
            1,
            0,
            "Statement 1 (adults). The fund pays for X in adults with gout for 6 months when all of",
        ),
        Line(1, 0, "(a) to (c) are met."),
        Line(1, 0, "(a) Age 18 or older."),
    ]
    read = lead_sentence(lines, 0)
    assert read is not None and read[0].endswith("(a) to (c) are met.") and read[1] == 2
    # an item right under an unfinished line is no part of it
    lines[1] = Line(1, 0, "(a) Age 18 or older and on allopurinol.")
    assert lead_sentence(lines, 0) is None or lead_sentence(lines, 0)[1] == 1  # type: ignore[index]
    assert (
        lead_in_subject("Statement 3.1 (adults). Renewal is for 12 months when both are shown.")
        == "adults"
    )
