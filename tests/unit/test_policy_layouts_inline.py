"""Layouts of the sixth synthetic batch's classes (issue 25), as small made-up fixtures: a
branch-column table whose name cells hold code lines, connectors opening items, logic
written inside a sentence, indentation-only items, a band's lead-in naming its branch, and
a continuation statement that cites the sections it serves."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pipeline.policy.diagnoses import _heading_indications
from pipeline.policy.indications import coded_name
from pipeline.policy.inline_logic import expand_inline
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item, Line, outline
from pipeline.policy.renewal_statements import add_continuation, cited, continues
from pipeline.policy.table import read_tables
from pipeline.policy.table_tree import _table_indications
from pipeline.policy.verbatim import PageText

TABLE = [
    "Condition                          Initial authorization criteria                   Reauthorization criteria",
    "",
    "Grey river disease,                •   Adult with grey river disease; AND               •   No progression; AND",
    "relapsing, ferritin-                •   Ferritin above 500 ng/mL; AND                    •   No toxicity",
    "positive                           •   AND Prior trial of a chelator                    Approve for 12 months.",
    "ICD-10: D75.1-D75.9,               AND",
    "E83.1                              •   No other chelator",
    "                                   Approve for 6 months.",
    "",
    "Blue lake syndrome                 •   Confirmed blue lake syndrome; AND                •   Symptoms improved",
    "ICD-10: Q87.8                      •   Prescribed by a hematologist",
]


def test_a_name_cell_holds_its_wrapped_lines_and_an_icd_line() -> None:
    rows, _ = read_tables([TABLE])
    names = [r.subject for r in rows]
    assert names == [
        "Grey river disease, relapsing, ferritin- positive ICD-10: D75.1-D75.9, E83.1",
        "Blue lake syndrome ICD-10: Q87.8",
    ]
    problems: list[str] = []
    pages = PageText(["\n".join(TABLE)])
    first, second = _table_indications(rows, pages, problems)
    assert first.icd10 == ["D75.1-D75.9", "E83.1"]
    assert first.name.startswith("Grey river disease")
    assert second.name == "Blue lake syndrome" and second.icd10 == ["Q87.8"]
    initial = next(b for b in first.branches if b.request_type == "initial")
    texts = [x.text for x in initial.node.leaves()]
    # "• AND Prior trial ...": the connector opens the item, no words of it; the approval
    # line is the branch's length, no criterion
    assert "Prior trial of a chelator" in texts
    assert all("Approve" not in t for t in texts)
    # every item states "AND": no problem that the table states no logic
    assert not any("states no other logic" in p for p in problems)


def test_adjacent_names_stay_rows_of_their_own_where_no_blank_line_spaces_rows() -> None:
    table = [
        "Condition                          Criteria",
        "Radiation necrosis of the          When the member is symptomatic",
        "brain",
        "Small Bowel                        BOTH of the following:",
        "Adenocarcinoma                         1.   Member has advanced or metastatic disease",
        "                                       2.   Used with a platinum regimen",
    ]
    rows, _ = read_tables([table])
    assert [r.subject for r in rows] == [
        "Radiation necrosis of the brain",
        "Small Bowel Adenocarcinoma",
    ]


def _item(text: str) -> Item:
    item = Item("num", "1", text, 1, 0, "")
    expand_inline(item)
    return item


def _shape(item: Item) -> object:
    if not item.children:
        return item.text
    return (item.text, [(_shape(c), c.joined) for c in item.children])


def test_a_criterion_and_an_either_or_in_one_sentence() -> None:
    item = _item(
        "The member is 6 years of age or older and either (a) is a child whose growth plates are open, "
        "or (b) is an adult with bone pain or fractures;"
    )
    first, group = item.children
    assert first.text == "The member is 6 years of age or older" and first.joined == "AND"
    assert [c.text for c in group.children] == [
        "is a child whose growth plates are open",
        "is an adult with bone pain or fractures",
    ]
    assert group.children[0].joined == "OR"


def test_labelled_parts_with_an_unlabelled_either_inside() -> None:
    item = _item(
        "The diagnosis is supported by (i and ii): (i) a low fasting serum phosphorus for age; and "
        "(ii) either a pathogenic variant in the member, or a raised hormone level in the blood;"
    )
    assert item.text == "The diagnosis is supported by (i and ii):"
    low, either = item.children
    assert low.text == "a low fasting serum phosphorus for age"
    assert either.text == "either"
    assert [c.text for c in either.children] == [
        "a pathogenic variant in the member",
        "a raised hormone level in the blood",
    ]


def test_a_lead_in_over_semicolon_parts_and_a_trailing_sentence() -> None:
    item = _item(
        "Continued treatment is medically necessary when all of the following are met: the member met "
        "the criteria in Section 1 when treatment started; the serum level has risen since the start; "
        "and the member has improved, shown by at least one of (i) less bone pain, (ii) healing of "
        "old fractures, or (iii) better walking or growth. A member new to the plan is reviewed here."
    )
    assert item.text.endswith("all of the following are met:")
    assert [c.text for c in item.children[:2]] == [
        "the member met the criteria in Section 1 when treatment started",
        "the serum level has risen since the start",
    ]
    improved = item.children[2]
    assert improved.text == "the member has improved, shown by at least one of"
    assert [c.text for c in improved.children] == [
        "less bone pain",
        "healing of old fractures",
        "better walking or growth",
    ]
    assert item.notes == ["A member new to the plan is reviewed here"]


def test_a_sentence_with_no_stated_logic_stays_one_criterion() -> None:
    item = _item("The member has tried metformin; the member has tried a sulfonylurea")
    assert item.children == []


def _lines(rows: list[tuple[int, str]]) -> list[Line]:
    out, blank = [], True
    for indent, text in rows:
        if not text:
            blank = True
            continue
        out.append(Line(1, indent, text, blank, False))
        blank = False
    return out


def test_indentation_only_items_and_check_box_items_under_a_band() -> None:
    lines = _lines(
        [
            (
                0,
                "Exclusion Criteria: If the answer to ANY item below is met, the patient should not",
            ),
            (0, "receive the drug"),
            (6, "Severe disease of the liver"),
            (6, "MRI showing more than 4 microhemorrhages, or an area of"),
            (6, "superficial siderosis"),
            (6, "Unable to undergo MRI"),
            (0, ""),
            (0, "Inclusion Criteria: The answer to ALL of the following must be met"),
            (6, "1. The member is 2 years of age or older"),
            (6, "2. The tumor cannot be removed because one of the following applies:"),
            (16, "The tumor has not been found despite imaging"),
            (16, "The tumor was found but cannot be removed completely"),
            (6, "3. Prescribed by an endocrinologist"),
        ]
    )
    exclusion, inclusion = outline(lines)
    assert [c.text for c in exclusion.children] == [
        "Severe disease of the liver",
        "MRI showing more than 4 microhemorrhages, or an area of superficial siderosis",
        "Unable to undergo MRI",
    ]
    assert [c.label for c in inclusion.children] == ["1", "2", "3"]
    assert [c.text for c in inclusion.children[1].children] == [
        "The tumor has not been found despite imaging",
        "The tumor was found but cannot be removed completely",
    ]


def test_bands_name_the_branches_and_a_paragraph_names_the_condition() -> None:
    lines = _lines(
        [
            (0, ""),
            (0, "FDA Approval Information"),
            (
                0,
                "Zentrafib is approved for the treatment of grey river disease in adults, the studied group.",
            ),
            (0, ""),
            (0, "Inclusion Criteria: The answer to ALL of the following must be met"),
            (6, "1. Diagnosis of grey river disease"),
            (6, "2. Prescribed by a hematologist"),
            (0, "Approval Length: 6 months"),
            (0, ""),
            (
                0,
                "Renewal Criteria: The answer to ALL of the following must be met for continued use",
            ),
            (6, "1. No progression"),
            (6, "2. No toxicity"),
        ]
    )
    pages = PageText(["\n".join(x.text for x in lines)])
    (ind,) = _heading_indications(outline(lines), pages, [])
    assert ind.name == "grey river disease in adults"
    assert [b.approval for b in ind.branches] == ["6 months", None]
    kinds = {b.request_type: [x.text for x in b.node.leaves()] for b in ind.branches}
    assert kinds == {
        "initial": ["Diagnosis of grey river disease", "Prescribed by a hematologist"],
        "continuation": ["No progression", "No toxicity"],
    }


def test_a_trailing_icd_line_is_the_names_codes() -> None:
    assert coded_name("Prostate cancer, castration-resistant ICD-10: C61") == (
        "Prostate cancer, castration-resistant",
        ["C61"],
    )
    assert coded_name("Ovarian cancer ICD-10: C56.1-C56.9, C48.2") == (
        "Ovarian cancer",
        ["C56.1-C56.9", "C48.2"],
    )


def _indication(ind_id: str, name: str) -> Indication:
    node = PolicyNode(id=ind_id, text=name, page=1, children=[])
    return Indication(
        id=ind_id, name=name, text=name, page=1, branches=[Branch(request_type="any", node=node)]
    )


def test_a_continuation_statement_serves_the_sections_it_cites() -> None:
    inds = [
        _indication("3", "Section 1. Grey river disease"),
        _indication("4", "Section 2. Blue lake syndrome"),
        _indication("B", "Subcutaneous use for prevention is covered when"),
    ]
    both = Item(
        "para", "", "Continued treatment is covered when all of the following are met:", 2, 0, ""
    )
    both.children = [
        Item("inline", "", "the member met the criteria in Section 1 or Section 2", 2, 4, "")
    ]
    assert continues(both)
    assert cited(both, inds) == inds[:2]
    lettered = Item(
        "upper", "C", "Continued use is covered when the following criteria are met:", 2, 0, ""
    )
    lettered.children = [Item("num", "1", "The patient met the criteria in section B", 2, 4, "")]
    assert cited(lettered, inds) == inds[2:]
    renewal = _indication("5", "Continued treatment")
    add_continuation(inds[:2], renewal)
    for ind in inds[:2]:
        assert [b.request_type for b in ind.branches] == ["initial", "continuation"]
