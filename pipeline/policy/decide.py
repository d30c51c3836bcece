"""A case against the policies on file → the worksheet and the verdict.

Only declared policies decide. Exclusions that name the case's condition apply at once;
then the matching indication's branch for this request type is judged leaf by leaf (rules
first, the model only where its answer can still change the outcome) and the tree decides.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from pipeline.cases import case_facts
from pipeline.llm import LLMClient
from pipeline.llm.prompts import Prompt, load_prompt
from pipeline.models import Case
from pipeline.policy.absence import read_absences, turn_over_under
from pipeline.policy.branch_drugs import branches_for_drug
from pipeline.policy.cited_criteria import with_cited_criteria
from pipeline.policy.fact_question import ask_facts
from pipeline.policy.held_denials import held_denial
from pipeline.policy.judge import PROMPT, judge_by_model, judge_by_rule
from pipeline.policy.match import (
    excluded_condition,
    indication_score,
    is_situational,
    match_indication,
    policy_for,
    resembles_exclusion,
)
from pipeline.policy.measured_apart import measured_apart
from pipeline.policy.model_check import abstain_reason
from pipeline.policy.models import (
    Branch,
    Exclusion,
    Judgment,
    PolicyDecision,
    PolicyNode,
    PolicyTree,
    Status,
)
from pipeline.policy.references import find_node, prior_approval
from pipeline.policy.rule import RUN_ON, decided_without, evaluate, runs_on
from pipeline.policy.use_together import allowed_dropped, situation, unread

log = logging.getLogger(__name__)


def _branches(case: Case, branches: list[Branch], scope: str = "") -> list[Branch]:
    wanted = case.requested_treatment.request_type
    typed = [b for b in branches if b.request_type == wanted]
    kept = typed or [b for b in branches if b.request_type == "any"] or branches
    return branches_for_drug(kept, case.requested_treatment.drug, scope)


def _walk(node: PolicyNode, depth: int = 0) -> list[tuple[PolicyNode, int]]:
    out = [(node, depth)]
    for child in node.children:
        out.extend(_walk(child, depth + 1))
    return out


def _stems_above(root: PolicyNode) -> dict[str, str]:
    """Leaf id → the stem of the group it is an item of ("Inadequate response to one of
    the following:"), where the group has words of its own."""
    out: dict[str, str] = {}
    for node, _ in _walk(root):
        for child in node.children:
            if child.op == "leaf" and node.op != "leaf" and node.text.strip():
                out[child.id] = node.text
    return out


class _TreeJudge:
    """Judges a tree's leaves on one case: rules first, then a reference's branch or the
    model, each only while its answer can still change the tree's status."""

    def __init__(
        self,
        case: Case,
        facts: list,
        llm: LLMClient | None,
        prompt: Prompt,
        drug: str,
        tree: PolicyTree,
        on_event: Callable[[str, dict], None] | None,
        fact_prompt_ref: str | None = None,
    ) -> None:
        self.case, self.facts, self.llm, self.prompt, self.drug = case, facts, llm, prompt, drug
        self.tree, self.on_event = tree, on_event
        self.fact_prompt = load_prompt(fact_prompt_ref) if fact_prompt_ref else None
        self.turned: dict[str, str] = {}  # leaf id → the stem that asks its absence
        self.judgments: dict[str, Judgment] = {}
        self.known: dict[str, Status] = {}
        self.calls = 0

    def _keep(self, leaf: PolicyNode, j: Judgment) -> None:
        j.op = "leaf"
        if (stem := self.turned.get(leaf.id)) and j.status in {"met", "not_met"}:
            # the group asks this item's absence: present is not met, absent is met
            j.status, said = turn_over_under(j.status, stem)
            j.reason = f"{j.reason or ''}; {said}"
        self.judgments[leaf.id], self.known[leaf.id] = j, j.status

    def judge(self, root: PolicyNode, continuation: bool, following: bool = True) -> Status:
        leaves = root.leaves()
        stems = _stems_above(root)
        for leaf in leaves:
            if leaf.id in self.known:
                continue
            if runs_on(leaf.text):
                # the compiler could not split this item: no rule or model answer on a
                # run of criteria decides a verdict; a person's confirmed tree can
                self._keep(leaf, _unjudged(leaf, "none", RUN_ON))
                continue
            j = (
                self._reference_by_rule(leaf, following)
                if leaf.kind == "reference"
                else judge_by_rule(leaf, self.case, self.facts, stems.get(leaf.id, ""))
            )
            if j is not None:
                self._keep(leaf, j)
        for leaf in leaves:
            if leaf.id in self.known:
                continue
            pending = [x.id for x in leaves if x.id not in self.known]
            if decided_without(root, self.known, pending):
                break
            if leaf.kind == "reference":
                j = self._reference_by_tree(leaf, continuation)
            elif self.llm is None:
                j = _unjudged(leaf, "model", "no model to ask")
            else:
                stem, extra = stems.get(leaf.id, ""), 0
                j = judge_by_model(leaf, self.facts, self.llm, self.prompt, self.drug, stem)
                if self.fact_prompt and leaf.id not in self.turned:  # turned over, a yes denies
                    j, extra = ask_facts(
                        j, leaf, self.facts, self.llm, self.fact_prompt, self.drug, stem
                    )
                self.calls += 1 + extra
            self._keep(leaf, j)
            if self.on_event:
                self.on_event("criterion", j.model_dump(mode="json"))
        return evaluate(root, self.known)

    def _reference_by_rule(self, leaf: PolicyNode, following: bool) -> Judgment | None:
        base = {"node_id": leaf.id, "text": leaf.text, "page": leaf.page, "method": "rule"}
        if document := leaf.fields.get("document"):
            return Judgment(
                **base,
                status="not_documented",
                reason=f"refers to {document}, a document not on file with this policy",
            )
        if fact := prior_approval(self.facts):
            return Judgment(
                **base,
                status="met",
                facts=[fact.id],
                reason="the case documents the plan's earlier approval or criteria met",
            )
        target = leaf.fields.get("target")
        if not following or not target or find_node(self.tree, target) is None:
            why = "a reference inside referenced criteria" if not following else "not found"
            return Judgment(
                **base, status="not_documented", reason=f"the criteria it refers to: {why}"
            )
        return None

    def _reference_by_tree(self, leaf: PolicyNode, continuation: bool) -> Judgment:
        target = find_node(self.tree, leaf.fields["target"])
        assert target is not None  # _reference_by_rule returned None only when found
        status = self.judge(target, continuation=False, following=False)
        met = [
            f
            for x in target.leaves()
            if self.known.get(x.id) == "met"
            for f in self.judgments[x.id].facts
        ]
        reason = f"criteria {target.id} (page {target.page}) evaluated on this case: {status}"
        if status == "not_met" and continuation:
            # The initial criteria describe the member before therapy began; today's
            # facts failing them do not show they were not met then.
            status, reason = "not_documented", reason + " on today's facts, not when started"
        return Judgment(
            node_id=leaf.id,
            text=leaf.text,
            page=leaf.page,
            status=status if status != "not_applicable" else "not_documented",
            facts=list(dict.fromkeys(met))[:3],
            method="tree",
            reason=reason,
        )


def apply_policy(
    case: Case,
    trees: list[PolicyTree],
    llm: LLMClient | None,
    on_event: Callable[[str, dict], None] | None = None,
    prompt_ref: str = PROMPT,
    fact_prompt_ref: str | None = None,  # the fact question's (fact_question.py); None: none
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
    if abstain := abstain_reason(tree):  # an indication or exclusion of the policy lost
        return PolicyDecision(
            **head,
            match_reason=why,
            abstained=abstain,
            verdict="insufficient_information",
            rule=abstain,
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
    matched = match_indication(case, tree)
    indication, ind_why = matched.indication, matched.why
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
    side, split_by = matched.fit  # contrasts.contrast_fit, read by the matcher
    if side is None:  # "with X" beside "without X", and the case says neither
        return PolicyDecision(
            **head,
            match_reason=f"{why}; {ind_why}",
            exclusions=exclusions,
            verdict="insufficient_information",
            rule=f"the policy splits this use by {split_by!r}; the case does not say which side",
        )
    # An exclusion the diagnosis only shares words with decides nothing by itself: the
    # indication wins where it names the diagnosis better, and a tie is a person's call.
    near = [(resembles_exclusion(case, ex), ex) for ex in tree.exclusions]
    score = indication_score(case, indication, matched.abbreviations)
    # an exclusion split from the indication by a measured bound the case's value settles is
    # no tie; read only for the exclusions that would tie
    if tie := next(
        (
            ex
            for (s, _), ex in near
            if s and s >= score and not measured_apart(indication.name, ex.text, facts, drug)
        ),
        None,
    ):
        return PolicyDecision(
            **head,
            match_reason=f"{why}; {ind_why}",
            exclusions=exclusions,
            verdict="insufficient_information",
            rule=(
                f"{ind_why}; but the diagnosis resembles an exclusion as closely (page "
                f"{tie.page}): {tie.text}; a person decides which applies"
            ),
        )
    head |= {
        "indication_id": indication.id,
        "indication": indication.name,
        "indication_page": indication.page,
        "match_reason": f"{why}; {ind_why}",
    }
    if abstain := abstain_reason(tree, indication.id):  # its criteria are not the policy's
        return PolicyDecision(
            **head,
            exclusions=exclusions,
            abstained=abstain,
            verdict="insufficient_information",
            rule=abstain,
        )
    branches = _branches(case, indication.branches, f"{tree.scope} {indication.name}")
    if not branches:  # a table row or heading with no criteria under it
        return PolicyDecision(
            **head,
            exclusions=exclusions,
            verdict="insufficient_information",
            rule=f"the policy states no criteria for {indication.name} (page {indication.page})",
        )
    cited = [with_cited_criteria(b.node, indication) for b in branches]
    if unresolved := next((why for _, why in cited if why), ""):  # never approve past them
        return PolicyDecision(
            **head, exclusions=exclusions, verdict="insufficient_information", rule=unresolved
        )
    branches = [b.model_copy(update={"node": n}) for b, (n, _) in zip(branches, cited, strict=True)]
    prompt = load_prompt(prompt_ref)
    judge = _TreeJudge(case, facts, llm, prompt, drug, tree, on_event, fact_prompt_ref)
    read = [read_absences(b.node) for b in branches]
    branches = [
        b.model_copy(update={"node": node}) for b, (node, _) in zip(branches, read, strict=True)
    ]
    judge.turned = {k: v for _, turned in read for k, v in turned.items()}
    for branch in branches:
        judge.judge(branch.node, continuation=branch.request_type == "continuation")
    judgments, known, calls = judge.judgments, judge.known, judge.calls
    statuses = [evaluate(b.node, known) for b in branches]
    best = max(
        range(len(branches)),
        key=lambda i: ["not_met", "not_documented", "met"].index(
            statuses[i] if statuses[i] != "not_applicable" else "not_documented"
        ),
    )
    branch, status = branches[best], statuses[best]
    rows = _worksheet(branch.node, known, judgments, tree)
    if status != "not_met" and llm is not None:
        for ex in tree.exclusions:
            if is_situational(ex):
                j = situation(ex, facts, drug)
                if j is None:
                    node = PolicyNode(id=ex.id, text=allowed_dropped(ex.text), page=ex.page)
                    j = judge_by_model(node, facts, llm, prompt, drug)
                    calls += 1
                exclusions.append(j)
    applied = next((j for j in exclusions if j.status == "met"), None)
    missing = [
        r.text
        for r in rows
        if r.op == "leaf"
        and r.status == "not_documented"
        and (r.method != "none" or r.reason == RUN_ON)  # not assessed: not missing
    ]
    base = {
        **head,
        "branch": branch.request_type,
        "approval": branch.approval,
        "judgments": rows,
        "exclusions": exclusions,
        "status": status,
        "llm_calls": calls,
        "prompt": prompt.id if calls else None,
    }
    if applied and applied.method == "model":  # no fact code reads states the use together
        return PolicyDecision(**base, verdict="insufficient_information", rule=unread(applied))
    if applied:
        return PolicyDecision(
            **base,
            verdict="not_medically_necessary",
            rule=f"exclusion applies (policy page {applied.page}): {applied.text}",
        )
    wanted = case.requested_treatment.request_type
    if status == "met" and branch.request_type not in {"any", wanted}:
        # a renewal read against the initial criteria (the compiler found no others): they
        # ask nothing of the response a renewal turns on, so meeting them approves nothing
        return PolicyDecision(
            **base,
            verdict="insufficient_information",
            rule=f"the {branch.request_type} criteria of {indication.name} are met, but the "
            f"request is a {wanted} and no {wanted} criteria were found: a person decides",
        )
    if status == "met":
        return PolicyDecision(
            **base,
            verdict="medically_necessary",
            rule=f"all criteria of {indication.name} ({branch.request_type}) "
            f"are met (policy page {indication.page})",
        )
    if status == "not_met":
        deciding = _failing_leaf(branch.node, known)
        failed = next(
            (r for r in rows if r.op == "leaf" and r.status == "not_met" and r.node_id == deciding),
            next((r for r in rows if r.op == "leaf" and r.status == "not_met"), None),
        )
        what = f"{failed.text} (page {failed.page})" if failed else "the criteria tree"
        if held := held_denial(branch, wanted, failed, what):
            return PolicyDecision(
                **base,
                verdict="insufficient_information",
                missing=[failed.text] if failed else [],
                rule=held,
            )
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


def _failing_leaf(node: PolicyNode, known: dict[str, Status]) -> str | None:
    """The first not-met criterion that makes the tree not met: under groups that are not
    met themselves (a not-met item of a met "one of" decides nothing)."""
    if node.op == "leaf":
        return node.id if known.get(node.id) == "not_met" else None
    if evaluate(node, known) != "not_met":
        return None
    return next((x for c in node.children if (x := _failing_leaf(c, known))), None)


# Clause numbers inside one criterion's text ("... are met: 3.1 The diagnosis ... 3.2 The
# member ...", "(a) ... (b) ..."): several criteria the compiler ran together.
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
    root: PolicyNode,
    known: dict[str, Status],
    judgments: dict[str, Judgment],
    tree: PolicyTree | None = None,
    depth0: int = 0,
) -> list[Judgment]:
    """Every node of the chosen branch in reading order, groups with their computed status;
    under a reference, the rows of the criteria it was judged by."""
    rows = []
    for node, depth in _walk(root, depth0):
        if node.op == "leaf":
            j = judgments.get(node.id) or _unjudged(
                node, "none", "not assessed: other criteria decided the outcome"
            )
            j.depth = depth
            rows.append(j)
            target = node.fields.get("target") if node.kind == "reference" else None
            if target and tree is not None and j.method == "tree" and depth0 == 0:
                if (sub := find_node(tree, target)) is not None:
                    rows.extend(_worksheet(sub, known, judgments, tree, depth + 1))
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
