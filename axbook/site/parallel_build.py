"""`python -m axbook.site.parallel_build SOURCE OUTPUT JOBS [LANGUAGE]`: `jupyter-book build SOURCE --path-output OUTPUT
-W --keep-going`, with Sphinx reading (so executing) pages in JOBS processes, in the edition of LANGUAGE.

An edition other than the source language is the same build with Sphinx's internationalisation on (``language``,
the pages' catalogs in ``locale/``) and the configuration's own words (title, author, footer, search box, figure
numbers) taken from the package's catalog (``edition_overrides``); its notebooks execute with their ``language``
parameter set (``axbook.site.sphinx_ext``).

JB1's command line has no ``-j``; its ``build_sphinx`` takes ``jobs``. The configuration is made exactly as
the command line makes it (``get_config_only``), so the two builds differ only in the number of processes.

Sphinx splits the pages into one equal run of pages per process, in name order: chapters 01-04 (the heavy
ones) landed in one process and the clean build took as long as a serial one. One page per task instead: each
process takes the next page when it finishes one. And Sphinx reads in parallel only from six pages up, so an
edit that re-runs two to five notebooks (a package module, a CSV) ran them one after another: here, from two.
"""

import shutil
import sys
import traceback
from pathlib import Path

from axbook.language.i18n import SOURCE


def main(argv: list[str]) -> int:
    import sphinx.builders
    from jupyter_book.sphinx import build_sphinx
    from sphinx.errors import SphinxParallelError

    _end_with_the_build()
    sphinx.builders.make_chunks = _one_page_per_task
    sphinx.builders.Builder._read_serial = _parallel_from_two_pages(sphinx.builders.Builder._read_serial)

    source, output, jobs = Path(argv[0]).resolve(), Path(argv[1]).resolve(), int(argv[2])
    language = argv[3] if len(argv) > 3 else SOURCE
    path_config, source_dir, overrides = config(source, output, language)
    if jobs > 1:
        print(f"parallel_build: reading pages in {jobs} processes (when two pages or more are to be read)")
    result = build_sphinx(source_dir, output / "_build" / "html", use_external_toc=True, noconfig=True,
                          path_config=path_config, confoverrides=overrides, builder="html",
                          warningiserror=True, keep_going=True, jobs=jobs)
    if isinstance(result, SphinxParallelError):
        # A page failed in a worker: Sphinx says only which notebook; its traceback has the cell and the error.
        print(result.traceback, file=sys.stderr)
        _stop_workers()
    elif isinstance(result, BaseException):  # build_sphinx returns the exception; the log needs its whole chain
        traceback.print_exception(result, file=sys.stderr)
    return result if isinstance(result, int) else 1


def _end_with_the_build(interval: float = 0.5) -> None:
    """This Sphinx run (its own process group: workers, kernels) ends when the build that started it is gone. A build
    stopped by SIGTERM stops it itself; one killed outright (SIGKILL, as a CI runner may) cannot, and its workers and
    kernels used to keep writing into the stage: a thread here notices the orphaning and ends the whole group."""
    import os
    import signal
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os.killpg(os.getpgrp(), signal.SIGKILL)

    threading.Thread(target=watch, daemon=True, name="end-with-the-build").start()


def _stop_workers() -> None:
    """After a failure Sphinx stops reading its other workers' pipes; one still writing its result (a page's
    environment, often more than a pipe holds) then blocks for ever, and so does the exit, which joins it."""
    import multiprocessing

    for worker in multiprocessing.active_children():
        worker.kill()
        worker.join()


def _one_page_per_task(docnames, nproc, maxbatch=10):
    return [[name] for name in docnames]


def _parallel_from_two_pages(read_serial):
    from sphinx.util.parallel import parallel_available

    def read(self, docnames):
        if parallel_available and len(docnames) > 1 and self.app.parallel > 1 and self.app.is_parallel_allowed("read"):
            return self._read_parallel(docnames, nproc=self.app.parallel)
        return read_serial(self, docnames)

    return read


def config(source: Path, output: Path, language: str = SOURCE):
    from jupyter_book.cli.main import build

    # The command's own function, asked only for the configuration it would build with.
    path_config, source_dir, overrides = build.callback(
        path_source=str(source), path_output=str(output), config=None, toc=None, warningiserror=True, nitpick=False,
        keep_going=True, freshenv=False, builder="html", custom_builder=None, verbose=0, quiet=0,
        individualpages=False, get_config_only=True)
    if language != SOURCE:
        overrides = {**overrides, **edition_overrides(Path(path_config), language, output)}
    return path_config, source_dir, overrides


def staged_catalogs(source: Path, output: Path) -> Path:
    """The pages' catalogs copied beside the build's output, times kept: Sphinx compiles each .po into a .mo beside it
    (when the .po is newer) and re-reads the pages whose .mo changed; the repository's locale/ is never written to."""
    staged = output / "locale"
    wanted = {po.relative_to(source / "locale") for po in (source / "locale").rglob("*.po")}
    if staged.exists():
        for old in staged.rglob("*.po"):
            if old.relative_to(staged) not in wanted:
                old.unlink()
                old.with_suffix(".mo").unlink(missing_ok=True)
    for name in wanted:
        target = staged / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != (source / "locale" / name).read_bytes():
            shutil.copy2(source / "locale" / name, target)
    return staged


# The configuration's own words, shown on every page: (key, key inside it or None).
CONFIG_WORDS = (("html_title", None), ("author", None), ("numfig_format", "figure"),
                ("html_theme_options", "search_bar_text"), ("html_theme_options", "extra_footer"))


def sphinx_config(path_config: Path) -> dict:
    from jupyter_book.config import get_final_config

    return get_final_config(user_yaml=path_config, sourcedir=path_config.parent,
                            cli_config={"latex_individualpages": False})[0]


def config_words(path_config: Path) -> list[str]:
    """The English the configuration shows on every page: what the package's catalog translates."""
    settings = sphinx_config(path_config)
    return [settings[key] if inner is None else settings[key][inner] for key, inner in CONFIG_WORDS]


def edition_overrides(path_config: Path, language: str, output: Path) -> dict:
    """Sphinx's settings for the ``language`` edition: its catalogs on (staged beside ``output``), the configuration's
    words translated."""
    from axbook.language import i18n

    settings = sphinx_config(path_config)
    catalogs = staged_catalogs(path_config.parent, output)
    overrides = {"language": language, "locale_dirs": [str(catalogs)], "gettext_compact": False}
    with i18n.using(language):
        for key, inner in CONFIG_WORDS:
            if inner is None:
                overrides[key] = i18n._(settings[key])
            else:
                overrides[key] = {**overrides.get(key, settings[key]), inner: i18n._(settings[key][inner])}
    return overrides


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
