"""The book's pages from _toc.yml: the one list every tool and test uses."""

from axbook.site import toc


def test_toc_files_reads_root_then_every_part_in_order(tmp_path):
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n", encoding="utf-8")
    assert toc.files(tmp_path) == ["intro"]
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nparts:\n  - caption: Empty\n  - caption: A\n    chapters:\n"
        "      - file: chapters/01-x\n      - file: b\n", encoding="utf-8")
    assert toc.files(tmp_path) == ["intro", "chapters/01-x", "b"]
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-x.ipynb").write_text("{}", encoding="utf-8")
    assert toc.notebooks(tmp_path) == [tmp_path / "chapters" / "01-x.ipynb"]
    assert toc.html_pages(tmp_path) == ["intro.html", "chapters/01-x.html", "b.html"]
    # what `make execute` and CI's matrix take: toc entries, relative and without suffix, notebooks only
    assert toc.notebook_pages(tmp_path) == ["chapters/01-x"]
