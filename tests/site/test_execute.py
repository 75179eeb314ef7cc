"""Executed copies (`make execute`): used only while the notebook and every input it read hash the same."""

import hashlib
import json

import pytest

# --- executed copies (axbook/site/execute.py): used only while everything they read is unchanged ---

def _executed_copy(root, page="chapters/x", inputs=None, source_sha=None):

    from axbook.site import execute

    notebook, sidecar = execute.copy_paths(page, root)
    notebook.parent.mkdir(parents=True, exist_ok=True)
    notebook.write_text("{}")
    sha = hashlib.sha256((root / f"{page}.ipynb").read_bytes()).hexdigest()
    sidecar.write_text(json.dumps({"page": page, "source": source_sha or sha, "inputs": inputs}))


def test_an_executed_copy_is_fresh_only_while_its_notebook_and_every_input_hash_the_same(tmp_path):
    from axbook.site import execute

    (tmp_path / "chapters").mkdir()
    (tmp_path / "data").mkdir()
    for name, content in (("chapters/x.ipynb", "nb"), ("data/a.csv", "a\n1\n"), ("requirements.txt", "lock")):
        (tmp_path / name).write_text(content)
    sha = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in ("data/a.csv", "requirements.txt")}
    _executed_copy(tmp_path, inputs=sha)
    assert execute.fresh("chapters/x", tmp_path) == {(tmp_path / n).resolve() for n in sha}
    assert execute.fresh("chapters/y", tmp_path) is None  # no copy
    (tmp_path / "data" / "a.csv").write_text("a\n2\n")
    assert execute.fresh("chapters/x", tmp_path) is None  # an input changed
    (tmp_path / "data" / "a.csv").write_text("a\n1\n")
    assert execute.fresh("chapters/x", tmp_path) is not None
    (tmp_path / "data" / "a.csv").unlink()
    assert execute.fresh("chapters/x", tmp_path) is None  # an input is gone
    (tmp_path / "data" / "a.csv").write_text("a\n1\n")
    _executed_copy(tmp_path, inputs=sha, source_sha="0" * 64)
    assert execute.fresh("chapters/x", tmp_path) is None  # the notebook was edited since


@pytest.mark.parametrize("record", [
    {"page": "chapters/x", "inputs": {"../outside.csv": hashlib.sha256(b"x").hexdigest()}},  # out of the repository
    {"page": "chapters/other", "inputs": {}},  # another page's copy
    {"page": "chapters/x"},  # no inputs recorded
    "not json",
])
def test_a_copy_naming_files_outside_another_page_or_nothing_is_not_used(tmp_path, record):

    from axbook.site import execute

    root = tmp_path / "repo"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "x.ipynb").write_text("nb")
    (tmp_path / "outside.csv").write_text("x")  # unchanged, but not the repository's
    notebook, sidecar = execute.copy_paths("chapters/x", root)
    notebook.parent.mkdir(parents=True)
    notebook.write_text("{}")
    if isinstance(record, dict):
        record = json.dumps({**record, "source": hashlib.sha256(b"nb").hexdigest()})
    sidecar.write_text(record)
    assert execute.fresh("chapters/x", root) is None


def test_an_edition_executes_with_its_language_set_after_the_parameters_as_papermill_would():
    from axbook.site import execute

    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# T"},
                          {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": 'language = "en"'},
                          {"cell_type": "code", "metadata": {}, "source": "axbook.setup(language)"}]}
    assert execute.in_language(dict(notebook), "en") == notebook  # the source language is the default: unchanged
    cells = execute.in_language(dict(notebook), "ko")["cells"]
    assert [c["source"] for c in cells][1:3] == ['language = "en"', "language = 'ko'  # this edition's language"]
    assert cells[2]["metadata"]["tags"] == ["injected-parameters", "remove-cell"]  # never shown on the page


def test_each_edition_has_its_own_executed_copy(tmp_path):
    from axbook.site import execute

    assert execute.copy_paths("chapters/x", tmp_path)[0] == tmp_path / "_build/executed/chapters/x.ipynb"
    assert execute.copy_paths("chapters/x", tmp_path, "ko")[0] == tmp_path / "_build/executed/ko/chapters/x.ipynb"
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters/x.ipynb").write_text("nb")
    _executed_copy(tmp_path, inputs={})
    assert execute.fresh("chapters/x", tmp_path) == set() and execute.fresh("chapters/x", tmp_path, "ko") is None


def test_the_editions_built_are_every_language_or_those_named(monkeypatch):
    from axbook.site import toc

    monkeypatch.delenv("AXBOOK_LANGUAGES", raising=False)
    assert toc.editions() == ("en", "ko")
    monkeypatch.setenv("AXBOOK_LANGUAGES", "ko")
    assert toc.editions() == ("ko",) and toc.edition_prefix("ko") == "ko/" and toc.edition_prefix("en") == ""
    monkeypatch.setenv("AXBOOK_LANGUAGES", "fr")
    with pytest.raises(ValueError, match="LANG=fr: not an edition of the book"):
        toc.editions()


def test_make_execute_runs_a_page_in_each_edition_with_its_language(tmp_path, monkeypatch):
    """A real kernel: the copy of each edition holds what the page printed in its language."""
    import nbformat

    from axbook.site import execute

    (tmp_path / "chapters").mkdir()
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 60\n")
    (tmp_path / "requirements.txt").write_text("lock")
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('language = "en"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print('edition', language)")])
    nbformat.write(nb, tmp_path / "chapters" / "x.ipynb")
    for language in ("en", "ko"):
        assert execute.execute("chapters/x", tmp_path, language) == 0
        copy = nbformat.read(execute.copy_paths("chapters/x", tmp_path, language)[0], as_version=4)
        assert copy.cells[-1].outputs[0]["text"] == f"edition {language}\n"
        assert execute.fresh("chapters/x", tmp_path, language) is not None


def test_only_an_edition_of_the_book_is_ever_written_into_a_notebook():
    """The language is written into a code cell (as papermill writes a parameter): nothing but a known edition."""
    from axbook.site import execute

    notebook = {"cells": [{"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": 'language = "en"'}]}
    with pytest.raises(ValueError, match="is not an edition of the book"):
        execute.in_language(notebook, "ko'; import os; os.system('x'); '")
