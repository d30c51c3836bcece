"""The class a request that is no drug names after a comma in its own name: "Yellow fever
vaccine, live attenuated" is one of the live attenuated vaccines. Guidelines place such a
request by that class ("deferring live attenuated vaccines is conditionally recommended",
"a hold time of 1 dosing interval before live attenuated vaccine administration"), not by
its name; without the class those sentences read as another item of the kind.
"""

from __future__ import annotations

import re

from pipeline.retrieve.requests import RequestKind

# a qualifier of a few plain words: not a dose, a route, a code or a brand in brackets
_QUALIFIER = re.compile(r"^[a-z][a-z -]{2,40}$")
# what may stand between the qualifier and the kind's noun ("live attenuated virus vaccine")
_BETWEEN = ("", "virus ")


def qualifier_classes(request: str, kind: RequestKind | None) -> tuple[str, ...]:
    """ "live attenuated vaccin" and "live attenuated virus vaccin" for "Yellow fever
    vaccine, live attenuated (YF-Vax)" (the kind's noun stems: any form of it), or ()."""
    if kind is None or "," not in request:
        return ()
    head, rest = request.split(",", 1)
    qualifier = re.sub(r"\([^)]*\)", " ", rest).strip().lower()
    qualifier = " ".join(qualifier.split())
    if not _QUALIFIER.match(qualifier) or not re.search(
        rf"\b(?:{'|'.join(map(re.escape, kind.words))})", head, re.I
    ):
        return ()  # the comma is no qualifier of the kind's noun ("Vaccine X, 0.5 ml")
    return tuple(f"{qualifier} {b}{w}" for b in _BETWEEN for w in kind.words)
