"""Text struck through is not in force. A policy revision printed with tracked changes (a
redline) strikes the deleted criteria through with a drawn line, yet the PDF's text keeps
them, letter for letter, beside the criteria that replace them ("c." struck, "c." new).
pypdf's visitors see both: each text run where it is set (baseline, size) and each thin
horizontal bar drawn (a filled rectangle under 1.5 pt high, or a stroked line). A bar
across a run a quarter to a half of its size above its baseline strikes it (an underline
sits at or below the baseline: inserted text, in force). The layout lines printed wholly by
struck runs, their list marker apart, are dropped (struck_lines). Only a document whose
words speak of struck or deleted text (a redline's legend) is looked at this way
(marks_deletions): the look costs a second pass over each page.

A bar's length must be about its run's (half the size per letter, 0.6 to 1.5 times): a
rule drawn across a box over a heading is no strike."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pypdf import PageObject

_MAX_BAR = 1.5  # points: a rule's thickness, no box
_MARKER = re.compile(r"^\s*(?:\(?[A-Za-z0-9ivx]{1,4}[.)]|[•\-–o▪*])\s*$")


@dataclass
class _Run:
    x: float
    y: float
    size: float
    text: str


def _apply(m: list[float], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def struck_runs(page: PageObject) -> list[str]:
    """The texts of the page's runs a bar strikes through, top to bottom."""
    runs: list[_Run] = []
    bars: list[tuple[float, float, float]] = []  # x0, x1, y
    path: list[tuple[float, float]] = []

    def on_text(text: str, cm: list, tm: list, _font: object, size: float) -> None:
        if text.strip():
            x, y = _apply(cm, tm[4], tm[5])
            runs.append(_Run(x, y, abs(size * (tm[3] or 1) * (cm[3] or 1)), text))

    def on_op(op: bytes, args: list, cm: list, _tm: list) -> None:
        if op == b"re" and len(args) == 4:
            x, y, w, h = (float(a) for a in args)
            if abs(h) <= _MAX_BAR and abs(w) >= 3:
                (x0, y0), (x1, _) = _apply(cm, x, y + h / 2), _apply(cm, x + w, y)
                bars.append((min(x0, x1), max(x0, x1), y0))
        elif op == b"m" and len(args) == 2:
            path[:] = [_apply(cm, float(args[0]), float(args[1]))]
        elif op == b"l" and len(args) == 2 and path:
            (x0, y0), (x1, y1) = path[-1], _apply(cm, float(args[0]), float(args[1]))
            if abs(y1 - y0) <= 0.2 and abs(x1 - x0) >= 3:
                bars.append((min(x0, x1), max(x0, x1), y0))
            path.append((x1, y1))

    page.extract_text(visitor_text=on_text, visitor_operand_before=on_op)
    if not bars:
        return []
    out = []
    for run in runs:
        low, high = run.y + 0.15 * run.size, run.y + 0.5 * run.size
        # the bar runs about the text's width (a box's rule over a heading runs on)
        guess = 0.5 * run.size * len(run.text.strip())
        if any(
            low <= y <= high and abs(x0 - run.x) <= 2.0 and 0.6 * guess <= x1 - x0 <= 1.5 * guess
            for x0, x1, y in bars
        ):
            out.append((run.y, run.x, run.text))
    return [" ".join(t.split()) for _y, _x, t in sorted(out, key=lambda r: (-r[0], r[1]))]


_LEGEND = re.compile(
    r"\bstruck\b|\bstrike-?(?:through|out)|\bstrikethrough|\bcrossed\s+out|\bredline|"
    r"\btracked\s+changes|\bdeleted\s+text|\btext\s+(?:that\s+is\s+)?deleted",
    re.I,
)


def marks_deletions(text: str) -> bool:
    """The document's words say some of its text is struck out (a redline's legend)."""
    return _LEGEND.search(text) is not None


def struck_lines(lines: list[str], struck: list[str]) -> list[str]:
    """The layout lines less those printed wholly by struck runs (a marker apart), each
    struck run matched once, in order."""
    if not struck:
        return lines
    left = list(struck)
    out = []
    for line in lines:
        text = " ".join(line.split())
        hit = next((s for s in left if s and _wholly(text, s)), None)
        if hit is None:
            out.append(line)
            continue
        left.remove(hit)
    return out


def _wholly(text: str, struck: str) -> bool:
    """The line is the struck run, or a list marker before it."""
    if text == struck:
        return True
    return text.endswith(struck) and bool(_MARKER.match(text[: -len(struck)]))
