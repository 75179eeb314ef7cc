"""Chapter 1's analysis: gaps, growth, projection, the residual share, descriptions and claims, stated on the page's data."""

import pandas as pd
import pytest

from axbook.articles import ai_gap
from axbook.checks import claims
from axbook.data import tables
from axbook.figures import charts, theme
from axbook.language import i18n


def test_the_collection_residual_is_what_the_printed_shares_leave():
    smart = tables.load("smart_manufacturing").set_index("indicator")
    printed = smart.loc[["data_realtime_automatic", "data_not_collected"], "value"]
    collection = ai_gap.collection_with_residual(tables.load("smart_manufacturing"))
    assert list(collection["label"])[-1] == ai_gap.RESIDUAL_LABEL
    assert collection["value"].iloc[-1] == pytest.approx(100 - printed.sum())
    assert collection["value"].sum() == pytest.approx(100)
    assert collection["text"].iloc[-1] == "75%"  # 74.5–74.7 with the shares' rounding: every value prints 75
    assert list(collection["order"]) == [0, 1, 2]


# -- descriptions: written from the data, with its years ----------------------------------------------

def test_chart_descriptions_state_the_data_and_its_years():
    rates = tables.load("ai_use_rate").query("dimension == 'firm_size'")
    assert ai_gap.describe_rates(rates, "group") == (
        "AI use rate by group. Large firms: 1.0% in 2017 to 13.5% in 2023; SMEs: 0.25% in 2017 to 4.5% in 2023.")
    gaps = ai_gap.gaps(rates)
    assert ai_gap.describe_gaps(gaps) == (  # every derived figure at the digits its printed inputs allow
        "Gaps between leader and laggard. Large firms vs SMEs in 2017: 0.69–0.81 points, 4 times; Large firms vs SMEs "
        "in 2023: 9 points, 3.0 times.")


def test_claims_ledger_of_chapter_one():
    """A data change that flips a verdict shows up here; findings and silences carry no verdict."""
    checks = ai_gap.checks(tables.load("ai_use_rate"), tables.load("claims"), tables.load("smart_manufacturing"))
    assert {c.claim_id: c.verdict for c in checks if c.kind == claims.CLAIM} == {
        "size-gap-multiple": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-multiple-body": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-2017": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-2023": claims.HOLDS,
        "period-years": claims.HOLDS,
        "region-ratio": claims.HOLDS_AFTER_ROUNDING,
        "region-ratio-deck": claims.HOLDS_AFTER_ROUNDING,
        "mfg-rate-deck": claims.HOLDS,
        "not-important-share": claims.CANNOT_BE_CHECKED,
        "not-important-6-in-10": claims.HOLDS_AFTER_ROUNDING,  # the deck's 64% is six or more in ten
        "lede-mfg-rate": claims.HOLDS,
        "lede-svc-rate": claims.HOLDS,
        "lede-region-ratio": claims.HOLDS_AFTER_ROUNDING,
    }
    assert {c.claim_id: c.figure for c in checks if c.kind == claims.FINDING} == {
        "gap-ratio": "11.0–13.1 times", "growth-multiple-large": "12.8–14.3 times",
        "growth-multiple-sme": "17.4–18.6 times", "rate-ratio-2017": "4 times", "rate-ratio-2023": "3.0 times"}
    assert [c.claim_id for c in checks if c.kind == claims.NOT_SAID] == ["importance-question", "survey-unnamed"]
    assert all(c.verdict == "" for c in checks if c.kind != claims.CLAIM)


def test_gaps_and_growth_are_computed_from_printed_rates():
    rates = tables.load("ai_use_rate")
    g = ai_gap.gaps(rates).set_index(["dimension", "year"])
    assert g.loc[("firm_size", 2017), "gap_pp"] == pytest.approx(0.75)
    assert g.loc[("firm_size", 2023), "ratio"] == pytest.approx(3.0)
    growth = ai_gap.wide(rates).set_index("group")
    assert growth.loc["SMEs", "multiple"] == pytest.approx(18.0)
    assert growth.loc["Large firms", "annual_growth"] == pytest.approx(13.5 ** (1 / 6) - 1)


def test_projection_is_capped_and_follows_its_assumption():
    p = ai_gap.projection(tables.load("ai_use_rate"), "firm_size", 2035)
    assert p["value"].max() == 100.0 and p.query("capped")["method"].eq("compound").all()
    linear = p.query("method == 'linear' and group == 'SMEs'").set_index("year")["value"]
    assert linear[2024] - linear[2023] == pytest.approx((4.5 - 0.25) / 6)


@pytest.mark.parametrize("horizon", [2024, 2030, 2035])
def test_projection_reaches_its_horizon_in_every_group_and_assumption_and_not_beyond(horizon):
    """Every year from the last observed to the horizon, each group, both assumptions: no year short (#30)."""
    p = ai_gap.projection(tables.load("ai_use_rate"), "firm_size", horizon)
    future = p[p["year"] > ai_gap.LAST]
    for (_group, _method), rows in future.groupby(["group", "method"]):
        assert sorted(rows["year"]) == list(range(ai_gap.LAST + 1, horizon + 1))
    assert set(future.groupby(["group", "method"]).size().index.get_level_values(1)) == {"linear", "compound"}


def test_composition_greys_the_residual_by_label_not_position():

    frame = pd.DataFrame({"label": ["rest (computed)", "a", "b"], "value": [50.0, 30.0, 20.0],
                          "text": ["50%", "30%", "20%"], "order": [0, 1, 2]})
    spec = charts.composition(frame, label="label", value="value", text="text",
                              residual_label="rest (computed)").to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True))["rest (computed)"] == charts.RESIDUAL_GREY
    assert charts.RESIDUAL_GREY not in scale["range"][1:]


def test_each_group_keeps_its_colour_and_figures_show_only_their_groups():
    rates = tables.load("ai_use_rate")
    size = rates.query("dimension == 'firm_size'")
    assert ai_gap.colours(size, "group") == {"Large firms": theme.OKABE_ITO["blue"], "SMEs": theme.OKABE_ITO["vermillion"]}
    assert ai_gap.colours(size, "group_ko") == {"대기업": theme.OKABE_ITO["blue"], "중소기업": theme.OKABE_ITO["vermillion"]}
    assert len(set(ai_gap.GROUP_COLOURS.values())) == len(ai_gap.GROUP_COLOURS)  # no two groups share a colour


def test_annual_growth_is_computed_one_value_at_a_time_the_same_bytes_on_every_machine():
    growth = ai_gap.wide(tables.load("ai_use_rate"))
    years = ai_gap.LAST - ai_gap.FIRST
    assert growth["annual_growth"].tolist() == [float(m) ** (1 / years) - 1 for m in growth["multiple"]]
    assert 0.5234153789450826 in growth["annual_growth"].tolist()  # 12.5-fold over six years, as stored


# -- the Korean edition: every string the chapter's code makes, in Korean; units 배 and %p ---------------


def test_korean_ledger_keeps_the_pages_words_and_writes_findings_in_bae(korean):
    checks = {c.claim_id: c for c in ai_gap.checks(tables.load("ai_use_rate"), tables.load("claims"),
                                                   tables.load("smart_manufacturing"),
                                                   tables.load("context_indicators"))}
    assert checks["size-gap-multiple"].statement == "격차 11배"  # the page's own words, from claims.csv
    assert checks["size-gap-2017"].arithmetic == "1.0% − 0.25% = 0.75%p (활용률의 반올림을 감안하면 0.69–0.81)"
    assert checks["gap-ratio"].statement == "2023년 대·중소기업 격차 ÷ 2017년 격차(지면의 활용률로 계산)"
    assert {cid: checks[cid].figure for cid in ("gap-ratio", "growth-multiple-sme", "rate-ratio-2017")} == {
        "gap-ratio": "11.0–13.1배", "growth-multiple-sme": "17.4–18.6배", "rate-ratio-2017": "4배"}
    assert checks["growth-multiple-sme"].statement == "중소기업: 2023년 AI 활용률 ÷ 2017년 활용률"
    assert checks["not-important-share"].verdict == claims.CANNOT_BE_CHECKED  # the verdict is the same id
    assert "제1차 스마트제조혁신 실태조사(2024년 기준)" in checks["not-important-share"].arithmetic


def test_korean_figures_name_groups_and_units_in_korean(korean):
    rates = tables.load("ai_use_rate").query("dimension == 'firm_size'")
    assert ai_gap.describe_gaps(ai_gap.gaps(rates)) == (
        "앞선 쪽과 뒤처진 쪽의 격차. 2017년 대기업 대 중소기업: 0.69–0.81%p, 4배; 2023년 대기업 대 중소기업: 9%p, 3.0배.")
    assert ai_gap.describe_rates(rates, "group_ko") == (
        "집단별 AI 활용률. 대기업: 2017년 1.0% → 2023년 13.5%; 중소기업: 2017년 0.25% → 2023년 4.5%.")
    spec = ai_gap.gap_chart(ai_gap.gaps(rates), "ko").to_dict()
    rows = spec["datasets"][next(iter(spec["datasets"]))]
    assert {r["measure"] for r in rows} == {"절대 격차(%p)", "상대 격차(배)"}
    assert {r["text"] for r in rows} == {"0.69–0.81%p", "9%p", "4배", "3.0배"}
    assert spec["facet"]["column"]["sort"] == ["절대 격차(%p)", "상대 격차(배)"]  # as in English: absolute first
    assert ai_gap.label_language("en", "ko") == "ko" and ai_gap.label_language("ko", "en") == "ko"


def test_korean_tables_and_residual(korean):
    collection = ai_gap.collection_with_residual(tables.load("smart_manufacturing"))
    assert list(collection["label"]) == ["‘실시간 자동 수집’: 3.9%", "수집을 하지 않는 기업: 21.5%",
                                         ai_gap.residual_label()]
    assert ai_gap.residual_label().startswith("나머지: 그 밖의 방법, 대부분 '수동 입력'")
    context = tables.load("context_indicators")
    table = ai_gap.survey_table(tables.load("surveys"), context.query("indicator == 'ai_use'"))
    assert list(table.columns) == ["조사", "영문명", "연도", "조사 대상", "질문", "비교할 수 없는 이유"]
    assert table.iloc[0, :2].tolist() == ["기업활동조사", "Survey of Business Activities"]
    assert list(ai_gap.policy_table(tables.load("policy_asks")).columns) == ["제안자", "#", "지면 표기"]


def test_every_group_of_the_other_surveys_is_one_the_catalog_translates():
    context = tables.load("context_indicators")
    assert set(context.query("indicator == 'ai_use'")["group"]) <= set(ai_gap.CONTEXT_GROUPS)
    with i18n.using("ko"):
        assert ai_gap.context_ai_use(context, tables.load("surveys"), tables.load("sources"))["group"].str.contains(
            "[가-힣]").all()


def test_the_korean_survey_table_describes_each_survey_in_the_datas_korean(korean):
    context = tables.load("context_indicators").query("indicator == 'ai_use'")
    surveys = tables.load("surveys").set_index("survey_id")
    table = ai_gap.survey_table(surveys.reset_index(), context)
    shown = surveys.loc[sorted(set(context["survey_id"]), key=list(surveys.index).index)]
    assert table["조사 대상"].tolist() == shown["population_ko"].tolist()
    assert table["질문"].tolist() == shown["question_ko"].tolist()
    assert table["비교할 수 없는 이유"].tolist() == shown["comparability_note_ko"].tolist()
    assert table.iloc[0, 3:].tolist() == ["상용근로자 50인 이상이면서 자본금 3억원 이상인 기업", "AI 기술 개발 또는 활용",
                                          "규모가 큰 기업만 대상. 대기업 = 300인 이상, 중소기업 = 50~299인."]
    assert not table[["조사 대상", "질문", "비교할 수 없는 이유"]].stack().str.contains("Not stated|Businesses with").any()


def test_the_english_survey_table_keeps_the_english_descriptions():
    context = tables.load("context_indicators").query("indicator == 'ai_use'")
    table = ai_gap.survey_table(tables.load("surveys"), context)
    assert list(table.columns) == ["survey", "in Korean", "years", "population", "question", "why not comparable"]
    assert table.iloc[0, 3:].tolist() == ["Companies with 50+ regular workers and capital of KRW 300 million or more",
                                          "Developed or used AI technology",
                                          "Larger firms only; large = 300+ workers, SME = 50-299."]
    assert not table[["population", "question", "why not comparable"]].stack().str.contains("[가-힣]").any()
