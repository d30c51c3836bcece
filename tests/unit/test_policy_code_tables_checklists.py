"""Layouts read by the general readers, widened (issue 25): criteria tagged "(A1)" under a
code table's title, a branch named by its renewal words and term ("Continued coverage ...
(6 months at a time):"), a form's two-column check boxes between lines set across the page,
lead-ins ending in a full stop over a list right under them ("check every box."), sub-items'
logic stated in the lead-in ("box 3 is checked when 3a or 3b is"), and one title condition
treated with two drugs."""

from __future__ import annotations

from pathlib import Path

from pipeline.policy.code_table_rows import TERM_IN_PAREN, code_row
from pipeline.policy.columns import reading_order
from pipeline.policy.compile import compile_policy
from pipeline.policy.grant_lead_ins import grant_lead_in_indications
from pipeline.policy.list_labels import _marker, next_label, starts_list
from pipeline.policy.logic_notes import note_logic, sub_choice
from pipeline.policy.outline import Line
from pipeline.policy.verbatim import PageText
from tests.unit.test_policy_layouts_rows import _pdf, _shape


def test_tags_of_letters_and_a_number_are_markers() -> None:
    assert _marker("(A1)Member is 18 or older") == ("tag", "A1", "Member is 18 or older")
    assert _marker("[MG2] Prior steroid") == ("tag", "MG2", "Prior steroid")
    assert _marker("C3. No active infection") == ("tag", "C3", "No active infection")
    assert next_label("B1", "B2") and not next_label("B1", "C2") and not next_label("B1", "B3")
    assert starts_list("D1") and not starts_list("D2")
    # a question's label, and a vitamin in a sentence, are no markers
    assert _marker("Q2. When will the plan approve it?") is None
    assert _marker("B12 level is normal") is None


def test_criteria_under_a_code_table_name_its_title(tmp_path: Path) -> None:
    codes = 150.0
    path = _pdf(
        tmp_path / "codes.pdf",
        [
            [
                "Westbrook Health - Pharmacy Policy RX-310",
                "",
                "Find the member's code in Table M; the criteria under a table apply to its codes.",
                "",
                "Table M - Migraine prevention (erenumab, fremanezumab)",
                "",
                [(50.0, "ICD-10-CM"), (codes, "Description")],
                "",
                [(50.0, "G43.709"), (codes, "Chronic migraine without aura")],
                [(50.0, "G43.719"), (codes, "Chronic migraine without aura, intractable")],
                "",
                "Criteria that apply to every code in Table M (approve for 6 months):",
                " (M1)Member is 18 years of age or older",
                " (M2)At least 8 migraine days a month for 3 months",
                " (M3)Two preventive drugs were tried, either:",
                "       - topiramate for at least 8 weeks",
                "       - propranolol for at least 8 weeks",
                "Renewed coverage for Table M codes (12 months at a time):",
                " (M1)Fewer migraine days a month than before the drug",
                " (M2)No medication overuse headache",
            ]
        ],
    )
    tree = compile_policy(path, source_id="x", title="codes")
    (ind,) = tree.indications
    assert ind.name.startswith("Table M - Migraine prevention")
    assert ind.icd10 == ["G43.709", "G43.719"]
    first, renewal = ind.branches
    assert (first.request_type, first.approval) == ("initial", "6 months")
    assert (renewal.request_type, renewal.approval) == ("continuation", "12 months")
    assert _shape(first.node)[1] == [  # type: ignore[index]
        "Member is 18 years of age or older",
        "At least 8 migraine days a month for 3 months",
        ("any_of", ["topiramate for at least 8 weeks", "propranolol for at least 8 weeks"]),
    ]
    assert len(renewal.node.leaves()) == 2


def _row(left: str, right: str = "", at: int = 60) -> str:
    return f"{left:<{at}}{right}" if right else left


def test_a_forms_two_column_boxes_between_lines_across_the_page() -> None:
    across = (
        "Erenumab (Aimovig) - first request, approve 3 months: every numbered box must be checked."
    )
    page = [
        "MAPLE HEALTH - PRIOR AUTHORIZATION CHECKLIST",
        "",
        " PART 1 - ERENUMAB, FIRST REQUEST",
        across,
        _row("  1.   Member is 18 years of age or older", "4.  Prescribed by a neurologist"),
        _row("  2.   At least 8 migraine days a month", "5.  Not taking another CGRP drug"),
        _row("       for the last 3 months", "    at the same time"),
        _row("  3.   Two preventive drugs were tried", "6.  No pregnancy planned"),
        "",
        " PART 2 - ERENUMAB, RENEWAL",
        "Erenumab - renewal, approve 12 months: check each box below, each one required here.",
        _row("  1.   Fewer migraine days a month than before", "2.  No overuse headache seen"),
        _row("  3.   Still followed by the neurologist", "4.  Blood pressure checked each visit"),
        "",
        "Signature: ____________________   Date: ________   Fax to 1-800-555-0100 with chart notes",
    ]
    out = [x.strip() for x in reading_order(page) if x.strip()]
    first = out.index("1.   Member is 18 years of age or older")
    assert out[first - 2 : first] == ["PART 1 - ERENUMAB, FIRST REQUEST", across]
    assert out[first + 2 : first + 6] == [
        "for the last 3 months",
        "3.   Two preventive drugs were tried",
        "4.  Prescribed by a neurologist",
        "5.  Not taking another CGRP drug",
    ]
    renewal = out.index("1.   Fewer migraine days a month than before")
    assert out[renewal + 2] == "2.  No overuse headache seen"
    # a page set in one column is left as printed
    assert reading_order([across, "  1.   Member is 18", "  2.   Prior drug"]) == [
        across,
        "  1.   Member is 18",
        "  2.   Prior drug",
    ]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(1, 0 if t[:1].isupper() else 2, t.strip()) for t in texts]


def test_full_stop_lead_ins_over_a_list_and_two_drugs_for_one_condition() -> None:
    texts = [
        "Chronic migraine - erenumab and onabotulinumtoxinA",
        "Erenumab (Aimovig) - first request, approve 3 months: tick every box below.",
        "  1. Member is 18 years of age or older",
        "  2. At least 15 headache days a month",
        "  3. Preventive drug tried:",
        "    3a. topiramate for at least 8 weeks",
        "    3b. propranolol for at least 8 weeks",
        "Erenumab - renewal, approve 12 months: check each box.",
        "  1. Fewer headache days a month than before",
        "  2. No medication overuse headache",
        "OnabotulinumtoxinA (Botox) - first request, approve 6 months: tick every box"
        " (box 2 is checked when 2a or 2b is).",
        "  1. Member is 18 years of age or older",
        "  2. Preventive drug tried:",
        "    2a. topiramate for at least 8 weeks",
        "    2b. amitriptyline for at least 8 weeks",
        "Remember to sign the form.",
    ]
    lines = _lines(texts)
    pages = PageText(["\n".join(texts)])
    read = grant_lead_in_indications(lines, [texts], pages, [])
    assert read is not None
    first, second = read[0]
    assert (
        "Chronic migraine" in first.name and second.name == "Chronic migraine - OnabotulinumtoxinA"
    )
    assert [(b.request_type, b.approval) for b in first.branches] == [
        ("initial", "3 months"),
        ("continuation", "12 months"),
    ]
    assert [len(b.node.leaves()) for b in first.branches] == [4, 2]
    (botox,) = second.branches
    assert _shape(botox.node) == (
        "all_of",
        [
            "Member is 18 years of age or older",
            ("any_of", ["topiramate for at least 8 weeks", "amitriptyline for at least 8 weeks"]),
        ],
    )


def test_sub_items_joined_by_a_connector_give_their_items_logic() -> None:
    assert sub_choice("box 4 is checked when 4a or 4b is") == ("any_of", 1)
    assert sub_choice("item 2 needs 2a, 2b and 2c") == ("all_of", 0)
    assert sub_choice("see 2a or 3b") is None  # two items' sub-items: no one item's logic
    assert sub_choice("every numbered box must be checked") is None
    lead = "Approve 6 months: check every box (box 3 is checked when 3a or 3b is)."
    assert note_logic([lead], ["1", "2", "3"]) == {"3": ("any_of", 1)}


def test_code_rows_and_terms_in_a_parenthesis() -> None:
    assert code_row("T40.2X5A  Adverse effect of other opioids") == ["T40.2X5A"]
    assert code_row("K59.04 Chronic idiopathic constipation") == ["K59.04"]
    assert code_row("Member is 18 or older") == [] and code_row("G43 migraine") == []
    term = TERM_IN_PAREN.search("Continued coverage (6 months at a time):")
    assert term is not None and term.group(1) == "6 months"
    assert TERM_IN_PAREN.search("Symptoms (for at least 3 months):") is None


def test_any_verb_of_approval_and_a_typed_term_lead_in() -> None:
    texts = [
        "Plaque psoriasis",
        "The fund will grant 16 weeks of lumorex for plaque psoriasis when both of these hold:",
        "  a) Member is 18 years of age or older",
        "  b) A topical steroid was tried",
        "Renewed funding for plaque psoriasis (a further 12 months at a time):",
        "  a) Skin is clearer than before the drug",
        "  b) No serious infection",
    ]
    lines = _lines(texts)
    read = grant_lead_in_indications(lines, [texts], PageText(["\n".join(texts)]), [])
    assert read is not None
    (ind,) = read[0]
    assert [(b.request_type, b.approval, len(b.node.leaves())) for b in ind.branches] == [
        ("initial", "16 weeks", 2),
        ("continuation", "12 months", 2),
    ]


def test_side_by_side_cells_are_no_form_columns() -> None:
    # each column its own branch, its list starting at 1 (branch_columns.py reads these)
    page = [
        "Fairview Plan - Setmelanotide Coverage Policy - reviewed every year by the committee",
        _row("Initial authorization (4 months)", "Continuation (12 months)"),
        _row("1.   Patient is 2 years of age or older", "1.   Treated for at least 16 weeks"),
        _row("2.   Genetic testing shows a variant", "2.   Weight fell at least 5%"),
        _row("3.   Body mass index of 30 or more", "3.   Not used with another drug"),
        "Prescriber signature: ____________________   Date: ________   Fax with chart notes",
    ]
    assert reading_order(page) == page


def test_an_abbreviation_opening_a_wrapped_line_is_no_tag() -> None:
    assert _marker("(AQP4) antibody.") is None
    assert _marker("(PD1) inhibitor was tried") is None
    assert _marker("(B2) Prior steroid")[:2] == ("tag", "B2")  # type: ignore[index]
