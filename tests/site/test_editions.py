"""Every edition of the built site, read back: the same book in each language (`make book` builds them all).

The source edition (English) sits at the site's root, every other under its prefix (``ko/``). Pages are discovered
from ``_toc.yml`` and the editions from ``axbook.site.toc.editions``: a new chapter or language is tested here without
editing this file. What a browser sees of them (the switch round trip, fonts, accessibility, phone width, dark mode) is
in test_browser.py, which visits every page of every edition.
"""

import html
import re

import pytest
from lxml import html as lxml_html

from axbook.language.i18n import SOURCE
from axbook.paths import ROOT
from axbook.site import sharing, toc

SITE = ROOT / "_build" / "html"
EDITIONS = toc.editions()
OTHERS = [language for language in EDITIONS if language != SOURCE]
PAGES = toc.html_pages()
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LATIN = re.compile(r"[A-Za-z]")
# A Korean page is read in Korean when Hangul is most of the letters of its prose. Not all: the page itself prints
# Latin letters (AI, AX, LS, HD, KVMCC, MW, CSV), and the book keeps English proper names and the sources' English
# titles. Two thirds leaves room for those and fails a page with an untranslated paragraph or table.
HANGUL_SHARE = 2 / 3


def _page(language: str, page: str) -> str:
    path = SITE / toc.edition_prefix(language) / page
    if not path.exists():
        pytest.fail(f"no {path.relative_to(ROOT)}: run `make book` (make test does)")
    return path.read_text(encoding="utf-8")


def _prose(page_html: str, language: str) -> str:
    """The article's visible prose in the edition's language. Left out: scripts, styles, charts (tested on their own),
    code (the data's own identifiers), text marked as another language (a source quoted verbatim in English, with
    ``lang="en"``), and the names of the files and the outside sources the page links to."""
    article = lxml_html.fromstring(page_html).xpath("//article")[0]
    for hidden in article.xpath(".//script|.//style|.//svg|.//pre|.//code|.//*[contains(@class, 'axbook-chart')]"
                                f"|.//*[@lang and @lang != '{language}']|.//a[contains(@class, 'reference external')]"
                                "|.//a[contains(@class, 'reference download')]"):
        hidden.getparent().remove(hidden)
    return article.text_content()


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_in_every_edition_in_its_language(language, page):
    text = _page(language, page)
    assert f'<html lang="{language}"' in text
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)" />', text))
    assert set(links) == {*EDITIONS, "x-default"} if len(EDITIONS) > 1 else not links
    for other, href in links.items():  # each alternate is this page in that edition, and links back (symmetric)
        target = (SITE / toc.edition_prefix(language) / page).parent / html.unescape(href)
        assert target.resolve() == (SITE / toc.edition_prefix(SOURCE if other == "x-default" else other) / page).resolve()
        back = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)" />', target.read_text()))
        assert (target.parent / back[language]).resolve() == (SITE / toc.edition_prefix(language) / page).resolve()


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("page", PAGES)
def test_a_translated_page_is_read_in_its_language(language, page):
    prose = _prose(_page(language, page), language)
    hangul, latin = len(HANGUL.findall(prose)), len(LATIN.findall(prose))
    assert hangul / (hangul + latin) >= HANGUL_SHARE, (page, f"{hangul} Hangul, {latin} Latin letters")


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("page", PAGES)
def test_every_glued_value_survives_translation(language, page):
    """A translated paragraph is parsed into a fresh document, without the page's glue data; the book's Sphinx
    extension lends it the page's (``sphinx_ext._glue_in_translated_prose``). Each value the English page pastes into
    its prose is pasted into the translation too (as many, none empty)."""
    def pasted(text: str) -> list[str]:
        return re.findall(r'<span class="pasted-text">([^<]*)</span>', text)

    source, translated = pasted(_page(SOURCE, page)), pasted(_page(language, page))
    assert len(translated) == len(source) and all(v.strip() for v in translated), (page, source, translated)


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_of_a_translated_page_is_drawn_in_its_language(language, page):
    """Charts re-executed in the edition's language, not relabelled: as many as in the source edition, and the text of
    each one's static SVG (the file the page names for it) mostly Hangul."""
    text, folder = _page(language, page), (SITE / toc.edition_prefix(language) / page).parent
    statics = re.findall(r'<div class="axbook-chart" id="[^"]+"[^>]* data-static="([^"]+)"', text)
    assert len(statics) == text.count('<div class="axbook-chart" id=') == _page(SOURCE, page).count(
        '<div class="axbook-chart" id=')
    svgs = [(folder / html.unescape(static)).read_text(encoding="utf-8") for static in statics]
    for svg in svgs:
        words = " ".join(html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg))
        hangul, latin = len(HANGUL.findall(words)), len(LATIN.findall(words))
        assert hangul > latin, (page, words[:300])


def test_the_switch_leads_to_the_same_page_in_the_other_edition_and_back():
    for language in EDITIONS:
        for page in PAGES:
            text = _page(language, page)
            switch = re.findall(r'<a class="btn btn-sm axbook-edition" href="([^"]+)" hreflang="(\w+)"', text)
            assert [code for _, code in switch] == [other for other in EDITIONS if other != language], page
            for href, other in switch:
                target = (SITE / toc.edition_prefix(language) / page).parent / html.unescape(href)
                assert target.resolve() == (SITE / toc.edition_prefix(other) / page).resolve()
                assert sharing.EDITION_NAMES[other] in text


def test_each_edition_s_headings_share_their_ids_so_the_switch_keeps_the_section():
    for page in PAGES:
        ids = {language: re.findall(r'<section id="([^"]+)"', _page(language, page)) for language in EDITIONS}
        assert all(found == ids[SOURCE] for found in ids.values()), page


def test_the_build_writes_nothing_beside_the_catalogs():
    """Sphinx compiles each catalog beside it: the build stages them under _build, so the repository stays as it was."""
    assert not [p for p in (ROOT / "locale").rglob("*") if p.is_file() and p.suffix != ".po"]
