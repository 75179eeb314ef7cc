"""Pages read in parallel (axbook/parallel_build.py), on a plain copy of the repository: same bytes as one
process. (A cell error in a worker process is tested in tests/test_build.py, on an incremental build.)

Its own file, so pytest-xdist runs it beside tests/test_build.py; a plain copy builds in half the time the
hostile copy of test_build does.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
