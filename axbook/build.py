"""`python -m axbook.build`: validate the data, build the book into a stage, publish it whole.

- One build at a time: a lock on ``_build/.lock`` (a second ``make book`` waits for the first).
- Nothing half-built is published: Sphinx writes into ``_build/stage``; only a build that finished
  with no warning and no cell error is swapped in as ``_build/html``.
- The swap is renames only: the old site is moved aside, the new one moved in, then the old deleted.
  An interrupt between the two renames puts the old site back; a hard kill there is repaired at the
  start of the next build. The new site is never copied into (or nested inside) the old one.
"""

import fcntl
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from axbook import validate
from axbook.paths import ROOT

BUILD = ROOT / "_build"
STAGE = BUILD / "stage"
SITE = BUILD / "html"
JB_FLAGS = ["-W", "--keep-going"]


@contextmanager
def locked(lock_file: Path):
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"another build holds {lock_file}; waiting for it to finish", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _aside(site: Path) -> Path:
    return site.with_name(site.name + ".old")


def recover(site: Path) -> None:
    """Finish or undo a swap that a hard kill interrupted: the last complete site is ``site`` again."""
    old = _aside(site)
    if old.exists():
        if site.exists():
            shutil.rmtree(old)  # the new site was already in place
        else:
            os.rename(old, site)


def publish(new: Path, site: Path) -> None:
    """Make ``new`` the site by renames; on any interruption the previous site stays (or comes back)."""
    recover(site)
    old = _aside(site)
    if site.exists():
        os.rename(site, old)
    try:
        os.rename(new, site)
    except BaseException:
        if old.exists() and not site.exists():
            os.rename(old, site)
        raise
    if old.exists():
        shutil.rmtree(old)


def build(site: Path = SITE, stage: Path = STAGE) -> int:
    with locked(site.parent / ".lock"):
        recover(site)
        if validate.main([]) != 0:
            print("build stopped: fix the data problems above; the published site was not touched", file=sys.stderr)
            return 1
        output = stage / "_build" / "html"
        shutil.rmtree(output, ignore_errors=True)  # every page is written afresh (doctrees stay: reading is cached)
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        done = subprocess.run([str(jupyter_book), "build", str(ROOT), "--path-output", str(stage), *JB_FLAGS])
        if done.returncode != 0:
            print(f"build failed (exit {done.returncode}): {site} still holds the last complete site", file=sys.stderr)
            return done.returncode
        publish(output, site)
    print(f"Site built: open {site / 'index.html'}  (or: make serve)")
    return 0


if __name__ == "__main__":
    sys.exit(build())
