import shutil
from pathlib import Path

import pytest

from axbook.paths import DATA_DIR


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A throwaway copy of data/ to break on purpose (data/ itself is never edited by tests)."""
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (DATA_DIR / "raw" / "metro-seoul-2026-05-page.txt").read_text(encoding="utf-8")


# Files whose tests share one copy of the repository (a module fixture), built or edited in order: each runs whole on
# one worker. Every other test is sent on its own to the next free worker. (xdist 3.8's own `loadgroup` marks grouped
# nothing under pytest 9.2, module-level or per test, on a three-test example; the cause was not found.)
SHARED_COPY_FILES = {"tests/site/test_build.py", "tests/authoring/test_in_a_copy.py"}


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class SharedCopyScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return path if path in SHARED_COPY_FILES else nodeid

    return SharedCopyScheduling(config, log)


def pytest_addoption(parser):
    parser.addoption("--only-pages", default="", help="comma-separated page names (e.g. 06-topic): of the tests made "
                     "once per page, chapter or notebook, keep those of these pages; every other test runs as usual")


def pytest_collection_modifyitems(config, items):
    """The tests that build a copy of the repository first, the longest (the whole suite after `make chapter`)
    first of all: with two workers the rest of the suite runs beside them instead of after them. With --only-pages,
    the per-page tests of other pages are left out (tests/authoring/test_new_chapter.py runs a new chapter's)."""
    only = [name for name in config.getoption("--only-pages").split(",") if name]
    if only:
        from axbook.site import toc

        pages = {Path(page).name for page in toc.files(Path(config.rootpath))}

        def per_other_page(item) -> bool:
            params = getattr(getattr(item, "callspec", None), "params", {})
            named = {Path(str(v)).stem.removesuffix(".html") for v in params.values() if isinstance(v, (str, Path))}
            named = {n for n in named if n in pages}
            return bool(named) and not named & set(only)

        deselected = [item for item in items if per_other_page(item)]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if not per_other_page(item)]

    def weight(item) -> int:
        if "test_new_chapter.py" in item.nodeid:
            return 0
        return 1 if item.get_closest_marker("repository_copy") else 2

    items.sort(key=weight)  # stable: every other order is the collection's


@pytest.fixture
def korean():
    """The code writes in Korean for the test, then in English again (every file testing the Korean edition uses it)."""
    from axbook.language import i18n

    with i18n.using("ko"):
        yield
