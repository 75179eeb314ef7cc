"""What a page read while it was executed: the build rebuilds a page when any of those files change.

The loader calls ``record`` for every file it reads. During a book build the Sphinx extension points
``AXBOOK_DEPS_LOG`` at a log file per page before the page's kernel starts; outside a build (tests,
papermill, an editor) nothing is written.
"""

import os
from pathlib import Path

ENV = "AXBOOK_DEPS_LOG"


def record(*paths: Path) -> None:
    log = os.environ.get(ENV)
    if not log:
        return
    with open(log, "a", encoding="utf-8") as f:
        f.writelines(f"{Path(p).resolve()}\n" for p in paths)


def read_log(log: Path) -> set[Path]:
    if not log.exists():
        return set()
    return {Path(line) for line in log.read_text(encoding="utf-8").splitlines() if line}
