"""Chapter 2's arithmetic, stated: each computed number and verdict says what it must be."""

import pytest

from axbook.articles import power
from axbook.checks import claims
from axbook.data import tables
from axbook.figures import charts


@pytest.fixture(scope="module")
def figs():
    return tables.load("power_deal_figures")


@pytest.fixture(scope="module")
def context():
    return tables.load("context_indicators")


def test_printed_keeps_the_hedge_where_the_page_puts_it(figs):
    assert power.printed(power.figure(figs, "ls-electric-distribution", "contract_value_usd")) == "약 7000만달러"
    assert power.printed(power.figure(figs, "gaon-lscus-busduct", "cumulative_supply_krw")) == "최대 4조원 이상"
    assert power.printed(power.figure(figs, "hhi-aeg-generation", "engine_unit_class")) == "20MW급"
    assert power.printed(power.figure(figs, "gaon-lscus-busduct", "supply_until_year")) == "2030년까지"


@pytest.mark.parametrize(("printed", "step", "interval"), [
    ("7000", 1000, (6500, 7500)), ("1050", 10, (1045, 1055)), ("13.5", 0.1, (13.45, 13.55)), ("4", 1, (3.5, 4.5)),
])
def test_precision_follows_the_last_significant_digit(printed, step, interval):
    assert float(claims.precision_step(printed)) == step
    assert claims.printed_interval(printed) == pytest.approx(interval)


def test_implied_rate_and_its_interval(figs):
    implied = power.implied_rate(figs)
    assert implied["rate"] == pytest.approx(105e9 / 70e6)  # 1050억원 ÷ 7000만달러 = 1,500
    assert implied["low"] == pytest.approx(1045e8 / 7500e4)
    assert implied["high"] == pytest.approx(1055e8 / 6500e4)


def test_chosen_rate_reads_the_market_rates_from_data(figs, context):
    assert power.chosen_rate("page", figs, context) == pytest.approx(1500)
    assert power.chosen_rate("Opening rate 2026-03-19", figs, context) == 1505
    assert power.chosen_rate("Day-session close 2025-05-16", figs, context) == 1389.6


def test_deals_are_converted_to_billion_won(figs, context):
    frame = power.deals_frame(tables.load("power_deals"), figs, 1500.0, context).set_index("label")
    assert frame["krw_bn"].tolist() == pytest.approx([105, 50, 4000, 627.1, 0])
    assert frame["usd_m"].iloc[0] == pytest.approx(70)
    assert set(frame["basis"]) <= set(charts.KIND_COLOURS)
    assert frame.loc["HD Hyundai Heavy Ind.: generating plant", "basis"] == charts.OUTSIDE_SECONDARY


@pytest.mark.parametrize(("first", "total", "years"), [(50, 4000, 5), (20, 500, 3), (1, 10, 4)])
def test_implied_growth_solves_the_series(first, total, years):
    g = power.implied_growth(first, total, years)
    assert g > 0 and power.cumulative(first, g, years) == pytest.approx(total)


def test_no_growth_needed_and_shrinking_supply():
    assert power.implied_growth(50, 250, 5) == 0.0
    assert power.cumulative(50, 0.0, 5) == 250


def test_busduct_terms_and_scenarios(figs):
    terms = power.busduct_terms(figs, 2026)
    assert (terms["first_bn"], terms["total_bn"], terms["years"]) == (50, 4000, 5)
    assert power.scenario_growth("implied", terms) == pytest.approx(1.6637, abs=1e-4)
    assert power.scenario_growth("flat", terms) == 0 and power.scenario_growth("doubling", terms) == 1
    ramp = power.ramp_frame(terms)
    assert ramp["year"].tolist() == [2026, 2027, 2028, 2029, 2030] and ramp["k"].tolist() == [0, 1, 2, 3, 4]


def test_engine_arithmetic(figs):
    e = power.engine_arithmetic(figs)
    assert e["per_engine_mw"] == pytest.approx(684 / 33)
    assert e["engines_at_class"] == pytest.approx(34.2)
    assert e["capacity_at_class"] == 660


def test_scale_compares_like_with_like(figs, context):
    frame = power.scale_frame(context, tables.load("sources"), figs, 1500.0)
    assert set(frame["measure"]) == {"Electricity a year (TWh)", "Capacity (GW)", "Money (US$ billion)"}
    share = power.shares(frame)
    assert share["plant_share_us_2023"] == pytest.approx(684 * 8760 / 1e6 / 176)
    assert share["plant_share_colocation"] == pytest.approx(0.684 / 15.5)
    assert share["busduct_share_investment"] == pytest.approx(4e12 / 1500 / 1e9 / 1000)


def test_claims_ledger_of_chapter_two(figs, context):
    checks = power.checks(figs, context, tables.load("sources"), 2026)
    assert {c.claim_id: c.verdict for c in checks if c.kind == claims.CLAIM} == {
        "ls-deck-vs-body": claims.HOLDS,
        "ls-usd-krw": claims.MATCHES_OUTSIDE,  # at the 2026 market rate, not recomputable from the page
        "busduct-term": claims.HOLDS,
        "busduct-total": claims.CANNOT_BE_CHECKED,
        "engine-class": claims.MATCHES_OUTSIDE,  # '20MW HiMSEN engines' in the outside report
        "hhi-capacity-outside": claims.MATCHES_OUTSIDE,
        "hhi-april": claims.MATCHES_OUTSIDE,
        "dozens-of-sites": claims.CANNOT_BE_CHECKED,
    }
    assert {c.claim_id: c.figure for c in checks if c.kind == claims.FINDING} == {
        "busduct-multiple": "63–100 times", "busduct-growth": "149–185 % a year", "busduct-vs-ls": "33.1–43.1 times",
        "implied-rate": "1,390–1,630 won per dollar", "plant-share-us": "3.4 %", "plant-share-colocation": "4.4 %",
        "busduct-share-investment": "0.14–0.65 %"}
    assert {c.claim_id for c in checks if c.kind == claims.NOT_SAID} == {
        "customers", "hhi-value", "maintenance-value", "busduct-currency", "engines-whole-plant"}
    # a different edition year breaks the term check ('this year' matters) and leaves no market rate of that year
    by_id = {c.claim_id: c for c in power.checks(figs, context, tables.load("sources"), 2025)}
    assert by_id["busduct-term"].verdict == claims.DOES_NOT_HOLD and by_id["hhi-april"].verdict == claims.CANNOT_BE_CHECKED
    assert by_id["ls-usd-krw"].verdict == claims.DIFFERS_FROM_OUTSIDE  # the 2025 rate: 7000만달러 is not 1050억원


def test_market_rates_read_as_prose():
    assert power.rate_label("Opening rate 2026-03-19") == "the opening rate of 19 March 2026"
    assert power.rate_label("Day-session close 2025-05-16") == "the day-session close of 16 May 2025"


def test_unknown_kind_of_figure_is_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        charts.kind_colour(["printed", "guessed"])


# --- the Korean edition: every string the chapter's code makes, in the page's own units and words ---


def test_findings_read_in_korean_units(figs, context, korean):
    checks = {c.claim_id: c for c in power.checks(figs, context, tables.load("sources"), 2026)}
    assert checks["implied-rate"].figure == "달러당 1,390–1,630원"
    assert checks["busduct-multiple"].figure == "63–100배" and checks["busduct-vs-ls"].figure == "33.1–43.1배"
    assert checks["busduct-growth"].figure == "연 149–185%" and checks["plant-share-us"].figure == "3.4%"
    assert checks["implied-rate"].statement == "약 7000만달러 = 약 1050억원에 담긴 원·달러 환율"
    # an amount before 억 is written as the page writes 1050억원, without a thousands separator
    assert checks["ls-usd-krw"].arithmetic.endswith("약 7000만달러는 970–1130억원")
    assert checks["hhi-value"].arithmetic == "지면에는 없다. 외부 보도는 6271억원으로 전한다"


def test_market_rates_and_deals_read_in_korean(figs, context, korean):
    assert power.rate_label("Opening rate 2026-03-19") == "2026년 3월 19일 개장 환율"
    assert power.rate_label("Day-session close 2025-05-16") == "2025년 5월 16일 주간거래 종가"
    frame = power.deals_frame(tables.load("power_deals"), figs, 1500.0, context)
    assert frame["label"].tolist()[:3] == ["LS일렉트릭: 배전기기", "가온전선: 버스덕트, 올해",
                                           "가온전선: 버스덕트, 2030년까지 누적"]
    assert [power.won_bn(v) for v in frame["krw_bn"]] == ["1050억원", "500억원", "4조원", "6271억원", "0억원"]
    shown, column = power.in_won_unit(frame)  # the Korean chart's won axis is in 억원
    assert column == "krw_eok" and shown[column].tolist() == pytest.approx([1050, 500, 40000, 6271, 0])
    assert power.won_axis_title() == "억원" and power.usd_million_text(70) == "7000만달러"
    assert "(달러당 1,500원 기준 약 27억달러)" in power.describe_deals(frame, 1500.0)


def test_english_amounts_are_unchanged(figs, context):
    frame = power.deals_frame(tables.load("power_deals"), figs, 1500.0, context)
    assert [power.won_bn(v) for v in frame["krw_bn"]][:4] == ["₩105bn", "₩50bn", "₩4,000bn", "₩627bn"]
    assert power.in_won_unit(frame)[1] == "krw_bn" and power.won_axis_title() == "Billion won (₩bn)"
    assert power.usd_million_text(70) == "$70 million"


def test_scale_panels_in_korean_units(figs, context, korean):
    frame = power.scale_frame(context, tables.load("sources"), figs, 1500.0)
    assert list(dict.fromkeys(frame["measure"])) == ["연간 전력량 (TWh)", "설비용량 (GW)", "금액 (억달러)"]
    money = frame[frame["measure"] == "금액 (억달러)"].set_index("key")
    assert money.loc["investment", "text"] == "1조달러" and money.loc["investment", "amount"] == 10000
    assert money.loc["page:busducts", "text"] == "27억달러" and money.loc["page:ls", "text"] == "7000만달러"
    share = power.shares(frame)  # shares are unit-free: the same in both editions
    assert share["busduct_share_investment"] == pytest.approx(4e12 / 1500 / 1e9 / 1000)


def test_deals_table_in_korean_uses_the_korean_columns(korean):
    table = power.deals_table(tables.load("power_deals"))
    assert list(table.columns) == ["회사", "계약 상대", "계약 형태", "내용", "위치"]
    assert table["회사"].tolist()[0] == "LS일렉트릭" and "업무협약(MOU)" in table["계약 형태"].tolist()


def test_every_english_only_label_the_chapter_shows_is_marked_for_translation(context):
    deals = tables.load("power_deals")
    assert set(deals["deal_type"]) <= set(power.DEAL_TYPES) and set(deals["place_en"]) <= set(power.PLACES)
    shown = context.query("indicator in ['dc_electricity', 'dc_colocation_capacity', 'dc_investment_forecast']")
    assert set(shown["group"]) <= set(power.GROUPS)
    kinds = power.fx_context(context)["group"].str.replace(r"\s*\d{4}-\d{2}-\d{2}\s*", "", regex=True).str.strip()
    assert set(kinds) <= set(power.RATE_KINDS)
