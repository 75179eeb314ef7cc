"""Pages read in parallel (axbook/parallel_build.py), on a plain copy of the repository: same bytes as one
process, and a cell error in a worker process still ends in the three-line summary.

Its own group, so pytest-xdist runs it beside tests/test_build.py rather than after it.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from axbook.paths import ROOT

pytestmark = pytest.mark.xdist_group("parallel-copy")  # one worker: the tests share the copy

CHAPTER = Path("chapters") / "04-kibo-rehabilitation.ipynb"


def build(repo: Path, jobs: int, site: str = "html") -> subprocess.CompletedProcess:
    code = ("import sys, axbook.build as b; "
            f"sys.exit(b.build(site=b.BUILD / '{site}', stage=b.BUILD / 'stage-{site}'))")
    env = {**os.environ, "PYTHONPATH": str(repo), "AXBOOK_JOBS": str(jobs)}
    env.pop("AXBOOK_DEPS_LOG", None)
    return subprocess.run([sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def files(site: Path) -> dict[Path, str]:
    return {p.relative_to(site): hashlib.sha256(p.read_bytes()).hexdigest() for p in site.rglob("*") if p.is_file()}


def log(repo: Path) -> str:
    return (repo / "_build" / "logs" / "build.log").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("parallel") / "repo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "mutants", "*.pyc",
                                                                 ".pytest_cache"))
    return target


def test_a_cell_error_in_a_worker_process_ends_in_the_three_line_summary(repo):
    chapter = repo / CHAPTER
    original = chapter.read_text(encoding="utf-8")
    chapter.write_text(original.replace('steps = data.load(\\"kibo_steps\\")',
                                        'steps = data.load(\\"kibo_steps\\")\\nsteps[\\"actr_en\\"]', 1), encoding="utf-8")
    try:
        done = build(repo, jobs=2)
    finally:
        chapter.write_text(original, encoding="utf-8")
    assert done.returncode != 0
    assert "Sphinx parallel build error" in log(repo)  # it failed in a worker, not in the main process
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"error in {CHAPTER.as_posix()}, cell ") and lines[1:3] == [
        "KeyError: 'actr_en'", "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"], done.stderr[-3000:]
    assert not (repo / "_build" / "html").exists()  # nothing was published


def test_a_parallel_build_writes_the_same_bytes_as_a_serial_one(repo):
    parallel = build(repo, jobs=2)
    assert parallel.returncode == 0, parallel.stdout[-3000:] + parallel.stderr[-3000:]
    assert "reading pages in 2 processes" in log(repo) and "doing serial read" not in log(repo)
    serial = build(repo, jobs=1, site="serial")
    assert serial.returncode == 0, serial.stdout[-3000:] + serial.stderr[-3000:]
    assert "reading pages in 2 processes" not in log(repo)
    one, two = files(repo / "_build" / "serial"), files(repo / "_build" / "html")
    assert sorted(one) == sorted(two) and len(one) > 50
    assert [name for name in one if one[name] != two[name]] == []
