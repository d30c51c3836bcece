"""Granting lead-ins in layouts of other wording (grant_lead_ins.py, prose_condition.py,
layout_text.py, issue 25): a schedule entry's bare clause numbers set apart from their text,
its "First request - (condition)" / "Reauthorisation - (condition)" headings and a logic
label after the lead-in's colon ("... these criteria: Either:"); a memo granting drugs by a
run-in label, the condition named by its subject line or by its drugs' class; a lead-in
opening with a title sentence ("Use 2 - Condition. ... approved when") and a "Repeat dose"
continuation. Near cases: a count that is no marker, a label naming no condition."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_lead_ins import _CONDITIONAL
from pipeline.policy.grant_titles import _sentence_title, _title_name
from pipeline.policy.layout_text import _marked
from pipeline.policy.outline import Line
from pipeline.policy.prose_condition import named_class, prose_condition
from pipeline.policy.reading_choice import adds_criteria
from tests.unit.test_policy_layouts_rows import _pdf

L, NUM, TEXT = 50.0, 64.0, 86.0


def _read(path: Path) -> list[tuple[str, list[tuple[str, str, int, list[str]]]]]:
    tree = compile_policy(path, source_id="x", title=path.stem)
    return [
        (
            i.name,
            [
                (b.request_type, b.node.op, b.node.n, [x.text[:24] for x in b.node.leaves()])
                for b in i.branches
            ],
        )
        for i in tree.indications
    ]


def test_a_bare_clause_number_set_apart_is_a_marker_and_a_count_is_not() -> None:
    assert _marked("1 Serum urate is above 6 mg/dL", "   1    Serum urate is above 6 mg/dL") == (
        "1. Serum urate is above 6 mg/dL"
    )
    # a decimal clause keeps its number (the outline reads "2.1" as it is)
    assert _marked("2.1 Tophi", "     2.1  Tophi") == "2.1 Tophi"
    # a count run on by one space, or a number before lower case, is text
    assert _marked("6 Months of therapy", "6 Months of therapy") == "6 Months of therapy"
    assert _marked("2 tablets daily", "2    tablets daily") == "2 tablets daily"


def test_lead_in_colon_may_be_followed_by_a_logic_label() -> None:
    assert _CONDITIONAL.search(
        "Funding is granted for 3 months for patients meeting these criteria: Either:"
    )
    assert _CONDITIONAL.search(
        "Approvals valid for 1 year for applications meeting the following criteria: Both:"
    )
    assert not _CONDITIONAL.search("Funding is granted for 3 months: Notes:")


def test_a_title_naming_its_request_type_names_the_condition_after_it() -> None:
    assert _title_name("First request - (chronic tophaceous gout)") == "chronic tophaceous gout"
    assert _title_name("Reauthorisation: chronic tophaceous gout") == "chronic tophaceous gout"
    assert _title_name("Reauthorisation - (see above)") is None


def test_a_lead_in_opening_with_a_title_sentence_names_its_condition() -> None:
    text = (
        "Use 2 - Chronic plaque psoriasis. Treatment is approved when all of the following are met:"
    )
    assert _sentence_title(text) == "Chronic plaque psoriasis"
    assert _sentence_title("Treatment is approved when all of the following are met:") is None


def test_the_condition_a_drug_class_or_subject_line_names() -> None:
    assert named_class("here are the rules for our three migraine medications.") == "migraine"
    assert named_class("the new formulary drugs") is None
    lines = [
        Line(1, 0, "From: Pharmacy"),
        Line(1, 0, "Subject: FW: Chronic gout therapies - rules"),
    ]
    assert prose_condition(lines) == "Chronic gout"


def test_a_schedule_entry_with_bare_numbers_and_typed_headings(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "schedule.pdf",
        [
            [
                "Ruapehu District Health Board - Funding schedule, Part C",
                "",
                "PEGLOTICASE",
                "Inj 8 mg per ml, 1 ml vial. Funded by approval only (FA118).",
                "Funding approval",
                "First request - (chronic tophaceous gout)",
                "Requests only from a rheumatologist.",
                "Funding is granted for 3 months for patients meeting these criteria: Either:",
                [
                    (NUM, "1"),
                    (TEXT, "Serum urate has stayed above 6 mg/dL despite allopurinol at full dose"),
                ],
                [(NUM, "2"), (TEXT, "Allopurinol and febuxostat both caused a serious reaction")],
                "",
                "Reauthorisation - (chronic tophaceous gout)",
                "Requests only from a rheumatologist.",
                "Funding is granted for 6 months for patients meeting these criteria: Both:",
                [(NUM, "1"), (TEXT, "Serum urate is below 6 mg/dL before each infusion")],
                [(NUM, "2"), (TEXT, "No infusion reaction needed treatment")],
                "",
                "Notes",
                "  -   Gout without tophi is not funded.",
                "  -   Pegloticase with another urate-lowering drug is not funded.",
                "",
                "Infusions are given in hospital.",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title=path.stem)
    # a heading of any words over items that each refuse: one exclusion per item
    assert [e.text for e in tree.exclusions] == [
        "Gout without tophi is not funded.",
        "Pegloticase with another urate-lowering drug is not funded.",
    ]
    assert _read(path) == [
        (
            "Chronic tophaceous gout",
            [
                ("initial", "any_of", 1, ["Serum urate has stayed a", "Allopurinol and febuxost"]),
                (
                    "continuation",
                    "all_of",
                    2,
                    ["Serum urate is below 6 m", "No infusion reaction nee"],
                ),
            ],
        )
    ]


def test_a_memo_grants_drugs_by_run_in_labels_for_its_subjects_condition(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "memo.pdf",
        [
            [
                "MEMORANDUM",
                "To: Pharmacy reviewers",
                "From: Formulary committee",
                "Subject: Migraine medications - what to authorise",
                "",
                "Team, these rules start on Monday.",
                "Rimegepant (Nurtec): authorise one 30-day supply when EVERY item below applies:",
                "   1)   Patient is 18 or older",
                "   2)   Four or more migraine days a month",
                "   3)   Two triptans did not work",
                "Atogepant (Qulipta): authorise 3 months when EVERY item below applies:",
                "   1)   Patient is 18 or older",
                "   2)   Eight or more migraine days a month",
                "",
                "Questions to the committee.",
            ]
        ],
    )
    assert [name for name, _ in _read(path)] == [
        "Migraine (Rimegepant / Nurtec)",
        "Migraine (Atogepant / Qulipta)",
    ]
    assert [b[3] for _, bs in _read(path) for b in bs] == [
        ["Patient is 18 or older", "Four or more migraine da", "Two triptans did not wor"],
        ["Patient is 18 or older", "Eight or more migraine d"],
    ]


def test_a_use_paragraph_and_its_repeat_dose(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "uses.pdf",
        [
            [
                "Lakeshore Hospital formulary: restricted drug",
                "",
                "Use 1 - Chronic plaque psoriasis. Treatment is approved when all of the",
                "following are met:",
                "   a.   Psoriasis covers at least 10% of body surface",
                "   b.   Methotrexate or phototherapy did not work",
                "Repeat dose for Use 1, approved when both apply:",
                "   a.   Body surface affected fell by half",
                "   b.   No serious infection since the last dose",
                "",
                "Use 2 - Psoriatic arthritis. Treatment is approved when all of the following",
                "are met:",
                "   a.   Three or more swollen joints",
                "   b.   One DMARD did not work",
            ]
        ],
    )
    read = _read(path)
    assert [name for name, _ in read] == ["Chronic plaque psoriasis", "Psoriatic arthritis"]
    assert [b[0] for b in read[0][1]] == ["initial", "continuation"]


def test_several_indications_each_named_by_a_condition_read_better_than_drug_names() -> None:
    from pipeline.policy.models import Branch, Indication, PolicyNode

    def ind(name: str, leaves: int, text: str = "y") -> Indication:
        kids = [PolicyNode(id=f"1.{k}", text=text, page=1) for k in range(leaves)]
        node = PolicyNode(id="1", text="x", page=1, op="all_of", children=kids)
        branch = Branch(request_type="any", node=node)  # type: ignore[arg-type]
        return Indication(id="1", name=name, text=name, page=1, branches=[branch])

    drugs = [ind("Rimegepant (Nurtec)", 3), ind("Atogepant (Qulipta)", 2)]
    named = [ind("Migraine (Rimegepant / Nurtec)", 3), ind("Migraine (Atogepant / Qulipta)", 2)]
    assert adds_criteria(named, drugs)
    # a notes list that only refuses is no indication the reading must match
    notes = ind("Notes", 2, "Gout without tophi is not funded.")
    assert adds_criteria(named, [*drugs[:1], ind("Chronic gout", 1), notes])
    # one indication renamed, or fewer indications than were read, is no better
    assert not adds_criteria(named[:1], drugs[:1])
    assert not adds_criteria(named[:1], drugs)


def test_a_heading_over_items_not_all_refusing_is_no_exclusion_list() -> None:
    from pipeline.policy.refusal_lead_ins import refused_items
    from pipeline.policy.verbatim import PageText

    notes = [
        Line(1, 0, "Notes", True),
        Line(1, 2, "- Gout without tophi is not funded."),
        Line(1, 2, "- Infusions are given in hospital."),
    ]
    pages = PageText(
        ["Notes - Gout without tophi is not funded. - Infusions are given in hospital."]
    )
    assert refused_items(notes, pages) == []
    refusing = [*notes[:2], Line(1, 2, "- Home infusion is not covered.")]
    assert [e.text for e in refused_items(refusing, pages)] == [
        "Gout without tophi is not funded.",
        "Home infusion is not covered.",
    ]


def test_other_words_of_funding_and_of_a_further_course() -> None:
    from pipeline.policy.grant_titles import _request_type
    from pipeline.policy.grant_words import grant_words

    assert grant_words("Treatment is funded when the patient meets all of the following:")
    assert grant_words("Dupilumab is subsidised for patients who meet these criteria:")
    assert not grant_words("Dupilumab is not subsidised for patients who meet these criteria:")
    assert _request_type("Subsequent application - (severe atopic dermatitis)") == "continuation"
    assert _request_type("A second course is approved when both apply:") == "continuation"
    assert _request_type("Repeat dosing for Use 1, approved when:") == "continuation"
