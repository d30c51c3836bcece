"""Granting lead-ins wherever they sit (grant_lead_ins.py, issue 25): an answer under a
question ("A. We cover it ... when the record shows all of the items below."), a committee's
motion ("Motion (...): that X be approved for 4 months ... when each of the following is
documented:") and its amendment ("... continued approval for a further 12 months when the
record shows:"); the condition from the question or the lead-in, the branch from the
lead-in's words; refusing lead-ins over items as exclusions (refusal_lead_ins.py). The
shared granting words (grant_words.py) and branch words (branch_names.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.branch_names import (
    _BRANCH_CONTINUED,
    _BRANCH_INITIAL,
    CONTINUED_RE,
    INITIAL_RE,
)
from pipeline.policy.compile import compile_policy
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_lead_ins import lead_sentence
from pipeline.policy.grant_titles import _request_type, _title_name
from pipeline.policy.grant_words import grant_words, grants
from pipeline.policy.lead_in_terms import term as _term
from pipeline.policy.outline import Line
from tests.unit.test_policy_grant_lead_ins import _read
from tests.unit.test_policy_layouts_rows import _pdf, _shape

M, IN, SUB = 50.0, 70.0, 90.0


def test_answers_under_questions_lead_their_dash_items(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "answers.pdf",
        [
            [
                "Harborview Health  |  Member drug questions",
                "Calcitonin gene peptide blockers for migraine",
                "",
                "1) When does Harborview cover tezlimab for chronic migraine?",
                "A. We cover it for 3 months when the record shows all of the items below.",
                [(IN, "- He or she is 18 or older")],
                [(IN, "- Headache on 15 or more days a month for at least 3 months")],
                [(IN, "- He or she tried two of these first:")],
                [(SUB, "o topiramate for at least 8 weeks")],
                [(SUB, "o propranolol or metoprolol for at least 8 weeks")],
                [(SUB, "o amitriptyline for at least 8 weeks")],
                "",
                "2) Can a tezlimab approval be renewed?",
                "A. Yes, for 12 more months, when both of these are true.",
                [(IN, "- Headache days fell by half or more since the start")],
                [(IN, "- The prescriber reviewed the headache diary")],
                "",
                "3) When does Harborview cover tezlimab for cluster headache?",
                "A. We cover it for 6 months when the request shows every point in this list.",
                [(IN, "- Five or more attacks in the past year")],
                [(IN, "- Oxygen or a triptan was tried first")],
                "",
                "4) What won't Harborview cover?",
                "A. Neither use is covered for:",
                [(IN, "- Use with another peptide blocker.")],
                [(IN, "- Headache from medication overuse.")],
                "",
                "5) How do I send a request?",
                "A. Through the portal. Include the headache diary.",
            ]
        ],
    )
    assert _read(path) == [
        (
            "Chronic migraine",
            [
                ("initial", "3 months", "all_of", 3, 5),
                ("continuation", "12 months", "all_of", 2, 2),
            ],
        ),
        ("Cluster headache", [("any", "6 months", "all_of", 2, 2)]),
    ]
    tree = compile_policy(path, source_id="x", title="answers")
    first = tree.indications[0].branches[0].node
    # the first request beside a renewal: typed, and its nodes named as read
    assert all(".initial" in node.id for node in first.nodes())
    assert _shape(first)[1][2] == (  # type: ignore[index]
        "at_least",
        [
            "topiramate for at least 8 weeks",
            "propranolol or metoprolol for at least 8 weeks",
            "amitriptyline for at least 8 weeks",
        ],
    )
    assert first.children[2].n == 2
    # "A. Neither use is covered for:": its items are the exclusions
    assert [e.name for e in tree.exclusions] == [
        "Use with another peptide blocker",
        "Headache from medication overuse",
    ]


def test_motions_and_their_amendments_over_numbered_items(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "motions.pdf",
        [
            [
                "Meeting of the Formulary Council, March 3, 2026",
                "",
                "4. Criteria reviewed",
                "",
                "4.1 Zorvatinib (Plaxen) for plaque psoriasis",
                "The council reviewed two trials and the skin infection signal in the label.",
                [
                    (
                        60.0,
                        "Motion (Ms. Reyes, seconded by Mr. Holt): that zorvatinib be approved for 4 months for",
                    )
                ],
                [(60.0, "moderate plaque psoriasis when each of the following is documented:")],
                [(IN, "1. The member is 18 years of age or older.")],
                [(IN, "2. The psoriasis is extensive, with at least one of:")],
                [(SUB, "a. 10% or more of the body surface;")],
                [(SUB, "b. psoriasis of the scalp or genitals.")],
                [(IN, "3. A phototherapy course or methotrexate was tried first.")],
                [
                    (
                        60.0,
                        "Amended and accepted: continued approval for a further 12 months when the record",
                    )
                ],
                [(60.0, "shows:")],
                [(IN, "1. The affected body surface fell by 75% or more.")],
                [(IN, "2. No serious skin infection since the last approval.")],
                "Vote: 7 in favor, 0 opposed. Motion carried.",
                "",
                "4.2 Limits adopted with motion 4.1",
                "The council agreed that the plan will not cover:",
                [(IN, "- Zorvatinib with another biologic for psoriasis.")],
            ],
            [
                [(IN, "- Zorvatinib for psoriatic arthritis alone.")],
                "",
                "5. Adjournment",
                "The meeting closed at 7:10 p.m.",
            ],
        ],
    )
    assert _read(path) == [
        (
            "Moderate plaque psoriasis",
            [
                ("initial", "4 months", "all_of", 3, 4),
                ("continuation", "12 months", "all_of", 2, 2),
            ],
        )
    ]
    tree = compile_policy(path, source_id="x", title="motions")
    initial, renewal = tree.indications[0].branches
    assert initial.node.children[1].op == "any_of"
    # the vote line back at the margin ends the amendment's items
    assert "Vote" not in " ".join(leaf.text for leaf in renewal.node.leaves())
    assert [e.name for e in tree.exclusions] == [
        "Zorvatinib with another biologic for psoriasis",
        "Zorvatinib for psoriatic arthritis alone",
    ]


def test_a_lead_in_ending_in_a_full_stop_must_point_at_items_next() -> None:
    def lines(*texts: str) -> list[Line]:
        return [Line(1, 0 if k == 0 else 4, t) for k, t in enumerate(texts)]

    said = "We approve it for 6 months when all of the points below are true."
    assert lead_sentence(lines(said, "- The member is 18 or older"), 0) == (said, 1)
    # no item after it, or no words pointing at items
    assert lead_sentence([Line(1, 0, said), Line(1, 0, "Send the form by fax.")], 0) is None
    plain = "We approve it for 6 months for adults."
    assert lead_sentence(lines(plain, "- The member is 18 or older"), 0) is None


def test_an_answer_label_opens_a_lead_in_only_under_a_question() -> None:
    answer = "A. We approve it when all of these are true:"
    asked = [Line(1, 0, "Q1. When do we approve X?"), Line(1, 0, answer)]
    assert lead_sentence(asked, 1) == ("We approve it when all of these are true:", 2)
    # a list's first item "A." under no question is no lead-in
    assert lead_sentence([Line(1, 0, "Criteria"), Line(1, 0, answer)], 1) is None


def test_the_title_names_the_condition_it_is_for() -> None:
    assert _title_name("Q2. When will we approve elvanib for psoriatic arthritis?") == (
        "psoriatic arthritis"
    )
    assert _title_name("3.1 Zorvatinib (Plaxen) for plaque psoriasis") == "plaque psoriasis"
    assert _title_name("Q3. Can an elvanib approval be renewed?") is None


def test_branch_and_term_from_the_lead_ins_words() -> None:
    assert _request_type("Yes, for 6 more months, when all of these are true.") == "continuation"
    assert _request_type("a further 12 months when the record shows:") == "continuation"
    assert _request_type("For a first request, we approve X when:") == "initial"
    assert _request_type("We approve it for 6 months when all of these are true:") == "any"
    assert _term("Yes, for 6 more months, when") == "6 months"
    assert _term("renewal for a further 12 months when") == "12 months"
    assert _term("after at least 3 months of therapy when") is None
    # the words branch headings share (branch_names.py); an extended-release form is none
    assert _BRANCH_CONTINUED.match("Renewed requests") and _BRANCH_INITIAL.match("First fill")
    assert not _BRANCH_CONTINUED.match("Extended-release tablets")
    # the request words anywhere in a text: one compiled test each, shared by the readers
    assert CONTINUED_RE.search("for a reauthorization of 12 months") and INITIAL_RE.search(
        "new start"
    )
    assert not CONTINUED_RE.search("extended-release tablets for a first course")


def test_the_granting_words_and_refusals_in_one_place() -> None:
    # a rule's stated grant (statute_sections.py, letter_criteria.py)
    assert grants("The Department shall authorize X for a recipient when each is met:")
    assert not grants("The Department shall not authorize X when any of these applies:")
    assert not grants("Coverage criteria:")
    # a lead-in's granting words, or a grant for a further term with no granting verb
    assert grant_words("Coverage criteria for the first request:")
    assert grant_words("Yes, for 6 more months, when all of these are true.")
    assert grant_words("Renewal motion: a further 12 months when the record shows:")
    for refusal in (
        "Neither drug is covered for:",
        "The plan will not cover:",
        "These uses are excluded when:",
        "Members are not eligible when:",
    ):
        assert not grant_words(refusal), refusal


def test_a_disease_category_named_by_one_short_word_names_a_condition() -> None:
    assert names_condition("Uncontrolled gout") and names_condition("Severe acne")
    assert not names_condition("Left side") and not names_condition("Renewal for a year")
