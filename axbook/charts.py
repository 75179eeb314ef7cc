"""Chart builders: every figure in the book is made here, framed the same way by ``figure``.

A figure = the chart, a title and subtitle, a source line under it naming the article and the data
file, and a text description (the chart's alternative text, also shown under it on the page).
"""

import altair as alt
import pandas as pd

from axbook import data, theme

WIDTH = theme.WIDTH
RESIDUAL_GREY = "#bdbdbd"


def source_line(dataset: str, note: str = "") -> str:
    """'Source: <outlet>, <month>, "<headline>" · data/<file>' for a dataset of the page."""
    desc = data.validate()  # cached for the process: no re-reading per figure
    res = next(r for r in desc["resources"] if r["name"] == dataset)
    parts = []
    article_id = res.get("x-article")
    if article_id:
        article = data.load("articles").set_index("article_id").loc[article_id]
        parts.append(f"Source: {article['outlet']}, {article['edition_month']}, “{article['headline_ko']}”")
    else:
        parts.append("Sources: see the Data and sources page")
    if note:
        parts.append(note)
    return " · ".join(parts) + f"\nData: data/{res['path']}"


def figure(chart, *, title: str, subtitle: str | list[str], source: str, description: str) -> alt.VConcatChart:
    lines = [subtitle] if isinstance(subtitle, str) else list(subtitle)
    footer = (
        alt.Chart(alt.Data(values=[{}]))
        .mark_text(align="left", baseline="top", fontSize=10, color=theme.MUTED, lineBreak="\n")
        .encode(text=alt.value(source), x=alt.value(0), y=alt.value(0))
        .properties(width=WIDTH, height=13 * (source.count("\n") + 1))
    )
    return alt.vconcat(chart, footer, spacing=14).properties(
        title=alt.TitleParams(title, subtitle=lines), description=description
    )


def slope(frame: pd.DataFrame, *, label: str, x_title: str = "", y_title: str = "AI use rate (%)",
          height: int = 260) -> alt.LayerChart:
    """First and last value per group joined by a line, labelled at both ends."""
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=x_title or None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=y_title, scale=alt.Scale(zero=True)),
        color=alt.Color(f"{label}:N", title=None, legend=alt.Legend(orient="top")),
        detail=f"{label}:N",
        tooltip=[alt.Tooltip(f"{label}:N", title="Group"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("value_printed:N", title="AI use (%) as printed")],
    )
    lines = base.mark_line()
    points = base.mark_point()
    labels = base.mark_text(align="left", dx=8, fontSize=11).encode(text=alt.Text("value_printed:N"))
    return alt.layer(lines, points, labels).properties(width=WIDTH - 60, height=height)


def facet_slopes(frame: pd.DataFrame, *, label: str, facet: str, facet_title: str = "") -> alt.FacetChart:
    base = alt.Chart().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title="AI use rate (%)"),
        color=alt.Color(f"{label}:N", title=None, legend=None),
        detail=f"{label}:N",
        tooltip=[alt.Tooltip(f"{label}:N", title="Group"), alt.Tooltip("year:O", title="Year"),
                 alt.Tooltip("value_printed:N", title="AI use (%) as printed")],
    )
    layered = alt.layer(
        base.mark_line(), base.mark_point(),
        base.mark_text(align="left", dx=6, fontSize=10).encode(text="value_printed:N")
        .transform_filter(f"datum.year == {int(frame['year'].max())}"),
        base.mark_text(align="right", dx=-6, fontSize=10).encode(text="value_printed:N")
        .transform_filter(f"datum.year == {int(frame['year'].min())}"),
        base.mark_text(align="left", dx=6, dy=-12, fontSize=10).encode(text=f"{label}:N")
        .transform_filter(f"datum.year == {int(frame['year'].max())}"),
    ).properties(width=120, height=220)
    return layered.facet(
        data=frame, column=alt.Column(f"{facet}:N", title=facet_title or None, sort=list(frame[facet].unique()),
                                      header=alt.Header(labelFontWeight=700))
    ).resolve_scale(y="shared")


def bars(frame: pd.DataFrame, *, x: str, y: str, x_title: str, text: str, color: str | None = None,
         tooltip: list | None = None, height: int | None = None, domain: tuple | None = None) -> alt.LayerChart:
    """Horizontal bars with the value written at the end of each bar."""
    scale = alt.Scale(domain=list(domain)) if domain else alt.Scale(zero=True)
    enc = {
        "y": alt.Y(f"{y}:N", title=None, sort=None, axis=alt.Axis(labelLimit=260)),
        "x": alt.X(f"{x}:Q", title=x_title, scale=scale),
        "tooltip": tooltip or [alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{text}:N", title=x_title)],
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=None, legend=alt.Legend(orient="top"))
    base = alt.Chart(frame).encode(**enc)
    chart = alt.layer(
        base.mark_bar(color=theme.OKABE_ITO["blue"]) if not color else base.mark_bar(),
        base.mark_text(align="left", dx=4, fontSize=11).encode(text=f"{text}:N", color=alt.value(theme.INK)),
    )
    return chart.properties(width=WIDTH - 200, height=height or 28 * frame[y].nunique())


def measure_panels(long: pd.DataFrame, *, y: str, y_sort: list, color, tooltip: list, width: int, height: int,
                   y_offset=None) -> alt.FacetChart:
    """Labelled horizontal bars of ``amount``, one panel per ``measure``, each with its own x scale
    (so percentage points and ratios, or multiples and rates, sit side by side without sharing an axis)."""
    encoding = {"y": alt.Y(f"{y}:N", title=None, sort=y_sort), "x": alt.X("amount:Q", title=None),
                "color": color, "tooltip": tooltip}
    if y_offset is not None:
        encoding["yOffset"] = y_offset
    base = alt.Chart().encode(**encoding)
    layer = alt.layer(base.mark_bar(), base.mark_text(align="left", dx=3, fontSize=10, color=theme.INK)
                      .encode(text="text:N")).properties(width=width, height=height)
    return layer.facet(data=long, column=alt.Column("measure:N", title=None, header=alt.Header(labelFontWeight=700))
                       ).resolve_scale(x="independent")


def composition(frame: pd.DataFrame, *, label: str, value: str, text: str, residual_label: str) -> alt.LayerChart:
    """One 100% bar; the row labelled ``residual_label`` is drawn grey: what the page leaves unsaid."""
    printed_colours = iter([theme.OKABE_ITO["blue"], theme.OKABE_ITO["vermillion"], theme.OKABE_ITO["bluish_green"]])
    colours = [RESIDUAL_GREY if name == residual_label else next(printed_colours) for name in frame[label]]
    base = alt.Chart(frame).encode(
        x=alt.X(f"{value}:Q", stack="zero", title="Share of firms (%)", scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip(f"{label}:N", title="Group"), alt.Tooltip(f"{text}:N", title="Share (%)")],
    )
    colour = alt.Color(
        f"{label}:N", title=None, sort=list(frame[label]),
        scale=alt.Scale(domain=list(frame[label]),
                        range=colours),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=480),
    )
    bar = base.mark_bar(height=36).encode(color=colour)
    labels = base.mark_text(dx=4, align="left", fontSize=11, color="#ffffff", fontWeight=700).encode(
        x=alt.X(f"{value}:Q", stack="zero", bandPosition=0), text=f"{text}:N")
    return alt.layer(bar, labels).properties(width=WIDTH - 40, height=44)


def waffle(share: float, *, filled_label: str, empty_label: str) -> alt.Chart:
    """100 squares, ``share`` of them filled: one survey percentage shown as what it is, one number."""
    cells = pd.DataFrame({"i": range(100)})
    cells["row"], cells["col"] = cells["i"] // 10, cells["i"] % 10
    cells["kind"] = [filled_label if i < round(share) else empty_label for i in cells["i"]]
    return alt.Chart(cells).mark_square(size=300).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        color=alt.Color("kind:N", title=None, sort=[filled_label, empty_label],
                        scale=alt.Scale(range=[theme.OKABE_ITO["vermillion"], "#d9d9d9"]),
                        legend=alt.Legend(orient="right", labelLimit=300)),
        tooltip=[alt.Tooltip("kind:N", title="Group")],
    ).properties(width=220, height=220)


def projection(frame: pd.DataFrame, *, label: str, horizon: int, first_future: int) -> alt.LayerChart:
    """Observed points plus a projection whose end year and method the reader picks."""
    end = alt.param(name="end_year", value=horizon,
                    bind=alt.binding_range(min=first_future, max=max(horizon, first_future + 1), step=1,
                                           name="Project to year "))
    method = alt.param(name="method", value="linear",
                       bind=alt.binding_radio(options=["linear", "compound"],
                                              labels=["same pp rise per year", "same growth rate per year"],
                                              name="Assumption "))
    shown = frame.assign(value_label=frame["value"].round(1).astype(str) + "%")
    base = alt.Chart(shown).encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(domain=[int(frame["year"].min()), int(frame["year"].max())])),
        y=alt.Y("value:Q", title="AI use rate (%)", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color(f"{label}:N", title=None, legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip(f"{label}:N", title="Group"), alt.Tooltip("year:Q", title="Year"),
                 alt.Tooltip("value_label:N", title="AI use"), alt.Tooltip("method:N", title="Assumption")],
    )
    keep = "datum.method == method && datum.year <= end_year"
    observed = base.mark_point(filled=True).transform_filter("datum.observed && datum.method == 'linear'")
    path = base.mark_line(strokeDash=[5, 4]).transform_filter(f"{keep} && datum.year >= {first_future - 1}")
    line_seen = base.mark_line().transform_filter("datum.observed && datum.method == 'linear'")
    last = base.mark_text(align="left", dx=6, fontSize=11).encode(text="value_label:N").transform_filter(
        "datum.method == method && datum.year == end_year")
    return alt.layer(line_seen, observed, path, last).add_params(end, method).properties(
        width=WIDTH - 80, height=280)


def survey_dots(frame: pd.DataFrame, *, survey_label: str) -> alt.FacetChart:
    """One panel per survey, never one line across surveys: their populations and questions differ."""
    base = alt.Chart().encode(
        x=alt.X("value:Q", title="Firms using AI (%)", scale=alt.Scale(domain=[0, 70])),
        y=alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        color=alt.Color("year:O", title="Year", scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip(f"{survey_label}:N", title="Survey"), alt.Tooltip("group:N", title="Group"),
                 alt.Tooltip("year:O", title="Year"), alt.Tooltip("value_printed:N", title="% as printed"),
                 alt.Tooltip("primary_label:N", title="Source")],
    )
    return alt.layer(base.mark_point(filled=True, size=60)).properties(width=WIDTH - 280).facet(
        data=frame, row=alt.Row(f"{survey_label}:N", title=None, sort=list(frame[survey_label].unique()),
                                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                  labelFontWeight=700, labelOrient="top", labelLimit=460))
    ).resolve_scale(y="independent")
