"""The ledger published as fact-checkers publish it: schema.org ClaimReview records, and the whole ledger as data.

A ClaimReview describes one claim the page makes (never one of the book's findings): the claim as the book
states it, the article it appeared in (the newspaper as author, the edition's month as its date), the verdict
as the rating's ``alternateName``, and the claim's anchor in its chapter as the review's ``url``.
"""

import csv
import io
import json
from pathlib import Path

import pandas as pd

from axbook.data import tables
from axbook.language import i18n
from axbook.pages import ledgers
from axbook.paths import DATA_DIR

LEDGER_FILES = ("ledger.csv", "ledger.json")  # published beside the data package (whose claims.csv is a dataset)
DOWNLOAD_COLUMNS = ["claim_id", "kind", "chapter", "part", "statement", "printed", "figure", "recomputed", "verdict",
                    "low", "high"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def reviews(doc: str, page_url: str, book: str, data_dir: Path = DATA_DIR) -> list[dict]:
    """One ClaimReview per claim the chapter ``doc`` checks; ``page_url``: the chapter's address."""
    chapter = ledgers.BY_DOC[doc]
    article = tables.load("articles", data_dir).set_index("article_id").loc[chapter.article_id]
    outlet = {"@type": "Organization", "name": article["outlet"]}
    appearance = {"@type": "NewsArticle", "headline": article["headline_ko"], "inLanguage": "ko",
                  "author": {"@type": "Person", "name": article["byline_en"].split(",")[0]},
                  "publisher": outlet, "datePublished": article["edition_month"]}
    claims = ledgers.claims_only(ledgers.table(doc, data_dir))
    return [{
        "@context": "https://schema.org", "@type": "ClaimReview", "inLanguage": i18n.current(),
        "url": f"{page_url}#{ledgers.anchor(r.claim_id)}",
        "claimReviewed": r.statement,
        "author": {"@type": "Organization", "name": book},
        "itemReviewed": {"@type": "Claim", "author": outlet, "datePublished": article["edition_month"],
                         "appearance": appearance},
        "reviewRating": {"@type": "Rating", "alternateName": r.verdict},
    } for r in claims.itertuples()]


def script_tag(records: list[dict]) -> str:
    """JSON-LD in a script element; '<', '>' and '&' escaped so no text of the data can close the element."""
    text = json.dumps(records, ensure_ascii=False, sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def download_frame(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Every ledger row of the book, with its chapter number: the claims download."""
    frame = ledgers.ledger(data_dir)
    number = {c.doc: i + 1 for i, c in enumerate(ledgers.CHAPTERS)}
    return frame.assign(chapter=frame["doc"].map(number))[DOWNLOAD_COLUMNS]


def _cell(value) -> str:
    text = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text  # a spreadsheet must not read a formula


def write_downloads(target: Path, data_dir: Path = DATA_DIR) -> None:
    """The ledger beside the published data package; never over one of its files."""
    taken = [name for name in LEDGER_FILES if (target / name).exists()]
    if taken:
        raise FileExistsError(f"{', '.join(taken)} already in {target}: the ledger download must not replace a "
                              "file of the data package")
    frame = download_frame(data_dir)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(DOWNLOAD_COLUMNS)
    writer.writerows([_cell(v) for v in row] for row in frame.itertuples(index=False))
    (target / LEDGER_FILES[0]).write_text(out.getvalue(), encoding="utf-8")
    records = json.loads(frame.to_json(orient="records", force_ascii=False))
    (target / LEDGER_FILES[1]).write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
