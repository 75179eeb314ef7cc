"""Chapter 1's analysis: gaps, growth, claim checks and the what-if projection, all from data/."""

import altair as alt
import pandas as pd

from axbook.checks import claims as cl
from axbook.checks.params import Choice, IntRange
from axbook.figures import charts, theme
from axbook.language import amounts, i18n
from axbook.language.i18n import N_, _

FIRST, LAST = 2017, 2023
PARAMETERS = {
    "dimension": Choice("firm_size", "industry", "region"),
    "horizon": IntRange(LAST + 1, 2035),
    "label_lang": Choice("en", "ko"),
}
DIMENSION_LABEL = {
    "en": {"firm_size": "firm size", "industry": "industry", "region": "region"},
    "ko": {"firm_size": "기업 규모", "industry": "업종", "region": "지역"},
}


# One colour per group in every figure of the chapter (Okabe-Ito).
GROUP_COLOURS = {
    "Large firms": theme.OKABE_ITO["blue"], "SMEs": theme.OKABE_ITO["vermillion"],
    "Services": theme.OKABE_ITO["sky_blue"], "Manufacturing": theme.OKABE_ITO["bluish_green"],
    "Capital region": theme.OKABE_ITO["orange"], "Outside the capital region": theme.OKABE_ITO["reddish_purple"],
}


def colours(rates: pd.DataFrame, label: str) -> dict[str, str]:
    """GROUP_COLOURS keyed by the label column the figures show (English or Korean group names)."""
    names = dict(zip(rates["group"], rates[label], strict=True))
    return {names[g]: c for g, c in GROUP_COLOURS.items() if g in names}


def label_column(label_lang: str) -> str:
    return "group_ko" if label_lang == "ko" else "group"


def label_language(label_lang: str, language: str) -> str:
    """The language of the figures' group labels: ``label_lang``, except that the Korean edition always names
    the groups in Korean."""
    return "ko" if language == "ko" else label_lang


def _korean() -> bool:
    return i18n.current() == "ko"


def _group(rec, column: str = "group") -> str:
    """A group's name in the edition's language (the data's ``*_ko`` column in Korean)."""
    return rec[f"{column}_ko"] if _korean() else rec[column]


def _times() -> str:
    """A finding's unit: '{} times' / '{}배' (claims.Check.figure places the number)."""
    return amounts.times("{}")


def wide(rates: pd.DataFrame) -> pd.DataFrame:
    """One row per group: first and last year side by side, growth as a multiple, in pp and per year."""
    table = rates.pivot_table(index=["dimension", "group", "group_ko"], columns="year", values="value")
    table = table.rename(columns={FIRST: "first", LAST: "last"}).reset_index()
    years = LAST - FIRST
    table["change_pp"] = table["last"] - table["first"]
    table["multiple"] = table["last"] / table["first"]
    # Python's own power, one value at a time: NumPy's vectorised pow can differ in the last bit between machines
    # (12.5 ** (1/6) - 1 came out ...824 on one, ...826 on another), which would make the stored outputs churn.
    table["annual_growth"] = [multiple ** (1 / years) - 1 for multiple in table["multiple"]]
    printed = rates.set_index(["group", "year"])["value_printed"]
    spans = [(printed[g, FIRST], printed[g, LAST]) for g in table["group"]]
    table["change_text"] = [cl.estimate(*cl.bounds(lambda a, b: b - a, *span)) for span in spans]
    table["multiple_text"] = [cl.estimate(*cl.bounds(lambda a, b: b / a, *span)) for span in spans]
    table["growth_text"] = [cl.estimate(*cl.bounds(lambda a, b: 100 * ((b / a) ** (1 / years) - 1), *span))
                            for span in spans]
    return table


def gaps(rates: pd.DataFrame) -> pd.DataFrame:
    """Per dimension, leader (higher in the last year) against laggard: absolute and relative gaps."""
    rows = []
    printed = rates.set_index(["group", "year"])["value_printed"]
    for dimension, groups in wide(rates).groupby("dimension", sort=False):
        leader, laggard = groups.sort_values("last", ascending=False).iloc[[0, -1]].to_dict("records")
        for year, col in ((FIRST, "first"), (LAST, "last")):
            rows.append({
                "dimension": dimension, "year": year,
                "leader": leader["group"], "laggard": laggard["group"],
                "leader_ko": leader["group_ko"], "laggard_ko": laggard["group_ko"],
                "leader_value": leader[col], "laggard_value": laggard[col],
                "gap_pp": leader[col] - laggard[col], "ratio": leader[col] / laggard[col],
                "gap_text": cl.estimate(*cl.bounds(lambda a, b: a - b, printed[leader["group"], year],
                                                   printed[laggard["group"], year])),
                "ratio_text": cl.estimate(*cl.bounds(lambda a, b: a / b, printed[leader["group"], year],
                                                     printed[laggard["group"], year])),
            })
    return pd.DataFrame(rows)


def _gap(g: pd.DataFrame, dimension: str, year: int) -> dict:
    return g[(g["dimension"] == dimension) & (g["year"] == year)].iloc[0].to_dict()


def checks(rates: pd.DataFrame, claims: pd.DataFrame, smart: pd.DataFrame,
           context: pd.DataFrame | None = None) -> list[cl.Check]:
    """Each printed claim of the article, recomputed from the printed rates; ``context``: the official survey
    figures the book holds, set beside the page's where they measure the same thing."""
    g = gaps(rates)
    shown = rates.set_index(["group", "year"])["value_printed"]  # '1.0', as the page prints it
    size17, size23 = _gap(g, "firm_size", FIRST), _gap(g, "firm_size", LAST)
    region23 = _gap(g, "region", LAST)
    mfg23 = rates.query("group == 'Manufacturing' and year == @LAST")["value"].iloc[0]
    svc23 = rates.query("group == 'Services' and year == @LAST")["value"].iloc[0]
    by_id = claims.set_index("claim_id")
    printed = {cid: by_id.loc[cid, "value_printed"] for cid in by_id.index}
    gap17_printed, gap23_printed = float(printed["size-gap-2017"]), float(printed["size-gap-2023"])
    from_rates = size23["gap_pp"] / size17["gap_pp"]
    low, high = ratio_of_gaps_interval(rates)
    multiple_text = _(
        "from the printed rates: {gap_last} ÷ {gap_first} = {ratio} (the rates' rounding allows {interval}); from the "
        "page's own rounded gaps: {printed_last} ÷ {printed_first} = {printed_ratio}. Rounding the {first_year} gap "
        "({gap_first} → {printed_first}) is the step that turns {ratio_whole} into {printed_whole}").format(
        gap_last=f"{size23['gap_pp']:g}", gap_first=f"{size17['gap_pp']:g}", ratio=f"{from_rates:.1f}",
        interval=cl.estimate(from_rates, low, high), printed_last=f"{gap23_printed:g}",
        printed_first=f"{gap17_printed:g}", printed_ratio=f"{gap23_printed / gap17_printed:.2f}", first_year=FIRST,
        ratio_whole=f"{from_rates:.0f}", printed_whole=f"{gap23_printed / gap17_printed:.0f}")
    not_important = smart.set_index("indicator").loc["innovation_not_important", "value"]
    region17 = _gap(g, "region", FIRST)
    region_ratio = (region23["ratio"], _(
        "{leader}% ÷ {laggard}% = {ratio} ({interval} with the rates' rounding). The page says the gap widened "
        "(벌어졌다) to it: in {first_year} the same ratio was {leader_first} ÷ {laggard_first} = {ratio_first} "
        "({interval_first}), so a widening of the ratio cannot be shown; in percentage points it grew from "
        "{gap_first} to {gap_last}").format(
        leader=shown[region23['leader'], LAST], laggard=shown[region23['laggard'], LAST],
        ratio=f"{region23['ratio']:.2f}", interval=region23['ratio_text'], first_year=FIRST,
        leader_first=shown[region17['leader'], FIRST], laggard_first=shown[region17['laggard'], FIRST],
        ratio_first=f"{region17['ratio']:g}", interval_first=region17['ratio_text'],
        gap_first=f"{region17['gap_pp']:.1f}", gap_last=f"{region23['gap_pp']:.1f}"))
    mfg_rate = (float(mfg23), _("body text: manufacturing {year} = {rate}%").format(
        year=LAST, rate=shown['Manufacturing', LAST]))
    rows = {
        "size-gap-multiple": (from_rates, multiple_text),
        "size-gap-multiple-body": (from_rates, multiple_text),
        "size-gap-2017": (size17["gap_pp"], f"{shown[size17['leader'], FIRST]}% − {shown[size17['laggard'], FIRST]}% "
                          f"= {amounts.points(format(size17['gap_pp'], 'g'))}" + _allowing(size17['gap_text'])),
        "size-gap-2023": (size23["gap_pp"], f"{shown[size23['leader'], LAST]}% − {shown[size23['laggard'], LAST]}% "
                          f"= {amounts.points(format(size23['gap_pp'], '.1f'))}" + _allowing(size23['gap_text'])),
        "period-years": (float(LAST - FIRST), _(
            "{last} − {first} = {years} years; the newest figure is for {last} ('{last}년 현재'), so the six years "
            "end in {last}, not at the edition").format(last=LAST, first=FIRST, years=LAST - FIRST)),
        "region-ratio": region_ratio,
        "region-ratio-deck": region_ratio,
        "mfg-rate-deck": mfg_rate,
        "lede-mfg-rate": mfg_rate,
        "lede-svc-rate": (float(svc23), _("body text: services {year} = {rate}%").format(
            year=LAST, rate=shown['Services', LAST])),
        "lede-region-ratio": region_ratio,
        "not-important-share": (None, _("the page names no survey for it. {official}").format(
            official=official_importance(context))),
        "not-important-6-in-10": (not_important / 10, _(
            "the deck's {share}% is {in_ten} in 10: six or more (이상); the 64% itself cannot be checked").format(
            share=f"{not_important:g}", in_ten=f"{not_important / 10:g}")),
    }
    intervals = {"size-gap-multiple": (low, high), "size-gap-multiple-body": (low, high)}
    statement = "statement_ko" if _korean() else "statement_en"  # in Korean, the page's own words
    page_claims = [  # the 6-in-10 holds against the deck's 64%: six *or more* in 10
        cl.Check(cid, by_id.loc[cid, statement], printed[cid], by_id.loc[cid, "unit"], *rows[cid],
                 part=by_id.loc[cid, "part"], interval=intervals.get(cid))
        for cid in by_id.index
    ]
    return page_claims + findings(rates) + [
        cl.Check("importance-question", _("The survey behind the 64%, its base, question and answer scale"), "", "",
                 None, _("the page gives only its topic, 스마트제조혁신 (smart-manufacturing innovation), which the "
                         "headline ('AX 중요' 인식도 낮아) and the article's second paragraph turn into a statement "
                         "about AX"), kind=cl.NOT_SAID),
        cl.Check("survey-unnamed", _("Which survey the rates come from, who was asked and what counted as using AI"),
                 "", "", None, _("the page names the presenter and her presentation (자료), not the survey or its "
                                 "base"), kind=cl.NOT_SAID),
    ]


def _allowing(text: str) -> str:
    """The interval the rates' rounding allows, when it is one (a single figure adds nothing to the sum)."""
    return " " + _("({interval} with the rates' rounding)").format(interval=text) if "–" in text else ""


def official_importance(context: pd.DataFrame | None) -> str:
    """The first official smart-manufacturing survey's own importance figure, when the book holds it."""
    held = None if context is None else context.query("indicator == 'innovation_important'")
    if held is None or held.empty:
        return _("The book holds no official figure to set beside it.")
    r = held.iloc[0]
    return _("The first official 스마트제조혁신 실태조사 ({year} data) found {share}% of all firms rating "
             "smart-manufacturing innovation important: another population and question, so it neither confirms nor "
             "contradicts the deck").format(year=r['year'], share=r['value_printed'])


def rate_ratio(rates: pd.DataFrame, year: int) -> tuple[float, float, float]:
    """Large firms' AI-use rate ÷ SMEs' in ``year``, with the interval the printed rates allow."""
    printed = rates.query("dimension == 'firm_size'").set_index(["group", "year"])["value_printed"]
    g = gaps(rates).query("dimension == 'firm_size'").set_index("year")
    return cl.bounds(lambda lead, lag: lead / lag, printed[g.loc[year, "leader"], year],
                     printed[g.loc[year, "laggard"], year])


def findings(rates: pd.DataFrame) -> list[cl.Check]:
    """'배' measures two things on this page: a ratio of gaps (the 11배) and a ratio of rates (the 3.4배)."""
    low, high = ratio_of_gaps_interval(rates)
    g = gaps(rates).query("dimension == 'firm_size'").set_index("year")
    out = [cl.Check("gap-ratio", _("The large–SME gap in {last} ÷ the gap in {first}, from the printed rates").format(
                        last=LAST, first=FIRST), "",
                    _times(), g.loc[LAST, "gap_pp"] / g.loc[FIRST, "gap_pp"],
                    _("a ratio of two gaps in percentage points: the headline's 11배"), kind=cl.FINDING,
                    interval=(low, high))]
    printed = rates.query("dimension == 'firm_size'").set_index(["group", "year"])["value_printed"]
    for side, slug in (("leader", "large"), ("laggard", "sme")):
        group = g.loc[LAST, side]
        value, lo, hi = cl.bounds(lambda first, last: last / first, printed[group, FIRST], printed[group, LAST])
        out.append(cl.Check(f"growth-multiple-{slug}", _("{group}: AI-use rate {last} ÷ {first}").format(
                                group=_group(g.loc[LAST], side), last=LAST, first=FIRST), "", _times(), value,
                            _("a growth multiple: the third thing '배' can mean"), kind=cl.FINDING, interval=(lo, hi)))
    for year in (FIRST, LAST):
        value, lo, hi = rate_ratio(rates, year)
        out.append(cl.Check(f"rate-ratio-{year}", _("Large firms' AI-use rate ÷ SMEs', {year}").format(year=year), "",
                            _times(), value, _("a ratio of two rates: the measure the page's 3.4배 (regions) uses"),
                            kind=cl.FINDING, interval=(lo, hi)))
    return out


def ratio_of_gaps_interval(rates: pd.DataFrame) -> tuple[float, float]:
    """Every value of (large − SME in LAST) ÷ (large − SME in FIRST) that the printed rates allow."""
    printed = rates.query("dimension == 'firm_size'").set_index(["group", "year"])["value_printed"]
    g = gaps(rates).query("dimension == 'firm_size'").set_index("year")
    bounds = {}
    for year in (FIRST, LAST):
        lead_lo, lead_hi = cl.printed_interval(printed[g.loc[year, "leader"], year])
        lag_lo, lag_hi = cl.printed_interval(printed[g.loc[year, "laggard"], year])
        bounds[year] = (lead_lo - lag_hi, lead_hi - lag_lo)
    return bounds[LAST][0] / bounds[FIRST][1], bounds[LAST][1] / bounds[FIRST][0]


def projection(rates: pd.DataFrame, dimension: str, horizon: int) -> pd.DataFrame:
    """Each group carried forward from the last year by two stated assumptions, capped at 100%.

    linear: the same percentage-point rise per year as in the observed period;
    compound: the same annual growth rate as in the observed period.
    """
    rows = []
    shown = rates.set_index(["group", "year"])["value_printed"]
    for rec in wide(rates).query("dimension == @dimension").to_dict("records"):
        per_year_pp = rec["change_pp"] / (LAST - FIRST)
        for year in range(FIRST, horizon + 1):
            observed = year in (FIRST, LAST)
            for method in ("linear", "compound"):
                if year <= LAST:
                    value = rec["first"] if year == FIRST else rec["last"]
                    if not observed:
                        continue
                elif method == "linear":
                    value = rec["last"] + per_year_pp * (year - LAST)
                else:
                    value = rec["last"] * (1 + rec["annual_growth"]) ** (year - LAST)
                rows.append({"group": rec["group"], "group_ko": rec["group_ko"], "year": year,
                             "method": method, "value": min(value, 100.0), "capped": value > 100,
                             "observed": observed,
                             # observed points as printed ('0.25%'); an assumption's result to one decimal
                             "value_label": f"{shown[rec['group'], year]}%" if observed else f"{min(value, 100.0):.1f}%"})
    return pd.DataFrame(rows)


# --- figures' data and text descriptions (alternative text is written from the data, never typed) ---

RESIDUAL_LABEL = N_("Residual: other methods, mostly 'manual entry' (computed, not printed; assumes one base)")


def residual_label() -> str:
    """RESIDUAL_LABEL in the edition's language: the label the composition chart greys."""
    return _(RESIDUAL_LABEL)


def describe_rates(rates: pd.DataFrame, label: str) -> str:
    shown = rates.set_index(["group", "year"])["value_printed"]  # as printed: '1.0%', not '1%'
    parts = [_("{group}: {first_value}% in {first_year} to {last_value}% in {last_year}").format(
                 group=r[label], first_value=shown[r['group'], FIRST], first_year=FIRST,
                 last_value=shown[r['group'], LAST], last_year=LAST)
             for r in wide(rates).to_dict("records")]
    return _("AI use rate by group. {parts}.").format(parts="; ".join(parts))


def describe_gaps(g: pd.DataFrame) -> str:
    parts = [_("{leader} vs {laggard} in {year}: {gap} points, {ratio}").format(
                 leader=_group(r, "leader"), laggard=_group(r, "laggard"), year=r['year'], gap=r['gap_text'],
                 ratio=amounts.times(r['ratio_text']))
             for r in g.to_dict("records")]
    return _("Gaps between leader and laggard. {parts}.").format(parts="; ".join(parts))


def describe_growth(table: pd.DataFrame, label: str) -> str:
    parts = [_("{group}: {multiple}-fold, {growth} % a year").format(
                 group=r[label], multiple=r['multiple_text'], growth=r['growth_text'])
             for r in table.to_dict("records")]
    return _("Growth {first}-{last} by group. {parts}.").format(first=FIRST, last=LAST, parts="; ".join(parts))


def describe_shares(smart: pd.DataFrame, indicators: list[str]) -> str:
    rows = smart.set_index("indicator").loc[indicators]
    return "; ".join(_("{label}: {share}% of {base}").format(
        label=r.label_ko if _korean() else r.label_en, share=r.value_printed, base=r.base_as_printed)
        for r in rows.itertuples()) + "."


def share_bars(smart: pd.DataFrame, indicators: list[str]) -> pd.DataFrame:
    """The printed shares as bars: the value as printed, labelled in English over Korean (the page's words), or in
    the Korean edition with the page's words alone."""
    shown = smart[smart["indicator"].isin(indicators)]
    label = shown["label_ko"] if _korean() else shown["label_en"] + charts.LINE_BREAK + shown["label_ko"]
    return shown.assign(text=shown["value_printed"] + "%", label=label)


def gap_chart(g: pd.DataFrame, label_lang: str):
    names = {"firm_size": "Large vs SMEs", "industry": "Services vs manufacturing",
             "region": "Capital region vs rest"}
    if label_lang == "ko":
        names = {"firm_size": "대기업 vs 중소기업", "industry": "서비스업 vs 제조업", "region": "수도권 vs 비수도권"}
    measures = [_("Absolute gap (percentage points)"), _("Relative gap (times)")]
    long = pd.concat([
        g.assign(measure=measures[0], amount=g["gap_pp"], text=[amounts.points(t) for t in g["gap_text"]]),
        g.assign(measure=measures[1], amount=g["ratio"], text=[_("{ratio}×").format(ratio=t) for t in g["ratio_text"]]),
    ])
    long["comparison"] = long["dimension"].map(names)
    long["year"] = long["year"].astype(str)
    chart = charts.measure_panels(
        long, y="comparison", y_sort=list(names.values()),
        y_offset=alt.YOffset("year:N", sort=[str(FIRST), str(LAST)]),
        color=alt.Color("year:N", title=None, scale=alt.Scale(range=["#9ecae1", theme.OKABE_ITO["blue"]])),
        tooltip=[alt.Tooltip("comparison:N"), alt.Tooltip("year:N"), alt.Tooltip("text:N", title=_("Gap"))],
        width=charts.WIDTH - 300, height=150)
    if sorted(measures) != measures:  # panels are sorted by name: in every edition the absolute gap comes first
        chart.facet.column.sort = measures
    return chart


def growth_chart(table: pd.DataFrame, label: str):
    long = pd.concat([
        table.assign(measure=_("Multiple, {first}→{last} (times)").format(first=FIRST, last=LAST),
                     amount=table["multiple"], text=[_("{ratio}×").format(ratio=t) for t in table["multiple_text"]]),
        table.assign(measure=_("Implied annual growth (%)"), amount=table["annual_growth"] * 100,
                     text=[_("{rate} %").format(rate=t) for t in table["growth_text"]]),
    ])
    return charts.measure_panels(
        long, y=label, y_sort=list(table[label]),
        color=alt.Color("dimension:N", title=None, legend=None),
        tooltip=[alt.Tooltip(f"{label}:N", title=_("Group")), alt.Tooltip("text:N", title=_("Value"))],
        width=charts.WIDTH - 360, height=170)


def collection_with_residual(smart: pd.DataFrame) -> pd.DataFrame:
    """The two printed shares of data-collection methods, plus the computed remainder, labelled as such."""
    sm = smart.set_index("indicator")
    printed = sm.loc[["data_realtime_automatic", "data_not_collected"]]
    rows = [{"label": f"{r.label_ko}: {r.value_printed}%" if _korean() else
             f"{r.label_en} ({r.label_ko}): {r.value_printed}%", "value": r.value, "text": f"{r.value_printed}%"}
            for r in printed.itertuples()]
    rest = cl.bounds(lambda a, b: 100 - a - b, *printed["value_printed"])
    rows.append({"label": residual_label(), "value": rest[0], "text": f"{cl.estimate(*rest)}%"})
    return pd.DataFrame(rows).assign(order=range(len(rows)))


def describe_collection(collection: pd.DataFrame) -> str:
    return _("How manufacturing data is collected, if both printed shares are of the same firms: {parts}.").format(
        parts="; ".join(f"{r.label.split(': ')[0]}: {r.text}" for r in collection.itertuples()))


# The groups of the other surveys (context_indicators.csv, indicator ai_use), as each survey names its population:
# a closed set, translated like any string of the book (tests/articles/test_ai_gap.py keeps it in step with the data).
CONTEXT_GROUPS = (
    N_("Large (300+)"), N_("300 or fewer (of 50+)"), N_("All (50+)"), N_("All (10+)"), N_("Large (250+)"),
    N_("Manufacturing (10+)"), N_("Medium (50-249)"), N_("Under 50 (of 10+)"), N_("Small (10-49)"), N_("Large"),
    N_("Mid-sized"), N_("SME"), N_("Capital region"), N_("Outside the capital region"), N_("Manufacturing"),
    N_("Firms 250+"), N_("Firms 100-249"))


def context_ai_use(context: pd.DataFrame, surveys: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    described = surveys.drop(columns=[c for c in surveys if c.endswith("_ko") and c != "name_ko"])  # not drawn
    frame = context.query("indicator == 'ai_use'").merge(described, on="survey_id").merge(
        sources[["source_id", "primary", "publisher"]].rename(columns={"publisher": "reported_by"}), on="source_id")
    # the Korean edition names a survey in Korean where the data has its Korean name (not every foreign one has)
    frame["survey_label"] = _korean_or_english(frame["name_ko"], frame["name_en"]) if _korean() else frame["name_en"]
    # the year in words, not in colour alone
    frame["group"] = [_("{group}, {year}").format(group=i18n.label(group), year=year)
                      for group, year in zip(frame["group"], frame["year"], strict=True)]
    frame["primary_label"] = [(_("primary: {publisher}") if primary else _("secondary: {publisher}")).format(
        publisher=publisher) for primary, publisher in zip(frame["primary"], frame["reported_by"], strict=True)]
    return frame


def _korean_or_english(korean: pd.Series, english: pd.Series) -> pd.Series:
    return korean.where(korean.notna() & (korean.astype(str).str.strip() != ""), english)


def describe_context(frame: pd.DataFrame) -> str:
    parts = []
    for name, rows in frame.groupby("survey_label", sort=False):
        values = ", ".join(f"{r.group}: {r.value_printed}%" for r in rows.itertuples())
        parts.append(f"{name}: {values}")
    return _("AI use in other surveys, each in its own panel. {parts}.").format(parts="; ".join(parts))


def survey_table(surveys: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    """The surveys of the context figure; the Korean edition leads with the Korean name (the English one where the
    data has none) and gives the English name beside it, and describes each survey in the data's Korean (the
    ``_ko`` columns the book writes beside its English population, question and comparability note)."""
    shown = surveys[surveys["survey_id"].isin(context["survey_id"])].copy()
    years = context.groupby("survey_id")["year"].agg(lambda y: ", ".join(str(v) for v in sorted(set(y))))
    shown["years"] = shown["survey_id"].map(years)
    names = ["name_en", "name_ko"]
    described = ["population", "question", "comparability_note"]
    if _korean():  # a survey without a Korean name is named once, in English
        korean = shown["name_ko"].fillna("").astype(str).str.strip()
        shown["name_ko"] = korean.where(korean != "", shown["name_en"])
        shown["name_en"] = shown["name_en"].where(korean != "", "")
        names = ["name_ko", "name_en"]
        for column in described:  # shown under the English column's name, so the headings below are one set
            shown[column] = shown[f"{column}_ko"]
    return shown[[*names, "years", *described]].fillna("").rename(
        columns={"name_en": _("survey") if names[0] == "name_en" else _("in English"),
                 "name_ko": _("in Korean") if names[0] == "name_en" else _("survey"),
                 "years": _("years"), "population": _("population"), "question": _("question"),
                 "comparability_note": _("why not comparable")})


def policy_table(asks: pd.DataFrame) -> pd.DataFrame:
    """The asks as printed, with who proposed them: in English with the page's Korean and a translation; in the
    Korean edition the page's words alone."""
    if _korean():
        return asks[["proposer_ko", "position", "text_ko"]].rename(
            columns={"proposer_ko": _("proposed by"), "position": "#", "text_ko": _("as printed")})
    return asks[["proposer_en", "position", "text_ko", "text_en"]].rename(
        columns={"proposer_en": _("proposed by"), "position": "#", "text_ko": _("as printed"),
                 "text_en": _("in English")})


def describe_projection(frame: pd.DataFrame, horizon: int, label: str) -> str:
    end = frame.query("year == @horizon")
    parts = []
    for r in end.to_dict("records"):
        part = _(PROJECTED[r["method"]]).format(group=r[label], value=f"{r['value']:.1f}")
        parts.append(_("{projected} (capped)").format(projected=part) if r["capped"] else part)
    return _("Projection of AI use from {last} to {horizon} under two assumptions (same percentage-point rise per "
             "year, or same growth rate per year), capped at 100%. At {horizon}: {parts}.").format(
        last=LAST, horizon=horizon, parts="; ".join(parts))


PROJECTED = {"linear": N_("{group} linear: {value}%"), "compound": N_("{group} compound: {value}%")}
