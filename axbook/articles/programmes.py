"""Chapters 3 to 5: the page's three programme articles (challenge, rehabilitation guarantee, KVMCC).

Few numbers, real structure: tracks, selections, caps, steps, conditions, stages, deadlines. Everything
here is computed from data/ (counts of listed rows, products of printed figures, dates); nothing is
estimated where the page is silent.
"""

from datetime import date, timedelta

import pandas as pd

from axbook.articles import timeline
from axbook.checks import claims as cl
from axbook.checks.params import Choice, DateOr
from axbook.figures.charts import COMPUTED, NOT_PRINTED, PRINTED
from axbook.language import dates

AS_OF = {"as_of": DateOr(timeline.PAGE, "2026-01-01", "2026-12-31")}
KIBO_PARAMETERS = {"label_lang": Choice("en", "ko")}
TRACKS = ("beauty", "platform")
EOK = 1e8  # 1억원 in won


def _figure(figs: pd.DataFrame, subject: str, measure: str) -> pd.Series:
    return figs.set_index(["subject", "measure"]).loc[(subject, measure)]


# --- chapter 3: 모두의 챌린지 ---

def tracks(figs: pd.DataFrame, companies: pd.DataFrame) -> pd.DataFrame:
    """Per track: demand companies (listed and printed), firms to select, cap per firm, maximum envelope."""
    rows = []
    for track in TRACKS:
        cap = _figure(figs, track, "funding_cap_per_firm")
        firms = int(_figure(figs, track, "firms_selected")["value"])
        listed = companies.query("track == @track")
        rows.append({
            "track": track, "demand_listed": len(listed),
            "demand_printed": int(_figure(figs, track, "demand_companies")["value"]),
            "demand_names": ", ".join(f"{en} ({ko})" for en, ko in zip(listed["company_en"], listed["company_ko"],
                                                                        strict=True)),
            "firms": firms, "cap_eok": float(cap["value"]),
            "cap_printed": f"최대 {cap['value_printed']}{cap['unit_printed']}",
            "envelope_eok": firms * float(cap["value"]),
        })
    frame = pd.DataFrame(rows)
    frame["envelope_bn"] = frame["envelope_eok"] * EOK / 1e9
    return frame


def fields(named: pd.DataFrame, figs: pd.DataFrame) -> dict:
    total = int(_figure(figs, "programme", "fields")["value"])
    in_count = named.query("named_in == 'the count of fields'")
    recruiting = named.query("named_in == 'this recruitment'")
    return {"total": total, "named_with_count": len(in_count), "named_recruiting": len(recruiting),
            "unnamed_at_most": total - len(in_count), "unnamed_at_least": total - len(in_count) - len(recruiting),
            "names_with_count": ", ".join(in_count["field_en"]), "names_recruiting": ", ".join(recruiting["field_en"])}


def track_chart_frame(t: pd.DataFrame) -> pd.DataFrame:
    """Long form for the tracks figure: one panel per measure, like with like."""
    rows = []
    for r in t.itertuples():
        name = f"{r.track.capitalize()} track"
        rows += [
            {"measure": "Large demand companies (수요기업)", "label": name, "amount": r.demand_printed,
             "text": f"{r.demand_printed}", "kind": PRINTED},
            {"measure": "Start-ups to be selected", "label": name, "amount": r.firms, "text": f"{r.firms}", "kind": PRINTED},
            {"measure": "Most collaboration funding in all (₩bn)", "label": name, "amount": r.envelope_bn,
             "text": f"₩{r.envelope_bn:g}bn = {r.firms} × {r.cap_printed}", "kind": COMPUTED},
        ]
    return pd.DataFrame(rows)


def window(events: pd.DataFrame) -> dict:
    ch = events.query("article_id == 'challenge'").set_index("event")
    opens, closes = ch.loc["Recruitment opens", "date"], ch.loc["Recruitment closes", "date"]
    return {"opens": opens, "closes": closes, "days": timeline.window_days(opens, closes),
            "news_day": timeline.news_day(events)}


def calendar_days(w: dict) -> pd.DataFrame:
    """Every day of the months the window touches, with its kind (window, opens, closes, news day)."""
    first = w["news_day"].replace(day=1)
    last_month = w["closes"].replace(day=1)
    end = (last_month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    rows, day = [], first
    while day <= end:
        if day == w["opens"]:
            kind = "opens"
        elif day == w["closes"]:
            kind = "closes"
        elif w["opens"] < day < w["closes"]:
            kind = "application window"
        elif day == w["news_day"]:
            kind = "the page's news day"
        else:
            kind = "other days"
        month_start = day.replace(day=1)
        rows.append({"month": f"{day:%B %Y}", "day": day.day, "weekday": day.weekday(),
                     "week": (day.day + month_start.weekday() - 1) // 7, "kind": kind,
                     "label": f"{day:%a} {dates.date_text(day, short=True)}"})
        day += timedelta(days=1)
    return pd.DataFrame(rows)


def challenge_checks(figs: pd.DataFrame, named: pd.DataFrame, t: pd.DataFrame, w: dict) -> list[cl.Check]:
    f = fields(named, figs)
    out = []
    for r in t.itertuples():
        out.append(cl.Check(f"{r.track}-demand-count", f"{r.track.capitalize()} track: '{r.demand_printed}개 대기업' "
                            f"({r.demand_printed} large firms), each named", str(r.demand_printed), "개",
                            float(r.demand_listed), f"{r.demand_listed} named: {r.demand_names}", "body"))
    out.append(cl.Check("fields-count", f"'{f['total']}개 분야' (fields), of which it names {f['names_with_count']}",
                        str(f["total"]), "개", None,
                        f"the page names {f['named_with_count']} where it counts the fields and calls "
                        f"{f['names_recruiting'].lower().replace(', ', ' and ')} fields too; nothing lists all "
                        f"{f['total']}", "body"))
    out.append(cl.Check("window-close", "Recruitment until '내달 8일' (the 8th of next month; deck only)",
                        "8", "일", None, "only the deck gives the closing day, so nothing on the page confirms it",
                        "deck"))
    for r in t.itertuples():
        out.append(cl.Check(f"{r.track}-envelope", f"{r.track.capitalize()} track: the most its {r.firms} firms can "
                            f"receive at up to {r.cap_eok:g}억원 each", "", "₩{}bn", r.envelope_bn,
                            f"{r.firms} × {r.cap_eok:g}억원 = {r.envelope_eok:g}억원; a ceiling, not a budget",
                            kind=cl.FINDING, interval=(r.envelope_bn, r.envelope_bn)))
    out.append(cl.Check("challenge-envelope-total", "Both tracks together: the most their firms can receive", "",
                        "₩{}bn", float(t["envelope_bn"].sum()),
                        " + ".join(f"{v:g}억원" for v in t["envelope_eok"]) + f" = {t['envelope_eok'].sum():g}억원",
                        kind=cl.FINDING, interval=(float(t["envelope_bn"].sum()),) * 2))
    out.append(cl.Check("fields-unnamed", f"Fields of the {f['total']} the page does not name", "", "",
                        float(f["unnamed_at_least"]),
                        f"{f['total']} − {f['named_with_count']} named where counted − {f['named_recruiting']} "
                        f"recruiting now ({f['names_recruiting'].lower()}), reading them as two of the {f['total']}, as "
                        "the page does ('모두의 챌린지 내 ‘뷰티’와 ‘플랫폼’ 분야')", kind=cl.FINDING,
                        interval=(f["unnamed_at_least"], f["unnamed_at_least"])))
    out.append(cl.Check("window-days", "Days to apply, both ends counted", "", "days", float(w["days"]),
                        f"{dates.date_text(w['opens'], year=False)} (body) to {dates.date_text(w['closes'])} (deck), "
                        f"reading '내달' in an edition of May {w['closes'].year}", kind=cl.FINDING,
                        interval=(w["days"], w["days"])))
    out.append(cl.Check("challenge-budget", "The total budget, how many firms apply and how they are chosen", "",
                        "", None, "the page gives the cap per firm and the number of firms only", kind=cl.NOT_SAID))
    out.append(cl.Check("challenge-year", "The year", "", "", None,
                        "dates are read in the edition's month; the page never prints its own date", kind=cl.NOT_SAID))
    return out


# --- chapter 4: 기술보증기금 × 서울회생법원 ---

def flow_steps(steps: pd.DataFrame, label_lang: str) -> pd.DataFrame:
    actor, action = ("actor_ko", "action_ko") if label_lang == "ko" else ("actor_en", "action_en")
    return steps.sort_values("step").rename(columns={actor: "actor", action: "action"})[["step", "actor", "action"]]


def describe_flow(steps: pd.DataFrame) -> str:
    return "The agreement, step by step: " + "; ".join(
        f"{r.step}. {r.actor}: {r.action}" for r in steps.itertuples()) + "."


def checklist_html(conditions: pd.DataFrame) -> str:
    from html import escape

    def item(r) -> str:
        return f'<li><span aria-hidden="true">☐ </span>{escape(r.text_en)} <span lang="ko">({escape(r.text_ko)})</span></li>'

    required = "".join(item(r) for r in conditions.query("role == 'requirement'").itertuples())
    then = "; ".join(f'{escape(r.text_en[:1].lower() + r.text_en[1:])} <span lang="ko">({escape(r.text_ko)})</span>'
                     for r in conditions.query("role == 'next step'").itertuples())
    after = f"<p>A firm that meets them then goes through the next step: {then}.</p>" if then else ""
    return f'<ul class="axbook-checklist">{required}</ul>{after}'


def kibo_checks(conditions: pd.DataFrame) -> list[cl.Check]:
    repayment = conditions.set_index("condition_id").loc["repayment"]
    return [
        cl.Check("busan-ma", "KIBO supports M&A for technology SMEs in Busan (headline)", "", "", None,
                 "the article gives it one sentence, with no amount, partner or number of firms", "headline"),
        cl.Check("conditions-complete", "Whether the guarantee's conditions are all listed", "", "", None,
                 "the page lists them with '등' (and others), among them the repayment plan carried out "
                 f"'{repayment['value_printed']}{repayment['unit_printed']}' (at least once): a rule of the "
                 "guarantee, not a figure to check", kind=cl.NOT_SAID),
        cl.Check("how-many-firms", "How many firms the court will recommend, and how much KIBO will guarantee", "",
                 "", None, "no number of firms, no amount and no time frame", kind=cl.NOT_SAID),
        cl.Check("busan-details", "What the Busan M&A support consists of", "", "", None,
                 "no partner, amount or number of firms", kind=cl.NOT_SAID),
        cl.Check("agreement-term", "When the agreement starts or ends", "", "", None,
                 "only the day of the announcement (the 18th)", kind=cl.NOT_SAID),
    ]


# --- chapter 5: KVMCC ---

def kvmcc(figs: pd.DataFrame) -> dict:
    trainees = _figure(figs, "cohort-2", "trainees_selected")
    planned = _figure(figs, "cohort-2", "planned_size")
    certified = _figure(figs, "cohort-2", "expected_certified")
    first = _figure(figs, "cohort-1", "certified_mentors")
    t_low, t_high = cl.printed_interval(trainees["value_printed"])
    c_low, c_high = cl.printed_interval(certified["value_printed"])
    return {
        "trainees": float(trainees["value"]), "planned": float(planned["value"]), "certified": float(certified["value"]),
        "first_certified": float(first["value"]), "stages": int(_figure(figs, "cohort-2", "exam_stages")["value"]),
        "pass_rate": float(certified["value"]) / float(trainees["value"]),
        "pass_low": c_low / t_high, "pass_high": c_high / t_low,
        "trainees_printed": f"{trainees['value_printed']}명 {trainees['qualifier_ko']}",
        "certified_printed": f"{certified['value_printed']}인 {certified['qualifier_ko']}",
        "planned_printed": f"약 {planned['value_printed']}명 규모",
        "first_printed": f"총 {first['value_printed']}인",
    }


def pass_text(k: dict) -> str:
    """The share of trainees certified, at the digits the rounded counts allow ('44–57 %')."""
    return f"{cl.estimate(100 * k['pass_rate'], 100 * k['pass_low'], 100 * k['pass_high'])} %"


def funnel_frame(k: dict) -> pd.DataFrame:
    return pd.DataFrame([
        {"label": "Applicants|number not printed", "amount": 0.0, "text": "not printed", "kind": NOT_PRINTED},
        {"label": f"Trainees, by document screening|{k['trainees_printed']}", "amount": k["trainees"],
         "text": f"about {k['trainees']:.0f}", "kind": PRINTED},
        {"label": f"Certified after {k['stages']} exams|{k['certified_printed']}", "amount": k["certified"],
         "text": f"about {k['certified']:.0f} ({pass_text(k)} of trainees)", "kind": PRINTED},
    ])


def describe_funnel(k: dict) -> str:
    return (f"Cohort 2 of KVMCC: applicants (not printed), about {k['trainees']:.0f} trainees selected by document "
            f"screening, about {k['certified']:.0f} certified after a {k['stages']}-stage exam: "
            f"{pass_text(k)} of trainees, given the rounding of both figures.")


def kvmcc_checks(figs: pd.DataFrame, paths: pd.DataFrame, events: pd.DataFrame) -> list[cl.Check]:
    k = kvmcc(figs)
    stages = paths.query("kind == 'certification stage'")
    deadlines = events.query("article_id == 'kvmcc' and deadline").set_index("event")["date"]
    deck, body = deadlines["Applications close (deck)"], deadlines["Applications close"]
    return [
        cl.Check("first-in-korea", "The first venture-specific certification in Korea: '국내 첫' (deck) and "
                 "'국내 최초' (lede)", "", "", None, "the page gives no source for the claim", "deck"),
        cl.Check("deadline", "'내달 10일' (deck) and '6월 10일' (body) are the same day", "10", "일",
                 float(deck.day) if deck == body else None,
                 f"deck: {dates.date_text(deck)}; body: {dates.date_text(body)} (for an edition of May {body.year})",
                 "deck"),
        cl.Check("cohort2-size", f"Cohort 2 runs at '{k['planned_printed']}' and selects '{k['trainees_printed']}' "
                 "trainees", str(int(k["planned"])), "명", k["trainees"], "the two sentences give the same figure",
                 "body"),
        cl.Check("expanded", f"'확대' (expanded): cohort 2 at {k['planned_printed']} after cohort 1 certified "
                 f"{k['first_printed']}", "", "", None,
                 "cohort 1's intake is not printed: the sentence sets cohort 2's intake beside cohort 1's output. "
                 f"Cohort 1 certified {k['first_certified']:.0f}; cohort 2 expects to certify about "
                 f"{k['certified']:.0f}", "body"),
        cl.Check("stages", f"A '{k['stages']}단계' (three-stage) exam", str(k["stages"]), "단계", float(len(stages)),
                 f"{len(stages)} stages named: " + ", ".join(f"{r.text_en} ({r.text_ko})" for r in stages.itertuples()),
                 "body"),
        cl.Check("pass-rate", "Cohort 2's trainees expected to be certified", "", "%", 100 * k["pass_rate"],
                 f"{k['certified_printed']} ÷ {k['trainees_printed']}, both as rounded", kind=cl.FINDING,
                 interval=(100 * k["pass_low"], 100 * k["pass_high"])),
        cl.Check("cohort1-intake", "How many cohort 1 took in", "", "", None,
                 f"only its output is printed ({k['first_printed']} certified), so '확대' cannot be measured",
                 kind=cl.NOT_SAID),
        cl.Check("cohort2-applicants", "How many apply to cohort 2, what the course costs, when certificates "
                 "are awarded", "", "", None, "none of these is printed", kind=cl.NOT_SAID),
    ]


def news_and_deadline(events: pd.DataFrame, article: str, as_of: date) -> pd.DataFrame:
    return timeline.days_left(events.query("article_id == @article"), as_of)
