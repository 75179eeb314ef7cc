"""Rules the book relies on, each stated as a test (not only frozen in a notebook's stored outputs).

A bug that changes a chart or a page would also change a chapter's outputs, but `make regen` after an
intended edit would approve it as the new reference. These tests say what the code must do, so such a
mutation fails here whatever the stored outputs say (`make mutate` measures how many do).
"""

import html.parser
import re
from decimal import Decimal

import pandas as pd
import pytest

from axbook import ai_gap, charts, claims, data, datapage, frontpage, ledgers, params, render, text, theme, toc
from axbook.errors import ParameterError
from axbook.paths import ROOT

# -- theme: one font name for browser and exporter, text colours legible ------------------------------


def _relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio."""
    high, low = sorted([_relative_luminance(foreground), _relative_luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the usual lightest AA grey


@pytest.mark.parametrize("colour", ["INK", "MUTED"])
def test_chart_text_colours_meet_aa_on_the_chart_background(colour):
    assert contrast(getattr(theme, colour), theme.BACKGROUND) >= 4.5


def test_every_text_colour_in_the_theme_is_one_of_the_legible_ones():
    config = theme.config()["config"]
    text_colours = {config["title"]["color"], config["title"]["subtitleColor"], config["text"]["color"],
                    *(config[part][key] for part in ("axis", "legend") for key in ("labelColor", "titleColor"))}
    assert text_colours <= {theme.INK, theme.MUTED}


def test_the_chart_font_is_the_family_the_site_serves():
    css = (ROOT / "_static" / "vendor" / "nanum-gothic.css").read_text(encoding="utf-8")
    served = set(re.findall(r"font-family:\s*'([^']+)'", css))
    assert served == {"NanumGothic"}
    assert theme.FONT == "NanumGothic" and theme.config()["config"]["font"].split(",")[0] == "NanumGothic"


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


# -- chart builders: properties read from the spec ---------------------------------------------------

def _layers(spec: dict) -> list[dict]:
    return spec.get("layer") or spec["spec"]["layer"]


def test_slope_and_bars_start_their_value_axis_at_zero():
    frame = pd.DataFrame({"group": ["A", "A"], "year": [2017, 2023], "value": [1.0, 13.5], "value_printed": ["1", "13.5"]})
    slope = charts.slope(frame, label="group").to_dict()
    assert all(layer["encoding"]["y"]["scale"] == {"zero": True} for layer in _layers(slope))
    bars = charts.bars(frame.assign(text="x"), x="value", y="group", x_title="v", text="text").to_dict()
    assert all(layer["encoding"]["x"]["scale"] == {"zero": True} for layer in _layers(bars))


def test_labelled_bars_keep_the_order_they_are_given():
    frame = pd.DataFrame({"label": ["zeta", "alpha", "mid"], "value": [1, 3, 2], "text": ["1", "3", "2"],
                          "kind": [charts.PRINTED] * 3})
    spec = charts.labelled_hbars(frame, label="label", value="value", text="text", kinds=[charts.PRINTED],
                                 x_title="n", tooltip=[]).to_dict()
    for layer in _layers(spec):
        assert layer["encoding"]["y"]["sort"] == ["zeta", "alpha", "mid"]
        assert layer["encoding"]["x"]["scale"]["domain"] == [0, pytest.approx(3 * 1.3)]


@pytest.mark.parametrize(("share", "filled"), [(0, 0), (37.4, 37), (37.5, 38), (62.5, 62), (100, 100)])
def test_the_waffle_fills_the_share_rounded_to_whole_squares(share, filled):
    spec = charts.waffle(share, filled_label="yes", empty_label="no").to_dict()
    cells = next(iter(spec["datasets"].values()))
    assert len(cells) == 100
    assert sum(c["kind"] == "yes" for c in cells) == filled
    assert [c["kind"] for c in cells] == ["yes"] * filled + ["no"] * (100 - filled)  # filled squares first
    assert {(c["row"], c["col"]) for c in cells} == {(r, c) for r in range(10) for c in range(10)}


def test_the_composition_greys_only_the_residual_and_spans_zero_to_hundred():
    collection = ai_gap.collection_with_residual(data.load("smart_manufacturing"))
    spec = charts.composition(collection, label="label", value="value", text="text",
                              residual_label=ai_gap.RESIDUAL_LABEL).to_dict()
    scale = _layers(spec)[0]["encoding"]["color"]["scale"]
    grey = dict(zip(scale["domain"], scale["range"], strict=True))
    assert [name for name, colour in grey.items() if colour == charts.RESIDUAL_GREY] == [ai_gap.RESIDUAL_LABEL]
    assert _layers(spec)[0]["encoding"]["x"]["scale"]["domain"] == [0, 100]


def test_the_collection_residual_is_what_the_printed_shares_leave():
    smart = data.load("smart_manufacturing").set_index("indicator")
    printed = smart.loc[["data_realtime_automatic", "data_not_collected"], "value"]
    collection = ai_gap.collection_with_residual(data.load("smart_manufacturing"))
    assert list(collection["label"])[-1] == ai_gap.RESIDUAL_LABEL
    assert collection["value"].iloc[-1] == pytest.approx(100 - printed.sum())
    assert collection["value"].sum() == pytest.approx(100)
    assert collection["text"].iloc[-1] == f"{100 - printed.sum():.1f}%"
    assert list(collection["order"]) == [0, 1, 2]


# -- descriptions: written from the data, with its years ----------------------------------------------

def test_chart_descriptions_state_the_data_and_its_years():
    rates = data.load("ai_use_rate").query("dimension == 'firm_size'")
    assert ai_gap.describe_rates(rates, "group") == (
        "AI use rate by group. Large firms: 1% in 2017 to 13.5% in 2023; SMEs: 0.25% in 2017 to 4.5% in 2023.")
    gaps = ai_gap.gaps(rates)
    assert ai_gap.describe_gaps(gaps) == ("Gaps between leader and laggard. Large firms vs SMEs in 2017: 0.75 points, "
                                          "about 4 times; Large firms vs SMEs in 2023: 9 points, about 3 times.")


# -- pages: the data page lists every dataset; verdicts carry their class ----------------------------

def test_the_data_page_has_a_section_and_a_download_for_every_dataset():
    page = datapage.datasets_html()
    resources = data.validate()["resources"]
    assert page.count('<section class="axbook-dataset"') == len(resources)
    for res in resources:
        assert f'id="dataset-{res["name"]}"' in page
        assert f'href="data/{res["path"]}" download' in page
        assert f"<p>{len(data.load(res['name']))} rows." in page


@pytest.mark.parametrize("verdict", ["holds", "does not hold", "cannot be checked"])
def test_a_verdict_cell_carries_its_class(verdict):
    table = text.html_table(pd.DataFrame({"claim": ["c"], "verdict": [verdict]}), verdict_column="verdict")
    assert f'<td class="verdict-{verdict.replace(" ", "-")}">{verdict}</td>' in table
    assert "<td>c</td>" in table  # other columns carry no class


def test_the_front_page_counts_each_verdict_with_its_class():
    frame = ledgers.ledger()
    counts = frontpage.counts_html(frame)
    assert f"<p>{len(frame)} claims in all.</p>" in counts
    for verdict, n in ledgers.counts(frame).items():
        assert f'<span class="verdict-{verdict.replace(" ", "-")}">{verdict}</span>: {n}</li>' in counts


# -- parameters: rules stated on fresh objects (the chapters' own are built at import) ----------------

def test_int_range_accepts_its_bounds_and_refuses_one_beyond_each():
    rule = params.IntRange(3, 5)
    for value in (3, 4, 5):
        rule.check("n", value)
    for value in (2, 6, 4.0, True, "4"):
        with pytest.raises(ParameterError, match=r"^parameter 'n' = .* is not allowed; allowed values: whole numbers "
                                                 r"from 3 to 5$"):
            rule.check("n", value)


def test_date_or_accepts_its_default_and_both_bounds():
    rule = params.DateOr("page", "2026-05-01", "2026-06-30")
    for value in ("page", "2026-05-01", "2026-06-30"):
        rule.check("as_of", value)
    for value in ("2026-04-30", "2026-07-01", "2026-5-1", "today", None, "2026-02-30"):
        with pytest.raises(ParameterError, match=r"^parameter 'as_of' = .* is not allowed; allowed values: 'page', or a "
                                                 r"date written YYYY-MM-DD from 2026-05-01 to 2026-06-30$"):
            rule.check("as_of", value)


def test_choice_lists_the_allowed_values_in_order():
    with pytest.raises(ParameterError, match=r"^parameter 'lang' = 'fr' is not allowed; allowed values: 'en', 'ko'$"):
        params.Choice("en", "ko").check("lang", "fr")


def test_unknown_and_missing_parameters_are_named():
    spec = {"dimension": params.Choice("a"), "horizon": params.IntRange(1, 2)}
    with pytest.raises(ParameterError, match=r"^unknown parameter\(s\) 'dimensoin', 'x'; this chapter takes: "
                                             r"dimension, horizon$"):
        params.validate(spec, {"dimensoin": "a", "x": 1, "horizon": 1})
    with pytest.raises(ParameterError, match=r"^parameter 'horizon' is missing$"):
        params.validate(spec, {"dimension": "a"})
    assert params.validate(spec, {"dimension": "a", "horizon": 2}) == {"dimension": "a", "horizon": 2}


def test_assigned_names_cover_every_kind_of_assignment_and_nothing_else():
    source = "a = 1\nb: int = 2\nc += 3\nd.e = 4\nf[0] = 5\nprint(6)\ng, h = 7, 8\n%time i = 9"
    assert params._assigned(source) == ["a", "b", "c"]


def test_check_outside_a_kernel_says_so():
    with pytest.raises(ParameterError, match=r"^parameters can only be checked in a notebook kernel \(no cell history\)$"):
        params.check({}, {})


# -- claims: the precision rule at its edges -------------------------------------------------------

@pytest.mark.parametrize(("interval", "expected"), [
    ((11.5, 12.0), claims.DOES_NOT_HOLD),          # starts where '11' stops printing (half-open at the top)
    ((11.4, 12.0), claims.HOLDS_AFTER_ROUNDING),   # 11.4 prints as 11
    ((10.0, 10.5), claims.HOLDS_AFTER_ROUNDING),   # 10.5 rounds half-up to 11
    ((10.0, 10.4), claims.DOES_NOT_HOLD),
    ((10.0, 10.6), claims.HOLDS_AFTER_ROUNDING),
])
def test_an_interval_holds_when_some_value_in_it_prints_as_the_figure(interval, expected):
    assert claims.verdict("11", 20.0, interval) == expected


@pytest.mark.parametrize(("printed", "step"), [("0", 1), ("1", 1), ("13.5", "0.1"), ("1050", 10), ("7000", 1000),
                                               ("0.25", "0.01"), ("-40", 10)])
def test_precision_step_is_the_last_printed_digit(printed, step):
    assert claims.precision_step(printed) == Decimal(str(step))


def test_an_empty_ledger_still_has_its_columns():
    assert list(claims.ledger([]).columns) == ["claim", "printed", "recomputed", "verdict", "claim_id"]
    check = claims.Check("c1", "A claim", "11", "배", 11.0, "22 ÷ 2", part="headline")
    assert claims.ledger([check]).to_dict("records") == [
        {"claim": "A claim", "printed": "11 배", "recomputed": "22 ÷ 2", "verdict": "holds", "claim_id": "c1"}]


# -- render and tables: exact output ----------------------------------------------------------------

def test_script_safe_escapes_exactly_the_three_characters():
    assert render._script_safe('a&b<c>d"e\'') == 'a\\u0026b\\u003cc\\u003ed"e\''


def test_spec_json_keeps_hangul_as_text_and_ids_follow_the_spec():
    spec = {"description": "대기업 13.5%", "mark": "bar"}
    assert '"대기업 13.5%"' in render.spec_json(spec)
    page = render.to_html(spec, "<svg id='s'></svg>")
    assert f'<div class="axbook-chart" id="{render.chart_id(spec)}">' in page
    assert f'id="{render.chart_id(spec)}-spec"' in page and "<svg id='s'></svg>" in page
    assert render.chart_id(spec) != render.chart_id({**spec, "mark": "line"})


def test_the_static_svg_is_drawn_with_the_vendored_vega_lite_and_fetches_nothing(monkeypatch):
    calls = []
    monkeypatch.setattr(render.vl_convert, "vegalite_to_svg", lambda spec, **kw: calls.append(kw) or "<svg/>")
    bundle = render.mimebundle({"description": "d", "mark": "bar"})
    assert calls == [{"vl_version": render.VL_VERSION, "allowed_base_urls": []}]
    assert "<svg/>" in bundle["text/html"] and bundle["image/svg+xml"] == "<svg/>" and bundle["text/plain"] == "d"


def test_html_table_exact_markup_escaped():
    frame = pd.DataFrame({"a<": ["x & y"], "verdict": ["holds"]})
    assert text.html_table(frame, verdict_column="verdict") == (
        '<table class="axbook-table"><thead><tr><th>a&lt;</th><th>verdict</th></tr></thead><tbody>'
        '<tr><td>x &amp; y</td><td class="verdict-holds">holds</td></tr></tbody></table>')
    two = pd.DataFrame({"n": [1, 2]})
    assert "<tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody>" in text.html_table(two, classes="c")
    assert text.html_table(two, classes="c").startswith('<table class="c">')
    assert text.html_table(pd.DataFrame(columns=["p", "q"])) == (
        '<table class="axbook-table"><thead><tr><th>p</th><th>q</th></tr></thead><tbody>'
        '<tr><td colspan="2">None yet.</td></tr></tbody></table>')


def test_glue_values_turns_strings_numbers_and_charts_into_what_the_page_shows(monkeypatch):
    import altair as alt
    import numpy as np

    glued = []
    monkeypatch.setattr(text, "glue", lambda name, value, display: glued.append((name, value, display)))
    chart = alt.Chart(pd.DataFrame({"v": [1]})).mark_bar().encode(x="v:Q").properties(description="one bar")
    text.glue_values({"q": "대기업", "n": np.float64(9.0), "k": 3, "fig": chart})
    assert [(name, display) for name, _, display in glued] == [("q", False), ("n", False), ("k", False), ("fig", False)]
    values = {name: value for name, value, _ in glued}
    assert repr(values["q"]) == "대기업" and values["q"] == "대기업"  # shown without quotes
    assert type(values["n"]) is float and values["n"] == 9.0 and values["k"] == 3
    bundle = values["fig"]._repr_mimebundle_()
    assert bundle["text/plain"] == "one bar" and bundle["text/html"].startswith('<div class="axbook-chart"')


def test_toc_files_reads_root_then_every_part_in_order(tmp_path):
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n", encoding="utf-8")
    assert toc.files(tmp_path) == ["intro"]
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: intro\nparts:\n  - caption: Empty\n  - caption: A\n    chapters:\n"
        "      - file: chapters/01-x\n      - file: b\n", encoding="utf-8")
    assert toc.files(tmp_path) == ["intro", "chapters/01-x", "b"]
    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "01-x.ipynb").write_text("{}", encoding="utf-8")
    assert toc.notebooks(tmp_path) == [tmp_path / "chapters" / "01-x.ipynb"]
    assert toc.html_pages(tmp_path) == ["intro.html", "chapters/01-x.html", "b.html"]
