"""Uses named only in labelled-use lines ("Covered use 1.1: Nausea and vomiting caused by
cancer chemotherapy ...", "Use 2: Anorexia with weight loss in adults with AIDS",
"Indication B - ..."), as a highlights sheet lists them before criteria that name each use
shorter ("AIDS-related anorexia: approve ... when"). The indication whose name shares most
of its words with one use line, and with no other as many, carries that line's name in
its text, as name_listed_uses (use_label_renewals.py) does for a legend's uses."""

from __future__ import annotations

import re

from pipeline.policy.models import PolicyTree

_USE_LINE = re.compile(
    r"^\W{0,3}(?:covered\s+|approved\s+|labell?ed\s+)?(?:use|indication)\s+"
    r"(?:\d{1,2}(?:\.\d{1,2})?|[A-Z])\s*[:.\-–]\s+(?P<name>[A-Z].{3,160})$",
    re.I,
)
_REF = re.compile(r"\s*\(\d{1,2}(?:\.\d{1,2})*\)\s*$")
_STOP = {"and", "or", "of", "the", "in", "with", "by", "for", "a", "an", "to", "who", "have"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def use_lines(text: str) -> list[str]:
    """The names the labelled-use lines of ``text`` give, in order: a line opening on its
    label, and the lines after it starting in lower case (its wrapped words)."""
    lines = [x.strip() for x in text.splitlines()]
    out = []
    for k, line in enumerate(lines):
        if (m := _USE_LINE.match(line)) is None:
            continue
        words = [m.group("name")]
        for nxt in lines[k + 1 :]:
            if not nxt[:1].islower():
                break
            words.append(nxt)
        out.append(_REF.sub("", " ".join(" ".join(words).split())))
    return out


def name_by_use_lines(tree: PolicyTree, text: str) -> None:
    uses = use_lines(text)
    names = " | ".join(ind.name.lower() for ind in tree.indications)
    if len(uses) < 2 or any(u.lower() in names for u in uses):
        return  # the use lines are the indications' own headings ("Use 1 - X" over X's criteria)
    for ind in tree.indications:
        have = _words(ind.name)
        if len(have) < 2:
            continue
        scores = [len(have & _words(u)) for u in uses]
        best = max(scores)
        if best < 2 or best < 2 / 3 * len(have) or scores.count(best) > 1:
            continue
        use = uses[scores.index(best)]
        if use.lower() not in ind.text.lower():
            ind.text = f"{ind.text} ({use})"
