"""Logic stated away from a list's lead-in: a note after the list ("Criteria 1 through 6 must
all be met; for criterion 2, either 2a or 2b is enough.", "All four continuation criteria must
be met.") and a terse label that ends in its logic word ("Prior treatment, One:",
"Supportive findings, Two or more:", "..., initial request, All:").

A note names the items it speaks of by their labels ("criteria 1 through 6", "criterion 3",
"3a, 3b or 3c") or by their number ("all four"), so the group it governs is the one whose
items carry those labels or are that many; a clause the reader cannot place is left alone
(the group keeps whatever its own words say, or its problem is listed)."""

from __future__ import annotations

import re

from pipeline.policy import fields as F

Logic = tuple[str, int]  # (op, n)

_COUNT = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A sentence about criteria being met: it names criteria (by label or count) and says what
# meets the group. No criterion of a policy reads so ("Criteria 1 through 6 must all be met").
_ABOUT = re.compile(
    r"\b(?:criteri(?:a|on)|items?|requirements?|conditions)\b|\b\d{1,2}[a-z]\b", re.I
)
_VERDICT = re.compile(
    r"\b(?:must\s+(?:all\s+|each\s+|both\s+)?be\s+(?:met|satisfied|present|documented)|"
    r"(?:is|are)\s+(?:all\s+)?required|(?:is|are)\s+(?:enough|sufficient)|suffices?|"
    r"(?:is|are)\s+met\s+by\s+(?:any|either|one|all|both|at\s+least)|"
    r"need(?:s|ed)?\s+to\s+be\s+met|must\s+(?:all\s+)?apply)\b",
    re.I,
)
_NOTE_START = re.compile(
    rf"^(?:note\s*:\s*)?(?:criteri(?:a|on)\b|all\b|both\b|any\b|either\b|each\b|every\b|"
    rf"at\s+least\b|only\b|{_COUNT}\s+(?:or\s+more\s+)?of\b|for\s+criteri)",
    re.I,
)
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:through|thru|to|-|–)\s*(\d{1,2})\b", re.I)
# "criteria A through D", "items a-c": lettered items, named after the word for them
_LETTERS = re.compile(
    r"\b(?:criteri(?:a|on)|items?)\s+([A-Za-z])\s*(?:through|thru|to|-|–)\s*([A-Za-z])\b", re.I
)
_SUBLABEL = re.compile(r"\b(\d{1,2})([a-z])\b")
_CRITERION = re.compile(
    r"\bcriteri(?:on|a)\s+(\d{1,2}[a-z]?)\b(?!\s*(?:through|thru|to|-|–|,|and|or|&)\s*\d)", re.I
)
# "criteria 1, 2 and 4", "criteria 1 and 2"
_LISTED = re.compile(r"\bcriteri(?:a|on)\s+(\d{1,2}(?:\s*(?:,|and|or|&)\s*\d{1,2})+)\b", re.I)
_AT_LEAST = re.compile(rf"\bat\s+least\s+({_COUNT})\b|\b({_COUNT})\s+or\s+more\b", re.I)
_ANY = re.compile(r"\b(?:either|any(?:\s+one)?|one\s+of|only\s+one|is\s+enough|suffices?)\b", re.I)
_ALL = re.compile(r"\b(?:all|both|each|every)\b|\bmust\s+be\s+met\b", re.I)
# "all of these criteria", "any one of the criteria above": the whole list, by no label
_WHOLE = re.compile(
    r"\b(?:all|both|each|every|any(?:\s+one)?|either|at\s+least\s+\w+)\b[^;]{0,40}\bcriteria\b",
    re.I,
)
_ALL_COUNT = re.compile(rf"\b(?:all|both)\s+({_COUNT})\b", re.I)

# "Prior treatment, One:", "All:", "Supportive findings, Two or more:": a label (or nothing)
# and a logic word, the colon ending the line
_TERSE = re.compile(
    # "..., meaning either:", "..., namely one of:", "..., with at least one of:": the
    # logic word after a gloss word; "shown by either:": after the stem's last preposition
    rf"(?:^|[,;]\s+(?:(?:meaning|namely|that\s+is|i\.e\.|with),?\s+)?|\s[-–—]\s+|\s?\(|"
    r"\s(?:by|with|from|in|on)\s+)\s*"
    rf"(?:(all|both|each)|(one|any|any\s+one|either|one\s+only)|"
    rf"(?:at\s+least\s+)?({_COUNT})\s+or\s+more|at\s+least\s+({_COUNT})|any\s+({_COUNT}))"
    # "One of:", "(one required):", "(2 or more):"
    r"(?:\s+of)?(?:\s+(?:required|needed|must\s+be\s+met|appl(?:y|ies)))?\s*\)?\s*:\s*$",
    re.I,
)


def is_logic_note(text: str) -> bool:
    """A line that states how a list's criteria combine, not a criterion."""
    head = text.strip()
    if head.endswith(":") or re.search(r"\b(?:the following|below)\b", head, re.I):
        return False  # a lead-in: it speaks of the items that follow it
    if not (_NOTE_START.match(head) and _ABOUT.search(head) and _VERDICT.search(head)):
        return False
    # it names the items it speaks of: by label, by count, or as the whole list
    return bool(named_labels(head) or _ALL_COUNT.search(head) or _WHOLE.search(head))


# "At least one treatment was tried first:": the count opens the stem and counts what the
# items are (not a term: "At least 3 months of:")
_COUNTED_STEM = re.compile(
    rf"^at\s+least\s+({_COUNT})\s+(?!(?:months?|weeks?|years?|days?|hours?|doses?|times?|"
    r"cycles?|mg|of)\b)[a-z][^:]*:\s*$",
    re.I,
)


def terse_logic(text: str, count: int) -> Logic | None:
    """The logic word a lead-in ends on ("Prior treatment, One:"), or opens on ("At least
    one treatment was tried:"), for ``count`` items."""
    m = _TERSE.search(text.strip())
    if m is None:
        if (c := _COUNTED_STEM.match(text.strip())) is not None:
            n = F.number(c.group(1).lower()) or 1
            return ("any_of", 1) if n == 1 else ("at_least", n)
        return None
    if m.group(1):
        return "all_of", count
    if m.group(2):
        return "any_of", 1
    n = F.number(m.group(3) or m.group(4) or m.group(5) or "") or 1
    return ("any_of", 1) if n == 1 else ("at_least", n)


def named_labels(text: str) -> set[str]:
    """The item labels a note names ("criteria 1 through 6" → 1..6, "2a or 2b")."""
    labels: set[str] = set()
    for a, b in _RANGE.findall(text):
        if int(a) < int(b) <= int(a) + 30:
            labels |= {str(k) for k in range(int(a), int(b) + 1)}
    for a, b in _LETTERS.findall(text):
        if a.lower() < b.lower() and ord(b.lower()) - ord(a.lower()) < 20:
            labels |= {chr(k) for k in range(ord(a.lower()), ord(b.lower()) + 1)}
    labels |= {m.group(1) for m in _CRITERION.finditer(text)}
    for m in _LISTED.finditer(text):
        labels |= set(re.findall(r"\d{1,2}", m.group(1)))
    labels |= {a + b for a, b in _SUBLABEL.findall(text)}
    return labels


def _op(clause: str, count: int) -> Logic | None:
    if m := _AT_LEAST.search(clause):
        n = F.number(m.group(1) or m.group(2)) or 1
        return ("any_of", 1) if n == 1 else ("at_least", n)
    if _ANY.search(clause):
        return "any_of", 1
    if _ALL.search(clause):
        return "all_of", count
    return None


def note_logic(notes: list[str], labels: list[str]) -> dict[str, Logic]:
    """What notes on a group say of it ("" key) and of its items (by label), given its
    items' labels: only clauses that name this group's items (every one of them, or as
    many as it has) or one item with its own sub-items."""
    out: dict[str, Logic] = {}
    low = [x.lower() for x in labels]
    for note in notes:
        noted = is_logic_note(note)
        for clause in re.split(r";|\.\s+|\.$|[()]", note):
            clause = spell_sub_labels(clause)
            joined = sub_choice(clause)
            if not noted and joined is None:
                continue
            if not _VERDICT.search(clause) and not _ANY.search(clause) and joined is None:
                continue
            subs = _SUBLABEL.findall(clause)
            parents = {a for a, _ in subs}
            if len(parents) == 1 and (parent := parents.pop()) in low:
                # "for criterion 2, either 2a or 2b is enough": item 2's own list; "box 4
                # is checked when 4a or 4b is" in a lead-in: its sub-items joined by "or"
                if (op := _op(clause, len(subs)) or joined) is not None:
                    out[labels[low.index(parent)]] = op
                continue
            if not noted:
                continue
            single = [m.group(1) for m in _CRITERION.finditer(clause)]
            named = {x for x in named_labels(clause) if x.isalpha() or x.isdigit()}
            counted = _ALL_COUNT.search(clause)
            if counted:
                whole = F.number(counted.group(1)) == len(labels)
            elif named:
                whole = named == set(low)
            else:
                whole = bool(_WHOLE.search(clause))
            if whole and (op := _op(clause, len(labels))) is not None:
                out[""] = op
            elif len(single) == 1 and single[0] in low and (op := _op(clause, 0)) is not None:
                # "criterion 3 is met by any one of its parts"
                out[labels[low.index(single[0])]] = op
    return out


# "4a or 4b", "3a, 3b and 3c", "Y to 4a or to 4b": the sub-items joined by a connector
_SUB_JOIN = re.compile(
    r"\b\d{1,2}[a-z]\b(?:\s*,\s*\d{1,2}[a-z]\b)*,?\s+(or|and)\s+(?:to\s+)?\d{1,2}[a-z]\b"
)


# "for item 4, a or b is enough": the sub-items named by their letters after their item's
# number, said as "4a or 4b" is
_SUB_SHORTHAND = re.compile(
    r"\b(?P<head>for\s+(?:items?|criteri(?:on|a)|questions?|lines?)\s+(?P<n>\d{1,2}),?\s+"
    r"(?:either\s+)?)(?P<subs>[a-z](?:\s*,\s*[a-z])*,?\s+(?:or|and)\s+[a-z])\b",
    re.I,
)


def spell_sub_labels(clause: str) -> str:
    """A clause with sub-items named by letter after their item's number ("for item 4, a or
    b") written with their full labels ("for item 4, 4a or 4b")."""

    def full(m: re.Match[str]) -> str:
        return m["head"] + re.sub(r"\b([a-z])\b", rf"{m['n']}\1", m["subs"], flags=re.I)

    return _SUB_SHORTHAND.sub(full, clause)


def sub_choice(clause: str) -> Logic | None:
    """The logic of one item's sub-items a clause names joined by a connector ("4a or 4b",
    "3a, 3b and 3c"), wherever the clause stands (a lead-in's parenthesis)."""
    m = _SUB_JOIN.search(spell_sub_labels(clause))
    if m is None or len({a for a, _ in _SUBLABEL.findall(m.group(0))}) != 1:
        return None
    return ("any_of", 1) if m.group(1).lower() == "or" else ("all_of", 0)


def note_owner(stack: list, text: str, indent: int) -> int | None:
    """Which open outline item a logic note after a list speaks of: the deepest one whose
    items carry the labels it names (or are as many as it counts); by none named, the owner
    of the list whose markers stand at the note's column. None: the list at the root."""
    named = {x for x in named_labels(text) if x.isdigit() or x.isalpha()}
    counted = _ALL_COUNT.search(text)
    for k in range(len(stack) - 1, -1, -1):
        kids = [c.label.lower() for c in stack[k].children]
        if not kids:
            continue
        if named and named <= set(kids):
            return k
        if counted and F.number(counted.group(1)) == len(kids):
            return k
    if named or counted:
        return None
    level = [k for k, it in enumerate(stack) if abs(it.indent - indent) <= 1]
    if level:
        return level[-1] - 1 if level[-1] > 0 else None
    return None
