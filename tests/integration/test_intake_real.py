"""A real packet (AutoAuth, MIT) through `necessity case extract` on the embedded model:
the case loads, every fact is found again on its page, no identifier is copied. Structure
only; field precision and recall are measured by `necessity eval intake`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cases import load_case
from pipeline.cases.intake import verify_sources
from pipeline.cli import app
from tests.conftest import REPO

PACKET = REPO.parent / "shared" / "autoauth" / "cases" / "001" / "a"
pytestmark = pytest.mark.slow


def test_a_real_packet_becomes_a_case_on_the_embedded_model(tmp_path: Path) -> None:
    if not PACKET.exists():
        pytest.skip(f"../shared is absent ({PACKET} not found); it holds the AutoAuth packets")
    # The smallest slice that proves the path: the progress note (narrative, one model
    # call) and the filled PA form (typed values), not the whole packet.
    packet = tmp_path / "packet"
    packet.mkdir()
    for part in ("doctor_notes", "pa_form"):
        for pdf in (PACKET / part).glob("*.pdf"):
            shutil.copy(pdf, packet / pdf.name)
    home = tmp_path / "home"
    models = REPO / ".necessity" / "cache" / "models"
    if models.exists():
        (home / "cache").mkdir(parents=True)
        (home / "cache" / "models").symlink_to(models.resolve())
    out = tmp_path / "case.yaml"
    result = CliRunner().invoke(
        app, ["case", "extract", str(packet), "-o", str(out)], env={"NECESSITY_HOME": str(home)}
    )
    assert result.exit_code == 0, result.output
    case = load_case(out)
    assert case.intake is not None and case.intake.model  # the model read the note
    assert verify_sources(case, packet) == []
    assert case.sources and all(s.page for s in case.sources.values())
    assert all(s.quote or s.field for s in case.sources.values())
    assert case.patient.age == 10  # as the note states it, not computed from the DOB
    assert {s.file for s in case.sources.values()} >= {p.name for p in packet.iterdir()}
    text = out.read_text()
    for identifier in ("Sarah", "Sample", "4567890", "555-123-4567", "123456", "Randolph"):
        assert identifier not in text, identifier
    assert "names" in case.intake.withheld
