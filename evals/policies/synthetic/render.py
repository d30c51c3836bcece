"""Layout engine for the synthetic payer policies (see README.md in this folder).

A policy is a list of blocks (headings, paragraphs, indented item lists, ruled tables) drawn
with fpdf2's core fonts (cp1252), with a running header and footer on every page. Criteria
trees (`Crit`) are written once and drawn by a publisher *style* (`Style`): the style decides
markers per level, where the logic is printed (a lead-in, a word at the end of each item, a
connector on a line of its own) and the indentation. The same trees give the gold files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fpdf import FPDF

FIXED_DATE = datetime(2026, 1, 15, 9, 0, 0, tzinfo=UTC)  # deterministic output
LINE = 4.6
INDENT = 6.5
MARKER_W = 7.0


@dataclass
class Crit:
    """A criterion (no kids) or a group whose printed lead-in is ``text`` (may be "")."""

    text: str
    op: str = ""  # all_of / any_of / at_least for groups
    n: int = 0
    kids: list[Crit] = field(default_factory=list)

    @property
    def is_group(self) -> bool:
        return bool(self.kids)


def g(op: str, text: str, *kids: Crit, n: int = 0) -> Crit:
    return Crit(text=text, op=op, n=n, kids=list(kids))


def c(text: str) -> Crit:
    return Crit(text=text)


@dataclass
class Item:
    """One printed line-block: indentation level, marker, text, font style."""

    level: int
    marker: str
    text: str
    style: str = ""  # "", "B", "I"


@dataclass
class Style:
    """How a publisher prints a criteria list."""

    markers: list[Callable[[int], str]]  # per level: index -> marker
    end: dict[str, str] = field(default_factory=dict)  # op -> text appended to non-last items
    last_takes_parent: bool = False  # last sub-item carries the parent list's connector
    between: dict[str, str] = field(default_factory=dict)  # op -> connector line between items
    final: str = ""  # appended to the very last item of a list (e.g. ";" or ".")

    def items(self, root: Crit, level: int = 0) -> list[Item]:
        """The root's children as items (the root's lead-in is printed by the caller)."""
        return self._list(root, level, parent_end="")

    def _list(self, group: Crit, level: int, parent_end: str) -> list[Item]:
        out: list[Item] = []
        kids = group.kids
        mk = self.markers[min(level, len(self.markers) - 1)]
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            if not last:
                end = self.end.get(group.op, "")
            elif self.last_takes_parent and parent_end:
                end = parent_end
            else:
                end = self.final
            marker = mk(i)
            if kid.is_group:
                out.append(Item(level, marker, kid.text))
                out.extend(self._list(kid, level + 1, end if self.last_takes_parent else ""))
            else:
                out.append(Item(level, marker, kid.text + end))
            sep = self.between.get(group.op, "")
            if sep and not last:
                out.append(Item(level, "", sep, "B"))
        return out


def numbers(i: int) -> str:
    return f"{i + 1}."


def letters(i: int) -> str:
    return f"{chr(97 + i)}."


def upper(i: int) -> str:
    return f"{chr(65 + i)}."


def romans(i: int) -> str:
    return ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"][i] + "."


def paren(fn: Callable[[int], str]) -> Callable[[int], str]:
    return lambda i: f"({fn(i)[:-1]})"


def bullet(ch: str) -> Callable[[int], str]:
    return lambda i: ch


Cell = list[Item] | str


class Doc(FPDF):
    """A policy document with a running header and footer."""

    def __init__(
        self,
        header: Callable[[Doc], None],
        footer: Callable[[Doc], None],
        margin: float = 18.0,
    ) -> None:
        super().__init__(format="letter", unit="mm")
        self.core_fonts_encoding = "windows-1252"
        self._header_fn = header
        self._footer_fn = footer
        self.set_margins(margin, 24, margin)
        self.set_auto_page_break(True, margin=22)
        self.set_creation_date(FIXED_DATE)
        self.alias_nb_pages()
        self.set_font("helvetica", size=10)
        self.table_header: tuple[list[float], list[str]] | None = None

    def header(self) -> None:
        self._header_fn(self)
        self.set_font("helvetica", size=10)
        self.set_text_color(0)

    def footer(self) -> None:
        self._footer_fn(self)
        self.set_font("helvetica", size=10)
        self.set_text_color(0)

    @property
    def width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    # --- blocks --------------------------------------------------------------------------

    def heading(self, text: str, size: float = 12, style: str = "B", space: float = 2.5) -> None:
        self.ln(space)
        if self.get_y() > self.h - 40:
            self.add_page()
        self.set_font("helvetica", style, size)
        self.multi_cell(self.width, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("helvetica", size=10)
        self.ln(1)

    def para(self, text: str, indent: float = 0.0, style: str = "", size: float = 10) -> None:
        self.set_font("helvetica", style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.width - indent, LINE, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("helvetica", size=10)
        self.ln(1.2)

    def items(self, items: list[Item], base: float = 0.0, gap: float = 0.6) -> None:
        for it in items:
            self.set_font("helvetica", it.style, 10)
            x = self.l_margin + base + it.level * INDENT
            if self.get_y() + LINE > self.page_break_trigger:
                self.add_page()
            y = self.get_y()
            if it.marker:
                self.set_xy(x, y)
                self.cell(MARKER_W, LINE, it.marker)
                tx = x + MARKER_W
            else:
                tx = x
            self.set_xy(tx, y)
            self.multi_cell(self.w - self.r_margin - tx, LINE, it.text, new_x="LMARGIN",
                            new_y="NEXT")
            self.ln(gap)
        self.set_font("helvetica", size=10)
        self.ln(1)

    # --- ruled tables --------------------------------------------------------------------

    def _cell_lines(self, cell: Cell, width: float) -> list[tuple[float, str, str, bool]]:
        """(x offset, text, style, unused) per printed line of a cell."""
        if isinstance(cell, str):
            cell = [Item(0, "", part) for part in cell.split("\n")]
        lines: list[tuple[float, str, str, bool]] = []
        for it in cell:
            self.set_font("helvetica", it.style, 9.5)
            x = it.level * INDENT * 0.8
            tx = x + (MARKER_W - 1.5 if it.marker else 0)
            wrapped = self.multi_cell(width - tx - 2, LINE, it.text, dry_run=True, output="LINES")
            for k, text in enumerate(wrapped or [""]):
                if k == 0 and it.marker:
                    lines.append((x, f"\x00{it.marker}\x00{text}", it.style, False))
                else:
                    lines.append((tx, text, it.style, False))
        self.set_font("helvetica", size=10)
        return lines

    def _draw_line(self, x: float, y: float, line: tuple[float, str, str, bool]) -> None:
        off, text, style, _ = line
        self.set_font("helvetica", style, 9.5)
        if text.startswith("\x00"):
            _, marker, rest = text.split("\x00", 2)
            self.set_xy(x + 1 + off, y)
            self.cell(MARKER_W - 1.5, LINE, marker)
            self.set_xy(x + 1 + off + MARKER_W - 1.5, y)
            self.cell(0, LINE, rest)
        else:
            self.set_xy(x + 1 + off, y)
            self.cell(0, LINE, text)

    def table_head(self, widths: list[float], header: list[str], fill: int = 220) -> None:
        self.table_header = (widths, header)
        self._row([h for h in header], widths, fill=fill, bold=True, repeat=False)

    def row(self, cells: list[Cell], widths: list[float] | None = None, fill: int = -1,
            bold: bool = False) -> None:
        widths = widths or (self.table_header[0] if self.table_header else [self.width])
        self._row(cells, widths, fill=fill, bold=bold, repeat=True)

    def end_table(self) -> None:
        self.table_header = None
        self.ln(3)

    def _row(self, cells: list[Cell], widths: list[float], fill: int, bold: bool,
             repeat: bool) -> None:
        cols = []
        for cell, w in zip(cells, widths, strict=True):
            if bold and isinstance(cell, str):
                cell = [Item(0, "", part, "B") for part in cell.split("\n")]
            cols.append(self._cell_lines(cell, w))
        start = [0] * len(cols)
        while True:
            top = self.get_y()
            room = int((self.page_break_trigger - top - 2) // LINE)
            left = max(len(col) - s for col, s in zip(cols, start, strict=True))
            if room < 2 or (left > room and room < 4):
                self._new_page_for_table(repeat)
                continue
            take = min(room, left)
            height = take * LINE + 2
            x = self.l_margin
            for col, s, w in zip(cols, start, widths, strict=True):
                if fill >= 0:
                    self.set_fill_color(fill)
                    self.rect(x, top, w, height, style="DF")
                else:
                    self.rect(x, top, w, height)
                for k, line in enumerate(col[s : s + take]):
                    self._draw_line(x, top + 1 + k * LINE, line)
                x += w
            start = [s + take for s in start]
            self.set_xy(self.l_margin, top + height)
            if all(s >= len(col) for col, s in zip(cols, start, strict=True)):
                break
            self._new_page_for_table(repeat)
        self.set_font("helvetica", size=10)

    def _new_page_for_table(self, repeat: bool) -> None:
        self.add_page()
        if repeat and self.table_header:
            widths, header = self.table_header
            self._row(list(header), widths, fill=220, bold=True, repeat=False)


@dataclass
class Ind:
    """An indication as the gold lists it; ``anchor``: printed text that starts its criteria
    (searched first; the tree's criteria are searched from its page on)."""

    name: str
    anchor: str
    aliases: list[str] = field(default_factory=list)
    icd10: list[str] = field(default_factory=list)
    initial: Crit | None = None
    continuation: Crit | None = None
    cont_anchor: str = ""


@dataclass
class Policy:
    stem: str
    publisher: str
    layout: str
    build: Callable[[], tuple[Any, list[Ind], list[str]]]  # -> (doc, indications, exclusions)
