"""The fact-checks as the built site publishes them: ClaimReview JSON-LD read back as a search engine reads it
(extruct), one per claim the page makes, each pointing at its anchor; the ledger downloads; the chapters' headers."""

import csv
import html
import io
import re

import extruct
import pytest
from helpers import chapters

from axbook.data import tables
from axbook.pages import ledgers
from axbook.paths import ROOT

SITE = ROOT / "_build" / "html"
REQUIRED = ("url", "claimReviewed", "reviewRating", "author", "itemReviewed")


def typed(text: str) -> str:
    """Sphinx's smart quotes and ellipses, read back as typed (the data keeps the page's own quotes)."""
    return text.replace("’", "'").replace("‘", "'").replace("…", "...").replace("–", "-")


@pytest.fixture(scope="module")
def pages():
    if not (SITE / "index.html").exists():
        pytest.fail("no _build/html: run make book first")
    return {doc: (SITE / f"{doc}.html").read_text(encoding="utf-8") for doc in ["intro", *chapters()]}


def test_every_claim_the_page_makes_is_a_claim_review_on_its_chapter(pages):
    frame = ledgers.ledger()
    total = 0
    for doc in chapters():
        found = extruct.extract(pages[doc], base_url=f"https://example.org/{doc}.html", syntaxes=["json-ld"])["json-ld"]
        records = [r for block in found for r in (block if isinstance(block, list) else [block])]
        expected = frame[(frame["doc"] == doc) & (frame["kind"] == "claim")]
        assert [r["@type"] for r in records] == ["ClaimReview"] * len(expected), doc
        for record, row in zip(records, expected.itertuples(), strict=True):
            assert all(record.get(key) for key in REQUIRED), (doc, record)
            assert record["reviewRating"]["alternateName"] == row.verdict
            assert record["itemReviewed"]["@type"] == "Claim" and record["itemReviewed"]["appearance"]["headline"]
            anchor = record["url"].rsplit("#", 1)[1]
            assert anchor == f"claim-{row.claim_id}" and f'id="{anchor}"' in pages[doc]
            assert f'id="{anchor}"' in pages["intro"]  # the front page carries the same anchor
        total += len(records)
    assert total == sum(ledgers.counts(frame).values())
    assert f"<p>{total} claims the page makes, by verdict:</p>" in pages["intro"]


def test_the_ledger_is_published_as_csv_and_json_and_linked(pages):
    rows = list(csv.DictReader(io.StringIO((SITE / "data" / "ledger.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(ledgers.ledger())
    assert (SITE / "data" / "ledger.json").stat().st_size > 0
    for page in (pages["intro"], (SITE / "data-and-sources.html").read_text(encoding="utf-8")):
        assert 'href="data/ledger.csv"' in page and 'href="data/ledger.json"' in page


def test_each_chapter_opens_with_its_headline_one_english_rendering_and_its_byline(pages):
    articles = tables.load("articles").set_index("article_id")
    for chapter in ledgers.CHAPTERS:
        page = typed(html.unescape(pages[chapter.doc]))
        article = articles.loc[chapter.article_id]
        name = article["byline_en"].split(",")[0]
        assert typed(article["headline_ko"]) in page, chapter.doc
        assert typed(f"{article['headline_en']}.") in page, (chapter.doc, article["headline_en"])
        assert f"by {name} ({article['byline_ko']})" in page, chapter.doc


def test_reader_text_names_no_data_file(pages):
    for doc in chapters():
        text = re.sub(r"<[^>]+>", " ", pages[doc])  # what a reader reads, not link targets
        assert "Data: data/" not in pages[doc] and not re.search(r"\b[a-z_]+\.csv\b", text), doc
