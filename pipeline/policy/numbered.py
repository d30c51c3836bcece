"""Numbered indications under one statement (the Kaiser layout): "X is approved for members
who meet the criteria for one of the indications (1) through (5) below", then "(1) <condition>
/ All of the following: / (a) ... (i) ... (A) ...", and a continuation section whose statement
names no condition: each numbered item is an indication, and the continuation statement is
the continuation branch of every one of them."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.groups import _node
from pipeline.policy.indications import _branches, _head, _name
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import _BULLETS, Item
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import _APPROVE_FOR, _APPROVES

_ONE_OF = re.compile(r"\b(?:one|any|either) of\b", re.I)
_GRANTS = re.compile(r"\b(?:approved?|covered|coverage|medically necessary|authori[sz]ed)\b", re.I)
# "Neuroendocrine tumors (NET) All of the following:": the condition, then its lead-in
_LEAD_IN = re.compile(r"\s*\b(?:all|one|any|both|either|at least \w+) of the following\b.*$", re.I)
_CONTINUED = re.compile(r"continu|renewal|re-?authori|recertif", re.I)


def _numbered(roots: list[Item], at: int) -> list[int]:
    """The marked items right after the statement at ``at``, in its section, of one
    marker style, each with criteria of its own."""
    lead = roots[at]
    out: list[int] = []
    for j in range(at + 1, len(roots)):
        item = roots[j]
        if (
            item.style in _BULLETS | {"para", "conn", "unmarked"}
            or not item.children
            or item.section != lead.section
            or out
            and item.style != roots[out[0]].style
        ):
            break
        out.append(j)
    return out


def _condition(text: str) -> str:
    """The condition a numbered item names: "Neuroendocrine tumors (NET) All of the
    following:" and "Asthma. Approve for the duration noted if ..." both give the words
    before the lead-in."""
    name = _LEAD_IN.sub("", text).strip() or _name(text)
    head = _head(name)
    if head != name and _GRANTS.search(name[len(head) :]):
        return head
    return name


def _own_statements(lead: Item) -> bool:
    """Every item under the statement is a statement of its own over its criteria, of one
    marker style: "1. Asthma. Approve for the duration noted if ... (A or B):"."""
    items = lead.children
    return (
        len(items) >= 2
        and len({c.style for c in items}) == 1
        and all(c.children and _APPROVES.search(c.text) for c in items)
    )


def _has_own_continuation(ind: Indication) -> bool:
    return any(b.request_type == "continuation" for b in ind.branches)


def _approval(*items: Item) -> str | None:
    found = _APPROVE_FOR.search(" ".join(n for it in items for n in [*it.notes, *it.approvals]))
    return found.group(1) if found else None


def numbered_indications(
    roots: list[Item], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]]:
    """The indications read this way, and the indices of the roots they used."""
    out: list[Indication] = []
    used: set[int] = set()
    for at, lead in enumerate(roots):
        if lead.style != "para" or not (_ONE_OF.search(lead.text) and _GRANTS.search(lead.text)):
            continue
        if lead.children:
            # the numbered items read as the statement's own list: indications only where
            # each one grants coverage itself ("1. Asthma. Approve for the duration ...")
            if not _own_statements(lead):
                continue
            listed, items = lead.children, []
        else:
            items = _numbered(roots, at)
            listed = [roots[j] for j in items]
        if len(listed) < 2:
            continue
        found: list[Indication] = []
        # an approval line after the list ("Initial approval: 6 months.") is read onto
        # its last item, yet said of the whole list
        shared = _approval(listed[-1])
        for j, item in enumerate(listed, at + 1):
            ind_id = f"N{item.label or j}"
            text, page, _ = _verbatim(item.text, item.page, pages)
            name = _condition(text)
            typed = _branches(item, ind_id, pages, problems)
            if len(typed) > 1 and {b.request_type for b in typed} == {"initial", "continuation"}:
                # "1. Asthma. Approve ... ONE of the following (A or B): A) Initial Therapy
                # ... B) Patient is Currently Receiving X ...": the item's own branches
                found.append(
                    Indication(
                        id=ind_id,
                        name=name,
                        text=text,
                        page=page,
                        icd10=F.icd10_codes(text),
                        section=item.section,
                        request_type="any",
                        branches=typed,
                    )
                )
                continue
            node = _node(item, ind_id, pages, problems)
            branch = Branch(request_type="initial", approval=_approval(item) or shared, node=node)
            found.append(
                Indication(
                    id=ind_id,
                    name=name,
                    text=text,
                    page=page,
                    icd10=F.icd10_codes(text),
                    section=item.section,
                    branches=[branch],
                )
            )
        used |= {at, *items}
        # the next statement with criteria, in a continuation section, names no condition
        nxt = items[-1] + 1 if items else at + 1
        while nxt < len(roots) and not roots[nxt].children:
            nxt += 1
        if nxt < len(roots) and _CONTINUED.search(roots[nxt].section):
            renewal = roots[nxt]
            used.add(nxt)
            for ind in found:
                if _has_own_continuation(ind):
                    continue
                node = _node(renewal, f"{ind.id}.c", pages, problems)
                ind.branches.append(
                    Branch(request_type="continuation", approval=_approval(renewal), node=node)
                )
        else:
            for ind in found:
                if not _has_own_continuation(ind):
                    ind.branches[0].request_type = "any"
        out.extend(found)
    return out, used
