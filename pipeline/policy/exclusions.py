"""Uses a policy does not cover: listed exclusions and the catch-all ("experimental for
any other use")."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.groups import _subtree_text
from pipeline.policy.indications import _name, coded_name
from pipeline.policy.models import Exclusion
from pipeline.policy.outline import Item
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import (
    _CATCH_ALL,
    _EXCLUSION_SECTION,
    _GENERIC_HEADING,
    _LIMITS_SECTION,
)


def _exclusion(item: Item, ex_id: str, pages: PageText) -> Exclusion:
    text, page, verified = _verbatim(item.text, item.page, pages)
    catch_all = bool(_CATCH_ALL.search(text))
    return Exclusion(
        id=ex_id,
        name="any use not listed in the policy" if catch_all else _name(text),
        text=text,
        page=page,
        icd10=F.icd10_codes(text),
        catch_all=catch_all,
        verified=verified,
    )


# "X is not medically necessary for rheumatoid arthritis, because ...": a paragraph whose
# first sentence denies coverage
_DENIES = re.compile(
    r"^[^.]{0,120}?\b(?:is|are)\s+(?:considered\s+)?(?:not medically necessary|not covered|"
    r"experimental|investigational|unproven)\b",
    re.I,
)
_NOT_LISTED = re.compile(
    r"\b(?:all|any) other\b|\bnot listed\b|\bnot (?:specifically )?addressed\b", re.I
)


def heading_exclusion(item: Item, ex_id: str, pages: PageText) -> Exclusion | None:
    """A condition heading over one paragraph that denies coverage ("M05.00 - M06.9
    Rheumatoid arthritis" / "Secukinumab is not medically necessary for rheumatoid
    arthritis ..."): an exclusion named by the heading; "All other codes" over "...
    experimental for every condition not listed ..." is the catch-all."""
    heading = " ".join(item.heading.split())
    text = " ".join(item.text.split())
    if (
        item.children
        or item.style != "para"
        or not heading
        or _EXCLUSION_SECTION.search(heading)
        or _LIMITS_SECTION.search(heading)
        or _GENERIC_HEADING.search(heading)  # "Policy", "Quantity Limit Criteria": no condition
        or not _DENIES.match(text)
    ):
        return None
    if _NOT_LISTED.search(heading) or _NOT_LISTED.search(text[:200]):
        return _unlisted(item.text, item.page, ex_id, pages)
    verbatim, page, verified = _verbatim(item.text, item.page, pages)
    name, codes = coded_name(heading)
    return Exclusion(
        id=ex_id,
        name=name,
        text=verbatim,
        page=page,
        icd10=F.icd10_codes(text) or codes,
        verified=verified,
    )


def _catch_all(item: Item, ex_id: str, pages: PageText) -> Exclusion:
    lead = r"(?:\b(?:is\(are\)|is|are)\s+)?(?:considered\s+)?"
    m = re.search(lead + _CATCH_ALL.pattern + r"[^.;:(]*", _subtree_text(item), re.I)
    sentence = m.group(0).strip() if m else item.text
    return _unlisted(sentence, item.page, ex_id, pages)


def _unlisted(sentence: str, at: int, ex_id: str, pages: PageText) -> Exclusion:
    """The catch-all: every use the policy does not list, as ``sentence`` says."""
    verbatim, page, verified = _verbatim(sentence, at, pages)
    return Exclusion(
        id=ex_id,
        name="any use not listed in the policy",
        text=verbatim,
        page=page,
        catch_all=True,
        verified=verified,
    )


def _dedupe(exclusions: list[Exclusion]) -> list[Exclusion]:
    seen: set[tuple[str, bool]] = set()
    out = []
    for ex in exclusions:
        key = (ex.text.lower(), ex.catch_all)
        if key not in seen:
            seen.add(key)
            out.append(ex)
    return out


# "use as X; use for Y; use in Z; beneficiary is pregnant": one exclusion per part
_SEMI = re.compile(r";\s*(?:(?:and|or)\s+)?", re.I)
# "D1. Use with ... D2. Active infection ...": items labelled by one letter and their number
# that layout text ran into one paragraph
_LETTER_NUMBER = re.compile(r"(?:^|(?<=\s))([A-Z])(\d{1,2})\.\s+")


def _labelled(text: str) -> list[str]:
    """The items of a paragraph made of "D1. ... D2. ..." items, numbered from 1 under
    one letter; [] for any other paragraph."""
    marks = list(_LETTER_NUMBER.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    letter = marks[0].group(1)
    if [(m.group(1), m.group(2)) for m in marks] != [
        (letter, str(k)) for k in range(1, len(marks) + 1)
    ]:
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [text[m.end() : end].strip(" .;,") for m, end in zip(marks, ends, strict=True)]


def semicolon_exclusions(item: Item, ex_id: str, pages: PageText) -> list[Exclusion]:
    """The uses one paragraph under an exclusion heading lists, set off by semicolons
    ("DENIAL CRITERIA: Use as ...; use for ...; beneficiary is pregnant.") or by "D1." /
    "D2." labels run into it; [] where the paragraph is one sentence."""
    text = " ".join(item.text.split())
    parts = _labelled(text) or [p.strip(" .;,") for p in _SEMI.split(text)]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return []
    items = [Item("inline", "", p, item.page, item.indent, item.section) for p in parts]
    return [_exclusion(x, f"{ex_id}.{i}", pages) for i, x in enumerate(items, 1)]
