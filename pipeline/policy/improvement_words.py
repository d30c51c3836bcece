"""The words a case uses to say a drug helped or did not: one vocabulary for the readers of
a response to treatment (response_on_drug.py, improved_since.py)."""

from __future__ import annotations

import re

# a word of improvement, as a regex fragment (callers tie it to the drug their own way)
BETTER = r"(?:improv\w*|better|respon\w*|benefit\w*|stronger|resolved|relieved|helped)"

# any word that takes an improvement back or makes it doubtful ("partial", "lost", "stopped")
DOUBT = re.compile(
    r"\b(?:no|not|without|never|minimal|partial\w*|lost|loss|worse\w*|unchanged|failed|"
    r"inadequate|stopped|non-?respon\w*)\b",
    re.I,
)

# a negation fastened to the improvement itself: the drug did not help
NONE = re.compile(
    r"\bno\s+(?:\w+\s+)?(?:improvement|response|benefit|change)\b|\b(?:did\s+not|didn't|"
    r"failed\s+to)\s+(?:respond|improve)\b|\bnot\s+improved\b|\bnon-?respon\w*|"
    r"\bworse(?:ned)?\b|\bunchanged\b",
    re.I,
)
