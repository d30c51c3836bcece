"""A title's condition spelled out as the document spells it: a title mixing a condition's
word with others ("Duchenne Outcomes Registry") names the condition the text writes in
full ("Duchenne muscular dystrophy"), the longest run of condition words (ICD-10-CM
vocabulary) holding the title's first condition word."""

from __future__ import annotations

import re

from pipeline.policy.condition_vocabulary import _condition_vocabulary, words_of

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def spelled_condition(head: str, pages: list[str]) -> str:
    """The document's fuller run of condition words for ``head``, else ``head``: a title
    made only of condition words is kept as it is."""
    vocab = _condition_vocabulary()
    words = words_of(head)
    known = [w for w in words if w in vocab]
    if not known or len(known) == len(words):
        return head
    best: list[str] = []
    tokens = _WORD.findall(" ".join(pages))
    for i, token in enumerate(tokens):
        if token.lower() != known[0]:
            continue
        run = [token]
        for nxt in tokens[i + 1 :]:
            if nxt.lower() not in vocab:
                break
            run.append(nxt)
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return head
    return " ".join([best[0][:1].upper() + best[0][1:], *best[1:]])
