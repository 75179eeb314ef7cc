"""Sharing: Open Graph and Twitter card tags on every page, and a sitemap of the book.

What is true without the site's public address is always written: the page's title, a description (its first
paragraph, cut at a word within `DESCRIPTION_LENGTH` characters), its type, the book's name, the card's kind.
Links need the public address, `html.baseurl` in `_config.yml` (Sphinx's `html_baseurl`, which also gives each page
its canonical link): once it is set, every page gets `og:url`, a page with a chart gets `og:image`, its first
chart's PNG (written under `_charts/` by `axbook.figures.downloads`), described by that chart's text alternative, and the
build writes `sitemap.xml` listing every page of `_toc.yml`. Without it those are left out rather than written
wrong (crawlers need absolute URLs), and the build says so. A deploy that knows its address (GitHub Pages' base_url)
gives it in `AXBOOK_BASEURL` (`make book BASEURL=...`), which wins over `_config.yml`.
Text reaches the tags escaped; nothing from a page is interpreted.
"""

import html
import os
import re
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

from docutils import nodes
from sphinx.errors import ConfigError

from axbook.figures import downloads
from axbook.language.i18n import SOURCE
from axbook.paths import ADDRESS_ENV
from axbook.site import toc

DESCRIPTION_LENGTH = 200
SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# Each edition as its own readers name it (the language switch), and its Open Graph locale.
EDITION_NAMES = {"en": "English", "ko": "한국어"}
OG_LOCALES = {"en": "en_GB", "ko": "ko_KR"}
ARIA_LABEL = re.compile(r'<div class="axbook-chart-static" role="img" aria-label="([^"]*)"')


def public_address(configured: str) -> str:
    """The address the site is built for: the deploy's (AXBOOK_BASEURL) when given, else _config.yml's."""
    return os.environ.get(ADDRESS_ENV) or configured


def site_url(baseurl: str) -> str:
    """The site's public address, ending in "/"; "" when none is set. Anything but an http(s) address is an error."""
    if not baseurl:
        return ""
    parsed = urlparse(baseurl)
    if parsed.scheme not in ("https", "http") or not parsed.netloc or parsed.query or parsed.fragment:
        named = ADDRESS_ENV if os.environ.get(ADDRESS_ENV) == baseurl else "_config.yml html.baseurl"
        raise ConfigError(f"{named}: {baseurl!r} is not the site's public address "
                          "(an http(s) URL such as https://example.org/book/)")
    return baseurl if baseurl.endswith("/") else baseurl + "/"


def description(doctree: nodes.document | None) -> str:
    """The page's first paragraph as plain text, cut at a word within DESCRIPTION_LENGTH characters."""
    first = next(iter(doctree.findall(nodes.paragraph)), None) if doctree is not None else None
    text = " ".join(first.astext().split()) if first is not None else ""
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH - 1]
    return cut[:cut.rfind(" ")].rstrip(" ,;:") + "…" if " " in cut else cut + "…"


def first_chart(body: str, pagename: str) -> dict | None:
    """The page's first chart as an image to share: its PNG's path in the site, its size, its text alternative."""
    match = downloads.CHART.search(body)
    if not match:
        return None
    name = match.group("figure") or match.group("id")
    size = downloads.SVG_SIZE.search(body, match.end())
    label = ARIA_LABEL.search(body, match.end())
    return {"path": downloads.chart_file(pagename, name, "png"),  # downloads.add_downloads writes it
            "width": round(2 * float(size.group("width"))), "height": round(2 * float(size.group("height"))),
            "alt": html.unescape(label.group(1)) if label else ""}


def edition_links(pagename: str, language: str, languages: tuple[str, ...], site: str) -> dict[str, str]:
    """This page in every edition built: language -> address, absolute when the public address (``site``, the
    edition's own) is known, else relative to the page."""
    here = toc.edition_prefix(language)
    if site:
        root = site.removesuffix(here) if here else site
    else:
        root = "../" * (pagename.count("/") + here.count("/"))
    return {other: root + toc.edition_prefix(other) + pagename + ".html" for other in languages}


def alternate_links(links: dict[str, str]) -> str:
    """hreflang alternates: every edition, the source language also as the default for other readers."""
    pairs = [*links.items(), *([("x-default", links[SOURCE])] if SOURCE in links else [])]
    return "\n".join(f'<link rel="alternate" hreflang="{code}" href="{html.escape(href, quote=True)}" />'
                     for code, href in pairs if len(links) > 1)


def meta_tags(title: str, summary: str, site_name: str, pagename: str, root: str, site: str,
              image: dict | None, language: str = SOURCE, languages: tuple[str, ...] = (SOURCE,)) -> str:
    """The page's tags; `site` is the public address ("" when unknown: no URL is written)."""
    tags = [("og:title", title), ("og:description", summary), ("og:type", "website" if pagename == root else "article"),
            ("og:site_name", site_name), ("og:locale", OG_LOCALES[language]),
            *(("og:locale:alternate", OG_LOCALES[other]) for other in languages if other != language)]
    if site:
        tags.append(("og:url", site + pagename + ".html"))
        if image:
            tags += [("og:image", site + image["path"]), ("og:image:type", "image/png"),
                     ("og:image:width", str(image["width"])), ("og:image:height", str(image["height"])),
                     ("og:image:alt", image["alt"])]
    card = "summary_large_image" if site and image else "summary"
    lines = [f'<meta property="{p}" content="{html.escape(v, quote=True)}" />' for p, v in tags if v]
    alternates = alternate_links(edition_links(pagename, language, languages, site))
    return "\n".join([*lines, f'<meta name="twitter:card" content="{card}" />', *([alternates] if alternates else [])])


def add_tags(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """html-page-context: the sharing tags in the page's head (pages of the book only, not search or index)."""
    if doctree is None:
        return
    title = app.env.titles[pagename].astext() if pagename in app.env.titles else ""
    language, languages, site = app.config.language, toc.editions(), site_url(app.config.html_baseurl)
    tags = meta_tags(title, description(doctree), app.config.html_title, pagename, app.config.root_doc,
                     site, first_chart(context.get("body", ""), pagename), language, languages)
    context["metatags"] = context.get("metatags", "") + "\n" + tags
    # the language switch (_templates/edition-switch.html): the same page in each other edition
    context["axbook_editions"] = [(other, EDITION_NAMES[other], href) for other, href
                                  in edition_links(pagename, language, languages, "").items() if other != language]


def sitemap(site: str, pages: list[str], languages: tuple[str, ...] = (SOURCE,)) -> bytes:
    """The sitemap of the book: one absolute URL per page of each edition, in reading order, each with its
    alternates in the other editions (Google's hreflang sitemap form); no dates: same inputs, same bytes."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for language in languages:
        for page in pages:
            url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = site + toc.edition_prefix(language) + page
            for other in languages if len(languages) > 1 else ():
                ElementTree.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=other,
                                       href=site + toc.edition_prefix(other) + page)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(out: Path, baseurl: str, pages: list[str], languages: tuple[str, ...] = (SOURCE,)) -> bool:
    """sitemap.xml at the site's root when the public address is set; False (nothing written) when not."""
    site = site_url(baseurl)
    if site:
        (out / SITEMAP).write_bytes(sitemap(site, pages, languages))
    return bool(site)
