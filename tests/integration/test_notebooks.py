"""Both notebooks execute top to bottom on small slices with the embedded model."""

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("name", ["prompt-tuning.ipynb", "grounding-analysis.ipynb"])
def test_notebook_executes(name, needs_shared, real_store, monkeypatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # The kernel inherits these: a 2-example slice, and the session's sample store.
    monkeypatch.setenv("NECESSITY_NOTEBOOK_SLICE", "2")
    monkeypatch.setenv("NECESSITY_STORE", str(real_store.path))
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        book, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}
    )
    client.execute()
    outputs = [o for cell in book.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    if name == "prompt-tuning.ipynb":
        assert "accuracy change:" in text and "run report:" in text
    else:
        assert "== ivig-jia:" in text and "citation_recall" in "".join(
            str(o.get("data", {})) for o in outputs
        )
