"""Chapter 2's analysis: four Korean power-equipment deals for North American AI data centres.

Every amount comes from ``power_deal_figures`` as printed (value + printed unit); every conversion,
rate, growth and ratio here is computed. Context figures (exchange rates, data-centre electricity,
capacity, investment) come from ``context_indicators`` and are never joined to the page's numbers.
"""

import re
from datetime import date

import numpy as np
import pandas as pd

from axbook.checks import claims as cl
from axbook.checks.params import Choice
from axbook.figures.charts import COMPUTED, NOT_PRINTED, OUTSIDE_PRIMARY, OUTSIDE_SECONDARY, PRINTED
from axbook.language import dates

# What one printed unit is worth in the currency's base unit, and which currency.
UNITS = {"억원": ("KRW", 1e8), "억": ("KRW", 1e8), "조원": ("KRW", 1e12), "만달러": ("USD", 1e4)}
KRW_BN = 1e9  # the chapter's comparable unit: billion won (₩bn)
HOURS_PER_YEAR = 24 * 365  # a plant at full output all year: the upper bound of its energy
PAGE_RATE = "page"

def parameters(context: pd.DataFrame) -> dict:
    """Chapter 2's papermill parameters; the exchange rates on offer are the ones in data/."""
    return {
        "fx_rate": Choice(PAGE_RATE, *fx_context(context)["group"]),
        "busduct_growth": Choice("implied", "flat", "doubling"),
    }

def printed(row) -> str:
    """A figure as the page printed it: hedge, number and unit ('약 7000만달러', '최대 4조원 이상')."""
    value, unit = row["value_printed"], row["unit_printed"]
    hedge = "" if pd.isna(row["qualifier_ko"]) else row["qualifier_ko"]
    if "…" in hedge:
        return hedge.replace("…", f"{value}{unit}")
    if hedge in ("까지", "급"):  # suffixes: 2030년까지, 20MW급
        return f"{value}{unit}{hedge}"
    if hedge == "규모":
        return f"{value}{unit} {hedge}"
    return f"{hedge} {value}{unit}".strip()

def figure(figs: pd.DataFrame, subject: str, measure: str) -> pd.Series:
    return figs.set_index(["subject", "measure"]).loc[(subject, measure)]

def in_base(row) -> tuple[str, float]:
    currency, factor = UNITS[row["unit_printed"]]
    return currency, float(row["value"]) * factor

# --- the exchange rate the page implies ---

def implied_rate(figs: pd.DataFrame) -> dict:
    """KRW per USD from the one deal printed in both currencies, with the interval its rounding allows."""
    usd, krw = figure(figs, "ls-electric-distribution", "contract_value_usd"), figure(
        figs, "ls-electric-distribution", "contract_value_krw")
    usd_factor, krw_factor = UNITS[usd["unit_printed"]][1], UNITS[krw["unit_printed"]][1]
    usd_low, usd_high = cl.printed_interval(usd["value_printed"])
    krw_low, krw_high = cl.printed_interval(krw["value_printed"])
    return {
        "rate": float(krw["value"]) * krw_factor / (float(usd["value"]) * usd_factor),
        "low": krw_low * krw_factor / (usd_high * usd_factor),
        "high": krw_high * krw_factor / (usd_low * usd_factor),
        "usd_printed": printed(usd), "krw_printed": printed(krw),
        "usd_step": float(cl.precision_step(usd["value_printed"])),
        "krw_step": float(cl.precision_step(krw["value_printed"])),
    }

def fx_context(context: pd.DataFrame) -> pd.DataFrame:
    return context.query("indicator == 'krw_per_usd'").reset_index(drop=True)

def chosen_rate(fx_rate: str, figs: pd.DataFrame, context: pd.DataFrame) -> float:
    if fx_rate == PAGE_RATE:
        return implied_rate(figs)["rate"]
    return float(fx_context(context).set_index("group").loc[fx_rate, "value"])

def fx_frame(figs: pd.DataFrame, context: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The page's implied rate (with its interval) beside the market rates in data/."""
    implied = implied_rate(figs)
    rows = [{"label": f"Implied by the page ({implied['krw_printed']} ÷ {implied['usd_printed']})",
             "rate": implied["rate"], "low": implied["low"], "high": implied["high"], "kind": COMPUTED,
             "text": f"{cl.estimate(implied['rate'], implied['low'], implied['high'])}"}]
    for r in fx_context(context).merge(sources[["source_id", "publisher", "primary"]], on="source_id").itertuples():
        label = rate_label(r.group).removeprefix("the ")
        rows.append({"label": f"{label[:1].upper()}{label[1:]} ({r.publisher})", "rate": r.value, "low": r.value,
                     "high": r.value,
                     "kind": OUTSIDE_PRIMARY if r.primary else OUTSIDE_SECONDARY,
                     "text": f"{r.value_printed}"})
    return pd.DataFrame(rows)

def describe_fx(frame: pd.DataFrame) -> str:
    page, market = frame.iloc[0], frame.iloc[1:]
    return (f"KRW per US dollar. The page's two printed amounts imply {page['text']} given their rounding "
            f"({page['rate']:,.0f} at the printed figures); "
            + "; ".join(f"{r.label}: {r.text}" for r in market.itertuples()) + ".")

def _press(context: pd.DataFrame) -> pd.DataFrame:
    """The outside report of HD Hyundai Heavy Industries' contract, by indicator."""
    return context.query("survey_id == 'press-contracts'").set_index("indicator")


# --- the deals in one unit ---

def deals_frame(deals: pd.DataFrame, figs: pd.DataFrame, rate: float, context: pd.DataFrame) -> pd.DataFrame:
    """One row per deal figure, money in ₩bn (USD converted at ``rate``), the printed text kept beside it."""
    ls_usd, ls_krw = figure(figs, "ls-electric-distribution", "contract_value_usd"), figure(
        figs, "ls-electric-distribution", "contract_value_krw")
    first, total = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw"), figure(
        figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    engines, capacity = figure(figs, "hdms-aeg-maintenance", "engines_covered"), figure(
        figs, "hhi-aeg-generation", "plant_capacity")
    until = figure(figs, "gaon-lscus-busduct", "supply_until_year")
    company = deals.set_index("deal_id")
    hhi_value = _press(context).loc["contract_value"]
    rows = [
        ("ls-electric-distribution", "LS Electric: distribution gear", in_base(ls_krw)[1] / KRW_BN,
         f"{printed(ls_krw)} ({printed(ls_usd)})", PRINTED),
        ("gaon-lscus-busduct", "Gaon Cable: busducts, this year", in_base(first)[1] / KRW_BN,
         f"올해 {printed(first)}", PRINTED),
        ("gaon-lscus-busduct", f"Gaon Cable: busducts, cumulative to {until['value_printed']}", in_base(total)[1] / KRW_BN,
         printed(total), PRINTED),
        ("hhi-aeg-generation", "HD Hyundai Heavy Ind.: generating plant", float(hhi_value["value"]),
         f"{printed(capacity)}; value from an outside report", OUTSIDE_SECONDARY),
        ("hdms-aeg-maintenance", "HD Hyundai Marine Solution: upkeep", 0.0,
         f"{printed(engines)} engines; an agreement, no value", NOT_PRINTED),
    ]
    frame = pd.DataFrame(rows, columns=["deal_id", "label", "krw_bn", "printed", "basis"])
    frame["company_ko"] = frame["deal_id"].map(company["company_ko"])
    frame["usd_m"] = frame["krw_bn"] * KRW_BN / rate / 1e6
    frame["text"] = [f"₩{v:,.0f}bn · {p}" if v else p for v, p in zip(frame["krw_bn"], frame["printed"], strict=True)]
    return frame

def two_digits(value: float) -> str:
    """A conversion of a rounded amount, to two significant digits: 2667 -> '2,700'."""
    return f"{float(f'{value:.2g}'):,.0f}" if value >= 10 else f"{float(f'{value:.2g}'):g}"


def describe_deals(frame: pd.DataFrame, rate: float) -> str:
    parts = [f"{r.label}: " + (f"₩{r.krw_bn:,.0f}bn (about ${two_digits(r.usd_m)} million at {rate:,.0f} won per "
                               "dollar), "
                               if r.krw_bn else "") + f"{r.printed} [{r.basis}]" for r in frame.itertuples()]
    return "The deals in billion won. " + "; ".join(parts) + "."

# --- the busduct ramp ---

def busduct_terms(figs: pd.DataFrame, edition_year: int) -> dict:
    first, total = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw"), figure(
        figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    until = int(figure(figs, "gaon-lscus-busduct", "supply_until_year")["value"])
    years = until - edition_year + 1
    first_unit, total_unit = UNITS[first["unit_printed"]][1], UNITS[total["unit_printed"]][1]
    growth_pct = cl.bounds(lambda f, t: 100 * implied_growth(f * first_unit / KRW_BN, t * total_unit / KRW_BN, years),
                           first["value_printed"], total["value_printed"])
    return {"first_bn": in_base(first)[1] / KRW_BN, "total_bn": in_base(total)[1] / KRW_BN,
            "first_year": edition_year, "last_year": until, "years": years, "growth_pct": growth_pct,
            "term_printed": int(figure(figs, "gaon-lscus-busduct", "term")["value"]),
            "first_printed": printed(first), "total_printed": printed(total)}

def cumulative(first: float, growth: float, years: int) -> float:
    """first + first(1+g) + … over ``years`` years: a geometric series."""
    return first * years if growth == 0 else first * ((1 + growth) ** years - 1) / growth

def implied_growth(first: float, total: float, years: int) -> float:
    """The constant yearly growth g with cumulative(first, g, years) == total: the real root x = 1 + g > 1 of
    x^n − (T/F)·x + (T/F − 1) = 0, which is the series equation multiplied out (x = 1 is the trivial root)."""
    ratio = total / first
    coefficients = [1.0] + [0.0] * (years - 2) + [-ratio, ratio - 1]
    roots = [r.real for r in np.roots(coefficients) if abs(r.imag) < 1e-9 and r.real > 1 + 1e-9]
    if ratio <= years or not roots:
        return 0.0 if ratio == years else float("nan")  # no growth needed, or shrinking supply
    return max(roots) - 1

SCENARIOS = {"flat": 0.0, "doubling": 1.0}

def scenario_growth(name: str, terms: dict) -> float:
    if name == "implied":
        return implied_growth(terms["first_bn"], terms["total_bn"], terms["years"])
    return SCENARIOS[name]

def ramp_frame(terms: dict) -> pd.DataFrame:
    """One row per contract year; the chart computes supply under the reader's growth rate from these."""
    years = range(terms["first_year"], terms["last_year"] + 1)
    return pd.DataFrame({"year": list(years), "k": range(len(years)), "first_bn": terms["first_bn"],
                         "total_bn": terms["total_bn"]})

def describe_ramp(terms: dict, growth: float) -> str:
    implied = implied_growth(terms["first_bn"], terms["total_bn"], terms["years"])
    return (f"Busduct supply from ₩{terms['first_bn']:,.0f}bn in {terms['first_year']} to a cumulative "
            f"₩{terms['total_bn']:,.0f}bn by {terms['last_year']} ({terms['years']} years) needs constant growth of "
            f"{cl.estimate(*terms['growth_pct'])} % a year ({implied:.0%} at the printed figures, both of which are "
            f"rounded). Shown at {growth:.0%} a year: cumulative "
            f"₩{cumulative(terms['first_bn'], growth, terms['years']):,.0f}bn by {terms['last_year']}.")

# --- the engines ---

def engine_arithmetic(figs: pd.DataFrame) -> dict:
    capacity = figure(figs, "hhi-aeg-generation", "plant_capacity")
    rating = figure(figs, "hhi-aeg-generation", "engine_unit_class")
    engines = figure(figs, "hdms-aeg-maintenance", "engines_covered")
    mw, per, n = float(capacity["value"]), float(rating["value"]), int(engines["value"])
    return {"capacity_mw": mw, "class_mw": per, "engines": n, "per_engine_mw": mw / n,
            "engines_at_class": mw / per, "capacity_at_class": n * per,
            "capacity_printed": printed(capacity), "class_printed": printed(rating), "engines_printed": printed(engines)}

def engine_frame(e: dict) -> pd.DataFrame:
    return pd.DataFrame([
        {"label": f"Printed plant capacity ({e['capacity_printed']})", "mw": e["capacity_mw"],
         "text": f"{e['capacity_mw']:,.0f} MW", "kind": PRINTED},
        {"label": f"{e['engines']} engines × {e['class_mw']:g} MW ({e['engines_printed']} × {e['class_printed']})",
         "mw": e["capacity_at_class"], "text": f"{e['capacity_at_class']:,.0f} MW", "kind": COMPUTED},
    ])

def describe_engines(e: dict) -> str:
    return (f"Printed plant capacity {e['capacity_mw']:g} MW against {e['engines']} engines of the {e['class_mw']:g} MW "
            f"class: {e['capacity_at_class']:g} MW. {e['capacity_mw']:g} ÷ {e['engines']} = "
            f"{e['per_engine_mw']:.1f} MW per engine; {e['capacity_mw']:g} ÷ {e['class_mw']:g} = "
            f"{e['engines_at_class']:.1f} engines.")

# --- the scale of demand ---

def scale_frame(context: pd.DataFrame, sources: pd.DataFrame, figs: pd.DataFrame, rate: float) -> pd.DataFrame:
    """Energy with energy, capacity with capacity, money with money: the page's deals beside the market."""
    ctx = context.merge(sources[["source_id", "primary", "publisher"]], on="source_id")
    e = engine_arithmetic(figs)
    total = figure(figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    ls_usd = figure(figs, "ls-electric-distribution", "contract_value_usd")
    rows = []

    def add(measure, label, amount, text, kind, key, period=""):
        rows.append({"measure": measure, "label": label, "amount": amount, "text": text, "kind": kind, "key": key,
                     "period": str(period)})

    def source_kind(r):
        return OUTSIDE_PRIMARY if r.primary else OUTSIDE_SECONDARY

    energy = "Electricity a year (TWh)"
    for r in ctx.query("indicator == 'dc_electricity'").itertuples():
        add(energy, f"{r.group}, {r.year}", r.value, f"{r.value_printed} TWh", source_kind(r),
            f"{r.survey_id}:{r.year}", r.year)
    plant_twh = e["capacity_mw"] * HOURS_PER_YEAR / 1e6
    add(energy, f"The page: {e['capacity_printed']} plant, flat out", plant_twh, f"{plant_twh:.1f} TWh", COMPUTED,
        "page:plant")
    capacity = "Capacity (GW)"
    for r in ctx.query("indicator == 'dc_colocation_capacity'").itertuples():
        add(capacity, f"Installed, {r.group}, {r.year}", r.value, f"{r.value_printed} GW", source_kind(r),
            "colocation", r.year)
    add(capacity, f"The page: {e['capacity_printed']} plant", e["capacity_mw"] / 1000, f"{e['capacity_mw'] / 1000:.3f} GW",
        PRINTED, "page:plant")
    money = "Money (US$ billion)"
    for r in ctx.query("indicator == 'dc_investment_forecast'").itertuples():
        add(money, f"Investment, {r.group}", r.value * 1000, f"${r.value_printed} trillion", source_kind(r), "investment",
            r.group.split(", ")[-1])
    busduct_usd_bn = in_base(total)[1] / rate / 1e9
    add(money, f"The page: busducts, {printed(total)}", busduct_usd_bn, f"${two_digits(busduct_usd_bn)}bn", COMPUTED,
        "page:busducts")
    ls_usd_bn = in_base(ls_usd)[1] / 1e9
    add(money, f"The page: LS Electric, {printed(ls_usd)}", ls_usd_bn, f"${ls_usd_bn:,.2f}bn", PRINTED, "page:ls")
    return pd.DataFrame(rows)

def describe_scale(frame: pd.DataFrame) -> str:
    return "The page's deals against the market, one panel per unit. " + "; ".join(
        f"{r.label}: {r.text}" for r in frame.itertuples()) + "."

def shares(frame: pd.DataFrame) -> dict:
    """Each page figure as a share of the outside figure in the same panel (same unit)."""
    def row(measure: str, key: str) -> pd.Series:
        return frame[(frame["measure"] == measure) & (frame["key"] == key)].iloc[0]

    def amount(measure: str, key: str) -> float:
        return float(row(measure, key)["amount"])

    energy, capacity, money = "Electricity a year (TWh)", "Capacity (GW)", "Money (US$ billion)"
    plant_twh = amount(energy, "page:plant")
    return {
        # the latest observed year of each series (later years are projections)
        "plant_share_us_2023": plant_twh / amount(energy, "lbnl-2024:2023"),
        "plant_share_world_2024": plant_twh / amount(energy, "iea-energy-ai:2024"),
        "plant_share_colocation": amount(capacity, "page:plant") / amount(capacity, "colocation"),
        "busduct_share_investment": amount(money, "page:busducts") / amount(money, "investment"),
        "us_year": row(energy, "lbnl-2024:2023")["period"], "colocation_year": row(capacity, "colocation")["period"],
        "investment_period": row(money, "investment")["period"],
    }


# --- the book's findings: each derived figure with the interval its inputs' rounding allows ---

def rate_input(fx_rate: str, figs: pd.DataFrame, context: pd.DataFrame) -> cl.Input:
    """The won-dollar rate as an input of ``claims.bounds``: the page's implied rate with its interval, or an
    outside rate as printed by its publisher."""
    if fx_rate == PAGE_RATE:
        implied = implied_rate(figs)
        return implied["rate"], implied["low"], implied["high"]
    return fx_context(context).set_index("group").loc[fx_rate, "value_printed"]


def busduct_bounds(figs: pd.DataFrame, edition_year: int) -> dict:
    """The busduct figures the book derives, each as (value at the printed figures, low, high)."""
    first, total = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw"), figure(
        figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    ls = figure(figs, "ls-electric-distribution", "contract_value_krw")
    first_unit, total_unit, ls_unit = (UNITS[r["unit_printed"]][1] for r in (first, total, ls))
    return {
        "multiple": cl.bounds(lambda f, t: t * total_unit / (f * first_unit), first["value_printed"],
                              total["value_printed"]),
        "growth_pct": busduct_terms(figs, edition_year)["growth_pct"],
        "times_ls": cl.bounds(lambda t, c: t * total_unit / (c * ls_unit), total["value_printed"], ls["value_printed"]),
    }


def share_bounds(figs: pd.DataFrame, context: pd.DataFrame, rate: cl.Input) -> dict:
    """The page's deals as shares (%) of the outside figures in the same unit, each as (value, low, high)."""
    capacity = figure(figs, "hhi-aeg-generation", "plant_capacity")
    total = figure(figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    us = context.query("indicator == 'dc_electricity' and survey_id == 'lbnl-2024' and year == 2023").iloc[0][
        "value_printed"]  # the latest observed year (later years are projections), as in ``shares``
    colocation = context.query("indicator == 'dc_colocation_capacity'").iloc[0]
    investment = context.query("indicator == 'dc_investment_forecast'").iloc[0]
    total_unit = UNITS[total["unit_printed"]][1]
    return {
        "plant_share_us": cl.bounds(lambda mw, twh: 100 * mw * HOURS_PER_YEAR / 1e6 / twh, capacity["value_printed"], us),
        "plant_share_colocation": cl.bounds(lambda mw, gw: 100 * mw / 1000 / gw, capacity["value_printed"],
                                            colocation["value_printed"]),
        "busduct_share_investment": cl.bounds(lambda t, r, usd_tn: 100 * t * total_unit / r / (usd_tn * 1e12),
                                              total["value_printed"], rate, investment["value_printed"]),
        "colocation_year": int(colocation["year"]), "investment_period": investment["group"].split(", ")[-1],
        "us_printed": us, "investment_printed": investment["value_printed"],
        "colocation_printed": colocation["value_printed"],
    }


def approx(bounds: tuple[float, float, float]) -> str:
    """A derived figure at the digits its interval supports (``claims.estimate``)."""
    return cl.estimate(*bounds)


# --- checking the article ---

def _outside_rate(context: pd.DataFrame, sources: pd.DataFrame, edition_year: int) -> pd.Series | None:
    """The market rate reported for the edition's year, with its publisher."""
    rates = fx_context(context).merge(sources[["source_id", "publisher"]], on="source_id").query(
        "year == @edition_year")
    return None if rates.empty else rates.sort_values("group").iloc[-1]


def _outside(press: pd.DataFrame, indicator: str) -> float | None:
    return float(press.loc[indicator, "value"]) if indicator in press.index else None


def _quoted(press: pd.DataFrame, indicator: str) -> str:
    return press.loc[indicator, "value_printed"] if indicator in press.index else "?"


def _rate_day(group: str) -> str:
    """'Opening rate 2026-03-19' -> '19 March 2026'."""
    day = re.search(r"\d{4}-\d{2}-\d{2}", group)
    return dates.date_text(date.fromisoformat(day.group())) if day else group


def rate_label(group: str) -> str:
    """A market rate's label as prose: 'Opening rate 2026-03-19' -> 'the opening rate of 19 March 2026'."""
    kind = re.sub(r"\s*\d{4}-\d{2}-\d{2}\s*", "", group).strip()
    return f"the {kind[:1].lower()}{kind[1:]} of {_rate_day(group)}"


def checks(figs: pd.DataFrame, context: pd.DataFrame, sources: pd.DataFrame, edition_year: int) -> list[cl.Check]:
    """The article's claims, the book's findings and what the page does not say, under the book's one rule."""
    implied = implied_rate(figs)
    terms = busduct_terms(figs, edition_year)
    e = engine_arithmetic(figs)
    deck, body = figure(figs, "ls-electric-distribution", "contract_value_krw_deck"), figure(
        figs, "ls-electric-distribution", "contract_value_krw")
    hhi = _press(context)
    press = sources.set_index("source_id").loc[hhi.loc["contract_capacity", "source_id"]]
    published = press["published"]
    signed = figure(figs, "hhi-aeg-generation", "signed_month")
    signed_month = int(published[5:7]) if published.startswith(str(edition_year)) else None
    usd = figure(figs, "ls-electric-distribution", "contract_value_usd")
    first = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw")
    total = figure(figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    until = figure(figs, "gaon-lscus-busduct", "supply_until_year")
    capacity = figure(figs, "hhi-aeg-generation", "plant_capacity")
    rating = figure(figs, "hhi-aeg-generation", "engine_unit_class")
    busduct = busduct_bounds(figs, edition_year)
    shares_ = share_bounds(figs, context, rate_input(PAGE_RATE, figs, context))
    usd_unit, krw_unit = UNITS[usd["unit_printed"]][1], UNITS[body["unit_printed"]][1]
    market = _outside_rate(context, sources, edition_year)
    if market is None:
        fx_claim = cl.Check("ls-usd-krw", f"{printed(usd)} is {printed(body)}", body["value_printed"], "억원", None,
                            f"the page prints no rate, and the book holds no market rate of {edition_year}", "body")
    else:
        converted = cl.bounds(lambda d, r: d * usd_unit * r / krw_unit, usd["value_printed"], market["value_printed"])
        fx_claim = cl.Check(
            "ls-usd-krw", f"{printed(usd)} is {printed(body)}", body["value_printed"], "억원", converted[0],
            f"the page prints no rate; at the market rate of {_rate_day(market['group'])} reported by "
            f"{market['publisher']} ({market['value_printed']} won), {printed(usd)} is "
            f"{approx(converted)}억원", "body", interval=converted[1:], outside=market["publisher"])
    return [
        cl.Check("ls-deck-vs-body", f"LS Electric's contract: the deck's {deck['value_printed']}{deck['unit_printed']} "
                 f"and the body's {printed(body)}", deck["value_printed"], "억원", float(body["value"]),
                 f"body: {printed(body)}; deck: {deck['value_printed']}{deck['unit_printed']}", "deck"),
        fx_claim,
        cl.Check("busduct-term", f"향후 {terms['term_printed']}년간 (the next {terms['term_printed']} years) and "
                 f"올해 … {printed(until)} (this year to {until['value_printed']})",
                 str(terms["term_printed"]), "년", float(terms["years"]),
                 f"{terms['last_year']} − {terms['first_year']} + 1 = {terms['years']} years, taking 'this year' as "
                 f"{edition_year}, the edition's year (the article does not print the year)", "body"),
        cl.Check("busduct-total", f"Cumulative busduct supply of {printed(total)} (up to ₩4 trillion or more)",
                 total["value_printed"], "조원", None,
                 "a forecast hedged both ways (최대 … 이상); the page gives no yearly plan to add up", "body"),
        cl.Check("engine-class", f"{printed(rating)} (20 MW-class) engines in a {printed(capacity)} plant",
                 rating["value_printed"], "MW", _outside(hhi, "engine_unit_class"),
                 f"an outside report ({press['publisher']}) gives a plant 'based on "
                 f"{_quoted(hhi, 'engine_unit_class')}MW HiMSEN engines'. If the {e['engines']} engines under "
                 f"maintenance are the whole plant, each is "
                 f"{approx(cl.bounds(lambda c: c / e['engines'], capacity['value_printed']))} MW, which fits a "
                 "20 MW class; the page does not say they are", "body", outside=press["publisher"]),
        cl.Check("hhi-capacity-outside", f"HD Hyundai Heavy Industries' plant is {printed(capacity)}",
                 capacity["value_printed"], "MW", float(hhi.loc["contract_capacity", "value"]),
                 f"an outside report dated {dates.date_text(date.fromisoformat(published))}, by {press['publisher']}, gives "
                 f"{hhi.loc['contract_capacity', 'value_printed']} MW", "body", outside=press["publisher"]),
        cl.Check("hhi-april", f"HD Hyundai Heavy Industries signed in {printed(signed)} (last April)",
                 signed["value_printed"], "월", None if signed_month is None else float(signed_month),
                 f"the outside report of the signing, by {press['publisher']}, is dated "
                 f"{dates.date_text(date.fromisoformat(published))}", "body",
                 outside=press["publisher"]),
        cl.Check("dozens-of-sites", "Busducts go to 수십 곳 (dozens of) AI data centres", "수십", "곳", None,
                 "the page lists no sites and gives no count", "body"),
        cl.Check("busduct-multiple", f"{printed(total)} against this year's {printed(first)}", "", "times",
                 busduct["multiple"][0],
                 f"{total['value_printed']}조 ÷ {first['value_printed']}억 = {busduct['multiple'][0]:g}; with both "
                 "figures rounded as printed", kind=cl.FINDING, interval=busduct["multiple"][1:]),
        cl.Check("busduct-growth", f"The steady yearly growth that takes {printed(first)} to a cumulative "
                 f"{printed(total)} in {terms['years']} years ({terms['years'] - 1} steps of growth)", "", "% a year",
                 busduct["growth_pct"][0],
                 f"F × ((1+g)^{terms['years']} − 1)/g = T, solved for g, at every F and T the printed figures allow "
                 "(reading 4조 as rounded, 3.5–4.5조: the page's 최대 … 이상 hedges it both ways)",
                 kind=cl.FINDING, interval=busduct["growth_pct"][1:]),
        cl.Check("busduct-vs-ls", f"The busduct total against LS Electric's {printed(body)}", "", "times",
                 busduct["times_ls"][0], f"{total['value_printed']}조 ÷ {body['value_printed']}억, both as rounded",
                 kind=cl.FINDING, interval=busduct["times_ls"][1:]),
        cl.Check("implied-rate", f"The won-dollar rate of {printed(usd)} = {printed(body)}", "", "won per dollar",
                 implied["rate"], f"{body['value_printed']}억 ÷ {usd['value_printed']}만, both as rounded",
                 kind=cl.FINDING, interval=(implied["low"], implied["high"])),
        cl.Check("plant-share-us", f"The {printed(capacity)} plant, flat out all year, against US data centres' "
                 "electricity use in 2023 (LBNL)", "", "%", shares_["plant_share_us"][0],
                 f"{capacity['value_printed']} MW × {HOURS_PER_YEAR:,} h ÷ {shares_['us_printed']} TWh", kind=cl.FINDING,
                 interval=shares_["plant_share_us"][1:]),
        cl.Check("plant-share-colocation", f"The {printed(capacity)} plant against North America's installed "
                 f"colocation capacity, {shares_['colocation_year']} (JLL)", "", "%", shares_["plant_share_colocation"][0],
                 f"{capacity['value_printed']} MW ÷ {shares_['colocation_printed']} GW", kind=cl.FINDING,
                 interval=shares_["plant_share_colocation"][1:]),
        cl.Check("busduct-share-investment", "The busduct total against JLL's forecast of North American "
                 f"data-centre investment, {shares_['investment_period']}", "", "%",
                 shares_["busduct_share_investment"][0],
                 f"{printed(total)} at the page's implied rate ÷ ${shares_['investment_printed']} trillion, every figure as "
                 "rounded", kind=cl.FINDING,
                 interval=shares_["busduct_share_investment"][1:]),
        cl.Check("customers", "Who the customers are", "", "", None,
                 "both big-tech buyers are unnamed (미국 현지 빅테크 기업, A사)", kind=cl.NOT_SAID),
        cl.Check("hhi-value", "The value of the generating-plant contract", "", "", None,
                 f"the page gives none; an outside report gives ₩{hhi.loc['contract_value', 'value_printed']}bn",
                 kind=cl.NOT_SAID),
        cl.Check("maintenance-value", "Whether HD Hyundai Marine Solution's agreement has a value", "", "", None,
                 "it is an agreement (업무협약) under which both sides plan long-term upkeep and operation; "
                 "no amount is printed", kind=cl.NOT_SAID),
        cl.Check("busduct-currency", "Which year 'this year' is, and which currency the busduct contract is in",
                 "", "", None, "the won total may convert a dollar contract at a rate the page does not give",
                 kind=cl.NOT_SAID),
        cl.Check("engines-whole-plant", f"Whether the {e['engines']} maintained engines are the whole "
                 f"{printed(capacity)} plant", "", "", None,
                 f"the maintenance agreement covers {e['engines_printed']} engines at AEG's Texas site; the page does "
                 "not tie them to the plant's capacity", kind=cl.NOT_SAID),
    ]
