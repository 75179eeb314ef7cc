"""Pages read (so executed) in two processes write the same site, byte for byte, as pages executed beforehand by
`make execute` (as CI's per-page jobs do) and rendered from those copies in one process, without a kernel. That
one comparison covers both: Sphinx's parallel read against a one-process read (merging the workers' environments,
numbering, cross-references), and execution inside Sphinx against execution outside it (the same executor, the
same working directory). On a plain copy of the repository: it builds in half the time the hostile copy of
tests/test_build.py does, and runs beside it. (A cell error in a worker is tested there, on an incremental build.)
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from axbook import toc
from axbook.paths import ROOT


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


def test_a_parallel_build_writes_the_same_bytes_as_pages_executed_beforehand_and_rendered_in_one_process(repo):
    parallel = build(repo, jobs=2)
    assert parallel.returncode == 0, parallel.stdout[-3000:] + parallel.stderr[-3000:]
    assert "reading pages in 2 processes" in log(repo) and "doing serial read" not in log(repo)
    pages = [p.relative_to(repo).with_suffix("").as_posix() for p in toc.notebooks(repo)]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    executed = subprocess.run([sys.executable, "-m", "axbook.execute"], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=600)
    assert executed.returncode == 0, executed.stdout[-3000:] + executed.stderr[-3000:]
    rendered = build(repo, jobs=1, site="split")
    assert rendered.returncode == 0, rendered.stdout[-3000:] + rendered.stderr[-3000:]
    assert "reading pages in" not in log(repo)
    from_copies = set(re.findall(r"^  (\S+): rendered from its executed copy$", rendered.stdout, re.M))
    assert from_copies == set(pages) and "executing" not in rendered.stdout, rendered.stdout  # no kernel started
    two, one = files(repo / "_build" / "html"), files(repo / "_build" / "split")
    assert sorted(one) == sorted(two) and len(one) > 50
    assert [name for name in one if one[name] != two[name]] == []


def test_a_cell_error_in_make_execute_ends_in_the_three_line_summary_and_leaves_no_copy(repo):
    shutil.rmtree(repo / "_build" / "executed", ignore_errors=True)  # copies from the test above
    chapter = repo / "chapters" / "04-kibo-rehabilitation.ipynb"
    original = chapter.read_text(encoding="utf-8")
    chapter.write_text(original.replace('steps = data.load(\\"kibo_steps\\")',
                                        'steps = data.load(\\"kibo_steps\\")\\nsteps[\\"actr_en\\"]', 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(repo)}
    try:
        done = subprocess.run([sys.executable, "-m", "axbook.execute", "chapters/04-kibo-rehabilitation"], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=600)
    finally:
        chapter.write_text(original, encoding="utf-8")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert lines[0].startswith("error in chapters/04-kibo-rehabilitation.ipynb, cell ") and lines[1:3] == [
        "KeyError: 'actr_en'", "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"], done.stderr[-3000:]
    assert "Kernel is running over TCP" not in done.stderr
    from axbook import execute

    assert execute.fresh("chapters/04-kibo-rehabilitation", repo) is None
