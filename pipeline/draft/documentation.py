"""What a reviewer should ask for, from the guidelines' position on the request: a trial of
the therapy put first (with its adequate-trial length), the next line if it failed,
contraindications, the population the guideline does give the request, a continuation's
response, then trials of the other therapies on the path."""

from __future__ import annotations

import re

from pipeline.draft.alternatives import patients_for, trial
from pipeline.models import Case, Evidence
from pipeline.retrieve.procedures import short_name
from pipeline.retrieve.topic import CaseTopic
from pipeline.terms import Term, find_classes, find_drugs, mentions

_AFTER = re.compile(
    r"\b(despite|after|(?:inadequate|incomplete)(?:ly)?(?: respon\w*)?|not at target|"
    r"refractory|failed|does not respond|do not respond|cannot be tolerated|intoleran\w*|"
    r"nonresponse)\b",
    re.I,
)


def _names(terms: list[Term]) -> str:
    names = list(dict.fromkeys(t.name for t in terms))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def documentation(
    case: Case,
    topic: CaseTopic,
    stance: str,
    preferred: list[Term],
    firsts: list[tuple[Term, Evidence]],
    sentences: list[Evidence],
    path_sentences: list[Evidence],
) -> list[tuple[str, Evidence | None]]:
    """What a reviewer should ask for, most important first: a trial of the therapy put
    first (with the guideline's adequate-trial length), the next line if it failed,
    contraindications, the population the guideline does give the drug, a continuation's
    response, then trials of the other therapies on the path."""
    if stance == "silent":
        return []
    wanted = preferred or [t for t, _ in firsts]
    first_ev = {t.name: e for t, e in firsts}
    trials = [
        trial(term, [*path_sentences, *sentences], first_ev.get(term.name)) for term in wanted
    ]
    out: list[tuple[str, Evidence | None]] = trials[:1]
    if stance in {"prefers_other", "not_recommended"} and wanted:
        escalate = _escalation(path_sentences, wanted[0])
        if escalate:
            named, ev = escalate
            out.append((f"If {wanted[0].name} failed: trials of {named} and their response", ev))
        out.append((f"Contraindications to or intolerance of {_names(wanted[:3])}", None))
    else:
        out += trials[1:2]
    # the patient's state, where the guidelines treat it apart (gestational age)
    out += [(s.document, None) for s in topic.states if s.document]
    for_whom = patients_for(topic, [*sentences, *path_sentences])
    out += [for_whom] if for_whom else []
    if case.requested_treatment.request_type == "continuation":
        out.append((f"Objective measures of response to {topic.drug} since it was started", None))
    if topic.kind is not None or topic.service is not None:
        # what such a request is judged by: the patient's current therapies, and whether
        # it was given (or done) before
        if topic.kind is not None and topic.kind.name == "procedure":
            # a procedure is judged by the nonoperative therapies tried and what shows it
            # is indicated, not by drugs given around it
            tried = ", ".join(short_name(p) for p in topic.prior) or "nonoperative therapy"
            out.append((f"Nonoperative therapies tried, their duration, response: {tried}", None))
            out.append(("Imaging (radiographs or MRI) and function that show the indication", None))
            return out
        if topic.current:
            out.append((f"Current therapies and doses: {', '.join(topic.current)}", None))
        out.append((f"Whether {topic.drug} was given before (dates, doses)", None))
    rest = wanted[2:] if stance == "supports" else wanted[1:]
    if rest:
        out.append((f"Trials of {_names(rest[:4])} and their response", first_ev.get(rest[0].name)))
    return out


def _escalation(path_sentences: list[Evidence], first: Term) -> tuple[str, Evidence] | None:
    """The next line after ``first`` fails: a path sentence that names ``first`` with an
    inadequate-response cue, and the therapies or classes it adds."""
    for e in path_sentences:
        if not (_AFTER.search(e.text) and mentions(e.text, first.words)):
            continue
        named = [t.name for t in find_drugs(e.text) if t.name != first.name]
        named += [c.name for c in find_classes(e.text) if c.name not in first.classes][:2]
        if named:
            return ", ".join(dict.fromkeys(named)), e
    return None
