"""Amounts, differences and multiples as each edition writes them: one function per kind of value.

English writes won in billions (₩105bn), Korean in 억 and 조 as the page does (1050억원, 4조원, 1조 2000억원);
a difference of percentages is "pp" in English and "%p" in Korean; a multiple is "times" or 배.
"""

from axbook.language import i18n

EOK, JO = 1e8, 1e12


def _number(value: float) -> str:
    return f"{value:,.10g}"


def won(amount: float, language: str | None = None) -> str:
    """An amount of won: '₩105bn' / '1050억원'; '₩4,000bn' / '4조원'; '₩1,200bn' / '1조 2000억원'."""
    language = language or i18n.current()
    if language == "ko":
        jo, rest = divmod(round(amount / EOK, 6), JO / EOK)
        eok = f"{rest:.10g}억" if rest else ""
        if jo:
            return f"{jo:.0f}조" + (f" {eok}" if eok else "") + "원"
        return f"{eok or '0억'}원"
    return f"₩{_number(amount / 1e9)}bn"


def points(value: float | str, language: str | None = None) -> str:
    """A difference of two percentages: '9.0 pp' / '9.0%p'."""
    return f"{value}%p" if (language or i18n.current()) == "ko" else f"{value} pp"


def times(value: float | str, language: str | None = None) -> str:
    """A multiple: '11 times' / '11배'; ``value`` may be a range from ``claims.estimate``."""
    return f"{value}배" if (language or i18n.current()) == "ko" else f"{value} times"


def won_axis(language: str | None = None) -> tuple[float, str]:
    """A chart's won axis as each edition draws it: (its units per ₩1bn, its title): (1, 'Billion won (₩bn)') in
    English, (10, '억원') in Korean, the unit the page prints."""
    if (language or i18n.current()) == "ko":
        return 10.0, "억원"
    return 1.0, "Billion won (₩bn)"
