"""Chapter 2's analysis: four Korean power-equipment deals for North American AI data centres.

Every amount comes from ``power_deal_figures`` as printed (value + printed unit); every conversion,
rate, growth and ratio here is computed. Context figures (exchange rates, data-centre electricity,
capacity, investment) come from ``context_indicators`` and are never joined to the page's numbers.
"""

import numpy as np
import pandas as pd

from axbook.checks import claims as cl
from axbook.checks.params import Choice
from axbook.figures.charts import COMPUTED, NOT_PRINTED, OUTSIDE_PRIMARY, OUTSIDE_SECONDARY, PRINTED

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
    rows = [{"label": "Implied by the page (약 1050억원 ÷ 약 7000만달러)", "rate": implied["rate"],
             "low": implied["low"], "high": implied["high"], "kind": COMPUTED,
             "text": f"{implied['rate']:,.0f} (range {implied['low']:,.0f}–{implied['high']:,.0f})"}]
    for r in fx_context(context).merge(sources[["source_id", "publisher", "primary"]], on="source_id").itertuples():
        rows.append({"label": f"{r.group} ({r.publisher})", "rate": r.value, "low": r.value, "high": r.value,
                     "kind": OUTSIDE_PRIMARY if r.primary else OUTSIDE_SECONDARY,
                     "text": f"{r.value_printed}"})
    return pd.DataFrame(rows)

def describe_fx(frame: pd.DataFrame) -> str:
    page, market = frame.iloc[0], frame.iloc[1:]
    return (f"KRW per US dollar. The page's two printed amounts imply {page['rate']:,.0f} "
            f"(between {page['low']:,.0f} and {page['high']:,.0f} given their rounding); "
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
    company = deals.set_index("deal_id")
    hhi_value = _press(context).loc["contract_value"]
    rows = [
        ("ls-electric-distribution", "LS Electric: distribution gear", in_base(ls_krw)[1] / KRW_BN,
         f"{printed(ls_krw)} ({printed(ls_usd)})", PRINTED),
        ("gaon-lscus-busduct", "Gaon Cable: busducts, this year", in_base(first)[1] / KRW_BN,
         f"올해 {printed(first)}", PRINTED),
        ("gaon-lscus-busduct", "Gaon Cable: busducts, total to the end", in_base(total)[1] / KRW_BN,
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

def describe_deals(frame: pd.DataFrame, rate: float) -> str:
    parts = [f"{r.label}: " + (f"₩{r.krw_bn:,.0f}bn (about ${r.usd_m:,.0f} million at {rate:,.0f} won per dollar), "
                               if r.krw_bn else "") + f"{r.printed} [{r.basis}]" for r in frame.itertuples()]
    return "The deals in billion won. " + "; ".join(parts) + "."

# --- the busduct ramp ---

def busduct_terms(figs: pd.DataFrame, edition_year: int) -> dict:
    first, total = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw"), figure(
        figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    until = int(figure(figs, "gaon-lscus-busduct", "supply_until_year")["value"])
    return {"first_bn": in_base(first)[1] / KRW_BN, "total_bn": in_base(total)[1] / KRW_BN,
            "first_year": edition_year, "last_year": until, "years": until - edition_year + 1,
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
            f"{implied:.0%} a year. Shown at {growth:.0%} a year: cumulative "
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
    add(money, f"The page: busducts, {printed(total)}", busduct_usd_bn, f"${busduct_usd_bn:,.2f}bn", COMPUTED,
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


# --- checking the article ---

def checks(figs: pd.DataFrame, context: pd.DataFrame, sources: pd.DataFrame, edition_year: int) -> list[cl.Check]:
    """Every numeric claim of the article, under the book's one verdict rule."""
    implied = implied_rate(figs)
    terms = busduct_terms(figs, edition_year)
    e = engine_arithmetic(figs)
    deck, body = figure(figs, "ls-electric-distribution", "contract_value_krw_deck"), figure(
        figs, "ls-electric-distribution", "contract_value_krw")
    hhi = _press(context)
    published = sources.set_index("source_id").loc[hhi.loc["contract_capacity", "source_id"], "published"]
    signed = figure(figs, "hhi-aeg-generation", "signed_month")
    signed_month = int(published[5:7]) if published.startswith(str(edition_year)) else None
    growth = implied_growth(terms["first_bn"], terms["total_bn"], terms["years"])
    usd = figure(figs, "ls-electric-distribution", "contract_value_usd")
    first = figure(figs, "gaon-lscus-busduct", "first_year_supply_krw")
    total = figure(figs, "gaon-lscus-busduct", "cumulative_supply_krw")
    until = figure(figs, "gaon-lscus-busduct", "supply_until_year")
    capacity = figure(figs, "hhi-aeg-generation", "plant_capacity")
    return [
        cl.Check("ls-deck-vs-body", f"LS Electric's contract: the deck's {deck['value_printed']}{deck['unit_printed']} "
                 f"and the body's {printed(body)}", deck["value_printed"], "억원", float(body["value"]),
                 f"body: {printed(body)}; deck: {deck['value_printed']}{deck['unit_printed']}", "deck"),
        cl.Check("ls-usd-krw", f"{printed(usd)} is {printed(body)}", body["value_printed"], "억원", None,
                 f"implies {implied['rate']:,.0f} won per dollar (between {implied['low']:,.0f} and "
                 f"{implied['high']:,.0f} at the printed precision); the page prints no rate to check it against",
                 "body"),
        cl.Check("busduct-term", f"향후 {terms['term_printed']}년간 (the next {terms['term_printed']} years) and "
                 f"올해 … {printed(until)} (this year to {until['value_printed']})",
                 str(terms["term_printed"]), "년", float(terms["years"]),
                 f"{terms['last_year']} − {terms['first_year']} + 1 = {terms['years']} years, taking 'this year' as "
                 f"{edition_year}, the edition's year (the article does not print the year)", "body"),
        cl.Check("busduct-total", f"Cumulative busduct supply of {printed(total)}, starting from {printed(first)} "
                 "this year", total["value_printed"], "조원", None,
                 f"needs {growth:.0%} growth every year for {terms['years']} years "
                 f"(₩{terms['first_bn']:,.0f}bn × ((1+g)^{terms['years']} − 1)/g = ₩{terms['total_bn']:,.0f}bn); "
                 "the page gives no yearly plan, and does not say in which currency the contract is written",
                 "body"),
        cl.Check("engines-per-class", f"{e['engines_printed']} engines of the {e['class_printed']} class and a "
                 f"{e['capacity_printed']} plant", figure(figs, "hhi-aeg-generation", "engine_unit_class")["value_printed"],
                 "MW", None,
                 f"{e['capacity_mw']:g} MW ÷ {e['engines']} engines = {e['per_engine_mw']:.1f} MW each, above the "
                 f"class figure; at {e['class_mw']:g} MW the plant needs {e['engines_at_class']:.1f} engines. The page "
                 f"does not say that the {e['engines']} maintained engines are the whole plant", "body"),
        cl.Check("hhi-capacity-outside", f"HD Hyundai Heavy Industries' plant is {printed(capacity)}",
                 capacity["value_printed"], "MW", float(hhi.loc["contract_capacity", "value"]),
                 f"an outside report dated {published} (Star News Korea, machine-translated) gives "
                 f"{hhi.loc['contract_capacity', 'value_printed']} MW", "body"),
        cl.Check("hhi-april", f"HD Hyundai Heavy Industries signed in {printed(signed)} (last April)",
                 signed["value_printed"], "월", None if signed_month is None else float(signed_month),
                 f"the outside report of the signing is dated {published}", "body"),
        cl.Check("hhi-value", "The value of the generating-plant contract", "not printed", "", None,
                 f"the page gives none; an outside report gives ₩{hhi.loc['contract_value', 'value_printed']}bn",
                 "body"),
        cl.Check("dozens-of-sites", "Busducts go to 수십 곳 (dozens of) AI data centres", "수십", "곳", None,
                 "the page lists no sites and gives no count", "body"),
    ]
