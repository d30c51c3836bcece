"""A person confirms a policy's tree (issue 25, item 5) and a tree edited in the store does
not decide (issue 27, item 2): versioned confirmed trees with who and when, every node found
on its page, keyed seals on compiled and confirmed trees, the CLI, and the worksheet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cases import load_case
from pipeline.models import Document
from pipeline.policy import confirm as C
from pipeline.policy.decide import apply_policy
from pipeline.policy.edit import Edit, EditError, apply_edit, find_node
from pipeline.policy.library import compiled_tree, load_trees, tree_for, tree_path
from pipeline.policy.models import PolicyTree
from tests.conftest import HashingEmbedder, InMemoryStore

CASES = Path(__file__).resolve().parents[2] / "corpus" / "cases"


@pytest.fixture
def own_store(session_settings, corpus_pdfs: Path, tmp_path: Path):  # noqa: ANN201
    """The sample corpus in a store of this test's own (confirmations must not reach the
    session's store), with the sample policy declared by the operator."""
    from pipeline.executors import InlineExecutor
    from pipeline.runtime import Pipeline

    settings = session_settings.model_copy(
        update={"home": tmp_path / "home", "store": tmp_path / "store"}
    )
    store = InMemoryStore(settings.store_path, HashingEmbedder())
    with Pipeline.open(settings, store=store) as pipeline:
        pipeline.ingest([corpus_pdfs], executor=InlineExecutor())
        pipeline.ingest(
            [corpus_pdfs / "sample-ivig-policy.pdf"], executor=InlineExecutor(), policy=True
        )
    return store, settings


def _policy(store) -> Document:  # noqa: ANN001
    return next(d for d in store.documents() if d.doc_type == "policy" and d.declared)


def _decide(store, settings, case: str = "ivig-jia.yaml"):  # noqa: ANN001, ANN202
    trees = load_trees(store.path, store.documents(), home=settings.home)
    return apply_policy(load_case(CASES / case), trees, llm=None)


def _attack(data: dict, ages: bool = False) -> dict:
    """What the attacker of issue 27 did to the cached JSON: exclusions gone, the first
    indication pointed at M08 (the JIA case's code), every leaf of it an age rule."""
    data["exclusions"] = []
    ind = data["indications"][0]
    ind["icd10"] = ["M08.00-M08.99"]

    def leaves(node: dict) -> None:
        if node["op"] == "leaf":
            node["kind"], node["fields"] = "age", {"op": "≥", "years": 1}
            if ages:  # the words too: an age rule decides only a criterion of age alone
                node["text"] = "Patient is 1 year of age or older"
        for child in node["children"]:
            leaves(child)

    for branch in ind["branches"]:
        leaves(branch["node"])
    return data


# --- issue 27, item 2: a tampered policy cache decides ----------------------------------


def test_a_compiled_tree_edited_in_the_store_does_not_decide(own_store) -> None:
    store, settings = own_store
    doc = _policy(store)
    assert _decide(store, settings).verdict == "not_medically_necessary"
    path = tree_path(store.path, doc.source_id)
    tampered = _attack(json.loads(path.read_text()), ages=True)
    # The attack is real: this tree, were it believed, approves the JIA request.
    forged = PolicyTree.model_validate(tampered)
    case = load_case(CASES / "ivig-jia.yaml")
    assert apply_policy(case, [forged], llm=None).verdict == "medically_necessary"
    path.write_text(json.dumps(tampered))
    # Loaded again, the file fails its keyed digest and the PDF is compiled again.
    decision = _decide(store, settings)
    assert decision.verdict == "not_medically_necessary"
    assert decision.exclusions and "M08.00 to M08.99" in decision.exclusions[0].text
    assert json.loads(path.read_text())["exclusions"], "the cache was rewritten"


def test_a_cache_without_its_digest_or_under_another_key_is_compiled_again(
    own_store, tmp_path: Path
) -> None:
    store, settings = own_store
    doc = _policy(store)
    path = tree_path(store.path, doc.source_id)
    path.write_text(json.dumps(_attack(json.loads(path.read_text()))))
    path.with_suffix(".mac").unlink()
    assert compiled_tree(store.path, doc, home=settings.home).exclusions
    # A seal made with another home's key (the attacker's) does not verify either.
    forged = _attack(json.loads(path.read_text()))
    path.write_text(json.dumps(forged))
    from pipeline.policy import integrity

    other = integrity.load_key(tmp_path / "attacker-home")
    mac = integrity.digest(other, "compiled", doc.source_id, path.read_bytes())
    path.with_suffix(".mac").write_text(mac)
    assert compiled_tree(store.path, doc, home=settings.home).exclusions


def test_the_key_lives_in_the_home_readable_by_its_owner_only(own_store) -> None:
    store, settings = own_store
    key = settings.home / "keys" / "policy.key"
    assert key.exists() and oct(key.stat().st_mode & 0o777) == "0o600"
    assert not str(key).startswith(str(store.path))


# --- confirmation ------------------------------------------------------------------------


def test_confirm_versions_who_and_when_and_the_review_says_so(own_store) -> None:
    store, settings = own_store
    doc = _policy(store)
    before = _decide(store, settings, "ivig-sle.yaml")
    assert before.tree_status == "unconfirmed" and before.tree_version == 0
    tree = tree_for(store.path, doc, home=settings.home)
    assert tree.tree_status == "unconfirmed"
    record = C.confirm(store.path, doc, tree, "Dana Reviewer", settings.home, base_version=0)
    assert record["version"] == 1 and record["based_on"].startswith("compiled")
    decision = _decide(store, settings, "ivig-sle.yaml")
    assert decision.tree_status == "confirmed" and decision.tree_version == 1
    assert decision.confirmed_by == "Dana Reviewer" and decision.confirmed_at
    assert decision.verdict == before.verdict  # the same tree, now confirmed

    # A second confirmation, with a node dropped, is version 2; version 1 is kept.
    fixed = apply_edit(tree_for(store.path, doc, home=settings.home), Edit("drop", "0.0.0"))
    C.confirm(store.path, doc, fixed, "Lee QA", settings.home, base_version=1, note="dup")
    assert C.versions(store.path, doc.source_id) == [1, 2]
    assert C.read_version(store.path, doc.source_id, 1, settings.home)["confirmed_by"] == (
        "Dana Reviewer"
    )
    now = tree_for(store.path, doc, home=settings.home)
    assert now.version == 2 and now.confirmed_by == "Lee QA"
    assert [h["version"] for h in C.history(store.path, doc.source_id, settings.home)] == [2, 1]
    # Confirming from version 1 again is stale: never a silent overwrite of version 2.
    with pytest.raises(C.StaleVersion, match="version 2 was confirmed since"):
        C.confirm(store.path, doc, fixed, "Dana", settings.home, base_version=1)


def test_a_fix_not_on_its_page_is_refused_with_the_node_page_and_file(own_store) -> None:
    store, settings = own_store
    doc = _policy(store)
    tree = tree_for(store.path, doc, home=settings.home)
    node = find_node(tree, "0.0.0")
    wrong = apply_edit(
        tree, Edit("save", "0.0.0", text="The member is at least 2 years old", page=node.page)
    )
    with pytest.raises(C.ConfirmError) as caught:
        C.confirm(store.path, doc, wrong, "Dana", settings.home)
    reason = caught.value.reasons[0]
    assert node.id in reason and f"page {node.page}" in reason
    assert "sample-ivig-policy.pdf" in reason
    assert C.versions(store.path, doc.source_id) == []  # nothing stored
    # An ICD-10 code the policy does not print is refused too.
    ind = tree.indications[0]
    coded = apply_edit(tree, Edit("save", "indication:0", icd10="L40.50"))
    with pytest.raises(C.ConfirmError, match="ICD-10 L40.50 is not printed on page"):
        C.confirm(store.path, doc, coded, "Dana", settings.home)
    assert ind.icd10  # the original kept its codes


def test_a_confirmed_tree_reads_criteria_from_their_text_not_from_the_json(own_store) -> None:
    """A leaf turned into an age rule in the JSON stays what its words say."""
    store, settings = own_store
    doc = _policy(store)
    data = _attack(tree_for(store.path, doc, home=settings.home).model_dump(mode="json"))
    data["indications"][0]["icd10"] = (
        tree_for(store.path, doc, home=settings.home).indications[0].icd10
    )
    C.confirm(store.path, doc, PolicyTree.model_validate(data), "Dana", settings.home)
    tree = tree_for(store.path, doc, home=settings.home)
    kinds = {leaf.kind for b in tree.indications[0].branches for leaf in b.node.leaves()}
    assert "age" not in kinds and all(
        leaf.verified for leaf in tree.indications[0].branches[0].node.leaves()
    )


def test_a_tampered_confirmed_tree_is_withheld_not_rolled_back(own_store) -> None:
    store, settings = own_store
    doc = _policy(store)
    tree = tree_for(store.path, doc, home=settings.home)
    C.confirm(store.path, doc, tree, "Dana", settings.home, base_version=0)
    C.confirm(store.path, doc, tree, "Dana", settings.home, base_version=1)
    path = C.folder(store.path, doc.source_id) / "v2.json"
    record = json.loads(path.read_text())
    record["tree"] = _attack(record["tree"])
    path.write_text(json.dumps(record))
    decision = _decide(store, settings)
    assert decision.verdict == "insufficient_information"
    assert "failed its integrity check" in decision.rule
    # v2 renamed v3 (its seal names its version) does not verify either.
    path.rename(path.with_name("v3.json"))
    assert _decide(store, settings).verdict == "insufficient_information"
    assert "withheld" in tree_for(store.path, doc, home=settings.home).model_dump_json()
    # Deleting it, to fall back on version 1, is noticed: the home recorded version 2.
    path.with_name("v3.json").unlink()
    decision = _decide(store, settings)
    assert decision.verdict == "insufficient_information"
    assert "version 2 was confirmed here but the store holds up to version 1" in decision.rule
    # A person checks the compiler's reading again and confirms: it decides again.
    again = C.restart_from_compiled(store.path, doc, settings.home)
    C.confirm(store.path, doc, again, "Lee QA", settings.home, base_version=again.version)
    decision = _decide(store, settings)
    assert decision.verdict == "not_medically_necessary" and decision.confirmed_by == "Lee QA"


# --- fixes -------------------------------------------------------------------------------


def test_fixes_text_logic_n_drop_add_move(own_store) -> None:
    store, settings = own_store
    tree = tree_for(store.path, _policy(store), home=settings.home)
    root = find_node(tree, "1.0")  # the sample's thrombocytopenia: ALL of (ONE of (a, b), ii)
    group = next(i for i, c in enumerate(root.children) if c.op != "leaf")
    path = f"1.0.{group}"
    g = find_node(tree, path)
    t = apply_edit(tree, Edit("save", path, op="at_least", n=1))
    assert find_node(t, path).op == "at_least" and find_node(t, path).n == 1
    with pytest.raises(EditError, match="cannot be met"):
        apply_edit(tree, Edit("save", path, op="at_least", n=len(g.children) + 1))
    with pytest.raises(EditError, match="drop or move them first"):
        apply_edit(tree, Edit("save", path, op="leaf"))
    t = apply_edit(tree, Edit("add", path, text="a new item", page=2))
    assert find_node(t, path).children[-1].id.startswith(g.id + ".+")
    t = apply_edit(tree, Edit("drop", f"{path}.0"))
    assert len(find_node(t, path).children) == len(g.children) - 1
    first, second = g.children[0].id, g.children[1].id
    t = apply_edit(tree, Edit("down", f"{path}.0"))
    assert [c.id for c in find_node(t, path).children][:2] == [second, first]
    with pytest.raises(EditError, match="already first"):
        apply_edit(tree, Edit("up", f"{path}.0"))
    leaf = next(i for i, c in enumerate(root.children) if c.op == "leaf")
    t = apply_edit(tree, Edit("move", f"1.0.{leaf}", into=path))
    assert find_node(t, path).children[-1].id == root.children[leaf].id
    with pytest.raises(EditError, match="is inside"):
        apply_edit(
            tree, Edit("move", path, into=f"{path}.0" if g.children[0].op != "leaf" else path)
        )
    with pytest.raises(EditError, match="no node"):
        apply_edit(tree, Edit("drop", "9.9.9"))
    assert find_node(tree, path).op == g.op  # the original is never changed


# --- CLI -----------------------------------------------------------------------------------


def test_cli_export_fix_confirm(own_store, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from pipeline.cli import app
    from pipeline.sources.store import MANIFEST, FileManifest

    store, settings = own_store
    docs = {d.source_id: d for d in store.documents()}
    FileManifest(store.path / MANIFEST).save(docs, list(docs), [])  # what the CLI reads
    monkeypatch.setenv("NECESSITY_HOME", str(settings.home))
    runner = CliRunner()
    doc = _policy(store)
    out = runner.invoke(app, ["policy", "export", doc.source_id[:12], "--store", str(store.path)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["tree_status"] == "unconfirmed"
    data["indications"][0]["branches"][0]["node"]["children"][0]["text"] = "not in the policy"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    args = ["policy", "confirm", doc.source_id[:12], "--store", str(store.path)]
    out = runner.invoke(app, [*args, "--tree", str(bad), "--by", "Dana"])
    assert out.exit_code != 0 and "is not on page" in out.output
    good = tmp_path / "tree.json"
    good.write_text(
        runner.invoke(
            app, ["policy", "export", doc.source_id[:12], "--store", str(store.path)]
        ).output
    )
    out = runner.invoke(app, [*args, "--tree", str(good), "--by", "Dana"])
    assert out.exit_code == 0 and "as version 1 by Dana" in out.output, out.output
    listed = runner.invoke(app, ["policy", "list", "--store", str(store.path)]).output
    assert "confirmed v1 by Dana" in listed


def test_markdown_worksheet_says_whether_the_tree_was_confirmed(own_store) -> None:
    from pipeline.policy.models import PolicyDecision
    from pipeline.render import tree_status_words

    store, settings = own_store
    unconfirmed = _decide(store, settings)
    assert tree_status_words(unconfirmed).startswith("UNCONFIRMED")
    confirmed = PolicyDecision.model_validate(
        unconfirmed.model_dump()
        | {
            "tree_status": "confirmed",
            "confirmed_by": "Dana",
            "tree_version": 2,
            "confirmed_at": "2026-12-06T07:00:00+00:00",
        }
    )
    assert tree_status_words(confirmed).startswith("confirmed by Dana")
