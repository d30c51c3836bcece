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
        self.set_y(-18)
        self.font("", 8)
        self.cell(0, 4, f"Page {self.page_no()} of {{nb}}", align="C")
        if self.lay.footer == "page+copyright":
            self.set_y(-14)
            self.cell(
                0, 4, "© 2026 Fictional Health Plan. Confidential and proprietary.", align="C"
            )

    def room(self, lines: int = 1) -> None:
        if self.get_y() + lines * self.line_h > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, size: float = 0, bold: bool = True) -> int:
        self.ln(2)
        self.room(3)
        page = self.page_no()
        self.font("B" if bold else "", size or self.lay.size + 1, text)
        self.multi_cell(0, self.line_h + 0.6, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)
        return page

    def para(self, text: str, indent: float = 0.0) -> int:
        self.room()
        page = self.page_no()
        self.font("", None, text)
        self.set_x(self.l_margin + indent)
        self.multi_cell(self.epw - indent, self.line_h, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)
        return page

    def item(self, level: int, marker: str, text: str, bold: bool = False) -> int:
        self.room()
        page = self.page_no()
        x = self.l_margin + level * self.lay.indent
        y = self.get_y()
        width = 0.0
        if marker:
            self.font("", None, marker)
            width = max(7.0, self.get_string_width(marker) + 3.0)
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

    def lead_in(self, node: dict[str, Any]) -> str:
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
        if "lead" not in self.lay.logic:
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

    def group(self, node: dict[str, Any], level: int, carry: str = "") -> list[dict[str, Any]]:
        """Draw a group's children at ``level``; their gold nodes."""
        kinds = self.lay.markers
        mark = MARKERS[kinds[min(level, len(kinds) - 1)]]
        end, between = self.connector(node["op"])
        out = []
        kids = node["children"]
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            if i and self.rng.random() < self.lay.page_breaks:
                self.doc.add_page()
            mine = carry if last else end
            if "leaf" in kid:
                text = self.leaf_text(kid["leaf"])
                text += mine or (self.lay.leaf_end if last or not end else "")
                page = self.doc.item(level, mark(i), text)
                out.append({"leaf": kid["leaf"], "page": page})
            else:
                page = self.doc.item(level, mark(i), self.lead_in(kid))
                children = self.group(kid, level + 1, carry=mine)
                out.append({**_op(kid), "page": page, "children": children})
            if between and not last:
                self.doc.item(level, "", between, bold=True)
        return out

    def branch(self, root: dict[str, Any], name: str, level: int) -> dict[str, Any]:
        lay, doc = self.lay, self.doc
        if root["op"] == "at_least":
            lead = self.lead_in(root)
            lead = f"{self.src.drug} is approved when the member meets {lead[0].lower()}{lead[1:]}"
        elif "lead" in lay.logic:
            lead = f"{self.src.drug} is approved {self.rng.choice(ROOT[root['op']])}"
        else:
            lead = f"{self.src.drug} is approved {self.rng.choice(ROOT_NEUTRAL)}"
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
        excl = self.exclusions() if lay.exclusions_first else []
        head = f"{lay.doc_heading_marker} {lay.doc_heading}".strip()
        doc.heading(head, lay.size + 2)
        gold: list[dict[str, Any]] = [
            {"name": i["name"], "aliases": i.get("aliases", []), "icd10": i.get("icd10", [])}
            for i in inds
        ]
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
        if not lay.exclusions_first:
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
            "layout": f"fuzz-{lay.seed}",
            "split": "tune" if lay.seed < 100 else "holdout",
            "indications": gold,
            "exclusions": excl,
        }


def _op(node: dict[str, Any]) -> dict[str, Any]:
    out = {"op": node["op"]}
    if node["op"] == "at_least":
        out["n"] = node.get("n", 2)
    return out
