"""Versioned prompt files in ``prompts/`` (``name@version.md``): front matter + sections."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
_SECTION = re.compile(r"^## (system|user)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    system: str
    user: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False)  # the front matter

    @property
    def id(self) -> str:
        return f"{self.name}@{self.version}"

    def render(self, **values: str) -> list[dict[str, str]]:
        def fill(template: str) -> str:
            # Plain replacement: passages may contain braces that str.format would choke on.
            for key, value in values.items():
                template = template.replace("{" + key + "}", value)
            return template

        return [
            {"role": "system", "content": fill(self.system).strip()},
            {"role": "user", "content": fill(self.user).strip()},
        ]


def load_prompt(ref: str, directory: Path | None = None) -> Prompt:
    """``ref`` is ``name@version`` or a path to a prompt file."""
    path = Path(ref) if ref.endswith(".md") else (directory or PROMPTS_DIR) / f"{ref}.md"
    if not path.exists():
        raise FileNotFoundError(f"prompt {ref!r} not found at {path}")
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?)\n---\n", text, re.DOTALL)
    if not match:
        raise ValueError(f"{path}: prompt file needs a front matter block (name, version)")
    meta = yaml.safe_load(match.group(1)) or {}
    body = text[match.end() :]
    parts = _SECTION.split(body)
    sections = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    if "user" not in sections:
        raise ValueError(f"{path}: prompt file needs a '## user' section")
    return Prompt(
        name=str(meta.get("name", path.stem.split("@")[0])),
        version=str(meta.get("version", "0")),
        system=sections.get("system", ""),
        user=sections["user"],
        meta=meta,
    )
