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
from axbook.language import amounts, dates, i18n
from axbook.language.i18n import N_, _

AS_OF = {"as_of": DateOr(timeline.PAGE, "2026-01-01", "2026-12-31")}
KIBO_PARAMETERS = {"label_lang": Choice("en", "ko")}
TRACKS = ("beauty", "platform")
TRACK_NAMES = {"beauty": N_("Beauty track"), "platform": N_("Platform track")}
EOK = 1e8  # 1억원 in won


def _korean() -> bool:
    return i18n.current() == "ko"


def track_name(track: str) -> str:
    """'Beauty track' / '뷰티 분야'."""
    return _(TRACK_NAMES[track])


def _won_finding(bn: float, eok: float) -> tuple[str, float]:
    """A finding in won: its unit and value, '₩{}bn' of billions in English, '{}억원' of 억 in Korean."""
    return ("{}억원", eok) if _korean() else ("₩{}bn", bn)


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
            "demand_names": ", ".join(ko if _korean() else f"{en} ({ko})"
                                      for en, ko in zip(listed["company_en"], listed["company_ko"], strict=True)),
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
    name = "field_ko" if _korean() else "field_en"  # the page's own names in Korean
    return {"total": total, "named_with_count": len(in_count), "named_recruiting": len(recruiting),
            "unnamed_at_most": total - len(in_count), "unnamed_at_least": total - len(in_count) - len(recruiting),
            "names_with_count": ", ".join(in_count[name]), "names_recruiting": ", ".join(recruiting[name])}


def track_chart_frame(t: pd.DataFrame) -> pd.DataFrame:
    """Long form for the tracks figure: one panel per measure, like with like."""
    rows = []
    for r in t.itertuples():
        name = track_name(r.track)
        # the funding panel's axis counts ₩bn in English, 억원 in Korean
        envelope = r.envelope_eok if _korean() else r.envelope_bn
        rows += [
            {"measure": _("Large demand companies (수요기업)"), "label": name, "amount": r.demand_printed,
             "text": f"{r.demand_printed}", "kind": PRINTED},
            {"measure": _("Start-ups to be selected"), "label": name, "amount": r.firms, "text": f"{r.firms}",
             "kind": PRINTED},
            {"measure": _("Most collaboration funding in all (₩bn)"), "label": name, "amount": envelope,
             "text": _("{envelope} = {firms} × {cap}").format(envelope=amounts.won(r.envelope_bn * 1e9),
                                                             firms=r.firms, cap=r.cap_printed), "kind": COMPUTED},
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
        rows.append({"month": _("{month:%B %Y}").format(month=day), "day": day.day, "weekday": day.weekday(),
                     "week": (day.day + month_start.weekday() - 1) // 7, "kind": kind,
                     "label": _("{weekday} {date}").format(weekday=dates.weekday(day),
                                                           date=dates.date_text(day, short=True))})
        day += timedelta(days=1)
    return pd.DataFrame(rows)


def challenge_checks(figs: pd.DataFrame, named: pd.DataFrame, t: pd.DataFrame, w: dict) -> list[cl.Check]:
    f = fields(named, figs)
    out = []
    for r in t.itertuples():
        out.append(cl.Check(f"{r.track}-demand-count",
                            _("{track}: '{count}개 대기업' ({count} large firms), each named").format(
                                track=track_name(r.track), count=r.demand_printed), str(r.demand_printed), "개",
                            float(r.demand_listed),
                            _("{count} named: {names}").format(count=r.demand_listed, names=r.demand_names), "body"))
    recruiting = (f["names_recruiting"].replace(", ", "·") if _korean()
                  else f["names_recruiting"].lower().replace(", ", " and "))
    out.append(cl.Check("fields-count", _("'{total}개 분야' (fields), of which it names {names}").format(
                            total=f["total"], names=f["names_with_count"]),
                        str(f["total"]), "개", None,
                        _("the page names {named} where it counts the fields and calls {recruiting} fields too; "
                          "nothing lists all {total}").format(named=f["named_with_count"], recruiting=recruiting,
                                                              total=f["total"]), "body"))
    out.append(cl.Check("window-close", _("Recruitment until '내달 8일' (the 8th of next month; deck only)"),
                        "8", "일", None, _("only the deck gives the closing day, so nothing on the page confirms it"),
                        "deck"))
    for r in t.itertuples():
        unit, value = _won_finding(r.envelope_bn, r.envelope_eok)
        out.append(cl.Check(f"{r.track}-envelope", _("{track}: the most its {firms} firms can receive at up to {cap} "
                                                     "each").format(track=track_name(r.track), firms=r.firms,
                                                                    cap=f"{r.cap_eok:g}억원"), "", unit, value,
                            _("{firms} × {cap} = {envelope}; a ceiling, not a budget").format(
                                firms=r.firms, cap=f"{r.cap_eok:g}억원", envelope=f"{r.envelope_eok:g}억원"),
                            kind=cl.FINDING, interval=(value, value)))
    unit, value = _won_finding(float(t["envelope_bn"].sum()), float(t["envelope_eok"].sum()))
    out.append(cl.Check("challenge-envelope-total", _("Both tracks together: the most their firms can receive"), "",
                        unit, value,
                        " + ".join(f"{v:g}억원" for v in t["envelope_eok"]) + f" = {t['envelope_eok'].sum():g}억원",
                        kind=cl.FINDING, interval=(value,) * 2))
    recruiting = f["names_recruiting"].replace(", ", "·") if _korean() else f["names_recruiting"].lower()
    out.append(cl.Check("fields-unnamed", _("Fields of the {total} the page does not name").format(total=f["total"]),
                        "", "", float(f["unnamed_at_least"]),
                        _("{total} − {named} named where counted − {recruiting_count} recruiting now ({recruiting}), "
                          "reading them as two of the {total}, as the page does ('모두의 챌린지 내 ‘뷰티’와 ‘플랫폼’ "
                          "분야')").format(total=f["total"], named=f["named_with_count"],
                                         recruiting_count=f["named_recruiting"], recruiting=recruiting),
                        kind=cl.FINDING, interval=(f["unnamed_at_least"], f["unnamed_at_least"])))
    # "days" is a unit after the number ('20 days'); a translation may place the number itself: '{}일'
    out.append(cl.Check("window-days", _("Days to apply, both ends counted"), "", _("days"), float(w["days"]),
                        _("{opens} (body) to {closes} (deck), reading '내달' in an edition of {edition}").format(
                            opens=dates.date_text(w["opens"], year=False), closes=dates.date_text(w["closes"]),
                            edition=_("May {year}").format(year=w["closes"].year)), kind=cl.FINDING,
                        interval=(w["days"], w["days"])))
    out.append(cl.Check("challenge-budget", _("The total budget, how many firms apply and how they are chosen"), "",
                        "", None, _("the page gives the cap per firm and the number of firms only"), kind=cl.NOT_SAID))
    out.append(cl.Check("challenge-year", _("The year"), "", "", None,
                        _("dates are read in the edition's month; the page never prints its own date"),
                        kind=cl.NOT_SAID))
    return out


# --- chapter 4: 기술보증기금 × 서울회생법원 ---

def flow_steps(steps: pd.DataFrame, label_lang: str) -> pd.DataFrame:
    actor, action = ("actor_ko", "action_ko") if label_lang == "ko" else ("actor_en", "action_en")
    return steps.sort_values("step").rename(columns={actor: "actor", action: "action"})[["step", "actor", "action"]]


def describe_flow(steps: pd.DataFrame) -> str:
    return _("The agreement, step by step: {steps}.").format(steps="; ".join(
        f"{r.step}. {r.actor}: {r.action}" for r in steps.itertuples()))


def checklist_html(conditions: pd.DataFrame) -> str:
    from html import escape

    korean = _korean()  # the Korean edition gives the page's own words, once

    def item(r) -> str:
        if korean:
            return f'<li><span aria-hidden="true">☐ </span>{escape(r.text_ko)}</li>'
        return f'<li><span aria-hidden="true">☐ </span>{escape(r.text_en)} <span lang="ko">({escape(r.text_ko)})</span></li>'

    def step(r) -> str:
        if korean:
            return escape(r.text_ko)
        return f'{escape(r.text_en[:1].lower() + r.text_en[1:])} <span lang="ko">({escape(r.text_ko)})</span>'

    required = "".join(item(r) for r in conditions.query("role == 'requirement'").itertuples())
    then = "; ".join(step(r) for r in conditions.query("role == 'next step'").itertuples())
    lead = escape(_("A firm that meets them then goes through the next step: {step}."))
    after = f"<p>{lead.format(step=then)}</p>" if then else ""
    return f'<ul class="axbook-checklist">{required}</ul>{after}'


def kibo_checks(conditions: pd.DataFrame) -> list[cl.Check]:
    repayment = conditions.set_index("condition_id").loc["repayment"]
    return [
        cl.Check("busan-ma", _("KIBO supports M&A for technology SMEs in Busan (headline)"), "", "", None,
                 _("the article gives it one sentence, with no amount, partner or number of firms"), "headline"),
        cl.Check("conditions-complete", _("Whether the guarantee's conditions are all listed"), "", "", None,
                 _("the page lists them with '등' (and others), among them the repayment plan carried out '{printed}' "
                   "(at least once): a rule of the guarantee, not a figure to check").format(
                     printed=f"{repayment['value_printed']}{repayment['unit_printed']}"), kind=cl.NOT_SAID),
        cl.Check("how-many-firms", _("How many firms the court will recommend, and how much KIBO will guarantee"), "",
                 "", None, _("no number of firms, no amount and no time frame"), kind=cl.NOT_SAID),
        cl.Check("busan-details", _("What the Busan M&A support consists of"), "", "", None,
                 _("no partner, amount or number of firms"), kind=cl.NOT_SAID),
        cl.Check("agreement-term", _("When the agreement starts or ends"), "", "", None,
                 _("only the day of the announcement (the 18th)"), kind=cl.NOT_SAID),
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
    return _("{rate} %").format(rate=cl.estimate(100 * k["pass_rate"], 100 * k["pass_low"], 100 * k["pass_high"]))


def funnel_frame(k: dict) -> pd.DataFrame:
    # a label's two lines are split at '|' (charts.LINE_BREAK)
    return pd.DataFrame([
        {"label": _("Applicants|number not printed"), "amount": 0.0, "text": _("not printed"), "kind": NOT_PRINTED},
        {"label": _("Trainees, by document screening|{printed}").format(printed=k["trainees_printed"]),
         "amount": k["trainees"], "text": _("about {count:.0f}").format(count=k["trainees"]), "kind": PRINTED},
        {"label": _("Certified after {stages} exams|{printed}").format(stages=k["stages"],
                                                                        printed=k["certified_printed"]),
         "amount": k["certified"], "text": _("about {count:.0f} ({rate} of trainees)").format(
             count=k["certified"], rate=pass_text(k)), "kind": PRINTED},
    ])


def describe_funnel(k: dict) -> str:
    return _("Cohort 2 of KVMCC: applicants (not printed), about {trainees:.0f} trainees selected by document "
             "screening, about {certified:.0f} certified after a {stages}-stage exam: {rate} of trainees, given the "
             "rounding of both figures.").format(trainees=k["trainees"], certified=k["certified"], stages=k["stages"],
                                                 rate=pass_text(k))


def kvmcc_checks(figs: pd.DataFrame, paths: pd.DataFrame, events: pd.DataFrame) -> list[cl.Check]:
    k = kvmcc(figs)
    stages = paths.query("kind == 'certification stage'")
    deadlines = events.query("article_id == 'kvmcc' and deadline").set_index("event")["date"]
    deck, body = deadlines["Applications close (deck)"], deadlines["Applications close"]
    stage_names = ", ".join(r.text_ko if _korean() else f"{r.text_en} ({r.text_ko})" for r in stages.itertuples())
    return [
        cl.Check("first-in-korea", _("The first venture-specific certification in Korea: '국내 첫' (deck) and "
                                     "'국내 최초' (lede)"), "", "", None, _("the page gives no source for the claim"),
                 "deck"),
        cl.Check("deadline", _("'내달 10일' (deck) and '6월 10일' (body) are the same day"), "10", "일",
                 float(deck.day) if deck == body else None,
                 _("deck: {deck}; body: {body} (for an edition of {edition})").format(
                     deck=dates.date_text(deck), body=dates.date_text(body),
                     edition=_("May {year}").format(year=body.year)), "deck"),
        cl.Check("cohort2-size", _("Cohort 2 runs at '{planned}' and selects '{trainees}' trainees").format(
                     planned=k["planned_printed"], trainees=k["trainees_printed"]), str(int(k["planned"])), "명",
                 k["trainees"], _("the two sentences give the same figure"), "body"),
        cl.Check("expanded", _("'확대' (expanded): cohort 2 at {planned} after cohort 1 certified {first}").format(
                     planned=k["planned_printed"], first=k["first_printed"]), "", "", None,
                 _("cohort 1's intake is not printed: the sentence sets cohort 2's intake beside cohort 1's output. "
                   "Cohort 1 certified {first:.0f}; cohort 2 expects to certify about {certified:.0f}").format(
                     first=k["first_certified"], certified=k["certified"]), "body"),
        cl.Check("stages", _("A '{stages}단계' (three-stage) exam").format(stages=k["stages"]), str(k["stages"]),
                 "단계", float(len(stages)),
                 _("{count} stages named: {names}").format(count=len(stages), names=stage_names), "body"),
        # "{} %" places the figure: '44–57 %' (a translation may drop the space)
        cl.Check("pass-rate", _("Cohort 2's trainees expected to be certified"), "", _("{} %"), 100 * k["pass_rate"],
                 _("{certified} ÷ {trainees}, both as rounded").format(certified=k["certified_printed"],
                                                                      trainees=k["trainees_printed"]),
                 kind=cl.FINDING, interval=(100 * k["pass_low"], 100 * k["pass_high"])),
        cl.Check("cohort1-intake", _("How many cohort 1 took in"), "", "", None,
                 _("only its output is printed ({first} certified), so '확대' cannot be measured").format(
                     first=k["first_printed"]), kind=cl.NOT_SAID),
        cl.Check("cohort2-applicants", _("How many apply to cohort 2, what the course costs, when certificates "
                                         "are awarded"), "", "", None, _("none of these is printed"), kind=cl.NOT_SAID),
    ]


def news_and_deadline(events: pd.DataFrame, article: str, as_of: date) -> pd.DataFrame:
    return timeline.days_left(events.query("article_id == @article"), as_of)
