"""The front page, "The page, checked": every article with its finding, every claim with its verdict and link."""

import html
import html.parser
import re

from axbook.checks import claims
from axbook.data import tables
from axbook.pages import frontpage, ledgers
from axbook.paths import DATA_DIR


def test_the_front_page_counts_each_verdict_with_its_class():
    frame = ledgers.ledger()
    counts = frontpage.counts_html(frame)
    page_claims = int((frame["kind"] == claims.CLAIM).sum())
    assert f"<p>{page_claims} claims the page makes, by verdict:</p>" in counts
    for verdict, n in ledgers.counts(frame).items():
        assert f'<span class="verdict-{verdict.replace(" ", "-")}">{verdict}</span>: {n}</li>' in counts
    assert (f"not scored: {int((frame['kind'] == claims.FINDING).sum())} figures the book works out from the page "
            f"and {int((frame['kind'] == claims.NOT_SAID).sum())} things the page does not say.") in counts


def test_the_front_page_lists_every_article_with_its_finding_and_link():
    page = frontpage.articles_html()
    articles = tables.load("articles").set_index("article_id")
    items = re.findall(r'<li class="axbook-article">(.*?)</li>', page)
    assert len(items) == len(ledgers.CHAPTERS)
    for item, chapter in zip(items, ledgers.CHAPTERS, strict=True):
        art = articles.loc[chapter.article_id]
        assert f'<strong>{html.escape(art["headline_ko"])}</strong>' in item
        assert f'<em>{html.escape(art["headline_en"])}</em>' in item
        assert html.escape(chapter.finding(DATA_DIR)) in item
        assert f'href="{chapter.doc}.html">Read the chapter</a>' in item


def test_the_front_page_claims_table_has_a_row_per_claim_linking_its_chapter():
    frame = ledgers.ledger()
    page = frontpage.claims_html(frame)
    rows = re.findall(r'<tr id="claim-([a-z0-9-]+)"><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>'
                      r'<td class="verdict-([a-z-]+)">(.*?)</td><td><a [^>]*href="([^"]+)">Chapter (\d)</a></td></tr>', page)
    page_claims = frame[frame["kind"] == claims.CLAIM]
    assert len(rows) == len(page_claims) and page.count("<tr id=") == len(page_claims)
    docs = [c.doc for c in ledgers.CHAPTERS]
    for row, record in zip(rows, page_claims.to_dict("records"), strict=True):
        assert row[0] == record["claim_id"]
        assert row[1] == html.escape(record["statement"]) and row[2] == record["part"]
        assert row[3] == html.escape(record["printed"]) and row[4] == html.escape(record["recomputed"])
        assert row[5] == record["verdict"].replace(" ", "-") and row[6] == record["verdict"]
        assert row[7] == f"{record['doc']}.html#claim-{record['claim_id']}"
        assert int(row[8]) == docs.index(record["doc"]) + 1
    assert page.startswith('<div class="axbook-table-wrap"><table class="axbook-table axbook-claims">')
    assert ("<thead><tr><th>claim</th><th>where</th><th>printed</th><th>recomputed</th><th>verdict</th>"
            "<th>chapter</th></tr></thead>") in page
    findings = frontpage.findings_html(frame)
    assert findings.count("<tr id=") == int((frame["kind"] == claims.FINDING).sum())


def test_the_front_page_lists_items_in_order():
    frame = ledgers.ledger()
    counts = frontpage.counts_html(frame)
    assert counts.count("</li><li>") == len(claims.VERDICTS) - 1
    articles = frontpage.articles_html()
    assert articles.startswith('<ol class="axbook-articles"><li class="axbook-article">')
    assert articles.count("</li><li ") == len(ledgers.CHAPTERS) - 1


def test_the_front_page_lists_what_the_page_does_not_say_with_each_chapter():
    frame = ledgers.ledger()
    page = frontpage.not_said_html(frame)
    silent = frame[frame["kind"] == claims.NOT_SAID]
    links = re.findall(r'<li id="claim-([a-z0-9-]+)">.*?href="([^"]+)">Chapter (\d)</a>\)\.</li>', page)
    assert [(cid, href) for cid, href, _ in links] == [
        (r.claim_id, f"{r.doc}.html#claim-{r.claim_id}") for r in silent.itertuples()]
