"""Case files (YAML or JSON) → ``Case`` and back, with errors that name the file and the
field."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from pipeline.errors import NecessityError
from pipeline.models import Case


class CaseError(NecessityError, ValueError):
    pass


def load_case(path: Path) -> Case:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return parse_case(text, str(path))


def save_case(case: Case, path: Path, header: str = "") -> None:
    """The case as YAML, owner-only (it holds patient facts), written whole or not at all."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = case.model_dump(mode="json", exclude_none=True)
    text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def parse_case(text: str, name: str) -> Case:
    """A case from YAML or JSON text; ``name`` (a file name) picks the format and is the
    name every error message gives."""
    is_yaml = Path(name).suffix.lower() in {".yaml", ".yml"}
    kind = "YAML" if is_yaml else "JSON"
    try:
        data = yaml.safe_load(text) if is_yaml else json.loads(text)
        return case_from_data(data, name)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise CaseError(f"{name}: not valid {kind} ({exc})") from exc
    except RecursionError as exc:  # a hostile file: lists inside lists, thousands deep
        raise CaseError(f"{name}: {kind} nested too deeply to be a case file") from exc


def case_from_data(data: object, name: str) -> Case:
    if not isinstance(data, dict):
        raise CaseError(f"{name}: expected a mapping of case fields at the top level")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"  {'.'.join(str(p) for p in err['loc']) or '(top level)'}: {err['msg']}"
            for err in exc.errors()
        ]
        raise CaseError(f"{name}: invalid case\n" + "\n".join(lines)) from exc
