"""The schema of the model's answer for one criterion: a status of three, and the facts
it rests on (ids of the facts shown, at most three)."""

from __future__ import annotations

from typing import Any


def judgment_schema(fact_ids: list[str], order: list[str] | None = None) -> dict[str, Any]:
    """The answer's schema; ``order`` (a prompt's front matter ``fields``) decides whether
    the model picks its facts before it labels (a model writes fields in schema order)."""
    properties = {
        "status": {"type": "string", "enum": ["met", "not_met", "not_documented"]},
        "facts": {
            "type": "array",
            "items": {"type": "string", "enum": fact_ids or ["NONE"]},
            "maxItems": 3,
        },
    }
    order = order or ["status", "facts"]
    return {
        "type": "object",
        "additionalProperties": False,
        "required": order,
        "properties": {k: properties[k] for k in order},
    }
