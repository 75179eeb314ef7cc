"""What a page read while it was executed: the build rebuilds a page when any of those files change.

The loader calls ``record`` for every file it reads, and ``record_imports`` (run by ``import axbook``) logs the
file of every axbook module the kernel imports, then or later (a finder first on ``sys.meta_path`` sees each
new import). During a
book build the Sphinx extension points ``AXBOOK_DEPS_LOG`` at a log file per page before the page's kernel
starts; outside a build (tests, papermill, an editor) nothing is written and no hook is added.
"""

import hashlib
import os
import sys
from pathlib import Path

PACKAGE = "axbook"
PACKAGE_DIR = Path(__file__).resolve().parent.parent

ENV = "AXBOOK_DEPS_LOG"
LOCK_FILE_NAME = "requirements.txt"  # every notebook page depends on it: any installed package may change outputs


def digest(path: Path) -> str | None:
    """The content hash a page's inputs are compared by; None for a file that is gone (a change too)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


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


def module_file(name: str) -> Path:
    """The source file of ``axbook``, a stage (``axbook.figures``: its ``__init__.py``) or a module in one."""
    path = PACKAGE_DIR.joinpath(*name.split(".")[1:])
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


class _ImportRecorder:
    """First on ``sys.meta_path``: told of every module not yet imported, records axbook's, finds nothing itself.
    (An audit hook would see the same imports but runs on every audited event: seconds per kernel.)"""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] == PACKAGE:
            record(module_file(name))
        return None


def record_imports() -> None:
    if not os.environ.get(ENV):
        return
    record(*(module_file(name) for name in list(sys.modules) if name.split(".")[0] == PACKAGE))
    sys.meta_path.insert(0, _ImportRecorder)
