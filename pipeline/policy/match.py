"""Which policy applies (the requested drug) and which of its indications (diagnosis name,
ICD-10 code): word overlap and code ranges, each choice with the reason in words."""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.models import Case
from pipeline.policy.coded_forms import coded_forms
from pipeline.policy.condition_vocabulary import DOCUMENT_WORDS, names_condition
from pipeline.policy.contrasts import QUALIFIER, contrast_fit
from pipeline.policy.diagnosis_names import dx_names as _dx_names
from pipeline.policy.diagnosis_names import icd10_names
from pipeline.policy.drug_headings import headed_by
from pipeline.policy.fields import code_in
from pipeline.policy.lead_in_condition import lead_in_condition
from pipeline.policy.models import Exclusion, Indication, PolicyTree
from pipeline.policy.name_words import condition_words, other_form, words
from pipeline.policy.population_fit import population_fit
from pipeline.policy.procedure_abbreviations import spell_common
from pipeline.policy.section_names import defined_abbreviations as section_abbreviations
from pipeline.policy.section_names import spell_out
from pipeline.policy.word_families import shared_words

_DRUG_GENERIC = {
    "intravenous",
    "subcutaneous",
    "injection",
    "injections",
    "oral",
    "solution",
    "tablets",
    "tablet",
    "capsules",
    "infusion",
    "products",
    "product",
    "therapy",
    "dose",
    "daily",
    # "extended-release" says how a product releases, not which drug it is
    "extended",
    "release",
    "delayed",
}


# What follows "without", "except", "other than" ... in an exclusion is not the excluded
# condition ("COPD without an eosinophilic asthma diagnosis" does not exclude asthma).
_NEGATION = re.compile(
    r"\b(?:without|except|excluding|other than|unless|in the absence of|but not)\b.*", re.I | re.S
)


def drug_words(drug: str) -> set[str]:
    return {w for w in words(drug) if len(w) >= 4 and w not in _DRUG_GENERIC}


def policy_for(case: Case, trees: list[PolicyTree]) -> tuple[PolicyTree | None, str]:
    """The policy whose title, scope or indications (a drug list's rows) name the requested
    drug (the case's named payer policy breaks ties)."""
    drug = case.requested_treatment.drug
    terms = drug_words(drug)
    named = (case.payer.policy or "").lower()
    best: tuple[float, PolicyTree | None, str] = (0.0, None, "")
    for tree in trees:
        title, scope = words(tree.title), words(tree.scope)
        # a drug list's rows, the headings indications sit under ("Drug (Brand) for X"), and
        # the lead-ins of their criteria ("Vibegron (Gemtesa) for overactive bladder: approve
        # 12 months when"), where a layout prints the drug nowhere else
        rows = words(" ".join(f"{i.name} {i.section} {_lead_ins(i)}" for i in tree.indications))
        in_title = terms & title
        in_scope = terms & scope
        in_rows = terms & rows - in_title - in_scope
        score = 2.0 * len(in_title) + len(in_scope - in_title) + len(in_rows)
        if named and tree.title.lower() in named or named and named in tree.title.lower():
            score += 0.5
        if score > best[0]:
            where = "title" if in_title else "scope" if in_scope else "indications"
            hits = ", ".join(sorted(in_title or in_scope or in_rows))
            best = (score, tree, f"the policy's {where} names the requested drug ({hits})")
    if best[1] is None:
        return None, f"no policy on file names the requested drug ({drug})"
    return best[1], best[2]


def _name_forms(name: str) -> list[str]:
    """A name as printed, without what it has in parentheses ("Preventive treatment of
    migraine (Aimovig, Ajovy, ...)"), and its head before a sentence runs on from it
    ("Asthma. Approve for the duration noted if ...")."""
    forms = [name, re.sub(r"\([^)]*\)", " ", name)]
    # "Preterm infants without chronic lung disease": what the name rules out is not it
    forms.append(_NEGATION.sub("", forms[-1]))
    head = re.split(r"(?<=[a-z)])\.\s+(?=[A-Z])", name, maxsplit=1)[0]
    forms.append(re.sub(r"\([^)]*\)", " ", head))
    return list(dict.fromkeys(f.strip() for f in forms if f.strip()))


def _overlap(name: str, case: Case, together: bool = False) -> tuple[float, str]:
    """How a name is the case's diagnosis; ``together``: or two diagnoses' (an indication's
    name, never an exclusion's: a cancer and its anemia are no "anemia due to cancer in
    members not receiving chemotherapy")."""
    scored = [_overlap_one(form, case, together) for form in _name_forms(name)]
    return max(scored, key=lambda x: x[0], default=(0.0, ""))  # an empty name matches nothing


# The words of a policy's sentence around a condition ("Coverage for prevention of chronic
# migraine is considered medically necessary when"): they name no condition, so they do not
# thin the share of an indication's name that a diagnosis holds.
_SENTENCE_WORDS = DOCUMENT_WORDS | set(
    """considered is are be been when if following met meets continued continuation
    reauthorization renewal prevention preventive treatment management medically
    necessary coverage covered""".split()
)


def _overlap_one(name: str, case: Case, together: bool = False) -> tuple[float, str]:
    target = condition_words(name) - _SENTENCE_WORDS or condition_words(name)
    # "Phenylketonuria - sapropterin and pegvaliase": the requested drug named beside the
    # condition is no word of the condition, so it does not thin the diagnosis's share
    target = target - drug_words(case.requested_treatment.drug) or target
    if not target:
        return 0.0, ""
    best = (0.0, "")
    for dx in case.diagnoses:
        # an indication's name may use another name of the condition; an exclusion's is
        # read as written (a synonym must not widen what a policy rules out)
        names = _dx_names(dx.name, dx.icd10) if together else (dx.name,)
        if other_form(name, *names):
            continue  # "hemophilia C" is no "hemophilia A", though both say hemophilia
        coded = icd10_names(dx.icd10) if together else ()
        for k, dx_name in enumerate(names):
            # "Iron deficiency without anemia": what the diagnosis rules out it is not
            shared = _shared(target, condition_words(_NEGATION.sub("", dx_name)), together)
            if not shared:
                continue
            fraction = len(shared) / len(target)
            if k and dx_name in coded and fraction < 1 and len(shared) < 2:
                # the code's name, not the case's words: it holds the indication's name
                # whole or two of its words ("hemochromatosis" is no "hereditary" one)
                continue
            if fraction >= 0.5 or len(shared) >= 2:
                score = fraction + 0.1 * len(shared) - (0.05 if k else 0.0)
                said = f"diagnosis {dx.name!r}" + (f" (also {dx_name!r})" if k else "")
                if k and fraction == 1.0 and dx_name in coded_forms(dx.icd10):
                    score += 1.0  # the coded form's indication over its condition's
                    said += f" (the form its code {dx.icd10} is)"
                if score > best[0]:
                    best = (score, f"{said} shares {', '.join(sorted(shared))}")
    # "Thrombocytopenia in chronic liver disease": a condition in another, each a diagnosis
    # of its own; together they hold more of the name than either (a little less sure)
    # each diagnosis by its other names too ("HIV disease" is "AIDS" of "AIDS-related anorexia")
    each = (
        [
            set().union(
                *(
                    _shared(target, condition_words(_NEGATION.sub("", n)), True)
                    for n in _dx_names(dx.name, dx.icd10)
                )
            )
            for dx in case.diagnoses
        ]
        if together
        else []
    )
    union = set().union(*each) if each else set()
    if sum(1 for x in each if x) >= 2 and len(union) >= 2 and len(union) / len(target) >= 0.5:
        score = len(union) / len(target) + 0.1 * len(union) - 0.1
        if score > best[0]:
            best = (score, f"the diagnoses together share {', '.join(sorted(union))}")
    return best


def _shared(target: set[str], dx_words: set[str], together: bool) -> set[str]:
    # an indication's name by word family too ("depression" of "depressive disorder")
    return shared_words(target, dx_words) if together else target & dx_words


def _codes(specs: list[str], case: Case) -> str:
    for dx in case.diagnoses:
        for spec in specs:
            if dx.icd10 and code_in(dx.icd10, spec):
                return f"ICD-10 {dx.icd10} is within {spec}"
    return ""


def _treatment_overlap(name: str, case: Case) -> tuple[float, str]:
    """How well an indication's name names the requested drug or service ("Korlym®
    (mifepristone)", "Home/Portable Monitor Sleep Testing")."""
    target = {w for w in words(name) if len(w) >= 4} - _DRUG_GENERIC
    shared = drug_words(case.requested_treatment.drug) & target
    if not shared:
        return 0.0, ""
    fraction = len(shared) / len(target)
    if fraction < 0.3 and len(shared) < 2:
        return 0.0, ""
    what = f"the requested {case.requested_treatment.drug!r} shares {', '.join(sorted(shared))}"
    return fraction + 0.1 * len(shared), what


def defined_abbreviations(tree: PolicyTree) -> dict[str, str]:
    """What the policy's own text defines ("Hereditary angioedema (HAE)" → HAE), read as
    the compiler reads it (section_names.py): its title, scope, names and criteria."""
    texts = [tree.title, tree.scope, *(i.name for i in tree.indications)]
    return section_abbreviations(*texts, *(_all_text(i) for i in tree.indications))


def _lead_ins(ind: Indication) -> str:
    return " ".join(b.node.text for b in ind.branches)


def _all_text(ind: Indication) -> str:
    return " ".join(n.text for b in ind.branches for n in b.node.nodes())


class IndicationMatch(NamedTuple):
    """The indication a case matches, why, and what the matcher read on the way that the
    decision reads again: the case's side of the indication's with/without split
    (contrasts.contrast_fit) and the policy's abbreviations (for ``indication_score``)."""

    indication: Indication | None
    why: str
    fit: tuple[bool | None, str]
    abbreviations: dict[str, str]


def indication_for(case: Case, tree: PolicyTree) -> tuple[Indication | None, str]:
    found = match_indication(case, tree)
    return found.indication, found.why


def match_indication(case: Case, tree: PolicyTree) -> IndicationMatch:
    best: tuple[float, Indication | None, str] = (0.0, None, "")
    abbreviations = defined_abbreviations(tree)
    # a with/without split: the qualifier's words are no sign of the case's side, and the
    # side the case states rules the other out (contrasts.py)
    fits = {i.id: contrast_fit(case, tree, i) for i in tree.indications}
    plain = {
        i.id: QUALIFIER.sub(" ", i.name, count=1) if fits[i.id][1] else i.name
        for i in tree.indications
    }
    names_of = {
        i.id: spell_common(spell_out(plain[i.id], abbreviations), abbreviations)
        for i in tree.indications
    }
    if not any(
        _overlap(names_of[i.id], case, True)[0] or _treatment_overlap(i.name, case)[0]
        for i in tree.indications
    ):
        # names in a short form never defined ("SECONDARY HPT ON DIALYSIS"), none naming
        # the drug either: the condition the branch lead-ins name ("Approve ... for
        # secondary hyperparathyroidism when")
        for i in tree.indications:
            if (said := lead_in_condition(i)) and _overlap(said, case, True)[0]:
                names_of[i.id] = said
    wanted_drug = drug_words(case.requested_treatment.drug)
    drug_in_criteria = {
        i.id for i in tree.indications if wanted_drug & words(f"{i.section} {_all_text(i)}")
    }
    if len(drug_in_criteria) == len(tree.indications):
        # every indication names it: the one whose drug heading is most the requested
        # drug's ("Ivacaftor (Kalydeco)" beside "Elexacaftor + tezacaftor + ivacaftor"), if any
        drug_in_criteria = headed_by(tree.indications, wanted_drug, drug_words)
    wanted = case.requested_treatment.request_type
    # The diagnosis names a condition's indication; only where none does, the requested
    # drug or service names one (a drug list's row, a service policy's section).
    by_treatment = not any(
        _overlap(names_of[i.id], case, True)[0] or _codes(i.icd10, case) for i in tree.indications
    )
    # A statement that names no condition ("Continued subcutaneous spesolimab is covered
    # when ...") is for the condition of its section's other statements.
    overlaps = {i.id: _overlap(names_of[i.id], case, together=True) for i in tree.indications}
    by_section: dict[str, tuple[float, str]] = {}
    for i in tree.indications:
        if overlaps[i.id][0] > by_section.get(i.section, (0.0, ""))[0]:
            by_section[i.section] = overlaps[i.id]
    scored: list[tuple[float, Indication, str]] = []
    for ind in tree.indications:
        if fits[ind.id][0] is False:
            continue  # the case is on the other side of the policy's split
        score, why = overlaps[ind.id]
        inherited = (
            not score
            and ind.section in by_section
            and not names_condition(_ROUTES.sub(" ", ind.name))
        )
        if inherited:
            score = by_section[ind.section][0] - 0.05
            why = f"{by_section[ind.section][1]} (the condition of its section)"
        if score and (fit := _request_fit(ind.name, case))[0]:
            score, why = score + fit[0], f"{why}; {fit[1]}"
        if score and (fit := population_fit(ind.name, case))[0]:
            score, why = score + fit[0], f"{why}; {fit[1]}"
        served, what = _treatment_overlap(ind.name, case) if by_treatment else (0.0, "")
        if served:
            score, why = served, what
        if inherited:
            pass  # named only by the drug: the statements that name the condition go first
        elif (
            score
            and not served
            and (named := drug_words(case.requested_treatment.drug) & words(ind.name))
        ):
            # two indications for one condition ("preventive" and "acute" treatment of
            # migraine): the one that names the requested drug is the drug's (brand and
            # generic over a generic alone)
            score = score + 0.3 + 0.05 * len(named)
            why = f"{why}; names {', '.join(sorted(named))}"
        elif score and not served and ind.id in drug_in_criteria:
            # ... or, where no name does, the one whose criteria (or drug group) name it
            score, why = score + 0.2, f"{why}; its criteria name the requested drug"
        code = _codes(ind.icd10, case)
        if code:
            score, why = score + 2.0, "; ".join(x for x in [code, why] if x)
        if score and wanted not in _request_types(ind):
            score -= 0.5  # the same condition's criteria for the other request type
        elif score and ind.request_type == wanted:
            why += f"; {wanted} criteria"
        if score > best[0]:
            best = (score, ind, why)
        if score > 0:
            scored.append((score, ind, why))
    best = _of_requested_type(best, scored, names_of, case)
    if best[1] is None:
        dx = "; ".join(d.name for d in case.diagnoses)
        why = f"no indication of the policy matches the diagnoses ({dx})"
        return IndicationMatch(None, why, (True, ""), abbreviations)
    ind = best[1]
    why = f"indication {ind.id} ({ind.name}, page {ind.page}): {best[2]}"
    return IndicationMatch(ind, why, fits[ind.id], abbreviations)


def _of_requested_type(
    best: tuple[float, Indication | None, str],
    scored: list[tuple[float, Indication, str]],
    names_of: dict[str, str],
    case: Case,
) -> tuple[float, Indication | None, str]:
    """A condition's initial and renewal criteria compiled as two indications, the renewal
    named more briefly and so closer to the diagnosis: the request's own type wins among
    those naming the same condition words of the diagnosis."""
    wanted, ind = case.requested_treatment.request_type, best[1]
    if ind is None or wanted in _request_types(ind):
        return best
    dx = set().union(*(condition_words(d.name) for d in case.diagnoses))
    same = condition_words(names_of[ind.id]) & dx
    typed = [
        x
        for x in scored
        if wanted in _request_types(x[1])
        and same
        and condition_words(names_of[x[1].id]) & dx >= same
    ]
    return max(typed, key=lambda x: x[0]) if typed else best


def _request_types(ind: Indication) -> set[str]:
    """The request types an indication's criteria answer: its own, else its branches' ("any"
    answers both)."""
    types = (
        {ind.request_type} if ind.request_type != "any" else {b.request_type for b in ind.branches}
    )
    return {"initial", "continuation"} if "any" in types or not types else types


_ROUTES = re.compile(
    r"\b(intravenous(?:ly)?|subcutaneous(?:ly)?|intramuscular(?:ly)?|oral(?:ly)?|topical(?:ly)?|"
    r"inhaled|intrathecal|intravitreal)\b",
    re.I,
)
_CONTINUED = re.compile(
    r"^\s*(?:continued|continuation|continuing|renewal|re-?authori[sz]ation|recertification)\b",
    re.I,
)


def _request_fit(name: str, case: Case) -> tuple[float, str]:
    """How a statement's own words fit the request: its route ("Intravenous X for a
    flare" for an intravenous request) and whether it continues therapy ("Continued X
    is covered when ...")."""
    asked = case.requested_treatment
    said = {m.lower()[:5] for m in _ROUTES.findall(name)}
    given = {m.lower()[:5] for m in _ROUTES.findall(f"{asked.route or ''} {asked.drug}")}
    fit, why = 0.0, []
    if said and given:
        fit += 0.2 if said & given else -0.4
        why.append("its route " + ("matches" if said & given else "differs"))
    if _CONTINUED.match(name):
        fit += 0.5 if asked.request_type == "continuation" else -0.5
        why.append(f"a continuation statement for a {asked.request_type} request")
    return fit, "; ".join(why)


_SITUATION = re.compile(r"\b(concurrent|combination|use with|in combination|together)\b", re.I)


def is_situational(ex: Exclusion) -> bool:
    """An exclusion about how the drug is used (with another biologic), not a condition."""
    return bool(_SITUATION.search(ex.name))


# "Chronic migraine: 155 units every 12 weeks": a dosing limit the layout put among the
# exclusions, about a condition the policy covers; it excludes no diagnosis.
_DOSE_LIMIT = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|units?|ml|iu)\b", re.I)


def _is_dose_limit(ex: Exclusion) -> bool:
    return bool(_DOSE_LIMIT.search(ex.text)) and not _DOSE_LIMIT.search(ex.name)


def excluded_condition(case: Case, ex: Exclusion) -> str:
    """Why the case's diagnosis is this excluded condition, or '': an ICD-10 code inside the
    exclusion's, or a diagnosis that holds every condition word of the exclusion's name. An
    exclusion denies outright, so sharing most words is not enough ("T-cell ALL" is not a
    B-cell ALL); see ``resembles_exclusion``."""
    if ex.catch_all or is_situational(ex) or _is_dose_limit(ex):
        return ""
    if (qualifier := _NEGATION.search(ex.name)) and not _qualifier_holds(qualifier.group(0), case):
        # "myasthenia gravis without anti-AChR antibodies": the condition alone is not it
        return ""
    code = _codes(ex.icd10, case)
    target = condition_words(_NEGATION.sub("", ex.name))
    full = next(
        (
            dx.name
            for dx in case.diagnoses
            if target
            and target <= condition_words(dx.name)
            and _same_severity(ex.name, dx.name)
            and not other_form(ex.name, dx.name)  # "type 2" excludes no "type 1"
        ),
        "",
    )
    why = f"diagnosis {full!r} names every word of it" if full else ""
    return "; ".join(x for x in [code, why] if x)


_SEVERITY = re.compile(r"\b(mild|moderate|severe|profound)(?:ly)?\b", re.I)


def _same_severity(excluded: str, diagnosis: str) -> bool:
    """ "Moderate or severe Alzheimer's dementia" is no "mild dementia due to Alzheimer's":
    where both name a severity, they must share one."""
    said = {m.lower() for m in _SEVERITY.findall(excluded)}
    has = {m.lower() for m in _SEVERITY.findall(diagnosis)}
    return not (said and has) or bool(said & has)


def _qualifier_holds(qualifier: str, case: Case) -> bool:
    """The case states what an exclusion's qualifier asks: for "without X", a fact that
    states X absent (read as a criterion of absence, "No X"); for "without an X
    diagnosis", no diagnosis of the case that names X."""
    from pipeline.cases import case_facts
    from pipeline.policy.restated import judge_restated

    m = re.match(r"(?i)without\s+(.+)", qualifier.strip())
    if not m:
        return False
    if re.search(r"\bdiagnos", m.group(1), re.I):
        # "without an eosinophilic asthma diagnosis": the case's diagnoses are on file
        wanted = condition_words(re.sub(r"(?i)\bdiagnos\w*", "", m.group(1)))
        return not any(wanted and wanted <= condition_words(dx.name) for dx in case.diagnoses)
    found = judge_restated(f"No {m.group(1)}", case_facts(case), case.requested_treatment.drug)
    return found is not None and found[0] == "met"


def resembles_exclusion(case: Case, ex: Exclusion) -> tuple[float, str]:
    """How well a diagnosis shares words with an exclusion it does not fully name (the
    indication matcher's score), to weigh against the indication the case matches."""
    if ex.catch_all or is_situational(ex) or _is_dose_limit(ex):
        return 0.0, ""
    if (qualifier := _NEGATION.search(ex.name)) and not _qualifier_holds(qualifier.group(0), case):
        return 0.0, ""  # the condition with a qualifier the case does not state: not it
    if not any(_same_severity(ex.name, dx.name) for dx in case.diagnoses):
        return 0.0, ""  # "moderate or severe X" for a case of mild X
    return _overlap(_NEGATION.sub("", ex.name), case)


def indication_score(
    case: Case, ind: Indication, abbreviations: dict[str, str] | None = None
) -> float:
    """The matcher's score for an indication (name words, plus 2 for an ICD-10 code), its
    name with the policy's abbreviations (``defined_abbreviations``, read once per policy)
    written out, as ``indication_for`` reads it."""
    name = spell_common(spell_out(ind.name, abbreviations or {}), abbreviations or {})
    score = max(_overlap(name, case, True)[0], _treatment_overlap(ind.name, case)[0])
    return score + (2.0 if _codes(ind.icd10, case) else 0.0)
