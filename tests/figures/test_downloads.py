"""Each chart's downloads (CSV, SVG, PNG), written and linked under it; chart pages lightened (specs as files)."""

import json
import re
import struct

import altair as alt
import pandas as pd
import pytest
from helpers import bars, chart_body

from axbook.figures import charts, downloads, render

# -- downloads: every chart's data and drawing, linked under it ------------------------------------------------


def test_a_chart_csv_holds_every_row_of_every_table_columns_in_order_of_first_appearance():
    spec = {"datasets": {"data-a": [{"x": 1, "name": 'a "quoted", name'}, {"x": 2}], "data-b": [{"y": "중소기업"}]}}
    assert downloads.chart_csv(spec) == ('table,x,name,y\n1,1,"a ""quoted"", name",\n1,2,,\n2,,,중소기업\n')
    assert downloads.chart_csv({"datasets": {"only": [{"b": 1, "a": 2}]}}) == "b,a\n1,2\n"  # one table: no column
    assert downloads.chart_csv({"mark": "text"}) == "\n"  # a chart with no inline data: an empty table


def test_downloads_are_written_and_linked_under_each_chart_named_after_its_figure(tmp_path):
    spec, other = bars("Two bars."), bars("Two other bars.")
    body = "<p>before</p>" + chart_body(spec) + "<p>between</p>" + chart_body(other, figure=None) + "<p>after</p>"
    cid, other_id = render.chart_id(spec), render.chart_id(other)
    out = downloads.add_downloads(body, "chapters/01-x", tmp_path / "site", tmp_path / "build" / "cache")
    folder = tmp_path / "site" / "_charts" / "chapters-01-x"
    kinds = ("csv", "svg", "png")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{n}.{k}" for n in ("fig-x", other_id) for k in kinds)
    assert (folder / "fig-x.csv").read_text(encoding="utf-8") == downloads.chart_csv(spec)
    assert (folder / "fig-x.svg").read_text(encoding="utf-8") == render.to_svg(spec)  # the page's static SVG
    assert (folder / f"{other_id}.svg").read_text(encoding="utf-8") == render.to_svg(other)  # its own, not the first
    png = (folder / "fig-x.png").read_bytes()
    svg_size = [float(v) for v in re.search(r'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', render.to_svg(spec)).groups()]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and list(struct.unpack(">II", png[16:24])) == [2 * v for v in svg_size]
    links = " · ".join(f'<a class="axbook-download" href="../_charts/chapters-01-x/fig-x.{k}" download>{label}</a>'
                       for k, label in zip(kinds, ("data (CSV)", "SVG", "PNG"), strict=True))
    line = f'<p class="axbook-chart-downloads">Download this chart: {links}</p>'
    assert downloads.TEXT_ADDED == "Download this chart: data (CSV) · SVG · PNG"
    for chart_id, expected in ((cid, line), (other_id, line.replace("fig-x", other_id))):  # each under its own chart
        spec_end = out.index("</script>", out.index(f'id="{chart_id}-spec"')) + len("</script>")
        assert out[spec_end:].startswith("\n" + expected), chart_id
    assert out.replace("\n" + line, "").replace("\n" + line.replace("fig-x", other_id), "") == body  # nothing else
    no_chart = "<p>no chart</p>"
    assert downloads.add_downloads(no_chart, "intro", tmp_path / "site", tmp_path / "cache") == no_chart


def test_chart_pages_send_specs_as_files_and_only_the_first_chart_s_static_svg_inline(tmp_path):
    spec, other = bars("Two bars."), bars('Two <other> & "bars".')
    body = "<p>before</p>" + chart_body(spec) + "<p>between</p>" + chart_body(other, figure=None) + "<p>after</p>"
    cid, other_id = render.chart_id(spec), render.chart_id(other)
    out = downloads.lighten(body, "chapters/01-x", tmp_path, tmp_path / "cache")
    folder = tmp_path / "_charts" / "chapters-01-x"
    assert sorted(p.name for p in folder.iterdir()) == sorted(["fig-x.vg.json", f"{other_id}.vg.json"])
    assert (folder / "fig-x.vg.json").read_text(encoding="utf-8") == downloads.vega_of(spec)
    assert (folder / f"{other_id}.vg.json").read_text(encoding="utf-8") == downloads.vega_of(other)
    assert "<script" not in out and out.count("<svg") == 1 and render.to_svg(spec) in out  # the first chart's only
    to = "../_charts/chapters-01-x/"
    assert (f'<div class="axbook-chart" id="{cid}" tabindex="0" data-spec="{to}fig-x.vg.json" '
            f'data-static="{to}fig-x.svg">\n<div class="axbook-chart-static" role="img" aria-label="Two bars.">'
            f"{render.to_svg(spec)}</div>") in out
    width, height = re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', render.to_svg(other)).groups()
    assert (f'<div class="axbook-chart" id="{other_id}" tabindex="0" data-spec="{to}{other_id}.vg.json" '
            f'data-static="{to}{other_id}.svg">\n<div class="axbook-chart-static" role="img" '
            f'aria-label="Two &lt;other&gt; &amp; &quot;bars&quot;." style="width:{width}px;height:{height}px">'
            f'<noscript><img src="{to}{other_id}.svg" width="{width}" height="{height}" alt=""></noscript></div>') in out
    shown = re.sub(r"<svg.*?</svg>|<noscript>.*?</noscript>| data-\w+=\"[^\"]*\"| style=\"[^\"]*\"", "", out, flags=re.S)
    expected = re.sub(r"<svg.*?</svg>|\n?<script.*?</script>", "", body, flags=re.S)
    assert shown == expected  # nothing else changes
    cache = tmp_path / "cache"
    assert 'data-spec="_charts/intro/fig-x.vg.json"' in downloads.lighten(chart_body(spec), "intro", tmp_path, cache)
    assert downloads.lighten("<p>no chart</p>", "intro", tmp_path, cache) == "<p>no chart</p>"


def test_the_site_s_charts_are_compiled_to_vega_with_the_vega_lite_version_of_their_schema(monkeypatch):
    spec = bars('Two "bars" <b>: 중소기업.')
    assert "중소기업" in downloads.vega_of(spec)  # Hangul as itself, not \\u escapes (a third of the bytes)
    vega = json.loads(downloads.vega_of(spec))
    assert vega["$schema"].startswith("https://vega.github.io/schema/vega/v") and vega["description"] == spec["description"]
    assert "\n" not in downloads.vega_of(spec) and '": ' not in downloads.vega_of(spec)  # compact
    calls = []
    monkeypatch.setattr(downloads.vl_convert, "vegalite_to_vega", lambda spec, **kw: calls.append(kw) or {})
    downloads.vega_of({"$schema": "https://vega.github.io/schema/vega-lite/v6.4.1.json"})
    downloads.vega_of({"$schema": "https://vega.github.io/schema/vega-lite/v5.20.json"})
    assert calls == [{"vl_version": "6.4"}, {"vl_version": "5.20"}]
    for schema in (None, "https://vega.github.io/schema/vega/v6.json", "https://x/schema/vega-lite/v6.4.1.json.bak"):
        with pytest.raises(ValueError) as refused:
            downloads.vega_of({"$schema": schema} if schema else {})
        assert str(refused.value) == f"a chart spec without a Vega-Lite $schema version: {schema!r}"


def test_a_static_svg_without_a_size_is_an_error_naming_its_chart(tmp_path):
    spec = bars("Two bars.")
    sizeless = chart_body(spec).replace(render.to_svg(spec), "<svg></svg>")
    with pytest.raises(ValueError, match=f"^chart {render.chart_id(spec)}'s static SVG has no width and height$"):
        downloads.lighten(chart_body(bars("First.")) + sizeless, "intro", tmp_path, tmp_path / "cache")


def test_a_chart_without_its_static_svg_in_the_page_is_an_error_naming_it():
    body = '<div class="axbook-chart" id="axbook-chart-0123456789ab"><div class="axbook-chart-static">no svg</div>'
    with pytest.raises(ValueError, match="^chart axbook-chart-0123456789ab has no static SVG in the page$"):
        downloads.static_svg_of(body, "axbook-chart-0123456789ab")


def test_a_chart_without_its_spec_in_the_page_is_an_error_naming_it():
    with pytest.raises(ValueError, match="chart axbook-chart-0123456789ab has no spec in the page"):
        downloads.spec_of('<div class="axbook-chart" id="axbook-chart-0123456789ab">', "axbook-chart-0123456789ab")


def test_site_downloads_are_added_to_every_page_with_a_chart_and_stale_cache_entries_dropped(tmp_path):
    spec = charts.figure(alt.Chart(pd.DataFrame({"v": [1, 2]})).mark_bar().encode(x="v:Q"), title="T",
                         subtitle="S", source="Source: x", description="Two bars.").to_dict()
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "chapters").mkdir(parents=True)
    (site / "chapters" / "one.html").write_text("<main>" + chart_body(spec) + "</main>", encoding="utf-8")
    (site / "index.html").write_text("<main>no chart</main>", encoding="utf-8")
    cache.mkdir()
    (cache / f"axbook-chart-000000000000.{downloads.RECIPE}.png").write_bytes(b"a chart no page holds")
    drawn_before = cache / f"{render.chart_id(spec)}.00000000.png"
    drawn_before.write_bytes(b"drawn by another version of the code")
    named_before = cache / f"{render.chart_id(spec)}.png"
    named_before.write_bytes(b"cached before files carried their recipe")
    calls = []

    def run(function, *columns):
        calls.append(len(columns[0]))
        return map(function, *columns)

    downloads.add_to_site(site, cache, run=run)
    assert calls == [1]  # one PNG to draw, through the pool's map
    assert (site / "index.html").read_text(encoding="utf-8") == "<main>no chart</main>"
    assert 'class="axbook-chart-downloads"' in (site / "chapters" / "one.html").read_text(encoding="utf-8")
    assert not (cache / f"axbook-chart-000000000000.{downloads.RECIPE}.png").exists() and not drawn_before.exists()
    assert not named_before.exists()
    sent = (site / "chapters" / "one.html").read_text(encoding="utf-8")
    assert "<script" not in sent and 'data-spec="../_charts/chapters-one/fig-x.vg.json"' in sent  # lightened
    assert (site / "_charts" / "chapters-one" / "fig-x.vg.json").read_text(encoding="utf-8") == downloads.vega_of(spec)
    assert {p.name for p in cache.iterdir()} == {f"{render.chart_id(spec)}.{downloads.RECIPE}.{kind}"
                                                  for kind in (*downloads.KINDS, downloads.VEGA)}  # the rest pruned
    (site / "chapters" / "one.html").write_text("<main>" + chart_body(spec) + "</main>", encoding="utf-8")  # rebuilt
    downloads.add_to_site(site, cache, run=run)
    assert calls == [1, 0]  # cached: nothing drawn again
    assert (site / "chapters" / "one.html").read_text(encoding="utf-8") == sent
