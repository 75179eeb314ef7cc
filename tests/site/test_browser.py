"""The built site in a real browser: Debian's Chromium driven by Playwright, served from 127.0.0.1 only.

Every page loads with no console errors or warnings and no request to another host; every chart is
drawn live as SVG; the what-if slider changes the drawn chart. Screenshots go to _build/screenshots.
"""

import base64
import csv
import functools
import html
import io
import re
import struct
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlparse
from xml.etree import ElementTree

import nbformat
import pytest
import yaml
from fontTools.ttLib import TTFont
from playwright.sync_api import sync_playwright

from axbook.articles import ai_gap
from axbook.checks import claims
from axbook.data import tables
from axbook.figures import downloads, theme
from axbook.language import i18n
from axbook.pages import ledgers
from axbook.paths import PAGE_FONTS, ROOT
from axbook.site import fonts, sharing, sphinx_ext, toc
from axbook.site.pdf import CHROMIUM, FLAGS, serve

SITE = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
# Every page of every edition ('intro.html', ..., 'ko/intro.html', ...): a new chapter or language is tested without
# editing this file.
EDITIONS = toc.editions()
PAGES = toc.edition_pages(languages=EDITIONS)
ENGLISH = toc.html_pages()


def _edition(path: str) -> str:
    return next(language for language in reversed(EDITIONS) if path.startswith(toc.edition_prefix(language)))


def _source_word(path: str) -> str:
    """How every chart's source line starts in the page's edition: 'Source', '출처'."""
    with i18n.using(_edition(path)):
        return i18n._("Source: {outlet}, {month}, business section (all {count} articles)").split(":")[0]


def _charted_pages() -> list[str]:
    """Pages that hold charts, read from the built site (the notebooks decide, not this file)."""
    return [p for p in PAGES if (SITE / p).exists() and 'class="axbook-chart"' in (SITE / p).read_text(encoding="utf-8")]


def _chart_count(page: str) -> int:
    return (SITE / page).read_text(encoding="utf-8").count('<div class="axbook-chart" id=')


@pytest.fixture(scope="module")
def server():
    if not (SITE / "index.html").exists():
        pytest.fail("no built site: run `make book` first (make test does)")
    origin, httpd = serve(SITE)  # quiet: the test log shows failures, not requests
    yield origin
    httpd.shutdown()


@pytest.fixture(scope="module")
def playwright():
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser_context(playwright, tmp_path_factory):
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")), executable_path=CHROMIUM, args=FLAGS,
        headless=True, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


class PageLog:
    def __init__(self, page):
        self.console, self.failed, self.requested = [], [], []
        page.on("request", lambda r: self.requested.append(urlparse(r.url)))
        page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    @property
    def foreign(self) -> list[str]:
        """Requests to any host but the test server (data: and blob: URLs stay in the page)."""
        return [u.geturl() for u in self.requested if u.scheme in ("http", "https") and u.hostname != "127.0.0.1"]


SCROLL_PAST_EVERY_CHART = """async () => {
  for (const box of document.querySelectorAll('.axbook-chart')) {
    box.scrollIntoView();
    await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
  }
  window.scrollTo(0, 0);
}"""


def _as_first_visit(page, scheme: str) -> None:
    """The reader's system colour scheme, and no theme choice stored by an earlier page (the profile is shared)."""
    page.emulate_media(color_scheme=scheme)  # the theme follows it (default_mode: auto)
    page.add_init_script("localStorage.removeItem('mode'); localStorage.removeItem('theme');")


def open_page(context, server, path, width=1280, scheme="light"):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    _as_first_visit(page, scheme)
    log = PageLog(page)
    page.goto(f"{server}/{path}", wait_until="networkidle")
    page.evaluate(SCROLL_PAST_EVERY_CHART)  # charts are drawn live as they come near the screen
    # Every chart box must end up holding a live SVG (the static fallback is removed once drawn).
    page.wait_for_function("""() => [...document.querySelectorAll('.axbook-chart')]
        .every(box => box.querySelector('.axbook-chart-live svg') && !box.querySelector('.axbook-chart-static'))""",
                           timeout=15000)
    return page, log


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_clean_and_offline(browser_context, server, path):
    page, log = open_page(browser_context, server, path)
    page.wait_for_timeout(300)
    assert log.console == [], log.console
    assert log.foreign == [], log.foreign
    assert log.failed == [], log.failed
    # The chart script and library (0.8 MB) are loaded where there is a chart to draw, and nowhere else; the files JB1
    # puts on every page only where the page uses them (thebe's never).
    assert any(u.path.endswith("/vega-bundle.min.js") for u in log.requested) == (_chart_count(path) > 0), path
    html = (SITE / path).read_text(encoding="utf-8")
    body = html[html.index('<article class="bd-article"'):html.index("</article>")]  # the page's own content
    for suffix, markers in sphinx_ext.USED_WHERE.items():
        if suffix != sphinx_ext.CHART_LIBRARY:  # fetched by the chart script, not from the page's head
            wanted = sphinx_ext.used(markers, body)
            assert any(u.path.endswith("/" + suffix) for u in log.requested) == wanted, suffix
    assert ("toggleHintShow" in html) == sphinx_ext.used(sphinx_ext.TOGGLES, body)  # the toggle button's settings
    assert any(u.path.endswith("/copybutton.js") for u in log.requested) == ('<div class="highlight' in body)
    # The fonts every page uses are preloaded with its head, each fetched once (a preload whose CORS mode differs
    # from the font's own request is fetched twice), and used (else Chromium warns, and the test above fails).
    preloaded = page.evaluate("""[...document.querySelectorAll('link[rel=preload][as=font]')]
        .map(l => new URL(l.href).pathname)""")
    assert sorted(p.rsplit("/_static/", 1)[1] for p in preloaded) == sorted(
        f.removeprefix("_static/") for f in PAGE_FONTS), preloaded
    assert all([u.path for u in log.requested].count(p) == 1 for p in preloaded), preloaded
    used = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + f.weight)")
    assert {"NanumGothic400", "NanumGothic700"} <= set(used) and any("Font Awesome" in f for f in used), used
    # The search index and Sphinx's search tools are the search page's alone (_templates/layout.html).
    assert not any(u.path.endswith(("/searchindex.js", "/searchtools.js")) for u in log.requested), path
    # The theme's icon script (0.54 MB gzip) is not loaded; every icon is drawn from the theme's webfont instead.
    assert not any(u.path.endswith("/fontawesome.js") for u in log.requested), path
    icons = page.evaluate("""[...document.querySelectorAll('i.fa-solid, i.fa-regular, i.fa-brands')].map(i =>
        [i.className, getComputedStyle(i, '::before').content, getComputedStyle(i, '::before').fontFamily])""")
    assert icons and all(content not in ("none", "normal", '""') and "Font Awesome" in family
                         for _, content, family in icons), icons
    # The published fonts are cut to the site's characters (axbook/site/fonts.py): nothing this page shows is missing.
    drawn_icons = page.evaluate("""[...document.querySelectorAll('*')].map(e => getComputedStyle(e, '::before'))
        .filter(s => s.fontFamily.includes('Font Awesome') && s.content.length > 2).map(s => s.content)""")
    edition = SITE / toc.edition_prefix(_edition(path))  # each edition's fonts are cut to its own pages
    assert drawn_icons and {ord(c.strip('"')[0]) for c in drawn_icons} <= _cmap(edition / fonts.ICONS), drawn_icons
    shown = {ord(c) for c in page.evaluate("document.documentElement.textContent")}
    for name, source in fonts.NANUM.items():
        missing = (shown & _cmap(source)) - _cmap(edition / name)
        assert not missing, f"{path}: {name} lacks {''.join(map(chr, sorted(missing)))[:40]}"
    # Hangul breaks only between words and is never slanted (a browser fakes the italic): every element whose own text
    # holds Hangul, in either edition.
    assert page.evaluate(HANGUL_SET_BADLY) == [], path
    # What a first visit costs, as a static host sends it (text gzipped, fonts and images as they are), from the
    # files the page asked for: within the budget of a page with charts or of one without.
    sent = sum(_sent_bytes(u.path) for u in {u for u in log.requested if u.hostname == "127.0.0.1"})
    budget = PAGE_BUDGET if _chart_count(path) else PLAIN_PAGE_BUDGET
    assert sent <= budget, f"{path}: {sent / 1e3:.0f} KB sent on a first visit, over {budget / 1e3:.0f} KB"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (path.removesuffix(".html").replace("/", "--") + ".png")), full_page=True)
    page.close()


PAGE_BUDGET, PLAIN_PAGE_BUDGET = 600_000, 300_000  # bytes sent on a first visit: a chapter with charts, a page without
SENT_AS_IS = (".woff2", ".png", ".jpg", ".svg.gz", ".ico")  # already compressed: a host sends them as they are


@functools.cache
def _sent_bytes(url_path: str) -> int:
    """A file of the site as a static host sends it: gzip (level 9) for text, compressed formats as they are."""
    import gzip

    file = SITE / unquote(url_path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return 0
    body = file.read_bytes()
    return len(body) if file.name.endswith(SENT_AS_IS) else len(gzip.compress(body, 9, mtime=0))


HANGUL_SET_BADLY = """[...document.querySelectorAll('body *')].filter(e =>
    [...e.childNodes].some(n => n.nodeType === 3 && /[\uac00-\ud7a3]/.test(n.textContent)))
  .map(e => [e, getComputedStyle(e)])
  .filter(([e, s]) => s.wordBreak !== 'keep-all' || (document.documentElement.lang === 'ko' && s.fontStyle !== 'normal'))
  .map(([e, s]) => e.tagName + ' ' + s.wordBreak + ' ' + s.fontStyle + ': ' + e.textContent.trim().slice(0, 40))"""


@functools.cache
def _cmap(font: Path) -> set[int]:
    return set(TTFont(font).getBestCmap())


AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"  # from npm, pinned (vendor/axe-core/VENDOR.md)


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violation(browser_context, server, path):
    """axe-core's rules (WCAG 2.x A/AA and best practice) on the page as drawn, live charts included."""
    page, _ = open_page(browser_context, server, path)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
        .map(v => ({rule: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))""")
    assert page.evaluate("axe.version") == "4.14.1"
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], found
    page.close()


def test_toc_pages_were_built():
    assert PAGES and all((SITE / p).exists() for p in PAGES), PAGES
    assert _charted_pages(), "no page with a chart"


def test_every_page_names_the_licences_in_its_footer():
    for page in PAGES:
        text = (SITE / page).read_text(encoding="utf-8")
        footer = text.split('<div class="extra_footer">', 1)[-1].split("</div>", 1)[0] if "extra_footer" in text else ""
        assert "MIT" in footer and "CC BY 4.0" in footer, page


def _meta(text: str) -> dict[str, str]:
    """The page's Open Graph and Twitter tags, values unescaped."""
    found = re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)" />', text)
    assert len({k for k, _ in found}) == len(found), found  # each once
    return {k: html.unescape(v) for k, v in found}


def _heading(page_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>|¶|#", "", re.search(r"<h1>(.*?)</h1>", page_html, re.S).group(1))).strip()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_can_be_shared(path):
    """Title, description, book name and card on every page; the URL and the chart image exactly when the site's
    public address is configured (absolute URLs only); the image a page would name is its first chart's PNG."""
    text = (SITE / path).read_text(encoding="utf-8")
    tags = _meta(text)
    assert tags["og:title"] == _heading(text)
    assert 40 <= len(tags["og:description"]) <= sharing.DESCRIPTION_LENGTH, tags["og:description"]
    book = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    language = _edition(path)
    with i18n.using(language):
        assert tags["og:site_name"] == i18n._(book["title"])
    assert tags["og:locale"] == sharing.OG_LOCALES[language]
    assert tags["og:type"] == ("website" if path.removeprefix(toc.edition_prefix(language)) == ENGLISH[0] else "article")
    pagename = path.removeprefix(toc.edition_prefix(language)).removesuffix(".html")
    image = sharing.first_chart(text, pagename)
    if image:
        png = (SITE / toc.edition_prefix(language) / image["path"]).read_bytes()
        assert _is_png(png) and struct.unpack(">II", png[16:24]) == (image["width"], image["height"]), image
        assert len(image["alt"]) > 20
    site = sharing.site_url(sharing.public_address(book.get("html", {}).get("baseurl", "")))
    assert tags.get("og:url") == (site + path if site else None)
    assert tags.get("og:image") == (site + toc.edition_prefix(language) + image["path"] if site and image else None)
    assert tags["twitter:card"] == ("summary_large_image" if site and image else "summary")
    assert (SITE / sharing.SITEMAP).exists() == bool(site)


def test_no_page_carries_the_day_it_was_built():
    """Same inputs, same bytes: no build date or time in any page (Sphinx adds 'Last updated on ...' by default)."""
    today = date.today()
    stamps = {today.isoformat(), f"{today:%b} {today.day:02d}, {today.year}", f"{today:%b} {today.day}, {today.year}"}
    for page in SITE.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Last updated" not in text and not any(s in text for s in stamps), page


@pytest.mark.parametrize("path", _charted_pages())
def test_every_chart_is_drawn_with_text_alternative(browser_context, server, path):
    page, _ = open_page(browser_context, server, path)
    charts = page.locator(".axbook-chart")
    expected = _chart_count(path)
    assert expected > 0 and charts.count() == expected
    for i in range(charts.count()):
        chart = charts.nth(i)
        assert chart.get_attribute("tabindex") == "0"  # a box that may scroll is reachable from the keyboard
        svg = chart.locator(".axbook-chart-live svg").first
        static_fallbacks_left = chart.locator(".axbook-chart-static").count()
        assert static_fallbacks_left == 0  # the live chart replaced the static fallback
        assert svg.locator("path, rect, line, symbol").count() > 3
        assert _source_word(path) in svg.text_content()
        label = svg.get_attribute("aria-label") or ""
        assert len(label) > 20, f"chart {i} has no text alternative"
    assert page.locator("figure .caption-number").count() == expected  # every chart is a numbered figure
    # The marks benchmarks/page_weight.py times charts by: one "near" before one "drawn", for every chart.
    marks = page.evaluate("""[...document.querySelectorAll('.axbook-chart')].map(b => ['near', 'drawn'].map(w =>
        performance.getEntriesByName('axbook-chart-' + w + ':' + b.id, 'mark').map(m => m.startTime)))""")
    assert all(len(near) == len(drawn) == 1 and near[0] <= drawn[0] for near, drawn in marks), marks
    page.close()


def _page_holding(figure: str) -> str:
    """The built page that shows a figure (found in the site, not named here: chapters may be renamed or moved)."""
    found = [p for p in ENGLISH if f'id="{figure}"' in (SITE / p).read_text(encoding="utf-8")]  # the source edition
    assert len(found) == 1, (figure, found)
    return found[0]


def test_charts_have_tooltips(browser_context, server):
    page, _ = open_page(browser_context, server, _page_holding("fig-ai-whatif"))
    mark = page.locator(".axbook-chart-live svg .mark-symbol path").first
    mark.hover(force=True)
    page.wait_for_selector("#vg-tooltip-element.visible", timeout=5000)
    assert "as printed" in page.locator("#vg-tooltip-element").inner_text()
    page.close()


def test_what_if_slider_redraws_the_chart(browser_context, server):
    """The slider's year and the chosen assumption are what the chart then labels (values from the package)."""
    page, log = open_page(browser_context, server, _page_holding("fig-ai-whatif"))
    whatif = page.locator("#fig-ai-whatif .axbook-chart")
    svg = whatif.locator(".axbook-chart-live svg").first
    slider = whatif.locator("input[type=range]")
    year = int(slider.get_attribute("min"))
    assert year == ai_gap.LAST + 1
    projected = ai_gap.projection(tables.load("ai_use_rate"), "firm_size", year).query("year == @year")

    def labels(method: str) -> set[str]:
        return {f"{round(v, 1)}%" for v in projected.query("method == @method")["value"]}

    slider.evaluate("(el) => { el.value = el.min; el.dispatchEvent(new Event('input', {bubbles: true})); }")
    page.wait_for_timeout(300)
    shown = set(re.findall(r"\d+\.\d%", svg.text_content()))
    assert labels("linear") <= shown and not labels("compound") & shown, shown
    whatif.locator("input[type=radio][value=compound]").check()
    page.wait_for_timeout(300)
    shown = set(re.findall(r"\d+\.\d%", svg.text_content()))
    assert labels("compound") <= shown and not labels("linear") & shown, shown
    assert log.console == []
    page.close()


STATIC_DRAWN = "svg, img"  # the first chart's static SVG is inline, the others' an image of their SVG download
STATIC_SHOWN = "e => e.tagName === 'svg' || (e.complete && e.naturalWidth > 0)"  # inline, or an image that loaded


@pytest.mark.parametrize("path", _charted_pages())
def test_without_the_chart_library_static_charts_remain(browser_context, server, path):
    """Where the library cannot load, every chart, once near the screen, shows its static SVG, at its size."""
    page = browser_context.new_page()
    page.route("**/vega-bundle.min.js*", lambda route: route.abort())
    page.goto(f"{server}/{path}", wait_until="networkidle")
    page.evaluate(SCROLL_PAST_EVERY_CHART)
    static = page.locator(".axbook-chart-static[role=img]")
    assert static.count() == _chart_count(path)
    for i in range(static.count()):
        drawn = static.nth(i).locator(STATIC_DRAWN).first
        drawn.wait_for(timeout=5000)
        assert drawn.evaluate(STATIC_SHOWN), i
        assert drawn.bounding_box()["height"] > 40
        assert static.nth(i).bounding_box()["height"] == pytest.approx(drawn.bounding_box()["height"], abs=1)
    page.close()


@pytest.mark.parametrize("path", PAGES)
def test_phone_width_has_no_sideways_scroll(browser_context, server, path):
    page, log = open_page(browser_context, server, path, width=375)
    page.wait_for_timeout(300)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (Path(path).stem + "-375px.png")), full_page=True)
    # the page itself must not scroll sideways; wide charts scroll inside their own box
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
    assert log.console == []
    page.close()


def test_busduct_slider_redraws_the_running_total(browser_context, server):
    page, log = open_page(browser_context, server, _page_holding("fig-pw-ramp"))
    ramp = page.locator("#fig-pw-ramp .axbook-chart")
    svg = ramp.locator(".axbook-chart-live svg").first
    slider = ramp.locator("input[type=range]")
    for value, total in (("0", "₩250bn"), ("100", "₩1,550bn")):  # 50 × 5; 50 × (2⁵ − 1)
        slider.evaluate(f"(el) => {{ el.value = {value}; el.dispatchEvent(new Event('input', {{bubbles: true}})); }}")
        page.wait_for_timeout(300)
        assert total in svg.text_content(), (value, svg.text_content()[:300])
    assert log.console == []
    page.close()


def _verdicts(html: str) -> list[str]:
    return re.findall(r'<td class="verdict-([a-z-]+)">', html)


@pytest.mark.parametrize("language", EDITIONS)
def test_front_page_counts_are_the_chapters_ledgers_and_the_same_in_every_edition(language):
    """Read from the built pages: the front page's counts equal the verdicts shown in every chapter, under the
    edition's label for each verdict, and equal the source edition's counts."""
    pages = [toc.edition_prefix(language) + page for page in ENGLISH]
    front = (SITE / pages[0]).read_text(encoding="utf-8")  # the toc's root
    shown = [v for p in pages[1:] for v in _verdicts((SITE / p).read_text(encoding="utf-8"))]  # every other page
    assert shown and sorted(_verdicts(front)) == sorted(shown)
    assert sorted(shown) == sorted(v for p in ENGLISH[1:] for v in _verdicts((SITE / p).read_text(encoding="utf-8")))
    with i18n.using(language):
        labels = {ledgers.verdict_class(verdict).removeprefix("verdict-"): html.escape(i18n._(verdict))
                  for verdict in claims.VERDICTS}
    for verdict in set(shown):
        assert re.search(rf'<span class="verdict-{verdict}">{labels[verdict]}</span>: {shown.count(verdict)}<', front), (
            verdict)


TEXT_OUTSIDE_ITS_CHART = """() => [...document.querySelectorAll('.axbook-chart')].flatMap(box => {
  const svg = box.querySelector('.axbook-chart-live svg'), r = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(t => {
    const b = t.getBoundingClientRect();
    return b.width > 0 && (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1);
  }).map(t => box.id + ': ' + t.textContent.slice(0, 60));
})"""


CHARTS_WIDER_THAN_THEIR_BOX = """() => [...document.querySelectorAll('.axbook-chart')]
  .filter(box => box.scrollWidth > box.clientWidth + 1)
  .map(box => box.id + ': ' + box.scrollWidth + ' > ' + box.clientWidth)"""


# Texts a chart writes beside its marks (values, names, reference labels) that overlap one another, as drawn (their
# boxes shrunk by a pixel: glyph boxes of neighbouring lines may touch).
MARK_TEXTS_OVERLAPPING = """() => [...document.querySelectorAll('.axbook-chart')].flatMap(box => {
  const texts = [...box.querySelectorAll('.axbook-chart-live svg g.mark-text.role-mark text')]
    .map(t => [t.textContent, t.getBoundingClientRect()]).filter(([s, r]) => s.trim() && r.width > 0);
  const found = [];
  texts.forEach(([a, p], i) => texts.slice(i + 1).forEach(([b, q]) => {
    const across = Math.min(p.right, q.right) - Math.max(p.left, q.left);
    const down = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
    if (across > 2 && down > 2) {
      found.push(box.id + ': ' + JSON.stringify(a) + ' over ' + JSON.stringify(b));
    }
  }));
  return found;
})"""


@pytest.mark.parametrize("path", _charted_pages())
def test_no_chart_text_is_clipped_or_overlapping(browser_context, server, path):
    """Titles, labels, legends and source lines lie inside their chart's drawing, and at desktop width every
    drawing fits the text column (no chart needs a scrollbar); no label a chart writes runs into another
    (EDITORIAL: no overlapping point labels)."""
    page, _ = open_page(browser_context, server, path)
    assert page.evaluate(TEXT_OUTSIDE_ITS_CHART) == []
    assert page.evaluate(CHARTS_WIDER_THAN_THEIR_BOX) == []
    assert page.evaluate("document.querySelectorAll('.axbook-chart-live svg g.mark-text.role-mark text').length") > 0
    assert page.evaluate(MARK_TEXTS_OVERLAPPING) == []
    page.close()


def test_the_theme_macros_are_the_themes_own_but_the_icon_script():
    """_templates/static/webpack-macros.html shadows the theme's file: after a theme upgrade it must be re-made."""
    import pydata_sphinx_theme

    theirs = (Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" /
              "webpack-macros.html").read_text(encoding="utf-8")
    ours = (ROOT / "_templates" / "static" / "webpack-macros.html").read_text(encoding="utf-8")
    removed = [line for line in theirs.splitlines() if line not in ours.splitlines()]
    assert len(removed) == 2 and "fontawesome.js" in removed[1] and "custom icons" in removed[0], removed
    assert ours.split("-#}\n", 1)[1].splitlines() == [line for line in theirs.splitlines() if line not in removed]


def test_the_head_template_is_the_themes_but_the_search_scripts():
    """_templates/layout.html replaces the theme's head block: its tags must follow the theme's after an upgrade."""
    import pydata_sphinx_theme

    def head_block(path: Path) -> list[str]:
        text = path.read_text(encoding="utf-8")
        block = re.search(r"{%-? block extrahead %}(.*?){%-? endblock extrahead %}", text, re.S).group(1)
        return [line.strip() for line in block.splitlines() if line.strip().startswith("<")]

    theirs = head_block(Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "layout.html")
    ours = head_block(ROOT / "_templates" / "layout.html")
    # ours starts with the scheme script (tested by its first frames); the build date is the only tag left out
    assert ours[:2] == ["<script>", "</script>"]
    assert [tag for tag in theirs if "last-update" not in tag] == ours[2:]
    assert sum("searchindex.js" in tag for tag in ours) == 1


def test_the_search_box_finds_a_chapter(browser_context, server):
    """Search still works from any page: the search page loads the index the other pages no longer carry."""
    target = ENGLISH[-1]
    word = max(re.findall(r"[A-Za-z]{4,}", _heading((SITE / target).read_text(encoding="utf-8"))), key=len)
    page = browser_context.new_page()
    log = PageLog(page)
    page.goto(f"{server}/{ENGLISH[0]}", wait_until="networkidle")
    page.keyboard.press("Control+k")
    page.locator("input[name=q]:visible").first.fill(word)
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#search-results a[href*="{target}"]', timeout=10000)
    assert urlparse(page.url).path.endswith("/search.html") and log.console == [], log.console
    page.close()


def _is_png(blob: bytes) -> bool:
    width, height = struct.unpack(">II", blob[16:24]) if len(blob) >= 24 else (0, 0)
    return blob[:8] == b"\x89PNG\r\n\x1a\n" and blob[12:16] == b"IHDR" and width > 0 and height > 0


@pytest.mark.parametrize("path", PAGES)
def test_every_download_link_is_a_non_empty_file_of_its_kind(path):
    """Under every chart: its data as CSV, the chart as SVG and PNG; on every notebook page, the .ipynb."""
    text = (SITE / path).read_text(encoding="utf-8")
    assert text.count('<p class="axbook-chart-downloads">') == _chart_count(path)
    links = re.findall(r'<a class="axbook-download" href="([^"]+)" download>', text)
    assert len(links) == len(downloads.KINDS) * _chart_count(path) and len(set(links)) == len(links)
    for href in links:
        target = (SITE / path).parent / unquote(href)
        assert target.resolve().is_relative_to(SITE.resolve()), href
        blob = target.read_bytes()
        if href.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(blob.decode("utf-8"))))
            assert len(rows) >= 2 and all(rows[0]) and {len(r) for r in rows} == {len(rows[0])}, href
        elif href.endswith(".svg"):
            root = ElementTree.fromstring(blob)
            assert root.tag == "{http://www.w3.org/2000/svg}svg" and _source_word(path) in "".join(root.itertext()), href
        else:
            assert href.endswith(".png") and _is_png(blob), href
    if (ROOT / path).with_suffix(".ipynb").exists():
        notebook = re.findall(r'<a href="([^"]+\.ipynb)"[^>]*btn-download-source-button', text)
        assert len(notebook) == 1, notebook
        stored = nbformat.reads(((SITE / path).parent / notebook[0]).read_text(encoding="utf-8"), as_version=4)
        assert stored == nbformat.read(ROOT / path.replace(".html", ".ipynb"), as_version=4)  # the author's, outputs kept


COLOURS_DRAWN = """async (png) => {
  const img = new Image(); img.src = "data:image/png;base64," + png; await img.decode();
  const canvas = document.createElement("canvas"); canvas.width = img.width; canvas.height = img.height;
  const ctx = canvas.getContext("2d"); ctx.drawImage(img, 0, 0);
  const px = ctx.getImageData(0, 0, img.width, img.height).data, counts = new Map();
  for (let i = 0; i < px.length; i += 4) {
    const k = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 200).map(([k, n]) => [k >> 16, (k >> 8) & 255, k & 255, n]);
}"""


def _drawn_colours(page, element) -> list[tuple[int, int, int]]:
    """The colours of the element's pixels as the screen shows them, most frequent first."""
    found = page.evaluate(COLOURS_DRAWN, base64.b64encode(element.screenshot()).decode())
    return [tuple(c[:3]) for c in found]


def _near(drawn: tuple[int, int, int], hex_colour: str, tolerance: int = 3) -> bool:
    wanted = [int(hex_colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return all(abs(a - b) <= tolerance for a, b in zip(drawn, wanted, strict=True))


@pytest.mark.parametrize("path", _charted_pages())
def test_dark_mode_draws_every_chart_dark_and_follows_the_switch(browser_context, server, path):
    """With the reader's system dark, every chart is drawn through theme.DARK_FILTER; the pixels on screen are the
    colours theme.in_dark computes (the card, the ink); switching the theme to light redraws them light at once."""
    page, log = open_page(browser_context, server, path, scheme="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    filters = page.evaluate("[...document.querySelectorAll('.axbook-chart svg.marks')].map(s => getComputedStyle(s).filter)")
    assert filters == [theme.DARK_FILTER] * _chart_count(path)
    chart = page.locator(".axbook-chart-live svg.marks").first
    colours = _drawn_colours(page, chart)
    assert _near(colours[0], theme.in_dark(theme.BACKGROUND)), colours[:3]  # the card: black
    assert any(_near(c, theme.in_dark(theme.INK)) for c in colours), colours[:20]  # the ink: light
    for _ in range(3):  # the switch cycles through its modes
        if page.evaluate("document.documentElement.dataset.theme") == "light":
            break
        page.locator(".theme-switch-button").first.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    assert page.evaluate("getComputedStyle(document.querySelector('.axbook-chart svg.marks')).filter") == "none"
    colours = _drawn_colours(page, chart)
    assert _near(colours[0], theme.BACKGROUND) and any(_near(c, theme.INK) for c in colours), colours[:20]
    assert log.console == []
    page.close()


FIRST_FRAMES = """window.__frames = [];
(function next() {
  requestAnimationFrame(() => {
    if (document.body) {
      window.__frames.push([document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]);
    }
    if (window.__frames.length < 3) next();
  });
})();"""


@pytest.mark.parametrize("scheme", ["dark", "light"])
@pytest.mark.parametrize("path", PAGES)
def test_the_first_frame_is_already_in_the_reader_s_scheme(browser_context, server, path, scheme):
    """A first visit with the system dark is dark from the first frame painted (no light flash), and light stays light."""
    page = browser_context.new_page()
    _as_first_visit(page, scheme)
    page.add_init_script(FIRST_FRAMES)
    page.goto(f"{server}/{path}", wait_until="load")
    page.wait_for_function("window.__frames.length >= 3")
    frames = page.evaluate("window.__frames")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")  # once the theme's script has run
    assert frames == [[scheme, background]] * 3, frames
    page.close()


def test_the_static_charts_are_drawn_dark_too(browser_context, server):
    """Before (or without) the chart library, the static SVGs follow the dark theme, inline or as images."""
    path = max(_charted_pages(), key=_chart_count)  # the page with the most charts: the inline SVG and images
    page = browser_context.new_page()
    _as_first_visit(page, "dark")
    page.route("**/vega-bundle.min.js*", lambda route: route.abort())
    page.goto(f"{server}/{path}", wait_until="networkidle")
    page.evaluate(SCROLL_PAST_EVERY_CHART)
    static = page.locator(".axbook-chart-static").locator(STATIC_DRAWN)
    static.last.wait_for(timeout=5000)
    assert static.count() == _chart_count(path) > 1  # the inline SVG and the images
    for i in (0, -1):
        drawn = static.nth(i)
        assert drawn.evaluate("s => getComputedStyle(s).filter") == theme.DARK_FILTER
        drawn.scroll_into_view_if_needed()
        assert _near(_drawn_colours(page, drawn)[0], theme.in_dark(theme.BACKGROUND))
    page.close()



@pytest.mark.parametrize("width", [1280, 375])  # on a phone the first chart can be more than two screens down
@pytest.mark.parametrize("path", _charted_pages())
def test_charts_are_drawn_live_only_as_they_come_near_the_screen(browser_context, server, path, width):
    """Until a chart comes near the screen it is its static SVG (its spec not fetched); the library is fetched when
    the first chart is two screens away."""
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    log = PageLog(page)
    page.goto(f"{server}/{path}", wait_until="networkidle")
    page.wait_for_timeout(300)
    tops = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.axbook-chart')]
        .map(b => [b.id, b.getBoundingClientRect().top - innerHeight]))""")  # px below the screen's bottom
    for box in [b for b, below in tops.items() if below > 350]:  # out of reach (300 px): still the static chart
        assert page.locator(f"#{box} .axbook-chart-static").count() == 1, box
        assert page.locator(f"#{box} .axbook-chart-live").count() == 0, box
        spec = page.locator(f"#{box}").get_attribute("data-spec")
        assert not any(u.path.endswith(spec.lstrip("./")) for u in log.requested), box  # nor its spec fetched
    first = page.locator(".axbook-chart").first
    assert first.locator(".axbook-chart-static svg, .axbook-chart-live svg").count() == 1  # the first paint
    # The library comes ahead of the charts: once one is within 1500 px (two phone screens), never before.
    fetched = any(u.path.endswith("/vega-bundle.min.js") for u in log.requested)
    if min(tops.values()) < 1450:
        assert fetched, tops
    if min(tops.values()) > 1550:
        assert not fetched, tops
    last = page.locator(".axbook-chart").last
    last.scroll_into_view_if_needed()
    last.locator(".axbook-chart-live svg").wait_for(timeout=15000)
    assert last.locator(".axbook-chart-static").count() == 0
    assert any(u.path.endswith("/vega-bundle.min.js") for u in log.requested)
    assert log.console == [] and log.failed == []
    page.close()



@pytest.mark.parametrize("path", _charted_pages())
def test_with_javascript_off_every_chart_is_its_static_image_with_its_description(playwright, server, path):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
    page = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}).new_page()
    log = PageLog(page)
    page.goto(f"{server}/{path}", wait_until="networkidle")
    static = page.locator(".axbook-chart-static[role=img]")
    assert static.count() == _chart_count(path) > 0
    assert static.first.locator("svg").count() == 1  # inline: the first paint, in the page's webfont
    for i in range(static.count()):
        assert len(static.nth(i).get_attribute("aria-label")) > 20
        drawn = static.nth(i).locator(STATIC_DRAWN).first
        drawn.scroll_into_view_if_needed()
        assert drawn.evaluate(STATIC_SHOWN), i
        assert drawn.bounding_box()["height"] > 40
    assert page.locator(".axbook-chart-live").count() == 0
    assert not any(u.path.endswith(("/vega-bundle.min.js",)) for u in log.requested)
    assert page.locator("details.axbook-chart-alt").count() == _chart_count(path)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / (Path(path).stem + "-no-js.png")), full_page=True)
    browser.close()
