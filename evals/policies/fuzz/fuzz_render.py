"""Draw one source policy with one layout (fpdf2) and write the gold tree of what it prints:
every group and leaf with the physical page its first line is drawn on, a leaf's text the
gold's first words (the printed criterion may run on past them)."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fuzz_layout import MARKERS, Layout
from fuzz_source import Source
from fuzz_styles import STYLES, partd

FIXED_DATE = datetime(2026, 1, 15, 9, 0, 0, tzinfo=UTC)
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"]
TAILS = [
    " as documented in the medical record",
    " per the prescriber's chart notes",
    " (documentation required)",
    " at the time of the request",
]
LEAD = {
    "all_of": [
        "All of the following:",
        "Must meet all of the following:",
        "The member meets ALL of the following criteria:",
        "Both of the following:",
        "Patient has all of the following:",
    ],
    "any_of": [
        "One of the following:",
        "Any of the following:",
        "Member meets ONE of the following:",
        "Either of the following:",
        "At least one of the following:",
    ],
}
NEUTRAL = [
    "The member meets the following:",
    "Patient has:",
    "Documentation of:",
    "The request shows:",
]
ROOT = {
    "all_of": [
        "when all of the following criteria are met:",
        "if the member meets ALL of the following:",
        "when the following criteria are met (must meet all):",
    ],
    "any_of": [
        "when one of the following criteria is met:",
        "if the member meets ANY of the following:",
    ],
}
ROOT_NEUTRAL = ["when the following criteria are met:", "if the member meets the following:"]


class Doc(FPDF):
    def __init__(self, lay: Layout, drug: str) -> None:
        super().__init__(format="letter", unit="mm")
        self.lay, self.drug = lay, drug
        self.core_fonts_encoding = "windows-1252"
        self.add_font("dejavu", "", str(DEJAVU / "DejaVuSans.ttf"))
        self.add_font("dejavu", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=22)
        self.set_creation_date(FIXED_DATE)
        self.alias_nb_pages()
        self.line_h = lay.size * 0.46
        self.cols, self.col, self.col_top = 0, 0, 22.0  # two-column pages (fuzz_styles)
        self.measuring = False

    def start_columns(self) -> None:
        self.cols, self.col_top = 2, self.get_y()
        self.set_col(0)

    def set_col(self, col: int) -> None:
        width = (self.w - 40 - 8) / 2
        left = 20 + col * (width + 8)
        self.col = col
        self.set_left_margin(left)
        self.set_right_margin(self.w - left - width)
        self.set_x(left)

    def height(self, w: float, text: str) -> float:
        """The height ``text`` takes at width ``w`` (a dry run: fpdf2 may run header() in it,
        which must then leave the columns as they are)."""
        self.measuring = True
        try:
            return float(self.multi_cell(w, self.line_h, text, dry_run=True, output="HEIGHT"))
        finally:
            self.measuring = False

    def need(self, h: float) -> None:
        """Room for ``h`` mm: else the next column (two-column pages), else the next page."""
        if self.get_y() + h <= self.page_break_trigger:
            return
        self.brk()

    def brk(self) -> None:
        if self.cols and self.col == 0:
            self.set_col(1)
            self.set_y(self.col_top)
        else:
            self.add_page()

    def font(self, style: str = "", size: float | None = None, text: str = "") -> None:
        family = self.lay.font
        if family != "dejavu":
            try:
                text.encode("cp1252")
            except UnicodeEncodeError:
                family = "dejavu"
        self.set_font(
            family, style if family != "dejavu" else style.replace("I", ""), size or self.lay.size
        )

    def header(self) -> None:
        if self.cols and not self.measuring:
            self.set_col(0)
            self.col_top = 22.0
        if self.lay.header:
            self.font("", 8)
            text = f"Fictional Health Plan | {self.drug} | Policy RX-{self.lay.seed:03d}"
            if self.lay.header == "plan+page":
                text += f" | Page {self.page_no()}"
            self.set_xy(self.l_margin, 10)
            self.cell(0, 4, text)
        self.set_y(22)

    def footer(self) -> None:
        if not self.lay.footer:
            return
        left, right = self.l_margin, self.r_margin
        self.set_left_margin(20)
        self.set_right_margin(20)
        self.set_y(-18)
        self.font("", 8)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
        if self.lay.footer == "page+copyright":
            self.set_y(-14)
            self.cell(
                0, 4, "© 2026 Fictional Health Plan. Confidential and proprietary.", align="C"
            )
        self.set_left_margin(left)
        self.set_right_margin(right)

    def room(self, lines: int = 1) -> None:
        self.need(lines * self.line_h)

    def heading(self, text: str, size: float = 0, bold: bool = True) -> int:
        self.ln(2)
        self.room(3)
        page = self.page_no()
        self.font("B" if bold else "", size or self.lay.size + 1, text)
        self.multi_cell(0, self.line_h + 0.6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)
        return page

    def para(self, text: str, indent: float = 0.0) -> int:
        self.font("", None, text)
        w = self.w - self.r_margin - self.l_margin - indent
        self.need(self.height(w, text))
        page = self.page_no()
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, self.line_h, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)
        return page

    def item(self, level: int, marker: str, text: str, bold: bool = False) -> int:
        width = 0.0
        if marker:
            self.font("", None, marker)
            width = max(7.0, self.get_string_width(marker) + 3.0)
        self.font("B" if bold else "", None, text)
        w = self.w - self.r_margin - self.l_margin - level * self.lay.indent - width
        self.need(self.height(w, text))
        page = self.page_no()
        x = self.l_margin + level * self.lay.indent
        y = self.get_y()
        if marker:
            self.font("", None, marker)
            self.set_xy(x, y)
            self.cell(width, self.line_h, marker)
        self.font("B" if bold else "", None, text)
        self.set_xy(x + width, y)
        self.multi_cell(
            self.w - self.r_margin - x - width, self.line_h, text, new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(0.5)
        return page


class Renderer:
    def __init__(self, lay: Layout, src: Source) -> None:
        self.lay, self.src = lay, src
        self.rng = random.Random(lay.seed * 7919 + 1)
        self.doc = Doc(lay, src.drug)

    # --- criteria ------------------------------------------------------------------------

    def leaf_text(self, text: str) -> str:
        # first words cut after "and" / "or" would print as a connector ("... drug or;"):
        # such a criterion always runs on
        cut = text.split()[-1].lower() in {"and", "or"}
        if cut or self.rng.random() < self.lay.tail:
            text += self.rng.choice(TAILS)
        return text

    def lead_in(self, node: dict[str, Any], force: bool = False) -> str:
        op, kids = node["op"], len(node["children"])
        if op == "at_least":
            n = node.get("n", 2)
            word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
            return self.rng.choice(
                [
                    f"At least {word} of the following:",
                    f"{word.capitalize()} or more of the following:",
                ]
            )
        if "lead" not in self.lay.logic and not force:
            return self.rng.choice(NEUTRAL)
        choices = [c for c in LEAD[op] if kids == 2 or not c.startswith(("Both", "Either"))]
        return self.rng.choice(choices)

    def connector(self, op: str) -> tuple[str, str]:
        """(at the end of a non-last item, on a line between items) for a group's op."""
        if op == "at_least":
            return "", ""
        k = 0 if op == "all_of" else 1
        end = self.lay.end_words[k] if "ends" in self.lay.logic else ""
        between = self.lay.between_words[k] if self.lay.logic == "between" else ""
        return end, between

    def inline(self, node: dict[str, Any]) -> str | None:
        """A small group of criteria written in one item ("Either (a) X, or (b) Y";
        "One of the following: (1) X; (2) Y; or (3) Z"), or None to draw it as a list."""
        kids = node["children"]
        if (
            node["op"] == "at_least"
            or not 2 <= len(kids) <= 3
            or any("leaf" not in k for k in kids)
            or self.rng.random() >= self.lay.inline
        ):
            return None
        texts = [self.leaf_text(k["leaf"]) for k in kids]
        word = "and" if node["op"] == "all_of" else "or"
        if node["op"] == "any_of" and len(kids) == 2 and self.rng.random() < 0.5:
            return f"Either (a) {texts[0]}, or (b) {texts[1]}"
        lead = self.rng.choice(LEAD[node["op"]]).rstrip(":")
        if len(kids) != 2:
            lead = lead.replace("Both", "All").replace("Either", "One")
        mark = self.rng.choice([MARKERS["(1)"], MARKERS["(a)"], MARKERS["(i)"]])
        parts = [f"{mark(i)} {t}" for i, t in enumerate(texts)]
        return f"{lead}: {'; '.join(parts[:-1])}; {word} {parts[-1]}"

    def named_logic(self, node: dict[str, Any]) -> str | None:
        """A lead-in naming its items' labels and their logic ("Meets (a or b):", "(i and
        ii)"), the items then drawn with those labels; None for the layout's own lead-in."""
        kids = node["children"]
        if node["op"] == "at_least" or len(kids) > 4 or self.rng.random() >= self.lay.inline:
            return None
        kind = self.rng.choice(["a.", "i.", "1."])
        labels = [MARKERS[kind](i).rstrip(".") for i in range(len(kids))]
        word = "and" if node["op"] == "all_of" else "or"
        named = (
            f"{labels[0]} {word} {labels[1]}"
            if len(labels) == 2
            else (f"{', '.join(labels[:-1])}, {word} {labels[-1]}")
        )
        who = self.rng.choice(["The member meets", "Documentation of", "Meets criteria"])
        return f"{who} ({named}) below:|{kind}"

    def group(
        self, node: dict[str, Any], level: int, carry: str = "", kind: str = ""
    ) -> list[dict[str, Any]]:
        """Draw a group's children at ``level`` (``kind``: their marker, else the layout's
        for that level); their gold nodes."""
        kinds = self.lay.markers
        mark = MARKERS[kind or kinds[min(level, len(kinds) - 1)]]
        end, between = self.connector(node["op"])
        out = []
        kids = node["children"]
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            if i and self.rng.random() < self.lay.page_breaks:
                self.doc.brk()
            mine = carry if last else end
            if "leaf" in kid:
                text = self.leaf_text(kid["leaf"])
                text += mine or (self.lay.leaf_end if last or not end else "")
                page = self.doc.item(level, mark(i), text)
                out.append({"leaf": kid["leaf"], "page": page})
            elif (text := self.inline(kid)) is not None:
                page = self.doc.item(level, mark(i), text + (mine or self.lay.leaf_end))
                children = [{"leaf": k["leaf"], "page": page} for k in kid["children"]]
                out.append({**_op(kid), "page": page, "children": children})
            else:
                named = self.named_logic(kid)
                lead, sub = named.split("|") if named else (self.lead_in(kid), "")
                page = self.doc.item(level, mark(i), lead)
                children = self.group(kid, level + 1, carry=mine, kind=sub)
                out.append({**_op(kid), "page": page, "children": children})
            if between and not last:
                self.doc.item(level, "", between, bold=True)
        return out

    def root_words(self, root: dict[str, Any]) -> str:
        """'when all of the following criteria are met:' for a branch's root group."""
        if root["op"] == "at_least":
            lead = self.lead_in(root)
            return f"when the member meets {lead[0].lower()}{lead[1:]}"
        if "lead" in self.lay.logic:
            return self.rng.choice(ROOT[root["op"]])
        return self.rng.choice(ROOT_NEUTRAL)

    def branch(self, root: dict[str, Any], name: str, level: int) -> dict[str, Any]:
        lay, doc = self.lay, self.doc
        lead = f"{self.src.drug} is approved {self.root_words(root)}"
        if lay.branch_style == "heading":
            doc.heading(name, lay.size)
            page = doc.para(lead, level * lay.indent)
            base = level
        elif lay.branch_style == "label":
            page = doc.para(f"{name}: {lead}", level * lay.indent)
            base = level
        else:
            mark = MARKERS[lay.markers[0]](0 if name == lay.initial_name else 1)
            page = doc.item(level, mark, f"{name}: {lead}")
            base = level + 1
        children = self.group(root, base)
        if lay.duration:
            months = 6 if name == lay.initial_name else 12
            doc.para(lay.duration.format(m=months), base * lay.indent)
        return {**_op(root), "page": page, "children": children}

    # --- the document --------------------------------------------------------------------

    def condition_heading(self, ind: dict[str, Any], k: int) -> int:
        name, style = ind["name"], self.lay.cond_style
        text = {
            "numbered": f"{k + 1}. {name}",
            "lettered": f"{chr(65 + k)}. {name}",
            "roman": f"{['I', 'II', 'III', 'IV', 'V', 'VI'][k]}. {name}",
            "caps": name.upper(),
            "label": f"{self.rng.choice(['Indication', 'Diagnosis', 'Condition'])}: {name}",
        }.get(style, name)
        if style == "icd" and ind.get("icd10"):
            text = f"{name} (ICD-10: {', '.join(ind['icd10'])})"
        return self.doc.heading(text, self.lay.size + 0.5, bold=self.lay.cond_bold)

    def exclusions(self) -> list[dict[str, Any]]:
        if not self.lay.exclusions or not self.src.exclusions:
            return []
        page = self.doc.heading(self.lay.exclusions)
        out = []
        for text in self.src.exclusions:
            page = self.doc.item(0, "•", self.leaf_text(text))
            out.append({"text": text, "page": page})
        return out

    def render(self, pdf: Path) -> dict[str, Any]:
        lay, doc, src = self.lay, self.doc, self.src
        inds = src.indications[: 2 + self.rng.randrange(3)]
        conts = {
            i: "continuation" in ind and self.rng.random() >= lay.drop_continuation
            for i, ind in enumerate(inds)
        }
        doc.add_page()
        doc.heading(f"{src.drug} - Drug Coverage Policy", lay.size + 4)
        doc.para(f"Policy number: RX-{lay.seed:03d}    Effective date: 01/15/2026")
        if lay.intro:
            doc.heading("Description", lay.size + 1)
            doc.para(
                f"This policy describes when {src.drug.lower()} is covered under the "
                "pharmacy and medical benefits of Fictional Health Plan."
            )
        if lay.indication_list:
            doc.heading("FDA-Approved Indications", lay.size + 1)
            for ind in inds:
                doc.item(0, "•", ind["name"])
        excl = self.exclusions() if lay.exclusions_first and lay.style != "partd" else []
        head = f"{lay.doc_heading_marker} {lay.doc_heading}".strip()
        doc.heading(head, lay.size + 2)
        gold: list[dict[str, Any]] = [
            {"name": i["name"], "aliases": i.get("aliases", []), "icd10": i.get("icd10", [])}
            for i in inds
        ]
        if lay.style == "partd":
            excl = partd(self, inds, conts, gold)
        elif lay.style in STYLES:
            STYLES[lay.style](self, inds, conts, gold)
        else:
            self.outline(inds, conts, gold)
        if not lay.exclusions_first and lay.style != "partd":
            excl = self.exclusions()
        if lay.references:
            doc.heading("References", lay.size + 1)
            for k in range(4):
                doc.item(
                    0,
                    f"{k + 1}.",
                    f"Author{k} A, Writer B. A study of {src.drug.lower()} "
                    f"in clinical practice. J Fict Med. 20{10 + k};{k + 3}:{k * 11 + 1}-9.",
                )
        doc.output(str(pdf))
        return {
            "file": pdf.name,
            "dir": "",
            "publisher": f"Fuzzed layout of {src.stem}",
            "layout": f"fuzz-{lay.seed}-{lay.style}",
            "split": "tune" if lay.seed < 100 else "holdout",
            "indications": gold,
            "exclusions": excl,
        }

    def outline(self, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> None:
        """Conditions with their branches as headed, marked lists (the layout's outline)."""
        lay, doc = self.lay, self.doc
        # the parts' numbering differs from the condition headings' under them
        parts = ("Part 1:", "Part 2:") if lay.cond_style == "roman" else ("I.", "II.")
        if lay.by_branch:
            doc.heading(f"{parts[0]} {lay.initial_name}", lay.size + 1)
            for k, ind in enumerate(inds):
                gold[k]["page"] = self.condition_heading(ind, k)
                gold[k]["initial"] = self.branch(ind["initial"], lay.initial_name, 0)
            if any(conts.values()):
                doc.heading(f"{parts[1]} {lay.continuation_name}", lay.size + 1)
                for k, ind in enumerate(inds):
                    if conts[k]:
                        self.condition_heading(ind, k)
                        gold[k]["continuation"] = self.branch(
                            ind["continuation"], lay.continuation_name, 0
                        )
        else:
            for k, ind in enumerate(inds):
                gold[k]["page"] = self.condition_heading(ind, k)
                gold[k]["initial"] = self.branch(ind["initial"], lay.initial_name, 0)
                if conts[k]:
                    gold[k]["continuation"] = self.branch(
                        ind["continuation"], lay.continuation_name, 0
                    )


def _op(node: dict[str, Any]) -> dict[str, Any]:
    out = {"op": node["op"]}
    if node["op"] == "at_least":
        out["n"] = node.get("n", 2)
    return out
