"""For whom a recommendation holds, and whether that can be this case: the population a
sentence names ("In adults with active AS despite NSAIDs, ...", "... for patients with
asymptomatic hyperuricemia"), checked against the case record (age group, another disease or
form of it, qualifiers such as pregnancy or a comorbidity the record does not mention, a
therapy the case has not had)."""

from __future__ import annotations

import re

from pipeline.draft.failures import failure_fits
from pipeline.draft.levels import affirmed, level_fits
from pipeline.draft.levels import spans as level_spans
from pipeline.draft.measures import measure_fits
from pipeline.models import Case
from pipeline.retrieve.topic import CaseTopic, find_therapies, mentions

_OVER = re.compile(r"\s(?:,\s*)?(?:over|instead of|rather than)\s+(?!\d)", re.I)
# The population opens with its group ("for patients"), or with the failure it follows ("for
# inadequate response to or intolerance of NSAIDs", "despite ...").
_POPULATION = re.compile(
    r"\s(?:(?:for|in|among) (?:patients|adults|children|those|people)|(?:for|after|following) "
    r"(?:an? )?(?:inadequate|insufficient|incomplete|partial|no|lack of) respon\w*|despite)\b",
    re.I,
)


_REASON = re.compile(r"\s*(?:due to|because|given|owing to|since|as a result)\b", re.I)


def split_over(text: str, commas: bool = True) -> tuple[str, str, str]:
    """(what is recommended, the comparator, the population after it). Without ``commas``
    (the sentence opened with its population) a comma goes on listing comparators ("over
    X, Y, or Z"): only a population's own words start one."""
    m = _OVER.search(text)
    if not m:
        p = _POPULATION.search(text)
        return (text[: p.start()], "", text[p.start() :]) if p else (text, "", "")
    head, tail = text[: m.start()], text[m.end() :]
    # a comma opens the population, not one that goes on naming the comparator ("over other
    # injections, including hyaluronic acid")
    p = _POPULATION.search(tail) or (
        commas
        and re.search(
            r",\s(?!including|such as|e\.g\.|i\.e\.|especially|particularly|notably|namely)",
            tail,
        )
    )
    if p and _REASON.match(tail[p.end() :]):
        # ", due to lack of data on ...": the recommendation's reason, for no population
        return head, tail[: p.start()], ""
    if p:
        return head, tail[: p.start()], tail[p.start() :]
    return head, tail, ""


# A numbered or labelled recommendation ("4. In ...", "Recommendation: For patients ...",
# the heading run in before the label), then its population up to the first comma that is
# not inside a list of levels ("active, nonsevere GPA").
_LEADING = re.compile(
    r"^(?:\d+\.\s+)?(?:[^:.]{0,120}?\bRecommendation\s*\d*:\s*|[^:,.]{0,60}:\s+)?"
    r"((?:In|For|Among) (?:[^,]|,\s*(?=(?:non-?\s?severe|severe|mild|moderate|active|"
    r"refractory|relapsing|new-onset|newly)\b)){3,160}),\s*(.*)$",
    re.S | re.I,
)


# (a summary's past tense too: "Adults <40 years ..., we conditionally recommended ...")
_WE = re.compile(r",\s*(we (?:strongly |conditionally )?(?:recommend|suggest)(?:ed)?)\b", re.I)
_EXCEPTION = re.compile(r"^(?:\d+\.\s+)?(?:except|unless|other than)\b", re.I)
_GROUP = re.compile(r"\b(?:adults|patients|children|people|persons|individuals|women|men)\b", re.I)
# An age bound ("≥40 years", "<18 years", "40 years or older", "younger than 65").
_AGE_BOUND = re.compile(
    r"(<|≤|>|≥|=<|>=|under|below|over|above|younger than|older than|aged)\s*(\d{1,3})\s*"
    r"(?:years?|yrs?|y)\b(?:\s+(?:or|and)\s+(older|over|younger|under))?"
    r"|\b(\d{1,3})\s*(?:years?|yrs?)\s+(?:or|and)\s+(older|over|younger|under)\b",
    re.I,
)
# A phase of the disease: a population in remission (maintenance) is not a case with
# active disease seeking induction, nor the reverse.
_REMISSION = re.compile(
    r"\b(?:in|entered|achieved|attained|reached|into) (?:\w+ )?remission\b|"
    r"\bremission maintenance\b",
    re.I,
)
_ACTIVE = re.compile(
    r"\b(?:active|newly diagnosed|new-onset|new onset|still active|flare|remission induction)\b",
    re.I,
)


def _outside_age(population: str, age: int) -> bool:
    """The population's age bound excludes the patient ("≥40 years" for a 30-year-old)."""
    for m in _AGE_BOUND.finditer(population):
        if m.group(2):
            sign, bound, tail = m.group(1).lower(), int(m.group(2)), (m.group(3) or "").lower()
        else:
            sign, bound, tail = "", int(m.group(4)), m.group(5).lower()
        if tail in ("older", "over") or sign in (">=", "≥", "aged"):
            ok = age >= bound
        elif tail in ("younger", "under") or sign in ("<", "under", "below", "younger than"):
            ok = age < bound
        elif sign in ("≤", "=<"):
            ok = age <= bound
        else:  # ">", "over", "above", "older than"
            ok = age > bound
        if not ok:
            return True
    return False


def leading_population(text: str) -> tuple[str, str]:
    """("In adults with active AS despite NSAIDs", the rest) for a sentence that opens
    with its population."""
    m = _LEADING.match(text)
    if m:
        return m.group(1), m.group(2)
    # a table row's population run in after its cells ("... 65–76 Adults <40 years with
    # moderate fracture risk, we conditionally recommend ..."): from its group word
    we = _WE.search(text)
    if we and _EXCEPTION.match(text):
        # "Except in patients intolerant of other agents, we recommend against X": those
        # the recommendation leaves out, not its population
        return "", text[we.end() - len(we.group(1)) :]
    group = we and list(_GROUP.finditer(text[: we.start()]))
    if group:
        return text[group[-1].start() : we.start()], text[we.end() - len(we.group(1)) :]
    return "", text


QUALIFIER = re.compile(
    r"\b(asymptomatic|pregnan\w*|lactat\w*|breastfeed\w*|transplant\w*|dialysis|"
    r"(?<!to-)(?<!to- )(?<!to )severe|concomitant \w+|history of \w+|previous \w+|"
    r"first (?:\w+ )?(?:flare|episode|attack|event)s?|relaps\w*|"
    r"contraindications?|"
    r"inflammatory bowel disease|ibd|(?:ulcerative )?colitis|crohn\w*|uveitis|iritis|"
    r"diabetes|heart failure|infections?|"
    r"lung disease|hepatitis|malignan\w*|cancer|lymphoproliferative|hypogammaglobulinemia|"
    r"liver disease|kidney disease|renal (?:disease|impairment|insufficiency)|"
    r"cardiovascular disease|CVD|nodules|surgery)\b",
    re.I,
)
_CHILD = re.compile(r"\b(children|child|pediatric|paediatric|juvenile|adolescents?)\b", re.I)
_ADULT = re.compile(r"\badults?\b", re.I)


def case_record(case: Case) -> str:
    """The case's words: question, notes, history, diagnoses and prior therapies."""
    parts = [case.question or "", case.notes or "", *case.history]
    parts += [d.name for d in case.diagnoses]
    parts += [f"{p.name} {p.response or ''}" for p in case.prior_therapies]
    return ". ".join(parts)


def _case_text(case: Case) -> str:
    # "No heart failure, no serious infections": what the record rules out is not on it.
    return affirmed(case_record(case).lower())


def population_of(text: str) -> str:
    """For whom a recommendation sentence holds ("in adults with ...", "for patients ...")."""
    lead, body = leading_population(text)
    return f"{lead} {split_over(body)[2]}".strip()


_MALE = re.compile(r"\b(?:men|man|males?|boys?|fathers?)\b", re.I)
_FEMALE = re.compile(
    r"\b(?:women|woman|females?|girls?|mothers?|(?:pre|peri|post)menopausal)\b", re.I
)


def sex_fits(population: str, sex: str | None) -> bool:
    """A population of one sex ("in men with RMD", "premenopausal women") is not a patient
    of the other; one that names both, or neither, may be."""
    male, female = bool(_MALE.search(population)), bool(_FEMALE.search(population))
    if male == female or sex not in ("male", "female"):
        return True
    return female if sex == "female" else male


# "... and patients with ...", "... or those ...": a second group of the population
_GROUPS = re.compile(
    r",?\s+(?:and|or)\s+(?:(?:in|for|among)\s+)?(?=(?:patients|adults|children|those|people|"
    r"individuals)\b)",
    re.I,
)


def population_fits(population: str, case: Case, topic: CaseTopic) -> bool:
    """Whether a recommendation's population can be this case: it names no other disease or
    form of the condition, no age group the patient is outside, and no qualifier
    (asymptomatic, pregnancy, severe, a comorbidity) the case record does not mention."""
    if not population:
        return True
    groups = _GROUPS.split(population)
    if len(groups) > 1:
        # "patients age >=65 years and patients age >18 and <65 years who are taking
        # immunosuppressive medication": two groups, the case is one of them if of either
        return any(population_fits(g, case, topic) for g in groups)
    if topic.names_other_condition(population) or topic.names_other_subtype(population):
        return False
    age = case.patient.age
    child, adult = bool(_CHILD.search(population)), bool(_ADULT.search(population))
    if age is not None and (child and not adult if age >= 18 else adult and not child):
        return False
    if age is not None and _outside_age(population, age):
        return False
    if not sex_fits(population, case.patient.sex):
        return False  # "in men with RMD receiving CYC" for a woman
    if measure_fits(population, case) is False:
        return False  # "with BMI > 50" for a BMI of 42
    if not failure_fits(population, case):
        return False  # for a secondary loss of response, and the case's drug never worked
    if not naive_fits(population, topic):
        return False  # "in treatment-naive patients" for a case after methotrexate
    record = case_record(case)
    if _REMISSION.search(population) and _ACTIVE.search(affirmed(record.lower())):
        if not _REMISSION.search(record):
            return False  # patients in remission (maintenance): not this active case
    # a level of severity, risk or activity ("nonsevere GPA", "moderate fracture risk"):
    # the case's, where its record places it on that scale
    words, abbrev = topic.condition_words, topic.condition_abbrev
    placed = level_fits(population, record, words, abbrev)
    if placed is False:
        return False
    if placed:  # the level words are read: no qualifier the record must repeat
        for start, end in reversed(level_spans(population)):
            population = population[:start] + " " + population[end:]
    text = _case_text(case)
    for m in QUALIFIER.finditer(population):
        words = m.group(1).lower().split()
        if words[0] == "first":  # a first flare: the record must say first of the same
            if not re.search(rf"\bfirst (?:\w+ )?{re.escape(words[-1][:5])}", text):
                return False
            continue
        # "lung disease": the organ says which ("disease" is on every record), the word
        # before it ("inflammatory bowel disease": bowel, not inflammatory back pain)
        if words[0] == "asymptomatic":
            # the record says so by denying the condition's symptoms ("without signs of
            # inflammatory arthritis", "never had a gout flare"): what ``affirmed`` cuts
            if not _SYMPTOM_FREE.search(record):
                return False
            continue
        generic = words[-1] in ("disease", "impairment", "insufficiency") and len(words) > 1
        stem = words[-2][:6] if generic else words[-1][:6]
        if stem in ("contra",):
            stem = "contraindicat"
        if stem not in text:
            return False
    return True


# A record free of the condition's symptoms, in its own words or by denying them.
_SYMPTOM_FREE = re.compile(
    r"\basymptomatic\b|\bwithout (?:any )?(?:signs|symptoms)\b|\bno (?:signs|symptoms)\b|"
    r"\b(?:never (?:had|having)|denies (?:ever )?(?:having )?)[^.;]{0,40}?"
    r"\b(?:flares?|attacks?|symptoms?)\b",
    re.I,
)


# "treatment-naive", "biologic-naive", "TNFi- naive" (a line break's hyphen), "naive to X"
_NAIVE = re.compile(
    r"\b([\w/]+)\s?[-–‐]\s?na[iï]ve\b|\bna[iï]ve to (?:treatment with )?([\w/ -]{2,40})", re.I
)
_ANY_THERAPY = {"treatment", "therapy", "drug", "medication"}
# what relieves symptoms is given before any line of treatment: no end to "treatment-naive"
_SYMPTOMATIC = {"nsaid", "glucocorticoid"}


def naive_fits(population: str, topic: CaseTopic) -> bool:
    """A population naive to a therapy ("treatment-naive", "biologic-naive") is no case that
    tried it: any disease-modifying therapy for "treatment" (NSAIDs and glucocorticoids are
    no line of it), a drug of the class it names otherwise."""
    for m in _NAIVE.finditer(population):
        what = (m.group(1) or m.group(2) or "").strip().lower()
        if what in _ANY_THERAPY:
            if any(not {t.name, *t.classes} & _SYMPTOMATIC for t in topic.prior_terms):
                return False
        elif any(topic.tried(t) for t in find_therapies(what)):
            return False
    return True


_ON_THERAPY = re.compile(
    r"\b(despite|receiving|taking|treated with|on treatment with|while on|"
    r"(?:inadequate|partial|no) response to|intoleran\w* (?:of|to)|failed)\b",
    re.I,
)


def after_untried(population: str, topic: CaseTopic) -> bool:
    """The population is patients on (or after) a therapy this case has not had: "despite
    the first TNFi" for a first request, "taking methotrexate" where none was taken."""
    m = _ON_THERAPY.search(population)
    if not m:
        return False
    tail = population[m.start() :]
    named = find_therapies(tail)
    if topic.request_type == "initial" and topic.names_drug(tail):
        return True
    if topic.request_type == "initial" and topic.names_class(tail):
        # patients on the drug's class: further along, unless the case took a drug of it
        # ("taking a bDMARD" for certolizumab after adalimumab is this very patient)
        return not any(topic.tried(t) for t in named)
    return any(not topic.tried(t) for t in named if not mentions(t.name, topic.drug_words))
