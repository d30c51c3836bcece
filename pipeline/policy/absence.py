"""Groups that ask for the absence of their items ("Absence of the following comorbid
conditions: ...", "None of the following:"), read by De Morgan.

A compiled group keeps the logic its list reads as ("one of" for a list of conditions),
while its stem asks that none of them be present. Judged as printed, a patient without
any of the conditions would fail it and one with a condition would pass. Here each leaf
under such a stem is judged as printed (is the condition present?) and its answer turned
over (present: the criterion is not met), and the logic of the groups under the stem is
flipped (no condition of "one of A, B" present = A absent and B absent). A group that asks
"at least n" under such a stem is left as compiled: its turn-over is no one group.

A stem that refuses coverage of what it lists ("Will NOT be approved for patients with any
of the following:", "ERT ... is not reasonable and necessary, and is nationally non-covered,
in the following situations:") asks the same absence: where such a list stands among the
criteria, judged as printed it denied every patient outside it.
"""

from __future__ import annotations

import re

from pipeline.policy.grant_words import COVERAGE, REFUSES
from pipeline.policy.models import PolicyNode, Status

_ABSENCE_STEM = re.compile(
    r"^\s*(?:(?:the\s+)?absence of|none of|"
    r"no (?:history of |evidence of |diagnosis of )?(?:any of )?the following|"
    r"(?:does|do|must|should|shall) not have (?:any of )?the following|"
    r"without (?:any of )?the following)",
    re.I,
)
_FLIP = {"any_of": "all_of", "all_of": "any_of"}
# what a refusing stem refuses: coverage, approval, payment (with REFUSES' "will not", "does
# not"), or in its own words ("nationally non-covered", "not reasonable and necessary")
_NON_COVERED = re.compile(r"\bnon-?covered\b|\bnot\s+reasonable\s+and\s+necessary\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def refuses_its_list(stem: str) -> bool:
    """The stem's last sentence refuses coverage of "the following" and leads into them
    ("... will NOT be covered for the following:"); a note that refuses one use before a
    list of criteria ("NOTE: ... will NOT be approved for ISS Criteria:") names no list."""
    last = _SENTENCE_END.split(" ".join(stem.split()))[-1]
    if not (last.endswith(":") and re.search(r"\bthe following\b", last, re.I)):
        return False
    return bool(_NON_COVERED.search(last) or (REFUSES.search(last) and COVERAGE.search(last)))


def _flippable(node: PolicyNode) -> bool:
    return node.op == "leaf" or (node.op in _FLIP and all(_flippable(c) for c in node.children))


def read_absences(root: PolicyNode) -> tuple[PolicyNode, dict[str, str]]:
    """(a copy of the tree with the logic under absence stems flipped, leaf id → the stem
    that asks its absence, for the leaves whose answer is turned over)."""
    tree = root.model_copy(deep=True)
    turned: dict[str, str] = {}

    def flip(node: PolicyNode, stem: str) -> None:
        if node.op == "leaf":
            turned[node.id] = stem
            return
        node.op = _FLIP[node.op]  # type: ignore[assignment]
        for child in node.children:
            flip(child, stem)

    def walk(node: PolicyNode) -> None:
        asks_absence = _ABSENCE_STEM.match(node.text) or refuses_its_list(node.text)
        if node.op in _FLIP and asks_absence and _flippable(node):
            # the stem's own group: "absence of one of A, B" → all of (not A, not B)
            node.op = "all_of"  # type: ignore[assignment]
            for child in node.children:
                flip(child, node.text)
            return
        for child in node.children:
            walk(child)

    walk(tree)
    return tree, turned


def turn_over_under(status: Status, stem: str) -> tuple[Status, str]:
    """A leaf's answer under a stem that asks its absence, turned over, and the words for
    its reason. Under a stem that refuses coverage (a list of uses the policy does not
    cover, read among the criteria), an item present blocks an approval but denies nothing:
    such items name other drugs, doses and populations ("X given to a beneficiary under 40
    kg") that a reading of one of their parts misjudges, and a denial on one was wrong."""
    said = "present" if status == "met" else "absent"
    reason = f"{said}, and the policy asks its absence ({stem})"
    if status == "met" and refuses_its_list(stem):
        return "not_documented", f"{reason}: a refused use read among the criteria denies nothing"
    return turn_over(status), reason


def turn_over(status: Status) -> Status:
    return {"met": "not_met", "not_met": "met"}.get(status, status)  # type: ignore[return-value]
