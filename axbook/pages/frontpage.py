"""The front page, "The page, checked": each article in one line, then every claim with its verdict.

Built from ``axbook.pages.ledgers`` (the chapters' own checks) and emitted as escaped HTML: article text from
data/ reaches the page as text only.
"""

from html import escape

from axbook.data import tables
from axbook.pages import ledgers
from axbook.paths import DATA_DIR

LEDGER_ANCHOR = "checking-the-article"


def _href(doc: str, anchor: str = "") -> str:
    return escape(f"{doc}.html" + (f"#{anchor}" if anchor else ""), quote=True)


def articles_html(data_dir=DATA_DIR) -> str:
    articles = tables.load("articles", data_dir).set_index("article_id")
    items = []
    for chapter in ledgers.CHAPTERS:
        art = articles.loc[chapter.article_id]
        items.append(
            f'<li class="axbook-article"><p class="axbook-headline" lang="ko">'
            f'<strong>{escape(art["headline_ko"])}</strong></p>'
            f'<p class="axbook-headline-en"><em>{escape(art["headline_en"])}</em></p>'
            f"<p>{escape(chapter.finding(data_dir))} "
            f'<a class="reference internal" href="{_href(chapter.doc)}">Read the chapter</a>.</p></li>')
    return f'<ol class="axbook-articles">{"".join(items)}</ol>'


def counts_html(frame) -> str:
    counts = ledgers.counts(frame)
    cells = "".join(f'<li><span class="verdict-{v.replace(" ", "-")}">{escape(v)}</span>: {n}</li>'
                    for v, n in counts.items())
    return f'<p>{len(frame)} claims in all.</p><ul class="axbook-verdict-counts">{cells}</ul>'


def claims_html(frame) -> str:
    head = "".join(f"<th>{h}</th>" for h in ("claim", "where", "printed", "recomputed", "verdict", "chapter"))
    rows = []
    for r in frame.itertuples():
        verdict = f'<td class="verdict-{r.verdict.replace(" ", "-")}">{escape(r.verdict)}</td>'
        number = [c.doc for c in ledgers.CHAPTERS].index(r.doc) + 1
        link = f'<a class="reference internal" href="{_href(r.doc, LEDGER_ANCHOR)}">Chapter {number}</a>'
        rows.append(f"<tr><td>{escape(r.claim)}</td><td>{escape(r.part)}</td><td>{escape(r.printed)}</td>"
                    f"<td>{escape(r.recomputed)}</td>{verdict}<td>{link}</td></tr>")
    return (f'<div class="axbook-table-wrap"><table class="axbook-table axbook-claims"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


