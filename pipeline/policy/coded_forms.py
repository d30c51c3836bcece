"""Forms of a condition named by a diagnosis's ICD-10 code: the vocabulary lists some forms
with their codes ("lupus nephritis|LN|M32.14"), so "Glomerular disease in systemic lupus
erythematosus" (M32.14) is also "lupus nephritis", the form a policy may give an indication
of its own."""

from __future__ import annotations

import re

from pipeline.policy.fields import ICD10_CODE

_ICD = re.compile(ICD10_CODE)


def _coded_form(form: str, code: str) -> str:
    """The form's name where the code (no dot) starts with one it is listed with, else ''."""
    parts = form.split("|")
    codes = [p.replace(".", "") for p in parts if _ICD.fullmatch(p)]
    return parts[0] if code and any(code.startswith(c) for c in codes) else ""


def coded_forms(icd10: str | None) -> list[str]:
    """The names of the forms of conditions that the code names."""
    if not icd10:
        return []
    from pipeline.terms import vocabulary

    code = icd10.upper().replace(".", "")
    found = (_coded_form(f, code) for t in vocabulary()[1] for f in t.subtypes)
    return list(dict.fromkeys(f for f in found if f))
