"""The policy compiler on small hand-made policy PDFs: nesting, group logic, notes, lists
across page breaks, exclusions, verbatim pages and the fields read from criteria."""

# ruff: noqa: E501  (the fixture policies are printed lines, as long as a page is wide)
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.policy.compile import compile_policy
from pipeline.policy.models import PolicyNode, PolicyTree
from pipeline.sources.corpus import render_pdf
from pipeline.sources.parse import parse_pdf

POLICY = """
# Policy statement

Prior authorization is required for Zentrafib (zentrafib injection). The plan covers it only for the indications below.

# Covered indications

1. Grey River syndrome (ICD-10 M35.81). Approve if the patient meets ONE of the following (A or B):
  A) Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i, ii, iii, and iv):
    i. Patient is 12 years of age or older; AND
    ii. Patient meets ONE of the following (a or b):
      a) Patient has tried at least two other systemic therapies for at least 3 months; OR
      b) Patient has a contraindication to methotrexate; AND
    iii. Patient meets at least TWO of the following (a, b, or c):
      a) C-reactive protein above the upper limit of normal; OR
      b) At least 3 swollen joints; OR
      c) Erosions on imaging; AND
    iv. The medication is prescribed by or in consultation with a rheumatologist or a dermatologist.
  B) Patient is Currently Receiving Zentrafib. Approve for 1 year if the patient responded to therapy, as determined by the prescriber.
2. Blue Lake disease. Approve for 3 months if the patient meets BOTH of the following (i and ii):
  i. Patient is at least 18 years old; AND
  ii. Patient has tried one corticosteroid, for example prednisone or methylprednisolone.

# Conditions not covered

The plan considers Zentrafib experimental for the following conditions:

- Osteoarthritis (ICD-10 M15.0 to M19.93).
- Concurrent use with another biologic.

# Other uses

Zentrafib is considered experimental, investigational or unproven for any other use.
"""


def _pdf(tmp_path: Path, body: str, name: str = "policy.pdf") -> Path:
    path = tmp_path / name
    render_pdf({"title": "Zentrafib Prior Authorization Policy"}, body, path)
    return path


def _tree(path: Path) -> PolicyTree:
    return compile_policy(path, source_id="s" * 64, title="Zentrafib Prior Authorization Policy")


def _find(node: PolicyNode, node_id: str) -> PolicyNode:
    if node.id == node_id:
        return node
    for child in node.children:
        try:
            return _find(child, node_id)
        except KeyError:
            continue
    raise KeyError(node_id)


@pytest.fixture
def tree(tmp_path: Path) -> PolicyTree:
    return _tree(_pdf(tmp_path, POLICY))


def test_indications_branches_and_group_logic(tree: PolicyTree) -> None:
    assert [i.name for i in tree.indications] == [
        "Grey River syndrome (ICD-10 M35.81)",
        "Blue Lake disease",
    ]
    grey = tree.indications[0]
    assert grey.icd10 == ["M35.81"]
    assert [(b.request_type, b.approval) for b in grey.branches] == [
        ("initial", "6 months"),
        ("continuation", "1 year"),
    ]
    initial = grey.branches[0].node
    assert initial.op == "all_of" and [c.id for c in initial.children] == [
        "1.A.i",
        "1.A.ii",
        "1.A.iii",
        "1.A.iv",
    ]
    assert _find(initial, "1.A.ii").op == "any_of"
    at_least = _find(initial, "1.A.iii")
    assert (at_least.op, at_least.n, len(at_least.children)) == ("at_least", 2, 3)
    # A policy with no A/B split is one branch that applies to any request.
    blue = tree.indications[1]
    assert [b.request_type for b in blue.branches] == ["any"]
    assert blue.branches[0].node.op == "all_of" and len(blue.branches[0].node.children) == 2


def test_criterion_fields(tree: PolicyTree) -> None:
    initial = tree.indications[0].branches[0].node
    age = _find(initial, "1.A.i")
    assert (age.kind, age.fields) == ("age", {"op": "≥", "years": 12})
    tried = _find(initial, "1.A.ii.a")
    assert tried.kind == "prior_therapy"
    assert tried.fields["count"] == 2 and tried.fields["months"] == 3
    prescriber = _find(initial, "1.A.iv")
    assert prescriber.fields == {"specialties": ["rheumatologist", "dermatologist"]}
    steroid = tree.indications[1].branches[0].node.children[1]
    assert steroid.fields["drugs"] == ["corticosteroid", "prednisone", "methylprednisolone"]


def test_every_node_is_verbatim_on_its_page(tree: PolicyTree, tmp_path: Path) -> None:
    pages = parse_pdf(_pdf(tmp_path, POLICY, "again.pdf"))
    compact = [p.text.replace(" ", "") for p in pages]
    nodes = [n for i in tree.indications for b in i.branches for n in _all(b.node)]
    assert nodes and all(n.verified for n in nodes)
    for node in nodes:
        assert node.text.replace(" ", "") in compact[node.page - 1], node.id
    # The trailing "; AND" is logic, not criterion text.
    assert not any(n.text.endswith(("AND", "OR")) for n in nodes)


def _all(node: PolicyNode) -> list[PolicyNode]:
    return [node, *(x for c in node.children for x in _all(c))]


def test_exclusions_and_catch_all(tree: PolicyTree) -> None:
    named = [x for x in tree.exclusions if not x.catch_all]
    assert [x.name for x in named] == [
        "Osteoarthritis (ICD-10 M15.0 to M19.93)",
        "Concurrent use with another biologic",
    ]
    assert named[0].icd10 == ["M15.0-M19.93"]
    catch_all = [x for x in tree.exclusions if x.catch_all]
    assert len(catch_all) == 1 and "any other use" in catch_all[0].text
    assert tree.problems == []


def test_a_list_runs_on_across_a_page_break(tmp_path: Path) -> None:
    items = "\n".join(
        f"    {r}. Patient has finding number {k}; AND"
        for k, r in enumerate(["iv", "v", "vi", "vii", "viii", "ix", "x"], 4)
    )
    body = POLICY.replace("    iv. The medication", items + "\n    xi. The medication").replace(
        "(i, ii, iii, and iv)", "(i, ii, iii, iv, v, vi, vii, viii, ix, x, and xi)"
    )
    for n in range(20, 60):  # enough background that the list straddles two pages
        filler = "\n\n".join(f"Background paragraph {i} about the drug." for i in range(n))
        tree = _tree(_pdf(tmp_path, body.replace("# Covered", f"{filler}\n\n# Covered")))
        initial = tree.indications[0].branches[0].node
        if len({c.page for c in _all(initial)}) >= 2:
            break
    else:
        pytest.fail("no filler length put the list across a page break")
    assert len(initial.children) == 11 and initial.children[-1].kind == "prescriber"
    assert all(c.verified for c in _all(initial))


def test_a_bulleted_policy_reads_its_stem(tmp_path: Path) -> None:
    body = """
# Criteria

Zentrafib is medically necessary for Grey River syndrome (ICD-10 M35.81) when all of the following are documented:

- The diagnosis is confirmed by a rheumatologist.
- The patient is 18 years of age or older.
"""
    tree = _tree(_pdf(tmp_path, body))
    (indication,) = tree.indications
    node = indication.branches[0].node
    assert node.op == "all_of" and [c.kind for c in node.children] == ["diagnosis", "age"]


def test_a_policy_without_structure_says_so(tmp_path: Path) -> None:
    tree = _tree(_pdf(tmp_path, "# Notes\n\nThis plan reviews each request on its own merits."))
    assert tree.indications == []
    assert any("could not be structured" in p for p in tree.problems)


# Two other layouts payers use, in our own words: initial and continuation criteria as
# separate top-level sections with lettered indications ("I. / A. / 1."), and prose stems
# with nested bullets whose items end in lower-case "and" / "or".
SECTIONED = """
# Coverage criteria

I. Criteria for Initial Approval
  A. Grey River syndrome: Authorization of 6 months may be granted for members with Grey River syndrome when ALL of the following criteria are met:
    1. The member is 18 years of age or older; and
    2. The member had an inadequate response to at least two conventional agents; and
    3. The medication is prescribed by or in consultation with a rheumatologist.
  B. Blue Lake disease: Authorization of 3 months may be granted for members with Blue Lake disease when the member has tried prednisone.
II. Continuation of Therapy
  A. Grey River syndrome: Authorization of 12 months may be granted for members with Grey River syndrome who are experiencing benefit from therapy as shown by fewer swollen joints.
"""

BULLETED = """
# Coverage rationale

Zentrafib is proven and medically necessary for the treatment of Grey River syndrome when all of the following criteria are met:

- Diagnosis of moderate to severe Grey River syndrome; and
- One of the following:
  o History of failure of a topical agent; or
  o Contraindication to all topical agents; and
- Prescribed by a dermatologist.
"""


def test_a_sectioned_policy_gives_request_typed_indications(tmp_path: Path) -> None:
    tree = _tree(_pdf(tmp_path, SECTIONED))
    names = [(i.name, i.request_type) for i in tree.indications]
    assert names == [
        ("Grey River syndrome", "initial"),
        ("Blue Lake disease", "initial"),
        ("Grey River syndrome", "continuation"),
    ]
    first = tree.indications[0]
    node = first.branches[0].node
    assert first.branches[0].approval == "6 months"
    assert node.op == "all_of" and [c.kind for c in node.children] == [
        "age",
        "prior_therapy",
        "prescriber",
    ]
    assert node.children[1].fields["count"] == 2


def test_a_bulleted_policy_with_nested_bullets(tmp_path: Path) -> None:
    tree = _tree(_pdf(tmp_path, BULLETED))
    (indication,) = tree.indications
    node = indication.branches[0].node
    assert node.op == "all_of" and len(node.children) == 3
    middle = node.children[1]
    assert middle.op == "any_of" and len(middle.children) == 2
    assert not any(c.text.endswith(("and", "or")) for c in _all(node))


def test_the_request_type_picks_the_section(tmp_path: Path) -> None:
    from pipeline.models import Case
    from pipeline.policy.decide import apply_policy

    tree = _tree(_pdf(tmp_path, SECTIONED))

    def case(request_type: str) -> Case:
        return Case.model_validate(
            {
                "case_id": "c",
                "patient": {"age": 30},
                "diagnoses": [{"name": "Grey River syndrome"}],
                "requested_treatment": {"drug": "Zentrafib", "request_type": request_type},
            }
        )

    assert apply_policy(case("initial"), [tree], None).indication_id == "I.A"
    assert apply_policy(case("continuation"), [tree], None).indication_id == "II.A"
    bulleted = _tree(_pdf(tmp_path, BULLETED, "b.pdf"))
    assert bulleted.indications[0].branches[0].node.children[2].kind == "prescriber"
