"""The ledger as fact-checkers publish it: ClaimReview records and the claims download."""

import csv
import io
import json

from axbook.checks import claims
from axbook.data import tables
from axbook.pages import claimreview, ledgers

BOOK = "The book"


def test_one_review_per_claim_with_what_search_engines_require():
    total = 0
    articles = tables.load("articles").set_index("article_id")
    for chapter in ledgers.CHAPTERS:
        page = ledgers.table(chapter.doc)
        records = claimreview.reviews(chapter.doc, "https://example.org/c.html", BOOK)
        page_claims = page[page["kind"] == claims.CLAIM]
        assert len(records) == len(page_claims)
        article = articles.loc[chapter.article_id]
        for record, row in zip(records, page_claims.itertuples(), strict=True):
            assert record["@type"] == "ClaimReview" and record["@context"] == "https://schema.org"
            assert record["url"] == f"https://example.org/c.html#claim-{row.claim_id}"
            assert record["claimReviewed"] == row.statement
            assert record["reviewRating"] == {"@type": "Rating", "alternateName": row.verdict}
            assert record["author"] == {"@type": "Organization", "name": BOOK}
            item = record["itemReviewed"]
            assert item["@type"] == "Claim" and item["author"]["name"] == article["outlet"]
            assert item["datePublished"] == article["edition_month"]
            assert item["appearance"]["headline"] == article["headline_ko"]
        total += len(records)
    assert total == sum(ledgers.counts(ledgers.ledger()).values())


def test_the_script_element_cannot_be_closed_by_the_data():
    tag = claimreview.script_tag([{"claimReviewed": "</script><script>alert(1)</script> & more"}])
    assert tag.count("</script>") == 1 and "<script>alert" not in tag and "&" not in tag.split(">", 1)[1]
    body = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == [{"claimReviewed": "</script><script>alert(1)</script> & more"}]


def test_the_download_has_every_row_and_no_formula(tmp_path):
    claimreview.write_downloads(tmp_path)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "ledger.csv").read_text(encoding="utf-8"))))
    frame = ledgers.ledger()
    assert len(rows) == len(frame) and list(rows[0]) == claimreview.DOWNLOAD_COLUMNS
    assert {r["kind"] for r in rows} == set(claims.KINDS)
    records = json.loads((tmp_path / "ledger.json").read_text(encoding="utf-8"))
    assert [r["claim_id"] for r in records] == list(frame["claim_id"])
    with_rows = {i + 1 for i, c in enumerate(ledgers.CHAPTERS) if len(ledgers.table(c.doc))}
    assert {r["chapter"] for r in records} == with_rows  # a new chapter has no rows yet
    assert claimreview._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and claimreview._cell("-2") == "'-2"
    assert claimreview._cell(None) == "" and claimreview._cell(float("nan")) == "" and claimreview._cell(1.5) == "1.5"


def test_the_ledger_never_replaces_a_file_of_the_data_package(tmp_path):
    """The data package has its own claims.csv: the ledger download is named apart, and refuses to overwrite."""
    from axbook.data import tables

    package = {r["path"] for r in tables.validate()["resources"]}
    assert not package & set(claimreview.LEDGER_FILES)
    (tmp_path / claimreview.LEDGER_FILES[0]).write_text("a dataset", encoding="utf-8")
    import pytest

    with pytest.raises(FileExistsError, match="must not replace a file of the data package"):
        claimreview.write_downloads(tmp_path)
    assert (tmp_path / claimreview.LEDGER_FILES[0]).read_text(encoding="utf-8") == "a dataset"
