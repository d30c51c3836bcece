"""Criteria enumerated inside one item: "Either (a) IgG below normal, or (b) failure to
make antibodies", "One of the following: (1) X; (2) Y; or (3) Z", "(i) A and (ii) B".

The item is a group: its words before the first label lead in, each labelled run is a
criterion, and the logic is what the lead-in says or, failing that, the connector written
before the last label ("or" / "and"). Where neither says, the item is left whole (the
decision guard, decide.runs_on, keeps such an item from deciding alone).
"""

from __future__ import annotations

import re

from pipeline.policy.wording import _OF_THE_FOLLOWING

_LABEL = re.compile(r"(?:(?<=\s)|^)\(([a-z]|[ivx]{1,4}|\d{1,2})\)\s+(?=\S)")
_SEQUENCES = [
    [chr(97 + i) for i in range(26)],
    ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"],
    [str(i) for i in range(1, 21)],
]
_TAIL = re.compile(r"[\s;,]*\b(and|or)\b[\s,]*$|[\s;,]+$", re.I)


def _sequence(labels: list[str]) -> bool:
    return any(labels == seq[: len(labels)] for seq in _SEQUENCES)


def split_inline(text: str) -> tuple[str, list[tuple[str, str]], str] | None:
    """(lead-in, (label, criterion) pairs, "AND" / "OR" joining them, "" where the lead-in
    says) of an item that enumerates its criteria inline, or None."""
    marks = list(_LABEL.finditer(text))
    # the labels in order from the first one (a "(b)" alone, or "(1)" after "(a)", is a
    # reference or a note, not a list)
    if len(marks) < 2 or not _sequence([m.group(1) for m in marks]):
        return None
    lead = text[: marks[0].start()].strip()
    raw = [text[m.end() : n.start()] for m, n in zip(marks, marks[1:], strict=False)]
    raw.append(text[marks[-1].end() :])
    words = []
    for seg in raw[:-1]:
        m = _TAIL.search(seg)
        words.append((m.group(1) or "").upper() if m else "")
    parts = [_TAIL.sub("", seg).strip() for seg in raw]
    if not lead or any(len(p.split()) < 3 for p in parts):
        return None
    joined = {w for w in words if w}
    stated = _OF_THE_FOLLOWING.search(lead) or re.match(r"^either\b", lead, re.I)
    if stated:
        word = "OR" if re.match(r"^either\b", lead, re.I) else ""
    elif len(joined) == 1 and words[-1]:
        word = words[-1]
    else:
        return None
    return lead, [(m.group(1), p) for m, p in zip(marks, parts, strict=True)], word
