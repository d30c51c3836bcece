"""An item that grants coverage → an indication: its name, its initial and continuation
branches and how long each approval lasts."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.condition_vocabulary import PAREN, names_condition
from pipeline.policy.grant_words import granted_term
from pipeline.policy.groups import _node
from pipeline.policy.models import Branch, Indication, PolicyNode
from pipeline.policy.outline import _BULLETS, Item
from pipeline.policy.references import reference_fields
from pipeline.policy.section_names import drug_for_condition
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import (
    _APPROVE_FOR,
    _APPROVES,
    _BY_PATIENT,
    _CONTINUATION,
    _INITIAL,
    run_in_condition,
)
from pipeline.sources.parse import normalize

_NECESSARY_FOR = re.compile(
    r"(?:medically necessary|covered|granted)\s+(?:for|in)\s+(?:the treatment of\s+|"
    r"(?:adult |pediatric )?(?:patients|members|individuals) with\s+)?(.+?)"
    r"(?:\s+when\b|\s+if\b|\s+who\b|\s+in (?:patients|members)\b|[,:;]|\.\s|$)",
    re.I,
)


def _name(text: str) -> str:
    """The condition an item names: "... medically necessary for the treatment of X when"
    gives X; otherwise the words before its first sentence break or colon."""
    head = _head(text)
    m = _NECESSARY_FOR.search(text)
    if m and (head == text[:120].strip() or _NECESSARY_FOR.search(head)):
        return m.group(1).strip()
    return head


def _head(text: str) -> str:
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch in ".:" and depth <= 0 and (i + 1 == len(text) or text[i + 1] == " "):
            return text[:i].strip()
    return text[:120].strip()


# "Patient is Currently Receiving X. Approve for 1 year if the ..." / "Kawasaki disease
# (ICD-10 M30.3). Approve one course when the ...": the words before the criterion.
_LEAD_IN = re.compile(
    r"^(?:.{0,240}?[.:]\s+)?(?:approve|authorization|approval|coverage)\b[^.:;]{0,80}?"
    r"\b(?:if|when)\s+(?:the\s+)?(?=\w)",
    re.I,
)


def _criterion_only(node: PolicyNode, pages: PageText) -> PolicyNode:
    """A branch that is one criterion keeps the criterion's words, not the heading and
    approval sentence they follow (the words are still verbatim on the page)."""
    m = _LEAD_IN.match(node.text)
    if node.op != "leaf" or not m or len(node.text) - m.end() < 12:
        return node
    rest = node.text[m.end() :]
    found = pages.find(rest, node.page)
    if not found:
        return node
    kind, fields = F.classify(rest, node.notes)
    if (ref := reference_fields(rest)) is not None:
        kind, fields = "reference", ref
    return node.model_copy(
        update={"text": normalize(found[0]), "page": found[1], "kind": kind, "fields": fields}
    )


_APPROVE_WORD = re.compile(r"\bapprov(?:e|al)\b", re.I)


def _term(item: Item) -> str | None:
    """How long the approval lasts: an approval line or phrase, else the term the statement
    grants for ("coverage for 4 months is authorized if": grant_words.py)."""
    found = _APPROVE_FOR.search(" ".join([item.text, *item.notes]))
    return found.group(1) if found else granted_term(item.text)


def _branches(item: Item, ind_id: str, pages: PageText, problems: list[str]) -> list[Branch]:
    typed = [
        c
        for c in item.children
        if _INITIAL.match(c.text)
        or _CONTINUATION.match(c.text)
        and (c.children or _APPROVE_WORD.search(c.text) or not _BY_PATIENT.match(c.text))
    ]
    if not typed:
        node = _criterion_only(_node(item, ind_id, pages, problems), pages)
        approval = _term(item)
        # "Initial requests for X ... may be approved if" / "Continuation requests for X":
        # the statement names its own request type
        kind = (
            "initial"
            if _INITIAL.match(item.text)
            else "continuation"
            if _CONTINUATION.match(item.text) and not _BY_PATIENT.match(item.text)
            else "any"
        )
        return [Branch(request_type=kind, approval=approval, node=node)]  # type: ignore[arg-type]
    out: list[Branch] = []
    ids: set[str] = set()
    for k, child in enumerate(typed, 1):
        kind = "initial" if _INITIAL.match(child.text) else "continuation"
        node_id = f"{ind_id}.{child.label}"
        if node_id in ids:  # a label printed twice (a dosing list's "A." after the criteria's)
            node_id += f"#{k}"
        ids.add(node_id)
        node = _criterion_only(_node(child, node_id, pages, problems), pages)
        approval = _term(child)
        same = next((b for b in out if b.request_type == kind), None)
        doses = all(x.kind == "dose" for x in node.leaves())
        if same is None or node.op == "leaf" or same.node.op == "leaf" or doses:
            # a one-line "branch" (a dosing line, "Initial Therapy. Approve up to 10 mg/kg")
            # is no alternative set of criteria: it stays a branch of its own
            out.append(Branch(request_type=kind, approval=approval, node=node))
            continue
        # two branches of one kind ("has already received one course" / "two or more
        # courses"): either one answers the request, as the item's "ONE of" says
        if same.node.id != f"{ind_id}.{kind}":
            text, page, verified = _verbatim(item.text, item.page, pages)
            same.node = PolicyNode(
                id=f"{ind_id}.{kind}",
                text=text,
                page=page,
                op="any_of",
                n=1,
                verified=verified,
                children=[same.node],
            )
        same.node.children.append(node)
    return out


_CODE = F.ICD10_CODE
# "L40.50 - L40.59 | Psoriatic arthritis": a heading that opens with its ICD-10 code or range
_CODED_HEADING = re.compile(
    rf"^(?:ICD-?10(?:-CM)?(?:\s+codes?)?\s*:?\s*)?({_CODE})(?:\s*[-–]\s*({_CODE}))?"
    rf"\s*[|:–-]?\s+([A-Za-z].*)$"
)


# "Kawasaki disease (M30.3)", "Primary humoral immunodeficiency (ICD-10 D80.0-D83.9)",
# "alkaptonuria (ICD-10-CM E70.29)"
_CODED_TAIL = re.compile(
    rf"^(.*?[A-Za-z)].*?)\s*\((?:ICD-?10(?:-CM)?:?\s*)?({_CODE})(?:\s*[-–]\s*({_CODE}))?\)$"
)


# "Breast cancer, HER2-negative ICD-10: C50.011-C50.929": a name cell's codes on a line of
# their own after the name, codes and ranges only
_CODED_AFTER = re.compile(
    rf"^(.*?[A-Za-z)])[\s,;]+ICD-?10(?:-CM)?(?:\s+codes?)?\s*:?\s*"
    rf"((?:{_CODE})(?:\s*[-–,;]\s*(?:{_CODE}))*)[\s,;.]*$"
)


def coded_name(heading: str, *, tail: bool = True) -> tuple[str, list[str]]:
    """A condition's name without the ICD-10 code or range printed before it (or, with
    ``tail``, in brackets after it), and that code: ("Psoriatic arthritis",
    ["L40.50-L40.59"])."""
    text = heading.strip()
    if m := _CODED_HEADING.match(text):
        name, first, last = m.group(3), m.group(1), m.group(2)
    elif tail and (m := _CODED_TAIL.match(text)):
        name, first, last = m.group(1), m.group(2), m.group(3)
    elif tail and (m := _CODED_AFTER.match(text)):
        return m.group(1).strip(), F.icd10_codes(f"ICD-10 {m.group(2)}")
    else:
        return heading, []
    return name.strip(), [f"{first}-{last}" if last else first]


def _is_indication(item: Item) -> bool:
    """An item that grants coverage for a condition: 'Approve for ...', 'Authorization of
    6 months may be granted ...', '... is medically necessary ... when'."""
    return (
        item.style not in _BULLETS
        and bool(_APPROVES.search(item.text))
        and bool(item.children or item.style != "para")
    )


def _indication(
    item: Item, ind_id: str, hint: str, pages: PageText, problems: list[str]
) -> Indication:
    text, page, _ = _verbatim(item.text, item.page, pages)
    branches = _branches(item, ind_id, pages, problems)
    for b in branches:
        if b.request_type == "any":
            b.request_type = hint  # type: ignore[assignment]
    # A statement under a heading ("Facility-Based Polysomnogram" / "Members may be
    # eligible for ... when"): the heading names the indication.
    name = item.heading if item.heading and item.style == "para" else _name(text)
    if (run_in := run_in_condition(text)) is not None:
        # "Asthma (Initial Approval): X is approved when ...": the statement names its
        # condition and its branch itself, whatever heading (a field label) is above
        name = run_in[0]
        for b in branches:
            if b.request_type in {"any", hint}:
                b.request_type = run_in[1]  # type: ignore[assignment]
    # a statement's own name keeps its bracketed code ("X syndrome (ICD-10 M35.81)"): only
    # a heading that opens with its code is cut
    name, codes = coded_name(name, tail=False)
    return Indication(
        id=ind_id,
        name=name,
        text=text,
        page=page,
        icd10=F.icd10_codes(text) or codes,
        section=item.section,
        request_type=hint,  # type: ignore[arg-type]
        branches=branches,
    )


# "SECTION B: ", "Part 2 - ": a section's label before the condition it names
_SECTION_LABEL = re.compile(r"^(?:section|part)\s+[A-Z0-9]{1,3}\s*[:.\-–—]\s+(?=\S)", re.I)
# "(Jynarque)": one brand name, capitalized, in a parenthesis closing the name
_BRAND_TAIL = re.compile(
    r"\s*\(((?:[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?)(?:(?:,\s*|\s+or\s+|\s+and\s+)"
    r"[A-Z][a-z]{2,}(?:[ -][A-Z][a-z]+)?)*)\)\s*$"
)
_SMALL = {"of", "in", "and", "or", "the", "with", "due", "to", "for", "on", "by"}


# a parenthesis that says who or which request, not a brand: "Asthma (Adults)"
_NOT_BRANDS = {
    "adult",
    "adults",
    "child",
    "children",
    "pediatric",
    "pediatrics",
    "adolescents",
    "infants",
    "women",
    "men",
    "initial",
    "renewal",
    "continuation",
    "reauthorization",
}


def _condition(text: str) -> bool:
    """Names a condition: by its words, or as an abbreviation alone ("ADPKD")."""
    return names_condition(text) or bool(re.fullmatch(r"[A-Z][A-Z0-9\-]{1,9}", text.strip()))


def condition_name(name: str) -> str:
    """An indication's name as the condition it names: a section label before it and a
    brand in a parenthesis after it dropped ("SECTION B: CHRONIC WEIGHT MANAGEMENT
    (Wegovy)" → "Chronic weight management"), capitals in sentence case. A name that
    names no condition (a drug list's "Dupixent (Dupilumab)") is left as printed."""
    text = _SECTION_LABEL.sub("", name.strip())
    text = drug_for_condition(text) or text  # "Drug (Brand) for condition" (web pages)
    m = _BRAND_TAIL.search(text)
    if (
        m is not None
        and _condition(text[: m.start()])
        and not any(
            names_condition(b) or b.lower() in _NOT_BRANDS
            for b in re.split(r",\s*|\s+or\s+|\s+and\s+", m.group(1))
        )
    ):
        text = text[: m.start()]
    if text == name.strip() or not _condition(text):
        return name
    head = PAREN.sub("", text)
    if head.isupper() and len(head.split()) > 1:
        text = _sentence_case(text)
    return text


def _sentence_case(text: str) -> str:
    """Capitals in sentence case outside parentheses; short words other than the small
    ones are abbreviations ("CKD"), words with digits codes ("D56.1")."""
    out, depth = [], 0
    for w in text.split():
        plain = depth == 0 and not w.startswith("(") and w.isalpha()
        if plain and not out:
            w = w.capitalize()
        elif plain and (len(w) > 3 or w.lower() in _SMALL):
            w = w.lower()
        depth += w.count("(") - w.count(")")
        out.append(w)
    return " ".join(out)
