"""What an author meets: the editor, the chapter scaffold, and failures that say what to do next.

The scaffolded chapter is also built and put through the site and regression tests in ``test_build``
(on the copy that is built there), with no test edited.
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
from copies import cell_position, edit_cell

from axbook import failures, scaffold, stale
from axbook.paths import ROOT

VENV_PYTHON = Path(sys.executable)


# -- the editor -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.outside
def test_make_lab_serves_the_chapters_on_the_books_kernel():
    port, token = _free_port(), "authoring-test"
    lab = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_PORT={port}",
                            f"LAB_ARGS=--no-browser --IdentityProvider.token={token}"],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        specs, deadline = None, time.time() + 90
        while specs is None and time.time() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=5) as r:
                    specs = json.load(r)
            except OSError:
                assert lab.poll() is None, "make lab exited before serving"
                time.sleep(1)
        assert specs, "JupyterLab did not answer within 90 s"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/chapters?token={token}", timeout=5) as r:
            listed = {item["name"] for item in json.load(r)["content"]}
    finally:
        os.killpg(lab.pid, signal.SIGTERM)
        lab.wait(timeout=30)
    kernel = specs["kernelspecs"][specs["default"]]["spec"]
    # The default kernel is ipykernel's own spec: jupyter_client launches "python" as the server's interpreter,
    # and the server is .venv/bin/jupyter, so chapters run on the book's environment (axbook installed).
    assert specs["default"] == "python3" and kernel["argv"][:3] == ["python", "-m", "ipykernel_launcher"]
    assert (ROOT / ".venv" / "bin" / "jupyter-lab").read_text().splitlines()[0] == f"#!{VENV_PYTHON}"
    assert {p.name for p in (ROOT / "chapters").glob("*.ipynb")} <= listed


# -- the scaffold -----------------------------------------------------------------------------------

@pytest.fixture
def skeleton(tmp_path) -> Path:
    """The files `make chapter` reads and edits, copied."""
    for rel in ("_toc.yml", "axbook/ledgers.py", "data/articles.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    (tmp_path / "chapters").mkdir()
    return tmp_path


def test_scaffold_writes_a_chapter_with_every_required_part(skeleton):
    path = scaffold.scaffold("06-export-credit", "Export credit", "kibo-court", root=skeleton)
    assert path == skeleton / "chapters" / "06-export-credit.ipynb"
    nb = nbformat.read(path, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert ["parameters", "remove-cell"] in tags
    sources = "\n".join(c.source for c in nb.cells)
    for part in ("axbook.params.check(export_credit.PARAMETERS, globals())", "charts.figure(", "title=", "subtitle=",
                 'source=charts.source_line("sources"', "description=export_credit.describe(", "text.glue_values(",
                 "```{glue:figure} fig_example", ":name: fig-export-credit-example", "{download}`sources.csv",
                 "## Checking the article", 'axbook.ledgers.table("chapters/06-export-credit")'):
        assert part in sources, part
    module = (skeleton / "axbook" / "export_credit.py").read_text(encoding="utf-8")
    compile(module, "export_credit.py", "exec")
    assert 'ARTICLE = "kibo-court"' in module or "ARTICLE = 'kibo-court'" in module
    toc_lines = (skeleton / "_toc.yml").read_text(encoding="utf-8").splitlines()
    assert toc_lines[toc_lines.index("      - file: chapters/05-kvmcc") + 1] == "      - file: chapters/06-export-credit"
    ledgers = (skeleton / "axbook" / "ledgers.py").read_text(encoding="utf-8")
    assert 'Chapter.of_module("chapters/06-export-credit", "kibo-court", "axbook.export_credit"),\n' in ledgers
    # Same inputs, same bytes: scaffolding twice (in two places) gives identical notebooks.
    again = skeleton.parent / "again"
    shutil.copytree(skeleton, again, ignore=shutil.ignore_patterns("06-*", "export_credit.py"))
    (again / "_toc.yml").write_text((ROOT / "_toc.yml").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(ROOT / "axbook" / "ledgers.py", again / "axbook" / "ledgers.py")
    assert scaffold.scaffold("06-export-credit", "Export credit", "kibo-court", root=again).read_bytes() == path.read_bytes()


@pytest.mark.parametrize(("args", "message"), [
    (("6-x", "T"), "NAME='6-x': write it as two digits"),
    (("06-Export", "T"), "NAME='06-Export'"),
    (("06-x", " "), "TITLE is empty"),
    (("06-x", "T", "no-such-article"), "ARTICLE='no-such-article' is not in data/articles.csv"),
    (("05-other", "T"), "_toc.yml already has a chapter numbered 05"),
    (("06-ledgers", "T"), "axbook/ledgers.py already exists"),
])
def test_scaffold_refuses_what_it_cannot_do_and_says_why(skeleton, args, message):
    toc_before = (skeleton / "_toc.yml").read_bytes()
    with pytest.raises(scaffold.ScaffoldError, match=message.replace("(", r"\(").replace(".", r"\.")):
        scaffold.scaffold(*args, root=skeleton)
    assert (skeleton / "_toc.yml").read_bytes() == toc_before  # nothing half-written


# -- failures that say what to do next --------------------------------------------------------------

def _notebook(tmp_path: Path, *sources: str) -> Path:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t")]
                                  + [nbformat.v4.new_code_cell(s) for s in sources])
    path = tmp_path / "chapter.ipynb"
    nbformat.write(nb, path)
    return path


def test_a_cell_error_is_three_lines_naming_notebook_cell_and_closest_column(tmp_path):
    cell = 'smart = data.load("smart_manufacturing")\nsmart["indicatr"]'
    path = _notebook(tmp_path, "import axbook", cell)
    lines = failures.summary(path, cell, "KeyError: 'indicatr'").splitlines()
    assert lines == [f"error in {path}, cell 3 of 3 (starts `smart = data.load(\"smart_manufacturing\")`)",
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
    cell = 'smart = data.load("smart_manufacturing")'
    path = _notebook(tmp_path, cell)
    assert failures.summary(path, cell, exception).splitlines()[2].startswith(hint)


def test_a_jupyter_book_log_yields_the_same_summary(tmp_path):
    cell = 'steps = data.load("kibo_steps")\nsteps["actr_en"]'
    path = _notebook(tmp_path, cell)
    log = (f"\x1b[01mreading sources...\x1b[39;49;00m\nmyst_nb.core.execute.base.ExecutionError: {path}\n"
           "nbclient.exceptions.CellExecutionError: An error occurred while executing the following cell:\n"
           f"------------------\n{cell}\n------------------\n\n\n"
           "\x1b[31mKeyError\x1b[39m Traceback (most recent call last)\n...\n\x1b[31mKeyError\x1b[39m: 'actr_en'\n\n"
           "The above exception was the direct cause of the following exception:\nRuntimeError: boom\n")
    assert failures.from_log(log) == "\n".join([
        f"error in {path}, cell 2 of 2 (starts `steps = data.load(\"kibo_steps\")`)", "KeyError: 'actr_en'",
        "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"])
    assert failures.from_log("no cell error here\nWARNING: something") is None


def _chart_output(name: str, spec: dict, svg: str) -> dict:
    html = (f'<div class="axbook-chart"><svg>{svg}</svg></div>'
            f'<script type="application/json" id="c-spec">{json.dumps(spec)}</script>')
    return nbformat.v4.new_output("display_data", data={
        "application/papermill.record/text/html": html, "application/papermill.record/image/svg+xml": f"<svg>{svg}</svg>",
        "application/papermill.record/text/plain": spec["description"]},
        metadata={"scrapbook": {"name": name, "mime_prefix": "application/papermill.record/"}})


def test_the_stale_diff_lists_changed_values_not_svg_bodies():
    def nb(value, svg):
        spec = {"description": f"Large firms {value}%", "datasets": {f"data-{value}": [{"g": "SMEs", "value": 4.5},
                                                                                  {"g": "Large", "value": value}]},
                "data": {"name": f"data-{value}"}}
        cell = nbformat.v4.new_code_cell('rates = data.load("ai_use_rate")\nfig = ...')
        cell.outputs = [_chart_output("fig_all", spec, svg),
                        nbformat.v4.new_output("display_data", data={"application/papermill.record/text/plain": str(value)},
                                               metadata={"scrapbook": {"name": "large_last"}})]
        return nbformat.v4.new_notebook(cells=[cell])

    lines = stale.changed_values(nb(13.5, "<path d='M0 0 L 10 10'/>" * 50), nb(14.5, "<path d='M0 0 L 10 11'/>" * 50))
    assert lines == [
        'cell 1 (`rates = data.load("ai_use_rate")`)',
        "  glue 'fig_all': spec description: 'Large firms 13.5%' -> 'Large firms 14.5%'",
        "  glue 'fig_all': spec datasets[0][1].value: 13.5 -> 14.5",
        "  glue 'large_last': text/plain: '13.5' -> '14.5'",
    ]
    assert stale.changed_values(nb(13.5, "<a/>"), nb(13.5, "<a/>")) == []
    assert stale.changed_values(nb(13.5, "<a/>"), nb(13.5, "<b/>")) == [
        'cell 1 (`rates = data.load("ai_use_rate")`)', "  glue 'fig_all': drawn SVG changed (spec unchanged)"]


# -- the same failures, met in a copy of the repository ----------------------------------------------

@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("author") / "repo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "*.pyc", ".pytest_cache"))
    return target


def _run(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.outside
def test_forgetting_make_regen_names_the_notebook_the_command_and_the_changed_value(repo_copy):
    steps = repo_copy / "data" / "kibo_steps.csv"
    original = steps.read_text(encoding="utf-8")
    steps.write_text(original.replace("Recommends firms", "Refers firms", 1), encoding="utf-8")
    try:
        done = _run(repo_copy, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_notebooks.py", "-k", "04-kibo")
    finally:
        steps.write_text(original, encoding="utf-8")
    out = done.stdout
    assert done.returncode == 1, out[-3000:]
    assert "outputs of chapters/04-kibo-rehabilitation.ipynb are stale" in out and "run `make regen`" in out
    assert "spec datasets[0][0].action: 'Recommends firms" in out and "-> 'Refers firms" in out
    assert "<svg" not in out.split("outputs of chapters/")[1].split("short test summary")[0]


@pytest.mark.outside
def test_a_typo_names_notebook_cell_and_column_in_the_test_and_in_regen(repo_copy):
    chapter = repo_copy / "chapters" / "04-kibo-rehabilitation.ipynb"
    original = chapter.read_bytes()
    edit_cell(chapter, 'steps = data.load("kibo_steps")', 'steps = data.load("kibo_steps")\nsteps["actr_en"]')
    position, count = cell_position(chapter, 'steps = data.load("kibo_steps")')
    expected = [f"error in chapters/04-kibo-rehabilitation.ipynb, cell {position} of {count} "
                "(starts `steps = data.load(\"kibo_steps\")`)",
                "KeyError: 'actr_en'", "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"]
    try:
        test = _run(repo_copy, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_notebooks.py", "-k", "04-kibo")
        regen = _run(repo_copy, "-m", "axbook.regen", "chapters/04-kibo-rehabilitation.ipynb")
        regen_left = chapter.read_bytes()
    finally:
        chapter.write_bytes(original)
    assert test.returncode == 1 and "\n".join(expected) in test.stdout, test.stdout[-3000:]
    assert regen.returncode == 1 and "\n".join(expected) in regen.stderr, regen.stderr[-3000:]
    assert "make regen stopped at chapters/04-kibo-rehabilitation.ipynb" in regen.stderr
    # regen stopped before writing: the author's edit stays, the stored outputs are the old ones
    left, before = nbformat.reads(regen_left.decode(), as_version=4), nbformat.reads(original.decode(), as_version=4)
    assert "actr_en" in left.cells[position - 1].source
    assert [c.get("outputs") for c in left.cells] == [c.get("outputs") for c in before.cells]


# -- the guides stay true ---------------------------------------------------------------------------

GUIDES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md"]


@pytest.mark.outside
def test_every_command_and_file_the_guides_name_exists():
    help_text = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        for target in set(re.findall(r"`make ([a-z][a-z-]*)", text)):
            assert target in targets, f"{guide.name} names `make {target}`, which the Makefile lacks"
            assert f"make {target}" in help_text, f"`make help` does not list `make {target}`"
        for rel in set(re.findall(r"`((?:tests|axbook|data|benchmarks|chapters)/[\w./-]+\.(?:py|csv|yaml|ipynb))`", text)):
            if "NN-" not in rel and "06-export-credit" not in rel and "export_credit" not in rel:
                assert (ROOT / rel).exists(), f"{guide.name} names {rel}, which does not exist"
    for target in targets:
        assert re.search(rf"make {target}\b", help_text), f"`make help` omits `make {target}`"


def test_the_hint_prefers_a_column_of_the_dataset_the_cell_loads(tmp_path):
    # 'source_id' is a column of many datasets: the one this cell loads is named.
    cell = 'conditions = data.load("kibo_eligibility")\nconditions["sourc_id"]'
    path = _notebook(tmp_path, cell)
    assert failures.summary(path, cell, "KeyError: 'sourc_id'").splitlines()[2] == (
        "did you mean 'source_id' (a column of data/kibo_eligibility.csv)?")
    other = 'steps = data.load("kibo_steps")\nsteps["sourc_id"]'
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
