"""The case as it is assembled from a packet, fact by fact, each with its source, and the
name matching every reader shares."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cases.packet import PacketPage
from pipeline.models import Diagnosis, FactSource, PriorTherapy


@dataclass
class Draft:
    """The case as it is assembled, fact by fact, each with its source."""

    age: tuple[int, FactSource] | None = None
    dob_age: tuple[int, FactSource] | None = None  # only when no age is written anywhere
    sex: tuple[str, FactSource] | None = None
    diagnoses: list[tuple[Diagnosis, FactSource]] = field(default_factory=list)
    drug: tuple[str, FactSource] | None = None
    treatment: dict[str, tuple[str, FactSource]] = field(default_factory=dict)
    prior: list[tuple[PriorTherapy, FactSource]] = field(default_factory=list)
    history: list[tuple[str, FactSource]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)  # instruction-like text, never facts
    withheld: set[str] = field(default_factory=set)
    identifiers: set[str] = field(default_factory=set)
    request_type: str = "initial"

    def add_diagnosis(self, dx: Diagnosis, src: FactSource) -> None:
        from pipeline.cases.vocabulary import icd10_for

        # One condition once, however it is written ("polyarticular JIA", "juvenile arthritis").
        codes = {d.icd10 or icd10_for(d.name) for d, _ in self.diagnoses} - {None}
        if any(same_name(dx.name, d.name) for d, _ in self.diagnoses) or (
            (dx.icd10 or icd10_for(dx.name)) in codes
        ):
            return
        self.diagnoses.append((dx, src))

    def count(self) -> int:
        return len(self.diagnoses) + len(self.prior) + len(self.history) + (self.drug is not None)

    def add_history(self, text: str, src: FactSource) -> None:
        if text and text not in {h for h, _ in self.history}:
            self.history.append((text, src))


def source(page: PacketPage, quote: str | None = None, label: str | None = None) -> FactSource:
    return FactSource(
        file=Path(page.file).name, page=page.page, quote=quote, field=label, ocr=page.ocr
    )


def flat_name(text: str) -> str:
    """Lower case, letters and digits only: "Crohn’s Disease" and "Crohn's disease" agree."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("’", "'").replace("'", "")).strip()


def same_name(a: str, b: str, ratio: float = 0.9) -> bool:
    """One name holds the other, or they differ by a slip ("Lennox-Gustaut"/"-Gastaut"):
    their letters agree to ``ratio`` or more."""
    from difflib import SequenceMatcher

    fa, fb = flat_name(a), flat_name(b)
    if not fa or not fb:
        return False
    if f" {fa} " in f" {fb} " or f" {fb} " in f" {fa} ":
        return True
    return SequenceMatcher(None, fa, fb).ratio() >= ratio
