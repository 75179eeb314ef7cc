"""What an author meets: the editor (`make lab`), the chapter scaffold (`make chapter`), a stale notebook's diff."""

import json
import os
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
from helpers import chapters, free_chapter_number

from axbook.authoring import scaffold, stale
from axbook.paths import ROOT
from axbook.site import toc

VENV_PYTHON = Path(sys.executable)
VENV = VENV_PYTHON.parent.parent  # the environment running the tests (in a copy of the repository, main's)


# -- the editor -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.outside
def test_make_lab_serves_the_chapters_on_the_books_kernel():
    port, token = _free_port(), "authoring-test"
    lab = subprocess.Popen(["make", "--no-print-directory", "lab", f"LAB_PORT={port}", f"VENV={VENV}",
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
    assert (VENV / "bin" / "jupyter-lab").read_text().splitlines()[0] == f"#!{VENV_PYTHON}"
    assert {p.name for p in (ROOT / "chapters").glob("*.ipynb")} <= listed


# -- the scaffold -----------------------------------------------------------------------------------

LAST = chapters()[-1]  # the chapters come from _toc.yml: an author's new chapter changes nothing here
LAST_NUMBER = Path(LAST).name[:2]
NEXT = free_chapter_number()


@pytest.fixture
def skeleton(tmp_path) -> Path:
    """The files `make chapter` reads and edits, copied."""
    for rel in ("_toc.yml", "axbook/pages/ledgers.py", "axbook/articles/power.py", "data/articles.csv"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp_path / rel)
    (tmp_path / "chapters").mkdir()
    return tmp_path


def test_scaffold_writes_a_chapter_with_every_required_part(skeleton):
    path = scaffold.scaffold(f"{NEXT}-export-credit", "Export credit", "kibo-court", root=skeleton)
    assert path == skeleton / "chapters" / f"{NEXT}-export-credit.ipynb"
    nb = nbformat.read(path, as_version=4)
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert ["parameters", "remove-cell"] in tags
    sources = "\n".join(c.source for c in nb.cells)
    for part in ("params.check(export_credit.PARAMETERS, globals())", "charts.figure(", "title=", "subtitle=",
                 'source=charts.source_line("sources"', "description=export_credit.describe(", "text.glue_values(",
                 "```{glue:figure} fig_example", ":name: fig-export-credit-example", "<../data/sources.csv>`",
                 "## Checking the article", f'ledgers.table("chapters/{NEXT}-export-credit")',
                 "HTML(ledgers.claims_html(ledger))", "HTML(ledgers.findings_html(ledger))",
                 "HTML(ledgers.not_said_html(ledger))", "{glue:text}`dateline`"):
        assert part in sources, part
    module = (skeleton / "axbook" / "articles" / "export_credit.py").read_text(encoding="utf-8")
    compile(module, "export_credit.py", "exec")
    assert 'ARTICLE = "kibo-court"' in module or "ARTICLE = 'kibo-court'" in module
    toc_lines = (skeleton / "_toc.yml").read_text(encoding="utf-8").splitlines()
    assert toc_lines[toc_lines.index(f"      - file: {LAST}") + 1] == f"      - file: chapters/{NEXT}-export-credit"
    ledgers = (skeleton / "axbook" / "pages" / "ledgers.py").read_text(encoding="utf-8")
    assert f'Chapter.of_module("chapters/{NEXT}-export-credit", "kibo-court", "axbook.articles.export_credit"),\n' in ledgers
    # Same inputs, same bytes: scaffolding twice (in two places) gives identical notebooks.
    again = skeleton.parent / "again"
    shutil.copytree(skeleton, again, ignore=shutil.ignore_patterns(f"{NEXT}-*", "export_credit.py"))
    (again / "_toc.yml").write_text((ROOT / "_toc.yml").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy(ROOT / "axbook" / "pages" / "ledgers.py", again / "axbook" / "pages" / "ledgers.py")
    again_path = scaffold.scaffold(f"{NEXT}-export-credit", "Export credit", "kibo-court", root=again)
    assert again_path.read_bytes() == path.read_bytes()


def test_the_pages_that_list_every_chapter_are_regenerated_with_a_new_one():
    """The front page sums the book's ledger: `make chapter` re-executes it, and no chapter page."""
    assert [p.relative_to(ROOT).as_posix() for p in scaffold.listing_pages()] == [f"{toc.files()[0]}.ipynb"]


@pytest.mark.parametrize(("args", "message"), [
    (("6-x", "T"), "NAME='6-x': write it as two digits"),
    (("06-Export", "T"), "NAME='06-Export'"),
    (("06-x", " "), "TITLE is empty"),
    (("06-x", "T", "no-such-article"), "ARTICLE='no-such-article' is not in data/articles.csv"),
    ((f"{LAST_NUMBER}-other", "T"), f"_toc.yml already has a chapter numbered {LAST_NUMBER}"),
    ((f"{NEXT}-power", "T"), "axbook/articles/power.py already exists"),
])
def test_scaffold_refuses_what_it_cannot_do_and_says_why(skeleton, args, message):
    toc_before = (skeleton / "_toc.yml").read_bytes()
    with pytest.raises(scaffold.ScaffoldError, match=message.replace("(", r"\(").replace(".", r"\.")):
        scaffold.scaffold(*args, root=skeleton)
    assert (skeleton / "_toc.yml").read_bytes() == toc_before  # nothing half-written


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
        cell = nbformat.v4.new_code_cell('rates = tables.load("ai_use_rate")\nfig = ...')
        cell.outputs = [_chart_output("fig_all", spec, svg),
                        nbformat.v4.new_output("display_data", data={"application/papermill.record/text/plain": str(value)},
                                               metadata={"scrapbook": {"name": "large_last"}})]
        return nbformat.v4.new_notebook(cells=[cell])

    lines = stale.changed_values(nb(13.5, "<path d='M0 0 L 10 10'/>" * 50), nb(14.5, "<path d='M0 0 L 10 11'/>" * 50))
    assert lines == [
        'cell 1 (`rates = tables.load("ai_use_rate")`)',
        "  glue 'fig_all': spec description: 'Large firms 13.5%' -> 'Large firms 14.5%'",
        "  glue 'fig_all': spec datasets[0][1].value: 13.5 -> 14.5",
        "  glue 'large_last': text/plain: '13.5' -> '14.5'",
    ]
    assert stale.changed_values(nb(13.5, "<a/>"), nb(13.5, "<a/>")) == []
    assert stale.changed_values(nb(13.5, "<a/>"), nb(13.5, "<b/>")) == [
        'cell 1 (`rates = tables.load("ai_use_rate")`)', "  glue 'fig_all': drawn SVG changed (spec unchanged)"]
