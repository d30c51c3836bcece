"""The real parts and the test fakes fit the same protocols (pipeline/ports.py), so a fake that
drifts from the class it stands in for fails here rather than passing tests it should not."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from pipeline import ports
from pipeline.check.judge import SupportJudge
from pipeline.llm import CountingClient, OpenAICompatClient
from pipeline.sources.embed import E5Embedder, MiniLMFp32Embedder, MiniLMOnnxEmbedder
from pipeline.sources.store import Store
from tests.fakes import FakeLLM, HashingEmbedder, InMemoryStore


def _methods(proto: type) -> dict[str, inspect.Signature]:
    """The protocol's methods (properties excluded) and their signatures."""
    return {
        name: inspect.signature(member)
        for name, member in vars(proto).items()
        if inspect.isfunction(member) and not name.startswith("_")
    }


def _same_parameters(real: inspect.Signature, wanted: inspect.Signature) -> bool:
    """Same parameter names, kinds and default presence (annotations are not compared:
    the fakes may spell them more loosely)."""

    def shape(sig: inspect.Signature) -> list[tuple[str, object, bool]]:
        return [(p.name, p.kind, p.default is p.empty) for p in sig.parameters.values()]

    return shape(real) == shape(wanted)


@pytest.mark.parametrize(
    ("cls", "proto"),
    [
        (Store, ports.Store),
        (InMemoryStore, ports.Store),
        (MiniLMOnnxEmbedder, ports.Embedder),
        (MiniLMFp32Embedder, ports.Embedder),
        (E5Embedder, ports.Embedder),
        (HashingEmbedder, ports.Embedder),
        (OpenAICompatClient, ports.LLM),
        (CountingClient, ports.LLM),
        (FakeLLM, ports.LLM),
        (SupportJudge, ports.Judge),
    ],
    ids=lambda x: getattr(x, "__name__", str(x)),
)
def test_class_has_the_protocols_methods(cls: type, proto: type) -> None:
    for name, wanted in _methods(proto).items():
        member = getattr(cls, name, None)
        assert callable(member), f"{cls.__name__} lacks {proto.__name__}.{name}"
        assert _same_parameters(inspect.signature(member), wanted), (
            f"{cls.__name__}.{name}{inspect.signature(member)} differs from "
            f"{proto.__name__}.{name}{wanted}"
        )
    for name, member in vars(proto).items():
        if isinstance(member, property):
            assert hasattr(cls, name), f"{cls.__name__} lacks {proto.__name__}.{name}"


def test_instances_fit_at_run_time(tmp_path: Path) -> None:
    embedder = HashingEmbedder()
    assert isinstance(embedder, ports.Embedder)
    assert isinstance(MiniLMFp32Embedder(), ports.Embedder)  # lazy: loads no model
    assert isinstance(InMemoryStore(tmp_path, embedder), ports.Store)
    fake = FakeLLM()
    assert isinstance(fake, ports.LLM)
    assert isinstance(CountingClient(fake), ports.LLM)
    assert isinstance(OpenAICompatClient("http://127.0.0.1:9/v1", "m", None), ports.LLM)
    assert isinstance(SupportJudge(embedder), ports.Judge)  # coverage judge: no weights
