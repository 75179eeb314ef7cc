"""Every chapter's ledger: read from the data directory it is given, and summed on the front page."""

from helpers import chapters

from axbook.checks import claims
from axbook.data import tables
from axbook.pages import frontpage, ledgers
from axbook.paths import DATA_DIR

# -- the front page and the data page, from the data they are written from ---------------------------

def test_each_chapter_finding_is_computed_from_the_data():
    findings = {c.doc: c.finding(DATA_DIR) for c in ledgers.CHAPTERS}
    assert findings["chapters/01-ai-adoption-gap"] == (
        "The large-SME gap in AI use went from 0.75 to 9.0 percentage points (2017–2023); large firms' rate was "
        "about 4 times the SMEs' in 2017 and about 3 times in 2023: the '11배' is a ratio of gaps, not of rates.")
    assert findings["chapters/02-power-equipment"] == (
        "The busduct ceiling (최대 4조원 이상) needs supply to grow 166% a year from 약 500억원; the won-dollar "
        "conversion implies 1,500 won.")
    assert findings["chapters/03-everyones-challenge"] == (
        "25 start-ups can share at most ₩2.5bn of collaboration funding; applications are open for 21 days.")
    assert findings["chapters/04-kibo-rehabilitation"] == (
        "No number to check: the page gives 4 steps and the guarantee's conditions, but no count of firms, no amount "
        "and no details of the Busan M&A support.")
    assert findings["chapters/05-kvmcc"] == (
        "About 50% of cohort 2's trainees are expected to be certified; '확대' (expanded) sets cohort 2's intake "
        "beside cohort 1's output, whose intake the page does not give.")


def test_every_chapter_of_the_toc_has_a_ledger_and_tables_find_chapters_by_article_or_page():
    assert [c.doc for c in ledgers.CHAPTERS] == chapters()
    for chapter in ledgers.CHAPTERS:
        by_article, by_doc = ledgers.table(chapter.article_id), ledgers.table(chapter.doc)
        assert by_article.equals(by_doc) and list(by_doc.columns) == claims.LEDGER_COLUMNS
    frame = ledgers.ledger()
    assert set(frame["doc"]) == {c.doc for c in ledgers.CHAPTERS}
    assert sum(ledgers.counts(frame).values()) == len(frame)
    assert set(frame["part"]) <= {"headline", "deck", "lede", "body", "caption"}


# -- ledgers: each chapter reads the data it is given ------------------------------------------------

def test_every_chapter_reads_the_data_directory_it_is_given(monkeypatch, tmp_path):
    """A chapter's checks and finding, and the front page, load from the directory passed in, never the default."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    real = tables.load

    def load(name, data_dir=None):
        assert data_dir == copy, f"{name} loaded from {data_dir}, not the directory given"
        return real(name, data_dir)

    monkeypatch.setattr(tables, "load", load)
    for chapter in ledgers.CHAPTERS:
        assert chapter.checks(copy) and chapter.finding(copy)
    assert len(ledgers.ledger(copy)) > 0 and frontpage.articles_html(copy).count("<li ") == len(ledgers.CHAPTERS)


def test_the_ledger_names_each_claims_chapter_article_and_part():
    frame = ledgers.ledger()
    assert list(frame.index) == list(range(len(frame)))
    for chapter in ledgers.CHAPTERS:
        checks = chapter.checks(DATA_DIR)
        rows = frame[frame["doc"] == chapter.doc]
        assert len(rows) == len(checks) and set(rows["article_id"]) == {chapter.article_id}
        assert list(rows["part"]) == [c.part or "body" for c in checks]
    assert ledgers._edition_year(DATA_DIR) == 2026


def test_a_chapter_module_gives_its_checks_and_finding(monkeypatch):
    import sys
    import types

    module = types.ModuleType("axbook_fake_chapter")
    module.checks, module.finding = (lambda d: ["check"]), (lambda d: "finding")
    monkeypatch.setitem(sys.modules, "axbook_fake_chapter", module)
    chapter = ledgers.Chapter.of_module("chapters/09-x", "kvmcc", "axbook_fake_chapter")
    assert chapter == ledgers.Chapter("chapters/09-x", "kvmcc", module.checks, module.finding)


def test_front_page_sums_every_chapter_ledger():
    from axbook.pages import ledgers

    frame = ledgers.ledger()
    per_chapter = [ledgers.table(c.article_id) for c in ledgers.CHAPTERS]
    assert len(frame) == sum(len(t) for t in per_chapter)
    assert ledgers.counts(frame) == {v: sum(int((t["verdict"] == v).sum()) for t in per_chapter) for v in claims.VERDICTS}
    assert {c.doc for c in ledgers.CHAPTERS} == set(chapters())
