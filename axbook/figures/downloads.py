"""Per-chart downloads: under every chart of the site, its data as CSV, the chart as SVG and as PNG.

The build reads each chart's Vega-Lite spec from the page (the renderer put it there, `axbook.figures.render`) and writes
``_charts/<page>/<figure>.{csv,svg,png}``: the CSV holds the rows the chart draws (its inline datasets, a
``table`` column numbering them when a chart has several), the SVG is the static one in the page (vl-convert drew it
in the kernel), the PNG that SVG rasterised by vl-convert in Debian's NanumGothic (fonts-nanum, which the kernel laid the SVG
out with; `make book` installs it).
Files are cached by the spec's hash and the recipe (this code, vl-convert's version): a build draws only charts that
changed. Text from the data reaches the files
as CSV cells and SVG text (escaped by vl-convert), and the page only as an escaped link.

Then each chart page is lightened (`lighten`): the specs leave the page, compiled to Vega by vl-convert (the
compiler that drew the static SVG; the browser then needs no Vega-Lite), for ``_charts/<page>/<figure>.vg.json``
(fetched by ``_static/axbook-charts.js`` when the chart is drawn), and only the first chart keeps its static SVG
inline (the first screen's paint, in the page's webfont); the others' static image is their SVG download, shown
through ``<noscript>`` without JavaScript (and in the PDF edition) or by the chart script if a chart cannot be drawn.
"""

import csv
import hashlib
import html
import io
import json
import re
import shutil
from pathlib import Path

import vl_convert

from axbook.language import i18n
from axbook.language.i18n import N_, _

# The renderer's markup (axbook.figures.render.to_html): the figure around a chart, the chart; the links go under its spec.
CHART = re.compile(r'(?:<figure[^>]*\bid="(?P<figure>[^"]+)"[^>]*>\s*<div class="output text_html">)?'
                   r'<div class="axbook-chart" id="(?P<id>axbook-chart-[0-9a-f]{12})"')
VEGA = "vg.json"  # a chart's spec compiled to Vega, as the site's pages fetch it
SCHEMA_VERSION = re.compile(r"/schema/vega-lite/v(\d+\.\d+)[.\d]*\.json$")
SPEC_SCRIPT = '<script type="application/json" id="{}-spec">'
SVG_SIZE = re.compile(r'<svg[^>]*? width="(?P<width>[\d.]+)" height="(?P<height>[\d.]+)"')
STATIC_SVG = re.compile(r'<div class="axbook-chart-static"[^>]*>(<svg.*?</svg>)</div>', re.S)
KINDS = {"csv": N_("data (CSV)"), "svg": N_("SVG"), "png": N_("PNG")}
LEAD, SEPARATOR = N_("Download this chart: "), " · "
# Cached files are named after the chart (its spec's hash) and this recipe: this module's code and vl-convert's version.
RECIPE = hashlib.sha256(Path(__file__).read_bytes() + vl_convert.__version__.encode()).hexdigest()[:8]
TEXT_ADDED = LEAD + SEPARATOR.join(KINDS.values())  # the characters the pages gain (the fonts must have them)


def text_added(language: str | None = None) -> str:
    """The download line's words in ``language`` (default: the current edition's): the characters its pages gain."""
    lead, labels = _labels(language)
    return lead + SEPARATOR.join(labels.values())


def _labels(language: str | None) -> tuple[str, dict[str, str]]:
    """The lead and each file's label, in ``language`` (default: the current edition's)."""
    with i18n.using(language or i18n.current()):
        return _(LEAD), {kind: _(label) for kind, label in KINDS.items()}


def spec_of(body: str, chart_id: str) -> dict:
    found = re.search(re.escape(SPEC_SCRIPT.format(chart_id)) + "(.*?)</script>", body, re.S)
    if not found:
        raise ValueError(f"chart {chart_id} has no spec in the page")
    return json.loads(found.group(1))


def chart_csv(spec: dict) -> str:
    """The rows of every inline dataset, columns in order of first appearance; `table` numbers the datasets."""
    tables = list(spec.get("datasets", {}).values())
    columns = (["table"] if len(tables) > 1 else []) + list(dict.fromkeys(k for rows in tables for r in rows for k in r))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    for number, rows in enumerate(tables, start=1):
        for row in rows:
            writer.writerow({**row, "table": number} if len(tables) > 1 else row)
    return out.getvalue()


def rasterise(svg: Path, png: Path) -> None:
    """The PNG of a chart: its page's SVG at twice the size (half the cost of drawing the spec again), in Debian's
    NanumGothic, the font vl-convert laid the SVG out with (`make apt`)."""
    partial = png.with_suffix(".partial")
    partial.write_bytes(vl_convert.svg_to_png(svg.read_text(encoding="utf-8"), scale=2))
    partial.replace(png)


def vega_of(spec: dict) -> str:
    """The chart compiled to Vega (compact JSON) with the Vega-Lite version its spec was written for."""
    found = SCHEMA_VERSION.search(spec.get("$schema", ""))
    if not found:
        raise ValueError(f"a chart spec without a Vega-Lite $schema version: {spec.get('$schema')!r}")
    return json.dumps(vl_convert.vegalite_to_vega(spec, vl_version=found.group(1)), ensure_ascii=False,
                      separators=(",", ":"))


def static_svg_of(body: str, chart_id: str) -> str:
    box = body.index(f'<div class="axbook-chart" id="{chart_id}"')
    found = STATIC_SVG.match(body, body.index('<div class="axbook-chart-static"', box))
    if not found:
        raise ValueError(f"chart {chart_id} has no static SVG in the page")
    return found.group(1)


def _drawn(body: str, chart_id: str, kind: str, cache: Path) -> Path:
    cached = cache / f"{chart_id}.{RECIPE}.{kind}"
    if not cached.exists():
        if kind == "png":
            rasterise(_drawn(body, chart_id, "svg", cache), cached)
            return cached
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        if kind == "csv":
            partial.write_text(chart_csv(spec_of(body, chart_id)), encoding="utf-8")
        elif kind == VEGA:
            partial.write_text(vega_of(spec_of(body, chart_id)), encoding="utf-8")
        else:
            partial.write_text(static_svg_of(body, chart_id), encoding="utf-8")
        partial.replace(cached)
    return cached


def chart_file(pagename: str, name: str, suffix: str) -> str:
    """A chart's file, relative to the site's root: `_charts/<page, slashes as hyphens>/<figure>.<suffix>`."""
    return f"_charts/{pagename.replace('/', '-')}/{name}.{suffix}"  # docutils names: no quotes


def _href(pagename: str, name: str, suffix: str) -> str:
    return html.escape("../" * pagename.count("/") + chart_file(pagename, name, suffix), quote=True)


def add_downloads(body: str, pagename: str, site: Path, cache: Path, language: str | None = None) -> str:
    """Write every chart's files under `site` and put their links under each chart (after its spec) in `body`, worded
    in ``language`` (default: the current edition's)."""
    charts = list(CHART.finditer(body))
    if not charts:
        return body
    lead, labels = _labels(language)
    for match in reversed(charts):  # from the end, so earlier positions stay valid
        chart_id = match.group("id")
        name = match.group("figure") or chart_id
        links = []
        for kind, label in labels.items():
            target = site / chart_file(pagename, name, kind)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(_drawn(body, chart_id, kind, cache), target)
            links.append(f'<a class="axbook-download" href="{_href(pagename, name, kind)}" download>'
                         f"{html.escape(label)}</a>")
        line = f'\n<p class="axbook-chart-downloads">{html.escape(lead)}{SEPARATOR.join(links)}</p>'
        end = body.index("</script>", body.index(SPEC_SCRIPT.format(chart_id)))
        end += len("</script>")
        body = body[:end] + line + body[end:]
    return body


def lighten(body: str, pagename: str, site: Path, cache: Path) -> str:
    """The page as sent: every chart's spec, compiled to Vega, in `site` as a file named in the box's `data-spec`;
    every static SVG but the first replaced by its download (`data-static`; an image in `<noscript>`) in a box of its
    size."""
    charts = list(enumerate(CHART.finditer(body)))
    for number, match in reversed(charts):  # from the end, so earlier positions stay valid
        chart_id, name = match.group("id"), match.group("figure") or match.group("id")
        target = site / chart_file(pagename, name, VEGA)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_drawn(body, chart_id, VEGA, cache), target)
        script = body.index(SPEC_SCRIPT.format(chart_id), match.end())
        body = body[:script].rstrip("\n") + body[body.index("</script>", script) + len("</script>"):]
        if number:
            svg = static_svg_of(body, chart_id)
            size = SVG_SIZE.match(svg)
            if not size:
                raise ValueError(f"chart {chart_id}'s static SVG has no width and height")
            width, height = size.group("width", "height")
            start = body.index(svg, match.end())
            tag_end = body.rindex(">", 0, start)  # the static box's opening tag: sized like the chart it will hold
            body = (f'{body[:tag_end]} style="width:{width}px;height:{height}px">'
                    f'<noscript><img src="{_href(pagename, name, "svg")}" width="{width}" height="{height}" alt="">'
                    f"</noscript>{body[start + len(svg):]}")
        box_end = body.index(">", match.end())
        body = (f'{body[:box_end]} data-spec="{_href(pagename, name, VEGA)}" '
                f'data-static="{_href(pagename, name, "svg")}"{body[box_end:]}')
    return body


def add_to_site(site: Path, cache: Path, run=map, language: str | None = None) -> None:
    """Every page of the built site gets its charts' downloads (their links worded in ``language``, default the
    current edition's) and is lightened; cached files of charts gone from it are dropped. The PNGs not cached yet
    are rasterised through `run` (a process pool's map: they are most of the time) while the specs not cached yet are
    compiled to Vega here."""
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    shown = {m.group("id"): text for text in pages.values() for m in CHART.finditer(text)}
    missing = [chart_id for chart_id in shown if not (cache / f"{chart_id}.{RECIPE}.png").exists()]
    svgs = [_drawn(shown[chart_id], chart_id, "svg", cache) for chart_id in missing]
    rasterised = run(rasterise, svgs, [cache / f"{c}.{RECIPE}.png" for c in missing])
    for chart_id, text in shown.items():  # compiled here while the pool rasterises
        _drawn(text, chart_id, VEGA, cache)
    list(rasterised)
    for page, text in pages.items():
        pagename = page.relative_to(site).with_suffix("").as_posix()
        sent = lighten(add_downloads(text, pagename, site, cache, language), pagename, site, cache)
        if sent != text:
            page.write_text(sent, encoding="utf-8")
    for old in cache.glob("axbook-chart-*"):
        chart_id, _, kind = old.name.partition(".")
        if chart_id not in shown or kind.split(".")[0] != RECIPE:  # files of an older naming have no recipe part
            old.unlink()
