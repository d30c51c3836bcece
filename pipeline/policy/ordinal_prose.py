"""Criteria written as ordinal sentences in running prose, no markers and no line breaks:
"... is approved only when every one of the following sentences is true. First, X. Second,
Y. Third, Z." An ordinal opening a sentence ("First,", "Secondly,", "Finally,") is a marker
class of its own: where a paragraph counts two or more in order, its lines are set out again
as a lead-in line and one numbered item per ordinal sentence (the outline's own "1)" style,
set in under the lead-in), so every reader sees the list. An alternative inside one sentence
("either X, or Y") becomes lettered sub-items under the sentence's opening.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.policy.layout_text import Line

_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
# "First, ", "Secondly, " at a sentence's start (the text's start or after a full stop)
_ORDINAL = re.compile(r"(?:(?<=^)|(?<=[.;]\s))(" + "|".join(_ORDINALS) + r")(?:ly)?,\s+", re.I)
# "either X, or Y" inside one sentence: X and Y are alternatives
_EITHER = re.compile(r"^(?P<head>.*?\beither)\s+(?P<a>.+?),\s+or\s+(?P<b>.+)$", re.I | re.S)
_STEP = 4  # the items' indentation under their lead-in


def _paragraphs(lines: list[Line]) -> list[list[int]]:
    """Runs of consecutive prose lines: a blank line, a page break or a change of margin
    ends one."""
    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        prev = lines[k - 1] if k else None
        if (
            prev is None
            or line.blank_before
            or line.page != prev.page
            or abs(line.indent - prev.indent) > 1
            or _title(line, prev)
            or _title(prev, lines[k - 2] if k >= 2 else None)
        ):
            runs.append([k])
        else:
            runs[-1].append(k)
    return runs


def _title(line: Line, prev: Line | None) -> bool:
    """A short line with no sentence end after a sentence's end (or first): a heading set in
    the prose ("Wilson disease" between two paragraphs)."""
    text = line.text.strip()
    return (
        (prev is None or line.blank_before or prev.text.rstrip().endswith("."))
        and len(text.split()) <= 6
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ","))
    )


def _ordered(found: list[re.Match[str]]) -> bool:
    names = [_ORDINALS.index(m.group(1).lower()) for m in found]
    return len(names) >= 2 and names == list(range(len(names)))


def _sequences(text: str) -> list[list[re.Match[str]]]:
    """The ordinal runs of a paragraph's text, each counting from "First"."""
    out: list[list[re.Match[str]]] = []
    for m in _ORDINAL.finditer(text):
        at = _ORDINALS.index(m.group(1).lower())
        if at == 0:
            out.append([m])
        elif out and _ORDINALS.index(out[-1][-1].group(1).lower()) == at - 1:
            out[-1].append(m)
    return [s for s in out if _ordered(s)]


def _items(sentence: str, base: int, n: int) -> list[Line]:
    """One ordinal sentence as numbered item lines (an "either ..., or ..." as sub-items)."""
    either = _EITHER.match(sentence)
    if either is None:
        return [Line(0, base + _STEP, f"{n}) {sentence}")]
    return [
        Line(0, base + _STEP, f"{n}) {either.group('head')}"),
        Line(0, base + 2 * _STEP, f"a) {either.group('a').strip()}"),
        Line(0, base + 2 * _STEP, f"b) {either.group('b').strip()}"),
    ]


def _set_out(text: str, first: Line) -> list[Line] | None:
    """A paragraph's text set out as lead-in and item lines, or None with no ordinal run."""
    seqs = _sequences(text)
    if not seqs:
        return None
    out: list[Line] = []
    at = 0
    for seq in seqs:
        if lead := text[at : seq[0].start()].strip():
            out.append(Line(0, first.indent, lead))
        for n, m in enumerate(seq, 1):
            end = seq[n].start() if n < len(seq) else None
            if end is None:
                # the last sentence ends at the first full stop that starts a new sentence
                tail = re.search(r"\.\s+(?=[A-Z])", text[m.end() :])
                end = m.end() + tail.end() if tail else len(text)
            out.extend(_items(text[m.end() : end].strip(), first.indent, n))
        at = end
    if rest := text[at:].strip():
        out.append(Line(0, first.indent, rest))
    return [
        Line(
            first.page,
            x.indent,
            x.text,
            blank_before=first.blank_before and k == 0,
            page_start=first.page_start and k == 0,
        )
        for k, x in enumerate(out)
    ]


def set_out_ordinals(lines: list[Line]) -> list[Line]:
    """The lines, each paragraph counting ordinal sentences set out as a list."""
    out: list[Line] = []
    runs = _paragraphs(lines)
    changed = False
    for run in runs:
        text = " ".join(lines[k].text.strip() for k in run)
        set_out = _set_out(text, lines[run[0]])
        if set_out is None:
            out.extend(lines[k] for k in run)
            continue
        out.extend(set_out)
        changed = True
    if not changed:
        return lines
    # such prose sets its headings close ("Wilson disease" under a paragraph's last line):
    # set apart, as the outline reads a heading
    starts = {lines[run[0]].text for run in runs}
    return [
        replace(x, blank_before=True)
        if x.text in starts and not x.blank_before and _paragraph_head(x)
        else x
        for x in out
    ]


def _paragraph_head(line: Line) -> bool:
    text = line.text.strip()
    return len(text.split()) <= 6 and not text.endswith((".", ":", ";", ","))
