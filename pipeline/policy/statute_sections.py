"""Sections of an administrative-code rule ("§ 4.2.1 First treatment. The Department shall
authorize X for a recipient with Y when each of the following conditions is met:") over
lettered clauses "(A)" / "(i)" / "(I)" whose item ends carry "; and" / "; or".

Each section whose sentence authorizes (and does not refuse) coverage and ends in a colon
over clauses is an indication, named by the condition its sentence names ("for a recipient
with chronic hepatitis C"), else the one the rule's title is for, and the section's own
title ("First treatment"). A section that cites earlier authorizing sections ("Each fill
after the first 28 days of a course authorized under § 4.2.1 or § 4.2.2 shall be released
when:") is the continuation of each section it cites. Sections that refuse ("shall not
authorize ... for:") or define words are left to the rest of the compiler (exclusions,
scope).

A plan document's amendment sets the same sections out as lettered clauses ("(a) For a
Covered Person who has X, the Plan will cover ... if each of the following requirements is
satisfied:" over "(i)" clauses) and cites them as "subsection (a)" / "paragraph (b)"
("Coverage under subsection (a) may be renewed ... if:"): the clauses at the outermost margin
of the lettered ones are sections where such a citation of one of them is printed. A clause
naming its condition in a run-in title ("(c) Binge-Eating Disorder. X is covered ...") or in
a "who has X" phrase is named by it. What a section authorizes ("sofosbuvir/velpatasvir
(Epclusa)") is its indication's section, as a drug heading is: a request for a drug the rule
names finds the rule (match.policy_for), and the section for that drug
(match.indication_for).
"""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.condition_vocabulary import names_condition
from pipeline.policy.grant_words import MODAL_GRANT, grants
from pipeline.policy.lead_in_terms import term
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import Line
from pipeline.policy.sections import _Branch, _root
from pipeline.policy.title_condition import who_has_condition
from pipeline.policy.verbatim import PageText

# "§ 4.2.1 First treatment. The Department ...", "Sec. 12.3 Retreatment."
_SECTION = re.compile(r"^(?:§{1,2}|Sec\.)\s*(\d{1,3}(?:[.-]\d{1,3}){0,4})\.?\s+(\S.*)$")
_CITED = re.compile(
    # "subsection (a)", "paragraph (b)", "clause (c)", "Section 8.6(a)": a lettered clause
    # cited by its letter
    r"\b(?:sub)?(?:sections?|paragraphs?|clauses?)\s+(?:\d{1,3}(?:\.\d{1,3}){0,3}\s*)?"
    r"\(([a-z])\)|"
    r"(?:§{1,2}|\bSec\.|\bsections?)\s*(\d{1,3}(?:[.-]\d{1,3}){0,4})",
    re.I,
)
# a lettered clause opening a section: "(a) For a Covered Person who has X, ..."
_LETTERED = re.compile(r"^\(([a-z])\)\s+(\S.*)$")
_ALSO_CITED = re.compile(r"^\s*(?:,|or|and|to|through)\s*(\d{1,3}(?:[.-]\d{1,3}){1,4})\b", re.I)
# a clause marker: "(A)", "(ii)", "(I)", "(1)", "(a)"
_CLAUSE = re.compile(r"^\((?:[A-Za-z]{1,4}|\d{1,2})\)\s")
# "a recipient with chronic hepatitis C who ...": the condition the section is for
_WITH = re.compile(
    r"\b(?:with|having|diagnosed with)\s+(?:a\s+|an\s+)?(?:diagnosis\s+of\s+)?"
    r"([^,;:]+?)\s+(?:who|whose|when|if|that|and|where)\b",
    re.I,
)
# "shall authorize sofosbuvir/velpatasvir (Epclusa) for a recipient": what it authorizes
_AUTHORIZES = re.compile(
    r"\b(?:authori[sz]e|approve|cover|pay for|dispense)\s+(.{3,120}?)\s+(?:for|to|when|if)\b", re.I
)
_RULE_FOR = re.compile(r"\bfor\s+(?:the\s+treatment\s+of\s+)?([A-Z][^.:;()]*?)\s*$")
# words that show a cited section is continued ("each fill after", "continued", "renewal")
_CONTINUES = re.compile(
    r"\b(?:continu\w*|renew\w*|refills?|fills?\s+after|re-?authori[sz]\w*|extension|"
    r"further|subsequent|additional\s+(?:fills?|courses?|months?))\b",
    re.I,
)


def _starts(lines: list[Line], at: int) -> bool:
    """A § opens a section at the margin after a finished sentence, not where a sentence
    wraps onto a line that begins with the section it cites ("under § 4.2.1 or" / "§ 4.2.2
    shall be released when:")."""
    line = lines[at]
    if line.indent > 4 or _SECTION.match(line.text) is None:
        return False
    return at == 0 or line.blank_before or lines[at - 1].text.endswith((".", ":", ";"))


def _lettered_starts(lines: list[Line]) -> list[int]:
    """The lettered clauses "(a)", "(b)", ... at the outermost margin of the lettered ones,
    where the document cites one of them as "subsection (a)": a legal instrument's sections.
    Their "(i)" clauses, indented further, are their items."""
    found = [(i, x.indent) for i, x in enumerate(lines) if _LETTERED.match(x.text)]
    if not found:
        return []
    margin = min(indent for _, indent in found)
    starts = [
        i
        for i, indent in found
        if indent == margin and (i == 0 or lines[i - 1].text.endswith((".", ":", ";")))
    ]
    letters = [_LETTERED.match(lines[i].text).group(1) for i in starts]  # type: ignore[union-attr]
    if len(starts) < 2 or letters != [chr(ord("a") + k) for k in range(len(letters))]:
        return []
    cited = {c for x in lines for c in _cited(x.text)}
    return starts if cited & set(letters) else []


def _sections(lines: list[Line]) -> list[tuple[int, int, int, str, str]]:
    """(start, end of sentence, end of section, number, sentence) per § at the margin, else
    per lettered clause section."""
    starts = [i for i, x in enumerate(lines) if _starts(lines, i)] or _lettered_starts(lines)
    out = []
    for k, at in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        m = _SECTION.match(lines[at].text) or _LETTERED.match(lines[at].text)
        assert m is not None
        words, end = [m.group(2)], at + 1
        margin = lines[at].indent
        while (
            end < stop
            and not words[-1].endswith(":")
            and not _CLAUSE.match(lines[end].text)
            and (lines[end].indent <= margin + 4 or lines[end].indent >= 40)
            and not lines[end].blank_before
        ):
            words.append(lines[end].text)
            end += 1
        # a section's clauses: the indented lines under its sentence
        last = end
        while last < stop and lines[last].indent > margin + 2:
            last += 1
        out.append((at, end, last, m.group(1), " ".join(words)))
    return out


def _cited(sentence: str) -> list[str]:
    """Section numbers a sentence cites ("under § 4.2.1 or § 4.2.2", "§§ 3.1 and 3.2")."""
    found: list[str] = []
    for m in _CITED.finditer(sentence):
        found.append(m.group(1) or m.group(2))
        rest = sentence[m.end() :]
        while (more := _ALSO_CITED.match(rest)) is not None:
            found.append(more.group(1))
            rest = rest[more.end() :]
    return found


def _title(sentence: str) -> tuple[str, str]:
    """("First treatment", "The Department shall ...") of a section's run-in title."""
    head, dot, body = sentence.partition(". ")
    if dot and len(head.split()) <= 6 and not MODAL_GRANT.search(head):
        return head.strip(), body.strip()
    return "", sentence


def _condition(body: str, rule_title: str, title: str = "") -> str:
    if title and names_condition(title):
        return title  # "(c) Binge-Eating Disorder. X is covered ...": its run-in title
    if (m := _WITH.search(body)) is not None and len(m.group(1).split()) <= 8:
        return m.group(1).strip()
    if (who := who_has_condition(body)) is not None:
        return who
    if (m := _RULE_FOR.search(rule_title)) is not None:
        return m.group(1).strip()
    return ""


def statute_indications(
    lines: list[Line], pages: PageText, problems: list[str]
) -> tuple[list[Indication], set[int]] | None:
    """Indications read from a rule's § sections, or None where no § section grants
    coverage over clauses (the other readers then read the policy)."""
    found = _sections(lines)
    if len(found) < 2:
        return None
    rule_title = " ".join(x.text for x in lines[: found[0][0]] if x.page == lines[0].page)
    out: dict[str, Indication] = {}
    used: set[int] = set()
    local: list[str] = []
    continued: list[tuple[list[str], Branch]] = []
    for at, end, last, number, sentence in found:
        title, body = _title(sentence)
        if last <= end or not sentence.endswith(":") or not grants(body):
            continue
        cites = [c for c in _cited(body) if c in out]
        kind = "continuation" if cites and _CONTINUES.search(sentence) else "initial"
        joined = " ".join(x.text for x in lines[at:end])
        head = Line(lines[at].page, lines[at].indent, joined)
        b = _Branch(kind, head, approval=term(sentence), lines=lines[end:last])
        node = _root(b, f"{number}.{kind}", pages, local)
        if node is None or not node.children:
            continue
        used |= set(range(at, last))
        branch = Branch(request_type=kind, approval=b.approval, node=node)  # type: ignore[arg-type]
        if kind == "continuation":
            continued.append((cites, branch))
            continue
        condition = _condition(body, rule_title, title)
        title = "" if condition == title else title
        name = f"{condition[:1].upper()}{condition[1:]}, {title.lower()}" if condition else title
        name = name.rstrip(", ")
        out[number] = Indication(
            id=number,
            name=name or sentence[:80],
            text=head.text,
            page=head.page,
            icd10=F.icd10_codes(sentence),
            # the drugs the section authorizes, as a drug heading is (match.indication_for)
            section=m.group(1) if (m := _AUTHORIZES.search(body)) else sentence,
            branches=[branch],
        )
    if not out:
        return None
    for cites, branch in continued:
        for number in cites:
            ind = out[number]
            copy = branch.model_copy(update={"node": _copy(branch.node, number)})
            ind.branches.append(copy)
    problems.extend(local)
    return list(out.values()), used


def _copy(node: PolicyNode, prefix: str) -> PolicyNode:
    return node.model_copy(
        update={"id": f"{prefix}/{node.id}", "children": [_copy(c, prefix) for c in node.children]}
    )
