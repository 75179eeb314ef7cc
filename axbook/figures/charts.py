"""Chart builders: every figure in the book is made here, framed the same way by ``figure``.

A figure = the chart, a title and subtitle, a source line under it naming the article and the data
file, and a text description (the chart's alternative text, also shown under it on the page).
"""

import unicodedata

import altair as alt
import pandas as pd

from axbook.data import tables
from axbook.figures import theme
from axbook.language import amounts, dates, i18n
from axbook.language.i18n import N_, _

WIDTH = theme.WIDTH
RESIDUAL_GREY = "#bdbdbd"
# Text is drawn in ink, whatever colour its mark has: the palette's colours are for marks (the vermillion, green,
# orange and sky blue fall below 4.5:1 as text on the white card); a text inside a mark takes theme.label_ink.
INK_TEXT = alt.value(theme.INK)
MIN_LABELLED_SHARE = 12  # % of the composition bar: room for a large "00.0%" label inside its segment


# The data package's dataset titles (data/datapackage.yaml), marked so each edition shows its own: _(title).
DATASET_TITLES = (
    N_("The five articles on the page"), N_("Quoted passages (page sentences and context sources)"),
    N_("Dates printed on the page"), N_("AI use rate by firm size, industry and region, 2017 and 2023 (as printed)"),
    N_("Figures the page states about its own numbers (gaps, multiples, periods)"),
    N_("Statements without numbers, with who made them"),
    N_("Smart-factory adoption, build level, data collection and perceived importance (as printed)"),
    N_("Policy proposals made at the forum"),
    N_("Power-equipment contracts and agreements for North American AI data centres"),
    N_("Figures of each deal, as printed (value + printed unit)"),
    N_("'모두의 챌린지' (Everyone's Challenge): fields, firms to select, funding caps"),
    N_("'모두의 챌린지' fields the page names"), N_("Large demand companies (수요기업) per track"),
    N_("Steps of the KIBO - Seoul Bankruptcy Court agreement"),
    N_("Conditions for the Re-challenge comeback guarantee (재도전 재기지원보증)"),
    N_("KVMCC mentor-coach certification cohorts, as printed"), N_("KVMCC selection stages and eligibility paths"),
    N_("Surveys and reports behind the context figures, with population and question"),
    N_("Context figures from other surveys and reports (never joined to the page's series)"),
)


def outlet_name(outlet: str) -> str:
    """The outlet as this edition names it: '메트로신문 (Metro Seoul)' in English, '메트로신문' in Korean."""
    return outlet.split(" (")[0] if i18n.current() == "ko" else outlet


def edition_month(month: str) -> str:
    """The edition's month: '2026-05' in English (as the data has it), '2026년 5월' in Korean."""
    if i18n.current() == "ko":
        year, number = month.split("-")
        return f"{year}년 {int(number)}월"
    return month


def source_line(dataset: str, note: str = "") -> str:
    """'Source: <outlet>, <month>, "<headline>"', then the dataset by its title: readers know no file names."""
    desc = tables.validate()  # cached for the process: no re-reading per figure
    res = next(r for r in desc["resources"] if r["name"] == dataset)
    parts = []
    article_id = res.get("x-article")
    articles = tables.load("articles").set_index("article_id")
    if article_id == "all":  # a dataset drawn from every article of the page
        first = articles.iloc[0]
        parts.append(_("Source: {outlet}, {month}, business section (all {count} articles)").format(
            outlet=outlet_name(first["outlet"]), month=edition_month(first["edition_month"]), count=len(articles)))
    elif article_id:
        article = articles.loc[article_id]
        parts.append(_("Source: {outlet}, {month}, “{headline}”").format(
            outlet=outlet_name(article["outlet"]), month=edition_month(article["edition_month"]),
            headline=article["headline_ko"]))
    else:
        parts.append(_("Sources: see the Data and sources page"))
    if note:
        parts.append(note)
    return " · ".join(parts) + "\n" + _("Data: {title} (see Data and sources)").format(title=i18n.label(res["title"]))


def text_width(text: str) -> int:
    """Width in half-em units: Hangul and other wide characters count two, as they are drawn."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap_words(text: str, limit: int) -> list[str]:
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate) > limit:
            lines.append(line)
            line = word
        else:
            line = candidate
    return lines + [line]


def wrap(text: str, limit: int) -> list[str]:
    """Lines of at most ``limit`` half-em units: whole ' · ' parts where they fit, else broken at spaces."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for part in paragraph.split(" · "):
            candidate = f"{line} · {part}" if line else part
            if text_width(candidate) <= limit:
                line = candidate
                continue
            if line:
                lines.append(line)
            *full, line = _wrap_words(part, limit)
            lines += full
        lines.append(line)
    return lines


SOURCE_LINE_UNITS = 90  # half-em units that fit the chart width at the source line's 10 px


def figure(chart, *, title: str, subtitle: str | list[str], source: str, description: str) -> alt.VConcatChart:
    """The chart with its title and subtitle above (its legends under them) and the source line below, both aligned
    with the left edge of everything drawn (axis labels included), so the source line never starts mid-chart."""
    lines = [subtitle] if isinstance(subtitle, str) else list(subtitle)
    source_lines = wrap(source, SOURCE_LINE_UNITS)
    heading = alt.TitleParams(title, subtitle=lines, anchor="start", frame="bounds")
    footer = alt.TitleParams(source_lines, orient="bottom", anchor="start", frame="bounds", fontSize=theme.SMALL_PX,
                             fontWeight="normal", color=theme.MUTED, offset=14, lineHeight=13)
    # Legends stay with the chart (not lifted to this wrapper, where they were drawn above the title).
    legends = dict.fromkeys(("color", "fill", "stroke", "shape", "size", "opacity", "strokeDash"), "independent")
    return (alt.vconcat(chart.properties(title=heading)).properties(title=footer, description=description)
            .resolve_legend(**legends))


def group_colour(label: str, colours: dict[str, str] | None, legend=None) -> alt.Color:
    """Colour by group; with ``colours``, each group keeps its colour in every figure of a chapter."""
    scale = alt.Scale(domain=list(colours), range=list(colours.values())) if colours else alt.Undefined
    return alt.Color(f"{label}:N", title=None, scale=scale, legend=legend)


def slope(frame: pd.DataFrame, *, label: str, x_title: str = "", y_title: str | None = None,
          height: int = 260, colours: dict[str, str] | None = None) -> alt.LayerChart:
    """First and last value per group joined by a line, labelled at both ends (``y_title``: 'AI use rate (%)'
    unless given)."""
    base = alt.Chart(frame).encode(
        x=alt.X("year:O", title=x_title or None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=_("AI use rate (%)") if y_title is None else y_title, scale=alt.Scale(zero=True)),
        color=group_colour(label, colours, alt.Legend(orient="top")),
        tooltip=[alt.Tooltip(f"{label}:N", title=_("Group")), alt.Tooltip("year:O", title=_("Year")),
                 alt.Tooltip("value_printed:N", title=_("AI use (%) as printed"))],
    )
    lines = base.mark_line()
    points = base.mark_point()
    labels = base.mark_text(align="left", dx=theme.POINT_LABEL_GAP).encode(text=alt.Text("value_printed:N"),
                                                                          color=INK_TEXT)
    return alt.layer(lines, points, labels).properties(width=WIDTH - 60, height=height)


NAME_RISE, NAME_LINE = 12, 12  # px: a group's name above its last point (clear of its value), and its line height


def facet_slopes(frame: pd.DataFrame, *, label: str, facet: str, facet_title: str = "",
                 colours: dict[str, str] | None = None) -> alt.FacetChart:
    """Two years per group, one panel per facet. Start labels sit above the higher and below the lower
    value of each panel, so near-equal starting values do not overlap; names wrap to stay in the panel."""
    first, last = int(frame["year"].min()), int(frame["year"].max())
    shown = frame.copy()
    top = shown[shown["year"] == first].groupby(facet)["value"].transform("max")
    shown["start_above"] = False
    shown.loc[top.index, "start_above"] = shown.loc[top.index, "value"] == top
    shown["name_wrapped"] = ["\n".join(wrap(str(n), 16)) for n in shown[label]]
    shown["name_lines"] = shown["name_wrapped"].str.count("\n") + 1
    base = alt.Chart().encode(
        x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=_("AI use rate (%)")),
        color=group_colour(label, colours),
        tooltip=[alt.Tooltip(f"{label}:N", title=_("Group")), alt.Tooltip("year:O", title=_("Year")),
                 alt.Tooltip("value_printed:N", title=_("AI use (%) as printed"))],
    )
    gap = theme.POINT_LABEL_GAP
    layered = alt.layer(
        base.mark_line(), base.mark_point(),
        base.mark_text(align="left", dx=gap, fontSize=theme.SMALL_PX).encode(text="value_printed:N", color=INK_TEXT)
        .transform_filter(f"datum.year == {last}"),
        base.mark_text(align="right", dx=-gap, dy=-7, fontSize=theme.SMALL_PX).encode(text="value_printed:N",
                                                                                     color=INK_TEXT)
        .transform_filter(f"datum.year == {first} && datum.start_above"),
        base.mark_text(align="right", dx=-gap, dy=8, fontSize=theme.SMALL_PX).encode(text="value_printed:N",
                                                                                    color=INK_TEXT)
        .transform_filter(f"datum.year == {first} && !datum.start_above"),
        # Each name's last line ends NAME_RISE above its point: Vega sets a block's first line on the baseline,
        # so a name of n lines is raised by n - 1 more (one layer per line count).
        *(base.mark_text(align="left", dx=gap, dy=-NAME_RISE - (n - 1) * NAME_LINE, fontSize=theme.SMALL_PX,
                         lineBreak="\n", lineHeight=NAME_LINE, baseline="bottom")
          .encode(text="name_wrapped:N", color=INK_TEXT)
          .transform_filter(f"datum.year == {last} && datum.name_lines == {n}")
          for n in sorted(set(shown["name_lines"]))),
    ).properties(width=110, height=220)
    return layered.facet(
        data=shown, column=alt.Column(f"{facet}:N", title=facet_title or None, sort=list(shown[facet].unique()),
                                      header=alt.Header(labelFontWeight=700))
    ).resolve_scale(y="shared")


def bars(frame: pd.DataFrame, *, x: str, y: str, x_title: str, text: str, color: str | None = None,
         tooltip: list | None = None, height: int | None = None, domain: tuple | None = None) -> alt.LayerChart:
    """Horizontal bars with the value written at the end of each bar."""
    scale = alt.Scale(domain=list(domain)) if domain else alt.Scale(zero=True)
    enc = {
        "y": _two_line_y(y),
        "x": alt.X(f"{x}:Q", title=x_title, scale=scale),
        "tooltip": tooltip or [alt.Tooltip(f"{y}:N"), alt.Tooltip(f"{text}:N", title=x_title)],
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=None, legend=alt.Legend(orient="top"))
    base = alt.Chart(frame).encode(**enc)
    chart = alt.layer(
        base.mark_bar(color=theme.OKABE_ITO["blue"]) if not color else base.mark_bar(),
        base.mark_text(align="left", dx=theme.BAR_LABEL_GAP).encode(text=f"{text}:N", color=INK_TEXT),
    )
    return chart.properties(width=WIDTH - 260, height=height or 40 * frame[y].nunique())


def measure_panels(long: pd.DataFrame, *, y: str, y_sort: list, color, tooltip: list, width: int, height: int,
                   y_offset=None) -> alt.FacetChart:
    """Labelled horizontal bars of ``amount``, one panel per ``measure``, each with its own x scale
    (so percentage points and ratios, or multiples and rates, sit side by side without sharing an axis)."""
    encoding = {"y": alt.Y(f"{y}:N", title=None, sort=y_sort), "x": alt.X("amount:Q", title=None),
                "color": color, "tooltip": tooltip}
    if y_offset is not None:
        encoding["yOffset"] = y_offset
    base = alt.Chart().encode(**encoding)
    labels = base.mark_text(align="left", dx=theme.BAR_LABEL_GAP, fontSize=theme.SMALL_PX)
    layer = alt.layer(base.mark_bar(), labels.encode(text="text:N", color=INK_TEXT)).properties(width=width,
                                                                                               height=height)
    return layer.facet(data=long, column=alt.Column("measure:N", title=None, header=alt.Header(labelFontWeight=700))
                       ).resolve_scale(x="independent")


def composition(frame: pd.DataFrame, *, label: str, value: str, text: str, residual_label: str) -> alt.LayerChart:
    """One 100% bar; the row labelled ``residual_label`` is drawn grey: what the page leaves unsaid."""
    printed_colours = iter([theme.OKABE_ITO["blue"], theme.OKABE_ITO["vermillion"], theme.OKABE_ITO["bluish_green"]])
    colours = [RESIDUAL_GREY if name == residual_label else next(printed_colours) for name in frame[label]]
    stacked = frame.sort_values("order")[value]
    frame = frame.assign(
        label_ink=[theme.label_ink(c) for c in colours],  # each value label legible on its segment, light and dark
        label_start=stacked.cumsum() - stacked,  # where the segment starts: the labels are stacked before filtering
    )
    base = alt.Chart(frame).encode(
        x=alt.X(f"{value}:Q", stack="zero", title=_("Share of firms (%)"), scale=alt.Scale(domain=[0, 100])),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip(f"{label}:N", title=_("Group")), alt.Tooltip(f"{text}:N", title=_("Share (%)"))],
    )
    colour = alt.Color(
        f"{label}:N", title=None, sort=list(frame[label]),
        scale=alt.Scale(domain=list(frame[label]),
                        range=colours),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=480),
    )
    bar = base.mark_bar(height=36).encode(color=colour)
    # Large text (WCAG: 3:1 is enough), so one ink per segment reads in both modes; narrower segments are named
    # with their value in the legend.
    labels = base.mark_text(dx=theme.BAR_LABEL_GAP, align="left", fontSize=theme.LARGE_TEXT_PX, fontWeight=700).encode(
        x=alt.X("label_start:Q"), text=f"{text}:N",
        fill=alt.Fill("label_ink:N", scale=None)).transform_filter(f"datum.{value} >= {MIN_LABELLED_SHARE}")
    return alt.layer(bar, labels).properties(width=WIDTH - 40, height=44)


def waffle(share: float, *, filled_label: str, empty_label: str) -> alt.Chart:
    """100 squares, ``share`` of them filled: one survey percentage shown as what it is, one number."""
    cells = pd.DataFrame({"i": range(100)})
    cells["row"], cells["col"] = cells["i"] // 10, cells["i"] % 10
    cells["kind"] = [filled_label if i < round(share) else empty_label for i in cells["i"]]
    # Filled squares and empty (outlined) ones: told apart by fill, not by hue alone; the outline keeps 3:1 on the
    # card (WCAG's contrast for graphics). Fill and stroke share one legend (same field, title and sort).
    kinds = [filled_label, empty_label]
    legend = alt.Legend(orient="bottom", direction="vertical", labelLimit=400)
    return alt.Chart(cells).mark_square(size=300, opacity=1, strokeWidth=1.5).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
        fill=alt.Fill("kind:N", title=None, sort=kinds, legend=legend,
                      scale=alt.Scale(domain=kinds, range=[theme.OKABE_ITO["vermillion"], theme.BACKGROUND])),
        stroke=alt.Stroke("kind:N", title=None, sort=kinds, legend=legend,
                          scale=alt.Scale(domain=kinds, range=[theme.OKABE_ITO["vermillion"], theme.OUTLINE])),
        tooltip=[alt.Tooltip("kind:N", title=_("Group"))],
    ).properties(width=220, height=220)


def projection(frame: pd.DataFrame, *, label: str, horizon: int, first_future: int,
               colours: dict[str, str] | None = None) -> alt.LayerChart:
    """Observed points plus a projection whose end year and method the reader picks."""
    end = alt.param(name="end_year", value=horizon,
                    bind=alt.binding_range(min=first_future, max=max(horizon, first_future + 1), step=1,
                                           name=_("Project to year ")))
    assumptions = {"linear": _("same pp rise per year"), "compound": _("same growth rate per year")}
    method = alt.param(name="method", value="linear",
                       bind=alt.binding_radio(options=list(assumptions), labels=list(assumptions.values()),
                                              name=_("Assumption ")))
    shown = frame if "value_label" in frame else frame.assign(value_label=frame["value"].map(lambda v: f"{v:.1f}%"))
    shown = shown.assign(assumption=shown["method"].map(assumptions))  # the tooltip says it in words, not as an id
    base = alt.Chart(shown).encode(
        x=alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(domain=[int(frame["year"].min()), int(frame["year"].max())])),
        y=alt.Y("value:Q", title=_("AI use rate (%)"), scale=alt.Scale(domain=[0, 100])),
        color=group_colour(label, colours, alt.Legend(orient="top")),
        tooltip=[alt.Tooltip(f"{label}:N", title=_("Group")), alt.Tooltip("year:Q", title=_("Year")),
                 alt.Tooltip("value_label:N", title=_("AI use")), alt.Tooltip("assumption:N", title=_("Assumption"))],
    )
    keep = "datum.method == method && datum.year <= end_year"
    observed = base.mark_point(filled=True).transform_filter("datum.observed && datum.method == 'linear'")
    path = base.mark_line(strokeDash=[5, 4]).transform_filter(f"{keep} && datum.year >= {first_future - 1}")
    line_seen = base.mark_line().transform_filter("datum.observed && datum.method == 'linear'")
    last = base.mark_text(align="left", dx=theme.POINT_LABEL_GAP).encode(text="value_label:N", color=INK_TEXT
                                                                        ).transform_filter(
        "datum.method == method && datum.year == end_year")
    return alt.layer(line_seen, observed, path, last).add_params(end, method).properties(
        width=WIDTH - 80, height=280)


def survey_dots(frame: pd.DataFrame, *, survey_label: str) -> alt.FacetChart:
    """One panel per survey, never one line across surveys: their populations and questions differ."""
    base = alt.Chart().encode(
        x=alt.X("value:Q", title=_("Firms using AI (%)"), scale=alt.Scale(domain=[0, 70])),
        y=alt.Y("group:N", title=None, sort=None, axis=alt.Axis(labelLimit=200)),
        color=alt.value(theme.OKABE_ITO["blue"]),
        tooltip=[alt.Tooltip(f"{survey_label}:N", title=_("Survey")), alt.Tooltip("group:N", title=_("Group")),
                 alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("value_printed:N", title=_("% as printed")),
                 alt.Tooltip("primary_label:N", title=_("Source"))],
    )
    return alt.layer(base.mark_point(filled=True, size=60)).properties(width=WIDTH - 280).facet(
        data=frame, row=alt.Row(f"{survey_label}:N", title=None, sort=list(frame[survey_label].unique()),
                                header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                  labelFontWeight=700, labelOrient="top", labelLimit=460))
    ).resolve_scale(y="independent")


# --- builders first used by chapter 2; every chapter may use them ---

LINE_BREAK = "|"  # a y label "name|detail" is drawn on two lines


def _two_line_y(field: str, sort=None, title=None) -> alt.Y:
    return alt.Y(f"{field}:N", title=title, sort=sort,
                 axis=alt.Axis(labelExpr=f"split(datum.label, '{LINE_BREAK}')", labelLimit=230, labelPadding=6))


# What a figure is, by where it comes from: the same colour in every chart of the book. English ids (the frames'
# ``kind`` values); the builders show each edition's label, _(kind).
PRINTED = N_("printed on the page")
COMPUTED = N_("computed from printed figures")
OUTSIDE_PRIMARY = N_("outside source (primary)")
OUTSIDE_SECONDARY = N_("outside source (secondary)")
NOT_PRINTED = N_("no value printed")
KIND_COLOURS = {
    PRINTED: theme.OKABE_ITO["blue"],
    COMPUTED: theme.OKABE_ITO["sky_blue"],
    OUTSIDE_PRIMARY: theme.OKABE_ITO["bluish_green"],
    OUTSIDE_SECONDARY: theme.OKABE_ITO["orange"],
    NOT_PRINTED: RESIDUAL_GREY,
}


def kind_colour(kinds: list[str], orient: str = "top") -> alt.Color:
    """Colour by the kind of figure (``kind`` column), from the book-wide KIND_COLOURS."""
    unknown = set(kinds) - set(KIND_COLOURS)
    if unknown:
        raise ValueError(f"unknown kind(s) of figure {sorted(unknown)}; use one of {list(KIND_COLOURS)}")
    shown = [k for k in KIND_COLOURS if k in kinds]
    labels = [_(k) for k in shown]  # the frame's kinds are shown translated (``_kinds_shown``)
    return alt.Color("kind:N", title=None, sort=labels,
                     scale=alt.Scale(domain=labels, range=[KIND_COLOURS[k] for k in shown]),
                     legend=alt.Legend(orient=orient, direction="vertical", labelLimit=420))


def _kinds_shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its ``kind`` column in this edition's words (the legend's labels)."""
    return frame.assign(kind=[_(k) for k in frame["kind"]])


def labelled_hbars(frame: pd.DataFrame, *, label: str, value: str, text: str, kinds: list[str], x_title: str,
                   tooltip: list, row_height: int = 40) -> alt.LayerChart:
    """Horizontal bars with two-line row labels ('name|as printed') and a short value after each bar."""
    top = float(frame[value].max()) * 1.3 or 1.0
    base = alt.Chart(_kinds_shown(frame)).encode(
        y=_two_line_y(label, sort=list(frame[label])),
        x=alt.X(f"{value}:Q", title=x_title, scale=alt.Scale(domain=[0, top]), axis=alt.Axis(tickCount=4)),
        tooltip=tooltip,
    )
    bars = base.mark_bar(height=16).encode(color=kind_colour(kinds))
    labels = base.mark_text(align="left", dx=theme.BAR_LABEL_GAP, color=theme.INK).encode(text=f"{text}:N")
    return alt.layer(bars, labels).properties(width=WIDTH - 300, height=row_height * len(frame))


def interval_dots(frame: pd.DataFrame, *, label: str, value: str, low: str, high: str, text: str, kinds: list[str],
                  x_title: str, domain: tuple[float, float], tooltip: list) -> alt.LayerChart:
    """A dot per figure with its interval as a bar, and the value written beside it."""
    base = alt.Chart(_kinds_shown(frame)).encode(y=_two_line_y(label, sort=list(frame[label])), tooltip=tooltip)
    scale = alt.Scale(domain=list(domain))
    x = alt.X(f"{value}:Q", title=x_title, scale=scale, axis=alt.Axis(format=",d"))
    interval = base.mark_rule(strokeWidth=8, opacity=0.35).encode(x=alt.X(f"{low}:Q", scale=scale, title=x_title),
                                                                   x2=f"{high}:Q", color=kind_colour(kinds))
    dots = base.mark_point(size=90, filled=True).encode(x=x, color=kind_colour(kinds), shape=alt.Shape(
        "kind:N", sort=[_(k) for k in kinds], legend=None))
    labels = base.mark_text(align="left", dy=-14, color=theme.INK).encode(x=x, text=f"{text}:N")
    return alt.layer(interval, dots, labels).properties(width=WIDTH - 250, height=70 * len(frame))


def _won_expression(bn: str) -> str:
    """A Vega expression writing ``bn`` (billions of won) as amounts.won does: '₩1,234bn' / '1조 2340억원'."""
    if i18n.current() == "ko":
        eok = f"round({bn} * 10)"
        jo, rest = f"floor({eok} / 10000)", f"({eok} % 10000)"
        return (f"({jo} > 0 ? {jo} + '조' + ({rest} > 0 ? ' ' + {rest} + '억' : '') : {rest} + '억') + '원'")
    return f"'₩' + format({bn}, ',.0f') + 'bn'"


def cumulative_ramp(frame: pd.DataFrame, *, growth_pct: float, target: float, target_text: str,
                    y_title: str = "") -> alt.LayerChart:
    """A yearly series growing at a rate the reader sets with a slider, summed; the printed total as a line, drawn
    in the edition's won unit (``amounts.won_axis``: ₩bn, or 억원 as the page prints it); ``target`` in ₩bn.

    ``frame`` has one row per year with ``year``, ``k`` (years since the first), ``first_bn``. The chart
    computes supply = first × (1+g)^k and the running total in the browser, so the slider redraws it.
    """
    growth = alt.param(name="growth_pct", value=round(growth_pct, 1),
                       bind=alt.binding_range(min=0, max=300, step=1, name=_("Yearly growth (%) ")))
    g = "(growth_pct / 100)"
    per_bn, y_title = amounts.won_axis()[0], y_title or amounts.won_axis()[1]  # the axis in the edition's won unit
    on_axis = {} if per_bn == 1 else {"supply_axis": f"datum.supply * {per_bn:g}", "total_axis": f"datum.total * {per_bn:g}"}
    supply, total = ("supply_axis", "total_axis") if on_axis else ("supply", "total")
    base = alt.Chart(frame).transform_calculate(
        supply=f"datum.first_bn * pow(1 + {g}, datum.k)",
        total=f"{g} == 0 ? datum.first_bn * (datum.k + 1) : datum.first_bn * (pow(1 + {g}, datum.k + 1) - 1) / {g}",
        total_text=_won_expression("datum.total"),
        supply_text=_won_expression("datum.supply"),
        **on_axis,
    ).encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    target = target * per_bn
    scale = alt.Scale(domain=[0, max(target * 1.5, 1)], clamp=True)
    y = alt.Y(f"{total}:Q", title=y_title, scale=scale)
    tooltip = [alt.Tooltip("year:O", title=_("Year")), alt.Tooltip("supply_text:N", title=_("Supplied that year")),
               alt.Tooltip("total_text:N", title=_("Cumulative"))]
    bars = base.mark_bar(color=theme.OKABE_ITO["sky_blue"], width=18).encode(
        y=alt.Y(f"{supply}:Q", scale=scale, title=y_title), tooltip=tooltip)
    line = base.mark_line(color=theme.OKABE_ITO["blue"], point=True).encode(y=y, tooltip=tooltip)
    last = base.transform_filter(f"datum.k == {int(frame['k'].max())}").mark_text(
        align="right", dx=-8, dy=-10, color=theme.INK).encode(y=y, text="total_text:N")
    rule = alt.Chart(pd.DataFrame({"target": [target], "text": [target_text]})).encode(
        y=alt.Y("target:Q", scale=scale, title=y_title))
    target_line = rule.mark_rule(color=theme.OKABE_ITO["vermillion"], strokeDash=[6, 4], strokeWidth=2)
    target_label = rule.mark_text(align="left", x=4, dy=-8, color=theme.INK).encode(
        text="text:N")
    return alt.layer(bars, line, last, target_line, target_label).add_params(growth).properties(
        width=WIDTH - 90, height=260)


def unit_panels(frame: pd.DataFrame, *, label: str, value: str, text: str, kinds: list[str],
                tooltip: list) -> alt.VConcatChart:
    """One panel per unit (``measure``), stacked, each with its own data and scale: like compared with like."""
    panels = []
    for measure, rows in frame.groupby("measure", sort=False):
        base = alt.Chart(_kinds_shown(rows)).encode(
            y=alt.Y(f"{label}:N", title=None, sort=list(rows[label]), axis=alt.Axis(labelLimit=230)),
            x=alt.X(f"{value}:Q", title=None, axis=alt.Axis(tickCount=4)), tooltip=tooltip)
        panels.append(alt.layer(
            # stacked panels share one legend, placed below them (above would sit over the figure's title)
            base.mark_bar(height=14).encode(color=kind_colour(kinds, orient="bottom")),
            base.mark_text(align="left", dx=theme.BAR_LABEL_GAP, fontSize=theme.SMALL_PX, color=theme.INK).encode(
                text=f"{text}:N"),
        ).properties(width=WIDTH - 330, height=alt.Step(34),
                     title=alt.TitleParams(measure, anchor="start", fontSize=theme.HEADING_PX, offset=6)))
    return alt.vconcat(*panels, spacing=18)


# --- builders first used by chapters 3 to 5 ---

def timeline(events: pd.DataFrame, *, row: str, as_of_label: str, as_of: str, news_day: str) -> alt.LayerChart:
    """Dated events on one time axis, a row per article; month-only dates drawn hollow; the reader's
    'as of' date and the page's news day as vertical rules."""
    shown = events.assign(date_text=[d.isoformat() for d in events["date"]],
                          when=[dates.when(d, p) for d, p in zip(events["date"], events["precision"], strict=True)],
                          event=[_(e) for e in events["event"]]).drop(columns=["date"])
    base = alt.Chart(shown).encode(
        x=alt.X("date_text:T", title=None, scale=alt.Scale(padding=14),
                axis=alt.Axis(format=_("%b %Y"), tickCount="month", labelAngle=0)),
        y=alt.Y(f"{row}:N", title=None, sort=list(dict.fromkeys(shown[row])), axis=alt.Axis(labelLimit=150)),
        tooltip=[alt.Tooltip("event:N", title=_("Event")), alt.Tooltip("when:N", title=_("Date")),
                 alt.Tooltip("printed:N", title=_("As printed"))],
    )
    day_label, month_label = _("day printed"), _("month printed, day unknown")
    shape = alt.Shape("precision:N", title=None, sort=["day", "month"],
                      scale=alt.Scale(domain=["day", "month"], range=["circle", "diamond"]),
                      legend=alt.Legend(orient="top", labelExpr=f"datum.label == 'day' ? '{day_label}' : "
                                                                f"'{month_label}'"))
    days = base.transform_filter("datum.precision == 'day'").mark_point(size=110, filled=True, opacity=1).encode(
        shape=shape, color=alt.value(theme.OKABE_ITO["blue"]))
    months = base.transform_filter("datum.precision == 'month'").mark_point(
        size=140, filled=False, strokeWidth=2.5, opacity=1).encode(shape=shape, color=alt.value(theme.OKABE_ITO["blue"]))
    news = _("the page's news day = as of") if as_of == news_day else _("the page's news day")
    marks = [{"date_text": news_day, "label": news,
              "dy": -4, "baseline": "bottom"}]
    if as_of != news_day:
        marks.append({"date_text": as_of, "label": as_of_label, "dy": 4, "baseline": "top"})
    rules = alt.Chart(pd.DataFrame(marks)).encode(x="date_text:T")
    lines = rules.mark_rule(strokeDash=[4, 3], color=theme.MUTED)
    labels = [alt.Chart(pd.DataFrame([m])).mark_text(
        align="right", dx=-3, dy=m["dy"], fontSize=theme.SMALL_PX, color=theme.MUTED, baseline=m["baseline"],
        y=0 if m["baseline"] == "bottom" else "height").encode(x="date_text:T", text="label:N") for m in marks]
    return alt.layer(days, months, lines, *labels).properties(width=WIDTH - 170, height=alt.Step(36))


# None of the colours that mean printed, computed or outside elsewhere in the book (KIND_COLOURS). "opens" is a
# darker Okabe-Ito reddish purple: its white day number keeps 4.5:1 in both drawings.
CALENDAR_COLOURS = {N_("the page's news day"): theme.OKABE_ITO["yellow"], N_("opens"): "#A4508A",
                    N_("application window"): "#ecd0e1", N_("closes"): theme.INK, N_("other days"): "#eeeeee"}


def _weekdays() -> list[str]:
    """Monday to Sunday as this edition abbreviates them: 'Mon' / '월'."""
    from datetime import date

    return [dates.weekday(date(2024, 1, day)) for day in range(1, 8)]  # 1 January 2024 was a Monday


def calendar(days: pd.DataFrame) -> alt.LayerChart:
    """Month grids (weeks down, weekdays across): each day coloured by ``kind``, its kind's shape in the cell's
    corner, and the day number."""
    # Every cell colour has an ink that keeps its day number at 4.5:1 in both drawings (vermillion has none: the
    # closing day is drawn in ink, its number white); the corner shape is drawn in that ink. Colour is never the only
    # cue: the legend shows each marked kind's colour and shape, in the order of the days; other days, unmarked,
    # are left out of it.
    # The days' kinds are English ids; the calendar shows each edition's words for them.
    palette = {_(k): colour for k, colour in CALENDAR_COLOURS.items()}
    shapes = {_(k): shape for k, shape in {"the page's news day": "diamond", "opens": "triangle-right",
                                           "application window": "circle", "closes": "square"}.items()}
    days = days.assign(kind=[_(k) for k in days["kind"]])
    kinds = [k for k in palette if k in set(days["kind"])]
    marked = [k for k in kinds if k in shapes]
    days = days.assign(ink=[theme.label_ink(palette[k]) for k in days["kind"]])
    legend = alt.Legend(orient="top", direction="horizontal", columns=2, labelLimit=200, values=marked)
    base = alt.Chart(days).encode(
        x=alt.X("weekday:O", title=None, sort=list(range(7)),
                axis=alt.Axis(labelExpr="[" + ",".join(f"'{d}'" for d in _weekdays()) + "][datum.value]", labelAngle=0,
                              orient="top", ticks=False, domain=False)),
        y=alt.Y("week:O", title=None, axis=None),
        tooltip=[alt.Tooltip("label:N", title=_("Day")), alt.Tooltip("kind:N", title="")],
    )
    cells = base.mark_rect(stroke="#ffffff", strokeWidth=2).encode(
        color=alt.Color("kind:N", title=None, sort=kinds, scale=alt.Scale(domain=kinds, range=[palette[k] for k in kinds]),
                        legend=legend))
    corners = base.transform_filter(alt.FieldOneOfPredicate(field="kind", oneOf=marked)).mark_point(
        filled=True, opacity=1, size=32, xOffset=-10, yOffset=-9).encode(
        # The same domain as the colours', so the two legends merge into one (other days' shape is never drawn).
        shape=alt.Shape("kind:N", title=None, sort=kinds, legend=legend,
                        scale=alt.Scale(domain=kinds, range=[shapes.get(k, "circle") for k in kinds])),
        color=alt.Color("ink:N", scale=None))
    numbers = base.mark_text(fontSize=theme.SMALL_PX).encode(text="day:Q", color=alt.Color("ink:N", scale=None))
    return alt.layer(cells, corners, numbers).properties(width=200, height=150).facet(
        column=alt.Column("month:N", title=None, sort=list(dict.fromkeys(days["month"])),
                          header=alt.Header(labelFontWeight=700))).resolve_scale(y="independent")


def flow(steps: pd.DataFrame, *, actor: str, action: str, columns: int = 3) -> alt.LayerChart:
    """Numbered steps as boxes left to right (wrapping into rows), arrows between consecutive steps."""
    box_w, box_h, gap = 150, 92, 18
    frame = steps.reset_index(drop=True).assign(
        col=lambda d: d.index % columns, row=lambda d: d.index // columns)
    frame["x"] = frame["col"] * (box_w + gap)
    frame["y"] = frame["row"] * (box_h + gap)
    frame["x2"], frame["y2"] = frame["x"] + box_w, frame["y"] + box_h
    frame["head"] = [f"{i + 1}. {a}" for i, a in enumerate(frame[actor])]
    frame["body"] = ["\n".join(wrap(t, 26)) for t in frame[action]]
    frame["head_wrapped"] = ["\n".join(wrap(t, 28)) for t in frame["head"]]
    width = columns * box_w + (columns - 1) * gap
    height = int(frame["y2"].max())
    xs, ys = alt.Scale(domain=[0, width]), alt.Scale(domain=[0, height], reverse=True)
    x, y = alt.X("x:Q", scale=xs, axis=None), alt.Y("y:Q", scale=ys, axis=None)
    base = alt.Chart(frame).encode(tooltip=[alt.Tooltip("head:N", title=_("Step")), alt.Tooltip(f"{action}:N", title="")])
    boxes = base.mark_rect(cornerRadius=6, fill="#eef5fb", stroke=theme.OKABE_ITO["blue"]).encode(
        x=x, x2="x2:Q", y=y, y2="y2:Q")
    heads = base.mark_text(align="left", baseline="top", dx=8, dy=8, fontWeight=700, lineBreak="\n",
                           color=theme.INK).encode(x=x, y=y, text="head_wrapped:N")
    bodies = base.mark_text(align="left", baseline="top", dx=8, dy=40, fontSize=theme.SMALL_PX, lineBreak="\n",
                            color=theme.INK).encode(x=x, y=y, text="body:N")
    links = frame.iloc[:-1].assign(ax=frame["x2"].iloc[:-1].to_numpy(), ay=(frame["y"] + box_h / 2).iloc[:-1].to_numpy(),
                                   bx=frame["x"].iloc[1:].to_numpy(), by=(frame["y"] + box_h / 2).iloc[1:].to_numpy())
    links = links[links["by"] == links["ay"]]  # arrows only between boxes on the same row
    arrows = alt.Chart(links).mark_rule(strokeWidth=2, color=theme.OKABE_ITO["blue"]).encode(
        x=alt.X("ax:Q", scale=xs, axis=None), x2="bx:Q", y=alt.Y("ay:Q", scale=ys, axis=None))
    tips = alt.Chart(links).mark_point(shape="triangle-right", filled=True, size=60, color=theme.OKABE_ITO["blue"],
                                       opacity=1).encode(x=alt.X("bx:Q", scale=xs, axis=None),
                                                         y=alt.Y("by:Q", scale=ys, axis=None))
    return alt.layer(boxes, arrows, tips, heads, bodies).properties(width=width, height=height)
