"""Notebook regression: each notebook of the toc, executed from scratch, must reproduce its committed outputs.

The committed outputs are the reference (`make regen` rewrites them). Nothing is ignored beyond
pytest-notebook's defaults: outputs are deterministic at the source (spec-hash ids, no timestamps).
A failure names the notebook, says to run `make regen` if the change was intended, and lists the
changed values (chart specs leaf by leaf, glued values), not SVG bodies; the full diff goes to a file.

Executed once per run: `make test` runs `make execute` first, and a page's executed copy is used here when it is
current (the notebook and every file its kernel read hash as they did when it ran: axbook.site.execute.fresh, the rule
the build uses to render from it). Otherwise pytest-notebook executes the notebook itself. Either way the
comparison is pytest-notebook's: the same post-processors, ignores and diff.
"""

import copy
from pathlib import Path

import nbformat
import pytest
from pytest_notebook.diffing import diff_notebooks, diff_to_string, filter_diff
from pytest_notebook.nb_regression import NBRegressionResult
from pytest_notebook.notebook import load_notebook_with_config, regex_replace_nb
from pytest_notebook.post_processors import load_processor

from axbook.authoring import stale
from axbook.paths import ROOT
from axbook.site import execute, failures, toc

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
        f"If you meant the change, run `make regen` (or `.venv/bin/python -m axbook.authoring.regen {name}`), "
        "read the diff, commit.",
        f"Changed values ({len(changes)} line(s); full diff in {diff_file.relative_to(ROOT)}):",
        *(f"  {line}" for line in changes),
    ])


def compare_with_copy(nb_regression, path: Path, executed: Path) -> NBRegressionResult:
    """pytest-notebook's check with the execution already done: ``executed`` is the notebook as a kernel left it."""
    nb_initial, nb_config = load_notebook_with_config(str(path))
    nb_final, resources = nbformat.read(executed, as_version=4), {}
    for name in nb_regression.post_processors:
        nb_final, resources = load_processor(name)(nb_final, resources)
    replace = list(nb_regression.diff_replace) + list(nb_config.diff_replace)
    if replace:
        nb_initial, nb_final = regex_replace_nb(nb_initial, replace), regex_replace_nb(nb_final, replace)
    full_diff = diff_notebooks(nb_initial, nb_final)
    ignore = copy.deepcopy(nb_config.diff_ignore)
    ignore.update(nb_regression.diff_ignore)
    filtered = filter_diff(full_diff, ignore)
    return NBRegressionResult(nb_initial, nb_final, full_diff, filtered,
                              diff_to_string(nb_initial, filtered, use_color=False, color_words=False), resources)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_reproduces_its_outputs(nb_regression, path):
    nb_regression.diff_color_words = False
    page = path.relative_to(ROOT).with_suffix("").as_posix()
    if execute.fresh(page) is not None:
        result = compare_with_copy(nb_regression, path, execute.copy_paths(page)[0])
    else:
        result = nb_regression.check(str(path), raise_errors=False)
    errors = [(cell, out) for cell in result.nb_final.cells for out in cell.get("outputs", [])
              if out.get("output_type") == "error"]
    if errors:  # the run stopped at a cell: say where, not how the outputs differ
        cell, out = errors[0]
        pytest.fail(failures.summary(path, cell.source, f"{out.ename}: {out.evalue}"), pytrace=False)
    if result.diff_filtered:
        pytest.fail(stale_message(path, result.nb_initial, result.nb_final, result.diff_string), pytrace=False)
