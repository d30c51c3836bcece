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
from pipeline.policy.alternative_bounds import states_every_bound
from pipeline.policy.answer_schema import judgment_schema
from pipeline.policy.attested_voice import third_person
from pipeline.policy.care_setting import REFUSED_VISIT, names_specialty, states_prescriber
from pipeline.policy.clause_polarity import agreeing
from pipeline.policy.comparison import compares_readings
from pipeline.policy.criterion_notes import criterion_notes
from pipeline.policy.criterion_terms import (
    alternatives,
    clauses,
    coverage,
    is_absence,
    negated_terms,
    negates,
    numbers_ok,
    requirements,
)
from pipeline.policy.dates import as_of
from pipeline.policy.defined_state_absence import judge_defined_state_absence
from pipeline.policy.measures import Bound, bounds, states_within
from pipeline.policy.model_spans import states_every_span
from pipeline.policy.models import Judgment, PolicyNode
from pipeline.policy.readers import read_criterion
from pipeline.policy.trials import TRIAL_TERMS
from pipeline.policy.unit_phrase_conflict import facts_disagree

log = logging.getLogger(__name__)
Facts = dict[str, CaseFact]  # case facts by id
PROMPT = "criterion-judge@2"

_NON_DRUG = re.compile(
    r"\b(diet|surgery|resection|stimulation|physical therapy|counsel\w*|phototherapy|"
    r"psychotherapy|exercise|splint\w*)\b",
    re.I,
)
_FAILURE = re.compile(
    r"\b(no|not|none|without|denies|negative|never|failed|failure|inadequate|insufficient|"
    r"intoleran\w*|contraindicat\w*|unable|did not|lack\w*|absent)\b",
    re.I,
)


# A criterion that asks that a therapy was tried and failed: a fact of failure meets it.
_ASKS_TRIAL = re.compile(
    r"\b(inadequate|insufficient|fail\w*|tried|trial|intoleran\w*|refractory|relapsed|"
    r"progress\w*|response to)\b",
    re.I,
)


def specialty_stem(name: str) -> str:
    """'gastroenterologist' → 'gastroenterolog' (matches gastroenterology too)."""
    generic = {"specialist", "physician", "provider", "doctor", "pediatric", "disease", "a", "an"}
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in generic]
    return re.sub(r"(ists?|ians?|y|ies)$", "", words[-1]) if words else ""


def _prior_facts(facts: list[CaseFact]) -> list[CaseFact]:
    return [f for f in facts if f.text.startswith("Prior therapy:")]


def _patient_fact(facts: list[CaseFact]) -> CaseFact | None:
    return next((f for f in facts if f.text.startswith("Patient:")), None)


def judge_by_rule(
    node: PolicyNode, case: Case, facts: list[CaseFact], context: str = ""
) -> Judgment | None:
    """A judgment from numbers and lists alone, or None when the model must be asked.
    ``context``: the stem of the group the criterion is an item of ("inadequate response
    to 90 days of one of the following:"), which some items need to be read."""
    base: dict[str, Any] = {"node_id": node.id, "text": node.text, "page": node.page}
    j = _judge_by_kind(node, case, facts, base)
    if j is not None or node.kind == "reference":
        return j
    if found := judge_defined_state_absence(node.text, node.notes, facts):
        status, cited, reason = found
        return Judgment(**base, status=status, facts=cited, method="rule", reason=reason)
    return _judge_by_reading(node, base, facts, case.requested_treatment.drug, context)


def _judge_by_reading(
    node: PolicyNode, base: dict[str, Any], facts: list[CaseFact], drug: str, context: str
) -> Judgment | None:
    """What code can read in the criterion's own words: a drug tried and failed, a
    measurement against its bound, a fact that restates the criterion (met only)."""
    found = read_criterion(third_person(node.text), facts, drug, context)
    if found is None:
        return None
    status, cited, reason = found
    return Judgment(**base, status=status, facts=cited, method="rule", reason=reason)


def _judge_by_kind(
    node: PolicyNode, case: Case, facts: list[CaseFact], base: dict[str, Any]
) -> Judgment | None:
    """Age, prescriber specialty and counted prior therapies, read from the node's fields."""
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
        if ok is None or (ok and _more_than_age(node.text)):
            # "members 18 years of age or older who have previously received a biologic":
            # the age is one of its requirements; the rest is still to be read
            return None
        return Judgment(
            **base,
            status="met" if ok else "not_met",
            facts=cited,
            method="rule",
            reason=f"age {age} {'satisfies' if ok else 'fails'} {op} {years:g} years",
        )
    if node.kind == "prescriber":
        named = [(s, specialty_stem(s)) for s in node.fields.get("specialties", []) if s]
        named = [(s, t) for s, t in named if len(t) >= 5]
        if not named:
            return None
        for fact in facts:
            # "She has never seen a dermatologist": a specialty named only to deny it
            if any(
                any(names_specialty(s, t, c) for s, t in named)
                and not negates(c)
                and not REFUSED_VISIT.search(c)
                for c in clauses(fact.text)
            ):
                return Judgment(
                    **base,
                    status="met",
                    facts=[fact.id],
                    method="rule",
                    reason="the documented specialty is in the policy's list",
                )
        stated = [f for f in facts if states_prescriber(f)]
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


_AGE_WORDS = set(
    "year age older younger old adult month week author grant approv pediat child".split()
)


def _more_than_age(text: str) -> bool:
    """The criterion asks more than an age (two terms or more besides it)."""
    return sum(1 for g in requirements(text) if not g & _AGE_WORDS) >= 2


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


def judge_by_model(
    node: PolicyNode,
    facts: list[CaseFact],
    llm: LLMClient,
    prompt: Prompt,
    drug: str = "",
    context: str = "",
) -> Judgment:
    """The model's label for one criterion, checked. ``context``: the stem of the group
    the criterion is an item of, shown with it ("one of the following: ..."). The model
    sees the facts that share a term with the criterion (all of them where none does): a
    small model cites what is in front of it."""
    base: dict[str, Any] = {"node_id": node.id, "text": node.text, "page": node.page}
    notes = criterion_notes(node, context)
    patient = _patient_fact(facts)  # a field of the case the check reads, shown or not
    facts = relevant_facts(node.text + " " + context, facts, drug)
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
    fields = {patient.id: patient} if patient and patient.id not in known else {}
    return check_model_judgment(judgment, node, known | fields, drug)


def _absent_outright(fact: CaseFact) -> bool:
    """A fact that states an absence and no number ("No topical corticosteroid has ever
    been tried"): a "not met" on it cannot be a number misread."""
    # a digit inside a name ("PDE-4", "CD19") is no number
    return negates(fact.text) and not re.search(r"(?<![\w-])\d", fact.text.split(":", 1)[-1])


def relevant_facts(
    text: str, facts: list[CaseFact], drug: str = "", most: int = 6
) -> list[CaseFact]:
    """The facts that state one of the criterion's terms, most first (ties in fact order),
    at most ``most``; every fact where none does."""
    groups = requirements(text, drug)
    scored = [(coverage(groups, f.text), k, f) for k, f in enumerate(facts)] if groups else []
    hits = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1]))[:most]
    return [f for _, _, f in sorted(hits, key=lambda x: x[1])] or facts


_SEX = {"female": r"\b(?:wom[ae]n|female|girls?)\b", "male": r"\b(?:m[ae]n|male|boys?)\b"}


def _other_sex(text: str, facts: dict[str, CaseFact]) -> tuple[str, str] | None:
    """(the sex the criterion names, the case's line) where the case's patient is of the
    other sex: a field of the case no reading of the notes can outweigh."""
    patient = _patient_fact(list(facts.values()))
    if patient is None:
        return None
    asked = [sex for sex, p in _SEX.items() if re.search(p, text, re.I)]
    stated = [sex for sex, p in _SEX.items() if re.search(p, patient.text, re.I)]
    if len(asked) == 1 and len(stated) == 1 and asked != stated:
        return asked[0], patient.text
    return None


def _together(
    groups: list[set[str]], need: int, cited: list[CaseFact], facts: dict[str, CaseFact]
) -> list[CaseFact]:
    """The facts that state the criterion together where none states it alone ("a
    postmenopausal woman with osteoporosis": "Patient: 68-year-old female." and
    "Diagnosis: Postmenopausal osteoporosis"): each states a term of it, and together
    they state as many as one fact must. Only the case's fields (the patient's line, which
    joins the cited facts, and its diagnoses) with at most one note combine."""
    patient = _patient_fact(list(facts.values()))
    pool = cited + ([patient] if patient and patient not in cited else [])
    pool = [f for f in pool if coverage(groups, f.text)]
    # the case's fields (its patient line, its diagnoses) and at most one note: two notes
    # that each share a word with the criterion are no statement of it
    fields = [f for f in pool if f.text.startswith(("Patient:", "Diagnosis:"))]
    notes = sorted(
        (f for f in pool if f not in fields and not f.text.startswith(("Payer", "Requested"))),
        key=lambda f: -coverage(groups, f.text),
    )
    parts = fields + notes[:1]
    if not fields:
        return []
    stated = sum(any(coverage([g], f.text) for f in parts) for g in groups)
    return parts if len(parts) >= 2 and stated >= max(need, 2) else []


def _one_or_more(bound: Bound) -> bool:
    """A count of at least one, of no unit: the thing stated once states it."""
    return bound.op == ">=" and bound.low == 1 and bound.unit is None


def check_model_judgment(
    j: Judgment, node: PolicyNode, facts: dict[str, CaseFact], drug: str = "", share: int = 2
) -> Judgment:
    """The model's answer checked (see ``_check``); a met no fact states of the whole
    criterion may be one of its alternatives ("either ..., or ..."), checked alone."""
    if j.status == "met" and compares_readings(node.text):  # two readings: code compares
        problem = "the model said met for a comparison of two readings: code compares them"
        return j.model_copy(
            update={"status": "not_documented", "facts": [], "problems": [*j.problems, problem]}
            | {"reason": "model's met not accepted"}
        )
    checked = _check(j.model_copy(deep=True), node, facts, drug, share)
    if j.status == "met" and checked.status != "met":
        for alt in alternatives(node.text):
            one = _check(
                j.model_copy(deep=True), node.model_copy(update={"text": alt}), facts, drug, share
            )
            if one.status == "met" and states_every_bound(alt, one.facts, facts):
                one.reason = f'{one.reason} (its alternative "{alt[:80]}")'
                return one
    return checked


def _check(j: Judgment, node: PolicyNode, facts: Facts, drug: str, share: int) -> Judgment:
    """The model labels; this checks, fact by fact, and keeps the facts that bear it out.

    A met must cite a fact that states most of the criterion's terms (1/share of them, at
    least two; a drug standing for its class, an abbreviation for its words; the requested
    drug's name not counting) with the criterion's polarity: a criterion of absence stated
    as an absence, any other in a fact that negates nothing. A not_met must cite a fact
    about the same terms that states the opposite: for a criterion of absence, the thing
    present; for one asking that a therapy failed, that it was not tried (its failure is no
    "not met"); for any other, an absence or a failure. Numbers are code's: a criterion
    with a numeric bound is not met by the model's word, and met only citing a fact that
    states the bound's numbers. Anything else is not documented, the reason kept."""
    if j.status == "not_documented":
        j.facts = []
        return j
    text = node.text + " " + " ".join(node.notes)
    groups = requirements(node.text, drug) or requirements(text, drug)
    groups = [g for g in groups if not g <= {"she", "he"}] or groups  # a pronoun states nothing
    cited = [facts[i] for i in j.facts if i in facts]
    numeric = bounds(node.text)
    absence = is_absence(node.text) and not numeric  # "does not exceed 375 mg": a bound
    trial = bool(_ASKS_TRIAL.search(node.text))
    if trial:  # "inadequate response to X": a fact about X speaks to it, however it went
        groups = [g for g in groups if not g & TRIAL_TERMS] or groups
    need = len(groups) if len(groups) <= 2 else max(2, -(-len(groups) // share))
    kept: list[CaseFact] = []
    problem = ""
    if not cited:
        problem = f"the model said {j.status} but cited no case fact"
    elif j.status == "met" and (other := _other_sex(node.text, facts)):
        problem = f"the model said met for a criterion about a {other[0]}, but {other[1]}"
    elif not groups:
        problem = f"the model said {j.status} for a criterion with no terms to check"
    elif j.status == "not_met" and numeric and not any(_absent_outright(f) for f in cited):
        problem = "the model said not met for a numeric criterion: numbers are for code"
    else:
        about = [f for f in cited if coverage(groups, f.text) >= need]
        if not about and j.status == "met" and absence:
            # "not on permanent ventilator dependence": "uses no ventilator" states it
            about = [f for f in cited if negated_terms(groups, f.text)]
        if not about and j.status == "met":
            about = _together(groups, need, cited, facts)
        if not about:
            problem = f"the model said {j.status} citing facts that do not state the criterion"
        elif j.status == "met":
            # every clause of the fact that states a term says it with the criterion's
            # polarity ("X is planned; no Y" does not state the absence of X and Y)
            kept = agreeing(node.text, groups, need, about)
            if (
                len(about) > 1
                and len(kept) < len(about)
                and not any(coverage(groups, f.text) >= need for f in kept)
            ):
                kept = []  # facts that state it only together: each must say it plainly
            polar = bool(kept)
            if numeric and _one_or_more(numeric[0]):
                pass  # "at least one other antiseizure medication": one stated is enough
            elif numeric:
                wanted = {f"{numeric[0].low:g}"}  # the bound; later ones may be conditions
                kept = [
                    f
                    for f in kept
                    if wanted <= set(re.findall(r"\d+(?:\.\d+)?", f.text))
                    or states_within(numeric[0], f.text)
                ]
                kept = [f for f in kept if states_every_span(numeric[1:], f.text)]
                if facts_disagree(node.text, list(facts.values()), drug):
                    kept = []  # readings on both sides of the bound: none states it
            else:  # "relapsed within 12 months": a fact that states no such number is no met
                today = as_of(list(facts.values()))
                kept = [f for f in kept if numbers_ok(node.text, f.text, f, today)]
            if not kept:
                problem = (
                    "the model said met citing facts that do not state the criterion's numbers"
                    if polar
                    else "the model said met citing a fact that negates"
                    if not absence
                    else "the model said met for a criterion of absence citing no absence"
                )
        elif absence:
            kept = [f for f in about if not negates(f.text)]
            if not kept:
                problem = (
                    "the model said not met for a criterion of absence citing a fact of absence"
                )
        elif trial:
            kept = [f for f in about if negates(f.text)]
            if not kept:
                problem = (
                    "the model said not met for a criterion asking a therapy's failure, citing "
                    "facts that state the failure or no absence"
                )
        else:
            kept = [f for f in about if _FAILURE.search(f.text)]
            if not kept:
                problem = "the model said not met citing facts that state no absence or failure"
    if not problem and j.status == "not_met":
        # A denial must rest on a fact plainly about the criterion: two of its terms at
        # least ("never received gene therapy for SMA" is no "not met" of "SMA"), and no
        # fact stating the criterion as fully with the other polarity.
        least = 1 if trial and len(groups) == 1 else 2  # "never tried X or Y": X is enough
        kept = [f for f in kept if coverage(groups, f.text) >= least]
        best = max((coverage(groups, f.text) for f in kept), default=0)
        if not kept:
            problem = "the model said not met citing a fact that states too little of it"
        elif any(
            coverage(groups, c) >= best and negates(c) == absence
            for f in facts.values()
            for c in clauses(f.text)
            if f.id not in {k.id for k in kept}
        ):
            problem = "the model said not met but another fact states the criterion"
    if problem:
        cited_ids = f" (it cited {', '.join(j.facts)})" if j.facts else ""
        j.problems.append(problem + cited_ids)
        j.reason = f"model's {j.status} not accepted"
        j.status, j.facts = "not_documented", []
        return j
    j.facts = [f.id for f in kept]
    j.reason = (
        f"model judgment; {', '.join(j.facts)} state{'s' if len(kept) == 1 else ''} "
        f"{min(coverage(groups, f.text) for f in kept)}+ of the criterion's {len(groups)} terms"
    )
    return j
