"""A diagnosis confirmed by a gene test as one way of several ("Classic 21-hydroxylase
deficiency is confirmed by CYP21A2 genetic testing or by a markedly raised
17-hydroxyprogesterone ...", "confirmed Alagille syndrome, by a gene test (JAG1 or NOTCH2)
or by its typical signs"): met where a note gives a pathogenic variant of a gene it names
(genetic_variants reads the note). Met only: the other ways are not read here, so a test
without such a variant denies nothing."""

from __future__ import annotations

import re

from pipeline.models import CaseFact
from pipeline.policy.genetic_variants import judge_genetic_variant
from pipeline.policy.models import Found

_GENES = r"[A-Z][A-Z0-9]{2,7}(?:\s*(?:,|or|/)\s*[A-Z][A-Z0-9]{2,7})*"
_ASKED = re.compile(
    rf"\bconfirm\w*\b[^.;]{{0,60}}?\bby\s+(?:an?\s+)?(?:(?P<a>{_GENES})\s+(?:genetic|gene|"
    rf"molecular)\s+test(?:ing)?|(?:genetic|gene|molecular)\s+test(?:ing)?\s+\((?P<b>{_GENES})\))"
)


def judge_gene_confirmed(text: str, facts: list[CaseFact]) -> Found | None:
    m = _ASKED.search(text)
    if m is None:
        return None
    genes = re.findall(r"[A-Z][A-Z0-9]{2,7}", m.group("a") or m.group("b"))
    asked = f"a pathogenic variant of the {' or '.join(genes)} gene"
    found = judge_genetic_variant(asked, facts)
    if found is None or found[0] != "met":
        return None
    return found
