"""What a granting lead-in's section says about it (grant_lead_ins.py), for sheets that set
their lead-ins under request-type sections ("INITIAL AUTHORIZATION" over one run-in lead-in
per condition, "REAUTHORIZATION" over the renewals, as a highlights sheet or a bulletin):

- the request type of the nearest request-type heading above, however many lead-ins
  stand between (a heading of another kind, "NOT COVERED", ends its reach);
- a run-in label over a bare term ("Chemotherapy nausea: 6 more months when both apply:",
  "AIDS anorexia: 12 months when both apply:") grants that term for the condition named;
- a renewal named shorter than its condition's first request ("Chemotherapy nausea" after
  "Chemotherapy-induced nausea and vomiting", "AIDS anorexia" after "AIDS-related anorexia")
  joins the one indication whose name holds all its words.

compile.py takes this reading over another that read every lead-in as a condition of its
own with no request type (pairs_renewals).
"""

from __future__ import annotations

import re

from pipeline.policy.branch_names import branch_heading_kind
from pipeline.policy.lead_in_sentences import _is_heading
from pipeline.policy.models import Indication
from pipeline.policy.outline import Line

_TERM = r"(?:\d{1,2}|one|two|three|four|six|nine|twelve)"
# "X: 12 months when", "X: up to 6 more months if", "X: a further 6 months provided"
TERMED_RUN_IN = re.compile(
    rf"^(?P<label>[A-Z][^:.;]{{2,60}}?):\s+(?:(?:up\s+to|a\s+further|another)\s+)?{_TERM}\s+"
    r"(?:more\s+|further\s+|additional\s+)?(?:months?|weeks?|years?|days?|doses?|courses?)\b"
    r"[^:]{0,60}?\b(?:when|if|where|provided)\b",
    re.I,
)
_WORD = re.compile(r"[a-z0-9]+")


def section_kinds(lines: list[Line]) -> list[str | None]:
    """Per line, the request type the nearest heading above names ("INITIAL
    AUTHORIZATION" → initial), None under a heading of any other kind or none."""
    out: list[str | None] = []
    kind: str | None = None
    for line in lines:
        if _is_heading(line):
            kind = branch_heading_kind(line.text)
        out.append(kind)
    return out


def _words(name: str) -> set[str]:
    return set(_WORD.findall(name.lower()))


def join_renewals(out: list[Indication]) -> list[Indication]:
    """Each indication of renewals only, named by words that all stand in the name of one
    indication with no renewal of its own, joins it."""
    kept: list[Indication] = []
    for ind in out:
        if any(b.request_type != "continuation" for b in ind.branches):
            kept.append(ind)
            continue
        want = _words(ind.name)
        into = [
            i
            for i in kept
            if want
            and want <= _words(i.name)
            and not any(b.request_type == "continuation" for b in i.branches)
        ]
        if len(into) == 1:
            into[0].branches.extend(ind.branches)
        else:
            kept.append(ind)
    return kept


def untyped(indications: list[Indication]) -> bool:
    """No branch of a stated request type."""
    return bool(indications) and all(
        b.request_type == "any" for i in indications for b in i.branches
    )


def pairs_renewals(found: list[Indication], had: list[Indication]) -> bool:
    """The lead-ins pair renewals with their conditions where the other reading read each
    as a condition of its own, untyped: fewer indications, some with both a first request
    and a renewal, and most criteria the other reading read (it may have read the next
    section's items, "NOT COVERED", under the last lead-in)."""

    def leaves(inds: list[Indication]) -> int:
        return sum(len(b.node.leaves()) for i in inds for b in i.branches)

    paired = any({"initial", "continuation"} <= {b.request_type for b in i.branches} for i in found)
    return untyped(had) and paired and len(found) < len(had) and leaves(found) >= 0.75 * leaves(had)
