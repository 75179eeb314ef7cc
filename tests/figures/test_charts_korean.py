"""The Korean edition of the shared chart and download machinery: source lines, titles, kinds, dates, links."""

import altair as alt
import pandas as pd
import pytest
import vl_convert
from helpers import bars, chart_body

from axbook.figures import charts, downloads


def test_a_source_line_names_the_outlet_month_and_dataset_in_korean(korean):
    assert charts.source_line("challenge_figures", "상한은 이 책의 계산") == (
        "출처: 메트로신문 2026년 5월, “중기부, ‘모두의 챌린지’ 뷰티·플랫폼 기업 모집” · 상한은 이 책의 계산\n"
        "데이터(‘데이터와 출처’ 참조): '모두의 챌린지': 분야, 선정 기업 수, 자금 한도")
    assert charts.source_line("page_dates").startswith("출처: 메트로신문 2026년 5월 경제면(기사 5건 전체)\n")


def test_the_english_source_line_is_unchanged():
    assert charts.source_line("page_dates") == (
        "Source: 메트로신문 (Metro Seoul), 2026-05, business section (all 5 articles)\n"
        "Data: Dates printed on the page (see Data and sources)")


def test_kinds_of_figure_are_shown_in_korean_and_keep_their_colours(korean):
    frame = pd.DataFrame({"label": ["a", "b"], "amount": [1.0, 2.0], "text": ["1", "2"],
                          "kind": [charts.PRINTED, charts.COMPUTED]})
    spec = charts.labelled_hbars(frame, label="label", value="amount", text="text", kinds=list(frame["kind"]),
                                 x_title="명", tooltip=[]).to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert scale == {"domain": ["지면 수치", "지면 수치로 계산"],
                     "range": [charts.KIND_COLOURS[charts.PRINTED], charts.KIND_COLOURS[charts.COMPUTED]]}
    assert {row["kind"] for rows in spec["datasets"].values() for row in rows} == {"지면 수치", "지면 수치로 계산"}


def test_the_calendar_writes_weekdays_and_kinds_in_korean(korean):
    days = pd.DataFrame({"month": ["2026년 5월"] * 2, "day": [18, 19], "weekday": [0, 1], "week": [3, 3],
                         "kind": ["the page's news day", "opens"], "label": ["a", "b"]})
    spec = charts.calendar(days).to_dict()
    layer = spec["spec"]["layer"]
    assert layer[0]["encoding"]["x"]["axis"]["labelExpr"] == "['월','화','수','목','금','토','일'][datum.value]"
    assert layer[0]["encoding"]["color"]["scale"]["domain"] == ["지면 보도일", "모집 시작"]
    assert layer[0]["encoding"]["tooltip"][0]["title"] == "날짜"


def test_the_timeline_axis_writes_months_the_korean_way(korean):
    from datetime import date

    events = pd.DataFrame({"article": ["모두의 챌린지"], "event": ["Recruitment opens"], "date": [date(2026, 5, 19)],
                           "precision": ["day"], "printed": ["19일부터"]})
    spec = charts.timeline(events, row="article", as_of_label="기준", as_of="2026-05-18",
                           news_day="2026-05-18").to_dict()
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%Y년 %-m월"
    rows = [r for rows in spec["datasets"].values() for r in rows]
    assert {"event": "모집 시작", "when": "2026년 5월 19일"}.items() <= rows[0].items()
    assert any(r.get("label") == "지면 보도일 = 기준일" for r in rows)


@pytest.mark.parametrize("bn, text", [(2.5, "25억원"), (1234, "1조 2340억원"), (4000, "4조원")])
def test_the_ramp_writes_its_running_total_in_eok_and_jo(korean, bn, text):
    chart = alt.Chart(pd.DataFrame({"bn": [bn]})).transform_calculate(
        shown=charts._won_expression("datum.bn")).mark_text().encode(text="shown:N")
    assert f">{text}<" in vl_convert.vegalite_to_svg(chart.to_dict())


def test_the_download_links_are_worded_in_the_edition_language(tmp_path, korean):
    assert downloads.text_added() == "차트 내려받기: 데이터(CSV) · SVG · PNG"
    assert downloads.text_added("en") == downloads.TEXT_ADDED == "Download this chart: data (CSV) · SVG · PNG"
    out = downloads.add_downloads(chart_body(bars("Two bars.")), "chapters/01-x", tmp_path / "site", tmp_path / "c")
    assert '<p class="axbook-chart-downloads">차트 내려받기: <a class="axbook-download"' in out
    assert ">데이터(CSV)</a>" in out
