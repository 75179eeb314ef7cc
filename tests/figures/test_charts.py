"""Rules of the chart builders the chapters call (axbook/figures/charts.py), stated on small data made for the purpose.

The chapters' stored outputs freeze each chart, but `make regen` after an intended edit would approve a broken
builder as the new reference. Here each builder's promises are read from its spec (order, scales, filters,
sizes, tooltips) and, where the browser computes a value, from the SVG Vega draws (vl-convert, offline).
"""

import json
import re
from xml.etree import ElementTree

import altair as alt
import pandas as pd
import pytest
import vl_convert

from axbook.articles import ai_gap
from axbook.data import tables
from axbook.figures import charts, render, theme

BLUE, SKY, VERMILLION, ORANGE = (theme.OKABE_ITO[k] for k in ("blue", "sky_blue", "vermillion", "orange"))


def drawn_text(chart) -> list[str]:
    """The text marks Vega draws for ``chart``, in order (axis labels and titles included)."""
    svg = render.to_svg(chart.to_dict())
    return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)]


def text_heights(chart) -> dict[str, float]:
    """Each drawn text and how far down the SVG it sits (its nested translates summed)."""
    found = {}

    def walk(element, y):
        moved = re.search(r"translate\(([-\d.]+),\s*([-\d.]+)\)", element.get("transform", ""))
        y += float(moved.group(2)) if moved else 0
        if element.tag.endswith("}text"):
            found.setdefault("".join(element.itertext()), y)
        for child in element:
            walk(child, y)

    walk(ElementTree.fromstring(render.to_svg(chart.to_dict())), 0.0)
    return found


def tooltip_titles(encoding: dict) -> list[tuple[str, str]]:
    return [(t["field"], t.get("title")) for t in encoding["tooltip"]]


# --- cumulative_ramp: the reader's growth rate, summed in the browser; the printed total as a line ---

RAMP = pd.DataFrame({"year": [2026, 2027, 2028, 2029], "k": [0, 1, 2, 3], "first_bn": [100.0] * 4})


def ramp(growth_pct: float, target: float = 2000):
    return charts.cumulative_ramp(RAMP, growth_pct=growth_pct, target=target, target_text="printed total",
                                  y_title="Cumulative (KRW bn)")


@pytest.mark.parametrize(("growth_pct", "total"), [(0, "₩400bn"), (10, "₩464bn"), (100, "₩1,500bn")])
def test_the_ramp_labels_the_last_year_with_the_sum_at_the_chosen_growth(growth_pct, total):
    # 100 a year flat; 100, 110, 121, 133.1 at 10%; 100, 200, 400, 800 at 100%
    texts = drawn_text(ramp(growth_pct))
    assert total in texts and "printed total" in texts
    assert [t for t in texts if t.startswith("₩") and t.endswith("bn")] == [total]  # one running total: the last


def test_the_ramp_slider_starts_at_the_rate_given_and_spans_zero_to_three_hundred():
    spec = ramp(37.46).to_dict()
    (growth,) = spec["params"]
    assert growth["name"] == "growth_pct" and growth["value"] == 37.5
    assert growth["bind"] == {"input": "range", "min": 0, "max": 300, "step": 1, "name": "Yearly growth (%) "}


def test_the_ramp_shares_one_clamped_scale_from_zero_to_half_again_the_target():
    chart = ramp(10, target=2000)
    spec = chart.to_dict()
    scales = [layer["encoding"]["y"]["scale"] for layer in spec["layer"]]
    assert scales == [{"domain": [0, 3000], "clamp": True}] * 5
    assert {layer["encoding"]["y"]["title"] for layer in spec["layer"]} == {"Cumulative (KRW bn)"}
    bars, line, last, target_line, target_label = chart.layer
    assert [layer["encoding"]["y"]["field"] for layer in spec["layer"]] == ["supply", "total", "total", "target",
                                                                            "target"]
    assert list(target_line.data["target"]) == [2000] and list(target_label.data["text"]) == ["printed total"]
    assert last.transform[-1].filter == "datum.k == 3"  # the label sits on the last year only
    assert (bars.mark.color, line.mark.color, target_line.mark.color) == (SKY, BLUE, VERMILLION)
    assert target_line.mark.strokeDash == [6, 4] and last.mark.color == theme.INK
    assert tooltip_titles(spec["layer"][0]["encoding"]) == [("year", "Year"), ("supply_text", "Supplied that year"),
                                                           ("total_text", "Cumulative")]
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 90, 260)
    assert charts.cumulative_ramp(RAMP, growth_pct=0, target=0, target_text="t", y_title="y").to_dict()[
        "layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, 1]  # a zero target still has a scale


# --- projection: observed points, and a path to the year and by the method the reader picks ---

PROJECTED = pd.DataFrame({
    "group": ["A"] * 6,
    "year": [2022, 2023, 2024, 2025, 2024, 2025],
    "value": [10.0, 12.0, 14.04, 16.0, 14.4, 17.28],
    "observed": [True, True, False, False, False, False],
    "method": ["linear", "linear", "linear", "linear", "compound", "compound"],
})


def projection(horizon=2025):
    return charts.projection(PROJECTED, label="group", horizon=horizon, first_future=2024)


def test_the_projection_labels_only_the_chosen_method_at_the_chosen_year():
    texts = drawn_text(projection())
    assert "16.0%" in texts and "17.3%" not in texts and "14.0%" not in texts  # linear at 2025, value to 0.1


def test_the_projection_controls_start_at_the_horizon_and_the_linear_method():
    spec = projection(horizon=2030).to_dict()
    end, method = spec["params"]
    assert end["name"] == "end_year" and end["value"] == 2030
    assert end["bind"] == {"input": "range", "min": 2024, "max": 2030, "step": 1, "name": "Project to year "}
    assert method["name"] == "method" and method["value"] == "linear"
    assert method["bind"] == {"input": "radio", "options": ["linear", "compound"],
                              "labels": ["same pp rise per year", "same growth rate per year"], "name": "Assumption "}
    # a horizon at the first future year still leaves the slider a step to move
    assert projection(horizon=2024).to_dict()["params"][0]["bind"]["max"] == 2025


def test_the_projection_draws_observed_solid_and_projected_dashed_on_a_zero_to_hundred_scale():
    chart = projection()
    spec = chart.to_dict()
    seen, points, path, last = chart.layer
    observed = "datum.observed && datum.method == 'linear'"
    assert seen.transform[0].filter == observed and points.transform[0].filter == observed
    assert [str(layer["mark"].get("type")) for layer in spec["layer"]] == ["line", "point", "line", "text"]
    assert "strokeDash" not in str(spec["layer"][0]["mark"])  # what was seen is drawn solid
    assert path.mark.strokeDash == [5, 4] and points.mark.filled is True
    assert path.transform[0].filter == "datum.method == method && datum.year <= end_year && datum.year >= 2023"
    assert last.transform[0].filter == "datum.method == method && datum.year == end_year"
    for layer in spec["layer"]:
        assert layer["encoding"]["y"]["scale"] == {"domain": [0, 100]}
        assert layer["encoding"]["x"]["scale"] == {"domain": [2022, 2025]}
    assert tooltip_titles(spec["layer"][0]["encoding"]) == [("group", "Group"), ("year", "Year"),
                                                           ("value_label", "AI use"), ("assumption", "Assumption")]
    # the tooltip names the assumption in the words of the radio buttons, not by the data's id for it
    rows = [row for values in spec["datasets"].values() for row in values]
    assert {(r["method"], r["assumption"]) for r in rows} == {("linear", "same pp rise per year"),
                                                           ("compound", "same growth rate per year")}
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 80, 280)


# --- facet_slopes: one panel per facet, start labels that never collide ---

SLOPES = pd.DataFrame({
    "panel": ["P", "P", "P", "P", "Q", "Q", "Q", "Q"],
    "group": ["Large firms", "Large firms", "SMEs", "SMEs", "Seoul area", "Seoul area", "Other regions",
              "Other regions"],
    "year": [2017, 2023] * 4,
    "value": [1.0, 13.5, 0.25, 4.5, 5.0, 6.0, 5.5, 7.0],
    "value_printed": ["1.0", "13.5", "0.25", "4.5", "5.0", "6.0", "5.5", "7.0"],
})


def test_facet_slopes_put_each_panels_higher_start_label_above_and_the_other_below():
    chart = charts.facet_slopes(SLOPES, label="group", facet="panel")
    shown = chart.data
    above = shown[shown["start_above"]]
    assert sorted(zip(above["group"], above["year"], strict=True)) == [("Large firms", 2017), ("Other regions", 2017)]
    assert shown["start_above"].sum() == 2  # first year only, one per panel
    filters = [layer.transform[0].filter for layer in chart.spec.layer[2:]]
    assert filters == ["datum.year == 2023", "datum.year == 2017 && datum.start_above",
                       "datum.year == 2017 && !datum.start_above", "datum.year == 2023 && datum.name_lines == 1"]
    end, start_above, start_below, names = chart.spec.layer[2:]
    assert (start_above.mark.dy, start_below.mark.dy) == (-7, 8)  # above the point, below it
    assert (end.mark.align, start_above.mark.align, names.mark.align) == ("left", "right", "left")
    assert names.mark.lineBreak == "\n"


def test_facet_slopes_wrap_long_names_and_keep_the_panels_in_the_order_given():
    shown = charts.facet_slopes(SLOPES.assign(group="Manufacturing firms of every size"), label="group",
                                facet="panel").data
    assert set(shown["name_wrapped"]) == {"\n".join(charts.wrap("Manufacturing firms of every size", 16))}
    assert all(charts.text_width(line) <= 16 for line in shown["name_wrapped"][0].split("\n"))
    spec = charts.facet_slopes(SLOPES.iloc[::-1], label="group", facet="panel", facet_title="By").to_dict()
    assert spec["facet"]["column"]["sort"] == ["Q", "P"] and spec["facet"]["column"]["title"] == "By"
    assert spec["facet"]["column"]["header"] == {"labelFontWeight": 700}
    assert spec["resolve"] == {"scale": {"y": "shared"}}
    assert (spec["spec"]["width"], spec["spec"]["height"]) == (110, 220)
    assert spec["spec"]["layer"][0]["encoding"]["y"]["title"] == "AI use rate (%)"
    assert tooltip_titles(spec["spec"]["layer"][0]["encoding"]) == [("group", "Group"), ("year", "Year"),
                                                                   ("value_printed", "AI use (%) as printed")]


# --- survey_dots: a panel per survey, never a line across surveys ---

def test_survey_dots_draw_points_only_one_panel_per_survey_in_the_order_given():
    frame = pd.DataFrame({"survey_label": ["Survey B", "Survey A", "Survey B"], "group": ["all", "SMEs", "large"],
                          "year": [2024, 2023, 2024], "value": [30.0, 5.0, 48.0],
                          "value_printed": ["30", "5", "48"], "primary_label": ["x", "y", "x"]})
    chart = charts.survey_dots(frame, survey_label="survey_label")
    spec = chart.to_dict()
    assert [layer.mark.type for layer in chart.spec.layer] == ["point"]  # no line joins different surveys
    assert chart.spec.layer[0].mark.filled is True
    row = spec["facet"]["row"]
    assert row["field"] == "survey_label" and row["sort"] == ["Survey B", "Survey A"]
    assert spec["resolve"] == {"scale": {"y": "independent"}}  # each survey lists only its own groups
    encoding = spec["spec"]["layer"][0]["encoding"]
    assert encoding["x"]["scale"] == {"domain": [0, 70]} and encoding["x"]["title"] == "Firms using AI (%)"
    assert encoding["y"] == {"field": "group", "type": "nominal", "title": None, "sort": None,
                             "axis": {"labelLimit": 200}}
    assert encoding["color"] == {"value": BLUE}
    assert tooltip_titles(encoding) == [("survey_label", "Survey"), ("group", "Group"), ("year", "Year"),
                                        ("value_printed", "% as printed"), ("primary_label", "Source")]


# --- calendar: month grids, each day coloured by what it is ---

def test_the_calendar_colours_each_kind_from_one_palette_its_legend_in_the_order_of_the_days():
    days = pd.DataFrame({"month": ["May 2026"] * 3 + ["June 2026"] * 2, "week": [0, 0, 1, 0, 0],
                         "weekday": [0, 1, 2, 3, 4], "day": [18, 19, 27, 1, 2], "label": ["18 May"] * 5,
                         "kind": ["other days", "the page's news day", "opens", "application window", "closes"]})
    chart = charts.calendar(days)
    spec = chart.to_dict()
    cells, corners, numbers = spec["spec"]["layer"]
    scale = cells["encoding"]["color"]["scale"]
    assert scale == {"domain": ["the page's news day", "opens", "application window", "closes", "other days"],
                     "range": list(charts.CALENDAR_COLOURS.values())}
    assert not set(charts.CALENDAR_COLOURS.values()) & set(charts.KIND_COLOURS.values())  # no colour means two things
    # Colour is not the only cue: each marked kind has a shape in the cell's corner, and the legend shows both
    # (the same domain merges the two legends; other days are unmarked and left out of it).
    shape = corners["encoding"]["shape"]
    assert shape["scale"] == {"domain": scale["domain"],
                              "range": ["diamond", "triangle-right", "circle", "square", "circle"]}
    marked = ["the page's news day", "opens", "application window", "closes"]
    assert shape["legend"]["values"] == cells["encoding"]["color"]["legend"]["values"] == marked
    assert corners["transform"] == [{"filter": {"field": "kind", "oneOf": marked}}]
    svg = render.to_svg(chart.to_dict())
    assert svg.count('mark-group role-legend"') == 1
    assert re.findall(r'role-legend-label.*?<text[^>]*>([^<]*)</text>', svg) == marked
    corner_groups = re.findall(r'class="mark-symbol role-mark [^"]*"[^>]*>(.*?)</g>', svg)
    assert sum(group.count("<path") for group in corner_groups) == 4  # one shape per marked day, none on other days
    assert charts.calendar(days.iloc[1:]).to_dict()["spec"]["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "the page's news day", "opens", "application window", "closes"]  # only the kinds there are
    assert cells["encoding"]["color"]["sort"] == scale["domain"]
    assert cells["mark"]["type"] == "rect" and numbers["encoding"]["text"]["field"] == "day"
    assert spec["facet"]["column"]["sort"] == ["May 2026", "June 2026"]  # months in calendar order, as given
    x = cells["encoding"]["x"]
    assert x["sort"] == list(range(7)) and x["field"] == "weekday"
    assert x["axis"]["labelExpr"] == "['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][datum.value]"
    assert cells["encoding"]["y"]["axis"] is None and spec["resolve"] == {"scale": {"y": "independent"}}
    assert [t["field"] for t in cells["encoding"]["tooltip"]] == ["label", "kind"]
    assert (spec["spec"]["width"], spec["spec"]["height"]) == (200, 150)


# --- interval_dots and labelled bars: figures with their kind, in the order given ---

FIGURES = pd.DataFrame({"label": ["Deal B|as printed", "Deal A|as printed"], "usd_m": [70.0, 300.0],
                        "low": [60.0, 250.0], "high": [80.0, 350.0], "text": ["$70m", "$300m"],
                        "kind": [charts.PRINTED, charts.COMPUTED]})


def test_interval_dots_draw_the_interval_from_low_to_high_on_the_given_domain_in_the_order_given():
    chart = charts.interval_dots(FIGURES, label="label", value="usd_m", low="low", high="high", text="text",
                                 kinds=list(FIGURES["kind"]), x_title="US$ m", domain=(0, 400), tooltip=["label"])
    spec = chart.to_dict()
    interval, dots, labels = spec["layer"]
    assert (interval["mark"]["type"], dots["mark"]["type"], labels["mark"]["type"]) == ("rule", "point", "text")
    assert interval["encoding"]["x"]["field"] == "low" and interval["encoding"]["x2"]["field"] == "high"
    assert dots["encoding"]["x"]["field"] == labels["encoding"]["x"]["field"] == "usd_m"
    for layer in spec["layer"]:
        assert layer["encoding"]["y"]["sort"] == ["Deal B|as printed", "Deal A|as printed"]
        assert layer["encoding"]["x"]["scale"] == {"domain": [0, 400]}
    assert dots["encoding"]["color"]["scale"] == {"domain": [charts.PRINTED, charts.COMPUTED], "range": [BLUE, SKY]}
    assert dots["encoding"]["shape"]["field"] == "kind"  # the kind is told by shape too, not colour alone
    assert labels["encoding"]["text"]["field"] == "text" and labels["mark"]["dy"] == -14
    assert spec["height"] == 70 * 2 and spec["width"] == charts.WIDTH - 250


def test_two_line_labels_split_at_the_bar():
    y = charts._two_line_y("label").to_dict()
    assert y["axis"]["labelExpr"] == "split(datum.label, '|')" and y["sort"] is None


# --- unit_panels and measure_panels: like compared with like ---

UNITS = pd.DataFrame({"measure": ["₩ bn", "₩ bn", "companies", "₩ bn"], "label": ["b", "a", "c", "d"],
                      "amount": [10.0, 20.0, 15.0, 5.0], "text": ["10", "20", "15", "5"],
                      "kind": [charts.PRINTED, charts.PRINTED, charts.PRINTED, charts.COMPUTED]})


def test_unit_panels_give_each_unit_its_own_panel_data_and_order():
    chart = charts.unit_panels(UNITS, label="label", value="amount", text="text", kinds=list(UNITS["kind"]),
                               tooltip=["label"])
    spec = chart.to_dict()
    assert [panel.title.text for panel in chart.vconcat] == ["₩ bn", "companies"]  # first appearance order
    rows = [spec["datasets"][panel["data"]["name"]] for panel in spec["vconcat"]]
    assert [[r["label"] for r in panel] for panel in rows] == [["b", "a", "d"], ["c"]]  # each only its own
    assert [panel["layer"][0]["encoding"]["y"]["sort"] for panel in spec["vconcat"]] == [["b", "a", "d"], ["c"]]
    first = spec["vconcat"][0]
    assert first["layer"][0]["encoding"]["y"]["sort"] == ["b", "a", "d"]
    assert first["layer"][0]["encoding"]["color"]["legend"]["orient"] == "bottom"
    assert first["layer"][1]["encoding"]["text"]["field"] == "text"
    assert first["height"] == {"step": 34} and first["width"] == charts.WIDTH - 330
    assert spec["spacing"] == 18


def test_measure_panels_give_each_measure_its_own_x_scale():
    chart = charts.measure_panels(UNITS, y="label", y_sort=["a", "b", "c", "d"], color=alt.value(BLUE), tooltip=[],
                                  width=150, height=90)
    spec = chart.to_dict()
    assert spec["resolve"] == {"scale": {"x": "independent"}} and spec["facet"]["column"]["field"] == "measure"
    bars, labels = spec["spec"]["layer"]
    assert bars["encoding"]["y"]["sort"] == ["a", "b", "c", "d"] and bars["encoding"]["x"]["field"] == "amount"
    assert labels["encoding"]["text"]["field"] == "text" and labels["mark"]["align"] == "left"
    assert (spec["spec"]["width"], spec["spec"]["height"]) == (150, 90)
    assert "yOffset" not in bars["encoding"]
    offset = charts.measure_panels(UNITS, y="label", y_sort=[], color=alt.value(BLUE), tooltip=[], width=1, height=1,
                                   y_offset="kind:N").to_dict()
    assert offset["spec"]["layer"][0]["encoding"]["yOffset"] == {"field": "kind", "type": "nominal"}


# --- what each builder draws: every label read from the SVG (a misspelt field draws nothing, or 'undefined') ---

def drawn(chart) -> str:
    texts = drawn_text(chart)
    assert not any("undefined" in t or "NaN" in t for t in texts), texts
    return "\n".join(texts)


def test_facet_slopes_draw_both_years_every_value_and_every_name():
    shown = drawn(charts.facet_slopes(SLOPES, label="group", facet="panel", facet_title="By"))
    for text in ("2017", "2023", "AI use rate (%)", "P", "Q", *SLOPES["value_printed"], "Large firms", "SMEs",
                 "Seoul area", "Other regions"):
        assert text in shown, text


def test_survey_dots_draw_each_survey_its_groups_and_the_axis_title():
    frame = pd.DataFrame({"survey_label": ["Survey B", "Survey A"], "group": ["all firms", "SMEs"],
                          "year": [2024, 2023], "value": [30.0, 5.0], "value_printed": ["30", "5"],
                          "primary_label": ["x", "y"]})
    shown = drawn(charts.survey_dots(frame, survey_label="survey_label"))
    for text in ("Survey B", "Survey A", "all firms", "SMEs", "Firms using AI (%)", "70"):
        assert text in shown, text


def test_the_calendar_draws_weekdays_day_numbers_months_and_kinds():
    days = pd.DataFrame({"month": ["May 2026", "May 2026", "June 2026"], "week": [0, 1, 0], "weekday": [0, 6, 2],
                         "day": [18, 31, 3], "label": ["18 May", "31 May", "3 Jun"],
                         "kind": ["the page's news day", "opens", "closes"]})
    shown = drawn(charts.calendar(days))
    for text in ("Mon", "Sun", "18", "31", "3", "May 2026", "June 2026", "the page's news day", "opens", "closes"):
        assert text in shown, text


def test_interval_dots_draw_the_two_line_labels_values_and_kinds():
    chart = charts.interval_dots(FIGURES, label="label", value="usd_m", low="low", high="high", text="text",
                                 kinds=list(FIGURES["kind"]), x_title="US$ m", domain=(0, 400), tooltip=["label"])
    shown = drawn(chart)
    for text in ("Deal B", "Deal A", "as printed", "$70m", "$300m", "US$ m", charts.PRINTED, charts.COMPUTED):
        assert text in shown, text
    assert "Deal B|as printed" not in shown  # split at the bar into two lines


def test_unit_panels_and_measure_panels_draw_their_units_labels_and_values():
    shown = drawn(charts.unit_panels(UNITS, label="label", value="amount", text="text", kinds=list(UNITS["kind"]),
                                     tooltip=["label"]))
    for text in ("₩ bn", "companies", "a", "b", "c", "d", "10", "20", "15", "5", charts.PRINTED, charts.COMPUTED):
        assert text in shown, text
    measured = drawn(charts.measure_panels(UNITS, y="label", y_sort=["a", "b", "c", "d"], color=alt.value(BLUE),
                                           tooltip=[], width=150, height=90))
    for text in ("₩ bn", "companies", "a", "d", "20", "15"):
        assert text in measured, text


def test_the_projection_and_the_ramp_draw_their_axes_and_legend():
    shown = drawn(projection())
    for text in ("2022", "2025", "AI use rate (%)", "A", "100"):
        assert text in shown, text
    ramp_text = drawn(ramp(10))
    for text in ("2026", "2029", "Cumulative (KRW bn)", "printed total", "3,000"):
        assert text in ramp_text, text



def test_a_figure_draws_its_title_then_its_legend_then_the_chart_then_its_source():
    frame = pd.DataFrame({"group": ["Large firms", "SMEs"], "rate": [13.5, 4.5], "kind": ["printed", "computed"]})
    chart = alt.Chart(frame).mark_bar().encode(x=alt.X("rate:Q", title="Rate"), y=alt.Y("group:N", title=None),
                                               color=alt.Color("kind:N", legend=alt.Legend(orient="top", title=None)))
    at = text_heights(charts.figure(chart, title="The title", subtitle="A subtitle", source="Source: the page",
                                    description="Two bars."))
    assert at["The title"] < at["A subtitle"] < at["printed"] < at["Large firms"] < at["Rate"] < at["Source: the page"]


# --- every builder: its text on the theme's type scale ---

def _built_by_every_builder() -> dict[str, alt.TopLevelMixin]:
    """Each public builder of axbook.figures.charts on small data; a builder missing here fails the test below."""
    bars_data = pd.DataFrame({"group": ["Large firms", "SMEs"], "value": [13.5, 4.5], "text": ["13.5", "4.5"],
                              "year": [2023, 2023], "value_printed": ["13.5", "4.5"], "order": [0, 1]})
    days = pd.DataFrame({"month": ["May 2026"], "week": [0], "weekday": [0], "day": [18], "label": ["18 May"],
                         "kind": ["opens"]})
    return {
        "slope": charts.slope(SLOPES[SLOPES["panel"] == "P"], label="group"),
        "facet_slopes": charts.facet_slopes(SLOPES, label="group", facet="panel"),
        "bars": charts.bars(bars_data, x="value", y="group", x_title="v", text="text"),
        "measure_panels": charts.measure_panels(UNITS, y="label", y_sort=[], color=alt.value(BLUE), tooltip=[],
                                                width=150, height=90),
        "composition": charts.composition(bars_data.rename(columns={"group": "label"}), label="label", value="value",
                                          text="text", residual_label="SMEs"),
        "waffle": charts.waffle(30, filled_label="yes", empty_label="no"),
        "projection": projection(),
        "survey_dots": charts.survey_dots(bars_data.assign(survey="S", primary_label="p"), survey_label="survey"),
        "labelled_hbars": charts.labelled_hbars(FIGURES, label="label", value="usd_m", text="text",
                                                kinds=list(FIGURES["kind"]), x_title="US$ m", tooltip=["label"]),
        "interval_dots": charts.interval_dots(FIGURES, label="label", value="usd_m", low="low", high="high",
                                              text="text", kinds=list(FIGURES["kind"]), x_title="US$ m",
                                              domain=(0, 400), tooltip=["label"]),
        "cumulative_ramp": ramp(10),
        "unit_panels": charts.unit_panels(UNITS, label="label", value="amount", text="text",
                                          kinds=list(UNITS["kind"]), tooltip=["label"]),
        "timeline": charts.timeline(_events(), row="article", as_of_label="as of", as_of="2026-06-01",
                                    news_day="2026-05-18"),
        "calendar": charts.calendar(days),
        "flow": charts.flow(pd.DataFrame({"actor": ["Court", "KIBO"], "action": ["Files", "Reviews"]}),
                            actor="actor", action="action"),
    }


def _font_sizes(node) -> list:
    """Every font size a spec sets, at any depth (marks, titles, headers, axes, legends)."""
    if isinstance(node, dict):
        return [v for k, v in node.items() if k.lower().endswith("fontsize")] + [
            size for v in node.values() for size in _font_sizes(v)]
    if isinstance(node, list):
        return [size for v in node for size in _font_sizes(v)]
    return []


def test_every_builder_writes_its_text_on_the_themes_type_scale():
    import inspect

    built = _built_by_every_builder()
    builders = {name for name, f in inspect.getmembers(charts, inspect.isfunction)
                if f.__module__ == charts.__name__ and not name.startswith("_") and "__mutmut" not in name
                and "Chart" in str(inspect.signature(f).return_annotation) and name != "figure"}
    assert set(built) == builders  # a new builder is added above, so the rule covers it (mutmut's copies aside)
    for name, chart in built.items():
        spec = charts.figure(chart, title="T", subtitle="S", source="Source", description="D").to_dict()
        sizes = _font_sizes(spec)
        assert sizes and set(sizes) <= set(theme.TYPE_SCALE), (name, sorted(set(sizes)))


def _marks(node) -> list[dict]:
    """Every mark of a compiled Vega spec, at any depth (groups hold the marks of facets and layers)."""
    if isinstance(node, dict):
        return [m for m in node.get("marks", []) if isinstance(m, dict)] + [
            mark for v in node.values() for mark in _marks(v)]
    if isinstance(node, list):
        return [mark for v in node for mark in _marks(v)]
    return []


def test_a_chart_is_one_image_to_assistive_technology_its_parts_carry_no_aria():
    """The chart's name is its text description (role="img" on the box and the live SVG); its parts are not read
    out, so no mark is given a label and no per-item description expression runs while a chart is drawn."""
    settings = theme.config()["config"]
    assert settings["aria"] is settings["mark"]["aria"] is False
    for name, chart in _built_by_every_builder().items():
        with alt.theme.enable(theme.THEME_NAME):
            spec = charts.figure(chart, title="T", subtitle="S", source="Source", description="D").to_dict()
        vega = vl_convert.vegalite_to_vega(spec, vl_version=render.VL_VERSION)
        drawing = [m for m in _marks(vega) if m["type"] != "group"]
        assert drawing and all(m.get("aria") is False for m in drawing), name
        assert all(g.get("aria") is False for g in vega.get("axes", []) + vega.get("legends", [])), name
        assert '"description"' not in json.dumps([m.get("encode", {}) for m in _marks(vega)]), name
        svg = render.to_svg(spec)
        labelled = re.findall(r'aria-roledescription="([^"]*)"[^>]*aria-label=', svg)
        assert set(labelled) == {"title", "subtitle"}, name  # Vega-Lite keeps the titles' own


# --- slope, bars, waffle, labelled_hbars, composition: what each draws, read from its spec ---

PAIR = SLOPES[SLOPES["panel"] == "P"].drop(columns="panel")


def test_a_slope_joins_each_groups_years_and_writes_the_printed_value_beside_each_point():
    colours = {"Large firms": BLUE, "SMEs": VERMILLION}
    chart = charts.slope(PAIR, label="group", x_title="Year of survey", y_title="Rate (%)", height=200,
                         colours=colours)
    spec = chart.to_dict()
    lines, points, labels = spec["layer"]
    assert (lines["mark"], points["mark"]) == ({"type": "line"}, {"type": "point"})
    assert labels["mark"] == {"type": "text", "align": "left", "dx": theme.POINT_LABEL_GAP}
    assert labels["encoding"]["text"] == {"field": "value_printed", "type": "nominal"}
    for layer in spec["layer"]:
        encoding = layer["encoding"]
        assert encoding["x"] == {"field": "year", "type": "ordinal", "title": "Year of survey",
                                 "axis": {"labelAngle": 0}}
        assert encoding["y"] == {"field": "value", "type": "quantitative", "title": "Rate (%)",
                                 "scale": {"zero": True}}
        assert encoding["color"] == ({"value": theme.INK} if layer is labels else {
            "field": "group", "type": "nominal", "title": None, "legend": {"orient": "top"},
            "scale": {"domain": ["Large firms", "SMEs"], "range": [BLUE, VERMILLION]}})
        assert "detail" not in encoding  # the colour already splits the lines by group
        assert tooltip_titles(encoding) == [("group", "Group"), ("year", "Year"),
                                            ("value_printed", "AI use (%) as printed")]
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 60, 200)
    plain = charts.slope(PAIR, label="group").to_dict()
    x = plain["layer"][0]["encoding"]["x"]
    assert x.get("title") is None and plain["layer"][0]["encoding"]["y"]["title"] == "AI use rate (%)"
    assert "scale" not in plain["layer"][0]["encoding"]["color"] and plain["height"] == 260
    for text in ("2017", "2023", "1.0", "13.5", "0.25", "4.5", "Large firms", "SMEs", "AI use rate (%)"):
        assert text in drawn(charts.slope(PAIR, label="group")), text


BARS = pd.DataFrame({"group": ["Large firms|printed", "SMEs|printed"], "value": [13.5, 4.5], "text": ["13.5", "4.5"],
                     "kind": ["a", "b"]})


def test_bars_write_each_value_after_its_bar_on_a_zero_based_scale():
    spec = charts.bars(BARS, x="value", y="group", x_title="Rate (%)", text="text").to_dict()
    bar, label = spec["layer"]
    assert bar["mark"] == {"type": "bar", "color": BLUE}
    assert label["mark"] == {"type": "text", "align": "left", "dx": theme.BAR_LABEL_GAP}
    assert label["encoding"]["text"] == {"field": "text", "type": "nominal"}
    assert label["encoding"]["color"] == {"value": theme.INK}
    for layer in spec["layer"]:
        encoding = layer["encoding"]
        assert encoding["x"] == {"field": "value", "type": "quantitative", "title": "Rate (%)",
                                 "scale": {"zero": True}}
        assert encoding["y"]["field"] == "group" and encoding["y"]["axis"]["labelExpr"] == "split(datum.label, '|')"
        assert tooltip_titles(encoding) == [("group", None), ("text", "Rate (%)")]
        assert "color" not in encoding or encoding is label["encoding"]
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 260, 40 * 2)
    coloured = charts.bars(BARS, x="value", y="group", x_title="v", text="text", color="kind", tooltip=["group"],
                           height=99, domain=(0, 50)).to_dict()
    bar, label = coloured["layer"]
    assert bar["mark"] == {"type": "bar"} and coloured["height"] == 99
    assert bar["encoding"]["color"] == {"field": "kind", "type": "nominal", "title": None,
                                        "legend": {"orient": "top"}}
    assert bar["encoding"]["x"]["scale"] == {"domain": [0, 50]}
    assert bar["encoding"]["tooltip"] == [{"field": "group", "type": "nominal"}]
    for text in ("Large firms", "SMEs", "printed", "13.5", "4.5", "Rate (%)"):
        assert text in drawn(charts.bars(BARS, x="value", y="group", x_title="Rate (%)", text="text")), text


def test_a_waffle_draws_ten_by_ten_squares_filled_first_with_a_legend_below():
    spec = charts.waffle(30, filled_label="use AI", empty_label="do not").to_dict()
    assert spec["mark"] == {"type": "square", "size": 300, "opacity": 1, "strokeWidth": 1.5}
    encoding = spec["encoding"]
    assert encoding["x"] == {"field": "col", "type": "ordinal", "axis": None}
    assert encoding["y"] == {"field": "row", "type": "ordinal", "axis": None}
    kinds = ["use AI", "do not"]
    legend = {"orient": "bottom", "direction": "vertical", "labelLimit": 400}
    # Filled, or empty and outlined: not told apart by hue alone.
    assert encoding["fill"] == {"field": "kind", "type": "nominal", "title": None, "sort": kinds, "legend": legend,
                                "scale": {"domain": kinds, "range": [VERMILLION, theme.BACKGROUND]}}
    assert encoding["stroke"] == {"field": "kind", "type": "nominal", "title": None, "sort": kinds, "legend": legend,
                                  "scale": {"domain": kinds, "range": [VERMILLION, theme.OUTLINE]}}
    assert theme.contrast(theme.OUTLINE, theme.BACKGROUND) >= 3
    assert theme.contrast(theme.in_dark(theme.OUTLINE), theme.in_dark(theme.BACKGROUND)) >= 3
    svg = render.to_svg(charts.waffle(30, filled_label="use AI", empty_label="do not").to_dict())
    assert svg.count('mark-group role-legend"') == 1  # one legend, its empty symbol outlined as the 70 squares are
    assert svg.count(f'fill="{theme.BACKGROUND}" stroke="{theme.OUTLINE}"') == 70 + 1
    assert encoding["tooltip"] == [{"field": "kind", "type": "nominal", "title": "Group"}]
    assert (spec["width"], spec["height"]) == (220, 220)
    cells = next(iter(spec["datasets"].values()))
    assert [(c["i"], c["row"], c["col"]) for c in cells[:12:11]] == [(0, 0, 0), (11, 1, 1)]
    assert "use AI" in drawn(charts.waffle(30, filled_label="use AI", empty_label="do not"))


def test_labelled_hbars_colour_by_kind_with_room_after_the_longest_bar():
    spec = charts.labelled_hbars(FIGURES, label="label", value="usd_m", text="text", kinds=list(FIGURES["kind"]),
                                 x_title="US$ m", tooltip=["label"], row_height=30).to_dict()
    bars, labels = spec["layer"]
    assert bars["mark"] == {"type": "bar", "height": 16}
    assert labels["mark"] == {"type": "text", "align": "left", "dx": theme.BAR_LABEL_GAP, "color": theme.INK}
    assert bars["encoding"]["color"]["scale"] == {"domain": [charts.PRINTED, charts.COMPUTED], "range": [BLUE, SKY]}
    assert labels["encoding"]["text"] == {"field": "text", "type": "nominal"}
    for layer in spec["layer"]:
        assert layer["encoding"]["x"] == {"field": "usd_m", "type": "quantitative", "title": "US$ m",
                                          "scale": {"domain": [0, pytest.approx(300 * 1.3)]},
                                          "axis": {"tickCount": 4}}
        assert layer["encoding"]["tooltip"] == [{"field": "label", "type": "nominal"}]
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 300, 30 * 2)
    zero = charts.labelled_hbars(FIGURES.assign(usd_m=0.0), label="label", value="usd_m", text="text",
                                 kinds=list(FIGURES["kind"]), x_title="n", tooltip=[]).to_dict()
    assert zero["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 1.0] and zero["height"] == 40 * 2


def test_the_composition_is_one_bar_its_legend_below_naming_every_segment():
    frame = pd.DataFrame({"label": ["printed A", "printed B", "the rest"], "value": [50.0, 30.0, 20.0],
                          "text": ["50%", "30%", "20%"], "order": [0, 1, 2]})
    spec = charts.composition(frame, label="label", value="value", text="text", residual_label="the rest").to_dict()
    bar, labels = spec["layer"]
    assert bar["mark"] == {"type": "bar", "height": 36}
    assert labels["mark"] == {"type": "text", "dx": theme.BAR_LABEL_GAP, "align": "left",
                              "fontSize": theme.LARGE_TEXT_PX, "fontWeight": 700}
    colour = bar["encoding"]["color"]
    assert colour == {"field": "label", "type": "nominal", "title": None, "sort": list(frame["label"]),
                      "scale": {"domain": list(frame["label"]), "range": [BLUE, VERMILLION, charts.RESIDUAL_GREY]},
                      "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 480}}
    x = bar["encoding"]["x"]
    assert x == {"field": "value", "type": "quantitative", "stack": "zero", "title": "Share of firms (%)",
                 "scale": {"domain": [0, 100]}}
    assert bar["encoding"]["order"] == {"field": "order", "type": "quantitative"}
    assert tooltip_titles(bar["encoding"]) == [("label", "Group"), ("text", "Share (%)")]
    assert labels["encoding"]["text"] == {"field": "text", "type": "nominal"}
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 40, 44)
    shown = drawn(charts.composition(frame, label="label", value="value", text="text", residual_label="the rest"))
    for text in ("50%", "30%", "20%", "printed A", "the rest", "Share of firms (%)"):
        assert text in shown, text


# --- timeline and flow: every layer's mark and encoding, and what they draw ---

def _events():
    from datetime import date

    return pd.DataFrame({"article": ["A", "B"], "event": ["Applications open", "Cohort began"],
                         "printed": ["18일", "12월"], "date": [date(2026, 5, 18), date(2025, 12, 1)],
                         "precision": ["day", "month"]})


def test_a_timeline_spec_states_its_marks_axes_legend_and_reference_labels():
    chart = charts.timeline(_events(), row="article", as_of_label="as of 1 Jun", as_of="2026-06-01",
                            news_day="2026-05-18")
    spec = chart.to_dict()
    days, months, lines, news, as_of = spec["layer"]
    shape = {"field": "precision", "type": "nominal", "title": None, "sort": ["day", "month"],
             "scale": {"domain": ["day", "month"], "range": ["circle", "diamond"]},
             "legend": {"orient": "top",
                        "labelExpr": "datum.label == 'day' ? 'day printed' : 'month printed, day unknown'"}}
    for layer, mark in ((days, {"type": "point", "size": 110, "filled": True, "opacity": 1}),
                        (months, {"type": "point", "size": 140, "filled": False, "strokeWidth": 2.5, "opacity": 1})):
        assert layer["mark"] == mark
        encoding = layer["encoding"]
        assert encoding["shape"] == shape and encoding["color"] == {"value": BLUE}
        assert encoding["x"] == {"field": "date_text", "type": "temporal", "title": None, "scale": {"padding": 14},
                                 "axis": {"format": "%b %Y", "tickCount": "month", "labelAngle": 0}}
        assert encoding["y"] == {"field": "article", "type": "nominal", "title": None, "sort": ["A", "B"],
                                 "axis": {"labelLimit": 150}}
        assert tooltip_titles(encoding) == [("event", "Event"), ("when", "Date"), ("printed", "As printed")]
    assert lines["mark"] == {"type": "rule", "strokeDash": [4, 3], "color": theme.MUTED}
    assert lines["encoding"] == {"x": {"field": "date_text", "type": "temporal"}}
    label = {"type": "text", "align": "right", "dx": -3, "fontSize": theme.SMALL_PX, "color": theme.MUTED}
    assert news["mark"] == {**label, "dy": -4, "baseline": "bottom", "y": 0}  # above the plot's top edge
    assert as_of["mark"] == {**label, "dy": 4, "baseline": "top", "y": "height"}  # below its bottom edge
    for layer in (news, as_of):
        assert layer["encoding"] == {"x": {"field": "date_text", "type": "temporal"},
                                     "text": {"field": "label", "type": "nominal"}}
    assert (spec["width"], spec["height"]) == (charts.WIDTH - 170, {"step": 36})
    shown = drawn(chart)
    for text in ("A", "B", "Dec 2025", "May 2026", "day printed", "month printed, day unknown",
                 "the page's news day", "as of 1 Jun"):
        assert text in shown, text


def test_a_flow_spec_states_its_boxes_text_arrows_and_tooltips():
    steps = pd.DataFrame({"actor": ["Seoul Rehabilitation Court", "KIBO"],
                          "action": ["Recommends firms under rehabilitation for a guarantee", "Reviews"]})
    chart = charts.flow(steps.set_axis([7, 3]), actor="actor", action="action")  # any index: steps in row order
    spec = chart.to_dict()
    boxes, arrows, tips, heads, bodies = spec["layer"]
    x = {"field": "x", "type": "quantitative", "scale": {"domain": [0, 486]}, "axis": None}
    y = {"field": "y", "type": "quantitative", "scale": {"domain": [0, 92], "reverse": True}, "axis": None}
    tooltip = [{"field": "head", "type": "nominal", "title": "Step"},
               {"field": "action", "type": "nominal", "title": ""}]
    assert boxes["mark"] == {"type": "rect", "cornerRadius": 6, "fill": "#eef5fb", "stroke": BLUE}
    assert boxes["encoding"] == {"x": x, "x2": {"field": "x2"}, "y": y, "y2": {"field": "y2"}, "tooltip": tooltip}
    text = {"type": "text", "align": "left", "baseline": "top", "dx": 8, "lineBreak": "\n", "color": theme.INK}
    assert heads["mark"] == {**text, "dy": 8, "fontWeight": 700}
    assert bodies["mark"] == {**text, "dy": 40, "fontSize": theme.SMALL_PX}
    assert heads["encoding"] == {"x": x, "y": y, "text": {"field": "head_wrapped", "type": "nominal"},
                                 "tooltip": tooltip}
    assert bodies["encoding"] == {"x": x, "y": y, "text": {"field": "body", "type": "nominal"}, "tooltip": tooltip}
    rows = next(iter(spec["datasets"].values()))
    assert [r["head_wrapped"] for r in rows] == ["\n".join(charts.wrap("1. Seoul Rehabilitation Court", 28)),
                                                 "2. KIBO"]
    assert "\n" in rows[0]["head_wrapped"] and rows[0]["body"] == "\n".join(charts.wrap(steps["action"][0], 26))
    assert arrows["mark"] == {"type": "rule", "strokeWidth": 2, "color": BLUE}
    assert tips["mark"] == {"type": "point", "shape": "triangle-right", "filled": True, "size": 60, "color": BLUE,
                            "opacity": 1}
    shown = drawn(chart)
    for line in ("1. Seoul Rehabilitation", "Court", "2. KIBO", "Reviews", *charts.wrap(steps["action"][0], 26)):
        assert line in shown, line


# --- the other builders' every layer, and the shared encodings, stated ---

def test_the_shared_encodings_group_colour_kind_colour_and_two_line_labels():
    coloured = charts.group_colour("group", {"A": BLUE, "B": SKY}, alt.Legend(orient="top")).to_dict()
    assert coloured == {"field": "group", "type": "nominal", "title": None, "legend": {"orient": "top"},
                        "scale": {"domain": ["A", "B"], "range": [BLUE, SKY]}}
    assert charts.group_colour("group", None).to_dict() == {"field": "group", "type": "nominal", "title": None,
                                                            "legend": None}
    assert charts.group_colour("group", {}).to_dict()["legend"] is None and "scale" not in charts.group_colour(
        "group", {}).to_dict()
    kind = charts.kind_colour([charts.COMPUTED, charts.PRINTED], orient="bottom").to_dict()
    assert kind == {"field": "kind", "type": "nominal", "title": None, "sort": [charts.PRINTED, charts.COMPUTED],
                    "scale": {"domain": [charts.PRINTED, charts.COMPUTED], "range": [BLUE, SKY]},
                    "legend": {"orient": "bottom", "direction": "vertical", "labelLimit": 420}}
    assert charts.kind_colour([charts.PRINTED]).to_dict()["legend"]["orient"] == "top"
    y = charts._two_line_y("label", sort=["b", "a"], title="T").to_dict()
    assert y == {"field": "label", "type": "nominal", "title": "T", "sort": ["b", "a"],
                 "axis": {"labelExpr": "split(datum.label, '|')", "labelLimit": 230, "labelPadding": 6}}
    assert charts._two_line_y("label", sort=[]).to_dict()["sort"] == []  # an empty order is an order, not None


def test_facet_slopes_every_layer_stated():
    spec = charts.facet_slopes(SLOPES, label="group", facet="panel", colours={"Large firms": BLUE}).to_dict()
    line, point, end, start_above, start_below, names = spec["spec"]["layer"]
    assert (line["mark"], point["mark"]) == ({"type": "line"}, {"type": "point"})
    gap, small = theme.POINT_LABEL_GAP, theme.SMALL_PX
    assert end["mark"] == {"type": "text", "align": "left", "dx": gap, "fontSize": small}
    assert start_above["mark"] == {"type": "text", "align": "right", "dx": -gap, "dy": -7, "fontSize": small}
    assert start_below["mark"] == {"type": "text", "align": "right", "dx": -gap, "dy": 8, "fontSize": small}
    assert names["mark"] == {"type": "text", "align": "left", "dx": gap, "dy": -12, "fontSize": small,
                             "lineBreak": "\n", "lineHeight": 12, "baseline": "bottom"}
    assert names["encoding"]["text"] == {"field": "name_wrapped", "type": "nominal"}
    for layer in (end, start_above, start_below):
        assert layer["encoding"]["text"] == {"field": "value_printed", "type": "nominal"}
    for layer in spec["spec"]["layer"]:
        assert layer["encoding"]["x"] == {"field": "year", "type": "ordinal", "title": None,
                                          "axis": {"labelAngle": 0}}
        assert layer["encoding"]["color"] == ({"value": theme.INK} if layer["mark"]["type"] == "text" else {
            "field": "group", "type": "nominal", "title": None, "legend": None,
            "scale": {"domain": ["Large firms"], "range": [BLUE]}})
    # a two-line name is raised by one more line, so its last line ends where a one-line name does
    two_lines = SLOPES.assign(group=SLOPES["group"].replace("Other regions", "Outside the capital region"))
    layers = charts.facet_slopes(two_lines, label="group", facet="panel").to_dict()["spec"]["layer"]
    assert [(layer["mark"]["dy"], layer["transform"][0]["filter"]) for layer in layers[5:]] == [
        (-12, "datum.year == 2023 && datum.name_lines == 1"), (-24, "datum.year == 2023 && datum.name_lines == 2")]
    long_name = SLOPES.assign(group="Small and medium manufacturers")
    wrapped = charts.facet_slopes(long_name, label="group", facet="panel").data["name_wrapped"].iloc[0]
    assert wrapped == "\n".join(charts.wrap("Small and medium manufacturers", 16)) == "Small and medium\nmanufacturers"


def test_the_calendar_every_layer_stated():
    days = pd.DataFrame({"month": ["May 2026"], "week": [0], "weekday": [0], "day": [18], "label": ["18 May"],
                         "kind": ["opens"]})
    spec = charts.calendar(days).to_dict()
    cells, corners, numbers = spec["spec"]["layer"]
    assert cells["mark"] == {"type": "rect", "stroke": "#ffffff", "strokeWidth": 2}
    assert corners["mark"] == {"type": "point", "filled": True, "opacity": 1, "size": 32, "xOffset": -10,
                               "yOffset": -9}
    assert numbers["mark"] == {"type": "text", "fontSize": theme.SMALL_PX}
    for layer in (corners, numbers):  # the day's ink: 4.5:1 on its cell
        assert layer["encoding"]["color"] == {"field": "ink", "type": "nominal", "scale": None}
    assert next(iter(spec["datasets"].values()))[0]["ink"] == "#ffffff"  # on the purple of an opening day
    assert numbers["encoding"]["text"] == {"field": "day", "type": "quantitative"}
    for layer in (cells, corners, numbers):
        encoding = layer["encoding"]
        assert encoding["x"] == {"field": "weekday", "type": "ordinal", "title": None, "sort": list(range(7)),
                                 "axis": {"labelExpr": "['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][datum.value]",
                                          "labelAngle": 0, "orient": "top", "ticks": False, "domain": False}}
        assert encoding["y"] == {"field": "week", "type": "ordinal", "title": None, "axis": None}
        assert tooltip_titles(encoding) == [("label", "Day"), ("kind", "")]
    assert cells["encoding"]["color"] == {"field": "kind", "type": "nominal", "title": None, "sort": ["opens"],
                                          "scale": {"domain": ["opens"], "range": [charts.CALENDAR_COLOURS["opens"]]},
                                          "legend": {"orient": "top", "direction": "horizontal", "columns": 2,
                                                     "labelLimit": 200, "values": ["opens"]}}
    assert corners["encoding"]["shape"] == {"field": "kind", "type": "nominal", "title": None, "sort": ["opens"],
                                            "legend": cells["encoding"]["color"]["legend"],
                                            "scale": {"domain": ["opens"], "range": ["triangle-right"]}}
    assert spec["facet"]["column"] == {"field": "month", "type": "nominal", "title": None, "sort": ["May 2026"],
                                       "header": {"labelFontWeight": 700}}


def test_the_ramp_every_layer_stated():
    spec = ramp(10).to_dict()
    bars, line, last, target_line, target_label = spec["layer"]
    assert bars["mark"] == {"type": "bar", "color": SKY, "width": 18}
    assert line["mark"] == {"type": "line", "color": BLUE, "point": True}
    assert last["mark"] == {"type": "text", "align": "right", "dx": -8, "dy": -10, "color": theme.INK}
    assert target_line["mark"] == {"type": "rule", "color": VERMILLION, "strokeDash": [6, 4], "strokeWidth": 2}
    assert target_label["mark"] == {"type": "text", "align": "left", "x": 4, "dy": -8, "color": theme.INK}
    assert last["encoding"]["text"] == {"field": "total_text", "type": "nominal"}
    assert target_label["encoding"]["text"] == {"field": "text", "type": "nominal"}
    for layer in (bars, line, last):
        assert layer["encoding"]["x"] == {"field": "year", "type": "ordinal", "title": None,
                                          "axis": {"labelAngle": 0}}
    assert line["encoding"]["tooltip"] == bars["encoding"]["tooltip"]


def test_unit_panels_every_layer_stated():
    chart = charts.unit_panels(UNITS, label="label", value="amount", text="text", kinds=list(UNITS["kind"]),
                               tooltip=["label"])
    spec = chart.to_dict()
    for panel in spec["vconcat"]:
        bar, label = panel["layer"]
        assert bar["mark"] == {"type": "bar", "height": 14}
        assert label["mark"] == {"type": "text", "align": "left", "dx": theme.BAR_LABEL_GAP,
                                 "fontSize": theme.SMALL_PX, "color": theme.INK}
        for layer in (bar, label):
            assert layer["encoding"]["y"] == {"field": "label", "type": "nominal", "title": None,
                                              "sort": layer["encoding"]["y"]["sort"], "axis": {"labelLimit": 230}}
            assert layer["encoding"]["x"] == {"field": "amount", "type": "quantitative", "title": None,
                                              "axis": {"tickCount": 4}}
            assert layer["encoding"]["tooltip"] == [{"field": "label", "type": "nominal"}]
        assert panel["title"] == {"text": panel["title"]["text"], "anchor": "start", "fontSize": theme.HEADING_PX,
                                  "offset": 6}
    # panels in the order units first appear, not sorted
    assert [p.title.text for p in charts.unit_panels(UNITS.iloc[[2, 0, 1, 3]], label="label", value="amount",
                                                     text="text", kinds=list(UNITS["kind"]), tooltip=[]).vconcat] == [
        "companies", "₩ bn"]


def test_measure_panels_and_interval_dots_every_layer_stated():
    spec = charts.measure_panels(UNITS, y="label", y_sort=["a"], color=alt.value(BLUE), tooltip=["label"], width=1,
                                 height=1).to_dict()
    bars, labels = spec["spec"]["layer"]
    assert labels["mark"] == {"type": "text", "align": "left", "dx": theme.BAR_LABEL_GAP, "fontSize": theme.SMALL_PX}
    assert (bars["encoding"]["color"], labels["encoding"]["color"]) == ({"value": BLUE}, {"value": theme.INK})
    for layer in (bars, labels):
        assert layer["encoding"]["y"] == {"field": "label", "type": "nominal", "title": None, "sort": ["a"]}
        assert layer["encoding"]["x"] == {"field": "amount", "type": "quantitative", "title": None}
    assert spec["facet"]["column"] == {"field": "measure", "type": "nominal", "title": None,
                                       "header": {"labelFontWeight": 700}}
    dots_spec = charts.interval_dots(FIGURES, label="label", value="usd_m", low="low", high="high", text="text",
                                     kinds=list(FIGURES["kind"]), x_title="US$ m", domain=(0, 400),
                                     tooltip=["label"]).to_dict()
    interval, dots, labels = dots_spec["layer"]
    assert interval["mark"] == {"type": "rule", "strokeWidth": 8, "opacity": 0.35}
    assert dots["mark"] == {"type": "point", "size": 90, "filled": True}
    assert labels["mark"] == {"type": "text", "align": "left", "dy": -14, "color": theme.INK}
    x = {"field": "usd_m", "type": "quantitative", "title": "US$ m", "scale": {"domain": [0, 400]},
         "axis": {"format": ",d"}}
    assert dots["encoding"]["x"] == labels["encoding"]["x"] == x
    assert interval["encoding"]["x"] == {"field": "low", "type": "quantitative", "title": "US$ m",
                                         "scale": {"domain": [0, 400]}}
    assert interval["encoding"]["x2"] == {"field": "high"} and interval["encoding"]["color"] == dots["encoding"][
        "color"]
    assert dots["encoding"]["shape"] == {"field": "kind", "type": "nominal", "sort": list(FIGURES["kind"]),
                                         "legend": None}
    assert all(layer["encoding"]["tooltip"] == [{"field": "label", "type": "nominal"}] for layer in dots_spec["layer"])


def test_the_projection_every_layer_stated():
    spec = charts.projection(PROJECTED, label="group", horizon=2025, first_future=2024,
                             colours={"A": BLUE}).to_dict()
    seen, points, path, last = spec["layer"]
    assert last["mark"] == {"type": "text", "align": "left", "dx": theme.POINT_LABEL_GAP}
    assert last["encoding"]["text"] == {"field": "value_label", "type": "nominal"}
    for layer in spec["layer"]:
        encoding = layer["encoding"]
        assert encoding["x"] == {"field": "year", "type": "quantitative", "title": None,
                                 "axis": {"format": "d", "tickMinStep": 1}, "scale": {"domain": [2022, 2025]}}
        assert encoding["y"] == {"field": "value", "type": "quantitative", "title": "AI use rate (%)",
                                 "scale": {"domain": [0, 100]}}
        assert encoding["color"] == ({"value": theme.INK} if layer is last else {
            "field": "group", "type": "nominal", "title": None, "legend": {"orient": "top"},
            "scale": {"domain": ["A"], "range": [BLUE]}})
    rows = next(iter(spec["datasets"].values()))
    assert [r["value_label"] for r in rows] == ["10.0%", "12.0%", "14.0%", "16.0%", "14.4%", "17.3%"]


def test_wrapping_keeps_empty_lines_and_splits_only_at_spaces():
    assert charts.wrap("first\n\nthird", 40) == ["first", "", "third"]
    assert charts.wrap("a · b", 40) == ["a · b"] and charts.wrap("aaaa · bbbb", 6) == ["aaaa", "bbbb"]
    assert charts._wrap_words("one\ttwo three", 8) == ["one\ttwo", "three"]  # a tab is not a place to break


def _text_layers(node) -> list[dict]:
    """Every text layer of a spec, at any depth (layers, facets, concatenations)."""
    if isinstance(node, dict):
        mark = node.get("mark")
        own = [node] if mark == "text" or (isinstance(mark, dict) and mark.get("type") == "text") else []
        return own + [layer for key in ("layer", "spec", "vconcat", "hconcat") if key in node
                      for layer in _text_layers(node[key])]
    if isinstance(node, list):
        return [layer for item in node for layer in _text_layers(item)]
    return []


def _inks(layer: dict) -> list[str] | None:
    """The colours a text layer can be drawn in; None when each datum names its own ink (text inside a mark)."""
    colour = layer.get("encoding", {}).get("color") or layer.get("encoding", {}).get("fill")
    if colour is not None:
        if "value" in colour:
            return [colour["value"]]
        if "scale" in colour and colour["scale"] is None:
            return None
        return colour.get("scale", {}).get("range", theme.CATEGORY)
    mark = layer["mark"] if isinstance(layer["mark"], dict) else {}
    return [mark.get("color") or mark.get("fill") or theme.config()["config"]["text"]["color"]]


def test_every_text_a_builder_writes_on_the_card_keeps_wcag_contrast_in_light_and_dark():
    checked = set()
    built = _built_by_every_builder()
    for name, chart in built.items():
        for layer in _text_layers(chart.to_dict()):
            inks = _inks(layer)
            if inks is None:
                continue
            mark = layer["mark"] if isinstance(layer["mark"], dict) else {}
            large = mark.get("fontSize", 0) >= 18.67 and mark.get("fontWeight") in (700, "bold")
            for ink in inks:
                light = theme.contrast(ink, theme.BACKGROUND)
                dark = theme.contrast(theme.in_dark(ink), theme.in_dark(theme.BACKGROUND))
                assert min(light, dark) >= (3 if large else 4.5), (name, ink, round(light, 2), round(dark, 2))
                checked.add(name)
    # every builder that writes on the card was seen; these write none (or only inside their marks, stated above)
    assert checked == set(built) - {"waffle", "survey_dots", "calendar", "composition"}


def test_the_calendar_day_numbers_keep_wcag_contrast_on_every_kind_of_day():
    kinds = ["application window", "opens", "closes", "the page's news day", "other days"]
    days = pd.DataFrame({"month": ["May 2026"] * 5, "week": [0] * 5, "weekday": range(5), "day": range(1, 6),
                         "label": ["d"] * 5, "kind": kinds})
    spec = charts.calendar(days).to_dict()
    scale = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    cell = dict(zip(scale["domain"], scale["range"], strict=True))
    for row in next(iter(spec["datasets"].values())):
        fill, ink = cell[row["kind"]], row["ink"]
        assert theme.contrast(ink, fill) >= 4.5, row["kind"]
        assert theme.contrast(theme.in_dark(ink), theme.in_dark(fill)) >= 4.5, row["kind"]


def test_facet_slopes_draw_a_two_line_name_clear_of_its_value():
    """Read from the SVG Vega draws: the name's last line sits above the value written at the same point."""
    close = SLOPES.assign(group=SLOPES["group"].replace("Other regions", "Outside the capital region"))
    svg = render.to_svg(charts.facet_slopes(close, label="group", facet="panel").to_dict())
    at = {}
    for match in re.finditer(r'<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>(.*?)</text>', svg, re.S):
        lines = re.findall(r"<tspan[^>]*>(.*?)</tspan>", match.group(3)) or [match.group(3)]
        at[lines[-1]] = (float(match.group(2)), len(lines))
    name_y, lines = at["capital region"]
    assert lines == 2
    value_y, _ = at["7.0"]
    # the last line's baseline + 12 px per line drawn before it, all above the value's top (10 px text)
    assert name_y + 12 * (lines - 1) <= value_y - 10, (name_y, value_y)


def test_a_flow_draws_each_arrow_from_a_box_to_the_next_on_the_boxes_scales():
    steps = pd.DataFrame({"actor": ["A", "B", "C", "D"], "action": ["one", "two", "three", "four"]})
    spec = charts.flow(steps.set_axis([9, 8, 7, 6]), actor="actor", action="action", columns=2).to_dict()
    boxes, arrows, tips, _, _ = spec["layer"]
    xs, ys = {"domain": [0, 318]}, {"domain": [0, 202], "reverse": True}
    assert arrows["encoding"] == {"x": {"field": "ax", "type": "quantitative", "scale": xs, "axis": None},
                                  "x2": {"field": "bx"},
                                  "y": {"field": "ay", "type": "quantitative", "scale": ys, "axis": None}}
    assert tips["encoding"] == {"x": {"field": "bx", "type": "quantitative", "scale": xs, "axis": None},
                                "y": {"field": "by", "type": "quantitative", "scale": ys, "axis": None}}
    rows = spec["datasets"][boxes["data"]["name"]] if "data" in boxes else next(iter(spec["datasets"].values()))
    assert "index" not in rows[0]  # the steps' own index is dropped, not carried into the data
    # a body wraps at 26 half-em units: this 27-unit sentence takes two lines
    body = charts.flow(pd.DataFrame({"actor": ["A"], "action": ["abcdefghijkl mnopqrstuvwxyz"]}), actor="actor",
                       action="action").layer[0].data["body"].iloc[0]
    assert body == "abcdefghijkl\nmnopqrstuvwxyz"


def test_facet_slopes_wrap_names_at_sixteen_units():
    shown = charts.facet_slopes(SLOPES.assign(group="abcdefgh ijklmnop"), label="group", facet="panel").data
    assert set(shown["name_wrapped"]) == {"abcdefgh\nijklmnop"}  # 17 units: two lines
    assert set(charts.facet_slopes(SLOPES.assign(group="abcdefg ijklmnop"), label="group",
                                   facet="panel").data["name_wrapped"]) == {"abcdefg ijklmnop"}  # 16: one


def test_survey_dots_every_part_stated():
    frame = pd.DataFrame({"survey": ["S"], "group": ["all"], "year": [2024], "value": [30.0], "value_printed": ["30"],
                          "primary_label": ["x"]})
    spec = charts.survey_dots(frame, survey_label="survey").to_dict()
    assert spec["spec"]["layer"][0]["mark"] == {"type": "point", "filled": True, "size": 60}
    assert spec["spec"]["width"] == charts.WIDTH - 280
    assert spec["facet"]["row"] == {"field": "survey", "type": "nominal", "title": None, "sort": ["S"],
                                    "header": {"labelAngle": 0, "labelAlign": "left", "labelAnchor": "start",
                                               "labelFontWeight": 700, "labelOrient": "top", "labelLimit": 460}}


def test_labelled_hbars_name_their_rows_by_the_label_field():
    spec = charts.labelled_hbars(FIGURES, label="label", value="usd_m", text="text", kinds=list(FIGURES["kind"]),
                                 x_title="n", tooltip=[]).to_dict()
    assert {layer["encoding"]["y"]["field"] for layer in spec["layer"]} == {"label"}


def test_the_ramp_draws_each_years_supply_at_the_chosen_growth():
    spec = ramp(10).to_dict()
    # Marks' ARIA labels are read back here, so they are switched on whatever theme this process has enabled
    # (the book's theme turns them off: a chart is one image to assistive technology).
    config = spec.get("config", {})
    spec["config"] = {**config, "aria": True, "mark": {**config.get("mark", {}), "aria": True}}
    svg = render.to_svg(spec)
    bars = re.findall(r'<path aria-label="([^"]*)" role="graphics-symbol" aria-roledescription="bar"', svg)
    supplied = [re.search(r"Supplied that year: ([^;]+)", label).group(1) for label in bars]
    assert supplied == ["₩100bn", "₩110bn", "₩121bn", "₩133bn"]  # 100 × 1.1^k

# -- theme: one font name for browser and exporter, text colours legible ------------------------------


contrast = theme.contrast


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
    collection = ai_gap.collection_with_residual(tables.load("smart_manufacturing"))
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


def test_source_lines_name_the_article_and_the_dataset_by_its_title():
    titles = {r["name"]: r["title"] for r in tables.validate()["resources"]}
    articles = tables.load("articles").set_index("article_id")
    gap = articles.loc["ai-gap"]
    assert charts.source_line("ai_use_rate") == (
        f"Source: {gap['outlet']}, {gap['edition_month']}, “{gap['headline_ko']}”\nData: "
        f"{titles['ai_use_rate']} (see Data and sources)")
    assert charts.source_line("ai_use_rate", "gaps computed by this book").startswith(
        f"Source: {gap['outlet']}, {gap['edition_month']}, “{gap['headline_ko']}” · gaps computed by this book\n")
    first = articles.iloc[0]
    assert charts.source_line("page_dates") == (f"Source: {first['outlet']}, {first['edition_month']}, business "
                                                f"section (all {len(articles)} articles)\nData: "
                                                f"{titles['page_dates']} (see Data and sources)")
    assert charts.source_line("context_indicators") == (
        f"Sources: see the Data and sources page\nData: {titles['context_indicators']} (see Data and sources)")


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
