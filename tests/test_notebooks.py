"""Every notebook runs top to bottom (they are committed without outputs)."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit notebooks without outputs"
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
    # outputs a reader sees must not carry library deprecation noise (e.g. Pandas4Warning)
    streams = [o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
               if o.output_type == "stream"]
    noisy = [t for t in streams if any(w in t for w in ("Pandas4Warning", "FutureWarning", "DeprecationWarning"))]
    assert not noisy, noisy
