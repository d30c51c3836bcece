"""Compiled policy trees against gold trees (docs: notes GOLD_SCHEMA, evals/README).

Per policy and overall:
- indication recall: gold indications that some compiled indication names (its name or an
  alias, as words; or most of the gold name's words), in its name or its opening text;
- indication named: the stricter reading a review's matcher makes: the compiled indication's
  *name* (not its text) shares most of its condition words with the gold name or an alias,
  or its ICD-10 codes hold one the gold lists (a branch titled "Initial Therapy" over an
  "Asthma" paragraph is found by recall but named by nothing a case could match);
- leaf recall and precision on the labelled indications: gold leaves (first words as
  printed) found as the normalized prefix of a compiled leaf, one to one, in the compiled
  branch (of a matching indication, same request type or "any") holding most of them;
  precision over the leaves of those branches;
- leaf recall anywhere: gold leaves found as some compiled leaf of any indication or branch,
  one to one; it tells a list read right under a wrong or unnamed indication (leaf recall
  low, this high) from a list not read at all;
- logic accuracy: for each gold group of two or more children, the compiled group holding
  the compiled leaves its criteria matched (their lowest common ancestor) has the same
  operator and n (``at_least`` n = all children reads as all_of, n = 1 as any_of).
A gold group none of whose criteria were found counts as wrong.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import NecessityError
from pipeline.evals.policy_gold import GoldError, load_gold, locate_pdf  # noqa: F401  (re-exported)
from pipeline.policy.fields import code_in
from pipeline.policy.match import condition_words
from pipeline.policy.models import Indication, PolicyNode, PolicyTree
from pipeline.ports import LLM
from pipeline.settings import Settings

SPLITS = ("tune", "holdout")
_MARKER = re.compile(
    r"^\s*(?:\(?[0-9]{1,2}[.)]|\(?[a-zA-Z]{1,4}[.)]|\([0-9a-zA-Z]{1,4}\)|[•●·▪■o◦-])\s+"
)
_CONNECTOR = re.compile(r"[;,]?\s*(?:-\s*)?\b(?:and|or)\b\s*-?\s*$", re.I)
_STOPWORDS = {"of", "the", "and", "or", "with", "in", "for", "a", "an", "to", "other"}


def norm(text: str) -> str:
    """Lowercase, punctuation ignored, whitespace collapsed (the gold's matching rule); NFKC
    first, so a compiler that folds compatibility characters (the micro sign to mu, the "fi"
    ligature to "fi") still matches the text as printed."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("'", "")
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def leaf_key(text: str) -> str:
    """A leaf's text without its marker and trailing connector, normalized."""
    text = _MARKER.sub("", text.strip())
    return norm(_CONNECTOR.sub("", text))


# --- matching ------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w for w in norm(text).split() if w not in _STOPWORDS]


def _names(gold_ind: dict[str, Any]) -> list[str]:
    return [n for n in [gold_ind["name"], *gold_ind.get("aliases", [])] if norm(n)]


def names_indication(gold_ind: dict[str, Any], ind: Indication) -> bool:
    """The compiled indication names the gold one: a gold name or alias appears in it as
    whole words, the compiled name appears in the gold name, or it holds at least 80% of
    the words of the gold name or of an alias (a word printed between them, "chronic
    systolic (congestive) heart failure", or the drug the gold name adds in a parenthesis
    does not unname it)."""
    hay = f" {norm(ind.name)} {norm(ind.text[:300])} "
    compiled = norm(ind.name)
    have = set(_words(ind.name)) | set(_words(ind.text[:300]))
    for name in _names(gold_ind):
        if f" {norm(name)} " in hay:
            return True
        if len(compiled) >= 5 and f" {compiled} " in f" {norm(name)} ":
            return True
        want = set(_words(name))  # an alias of one word must appear as itself (above)
        if want and (len(want) >= 2 or name == gold_ind["name"]):
            if len(want & have) >= 0.8 * len(want):
                return True
    return False


def matcher_names(gold_ind: dict[str, Any], ind: Indication) -> bool:
    """The compiled indication's name, as the case matcher reads it (policy.match), names the
    gold indication: half its condition words or two of them shared with a gold name or
    alias, or a gold ICD-10 code inside one of its codes."""
    target = condition_words(ind.name)
    for name in _names(gold_ind):
        shared = target & condition_words(name)
        if shared and (len(shared) >= 0.5 * len(target) or len(shared) >= 2):
            return True
    starts = [spec.split("-", 1)[0] for spec in gold_ind.get("icd10", [])]
    return any(code_in(code, spec) for code in starts for spec in ind.icd10)


def _gold_leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "leaf" in node:
        return [node]
    return [leaf for c in node["children"] for leaf in _gold_leaves(c)]


def _gold_groups(node: dict[str, Any]) -> list[dict[str, Any]]:
    if "leaf" in node:
        return []
    return [node, *(g for c in node["children"] for g in _gold_groups(c))]


def leaf_matches(gold_text: str, compiled_text: str) -> bool:
    g, c = leaf_key(gold_text), leaf_key(compiled_text)
    if not g or not c:
        return False
    return c.startswith(g) or (g.startswith(c) and len(c) >= 0.8 * len(g))


def _normal_op(op: str, n: int, size: int) -> tuple[str, int]:
    if op == "at_least" and n >= size:
        return "all_of", 0
    if op == "at_least" and n == 1 or op == "any_of":
        return "any_of", 0
    if op == "all_of":
        return "all_of", 0
    return op, n


@dataclass
class _Parents:
    """Each compiled node's ancestry (ids from the branch root down)."""

    paths: dict[int, list[PolicyNode]] = field(default_factory=dict)

    def add(self, node: PolicyNode, above: list[PolicyNode]) -> None:
        here = [*above, node]
        self.paths[id(node)] = here
        for c in node.children:
            self.add(c, here)

    def lca(self, nodes: list[PolicyNode]) -> PolicyNode | None:
        paths = [self.paths[id(n)] for n in nodes]
        common = None
        for level in zip(*paths, strict=False):
            if all(x is level[0] for x in level):
                common = level[0]
            else:
                break
        return common


def _branch_kinds(key: str) -> set[str]:
    return {key, "any"}


@dataclass
class PolicyScore:
    file: str
    split: str
    publisher: str = ""
    compiled_indications: int = 0
    gold_indications: int = 0
    matched_indications: int = 0
    named_indications: int = 0
    labelled_indications: int = 0
    gold_leaves: int = 0
    matched_leaves: int = 0
    compiled_leaves: int = 0
    precise_leaves: int = 0
    anywhere_leaves: int = 0
    # per gold branch: the leaves of its compiled counterpart, and how many are its own (an
    # initial request judged by a branch that also holds the renewal criteria is wrong)
    branch_leaves: int = 0
    branch_precise: int = 0
    groups: int = 0
    logic_correct: int = 0
    problems: int = 0
    error: str = ""
    missed_indications: list[str] = field(default_factory=list)
    missed_leaves: list[str] = field(default_factory=list)
    wrong_logic: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.compiled_indications == 0

    def row(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "split": self.split,
            "publisher": self.publisher,
            **rates(self),
            "compiled_indications": self.compiled_indications,
            "gold_indications": self.gold_indications,
            "matched_indications": self.matched_indications,
            "named_indications": self.named_indications,
            "labelled_indications": self.labelled_indications,
            "gold_leaves": self.gold_leaves,
            "matched_leaves": self.matched_leaves,
            "compiled_leaves": self.compiled_leaves,
            "precise_leaves": self.precise_leaves,
            "anywhere_leaves": self.anywhere_leaves,
            "branch_leaves": self.branch_leaves,
            "branch_precise": self.branch_precise,
            "groups": self.groups,
            "logic_correct": self.logic_correct,
            "problems": self.problems,
            "empty": self.empty,
            "error": self.error,
            "missed_indications": self.missed_indications,
            "missed_leaves": self.missed_leaves[:30],
            "wrong_logic": self.wrong_logic[:30],
        }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def rates(s: PolicyScore) -> dict[str, float | None]:
    return {
        "indication_recall": _ratio(s.matched_indications, s.gold_indications),
        "indication_named": _ratio(s.named_indications, s.gold_indications),
        "leaf_recall": _ratio(s.matched_leaves, s.gold_leaves),
        "leaf_precision": _ratio(s.precise_leaves, s.compiled_leaves),
        "leaf_recall_anywhere": _ratio(s.anywhere_leaves, s.gold_leaves),
        "branch_precision": _ratio(s.branch_precise, s.branch_leaves),
        "logic_accuracy": _ratio(s.logic_correct, s.groups),
    }


def score_policy(gold: dict[str, Any], tree: PolicyTree) -> PolicyScore:
    """One compiled tree against its gold tree."""
    s = PolicyScore(
        file=gold["file"],
        split=gold.get("split", "tune"),
        publisher=gold.get("publisher", ""),
        compiled_indications=len(tree.indications),
        gold_indications=len(gold["indications"]),
        problems=len(tree.problems),
    )
    for g in gold["indications"]:
        matched = [ind for ind in tree.indications if names_indication(g, ind)]
        if matched:
            s.matched_indications += 1
        else:
            s.missed_indications.append(f"{g['name']} (p. {g.get('page', '?')})")
        if any(matcher_names(g, ind) for ind in tree.indications):
            s.named_indications += 1
        keys = [k for k in ("initial", "continuation") if k in g]
        if not keys:
            continue
        s.labelled_indications += 1
        precise: set[int] = set()
        counted: set[int] = set()
        for key in keys:
            gold_leaves = _gold_leaves(g[key])
            # The compiled branch that holds most of the gold branch's criteria is its
            # counterpart (a condition may be named by more than one compiled indication).
            best: tuple[int, PolicyNode | None, dict[int, PolicyNode]] = (-1, None, {})
            for ind in matched:
                for b in ind.branches:
                    if b.request_type in _branch_kinds(key):
                        pairs = _match_leaves(gold_leaves, b.node.leaves())
                        if len(pairs) > best[0]:
                            best = (len(pairs), b.node, pairs)
            _, root, pairs = best
            if root is not None:
                counted.update(id(x) for x in root.leaves())
                s.branch_leaves += len(root.leaves())
                s.branch_precise += len(pairs)
            s.gold_leaves += len(gold_leaves)
            s.matched_leaves += len(pairs)
            precise.update(id(x) for x in pairs.values())
            s.missed_leaves.extend(
                f"{g['name']}/{key}: {leaf['leaf'][:60]} (p. {leaf.get('page', '?')})"
                for leaf in gold_leaves
                if id(leaf) not in pairs
            )
            parents = _Parents()
            if root is not None:
                parents.add(root, [])
            _score_logic(g[key], pairs, parents, s, f"{g['name']}/{key}")
        s.compiled_leaves += len(counted)
        s.precise_leaves += len(precise)
    every = [leaf for ind in tree.indications for b in ind.branches for leaf in b.node.leaves()]
    wanted = [
        leaf
        for g in gold["indications"]
        for k in ("initial", "continuation")
        if k in g
        for leaf in _gold_leaves(g[k])
    ]
    s.anywhere_leaves = len(_match_leaves(wanted, every))
    return s


def _match_leaves(gold: list[dict[str, Any]], compiled: list[PolicyNode]) -> dict[int, PolicyNode]:
    """id(gold leaf) → its compiled leaf, one to one, in reading order."""
    used: set[int] = set()
    out: dict[int, PolicyNode] = {}
    for leaf in gold:
        for node in compiled:
            if id(node) not in used and leaf_matches(leaf["leaf"], node.text):
                out[id(leaf)] = node
                used.add(id(node))
                break
    return out


def _score_logic(
    root: dict[str, Any],
    pairs: dict[int, PolicyNode],
    parents: _Parents,
    s: PolicyScore,
    where: str,
) -> None:
    for group in _gold_groups(root):
        if len(group["children"]) < 2:
            continue  # one child: any operator says the same
        s.groups += 1
        found = [pairs[id(x)] for x in _gold_leaves(group) if id(x) in pairs]
        holder = parents.lca(found) if found else None
        want = _normal_op(group["op"], group.get("n", 1), len(group["children"]))
        if holder is not None and holder.op != "leaf":
            got = _normal_op(holder.op, holder.n, len(holder.children))
            if got == want:
                s.logic_correct += 1
                continue
            why = f"compiled {holder.op}({holder.n}) at {holder.id}"
        else:
            why = "its criteria were not found under one compiled group"
        s.wrong_logic.append(f"{where}: gold {group['op']}({group.get('n', '')}) - {why}")


# --- the whole set -------------------------------------------------------------------------


def run_policy_eval(
    gold: list[dict[str, Any]],
    compile_tree: Callable[[Path], PolicyTree],
    roots: Iterable[Path],
) -> dict[str, Any]:
    """Score every gold policy; a PDF not found or not compiled is a row with its error."""
    roots = list(roots)
    scores = []
    for g in gold:
        pdf = locate_pdf(g, roots)
        if pdf is None:
            where = ", ".join(str(r) for r in roots)
            s = PolicyScore(file=g["file"], split=g.get("split", "tune"))
            s.error = f"{g['file']}: not found under {where}"
            s.gold_indications = len(g["indications"])
        else:
            try:
                s = score_policy(g, compile_tree(pdf))
            except NecessityError as exc:
                s = PolicyScore(file=g["file"], split=g.get("split", "tune"), error=str(exc))
                s.gold_indications = len(g["indications"])
        scores.append(s)
    return report(scores)


def report(scores: list[PolicyScore]) -> dict[str, Any]:
    overall = {}
    for name in (*SPLITS, "all"):
        part = [s for s in scores if name == "all" or s.split == name]
        if not part:
            continue
        total = PolicyScore(file=name, split=name)
        for s in part:
            for attr in (
                "gold_indications",
                "matched_indications",
                "named_indications",
                "labelled_indications",
                "gold_leaves",
                "matched_leaves",
                "compiled_leaves",
                "precise_leaves",
                "anywhere_leaves",
                "branch_leaves",
                "branch_precise",
                "groups",
                "logic_correct",
            ):
                setattr(total, attr, getattr(total, attr) + getattr(s, attr))
        overall[name] = {
            "policies": len(part),
            **rates(total),
            "empty": [s.file for s in part if s.empty],
            "gold_leaves": total.gold_leaves,
            "groups": total.groups,
        }
    return {"policies": [s.row() for s in scores], "overall": overall}


def compile_for_eval(
    store: Path | None,
    home: Path | None = None,
    settings: Settings | None = None,
    llm: LLM | None = None,
) -> Callable[[Path], PolicyTree]:
    """A compiler for the eval: the store's tree for the PDF where the store holds the same
    bytes (its cached, possibly confirmed tree, sealed with ``home``'s key), else compiled
    from the PDF now. With settings that say ``policy.compiler: model``, every PDF is
    compiled afresh by the model (through ``llm``), the store left aside: that measures
    the endpoint."""
    if store is not None and home is None:
        raise ValueError("a store's trees need the home whose key seals them")
    from pipeline.policy.compile import compile_policy
    from pipeline.policy.library import tree_for
    from pipeline.policy.model_compiler import compile_by_settings

    if settings is not None and settings.policy.compiler == "model":
        return lambda pdf: compile_by_settings(
            pdf,
            source_id=hashlib.sha256(pdf.read_bytes()).hexdigest(),
            title=pdf.stem,
            settings=settings,
            llm=llm,
        )

    documents = {}
    if store is not None:
        from pipeline.sources.store import MANIFEST, FileManifest

        if (Path(store) / MANIFEST).exists():
            documents = {
                d.source_id: d for d in FileManifest(Path(store) / MANIFEST).load().values()
            }

    def compile_tree(pdf: Path) -> PolicyTree:
        sid = hashlib.sha256(pdf.read_bytes()).hexdigest()
        if sid in documents and store is not None and home is not None:
            return tree_for(Path(store), documents[sid], home=home)
        return compile_policy(pdf, source_id=sid, title=pdf.stem)

    return compile_tree
