"""Dates as the book writes them: one function for a day, one for a date printed at a given precision."""

from datetime import date


def date_text(day: date, *, short: bool = False, year: bool = True) -> str:
    """A date as the book writes it: '8 June 2026' (no leading zero), '8 Jun 2026' short, '8 June' without the year."""
    return (f"{day.day} {day:%b}" if short else f"{day.day} {day:%B}") + (f" {day.year}" if year else "")


def when(day: date, precision: str) -> str:
    """A printed date at the precision the page gives it: '18 May 2026', or 'Dec 2025 (month only)'."""
    return date_text(day, short=True) if precision == "day" else f"{day:%b %Y} (month only)"
