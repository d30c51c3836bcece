"""What every command group shares: the global options, the settings tree, the runtime
opened with a clear error, and the option types."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from pipeline.errors import UsageError
from pipeline.runtime import Pipeline
from pipeline.settings import Settings, load_settings

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="store folder (default .necessity/store; env NECESSITY_STORE)"),
]
DocTypeOpt = Annotated[
    list[str] | None,
    typer.Option("--doc-type", help="only these document types (policy, guideline, research)"),
]
PublisherOpt = Annotated[
    list[str] | None, typer.Option("--publisher", help="only publishers containing this text")
]
YearMinOpt = Annotated[int | None, typer.Option("--year-min", help="only documents from this year")]
YearMaxOpt = Annotated[
    int | None, typer.Option("--year-max", help="only documents up to this year")
]
ModeOpt = Annotated[
    str | None, typer.Option("--retrieval-mode", help="bm25, dense, hybrid or rerank")
]
_state: dict[str, object] = {}


def _retrieval_overrides(
    doc_type: list[str] | None,
    publisher: list[str] | None,
    year_min: int | None,
    year_max: int | None,
    mode: str | None,
) -> dict[str, object] | None:
    filters = {
        k: v
        for k, v in {
            "doc_types": doc_type,
            "publishers": publisher,
            "year_min": year_min,
            "year_max": year_max,
        }.items()
        if v
    }
    out: dict[str, object] = {"filters": filters} if filters else {}
    if mode:
        out["mode"] = mode
    return out or None


def global_options(
    settings_file: Annotated[
        Path | None, typer.Option("--settings", help="settings file (YAML/JSON/TOML)")
    ] = None,
    preset: Annotated[str | None, typer.Option(help="default, fast or quality")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    _state["settings_file"] = settings_file
    _state["preset"] = preset


def settings_from(**overrides: object) -> Settings:
    """The settings tree for this invocation: global options, then the command's own."""
    try:
        settings = load_settings(
            _state.get("settings_file"),  # type: ignore[arg-type]
            preset=_state.get("preset"),
            **overrides,
        )
    except (ValueError, FileNotFoundError) as exc:
        fail(str(exc))
    settings.ensure_home()
    return settings


def fail(message: str) -> NoReturn:
    """Stop the command: the group prints "error: ..." and exits 2."""
    raise UsageError(message)


def open_pipeline(settings: Settings, **parts: Any) -> Pipeline:
    """The command's one runtime (use it in a ``with`` block), its store opened now so a
    store that cannot be read (built with another embedder, say) is a clear error before
    any work; ``parts`` are ``Pipeline.open``'s (an LLM client, LLM slots...)."""
    pipeline = Pipeline.open(settings, **parts)
    pipeline.store  # noqa: B018 (the property opens it)
    return pipeline


def show_settings(
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The effective settings (preset < file < environment), each with what it does."""
    import json

    from pydantic import BaseModel

    settings = settings_from()
    values = settings.public_dict()
    rows: list[tuple[str, object, str]] = []

    def walk(model: type[BaseModel], data: dict, prefix: str) -> None:
        for name, field in model.model_fields.items():
            value = data.get(name)
            kind = field.annotation
            if isinstance(kind, type) and issubclass(kind, BaseModel) and name != "filters":
                walk(kind, value or {}, f"{prefix}{name}.")
            elif name in data:
                rows.append((prefix + name, value, field.description or ""))

    walk(type(settings), values, "")
    if as_json:
        typer.echo(json.dumps([{"key": k, "value": v, "about": a} for k, v, a in rows], indent=2))
        return
    width = max(len(k) for k, _, _ in rows)
    for key, value, about in rows:
        typer.echo(f"{key:{width}}  {json.dumps(value, default=str):24}  {about}")
