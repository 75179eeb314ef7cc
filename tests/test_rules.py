"""Rules the book relies on, each stated as a test (not only frozen in a notebook's stored outputs).

A bug that changes a chart or a page would also change a chapter's outputs, but `make regen` after an
intended edit would approve it as the new reference. These tests say what the code must do, so such a
mutation fails here whatever the stored outputs say (`make mutate` measures how many do).
"""

import html.parser
import re

import pandas as pd
import pytest

from axbook import ai_gap, charts, data, datapage, frontpage, ledgers, render, text, theme
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
