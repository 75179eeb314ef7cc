"""Every date printed on the page, resolved to a calendar date, and the days left to each deadline.

The page prints days ('18일'), a next-month day ('내달 8일'), a month and day ('6월 10일') and months
('지난해 12월', '지난 4월'); it never prints its own date. The edition's year and month come from
``articles.edition_month``; the day the page reports is the day its articles date their news to.
"""

from datetime import date

import pandas as pd

from axbook.language.dates import date_text, when
from axbook.language.i18n import N_, _

PAGE = "page"  # the as_of value that means "the day the page reports"
# Short names for the timeline's rows (the headlines are too long for an axis).
ARTICLE_NAMES = {"ai-gap": N_("AI-adoption gap"), "power-equipment": N_("Power equipment"),
                 "challenge": N_("Everyone's Challenge"), "kibo-court": N_("KIBO and the court"), "kvmcc": N_("KVMCC")}
COHORT_1_BEGAN = N_("Cohort 1 began")
HHI_SIGNED = N_("HD Hyundai Heavy Industries signed its supply contract")
# The events' names (page_dates.event_en, which the chapters look events up by, and the two above): English ids, shown
# in each edition's words, event_label().
EVENTS = (N_("KBIZ AX diffusion policy forum held"), N_("LS Electric contract reported by the industry"),
          N_("Ministry announcement"), N_("Recruitment opens"), N_("Recruitment closes"), N_("Agreement announced"),
          N_("Association announcement"), N_("Applications close"), N_("Applications close (deck)"), COHORT_1_BEGAN,
          HHI_SIGNED)


def event_label(event: str) -> str:
    """An event's name in this edition's words."""
    return _(event)


def _month(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + step
    return index // 12, index % 12 + 1


def edition(articles: pd.DataFrame) -> tuple[int, int]:
    months = set(articles["edition_month"])
    if len(months) != 1:
        raise ValueError(f"the page's articles disagree on the edition month: {sorted(months)}")
    year, month = months.pop().split("-")
    return int(year), int(month)


def edition_label(articles: pd.DataFrame) -> str:
    year, month = edition(articles)
    return _("{month:%B %Y}").format(month=date(year, month, 1))


def _printed_month(row, figures: dict[str, pd.DataFrame]) -> int:
    """A month printed beside the day ('6월 10일'): the article's own figure for it, from data/."""
    table = figures[row["article_id"]]
    return int(table.query("measure == 'applications_close_month'")["value"].iloc[0])


def page_dates(dates: pd.DataFrame, articles: pd.DataFrame, figures: dict[str, pd.DataFrame],
               power_figures: pd.DataFrame) -> pd.DataFrame:
    """One row per dated event on the page: date, precision ('day' or 'month'), what happens, where it is printed."""
    year, month = edition(articles)
    headline = articles.set_index("article_id")["headline_ko"]
    rows = []
    for r in dates.to_dict("records"):
        basis = r["month_basis"]
        if basis.startswith("edition month"):
            y, m = year, month
        elif basis.startswith("month after the edition"):
            y, m = _month(year, month, 1)
        elif basis.startswith("printed month"):
            y, m = year, _printed_month(r, figures)
        else:
            raise ValueError(f"page_dates: unknown month basis {basis!r}")
        rows.append({"article_id": r["article_id"], "event": r["event_en"], "date": date(y, m, int(r["day"])),
                     "precision": "day", "printed": r["printed_as"].replace("[", "").replace("]", "")})
    cohort = figures["kvmcc"].query("measure == 'started_month_last_year'").iloc[0]
    rows.append({"article_id": "kvmcc", "event": COHORT_1_BEGAN, "precision": "month",
                 "date": date(year - 1, int(cohort["value"]), 1), "printed": f"지난해 {cohort['value_printed']}월"})
    signed = power_figures.query("subject == 'hhi-aeg-generation' and measure == 'signed_month'").iloc[0]
    rows.append({"article_id": "power-equipment", "event": HHI_SIGNED,
                 "precision": "month", "date": date(year, int(signed["value"]), 1),
                 "printed": f"지난 {signed['value_printed']}월"})
    frame = pd.DataFrame(rows)
    frame["headline_ko"] = frame["article_id"].map(headline)
    frame["article"] = [_(ARTICLE_NAMES[a]) for a in frame["article_id"]]
    frame["deadline"] = frame["event"].str.contains("close", case=False)
    return frame.sort_values(["date", "article_id", "event"]).reset_index(drop=True)


def news_day(events: pd.DataFrame) -> date:
    """The day the page reports: the date most of its articles give their news (the 18th)."""
    days = events.query("precision == 'day' and not deadline")["date"]
    return days.mode().iloc[0]


def as_of_date(as_of: str, events: pd.DataFrame) -> date:
    return news_day(events) if as_of == PAGE else date.fromisoformat(as_of)


def days_left(events: pd.DataFrame, as_of: date) -> pd.DataFrame:
    """Each deadline with the days left to it on ``as_of`` (0 on the day itself; negative once passed)."""
    out = events.query("deadline").copy()
    out["days_left"] = [(d - as_of).days for d in out["date"]]
    out["status"] = [_("closed") if n < 0 else _("closes today") if n == 0 else _("{days} days left").format(days=n)
                     for n in out["days_left"]]
    return out


def window_days(opens: date, closes: date) -> int:
    """Days in an application window, counting both the first and the last day."""
    return (closes - opens).days + 1


def describe(events: pd.DataFrame, as_of: date) -> str:
    parts = [_("{when}: {event} ({printed})").format(when=when(r.date, r.precision), event=event_label(r.event),
                                                     printed=r.printed) for r in events.itertuples()]
    left = "; ".join(_("{event}: {status}").format(event=event_label(r.event), status=r.status)
                     for r in days_left(events, as_of).itertuples())
    return _("Every date printed on the page, as of {date}. {dates}. Deadlines: {deadlines}.").format(
        date=date_text(as_of, short=True), dates="; ".join(parts), deadlines=left)
