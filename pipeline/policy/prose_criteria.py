"""Criteria written as sentences, as medical policy bulletins print them under a condition
heading:

    Multiple Sclerosis
    X is considered medically necessary ... when all of the following conditions are met.
    Criteria are met when the individual is 18 years of age or older and has ... Coverage
    also requires that ..., and that ...; ... In addition, the individual must either ...,
    or ... .

A statement that refers ahead ("all of the following", "every requirement in this
paragraph") takes its criteria from the sentences after it; one that does not ("...
medically necessary when the individual has been re-evaluated ..., shows ..., and has ...")
states them itself, and the sentences after it are remarks. Clauses are cut where a new one
starts (";", "and that", ", and <subject> will", ", has ..."), never at an "or" or "and"
inside a list of things ("an immunosuppressant or a TNF inhibitor"). "either A, or B" is
ONE of A and B; "both A and B" is ALL of them. A statement under a continuation heading
("Continuation of Therapy") is the continuation branch of the condition it names.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.branch_sections import branch_kind
from pipeline.policy.indications import _name
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Item
from pipeline.policy.references import reference_fields
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import (
    _EXCLUSION_SECTION,
    _GENERIC_HEADING,
    _LIMITS_SECTION,
    _NOT_CRITERIA,
    _STOP_SECTIONS,
)

# "... is considered medically necessary and, therefore, covered for ... when <rest>"
_STATEMENT = re.compile(
    r"\b(?:is|are|be)\s+(?:considered\s+|also\s+|deemed\s+)?(?<!not )"
    r"(?:medically necessary|covered|reasonable and necessary|eligible for coverage)\b"
    r"[^.;]{0,200}?\b(?:only\s+)?(?:when|if)\s+(?P<rest>.+)$",
    re.I,
)
# the statement's conditions are elsewhere: in the sentences after it
_REFERS_AHEAD = re.compile(
    r"\b(?:all|each|every|both)\b[^.;]{0,40}\b(?:following|requirements?|conditions|criteria)\b"
    r"|\bthe following\b",
    re.I,
)
# "Criteria are met when", "Coverage also requires that", "This applies when": words
# that only lead in a sentence's criteria
_LEAD = re.compile(
    r"^(?:in addition,?\s+|also,?\s+|further(?:more)?,?\s+)?(?:[A-Za-z']+\s+){0,3}?"
    r"(?:(?:is|are)\s+met|appl(?:y|ies)|(?:also\s+)?requires?|(?:is|are)\s+required)\s+"
    r"(?:when|if|that)\s+",
    re.I,
)
_VERB = (
    r"(?:has|have|had|is|are|was|were|shows?|meets?|will|must|can|does|did|"
    r"demonstrates?|receives?|received|continues?|remains?|needs?|requires?|uses?)"
)
_SUBJECT = r"(?:that|the|a|an|this|these|those|he|she|they|it|for|if|when|where)"
# where a new clause starts: "; ", " and that", ", and natalizumab will", ", has had"
_CLAUSE = re.compile(
    rf";\s+|,?\s+and\s+(?={_SUBJECT}\s|{_VERB}\s)|,\s+and\s+(?=(?:[\w'-]+\s+){{1,2}}{_VERB}\s)"
    rf"|,\s+(?={_VERB}\s)",
    re.I,
)
_RENEWS = re.compile(
    r"^(?:for [^,]{3,80},\s*)?(?:continued|continuation|renewal|re-?authori[sz]ation)\b"
    r"|\b(?:continued (?:therapy|treatment|approval)|continuation|renewal|reauthori[sz]ation)\b",
    re.I,
)
_EITHER = re.compile(r"\beither\s+", re.I)
_BOTH = re.compile(r"\bboth\s+", re.I)


def _depth_zero(text: str, at: int) -> bool:
    return text[:at].count("(") <= text[:at].count(")")


def _split(text: str, pattern: re.Pattern[str]) -> list[str]:
    parts, start = [], 0
    for m in pattern.finditer(text):
        if _depth_zero(text, m.start()):
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p.strip(" ,;.") for p in parts if p.strip(" ,;.")]


# a period that ends no sentence: "e.g. Humira", "Dr. Smith", "approx. 5 mg"
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|vs|approx|Dr|No|St|Fig|al)|\b[A-Z])\.$")


def _sentences(text: str) -> list[str]:
    text = " ".join(text.split())
    out, start = [], 0
    for m in re.finditer(r"(?<=\.)\s+(?=[A-Z])", text):
        if _ABBREVIATION.search(text[start : m.start()]):
            continue
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return [s for s in out if s]


class _Reader:
    def __init__(self, item: Item, pages: PageText, ind_id: str) -> None:
        self.item, self.pages, self.ind_id, self.k = item, pages, ind_id, 0

    def _id(self) -> str:
        self.k += 1
        return f"{self.ind_id}.{self.k}"

    def leaf(self, clause: str) -> PolicyNode:
        clause = re.sub(r"^(?:and\s+)?(?:that\s+)?", "", clause)
        text, page, verified = _verbatim(clause, self.item.page, self.pages)
        kind, fields = F.classify(text, [])
        if (ref := reference_fields(text)) is not None:
            kind, fields = "reference", ref
        return PolicyNode(
            id=self._id(), text=text, page=page, kind=kind, fields=fields, verified=verified
        )

    def group(self, lead: str, op: str, parts: list[str]) -> PolicyNode:
        text, page, verified = _verbatim(lead, self.item.page, self.pages)
        children = [self.leaf(p) for p in parts]
        return PolicyNode(
            id=self._id(),
            text=text,
            page=page,
            op=op,  # type: ignore[arg-type]
            n=1 if op == "any_of" else len(children),
            verified=verified,
            children=children,
        )

    def clause(self, clause: str) -> PolicyNode:
        """One clause: a criterion, or the group its "either ... or" / "both ... and" makes."""
        if (m := _EITHER.search(clause)) and _depth_zero(clause, m.start()):
            rest = clause[m.end() :]
            first = re.escape(rest.split()[0]) if rest.split() else "x"
            alternatives = _split(rest, re.compile(rf",?\s+or\s+(?={first}\s|{_VERB}\s)", re.I))
            if len(alternatives) >= 2:
                return self.group(clause[: m.end()].strip(), "any_of", alternatives)
        if (m := _BOTH.search(clause)) and _depth_zero(clause, m.start()):
            rest = clause[m.end() :]
            parts = _split(rest, re.compile(r"\s+and\s+"))
            if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts):
                return self.group(clause[: m.end()].strip(), "all_of", parts)
        return self.leaf(clause)


def _criteria(reader: _Reader, sentences: list[str]) -> list[PolicyNode]:
    out = []
    for sentence in sentences:
        sentence = _LEAD.sub("", sentence)
        out += [reader.clause(c) for c in _split(sentence, _CLAUSE)]
    return out


def _statements(item: Item) -> list[tuple[str, list[str]]]:
    """Each statement sentence of a paragraph and the sentences holding its criteria."""
    out: list[tuple[str, list[str]]] = []
    ahead = False
    for sentence in _sentences(item.text):
        if m := _STATEMENT.search(sentence):
            rest = m.group("rest")
            ahead = bool(_REFERS_AHEAD.search(rest))
            out.append((sentence, [] if ahead else [rest]))
        elif ahead and out:
            out[-1][1].append(sentence)
    return [(s, c) for s, c in out if c]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2}


def prose_criteria(roots: list[Item], pages: PageText) -> list[Indication]:
    """Indications whose criteria are sentences of a paragraph under a condition heading."""
    found: list[Indication] = []
    for n, item in enumerate(roots, 1):
        section = item.section.strip()
        if item.children or item.style != "para" or not item.heading:
            continue
        if (
            _STOP_SECTIONS.match(section)
            or _NOT_CRITERIA.match(section)
            or _EXCLUSION_SECTION.search(section)
            or _LIMITS_SECTION.search(section)
            and not branch_kind(section)
        ):
            continue
        for s_at, (statement, sentences) in enumerate(_statements(item)):
            # "Continuation of Therapy" over it, or "Multiple Sclerosis - Continued
            # Therapy", or the sentence itself ("For X, continued treatment is ...")
            renews = _RENEWS.search(item.heading) or _RENEWS.match(statement)
            kind = branch_kind(item.heading) or ("continuation" if renews else "initial")
            ind_id = f"S{n}.{s_at + 1}"
            reader = _Reader(item, pages, ind_id)
            children = _criteria(reader, sentences)
            if not children:
                continue
            text, page, verified = _verbatim(statement, item.page, pages)
            root = PolicyNode(
                id=ind_id,
                text=text,
                page=page,
                op="all_of",
                n=len(children),
                verified=verified,
                children=children,
            )
            branch = Branch(request_type=kind, node=root)  # type: ignore[arg-type]
            if kind == "continuation":
                # the condition the sentence names ("For Crohn's disease, continued ...")
                said = _words(statement)
                owner = max(
                    (i for i in found if _words(i.name) and _words(i.name) <= said),
                    key=lambda i: len(_words(i.name)),
                    default=None,
                )
                if owner is not None:
                    owner.branches.append(branch)
                    owner.request_type = "any"
                    continue
            if len(children) < 2:
                # one condition after "when" ("when the criteria (a)-(c) below are met")
                # is no list of criteria written as prose
                continue
            name = item.heading if kind == "initial" else text[:120]
            if _GENERIC_HEADING.search(name) or kind != "initial":
                # "Coverage Criteria" over the statement: the statement names the condition
                name = _name(statement)
            found.append(
                Indication(
                    id=ind_id,
                    name=name,
                    text=text,
                    page=page,
                    icd10=F.icd10_codes(item.text),
                    section=section,
                    request_type=kind,  # type: ignore[arg-type]
                    branches=[branch],
                )
            )
    return found
