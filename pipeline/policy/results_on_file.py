"""A criterion asking that tests' results are on file, whatever they are ("Hepatitis B
surface antigen and core antibody results from before the first dose are on file"), judged
by code from the facts' results of each named test (a result word or a value beside the
test's name, analytes.py).

Met: every named test has a result in the facts, and where the results must come from
before the first dose, the request is a first one (no dose given yet). Nothing else is
decided here: a test not mentioned may still be on file."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.analytes import named, readings_of, results_of
from pipeline.policy.criterion_terms import _clauses, record_facts

_ASKS = re.compile(
    r"^(?P<tests>.+?)\s+(?:test\s+)?results?\s+(?P<when>(?:from|dated|obtained)\s+[^,;]+?\s+)?"
    r"(?:are|is|were|was)\s+(?:on\s+file|documented|available|in\s+the\s+record)\W*$",
    re.I,
)
_BEFORE_DOSE = re.compile(r"\bbefore\s+(?:the\s+)?(?:first|initial)\s+dose\b", re.I)


def judge_results_on_file(text: str, facts: list[CaseFact]) -> tuple[str, list[str], str] | None:
    asks = _ASKS.match(text.strip())
    if not asks:
        return None
    tests = list(dict.fromkeys(n.analyte for n in named(asks.group("tests"))))
    if not tests:
        return None
    if _BEFORE_DOSE.search(asks.group("when") or "") and not any(
        f.text.startswith("Requested (initial)") for f in facts
    ):
        return None  # a renewal: results may be from after the first dose
    cited: dict[str, str] = {}
    for fact in record_facts(facts):
        for clause in _clauses(fact.text):
            for test in tests:
                if results_of(test, clause) or readings_of(test, clause):
                    cited.setdefault(test, fact.id)
    if len(cited) < len(tests):
        return None
    ids = list(dict.fromkeys(cited.values()))[:3]
    return "met", ids, f"results of {', '.join(tests)} are in the record ({', '.join(ids)})"
