"""One indication read with the initial branches of several subjects, split into one per
subject (issue 25): a certificate's question ranges, each under a rule line naming its drug
and request type ("Questions 1-6. Foscarbidopa/foslevodopa (Vyalev), initial certification:
... only when every answer is Y", "Questions 7-9. Foscarbidopa/foslevodopa, recertification:
..."), read under the form's one heading. Each initial branch whose lead-in names a subject
of its own is an indication; a continuation goes to the initial branch whose subject shares
its words, else to the one before it. Each is then named by its condition where its criteria
state one (criteria_condition.py), the subject after it."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.models import Branch, Indication, PolicyTree
from pipeline.policy.name_words import condition_words
from pipeline.policy.population_fit import ADULT_WORDS, CHILD_WORDS
from pipeline.policy.title_condition import _label_part

# a range's or an item's label before the subject ("Questions 1-6.", "Items 10 to 14:",
# "Part 2 -")
_RANGE_LABEL = re.compile(
    r"^(?:questions?|items?|boxes|box|steps?|sections?|parts?|lines?|rows?)\s+"
    r"\d{1,3}[a-z]?(?:\s*(?:-|–|to|through|and|,)\s*\d{1,3}[a-z]?)*\s*[.:\-–]\s*",
    re.I,
)
_PART = re.compile(r",\s+(?![^()]*\))|\s+[-–—]\s+")
_MAX_SUBJECT_WORDS = 8


# a lead-in granting for one population ("For adults with X who ...", "For children aged 1
# year or older with X, ...", "Continued reimbursement for children after 6 months")
_POPULATION = re.compile(
    rf"\bfor\s+(?P<who>(?:{ADULT_WORDS}|{CHILD_WORDS})"
    r"(?:\s+(?:patients|members))?(?:\s+aged\s+[^,]{1,30}?)?)(?=\s+(?:with|who|after|aged|from)\b|,)",
    re.I,
)


def lead_in_subject(text: str) -> str | None:
    """What a branch's lead-in is about, its label and request type dropped
    ("Questions 1-6. Apomorphine infusion (Onapgo), initial certification: ..." →
    "Apomorphine infusion (Onapgo)"), or the population it grants for ("For adults with X
    ..." → "adults"); None where it names nothing else."""
    if (who := _POPULATION.search(text) or _POPULATION_LABEL.search(text)) is not None:
        return who["who"]
    head = text.split(": ", 1)[0] if ": " in text else ""
    head = _RANGE_LABEL.sub("", head.strip())
    parts = [p.strip(" .") for p in _PART.split(head) if p.strip(" .")]
    kept = [p for p in parts if not _label_part(p)]
    if len(kept) != 1 or len(kept) == len(parts):
        return None  # no request type beside it: a sentence, not a subject and its type
    subject = kept[0]
    return subject if 1 <= len(subject.split()) <= _MAX_SUBJECT_WORDS else None


def _words(subject: str) -> set[str]:
    return condition_words(re.sub(r"[/]", " ", subject))


def _split(ind: Indication) -> list[Indication] | None:
    # a branch of no stated type beside the renewals is a first request
    renews = any(b.request_type == "continuation" for b in ind.branches)
    first = {"initial", "any"} if renews else {"initial"}
    initials = [b for b in ind.branches if b.request_type in first]
    subjects = [lead_in_subject(b.node.text) for b in initials]
    if len(initials) < 2 or None in subjects or len({s.lower() for s in subjects}) < 2:  # type: ignore[union-attr]
        return None
    groups: list[list[Branch]] = [[] for _ in initials]
    at = -1
    for branch in ind.branches:
        if branch.request_type in first:
            at += 1
            groups[at].append(branch)
            continue
        own = lead_in_subject(branch.node.text)
        shared = [len(_words(own) & _words(s)) if own else 0 for s in subjects]  # type: ignore[arg-type]
        best = max(range(len(subjects)), key=lambda k: shared[k])
        groups[best if shared[best] else max(at, 0)].append(branch)
    # a heading that names the condition stays the name, the subject after it
    named = names_condition(ind.name)
    return [
        ind.model_copy(
            update={
                "id": f"{ind.id}.{k}",
                "name": _name(ind.name, subject, named, branches[0].node.text),
                "text": f"{subject}: {branches[0].node.text}",
                "branches": branches,
            }
        )
        for k, (subject, branches) in enumerate(zip(subjects, groups, strict=True), 1)
    ]


# the condition a population's lead-in names after it ("For children ... with SBS who ...")
_WITH = re.compile(
    r"^\s+with\s+(?P<condition>[^,:;]+?)"
    r"(?=\s+(?:who|when|if|that|the|for|we|our|is|are|whose)\b|[,:;.])",
    re.I,
)
# a population in brackets after a label ("Position 3.1 (adults).", "Renewal (children):")
_POPULATION_LABEL = re.compile(
    r"\((?P<who>adults?|children|adolescents?|infants?|paediatric|pediatric)\)", re.I
)


def _name(title: str, subject: str, named: bool, lead_in: str) -> str:
    """The heading's condition and the subject after it: a population as "<condition> in
    children aged 1 year or older" (the condition its lead-in names, else the heading's),
    a drug or other subject in brackets."""
    who = _POPULATION.search(lead_in)
    if who is not None and who["who"] == subject:
        said = _WITH.match(lead_in[who.end() :])
        if said is not None:
            return f"{said['condition'].strip()} in {subject}"
        return f"{title} in {subject}" if named else subject
    return f"{title} ({subject})" if named else subject


def split_subjects(tree: PolicyTree) -> None:
    """Split each indication holding several subjects' initial branches (see above)."""
    out: list[Indication] = []
    for ind in tree.indications:
        out.extend(_split(ind) or [ind])
    tree.indications = out
