"""Notebook regression: each notebook of the toc re-executed from scratch must reproduce its committed outputs.

The committed outputs are the reference (`make regen` rewrites them). Nothing is ignored beyond
pytest-notebook's defaults: outputs are deterministic at the source (spec-hash ids, no timestamps).
A failure names the notebook, says to run `make regen` if the change was intended, and lists the
changed values (chart specs leaf by leaf, glued values), not SVG bodies; the full diff goes to a file.
"""

from pathlib import Path

import pytest

from axbook import failures, stale, toc
from axbook.paths import ROOT

NOTEBOOKS = toc.notebooks()
DIFFS = ROOT / "_build" / "regression"


def stale_message(path: Path, stored, fresh, full_diff: str) -> str:
    DIFFS.mkdir(parents=True, exist_ok=True)
    diff_file = DIFFS / f"{path.stem}.diff"
    diff_file.write_text(full_diff, encoding="utf-8")
    name = path.relative_to(ROOT)
    changes = stale.changed_values(stored, fresh)
    return "\n".join([
        f"outputs of {name} are stale: a fresh run differs from the stored outputs.",
        f"If you meant the change, run `make regen` (or `.venv/bin/python -m axbook.regen {name}`), read the diff, commit.",
        f"Changed values ({len(changes)} line(s); full diff in {diff_file.relative_to(ROOT)}):",
        *(f"  {line}" for line in changes),
    ])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_reproduces_its_outputs(nb_regression, path):
    nb_regression.diff_color_words = False
    result = nb_regression.check(str(path), raise_errors=False)
    errors = [(cell, out) for cell in result.nb_final.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    if errors:  # the run stopped at a cell: say where, not how the outputs differ
        cell, out = errors[0]
        pytest.fail(failures.summary(path, cell.source, f"{out.ename}: {out.evalue}"), pytrace=False)
    if result.diff_filtered:
        pytest.fail(stale_message(path, result.nb_initial, result.nb_final, result.diff_string), pytrace=False)
