"""The guidelines' position on the request, read from recommendation sentences by code.

Each sentence that recommends (or advises against) something is parsed into what it
recommends, over what, for whom: "we strongly / conditionally recommend X over Y for
<population>", "X is not recommended", "X should not be used", "X may be considered
when ...". The requested drug (by name, brand or class) is then placed:

- not_recommended: a sentence advises against the drug itself (its subject, or the object
  of "against");
- prefers_other: a sentence puts another therapy over the drug, or endorses the drug only
  after therapies the case does not show were tried, or calls it not first-line with no
  failure on record;
- supports: a sentence endorses the drug at this line (after what the case has tried);
- silent: no recommendation sentence names the drug, or one says it makes none on the drug
  or its class ("no recommendation can be made for other biologic agents": cited).

A sentence whose population already takes the drug ("in adults receiving TNFi, ...") says
nothing about starting it. The stance never changes the payer verdict; it fills
"Documentation to request" (trials of the preferred therapies, adequate-trial lengths).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from pipeline.draft.alternatives import (
    GROUP_FIRST,
    governs_request,
    preferred_member,
    reason_against,
    service_alternatives,
)
from pipeline.draft.anaphora import written_out
from pipeline.draft.class_switch import course_reading, switched_to
from pipeline.draft.clauses import (
    after_stopping,
    combined,
    graded_clause,
    members_tried,
    narrower_than,
    new_members,
)
from pipeline.draft.continued_course import (
    DEFERRED,
    NOT_FIRST,
    cannot_take,
    excluded_by_name,
    more_of_course,
)
from pipeline.draft.documentation import _AFTER, _names, documentation
from pipeline.draft.failures import (
    after_class,
    earlier_failed,
    failed_classes,
    failure_request,
    failures_on_record,
    own_classes,
    refractory_request,
    ruled_out,
    worked,
)
from pipeline.draft.levels import level_fits, lower_tier
from pipeline.draft.measures import measure_fits
from pipeline.draft.orders import except_for, others, partners, ranked_below, required_after
from pipeline.draft.population import (
    QUALIFIER,
    case_record,
    leading_population,
    naive_fits,
    population_fits,
    population_of,
    split_over,
)
from pipeline.draft.position_cues import (
    _AGAINST,
    _ALREADY_ON,
    _CUE,
    _DELAY,
    _NOT,
    _ROUTINE,
    _ROUTINE_BEFORE,
    _SWITCH,
    first_line,
    outside_class,
)
from pipeline.draft.summaries import stance_summary
from pipeline.models import Case, Evidence, GuidelinePosition
from pipeline.retrieve.states import stage_fits
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, find_drugs, find_therapies, mentions


@dataclass
class Reading:
    """One recommendation sentence, parsed against the requested drug."""

    ev: Evidence
    kind: str  # against | dispreferred | second_line | endorsed | deferred | other
    preferred: list[Term] = field(default_factory=list)
    requires: list[Term] = field(default_factory=list)
    strong: bool = False
    population: str = ""  # "in patients with asymptomatic hyperuricemia": for whom it holds
    # preferred classes named as a new member ("a different TNFi"): open after one failed
    fresh: set[str] = field(default_factory=set)
    # "against X except in those intolerant of other agents": second line where the case
    # shows such a failure, against it where it shows none
    excepted: bool = False


def _on_drug(text: str, topic: CaseTopic) -> bool:
    return topic.names_drug(text) or topic.names_class(text)


_COMBINATION = re.compile(
    r"\b(co-?\s?administration|co-?\s?treatment|combination|addition|adding|concomitant)\b"
    r"(.*?)\b(with|to|plus)\b(.*)$",
    re.I | re.S,
)


def _added_to_drug(phrase: str, topic: CaseTopic) -> bool:
    """ "the addition of methotrexate to TNFi": the phrase is about another therapy added to
    the drug (named only after "to/with/plus"), not about the drug itself."""
    m = _COMBINATION.search(phrase)
    return bool(m and _on_drug(m.group(4), topic) and not _on_drug(m.group(2), topic))


_DEICTIC = re.compile(
    r"\b(?:in|for) (?:this|that|these|those|such) (?:setting|situation|population|patients|"
    r"cases?|context|circumstances?)\b",
    re.I,
)


def read_sentence(ev: Evidence, topic: CaseTopic) -> Reading | None:
    text = written_out(ev.text, ev.refers)  # "their use": what the sentence before names
    if not (_CUE.search(text) or NOT_FIRST.search(text) or DEFERRED.search(text)):
        return None
    if DEFERRED.search(text):
        # "no recommendation can be made for other biologic agents": the guideline's own word
        # that it is silent on the drug (or its class), quoted with a silent stance
        return Reading(ev, "deferred" if _on_drug(text, topic) else "other")
    strong = bool(re.search(r"\bstrong(?:ly)?\b", text, re.I))
    lead, body = leading_population(graded_clause(text))
    head, comparator, population = split_over(body, commas=not lead)
    population = f"{lead} {population}".strip()
    main = re.split(r"\b(?:because|due to|given|owing to|as a result)\b", text, flags=re.I)[0]
    if not population and _DEICTIC.search(main):
        # "over mepolizumab in this setting": for the patients of a sentence before it,
        # which the reader cannot check against the case
        return Reading(ev, "other")
    if after_stopping(text, topic):
        # "BP is recommended after discontinuation of PTH": what follows the drug, for
        # patients who had it, nothing on starting it
        return Reading(ev, "other")
    found = _read_kind(ev, text, topic, strong, head, comparator, population)
    if found is not None:
        found.population = population
    return found


def places_drug(text: str, topic: CaseTopic) -> bool:
    """A recommendation that says where the drug (or its class) stands: advised against,
    put below another therapy, endorsed, or second-line. The ranking puts these first in
    the sections a reviewer reads for the guideline's position."""
    ev = Evidence(id="E0.0", passage="E0", chunk_id="", source_id="", file="", page=1, text=text)
    reading = read_sentence(ev, topic)
    return reading is not None and reading.kind != "other"


def _read_kind(
    ev: Evidence,
    text: str,
    topic: CaseTopic,
    strong: bool,
    head: str,
    comparator: str,
    population: str,
) -> Reading | None:
    course = course_reading(text, topic)  # the patient's course of the class: kept, switched
    if course is not None:
        return Reading(ev, course[0], preferred=course[1], strong=strong)
    if (
        topic.request_type == "initial"
        and _on_drug(population, topic)
        and _ALREADY_ON.search(population)
        # "despite the first TNFi": patients whose first drug of the class failed (the
        # stance reads it against what the case tried), not patients staying on it
        and not after_class(population, own_classes(topic))
    ):
        # about patients already on the drug (stopping, tapering or switching it): nothing
        # on starting it, whatever it is compared with
        return Reading(ev, "other")
    order = ranked_below(text, topic)
    if order is not None:  # ranked after others, or kept for some patients: others first
        kind, preferred = order
        return Reading(ev, kind, preferred=preferred, strong=strong)
    after = _AGAINST.search(text)
    if after:
        target = switched_to(re.split(r"[,;]", text[after.end() :])[0])
        if re.search(r"\b(?:is|are)\s+(?:\w+\s+)?$", text[: after.start()]):
            # "X over Y is strongly recommended against for patients ...": the passive's
            # subject X is what is advised against, not the patients after it
            target = split_over(text[: after.start()])[0]
        initial = topic.request_type == "initial"
        if (_SWITCH.match(target.strip()) and initial) or more_of_course(target, topic):
            # against switching, stopping it or more of it: about patients who had it
            return Reading(ev, "other")
        if _DELAY.match(target.strip()) and _on_drug(target, topic):
            return Reading(ev, "endorsed", strong=strong)  # against delaying it: for it
        if _on_drug(target, topic) and not (
            _added_to_drug(target, topic) or combined(target, topic)
        ):
            unless = except_for(text[after.end() :], topic)
            if unless is not None:
                # against it except where the others fail or cannot be used: second line
                return Reading(ev, "second_line", preferred=unless, strong=strong, excepted=True)
            return Reading(ev, "against", strong=strong)
    if _DELAY.match(head.strip()) and _on_drug(head, topic):
        return Reading(ev, "against", strong=strong)  # deferring it is what is advised: not now
    neg = _NOT.search(text)
    if neg:
        subject = text[: neg.start()].split(",")[-1]
        if _SWITCH.match(subject.strip()) and topic.request_type == "initial":
            return Reading(ev, "other")  # stopping or tapering it: about patients on it
        if _on_drug(subject, topic) and not _added_to_drug(subject, topic):
            if _ROUTINE.match(text, neg.end()) or _ROUTINE_BEFORE.search(text[: neg.start()]):
                # "should not be used routinely (but can be considered ...)": not for every
                # patient, kept for some (after failures): second line, not a ban
                return Reading(ev, "second_line", strong=strong)
            return Reading(ev, "against", strong=strong)
    if NOT_FIRST.search(text) and _on_drug(text, topic):  # (for those who cannot take others)
        unable = cannot_take(text)
        if unable and not _on_drug(text.replace(unable, " "), topic):
            # "for patients unable to take X, the preferred second-line agent is Y": X is
            # only what comes first, the second line is another drug
            return Reading(ev, "other")
        return Reading(ev, "second_line", preferred=others(unable, topic), strong=strong)
    # what must have come first: the therapies of the population ("taking methotrexate"),
    # and drugs of the head ("adding X to methotrexate"); the head's classes are the
    # alternatives it recommends ("a bDMARD or tsDMARD"), not requirements
    # ("after cyclophosphamide or rituximab" lists the drug itself among what came first:
    # the drug can be that therapy, so no other is required)
    requires = (
        ([] if _on_drug(population, topic) else others(population, topic))
        + [d for d in others(head, topic) if d in find_drugs(head)]
        + required_after(head, topic)
        if _AFTER.search(text)
        else []
    )
    narrower = narrower_than(comparator, head, topic)
    if comparator and _on_drug(comparator, topic) and (not _on_drug(head, topic) or narrower):
        if re.match(r"^\s*no\b", comparator, re.I):
            return None
        # ("a different TNFi over adding MTX to the current TNFi": a new one, no partner)
        given_with = partners(head, comparator, topic) - new_members(head, others(head, topic))
        preferred = [t for t in others(head, topic) if t.name not in given_with]
        if narrower and _on_drug(head, topic):
            # "nonselective NSAIDs": the broader class, but not the drug's own
            own = topic.drug_lineage[:1]
            preferred += [
                t
                for t in find_therapies(head)
                if t.name not in own and not mentions(t.name, topic.drug_words)
            ]
        # what it prefers is no therapy it requires before ("X over a second TNFi in
        # patients with nonresponse to the first": X is the alternative, not a prior line)
        chosen = given_with | {t.name for t in preferred}
        requires = [t for t in requires if t.name not in chosen]
        fresh = new_members(head, preferred)
        return Reading(
            ev, "dispreferred", preferred=preferred, requires=requires, strong=strong, fresh=fresh
        )
    if _on_drug(head, topic) and not neg:
        if comparator and _on_drug(comparator, topic) and not re.match(r"\s*no\b", comparator):
            # "X monotherapy over X with MTX" (not "over no X"): how to give it, not whether
            return Reading(ev, "other")
        return Reading(ev, "endorsed", requires=requires, strong=strong)
    return None


def _cite(ev: Evidence, attribution: dict[str, str]) -> str:
    return f" [{attribution.get(ev.id) or ev.title or ev.file.rsplit('/', 1)[-1]}]"


def guideline_position(
    case: Case,
    topic: CaseTopic,
    sentences: list[Evidence],
    path_sentences: list[Evidence],
    attribution: dict[str, str] | None = None,
) -> tuple[GuidelinePosition, list[str]]:
    """(the position, documentation to request). ``sentences`` are quotable sentences from
    the condition's guidelines, best first; ``path_sentences`` those of the condition's
    treatment path (rationale, path), best first."""
    attribution = attribution or {}
    readings = [r for r in (read_sentence(e, topic) for e in sentences) if r and r.kind != "other"]
    deferred = [r for r in readings if r.kind == "deferred"]
    readings = [r for r in readings if r.kind != "deferred"]
    if any(excluded_by_name(r.ev.text, topic) for r in deferred):
        # "Anakinra was not included": the guideline left the drug itself out, so what it
        # says of the drug's class ("addition of a bDMARD") was not said of this drug
        readings = [r for r in readings if topic.names_drug(r.ev.text)]
    if not failures_on_record(case):
        # the exception ("except in those intolerant of other agents") is not this patient:
        # for the case, the guideline advises against the drug
        readings = [replace(r, kind="against") if r.excepted else r for r in readings]
    # another form of the condition's recommendation (EGPA's in a GPA case) is for its
    # own patients, whatever population the sentence keeps after a cut
    readings = [
        r
        for r in readings
        if population_fits(r.population, case, topic)
        and naive_fits(r.ev.text, topic)
        and not topic.names_other_subtype(r.ev.text)
    ]
    # A first drug of the drug's class already failed: the class's recommendations for
    # patients who never had it (an earlier line) neither endorse a second one nor rank it.
    # And the reverse: a recommendation for patients after a first drug of the class
    # ("over a second TNFi in patients with nonresponse to the first") is not for a case
    # that has not had one.
    failed = failed_classes(case, topic)
    if failed:
        readings = [
            r
            for r in readings
            if r.kind in {"against", "dispreferred"} or after_class(r.ev.text, failed)
        ]
    else:
        # (nor one whose words are after the class where its population lost the class:
        # "in cases of nonresponse, ... against switching to the biosimilar of the first TNFi")
        readings = [r for r in readings if not after_class(r.ev.text, own_classes(topic))]
    # A recommendation for the case's own level (severe disease, high fracture risk), or with
    # a qualifier the record confirms (the populations fit), says more than one whose
    # population the sentence lost ("we recommend against X" alone): where some do, they decide.
    record = case_record(case)
    w, a = topic.condition_words, topic.condition_abbrev
    own_level = [
        r
        for r in readings
        if level_fits(r.population, record, w, a) or QUALIFIER.search(r.population)
    ]
    readings = own_level or readings
    # against the drug at a lower level than others endorse it at, the case placed on none
    higher = [r.population for r in readings if r.kind != "against"]
    lower = [
        r
        for r in readings
        if r.kind == "against" and lower_tier(r.population, higher, record, w, a)
    ]
    readings = [r for r in readings if r not in lower]
    # Those whose verb governs the request ("recommend screening with HRCT"), the strong
    # first: what a reviewer quotes for where the drug stands.
    # A recommendation for the patient's state (pregnancy, heart failure) decides where
    # one places the drug; one for another stage of it (the third trimester) does not.
    readings = [r for r in readings if stage_fits(r.ev.text, case)]
    readings = [r for r in readings if topic.names_state(r.ev.text)] or readings
    readings.sort(
        key=lambda r: (
            not measure_fits(r.population, case),  # for the case's own BMI band first
            not governs_request(r.ev.text, topic),
            not r.strong,
        )
    )
    unique: dict[str, Reading] = {}
    for r in readings:
        unique.setdefault(re.sub(r"^\d+\.\s+|[\s.]+$", "", r.ev.text).lower(), r)
    readings = list(unique.values())
    path_sentences = [
        e for e in path_sentences if population_fits(population_of(e.text), case, topic)
    ]
    failures = failures_on_record(case)
    # a vaccine or a test has no first-line drug before it, a non-drug therapy's
    # alternatives are the condition's other non-drug therapies
    firsts = service_alternatives([*path_sentences, *sentences], topic)
    if topic.kind is None and topic.service is None:
        firsts = [(t, e) for t, e in first_line(path_sentences, topic) if not topic.tried(t)]
    generic = earlier_failed(case)

    def untried(terms: list[Term]) -> list[Term]:
        return [t for t in terms if not topic.tried(t)]

    def unmet_requirements(r: Reading) -> list[Term]:
        return [] if generic else untried(r.requires)

    stance, chosen, preferred = "silent", [], []
    against = [r for r in readings if r.kind == "against"]

    def still_open(terms: list[Term], fresh: set[str] | None = None) -> list[Term]:
        # a preferred therapy the case tried and that worked (stopped for no failure) is
        # still the guideline's choice before the request
        # (and one the record rules out, "NSAIDs are contraindicated", is not)
        # (and "a different TNFi" is open where one drug of the class was tried)
        return [
            t
            for t in terms
            if (
                not topic.tried(t)
                or worked(case, t.name)
                or (t.name in (fresh or set()) and members_tried(topic, t) < 2)
            )
            and not ruled_out(case, t.words)
        ]

    dispreferred = [
        r for r in readings if r.kind == "dispreferred" and still_open(r.preferred, r.fresh)
    ]
    # A comparison made for patients after therapies this case has not had does not apply.
    dispreferred = [r for r in dispreferred if not unmet_requirements(r)]
    endorsed = [r for r in readings if r.kind == "endorsed"]
    met = [r for r in endorsed if not unmet_requirements(r)]
    unmet = [r for r in endorsed if unmet_requirements(r)]
    second = [r for r in readings if r.kind == "second_line"]
    if against:
        stance, chosen = "not_recommended", against[:2]
        if topic.names_state(chosen[0].ev.text):
            # against it for the patient's state (testosterone "as it does not preserve
            # fertility"): the condition's first-line drugs are no alternative to it
            firsts = []
        if not any(r.preferred for r in chosen):
            firsts = outside_class(firsts, [r.ev.text for r in chosen], topic)
        # (what its exception names first: "except in patients intolerant of BP")
        preferred = [t for r in chosen for t in r.preferred] + [t for t, _ in firsts]
    elif dispreferred:
        stance, chosen = "prefers_other", dispreferred[:2]
        preferred = [t for r in dispreferred for t in still_open(r.preferred, r.fresh)]
    elif second and not failures:
        stance, chosen = "prefers_other", second[:1]
        preferred = untried([t for r in second for t in r.preferred]) or [t for t, _ in firsts]
    elif met and not (unmet and not any(r.requires for r in met)):
        stance, chosen = "supports", met[:2] + second[:1]
    elif unmet:
        stance, chosen = "prefers_other", unmet[:2]
        preferred = [t for r in unmet for t in unmet_requirements(r)]
    elif second:
        stance, chosen = "supports", second[:2]
    untried_firsts = untried([t for t, _ in firsts])
    past = any(set(t.classes) & set(topic.drug_lineage) for t in topic.prior_terms)
    if stance == "silent" and deferred and topic.request_type == "initial" and untried_firsts:
        # none on the drug's class, while the condition's first line is one the case never
        # had (nor any drug of the drug's classes): the guideline puts that first
        stance, preferred = ("silent", []) if past else ("prefers_other", untried_firsts)
    preferred = list({t.name: t for t in preferred}.values())
    if stance in {"silent", "prefers_other"} and deferred and not chosen:
        chosen = deferred[:1]  # its own word that it makes no recommendation on the drug
    summary = stance_summary(stance, topic, preferred, chosen, bool(deferred))
    cited = [r.ev for r in chosen]
    requests = documentation(case, topic, stance, preferred, firsts, sentences, path_sentences)
    # The endorsement's own conditions: the response to the therapies it comes after.
    # (put after others: the response to those of them the case did try)
    reqs = list({t.name: t for r in chosen for t in r.requires}.values())
    done = [t for t in reqs if topic.tried(t)] if stance == "prefers_other" else reqs
    if stance in {"supports", "prefers_other"} and done:
        first = next(r for r in chosen if r.requires)
        at = 0 if stance == "supports" else 1
        requests.insert(at, (f"Response to {_names(done)}: dose, duration and response", first.ev))
    member = preferred_member(preferred, [*sentences, *path_sentences], stance)
    if member:  # the class put first by its preferred drug ("MTX ... preferred agent")
        requests = [member, *(r for r in requests if f" {preferred[0].name}:" not in r[0])]
        cited.append(member[1])
    reason = reason_against([r.ev for r in chosen]) if stance == "not_recommended" else None
    if reason:
        requests.insert(1, reason)  # what bears on the guideline's reason against it
    turned = failure_request(case, topic, [r.population for r in chosen])
    if turned:
        requests.insert(0, (turned, chosen[0].ev))
    endorsing = [r for r in chosen if r.kind == "endorsed" and r.population]
    if stance == "supports" and endorsing:
        # endorsed for some patients: the record must show the patient is one of them
        # (severe disease, the course that failed) before any other trial
        who = re.sub(r"^(?:\d+\.\s+)?(?:in|for|among)\s+", "", endorsing[0].population, flags=re.I)
        # "our defined population with BMI 40-49": the guideline's own population, by what
        # narrows it
        who = re.sub(r"^(?:our|the) (?:defined |target )?population\b(?: with)?\s*", "", who)
        requests.insert(
            0,
            (
                # "one of adults with ...", or a population by its failure: "of inadequate
                # response to NSAIDs" is documented as such
                f"Documentation that the patient is one of {who.strip(' ,.')}"
                if GROUP_FIRST.match(who)
                else f"Documentation of the {who.strip(' ,.')}",
                endorsing[0].ev,
            ),
        )
        # for refractory disease: what it stayed active despite, by the case's therapies
        despite = refractory_request(case, endorsing[0].population)
        if despite and not reqs:  # (where it names what came first, "Response to" asks)
            requests.insert(1, (despite, endorsing[0].ev))
    for ev in [e for _, e in firsts[:2]] if stance != "silent" else []:
        if ev not in cited:
            cited.append(ev)
    position = GuidelinePosition(
        stance=stance,  # type: ignore[arg-type]
        summary=summary,
        citations=[e.id for e in cited],
        preferred=[t.name for t in preferred],
    )
    return position, [r + _cite(e, attribution) if e else r for r, e in requests][:5]
