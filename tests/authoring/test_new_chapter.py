"""An author's first steps, as CONTRIBUTING gives them: `make chapter` (twice), then the test suite.

One copy of the repository, built once (both editions): two chapters scaffolded, the site and the PDFs built, then
the copy's tests run on it: every test of the book as a whole, and of the tests made once per page, chapter or notebook
those of the two new chapters (``--only-pages``: the other pages are the ones main's own run tests). Left out: the
tests marked ``repository_copy``, which copy the repository themselves (this one among them) and run on main in the
same `make test`; they take their chapter numbers from `_toc.yml` (``helpers.free_chapter_number``), so an author's new
chapter cannot collide with them.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import free_chapter_number

from axbook.paths import ROOT

FIRST = free_chapter_number()
SECOND = f"{int(FIRST) + 1:02d}"


def _make(repo: Path, *args: str) -> subprocess.CompletedProcess:
    venv = Path(sys.executable).parent.parent  # the environment running these tests, not a new one
    return subprocess.run(["make", "--no-print-directory", *args, f"VENV={venv}"], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(repo)}, timeout=900)


@pytest.mark.outside
@pytest.mark.repository_copy
@pytest.mark.timeout(1500)
def test_after_make_chapter_twice_the_book_and_its_new_chapters_pass_every_test(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "mutants", "*.pyc",
                                                              ".pytest_cache"))
    for number, title, article in ((FIRST, "A first new chapter", ""), (SECOND, "A second new chapter", "kvmcc")):
        made = _make(repo, "chapter", f"NAME={number}-new-chapter-{number}", f"TITLE={title}",
                     *([f"ARTICLE={article}"] if article else []))
        assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
        # the new chapter and the front page, which lists it, are regenerated with it
        assert f"regenerated chapters/{number}-new-chapter-{number}.ipynb" in made.stdout
        assert "regenerated intro.ipynb" in made.stdout, made.stdout
    built = _make(repo, "pdf")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    new_pages = f"--only-pages={FIRST}-new-chapter-{FIRST},{SECOND}-new-chapter-{SECOND}"
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "-m", "not repository_copy",
                           new_pages],
                          cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)}, capture_output=True, text=True,
                          timeout=1400)
    assert done.returncode == 0, done.stdout[-6000:]
    summary = done.stdout.strip().splitlines()[-1]
    # '1 xfailed' is a stated expected failure, not a failure: only 'N failed' and 'N error(s)' count
    assert re.search(r"\d+ passed", summary) and not re.search(r"\d+ (failed|errors?)\b", summary), summary
    # the new chapters were in it: their pages, notebooks and ledgers were collected and passed
    listed = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q",
                             "-m", "not repository_copy", new_pages], cwd=repo, env={**os.environ, "PYTHONPATH": str(repo)},
                            capture_output=True, text=True, timeout=300).stdout
    for number in (FIRST, SECOND):
        assert f"test_notebook_reproduces_its_outputs[{number}-new-chapter-{number}.ipynb]" in listed
        assert f"[chapters/{number}-new-chapter-{number}.html]" in listed
        assert f"[ko/chapters/{number}-new-chapter-{number}.html]" in listed  # its Korean edition
        assert f"test_each_chapter_runs_in_korean_with_a_non_default_parameter[{number}-new-chapter-{number}]" in listed
    assert "[chapters/01-ai-adoption-gap.html]" not in listed  # main's own run tests the other pages
