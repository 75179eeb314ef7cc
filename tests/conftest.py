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
