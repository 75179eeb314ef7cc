"""The one chart theme: colours legible in light and dark (WCAG, computed), one font, one type scale, one chart box."""

import re

import altair as alt
import pytest

from axbook.figures import theme
from axbook.paths import ROOT

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


# -- the theme's tokens: a valid Vega-Lite config, one type scale, one chart size --------------------

def test_the_theme_is_a_config_vega_lite_accepts():
    """Vega ignores a key it does not know; the schema refuses it, so a misspelt setting cannot pass silently."""

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


def test_theme_uses_okabe_ito_and_a_hangul_font(chart):
    spec = chart.to_dict()
    assert spec["config"]["range"]["category"][:3] == ["#0072B2", "#D55E00", "#009E73"]
    assert spec["config"]["font"].startswith(theme.FONT)
    assert spec["config"]["background"] == "#ffffff"
