"""Rules the book relies on, each stated as a test (not only frozen in a notebook's stored outputs).

A bug that changes a chart or a page would also change a chapter's outputs, but `make regen` after an
intended edit would approve it as the new reference. These tests say what the code must do, so such a
mutation fails here whatever the stored outputs say (`make mutate` measures how many do).
"""

import hashlib
import html
import html.parser
import json
import re
import struct
from decimal import Decimal

import altair as alt
import nbformat
import pandas as pd
import pytest
from fontTools.ttLib import TTFont
from sphinx.errors import ConfigError

from axbook import (
    ai_gap,
    charts,
    claims,
    data,
    datapage,
    deps,
    downloads,
    fonts,
    frontpage,
    ledgers,
    params,
    render,
    sharing,
    stale,
    text,
    theme,
    toc,
)
from axbook.errors import ParameterError
from axbook.paths import ADDRESS_ENV, DATA_DIR, ROOT

# -- theme: one font name for browser and exporter, text colours legible ------------------------------


contrast = theme.contrast


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the usual lightest AA grey
    assert contrast("#050505", "#000000") == pytest.approx(1.0304, abs=1e-4)  # a dark channel: the linear branch


@pytest.mark.parametrize("colour", ["INK", "MUTED"])
def test_chart_text_colours_meet_aa_on_the_chart_background(colour):
    assert contrast(getattr(theme, colour), theme.BACKGROUND) >= 4.5



def test_the_dark_filter_inverts_lightness_and_keeps_hues():
    assert theme.in_dark("#ffffff") == "#000000" and theme.in_dark("#000000") == "#ffffff"
    assert theme.in_dark("#808080") == "#7f7f7f"  # a grey stays grey: every row of the matrix sums to 1
    for name in ("blue", "vermillion", "bluish_green"):
        light, dark = theme.OKABE_ITO[name], theme.in_dark(theme.OKABE_ITO[name])
        strongest = [max(range(3), key=lambda i, c=c: int(c[1 + 2 * i:3 + 2 * i], 16)) for c in (light, dark)]
        assert strongest[0] == strongest[1], (name, light, dark)  # blue stays blue, orange orange, green green
    assert theme.in_dark("#0072B2") == "#42b4f4"  # worked by hand from the Filter Effects matrices
    assert theme.in_dark("#ff0000") == "#ff9292"  # red stays red; its first channel clamped to 1 (the matrix gives 1.574)


def test_the_site_draws_charts_dark_with_the_filter_the_tests_compute():
    css = (ROOT / "_static" / "book.css").read_text(encoding="utf-8")
    dark = 'html[data-theme="dark"] .axbook-chart svg, html[data-theme="dark"] .axbook-chart-static img'
    assert f"{dark} {{ filter: {theme.DARK_FILTER}; }}" in css  # live and static charts, inline or as images
    assert f'html[data-theme="dark"] .axbook-chart {{ background: {theme.in_dark(theme.BACKGROUND)}' in css.replace(
        "#000;", "#000000;")


@pytest.mark.parametrize("colour", ["INK", "MUTED"])
def test_chart_text_keeps_aa_contrast_in_dark_mode(colour):
    assert contrast(theme.in_dark(getattr(theme, colour)), theme.in_dark(theme.BACKGROUND)) >= 4.5


@pytest.mark.parametrize("name", list(theme.OKABE_ITO))
def test_no_data_colour_loses_contrast_with_the_card_in_dark_mode(name):
    colour = theme.OKABE_ITO[name]
    assert contrast(theme.in_dark(colour), theme.in_dark(theme.BACKGROUND)) >= contrast(colour, theme.BACKGROUND) - 0.05

def test_every_text_colour_in_the_theme_is_one_of_the_legible_ones():
    config = theme.config()["config"]
    text_colours = {config["title"]["color"], config["title"]["subtitleColor"], config["text"]["color"],
                    *(config[part][key] for part in ("axis", "legend") for key in ("labelColor", "titleColor"))}
    assert text_colours <= {theme.INK, theme.MUTED}


def test_the_chart_font_is_the_family_the_site_serves():
    css = (ROOT / "_static" / "nanum-gothic.css").read_text(encoding="utf-8")
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


def test_a_chart_box_is_reachable_from_the_keyboard_and_holds_its_description():
    spec = {"description": "Two bars.", "mark": "bar", "data": {"values": []}}
    page = render.to_html(spec, "<svg></svg>")
    assert page.startswith(f'<div class="axbook-chart" id="{render.chart_id(spec)}" tabindex="0">\n'
                           '<div class="axbook-chart-static" role="img" aria-label="Two bars.">')


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


def _collection_chart() -> tuple[dict, dict[str, str]]:
    """Chapter 1's data-collection composition: its spec, and each segment's colour by label."""
    collection = ai_gap.collection_with_residual(data.load("smart_manufacturing"))
    spec = charts.composition(collection, label="label", value="value", text="text",
                              residual_label=ai_gap.RESIDUAL_LABEL).to_dict()
    scale = _layers(spec)[0]["encoding"]["color"]["scale"]
    return spec, dict(zip(scale["domain"], scale["range"], strict=True))


def test_the_composition_greys_only_the_residual_and_spans_zero_to_hundred():
    spec, grey = _collection_chart()
    assert [name for name, colour in grey.items() if colour == charts.RESIDUAL_GREY] == [ai_gap.RESIDUAL_LABEL]
    assert _layers(spec)[0]["encoding"]["x"]["scale"]["domain"] == [0, 100]


def test_every_value_label_in_the_composition_sits_on_its_segment_and_reads_in_light_and_dark():
    spec, segment = _collection_chart()
    labels = _layers(spec)[1]
    assert labels["encoding"]["fill"] == {"field": "label_ink", "type": "nominal", "scale": None}
    assert labels["encoding"]["x"] == {"field": "label_start", "type": "quantitative"}  # not re-stacked after the filter
    # WCAG large text (14 pt bold = 18.67 px) needs 3:1; smaller text would need 4.5:1
    assert labels["mark"]["fontSize"] >= 18.67 and labels["mark"]["fontWeight"] == 700
    rows = sorted(next(iter(spec["datasets"].values())), key=lambda r: r["order"])
    assert [r["label_start"] for r in rows] == pytest.approx([0, rows[0]["value"], rows[0]["value"] + rows[1]["value"]])
    for row in rows:
        fill, ink = segment[row["label"]], row["label_ink"]
        assert contrast(ink, fill) >= 3 and contrast(theme.in_dark(ink), theme.in_dark(fill)) >= 3, row["label"]
    assert labels["transform"] == [{"filter": f"datum.value >= {charts.MIN_LABELLED_SHARE}"}]


def test_a_label_ink_is_chosen_for_both_drawings_not_only_the_light_one():
    vermillion = theme.OKABE_ITO["vermillion"]
    assert contrast("#000000", vermillion) > contrast("#ffffff", vermillion)  # black wins in light alone...
    assert theme.label_ink(vermillion) == "#ffffff"  # ...but turns white on orange in the dark (2.8:1)
    assert theme.label_ink(charts.RESIDUAL_GREY) == "#000000" and theme.label_ink(theme.OKABE_ITO["blue"]) == "#ffffff"


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
    assert f'<div class="axbook-chart" id="{render.chart_id(spec)}" tabindex="0">' in page
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


def test_the_citation_file_names_the_book_and_both_licences():
    import yaml

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    book = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["title"] == book["title"]
    assert citation["license"] == "MIT" and "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    data_licence = data.validate()["licenses"][0]["name"]
    assert [r["license"] for r in citation["references"] if r["type"] == "data"] == [data_licence]
    footer = book["sphinx"]["config"]["html_theme_options"]["extra_footer"]
    assert "MIT" in footer and data_licence.replace("-", " ")[:9] in footer


# -- the front page and the data page, from the data they are written from ---------------------------

def test_each_chapter_finding_is_computed_from_the_data():
    findings = {c.doc: c.finding(DATA_DIR) for c in ledgers.CHAPTERS}
    assert findings["chapters/01-ai-adoption-gap"] == (
        "The large-SME gap in AI use went from 0.75 to 9.0 percentage points (2017–2023); large firms' rate was "
        "about 4 times the SMEs' in 2017 and about 3 times in 2023: the '11배' is a ratio of gaps, not of rates.")
    assert findings["chapters/02-power-equipment"] == (
        "The busduct ceiling (최대 4조원 이상) needs supply to grow 166% a year from 약 500억원; the won-dollar "
        "conversion implies 1,500 won.")
    assert findings["chapters/03-everyones-challenge"] == (
        "25 start-ups can share at most ₩2.5bn of collaboration funding; applications are open for 21 days.")
    assert findings["chapters/04-kibo-rehabilitation"] == (
        "No number to check: the page gives 4 steps and the guarantee's conditions, but no count of firms, no amount "
        "and no details of the Busan M&A support.")
    assert findings["chapters/05-kvmcc"] == (
        "About 50% of cohort 2's trainees are expected to be certified; '확대' (expanded) sets cohort 2's intake "
        "beside cohort 1's output, whose intake the page does not give.")


def test_every_chapter_of_the_toc_has_a_ledger_and_tables_find_chapters_by_article_or_page():
    assert [c.doc for c in ledgers.CHAPTERS] == [f for f in toc.files() if f.startswith("chapters/")]
    for chapter in ledgers.CHAPTERS:
        by_article, by_doc = ledgers.table(chapter.article_id), ledgers.table(chapter.doc)
        assert by_article.equals(by_doc) and list(by_doc.columns) == claims.LEDGER_COLUMNS
    frame = ledgers.ledger()
    assert set(frame["doc"]) == {c.doc for c in ledgers.CHAPTERS}
    assert sum(ledgers.counts(frame).values()) == len(frame)
    assert set(frame["part"]) <= {"headline", "deck", "lede", "body", "caption"}


def test_the_front_page_lists_every_article_with_its_finding_and_link():
    page = frontpage.articles_html()
    articles = data.load("articles").set_index("article_id")
    items = re.findall(r'<li class="axbook-article">(.*?)</li>', page)
    assert len(items) == len(ledgers.CHAPTERS)
    for item, chapter in zip(items, ledgers.CHAPTERS, strict=True):
        art = articles.loc[chapter.article_id]
        assert f'<strong>{html.escape(art["headline_ko"])}</strong>' in item
        assert f'<em>{html.escape(art["headline_en"])}</em>' in item
        assert html.escape(chapter.finding(DATA_DIR)) in item
        assert f'href="{chapter.doc}.html">Read the chapter</a>' in item


def test_the_front_page_claims_table_has_a_row_per_claim_linking_its_chapter():
    frame = ledgers.ledger()
    page = frontpage.claims_html(frame)
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td>"
                      r'<td class="verdict-([a-z-]+)">(.*?)</td><td><a [^>]*href="([^"]+)">Chapter (\d)</a></td></tr>', page)
    assert len(rows) == len(frame)
    docs = [c.doc for c in ledgers.CHAPTERS]
    for row, record in zip(rows, frame.to_dict("records"), strict=True):
        assert row[0] == html.escape(record["claim"]) and row[1] == record["part"]
        assert row[2] == html.escape(record["printed"]) and row[3] == html.escape(record["recomputed"])
        assert row[4] == record["verdict"].replace(" ", "-") and row[5] == record["verdict"]
        assert row[6] == f"{record['doc']}.html#{frontpage.LEDGER_ANCHOR}" and int(row[7]) == docs.index(record["doc"]) + 1
    assert page.startswith('<div class="axbook-table-wrap"><table class="axbook-table axbook-claims">')


def test_the_data_page_quotes_every_source_under_its_article_or_as_context():
    page = datapage.sources_html()
    sources = data.load("sources")
    for r in sources.itertuples():
        entry = page.split(f'<dt id="src-{r.source_id}"><code>{r.source_id}</code></dt>', 1)
        assert len(entry) == 2, r.source_id
        body = entry[1].split("</dd>", 1)[0]
        assert html.escape(r.quote) in body
        if isinstance(r.url, str):
            assert f'<a class="reference external" href="{html.escape(r.url, quote=True)}" rel="noopener">' in body
            assert ("primary" if r.primary else "secondary") in body
        else:
            assert '<span lang="ko">' in body and "<a " not in body
        if isinstance(r.note, str) and r.note:
            assert f'<span class="axbook-note">Note: {html.escape(r.note)}</span>' in body
    articles = data.load("articles")
    assert page.count("<h3>") == len(articles) + 1 and page.endswith("</dl>")
    for art in articles.itertuples():
        assert f"<h3>{html.escape(art.headline_ko)}</h3>" in page
        assert f"{html.escape(art.byline_ko)} ({html.escape(art.byline_en)})" in page


def test_the_data_page_links_only_web_addresses_and_names_the_licence():
    assert datapage._link("javascript:alert(1)", "x<") == "x&lt;"
    assert datapage._link("https://a.example/?q=1&r=2", "l&") == (
        '<a class="reference external" href="https://a.example/?q=1&amp;r=2" rel="noopener">l&amp;</a>')
    licence = data.validate()["licenses"][0]
    page = datapage.licence_html()
    assert f'href="{licence["path"]}"' in page and html.escape(licence["title"]) in page
    assert '<a class="reference download" href="data/datapackage.yaml" download>datapackage.yaml</a>' in page


# -- the stale-notebook report: exact lines for each kind of change ----------------------------------

def test_long_strings_are_shown_from_twenty_characters_before_their_first_difference():
    old, new = "a" * 100 + "13.5%" + "z" * 100, "a" * 100 + "14.5%" + "z" * 100
    shown = stale._pair(old, new)
    left, right = shown.split(" -> ")
    assert left == ("'…" + "a" * 19 + "13.5%" + "z" * 100)[:stale.MAX_TEXT // 2]
    assert right == ("'…" + "a" * 19 + "14.5%" + "z" * 100)[:stale.MAX_TEXT // 2]
    assert stale._pair("short", "shirt") == "'short' -> 'shirt'"
    assert stale._pair(1.5, 2) == "1.5 -> 2"
    assert stale._pair("x" * 70, "y" * 70) == f"{repr('x' * 70)[:60]} -> {repr('y' * 70)[:60]}"  # differ at 0: no '…'


def test_cut_keeps_up_to_the_limit_and_marks_what_it_cut():
    assert stale._cut("x" * stale.MAX_TEXT) == "x" * stale.MAX_TEXT
    assert stale._cut("x" * (stale.MAX_TEXT + 1)) == "x" * (stale.MAX_TEXT - 1) + "…"
    assert stale._short("a") == "'a'" and stale._short([1, "가"]) == '[1, "가"]'


def test_multi_line_text_changes_list_only_the_changed_lines():
    assert stale._text_changes("a\nb\nc\n", "a\nB\nc\n") == ["-b", "+B"]
    assert stale._text_changes("one", "two") == ["'one' -> 'two'"]


def _cell(source, *outputs):
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = list(outputs)
    return cell


def test_changed_values_reports_gone_new_streams_errors_and_cell_counts():
    stream = nbformat.v4.new_output("stream", name="stdout", text="total 3\n")
    stream2 = nbformat.v4.new_output("stream", name="stdout", text="total 4\n")
    error = nbformat.v4.new_output("error", ename="KeyError", evalue="'x'", traceback=[])
    stored = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# t"), _cell("print(total)", stream), _cell("", stream), _cell("a = 1")])
    fresh = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# t"), _cell("print(total)", stream2), _cell("", error)])
    assert stale.changed_values(stored, fresh) == [
        "cell 2 (`print(total)`)", "  output 0: text/plain: 'total 3\\n' -> 'total 4\\n'",
        "cell 3 (``)", "  output 0: text/plain: 'total 3\\n' -> \"KeyError: 'x'\"",
        "cell count: 4 -> 3"]
    gone = nbformat.v4.new_notebook(cells=[_cell("x", stream)])
    new = nbformat.v4.new_notebook(cells=[_cell("x", stream, stream2)])
    assert stale.changed_values(gone, new) == ["cell 1 (`x`)", "  output 1: new output"]
    assert stale.changed_values(new, gone) == ["cell 1 (`x`)", "  output 1: output gone"]


def test_changed_values_stops_at_the_limit_and_says_how_many_more():
    stored = nbformat.v4.new_notebook(cells=[_cell(f"c{i}", nbformat.v4.new_output("stream", name="stdout", text="a"))
                                             for i in range(5)])
    fresh = nbformat.v4.new_notebook(cells=[_cell(f"c{i}", nbformat.v4.new_output("stream", name="stdout", text="b"))
                                            for i in range(5)])
    lines = stale.changed_values(stored, fresh, limit=4)
    assert lines == ["cell 1 (`c0`)", "  output 0: text/plain: 'a' -> 'b'", "cell 2 (`c1`)",
                     "  output 0: text/plain: 'a' -> 'b'", "... and 6 more"]


def test_spec_changes_name_datasets_by_position_and_report_added_and_removed_leaves():
    old = {"datasets": {"data-aaa": [{"v": 1}]}, "data": {"name": "data-aaa"}, "title": "t"}
    new = {"datasets": {"data-bbb": [{"v": 2}]}, "data": {"name": "data-bbb"}, "mark": "bar"}
    assert stale.spec_changes(old, new) == ["datasets[0][0].v: 1 -> 2", "title: 't' -> (gone)", "mark: (new) 'bar'"]


def test_attributes_escape_quotes_so_a_value_cannot_end_its_attribute():
    assert datapage._dataset_link('a"b<.csv') == (
        '<a class="reference download" href="data/a&quot;b&lt;.csv" download>a&quot;b&lt;.csv</a>')
    assert datapage._link('https://a.example/"x', "t") == "t"  # not a web address: no link at all
    assert frontpage._href('chapters/x"y', 'a"b') == "chapters/x&quot;y.html#a&quot;b"
    assert frontpage._href("chapters/x") == "chapters/x.html"
    assert datapage._note("") == "" and datapage._note(None) == ""
    assert datapage._note("a<b") == ' <span class="axbook-note">Note: a&lt;b</span>'


def test_the_data_page_follows_the_page_order_of_articles_and_separates_entries():
    page = datapage.sources_html()
    headings = re.findall(r"<h3>(.*?)</h3>", page)
    assert headings == [html.escape(h) for h in data.load("articles")["headline_ko"]] + ["Context sources"]
    assert "</dl>\n<h3>" in page and "</dd>\n<dt " in page  # one entry per line in the page source
    undated = [r.source_id for r in data.load("sources").itertuples() if isinstance(r.url, str)
               and not isinstance(r.published, str)]
    for source_id in undated:
        body = page.split(f'id="src-{source_id}"', 1)[1].split("</dd>", 1)[0]
        assert "</a>, primary" in body or "</a>, secondary" in body
    datasets = datapage.datasets_html()
    assert datasets.count("</section>\n<section") == len(data.validate()["resources"]) - 1


def test_the_licence_falls_back_from_title_to_name(monkeypatch):
    monkeypatch.setattr(datapage.data, "validate", lambda: {"licenses": [{"name": "CC-BY-4.0"}], "x-citation": "c"})
    assert datapage.licence_html().startswith("<p>Licence: CC-BY-4.0. Cite as: c The whole package:")
    monkeypatch.setattr(datapage.data, "validate", lambda: {"licenses": [{"name": "CC0-1.0"}]})
    assert datapage.licence_html().startswith("<p>Licence: CC0-1.0. The whole package:")  # no citation: no "Cite as"


def test_the_front_page_tables_name_their_columns_and_list_items_in_order():
    frame = ledgers.ledger()
    claims_page = frontpage.claims_html(frame)
    assert ("<thead><tr><th>claim</th><th>where</th><th>printed</th><th>recomputed</th><th>verdict</th>"
            "<th>chapter</th></tr></thead>") in claims_page
    counts = frontpage.counts_html(frame)
    assert counts.count("</li><li>") == len(claims.VERDICTS) - 1
    articles = frontpage.articles_html()
    assert articles.startswith('<ol class="axbook-articles"><li class="axbook-article">')
    assert articles.count("</li><li ") == len(ledgers.CHAPTERS) - 1


# -- the theme's tokens: a valid Vega-Lite config, one type scale, one chart size --------------------

def test_the_theme_is_a_config_vega_lite_accepts():
    """Vega ignores a key it does not know; the schema refuses it, so a misspelt setting cannot pass silently."""
    import altair as alt

    alt.Config.from_dict(theme.config()["config"])  # raises ValidationError on an unknown key or a wrong type


def test_the_theme_keeps_one_type_scale_and_one_gap_per_kind_of_label():
    assert (theme.SMALL_PX, theme.LABEL_PX, theme.HEADING_PX, theme.TITLE_PX, theme.LARGE_TEXT_PX) == (10, 11, 12, 16, 19)
    assert theme.TYPE_SCALE == (10, 11, 12, 16, 19)
    assert (theme.BAR_LABEL_GAP, theme.POINT_LABEL_GAP) == (4, 6)
    config = theme.config()["config"]
    sizes = {
        "title": config["title"]["fontSize"], "subtitle": config["title"]["subtitleFontSize"],
        "axis title": config["axis"]["titleFontSize"], "legend title": config["legend"]["titleFontSize"],
        "facet label": config["header"]["labelFontSize"], "axis label": config["axis"]["labelFontSize"],
        "legend label": config["legend"]["labelFontSize"], "mark text": config["text"]["fontSize"],
    }
    assert sizes == {"title": 16, "subtitle": 12, "axis title": 12, "legend title": 12, "facet label": 12,
                     "axis label": 11, "legend label": 11, "mark text": 11}
    assert (config["title"]["fontWeight"], config["axis"]["titleFontWeight"], config["legend"]["titleFontWeight"]) == (
        700, 400, 400)  # only the title is bold
    fonts = [config["font"], config["text"]["font"], config["title"]["subtitleFont"], *(
        config[part][key] for part in ("title", "axis", "legend", "header") for key in ("labelFont", "titleFont", "font")
        if key in config[part])]
    assert len(fonts) == 10 and set(fonts) == {theme.FONT_STACK}


def test_the_theme_sets_the_chart_box_and_marks():
    config = theme.config()["config"]
    assert config["view"] == {"stroke": None, "continuousWidth": 480, "continuousHeight": 300}
    assert config["padding"] == {"left": 8, "right": 16, "top": 8, "bottom": 8}  # room for the last axis label
    assert config["title"]["anchor"] == "start" and config["title"]["offset"] == 12
    assert config["legend"]["orient"] == "top"  # above the plot: never squeezes its width
    assert config["line"] == {"strokeWidth": 2.5} and config["point"] == {"size": 70, "filled": True}
    assert config["concat"] == {"spacing": 6} and config["background"] == theme.BACKGROUND
    assert config["range"] == {"category": theme.CATEGORY}
    assert (config["axis"]["gridColor"], config["axis"]["domainColor"], config["axis"]["tickColor"]) == (
        theme.GRID, theme.MUTED, theme.MUTED)


# -- ledgers: each chapter reads the data it is given ------------------------------------------------

def test_every_chapter_reads_the_data_directory_it_is_given(monkeypatch, tmp_path):
    """A chapter's checks and finding, and the front page, load from the directory passed in, never the default."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    real = data.load

    def load(name, data_dir=None):
        assert data_dir == copy, f"{name} loaded from {data_dir}, not the directory given"
        return real(name, data_dir)

    monkeypatch.setattr(data, "load", load)
    for chapter in ledgers.CHAPTERS:
        assert chapter.checks(copy) and chapter.finding(copy)
    assert len(ledgers.ledger(copy)) > 0 and frontpage.articles_html(copy).count("<li ") == len(ledgers.CHAPTERS)


def test_the_ledger_names_each_claims_chapter_article_and_part():
    frame = ledgers.ledger()
    assert list(frame.index) == list(range(len(frame)))
    for chapter in ledgers.CHAPTERS:
        checks = chapter.checks(DATA_DIR)
        rows = frame[frame["doc"] == chapter.doc]
        assert len(rows) == len(checks) and set(rows["article_id"]) == {chapter.article_id}
        assert list(rows["part"]) == [c.part or "body" for c in checks]
    assert ledgers._edition_year(DATA_DIR) == 2026


def test_a_chapter_module_gives_its_checks_and_finding(monkeypatch):
    import sys
    import types

    module = types.ModuleType("axbook_fake_chapter")
    module.checks, module.finding = (lambda d: ["check"]), (lambda d: "finding")
    monkeypatch.setitem(sys.modules, "axbook_fake_chapter", module)
    chapter = ledgers.Chapter.of_module("chapters/09-x", "kvmcc", "axbook_fake_chapter")
    assert chapter == ledgers.Chapter("chapters/09-x", "kvmcc", module.checks, module.finding)


def test_the_front_page_claims_table_has_one_row_per_claim():
    frame = ledgers.ledger()
    page = frontpage.claims_html(frame)
    assert page.count("<tr><td>") == len(frame) and page.count("</td></tr><tr>") == len(frame) - 1


# -- the data page, on data made for the purpose: every part of an entry, exactly --------------------

def test_a_dataset_entry_lists_its_fields_rules_and_sources(monkeypatch):
    resource = {"name": "toy", "path": "toy.csv", "title": "A <toy>", "schema": {"fields": [
        {"name": "id", "constraints": {"required": True, "unique": True}},
        {"name": "value", "type": "number", "description": "Share", "x-unit": "%",
         "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "source_id"}]}}
    assert datapage._fields(resource).to_dict("records") == [
        {"field": "id", "type": "string", "rules": "unique True", "required": "yes", "about": ""},
        {"field": "value", "type": "number", "rules": "minimum 0, maximum 100", "required": "",
         "about": "Share (unit: %)"},
        {"field": "source_id", "type": "string", "rules": "", "required": "", "about": ""}]
    sources = {key: value for key, value in resource.items() if key != "title"} | {"name": "sources"}
    monkeypatch.setattr(data, "validate", lambda: {"resources": [resource, sources]})
    monkeypatch.setattr(data, "load", lambda name: pd.DataFrame({"source_id": ["b", "a", "b"]}))
    toy, listed = datapage.datasets_html().split("</section>\n")
    assert toy.startswith('<section class="axbook-dataset" id="dataset-toy"><h3><code>toy</code>: A &lt;toy&gt;</h3>'
                          "<p>3 rows.")
    assert ('<p>Quoted from 2 source(s): <a href="#src-a"><code>a</code></a>, '
            '<a href="#src-b"><code>b</code></a>.</p>') in toy
    assert "<h3><code>sources</code></h3>" in listed and "Quoted from" not in listed  # not said to quote itself
    assert '<table class="axbook-table">' in toy and "<td>Share (unit: %)</td>" in toy


def test_a_source_entry_reads_exactly(monkeypatch):
    nan = float("nan")
    sources = pd.DataFrame([
        {"source_id": "q1", "article_id": "a1", "quote": "인용", "gloss_en": "A quote", "note": nan, "url": nan,
         "publisher": nan, "published": nan, "primary": False},
        {"source_id": "c1", "article_id": nan, "quote": "q", "gloss_en": "g", "note": "n", "url": "https://x.example/",
         "publisher": "P", "published": "2024-01", "primary": True},
        {"source_id": "c2", "article_id": nan, "quote": "q2", "gloss_en": nan, "note": nan,
         "url": "https://y.example/", "publisher": None, "published": nan, "primary": False}])
    articles = pd.DataFrame([{"article_id": "a1", "headline_ko": "제목", "headline_en": "Title", "outlet": "Metro",
                              "edition_month": "2026-05", "byline_ko": "기자", "byline_en": "Reporter"}])
    monkeypatch.setattr(data, "load", lambda name: {"sources": sources, "articles": articles}[name])
    assert datapage.sources_html().split("\n") == [
        '<h3>제목</h3><p><em>Title</em>. Metro, 2026-05, 기자 (Reporter).</p><dl class="axbook-sources">',
        '<dt id="src-q1"><code>q1</code></dt><dd><span lang="ko">인용</span><br><em>A quote</em></dd>',
        "</dl>",
        '<h3>Context sources</h3><dl class="axbook-sources">',
        '<dt id="src-c1"><code>c1</code></dt><dd><a class="reference external" href="https://x.example/" '
        'rel="noopener">P</a>, 2024-01, primary: “q” (g) <span class="axbook-note">Note: n</span></dd>',
        '<dt id="src-c2"><code>c2</code></dt><dd><a class="reference external" href="https://y.example/" '
        'rel="noopener">https://y.example/</a>, secondary: “q2”</dd>',
        "</dl>"]


# -- dependencies: a kernel logs the modules it imports, then or later -------------------------------

def test_a_kernel_logs_every_axbook_module_it_imports_and_only_those(tmp_path):
    import os
    import subprocess
    import sys

    from axbook import deps

    log = tmp_path / "deps.log"
    code = "import axbook\nfrom axbook import ledgers\nledgers.table('power-equipment')\n"
    env = {**os.environ, deps.ENV: str(log), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    imported = {p.name for p in deps.read_log(log) if p.parent == ROOT / "axbook"}
    assert {"__init__.py", "ledgers.py", "power.py", "timeline.py", "data.py", "claims.py", "deps.py"} <= imported
    assert not imported & {"ai_gap.py", "programmes.py", "build.py"}  # not imported, so not depended on
    assert deps.module_file("axbook") == ROOT / "axbook" / "__init__.py"
    assert deps.module_file("axbook.charts") == ROOT / "axbook" / "charts.py"
    logged = log.read_bytes()
    del env[deps.ENV]
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert log.read_bytes() == logged  # outside a build nothing is logged


# -- figure furniture: the source line, its wrapping, the title block --------------------------------

def test_text_width_counts_wide_characters_twice():
    assert [charts.text_width(t) for t in ("AB", "대기업", "AI 전환", "１", "")] == [2, 6, 7, 2, 0]


@pytest.mark.parametrize(("text", "limit", "lines"), [
    ("a · b", 5, ["a · b"]),                      # fits: one line
    ("aaaa · bbbb", 8, ["aaaa", "bbbb"]),         # parts move to the next line whole
    ("aa bb cc", 5, ["aa bb", "cc"]),             # a part too long is broken at spaces
    ("x · aa bb cc", 5, ["x", "aa bb", "cc"]),    # ... starting on its own line
    ("abcdefghij", 4, ["abcdefghij"]),            # a single word longer than the line stays whole
    ("a\nb", 10, ["a", "b"]),                     # a newline always breaks
    ("대기업 중소기업", 10, ["대기업", "중소기업"]),  # Hangul is twice as wide
    ("대기업 · 중소", 13, ["대기업 · 중소"]),         # 6 + 3 + 4 = 13: exactly at the limit still fits
    ("대기업 · 중소", 12, ["대기업", "중소"]),
])
def test_wrap_breaks_at_parts_then_words_within_the_limit(text, limit, lines):
    assert charts.wrap(text, limit) == lines


def test_source_lines_name_the_article_and_the_data_file():
    articles = data.load("articles").set_index("article_id")
    gap = articles.loc["ai-gap"]
    assert charts.source_line("ai_use_rate") == (
        f"Source: {gap['outlet']}, {gap['edition_month']}, “{gap['headline_ko']}”\nData: data/ai_use_rate.csv")
    assert charts.source_line("ai_use_rate", "gaps computed by this book").startswith(
        f"Source: {gap['outlet']}, {gap['edition_month']}, “{gap['headline_ko']}” · gaps computed by this book\n")
    first = articles.iloc[0]
    assert charts.source_line("page_dates") == (f"Source: {first['outlet']}, {first['edition_month']}, business "
                                                f"section (all {len(articles)} articles)\nData: data/page_dates.csv")
    assert charts.source_line("context_indicators") == (
        "Sources: see the Data and sources page\nData: data/context_indicators.csv")


def test_a_figure_has_its_title_above_and_the_wrapped_source_line_below():
    import altair as alt

    inner = alt.Chart(pd.DataFrame({"x": [1]})).mark_point().encode(x="x:Q")
    source = charts.source_line("ai_use_rate", "a note long enough to need a second line " * 2)
    fig = charts.figure(inner, title="T", subtitle=["S1", "S2"], source=source, description="D")
    spec = fig.to_dict()
    assert spec["description"] == "D"
    heading = spec["vconcat"][0]["title"]
    assert heading == {"text": "T", "subtitle": ["S1", "S2"], "anchor": "start", "frame": "bounds"}
    footer = spec["title"]
    assert footer["text"] == charts.wrap(source, charts.SOURCE_LINE_UNITS) and len(footer["text"]) >= 3
    assert {k: footer[k] for k in ("orient", "anchor", "frame", "fontSize", "fontWeight", "color", "offset",
                                   "lineHeight")} == {"orient": "bottom", "anchor": "start", "frame": "bounds",
                                                      "fontSize": 10, "fontWeight": "normal", "color": theme.MUTED,
                                                      "offset": 14, "lineHeight": 13}
    assert charts.figure(inner, title="T", subtitle="One line", source="s", description="D").to_dict()["vconcat"][0][
        "title"]["subtitle"] == ["One line"]


def test_a_flow_lays_steps_out_in_rows_with_arrows_only_within_a_row():
    steps = pd.DataFrame({"actor": ["Court", "KIBO", "Firm", "Bank", "Court"],
                          "action": ["Files for rehabilitation under the court's watch", "Reviews", "Applies",
                                     "Lends", "Approves"]})
    chart = charts.flow(steps, actor="actor", action="action", columns=3)
    spec = chart.to_dict()  # validated against the Vega-Lite schema
    assert (spec["width"], spec["height"]) == (3 * 150 + 2 * 18, 110 + 92)
    boxes, arrows, tips, heads, bodies = chart.layer
    assert [layer.mark.type for layer in chart.layer] == ["rect", "rule", "point", "text", "text"]
    frame = boxes.data
    assert list(zip(frame["x"], frame["y"], frame["x2"], frame["y2"], strict=True)) == [
        (0, 0, 150, 92), (168, 0, 318, 92), (336, 0, 486, 92), (0, 110, 150, 202), (168, 110, 318, 202)]
    assert list(frame["head"]) == ["1. Court", "2. KIBO", "3. Firm", "4. Bank", "5. Court"]
    assert frame["body"][0] == "\n".join(charts.wrap(steps["action"][0], 26)) and "\n" in frame["body"][0]
    links = arrows.data
    assert list(zip(links["ax"], links["bx"], links["ay"], strict=True)) == [(150, 168, 46), (318, 336, 46),
                                                                             (150, 168, 156)]  # not 3 -> 4
    assert tips.data is links and tips.mark.shape == "triangle-right"
    layer_specs = spec["layer"]
    assert layer_specs[0]["encoding"]["y"]["scale"] == {"domain": [0, 202], "reverse": True}
    assert layer_specs[0]["encoding"]["x"]["scale"] == {"domain": [0, 486]}
    assert all(layer["encoding"]["x"]["axis"] is None for layer in layer_specs)
    assert (boxes.mark.fill, boxes.mark.stroke) == ("#eef5fb", theme.OKABE_ITO["blue"])
    assert heads.mark.color == bodies.mark.color == theme.INK and heads.mark.fontWeight == 700
    assert [t["field"] for t in layer_specs[0]["encoding"]["tooltip"]] == ["head", "action"]


def test_a_timeline_draws_day_dates_filled_month_dates_hollow_and_both_reference_days():
    from datetime import date

    events = pd.DataFrame({"article": ["A", "B", "A"], "event": ["e1", "e2", "e3"], "printed": ["18일", "12월", "8일"],
                           "date": [date(2026, 5, 18), date(2025, 12, 1), date(2026, 6, 8)],
                           "precision": ["day", "month", "day"]})
    chart = charts.timeline(events, row="article", as_of_label="as of 1 Jun", as_of="2026-06-01",
                            news_day="2026-05-18")
    spec = chart.to_dict()  # validated against the Vega-Lite schema
    days, months, lines, news, as_of = chart.layer
    rows = days.data.to_dict("records")
    assert [r["when"] for r in rows] == ["18 May 2026", "Dec 2025 (month only)", "8 Jun 2026"]
    assert [r["date_text"] for r in rows] == ["2026-05-18", "2025-12-01", "2026-06-08"]
    assert (days.mark.filled, months.mark.filled) == (True, False)
    assert days.transform[0].filter == "datum.precision == 'day'"
    assert months.transform[0].filter == "datum.precision == 'month'"
    y = spec["layer"][0]["encoding"]["y"]
    assert y["sort"] == ["A", "B"] and y["field"] == "article"  # rows in the order the articles first appear
    shape = spec["layer"][0]["encoding"]["shape"]["scale"]
    assert shape == {"domain": ["day", "month"], "range": ["circle", "diamond"]}
    assert list(lines.data["date_text"]) == ["2026-05-18", "2026-06-01"]
    assert list(lines.data["label"]) == ["the page's news day", "as of 1 Jun"]
    assert (news.mark.baseline, as_of.mark.baseline) == ("bottom", "top") and lines.mark.color == theme.MUTED
    same_day = charts.timeline(events, row="article", as_of_label="as of 18 May", as_of="2026-05-18",
                               news_day="2026-05-18")
    assert len(same_day.layer) == 4 and list(same_day.layer[2].data["label"]) == ["the page's news day = as of"]
    assert [t["field"] for t in spec["layer"][0]["encoding"]["tooltip"]] == ["event", "when", "printed"]


# --- when Sphinx re-reads a page (axbook/sphinx_ext.py) ---

def test_a_page_is_outdated_when_an_input_it_recorded_changed_or_went_away(tmp_path):
    from types import SimpleNamespace

    from axbook import sphinx_ext

    same, edited, gone = (tmp_path / name for name in ("same.csv", "edited.py", "gone.csv"))
    for path in (same, edited, gone):
        path.write_text("before")
    env = SimpleNamespace(axbook_inputs={
        "untouched": {str(same): deps.digest(same)},
        "reads-edited": {str(same): deps.digest(same), str(edited): deps.digest(edited)},
        "reads-gone": {str(gone): deps.digest(gone)},
        "already-changed": {str(edited): deps.digest(edited)},
    })
    edited.write_text("after")
    gone.unlink()
    stale = sphinx_ext._outdated(None, env, added=set(), changed={"already-changed"}, removed=set())
    assert sorted(stale) == ["reads-edited", "reads-gone"]  # Sphinx re-reads the one it already knows changed


def test_every_notebook_records_the_lock_file_and_a_markdown_page_only_what_it_read(tmp_path):
    from types import SimpleNamespace

    from axbook import sphinx_ext

    read = tmp_path / "table.csv"
    read.write_text("a\n1\n")
    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda doc: f"/book/{doc}.ipynb" if doc == "nb" else "/book/p.md"))
    assert sphinx_ext._inputs(app, "nb", {read}) == {str(sphinx_ext.LOCK_FILE): deps.digest(sphinx_ext.LOCK_FILE),
                                                      str(read): deps.digest(read)}
    assert sphinx_ext._inputs(app, "page", {read}) == {str(read): deps.digest(read)}


# --- executed copies (axbook/execute.py): used only while everything they read is unchanged ---

def _executed_copy(root, page="chapters/x", inputs=None, source_sha=None):
    import json

    from axbook import execute

    notebook, sidecar = execute.copy_paths(page, root)
    notebook.parent.mkdir(parents=True, exist_ok=True)
    notebook.write_text("{}")
    sha = hashlib.sha256((root / f"{page}.ipynb").read_bytes()).hexdigest()
    sidecar.write_text(json.dumps({"page": page, "source": source_sha or sha, "inputs": inputs}))


def test_an_executed_copy_is_fresh_only_while_its_notebook_and_every_input_hash_the_same(tmp_path):
    from axbook import execute

    (tmp_path / "chapters").mkdir()
    (tmp_path / "data").mkdir()
    for name, content in (("chapters/x.ipynb", "nb"), ("data/a.csv", "a\n1\n"), ("requirements.txt", "lock")):
        (tmp_path / name).write_text(content)
    sha = {name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in ("data/a.csv", "requirements.txt")}
    _executed_copy(tmp_path, inputs=sha)
    assert execute.fresh("chapters/x", tmp_path) == {(tmp_path / n).resolve() for n in sha}
    assert execute.fresh("chapters/y", tmp_path) is None  # no copy
    (tmp_path / "data" / "a.csv").write_text("a\n2\n")
    assert execute.fresh("chapters/x", tmp_path) is None  # an input changed
    (tmp_path / "data" / "a.csv").write_text("a\n1\n")
    assert execute.fresh("chapters/x", tmp_path) is not None
    (tmp_path / "data" / "a.csv").unlink()
    assert execute.fresh("chapters/x", tmp_path) is None  # an input is gone
    (tmp_path / "data" / "a.csv").write_text("a\n1\n")
    _executed_copy(tmp_path, inputs=sha, source_sha="0" * 64)
    assert execute.fresh("chapters/x", tmp_path) is None  # the notebook was edited since


@pytest.mark.parametrize("record", [
    {"page": "chapters/x", "inputs": {"../outside.csv": hashlib.sha256(b"x").hexdigest()}},  # out of the repository
    {"page": "chapters/other", "inputs": {}},  # another page's copy
    {"page": "chapters/x"},  # no inputs recorded
    "not json",
])
def test_a_copy_naming_files_outside_another_page_or_nothing_is_not_used(tmp_path, record):
    import json

    from axbook import execute

    root = tmp_path / "repo"
    (root / "chapters").mkdir(parents=True)
    (root / "chapters" / "x.ipynb").write_text("nb")
    (tmp_path / "outside.csv").write_text("x")  # unchanged, but not the repository's
    notebook, sidecar = execute.copy_paths("chapters/x", root)
    notebook.parent.mkdir(parents=True)
    notebook.write_text("{}")
    if isinstance(record, dict):
        record = json.dumps({**record, "source": hashlib.sha256(b"nb").hexdigest()})
    sidecar.write_text(record)
    assert execute.fresh("chapters/x", root) is None


# --- the regression's message: what changed in an output, mime by mime (axbook/stale.py) ---

def test_output_changes_list_every_changed_mime_but_the_drawn_svg():
    old = {"text/plain": "13.5", "image/svg+xml": "<svg>a</svg>", "text/latex": "same"}
    new = {"text/plain": "14.5", "image/svg+xml": "<svg>b</svg>", "text/latex": "same", "text/markdown": "new"}
    assert stale._output_changes(old, new) == ["text/markdown: '' -> 'new'", "text/plain: '13.5' -> '14.5'"]
    assert stale._output_changes({"text/plain": "a"}, {}) == ["text/plain: 'a' -> ''"]  # gone: shown as empty


def test_output_changes_of_a_chart_gained_or_lost_are_spec_changes():
    html = '<div class="axbook-chart"></div><script type="application/json" id="c-spec">{"mark": "bar"}</script>'
    added = stale._output_changes({"text/plain": "x"}, {"text/html": html})
    assert added and all(line.startswith("spec ") for line in added), added


def test_multi_line_text_changes_list_only_changed_lines_without_context():
    assert stale._text_changes("a\nb\nc", "a\nB\nc") == ["-b", "+B"]
    assert stale._text_changes("one line", "two\nlines") == ["-one line", "+two", "+lines"]
    assert stale._text_changes("same", "other") == ["'same' -> 'other'"]


def test_a_stream_without_text_and_a_spec_without_datasets_are_read_as_empty():
    assert stale._bundle({"output_type": "stream", "name": "stdout"}) == {"text/plain": ""}
    assert stale._bundle({"output_type": "display_data"}) == {}
    assert stale._normalise_names({"mark": "bar"}) == {"mark": "bar"}


# -- fonts: the published webfonts hold every character the site shows, and only those ------------------------

NANUM_400 = next(iter(fonts.NANUM.values()))  # Debian's NanumGothic.ttf


def _site(tmp_path, pages: dict[str, str], css: str = "", js: str = ""):
    for name, body in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "_static" / "styles").mkdir(parents=True, exist_ok=True)
    (tmp_path / "_static" / "styles" / "theme.css").write_text(css, encoding="utf-8")
    (tmp_path / "_static" / "theme.js").write_text(js, encoding="utf-8")
    return tmp_path


def test_page_characters_are_every_page_s_text_and_entities_plus_what_a_reader_types(tmp_path):
    site = _site(tmp_path, {"a.html": "<p>중소기업 &#xB300;</p>", "sub/b.html": "<b>₩</b>"})
    chars = fonts.page_characters(site)
    assert {"중", "소", "기", "업", "대", "₩", "<", "&"} <= chars  # 대 only as an entity in a.html; ₩ only in sub/
    assert {chr(c) for c in range(0x20, 0x7F)} <= chars
    assert "가" not in chars and "\n" not in chars


CATALOGUE = ('.fa-magnifying-glass:before,.fa-search:before{content:"\\f002"}'
             '.fa-sun:before{content:"\\f185"}.fa-moon:before{content:"\\f186"}.fa-e-rule:before{content:"\\e521"}')


def test_icons_kept_are_the_named_catalogue_icons_and_those_the_css_names_directly(tmp_path):
    css = CATALOGUE + ':root{--pst-icon-bell:"\uf0f3"}.onthispage:after{content:"\\f107";font-family:x}'
    site = _site(tmp_path, {"a.html": '<i class="fa-solid fa-search"></i>'}, css=css, js='icon.classList.add("fa-sun")')
    assert fonts.icon_codepoints(site) == {0xF002, 0xF185, 0xF0F3, 0xF107}  # not the moon, not \e521: never named
    (site / "_static" / "minified.js").write_bytes(b'"\xff\xfe not UTF-8" + "fa-moon"')  # a theme script's odd bytes
    assert fonts.icon_codepoints(site) == {0xF002, 0xF185, 0xF0F3, 0xF107, 0xF186}


def test_a_subset_holds_exactly_the_asked_characters_the_font_has_and_is_the_same_bytes_each_time(tmp_path):
    wanted = {ord(c) for c in "중소기업 SME"} | {0x1F600}  # an emoji the font lacks is simply left out
    first, second = tmp_path / "first.woff2", tmp_path / "second.woff2"
    fonts.subset_font(NANUM_400, first, wanted, tmp_path / "cache")
    fonts.subset_font(NANUM_400, second, wanted, tmp_path / "other-cache")
    assert first.read_bytes() == second.read_bytes()
    assert set(TTFont(first).getBestCmap()) == wanted - {0x1F600}
    assert first.stat().st_size < NANUM_400.stat().st_size / 20
    assert first.read_bytes()[:4] == b"wOF2"  # published as woff2 (the source is TrueType)
    # every name record kept: the OFL asks that the licence (name IDs 13-14) travels with the font
    names = {(n.nameID, n.toUnicode()) for n in TTFont(first)["name"].names}
    assert names == {(n.nameID, n.toUnicode()) for n in TTFont(NANUM_400)["name"].names} and any(i == 14 for i, _ in names)


def test_a_subset_is_always_cut_from_the_vendored_font_and_cached_by_its_characters(tmp_path):
    target, cache = tmp_path / "published.woff2", tmp_path / "build" / "cache"  # made with its parents
    fonts.subset_font(NANUM_400, target, {ord("A")}, cache)
    fonts.subset_font(NANUM_400, target, {ord("A"), ord("가")}, cache)  # a new character finds its glyph
    assert set(TTFont(target).getBestCmap()) == {ord("A"), ord("가")}
    assert len(list(cache.iterdir())) == 2
    cached = next(p for p in cache.iterdir() if p.stat().st_size == target.stat().st_size)
    cached.write_bytes(b"kept")  # the same characters again: the cached file is used, not recomputed
    fonts.subset_font(NANUM_400, target, {ord("가"), ord("A")}, cache)
    assert target.read_bytes() == b"kept"


# -- downloads: every chart's data and drawing, linked under it ------------------------------------------------


def test_a_chart_csv_holds_every_row_of_every_table_columns_in_order_of_first_appearance():
    spec = {"datasets": {"data-a": [{"x": 1, "name": 'a "quoted", name'}, {"x": 2}], "data-b": [{"y": "중소기업"}]}}
    assert downloads.chart_csv(spec) == ('table,x,name,y\n1,1,"a ""quoted"", name",\n1,2,,\n2,,,중소기업\n')
    assert downloads.chart_csv({"datasets": {"only": [{"b": 1, "a": 2}]}}) == "b,a\n1,2\n"  # one table: no column
    assert downloads.chart_csv({"mark": "text"}) == "\n"  # a chart with no inline data: an empty table


def _chart_body(spec: dict, figure: str | None = "fig-x") -> str:
    chart = render.to_html(spec, render.to_svg(spec))
    out = f'<div class="output text_html">{chart}</div>'
    return f'<figure class="align-default" id="{figure}">\n{out}</figure>' if figure else out


def _bars(description: str) -> dict:
    return charts.figure(alt.Chart(pd.DataFrame({"v": [1, 2]})).mark_bar().encode(x="v:Q"), title="T",
                         subtitle="S", source="Source: x", description=description).to_dict()


def test_downloads_are_written_and_linked_under_each_chart_named_after_its_figure(tmp_path):
    spec, other = _bars("Two bars."), _bars("Two other bars.")
    body = "<p>before</p>" + _chart_body(spec) + "<p>between</p>" + _chart_body(other, figure=None) + "<p>after</p>"
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
    spec, other = _bars("Two bars."), _bars('Two <other> & "bars".')
    body = "<p>before</p>" + _chart_body(spec) + "<p>between</p>" + _chart_body(other, figure=None) + "<p>after</p>"
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
    assert 'data-spec="_charts/intro/fig-x.vg.json"' in downloads.lighten(_chart_body(spec), "intro", tmp_path, cache)
    assert downloads.lighten("<p>no chart</p>", "intro", tmp_path, cache) == "<p>no chart</p>"


def test_the_site_s_charts_are_compiled_to_vega_with_the_vega_lite_version_of_their_schema(monkeypatch):
    spec = _bars('Two "bars" <b>: 중소기업.')
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
    spec = _bars("Two bars.")
    sizeless = _chart_body(spec).replace(render.to_svg(spec), "<svg></svg>")
    with pytest.raises(ValueError, match=f"^chart {render.chart_id(spec)}'s static SVG has no width and height$"):
        downloads.lighten(_chart_body(_bars("First.")) + sizeless, "intro", tmp_path, tmp_path / "cache")


def test_the_fonts_hold_the_characters_of_the_chart_specs_the_pages_fetch(tmp_path):
    site = _site(tmp_path, {"a.html": "<p>a</p>"})
    (site / "_charts" / "a").mkdir(parents=True)
    (site / "_charts" / "a" / "fig.vg.json").write_text('{"title": "중소기업"}', encoding="utf-8")
    (site / "_charts" / "a" / "fig.csv").write_text("대기업", encoding="utf-8")  # a download: no page shows it
    chars = fonts.page_characters(site)
    assert {"중", "소", "기", "업"} <= chars and "대" not in chars


def test_a_chart_without_its_static_svg_in_the_page_is_an_error_naming_it():
    body = '<div class="axbook-chart" id="axbook-chart-0123456789ab"><div class="axbook-chart-static">no svg</div>'
    with pytest.raises(ValueError, match="^chart axbook-chart-0123456789ab has no static SVG in the page$"):
        downloads.static_svg_of(body, "axbook-chart-0123456789ab")


def test_pruning_the_font_cache_keeps_exactly_the_subsets_used(tmp_path):
    kept, old = tmp_path / "kept.woff2", tmp_path / "old.woff2"
    kept.write_bytes(b"1")
    old.write_bytes(b"2")
    fonts.prune(tmp_path, {kept})
    assert list(tmp_path.iterdir()) == [kept]


def test_a_chart_without_its_spec_in_the_page_is_an_error_naming_it():
    with pytest.raises(ValueError, match="chart axbook-chart-0123456789ab has no spec in the page"):
        downloads.spec_of('<div class="axbook-chart" id="axbook-chart-0123456789ab">', "axbook-chart-0123456789ab")


def test_the_font_jobs_cover_the_pages_and_the_text_still_to_be_added(tmp_path):
    site = _site(tmp_path / "site", {"a.html": '<p>중소기업</p><i class="fa-solid fa-search"></i>'}, css=CATALOGUE)
    theme_static = tmp_path / "theme"
    jobs = fonts.subset_jobs(site, theme_static, added="Download · 대")
    assert [(source, target) for source, target, _ in jobs] == [
        *((source, site / name) for name, source in fonts.NANUM.items()),
        (theme_static / fonts.ICONS.removeprefix("_static/"), site / fonts.ICONS)]
    assert {ord(c) for c in "중소기업·대D"} <= jobs[0][2] == jobs[1][2]
    assert jobs[2][2] == {0xF002}
    # nothing is added when nothing is asked for: the pages' characters alone
    assert fonts.subset_jobs(site, theme_static)[0][2] == {ord(c) for c in fonts.page_characters(site)}


def test_site_downloads_are_added_to_every_page_with_a_chart_and_stale_cache_entries_dropped(tmp_path):
    spec = charts.figure(alt.Chart(pd.DataFrame({"v": [1, 2]})).mark_bar().encode(x="v:Q"), title="T",
                         subtitle="S", source="Source: x", description="Two bars.").to_dict()
    site, cache = tmp_path / "site", tmp_path / "cache"
    (site / "chapters").mkdir(parents=True)
    (site / "chapters" / "one.html").write_text("<main>" + _chart_body(spec) + "</main>", encoding="utf-8")
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
    (site / "chapters" / "one.html").write_text("<main>" + _chart_body(spec) + "</main>", encoding="utf-8")  # rebuilt
    downloads.add_to_site(site, cache, run=run)
    assert calls == [1, 0]  # cached: nothing drawn again
    assert (site / "chapters" / "one.html").read_text(encoding="utf-8") == sent


def test_the_build_stops_before_sphinx_without_the_font_charts_are_drawn_in(tmp_path, monkeypatch, capsys):
    from axbook import build

    monkeypatch.setattr(build, "NANUM_TTF", {400: tmp_path / "NanumGothic.ttf"})
    assert build.build(site=tmp_path / "html", stage=tmp_path / "stage") == 1
    assert "fonts-nanum" in capsys.readouterr().err and not (tmp_path / "stage").exists()


# -- sharing: Open Graph and Twitter tags, the sitemap (axbook/sharing.py) ------------------------------------------

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
    first, second = _bars('Two <b> & "bars".'), _bars("Other.")
    body = "<p>x</p>" + _chart_body(first) + _chart_body(second, figure="fig-y")
    width, height = (int(v) for v in re.search(r'<svg[^>]* width="(\d+)" height="(\d+)"', render.to_svg(first)).groups())
    assert sharing.first_chart(body, "chapters/01-x") == {
        "path": "_charts/chapters-01-x/fig-x.png", "width": 2 * width, "height": 2 * height, "alt": 'Two <b> & "bars".'}
    assert sharing.first_chart("<p>no chart</p>", "intro") is None
    icon = '<svg width="9" height="9"></svg>'  # an SVG before the chart is not its size
    unnamed = sharing.first_chart(icon + _chart_body(first, figure=None), "intro")
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


def test_the_build_shows_the_error_that_stopped_sphinx_not_only_where_its_log_is():
    from axbook import build

    shown = build._shown_line("sphinx.errors.ConfigError: _config.yml html.baseurl: 'x' is not the site's public address")
    assert shown == "  sphinx.errors.ConfigError: _config.yml html.baseurl: 'x' is not the site's public address"
    assert build._shown_line("\x1b[91mValueError: chart x has no spec in the page\x1b[0m") == (
        "  ValueError: chart x has no spec in the page")
    assert build._shown_line("  File \"x.py\", line 3, in f") is None
    assert build._shown_line("reading sources... [ 50%] chapters/01") is None
    assert build._shown_line("Errors: none") is None  # not an exception's line


def test_every_page_s_head_gets_its_sharing_tags_after_the_theme_s_own(tmp_path):
    from types import SimpleNamespace

    from docutils import nodes

    spec = _bars("Two bars.")
    app = SimpleNamespace(env=SimpleNamespace(titles={"chapters/1": nodes.title(text="The gap")}),
                          config=SimpleNamespace(html_title="The book", root_doc="intro",
                                                 html_baseurl="https://e.org/b"))
    context = {"metatags": '<meta name="x" content="y" />', "body": _chart_body(spec)}
    sharing.add_tags(app, "chapters/1", "page.html", context, _doctree("T\n=\n\nFirst words."))
    image = sharing.first_chart(_chart_body(spec), "chapters/1")
    assert context["metatags"] == '<meta name="x" content="y" />\n' + sharing.meta_tags(
        "The gap", "First words.", "The book", "chapters/1", root="intro", site="https://e.org/b/", image=image)
    assert '"https://e.org/b/_charts/chapters-1/fig-x.png"' in context["metatags"]
    untouched = {"metatags": "", "body": ""}
    sharing.add_tags(app, "genindex", "genindex.html", untouched, None)  # not a page of the book
    assert untouched == {"metatags": "", "body": ""}
    app.config.html_baseurl = "example.org"
    with pytest.raises(ConfigError):
        sharing.add_tags(app, "chapters/1", "page.html", {"body": ""}, _doctree("T\n=\n\nx"))
