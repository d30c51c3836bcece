"""Layouts of the tenth synthetic batch's tune files (issue 25), as small made-up PDFs: a
checklist matrix whose uses are columns, marks in the cells and the logic only in a legend
(check_matrix.py); a coverage web page printed from a browser, its furniture dropped
(web_chrome.py), its statements "We cover X when the member has all of these:" over
bullets, a "Drug (Brand) for condition" heading naming the condition (section_names.py)."""

# ruff: noqa: E501  (the fixture policies are printed lines, as wide as a page)
from __future__ import annotations

from pathlib import Path

from pipeline.policy.check_matrix import legend
from pipeline.policy.compile import compile_policy
from pipeline.policy.section_names import defined_abbreviations, drug_for_condition, spell_out
from pipeline.policy.web_chrome import is_chrome
from tests.unit.test_policy_layouts_rows import _pdf, _shape

L, A, B = 50.0, 400.0, 480.0


def _header() -> list:
    return [[(L, "Requirement"), (A, "Use A"), (B, "Use B")], [(A, "Migraine"), (B, "Cluster")]]


def _matrix(tmp_path: Path) -> Path:
    return _pdf(
        tmp_path / "matrix.pdf",
        [
            [
                "NORTHGATE BENEFIT CHECKLIST  |  Headache preventives",
                "Column guide: Use A is chronic migraine prevention (ICD-10 G43.709); Use B is",
                "episodic cluster headache (G44.019). Renewals are approved for 12 months.",
                "",
                "Table 1 - New request (approval: 3 months)",
                *_header(),
                "",
                [(L, "At least 8 headache days a month for 3 months, counted"), (A, "R")],
                [(L, "in a headache diary")],
                [(L, "Two preventive drugs tried for 8 weeks each"), (A, "E")],
                "",
                [(L, "Preventive drugs cannot be used because of a heart condition"), (A, "E")],
                [(L, "At least one attack every other day during a cluster period"), (B, "R")],
                [(L, "Prescribed by a neurologist or headache clinic"), (A, "R"), (B, "R")],
                "",
                "",
                "Table 2 - Continued request (approval: 12 months)",
                *_header(),
                [(L, "Headache days fell by half since the start"), (A, "R")],
                [(L, "Attacks are fewer than before the start"), (B, "R")],
                [(L, "Still prescribed by a neurologist"), (A, "R"), (B, "R")],
                "",
                "Not covered",
                "- Use together with another drug of the same class",
                "",
                "R = must be met for the use in that column.  E = any one of the E rows in that column is enough.",
            ]
        ],
    )


def test_a_checklist_matrix_gives_each_column_a_tree_by_its_legend(tmp_path: Path) -> None:
    tree = compile_policy(_matrix(tmp_path), source_id="m" * 64, title="Matrix")
    names = [(i.name, i.icd10) for i in tree.indications]
    assert names == [
        ("chronic migraine prevention", ["G43.709"]),
        ("episodic cluster headache", ["G44.019"]),
    ]
    migraine, cluster = tree.indications
    new, renew = migraine.branches
    assert (new.request_type, new.approval) == ("initial", "3 months")
    assert (renew.request_type, renew.approval) == ("continuation", "12 months")
    assert _shape(new.node) == (
        "all_of",
        [
            "At least 8 headache days a month for 3 months, counted in a headache diary",
            (
                "any_of",
                [
                    "Two preventive drugs tried for 8 weeks each",
                    "Preventive drugs cannot be used because of a heart condition",
                ],
            ),
            "Prescribed by a neurologist or headache clinic",
        ],
    )
    assert _shape(cluster.branches[0].node) == (
        "all_of",
        [
            "At least one attack every other day during a cluster period",
            "Prescribed by a neurologist or headache clinic",
        ],
    )
    assert _shape(cluster.branches[1].node) == (
        "all_of",
        ["Attacks are fewer than before the start", "Still prescribed by a neurologist"],
    )
    assert all(n.verified for i in tree.indications for b in i.branches for n in b.node.nodes())
    assert [e.text for e in tree.exclusions] == ["Use together with another drug of the same class"]


def test_a_legend_says_which_marks_are_required_and_which_one_of() -> None:
    text = "X = required for the use in that column. O = at least one of the rows marked O. Blank = does not apply."
    assert legend(text) == {"X": ("all_of", 0), "O": ("any_of", 1)}
    # marks that mean neither, or no required mark at all: no matrix
    assert legend("O = one of the rows marked O") == {}
    assert legend("Part B: the member must be 18") == {"B": ("all_of", 0)}


def test_a_table_of_marks_without_a_legend_is_no_matrix(tmp_path: Path) -> None:
    path = _pdf(
        tmp_path / "plain.pdf",
        [
            [
                "Table 1 - New request",
                *_header(),
                [(L, "Prescribed by a neurologist"), (A, "R"), (B, "R")],
            ]
        ],
    )
    tree = compile_policy(path, source_id="p" * 64, title="Plain")
    assert not any(i.id.startswith("M") for i in tree.indications)


def _web(tmp_path: Path) -> Path:
    return _pdf(
        tmp_path / "web.pdf",
        [
            [
                "3/4/26, 2:05 PM          Migraine drugs | Drug coverage | Eastshore Health",
                "EASTSHORE HEALTH",
                "Skip to content   Members   Providers   Search   Log in",
                "Home > Providers > Drug coverage > Neurology",
                "Print this page  |  Email  |  Share          Updated: January 5, 2026",
                "",
                "Lanorizumab (Brandix) for chronic migraine",
                "First approval (6 months). We cover lanorizumab when the member has all of these:",
                "-    At least 15 headache days a month",
                "-    Two other preventives tried, shown by one of these:",
                "          o    pharmacy claims for both",
                "          o    chart notes naming both",
                "-    A prescription from a neurologist",
                "Renewal (12 months). We keep covering lanorizumab when the member has all of these:",
                "-    Headache days down by half",
                "-    No other drug of its class",
                "",
                "What we don't cover",
                "-    Episodic tension headache",
                "",
                "Was this page helpful?  Yes  No",
                "\u00a9 2026 Eastshore Health. Privacy  |  Terms",
                "https://www.eastshore.example/providers/coverage/migraine          1/1",
            ]
        ],
    )


def test_a_printed_web_page_reads_its_statements_without_its_furniture(tmp_path: Path) -> None:
    tree = compile_policy(_web(tmp_path), source_id="w" * 64, title="Web")
    assert [i.name for i in tree.indications] == ["chronic migraine"]
    first, renewal = tree.indications[0].branches
    assert (first.request_type, renewal.request_type) == ("initial", "continuation")
    assert _shape(first.node)[1] == [
        "At least 15 headache days a month",
        ("any_of", ["pharmacy claims for both", "chart notes naming both"]),
        "A prescription from a neurologist",
    ]
    assert _shape(renewal.node)[1] == ["Headache days down by half", "No other drug of its class"]
    assert [e.text for e in tree.exclusions] == ["Episodic tension headache"]
    for furniture in ("Skip to", "Home >", "Print this page", "helpful", "https"):
        assert furniture not in tree.scope


def test_browser_and_site_furniture_lines() -> None:
    assert is_chrome("12/2/25, 9:14 AM Some page | Site")
    assert is_chrome("https://www.example.org/a/b 2/3")
    assert is_chrome("Home > Members > Pharmacy")
    assert is_chrome("Print | Email | Share")
    assert is_chrome("© 2024 Some Plan. Privacy | Terms")
    assert not is_chrome("Home infusion is covered when the member has all of these:")
    assert not is_chrome("12 months of therapy")


def test_a_drug_for_condition_heading_names_the_condition_and_abbreviations_spell_out() -> None:
    assert drug_for_condition("Lanorizumab (Brandix) for chronic migraine") == "chronic migraine"
    assert drug_for_condition("Chronic migraine (adults)") is None
    defined = defined_abbreviations("Paroxysmal nocturnal hemoglobinuria (PNH) drugs")
    assert defined == {"PNH": "Paroxysmal nocturnal hemoglobinuria"}
    assert spell_out("adult PNH", defined) == "adult paroxysmal nocturnal hemoglobinuria (PNH)"
    assert spell_out("paroxysmal nocturnal hemoglobinuria (PNH)", defined).count("PNH") == 1


def test_a_web_page_is_the_policy_for_the_drug_its_section_headings_name(tmp_path: Path) -> None:
    from pipeline.policy.match import policy_for
    from tests.unit.test_policy_references import _case

    tree = compile_policy(_web(tmp_path), source_id="w" * 64, title="Web")
    assert "lanorizumab" not in (tree.title + tree.scope).lower()
    case = _case("chronic migraine", 40, "initial", [])
    case.requested_treatment.drug = "Brandix (lanorizumab) 100 mg"
    found, why = policy_for(case, [tree])
    assert found is tree and "indications" in why


def test_a_spelled_out_name_folds_back_to_the_printed_one() -> None:
    from pipeline.policy.section_names import fold_back

    defined = defined_abbreviations("Chronic kidney disease (CKD) stages 3-5.")
    spelled = spell_out("Anemia of CKD", defined)
    assert spelled == "Anemia of chronic kidney disease (CKD)"
    assert fold_back(spelled, defined) == "Anemia of CKD"
    # a name printed with its long form already is left as it is
    assert spell_out("Anemia of chronic kidney disease (CKD)", defined).count("(CKD)") == 1
    # several texts (a tree's names and criteria, match.py): each read apart, the first wins
    texts = ("Diabetic", "kidney disease (DKD)", "Diabetic kidney disease (DKD)")
    assert defined_abbreviations(*texts) == {"DKD": "kidney disease"}
