"""The Korean edition's prose goes through Sphinx's own internationalisation, notebooks included.

MyST-NB 1.4 falls back to the MyST parser for a translated string (its fix of issue 587), so a notebook's
markdown cells can be translated from gettext catalogs like any page. Proved here on a copy of the book's
sources rather than trusted: messages extracted with Sphinx's gettext builder, two entries translated (a
notebook chapter's heading and a paragraph of a notebook page), the HTML built in Korean from the stored outputs.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from axbook.paths import ROOT

BIN = Path(sys.executable).parent
TRANSLATED = {
    "The page's dates": "지면의 날짜",  # a heading of a notebook chapter (chapters/03)
    "Every chapter keeps a ledger with three kinds of row, and keeps them apart:":
        "각 장은 세 종류의 행으로 된 장부를 두고, 이를 섞지 않는다:",  # a paragraph of a notebook page
}


def _sphinx(repo: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "sphinx-build"), "-q", "-D", "nb_execution_mode=off", *args], cwd=repo,
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(repo)}, timeout=300)


def _korean_site(tmp_path: Path, translated: dict[str, str]) -> Path:
    """A copy of the book built in Korean from the stored outputs, with only ``translated`` in its catalogs."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT, repo, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "mutants", "tests",
                                                              "benchmarks", "*.pyc", ".pytest_cache"))
    made = subprocess.run([str(BIN / "jupyter-book"), "config", "sphinx", "."], cwd=repo, capture_output=True,
                          text=True, timeout=120)
    assert made.returncode == 0, made.stderr[-2000:]
    extracted = _sphinx(repo, "-b", "gettext", "-D", "gettext_compact=0", ".", "_build/gettext")
    assert extracted.returncode == 0, extracted.stderr[-3000:]
    catalogs = repo / "locale" / "ko" / "LC_MESSAGES"
    found = set()
    for pot in (repo / "_build" / "gettext").rglob("*.pot"):
        with pot.open("rb") as handle:
            catalog = read_po(handle, locale="ko")
        for message in catalog:
            if message.id in translated:
                message.string = translated[message.id]
                found.add(message.id)
        target = catalogs / pot.relative_to(repo / "_build" / "gettext").with_suffix(".po")
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            write_po(handle, catalog)
    assert found == set(translated)  # every string was extracted from the notebooks' markdown
    built = _sphinx(repo, "-b", "html", "-D", "language=ko", "-D", "locale_dirs=locale/", "-D", "gettext_compact=0",
                    ".", "_build/ko")
    assert built.returncode == 0, built.stderr[-3000:]
    return repo


@pytest.mark.outside
def test_notebook_prose_is_translated_from_a_gettext_catalog(tmp_path):
    repo = _korean_site(tmp_path, TRANSLATED)
    chapter = (repo / "_build" / "ko" / "chapters" / "03-everyones-challenge.html").read_text(encoding="utf-8")
    page = (repo / "_build" / "ko" / "how-we-check.html").read_text(encoding="utf-8")
    assert "지면의 날짜" in chapter and "The page's dates" not in chapter.split("<body")[1].replace("&#8217;", "'")
    assert "각 장은 세 종류의 행으로 된 장부를 두고" in page and '<html lang="ko"' in page


@pytest.mark.outside
def test_glued_values_survive_translation(tmp_path):
    """MyST-NB parses a translated string into a fresh document without the page's glue data; the book's Sphinx
    extension lends it the page's (``sphinx_ext._glue_in_translated_prose``). Without it the value vanished."""
    catalog = ROOT / "locale" / "ko" / "LC_MESSAGES" / "chapters" / "03-everyones-challenge.po"
    with catalog.open("rb") as handle:
        glued = next(m.id for m in read_po(handle) if m.id.startswith("Recruitment opens on {glue:text}`opens`"))
    repo = _korean_site(tmp_path, {glued: "모집 기간은 {glue:text}`window_days`일이다."})
    chapter = (repo / "_build" / "ko" / "chapters" / "03-everyones-challenge.html").read_text(encoding="utf-8")
    import re

    assert "모집 기간은 21일이다." in re.sub(r"<[^>]+>", "", chapter)  # the value is in its own span
