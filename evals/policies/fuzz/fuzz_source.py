"""The content the fuzzer re-renders: indications with their criteria trees, read from the
gold trees of the synthetic batches (their names, aliases, ICD-10 codes, groups and leaves'
first words), and their exclusions' first words.

The twocol-ocrelizumab policy is left out: it is the last synthetic policy never developed
on (evals/policies/README.md), and its trees stay unseen. Indications without a tree, and
the "other diagnoses" sections made of references to other documents, are left out too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

POLICIES = Path(__file__).resolve().parent.parent
BATCHES = ("synthetic", "synthetic2", "synthetic3", "synthetic4")
LEFT_OUT = {"synth4-twocol-ocrelizumab", "synth-medicaid-pdl"}  # unseen; drug rows, not conditions


@dataclass
class Source:
    """One source policy: its drug (from the file name) and what it covers."""

    stem: str
    drug: str
    indications: list[dict[str, Any]]
    exclusions: list[str] = field(default_factory=list)


def _usable(ind: dict[str, Any]) -> bool:
    return "initial" in ind and not ind["name"].lower().startswith("other")


def load_sources(root: Path = POLICIES) -> list[Source]:
    out = []
    for batch in BATCHES:
        for path in sorted((root / batch / "gold").glob("*.json")):
            if path.stem in LEFT_OUT:
                continue
            data = json.loads(path.read_text(encoding="utf-8"))
            inds = [i for i in data["indications"] if _usable(i)]
            if len(inds) < 2:
                continue
            drug = path.stem.rsplit("-", 1)[-1].capitalize()
            excl = [e["text"] for e in data.get("exclusions", []) if len(e["text"].split()) >= 2]
            out.append(Source(path.stem, drug, inds, excl))
    return out
