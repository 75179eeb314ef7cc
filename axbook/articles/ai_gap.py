"""Chapter 1's analysis: gaps, growth, claim checks and the what-if projection, all from data/."""

import altair as alt
import pandas as pd

from axbook.checks import claims as cl
from axbook.checks.params import Choice, IntRange
from axbook.figures import charts, theme

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


def checks(rates: pd.DataFrame, claims: pd.DataFrame, smart: pd.DataFrame) -> list[cl.Check]:
    """Each printed claim of the article, recomputed from the printed rates."""
    g = gaps(rates)
    size17, size23 = _gap(g, "firm_size", FIRST), _gap(g, "firm_size", LAST)
    region23 = _gap(g, "region", LAST)
    mfg23 = rates.query("group == 'Manufacturing' and year == @LAST")["value"].iloc[0]
    svc23 = rates.query("group == 'Services' and year == @LAST")["value"].iloc[0]
    by_id = claims.set_index("claim_id")
    printed = {cid: by_id.loc[cid, "value_printed"] for cid in by_id.index}
    gap17_printed, gap23_printed = float(printed["size-gap-2017"]), float(printed["size-gap-2023"])
    from_rates = size23["gap_pp"] / size17["gap_pp"]
    low, high = ratio_of_gaps_interval(rates)
    multiple_text = (f"from the printed rates: {size23['gap_pp']:g} ÷ {size17['gap_pp']:g} = {from_rates:.1f} "
                     f"(the rates' rounding allows {cl.estimate(from_rates, low, high)}); from the page's own rounded gaps: "
                     f"{gap23_printed:g} ÷ {gap17_printed:g} = {gap23_printed / gap17_printed:.2f}. Rounding the "
                     f"{FIRST} gap ({size17['gap_pp']:g} → {gap17_printed:g}) is the step that turns "
                     f"{from_rates:.0f} into {gap23_printed / gap17_printed:.0f}")
    not_important = smart.set_index("indicator").loc["innovation_not_important", "value"]
    region_ratio = (region23["ratio"], f"{region23['leader_value']:g}% ÷ {region23['laggard_value']:g}% "
                                       f"= {region23['ratio']:.3f}")
    mfg_rate = (float(mfg23), f"body text: manufacturing {LAST} = {mfg23:g}%")
    rows = {
        "size-gap-multiple": (from_rates, multiple_text),
        "size-gap-multiple-body": (from_rates, multiple_text),
        "size-gap-2017": (size17["gap_pp"], f"{size17['leader_value']:g}% − {size17['laggard_value']:g}% "
                          f"= {size17['gap_pp']:.2f} pp"),
        "size-gap-2023": (size23["gap_pp"], f"{size23['leader_value']:g}% − {size23['laggard_value']:g}% "
                          f"= {size23['gap_pp']:.2f} pp"),
        "period-years": (float(LAST - FIRST), f"{LAST} − {FIRST} = {LAST - FIRST} years"),
        "region-ratio": region_ratio,
        "region-ratio-deck": region_ratio,
        "mfg-rate-deck": mfg_rate,
        "lede-mfg-rate": mfg_rate,
        "lede-svc-rate": (float(svc23), f"body text: services {LAST} = {svc23:g}%"),
        "lede-region-ratio": region_ratio,
        "not-important-share": (None, "no underlying survey table on the page or in the book's sources"),
        "not-important-6-in-10": (None, f"consistent with the deck's {not_important:g}% (= {not_important / 10:g} "
                                        "in 10), but that figure itself cannot be checked"),
    }
    intervals = {"size-gap-multiple": (low, high), "size-gap-multiple-body": (low, high)}
    page_claims = [
        cl.Check(cid, by_id.loc[cid, "statement_en"], printed[cid], by_id.loc[cid, "unit"], *rows[cid],
                 part=by_id.loc[cid, "part"], interval=intervals.get(cid))
        for cid in by_id.index
    ]
    return page_claims + findings(rates) + [
        cl.Check("importance-question", "What the 64% answered", "", "", None,
                 "a question about 스마트제조혁신 (smart-manufacturing innovation), not about AX; the headline's "
                 "'AX 중요' 인식도 낮아 (awareness that AX matters is low) rests on it", kind=cl.NOT_SAID),
        cl.Check("survey-unnamed", "Which survey the rates come from, who was asked and what counted as using AI",
                 "", "", None, "the page names the presenter and her deck, not the survey or its base",
                 kind=cl.NOT_SAID),
    ]


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
    out = [cl.Check("gap-ratio", f"The large–SME gap in {LAST} ÷ the gap in {FIRST}, from the printed rates", "",
                    "times", g.loc[LAST, "gap_pp"] / g.loc[FIRST, "gap_pp"],
                    "a ratio of two gaps in percentage points: the headline's 11배", kind=cl.FINDING,
                    interval=(low, high))]
    printed = rates.query("dimension == 'firm_size'").set_index(["group", "year"])["value_printed"]
    for group, slug in ((g.loc[LAST, "leader"], "large"), (g.loc[LAST, "laggard"], "sme")):
        value, lo, hi = cl.bounds(lambda first, last: last / first, printed[group, FIRST], printed[group, LAST])
        out.append(cl.Check(f"growth-multiple-{slug}", f"{group}: AI-use rate {LAST} ÷ {FIRST}", "", "times", value,
                            "a growth multiple: the third thing '배' can mean", kind=cl.FINDING, interval=(lo, hi)))
    for year in (FIRST, LAST):
        value, lo, hi = rate_ratio(rates, year)
        out.append(cl.Check(f"rate-ratio-{year}", f"Large firms' AI-use rate ÷ SMEs', {year}", "", "times", value,
                            "a ratio of two rates: the measure the page's 3.4배 (regions) uses", kind=cl.FINDING,
                            interval=(lo, hi)))
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
                             "observed": observed})
    return pd.DataFrame(rows)


# --- figures' data and text descriptions (alternative text is written from the data, never typed) ---

RESIDUAL_LABEL = "Residual: other methods, mostly 'manual entry' (computed, not printed)"


def describe_rates(rates: pd.DataFrame, label: str) -> str:
    parts = [f"{r[label]}: {r['first']:g}% in {FIRST} to {r['last']:g}% in {LAST}"
             for r in wide(rates).to_dict("records")]
    return "AI use rate by group. " + "; ".join(parts) + "."


def describe_gaps(g: pd.DataFrame) -> str:
    parts = [f"{r['leader']} vs {r['laggard']} in {r['year']}: {r['gap_text']} points, {r['ratio_text']} times"
             for r in g.to_dict("records")]
    return "Gaps between leader and laggard. " + "; ".join(parts) + "."


def describe_growth(table: pd.DataFrame, label: str) -> str:
    parts = [f"{r[label]}: {r['multiple_text']}-fold, {r['growth_text']} % a year" for r in table.to_dict("records")]
    return f"Growth {FIRST}-{LAST} by group. " + "; ".join(parts) + "."


def describe_shares(smart: pd.DataFrame, indicators: list[str]) -> str:
    rows = smart.set_index("indicator").loc[indicators]
    return "; ".join(f"{r.label_en}: {r.value_printed}% of {r.base_as_printed}" for r in rows.itertuples()) + "."


def gap_chart(g: pd.DataFrame, label_lang: str):
    names = {"firm_size": "Large vs SMEs", "industry": "Services vs manufacturing",
             "region": "Capital region vs rest"}
    if label_lang == "ko":
        names = {"firm_size": "대기업 vs 중소기업", "industry": "서비스업 vs 제조업", "region": "수도권 vs 비수도권"}
    long = pd.concat([
        g.assign(measure="Absolute gap (percentage points)", amount=g["gap_pp"],
                 text=g["gap_text"] + " pp"),
        g.assign(measure="Relative gap (times)", amount=g["ratio"], text=g["ratio_text"] + "×"),
    ])
    long["comparison"] = long["dimension"].map(names)
    long["year"] = long["year"].astype(str)
    return charts.measure_panels(
        long, y="comparison", y_sort=list(names.values()),
        y_offset=alt.YOffset("year:N", sort=[str(FIRST), str(LAST)]),
        color=alt.Color("year:N", title=None, scale=alt.Scale(range=["#9ecae1", theme.OKABE_ITO["blue"]])),
        tooltip=[alt.Tooltip("comparison:N"), alt.Tooltip("year:N"), alt.Tooltip("text:N", title="Gap")],
        width=charts.WIDTH - 300, height=150)


def growth_chart(table: pd.DataFrame, label: str):
    long = pd.concat([
        table.assign(measure=f"Multiple, {FIRST}→{LAST} (times)", amount=table["multiple"],
                     text=table["multiple_text"] + "×"),
        table.assign(measure="Implied annual growth (%)", amount=table["annual_growth"] * 100,
                     text=table["growth_text"] + " %"),
    ])
    return charts.measure_panels(
        long, y=label, y_sort=list(table[label]),
        color=alt.Color("dimension:N", title=None, legend=None),
        tooltip=[alt.Tooltip(f"{label}:N", title="Group"), alt.Tooltip("text:N", title="Value")],
        width=charts.WIDTH - 360, height=170)


def collection_with_residual(smart: pd.DataFrame) -> pd.DataFrame:
    """The two printed shares of data-collection methods, plus the computed remainder, labelled as such."""
    sm = smart.set_index("indicator")
    printed = sm.loc[["data_realtime_automatic", "data_not_collected"]]
    rows = [{"label": f"{r.label_en} ({r.label_ko}): {r.value_printed}%", "value": r.value, "text": f"{r.value_printed}%"}
            for r in printed.itertuples()]
    rest = 100 - printed["value"].sum()
    rows.append({"label": RESIDUAL_LABEL, "value": rest, "text": f"{rest:.1f}%"})
    return pd.DataFrame(rows).assign(order=range(len(rows)))


def describe_collection(collection: pd.DataFrame) -> str:
    return "How manufacturing data is collected: " + "; ".join(
        f"{r.label}: {r.text}" for r in collection.itertuples()) + "."


def context_ai_use(context: pd.DataFrame, surveys: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    frame = context.query("indicator == 'ai_use'").merge(surveys, on="survey_id").merge(
        sources[["source_id", "primary", "publisher"]].rename(columns={"publisher": "reported_by"}), on="source_id")
    frame["survey_label"] = frame["name_en"]
    frame["group"] = frame["group"] + ", " + frame["year"].astype(str)  # the year in words, not in colour alone
    frame["primary_label"] = frame["primary"].map({True: "primary", False: "secondary"}) + ": " + frame["reported_by"]
    return frame


def describe_context(frame: pd.DataFrame) -> str:
    parts = []
    for name, rows in frame.groupby("name_en", sort=False):
        values = ", ".join(f"{r.group}: {r.value_printed}%" for r in rows.itertuples())
        parts.append(f"{name}: {values}")
    return "AI use in other surveys, each in its own panel. " + "; ".join(parts) + "."


def survey_table(surveys: pd.DataFrame, context: pd.DataFrame) -> pd.DataFrame:
    shown = surveys[surveys["survey_id"].isin(context["survey_id"])].copy()
    years = context.groupby("survey_id")["year"].agg(lambda y: ", ".join(str(v) for v in sorted(set(y))))
    shown["years"] = shown["survey_id"].map(years)
    return shown[["name_en", "name_ko", "years", "population", "question", "comparability_note"]].fillna("").rename(
        columns={"name_en": "survey", "name_ko": "in Korean", "comparability_note": "why not comparable"})


def describe_projection(frame: pd.DataFrame, horizon: int, label: str) -> str:
    end = frame.query("year == @horizon")
    parts = [f"{r[label]} {r['method']}: {r['value']:.1f}%" + (" (capped)" if r["capped"] else "")
             for r in end.to_dict("records")]
    return (f"Projection of AI use from {LAST} to {horizon} under two assumptions (same percentage-point rise "
            f"per year, or same growth rate per year), capped at 100%. At {horizon}: " + "; ".join(parts) + ".")
