"""Renewal statements that name the use they renew by its label: under one "Renewal"
heading after all the uses, "Use 1 renewal (12 months). Renew when ..." and "Use 2 renewal
..." each continue the indication headed "Use 1 - ..." / "Use 2 - ...".

The section reader reads such a heading as a branch of the last indication only; each of
its statements goes instead to the indication its label names ("Use 2", "Part B",
"Indication 3", "Section 1"), when every statement names one and they name more than one.
A legend before the uses that names each by number ("Covered uses: 1 transfusional iron
overload; 2 non-transfusion-dependent thalassemia") gives each labelled indication the
short name the policy itself uses for it.
"""

from __future__ import annotations

import re

from pipeline.policy.models import Branch, Indication, PolicyTree

_LABEL = re.compile(
    r"^((?:use|part|section|indication|condition|diagnosis|group|category|population)\s+"
    r"(?:[A-Z]|\d{1,2}|[IVX]{1,4}))\b",
    re.I,
)


def _label(text: str) -> str | None:
    m = _LABEL.match(text.strip())
    return " ".join(m.group(1).lower().split()) if m else None


def _by_label(indications: list[Indication]) -> dict[str, Indication]:
    out: dict[str, Indication] = {}
    for ind in indications:
        if (label := _label(ind.name)) is not None and label not in out:
            out[label] = ind
    return out


# "Covered uses: 1 X; 2 Y", "Indications: (1) X; (2) Y"
_LEGEND = re.compile(
    r"\b(uses|indications|conditions|parts|populations)\s*:\s*(\(?1\)?\.?\s+[^|]+)", re.I
)
_ENTRY = re.compile(r"^\(?(\d{1,2}|[A-Z])\)?\.?\s+(.+)$")


def name_listed_uses(tree: PolicyTree) -> None:
    """Each "Use N" indication's text ends with the short name the legend gives use N."""
    m = _LEGEND.search(tree.scope)
    if m is None:
        return
    kind = m.group(1).lower().rstrip("s")
    named = _by_label(tree.indications)
    for entry in re.split(r"\s*;\s*", m.group(2).strip()):
        e = _ENTRY.match(entry.strip())
        if e is None:
            break
        short = re.split(r"\s{2,}|\.\s", e.group(2))[0].strip(" .")
        ind = named.get(f"{kind} {e.group(1).lower()}")
        if ind is not None and short.lower() not in ind.text.lower():
            ind.text = f"{ind.text} ({short})"


def spread_use_renewals(tree: PolicyTree) -> None:
    """Move each labelled renewal statement to the indication its label names."""
    named = _by_label(tree.indications)
    if len(named) < 2:
        return
    for ind in tree.indications:
        for branch in list(ind.branches):
            root = branch.node
            if branch.request_type != "continuation" or len(root.children) < 2:
                continue
            labels = [_label(c.text) for c in root.children]
            if any(x not in named for x in labels) or len(set(labels)) < 2:
                continue
            ind.branches.remove(branch)
            # the heading's own missing logic is no problem once its statements are spread
            said = f"no combining logic stated for {root.text[:60]!r}"
            tree.problems = [p for p in tree.problems if said not in p]
            for child, label in zip(root.children, labels, strict=True):
                assert label is not None
                into = named[label]
                into.branches.append(
                    Branch(request_type="continuation", approval=branch.approval, node=child)
                )
    for ind in tree.indications:
        if any(b.request_type == "continuation" for b in ind.branches):
            for b in ind.branches:
                if b.request_type == "any":
                    b.request_type = "initial"
