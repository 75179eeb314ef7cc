"""Notebook regression: each chapter re-executed from scratch must reproduce its committed outputs.

The committed outputs are the reference (`make regen` rewrites them). Nothing is ignored beyond
pytest-notebook's defaults: outputs are deterministic at the source (spec-hash ids, no timestamps).
"""

import pytest

from axbook import toc

NOTEBOOKS = toc.notebooks()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_reproduces_its_outputs(nb_regression, path):
    nb_regression.diff_color_words = False
    nb_regression.check(str(path))
