"""Pages read (so executed) in two processes write the same site, byte for byte, as pages executed beforehand by
`make execute` (as CI's per-page jobs do) and rendered from those copies in one process, without a kernel. That
one comparison covers both: Sphinx's parallel read against a one-process read (merging the workers' environments,
numbering, cross-references), and execution inside Sphinx against execution outside it (the same executor, the
same working directory). On a plain copy of the repository: it builds in half the time the hostile copy of
tests/site/test_build.py does, and runs beside it. (A cell error in a worker is tested there, on an incremental build.)
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CHAPTER_FOUR, LOADS_STEPS, MISSPELT_COLUMN, break_chapter_four, build_log, site_files

from axbook.paths import ROOT
from axbook.site import toc

pytestmark = pytest.mark.repository_copy  # every test here builds or edits a copy of the repository


def build(repo: Path, jobs: int, site: str = "html") -> subprocess.CompletedProcess:
    code = ("import sys, axbook.site.build as b; "
            f"sys.exit(b.build(site=b.BUILD / '{site}', stage=b.BUILD / 'stage-{site}'))")
    env = {**os.environ, "PYTHONPATH": str(repo), "AXBOOK_JOBS": str(jobs)}
    env.pop("AXBOOK_DEPS_LOG", None)
    return subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("parallel") / "repo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "mutants", "*.pyc",
                                                                 ".pytest_cache"))
    return target


def test_a_parallel_build_writes_the_same_bytes_as_pages_executed_beforehand_and_rendered_in_one_process(repo):
    parallel = build(repo, jobs=2)
    assert parallel.returncode == 0, parallel.stdout[-3000:] + parallel.stderr[-3000:]
    assert "reading pages in 2 processes" in build_log(repo) and "doing serial read" not in build_log(repo)
    pages = toc.notebook_pages(repo)
    env = {**os.environ, "PYTHONPATH": str(repo)}
    executed = subprocess.run([sys.executable, "-m", "axbook.site.execute"], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=600)
    assert executed.returncode == 0, executed.stdout[-3000:] + executed.stderr[-3000:]
    rendered = build(repo, jobs=1, site="split")
    assert rendered.returncode == 0, rendered.stdout[-3000:] + rendered.stderr[-3000:]
    assert "reading pages in" not in build_log(repo)
    from_copies = set(re.findall(r"^\[(\w+)\]   (\S+): rendered from its executed copy$", rendered.stdout, re.M))
    assert from_copies == {(language, page) for language in toc.editions() for page in pages}, rendered.stdout
    assert "executing" not in rendered.stdout, rendered.stdout  # no kernel started, in any edition
    two, one = site_files(repo / "_build" / "html"), site_files(repo / "_build" / "split")
    assert sorted(one) == sorted(two) and len(one) > 50
    assert [name for name in one if one[name] != two[name]] == []


def test_a_cell_error_in_make_execute_ends_in_the_three_line_summary_and_leaves_no_copy(repo):
    shutil.rmtree(repo / "_build" / "executed", ignore_errors=True)  # copies from the test above
    chapter = repo / CHAPTER_FOUR
    original = chapter.read_bytes()
    position, count = break_chapter_four(repo)
    env = {**os.environ, "PYTHONPATH": str(repo)}
    try:
        done = subprocess.run([sys.executable, "-m", "axbook.site.execute", "chapters/04-kibo-rehabilitation"], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=600)
    finally:
        chapter.write_bytes(original)
    assert done.returncode == 1
    assert done.stderr.splitlines()[:3] == [
        f"error in {CHAPTER_FOUR.as_posix()}, cell {position} of {count} (starts `{LOADS_STEPS}`)",
        *MISSPELT_COLUMN], done.stderr[-3000:]
    assert "Kernel is running over TCP" not in done.stderr
    from axbook.site import execute

    assert execute.fresh("chapters/04-kibo-rehabilitation", repo) is None
