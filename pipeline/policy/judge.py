"""Each criterion against the case. Numbers decide what numbers can (age, counts of prior
drugs and trial length, prescriber specialty in a list); the model is asked the rest, one
short schema-constrained call per criterion, and its answer is checked: a "met" or
"not_met" must cite facts that speak to the criterion, or it counts as not documented."""

from __future__ import annotations

import logging
import re
from typing import Any

from pipeline.llm import LLMClient, LLMError, LLMUnavailable
from pipeline.llm.prompts import Prompt
from pipeline.models import Case, CaseFact
from pipeline.policy.models import Judgment, PolicyNode

log = logging.getLogger(__name__)
PROMPT = "criterion-judge@2"

_NON_DRUG = re.compile(
    r"\b(diet|surgery|resection|stimulation|physical therapy|counsel\w*|phototherapy|"
    r"psychotherapy|exercise|splint\w*)\b",
    re.I,
)
_SPECIALTY = re.compile(r"specialt|prescrib(?:er|ing)|requesting (?:physician|provider)", re.I)
_NEGATION = re.compile(r"\b(no|not|none|without|denies|negative|never)\b", re.I)
_STOP = set(
    """patient patients therapy therapies medication medications treatment documented
    prescriber prescribed following least other which their there these those about after
    before being condition currently meets criterion criteria history diagnosis requested
    disease determined example examples include includes when with that this than from
    have been were will such into only also each does member started records document
    documents""".split()
)
_NEGATED_CRITERION = re.compile(
    r"^\s*(?:no|not|absence of|none|without|(?:the )?(?:patient|member) (?:does|has|is|did) not)\b",
    re.I,
)
# An absence stated inside the criterion ("attestation that patient is NOT prescribed
# concurrent opioids"): as open to a double-negation misreading as one that starts with it.
_ABSENCE_INSIDE = re.compile(
    r"\b(?:is|are|has|have|was|were|does|did|will)\s+(?:not|never)\b|\bNOT\b"
)
_FAILURE = re.compile(
    r"\b(no|not|none|without|denies|negative|never|failed|failure|inadequate|insufficient|"
    r"intoleran\w*|contraindicat\w*|unable|did not|lack\w*|absent)\b",
    re.I,
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def specialty_stem(name: str) -> str:
    """'gastroenterologist' → 'gastroenterolog' (matches gastroenterology too)."""
    generic = {"specialist", "physician", "provider", "doctor", "pediatric", "disease", "a", "an"}
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in generic]
    return re.sub(r"(ists?|ians?|y|ies)$", "", words[-1]) if words else ""


def _prior_facts(facts: list[CaseFact]) -> list[CaseFact]:
    return [f for f in facts if f.text.startswith("Prior therapy:")]


def _patient_fact(facts: list[CaseFact]) -> CaseFact | None:
    return next((f for f in facts if f.text.startswith("Patient:")), None)


def judge_by_rule(node: PolicyNode, case: Case, facts: list[CaseFact]) -> Judgment | None:
    """A judgment from numbers and lists alone, or None when the model must be asked."""
    base: dict[str, Any] = {"node_id": node.id, "text": node.text, "page": node.page}
    if node.kind == "age":
        patient = _patient_fact(facts)
        cited = [patient.id] if patient else []
        age = case.patient.age
        if age is None:
            return Judgment(
                **base, status="not_documented", method="rule", reason="age not documented"
            )
        op, years = node.fields["op"], float(node.fields["years"])
        ok = {"≥": age >= years, ">": age > years, "<": age < years, "≤": age <= years}.get(op)
        if ok is None:
            return None
        return Judgment(
            **base,
            status="met" if ok else "not_met",
            facts=cited,
            method="rule",
            reason=f"age {age} {'satisfies' if ok else 'fails'} {op} {years:g} years",
        )
    if node.kind == "prescriber":
        stems = [specialty_stem(s) for s in node.fields.get("specialties", []) if s]
        stems = [s for s in stems if len(s) >= 5]
        if not stems:
            return None
        for fact in facts:
            low = fact.text.lower()
            if any(s in low for s in stems):
                return Judgment(
                    **base,
                    status="met",
                    facts=[fact.id],
                    method="rule",
                    reason="the documented specialty is in the policy's list",
                )
        stated = [f for f in facts if _SPECIALTY.search(f.text)]
        if stated:
            return Judgment(
                **base,
                status="not_met",
                facts=[stated[0].id],
                method="rule",
                reason="the documented prescriber specialty is not among "
                + ", ".join(node.fields["specialties"]),
            )
        return Judgment(
            **base,
            status="not_documented",
            method="rule",
            reason="prescriber specialty not documented",
        )
    if node.kind == "prior_therapy" and node.fields.get("drugs"):
        return _prior_therapy(node, base, facts)
    return None


def _prior_therapy(
    node: PolicyNode, base: dict[str, Any], facts: list[CaseFact]
) -> Judgment | None:
    drugs = [d for d in node.fields["drugs"] if len(d) >= 4]
    need = int(node.fields.get("count", 1))
    tried = _prior_facts(facts)
    if not tried:
        return Judgment(
            **base, status="not_documented", method="rule", reason="no prior therapy documented"
        )
    matched = [f for f in tried if any(d in f.text.lower() for d in drugs)]
    unmatched = [f for f in tried if f not in matched]
    if "medication" in node.text.lower() or "drug" in node.text.lower():
        unmatched = [f for f in unmatched if not _NON_DRUG.search(f.text)]
    if len(matched) >= need:
        months = node.fields.get("months")
        if months and not any(_lasted(f.text, months) for f in matched):
            return Judgment(
                **base,
                status="not_documented",
                facts=[f.id for f in matched],
                method="rule",
                reason=f"trial of at least {months:g} months not documented",
            )
        return Judgment(
            **base,
            status="met",
            facts=[f.id for f in matched[:3]],
            method="rule",
            reason=f"{len(matched)} of the required {need} prior therapies documented",
        )
    if unmatched or re.search(r"contraindicat|intoleran", node.text, re.I):
        return None  # therapies the policy does not name, or an alternative: the model reads it
    return Judgment(
        **base,
        status="not_met",
        facts=[f.id for f in tried[:3]],
        method="rule",
        reason=f"{len(matched)} of the required {need} prior therapies documented",
    )


def _lasted(text: str, months: float) -> bool:
    for value, unit in re.findall(r"(\d+)\s*(months?|weeks?|years?)", text, re.I):
        n = float(value) * (12 if unit.lower().startswith("year") else 1)
        n = n / 4.345 if unit.lower().startswith("week") else n
        if n >= months:
            return True
    return False


def judgment_schema(fact_ids: list[str], order: list[str] | None = None) -> dict[str, Any]:
    """The answer's schema; ``order`` (a prompt's front matter ``fields``) decides whether
    the model picks its facts before it labels (a model writes fields in schema order)."""
    properties = {
        "status": {"type": "string", "enum": ["met", "not_met", "not_documented"]},
        "facts": {
            "type": "array",
            "items": {"type": "string", "enum": fact_ids or ["NONE"]},
            "maxItems": 3,
        },
    }
    order = order or ["status", "facts"]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": order,
        "properties": {k: properties[k] for k in order},
    }


def judge_by_model(
    node: PolicyNode,
    facts: list[CaseFact],
    llm: LLMClient,
    prompt: Prompt,
    drug: str = "",
) -> Judgment:
    base: dict[str, Any] = {"node_id": node.id, "text": node.text, "page": node.page}
    notes = "\n".join(f"NOTE: <<<{n}>>>" for n in node.notes)
    messages = prompt.render(
        case_facts="\n".join(f"[{f.id}] {f.text}" for f in facts),
        criterion=node.text,
        notes=notes,
        page=str(node.page),
    )
    try:
        schema = judgment_schema([f.id for f in facts], prompt.meta.get("fields"))
        result = llm.complete_json(messages, schema, "judgment")
    except LLMUnavailable:
        raise  # an outage is not a judgment: the review fails and can be resumed
    except LLMError as exc:
        return Judgment(
            **base,
            status="not_documented",
            method="model",
            problems=[f"the model gave no usable judgment: {exc}"],
        )
    data = result.data if isinstance(result.data, dict) else {}
    status = data.get("status")
    known = {f.id: f for f in facts}
    cited = (
        [i for i in data.get("facts", []) if i in known]
        if isinstance(data.get("facts"), list)
        else []
    )
    if status not in {"met", "not_met", "not_documented"}:
        return Judgment(
            **base,
            status="not_documented",
            method="model",
            problems=[f"the model's status {status!r} is not one of the three"],
        )
    judgment = Judgment(**base, status=status, facts=list(dict.fromkeys(cited)), method="model")
    return check_model_judgment(judgment, node, known, drug)


def check_model_judgment(
    j: Judgment, node: PolicyNode, facts: dict[str, CaseFact], drug: str = ""
) -> Judgment:
    """The model labels; this checks. A met / not_met must cite facts that state what the
    criterion asks: at least two of its content words (one for a criterion of three or
    fewer), the requested drug's name not counting. A met cannot rest on a fact that
    negates; a not_met must rest on one that states an absence or a failure. Anything
    else is not documented, with the reason kept."""
    if j.status == "not_documented":
        j.facts = []
        return j
    want = _stems(node.text + " " + " ".join(node.notes)) - _stems(drug)
    cited = [facts[i] for i in j.facts if i in facts]
    shared = set().union(*(_stems(f.text) & want for f in cited)) if cited else set()
    need = 1 if len(want) <= 3 else 2
    problem = ""
    if not cited:
        problem = f"the model said {j.status} but cited no case fact"
    elif len(shared) < need:
        problem = f"the model said {j.status} citing facts that do not state the criterion"
    elif (
        j.status == "met"
        and any(_NEGATION.search(f.text) for f in cited)
        and not _NEGATION.search(node.text)
    ):
        problem = "the model said met citing a fact that negates"
    elif j.status == "not_met" and not any(_FAILURE.search(f.text) for f in cited):
        problem = "the model said not met citing facts that state no absence or failure"
    elif (
        j.status == "not_met"
        and (_NEGATED_CRITERION.match(node.text) or _ABSENCE_INSIDE.search(node.text))
        and any(_NEGATION.search(f.text) for f in cited)
    ):
        # "NO diagnosis of CNS lymphoma" against "no CNS lymphoma": a small model reads the
        # two negations as a failure; a denial must not rest on that reading.
        problem = "the model said not met for a criterion of absence citing a fact of absence"
    if problem:
        cited_ids = f" (it cited {', '.join(j.facts)})" if j.facts else ""
        j.problems.append(problem + cited_ids)
        j.reason = f"model's {j.status} not accepted"
        j.status, j.facts = "not_documented", []
        return j
    j.reason = "model judgment; cited facts share: " + ", ".join(sorted(shared)[:6])
    return j
