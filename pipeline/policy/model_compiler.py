"""``policy.compiler: model``: a strong endpoint proposes a policy's criteria tree from its
layout text; code keeps only what is printed where the model says (model_check.py).

The default (``rules``) never calls a model for structure: the layout compiler
(compile.py) reads the tree, and the embedded 1.5B model is too weak to be trusted with
it. With ``model``, the layout text goes to the endpoint a window of whole pages at a time
(``policy.compiler_window_tokens``), under one strict JSON schema; the checked proposals
make one tree marked ``model:<name>``, unconfirmed until a person confirms it, like the
rules compiler's. Where the endpoint fails, answers something that is not a tree, or
cannot be reached, the problems say so and the rules compiler's tree is used instead.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.errors import NecessityError
from pipeline.llm import LLMClient, LLMError, open_llm
from pipeline.llm.prompts import Prompt, load_prompt
from pipeline.policy.compile import COMPILER_VERSION, PolicyCompileError, compile_policy
from pipeline.policy.layout_text import Line, layout_lines, raw_pages
from pipeline.policy.model_check import ProposedTree, checked_tree
from pipeline.policy.models import PolicyTree
from pipeline.policy.verbatim import PageText
from pipeline.settings import Settings
from pipeline.sources.parse import parse_pdf

log = logging.getLogger(__name__)

MODEL_PREFIX = "model:"
_CHARS_PER_TOKEN = 4  # a budget, not a count: windows only need to fit the context
_PROMPT_TOKENS = 900  # the prompt's own words and the schema, roughly


class ModelCompileFailed(NecessityError, RuntimeError):
    """The model gave no usable tree (no answer, or one that is not a tree)."""


def _strict(node: Any) -> Any:
    """Pydantic's schema for strict structured output: no extra keys, every key required,
    the recursive node kept as a ``$ref`` (a tree has no fixed depth)."""
    if isinstance(node, dict):
        out = {k: _strict(v) for k, v in node.items() if k not in {"title", "default"}}
        if "properties" in node:  # field names, not keywords: a field may be called "title"
            out["properties"] = {k: _strict(v) for k, v in node["properties"].items()}
        if out.get("type") == "object":
            out["additionalProperties"] = False
            out["required"] = list(out.get("properties", {}))
        return out
    if isinstance(node, list):
        return [_strict(x) for x in node]
    return node


SCHEMA: dict[str, Any] = _strict(ProposedTree.model_json_schema())


def compiler_name(settings: Settings) -> str:
    """What a tree compiled under these settings says compiled it."""
    if settings.policy.compiler == "model":
        return MODEL_PREFIX + settings.llm.model
    return COMPILER_VERSION


def attempt(settings: Settings) -> str:
    """What a model compile was tried with: a fallback tree cached under another attempt
    (another model, endpoint or prompt) is compiled again."""
    where = settings.llm.base_url or "the embedded model"
    return f"{compiler_name(settings)} at {where}, prompt {settings.policy.compiler_prompt}"


def cached_ok(tree: PolicyTree, settings: Settings | None) -> bool:
    """A cached tree may be used: made by the compiler the settings ask for, or the rules
    compiler's fallback for the same model attempt (a failing endpoint is not asked again
    at every ingest). A reader without settings (a review, the web page) takes what ingest
    compiled, either kind."""
    if settings is None:
        return tree.compiler == COMPILER_VERSION or tree.compiler.startswith(MODEL_PREFIX)
    if settings.policy.compiler == "model" and tree.fallback_for:
        return tree.fallback_for == attempt(settings)
    return tree.compiler == compiler_name(settings) and not tree.fallback_for


def compile_by_settings(
    path: Path,
    *,
    source_id: str,
    title: str,
    settings: Settings | None,
    llm: LLMClient | None = None,
) -> PolicyTree:
    """The one place a policy's compiler is chosen: the rules compiler unless the settings
    say ``policy.compiler: model``; then the model's checked tree, or the rules compiler's
    with the model's failure among its problems. ``llm``: a client already open (tests'
    fake, a caller's runtime); else one is opened for this policy."""
    if settings is None or settings.policy.compiler == "rules":
        return compile_policy(path, source_id=source_id, title=title)
    try:
        if llm is not None:
            return compile_with_model(
                path, source_id=source_id, title=title, llm=llm, settings=settings
            )
        if settings.is_embedded_llm:
            log.warning(
                "policy.compiler: model with the embedded model (%s): its trees are weak; "
                "set llm.base_url to a strong endpoint",
                settings.llm.model,
            )
        with open_llm(llm_settings(settings)) as client:
            return compile_with_model(
                path, source_id=source_id, title=title, llm=client, settings=settings
            )
    except (NecessityError, OSError) as exc:  # the model failed, answered nothing usable
        tree = compile_policy(path, source_id=source_id, title=title)
        tree.problems.insert(
            0,
            f"{compiler_name(settings)} gave no usable tree ({exc}); this is the rules "
            f"compiler's tree ({COMPILER_VERSION}), kept for these settings "
            "(necessity ingest --policy FILE --recompile asks the model again)",
        )
        tree.fallback_for = attempt(settings)
        return tree


def compile_with_model(
    path: Path, *, source_id: str, title: str, llm: LLMClient, settings: Settings
) -> PolicyTree:
    """The model's proposal for each window of pages, checked against the pages."""
    pages = PageText([p.text for p in parse_pdf(path)])
    try:
        lines = layout_lines(raw_pages(Path(path)))
    except Exception as exc:  # noqa: BLE001 layout extraction fails in its own ways
        raise PolicyCompileError(
            f"{path}: layout extraction failed ({type(exc).__name__})"
        ) from exc
    if not lines:
        raise PolicyCompileError(f"{path}: no text in layout extraction")
    prompt = load_prompt(settings.policy.compiler_prompt)
    proposals = [
        propose(llm, prompt, title, first, last, len(pages.pages), text)
        for first, last, text in windows(lines, window_tokens(settings))
    ]
    return checked_tree(
        proposals,
        pages,
        source_id=source_id,
        file=str(Path(path).resolve()),
        title=title,
        compiler=MODEL_PREFIX + llm.model,
    )


def answer_tokens(settings: Settings) -> int:
    """The longest answer: a tree is longer than a judgment (compiler_max_tokens), and
    the embedded model's answer shares its context with the policy text (half of it)."""
    answer = max(settings.llm.max_tokens, settings.policy.compiler_max_tokens)
    return min(answer, settings.llm.n_ctx // 2) if settings.is_embedded_llm else answer


def llm_settings(settings: Settings) -> Settings:
    """The settings to open the compiling client with: its answers as long as a tree."""
    llm = settings.llm.model_copy(update={"max_tokens": answer_tokens(settings)})
    return settings.model_copy(update={"llm": llm})


def window_tokens(settings: Settings) -> int:
    """Policy text per call: the setting, and for the embedded model what its context
    holds beside the prompt and the answer."""
    budget = settings.policy.compiler_window_tokens
    if settings.is_embedded_llm:
        budget = min(budget, settings.llm.n_ctx - answer_tokens(settings) - _PROMPT_TOKENS)
    return max(budget, 500)


def page_texts(lines: list[Line]) -> dict[int, str]:
    """Each page's layout text, running headers and footers gone, indentation halved (it
    nests the lists; the columns' full width would double the tokens)."""
    out: dict[int, list[str]] = {}
    for line in lines:
        out.setdefault(line.page, []).append(" " * min(line.indent // 2, 30) + line.text)
    return {page: "\n".join(texts) for page, texts in out.items()}


def windows(lines: list[Line], budget_tokens: int) -> list[tuple[int, int, str]]:
    """(first page, last page, text): whole pages, as many as the budget holds (a page
    larger than the budget goes alone)."""
    budget = budget_tokens * _CHARS_PER_TOKEN
    out: list[tuple[int, int, str]] = []
    first = last = 0
    parts: list[str] = []
    for page, text in sorted(page_texts(lines).items()):
        block = f"=== page {page} ===\n{text}"
        if parts and sum(len(p) for p in parts) + len(block) > budget:
            out.append((first, last, "\n\n".join(parts)))
            parts = []
        if not parts:
            first = page
        parts.append(block)
        last = page
    if parts:
        out.append((first, last, "\n\n".join(parts)))
    return out


def propose(
    llm: LLMClient, prompt: Prompt, title: str, first: int, last: int, pages: int, text: str
) -> ProposedTree:
    messages = prompt.render(
        title=title, first=str(first), last=str(last), pages=str(pages), text=text
    )
    try:
        result = llm.complete_json(messages, SCHEMA, "policy_tree")
    except LLMError as exc:
        raise ModelCompileFailed(f"pages {first}-{last}: {exc}") from exc
    try:
        return ProposedTree.model_validate(result.data)
    except ValidationError as exc:
        first_error = exc.errors()[0]
        where = ".".join(str(x) for x in first_error["loc"])
        raise ModelCompileFailed(
            f"pages {first}-{last}: the answer is not a policy tree ({where}: {first_error['msg']})"
        ) from exc
