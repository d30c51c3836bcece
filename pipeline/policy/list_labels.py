"""Ordered list labels: which label comes right after which (2 after 1, b after a, iii
after ii, C after B), and which labels start a list (the outline reader's sequences)."""

from __future__ import annotations

FIRST = {"1", "a", "A", "i", "I"}
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"]


def next_label(previous: str, label: str) -> bool:
    """``label`` comes right after ``previous`` in its sequence (2 after 1, b after a,
    iii after ii, C after B)."""
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    low, prev = label.lower(), previous.lower()
    if prev in _ROMANS and low in _ROMANS and _ROMANS.index(low) == _ROMANS.index(prev) + 1:
        return True
    return len(previous) == 1 and follows(previous, label)


def follows(previous: str, label: str) -> bool:
    """A one-letter label right after another ("b" after "a")."""
    return len(label) == 1 and ord(label) == ord(previous) + 1
