"""The workbench's tasks, one example each (`eval run` runs them prompt × provider):

- ``review``: a case file → the full review → verdict accuracy (the rule's verdict against
  the expected one) and the grounding metrics of `eval grounding`;
- ``pubmedqa``: question + abstract → yes/no/maybe under a JSON schema → accuracy;
- ``policy``: case file + policy PDFs → compiled criteria trees → the policy decision →
  verdict accuracy and, where labels exist, agreement on "some criterion not fully met".
"""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from pathlib import Path
from typing import Any

from pipeline.cases import load_case
from pipeline.evals.datasets import REPO, Record
from pipeline.evals.grounding import record_metrics
from pipeline.evals.keypoints import score_case
from pipeline.evals.runs import ExampleResult
from pipeline.llm.prompts import load_prompt
from pipeline.policy.compile import compile_policy
from pipeline.policy.decide import apply_policy
from pipeline.policy.fact_question import fact_prompt_ref
from pipeline.ports import LLM, Judge, Store
from pipeline.review import draft_review
from pipeline.settings import Settings
from pipeline.sources.corpus import CORPUS_DIR, read_source, render_pdf
from pipeline.sources.parse import pdf_info

PUBMEDQA_SCHEMA = {
    "type": "object",
    "properties": {
        "answer": {"type": "string", "enum": ["yes", "no", "maybe"]},
        "reason": {"type": "string", "maxLength": 300, "pattern": r"^[ -~]{1,300}$"},
    },
    "required": ["answer", "reason"],
    "additionalProperties": False,
}


def pubmedqa_example(record: Record, prompt_ref: str, client: LLM) -> ExampleResult:
    prompt = load_prompt(prompt_ref)
    messages = prompt.render(**record.inputs)
    schema = dict(PUBMEDQA_SCHEMA)
    # The prompt's front matter may order the fields ("fields: [reason, answer]"): a model
    # writes them in schema order, so this decides whether it reasons before answering.
    order = prompt.meta.get("fields") or ["answer", "reason"]
    schema["properties"] = {k: PUBMEDQA_SCHEMA["properties"][k] for k in order}
    t0 = time.perf_counter()
    result = client.complete_json(messages, schema, "pubmedqa_answer")
    answer = result.data.get("answer")
    expected = record.expected.get("answer")
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={"answer": answer, "reason": result.data.get("reason")},
        correct=answer == expected,
        scores={"correct": float(answer == expected)},
        latency_s=round(result.seconds if result.seconds else time.perf_counter() - t0, 3),
        tokens=result.completion_tokens,
    )


def review_example(
    record: Record,
    prompt_ref: str,
    client: LLM,
    settings: Settings,
    store: Store,
    judge: Judge,
    keys: dict | None = None,
) -> ExampleResult:

    case = load_case(REPO / record.inputs["case_file"])
    t0 = time.perf_counter()
    review = draft_review(case, store, client, judge, settings, prompt_ref=prompt_ref)
    seconds = time.perf_counter() - t0
    grounding = record_metrics(review, judge, settings)
    counts = [len(s.statements) for s in review.sections]
    grounding["statements_per_section"] = sum(counts) / len(counts) if counts else 0.0
    grounding["empty_sections"] = sum(c == 0 for c in counts)
    grounding["review_seconds"] = review.provenance.seconds or 0.0
    spec = (keys or {}).get("cases", {}).get(review.case_id)
    if spec is not None:  # on point: the key file's points, topic, boilerplate, stance
        kp = score_case(review, spec, list(keys.get("boilerplate") or []))
        grounding["keypoint_recall"] = kp["recall"] or 0.0
        grounding["off_topic_share"] = kp["off_topic_share"]
        grounding["boilerplate_quoted"] = kp["boilerplate"]
        if kp["stance_right"] is not None:
            grounding["stance_right"] = float(kp["stance_right"])
    expected = record.expected.get("verdict")
    statements = [
        {"section": s.key, "text": st.text, "citations": st.citations, "supported": st.supported}
        for s in review.sections
        for st in s.statements
    ]
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={
            "verdict": review.verdict,
            "recommendation": review.recommendation,
            "verdict_rule": review.verdict_rule,
            "statements": statements,
            "dropped": [d.text for d in review.validation.dropped],
            "support_scores": [
                st.support_score
                for s in review.sections
                for st in s.statements
                if st.support_score is not None
            ],
        },
        correct=review.verdict == expected if expected else None,
        scores={k: float(v) for k, v in grounding.items() if isinstance(v, int | float)},
        latency_s=round(seconds, 2),
        tokens=review.provenance.completion_tokens,
    )


def _policy_pdf(spec: str, settings: Settings) -> Path:
    """A dataset's policy: a path (relative to the repo), or ``corpus:NAME`` for one of
    our sample sources, rendered to PDF under the home on first use."""
    if spec.startswith("corpus:"):
        name = spec.split(":", 1)[1]
        target = settings.home / "corpus" / f"{name}.pdf"
        if not target.exists():
            meta, body = read_source(CORPUS_DIR / "sources" / f"{name}.md")
            render_pdf(meta, body, target)
        return target
    path = Path(spec)
    return path if path.is_absolute() else REPO / path


def policy_example(
    record: Record, prompt_ref: str, client: LLM, settings: Settings, trees: dict
) -> ExampleResult:

    selected = []
    for spec in record.inputs["policies"]:
        if spec not in trees:
            pdf = _policy_pdf(spec, settings)
            if not pdf.exists():
                raise ValueError(f"policy {spec}: no such file ({pdf})")
            sid = hashlib.sha256(pdf.read_bytes()).hexdigest()
            trees[spec] = compile_policy(pdf, source_id=sid, title=_policy_title(pdf))
        selected.append(trees[spec])
    case = load_case(REPO / record.inputs["case_file"])
    t0 = time.perf_counter()
    decision = apply_policy(
        case, selected, client, prompt_ref=prompt_ref, fact_prompt_ref=fact_prompt_ref(settings)
    )
    seconds = time.perf_counter() - t0
    expected = record.expected.get("verdict")
    scores = {"llm_calls": float(decision.llm_calls)}
    label = record.expected.get("any_criterion_not_fully_met")
    if label is not None:
        ours = decision.status != "met"
        scores["criteria_agreement"] = float(ours == label)
    leaves = [j for j in decision.judgments if j.op == "leaf" and j.method != "none"]
    scores["criteria_judged"] = float(len(leaves))
    scores["criteria_by_model"] = float(sum(j.method == "model" for j in leaves))
    scores["criteria_by_fact_question"] = float(sum(j.method == "fact_question" for j in leaves))
    failed = [j.text for j in decision.judgments if j.status == "not_met"]
    failed += [j.text for j in decision.exclusions if j.status == "met"]  # an exclusion applied
    if expected:
        scores.update(confident_errors(expected, decision.verdict, record.expected, failed))
    return ExampleResult(
        variant="",
        example_id=record.id,
        expected=record.expected,
        output={
            "verdict": decision.verdict,
            "rule": decision.rule,
            "indication": decision.indication,
            "branch": decision.branch,
            "criteria": [
                {"id": j.node_id, "status": j.status, "method": j.method, "facts": j.facts}
                for j in leaves
            ],
            "failed": failed,  # not-met criteria and applied exclusions, as printed
        },
        correct=decision.verdict == expected if expected else None,
        scores=scores,
        latency_s=round(seconds, 2),
    )


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFKC", text).lower()).split())


def confident_errors(
    expected: str, verdict: str, labels: dict[str, Any], failed: list[str]
) -> dict[str, float]:
    """The verdicts a reviewer cannot trust: an approval the case does not earn (expected a
    denial or "insufficient information"), a denial of a case that should be approved or
    abstained on, and, where the record names the criterion that fails
    (``failed_criterion``: the first words of it, or of any of several, as printed), a right
    denial for a wrong reason (no not-met criterion or applied exclusion contains them)."""
    out = {
        "false_approval": float(verdict == "medically_necessary" and expected != verdict),
        "false_denial": float(verdict == "not_medically_necessary" and expected != verdict),
    }
    wanted = labels.get("failed_criterion")
    if wanted and expected == verdict == "not_medically_necessary":
        wanted = [wanted] if isinstance(wanted, str) else wanted
        texts = [_normal(t) for t in failed]
        hit = any(_normal(w) in t for w in wanted for t in texts)
        out["denied_for_other_criterion"] = float(not hit)
    return out


def _policy_title(pdf: Path) -> str:
    return pdf_info(pdf).get("title") or pdf.stem.replace("-", " ")
