"""Policy PDF → criteria tree, from the policy's own outline (outline.py reads the layout,
table.py the criteria tables): indications and their initial and continuation branches,
the logic of each group as the policy states it, exclusions, references; every node's
text checked on its page (verbatim.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.errors import NecessityError
from pipeline.policy.answer_boxes import drop_answer_boxes, drop_answers
from pipeline.policy.before_after import in_force_column
from pipeline.policy.branch_columns import branch_columns
from pipeline.policy.branch_sections import branch_indication, branch_kind
from pipeline.policy.branch_split import split_tree
from pipeline.policy.branch_subjects import split_subjects
from pipeline.policy.check_matrix import matrix_indications
from pipeline.policy.code_blocks import code_indications
from pipeline.policy.code_library import library_indications
from pipeline.policy.column_layouts import read_column_layouts
from pipeline.policy.continued import drop_continued
from pipeline.policy.covered_use_lines import name_by_use_lines
from pipeline.policy.criteria_condition import condition_named
from pipeline.policy.defined_terms import define_terms
from pipeline.policy.diagnoses import _diagnosis_lists, _heading_indications, _listed_indications
from pipeline.policy.exclusions import (
    _catch_all,
    _dedupe,
    _exclusion,
    heading_exclusion,
    semicolon_exclusions,
)
from pipeline.policy.field_tables import field_table_reading
from pipeline.policy.flowchart_answers import flowchart_boxes
from pipeline.policy.footnote_marks import expand_marks, split_notes
from pipeline.policy.generic import branched_condition, unwrap_generic
from pipeline.policy.grant_lead_ins import grant_lead_in_indications
from pipeline.policy.groups import _subtree_text
from pipeline.policy.header_columns import header_column_indications
from pipeline.policy.hierarchy_tree import hierarchy_indications
from pipeline.policy.indications import _indication, _is_indication, condition_name
from pipeline.policy.inline_logic import expand_inline
from pipeline.policy.layout_text import Line, layout_lines, raw_pages, running_lines
from pipeline.policy.lead_in_sections import pairs_renewals, untyped
from pipeline.policy.lettered_alternatives import lettered_alternatives
from pipeline.policy.line_readers import LINE_READERS
from pipeline.policy.models import EMPTY, Indication, PolicyTree
from pipeline.policy.numbered import numbered_indications
from pipeline.policy.ordinal_prose import set_out_ordinals
from pipeline.policy.outline import Item, outline
from pipeline.policy.parts import has_parts, part_indications, root_parts
from pipeline.policy.prose import prose_indications
from pipeline.policy.prose_criteria import prose_criteria
from pipeline.policy.questionnaire_columns import blank_response_column
from pipeline.policy.reading_choice import adds_criteria, named_by_condition
from pipeline.policy.references import resolve
from pipeline.policy.refusal_lead_ins import refused_items
from pipeline.policy.refused_rows import refused_rows
from pipeline.policy.renewal_statements import add_continuation, cited, continues
from pipeline.policy.repeat_shapes import document_shapes
from pipeline.policy.row_table_refs import apply_row_tables
from pipeline.policy.row_tables import RowTable, read_row_tables
from pipeline.policy.rule_blocks import rule_block_lines
from pipeline.policy.run_in_branches import join_titled, run_in_indications
from pipeline.policy.screen_fields import screen_field_lines
from pipeline.policy.section_names import defined_abbreviations, spell_out
from pipeline.policy.section_refs import drop_section_refs
from pipeline.policy.sections import better_reading, section_indications
from pipeline.policy.stacked_halves import rejoin_stacked_halves
from pipeline.policy.step_tiers import tier_indications
from pipeline.policy.table import Row, chart_header, read_tables
from pipeline.policy.table_refs import apply_table_statements
from pipeline.policy.table_tree import _table_indications
from pipeline.policy.use_label_renewals import name_listed_uses, spread_use_renewals
from pipeline.policy.verbatim import PageText
from pipeline.policy.wording import (
    _APPROVES,
    _BY_PATIENT,
    _CATCH_ALL,
    _CONTAINER,
    _CONTINUATION,
    _EXCLUSION_SECTION,
    _LIMITS_SECTION,
    _NOT_CRITERIA,
    _STOP_SECTIONS,
)
from pipeline.sources.parse import Page, parse_pdf

__all__ = ["COMPILER_VERSION", "Line", "PageText", "PolicyCompileError", "compile_policy"]

COMPILER_VERSION = "policy-compiler-39"  # 7: two-column criteria tables; 8: condition and numbered
# headings, numbered indications (issue 25); 9: a numbered item's own initial / continuation
# branches, one continuation naming several conditions, branch-column tables, prose criteria;
# 10: condition sections by what follows their headings, yes/no steps, "(continued)" headings;
# 11: notes back at the margin, heading exclusions, lettered condition names, prose beside lists;
# 12: run-in condition labels under branch sections, connectors before markers, roman
# exclusion parts (issue 25); 13: generic marked headings over condition sections, ordered
# lists that start again, run-in branch statements under condition titles, "- AND -" lines,
# checkboxes, "is approved when" / "New Starts" (the layout fuzzer, evals/policies/fuzz);
# 14: a condition's list of request-type groups split into its branches (branch_split.py);
# 15: decimal clauses with logic by clause numbers, two-column pages, run-in condition
# statements (Part D cells), inline "(a) ... or (b)" criteria, grid labels wrapping beside
# their criteria, paragraphs that each grant coverage as alternatives (the fuzzer's round 2);
# 16: Medicare Part D field tables, criteria inline in a cell (field_tables.py); 17: logic
# stated in a note after a list or in a terse label ("Prior treatment, One:"), sub-items
# "2a.", sentence-case condition titles over their own list, criteria-set titles
# "drug, condition, initial request, All:" (logic_notes.py, branch_names.py); 18: table name
# cells with code lines, "• AND x" items, logic inside a sentence (inline_logic.py),
# indentation-only items, "Inclusion / Renewal Criteria:" bands, continuation statements
# citing the sections they serve (renewal_statements.py); 19: run-on "A; AND B; AND one of
# the following applies: C; OR D" paragraphs (runon.py), semicolon "DENIAL CRITERIA",
# criteria tables with one numbered criterion per row cited by "all of the criteria in
# Table N" (row_tables.py, row_table_refs.py), step-tier bands "STEP 2 CRITERIA: X" as
# indications with one renewal band for all (step_tiers.py); 20: approval formulas under flat
# numbered lists (formula.py), side-by-side branch cells (branch_columns.py), definition-list
# rows ("Criteria:  All of the following:") each a block of its own, "D1."-labelled exclusions;
# 21: logic stated only in column headers with a review box as continuation
# (header_columns.py), numbered "only if:" commissioning paragraphs (only_if.py); 22: numbered
# criteria tagged at the right edge, the tags' logic from the policy's legend (margin_tags.py),
# restriction blocks per treatment phase with bare AND / OR lines (phase_blocks.py); 23:
# checklist matrices whose legend gives the logic (check_matrix.py), printed web pages
# (web_chrome.py, "We cover X when ...", "Drug (Brand) for condition": section_names.py); 24:
# a rule's § sections over (A) / (i) / (I) clauses (statute_sections.py), a letter's granting
# sentences and renewals citing criteria by number (letter_criteria.py), criteria defined in
# notes under marks (footnote_marks.py), "Use N renewal" statements (use_label_renewals.py);
# 25: run-in "First approval (3 months). ... when the member:" sentences over items, slides
# titled by drug and request type (run_in_branches.py), sidebar columns, "x" bullets; 26:
# granting lead-ins over their items as a last resort (grant_lead_ins.py); 27: rules
# exports whose tree is a parent / level column or dotted keys (hierarchy_tables.py);
# lead-ins wherever they sit, refusing lead-ins as exclusions (refusal_lead_ins.py); 28:
# both; 29: reading_choice.py; 30: learned markers, IF/THEN rules, protocols, ordinal prose,
# flowcharts; 31: documentation columns, form fill-ins, folded panels, naming by vocabulary;
# 32: questionnaires' answer / label columns, branch grids, prose columns (column_layouts.py)
# 33: numbered chapter sub-sections and their continuation chapters, ICD-10 bands, one
# indication split per subject of its rule lines (chapter_subsections.py, branch_subjects.py)
# 34: inquiry screens: response columns, tagged question ids, use / rule fields (screen_fields.py)
# 35: struck (redline) lines dropped, a code library cited by formula cells, dash-ruled headings,
# lettered clauses cited as subsections, time labels as branch words (statute_sections.py)
# 36: scenarios' counted conditions granted after their items, condition steps ("Given the
# member has X") and title labels / codes, request types from every title in reach
# 37: titles over indented blocks (block_headings.py), a benefits chart's stacked halves
# side by side (stacked_halves.py), its "Limitations, Exceptions" column as criteria and its
# refusing rows as exclusions (refused_rows.py)
# 38: coded condition lines, bracketed-note / points-rule logic (coded_condition_blocks.py)
# 39: no title over an indented block in outline.py: the scenario reading keeps its grant line


class PolicyCompileError(NecessityError, ValueError):
    pass


def build_tree(
    roots: list[Item],
    pages: PageText,
    *,
    source_id: str,
    file: str,
    title: str,
    rows: list[Row] | None = None,
    sectioned: list[Indication] | None = None,
) -> PolicyTree:
    problems: list[str] = []
    roots = unwrap_generic(roots)
    # a table's rows that refuse ("uses this plan does not cover") list exclusions
    indications, exclusions = refused_rows(_table_indications(rows or [], pages, problems))
    scope: list[str] = [title]
    seen_indication = False
    last_branched: Indication | None = None
    last_statement: Indication | None = None
    lists = _diagnosis_lists(roots)
    consumed = {j for before, after in lists.values() for j in before + after}
    numbered, consumed_n = numbered_indications(roots, pages, problems)
    indications.extend(numbered)
    consumed |= consumed_n
    seen_indication = bool(numbered)
    parts = root_parts(roots)
    if parts:
        # "I. Initial Approval Criteria" / "II. Continued Therapy" at the margin: read
        # together, so a continuation pairs with its initial condition
        seen_indication = True
        found, excluded = part_indications(parts, pages, problems)
        indications.extend(found)
        exclusions.extend(excluded)
    for n, item in enumerate(roots, 1):
        if parts and any(item is p for p in parts.children):
            continue
        if n - 1 in lists:
            before, after = lists[n - 1]
            seen_indication = True
            indications.extend(_listed_indications(roots, n - 1, before, after, pages, problems))
            continue
        if n - 1 in consumed:
            continue
        section = item.section
        full = _subtree_text(item)
        if _NOT_CRITERIA.match(section.strip()):
            # A description or disclaimer: it names the drug (scope) but neither covers
            # nor excludes ("inclusions/exclusions ... take precedence" is no exclusion).
            if not seen_indication:
                scope.append(full)
            continue
        if _CATCH_ALL.search(full) and not _EXCLUSION_SECTION.search(section):
            exclusions.append(_catch_all(item, f"X{n}", pages))
        if _STOP_SECTIONS.match(section):
            continue
        if not _CATCH_ALL.search(full) and (ex := heading_exclusion(item, f"X{n}", pages)):
            exclusions.append(ex)
            continue
        if (
            _EXCLUSION_SECTION.search(section)
            or _LIMITS_SECTION.search(section)
            or _EXCLUSION_SECTION.search(item.text[:160])
            and (item.children and item.style == "para")
            or _excluding_part(item)
        ):
            if item.children and item.style in {"para", "bullet", "ROMAN"}:
                for i, child in enumerate(item.children, 1):
                    exclusions.append(_exclusion(child, f"X{n}.{i}", pages))
                if _CATCH_ALL.search(item.text):
                    exclusions.append(_catch_all(item, f"X{n}", pages))
            elif item.style != "para" or _CATCH_ALL.search(item.text):
                exclusions.append(_exclusion(item, f"X{n}", pages))
            elif not item.children and _EXCLUSION_SECTION.search(section):
                # "DENIAL CRITERIA: use as X; use for Y; beneficiary is pregnant."
                exclusions.extend(semicolon_exclusions(item, f"X{n}", pages))
            continue
        if item.style == "para" and not item.children and _APPROVES.search(item.text):
            # "X is medically necessary when all of the following are met: A; B; and C":
            # a statement whose criteria run on in its own sentence (inline_logic.py)
            expand_inline(item)
        if has_parts(item):
            # the statement only introduces its parts ("It is the policy ... that X is
            # medically necessary when the following criteria are met:")
            seen_indication = True
            scope.append(item.text)
            found, excluded = part_indications(item, pages, problems)
            indications.extend(found)
            exclusions.extend(excluded)
        elif _is_indication(item) and (kind := branch_kind(item.heading)) is not None:
            # a statement under "Initial Therapy" / "Continuation of Therapy": a branch of
            # the condition named by the heading above
            seen_indication = True
            ind, new = branch_indication(
                item, item.label or str(n), kind, last_branched, pages, problems
            )
            if new:
                indications.append(ind)
            last_branched = ind
        elif _is_indication(item) and continues(item) and (into_all := cited(item, indications)):
            # a continuation statement citing the sections it continues ("met the criteria
            # in Section 1 or Section 2"): the continuation of each (renewal_statements.py)
            ind = _indication(item, item.label or str(n), "continuation", pages, problems)
            add_continuation(into_all, ind)
        elif _is_indication(item) and (into := _renews(item, last_statement)) is not None:
            # "Renewal request - approve ... when ALL apply:" after the condition's initial
            # statement, under no heading of its own: that condition's continuation
            ind = _indication(item, item.label or str(n), "continuation", pages, problems)
            into.branches.extend(ind.branches)
            into.request_type = "any"
        elif _is_indication(item):
            seen_indication = True
            last_statement = _indication(item, item.label or str(n), "any", pages, problems)
            indications.append(last_statement)
        elif branched_condition(item):
            # "1. Plaque psoriasis" over "A. Initial Approval: ..." / "B. Renewal: ..."
            seen_indication = True
            indications.append(_indication(item, item.label or str(n), "any", pages, problems))
        elif item.children and _CONTAINER.search(item.text[:120]):
            # "I. Criteria for Initial Approval" → "A. <indication>: ... may be granted when":
            # the container says which request type its indications answer.
            low = item.text.lower()
            hint = (
                "continuation"
                if re.search(r"continu|renewal|reauthori", low)
                else "initial"
                if "initial" in low
                else "any"
            )
            for child in item.children:
                if _is_indication(child):
                    seen_indication = True
                    ind_id = f"{item.label or n}.{child.label}"
                    indications.append(_indication(child, ind_id, hint, pages, problems))
        elif not seen_indication:
            scope.append(full)
    rows_at = [ind for ind in indications if ind.id.startswith("T")]
    indications = apply_table_statements(indications, rows_at)
    # sentences under condition headings may grant coverage too ("X is medically necessary
    # when all of the following are met. Criteria are met when ..."), beside any list
    have = {" ".join(ind.name.lower().split()) for ind in indications}
    indications += [
        ind
        for ind in prose_criteria(roots, pages)
        if " ".join(ind.name.lower().split()) not in have
    ]
    if sectioned:
        # condition sections read from the lines (sections.py): the rest of the policy
        # gives its exclusions and scope, not indications
        indications = sectioned
    if not indications:
        # the headings over criteria lists do, and sentences that say what "is covered
        # when" (CMS LCDs)
        indications = _heading_indications(roots, pages, problems)
        indications += prose_indications(roots, pages)
    if not indications:
        problems.append(EMPTY)
    for ind in indications:
        # "SECTION B: X (Brand)" names the condition X (indications.condition_name)
        ind.name = condition_name(ind.name)
    tree = PolicyTree(
        source_id=source_id,
        file=file,
        title=title,
        compiler=COMPILER_VERSION,
        scope=" ".join(scope)[:4000],
        indications=indications,
        exclusions=_dedupe(exclusions),
        problems=problems,
        checksum=source_id,
    )
    split_tree(tree)
    tree.problems.extend(resolve(tree))
    return tree


def _excluding_part(item: Item) -> bool:
    """A roman-numbered part whose heading excludes ("IV. Not Medically Necessary",
    "III. Limitations"), its heading run into the lead-in of its list."""
    head = " ".join(item.text.split()[:4])
    return (
        item.style == "ROMAN"
        and bool(item.children)
        and bool(_EXCLUSION_SECTION.search(head) or _LIMITS_SECTION.search(head))
    )


def _renews(item: Item, last: Indication | None) -> Indication | None:
    """The indication a continuation statement with no heading of its own continues: the
    statement read just before, in the same section, with no continuation yet."""
    if (
        last is None
        or item.heading
        or item.section != last.section
        or not _CONTINUATION.match(item.text)
        or _BY_PATIENT.match(item.text)
        or any(b.request_type == "continuation" for b in last.branches)
    ):
        return None
    return last


def compile_policy(path: Path, *, source_id: str, title: str) -> PolicyTree:
    """Compile one policy PDF. Raises PolicyCompileError for a file with no text."""
    pages = parse_pdf(path)
    try:
        # side-by-side branch cells read one at a time (branch_columns.py); of an update's
        # retired and in-force columns, the one in force (before_after.py)
        # questionnaires' answer and label columns, branch grids, prose columns (column_layouts.py)
        raw = read_column_layouts(
            branch_columns(in_force_column(blank_response_column(raw_pages(Path(path)))))
        )
        # a chart's halves stacked by the extraction, set side by side (stacked_halves.py)
        raw = rejoin_stacked_halves(raw, chart_header)
        rows, used = read_tables(raw)
        # a flowchart's boxes as items, its YES / NO arrow labels dropped (flowchart_answers.py);
        # "First, X. Second, Y." set out as a list (ordinal_prose.py); bare answer boxes dropped
        lines = set_out_ordinals(drop_answer_boxes(flowchart_boxes(layout_lines(raw, used))))
        # one criterion per row ("No. | Criterion | ..."), cells read where the PDF draws them
        row_tables = read_row_tables(Path(path), running_lines(raw))
    except Exception as exc:  # noqa: BLE001 layout extraction fails in its own ways
        raise PolicyCompileError(
            f"{path}: layout extraction failed ({type(exc).__name__})"
        ) from exc
    if not lines and not rows:
        raise PolicyCompileError(f"{path}: no text in layout extraction")
    # list markers of shapes no known style reads, learned from their repetition
    with document_shapes(lines):
        return _compile(path, raw, rows, used, lines, row_tables, pages, title, source_id)


def _compile(
    path: Path,
    raw: list[list[str]],
    rows: list[Row],
    used: set[tuple[int, int]],
    lines: list[Line],
    row_tables: list[RowTable],
    pages: list[Page],
    title: str,
    source_id: str,
) -> PolicyTree:
    # notes that define marked criteria, read back under their marks at the end
    lines, notes = split_notes(drop_continued(lines))
    lines = rule_block_lines(lines)  # "IF ... THEN APPROVE ... WHEN ALL OF:" (rule_blocks.py)
    lines = screen_field_lines(lines)  # "USE: X" / "REQ TYPE:" / "RULE:" (screen_fields.py)
    page_text = PageText([drop_answers(p.text) for p in pages])  # answer_boxes.py
    common = {"source_id": source_id, "file": str(Path(path).resolve()), "title": title}
    tree = build_tree(outline(lines), page_text, rows=rows, **common)
    found: list[str] = []
    sectioned = section_indications(lines, page_text, found)
    tiered: list[str] = []
    tiers = tier_indications(lines, page_text, tiered)
    if tiers is not None:
        # "STEP 2 CRITERIA: <condition>" bands: each step tier of the class an indication
        sectioned, found = tiers, tiered
    if sectioned is not None and (tiers or better_reading(sectioned[0], tree.indications)):
        # condition sections read from the lines (sections.py) explain the policy better:
        # the rest of it gives the exclusions and scope
        rest = [x for i, x in enumerate(lines) if i not in sectioned[1]]
        tree = build_tree(outline(rest), page_text, sectioned=sectioned[0], **common)
        tree.problems.extend(found)
    coded: list[str] = []
    if (blocks := code_indications(lines, page_text, coded)) is not None:
        # numbered "reason for use code" blocks (code_blocks.py): each is an indication
        rest = [x for i, x in enumerate(lines) if i not in blocks[1]]
        tree = build_tree(outline(rest), page_text, sectioned=blocks[0], **common)
        tree.problems.extend(coded)
    stated: list[str] = []
    # rules citing a code library's criteria by formula (code_library.py), else one layout each
    read = library_indications(lines, raw, page_text, stated) or next(
        (r for reader in LINE_READERS if (r := reader(lines, page_text, stated)) is not None),
        None,
    )
    if read is not None:
        rest = [x for i, x in enumerate(lines) if i not in read[1]]
        tree = build_tree(outline(rest), page_text, sectioned=read[0], **common)
        tree.problems.extend(stated)
    elif (grid := matrix_indications(raw, page_text, stated)) is not None:
        # a checklist matrix: uses as columns, marks in the cells, a legend (check_matrix.py)
        rest = drop_continued(layout_lines(raw, used | grid[1]))
        tree = build_tree(outline(rest), page_text, sectioned=grid[0], **common)
        tree.problems.extend(stated)
    elif (cols := header_column_indications(raw, page_text, stated)) is not None and better_reading(
        cols[0], tree.indications
    ):
        # uses whose logic is only their column headers (header_columns.py), where they
        # name more conditions than the outline read
        rest = drop_continued(layout_lines(raw, used | cols[1]))
        tree = build_tree(outline(rest), page_text, sectioned=cols[0], **common)
        tree.problems.extend(stated)
    elif (runs := run_in_indications(lines, page_text, stated)) is not None and better_reading(
        runs[0], tree.indications
    ):
        # run-in "First approval (3 months). ... when:" sentences over their items
        # (run_in_branches.py), where they name more conditions or typed branches
        rest = [x for i, x in enumerate(lines) if i not in runs[1]]
        tree = build_tree(outline(rest), page_text, sectioned=runs[0], **common)
        tree.problems.extend(stated)
    granted: list[str] = []
    if (
        (
            len(tree.indications) <= 1
            or not all(named_by_condition(i.name) for i in tree.indications)
            or untyped(tree.indications)
        )
        and (leads := grant_lead_in_indications(lines, raw, page_text, granted)) is not None
        and (
            (better_reading(leads[0], tree.indications) or len(tree.indications) <= 1)
            and adds_criteria(leads[0], tree.indications)
            # renewals read as conditions of their own, paired by the lead-ins' sections
            or pairs_renewals(leads[0], tree.indications)
        )
    ):
        # the last resort for a layout no reader knows: granting lead-ins over their items
        # (grant_lead_ins.py), where the readers found nothing, a weaker single indication or
        # some not named by a condition ("We approve it for 6 months when ..." read as a name)
        rest = [x for i, x in enumerate(lines) if i not in leads[1]]
        tree = build_tree(outline(rest), page_text, sectioned=leads[0], **common)
        tree.problems.extend(granted)
        # refusing lead-ins over items, as the granting ones are read (refusal_lead_ins.py)
        tree.exclusions = _dedupe([*tree.exclusions, *refused_items(rest, page_text)])
    ruled: list[str] = []
    if (rules := hierarchy_indications(Path(path), raw, lines, page_text, ruled)) is not None:
        # a rules export's table: the tree given by a parent / level column or dotted keys,
        # the logic by a column (hierarchy_tables.py): the policy's own tree, read first
        rest = [x for i, x in enumerate(lines) if i not in rules[1]]
        tree = build_tree(outline(rest), page_text, sectioned=rules[0], **common)
        tree.exclusions = _dedupe([*rules[2], *tree.exclusions])
        tree.problems.extend(ruled)
    tree = field_table_reading(tree, raw, page_text)  # Part D-style fields (field_tables.py)
    apply_row_tables(tree, row_tables, page_text)
    expand_marks(tree, notes, page_text)  # "E. Iron burden ...*" (footnote_marks.py)
    spread_use_renewals(tree)  # "Use 2 renewal ..." under one heading (use_label_renewals.py)
    name_listed_uses(tree)  # "Covered uses: 1 X; 2 Y" (use_label_renewals.py)
    name_by_use_lines(tree, "\n".join(x.text for x in lines))  # "Use 1.2: X" (covered_use_lines.py)
    drop_section_refs(tree)  # "Age 18 or older (2.1)": the section cited (section_refs.py)
    define_terms(tree, " ".join(p.text for p in pages))  # '"X" means Y' (defined_terms.py)
    lettered_alternatives(tree, " ".join(p.text for p in pages))  # "2a" / "2b": any one
    # "X IV - start" / "X IV - keep going": one subject's titles (run_in_branches.py)
    tree.problems.extend(join_titled(tree.indications, lines))
    split_subjects(tree)  # several subjects' initial branches, one heading (branch_subjects.py)
    defined = defined_abbreviations(" ".join(p.text for p in pages))
    for ind in tree.indications:  # named by its condition, "ATTR" spelled out as defined
        ind.name = spell_out(condition_named(ind), defined)
    return tree
