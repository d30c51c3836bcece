"""A policy PDF's layout text → lines with their page and indentation. pypdf's layout mode
keeps the spacing that nests a policy's lists; running headers and footers are dropped, and a
label column beside the text ("Age      18 years of age or older", "Coverage      Humana
members may ...") becomes a heading or a criterion line. The outline reader reads these lines."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

from pipeline.policy import fields as F
from pipeline.policy.column_cells import SEGMENT
from pipeline.policy.columns import reading_order
from pipeline.policy.documentation_columns import drop_documentation_column
from pipeline.policy.folded_panels import panel_order
from pipeline.policy.form_fill_ins import drop_fill_ins
from pipeline.policy.lone_markers import join_lone_markers
from pipeline.policy.rule_headings import unruled
from pipeline.policy.struck_text import marks_deletions, struck_lines, struck_runs
from pipeline.policy.web_chrome import is_chrome
from pipeline.sources.parse import _line_key, _running_lines

# (a label's later words in any case: "Atypical hemolytic", "Required Medical")
_SIDE_LABEL = re.compile(r"^(\s{0,4}([A-Z][A-Za-z/&\-]*(?: [A-Za-z/&\-]+){0,2})\s{4,})(\S.*)$")
_SIDE_VALUE_AT = 20
# a timeline's time label in the side column ("MONTH 6, THEN", "EVERY 12 MONTHS", "Week 12"):
# numbers and commas allowed where a word names a time
_TIME_SIDE_LABEL = re.compile(r"^(\s{0,4}([A-Z][A-Za-z]*,?(?: [A-Za-z0-9]+,?){1,3})\s{4,})(\S.*)$")
_TIME_WORD = re.compile(r"\b(?:months?|weeks?|days?|years?|doses?)\b", re.I)
# a side label's next line: its next words at the margin, the text's next line at its column
_LABEL_GOES_ON = re.compile(rf"^(\s{{0,4}}({SEGMENT})\s{{3,}})(\S.*)$")
_SIDE_LABEL_ALONE = re.compile(r"^\s{0,4}[A-Z][A-Za-z/&\-]*(?: [A-Z][A-Za-z/&\-]*)?\s*$")
_LABEL_VALUE = re.compile(r"^([A-Z][A-Za-z]+(?: [A-Za-z]+)?)\s{4,}(\S.{8,})$")
# a definition list's row: a short label ending in a colon at the margin, its value beside it
# ("Criteria:          All of the following:", "Reauth. duration:   6 months.")
_DEF_LABEL = re.compile(r"^\s{0,4}[A-Z][A-Za-z\-]*\.?(?: [A-Za-z\-]+\.?){0,2}:\s{3,}(?=\S)")
# ("Criteria letter, November 20, 2025 - page 2": a header printed from page 2 on only)
# a clause number set apart from its text by a gap, with no dot or parenthesis ("1    Patient
# has ...", "3.1  Plasma ..."): a list marker, read as "1." (a count runs on by one space);
# a lettered sub-row's ("2a    patiromer was taken ...") as "2a."
_BARE_NUMBER = re.compile(
    r"^(\d{1,2}(?:\.\d{1,2}){0,3})\s{2,}(?=[A-Z(])|^(\d{1,2}[a-z])\s{2,}(?=[a-zA-Z(])"
)
_PAGE_LINE = re.compile(
    r"^page \d+ of \d+\b|^\d+\s*$|\s[-–]\s*page\s+\d+(?:\s+of\s+\d+)?\s*$"
    # "PB-44 (2026) - 1/1": a footer's page and count after a dash
    r"|\s[-–]\s+\d{1,3}\s*/\s*\d{1,3}\s*$",
    re.I,
)


@dataclass
class Line:
    page: int  # 1-based
    indent: int
    text: str
    blank_before: bool = False
    page_start: bool = False
    criterion: bool = False  # a label column's value that states a criterion: no heading


def raw_pages(path: Path) -> list[list[str]]:
    """Each page's layout-mode lines (NFKC), as printed: columns kept by their spacing."""
    reader = PdfReader(str(path))
    pages = []
    texts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    redline = marks_deletions(" ".join(texts))
    for page, raw in zip(reader.pages, texts, strict=True):
        lines = unicodedata.normalize("NFKC", raw).splitlines()
        # a page set in two columns is read a column at a time (columns.py); a form's
        # blanks and tick boxes are no words of its statements (form_fill_ins.py), nor is
        # the documentation column beside a table's criteria (documentation_columns.py)
        lines = drop_fill_ins(drop_documentation_column(lines))
        # a folded leaflet's three panels likewise, a panel at a time (folded_panels.py)
        panels = panel_order(lines)
        read = reading_order(lines) if panels is lines else panels
        # a heading between rules ("---- COVERED USES ----") as its words (rule_headings.py);
        # lines struck through are not in force (a redline's deletions, struck_text.py)
        struck = struck_runs(page) if redline else []
        pages.append(struck_lines(unruled(read), struck))
    return pages


def is_running(raw: str, running: set[str]) -> bool:
    text = " ".join(raw.split())
    # a printed web page's furniture is running text too (web_chrome.py)
    return _line_key(text) in running or bool(_PAGE_LINE.search(text)) or is_chrome(text)


def layout_lines(
    path: Path | list[list[str]], skip: set[tuple[int, int]] | None = None
) -> list[Line]:
    """The PDF's lines with their indentation; running headers and footers removed, and
    the lines ``skip`` names ((page, line index): a table read on its own)."""
    pages = raw_pages(path) if isinstance(path, Path | str) else path
    running = running_lines(pages)
    skip = skip or set()
    out: list[Line] = []
    labelled: tuple[int, int] | None = None  # the last line with a side label
    value_at = 0  # the column the side label's text starts at
    heading_line: Line | None = None
    for number, lines in enumerate(pages, 1):
        blank, first = False, True
        for at, raw in enumerate(lines):
            text = _marked(" ".join(raw.split()), raw)
            if not text:
                blank = True
                continue
            if is_running(raw, running) or (number, at) in skip:
                continue
            indent = len(raw) - len(raw.lstrip())
            if m := _LABEL_VALUE.match(raw.strip()):
                # "Age      18 years of age or older": a label column and its criterion.
                value = " ".join(m.group(2).split())
                brief = len(value.split()) <= 12 and not value.endswith(".")
                if brief and F.classify(value, [])[0] not in {"other", "documentation"}:
                    indent += len(raw.strip()) - len(m.group(2))
                    out.append(Line(number, indent, value, True, first, criterion=True))
                    blank, first = False, False
                    continue
            lone = labelled == (number, at - 1) and heading_line is not None
            if lone and _SIDE_LABEL_ALONE.match(raw):  # the label's last word on its own
                heading_line.text += " " + text  # type: ignore[union-attr]
                labelled, blank = (number, at), True  # the label's block ends here
                continue
            go_on = _LABEL_GOES_ON.match(raw) if labelled == (number, at - 1) else None
            if go_on and heading_line is not None and len(go_on.group(1)) >= value_at - 1:
                # "nocturnal        met (must meet all):" under "Paroxysmal    Initial ...":
                # the label's next words (any case) beside the text's next line
                heading_line.text += " " + go_on.group(2).strip()
                labelled = (number, at)
                text = " ".join(go_on.group(3).split())
                out.append(Line(number, len(go_on.group(1)), text, False, False))
                blank, first = False, False
                continue
            if (side := _side_label(raw)) and len(side.group(1)) >= _SIDE_VALUE_AT:
                # "Coverage       Humana members may NOT ..." / "Limitations    polysomnogram
                # ...": a label column beside the text is a heading over it.
                label = side.group(2)
                if labelled == (number, at - 1) and heading_line is not None:
                    heading_line.text += " " + label
                else:
                    heading_line = Line(number, len(raw) - len(raw.lstrip()), label, True, first)
                    out.append(heading_line)
                labelled, value_at = (number, at), len(side.group(1))
                value = side.group(3)
                out.append(Line(number, len(side.group(1)), " ".join(value.split()), False, False))
                blank, first = False, False
                continue
            blank = blank or _list_row(lines, at)
            out.append(Line(number, indent, text, blank, first))
            blank, first = False, False
    return join_lone_markers(out)  # "g." / "Prescriber is ...": one item (lone_markers.py)


def _side_label(raw: str) -> re.Match[str] | None:
    """A label column beside the text: words, or a time ("MONTH 6, THEN")."""
    if (side := _SIDE_LABEL.match(raw)) is not None:
        return side
    timed = _TIME_SIDE_LABEL.match(raw)
    return timed if timed is not None and _TIME_WORD.search(timed.group(2)) else None


def _marked(text: str, raw: str) -> str:
    """The line's text, a bare clause number set apart from it given its dot ("1." / "3.1")."""
    m = _BARE_NUMBER.match(raw.strip())
    number = m and (m.group(1) or m.group(2))
    if not number or "." in number:
        return text
    return f"{number}. {text[len(number) :].lstrip()}"


def _list_row(lines: list[str], at: int) -> bool:
    """A definition list's row whose value goes on as a list in the value column
    ("Criteria:     All of the following:" over its items): a block of its own, not part
    of the rows above it ("Indication: ..."). A row of a document's header block
    ("Category:     Pharmacy") is not."""
    m = _DEF_LABEL.match(lines[at])
    nxt = next((x for x in lines[at + 1 :] if x.strip()), "")
    return m is not None and len(nxt) - len(nxt.lstrip()) >= m.end() - 2


def running_lines(pages: list[list[str]]) -> set[str]:
    """Running headers and footers of layout text: its blank lines do not count toward a
    page's edge, and a boilerplate block under the header (a disclaimer of a few lines)
    printed at the top or bottom of most pages is running too."""
    # Whitespace collapsed: layout text pads columns differently from page to page.
    lines = [[" ".join(x.split()) for x in page if x.strip()] for page in pages]
    running = _running_lines(lines)
    if len(lines) >= 3:
        counts: Counter[str] = Counter()
        for page in lines:
            edge = Counter(_line_key(x) for x in page[:10] + page[-5:])
            counts.update(k for k, n in edge.items() if n <= 2)
        threshold = max(3, int(0.6 * len(lines)))
        running |= {k for k, n in counts.items() if n >= threshold and len(k) < 200}
    elif len(lines) == 2:
        # two pages: a line (digits masked) printed at the edge of both is their header
        # or footer ("Page 1 of 2" and "Page 2 of 2" alike)
        first, second = ({_line_key(x) for x in page[:3] + page[-3:]} for page in lines)
        running |= {k for k in first & second if len(k) < 200}
    return running
