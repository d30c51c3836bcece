"""Coverage stated in prose, as CMS LCDs write it: "Home blood glucose monitors with
special features (HCPCS codes E2100, E2101) are covered when the basic coverage criteria
(1)-(2) are met and the treating practitioner certifies that ...".

Each such sentence is an indication named by its subject; its conditions, split where
"and" starts a new clause ("and the treating practitioner ..."), are ALL of its criteria.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.references import reference_fields
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import _EXCLUSION_SECTION, _NOT_CRITERIA, _STOP_SECTIONS

_COVERED_WHEN = re.compile(
    r"^(?P<subject>[A-Z][^.;:]{3,200}?)\s+(?:is|are)\s+(?:also\s+)?covered\s+"
    r"(?:for\s+[^.;:]{0,100}?\s+)?(?:when|if)\s+(?P<rest>[^.;:]{10,})",
)
# "... are met and the treating practitioner certifies ...": a new clause, not a list
_CLAUSE = re.compile(r"\s+and\s+(?=(?:the|a|an|this|that|he|she|they)\s)", re.I)


def _clauses(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for m in _CLAUSE.finditer(text):
        depth = text[: m.start()].count("(") - text[: m.start()].count(")")
        if depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def prose_indications(roots: list[Item], pages: PageText) -> list[Indication]:
    out: list[Indication] = []
    for n, item in enumerate(roots, 1):
        section = item.section.strip()
        if item.children or item.style != "para" or item.text.rstrip().endswith(":"):
            continue
        if _STOP_SECTIONS.match(section) or _NOT_CRITERIA.match(section):
            continue
        if _EXCLUSION_SECTION.search(section):
            continue
        sentences = re.split(r"(?<=[.;])\s+(?=[A-Z])", " ".join(item.text.split()))
        for s_at, sentence in enumerate(sentences):
            if m := _COVERED_WHEN.match(sentence):
                out.append(_statement(m, f"P{n}.{s_at}" if s_at else f"P{n}", item, pages))
    return out


def _statement(m: re.Match[str], ind_id: str, item: Item, pages: PageText) -> Indication:
    """One "X is covered when A and B" sentence → indication X with ALL of A, B."""
    section = item.section.strip()
    leaves = []
    for k, clause in enumerate(_clauses(m.group("rest")), 1):
        text, page, verified = _verbatim(clause, item.page, pages)
        kind, fields = F.classify(text, [])
        if (ref := reference_fields(text)) is not None:
            kind, fields = "reference", ref
        leaves.append(
            PolicyNode(
                id=f"{ind_id}.{k}",
                text=text,
                page=page,
                kind=kind,
                fields=fields,
                verified=verified,
            )
        )
    name, page, verified = _verbatim(m.group("subject"), item.page, pages)
    root = PolicyNode(
        id=ind_id,
        text=name,
        page=page,
        op="all_of",
        n=len(leaves),
        verified=verified,
        children=leaves,
    )
    return Indication(
        id=ind_id,
        name=name,
        text=name,
        page=page,
        icd10=F.icd10_codes(item.text),
        section=section,
        branches=[Branch(request_type="any", node=root)],
    )
