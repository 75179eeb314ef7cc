"""The same failures an author meets, met in a copy of the repository: a forgotten `make regen`, a typo in a cell."""


import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from helpers import cell_position, edit_cell

from axbook.paths import ROOT

# -- the same failures, met in a copy of the repository ----------------------------------------------

@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("author") / "repo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "*.pyc", ".pytest_cache"))
    return target


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.outside
@pytest.mark.repository_copy
def test_forgetting_make_regen_names_the_notebook_the_command_and_the_changed_value(repo_copy):
    steps = repo_copy / "data" / "kibo_steps.csv"
    original = steps.read_text(encoding="utf-8")
    steps.write_text(original.replace("Recommends firms", "Refers firms", 1), encoding="utf-8")
    try:
        done = _run(repo_copy, "-m", "pytest", "-p", "no:cacheprovider", "tests/book/test_notebooks.py", "-k", "04-kibo")
    finally:
        steps.write_text(original, encoding="utf-8")
    out = done.stdout
    assert done.returncode == 1, out[-3000:]
    assert "outputs of chapters/04-kibo-rehabilitation.ipynb are stale" in out and "run `make regen`" in out
    assert "spec datasets[0][0].action: 'Recommends firms" in out and "-> 'Refers firms" in out
    assert "<svg" not in out.split("outputs of chapters/")[1].split("short test summary")[0]


@pytest.mark.outside
@pytest.mark.repository_copy
def test_a_typo_names_notebook_cell_and_column_in_the_test_and_in_regen(repo_copy):
    chapter = repo_copy / "chapters" / "04-kibo-rehabilitation.ipynb"
    original = chapter.read_bytes()
    edit_cell(chapter, 'steps = tables.load("kibo_steps")', 'steps = tables.load("kibo_steps")\nsteps["actr_en"]')
    position, count = cell_position(chapter, 'steps = tables.load("kibo_steps")')
    expected = [f"error in chapters/04-kibo-rehabilitation.ipynb, cell {position} of {count} "
                "(starts `steps = tables.load(\"kibo_steps\")`)",
                "KeyError: 'actr_en'", "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"]
    try:
        test = _run(repo_copy, "-m", "pytest", "-p", "no:cacheprovider", "tests/book/test_notebooks.py", "-k", "04-kibo")
        regen = _run(repo_copy, "-m", "axbook.authoring.regen", "chapters/04-kibo-rehabilitation.ipynb")
        regen_left = chapter.read_bytes()
    finally:
        chapter.write_bytes(original)
    assert test.returncode == 1 and "\n".join(expected) in test.stdout, test.stdout[-3000:]
    assert regen.returncode == 1 and "\n".join(expected) in regen.stderr, regen.stderr[-3000:]
    assert "make regen stopped at chapters/04-kibo-rehabilitation.ipynb" in regen.stderr
    # regen stopped before writing: the author's edit stays, the stored outputs are the old ones
    left, before = nbformat.reads(regen_left.decode(), as_version=4), nbformat.reads(original.decode(), as_version=4)
    assert "actr_en" in left.cells[position - 1].source
    assert [c.get("outputs") for c in left.cells] == [c.get("outputs") for c in before.cells]
