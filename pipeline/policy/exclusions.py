"""Uses a policy does not cover: listed exclusions and the catch-all ("experimental for
any other use")."""

from __future__ import annotations

import re

from pipeline.policy import fields as F
from pipeline.policy.groups import _subtree_text
from pipeline.policy.indications import _name
from pipeline.policy.models import Exclusion
from pipeline.policy.outline import Item
from pipeline.policy.verbatim import PageText, _verbatim
from pipeline.policy.wording import _CATCH_ALL


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


def _catch_all(item: Item, ex_id: str, pages: PageText) -> Exclusion:
    lead = r"(?:\b(?:is\(are\)|is|are)\s+)?(?:considered\s+)?"
    m = re.search(lead + _CATCH_ALL.pattern + r"[^.;:(]*", _subtree_text(item), re.I)
    sentence = m.group(0).strip() if m else item.text
    verbatim, page, verified = _verbatim(sentence, item.page, pages)
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
