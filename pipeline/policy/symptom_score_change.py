"""A renewal's criterion that a symptom improved on treatment ("The itching has improved
since starting Livmarli"), read from a note that scores the symptom before treatment and
now on the same scale ("Itch: caregiver score 3.5 of 4 before treatment, now 1 of 4").

A symptom's score is higher when worse, so a lower score now is an improvement (met) and
the same or a higher score is none (not met). The note must name the symptom, give one
score marked as before treatment (or at baseline) and one after it, out of the same
maximum; anything else decides nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.criterion_terms import clauses, record_facts, stem
from pipeline.policy.models import Found

# symptoms scored higher when worse
_SYMPTOMS = {stem(w) for w in "itch itching pruritus pain fatigue nausea symptom symptoms".split()}
_ASKED = re.compile(
    r"^(?:(?:the|his|her|their)\s+)?(?P<what>[A-Za-z]+)\s+(?:has|have)\s+(?:improved|"
    r"lessened|decreased|got\s+better)\s+(?:since|on|with|after)\b[^;,]*$",
    re.I,
)
_SCORE = r"(\d+(?:\.\d+)?)\s*(?:of|/|out\s+of)\s*(\d+)"
_BEFORE_NOW = re.compile(
    rf"{_SCORE}\s+(?:before\s+(?:treatment|starting|therapy)|at\s+baseline|pre-?treatment)"
    rf"\b[^;]{{0,40}}?\b{_SCORE}\s*(?:now|currently|today)?",
    re.I,
)


def judge_symptom_score_change(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.match(text.strip().rstrip("."))
    if m is None or stem(m.group("what")) not in _SYMPTOMS:
        return None
    what = stem(m.group("what"))
    read: list[tuple[float, float, str]] = []
    for fact in record_facts(facts):
        for clause in clauses(fact.text):
            if what not in {stem(w) for w in re.findall(r"[A-Za-z]+", clause)}:
                continue
            for s in _BEFORE_NOW.finditer(clause):
                before, top, now, top_now = (float(x) for x in s.groups())
                if top != top_now:
                    return None
                read.append((before, now, fact.id))
    if len(read) != 1:
        return None  # none, or several scores: a person reads them
    before, now, fid = read[0]
    said = f"{fid}: {m.group('what')} score {before:g} before, {now:g} now"
    if now < before:
        return "met", [fid], said
    return "not_met", [fid], f"{said} (no lower)"
