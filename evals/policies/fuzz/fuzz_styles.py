"""Whole-document arrangements of the criteria besides the outline (fuzz_render.py), drawn
per seed (``Layout.style``), each common in real payer PDFs:

- ``decimal``: decimal clauses (1., 1.1, 1.1.1, 1.1.1.1) whose logic cites clause numbers
  ("all of the criteria in 1.1 through 1.5", "at least two of the criteria in 3.4.1
  through 3.4.3");
- ``paragraph``: specialty-guideline paragraphs naming an approval duration ("Authorization
  of 16 weeks may be granted for members with X when all of the following criteria are
  met:") over bullets and ``o`` sub-bullets, each numbered paragraph a separate way to
  qualify;
- ``grid``: a two-column "Population | Clinical criteria" table, one row per condition,
  rows running across page breaks;
- ``twocol``: the whole criteria section set in two columns per page;
- ``partd``: Medicare Part D field-label tables ("Covered Uses", "Exclusion Criteria",
  "Required Medical Information", "Age Restrictions", "Prescriber Restrictions",
  "Coverage Duration", "Other Criteria"), the criteria per condition in a field's cell.

Each function draws the criteria of ``inds`` and fills the gold dicts (page, initial,
continuation) in place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fuzz_render import Renderer

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six"]
LABEL_X = 44.0  # width of a grid's label column (mm)


def _op(node: dict[str, Any]) -> dict[str, Any]:
    out = {"op": node["op"]}
    if node["op"] == "at_least":
        out["n"] = node.get("n", 2)
    return out


# --- decimal clauses ------------------------------------------------------------------------


def clause_logic(node: dict[str, Any], labels: list[str], rng: Any) -> str:
    """'all of the criteria in 1.1 through 1.5' for a group whose children are ``labels``."""
    first, last, n = labels[0], labels[-1], len(labels)
    span = f"{first} and {last}" if n == 2 else f"{first} through {last}"
    if node["op"] == "all_of":
        return f"both of the criteria in {span}" if n == 2 else f"all of the criteria in {span}"
    if node["op"] == "any_of":
        alt = f"{first} or {last}" if n == 2 else f"{first} through {last}"
        return rng.choice([f"one of the criteria in {alt}", f"any of the criteria in {alt}"])
    k = node.get("n", 2)
    word = NUMBER_WORDS[k] if k < len(NUMBER_WORDS) else str(k)
    return f"at least {word} of the criteria in {span}"


def _decimal_group(r: Renderer, node: dict[str, Any], prefix: str, level: int) -> list[Any]:
    out = []
    kids = node["children"]
    for i, kid in enumerate(kids):
        label = f"{prefix}.{i + 1}"
        if "leaf" in kid:
            text = r.leaf_text(kid["leaf"]) + r.lay.leaf_end
            page = r.doc.item(level, label, text)
            out.append({"leaf": kid["leaf"], "page": page})
            continue
        sub = [f"{label}.{j + 1}" for j in range(len(kid["children"]))]
        phrase = clause_logic(kid, sub, r.rng)
        text = r.rng.choice(
            [f"The member meets {phrase}:", f"{phrase[0].upper()}{phrase[1:]} are met:"]
        )
        page = r.doc.item(level, label, text)
        out.append({**_op(kid), "page": page, "children": _decimal_group(r, kid, label, level + 1)})
    return out


def decimal(r: Renderer, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> None:
    doc, drug = r.doc, r.src.drug
    if r.rng.random() < 0.5:
        doc.para(
            "The clauses below are numbered so that criteria can be cited. A clause that "
            "lists sub-clauses states which of them must be met."
        )
    clause = 1
    for k, ind in enumerate(inds):
        name = ind["name"]
        gold[k]["page"] = doc.heading(name, r.lay.size + 0.5, bold=r.lay.cond_bold)
        for branch in ("initial", "continuation"):
            if branch == "continuation" and not conts[k]:
                continue
            root = ind[branch]
            labels = [f"{clause}.{j + 1}" for j in range(len(root["children"]))]
            phrase = clause_logic(root, labels, r.rng)
            if branch == "initial":
                lead = f"{drug} may be considered medically necessary for {name.lower()}"
            else:
                lead = r.rng.choice(
                    [
                        f"Continued use of {drug.lower()} may be considered medically necessary",
                        f"Continuation of {drug.lower()} for {name.lower()} may be approved",
                    ]
                )
            page = doc.item(0, f"{clause}.", f"{lead} when {phrase} are met:")
            children = _decimal_group(r, root, str(clause), 1)
            gold[k][branch] = {**_op(root), "page": page, "children": children}
            if r.lay.duration:
                months = 6 if branch == "initial" else 12
                doc.para(r.lay.duration.format(m=months))
            clause += 1


# --- paragraphs over bullets ----------------------------------------------------------------

PARA_BULLETS = ["•", "o", "▪", "–"]
PARA_LOGIC = {
    "all_of": "all of the following criteria are met",
    "any_of": "any of the following criteria are met",
}


def _bullets(r: Renderer, node: dict[str, Any], level: int) -> list[Any]:
    out = []
    for kid in node["children"]:
        mark = PARA_BULLETS[min(level, len(PARA_BULLETS) - 1)]
        if "leaf" in kid:
            page = r.doc.item(level, mark, r.leaf_text(kid["leaf"]) + r.lay.leaf_end)
            out.append({"leaf": kid["leaf"], "page": page})
        else:
            page = r.doc.item(level, mark, r.lead_in(kid, force=True))
            out.append({**_op(kid), "page": page, "children": _bullets(r, kid, level + 1)})
    return out


def _para_logic(node: dict[str, Any]) -> str:
    if node["op"] == "at_least":
        k = node.get("n", 2)
        return f"at least {NUMBER_WORDS[k] if k < len(NUMBER_WORDS) else k} of the following"
    return PARA_LOGIC[node["op"]]


def _paragraphs(r: Renderer, root: dict[str, Any], who: str, span: str) -> dict[str, Any]:
    doc = r.doc
    ways = root["op"] == "any_of" and len(root["children"]) > 1 and r.rng.random() < 0.7
    intro = f"Authorization of {span} may be granted for {who}"
    if not ways:
        page = doc.para(f"{intro} when {_para_logic(root)}:")
        return {**_op(root), "page": page, "children": _bullets(r, root, 0)}
    out, first = [], 0
    for j, kid in enumerate(root["children"]):
        if "leaf" in kid:
            leaf = kid["leaf"]
            text = f"{intro} who meet this criterion: {leaf[0].lower()}{leaf[1:]}."
            page = doc.item(0, f"{j + 1}.", text)
            out.append({"leaf": " ".join(text.split()[:10]), "page": page})
        else:
            page = doc.item(0, f"{j + 1}.", f"{intro} when {_para_logic(kid)}:")
            out.append({**_op(kid), "page": page, "children": _bullets(r, kid, 1)})
        first = first or page
    return {**_op(root), "page": first, "children": out}


def paragraph(r: Renderer, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> None:
    doc = r.doc
    weeks = r.rng.choice(["16 weeks", "6 months", "12 months", "24 weeks"])
    doc.heading(r.rng.choice(["CRITERIA FOR INITIAL APPROVAL", "Initial Approval"]), r.lay.size)
    for k, ind in enumerate(inds):
        gold[k]["page"] = doc.heading(f"{chr(65 + k)}. {ind['name']}", r.lay.size)
        who = f"members with {ind['name'].lower()}"
        gold[k]["initial"] = _paragraphs(r, ind["initial"], who, weeks)
    if not any(conts.values()):
        return
    doc.heading(r.rng.choice(["CONTINUATION OF THERAPY", "Continuation of Therapy"]), r.lay.size)
    for k, ind in enumerate(inds):
        if conts[k]:
            doc.heading(f"{chr(65 + k)}. {ind['name']}", r.lay.size)
            who = f"continuation of therapy for members with {ind['name'].lower()}"
            gold[k]["continuation"] = _paragraphs(r, ind["continuation"], who, "12 months")


# --- two-column grids: a criteria table, Part D field labels ---------------------------------


def _row(r: Renderer, label: str, draw: Any) -> Any:
    """A table row: ``label`` in the left column, ``draw()`` in the right one (its items
    may run across a page break); returns what ``draw`` returns."""
    doc = r.doc
    doc.room(2)
    y, page = doc.get_y(), doc.page_no()
    doc.font("B", None, label)
    doc.set_xy(doc.l_margin, y)
    # a cell's label is set flush left, as tables print it (justified, its words spread)
    doc.multi_cell(LABEL_X - 2, doc.line_h, label, align="L", new_x="LMARGIN", new_y="NEXT")
    bottom = doc.get_y()
    left = doc.l_margin
    doc.set_left_margin(left + LABEL_X)
    doc.set_xy(left + LABEL_X, y)
    try:
        out = draw()
    finally:
        doc.set_left_margin(left)
    if doc.page_no() == page:
        doc.set_y(max(doc.get_y(), bottom))
    doc.line(left, doc.get_y(), doc.w - doc.r_margin, doc.get_y())
    doc.ln(1.5)
    return out


def _cell_branch(r: Renderer, root: dict[str, Any], name: str) -> dict[str, Any]:
    page = r.doc.para(f"{name}: {r.src.drug} is approved {r.root_words(root)}")
    return {**_op(root), "page": page, "children": r.group(root, 0)}


def grid(r: Renderer, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> None:
    doc, lay = r.doc, r.lay
    heads = r.rng.choice(
        [
            ("Population", "Clinical criteria"),
            ("Indication", "Criteria"),
            ("Diagnosis", "Approval criteria"),
        ]
    )
    doc.ln(r.rng.choice([0, 40, 90]))  # rows start anywhere on the page: some cross its end
    _row(r, heads[0], lambda: doc.para(heads[1]))
    for k, ind in enumerate(inds):

        def cell(k: int = k, ind: dict = ind) -> None:
            gold[k]["initial"] = _cell_branch(r, ind["initial"], lay.initial_name)
            gold[k]["page"] = gold[k]["initial"]["page"]
            if conts[k]:
                gold[k]["continuation"] = _cell_branch(
                    r, ind["continuation"], lay.continuation_name
                )

        _row(r, ind["name"], cell)


PART_D_FIELDS = [
    "Covered Uses",
    "Exclusion Criteria",
    "Required Medical Information",
    "Age Restrictions",
    "Prescriber Restrictions",
    "Coverage Duration",
    "Other Criteria",
]


def partd(r: Renderer, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> list:
    doc, lay = r.doc, r.lay
    excl: list[dict[str, Any]] = []

    def blocks(branch: str, name: str) -> None:
        for k, ind in enumerate(inds):
            if branch == "continuation" and not conts[k]:
                continue
            root = ind[branch]
            page = doc.para(
                f"{ind['name']} ({name}): {r.src.drug} is approved {r.root_words(root)}"
            )
            gold[k][branch] = {**_op(root), "page": page, "children": r.group(root, 0)}
            gold[k].setdefault("page", page)

    def exclusions() -> None:
        if not r.src.exclusions:
            doc.para("N/A")
        for text in r.src.exclusions:
            excl.append({"text": text, "page": doc.para(r.leaf_text(text) + ".")})

    fill = {
        "Covered Uses": lambda: doc.para(
            "All FDA-approved indications not otherwise excluded from Part D."
        ),
        "Exclusion Criteria": exclusions,
        "Required Medical Information": lambda: blocks("initial", lay.initial_name),
        "Age Restrictions": lambda: doc.para(r.rng.choice(["N/A", "18 years of age or older"])),
        "Prescriber Restrictions": lambda: doc.para(
            r.rng.choice(["N/A", "Prescribed by or in consultation with a specialist"])
        ),
        "Coverage Duration": lambda: doc.para(
            f"{lay.initial_name}: 6 months. {lay.continuation_name}: 12 months."
        ),
        "Other Criteria": lambda: (
            blocks("continuation", lay.continuation_name)
            if any(conts.values())
            else doc.para("N/A")
        ),
    }
    _row(r, "PA Criteria", lambda: doc.para("Criteria Details"))
    for name in PART_D_FIELDS:
        _row(r, name, fill[name])
    return excl


def twocol(r: Renderer, inds: list[dict], conts: dict[int, bool], gold: list[dict]) -> None:
    """The outline, set in two columns from here to the end (Doc.need moves to the next
    column, then the next page)."""
    r.doc.start_columns()
    r.outline(inds, conts, gold)


STYLES = {"decimal": decimal, "paragraph": paragraph, "grid": grid, "twocol": twocol}
