"""Numbered decision paragraphs that grant coverage "only if:" (a commissioning statement in
the NICE appraisal style): "1.1 X is commissioned as an option for treating Y in adults,
only if:" over its listed criteria, "1.2 Continue treatment only if, at each review:" over
the criteria that continue it.

Each paragraph whose sentence ends "only if ...:" is an indication named by what it is an
option for; one that opens with a continuation word ("Continue", "Renewal") is the
continuation of the indication read before it. Paragraphs that end otherwise ("1.3 Switch
back if ...") are no criteria. The lines read are returned so the rest of the policy
(exclusions, scope) is read without them.
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.branch_names import _BRANCH_CONTINUED
from pipeline.policy.models import Branch, Indication
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _listed, _root
from pipeline.policy.verbatim import PageText

# "1.1 ...", "2.3 ...": a decimal paragraph number at the margin
_DECISION = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,2})\s+(\S.*)$")
_ONLY_IF = re.compile(r"\bonly\s+(?:if|when|where|for\s+people\s+who)\b[^:]{0,80}:\s*$", re.I)
# what the statement makes the drug an option for
_OPTION_FOR = re.compile(
    r"\b(?:option|recommended|commissioned|funded|approved|covered|indicated|available)\b"
    r"[^,:]{0,60}?\bfor\s+(?:(?:treating|the treatment of|treatment of|preventing|"
    r"the prevention of|use (?:in|as))\s+)?(.+?)\s*,?\s*\bonly\b",
    re.I,
)
# the population after the condition: "in adults", "in adults and young people weighing ..."
_POPULATION = re.compile(
    r"\s+(?:in|for)\s+(?:adults|children|people|patients|adolescents|young people|"
    r"women|men|those|anyone)\b.*$",
    re.I,
)


def _statement(lines: list[Line], at: int) -> tuple[str, int]:
    """A numbered paragraph's sentence, its wrapped lines joined, and the index after it."""
    words = [lines[at].text]
    end = at + 1
    while (
        end < len(lines)
        and not words[-1].rstrip().endswith(":")
        and not _listed(lines[end])
        and not _DECISION.match(lines[end].text)
        and lines[end].indent > lines[at].indent
        and not lines[end].blank_before
    ):
        words.append(lines[end].text)
        end += 1
    return " ".join(words), end


def _criteria_end(lines: list[Line], at: int, indent: int) -> int:
    """Where a statement's criteria end: the next line back at its margin that is no item."""
    end = at
    while end < len(lines):
        line = lines[end]
        if _DECISION.match(line.text) or (line.indent <= indent and not _listed(line)):
            break
        end += 1
    return end


def statement_name(text: str) -> str:
    """What a statement makes the drug an option for, without its population."""
    body = _DECISION.sub(r"\2", text)
    m = _OPTION_FOR.search(body)
    name = m.group(1) if m else body
    return _POPULATION.sub("", name).strip(" ,") or name


def only_if_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from "only if:" paragraphs, or None where no paragraph grants
    coverage that way (the other readers then read the policy)."""
    out: list[Indication] = []
    used: set[int] = set()
    local: list[str] = []
    at = 0
    while at < len(lines):
        m = _DECISION.match(lines[at].text)
        if m is None or lines[at].indent > 4:
            at += 1
            continue
        text, start = _statement(lines, at)
        if not _ONLY_IF.search(text):
            at = start
            continue
        end = _criteria_end(lines, start, lines[at].indent)
        title = Line(lines[at].page, lines[at].indent, text)
        kind = "continuation" if _BRANCH_CONTINUED.match(m.group(2)) else "initial"
        b = _Branch(kind, title, lines=lines[start:end])
        node = _root(b, f"{m.group(1)}.{kind}", pages, local) if end > start else None
        if node is not None and node.children:
            used |= set(range(at, end))
            branch = Branch(request_type=kind, approval=b.approval, node=node)  # type: ignore[arg-type]
            into = out[-1] if out and kind == "continuation" else None
            if into is not None and all(x.request_type != kind for x in into.branches):
                into.branches.append(branch)
            else:
                name = statement_name(text)
                out.append(
                    Indication(
                        id=m.group(1),
                        name=name,
                        text=text,
                        page=title.page,
                        icd10=F.icd10_codes(text),
                        section=text,
                        branches=[branch],
                    )
                )
        at = end
    if not any(b.request_type == "initial" for ind in out for b in ind.branches):
        return None
    problems.extend(local)
    return out, used
