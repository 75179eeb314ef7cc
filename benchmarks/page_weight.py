"""What a first visit to each page costs a reader, beside a stock Jupyter Book page with one Altair chart.

For every page of every edition of the built site (`make book` first), in Debian's Chromium with an empty cache, served from
127.0.0.1: the bytes of every response raw and as a static host sends them (gzip on text files, fonts and images as
they are) and the number of requests, first for the page as it opens (a reader who does not scroll: charts are drawn
live only as they come near the screen), then once scrolled past every chart; and the milliseconds from navigation
start until every chart box holds its live SVG, scrolling straight through (further visits, empty cache again: the
median of ROUNDS, the stock page timed first in each round). Then what a second chapter adds when the first one's
files are cached (the files it needs that the first did not). The stock page: a one-notebook Jupyter Book 1 built
here with Altair's default renderer, whose three scripts come from a CDN; the browser is given the same three
packages (the site's vendored vega and vega-embed with vega-lite between them, all from npm; the book's charts need
no vega-lite, being compiled to Vega at build time) so nothing leaves the machine, and they are counted at that
size. Ratios are book / stock, measured side by side in one run.
Run: .venv/bin/python benchmarks/page_weight.py   (about two minutes)
"""

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import nbformat
from playwright.sync_api import sync_playwright

from axbook.paths import ROOT
from axbook.site import toc
from axbook.site.pdf import CHROMIUM, FLAGS, serve

SITE = ROOT / "_build" / "html"
BUNDLE = ROOT / "_static" / "vendor" / "vega-bundle.min.js"
VEGA_LITE = ROOT / "benchmarks" / "vendor" / "vega-lite.min.js"  # the stock page compiles in the browser
ROUNDS = 5  # timed visits per page; the medians are printed (one visit varies by ±40% here)
COMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico")  # sent as they are
SCROLL_PAST_EVERY_CHART = """async () => {
  for (const box of document.querySelectorAll('.axbook-chart')) {
    box.scrollIntoView();
    await new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame)));
  }
}"""
DRAWN = """() => [...document.querySelectorAll('.axbook-chart, .vega-embed')].length === 0 ||
    [...document.querySelectorAll('.axbook-chart')].every(b => b.querySelector('.axbook-chart-live svg'))
    && [...document.querySelectorAll('.vega-embed')].every(b => b.querySelector('svg, canvas'))"""


def sent_size(url: str, body: bytes) -> int:
    return len(body) if urlparse(url).path.lower().endswith(COMPRESSED) else len(gzip.compress(body, 9, mtime=0))


def fresh_visit(browser, url: str, **how) -> dict:
    """`visit` in a new browser context: an empty cache, as a first visit has."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    result = visit(context, url, **how)
    context.close()
    return result


def visit(context, url: str, cdn_body: bytes | None = None, timed: bool = False) -> dict:
    """One page load: every response's URL and body as opened and once scrolled through; with `timed`, the ms
    until every chart is drawn (and the bytes as opened are then not a reader's who stays at the top)."""
    page = context.new_page()
    bodies: dict[str, bytes] = {}
    if cdn_body is not None:  # the stock page's CDN scripts: the same packages, served from here
        first = []

        def fulfil(route):
            first.append(route.request.url)
            route.fulfill(status=200, content_type="application/javascript",
                          body=cdn_body if len(first) == 1 else b"/* in the bundle above */")
        page.route("https://cdn.jsdelivr.net/**", fulfil)
    if not timed:  # reading bodies back costs the browser's cores: the timed visit only times
        page.on("response", lambda r: bodies.__setitem__(r.url, _body(r)))
    if timed:  # from navigation start, scrolling straight through as soon as the page is parsed
        page.goto(url, wait_until="domcontentloaded")
        page.evaluate(SCROLL_PAST_EVERY_CHART)
        page.wait_for_function(DRAWN, timeout=30000)
        drawn_ms = page.evaluate("performance.now()")
        marks = page.evaluate("performance.getEntriesByType('mark').filter(m => m.name.startsWith('axbook-chart-'))"
                              ".map(m => [m.name, m.startTime])")
    else:
        drawn_ms, marks = None, []
        page.goto(url, wait_until="networkidle")
    first_view = dict(bodies)
    page.evaluate(SCROLL_PAST_EVERY_CHART)
    page.wait_for_function(DRAWN, timeout=30000)
    page.wait_for_load_state("networkidle")
    page.close()
    if cdn_body is not None:
        for cdn_url in first:  # count each CDN script at its real share: all three are in cdn_body
            bodies[cdn_url] = cdn_body if cdn_url == first[0] else b""
    return {"bodies": bodies, "first_view": first_view, "ms": drawn_ms, "marks": marks}


def drawing(marks: list) -> tuple[float, list[float]] | None:
    """From the chart script's marks: ms from navigation to the first chart drawn, and each chart's ms from coming
    near the screen to drawn (what the reader waits, whatever the scrolling pace)."""
    near = {name.split(":", 1)[1]: t for name, t in marks if name.startswith("axbook-chart-near:")}
    drawn = {name.split(":", 1)[1]: t for name, t in marks if name.startswith("axbook-chart-drawn:")}
    if not drawn:
        return None
    return min(drawn.values()), sorted(drawn[box] - near[box] for box in drawn)


def _body(response) -> bytes:
    try:
        return response.body()
    except Exception:  # a redirect or an aborted request has no body
        return b""


def totals(bodies: dict[str, bytes]) -> tuple[int, int, int]:
    raw = sum(len(b) for b in bodies.values())
    sent = sum(sent_size(u, b) for u, b in bodies.items())
    return raw, sent, len(bodies)


def stock_scripts() -> bytes:
    """vega, vega-lite, vega-embed in one body, in the order the stock page's CDN tags load them."""
    bundle = BUNDLE.read_bytes()
    embed = bundle.index(b"/* vega-embed-")
    return bundle[:embed] + VEGA_LITE.read_bytes() + bundle[embed:]


def stock_book(workdir: Path) -> Path:
    """A plain JB1 book: one notebook, one Altair bar chart, Altair's default (CDN) renderer."""
    book = workdir / "stock"
    book.mkdir()
    (book / "_config.yml").write_text("title: stock\nexecute:\n  execute_notebooks: force\n", encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# A chart"), nbformat.v4.new_code_cell(
        "import altair as alt, pandas as pd\n"
        "alt.Chart(pd.DataFrame({'group': ['Large firms', 'SMEs'], 'rate': [13.5, 4.5]}))"
        ".mark_bar().encode(x='rate', y='group')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, book / "index.ipynb")
    jb = Path(sys.executable).parent / "jupyter-book"
    done = subprocess.run([str(jb), "build", str(book)], capture_output=True, text=True,
                          env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    if done.returncode != 0:
        sys.exit(f"the stock book did not build:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return book / "_build" / "html"


def main() -> int:
    if not (SITE / "index.html").exists():
        print("no built site: run `make book` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        stock_site = stock_book(Path(tmp))
        book_url, book_server = serve(SITE)
        stock_url, stock_server = serve(stock_site)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            stock_url += "/index.html"
            cdn_body = stock_scripts()
            results = {page: fresh_visit(browser, f"{book_url}/{page}") for page in toc.edition_pages()}  # every edition
            stock = fresh_visit(browser, stock_url, cdn_body=cdn_body)
            # Timed in rounds, the stock page first in each, so the machine's drift reaches both alike.
            stock_ms = []
            for round_ in range(ROUNDS):
                stock_ms.append(fresh_visit(browser, stock_url, cdn_body=cdn_body, timed=True)["ms"])
                for page, result in results.items():
                    timed = fresh_visit(browser, f"{book_url}/{page}", timed=True)
                    result.setdefault("all_ms", []).append(timed["ms"])
                    if round_ == 0:
                        result["marks"] = timed["marks"]
            stock["ms"] = statistics.median(stock_ms)
            for result in results.values():
                result["ms"] = statistics.median(result["all_ms"])
            browser.close()
        book_server.shutdown()
        stock_server.shutdown()

    s_raw, s_sent, s_requests = totals(stock["bodies"])
    print(f"{'page (first visit, empty cache)':<40}{'as opened':>22}{'scrolled through':>22}{'all charts':>16}")
    print(f"{'':<40}{'sent KB':>9}{'× stock':>8}{'req':>5}{'sent KB':>9}{'× stock':>8}{'req':>5}"
          f"{'ms':>8}{'× stock':>8}   (ms: median of {ROUNDS})")
    print(f"{'stock JB1 page, one Altair chart':<40}{s_sent / 1e3:>9.0f}{1:>8.2f}{s_requests:>5}"
          f"{s_sent / 1e3:>9.0f}{1:>8.2f}{s_requests:>5}{stock['ms']:>8.0f}{1:>8.2f}")
    for page, result in results.items():
        _, opened, opened_requests = totals(result["first_view"])
        _, sent, requests = totals(result["bodies"])
        print(f"{page:<40}{opened / 1e3:>9.0f}{opened / s_sent:>8.2f}{opened_requests:>5}"
              f"{sent / 1e3:>9.0f}{sent / s_sent:>8.2f}{requests:>5}{result['ms']:>8.0f}{result['ms'] / stock['ms']:>8.2f}")
    print("\ncharts, first timed visit (scrolling two frames a chart): first chart drawn; each chart, near the screen "
          "-> drawn")
    for page, result in results.items():
        timing = drawing(result["marks"])
        if timing:
            first, waits = timing
            print(f"  {page:<38} first {first:>5.0f} ms; near -> drawn median {statistics.median(waits):>4.0f} ms, "
                  f"max {max(waits):>4.0f} ms ({len(waits)} charts)")
    chapters = [p for p in results if p.startswith("chapters/")]
    if len(chapters) >= 2:
        first, second = results[chapters[0]]["bodies"], results[chapters[1]]["bodies"]
        new = {u: b for u, b in second.items() if urlparse(u).path not in {urlparse(v).path for v in first}}
        raw, sent, requests = totals(new)
        print(f"\nsecond chapter after the first ({chapters[1]} after {chapters[0]}, shared files cached): "
              f"{sent / 1e3:.0f} KB sent ({raw / 1e3:.0f} KB raw), {requests} requests")
    if chapters:
        bodies = results[chapters[0]]["bodies"]
        heaviest = sorted(bodies, key=lambda u: -sent_size(u, bodies[u]))[:6]
        print(f"\nheaviest files of {chapters[0]} (sent KB): " + ", ".join(
            f"{urlparse(u).path.rsplit('/', 1)[-1]} {sent_size(u, bodies[u]) / 1e3:.0f}" for u in heaviest))
    page_html = {p: sent_size(p, (SITE / p).read_bytes()) for p in results}
    print("\nHTML alone, sent (gzip): " + ", ".join(f"{p} {n / 1e3:.0f} KB" for p, n in page_html.items()))
    return 0


def run(main) -> None:
    """A benchmark's `main`, then how long it took; exits with its code."""
    start = time.perf_counter()
    code = main()
    print(f"\n({time.perf_counter() - start:.0f} s)")
    sys.exit(code)


if __name__ == "__main__":
    run(main)
