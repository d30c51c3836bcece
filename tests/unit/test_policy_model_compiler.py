"""policy.compiler: model (issue 25, item 6): a model proposes the tree, code keeps only what
is printed on the page each node names, the rules compiler is the fallback, and the tree is
confirmed like the rules compiler's. The default never asks a model for structure."""

# ruff: noqa: E501  (the fixture policy's lines are printed lines)
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from pipeline.cli.policy import format_tree
from pipeline.models import Case, Document
from pipeline.policy import confirm as C
from pipeline.policy import model_compiler as M
from pipeline.policy.compile import COMPILER_VERSION
from pipeline.policy.decide import apply_policy
from pipeline.policy.library import compiled_tree, tree_for, tree_summary
from pipeline.policy.models import PolicyDecision, PolicyNode, PolicyTree
from pipeline.render import tree_status_words
from pipeline.settings import Settings
from pipeline.sources.corpus import render_pdf
from pipeline.sources.ingest import IngestReport
from tests.fakes import FakeLLM, HashingEmbedder, InMemoryStore

_FILL = "\n\n".join(
    f"Zentrafib background paragraph {i}: the drug is a monoclonal antibody studied in several "
    "trials with results reported in journals over many years of follow up."
    for i in range(1, 31)
)
# Page 1: Grey River syndrome with its criteria; page 2: background, then the lead-in of
# Blue Lake disease; page 3: its criteria and the catch-all exclusion.
POLICY = f"""
# Policy statement

Prior authorization is required for Zentrafib (zentrafib injection). The plan covers it only for the indications below.

# Covered indications

1. Grey River syndrome (ICD-10 M35.81). Approve if the patient meets ONE of the following (A or B):
  A) Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i, ii, and iii):
    i. Patient is 12 years of age or older; AND
    ii. Patient meets at least TWO of the following (a, b, or c):
      a) C-reactive protein above the upper limit of normal; OR
      b) At least 3 swollen joints; OR
      c) Erosions on imaging; AND
    iii. The medication is prescribed by or in consultation with a rheumatologist.
  B) Patient is Currently Receiving Zentrafib. Approve for 1 year if the patient responded to therapy, as determined by the prescriber.

# Background

{_FILL}

# Other covered indications

2. Blue Lake disease. Approve for 3 months if the patient meets BOTH of the following (i and ii):
  i. Patient is at least 18 years old; AND
  ii. Patient has tried one corticosteroid.

# Conditions not covered

Zentrafib is considered experimental, investigational or unproven for any other use.
"""


def leaf(text: str, page: int) -> dict:
    return {"op": "leaf", "n": 1, "text": text, "page": page, "children": []}


def group(op: str, text: str, page: int, *children: dict, n: int = 1) -> dict:
    return {"op": op, "n": n, "text": text, "page": page, "children": list(children)}


def proposal(*, extra_leaf: dict | None = None, at_least: int = 2, blue_page: int = 2) -> dict:
    """What a strong model answers for POLICY (pages as printed unless told otherwise)."""
    initial = [
        leaf("Patient is 12 years of age or older", 1),
        group(
            "at_least",
            "Patient meets at least TWO of the following (a, b, or c):",
            1,
            leaf("C-reactive protein above the upper limit of normal", 1),
            leaf("At least 3 swollen joints", 1),
            leaf("Erosions on imaging", 1),
            n=at_least,
        ),
        leaf("The medication is prescribed by or in consultation with a rheumatologist.", 1),
    ]
    if extra_leaf:
        initial.append(extra_leaf)
    return {
        "indications": [
            {
                "name": "Grey River syndrome",
                "text": "Grey River syndrome (ICD-10 M35.81). Approve if the patient meets ONE of the following (A or B):",
                "page": 1,
                "icd10": ["M35.81"],
                "branches": [
                    {
                        "request_type": "initial",
                        "approval": "6 months",
                        "node": group(
                            "all_of",
                            "Initial Therapy. Approve for 6 months if the patient meets ALL of the following (i, ii, and iii):",
                            1,
                            *initial,
                        ),
                    },
                    {
                        "request_type": "continuation",
                        "approval": "1 year",
                        "node": leaf(
                            "Approve for 1 year if the patient responded to therapy, as determined by the prescriber.",
                            1,
                        ),
                    },
                ],
            },
            {
                "name": "Blue Lake disease",
                "text": "Blue Lake disease. Approve for 3 months if the patient meets BOTH of the following (i and ii):",
                "page": 2,
                "icd10": [],
                "branches": [
                    {
                        "request_type": "any",
                        "approval": "3 months",
                        "node": group(
                            "all_of",
                            "Approve for 3 months if the patient meets BOTH of the following (i and ii):",
                            2,
                            # printed on page 3: the list runs on past the page break
                            leaf("Patient is at least 18 years old", blue_page),
                            leaf("Patient has tried one corticosteroid.", blue_page),
                        ),
                    }
                ],
            },
        ],
        "exclusions": [
            {
                "name": "any other use",
                "text": "Zentrafib is considered experimental, investigational or unproven for any other use.",
                "page": 3,
                "catch_all": True,
            }
        ],
    }


@pytest.fixture(scope="module")
def policy_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model-policy") / "zentrafib.pdf"
    render_pdf({"title": "Zentrafib Policy"}, POLICY, path)
    return path


@pytest.fixture
def model_settings(settings: Settings) -> Settings:
    """compiler: model at a (never called) local endpoint named like the fake LLM."""
    return settings.model_copy(
        update={
            "policy": settings.policy.model_copy(update={"compiler": "model"}),
            "llm": settings.llm.model_copy(
                update={"base_url": "http://127.0.0.1:9/v1", "model": FakeLLM.model}
            ),
        }
    )


def _compile(pdf: Path, settings: Settings, llm: FakeLLM) -> PolicyTree:
    return M.compile_by_settings(
        pdf, source_id="s" * 64, title="Zentrafib", settings=settings, llm=llm
    )


def _walk(node: PolicyNode) -> list[PolicyNode]:
    return [node, *(n for c in node.children for n in _walk(c))]


def _texts(tree: PolicyTree) -> list[str]:
    return [n.text for i in tree.indications for b in i.branches for n in _walk(b.node)]


# --- the default ---------------------------------------------------------------------------


class NoModel(FakeLLM):
    def complete_json(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        raise AssertionError("the rules compiler called a model")


def test_the_default_compiles_by_rules_and_never_calls_a_model(
    settings: Settings, policy_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.policy.compiler == "rules"

    @contextmanager
    def no_llm(*args, **kwargs) -> Iterator[None]:  # noqa: ANN002, ANN003
        raise AssertionError("compiling opened a model")
        yield

    monkeypatch.setattr(M, "open_llm", no_llm)
    llm = NoModel()
    tree = _compile(policy_pdf, settings, llm)
    assert tree.compiler == COMPILER_VERSION
    assert tree.indications
    assert M.compiler_name(settings) == COMPILER_VERSION


# --- the checks ----------------------------------------------------------------------------


def test_a_proposal_is_kept_where_it_is_printed(model_settings: Settings, policy_pdf: Path) -> None:
    llm = FakeLLM([proposal()])
    tree = _compile(policy_pdf, model_settings, llm)
    assert len(llm.calls) == 1 and llm.calls[0]["name"] == "policy_tree"
    assert "=== page 3 ===" in llm.calls[0]["messages"][-1]["content"]
    assert tree.compiler == "model:fake-llm" and tree.tree_status == "unconfirmed"
    grey, blue = tree.indications
    assert grey.name == "Grey River syndrome" and grey.icd10 == ["M35.81"]
    initial, renewal = grey.branches
    assert (initial.request_type, initial.approval) == ("initial", "6 months")
    assert renewal.request_type == "continuation" and renewal.approval == "1 year"
    two = initial.node.children[1]
    assert (two.op, two.n, len(two.children)) == ("at_least", 2, 3)
    assert initial.node.n == 3
    assert initial.node.children[0].kind == "age"
    assert all(n.verified for n in _walk(initial.node))
    # Named page 2, printed on page 3 (the next one): moved to the page it is printed on.
    assert [c.page for c in blue.branches[0].node.children] == [3, 3]
    assert tree.exclusions[0].catch_all and tree.exclusions[0].page == 3
    assert not tree.problems, tree.problems


def test_a_criterion_the_policy_does_not_print_is_dropped(
    model_settings: Settings, policy_pdf: Path
) -> None:
    invented = leaf("Patient has failed two TNF inhibitors for at least 12 weeks", 1)
    tree = _compile(policy_pdf, model_settings, FakeLLM([proposal(extra_leaf=invented)]))
    assert "Patient has failed two TNF inhibitors for at least 12 weeks" not in _texts(tree)
    assert tree.indications[0].branches[0].node.n == 3
    assert any("TNF inhibitors" in p and p.startswith("page 1:") for p in tree.problems)


def test_a_criterion_printed_far_from_its_page_is_dropped(
    model_settings: Settings, policy_pdf: Path
) -> None:
    """Page 3 named, printed on page 1: not an adjacent page (a list's page break), so the
    model's page is wrong and the node goes, with where it is printed."""
    far = leaf("Patient is 12 years of age or older", 3)
    tree = _compile(policy_pdf, model_settings, FakeLLM([proposal(extra_leaf=far)]))
    assert [n.page for n in _walk(tree.indications[0].branches[0].node)].count(3) == 0
    assert any("not printed on page 3 (printed on page 1); dropped" in p for p in tree.problems), (
        tree.problems
    )


def test_a_criterion_cut_short_is_kept_and_flagged(
    model_settings: Settings, policy_pdf: Path
) -> None:
    """Printed, but not the whole criterion: "of age" where the page says "of age or older"."""
    reply = proposal()
    reply["indications"][0]["branches"][0]["node"]["children"][0]["text"] = (
        "Patient is 12 years of age"
    )
    tree = _compile(policy_pdf, model_settings, FakeLLM([reply]))
    assert "Patient is 12 years of age" in _texts(tree)
    assert any("may be cut short" in p and "“or older”" in p for p in tree.problems), tree.problems


def test_a_group_whose_lead_in_is_not_printed_goes_with_its_criteria(
    model_settings: Settings, policy_pdf: Path
) -> None:
    reply = proposal()
    reply["indications"][0]["branches"][0]["node"]["children"][1]["text"] = (
        "Patient meets two of these laboratory findings"
    )
    tree = _compile(policy_pdf, model_settings, FakeLLM([reply]))
    assert "At least 3 swollen joints" not in _texts(tree)
    assert any("dropped with the 3 criteria under it" in p for p in tree.problems)


def test_a_short_text_is_found_as_whole_words(model_settings: Settings, policy_pdf: Path) -> None:
    reply = proposal()
    reply["indications"][0]["branches"][0]["node"]["children"][1]["children"][2]["text"] = (
        "Erosions"
    )
    reply["indications"][0]["branches"][0]["node"]["children"][1]["children"][1]["text"] = "wollen"
    tree = _compile(policy_pdf, model_settings, FakeLLM([reply]))
    assert "Erosions" in _texts(tree) and "wollen" not in _texts(tree)


def test_at_least_more_than_its_items_is_a_problem(
    model_settings: Settings, policy_pdf: Path
) -> None:
    tree = _compile(policy_pdf, model_settings, FakeLLM([proposal(at_least=4)]))
    initial = tree.indications[0].branches[0].node
    assert [c.op for c in initial.children] == ["leaf", "leaf"]  # the group is dropped
    assert any("at least 4 of 3" in p for p in tree.problems), tree.problems


def test_an_unknown_logic_is_a_problem(model_settings: Settings, policy_pdf: Path) -> None:
    reply = proposal()
    reply["indications"][1]["branches"][0]["node"]["op"] = "none_of"
    tree = _compile(policy_pdf, model_settings, FakeLLM([reply]))
    assert [i.name for i in tree.indications] == ["Grey River syndrome"]
    assert any("'none_of'" in p for p in tree.problems)


def test_an_empty_result_is_the_rules_compilers_ingest_error(
    model_settings: Settings, policy_pdf: Path
) -> None:
    tree = _compile(policy_pdf, model_settings, FakeLLM([{"indications": [], "exclusions": []}]))
    assert tree.compiler == "model:fake-llm" and not tree.indications
    assert (
        tree.problems[-1] == "no indication with criteria found: the policy could not be structured"
    )


@pytest.mark.parametrize("reply", ["{not json", {"trees": []}], ids=["invalid-json", "not-a-tree"])
def test_no_usable_answer_falls_back_to_the_rules_compiler(
    model_settings: Settings, policy_pdf: Path, reply: object
) -> None:
    tree = _compile(policy_pdf, model_settings, FakeLLM([reply]))
    assert tree.compiler == COMPILER_VERSION and tree.indications
    assert tree.problems[0].startswith("model:fake-llm gave no usable tree")


def test_long_policies_go_a_window_of_whole_pages_at_a_time(
    model_settings: Settings, policy_pdf: Path
) -> None:
    small = model_settings.model_copy(
        update={"policy": model_settings.policy.model_copy(update={"compiler_window_tokens": 600})}
    )
    seen: list[str] = []

    def answer(messages: list[dict[str, str]], schema: dict) -> dict:
        text = messages[-1]["content"]
        seen.append(text)
        full = proposal()
        # each window answers what it prints (page 1: Grey River; the last: Blue Lake)
        if "=== page 1 ===" in text:
            return {"indications": full["indications"][:1], "exclusions": []}
        if "=== page 3 ===" in text:
            return {"indications": full["indications"][1:], "exclusions": full["exclusions"]}
        return {"indications": [], "exclusions": []}

    tree = _compile(policy_pdf, small, FakeLLM([answer] * 3))
    assert len(seen) == 3 and all(text.count("=== page") == 1 for text in seen)
    assert [i.name for i in tree.indications] == ["Grey River syndrome", "Blue Lake disease"]
    assert [i.id for i in tree.indications] == ["M1", "M2"]


# --- stored, exported and confirmed like the rules compiler's tree -------------------------


@pytest.fixture
def ingesting(
    session_settings: Settings,
    model_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Settings, FakeLLM]:
    """Settings for ingesting into tmp_path with compiler: model, and the fake every client
    the compiler opens is (queue its replies)."""
    llm = FakeLLM()

    @contextmanager
    def fake_open(settings: Settings, parallel: int = 1) -> Iterator[FakeLLM]:
        yield llm

    monkeypatch.setattr(M, "open_llm", fake_open)
    settings = session_settings.model_copy(
        update={
            "home": tmp_path / "home",
            "store": tmp_path / "store",
            "policy": model_settings.policy,
            "llm": model_settings.llm,
        }
    )
    return settings, llm


def _ingest(settings: Settings, store: InMemoryStore, pdf: Path, **options: bool) -> IngestReport:
    """``necessity ingest PDF --policy``: through the pipeline, which compiles the policy."""
    from pipeline.executors import InlineExecutor
    from pipeline.runtime import Pipeline

    with Pipeline.open(settings, store=store) as pipeline:
        return pipeline.ingest([pdf], executor=InlineExecutor(), policy=True, **options)


def test_a_model_tree_is_stored_unconfirmed_then_confirmed_by_a_person(
    ingesting: tuple[Settings, FakeLLM], policy_pdf: Path
) -> None:
    settings, llm = ingesting
    llm.queue(proposal())
    store = InMemoryStore(settings.store_path, HashingEmbedder())
    report = _ingest(settings, store, policy_pdf)
    assert not report.policy_errors, report.policy_errors
    doc = next(d for d in store.documents() if d.declared)
    assert len(llm.calls) == 1  # compiled at ingest, by the model

    # Read back without settings (a review, the web page): the stored model tree, no call.
    tree = tree_for(store.path, doc, home=settings.home)
    assert tree.compiler == "model:fake-llm" and tree.tree_status == "unconfirmed"
    assert tree_summary(tree)["compiler"] == "model:fake-llm"
    assert compiled_tree(store.path, doc, home=settings.home, settings=settings).compiler == (
        "model:fake-llm"
    )
    assert len(llm.calls) == 1

    # `policy export` > tree.json > `policy confirm --tree`: the same checks pass.
    exported = PolicyTree.model_validate_json(tree.model_dump_json())
    record = C.confirm(store.path, doc, exported, "qa reviewer", settings.home, base_version=0)
    assert record["based_on"] == "compiled (model:fake-llm)"
    confirmed = tree_for(store.path, doc, home=settings.home)
    assert confirmed.tree_status == "confirmed" and confirmed.confirmed_by == "qa reviewer"
    assert _texts(confirmed) == _texts(tree)


def test_the_embedded_models_window_and_answer_share_its_context(settings: Settings) -> None:
    assert settings.is_embedded_llm
    answer = M.answer_tokens(settings)
    assert answer <= settings.llm.n_ctx // 2
    assert 500 <= M.window_tokens(settings) <= settings.llm.n_ctx - answer
    assert M.llm_settings(settings).llm.max_tokens == answer


def test_eval_policies_can_measure_the_model_compiler(
    model_settings: Settings, policy_pdf: Path
) -> None:
    from pipeline.evals.policies import compile_for_eval

    by_model = compile_for_eval(None, None, model_settings, FakeLLM([proposal()]))
    assert by_model(policy_pdf).compiler == "model:fake-llm"
    assert compile_for_eval(None)(policy_pdf).compiler == COMPILER_VERSION


def test_eval_policies_refuses_an_unknown_compiler(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    env = {"NECESSITY_HOME": str(tmp_path / "home")}
    gold = Path(__file__).resolve().parents[2] / "evals" / "policies" / "gold"
    r = CliRunner().invoke(app, ["eval", "policies", str(gold), "--compiler", "llm"], env=env)
    assert r.exit_code == 2 and "expected rules or model" in r.output


# --- a tree the checks cut into does not decide until a person confirms it -------------------


def _case(dx: str, age: int) -> Case:
    return Case.model_validate(
        {
            "case_id": "c1",
            "patient": {"age": age},
            "diagnoses": [{"name": dx}],
            "requested_treatment": {"drug": "Zentrafib", "request_type": "initial"},
            "history": ["Requesting physician specialty: rheumatology."],
        }
    )


GREY_TOO_YOUNG = ("Grey River syndrome", 10)  # the age rule denies (page 1)
BLUE_TOO_YOUNG = ("Blue Lake disease", 15)  # the age rule denies (page 3)


def _stored(tmp_path: Path, settings: Settings, pdf: Path, reply: dict) -> tuple[Path, Document]:
    """The model's tree compiled and cached as ingest does, for a declared policy."""
    doc = Document(
        source_id="d" * 64, file=str(pdf), title="Zentrafib", doc_type="policy", declared="test"
    )
    store = tmp_path / "store"
    compiled_tree(store, doc, home=tmp_path / "home", settings=settings, llm=FakeLLM([reply]))
    return store, doc


def _review(store: Path, doc: Document, home: Path, case: tuple[str, int]) -> PolicyDecision:
    return apply_policy(_case(*case), [tree_for(store, doc, home=home)], llm=None)


def test_a_tree_with_dropped_criteria_abstains_on_that_indication_until_confirmed(
    model_settings: Settings, policy_pdf: Path, tmp_path: Path
) -> None:
    """An invented criterion in Grey River's all_of is dropped: the kept all_of asks less
    than the model read, so Grey River abstains; Blue Lake, untouched, decides."""
    invented = leaf("Patient has failed two TNF inhibitors for at least 12 weeks", 1)
    store, doc = _stored(tmp_path, model_settings, policy_pdf, proposal(extra_leaf=invented))
    home = tmp_path / "home"
    tree = tree_for(store, doc, home=home)
    assert tree.dropped == {"M1": 1} and not tree.cut_short

    d = _review(store, doc, home, GREY_TOO_YOUNG)
    assert d.verdict == "insufficient_information" and d.indication == "Grey River syndrome"
    assert d.rule == d.abstained
    assert d.rule.startswith(
        "policy tree compiled by model:fake-llm, 1 criteria dropped by the checks, unconfirmed"
    )
    assert "did not decide" in tree_status_words(d).lower() and d.abstained in tree_status_words(d)
    assert _review(store, doc, home, BLUE_TOO_YOUNG).verdict == "not_medically_necessary"
    assert "NOT DECIDING: indications M1 decide nothing until" in format_tree(tree)
    assert tree_summary(tree)["not_deciding"].startswith("indications M1 decide nothing")

    C.confirm(store, doc, tree, "qa reviewer", home, base_version=0)
    d = _review(store, doc, home, GREY_TOO_YOUNG)
    assert d.verdict == "not_medically_necessary" and d.tree_status == "confirmed"
    assert d.abstained is None
    assert tree_summary(tree_for(store, doc, home=home))["not_deciding"] is None


def test_a_criterion_cut_short_keeps_its_indication_from_deciding(
    model_settings: Settings, policy_pdf: Path, tmp_path: Path
) -> None:
    reply = proposal()
    reply["indications"][0]["branches"][0]["node"]["children"][0]["text"] = (
        "Patient is 12 years of age"
    )
    store, doc = _stored(tmp_path, model_settings, policy_pdf, reply)
    d = _review(store, doc, tmp_path / "home", GREY_TOO_YOUNG)
    assert d.verdict == "insufficient_information"
    assert "1 criteria flagged cut short" in d.rule


def test_a_dropped_exclusion_keeps_the_whole_tree_from_deciding(
    model_settings: Settings, policy_pdf: Path, tmp_path: Path
) -> None:
    """An exclusion gone would let an excluded use be approved: no indication decides."""
    reply = proposal()
    reply["exclusions"].append(
        {
            "name": "cosmetic",
            "text": "Zentrafib is not covered for cosmetic use.",
            "page": 3,
            "catch_all": False,
        }
    )
    store, doc = _stored(tmp_path, model_settings, policy_pdf, reply)
    assert tree_for(store, doc, home=tmp_path / "home").dropped == {"*": 1}
    d = _review(store, doc, tmp_path / "home", BLUE_TOO_YOUNG)
    assert d.verdict == "insufficient_information" and d.indication is None
    assert "1 criteria dropped by the checks" in d.rule


def test_a_model_tree_with_nothing_dropped_decides_unconfirmed(
    model_settings: Settings, policy_pdf: Path, tmp_path: Path
) -> None:
    store, doc = _stored(tmp_path, model_settings, policy_pdf, proposal())
    d = _review(store, doc, tmp_path / "home", GREY_TOO_YOUNG)
    assert d.verdict == "not_medically_necessary" and d.tree_status == "unconfirmed"
    assert d.abstained is None and "UNCONFIRMED" in tree_status_words(d)


def test_a_failing_endpoints_fallback_is_cached_until_asked_to_recompile(
    ingesting: tuple[Settings, FakeLLM], policy_pdf: Path
) -> None:
    """The rules compiler's tree stands in for a failed model compile, marked with what was
    tried: a re-ingest with the same settings takes it from the cache; --recompile asks
    the endpoint again; another endpoint is another attempt."""
    settings, llm = ingesting
    llm.queue("{not json", proposal())
    store = InMemoryStore(settings.store_path, HashingEmbedder())

    def run(**kwargs: bool) -> PolicyTree:
        _ingest(settings, store, policy_pdf, **kwargs)
        doc = next(d for d in store.documents() if d.declared)
        return compiled_tree(store.path, doc, home=settings.home)

    fallback = run()
    assert len(llm.calls) == 1 and fallback.compiler == COMPILER_VERSION
    assert fallback.fallback_for == M.attempt(settings)
    assert "--recompile asks the model again" in fallback.problems[0]
    assert run().fallback_for and len(llm.calls) == 1  # same settings: not asked again
    elsewhere = settings.model_copy(
        update={"llm": settings.llm.model_copy(update={"base_url": "http://127.0.0.1:8/v1"})}
    )
    by_rules = settings.model_copy(
        update={"policy": settings.policy.model_copy(update={"compiler": "rules"})}
    )
    assert not M.cached_ok(fallback, elsewhere)  # another attempt: the model is asked
    assert not M.cached_ok(fallback, by_rules)  # rules: its own tree, no model's problem
    assert M.cached_ok(fallback, None)  # a review takes what ingest compiled

    retried = run(recompile=True)
    assert len(llm.calls) == 2
    assert retried.compiler == "model:fake-llm" and retried.fallback_for is None
