"""Indications a policy splits by one qualifier: "Hemophilia A WITH factor VIII inhibitors"
beside "Hemophilia A WITHOUT inhibitors", "with" / "without chronic kidney disease".

The qualifier, not the shared condition, says which is the case's: the words of a "with X"
qualifier are no evidence that a case of the condition belongs there. The case settles it
where a fact states X absent (``judge_restated`` of "No X") or where its question or
diagnoses say "without X" / "with ... X"; where nothing settles it, the matcher's pick
between the two is a guess, and a guess decides no verdict.
"""

from __future__ import annotations

import re

from pipeline.models import Case
from pipeline.policy.models import Indication, PolicyTree

# "WITH factor VIII inhibitors: renewal (12 months)": the qualifier runs to a colon,
# parenthesis, dash or comma
QUALIFIER = re.compile(r"\b(with|without)\s+([A-Za-z][^:;,()\u2013\u2014]*)", re.I)
_FILLER = {"a", "an", "the", "any", "current", "known", "documented", "factor", "of", "and", "or"}


def _head(phrase: str) -> str:
    """The qualifier's last content word as a stem its singular and plural share
    ("inhibitors" -> "inhibitor", "antibodies" -> "antibod")."""
    kept = [w for w in re.findall(r"[a-z0-9]+", phrase.lower()) if w not in _FILLER]
    if not kept:
        return ""
    return re.sub(r"(?<=\w{3})(?:ies|y|s)$", "", kept[-1])


def qualifier(name: str) -> tuple[bool, str, str] | None:
    """(present?, head word, phrase) of a name's first with/without qualifier."""
    m = QUALIFIER.search(name)
    if not m or not (head := _head(m.group(2))):
        return None
    return m.group(1).lower() == "with", head, m.group(2).strip()


def _said_in(case: Case, head: str) -> bool | None:
    """What the case's question and diagnoses say of the qualifier: absent, present, silent."""
    text = " ".join([case.question or "", *(d.name for d in case.diagnoses)]).lower()
    near = rf"(?:[\w-]+\s+){{0,3}}{re.escape(head)}\w*"
    if re.search(rf"\b(?:without|no|negative for)\s+{near}", text):
        return False
    if re.search(rf"\b(?:with|and|has|having)\s+{near}", text):
        return True
    return None


def _case_has(case: Case, head: str, phrase: str) -> bool | None:
    from pipeline.cases import case_facts
    from pipeline.policy.restated import judge_restated

    found = judge_restated(f"No {phrase}", case_facts(case), case.requested_treatment.drug)
    if found is not None and found[0] == "met":
        return False
    return _said_in(case, head)


def contrasted(tree: PolicyTree, ind: Indication) -> tuple[bool, str, str] | None:
    """The qualifier of an indication that a sibling states the other way round."""
    own = qualifier(ind.name)
    if own is None:
        return None
    for other in tree.indications:
        theirs = qualifier(other.name) if other.id != ind.id else None
        if theirs and theirs[1] == own[1] and theirs[0] != own[0]:
            return own
    return None


def contrast_fit(case: Case, tree: PolicyTree, ind: Indication) -> tuple[bool | None, str]:
    """Whether the case is on the indication's side of a with/without split: True, False,
    or None (the case does not say), with the qualifier's words; (True, '') where the
    indication is split by nothing."""
    own = contrasted(tree, ind)
    if own is None:
        return True, ""
    present, head, phrase = own
    has = _case_has(case, head, phrase)
    return (None if has is None else has == present), phrase
