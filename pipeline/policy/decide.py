"""A case against the policies on file → the worksheet and the verdict.

Only declared policies decide. Exclusions that name the case's condition apply at once;
then the matching indication's branch for this request type is judged leaf by leaf (rules
first, the model only where its answer can still change the outcome) and the tree decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pipeline.cases import case_facts
from pipeline.draft.llm import LLMClient
from pipeline.draft.prompts import load_prompt
from pipeline.models import Case
from pipeline.policy.judge import PROMPT, judge_by_model, judge_by_rule
from pipeline.policy.match import excluded_condition, indication_for, is_situational, policy_for
from pipeline.policy.models import (
    Branch,
    Exclusion,
    Judgment,
    PolicyDecision,
    PolicyNode,
    PolicyTree,
    Status,
)
from pipeline.policy.rule import decided_without, evaluate

log = logging.getLogger(__name__)


def _branches(case: Case, branches: list[Branch]) -> list[Branch]:
    wanted = case.requested_treatment.request_type
    typed = [b for b in branches if b.request_type == wanted]
    return typed or [b for b in branches if b.request_type == "any"] or branches


def _walk(node: PolicyNode, depth: int = 0) -> list[tuple[PolicyNode, int]]:
    out = [(node, depth)]
    for child in node.children:
        out.extend(_walk(child, depth + 1))
    return out


def apply_policy(
    case: Case,
    trees: list[PolicyTree],
    llm: LLMClient | None,
    on_event: Callable[[str, dict], None] | None = None,
    prompt_ref: str = PROMPT,
) -> PolicyDecision:
    facts = case_facts(case)
    drug = case.requested_treatment.drug
    tree, why = policy_for(case, trees)
    if tree is None:
        return PolicyDecision(
            verdict="insufficient_information",
            rule=f"no payer policy on file for {drug}: none names it in its title or scope",
            match_reason=why,
        )
    head = {
        "policy_source_id": tree.source_id,
        "policy_title": tree.title,
        "policy_file": tree.file,
        "policy_checksum": tree.checksum,
        "compiler": tree.compiler,
        "tree_status": tree.tree_status,
        "tree_version": tree.version,
        "confirmed_by": tree.confirmed_by,
        "confirmed_at": tree.confirmed_at,
    }
    if tree.withheld:
        return PolicyDecision(
            **head, match_reason=why, verdict="insufficient_information", rule=tree.withheld
        )
    exclusions: list[Judgment] = []
    for ex in tree.exclusions:
        reason = excluded_condition(case, ex)
        if reason:
            exclusions.append(_ex_judgment(ex, "met", reason, facts))
    if applied := next((j for j in exclusions if j.status == "met"), None):
        return PolicyDecision(
            **head,
            match_reason=why,
            exclusions=exclusions,
            verdict="not_medically_necessary",
            rule=f"exclusion applies (policy page {applied.page}): {applied.text}",
        )
    indication, ind_why = indication_for(case, tree)
    if indication is None:
        catch_all = next((x for x in tree.exclusions if x.catch_all), None)
        if catch_all:
            exclusions.append(_ex_judgment(catch_all, "met", ind_why, facts))
            return PolicyDecision(
                **head,
                match_reason=f"{why}; {ind_why}",
                exclusions=exclusions,
                verdict="not_medically_necessary",
                rule=(
                    f"{ind_why}, and the policy covers no other use (page {catch_all.page}): "
                    f"{catch_all.text}"
                ),
            )
        return PolicyDecision(
            **head,
            match_reason=f"{why}; {ind_why}",
            exclusions=exclusions,
            verdict="insufficient_information",
            rule=f"{ind_why}; the policy does not say the drug is excluded for it",
        )
    branches = _branches(case, indication.branches)
    prompt = load_prompt(prompt_ref)
    judgments: dict[str, Judgment] = {}
    known: dict[str, Status] = {}
    leaves = [leaf for b in branches for leaf in b.node.leaves()]
    for leaf in leaves:
        j = judge_by_rule(leaf, case, facts)
        if j is not None:
            judgments[leaf.id], known[leaf.id] = j, j.status
    calls = 0
    for branch in branches:
        pending = [x.id for x in branch.node.leaves() if x.id not in known]
        for leaf in branch.node.leaves():
            if leaf.id in known:
                continue
            pending = [p for p in pending if p not in known]
            if decided_without(branch.node, known, pending):
                break
            if llm is None:
                j = _unjudged(leaf, "model", "no model to ask")
            else:
                j = judge_by_model(leaf, facts, llm, prompt, drug)
                calls += 1
            j.op = "leaf"
            judgments[leaf.id], known[leaf.id] = j, j.status
            if on_event:
                on_event("criterion", j.model_dump(mode="json"))
    statuses = [evaluate(b.node, known) for b in branches]
    best = max(
        range(len(branches)),
        key=lambda i: ["not_met", "not_documented", "met"].index(
            statuses[i] if statuses[i] != "not_applicable" else "not_documented"
        ),
    )
    branch, status = branches[best], statuses[best]
    rows = _worksheet(branch.node, known, judgments)
    if status != "not_met" and llm is not None:
        for ex in tree.exclusions:
            if is_situational(ex):
                node = PolicyNode(id=ex.id, text=ex.text, page=ex.page)
                j = judge_by_model(node, facts, llm, prompt, drug)
                calls += 1
                exclusions.append(j)
    applied = next((j for j in exclusions if j.status == "met"), None)
    missing = [
        r.text
        for r in rows
        if r.op == "leaf" and r.status == "not_documented" and r.method != "none"
    ]
    base = {
        **head,
        "indication_id": indication.id,
        "indication": indication.name,
        "indication_page": indication.page,
        "branch": branch.request_type,
        "approval": branch.approval,
        "match_reason": f"{why}; {ind_why}",
        "judgments": rows,
        "exclusions": exclusions,
        "status": status,
        "llm_calls": calls,
        "prompt": prompt.id if calls else None,
    }
    if applied:
        return PolicyDecision(
            **base,
            verdict="not_medically_necessary",
            rule=f"exclusion applies (policy page {applied.page}): {applied.text}",
        )
    if status == "met":
        return PolicyDecision(
            **base,
            verdict="medically_necessary",
            rule=f"all criteria of {indication.name} ({branch.request_type}) "
            f"are met (policy page {indication.page})",
        )
    if status == "not_met":
        failed = next((r for r in rows if r.op == "leaf" and r.status == "not_met"), None)
        what = f"{failed.text} (page {failed.page})" if failed else "the criteria tree"
        return PolicyDecision(
            **base, verdict="not_medically_necessary", rule=f"criterion not met: {what}"
        )
    return PolicyDecision(
        **base,
        verdict="insufficient_information",
        missing=missing,
        rule=f"{len(missing)} criteria of {indication.name} not documented",
    )


def _ex_judgment(ex: Exclusion, status: Status, reason: str, facts: list) -> Judgment:  # noqa: ANN001
    dx = [f.id for f in facts if f.text.startswith("Diagnosis:")]
    return Judgment(
        node_id=ex.id,
        text=ex.text,
        page=ex.page,
        status=status,
        method="rule",
        reason=reason,
        facts=dx[:3],
    )


def _unjudged(node: PolicyNode, method: str, reason: str) -> Judgment:
    return Judgment(
        node_id=node.id,
        text=node.text,
        page=node.page,
        status="not_documented",
        method=method,
        reason=reason,
    )  # type: ignore[arg-type]


def _worksheet(
    root: PolicyNode, known: dict[str, Status], judgments: dict[str, Judgment]
) -> list[Judgment]:
    """Every node of the chosen branch in reading order, groups with their computed status."""
    rows = []
    for node, depth in _walk(root):
        if node.op == "leaf":
            j = judgments.get(node.id) or _unjudged(
                node, "none", "not assessed: other criteria decided the outcome"
            )
            j.depth = depth
            rows.append(j)
        else:
            label = {"all_of": "all of", "any_of": "one of", "at_least": f"at least {node.n} of"}
            rows.append(
                Judgment(
                    node_id=node.id,
                    text=node.text,
                    page=node.page,
                    op=node.op,
                    status=evaluate(node, known),
                    method="tree",
                    depth=depth,
                    reason=label[node.op],
                )
            )
    return rows
