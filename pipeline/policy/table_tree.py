"""Criteria-table rows → indications: one per row, its renewal items the continuation
branch, its approval-length items the approval."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.groups import _node
from pipeline.policy.indications import coded_name
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line, outline
from pipeline.policy.table import PART_HEAD, Row
from pipeline.policy.verbatim import _CONJ_END, _SKIP, PageText, _verbatim
from pipeline.policy.wording import _APPROVE_FOR, _APPROVES

# Items of a table's criteria cell that are not criteria: how long an approval lasts.
_APPROVAL_ITEM = re.compile(
    r"^(?:length|duration) of (?:approval|authori[sz]ation)\b"
    r"|^(?:initial\s+)?(?:authori[sz]ation|approval)\s*s?\s+(?:will be|are|is|may be)\s+"
    r"(?:for|up to|limited|approved|granted)"
    r"|^approve\s+for\s+\d",  # "Approve for 12 months."
    re.I,
)
_RENEWAL_ITEM = re.compile(
    r"^(?:subsequent|continu\w+|renewal|re-?authori[sz]ation|recertification)|"
    r"^(?:patient is )?currently",
    re.I,
)

_DURATION = re.compile(r"(\d+\s+(?:days?|weeks?|months?|years?))", re.I)
_NOTE = re.compile(r"^note\b", re.I)


def _row_parts(lines: list[Line]) -> list[tuple[bool | None, list[Line], str | None]]:
    """A criteria cell cut at its part headings ("Initial Evaluation", "Renewal
    Evaluation"): per part, whether it is the renewal part (None: the cell has no parts),
    its lines without the unmarked notes at the cell's edge, and the approval length those
    notes state ("Length of Approval: 6 months")."""
    parts: list[tuple[bool | None, list[Line], str | None]] = []
    kind: bool | None = None
    kept: list[Line] = []
    approval: str | None = None
    for line in lines:
        text = " ".join(line.text.split())
        if PART_HEAD.match(text):
            if kept or kind is not None:
                parts.append((kind, kept, approval))
            kind, kept, approval = not text.lower().startswith("initial"), [], None
            continue
        if kind is not None and line.indent <= 1 and _APPROVAL_ITEM.match(text):
            found = _DURATION.search(text)
            approval = approval or (found.group(1) if found else None)
            continue
        if kind is not None and line.indent <= 1 and _NOTE.match(text):
            continue
        kept.append(line)
    if kept or kind is not None:
        parts.append((kind, kept, approval))
    return parts


def _table_indications(rows: list[Row], pages: PageText, problems: list[str]) -> list[Indication]:
    """One indication per row: its criteria cell's items, ALL of them unless each ends in
    "OR" (a table states no other logic between its bullets), the renewal items as the
    continuation branch."""
    out = []
    assumed: list[Row] = []  # rows whose items were read as ALL of with no logic printed
    printed = "".join(compact for compact, _ in pages.compact).lower()
    for n, row in enumerate(rows, 1):
        if not row.lines or row.limits:
            # a drug listed without criteria (a preferred one), or a quantity limit's row:
            # nothing to judge as an indication
            continue
        ind_id = f"T{n}"
        name = " ".join(row.subject.split()) or " ".join(row.other.split())
        initial: list[PolicyNode] = []
        renewal: list[PolicyNode] = []
        approval = None
        approvals: dict[str, str | None] = {}
        ors: dict[int, bool] = {}  # id(node) → the item ends with "OR"
        ands: set[int] = set()  # the items joined to the next by a printed "AND"
        leads: dict[str, list[PolicyNode]] = {}  # a part read as one lead-in over its items
        k = 0
        for renewal_part, lines, part_approval in _row_parts(row.lines):
            kind = "continuation" if renewal_part else "initial"
            approvals[kind] = approvals.get(kind) or part_approval
            items = outline(lines)
            for item in items:
                k += 1
                text = " ".join(item.text.split())
                if re.match(r"^note\b", text, re.I) and not item.children:
                    continue  # a note on the row, not a criterion
                if _APPROVAL_ITEM.match(text) and not item.children:
                    found = _APPROVE_FOR.search(text) or _DURATION.search(text)
                    approval = approval or (found.group(1) if found else None)
                    continue
                node = _node(item, f"{ind_id}.{k}", pages, problems)
                end = _CONJ_END.search(item.text)
                ors[id(node)] = item.joined == "OR" or bool(end and "OR" in end.group(0).upper())
                if item.joined == "AND" or end and "AND" in end.group(0).upper():
                    ands.add(id(node))
                if renewal_part is not None and len(items) == 1 and node.children:
                    # "Target Agent(s) will be approved when ALL of the following are met:"
                    # over the part's items: the part's own group
                    leads[kind] = [node]
                (renewal if renewal_part or _RENEWAL_ITEM.match(text) else initial).append(node)
        branches = []
        first = name.split(" ")[0] if name else ""
        name, codes = coded_name(name)
        if row.first and not codes:
            # a branch-column table's codes in a column of their own ("ICD-10 Codes")
            codes = F.icd10_codes(f"ICD-10 {row.other}")
        head, page, verified = _verbatim(name, row.page, pages)
        words = name.split()
        # (a name cell beside branch columns runs over lines of its own: never printed
        # joined, yet all the row's)
        if not verified and not row.first and _SKIP.sub("", name).lower() not in printed:
            # a name cell that ran on into a line printed elsewhere (a heading above the
            # table) is printed nowhere as joined: the longest start of it printed on its
            # page names the row, so a person can confirm it
            while not verified and len(words) > 2:
                words = words[:-1]
                head, page, verified = _verbatim(" ".join(words), row.page, pages)
            name = head if verified else name
        for kind, nodes in (("initial", initial), ("continuation", renewal)):
            if not nodes:
                continue
            if len(nodes) == 1 and nodes[0].children and _APPROVES.search(nodes[0].text):
                # "Initial Request: X is approved when ALL of the following ...:" over its
                # items, the cell's one statement of its kind: the branch's own group
                leads[kind] = nodes
            if leads.get(kind) == nodes:
                root = nodes[0]
                branches.append(
                    Branch(request_type=kind, approval=approvals.get(kind) or approval, node=root)  # type: ignore[arg-type]
                )
                continue
            either = len(nodes) > 1 and all(ors[id(x)] for x in nodes[:-1])
            stated = all(id(x) in ands for x in nodes[:-1])  # "; AND" after each item
            if not either and not stated and len(nodes) > 1 and row not in assumed:
                assumed.append(row)
            root = PolicyNode(
                id=f"{ind_id}.{kind[0]}",
                text=head if verified else first,
                page=page,
                op="any_of" if either else "all_of",
                n=1 if either else len(nodes),
                verified=verified,
                children=nodes,
            )
            branches.append(
                Branch(request_type=kind, approval=approvals.get(kind) or approval, node=root)  # type: ignore[arg-type]
            )  # type: ignore[arg-type]
        out.append(
            Indication(
                id=ind_id,
                name=name,
                # the name cell as printed: the row's other cells are not next to it in the
                # page text, so their join could not be found on the page again
                text=head if verified else name,
                page=page if verified else row.page,
                icd10=F.icd10_codes(row.other + " " + " ".join(x.text for x in row.lines)) or codes,
                section=" ".join(row.other.split()),
                branches=branches,
            )
        )
    if assumed:
        problems.append(
            f"page {assumed[0].page}: criteria table ({len(assumed)} rows): each row's items are "
            "read as ALL of (the table states no other logic between them)"
        )
    return out
