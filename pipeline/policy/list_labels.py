"""List markers (every style the outline reads, bullets among them) and ordered labels:
which label comes right after which (2 after 1, b after a, iii after ii, C after B), and
which labels start a list."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar

# Each marker style is one outline level wherever it appears; a style already open on the
# stack closes the levels below it. Bullets differ by their symbol (• then o then ▪).
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # a decimal clause ("1.1", "3.4.2", "1.1.1.2."): one style per depth (dec1, dec2, ...)
    ("dec", re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,4})\.?(?=\s)")),
    # a section numbered under its chapter with a hyphen ("4-1  Cryopyrin-associated ...",
    # "6-2  Still's disease: continue ..."): a level of its own
    ("dashdec", re.compile(r"^(\d{1,2}-\d{1,2})(?=\s+[A-Z])")),
    ("ROMAN", re.compile(r"^((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\.(?=\s)")),
    ("num", re.compile(r"^(\d{1,3})\.(?=\s)")),
    ("numparen", re.compile(r"^(\d{1,3})\)(?=\s)")),
    # a sub-item numbered after its item ("2a.", "3c)"): a level of its own
    ("numletter", re.compile(r"^(\d{1,2}[a-z])[.)](?=\s)")),
    ("parennumletter", re.compile(r"^\((\d{1,2}[a-z])\)(?=\s)")),
    ("numdotletter", re.compile(r"^(\d{1,2}\.[a-z])[.)]?(?=\s)")),
    ("upper", re.compile(r"^([A-Z])\)(?=\s)")),
    ("upperdot", re.compile(r"^([A-Z])\.(?=\s)")),
    # "(II)" under "(ii)" in a statute's clauses; "(I)" after "(H)" is the letter (_LETTER_OF)
    ("parenROMAN", re.compile(r"^\(((?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))\)")),
    ("parenupper", re.compile(r"^\(([A-Z])\)")),
    ("roman", re.compile(r"^((?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\.(?=\s)")),
    ("romanparen", re.compile(r"^((?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\)(?=\s)")),
    ("lower", re.compile(r"^([a-z])\)(?=\s)")),
    ("lowerdot", re.compile(r"^([a-z])\.(?=\s)")),
    ("paren", re.compile(r"^\((\d{1,3})\)")),
    # a number in square brackets, as a rules specification or a form numbers its lines
    # ("[1] member is on dialysis", "[4.2] ..."): one style per depth (bracket0, bracket1, ...)
    ("bracket", re.compile(r"^\[(\d{1,2}(?:\.\d{1,2}){0,3})\](?=\s)")),
    # a tag of letters and a number ("(A1)", "[B2]", "C3.", "AB4)", "IC-2"): the letters name the
    # list (Table A's criteria), the number counts its items, a capital opens the item (a
    # wrapped line's "(AQP4) antibody" or "(PD1) inhibitor" is no marker); a level of its own
    (
        "tag",
        re.compile(
            r"^\(([A-Z]{1,2}\d{1,2})\)(?=\s*[A-Z])|^([A-Z]{1,2}\d{1,2})[.)](?=\s+[A-Z])"
            # in square brackets a tag whatever follows ("[X2] hyperparathyroidism ...")
            r"|^\[([A-Z]{1,2}\d{1,2})\](?=\s)"
            # a protocol's criterion codes ("IC-1 Age 2 years", "EC-3 ..."), hyphen dropped
            r"|^([A-Z]{1,2}-\d{1,2})(?=\s+[A-Z])"
        ),
    ),
    ("parenroman", re.compile(r"^\(((?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\)")),
    ("parenlower", re.compile(r"^\(([a-z])\)")),
    ("bullet", re.compile(r"^([•●·*])(?=\s)")),
    ("bullet2", re.compile(r"^([o◦○])(?=\s)")),
    # ("§ 4.4 Limitations.": a rule's section number, no bullet)
    (
        "bullet3",
        re.compile(r"^([▪■§\uf0a7\uf0d8\uf0fc\uf076\uf0b7\uf02d\ue000-\uf8ff])(?=\s)(?!\s*\d)"),
    ),
    ("dash", re.compile(r"^([\-–])(?=\s)")),
    # a cross before an item ("x  Two drugs at the same time", "x Platelet count below
    # 50,000/mcL"): a bullet where a capital follows ("x 2 weeks" is a count)
    ("cross", re.compile(r"^([x✗✘])(?=\s+[A-Z])")),
    # a checkbox "[ ]" before a criterion (a form's "[ ] Yes [ ] No" answers are steps.py's)
    ("box", re.compile(r"^(\[\s?[xX✓]?\s?\])(?=\s+(?!(?:yes|no)\b))", re.I)),
]
_BULLETS = {"bullet", "bullet2", "bullet3", "dash", "cross", "glyph", "box"}
# A roman numeral that may be a letter: "i." after "h." is the letter i.
_LETTER_OF = {
    "roman": "lowerdot",
    "romanparen": "lower",
    "parenroman": "parenlower",
    "parenROMAN": "parenupper",
}


# the marker shapes the document being compiled repeats as list markers, learned from its own
# lines (repeat_shapes.py): every reader that asks for a line's marker sees them
LEARNED: ContextVar[Callable[[str], tuple[str, str, str] | None] | None] = ContextVar(
    "learned_markers", default=None
)


def _marker(text: str) -> tuple[str, str, str] | None:
    if (found := known_marker(text)) is not None:
        return found
    learned = LEARNED.get()
    return learned(text) if learned is not None else None


def known_marker(text: str) -> tuple[str, str, str] | None:
    """The line's marker in a style the outline knows, or None."""
    for style, pattern in _MARKERS:
        if m := pattern.match(text):
            if style in ("dec", "bracket"):
                style += str(m.group(1).count("."))
            label = next(g for g in m.groups() if g is not None).replace("-", "")
            if style == "tag" and text.rstrip().endswith("?"):
                return None  # "Q2. When will we approve X?": a question's label
            return style, label, text[m.end() :].strip()
    if (
        len(text) > 2
        and text[1] == " "
        and (unicodedata.category(text[0]) == "So" or text[0] in "»›")
    ):
        # any other pictographic bullet ("➢", "◆", "✓"), or a guillemet set as one ("»"):
        # a level of its own
        return "glyph", text[0], text[2:].strip()
    return None


FIRST = {"1", "a", "A", "i", "I"}
_TAG = re.compile(r"^([A-Z]{1,3})(\d{1,2})$")


def starts_list(label: str) -> bool:
    """A label that starts a list: 1, a, A, i, I, or a tag's first number ("A1")."""
    return label in FIRST or bool((m := _TAG.match(label)) and m[2] == "1")


_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii"]


def next_label(previous: str, label: str) -> bool:
    """``label`` comes right after ``previous`` in its sequence (2 after 1, b after a,
    iii after ii, C after B)."""
    if previous.isdigit() and label.isdigit():
        return int(label) == int(previous) + 1
    if label[:-1].rstrip(".").isdigit() and previous[:-1] == label[:-1] and label[-1:].isalpha():
        return follows(previous[-1], label[-1])  # "2b" after "2a", "2.b" after "2.a"
    if "." in label:  # decimal clauses: "1.3" after "1.2", "2.1.4" after "2.1.3"
        head, _, last = label.rpartition(".")
        before, _, prev_last = previous.rpartition(".")
        return (
            head == before
            and last.isdigit()
            and prev_last.isdigit()
            and (int(last) == int(prev_last) + 1)
        )
    if (m := _TAG.match(label)) and (p := _TAG.match(previous)) and m[1] == p[1]:
        return int(m[2]) == int(p[2]) + 1  # "A2" after "A1"
    low, prev = label.lower(), previous.lower()
    if prev in _ROMANS and low in _ROMANS and _ROMANS.index(low) == _ROMANS.index(prev) + 1:
        return True
    return len(previous) == 1 and follows(previous, label)


def clause_fits(open_labels: list[str], label: str) -> bool:
    """A decimal clause label ("1.1", "3.4.2") read as a marker only where its numbering
    goes on: the first sub-clause of an open clause ("1.1" under "1."), or the next one
    after an open sibling ("1.3" after "1.2"). Elsewhere "1.5 times the upper limit" is a
    number that starts a wrapped line."""
    parent, _, last = label.rpartition(".")
    if last == "1" and parent in open_labels:
        return True
    return any(next_label(x, label) for x in open_labels if x.count(".") == label.count("."))


def follows(previous: str, label: str) -> bool:
    """A one-letter label right after another ("b" after "a")."""
    return len(label) == 1 and ord(label) == ord(previous) + 1


def title_item(style: str, text: str) -> bool:
    """A marked item that is a short title ("A. Acute Lymphoblastic Leukemia", "1. Plaque
    psoriasis"), no sentence."""
    words = text.split()
    return (
        style not in _BULLETS | {"para", "unmarked", "conn"}
        and 1 <= len(words) <= 8
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and text[:1].isupper()
    )
