"""What a model prompt shows beside a criterion, shared by the three-way judgment
(judge.py) and the fact question (fact_question.py)."""

from __future__ import annotations

from pipeline.policy.models import PolicyNode


def criterion_notes(node: PolicyNode, context: str = "") -> str:
    """What the prompt shows beside a criterion: its notes and the stem of the group it is
    an item of, each quoted as data."""
    notes = "\n".join(f"NOTE: <<<{n}>>>" for n in node.notes)
    if context:
        notes = f"THIS CRITERION IS AN ITEM OF: <<<{context}>>>\n{notes}".rstrip()
    return notes
