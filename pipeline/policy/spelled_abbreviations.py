"""A scale's abbreviation written out in a note: the policy says "HAM-D" or "EPDS", the note
"Hamilton depression rating" or "Edinburgh postnatal scale". Code finds the run of words
whose leading letters spell the abbreviation (a word may give more than its first letter,
"HAMilton Depression"), so a measurement named by its abbreviation is read from notes
that write its name.

Strict where it may be: the first word gives the first letter, each word spelling it is
of three letters or more (small joining words, "of", "the", are passed over), at least two
words spell it, and of an abbreviation of four letters or more one inner letter may be
missing from the note ("Edinburgh postnatal scale" for the Edinburgh Postnatal Depression
Scale)."""

from __future__ import annotations

import re

_JOINING = {"of", "the", "for", "and", "on", "in"}
_WORD = re.compile(r"[A-Za-z]+")


def _letters(abbrev: str) -> str:
    return "".join(c for c in abbrev.upper() if c.isalpha())


def _spells(letters: str, words: list[str], at: int, used: int, skipped: bool) -> int | None:
    """The index after the last word that spells ``letters`` from ``words[at]``, or None;
    ``skipped``: the one inner letter that may be missing is spent (or none may be)."""
    if not letters:
        return at if used >= 2 else None
    if at >= len(words):
        return None
    word = words[at]
    if used and word.lower() in _JOINING:
        return _spells(letters, words, at + 1, used, skipped)
    if len(word) >= 3:
        for k in range(min(len(word), len(letters)), 0, -1):
            if word[:k].upper() == letters[:k]:
                end = _spells(letters[k:], words, at + 1, used + 1, skipped)
                if end is not None:
                    return end
    if used and not skipped and len(letters) > 1:
        # one inner letter the note leaves out ("Edinburgh postnatal scale": E P _ S)
        return _spells(letters[1:], words, at, used, True)
    return None


def spelled_spans(abbrev: str, text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes ``abbrev`` out: (start, end) of each run of words."""
    letters = _letters(abbrev)
    if not 2 <= len(letters) <= 6:
        return []
    tokens = list(_WORD.finditer(text))
    words = [t.group(0) for t in tokens]
    out = []
    for i, token in enumerate(tokens):
        if token.group(0)[0].upper() != letters[0]:
            continue
        end = _spells(letters, words, i, 0, len(letters) < 4)
        if end is not None:
            out.append((token.start(), tokens[end - 1].end()))
    return out


def mentions(abbrev: str, text: str) -> bool:
    """The text names the abbreviation, as written or spelled out."""
    if re.search(rf"(?<![\w-]){re.escape(abbrev)}(?![\w-])", text):
        return True
    return bool(spelled_spans(abbrev, text))


# Words that end a run of a name's words ("The worst-itch numeric rating score in the last")
_BREAK = _JOINING | {"a", "an", "is", "are", "was", "be", "at", "to", "by", "with", "or"}


def initialisms(text: str) -> set[str]:
    """The initialisms of the runs of three to five plain words in a measurement's name as
    written out ("Forced vital capacity" → FVC, "numeric rating score" → NRS), which notes
    write instead. Fewer letters would name too many other things; a word with a hyphen or
    a digit, or an abbreviation already, breaks the run."""
    out: set[str] = set()
    run: list[str] = []
    for word in [*re.findall(r"[^\s,;:()]+", text), "."]:
        plain = word.isalpha() and not word.isupper() and word.lower() not in _BREAK
        if plain:
            run.append(word)
            continue
        for size in range(3, 6):
            for at in range(len(run) - size + 1):
                out.add("".join(w[0].upper() for w in run[at : at + size]))
        run = []
    return out
