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
from axbook.language import amounts, dates, i18n
from axbook.language.i18n import N_, _

# What one printed unit is worth in the currency's base unit, and which currency.
UNITS = {"억원": ("KRW", 1e8), "억": ("KRW", 1e8), "조원": ("KRW", 1e12), "만달러": ("USD", 1e4)}
KRW_BN = 1e9  # the chapter's comparable unit: billion won (₩bn)
HOURS_PER_YEAR = 24 * 365  # a plant at full output all year: the upper bound of its energy
PAGE_RATE = "page"

# Labels the data gives in English only, marked so the Korean edition shows its own words: _(label) for a column with
# an enum (validation holds it to the list), i18n.label() for free text (an unknown label is shown as written; the
# tests state every label the data holds is translated).
DEAL_TYPES = (N_("supply contract"), N_("long-term supply contract"), N_("cooperation agreement (MOU)"))  # power_deals
PLACES = (  # power_deals.place_en (the data has no Korean column; the catalog follows the page's wording)
    N_("United States (large data centre)"), N_("United States (dozens of AI data centres)"), N_("Texas, United States"),
    N_("not printed (Texas by inference, from the follow-up agreement)"))
RATE_KINDS = (N_("Opening rate"), N_("Day-session close"))  # context_indicators: the kinds of market rate
GROUPS = (  # context_indicators: the groups of the figures chapter 2 shows
    N_("World"), N_("World (base case)"), N_("United States"), N_("United States (low)"), N_("United States (high)"),
    N_("North America (colocation)"), N_("North America, 2025-2030"))
# The scale chart's panels, one per unit: each edition's title, _(measure)
ENERGY, CAPACITY, MONEY = N_("Electricity a year (TWh)"), N_("Capacity (GW)"), N_("Money (US$ billion)")


def _korean() -> bool:
    return i18n.current() == "ko"


def won_scale() -> float:
    """The charts' won unit per ₩1bn: ₩bn in English (1), 억원 in Korean (10)."""
    return amounts.won_axis()[0]


def won_axis_title() -> str:
    """The title of a won axis in the charts' unit (``won_scale``)."""
    return amounts.won_axis()[1]


def in_won_unit(frame: pd.DataFrame, bn: str = "krw_bn") -> tuple[pd.DataFrame, str]:
    """``frame`` and the name of its column of won in the charts' unit: ``bn`` itself in English; in Korean a column
    of 억원 added beside it."""
    if won_scale() == 1:
        return frame, bn
    return frame.assign(krw_eok=frame[bn] * won_scale()), "krw_eok"


def won_bn(bn: float) -> str:
    """A computed amount given in ₩bn, as each edition writes it: '₩627bn' (to the billion) / '6271억원' (to the 억)."""
    if _korean():
        return amounts.won(round(bn * KRW_BN / amounts.EOK) * amounts.EOK)
    return f"₩{bn:,.0f}bn"


def dollars(amount: float, english: str) -> str:
    """An amount of US dollars: ``english`` as the English edition writes it ('$2.7bn', '$70 million'); in Korean in
    조, 억 or 만 달러, written as the page writes them ('27억달러', '7000만달러')."""
    if not _korean():
        return english
    jo, rest = divmod(round(amount / 1e4, 6), 1e8)  # in 만: a 조 is 1e8 만, an 억 1e4 만
    eok, man = divmod(rest, 1e4)
    parts = [f"{n:.10g}{name}" for n, name in ((jo, "조"), (eok, "억"), (man, "만")) if n]
    return (" ".join(parts) if parts else f"{amount:.10g}") + "달러"


def _before_eok(number: str) -> str:
    """A number written before 억: '1,130' in English, '1130' in Korean (as the page writes 1050억원)."""
    return number.replace(",", "") if _korean() else number


def two_significant(amount: float) -> float:
    """A converted amount at the two significant digits a rounded input supports: 2,666,666,667 -> 2,700,000,000."""
    return float(f"{amount:.2g}")


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
    rows = [{"label": _("Implied by the page ({krw} ÷ {usd})").format(krw=implied["krw_printed"],
                                                                      usd=implied["usd_printed"]),
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
    return _("KRW per US dollar. The page's two printed amounts imply {interval} given their rounding ({rate} at the "
             "printed figures); {market}.").format(
        interval=page["text"], rate=f"{page['rate']:,.0f}",
        market="; ".join(f"{r.label}: {r.text}" for r in market.itertuples()))

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
        ("ls-electric-distribution", _("LS Electric: distribution gear"), in_base(ls_krw)[1] / KRW_BN,
         f"{printed(ls_krw)} ({printed(ls_usd)})", PRINTED),
        ("gaon-lscus-busduct", _("Gaon Cable: busducts, this year"), in_base(first)[1] / KRW_BN,
         f"올해 {printed(first)}", PRINTED),
        ("gaon-lscus-busduct", _("Gaon Cable: busducts, cumulative to {year}").format(year=until["value_printed"]),
         in_base(total)[1] / KRW_BN, printed(total), PRINTED),
        ("hhi-aeg-generation", _("HD Hyundai Heavy Ind.: generating plant"), float(hhi_value["value"]),
         _("{capacity}; value from an outside report").format(capacity=printed(capacity)), OUTSIDE_SECONDARY),
        ("hdms-aeg-maintenance", _("HD Hyundai Marine Solution: upkeep"), 0.0,
         _("{engines} engines; an agreement, no value").format(engines=printed(engines)), NOT_PRINTED),
    ]
    frame = pd.DataFrame(rows, columns=["deal_id", "label", "krw_bn", "printed", "basis"])
    frame["company_ko"] = frame["deal_id"].map(company["company_ko"])
    frame["usd_m"] = frame["krw_bn"] * KRW_BN / rate / 1e6
    frame["text"] = [f"{won_bn(v)} · {p}" if v else p for v, p in zip(frame["krw_bn"], frame["printed"], strict=True)]
    return frame

def two_digits(value: float) -> str:
    """A conversion of a rounded amount, to two significant digits: 2667 -> '2,700'."""
    return f"{float(f'{value:.2g}'):,.0f}" if value >= 10 else f"{float(f'{value:.2g}'):g}"


def deals_table(deals: pd.DataFrame) -> pd.DataFrame:
    """The deals as the chapter's table shows them: English names with the Korean beside them; in Korean, the
    data's Korean columns (the company's Korean name is the company)."""
    if _korean():
        return pd.DataFrame({_("company"): deals["company_ko"], _("with"): deals["counterparty_ko"],
                             _("kind of deal"): [_(t) for t in deals["deal_type"]], _("what"): deals["product_ko"],
                             _("where"): [i18n.label(p) for p in deals["place_en"]]})
    return (deals[["company_en", "company_ko", "counterparty_en", "deal_type", "product_en", "place_en"]]
            .rename(columns={"company_en": _("company"), "company_ko": _("in Korean"), "counterparty_en": _("with"),
                             "deal_type": _("kind of deal"), "product_en": _("what"), "place_en": _("where")}))


def usd_million_text(usd_m: float) -> str:
    """A deal's dollar equivalent in the chart, to the million: '$2,667 million' / '26억 6700만달러'."""
    return dollars(round(usd_m) * 1e6, f"${usd_m:,.0f} million")


def describe_deals(frame: pd.DataFrame, rate: float) -> str:
    parts = [f"{r.label}: " + (_("{won} (about {usd} at {rate} won per dollar), ").format(
        won=won_bn(r.krw_bn), usd=dollars(two_significant(r.usd_m * 1e6), f"${two_digits(r.usd_m)} million"),
        rate=f"{rate:,.0f}") if r.krw_bn else "") + f"{r.printed} [{_(r.basis)}]" for r in frame.itertuples()]
    return _("The deals in billion won. {deals}.").format(deals="; ".join(parts))

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
    return _("Busduct supply from {first} in {first_year} to a cumulative {total} by {last_year} ({years} years) needs "
             "constant growth of {interval} % a year ({implied} at the printed figures, both of which are rounded). "
             "Shown at {growth} a year: cumulative {shown} by {last_year}.").format(
        first=won_bn(terms["first_bn"]), first_year=terms["first_year"], total=won_bn(terms["total_bn"]),
        last_year=terms["last_year"], years=terms["years"], interval=cl.estimate(*terms["growth_pct"]),
        implied=f"{implied:.0%}", growth=f"{growth:.0%}",
        shown=won_bn(cumulative(terms["first_bn"], growth, terms["years"])))

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
        {"label": _("Printed plant capacity ({capacity})").format(capacity=e["capacity_printed"]), "mw": e["capacity_mw"],
         "text": f"{e['capacity_mw']:,.0f} MW", "kind": PRINTED},
        {"label": _("{engines} engines × {rating} MW ({engines_printed} × {rating_printed})").format(
            engines=e["engines"], rating=f"{e['class_mw']:g}", engines_printed=e["engines_printed"],
            rating_printed=e["class_printed"]),
         "mw": e["capacity_at_class"], "text": f"{e['capacity_at_class']:,.0f} MW", "kind": COMPUTED},
    ])

def describe_engines(e: dict) -> str:
    return _("Printed plant capacity {capacity} MW against {engines} engines of the {rating} MW class: {at_class} MW. "
             "{capacity} ÷ {engines} = {per_engine} MW per engine; {capacity} ÷ {rating} = {engines_at_class} "
             "engines.").format(
        capacity=f"{e['capacity_mw']:g}", engines=e["engines"], rating=f"{e['class_mw']:g}",
        at_class=f"{e['capacity_at_class']:g}", per_engine=f"{e['per_engine_mw']:.1f}",
        engines_at_class=f"{e['engines_at_class']:.1f}")

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

    energy = _(ENERGY)
    for r in ctx.query("indicator == 'dc_electricity'").itertuples():
        add(energy, _("{group}, {year}").format(group=i18n.label(r.group), year=r.year), r.value, f"{r.value_printed} TWh",
            source_kind(r), f"{r.survey_id}:{r.year}", r.year)
    plant_twh = e["capacity_mw"] * HOURS_PER_YEAR / 1e6
    add(energy, _("The page: {capacity} plant, flat out").format(capacity=e["capacity_printed"]), plant_twh,
        f"{plant_twh:.1f} TWh", COMPUTED, "page:plant")
    capacity = _(CAPACITY)
    for r in ctx.query("indicator == 'dc_colocation_capacity'").itertuples():
        add(capacity, _("Installed, {group}, {year}").format(group=i18n.label(r.group), year=r.year), r.value,
            f"{r.value_printed} GW", source_kind(r), "colocation", r.year)
    add(capacity, _("The page: {capacity} plant").format(capacity=e["capacity_printed"]), e["capacity_mw"] / 1000,
        f"{e['capacity_mw'] / 1000:.3f} GW", PRINTED, "page:plant")
    money = _(MONEY)
    usd_unit = 1e8 if _korean() else 1e9  # the panel's unit: US$ billion; 억 달러 in Korean
    for r in ctx.query("indicator == 'dc_investment_forecast'").itertuples():
        add(money, _("Investment, {group}").format(group=i18n.label(r.group)), r.value * 1e12 / usd_unit,
            dollars(float(r.value_printed) * 1e12, f"${r.value_printed} trillion"), source_kind(r), "investment",
            r.group.split(", ")[-1])
    busduct_usd = in_base(total)[1] / rate
    add(money, _("The page: busducts, {total}").format(total=printed(total)), busduct_usd / usd_unit,
        dollars(two_significant(busduct_usd), f"${two_digits(busduct_usd / 1e9)}bn"), COMPUTED, "page:busducts")
    ls_usd_amount = in_base(ls_usd)[1]
    add(money, _("The page: LS Electric, {usd}").format(usd=printed(ls_usd)), ls_usd_amount / usd_unit,
        dollars(ls_usd_amount, f"${ls_usd_amount / 1e9:,.2f}bn"), PRINTED, "page:ls")
    return pd.DataFrame(rows)

def describe_scale(frame: pd.DataFrame) -> str:
    return _("The page's deals against the market, one panel per unit. {figures}.").format(
        figures="; ".join(f"{r.label}: {r.text}" for r in frame.itertuples()))

def shares(frame: pd.DataFrame) -> dict:
    """Each page figure as a share of the outside figure in the same panel (same unit)."""
    def row(measure: str, key: str) -> pd.Series:
        return frame[(frame["measure"] == measure) & (frame["key"] == key)].iloc[0]

    def amount(measure: str, key: str) -> float:
        return float(row(measure, key)["amount"])

    energy, capacity, money = _(ENERGY), _(CAPACITY), _(MONEY)
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
    """A market rate's label as prose: 'Opening rate 2026-03-19' -> 'the opening rate of 19 March 2026' /
    '2026년 3월 19일 개장 환율'."""
    kind = i18n.label(re.sub(r"\s*\d{4}-\d{2}-\d{2}\s*", "", group).strip())  # free text in the data
    return _("the {kind} of {day}").format(kind=f"{kind[:1].lower()}{kind[1:]}", day=_rate_day(group))


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
        fx_claim = cl.Check("ls-usd-krw", _("{usd} is {krw}").format(usd=printed(usd), krw=printed(body)),
                            body["value_printed"], "억원", None,
                            _("the page prints no rate, and the book holds no market rate of {year}").format(
                                year=edition_year), "body")
    else:
        converted = cl.bounds(lambda d, r: d * usd_unit * r / krw_unit, usd["value_printed"], market["value_printed"])
        fx_claim = cl.Check(
            "ls-usd-krw", _("{usd} is {krw}").format(usd=printed(usd), krw=printed(body)), body["value_printed"], "억원",
            converted[0],
            _("the page prints no rate; at the market rate of {day} reported by {publisher} ({rate} won), {usd} is "
              "{converted}억원").format(day=_rate_day(market["group"]), publisher=market["publisher"],
                                        rate=market["value_printed"], usd=printed(usd),
                                        converted=_before_eok(approx(converted))),
            "body", interval=converted[1:], outside=market["publisher"])
    deck_printed = f"{deck['value_printed']}{deck['unit_printed']}"
    total_low, total_high = cl.printed_interval(total["value_printed"])
    return [
        cl.Check("ls-deck-vs-body", _("LS Electric's contract: the deck's {deck} and the body's {body}").format(
                     deck=deck_printed, body=printed(body)), deck["value_printed"], "억원", float(body["value"]),
                 _("body: {body}; deck: {deck}").format(body=printed(body), deck=deck_printed), "deck"),
        fx_claim,
        cl.Check("busduct-term", _("향후 {term}년간 (the next {term} years) and 올해 … {until} (this year to "
                                   "{year})").format(term=terms["term_printed"], until=printed(until),
                                                     year=until["value_printed"]),
                 str(terms["term_printed"]), "년", float(terms["years"]),
                 _("{last} − {first} + 1 = {years} years, taking 'this year' as {edition_year}, the edition's year (the "
                   "article does not print the year)").format(last=terms["last_year"], first=terms["first_year"],
                                                             years=terms["years"], edition_year=edition_year), "body"),
        cl.Check("busduct-total", _("Cumulative busduct supply of {total} (up to ₩4 trillion or more)").format(
                     total=printed(total)), total["value_printed"], "조원", None,
                 _("a forecast hedged both ways (최대 … 이상); the page gives no yearly plan to add up"), "body"),
        cl.Check("engine-class", _("{rating} (20 MW-class) engines in a {capacity} plant").format(
                     rating=printed(rating), capacity=printed(capacity)),
                 rating["value_printed"], "MW", _outside(hhi, "engine_unit_class"),
                 _("an outside report ({publisher}) gives a plant 'based on {rating}MW HiMSEN engines'. If the {engines} "
                   "engines under maintenance are the whole plant, each is {per_engine} MW, which fits a 20 MW class; "
                   "the page does not say they are").format(
                     publisher=press["publisher"], rating=_quoted(hhi, "engine_unit_class"), engines=e["engines"],
                     per_engine=approx(cl.bounds(lambda c: c / e["engines"], capacity["value_printed"]))),
                 "body", outside=press["publisher"]),
        cl.Check("hhi-capacity-outside", _("HD Hyundai Heavy Industries' plant is {capacity}").format(
                     capacity=printed(capacity)),
                 capacity["value_printed"], "MW", float(hhi.loc["contract_capacity", "value"]),
                 _("an outside report dated {date}, by {publisher}, gives {capacity} MW").format(
                     date=dates.date_text(date.fromisoformat(published)), publisher=press["publisher"],
                     capacity=hhi.loc["contract_capacity", "value_printed"]), "body", outside=press["publisher"]),
        cl.Check("hhi-april", _("HD Hyundai Heavy Industries signed in {month} (last April)").format(month=printed(signed)),
                 signed["value_printed"], "월", None if signed_month is None else float(signed_month),
                 _("the outside report of the signing, by {publisher}, is dated {date}").format(
                     publisher=press["publisher"], date=dates.date_text(date.fromisoformat(published))), "body",
                 outside=press["publisher"]),
        cl.Check("dozens-of-sites", _("Busducts go to 수십 곳 (dozens of) AI data centres"), "수십", "곳", None,
                 _("the page lists no sites and gives no count"), "body"),
        cl.Check("busduct-multiple", _("{total} against this year's {first}").format(total=printed(total),
                                                                                      first=printed(first)),
                 "", amounts.times("{}"), busduct["multiple"][0],
                 _("{total}조 ÷ {first}억 = {multiple}; with both figures rounded as printed").format(
                     total=total["value_printed"], first=first["value_printed"], multiple=f"{busduct['multiple'][0]:g}"),
                 kind=cl.FINDING, interval=busduct["multiple"][1:]),
        cl.Check("busduct-growth", _("The steady yearly growth that takes {first} to a cumulative {total} in {years} "
                                     "years ({steps} steps of growth)").format(
                     first=printed(first), total=printed(total), years=terms["years"], steps=terms["years"] - 1),
                 "", _("{} % a year"), busduct["growth_pct"][0],
                 _("F × ((1+g)^{years} − 1)/g = T, solved for g, at every F and T the printed figures allow (reading "
                   "{total}조 as rounded, {low}–{high}조: the page's 최대 … 이상 hedges it both ways)").format(
                     years=terms["years"], total=total["value_printed"], low=f"{total_low:g}", high=f"{total_high:g}"),
                 kind=cl.FINDING, interval=busduct["growth_pct"][1:]),
        cl.Check("busduct-vs-ls", _("The busduct total against LS Electric's {krw}").format(krw=printed(body)), "",
                 amounts.times("{}"), busduct["times_ls"][0],
                 _("{total}조 ÷ {krw}억, both as rounded").format(total=total["value_printed"], krw=body["value_printed"]),
                 kind=cl.FINDING, interval=busduct["times_ls"][1:]),
        cl.Check("implied-rate", _("The won-dollar rate of {usd} = {krw}").format(usd=printed(usd), krw=printed(body)),
                 "", _("{} won per dollar"), implied["rate"],
                 _("{krw}억 ÷ {usd}만, both as rounded").format(krw=body["value_printed"], usd=usd["value_printed"]),
                 kind=cl.FINDING, interval=(implied["low"], implied["high"])),
        cl.Check("plant-share-us", _("The {capacity} plant, flat out all year, against US data centres' electricity use "
                                     "in 2023 (LBNL)").format(capacity=printed(capacity)), "", _("{} %"),
                 shares_["plant_share_us"][0],
                 _("{capacity} MW × {hours} h ÷ {us} TWh").format(capacity=capacity["value_printed"],
                                                                  hours=f"{HOURS_PER_YEAR:,}", us=shares_["us_printed"]),
                 kind=cl.FINDING, interval=shares_["plant_share_us"][1:]),
        cl.Check("plant-share-colocation", _("The {capacity} plant against North America's installed colocation "
                                             "capacity, {year} (JLL)").format(capacity=printed(capacity),
                                                                              year=shares_["colocation_year"]),
                 "", _("{} %"), shares_["plant_share_colocation"][0],
                 _("{capacity} MW ÷ {colocation} GW").format(capacity=capacity["value_printed"],
                                                             colocation=shares_["colocation_printed"]),
                 kind=cl.FINDING, interval=shares_["plant_share_colocation"][1:]),
        cl.Check("busduct-share-investment", _("The busduct total against JLL's forecast of North American data-centre "
                                               "investment, {period}").format(period=shares_["investment_period"]),
                 "", _("{} %"), shares_["busduct_share_investment"][0],
                 _("{total} at the page's implied rate ÷ {investment}, every figure as rounded").format(
                     total=printed(total), investment=dollars(float(shares_["investment_printed"]) * 1e12,
                                                              f"${shares_['investment_printed']} trillion")),
                 kind=cl.FINDING, interval=shares_["busduct_share_investment"][1:]),
        cl.Check("customers", _("Who the customers are"), "", "", None,
                 _("both big-tech buyers are unnamed (미국 현지 빅테크 기업, A사)"), kind=cl.NOT_SAID),
        cl.Check("hhi-value", _("The value of the generating-plant contract"), "", "", None,
                 _("the page gives none; an outside report gives {value}").format(
                     value=amounts.won(float(hhi.loc["contract_value", "value_printed"]) * KRW_BN)),
                 kind=cl.NOT_SAID),
        cl.Check("maintenance-value", _("Whether HD Hyundai Marine Solution's agreement has a value"), "", "", None,
                 _("it is an agreement (업무협약) under which both sides plan long-term upkeep and operation; no amount is "
                   "printed"), kind=cl.NOT_SAID),
        cl.Check("busduct-currency", _("Which year 'this year' is, and which currency the busduct contract is in"),
                 "", "", None, _("the won total may convert a dollar contract at a rate the page does not give"),
                 kind=cl.NOT_SAID),
        cl.Check("engines-whole-plant", _("Whether the {engines} maintained engines are the whole {capacity} "
                                          "plant").format(engines=e["engines"], capacity=printed(capacity)),
                 "", "", None,
                 _("the maintenance agreement covers {engines} engines at AEG's Texas site; the page does not tie them "
                   "to the plant's capacity").format(engines=e["engines_printed"]), kind=cl.NOT_SAID),
    ]
