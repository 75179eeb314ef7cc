"""`python -m axbook.site.execute [PAGE ...]`: execute pages outside Sphinx, so a build can be split across machines.

Each notebook page of the toc (or each PAGE named, e.g. ``chapters/02-power-equipment``) is executed the way
the book build executes it (myst-nb's executor, the notebook's folder as working directory, the book's
timeout), its kernel logging what it read (``axbook.data.deps``), once per edition (LANG=ko: one). The executed
notebook goes to ``_build/executed/<page>.ipynb`` beside ``<page>.inputs.json``: the hash of the notebook and of
every file it read (data, the axbook modules it imported) and of the lock file. Another edition's copies go under
its prefix (``_build/executed/ko/``), executed with the page's ``language`` parameter set the way papermill sets a
parameter (``in_language``).

``make book`` renders a page from its executed copy instead of executing it when every one of those hashes
still matches the repository (``fresh``; axbook/site/sphinx_ext.py); otherwise it executes the page itself. A copy
is only ever an optimisation: a stale or foreign one is ignored, never published.
"""

import concurrent.futures
import contextlib
import json
import multiprocessing
import os
import sys
import tempfile
from pathlib import Path

from axbook.data import deps
from axbook.language.i18n import LANGUAGES, SOURCE
from axbook.paths import ROOT
from axbook.site import toc

FROM_COPY = "rendered from its executed copy"  # what the build log says of a page it did not execute
# Pages are read (and their notebooks executed) in this many processes; AXBOOK_JOBS=1 builds serially.
JOBS = int(os.environ.get("AXBOOK_JOBS") or os.cpu_count() or 1)


LANGUAGE_PARAMETER = "language"  # every page's parameter naming its edition (axbook.setup)


def copy_paths(page: str, root: Path = ROOT, language: str = SOURCE) -> tuple[Path, Path]:
    base = root / "_build" / "executed" / toc.edition_prefix(language) / page
    return base.with_name(base.name + ".ipynb"), base.with_name(base.name + ".inputs.json")


def in_language(notebook: dict, language: str) -> dict:
    """The notebook as its ``language`` edition executes it: papermill's way, a cell after the parameters cell
    setting the page's language (hidden from the page). The source language is the parameter's default: unchanged."""
    if language == SOURCE:
        return notebook
    if language not in LANGUAGES:  # written into code: only an edition the book knows, never a name from elsewhere
        raise ValueError(f"{language!r} is not an edition of the book ({', '.join(LANGUAGES)})")
    cells = notebook["cells"]
    after = next((i + 1 for i, cell in enumerate(cells) if "parameters" in cell.get("metadata", {}).get("tags", [])), 0)
    injected = {"cell_type": "code", "execution_count": None, "id": "injected-language", "outputs": [],
                "metadata": {"tags": ["injected-parameters", "remove-cell"]},
                "source": f"{LANGUAGE_PARAMETER} = {language!r}  # this edition's language"}
    if hasattr(notebook, "cells"):  # an nbformat notebook (read from disk): its cells are nodes too
        import nbformat

        injected = nbformat.from_dict(injected)
    notebook["cells"] = [*cells[:after], injected, *cells[after:]]
    return notebook


def fresh(page: str, root: Path = ROOT, language: str = SOURCE) -> set[Path] | None:
    """The files an executed copy of ``page`` in ``language`` read, if the copy exists and nothing it depends on
    changed."""
    notebook, sidecar = copy_paths(page, root, language)
    try:
        record = json.loads(sidecar.read_text(encoding="utf-8"))
        inputs = record["inputs"]
        if not notebook.is_file() or record["page"] != page or record.get("language", SOURCE) != language:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    source = root / f"{page}.ipynb"
    if record.get("source") != deps.digest(source):
        return None
    files = set()
    for name, digest in inputs.items():
        path = (root / name).resolve()
        if root.resolve() not in path.parents or deps.digest(path) != digest:  # inside the repository, unchanged
            return None
        files.add(path)
    return files


def _timeout(root: Path = ROOT) -> int:
    import yaml

    return int(yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))["execute"]["timeout"])


NOISE = "Kernel is running over TCP without encryption"  # every local kernel says it (the build log drops it too)


@contextlib.contextmanager
def _kernel_noise_dropped(capture: Path):
    """The kernel writes to this process's stderr (file descriptor 2): keep what it says, minus the noise."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(capture, "w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            kept = [line for line in sink.read().decode("utf-8", "replace").splitlines() if NOISE not in line]
    if kept:
        print("\n".join(kept), file=sys.stderr)


def execute(page: str, root: Path = ROOT, language: str = SOURCE) -> int:
    """Execute ``page`` in ``language`` into its copy (0), or say where it failed (1). A fresh copy is kept as it is."""
    import nbformat
    from jupyter_cache.executors.utils import single_nb_execution

    from axbook.site import failures

    shown = f"{page} ({language})"
    if fresh(page, root, language) is not None:
        print(f"  {shown}: executed copy is current")
        return 0
    source = root / f"{page}.ipynb"
    notebook = in_language(nbformat.read(source, as_version=4), language)
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "deps.log"
        os.environ[deps.ENV] = str(log)  # the kernel inherits it (as in the book build: sphinx_ext)
        try:
            print(f"  executing {page}.ipynb ({language})", flush=True)
            with _kernel_noise_dropped(Path(tmp) / "stderr.log"):
                result = single_nb_execution(notebook, cwd=str(source.parent), allow_errors=False,
                                             timeout=_timeout(root), meta_override=True)
        finally:
            os.environ.pop(deps.ENV, None)
        read = deps.read_log(log)
    if result.err is not None:  # the executed notebook holds the error output of the cell that stopped it
        failed = [(cell, out) for cell in notebook.cells for out in cell.get("outputs", [])
                  if out.get("output_type") == "error"]
        cell, message = ((failed[0][0].source, f"{failed[0][1].ename}: {failed[0][1].evalue}") if failed
                         else ("", f"{type(result.err).__name__}: {result.err}"))
        print(failures.summary(source, cell, message), file=sys.stderr)
        return 1
    files = sorted({*read, root / deps.LOCK_FILE_NAME})
    inputs = {p.resolve().relative_to(root.resolve()).as_posix(): deps.digest(p) for p in files}
    notebook_copy, sidecar = copy_paths(page, root, language)
    notebook_copy.parent.mkdir(parents=True, exist_ok=True)
    notebook_copy.write_text(nbformat.writes(notebook), encoding="utf-8")
    sidecar.write_text(json.dumps({"page": page, "language": language, "source": deps.digest(source), "inputs": inputs},
                                  indent=1, sort_keys=True), encoding="utf-8")
    return 0


def _execute(job: tuple[str, str]) -> int:
    return execute(job[0], language=job[1])


def main(argv: list[str]) -> int:
    if argv == ["--matrix"]:  # the CI matrix: one job per notebook page, named without slashes
        print(json.dumps([{"page": p, "slug": p.replace("/", "--")} for p in toc.notebook_pages()]))
        return 0
    pages = argv or toc.notebook_pages()
    unknown = [p for p in pages if p not in toc.files()]
    if unknown:
        print(f"not a page of _toc.yml: {', '.join(unknown)}", file=sys.stderr)
        return 2
    runs = [(page, language) for language in toc.editions() for page in pages]  # every edition (LANG=ko: one)
    jobs = min(len(runs), JOBS)
    if jobs <= 1:
        return max((_execute(run) for run in runs), default=0)
    # one process per page at a time (each sets the kernel's log variable in its own environment)
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        return max(pool.map(_execute, runs), default=0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
