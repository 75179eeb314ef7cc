"""Dates as the book writes them: one function for a day, one for a date printed at a given precision.

English: '8 June 2026'; Korean: '2026년 6월 8일', weekdays 월–일, as the page and Korean newspapers write them.
"""

from datetime import date

from axbook.language import i18n

KO_WEEKDAYS = "월화수목금토일"


def date_text(day: date, *, short: bool = False, year: bool = True, language: str | None = None) -> str:
    """A date as the book writes it: '8 June 2026' (no leading zero), '8 Jun 2026' short, '8 June' without the year;
    in Korean '2026년 6월 8일' (short is the same), '6월 8일' without the year."""
    if (language or i18n.current()) == "ko":
        return (f"{day.year}년 " if year else "") + f"{day.month}월 {day.day}일"
    return (f"{day.day} {day:%b}" if short else f"{day.day} {day:%B}") + (f" {day.year}" if year else "")


def weekday(day: date, language: str | None = None) -> str:
    """'Mon' / '월'."""
    return KO_WEEKDAYS[day.weekday()] if (language or i18n.current()) == "ko" else f"{day:%a}"


def when(day: date, precision: str, language: str | None = None) -> str:
    """A printed date at the precision the page gives it: '18 May 2026', or 'Dec 2025 (month only)'."""
    if (language or i18n.current()) == "ko":
        return date_text(day, language="ko") if precision == "day" else f"{day.year}년 {day.month}월 (월만 표기)"
    return date_text(day, short=True, language="en") if precision == "day" else f"{day:%b %Y} (month only)"
