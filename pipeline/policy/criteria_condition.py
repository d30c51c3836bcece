"""An indication whose title names no condition, named by the condition its criteria state
(issue 25): a drug's table ("TABLE 1 - DRUG X, INITIAL AUTHORIZATION"), a panel ("Panel 1.
Grass pollen tablet"), an order set or a form section titled by the drug alone still
states the diagnosis it grants for in a criterion ("Diagnosis of moderate plaque
psoriasis", "My patient is 12 or older and has atopic dermatitis", "Age 5 to 65 with
allergic rhinitis"). The condition is the words after the diagnosis' cue ("diagnosis of",
"has", "with") up to the last word that can only name a disease (a disease noun or form:
"psoriasis", "rhinitis", "disease"; not "response" or "specialist", which head ICD-10-CM
names too) before the phrase ends. The title stays in the name as what the indication is
for ("Atopic dermatitis (SECTION A - cream)"), so a name that told indications apart
still does."""

from __future__ import annotations

import re

from pipeline.policy.branch_names import REQUEST_WORD
from pipeline.policy.condition_vocabulary import (
    DISEASE_FORM,
    DISEASE_NOUNS,
    DOCUMENT_WORDS,
    condition_word,
    names_condition,
    words_of,
)
from pipeline.policy.grant_words import grant_words
from pipeline.policy.models import Indication, PolicyNode
from pipeline.policy.title_condition import title_condition, who_has_condition

# a criterion's cue before the diagnosis it states
_CUE = re.compile(
    # "has X", "with X", a question's "Does the patient have X?"
    r"\b(?:diagnos(?:is|ed)\s+(?:of|with)|has|have|with)"
    r"\s+(?:(?:a|an|the|active|definite|probable|definite\s+or\s+probable|confirmed)\s+)*",
    re.I,
)
# where the phrase naming the diagnosis ends: punctuation, a clause, a measure
_PHRASE_END = re.compile(
    r"[.,;:()?]|\s(?:by|according|confirmed|supported|based|as|who|that|which|and\s+(?:is|has|"
    r"was)|of\s+at\s+least|for\s+at\s+least|despite|after|before|on|at|in\s+the|\d)\b",
    re.I,
)
_MAX_WORDS, _FIRST_LEAVES, _MAX_TITLE_WORDS = 6, 3, 10


def stated_condition(text: str, *, strict: bool = True) -> str | None:
    """The condition a criterion states after its cue ("has nonsegmental vitiligo", "with
    allergic rhinitis, with or without ...", "Diagnosis of a relapsing form of multiple
    sclerosis (...)"), cut after its last disease word (``strict``: a criterion's other
    words head ICD-10-CM names too) or condition word; None where it states none."""
    said = _disease_word if strict else (lambda w: names_condition(w))
    for m in _CUE.finditer(text):
        rest = text[m.end() :]
        if (end := _PHRASE_END.search(rest)) is not None:
            rest = rest[: end.start()]
        words = rest.split()[:_MAX_WORDS]
        last = max((i for i, w in enumerate(words) if said(w)), default=None)
        if last is not None:
            return " ".join(words[: last + 1])
    return None


def _disease_word(word: str) -> bool:
    """A word that can only name a disease (a disease noun or form: "psoriasis",
    "syndrome"), where a criterion's other words ("response", "specialist") may head an
    ICD-10-CM name too."""
    return any(
        condition_word(w) and (w in DISEASE_NOUNS or DISEASE_FORM.fullmatch(w))
        for w in words_of(word)
    )


def _first_leaves(node: PolicyNode) -> list[PolicyNode]:
    return node.leaves()[:_FIRST_LEAVES]


def _lead_ins(node: PolicyNode) -> list[str]:
    """The lead-ins over the first criteria ("X should be reimbursed for adults with Y who
    meet all of the following:"): the group texts on the way down to the first leaf."""
    out: list[str] = []
    while node.children:
        out.append(node.text)
        node = node.children[0]
    return out


def criteria_condition(ind: Indication) -> str | None:
    """The condition the indication's first criteria state (its first request's, else any
    branch's), the first found."""
    branches = sorted(ind.branches, key=lambda b: b.request_type == "continuation")
    for branch in branches:
        # the lead-in that grants the list names its population's condition; then the
        # first criteria state it
        texts = [*_lead_ins(branch.node), *(x.text for x in _first_leaves(branch.node))]
        for text in texts:
            if (found := stated_condition(text)) is not None:
                return found
    return None


def condition_named(ind: Indication) -> str:
    """The indication's name as the condition it names: its title's condition part (labels,
    codes and request types dropped: title_condition.py), else, where the title names no
    condition, the one its criteria state with the title after it in a parenthesis
    (shortened to its first part when long), else the title as printed."""
    if (part := title_condition(ind.name)) is not None:
        return part[:1].upper() + part[1:]
    if grant_words(ind.name) and (who := who_has_condition(ind.name)) is not None:
        # a granting sentence read as the name ("For members who have X, we approve ...")
        return who[:1].upper() + who[1:]
    if names_condition(ind.name) or (found := criteria_condition(ind)) is None:
        return ind.name
    title = ind.name.strip()
    if set(words_of(REQUEST_WORD.sub(" ", title))) <= DOCUMENT_WORDS:
        # "Reimbursement condition Initiation": the document's part and a request type,
        # nothing that tells the indication apart
        title = ""
    if len(title.split()) > _MAX_TITLE_WORDS:
        title = re.split(r"\s+[-–—]\s+|[.:]\s", title)[0]
    condition = found[:1].upper() + found[1:]
    return f"{condition} ({title})" if title else condition
