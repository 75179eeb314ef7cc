"""The front page, "The page, checked": each article in one line, then every claim with its verdict.

Built from ``axbook.pages.ledgers`` (the chapters' own checks) and emitted as escaped HTML: article text from
data/ reaches the page as text only.
"""

from html import escape

from axbook.checks import claims as cl
from axbook.data import tables
from axbook.language import i18n
from axbook.language.i18n import _
from axbook.pages import ledgers
from axbook.paths import DATA_DIR


def _href(doc: str, anchor: str = "") -> str:
    return escape(f"{doc}.html" + (f"#{anchor}" if anchor else ""), quote=True)


def articles_html(data_dir=DATA_DIR) -> str:
    articles = tables.load("articles", data_dir).set_index("article_id")
    read = _("Read the chapter")
    korean = i18n.current() == "ko"  # the Korean edition gives the page's own headline only
    items = []
    for chapter in ledgers.CHAPTERS:
        art = articles.loc[chapter.article_id]
        english = "" if korean else f'<p class="axbook-headline-en"><em>{escape(art["headline_en"])}</em></p>'
        items.append(
            f'<li class="axbook-article"><p class="axbook-headline" lang="ko">'
            f'<strong>{escape(art["headline_ko"])}</strong></p>{english}'
            f"<p>{escape(chapter.finding(data_dir))} "
            f'<a class="reference internal" href="{_href(chapter.doc)}">{escape(read)}</a>.</p></li>')
    return f'<ol class="axbook-articles">{"".join(items)}</ol>'


def counts_html(frame) -> str:
    """The page's score: claims the page makes, by verdict; the book's own findings are counted apart."""
    counts = ledgers.counts(frame)
    cells = "".join(f'<li><span class="{ledgers.verdict_class(v)}">{escape(_(v))}</span>: {n}</li>'
                    for v, n in counts.items())
    kinds = frame["kind"].value_counts()
    scored = _("{claims} claims the page makes, by verdict:").format(claims=sum(counts.values()))
    beside = _("Beside them, not scored: {findings} figures the book works out from the page and {silences} things "
               "the page does not say.").format(findings=int(kinds.get(cl.FINDING, 0)),
                                                silences=int(kinds.get(cl.NOT_SAID, 0)))
    return f'<p>{escape(scored)}</p><ul class="axbook-verdict-counts">{cells}</ul><p>{escape(beside)}</p>'


def claims_html(frame) -> str:
    return ledgers.claims_html(frame, chapters=True)


def findings_html(frame) -> str:
    return ledgers.findings_html(frame, chapters=True)


def not_said_html(frame) -> str:
    return ledgers.not_said_html(frame, chapters=True)
