"""`python -m axbook.site.build`: validate the data, build the book into a stage, publish it whole.

- One build at a time: a lock on ``_build/.lock`` (a second ``make book`` waits for the first).
- Nothing half-built is published: Sphinx writes into ``_build/stage``; only a build that finished
  with no warning and no cell error is swapped in as ``_build/html``.
- Data first: the data is validated while Sphinx starts up (its first seconds are imports, on one core); bad
  data stops Sphinx and the build, and nothing is published.
- Nothing changed, nothing done: a hash of every input (data, package, notebooks, pages, config, static
  files, lock) is kept beside the site; when it matches, the build stops there, before importing pandas
  or starting Sphinx. Otherwise Sphinx re-reads only the pages whose inputs changed (axbook.site.sphinx_ext).
- The swap is renames only: the old site is moved aside, the new one moved in, then the old deleted.
  An interrupt between the two renames puts the old site back; a hard kill there is repaired at the
  start of the next build. The new site is never copied into (or nested inside) the old one.
"""

import fcntl
import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from axbook.paths import ADDRESS_ENV, NANUM_TTF, ROOT
from axbook.site.execute import FROM_COPY, JOBS

BUILD = ROOT / "_build"
STAGE = BUILD / "stage"
SITE = BUILD / "html"
# A build takes under a minute here; a page hung in a writer or a kernel would otherwise hold CI until its own limit.
TIMEOUT = float(os.environ.get("AXBOOK_BUILD_TIMEOUT") or 900)
TIMED_OUT = 124  # timeout(1)'s exit status
# Not inputs of the site: version control, environments, outputs, caches, and the tests and tools that read it.
NOT_INPUTS = {".git", ".venv", "_build", "mutants", "tests", "benchmarks", "tools", ".ci", ".github",
              "__pycache__", ".pytest_cache", ".ruff_cache", ".ipynb_checkpoints"}


def inputs_digest(root: Path = ROOT) -> str:
    """One hash of every file the site can depend on (names and contents, in a fixed order) and of its address."""
    digest = hashlib.sha256()
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d not in NOT_INPUTS and not d.endswith(".egg-info")]  # never walked into
        files += [Path(folder, n) for n in names if not n.endswith(".pyc")]
    for path in sorted(files):
        digest.update(f"{path.relative_to(root).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"{ADDRESS_ENV}={os.environ.get(ADDRESS_ENV, '')}".encode())  # in every page's head
    return digest.hexdigest()


def _digest_file(site: Path) -> Path:
    return site.with_name(site.name + ".inputs")


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
    from axbook.site import toc

    languages = toc.editions()
    front = site / toc.edition_prefix(languages[0]) / "index.html"
    with locked(site.parent / ".lock"):
        recover(site)
        digest = inputs_digest() + " " + " ".join(languages)
        stored = _digest_file(site)
        if front.exists() and stored.exists() and stored.read_text() == digest:
            print(f"site: {_shown(site)} is current (no input changed since it was built); open {_shown(front)}")
            return 0
        # vl-convert lays every chart's SVG out in it, the chart PNGs are drawn in it, the webfont is cut from it.
        missing = [str(font) for font in NANUM_TTF.values() if not font.exists()]
        if missing:
            print(f"build stopped: the charts and the site's text are set in Debian's NanumGothic ({', '.join(missing)} "
                  "missing): run `make apt` (as root) or apt-get install fonts-nanum", file=sys.stderr)
            return 1
        # A build stopped part-way (SIGTERM, SIGKILL, power) may have left the stage's environment half-updated: the
        # next one starts from an empty stage, so it writes what a clean build writes.
        interrupted = stage / ".interrupted"
        if interrupted.exists():
            print("the last build was stopped part-way: building from scratch")
            shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True, exist_ok=True)
        interrupted.touch()
        returncode = _build_staged(site, stage, languages, digest, front)
        interrupted.unlink(missing_ok=True)  # ran to its end (published, or failed and said why): the stage is whole
        return returncode


def _build_staged(site: Path, stage: Path, languages: tuple[str, ...], digest: str, front: Path) -> int:
    stored = _digest_file(site)
    from axbook.data import validate
    from axbook.site import failures  # pandas, altair, nbformat: only when there is something to build

    outputs = {language: stage / language / "_build" / "html" for language in languages}
    assembled = stage / "site"
    for output in (*outputs.values(), assembled):
        shutil.rmtree(output, ignore_errors=True)  # every page is written afresh (doctrees stay: reading is cached)
    # Sphinx spends its first seconds importing and setting up on one core: the data is validated meanwhile
    # on another. Bad data stops Sphinx (before it reads a page, in practice) and nothing is published.
    # The editions build side by side, each reading its pages in JOBS processes.
    logs = {language: site.parent / "logs" / f"build-{language}.log" for language in languages}
    builds = {language: Quiet([sys.executable, "-m", "axbook.site.parallel_build", str(ROOT), str(stage / language),
                               str(JOBS), language], logs[language], label=language)
              for language in languages}
    try:
        data_valid = validate.main([]) == 0
    except BaseException:  # an interrupt (or a crash) during validation stops Sphinx too
        _stop(builds)
        raise
    if not data_valid:
        _stop(builds)
        print("build stopped: fix the data problems above; the published site was not touched", file=sys.stderr)
        return 1
    read, failed = [], []
    for language, sphinx in builds.items():  # each edition runs to its end: its log is whole either way
        returncode, log = sphinx.wait(TIMEOUT)
        if returncode == TIMED_OUT:
            _stop(builds)
            print(f"build stopped: Sphinx ran over {TIMEOUT:.0f} s (a page hung? AXBOOK_BUILD_TIMEOUT sets the "
                  f"limit); log: {_shown(logs[language])}; {_shown(site)} still holds the last complete site",
                  file=sys.stderr)
            return returncode
        if returncode != 0:
            failed.append((language, returncode, log))
        read.append(f"{language}: {reread_summary(log)}")
    (stage / ".interrupted").unlink(missing_ok=True)  # every Sphinx run ended: the stage's environments are whole
    if failed:
        language, returncode, log = failed[0]  # the same page fails in every edition: said once
        cell_error = failures.from_log(log)
        if cell_error:
            print(cell_error, file=sys.stderr)
        print(f"build failed ({', '.join(f[0] for f in failed)} edition; exit {returncode}; full log: "
              f"{_shown(logs[language])}): {_shown(site)} still holds the last complete site", file=sys.stderr)
        return returncode
    assemble(outputs, assembled)
    stored.unlink(missing_ok=True)  # a site without its digest is rebuilt next time, never trusted
    publish(assembled, site)
    stored.write_text(digest)
    print(f"site: {_shown(site)} ({'; '.join(read)}); open {_shown(front)} or run make serve")
    _report_translations(languages)
    return 0


def _report_translations(languages: tuple[str, ...]) -> None:
    """Per page, what an edition shows in English (untranslated) or out of date (fuzzy): make translations, then a
    PO editor (make test fails on either)."""
    from axbook.language import i18n

    for language in languages:
        catalogs = [i18n.catalog_path(language), *sorted((ROOT / "locale" / language).rglob("*.po"))]
        for catalog in catalogs if language != i18n.SOURCE else ():
            untranslated, fuzzy = i18n.gaps(catalog)
            if untranslated or fuzzy:
                print(f"  {language}: {_shown(catalog)}: {untranslated} untranslated, {fuzzy} fuzzy (make translations, "
                      "then translate them)")


def assemble(outputs: dict[str, Path], site: Path) -> None:
    """One site of every edition built: the source language at its root, each other under its prefix (renames)."""
    from axbook.site import toc

    if toc.edition_prefix(next(iter(outputs))):
        site.mkdir(parents=True)  # no edition at the root (make book LANG=ko)
    for language, output in outputs.items():
        os.rename(output, site / toc.edition_prefix(language))


def _stop(builds: dict) -> None:
    for sphinx in builds.values():
        sphinx.stop()


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


# What an author needs from jupyter-book's log: which notebook runs, and warnings that stop the build.
_EXECUTING = re.compile(r"^(\S+\.ipynb): Executing notebook|^\s+executing (\S+\.ipynb) \(\w+\)$")  # MyST-NB's, ours
_NOISE = ("Kernel is running over TCP without encryption",)


ANSI = re.compile(r"\x1b\[[0-9;]*m")
RAISED = re.compile(r"^[\w.]*(?:Error|Exception): \S")  # a traceback's last line: what stopped the build


def _shown_line(line: str) -> str | None:
    line = ANSI.sub("", line).rstrip()
    executing = _EXECUTING.match(line)
    if executing:
        return f"  executing {_shown(Path(executing.group(1) or executing.group(2)))}"
    if line.endswith(f": {FROM_COPY}"):
        return f"  {line}"
    if ("WARNING" in line or "ERROR" in line or RAISED.match(line)) and not any(noise in line for noise in _NOISE):
        return "  " + line
    return None


class Quiet:
    """A command running in the background: its whole output kept in ``log_file``, one line per notebook and each
    warning printed (a thread reads the pipe, so the command never waits on it)."""

    def __init__(self, command: list[str], log_file: Path, label: str = ""):
        log_file.parent.mkdir(parents=True, exist_ok=True)
        self._label = f"[{label}] " if label else ""
        self._lines: list[str] = []
        self._log = open(log_file, "w", encoding="utf-8")
        # Its own process group, so stopping it stops its workers and kernels too.
        self._proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
                                      process_group=0)
        self._reader = threading.Thread(target=self._pump, daemon=True)
        self._reader.start()

    def _pump(self) -> None:
        for line in self._proc.stdout:
            self._log.write(line)
            self._lines.append(line)
            shown = _shown_line(line)
            if shown:
                print(self._label + shown, flush=True)

    def wait(self, timeout: float | None = None) -> tuple[int, str]:
        """The command's exit status and output; TIMED_OUT (the command stopped) after `timeout` seconds."""
        try:
            returncode = self._proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            return TIMED_OUT, "".join(self._lines)
        except BaseException:
            self.stop()
            raise
        self._reader.join()
        self._log.close()
        return returncode, "".join(self._lines)

    def _signal_group(self, sig: int) -> None:
        try:
            os.killpg(self._proc.pid, sig)
        except ProcessLookupError:  # the whole group is gone already
            pass

    def stop(self) -> None:
        if self._proc.poll() is None:
            self._signal_group(signal.SIGTERM)
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        self._signal_group(signal.SIGKILL)  # what ignored the request, and workers or kernels that outlived it
        self._proc.wait()
        self._reader.join()
        self._log.close()


def reread_summary(log: str) -> str:
    found = re.findall(r"updating environment: .*?(\d+) added, (\d+) changed, (\d+) removed", ANSI.sub("", log))
    if not found:
        return "no page re-read"
    added, changed, removed = map(int, found[-1])
    return f"{added + changed} page(s) re-read, {removed} removed" if added + changed + removed else "no page re-read"


def _stop_on_sigterm() -> None:
    """SIGTERM (timeout, a cancelled CI job, make's group being stopped) ends the build as Ctrl-C does: each Sphinx run
    and its workers and kernels are stopped, and the last complete site stays."""
    def stop(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


if __name__ == "__main__":
    _stop_on_sigterm()
    sys.exit(build())
