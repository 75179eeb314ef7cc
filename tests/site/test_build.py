"""The build as an attacker and as an author meet it, on a throwaway copy of the repository.

- Hostile data: every free-text cell of every table carries Jinja, a MyST role reading a local file,
  HTML tags with handlers and a javascript: link. The site must show them as text: nothing executed,
  no file from outside the repository published, no element or attribute injected.
- Stale pages: after a valid edit to a CSV and to a package module, exactly the pages whose kernels read
  them are re-executed; every notebook page also records the lock file; a build with nothing changed
  re-reads nothing, and one with no input changed does not even start Sphinx.
- Interrupted builds: an interrupt or a hard kill at the swap leaves the previous complete site.
- Cell errors: a typo in a chapter stops the build with the three-line summary, whether the page is read in
  this process or in a worker (two pages to read); nothing is published.
"""

import csv
import html.parser
import os
import pickle
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import (
    CHAPTER_FOUR,
    LOADS_STEPS,
    MISSPELT_COLUMN,
    break_chapter_four,
    build_log,
    digest,
    free_chapter_number,
    site_files,
)

from axbook.data import descriptor
from axbook.pages import claimreview
from axbook.paths import ADDRESS_ENV, ROOT
from axbook.site import build, toc

pytestmark = pytest.mark.repository_copy  # every test here builds or edits a copy of the repository

PAYLOAD = ("{{ 'pw' ~ 'ned' }} {download}`../../../../etc/hostname` <script>alert('xss')</script> "
           "<img src=x onerror=alert('img')> [link](javascript:alert('md')) javascript:alert('js')")
FREE_TEXT_SKIP = {"printed_as", "url"}  # bound to the quote / checked as http(s) by the validator


def _free_text_columns(res: dict) -> list[str]:
    references = {name for fk in res["schema"].get("foreignKeys", []) for name in fk["fields"]}
    names = []
    for field in res["schema"]["fields"]:
        constraints = field.get("constraints", {})
        if field.get("type", "string") != "string" or "enum" in constraints or "pattern" in constraints:
            continue
        skip = FREE_TEXT_SKIP | references | set(res.get("x-quoted-values", []))
        if field["name"] in skip or "format" in field:
            continue
        names.append(field["name"])
    return names


def seed_payload(data_dir: Path) -> int:
    """Append the payload to every non-empty free-text cell; returns how many cells were seeded."""
    seeded = 0
    for res in descriptor.load(data_dir)["resources"]:
        path = data_dir / res["path"]
        rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
        columns = [rows[0].index(c) for c in _free_text_columns(res)]
        for row in rows[1:]:
            for i in columns:
                if row[i]:
                    row[i] = f"{row[i]} {PAYLOAD}"
                    seeded += 1
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)
    return seeded


def run_build(repo: Path, *code: str, jobs: int = 2, address: str | None = None) -> subprocess.CompletedProcess:
    """`python -m axbook.site.build` in the copy (its own package first on the path), or ``code`` instead."""
    args = ["-c", "\n".join(code)] if code else ["-m", "axbook.site.build"]
    env = {**os.environ, "PYTHONPATH": str(repo), "AXBOOK_JOBS": str(jobs)}  # pages read in 2 processes unless told
    if address is not None:
        env[ADDRESS_ENV] = address
    env.pop("AXBOOK_DEPS_LOG", None)
    return subprocess.run([sys.executable, *args], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def reread(repo: Path) -> str:
    """Sphinx's count of pages it re-read in the last build, from the full logs the quiet build keeps: the same in
    every edition (a page's inputs make it rebuild in each)."""
    counts = []
    for language in toc.editions():
        log = (repo / "_build" / "logs" / f"build-{language}.log").read_text(encoding="utf-8")
        found = re.findall(r"updating environment: .*?(\d+ added, \d+ changed, \d+ removed)",
                           re.sub(r"\x1b\[[0-9;]*m", "", log))
        assert found, log[-3000:]
        counts.append(found[-1])
    assert len(set(counts)) == 1, dict(zip(toc.editions(), counts, strict=True))
    return counts[0]


def executed(stdout: str) -> dict[str, set[str]]:
    """The notebooks the build executed, per edition, from what it printed ('[ko]   executing chapters/x.ipynb')."""
    found: dict[str, set[str]] = {language: set() for language in toc.editions()}
    for language, notebook in re.findall(r"^\[(\w+)\]   executing (\S+)$", stdout, re.M):
        found[language].add(notebook)
    return found


SCAFFOLD = f"{free_chapter_number()}-scaffolded"  # after the last chapter, whichever it is


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the repository with hostile text in its data and a chapter from `make chapter`, built once."""
    target = tmp_path_factory.mktemp("book") / "repo"
    shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "_build", "*.pyc", ".pytest_cache"))
    assert seed_payload(target / "data") > 100
    venv = Path(sys.executable).parent.parent  # the environment running these tests, not a new one
    made = subprocess.run(["make", "--no-print-directory", "chapter", f"NAME={SCAFFOLD}", "TITLE=A scaffolded chapter",
                           "ARTICLE=kibo-court", f"VENV={venv}"], cwd=target, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(target)}, timeout=600)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    done = run_build(target)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return target


class Scan(html.parser.HTMLParser):
    """Everything a browser would treat as markup or code, and all visible text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.handlers, self.js_links, self.scripts, self.text, self._in_script = [], [], [], [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith("javascript:"):
                self.js_links.append((tag, value))
        if tag == "script":
            kind = dict(attrs).get("type") or "text/javascript"
            self._in_script = kind if "javascript" in kind or kind == "module" else None

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text.append(data)


def test_hostile_data_reaches_the_site_as_text_only(repo):
    site = repo / "_build" / "html"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 3
    visible = []
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert "pwned" not in source, f"Jinja ran: {page}"
        scan = Scan()
        scan.feed(source)
        assert scan.handlers == [], (page, scan.handlers[:3])
        assert scan.js_links == [], (page, scan.js_links[:3])
        assert not any("alert(" in s for s in scan.scripts), page
        visible.append(" ".join(scan.text))
    everything = "\n".join(visible)
    # the payload is on the pages, whole, as text a reader can see
    for piece in ("{{ 'pw' ~ 'ned' }}", "{download}`../../../../etc/hostname`", "<script>alert('xss')</script>",
                  "<img src=x onerror=alert('img')>", "javascript:alert('js')"):
        assert piece in everything, piece


def test_no_file_from_outside_the_repository_is_published(repo):
    published = {p.name for p in (repo / "_build").rglob("*") if p.is_file()}
    assert "hostname" not in published
    data_files = sorted(p.name for p in (repo / "_build" / "html" / "data").iterdir())
    listed = sorted(["datapackage.yaml", *(r["path"] for r in descriptor.load(repo / "data")["resources"]),
                     *claimreview.LEDGER_FILES])  # the data package, and the ledger written from it
    assert data_files == listed


def test_nothing_changed_means_nothing_done(repo):
    """No input changed: the build says the site is current without validating, importing pandas or running Sphinx."""
    site, log = repo / "_build" / "html", repo / "_build" / "logs" / "build-en.log"
    before = {p: digest(p) for p in site.rglob("*") if p.is_file()}
    log_before = log.stat().st_mtime_ns
    done = run_build(repo, "import sys, axbook.site.build as b", "code = b.build()",
                     "assert 'pandas' not in sys.modules and 'altair' not in sys.modules, 'heavy import on a no-op'",
                     "sys.exit(code)")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "is current" in done.stdout and "data:" not in done.stdout
    assert log.stat().st_mtime_ns == log_before  # jupyter-book did not run
    assert {p: digest(p) for p in site.rglob("*") if p.is_file()} == before


def test_a_change_no_page_reads_rebuilds_nothing(repo):
    """Past the quick check (a file changed that no page reads), Sphinx re-reads no page."""
    _replace(repo / "README.md", "\n", "\n\n")
    before = {p: digest(p) for p in (repo / "_build" / "html").rglob("*.html")}
    done = run_build(repo)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "data:" in done.stdout and "is current" not in done.stdout
    assert reread(repo) == "0 added, 0 changed, 0 removed"
    assert {p: digest(p) for p in (repo / "_build" / "html").rglob("*.html")} == before


def test_the_deploy_s_address_rewrites_every_page_s_head_and_the_sitemap(repo):
    """GitHub Pages' address, given as AXBOOK_BASEURL, over _config.yml's empty one: every page of _toc.yml gets its
    og:url and canonical link, the sitemap lists them; building without it again takes them out (the digest and
    Sphinx both see the change, so no page keeps an old address)."""
    address, site = "https://example.org/axbook/", repo / "_build" / "html"
    pages = toc.html_pages(repo)
    done = run_build(repo, address=address)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    for page in pages:
        head = (site / page).read_text(encoding="utf-8").split("</head>")[0]
        assert f'<meta property="og:url" content="{address}{page}" />' in head, page
        assert f'<link rel="canonical" href="{address}{page}" />' in head, page
        image = re.search(r'<meta property="og:image" content="([^"]*)" />', head)
        has_chart = 'class="axbook-chart"' in (site / page).read_text(encoding="utf-8")
        assert (image[1].startswith(f"{address}_charts/") and image[1].endswith(".png")) if has_chart else not image, page
    locs = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs == [address + page for page in toc.edition_pages(repo)]  # every edition
    korean = (site / toc.edition_prefix("ko") / pages[1]).read_text(encoding="utf-8").split("</head>")[0]
    assert f'<meta property="og:url" content="{address}ko/{pages[1]}" />' in korean
    done = run_build(repo, address="")
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "is current" not in done.stdout and not (site / "sitemap.xml").exists()
    assert not [p for p in pages if "og:url" in (site / p).read_text(encoding="utf-8") or
                'rel="canonical"' in (site / p).read_text(encoding="utf-8")]
    if os.environ.get(ADDRESS_ENV):  # CI's own deploy address: the tests after this one build with it again
        assert run_build(repo).returncode == 0


def test_an_edited_csv_and_module_re_execute_exactly_the_pages_that_read_them(repo):
    """One build, two edits whose readers do not overlap: data/policy_asks.csv is read by chapter 1 and the data
    page; axbook/articles/power.py is imported by chapter 2 and, through the ledger, by the front page. Those four pages
    re-run and no other (a dependency recorded too widely, for a file or a module, would add a page)."""
    chapter = repo / "_build" / "html" / "chapters" / "01-ai-adoption-gap.html"
    assert "EDITED ASK" not in chapter.read_text(encoding="utf-8")
    _set_cell(repo / "data" / "policy_asks.csv", 1, "text_en", "EDITED ASK")
    power = repo / "axbook" / "articles" / "power.py"
    power.write_text(power.read_text(encoding="utf-8") + "\n_EDITED = True\n", encoding="utf-8")
    done = run_build(repo)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert reread(repo) == "0 added, 4 changed, 0 removed"
    assert executed(done.stdout) == {language: {"chapters/01-ai-adoption-gap.ipynb", "data-and-sources.ipynb",
                                                "chapters/02-power-equipment.ipynb", "intro.ipynb"}
                                     for language in toc.editions()}, done.stdout  # in every edition
    assert "EDITED ASK" in chapter.read_text(encoding="utf-8")


def test_an_edited_translation_re_reads_only_its_page_in_its_edition_and_starts_no_kernel(repo):
    """A translator's edit of one page's catalog: Sphinx re-reads that page in that edition alone, rendered from the
    copy its last execution left (a page's words are not its kernel's inputs), and the page shows the new words."""
    catalog = repo / "locale" / "ko" / "LC_MESSAGES" / f"{toc.files(repo)[0]}.po"
    text = catalog.read_text(encoding="utf-8")
    old = next(translated for english, translated in re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', text, re.M)
               if english not in toc.captions(repo))  # the first one-line translation of the page's own (a heading)
    catalog.write_text(text.replace(f'msgstr "{old}"', f'msgstr "{old} (고침)"', 1), encoding="utf-8")
    done = run_build(repo)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "executing" not in done.stdout, done.stdout
    logs = {language: (repo / "_build" / "logs" / f"build-{language}.log").read_text(encoding="utf-8")
            for language in toc.editions()}
    assert build.reread_summary(logs["ko"]) == "1 page(s) re-read, 0 removed"
    assert build.reread_summary(logs["en"]) == "no page re-read"
    assert f"{old} (고침)" in (repo / "_build" / "html" / "ko" / toc.html_pages(repo)[0]).read_text(encoding="utf-8")


def test_every_notebook_page_depends_on_the_lock_file_and_on_what_its_kernel_read(repo):
    """What Sphinx compares before re-reading a page (a rebuild per input is proven above): the lock file for every
    notebook, at its current hash; each chapter's own analysis module and not another chapter's."""
    env = pickle.loads((repo / "_build" / "stage" / "en" / "_build" / ".doctrees" / "environment.pickle").read_bytes())
    recorded = {doc: {Path(p).relative_to(repo).as_posix(): h for p, h in inputs.items()}
                for doc, inputs in env.axbook_inputs.items()}
    notebooks = set(toc.notebook_pages(repo))
    assert notebooks <= set(recorded)
    lock = digest(repo / "requirements.txt")
    assert {doc for doc in notebooks if recorded[doc].get("requirements.txt") == lock} == notebooks
    assert {doc for doc, inputs in recorded.items() if "requirements.txt" in inputs} == notebooks  # not markdown
    own = {"chapters/01-ai-adoption-gap": "ai_gap", "chapters/02-power-equipment": "power",
           "chapters/03-everyones-challenge": "programmes"}
    for doc, module in own.items():
        modules = {Path(p).stem for p in recorded[doc] if p.startswith("axbook/")}
        assert module in modules and not (set(own.values()) - {module}) & modules, (doc, sorted(modules))
    for inputs in recorded.values():
        for path, recorded_hash in inputs.items():
            assert recorded_hash == digest(repo / path), f"{path}: the recorded hash is not the file's"


def _set_cell(path: Path, row: int, column: str, value: str) -> None:
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    rows[row][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


INTERRUPT_AT_SWAP = """
import os, signal, sys
import axbook.site.build as b
real, calls = os.rename, []
def rename(src, dst):
    if str(dst).endswith("_build/html") and not calls:  # the new site moving in: stop right there, once
        calls.append(dst)
        {action}
    return real(src, dst)
os.rename = rename
sys.exit(b.build())
"""


@pytest.mark.parametrize("action", ["raise KeyboardInterrupt", "os.kill(os.getpid(), signal.SIGKILL)"],
                         ids=["interrupt", "hard-kill"])
def test_a_build_stopped_at_the_swap_leaves_the_previous_site(repo, action):
    site = repo / "_build" / "html"
    _replace(repo / "README.md", "\n", "\n\n")  # an input changed: the build goes as far as the swap
    before = {p.relative_to(site): digest(p) for p in site.rglob("*") if p.is_file()}
    done = run_build(repo, INTERRUPT_AT_SWAP.replace("{action}", action))
    assert done.returncode != 0
    if action.startswith("os.kill"):
        assert done.returncode == -signal.SIGKILL and not site.exists()  # killed between the two renames
        assert run_build(repo, "import axbook.site.build as b; b.recover(b.SITE)").returncode == 0
    assert {p.relative_to(site): digest(p) for p in site.rglob("*") if p.is_file()} == before
    assert not (site.parent / "html.old").exists()


def test_publish_by_renames_never_nests(tmp_path):
    site, new = tmp_path / "html", tmp_path / "stage-html"
    site.mkdir()
    (site / "index.html").write_text("old")
    new.mkdir()
    (new / "index.html").write_text("new")
    build.publish(new, site)
    assert (site / "index.html").read_text() == "new" and not (site / "stage-html").exists() and not new.exists()


def test_publish_interrupted_puts_the_old_site_back(tmp_path, monkeypatch):
    site, new = tmp_path / "html", tmp_path / "new"
    for d, text in ((site, "old"), (new, "new")):
        d.mkdir()
        (d / "index.html").write_text(text)
    real, interrupted = os.rename, []

    def rename(src, dst):
        if Path(dst) == site and Path(src) == new:  # Ctrl-C as the new site moves in
            interrupted.append(dst)
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(KeyboardInterrupt):
        build.publish(new, site)
    assert interrupted and (site / "index.html").read_text() == "old"


def test_a_second_build_waits_for_the_first(repo):
    """Two builds never interleave in the stage: the second waits on the lock the first holds."""
    with build.locked(repo / "_build" / ".lock"):
        env = {**os.environ, "PYTHONPATH": str(repo)}
        second = subprocess.Popen([sys.executable, "-m", "axbook.site.build"], cwd=repo, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = second.stderr.readline()  # blocks until the second build speaks: it says it is waiting
        assert second.poll() is None  # and it still waits while the lock is held
        second.kill()
        _, err = second.communicate()
    assert "another build holds" in said and "site:" not in said + err


def _cell_error_build(repo: Path, also_reread: Path | None = None):
    """Break chapter 4 (and touch ``also_reread``), build, put both back; the site must be untouched."""
    chapters = [repo / CHAPTER_FOUR, *([also_reread] if also_reread else [])]
    originals = [path.read_bytes() for path in chapters]
    site = repo / "_build" / "html"
    before = site_files(site)
    try:
        position, count = break_chapter_four(repo)
        if also_reread:
            _replace(also_reread, "\"# ", "\"#  ")  # a changed heading: the page is re-read too
        done = run_build(repo)
    finally:
        for path, original in zip(chapters, originals, strict=True):
            path.write_bytes(original)
    assert done.returncode != 0
    assert done.stderr.splitlines()[:3] == [
        f"error in {CHAPTER_FOUR.as_posix()}, cell {position} of {count} (starts `{LOADS_STEPS}`)",
        *MISSPELT_COLUMN], done.stderr[-3000:]
    assert "still holds the last complete site" in done.stderr and "Traceback" not in done.stdout + done.stderr
    assert site_files(site) == before
    return done


def test_a_cell_error_stops_the_build_with_a_three_line_summary(repo):
    """One page to read: it is read in this process. (Sphinx deletes its environment after a failed build, so the
    next build re-reads every page: the flipped-value test below needs that anyway.)"""
    _cell_error_build(repo)
    assert "Sphinx parallel build error" not in build_log(repo) and reread(repo) == "0 added, 1 changed, 0 removed"


def test_a_flipped_value_flips_the_verdict_in_the_chapter_and_on_the_front_page(repo):
    """Large firms' 2023 rate edited (value, its place in the quote, the quote): the gap claims stop holding."""
    def verdicts(page):
        return re.findall(r'<td class="verdict-([a-z-]+)">', (repo / "_build" / "html" / page).read_text(encoding="utf-8"))

    assert "does-not-hold" not in verdicts("intro.html")
    rows = list(csv.reader((repo / "data" / "ai_use_rate.csv").open(encoding="utf-8", newline="")))
    header = rows[0]
    line = next(i for i, r in enumerate(rows)
                if r[header.index("group")] == "Large firms" and r[header.index("year")] == "2023")
    _set_cell(repo / "data" / "ai_use_rate.csv", line, "value", "14.5")
    _set_cell(repo / "data" / "ai_use_rate.csv", line, "printed_as", "대기업이 1.0%에서 [14.5]%로")
    _replace(repo / "data" / "sources.csv", "1.0%에서 13.5%로", "1.0%에서 14.5%로")
    done = run_build(repo)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    chapter = verdicts("chapters/01-ai-adoption-gap.html")
    assert chapter.count("does-not-hold") == 3  # the 2023 gap and both statements of the multiple
    front = (repo / "_build" / "html" / "intro.html").read_text(encoding="utf-8")
    assert '<span class="verdict-does-not-hold">does not hold</span>: 3<' in front
    assert verdicts("intro.html").count("does-not-hold") == 3


def test_a_cell_error_in_a_worker_process_ends_in_the_same_summary(repo):
    """Two pages to read (chapter 4 broken, chapter 5 edited): they are read in two processes and the error
    happens in a worker, whose traceback is all Sphinx has."""
    _cell_error_build(repo, also_reread=repo / "chapters" / "05-kvmcc.ipynb")
    assert "Sphinx parallel build error" in build_log(repo) and reread(repo) == "0 added, 2 changed, 0 removed"


def test_bad_data_stops_the_build_and_sphinx_and_publishes_nothing(repo):
    """Validation runs beside Sphinx's start-up; a bad cell stops both, and the last site stays. Last in
    this file: the build after a stopped Sphinx re-reads every page."""
    site = repo / "_build" / "html"
    before = {p.relative_to(site): digest(p) for p in site.rglob("*") if p.is_file()}
    path = repo / "data" / "ai_use_rate.csv"
    original = path.read_bytes()
    _set_cell(path, 1, "value", "lots")
    try:
        done = run_build(repo)
    finally:
        path.write_bytes(original)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "data/ai_use_rate.csv" in done.stderr and "column 'value'" in done.stderr, done.stderr[-3000:]
    assert "build stopped: fix the data problems above" in done.stderr
    assert "build succeeded" not in build_log(repo)
    assert {p.relative_to(site): digest(p) for p in site.rglob("*") if p.is_file()} == before




def test_a_hung_build_is_stopped_at_the_timeout_with_everything_it_started(tmp_path):
    """A command that outlives the limit is stopped, its children too (a forked worker, a kernel), and the build
    reads TIMED_OUT with the output so far."""
    pid_file = tmp_path / "child.pid"
    script = ("import subprocess, sys, time; "
              "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)']); "
              f"open({str(pid_file)!r}, 'w').write(str(child.pid)); print('started', flush=True); time.sleep(600)")
    quiet = build.Quiet([sys.executable, "-c", script], tmp_path / "log.txt")
    started = time.monotonic()
    returncode, log = quiet.wait(timeout=3)
    assert returncode == build.TIMED_OUT and "started" in log and time.monotonic() - started < 30
    child = int(pid_file.read_text())
    for _ in range(50):  # the group was sent SIGKILL: the child is gone once reaped by init
        if not Path(f"/proc/{child}").exists() or "Z" in Path(f"/proc/{child}/stat").read_text().split()[2]:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"child {child} outlived the timeout")
    assert (tmp_path / "log.txt").read_text() == "started\n"


def test_a_build_within_the_timeout_returns_its_own_status(tmp_path):
    quiet = build.Quiet([sys.executable, "-c", "print('done'); raise SystemExit(3)"], tmp_path / "log.txt")
    assert quiet.wait(timeout=60) == (3, "done\n")
