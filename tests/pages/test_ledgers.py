"""Every chapter's ledger: read from the data directory it is given, and summed on the front page."""

import pandas as pd
from helpers import chapters

from axbook.checks import claims
from axbook.data import tables
from axbook.pages import frontpage, ledgers
from axbook.paths import DATA_DIR

# -- the front page and the data page, from the data they are written from ---------------------------

def test_each_chapter_finding_is_computed_from_the_data():
    findings = {c.doc: c.finding(DATA_DIR) for c in ledgers.CHAPTERS}
    assert findings["chapters/01-ai-adoption-gap"] == (
        "Large firms' AI-use rate was about 4 times the SMEs' in 2017 and about 3.0 times in 2023. The headline's "
        "'11배' is how much the gap in percentage points grew (11.0–13.1 times from the printed rates), not a ratio "
        "of rates.")
    assert findings["chapters/02-power-equipment"] == (
        "Gaon Cable's busduct total (최대 4조원 이상) is 80 times this year's 약 500억원 (63–100 times with both "
        "figures read as rounded): growing at a steady rate, supply would have to rise 149–185 % a year to reach it "
        "by 2030. Every buyer and site the page names is in the United States, though the headline says North "
        "America (북미).")
    assert findings["chapters/03-everyones-challenge"] == (
        "Each of the 25 start-ups to be selected can get up to 1억원 (₩100 million) of collaboration funding: "
        "₩2.5bn at most for both tracks together. Applications are open for 21 days.")
    assert findings["chapters/04-kibo-rehabilitation"] == (
        "No number to check: the page gives 4 steps and the guarantee's conditions, but no count of firms, no amount "
        "and no details of the Busan M&A support.")
    assert findings["chapters/05-kvmcc"] == (
        "Cohort 1 certified 25 mentor-coaches; cohort 2 takes about 50 trainees and expects to certify about 25 "
        "(44–57 % of them). '확대' (expanded) sets cohort 2's intake beside cohort 1's output: cohort 1's intake is "
        "not printed.")


def test_every_chapter_of_the_toc_has_a_ledger_and_tables_find_chapters_by_article_or_page():
    assert [c.doc for c in ledgers.CHAPTERS] == chapters()
    for chapter in ledgers.CHAPTERS:
        by_doc = ledgers.table(chapter.doc)
        assert list(by_doc.columns) == claims.LEDGER_COLUMNS
        if ledgers.BY_ARTICLE[chapter.article_id] is chapter:  # an article's first chapter answers for it
            assert ledgers.table(chapter.article_id).equals(by_doc)
    frame = ledgers.ledger()
    assert set(frame["doc"]) == {c.doc for c in ledgers.CHAPTERS if len(ledgers.table(c.doc))}  # a new one: no rows
    assert sum(ledgers.counts(frame).values()) == int((frame["kind"] == claims.CLAIM).sum())
    assert set(frame["kind"]) == set(claims.KINDS)  # the three kinds, each present in the book
    assert set(frame.loc[frame["kind"] == claims.CLAIM, "part"]) <= set(claims.PARTS)
    assert set(frame.loc[frame["kind"] != claims.CLAIM, "part"]) == {""}  # nothing the page does not print has a part
    assert set(frame.loc[frame["kind"] != claims.CLAIM, "verdict"]) == {""}  # and nothing but a claim is scored


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
        assert isinstance(chapter.checks(copy), list) and chapter.finding(copy)  # a new chapter: no rows yet
    assert len(ledgers.ledger(copy)) > 0 and frontpage.articles_html(copy).count("<li ") == len(ledgers.CHAPTERS)


def test_the_ledger_names_each_claims_chapter_article_and_part():
    frame = ledgers.ledger()
    assert list(frame.index) == list(range(len(frame)))
    for chapter in ledgers.CHAPTERS:
        checks = chapter.checks(DATA_DIR)
        rows = frame[frame["doc"] == chapter.doc]
        assert len(rows) == len(checks) and set(rows["article_id"]) <= {chapter.article_id}
        assert list(rows["part"]) == [c.part for c in checks] and list(rows["kind"]) == [c.kind for c in checks]
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
    per_chapter = [ledgers.table(c.doc) for c in ledgers.CHAPTERS]
    assert len(frame) == sum(len(t) for t in per_chapter)
    assert ledgers.counts(frame) == {v: sum(int((t["verdict"] == v).sum()) for t in per_chapter) for v in claims.VERDICTS}
    assert {c.doc for c in ledgers.CHAPTERS} == set(chapters())


def test_only_the_pages_claims_are_counted():
    """A finding or a silence added to a chapter changes no count; a claim does."""
    frame = ledgers.ledger()
    before = ledgers.counts(frame)
    extra = frame.iloc[[0, 0, 0]].assign(kind=[claims.FINDING, claims.NOT_SAID, claims.CLAIM],
                                         verdict=["", "", claims.DOES_NOT_HOLD])
    after = ledgers.counts(pd.concat([frame, extra], ignore_index=True))
    assert after == {**before, claims.DOES_NOT_HOLD: before[claims.DOES_NOT_HOLD] + 1}


def test_an_id_used_twice_in_the_book_is_refused(monkeypatch):
    first = ledgers.CHAPTERS[0]
    twice = ledgers.Chapter("chapters/99-again", "ai-gap", first.checks, first.finding)
    monkeypatch.setattr(ledgers, "CHAPTERS", [*ledgers.CHAPTERS, twice])
    import pytest

    with pytest.raises(ValueError, match="ledger ids used twice in the book: .*size-gap-multiple"):
        ledgers.ledger()


def test_every_finding_prints_no_more_digits_than_its_interval_supports():
    """The precision rule, on every figure the chapters derive: a single number is what every value of the interval
    rounds to; a range holds the whole interval."""
    import re
    from decimal import Decimal

    frame = ledgers.ledger()
    found = frame[frame["kind"] == claims.FINDING]
    assert len(found) >= 10
    for r in found.itertuples():
        numbers = [Decimal(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", r.figure)]
        assert numbers, r.figure
        if len(numbers) == 1 and r.low != r.high:
            step = Decimal(1).scaleb(numbers[0].as_tuple().exponent)
            for end in (r.low, r.high):
                assert abs(Decimal(repr(end)) - numbers[0]) <= step / 2, (r.claim_id, r.figure, r.low, r.high)
            assert 4 * step <= numbers[0] and step <= 5 * Decimal(repr(r.high - r.low)), (r.claim_id, r.figure)
        elif len(numbers) == 2:
            assert numbers[0] <= Decimal(repr(r.low)) and Decimal(repr(r.high)) <= numbers[1], (r.claim_id, r.figure)


def test_each_kind_has_its_table_and_every_claim_its_anchor():
    frame = ledgers.table("power-equipment")
    page = ledgers.claims_html(frame)
    assert page.count("<tr id=\"claim-") == int((frame["kind"] == claims.CLAIM).sum())
    assert 'id="claim-ls-usd-krw"' in page and "busduct-growth" not in page
    findings = ledgers.findings_html(frame)
    assert "<th>finding</th><th>the book&#x27;s figure</th>" in findings or "<th>the book's figure</th>" in findings
    assert "149–185 % a year" in findings and 'id="claim-busduct-growth"' in findings
    silent = ledgers.not_said_html(frame)
    assert silent.count("<li id=") == int((frame["kind"] == claims.NOT_SAID).sum())
    assert ledgers.not_said_html(frame.iloc[0:0]) == '<ul class="axbook-not-said"><li>Nothing listed yet.</li></ul>'
    rules = ledgers.rules_html()
    assert rules.count("<dt") == len(claims.VERDICTS)
    assert claims.RULES[claims.MATCHES_OUTSIDE] in rules.replace("&#x27;", "'")


def test_every_claim_the_data_records_is_checked_in_its_article_s_chapter():
    """data/claims.csv states claims the page makes; each one is a row of its article's chapter ledger, as a claim. A
    chapter that stops checking one (a row dropped from its ``checks``) fails here, not only in a regenerated notebook."""
    recorded = tables.load("claims")
    book = ledgers.ledger()
    for row in recorded.itertuples():
        shown = book[(book["claim_id"] == row.claim_id) & (book["article_id"] == row.article_id)]
        assert list(shown["kind"]) == [claims.CLAIM], (row.claim_id, row.article_id)


def test_a_chapter_that_drops_a_recorded_claim_fails_the_rule(monkeypatch):
    chapter = ledgers.BY_ARTICLE["ai-gap"]
    kept = chapter.checks

    def fewer(data_dir=DATA_DIR):
        return [c for c in kept(data_dir) if c.claim_id != "size-gap-multiple"]

    import dataclasses

    monkeypatch.setattr(ledgers, "CHAPTERS", [dataclasses.replace(c, checks=fewer) if c is chapter else c
                                              for c in ledgers.CHAPTERS])
    try:
        test_every_claim_the_data_records_is_checked_in_its_article_s_chapter()
    except AssertionError as refused:
        assert "size-gap-multiple" in str(refused)
    else:
        raise AssertionError("a dropped claim went unnoticed")
