"""Build times of the book against a plain Jupyter Book 1 build, measured side by side in one run.

On a temporary copy of the repository (the environment in .venv reused), times:
- the plain build: `jupyter-book build --all` with `execute_notebooks: force` (what a stock JB1 book does);
- `python -m axbook.site.build` (what `make book` runs, both editions): clean in one process (AXBOOK_JOBS=1), clean with
  pages read in parallel (the default, one process per core), then with nothing changed, then after editing one
  markdown cell, one code cell, one package module, one page's Korean catalog and one CSV;
- a fresh `git clone` of this repository's HEAD to a built site with `make book` (venv made from the warm uv
  and pip caches);
and prints each as seconds and as a ratio to the plain build, with how many pages Sphinx re-read.
Run: .venv/bin/python benchmarks/build.py   (about eight minutes on two cores)
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from axbook.site import build, toc

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".git", ".venv", "_build", "mutants", "*.pyc", ".pytest_cache", ".ruff_cache")


def timed(command: list[str], cwd: Path, **env_vars: str) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(cwd), **env_vars}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return elapsed, done


def reread(repo: Path) -> str:
    """Pages Sphinx re-read in the last build, per edition; whether a kernel ran."""
    found = []
    for language in toc.editions():
        log = repo / "_build" / "logs" / f"build-{language}.log"
        if log.exists():
            text = log.read_text(encoding="utf-8")
            kernels = text.count("executing ")
            found.append(f"{language}: {build.reread_summary(text)}" + (f", {kernels} executed" if kernels else ""))
    return "; ".join(found) or "Sphinx not started"


def edit_markdown(repo: Path) -> None:
    path = repo / "chapters" / "04-kibo-rehabilitation.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "markdown")
    cell.source += "\n\nOne more sentence."
    nbformat.write(nb, path)


def edit_code(repo: Path) -> None:
    path = repo / "chapters" / "04-kibo-rehabilitation.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "remove-cell" in c.metadata.get("tags", [])
                and "parameters" not in c.metadata.get("tags", []))
    cell.source += "\n_benchmark = 1"
    nbformat.write(nb, path)


def edit_module(repo: Path) -> None:
    path = repo / "axbook" / "articles" / "programmes.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n_BENCHMARK = 1\n", encoding="utf-8")


def edit_catalog(repo: Path) -> None:
    """A translator's edit: one Korean paragraph of one page."""
    path = repo / "locale" / "ko" / "LC_MESSAGES" / "chapters" / "04-kibo-rehabilitation.po"
    text = path.read_text(encoding="utf-8")
    head, last = text.rsplit('msgstr "', 1)  # the page's last translation
    path.write_text(f'{head}msgstr "(고침) {last}', encoding="utf-8")


def edit_csv(repo: Path) -> None:
    path = repo / "data" / "policy_asks.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    column = rows[0].index("text_en")
    rows[1][column] += " (edited)"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def main() -> int:
    python = sys.executable
    jupyter_book = str(Path(python).with_name("jupyter-book"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        plain, serial, book = Path(tmp) / "plain", Path(tmp) / "serial", Path(tmp) / "book"
        for target in (plain, serial, book):
            shutil.copytree(ROOT, target, ignore=SKIP)
        baseline, _ = timed([jupyter_book, "build", "--all", str(plain), "--path-output", str(plain / "_out")], plain)
        rows.append(("plain jupyter-book build --all (execute: force)", baseline, "every page"))
        one, _ = timed([python, "-m", "axbook.site.build"], serial, AXBOOK_JOBS="1")
        rows.append(("make book, clean, one process", one, reread(serial)))
        clean, _ = timed([python, "-m", "axbook.site.build"], book)
        rows.append((f"make book, clean, {build.JOBS} processes", clean, reread(book)))
        noop, _ = timed([python, "-m", "axbook.site.build"], book)
        rows.append(("make book, nothing changed", noop, "site is current"))
        for label, edit in (("one markdown cell edited", edit_markdown), ("one code cell edited", edit_code),
                            ("one package module edited", edit_module), ("one Korean catalog edited", edit_catalog),
                            ("one CSV edited", edit_csv)):
            edit(book)
            seconds, _ = timed([python, "-m", "axbook.site.build"], book)
            rows.append((f"make book, {label}", seconds, reread(book)))
        clone = Path(tmp) / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        fresh, _ = timed(["make", "--no-print-directory", "book"], clone)  # its own .venv, from the warm caches
        rows.append(("fresh clone to built site (make book, warm caches)", fresh, reread(clone)))
    print(f"{'build':<52}{'seconds':>9}{'× plain':>9}  pages")
    for label, seconds, pages in rows:
        print(f"{label:<52}{seconds:>9.1f}{seconds / baseline:>9.2f}  {pages}")
    print(json.dumps({label: round(seconds, 2) for label, seconds, _ in rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
