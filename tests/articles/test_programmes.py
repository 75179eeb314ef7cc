"""Chapters 3 to 5 and the timeline: each computed count, product, date and verdict, stated."""

from datetime import date

import pytest

from axbook.articles import programmes, timeline
from axbook.checks import claims
from axbook.data import tables
from axbook.errors import ParameterError
from axbook.language import dates


@pytest.fixture(scope="module")
def events():
    return timeline.page_dates(tables.load("page_dates"), tables.load("articles"),
                               {"kvmcc": tables.load("kvmcc_figures"), "challenge": tables.load("challenge_figures")},
                               tables.load("power_deal_figures"))


def test_every_printed_date_resolves(events):
    by_event = events.set_index("event")["date"]
    assert by_event["Recruitment opens"] == date(2026, 5, 19)
    assert by_event["Recruitment closes"] == date(2026, 6, 8)       # 내달 8일 in a May edition
    assert (events.query("event.str.startswith('Applications close')")["date"] == date(2026, 6, 10)).all()
    assert by_event["Cohort 1 began"] == date(2025, 12, 1)
    assert len(events) == len(tables.load("page_dates")) + 2  # plus the two month-only dates


def test_news_day_and_days_left(events):
    assert timeline.news_day(events) == date(2026, 5, 18)
    left = timeline.days_left(events, date(2026, 6, 8)).set_index("event")
    assert left.loc["Recruitment closes", "days_left"] == 0 and left.loc["Recruitment closes", "status"] == "closes today"
    assert left.loc["Applications close", "status"] == "2 days left"
    assert timeline.days_left(events, date(2026, 6, 9)).set_index("event").loc["Recruitment closes", "status"] == "closed"


def test_dates_are_written_without_a_leading_zero_and_at_their_printed_precision(events):
    assert dates.date_text(date(2026, 6, 8)) == "8 June 2026"
    assert dates.date_text(date(2026, 6, 8), short=True) == "8 Jun 2026"
    assert dates.date_text(date(2026, 6, 8), year=False) == "8 June"
    assert dates.date_text(date(2026, 5, 19), short=True, year=False) == "19 May"
    assert dates.when(date(2025, 12, 1), "month") == "Dec 2025 (month only)"
    assert dates.when(date(2026, 6, 8), "day") == "8 Jun 2026"
    described = timeline.describe(events, date(2026, 6, 1))
    assert described.startswith("Every date printed on the page, as of 1 Jun 2026. Dec 2025 (month only): Cohort 1 "
                                "began (지난해 12월); Apr 2026 (month only): ")
    assert "; 8 Jun 2026: Recruitment closes (내달 8일까지);" in described and " 01 " not in described


def test_window_counts_both_ends():
    assert timeline.window_days(date(2026, 5, 19), date(2026, 6, 8)) == 21
    assert timeline.window_days(date(2026, 5, 19), date(2026, 5, 19)) == 1


@pytest.mark.parametrize(("value", "ok"), [("page", True), ("2026-01-01", True), ("2026-12-31", True),
                                           ("2025-12-31", False), ("2027-01-01", False), ("2026-6-1", False),
                                           ("June 1", False), (20260601, False)])
def test_as_of_accepts_the_page_or_a_2026_date(value, ok):
    rule = programmes.AS_OF["as_of"]
    if ok:
        rule.check("as_of", value)
    else:
        with pytest.raises(ParameterError, match="'page', or a date written YYYY-MM-DD from 2026-01-01 to 2026-12-31"):
            rule.check("as_of", value)


def test_tracks_and_their_ceilings():
    t = programmes.tracks(tables.load("challenge_figures"), tables.load("challenge_demand_companies")).set_index("track")
    assert t.loc["beauty", "firms"] == 15 and t.loc["platform", "firms"] == 10
    assert t.loc["beauty", "envelope_eok"] == 15 and t.loc["platform", "envelope_bn"] == pytest.approx(1.0)
    assert (t["demand_listed"] == t["demand_printed"]).all()


def test_fields_named_and_unnamed():
    f = programmes.fields(tables.load("challenge_fields"), tables.load("challenge_figures"))
    assert (f["total"], f["named_with_count"], f["unnamed_at_least"], f["unnamed_at_most"]) == (9, 3, 4, 6)


def test_calendar_marks_the_window(events):
    days = programmes.calendar_days(programmes.window(events))
    kinds = days.set_index("label")["kind"]
    assert kinds["Tue 19 May 2026"] == "opens" and kinds["Mon 8 Jun 2026"] == "closes"
    assert kinds["Mon 18 May 2026"] == "the page's news day"
    assert (days["kind"] == "application window").sum() == 21 - 2
    assert len(days) == 31 + 30 and days["week"].between(0, 5).all()


def test_kvmcc_pass_rate_and_interval():
    k = programmes.kvmcc(tables.load("kvmcc_figures"))
    assert k["pass_rate"] == 0.5
    assert k["pass_low"] == pytest.approx(24.5 / 55) and k["pass_high"] == pytest.approx(25.5 / 45)


def test_flow_steps_follow_the_language():
    steps = tables.load("kibo_steps")
    assert programmes.flow_steps(steps, "ko")["actor"].iloc[0] == "서울회생법원"
    assert programmes.flow_steps(steps, "en")["actor"].iloc[0] == "Seoul Bankruptcy Court"


def test_ledgers_of_chapters_three_to_five(events):
    cf, cc = tables.load("challenge_figures"), tables.load("challenge_demand_companies")
    named = tables.load("challenge_fields")
    t = programmes.tracks(cf, cc)
    ch = programmes.challenge_checks(cf, named, t, programmes.window(events))
    assert {c.claim_id: c.verdict for c in ch if c.kind == claims.CLAIM} == {
        "beauty-demand-count": claims.HOLDS, "platform-demand-count": claims.HOLDS,
        "fields-count": claims.CANNOT_BE_CHECKED, "window-close": claims.CANNOT_BE_CHECKED}
    assert {c.claim_id: c.figure for c in ch if c.kind == claims.FINDING} == {
        "beauty-envelope": "₩1.5bn", "platform-envelope": "₩1bn", "challenge-envelope-total": "₩2.5bn",
        "fields-unnamed": "4", "window-days": "21 days"}
    kibo = programmes.kibo_checks(tables.load("kibo_eligibility"))
    assert {c.claim_id: (c.kind, c.verdict) for c in kibo} == {
        "busan-ma": (claims.CLAIM, claims.CANNOT_BE_CHECKED), "conditions-complete": (claims.NOT_SAID, ""),
        "how-many-firms": (claims.NOT_SAID, ""), "busan-details": (claims.NOT_SAID, ""),
        "agreement-term": (claims.NOT_SAID, "")}
    kv_checks = programmes.kvmcc_checks(tables.load("kvmcc_figures"), tables.load("kvmcc_paths"), events)
    assert {c.claim_id: c.verdict for c in kv_checks if c.kind == claims.CLAIM} == {
        "cohort2-size": claims.HOLDS, "stages": claims.HOLDS, "expanded": claims.CANNOT_BE_CHECKED,
        "deadline": claims.HOLDS, "first-in-korea": claims.CANNOT_BE_CHECKED}
    assert {c.claim_id: c.figure for c in kv_checks if c.kind == claims.FINDING} == {"pass-rate": "44–57 %"}


def test_the_assessment_follows_the_requirements_and_is_not_one_of_them():
    html = programmes.checklist_html(tables.load("kibo_eligibility"))
    checklist, after = html.split("</ul>")
    assert checklist.count("<li>") == 2 and "assessment" not in checklist
    assert after.startswith("<p>A firm that meets them then goes through the next step: a technology assessment")


def test_a_dropped_listed_company_flips_the_count(events):
    cc = tables.load("challenge_demand_companies").iloc[1:]
    t = programmes.tracks(tables.load("challenge_figures"), cc)
    checks = {c.claim_id: c for c in programmes.challenge_checks(
        tables.load("challenge_figures"), tables.load("challenge_fields"), t, programmes.window(events))}
    assert checks["beauty-demand-count"].verdict == claims.DOES_NOT_HOLD


# -- the Korean edition: the same figures, in the page's words and units ---------------------------------------


def test_the_challenge_ledger_and_calendar_read_in_korean(korean):
    figs, companies = tables.load("challenge_figures"), tables.load("challenge_demand_companies")
    events = timeline.page_dates(tables.load("page_dates"), tables.load("articles"),
                                 {"kvmcc": tables.load("kvmcc_figures"), "challenge": figs},
                                 tables.load("power_deal_figures"))
    t = programmes.tracks(figs, companies)
    w = programmes.window(events)
    found = {c.claim_id: c for c in programmes.challenge_checks(figs, tables.load("challenge_fields"), t, w)}
    assert found["beauty-envelope"].figure == "15억원" and found["challenge-envelope-total"].figure == "25억원"
    assert found["window-days"].figure == "21일"
    assert found["beauty-demand-count"].arithmetic == "이름이 나온 기업 3곳: 아모레퍼시픽, LG생활건강, 한국콜마"
    days = programmes.calendar_days(w).set_index("day")
    assert days.loc[18, "label"].iloc[0] == "2026년 5월 18일(월)" and days.loc[18, "month"].iloc[0] == "2026년 5월"
    left = timeline.days_left(events, date(2026, 5, 18)).set_index("event")["status"]
    assert left["Applications close"] == "마감까지 23일"  # the events keep their English ids
    assert timeline.edition_label(tables.load("articles")) == "2026년 5월"


def test_the_kvmcc_funnel_and_rate_read_in_korean(korean):
    k = programmes.kvmcc(tables.load("kvmcc_figures"))
    assert programmes.pass_text(k) == "44–57%"
    assert list(programmes.funnel_frame(k)["text"]) == ["미기재", "약 50명", "약 25명(교육생의 44–57%)"]
    assert programmes.funnel_frame(k)["label"].iloc[0] == "지원자|인원 미기재"
