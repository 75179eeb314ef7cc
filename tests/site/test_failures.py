"""Failures that say what to do next: a cell error in three lines, with the closest column or name."""

from pathlib import Path

import nbformat
import pytest

from axbook.site import failures

# -- failures that say what to do next --------------------------------------------------------------

def _notebook(tmp_path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t")]
                                  + [nbformat.v4.new_code_cell(s) for s in sources])
    path = tmp_path / "chapter.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_cell_error_is_three_lines_naming_notebook_cell_and_closest_column(tmp_path):
    cell = 'smart = tables.load("smart_manufacturing")\nsmart["indicatr"]'
    path = _notebook(tmp_path, "import axbook", cell)
    lines = failures.summary(path, cell, "KeyError: 'indicatr'").splitlines()
    assert lines == [f"error in {path}, cell 3 of 3 (starts `smart = tables.load(\"smart_manufacturing\")`)",
                     "KeyError: 'indicatr'",
                     "did you mean 'indicator' (a column of data/smart_manufacturing.csv)?"]


@pytest.mark.parametrize(("exception", "hint"), [
    ("NameError: name 'smrt' is not defined", "did you mean 'smart' (a name used in this notebook)?"),
    ("KeyError: 'kb-agremeent'", "did you mean 'kb-agreement' (a row id in data/sources.csv)?"),
    ("KeyError: \"no dataset 'kibo_step' in data/datapackage.yaml; known: ...\"",
     "did you mean 'kibo_steps' (a dataset in data/datapackage.yaml)?"),
    ("ZeroDivisionError: division by zero", "fix the cell, then `make book`"),
])
def test_the_hint_names_the_closest_name_or_the_next_command(tmp_path, exception, hint):
    cell = 'smart = tables.load("smart_manufacturing")'
    path = _notebook(tmp_path, cell)
    assert failures.summary(path, cell, exception).splitlines()[2].startswith(hint)


def test_a_jupyter_book_log_yields_the_same_summary(tmp_path):
    cell = 'steps = tables.load("kibo_steps")\nsteps["actr_en"]'
    path = _notebook(tmp_path, cell)
    log = (f"\x1b[01mreading sources...\x1b[39;49;00m\nmyst_nb.core.execute.base.ExecutionError: {path}\n"
           "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:\n"
           f"------------------\n{cell}\n------------------\n\n\n"
           "\x1b[31mKeyError\x1b[39m Traceback (most recent call last)\n...\n\x1b[31mKeyError\x1b[39m: 'actr_en'\n\n"
           "The above exception was the direct cause of the following exception:\nRuntimeError: boom\n")
    assert failures.from_log(log) == "\n".join([
        f"error in {path}, cell 2 of 2 (starts `steps = tables.load(\"kibo_steps\")`)", "KeyError: 'actr_en'",
        "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"])
    assert failures.from_log("no cell error here\nWARNING: something") is None


def test_the_hint_prefers_a_column_of_the_dataset_the_cell_loads(tmp_path):
    # 'source_id' is a column of many datasets: the one this cell loads is named.
    cell = 'conditions = tables.load("kibo_eligibility")\nconditions["sourc_id"]'
    path = _notebook(tmp_path, cell)
    assert failures.summary(path, cell, "KeyError: 'sourc_id'").splitlines()[2] == (
        "did you mean 'source_id' (a column of data/kibo_eligibility.csv)?")
    other = 'steps = tables.load("kibo_steps")\nsteps["sourc_id"]'
    path = _notebook(tmp_path, other)
    assert failures.summary(path, other, "KeyError: 'sourc_id'").splitlines()[2] == (
        "did you mean 'source_id' (a column of data/kibo_steps.csv)?")


def test_a_summary_without_a_matching_cell_or_exception_still_has_three_lines(tmp_path):
    path = _notebook(tmp_path, "x = 1")
    assert failures.summary(path, "y = 2", "").splitlines() == [
        f"error in {path}", "(no exception text)",
        "fix the cell, then `make book` (or `make regen` to rewrite the stored outputs)"]
    ansi = "\x1b[31mValueError\x1b[39m: first\nsecond line: \x1b[1mlast\x1b[0m"
    assert failures.summary(path, "x = 1", ansi).splitlines()[:2] == [f"error in {path}, cell 2 of 2 (starts `x = 1`)",
                                                                     "second line: last"]
    assert failures.summary(tmp_path / "missing.ipynb", "x", "KeyError: 'x'").splitlines()[0] == (
        f"error in {tmp_path / 'missing.ipynb'}")
    assert failures.closest("zzzz", [("value", "a column")]) is None
    assert failures._data_names(tmp_path) == []  # no descriptor there


def test_from_log_needs_both_the_notebook_and_the_cell():
    cell_only = ("CellExecutionError: An error occurred while executing the following cell:\n"
                 "------------------\nx\n------------------\nKeyError: 'x'\n")
    assert failures.from_log(cell_only) is None
    assert failures.from_log("myst_nb.core.execute.base.ExecutionError: /a/b.ipynb\n") is None


def test_data_names_read_datasets_columns_and_single_key_row_ids_only(tmp_path):
    (tmp_path / "datapackage.yaml").write_text("""resources:
  - {name: bare, path: bare.csv}
  - name: pairs
    path: pairs.csv
    schema: {primaryKey: [a, b], fields: [{name: a}, {name: b}]}
  - name: steps
    path: steps.csv
    schema: {primaryKey: [step_id], fields: [{name: step_id}, {name: actor_en}]}
""", encoding="utf-8")
    (tmp_path / "pairs.csv").write_text("a,b\nx1,y1\n", encoding="utf-8")
    (tmp_path / "steps.csv").write_text("step_id,actor_en\nrecommend,court\n,nobody\n", encoding="utf-8")
    assert failures._data_names(tmp_path) == [
        ("bare", "a dataset in data/datapackage.yaml"),  # no schema: the dataset alone
        ("pairs", "a dataset in data/datapackage.yaml"),
        ("a", "a column of data/pairs.csv"), ("b", "a column of data/pairs.csv"),  # a two-column key: no row ids
        ("steps", "a dataset in data/datapackage.yaml"),
        ("step_id", "a column of data/steps.csv"), ("actor_en", "a column of data/steps.csv"),
        ("recommend", "a row id in data/steps.csv")]  # an empty id is not offered
    (tmp_path / "datapackage.yaml").write_text("name: empty\n", encoding="utf-8")
    assert failures._data_names(tmp_path) == []


def test_a_capitalised_name_in_the_notebook_is_offered(tmp_path):
    path = _notebook(tmp_path, "Rates = load()\nrates_2023 = Rates")
    assert failures.summary(path, "x", "NameError: name 'Ratse' is not defined").splitlines()[2] == (
        "did you mean 'Rates' (a name used in this notebook)?")


def test_an_empty_cell_and_a_log_without_exception_still_read_plainly(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("")]
    path = tmp_path / "empty.ipynb"
    nbformat.write(nb, path)
    assert failures.summary(path, "", "ValueError: v").splitlines()[0] == f"error in {path}, cell 1 of 1 (starts ``)"
    log = ("CellExecutionError: An error occurred while executing the following cell:\n------------------\n"
           "x = 1\n------------------\n\nmyst_nb.core.execute.base.ExecutionError: " + str(path) + "\n")
    assert failures.from_log(log).splitlines()[1] == "(no exception text)"
