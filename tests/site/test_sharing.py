"""Sharing: Open Graph and Twitter tags on every page, escaped, and the sitemap, only with a public address."""

import re

import pytest
from helpers import bars, chart_body
from sphinx.errors import ConfigError

from axbook.figures import render
from axbook.paths import ADDRESS_ENV
from axbook.site import sharing, toc

# -- sharing: Open Graph and Twitter tags, the sitemap (axbook/site/sharing.py) ------------------------------------------

def test_the_site_s_public_address_is_an_http_url_ending_in_a_slash():
    assert sharing.site_url("") == ""
    assert sharing.site_url("https://example.org/book") == "https://example.org/book/"
    assert sharing.site_url("http://example.org/") == "http://example.org/"
    for wrong in ("example.org/book", "ftp://example.org/", "https://", "https://x.org/?a=1", "https://x.org/#top",
                  "javascript:alert(1)"):
        with pytest.raises(ConfigError) as refused:
            sharing.site_url(wrong)
        assert str(refused.value) == (f"_config.yml html.baseurl: {wrong!r} is not the site's public address "
                                      "(an http(s) URL such as https://example.org/book/)")


def test_the_deploy_s_address_wins_over_the_config_s_and_is_named_when_wrong(monkeypatch):
    monkeypatch.delenv(ADDRESS_ENV, raising=False)
    assert sharing.public_address("https://config.example/") == "https://config.example/"
    monkeypatch.setenv(ADDRESS_ENV, "https://deploy.example/book")
    assert sharing.public_address("https://config.example/") == "https://deploy.example/book"
    assert sharing.public_address("") == "https://deploy.example/book"
    monkeypatch.setenv(ADDRESS_ENV, "deploy.example")
    with pytest.raises(ConfigError, match=r"^AXBOOK_BASEURL: 'deploy.example' is not the site's public address"):
        sharing.site_url(sharing.public_address(""))


def _doctree(source: str):
    from docutils.core import publish_doctree
    return publish_doctree(source, settings_overrides={"report_level": 5})


def test_a_page_is_described_by_its_first_paragraph_cut_at_a_word():
    assert sharing.description(_doctree("Title\n=====\n\nFirst  line\nof the *first* one.\n\nSecond.")) == (
        "First line of the first one.")
    words = " ".join(["abcd"] * 60)  # 299 characters: cut at the last whole word within 199, then "…"
    assert sharing.description(_doctree(f"T\n=\n\n{words}")) == " ".join(["abcd"] * 39) + "…"
    korean = " ".join(["중소기업,"] * 40)  # a word's trailing comma goes before the ellipsis
    assert sharing.description(_doctree(f"T\n=\n\n{korean}")) == " ".join(["중소기업,"] * 33)[:-1] + "…"
    assert sharing.description(_doctree("T\n=\n\n" + " ".join(["AX"] * 80))).endswith(" AX AX…")  # only , ; : dropped
    exact = "x" * 199 + "y"
    assert sharing.description(_doctree(f"T\n=\n\n{exact}")) == exact  # 200: kept whole
    assert sharing.description(_doctree(f"T\n=\n\n{exact}z")) == "x" * 199 + "…"  # one word: cut inside it
    assert sharing.description(_doctree("T\n=\n\n.. note:: x\n")) == "x"
    assert sharing.description(_doctree("")) == "" and sharing.description(None) == ""


def test_the_image_a_page_shares_is_its_first_chart_s_png_with_its_text_alternative():
    first, second = bars('Two <b> & "bars".'), bars("Other.")
    body = "<p>x</p>" + chart_body(first) + chart_body(second, figure="fig-y")
    width, height = (int(v) for v in re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', render.to_svg(first)).groups())
    assert sharing.first_chart(body, "chapters/01-x") == {
        "path": "_charts/chapters-01-x/fig-x.png", "width": 2 * width, "height": 2 * height, "alt": 'Two <b> & "bars".'}
    assert sharing.first_chart("<p>no chart</p>", "intro") is None
    icon = '<svg width="9" height="9"></svg>'  # an SVG before the chart is not its size
    unnamed = sharing.first_chart(icon + chart_body(first, figure=None), "intro")
    assert unnamed == {"path": f"_charts/intro/{render.chart_id(first)}.png", "width": 2 * width, "height": 2 * height,
                       "alt": 'Two <b> & "bars".'}


def test_sharing_tags_are_escaped_and_name_urls_only_with_the_public_address():
    image = {"path": "_charts/c-1/fig.png", "width": 964, "height": 836, "alt": 'A "chart" <b>&'}
    args = ('Gap "11×" <i>', "중소기업 & 대기업", "The book", "chapters/1")
    assert sharing.meta_tags(*args, root="intro", site="", image=image).splitlines() == [
        '<meta property="og:title" content="Gap &quot;11×&quot; &lt;i&gt;" />',
        '<meta property="og:description" content="중소기업 &amp; 대기업" />',
        '<meta property="og:type" content="article" />',
        '<meta property="og:site_name" content="The book" />',
        '<meta property="og:locale" content="en_GB" />',
        '<meta name="twitter:card" content="summary" />']
    shared = sharing.meta_tags(*args, root="intro", site="https://example.org/b/", image=image).splitlines()
    assert shared[5:] == [
        '<meta property="og:url" content="https://example.org/b/chapters/1.html" />',
        '<meta property="og:image" content="https://example.org/b/_charts/c-1/fig.png" />',
        '<meta property="og:image:type" content="image/png" />',
        '<meta property="og:image:width" content="964" />',
        '<meta property="og:image:height" content="836" />',
        '<meta property="og:image:alt" content="A &quot;chart&quot; &lt;b&gt;&amp;" />',
        '<meta name="twitter:card" content="summary_large_image" />']
    front = sharing.meta_tags("T", "", "B", "intro", root="intro", site="https://e.org/", image=None).splitlines()
    assert front == ['<meta property="og:title" content="T" />', '<meta property="og:type" content="website" />',
                     '<meta property="og:site_name" content="B" />', '<meta property="og:locale" content="en_GB" />',
                     '<meta property="og:url" content="https://e.org/intro.html" />',
                     '<meta name="twitter:card" content="summary" />']  # no empty description, no image


def test_the_sitemap_lists_every_page_by_its_public_address_and_is_written_only_with_one(tmp_path):
    assert sharing.sitemap("https://e.org/b/", ["intro.html", "chapters/1.html"]) == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://e.org/b/intro.html</loc></url>'
        b"<url><loc>https://e.org/b/chapters/1.html</loc></url></urlset>\n")
    assert sharing.write_sitemap(tmp_path, "", ["intro.html"]) is False and not (tmp_path / "sitemap.xml").exists()
    assert sharing.write_sitemap(tmp_path, "https://e.org/b", ["a&b.html"]) is True
    assert b"<loc>https://e.org/b/a&amp;b.html</loc>" in (tmp_path / "sitemap.xml").read_bytes()


def test_every_page_s_head_gets_its_sharing_tags_after_the_theme_s_own(tmp_path):
    from types import SimpleNamespace

    from docutils import nodes

    spec = bars("Two bars.")
    app = SimpleNamespace(env=SimpleNamespace(titles={"chapters/1": nodes.title(text="The gap")}),
                          config=SimpleNamespace(html_title="The book", root_doc="intro", language="en",
                                                 html_baseurl="https://e.org/b"))
    context = {"metatags": '<meta name="x" content="y" />', "body": chart_body(spec)}
    sharing.add_tags(app, "chapters/1", "page.html", context, _doctree("T\n=\n\nFirst words."))
    image = sharing.first_chart(chart_body(spec), "chapters/1")
    assert context["metatags"] == '<meta name="x" content="y" />\n' + sharing.meta_tags(
        "The gap", "First words.", "The book", "chapters/1", root="intro", site="https://e.org/b/", image=image,
        language="en", languages=toc.editions())
    assert context["axbook_editions"] == [("ko", "한국어", "../ko/chapters/1.html")]  # the switch, relative
    assert '"https://e.org/b/_charts/chapters-1/fig-x.png"' in context["metatags"]
    untouched = {"metatags": "", "body": ""}
    sharing.add_tags(app, "genindex", "genindex.html", untouched, None)  # not a page of the book
    assert untouched == {"metatags": "", "body": ""}
    app.config.html_baseurl = "example.org"
    with pytest.raises(ConfigError):
        sharing.add_tags(app, "chapters/1", "page.html", {"body": ""}, _doctree("T\n=\n\nx"))


@pytest.mark.parametrize(("page", "language", "site", "expected"), [
    ("intro", "en", "", {"en": "intro.html", "ko": "ko/intro.html"}),
    ("chapters/1", "ko", "", {"en": "../../chapters/1.html", "ko": "../../ko/chapters/1.html"}),
    ("chapters/1", "ko", "https://e.org/b/ko/", {"en": "https://e.org/b/chapters/1.html",
                                                  "ko": "https://e.org/b/ko/chapters/1.html"}),
])
def test_each_page_links_itself_in_every_edition(page, language, site, expected):
    assert sharing.edition_links(page, language, ("en", "ko"), site) == expected


def test_hreflang_alternates_are_symmetric_and_english_is_the_default():
    links = sharing.edition_links("chapters/1", "en", ("en", "ko"), "https://e.org/b/")
    tags = sharing.alternate_links(links)
    assert re.findall(r'hreflang="([^"]+)" href="([^"]+)"', tags) == [
        ("en", "https://e.org/b/chapters/1.html"), ("ko", "https://e.org/b/ko/chapters/1.html"),
        ("x-default", "https://e.org/b/chapters/1.html")]
    assert sharing.alternate_links({"en": "x.html"}) == ""  # one edition: no alternates


def test_the_sitemap_lists_every_edition_with_its_alternates():
    from xml.etree import ElementTree

    root = ElementTree.fromstring(sharing.sitemap("https://e.org/b/", ["intro.html", "c.html"], ("en", "ko")))
    urls = root.findall(f"{{{sharing.SITEMAP_NS}}}url")
    assert [u.find(f"{{{sharing.SITEMAP_NS}}}loc").text for u in urls] == [
        "https://e.org/b/intro.html", "https://e.org/b/c.html", "https://e.org/b/ko/intro.html", "https://e.org/b/ko/c.html"]
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall(f"{{{sharing.XHTML_NS}}}link")}
        assert url.find(f"{{{sharing.SITEMAP_NS}}}loc").text in alternates.values() and set(alternates) == {"en", "ko"}
