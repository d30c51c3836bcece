"""Eval datasets as JSONL records ``{id, inputs, expected, metadata, split}``, plus loaders
that turn the shared benchmarks into the same records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

REPO = Path(__file__).resolve().parents[2]


class Record(BaseModel):
    id: str
    inputs: dict[str, Any]
    expected: dict[str, Any] = Field(default_factory=dict)
    metadata: dict[str, Any] = Field(default_factory=dict)
    split: str = "test"


def load_jsonl(path: Path) -> list[Record]:
    records = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(Record.model_validate_json(line))
        except ValidationError as exc:
            raise ValueError(
                f"{path}:{n}: not a dataset record ({exc.errors()[0]['msg']})"
            ) from exc
    return records


def load_pubmedqa(path: Path) -> list[Record]:
    """PubMedQA labelled set (PMID → question, abstract sections, yes/no/maybe)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a PubMedQA JSON file ({exc})") from exc
    return [
        Record(
            id=pmid,
            inputs={"question": item["QUESTION"], "context": " ".join(item["CONTEXTS"])},
            expected={"answer": item["final_decision"]},
            metadata={"labels": item.get("LABELS", []), "source": "pubmedqa pqa-l"},
            split="dev",
        )
        for pmid, item in raw.items()
    ]


def load_dataset(spec: str | Path, limit: int | None = None, split: str | None = None):
    """A dataset by path: ``.jsonl`` records, or PubMedQA's ``pqal_*.json``."""
    path = Path(spec)
    if not path.is_absolute() and not path.exists():
        path = REPO / path
    if not path.exists():
        raise FileNotFoundError(f"dataset {spec}: no such file")
    records = load_pubmedqa(path) if path.suffix == ".json" else load_jsonl(path)
    if split:
        records = [r for r in records if r.split == split]
    return records[:limit] if limit else records
