"""A second, simpler question for a criterion the three-way judgment left not documented:
"does this one fact show it?", asked of at most two facts. Code picks the facts (each states
most of the criterion's terms with its polarity and numbers, so that the check of a model's
"met" would accept it), the model answers yes or no, and a yes counts only through that same
check (``judge.check_model_judgment``). A no decides nothing: a small model's "no" to one
fact is no statement that the patient fails the criterion, so it stays not documented."""

from __future__ import annotations

import re
from typing import Any

from pipeline.llm import LLMClient, LLMError, LLMUnavailable
from pipeline.llm.prompts import Prompt
from pipeline.models import CaseFact
from pipeline.policy.age_phrases import patient_age, plain_age_words
from pipeline.policy.criterion_notes import criterion_notes
from pipeline.policy.criterion_terms import coverage, requirements
from pipeline.policy.judge import check_model_judgment
from pipeline.policy.models import Judgment, PolicyNode
from pipeline.settings import Settings

PROMPT = "criterion-fact@1"
MOST_FACTS = 2  # model calls per criterion, at most
# A yes asked of one fact counts where the fact states a third of the criterion's terms (two
# at least; the three-way judgment's met needs half): the question names the fact, so the
# model cannot have answered about another, and polarity and numbers are checked as ever.
SHARE = 3
METHOD = "fact_question"

ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["answer"],
    "properties": {"answer": {"type": "string", "enum": ["yes", "no"]}},
}


# "18 years or older", "(18 or older)", "aged 65 or over", "at least 12 years of age": an age
# inside a longer criterion ("Adult (18 or older) with type 2 diabetes")
_AGE_PART = re.compile(
    r"\(?\s*(?:aged?\s+)?\d{1,2}\s*(?:years?(?:\s+of\s+age|\s+old)?\s+)?or\s+older\s*\)?"
    r"|\(?\s*(?:aged?\s+)?\d{1,2}\s*years?(?:\s+of\s+age|\s+old)?\s+or\s+(?:over|above)\s*\)?"
    r"|\(?\s*aged?\s+\d{1,2}\s+or\s+(?:over|above)\s*\)?"
    r"|\(?\s*at\s+least\s+\d{1,2}\s*years?(?:\s+of\s+age|\s+old)?\s*\)?",
    re.I,
)


def without_met_age(node: PolicyNode, facts: list[CaseFact]) -> tuple[PolicyNode, CaseFact | None]:
    """The criterion less an age inside it that the patient line meets ("Adult (18 or
    older) with type 2 diabetes" for a 63-year-old: "Adult with type 2 diabetes"), and that
    line; the criterion as it is (and None) where it states no age or the case fails it."""
    text = plain_age_words(node.text)
    found = patient_age(facts)
    ages = list(_AGE_PART.finditer(text))
    if found is None or len(ages) != 1 or len(text) - len(ages[0].group(0)) < 15:
        return node, None
    patient, age = found
    if age < int(re.search(r"\d+", ages[0].group(0)).group(0)):  # type: ignore[union-attr]
        return node, None
    rest = (text[: ages[0].start()] + " " + text[ages[0].end() :]).strip()
    rest = re.sub(r"\b(?:is|are)\s+and\s+", "", rest, flags=re.I)  # "Recipient is [18+] and had"
    return node.model_copy(update={"text": " ".join(rest.split())}), patient


def fact_prompt_ref(settings: Settings) -> str | None:
    """The fact question's prompt where the settings ask it (``policy.fact_question``)."""
    return settings.policy.fact_question_prompt if settings.policy.fact_question else None


def candidate_facts(node: PolicyNode, facts: list[CaseFact], drug: str = "") -> list[CaseFact]:
    """The facts a "met" citing it alone would pass the check on, most terms first (ties in
    fact order), at most ``MOST_FACTS``: the only facts a yes could count on."""
    groups = requirements(node.text, drug)
    if not groups:
        return []
    known = {f.id: f for f in facts}
    scored = sorted(
        ((coverage(groups, f.text), k, f) for k, f in enumerate(facts)),
        key=lambda x: (-x[0], x[1]),
    )
    out: list[CaseFact] = []
    for score, _, fact in scored:
        if score == 0 or len(out) == MOST_FACTS:
            break
        trial = Judgment(
            node_id=node.id, text=node.text, page=node.page, status="met", facts=[fact.id]
        )
        if check_model_judgment(trial, node, known, drug, SHARE).status == "met":
            out.append(fact)
    return out


def ask_fact(
    node: PolicyNode, fact: CaseFact, llm: LLMClient, prompt: Prompt, context: str = ""
) -> tuple[bool, str]:
    """(the model said yes, a problem to record where it gave no usable answer)."""
    notes = criterion_notes(node, context)
    messages = prompt.render(fact=fact.text, criterion=node.text, notes=notes, page=str(node.page))
    try:
        result = llm.complete_json(messages, ANSWER_SCHEMA, "fact_answer")
    except LLMUnavailable:
        raise  # an outage is not an answer: the review fails and can be resumed
    except LLMError as exc:
        return False, f"the model gave no usable answer about {fact.id}: {exc}"
    data = result.data if isinstance(result.data, dict) else {}
    return data.get("answer") == "yes", ""


def ask_facts(
    j: Judgment,
    node: PolicyNode,
    facts: list[CaseFact],
    llm: LLMClient,
    prompt: Prompt,
    drug: str = "",
    context: str = "",
) -> tuple[Judgment, int]:
    """``j`` (the three-way judgment, not documented) decided by the fact question where
    the model says yes of a candidate fact and the check accepts it; else ``j`` with what
    was asked in its problems. Also the number of model calls made."""
    if j.status != "not_documented":
        return j, 0
    known = {f.id: f for f in facts}
    asked: list[str] = []
    calls = 0
    # an age inside the criterion is code's, read from the patient line; the fact the
    # rest: "Adult (18 or older) with type 2 diabetes" is asked as "Adult with type 2 diabetes"
    node, patient = without_met_age(node, facts)
    by_age = [patient.id] if patient else []
    aged = f"; the age from {patient.id}" if patient else ""
    for fact in candidate_facts(node, facts, drug):
        yes, problem = ask_fact(node, fact, llm, prompt, context)
        calls += 1
        if problem:
            asked.append(problem)
            continue
        if not yes:
            asked.append(f"asked whether {fact.id} alone shows it: the model said no")
            continue
        met = Judgment(node_id=j.node_id, text=j.text, page=j.page, status="met", facts=[fact.id])
        checked = check_model_judgment(met, node, known, drug, SHARE)
        if checked.status != "met":  # the candidates passed it; kept for any later change
            asked.append(f"the model said yes of {fact.id}, not accepted: {checked.problems}")
            continue
        return (
            checked.model_copy(
                update={
                    "method": METHOD,
                    "facts": [*checked.facts, *by_age],
                    "reason": f"the model said {fact.id} shows it, asked of that fact alone; "
                    f"{checked.reason.removeprefix('model judgment; ')}{aged}",
                    "problems": [*j.problems, *asked, "three-way judgment: not documented"],
                }
            ),
            calls,
        )
    return j.model_copy(update={"problems": [*j.problems, *asked]}), calls
