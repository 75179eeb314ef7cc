"""The renderer: offline, deterministic, escaped; the description reaches the page as the chart's one accessible name."""

import html
import html.parser
import json
import re

import altair as alt
import pandas as pd
import pytest

import axbook
from axbook.figures import render

# -- the renderer: the description reaches the aria-label intact, escaped -----------------------------

class _Attrs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.labels = []

    def handle_starttag(self, tag, attrs):
        self.labels += [v for k, v in attrs if k == "aria-label"]


def test_a_description_with_quotes_and_markup_is_one_escaped_aria_label():
    description = 'Large "firms" <b>13.5%</b> & SMEs 4.5%'
    spec = {"description": description, "mark": "bar", "data": {"values": []}}
    page = render.to_html(spec, "<svg></svg>")
    assert 'aria-label="Large &quot;firms&quot; &lt;b&gt;13.5%&lt;/b&gt; &amp; SMEs 4.5%"' in page
    parser = _Attrs()
    parser.feed(page)
    assert parser.labels == [description]  # a browser reads back exactly the description, as text
    assert "<b>" not in page.split("<script")[0]


def test_a_chart_box_is_reachable_from_the_keyboard_and_holds_its_description():
    spec = {"description": "Two bars.", "mark": "bar", "data": {"values": []}}
    page = render.to_html(spec, "<svg></svg>")
    assert page.startswith(f'<div class="axbook-chart" id="{render.chart_id(spec)}" tabindex="0">\n'
                           '<div class="axbook-chart-static" role="img" aria-label="Two bars.">')


# -- render and tables: exact output ----------------------------------------------------------------

def test_script_safe_escapes_exactly_the_three_characters():
    assert render._script_safe('a&b<c>d"e\'') == 'a\\u0026b\\u003cc\\u003ed"e\''


def test_spec_json_keeps_hangul_as_text_and_ids_follow_the_spec():
    spec = {"description": "대기업 13.5%", "mark": "bar"}
    assert '"대기업 13.5%"' in render.spec_json(spec)
    page = render.to_html(spec, "<svg id='s'></svg>")
    assert f'<div class="axbook-chart" id="{render.chart_id(spec)}" tabindex="0">' in page
    assert f'id="{render.chart_id(spec)}-spec"' in page and "<svg id='s'></svg>" in page
    assert render.chart_id(spec) != render.chart_id({**spec, "mark": "line"})


def test_the_static_svg_is_drawn_with_the_vendored_vega_lite_and_fetches_nothing(monkeypatch):
    calls = []
    monkeypatch.setattr(render.vl_convert, "vegalite_to_svg", lambda spec, **kw: calls.append(kw) or "<svg/>")
    bundle = render.mimebundle({"description": "d", "mark": "bar"})
    assert calls == [{"vl_version": render.VL_VERSION, "allowed_base_urls": []}]
    assert "<svg/>" in bundle["text/html"] and bundle["image/svg+xml"] == "<svg/>" and bundle["text/plain"] == "d"


def test_renderer_bundle_is_offline_and_deterministic(chart):
    first, second = chart._repr_mimebundle_(), chart._repr_mimebundle_()
    assert first == second
    bundle = first[0] if isinstance(first, tuple) else first
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    html = bundle["text/html"]
    assert "cdn.jsdelivr" not in html and "unpkg" not in html and "<script src" not in html
    assert re.findall(r"<script[^>]*>", html) == [re.search(r'<script type="application/json" id="[^"]+-spec">', html)[0]]
    assert re.search(r'id="axbook-chart-[0-9a-f]{12}"', html)
    assert "\n \"" in html  # the spec is pretty-printed, so a regression diff shows the changed line
    assert bundle["text/plain"] == "Two bars: 13.5 and 4.5"
    assert bundle["image/svg+xml"].startswith("<svg") and "중소기업" in bundle["image/svg+xml"]


def test_chart_id_follows_the_spec(chart):
    spec = chart.to_dict()
    changed = json.loads(json.dumps(spec))
    changed["description"] = "other"
    assert render.chart_id(spec) != render.chart_id(changed)


def test_chart_without_description_is_refused():
    axbook.setup()
    with pytest.raises(ValueError, match=r"^every chart needs a text description \(chart.properties\(description=...\)\)$"):
        render.mimebundle(alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q").to_dict())


def test_spec_cannot_break_out_of_its_script_element():
    spec = {"description": "ends </script><b>here"}
    html = render.to_html(spec, "<svg/>")
    embedded = html.split('-spec">', 1)[1].split("</script>", 1)[0]
    assert json.loads(embedded) == spec
