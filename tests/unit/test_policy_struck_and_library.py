"""Layouts of revisions and workbooks (issue 25), made up here with other drugs, plans and
words: a redline whose deleted criteria are struck through (struck_text.py), headings
between dash rules (rule_headings.py), a highlights sheet's request-type sections over
run-in lead-ins (lead_in_sections.py, covered_use_lines.py), a marker alone on its line
(lone_markers.py), rules citing a code library by formula (code_library.py), trailing
section references "(2.1)" (section_refs.py). Near
cases: underlined (inserted) lines stay, "- OR -" stays, a glossary with no formulas is
no rule set, a renewal two conditions could own joins neither."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.code_library import library_indications, parse_codes
from pipeline.policy.compile import compile_policy
from pipeline.policy.covered_use_lines import use_lines
from pipeline.policy.layout_text import Line, layout_lines, raw_pages
from pipeline.policy.lead_in_sections import TERMED_RUN_IN, join_renewals, section_kinds
from pipeline.policy.lone_markers import join_lone_markers
from pipeline.policy.models import Branch, Indication, PolicyNode, PolicyTree
from pipeline.policy.rule_headings import undecorated, unruled
from pipeline.policy.section_refs import drop_section_refs
from pipeline.policy.struck_text import marks_deletions, struck_lines
from pipeline.policy.verbatim import PageText

# a printed line: its text, and how it is marked ("strike" by a stroked line, "bar" by a
# filled strip, "under" underlined); cells: [(x, text), ...]
Marked = tuple[str, str]


def _pdf(path: Path, lines: list[str | Marked | list[tuple[float, str]]]) -> Path:
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="letter")
    pdf.core_fonts_encoding = "windows-1252"  # the bullet "•"
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    y = 60.0
    for line in lines:
        if isinstance(line, list):
            for x, text in line:
                pdf.text(x, y, text)
        else:
            text, mark = (line, "") if isinstance(line, str) else line
            x = 50.0 if not text.startswith("   ") else 70.0
            text = text.strip()
            if text:
                pdf.text(x, y, text)
            width = pdf.get_string_width(text)
            if mark == "strike":
                pdf.line(x, y - 3.0, x + width, y - 3.0)
            elif mark == "bar":
                pdf.rect(x, y - 3.2, width, 0.5, style="F")
            elif mark == "rule":  # a box's rule across the page, through a heading
                pdf.line(x, y - 3.0, x + 480, y - 3.0)
            elif mark == "under":
                pdf.rect(x, y + 1.0, width, 0.5, style="F")
        y += 14
    pdf.output(str(path))
    return path


def _read(path: Path) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    tree = compile_policy(path, source_id="x", title=path.stem)
    return [
        (i.name, [(b.request_type, [x.text for x in b.node.leaves()]) for b in i.branches])
        for i in tree.indications
    ]


# --- struck-through text ------------------------------------------------------------------


def test_a_redline_reads_only_the_criteria_in_force(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "redline.pdf",
        [
            "Harbor Lane Health | Pharmacy Policy RX-7 - marked revision",
            "Deleted text is struck through; added text is underlined.",
            "",
            "Section 1 - Psoriatic arthritis",
            "1.1 Initial approval: 6 months. All of the following must be met:",
            ("   a. Diagnosis of active psoriatic arthritis by a rheumatologist.", ""),
            ("   b. Tender joint count of 5 or more.", "strike"),
            (
                "   b. Tender joint count of 3 or more and swollen joint count of 3 or more.",
                "under",
            ),
            ("   c. Member has tried methotrexate for 8 weeks without response.", "bar"),
            ("   c. Member has tried one conventional DMARD for 12 weeks without response.", ""),
            "1.2 Reauthorization: 12 months. Both of the following must be met:",
            ("   a. Fewer tender or swollen joints than at the start.", ""),
            ("   b. Member has had no serious infection on treatment.", ""),
            "",
            ("Section 2 - Not medically necessary", "rule"),
            ("   a. Use with another biologic.", ""),
        ],
    )
    read = _read(path)
    assert len(read) == 1
    name, branches = read[0]
    assert "Psoriatic arthritis" in name
    initial = dict(branches)["initial"]
    assert initial == [
        "Diagnosis of active psoriatic arthritis by a rheumatologist.",
        "Tender joint count of 3 or more and swollen joint count of 3 or more.",
        "Member has tried one conventional DMARD for 12 weeks without response.",
    ]
    assert len(dict(branches)["continuation"]) == 2
    # the heading a rule runs through, far past its words, is no deletion
    printed = [" ".join(x.split()) for x in raw_pages(path)[0]]
    assert "Section 2 - Not medically necessary" in printed
    assert "b. Tender joint count of 5 or more." not in printed


def test_only_a_document_speaking_of_deletions_is_looked_at_for_strikes() -> None:
    assert marks_deletions("Text struck through in red is deleted.")
    assert marks_deletions("REVISION - TRACKED CHANGES")
    assert not marks_deletions("Criteria for initial approval: all of the following.")


def test_struck_lines_drop_only_whole_lines_of_struck_text() -> None:
    lines = [
        "   c.  Old threshold of 2 g.",
        "   c.  New threshold of 1 g.",
        "Old threshold of 2 g. and more",
    ]
    # a marker apart, the line is the struck run: dropped; a line with more words stays
    assert struck_lines(lines, ["Old threshold of 2 g."]) == lines[1:]
    assert struck_lines(lines, []) == lines
    # each struck run matched once: the same words printed again in force stay
    twice = ["a. Same words.", "b. Same words."]
    assert struck_lines(twice, ["Same words."]) == ["b. Same words."]


# --- headings between rules ---------------------------------------------------------------


def test_a_heading_between_rules_is_its_words() -> None:
    assert undecorated("      ======= RENEWAL =======").strip() == "RENEWAL"
    assert undecorated("--------- NOT COVERED ---------").strip() == "NOT COVERED"
    # its place on the line kept (centred, as printed)
    assert undecorated("   ---- USES ----").index("USES") == "   ---- USES ----".index("USES")
    for kept in ["- OR -", "----------------", "--- 5 ---", "==== AND ----", "a -- b -- c"]:
        assert undecorated(kept) == kept
    # set apart at the margin: a title of its own, not words run on from the item above
    page = ["  • Use with nabilone (4)", "        ---- DOSAGE ----", "  • 5 mg daily"]
    assert unruled(page) == ["  • Use with nabilone (4)", "", "DOSAGE", "  • 5 mg daily"]


# --- a highlights sheet -------------------------------------------------------------------


def test_request_type_sections_over_run_in_lead_ins(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "highlights.pdf",
        [
            "HIGHLIGHTS OF PLAN COVERAGE",
            "These highlights do not include everything needed to review tapinarof requests.",
            "",
            "      ---------- COVERED USES ----------",
            "Tapinarof is a topical aryl hydrocarbon receptor agonist. The plan covers it for:",
            "• Use 1: Plaque psoriasis of the body in adults (1)",
            "• Use 2: Atopic dermatitis in children 2 years and older (2)",
            "      ---------- FIRST APPROVAL ----------",
            "Plaque psoriasis: approve up to 4 months when all apply:",
            "  • Psoriasis covers 3% to 20% of body surface area (2.1)",
            "  • A high-potency topical steroid failed after 4 weeks (2.1)",
            "Eczema in children: approve up to 3 months when all apply:",
            "  • Age 2 years or older (2.2)",
            "  • A medium-potency steroid or a calcineurin inhibitor failed (2.2)",
            "      ---------- RENEWAL ----------",
            "Psoriasis: 12 months when both apply:",
            "  • Affected body surface area has fallen (3.1)",
            "  • No skin atrophy at treated sites (3.1)",
            "Eczema: 6 more months when both apply:",
            "  • Itch and lesions improved (3.2)",
            "  • Still used at most once daily (3.2)",
            "      ---------- NOT COVERED ----------",
            "  • Use on the face or skin folds (4)",
            "  • Use with another topical biologic agent (4)",
        ],
    )
    tree = compile_policy(path, source_id="x", title="highlights")
    got = {
        i.name: [(b.request_type, len(b.node.leaves())) for b in i.branches]
        for i in tree.indications
    }
    assert got == {
        "Plaque psoriasis": [("initial", 2), ("continuation", 2)],
        "Eczema in children": [("initial", 2), ("continuation", 2)],
    }
    # the use line names the eczema indication the sheet's criteria name shorter
    eczema = next(i for i in tree.indications if i.name == "Eczema in children")
    assert "Atopic dermatitis" not in eczema.text  # shares too few words: left as it is
    psoriasis = next(i for i in tree.indications if i.name == "Plaque psoriasis")
    assert "Plaque psoriasis of the body in adults" in psoriasis.text
    assert [e.text[:20] for e in tree.exclusions][:2] == [
        "Use on the face or s",
        "Use with another top",
    ]


def test_termed_run_in_labels_and_section_kinds() -> None:
    assert TERMED_RUN_IN.match("AIDS wasting: 12 months when both apply:")
    assert TERMED_RUN_IN.match("Gout: up to 6 more months if all apply:")
    assert not TERMED_RUN_IN.match("Dosage: 12 mg twice daily")  # no term, no condition word
    assert not TERMED_RUN_IN.match("Note: 3 months of data were reviewed.")
    lines = [
        Line(1, 20, "INITIAL AUTHORIZATION"),
        Line(1, 0, "x"),
        Line(1, 20, "NOT COVERED"),
        Line(1, 0, "y"),
    ]
    assert section_kinds(lines) == ["initial", "initial", None, None]


def _ind(name: str, *kinds: str) -> Indication:
    node = PolicyNode(id="n", text="t", page=1)
    branches = [Branch(request_type=k, node=node) for k in kinds]  # type: ignore[arg-type]
    return Indication(id=name, name=name, text=name, page=1, branches=branches)


def test_a_short_named_renewal_joins_the_one_condition_holding_its_words() -> None:
    out = join_renewals(
        [_ind("AIDS-related anorexia", "initial"), _ind("AIDS anorexia", "continuation")]
    )
    assert [(i.name, len(i.branches)) for i in out] == [("AIDS-related anorexia", 2)]
    # two conditions hold its words: it joins neither
    two = [
        _ind("Gout flares in adults", "initial"),
        _ind("Gout flares in children", "initial"),
        _ind("Gout flares", "continuation"),
    ]
    assert len(join_renewals(two)) == 3


def test_use_lines() -> None:
    text = "covers it only for:\n• Covered use 1.1: Nausea from cancer\nchemotherapy (1.1)\n• Covered use 1.2: Weight loss in AIDS (1.2)\nINITIAL"
    assert use_lines(text) == ["Nausea from cancer chemotherapy", "Weight loss in AIDS"]
    assert use_lines("We use 2 forms.") == []


def test_a_lone_marker_joins_its_text() -> None:
    lines = [Line(1, 3, "g."), Line(2, 8, "Prescriber is a rheumatologist.", True, True)]
    assert [x.text for x in join_lone_markers(lines)] == ["g. Prescriber is a rheumatologist."]
    # the next line another item, or back at the margin: no join
    assert len(join_lone_markers([Line(1, 3, "g."), Line(1, 3, "h. Next item.")])) == 2
    assert len(join_lone_markers([Line(1, 3, "g."), Line(1, 0, "Section 4")])) == 2


# --- a code library cited by formulas -----------------------------------------------------


def _workbook(path: Path, with_formulas: bool = True) -> Path:
    rule = [
        (50.0, "RA-1"),
        (110.0, "M05.79 Rheumatoid arthritis"),
        (300.0, "AGE18 + DX-RF + (MTX-12 or MTX-NO)" if with_formulas else "See the criteria"),
        (480.0, "6 months"),
    ]
    wrap = [(110.0, "with rheumatoid factor")]
    renew = [
        (50.0, "RA-1R"),
        (110.0, "Renewal of RA-1"),
        (300.0, "RESP & NOINF" if with_formulas else "See the criteria"),
        (480.0, "12 months"),
    ]
    return _pdf(
        path,
        [
            "Coastline Benefit Services - Rules workbook RW-9: JAK inhibitors",
            '"+" and "&" join codes that must all be met; "or" joins codes of which one is enough.',
            "",
            [(50.0, "Rule"), (110.0, "Condition"), (300.0, "Approve when"), (480.0, "Length")],
            rule,
            wrap,
            renew,
            "",
            [(50.0, "Code"), (130.0, "Definition")],
            [(50.0, "AGE18"), (130.0, "Member is 18 years of age or older.")],
            [(50.0, "DX-RF"), (130.0, "Rheumatoid arthritis is confirmed by a rheumatologist.")],
            [(50.0, "MTX-12"), (130.0, "Methotrexate was taken for 12 weeks without response.")],
            [(50.0, "MTX-NO"), (130.0, "Methotrexate cannot be taken because of liver disease.")],
            [(50.0, "RESP"), (130.0, "Fewer swollen joints than before treatment.")],
            [(50.0, "NOINF"), (130.0, "No serious infection since the last approval.")],
        ],
    )


def test_rules_citing_a_code_library_by_formula(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "workbook.pdf")
    tree = compile_policy(path, source_id="x", title="workbook")
    assert len(tree.indications) == 1
    ind = tree.indications[0]
    assert "Rheumatoid arthritis" in ind.name and "6 months" not in ind.name
    first, renewal = ind.branches
    assert (first.request_type, first.approval) == ("initial", "6 months")
    assert (renewal.request_type, renewal.approval) == ("continuation", "12 months")
    shape = [(c.op, c.text[:20]) for c in first.node.children]
    assert shape == [
        ("leaf", "Member is 18 years o"),
        ("leaf", "Rheumatoid arthritis"),
        ("any_of", "(MTX-12 or MTX-NO)"),
    ]
    assert [x.text[:20] for x in renewal.node.leaves()] == [
        "Fewer swollen joints",
        "No serious infection",
    ]


def test_a_glossary_with_no_formula_is_no_rule_set(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "glossary.pdf", with_formulas=False)
    raw = raw_pages(path)
    assert library_indications(layout_lines(raw), raw, PageText([""]), []) is None


def test_parse_codes() -> None:
    assert parse_codes(["A", "+", "B", "or", "C"]) == ("any_of", [("all_of", ["A", "B"]), "C"])
    assert parse_codes(["A", "&", "(", "B", "or", "C", ")"]) == (
        "all_of",
        ["A", ("any_of", ["B", "C"])],
    )
    assert parse_codes(["A", "+", "(", "B"]) is None  # unbalanced
    assert parse_codes(["A"]) is None  # one code: no formula


# --- trailing section references ----------------------------------------------------------


def _tree(*texts: str) -> PolicyTree:
    leaves = [PolicyNode(id=f"n{k}", text=t, page=1) for k, t in enumerate(texts)]
    root = PolicyNode(id="r", text="all apply:", page=1, op="all_of", children=leaves)
    ind = Indication(id="1", name="Gout", text="Gout", page=1, branches=[Branch(node=root)])
    return PolicyTree(source_id="x", file="x", title="x", compiler="t", indications=[ind])


def test_section_references_ending_most_criteria_are_dropped() -> None:
    tree = _tree(
        "Age 18 years or older (2.1)", "Two flares in 12 months (2.1)", "Urate above 6 mg/dL (2.1)"
    )
    drop_section_refs(tree)
    got = [x.text for x in tree.indications[0].branches[0].node.leaves()]
    assert got == ["Age 18 years or older", "Two flares in 12 months", "Urate above 6 mg/dL"]
    # the number a reference printed is no value of the criterion any more
    assert "2.1" not in str(tree.indications[0].branches[0].node.leaves()[0].fields)
    # one criterion ending in "(2)" among others: its own words, kept
    near = _tree(
        "Tried two of the drugs below (2)",
        "Urate above 6 mg/dL",
        "Two flares a year",
        "Age 18 or older",
    )
    drop_section_refs(near)
    assert near.indications[0].branches[0].node.leaves()[0].text.endswith("(2)")
