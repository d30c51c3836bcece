"""A payer's letter to prescribers ("Dear Prescriber:") whose criteria sit inside its
narrative: a paragraph's last sentence grants coverage over the numbered lines under it
("Low testosterone in adult men. We will approve X for 6 months when your request shows
each of the following:" / "(1) ..."), and a later sentence renews it citing the first
approval's criteria by number ("For a renewal of 12 months, the first-approval criteria
(1), (5) and (6) must still be met, plus each of the following:" / "(a) ...").

A granting sentence is an indication, named by the short sentence that opens its
paragraph (a run-in title), else by what the sentence approves the drug for. A sentence
that cites earlier criteria by number, or that renews ("renewal", "a second course",
"continue"), is the continuation of the indication read before it; its own criteria are
the lines under it, and the criteria it cites are kept as notes on its root (they are
the first approval's, already in that tree). Only a letter (a salutation line) is read
this way; the rest of the letter (exclusions, scope) is left to the outline reader.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.grant_words import MODAL_GRANT, REFUSES, grants
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _root
from pipeline.policy.verbatim import PageText

_SALUTATION = re.compile(r"^(?:Dear|To whom it may concern)\b[^.]{0,60}[:,]\s*$", re.I)
_ITEM = re.compile(r"^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|[•●·\-–])\s")
# "criteria (1), (5) and (6)", "criteria 1-4 above", "criterion 3": earlier criteria by number
_CITES = re.compile(
    r"\bcriteri(?:a|on)\s+((?:\(?\d{1,2}\)?|\(?[a-z]\))(?:\s*(?:,|and|or|to|through|-|–)\s*"
    r"(?:\(?\d{1,2}\)?|\(?[a-z]\)))*)",
    re.I,
)
_RENEWS = re.compile(
    r"\b(?:renew\w*|re-?authori[sz]\w*|continu\w*|second|another|further|repeat|extension|"
    r"still)\b",
    re.I,
)
# a run-in title: a short sentence with no verb of coverage, ending in a full stop
_FOLLOWING = re.compile(r"\b(?:the following|these|below)\s*:\s*$", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]])\.\s+(?=[A-Z])")
_FOR = re.compile(r"\bfor\s+(?!\d)(?:the\s+treatment\s+of\s+)?(.+?)\s+(?:when|if|for\s+\d)\b", re.I)


def _paragraphs(lines: list[Line]) -> list[tuple[int, int, int]]:
    """(start, end of its text, end of the items under it) per paragraph at the margin."""
    out = []
    at = 0
    while at < len(lines):
        line = lines[at]
        if line.indent > 4 or _ITEM.match(line.text):
            at += 1
            continue
        end = at + 1
        while (
            end < len(lines)
            and lines[end].indent <= 4
            and not lines[end].blank_before
            and not lines[end - 1].text.endswith(":")
            and not _ITEM.match(lines[end].text)
        ):
            end += 1
        last = end
        while last < len(lines) and lines[last].indent > line.indent + 2:
            last += 1
        out.append((at, end, last))
        at = last
    return out


def _cited(statement: str) -> list[str]:
    m = _CITES.search(statement)
    return re.findall(r"\d{1,2}|(?<=\()[a-z](?=\))", m.group(1)) if m else []


def _name(sentences: list[str], statement: str) -> str:
    if len(sentences) >= 2:
        title = sentences[-2].rstrip(".")
        if len(title.split()) <= 10 and not MODAL_GRANT.search(title):
            return title
    m = _FOR.search(statement)
    return m.group(1) if m else statement.rstrip(":")


def _cited_notes(cites: list[str], initial: PolicyNode | None) -> list[str]:
    """The first approval's criteria a renewal cites, as printed there."""
    if initial is None:
        return []
    named = {c.label.strip("()."): c.text for c in initial.children}
    return [named[c] for c in cites if c in named]


def letter_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from a letter's granting sentences, or None where the document is
    no letter or grants nothing over listed criteria."""
    if not any(_SALUTATION.match(x.text) for x in lines[:40]):
        return None
    out: list[Indication] = []
    used: set[int] = set()
    local: list[str] = []
    for at, end, last in _paragraphs(lines):
        text = " ".join(x.text for x in lines[at:end])
        if last <= end or not text.endswith(":"):
            continue
        sentences = _SENTENCE_END.split(text)
        statement = sentences[-1]
        cites = _cited(statement)
        renews = bool(out) and (bool(cites) or bool(_RENEWS.search(statement)))
        if not grants(statement) and (
            REFUSES.search(statement) or not (renews and _FOLLOWING.search(statement))
        ):
            continue
        kind = "continuation" if renews else "initial"
        # the statement's own lines: from the line its sentence starts on
        first = next((k for k in range(end - 1, at - 1, -1) if statement[:20] in lines[k].text), at)
        head = Line(lines[first].page, lines[first].indent, statement)
        b = _Branch(kind, head, lines=lines[end:last])
        ind_id = out[-1].id if renews else f"L{len(out) + 1}"
        node = _root(b, f"{ind_id}.{kind}", pages, local)
        if node is None or not node.children:
            continue
        used |= set(range(first, last))
        branch = Branch(request_type=kind, approval=b.approval, node=node)  # type: ignore[arg-type]
        if renews:
            into = out[-1]
            if any(x.request_type == "continuation" for x in into.branches):
                continue
            initial = next((x.node for x in into.branches if x.request_type == "initial"), None)
            node.notes.extend(_cited_notes(cites, initial))
            into.branches.append(branch)
            continue
        # its run-in title too; the letter's opening lines before it are its scope
        opens = sentences[-2][:20] if len(sentences) >= 2 else statement[:20]
        starts = next((k for k in range(first, at - 1, -1) if opens in lines[k].text), first)
        used |= set(range(starts, first))
        said = ". ".join(sentences[-2:]) if len(sentences) >= 2 else statement
        out.append(
            Indication(
                id=ind_id,
                name=_name(sentences, statement),
                text=said,
                page=lines[starts].page,
                icd10=F.icd10_codes(said),
                section=said,
                branches=[branch],
            )
        )
    if not out:
        return None
    problems.extend(local)
    return out, used
