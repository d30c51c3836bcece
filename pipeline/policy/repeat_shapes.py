"""List markers learned from the document's own repetition (issue 25).

The outline reads the marker styles it knows (list_labels.py). A layout it has never seen
marks its items some other way ("① ② ③", "Q1) Q2)", "§2 §3", "> >", "Step 4 -", "2/"). Such
a marker is still a repeated shape: after a line that introduces items (one ending in ":",
one naming "the following", a short heading), each line's start is abstracted into a shape
(digits → 9, one letter → a / A, a roman numeral → i / I, a circled number → ①, punctuation and
glyphs kept); a shape that repeats at one indentation with a counter that advances (1, 2, 3 /
a, b / i, ii) or with the same glyph marks siblings; a deeper repeating shape marks their
children. Lines without a shape run on the item above; the run ends at a line set left of
its first item or at a new paragraph back at that margin (a heading); a page break does not
end it. Lines the known styles read are left to them: this only names the markers they miss.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from pipeline.policy.layout_text import Line
from pipeline.policy.list_labels import LEARNED, next_label
from pipeline.policy.list_labels import known_marker as _marker

# a word and its number ("Step 4 -", "Item 2:", "Part 3."): the word is kept, the number counts
# ("Use 1 renewal (12 months)." is a statement: a mark after the number is needed)
_WORD_COUNTER = re.compile(r"^([A-Z][a-z]{1,9}) (\d{1,3})(\s*[-–:.)])(?=\s+\S)")
_TOKEN = re.compile(r"^(\S{1,7})(?=\s+\S)")
_ROMAN = re.compile(r"^(?:x{0,3}(?:ix|iv|v?i{1,3}|v)|X{0,3}(?:IX|IV|V?I{1,3}|V))$")
_STARTS = {"1", "a", "A", "i", "I"}
# a box drawn as brackets round one mark ("[x]", "[ ]", "(x)"): a glyph, no counter
_BOX = re.compile(r"^[\[(][ xX✓✔]?[\])]$")
# an empty box printed with its space ("( )" radio lines): a glyph
_SPACED_BOX = re.compile(r"^([\[(] [\])])(?=\s+\S)")


@dataclass(frozen=True)
class Shape:
    shape: str  # the abstract start: "Q9)", "①", "§9", ">", "Step 9 -"
    counter: str  # the label it counts by ("3", "c", "ii"), "" for a glyph
    rest: str  # the item's text after its marker


def line_shape(text: str) -> Shape | None:
    """The abstract shape of a line's first token, or None for a line that starts with a word
    (or a bare number: "12 months of ..." is a wrapped line)."""
    if m := _WORD_COUNTER.match(text):
        word, number, tail = m.groups()
        return Shape(f"{word} 9{tail.strip()}", str(int(number)), text[m.end() :].strip())
    if box := _SPACED_BOX.match(text):
        return Shape(box.group(1).replace(" ", ""), "", text[box.end() :].strip())
    m = _TOKEN.match(text)
    if m is None:
        return None
    token, rest = m.group(1), text[m.end() :].strip()
    if circled := _circled(token):
        return Shape("①", circled, rest)
    digits = list(re.finditer(r"\d+", token))
    letters = [c for c in token if c.isalpha()]
    if digits:
        d = digits[-1]
        head, tail = token[: d.start()], token[d.end() :]
        # one number, a short tag before it ("Q", "IC-", "§") and punctuation after
        if len(digits) > 1 or len(d.group()) > 3:
            return None
        if not (head or tail) or len([c for c in head if c.isalpha()]) > 3:
            return None  # a bare number, or a word with a number in it
        if head.isalpha() and len(tail) == 1 and tail.isalpha():
            # a lettered sub-question of a tagged one ("Q06A", "Q06B" under "Q06"): the
            # letter counts
            return Shape(head + "9" + ("A" if tail.isupper() else "a"), tail.lower(), rest)
        if any(c.isalnum() for c in tail):
            return None
        return Shape(head + "9" + tail, str(int(d.group())), rest)
    if not letters:
        # a glyph: symbols and punctuation only (">", "=>", "→", "+")
        if len(token) > 3 or token in {"(", "[", '"', "'", "...", "&"}:
            return None
        return Shape(token, "", rest)
    if _BOX.match(token):
        return Shape(token, "", rest)
    word = "".join(letters)
    if len(token) == 1 and token not in "AIa":
        # a lone letter drawn as a mark ("X Pregnancy ...", "✗" typed as X): a glyph where
        # it repeats (no word is one letter but "A", "I", "a")
        return Shape(token, "", rest)
    if token.isalpha() or len(token) - len(word) < 1:
        return None  # a word, no marker
    if not word.isascii():
        return None
    if len(word) == 1:
        return Shape(token.replace(word, "A" if word.isupper() else "a"), word, rest)
    if _ROMAN.match(word) and token.find(word) >= 0:
        return Shape(token.replace(word, "I" if word.isupper() else "i"), word.lower(), rest)
    return None


def _circled(token: str) -> str:
    """A circled or parenthesised number glyph ("①", "⑵", "❸") → its value, else ""."""
    if len(token) != 1 or unicodedata.category(token) != "No":
        return ""
    value = unicodedata.numeric(token, -1)
    return str(int(value)) if value >= 1 and value == int(value) else ""


def _introduces(line: Line) -> bool:
    """A line that introduces items: it ends in a colon, names "the following", or is a
    short heading of its own (no sentence end)."""
    text = line.text.rstrip()
    if text.endswith(":") or re.search(r"\bfollowing\b", text, re.I):
        return True
    if re.search(r"\b(?:these|below)\b", text, re.I) and not text.endswith((".", ";", ",")):
        return True  # "HARD STOP - the order is rejected when any of these is true"
    return line.blank_before and len(text.split()) <= 8 and not text.endswith((".", ";", ","))


def _cites_next(lines: list[Line], k: int) -> bool:
    """A rule line that names the next line's tagged label ("APPROVAL RULE: ALL OF Q01-Q05
    = Y" over "Q01 ..."; "RULE: Q06 = Y AND Q07 = Y" over "Q06 ..."): it introduces them."""
    if k + 1 >= len(lines) or (shape := line_shape(lines[k + 1].text)) is None:
        return False
    token = lines[k + 1].text.split()[0].rstrip(".:)")
    if not shape.counter or not any(c.isalpha() for c in token):
        return False  # a bare "1." is cited by any sentence with a 1 in it
    return re.search(rf"(?<![\w-]){re.escape(token)}(?![\w])", lines[k].text) is not None


def _advances(labels: list[str]) -> bool:
    """Each counter starts a list or follows the one before, and one at least follows."""
    follows = [next_label(a, b) for a, b in zip(labels, labels[1:], strict=False)]
    starts = [lab in _STARTS or lab.lower() in _STARTS for lab in labels[1:]]
    return any(follows) and all(f or s for f, s in zip(follows, starts, strict=True))


def _run(lines: list[Line], start: int) -> list[int]:
    """The lines after the lead-in at ``start`` that belong to its items: until a line left
    of the first item's marker, or a new paragraph back at that margin with no marker."""
    first = lines[start + 1] if start + 1 < len(lines) else None
    if first is None or (_marker(first.text) is None and line_shape(first.text) is None):
        return []
    margin = first.indent
    out: list[int] = []
    for k in range(start + 1, len(lines)):
        line = lines[k]
        marked = _marker(line.text) is not None or line_shape(line.text) is not None
        if not marked and line.indent < margin - 1:
            break
        if not marked and line.blank_before and not line.page_start and line.indent <= margin + 1:
            break
        if marked and line.indent < margin - 1:
            break
        out.append(k)
    return out


def learned_markers(lines: list[Line]) -> dict[int, tuple[str, str, str]]:
    """Line index → (style, label, text) for the lines whose marker no known style reads but
    whose shape repeats as siblings under a lead-in. A counted shape is a style of its own
    ("shape:Q9)"); a glyph is read as the outline's "glyph" bullet, one level per indentation."""
    found: dict[int, tuple[str, str, str]] = {}
    k = 0
    while k < len(lines):
        if not (_introduces(lines[k]) or _cites_next(lines, k)):
            k += 1
            continue
        run = _run(lines, k)
        found.update(_siblings(lines, run))
        k = (run[-1] + 1) if run else k + 1
    return found


def _siblings(lines: list[Line], run: list[int]) -> dict[int, tuple[str, str, str]]:
    """The run's unknown-marker lines whose shape repeats at one indentation."""
    groups: dict[tuple[str, int], list[tuple[int, Shape]]] = {}
    for k in run:
        line = lines[k]
        if _marker(line.text) is not None or (shape := line_shape(line.text)) is None:
            continue
        key = next(
            (g for g in groups if g[0] == shape.shape and abs(g[1] - line.indent) <= 1),
            (shape.shape, line.indent),
        )
        groups.setdefault(key, []).append((k, shape))
    out: dict[int, tuple[str, str, str]] = {}
    for (shape, _), members in groups.items():
        if len(members) < 2 or _holds_known_list(lines, [k for k, _ in members]):
            continue
        counters = [s.counter for _, s in members]
        if counters[0]:
            if counters[0] not in _STARTS and counters[0].lower() not in _STARTS:
                continue
            if not _advances(counters):
                continue
            for k, s in members:
                out[k] = (f"shape:{shape}", s.counter, s.rest)
        else:
            for k, s in members:
                out[k] = ("glyph", shape, s.rest)
    return out


def _holds_known_list(lines: list[Line], members: list[int]) -> bool:
    """A known marker set at the members' own margin between two of them ("Part 1:" over
    "I. Plaque psoriasis" ... "Part 2:"): the shapes are headings over lists, no items."""
    margin = min(lines[k].indent for k in members)
    return any(
        _marker(lines[j].text) is not None and lines[j].indent <= margin + 1
        for a, b in zip(members, members[1:], strict=False)
        for j in range(a + 1, b)
    )


@contextmanager
def document_shapes(lines: list[Line]) -> Iterator[None]:
    """While a document is compiled, a line whose start has one of the shapes it repeats as
    list markers (learned_markers) is marked for every reader, wherever it stands."""
    styles = {line_shape(lines[k].text): v[0] for k, v in learned_markers(lines).items()}
    shapes = {s.shape: style for s, style in styles.items() if s is not None}

    def learned(text: str) -> tuple[str, str, str] | None:
        shape = line_shape(text)
        if shape is None or shape.shape not in shapes:
            return None
        style = shapes[shape.shape]
        return style, shape.counter if style != "glyph" else shape.shape, shape.rest

    token = LEARNED.set(learned if shapes else None)
    try:
        yield
    finally:
        LEARNED.reset(token)
