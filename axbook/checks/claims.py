"""What the book says about the page: one ledger model and one verdict rule for every chapter.

A ledger row is one of three kinds, kept apart everywhere:
- a claim the page makes (a headline, deck, lede, body sentence or caption asserts it): the only kind
  the front page counts and scores;
- a finding of the book (a figure it derives from the page's numbers): printed with the digits its
  interval supports, never scored;
- what the page does not say (a value not printed, a base missing).

A claim is recomputed from the page's own numbers when it can be; when only an outside report gives
something to compare with, the verdict says so (corroboration is not recomputation).
"""

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import pandas as pd

from axbook.language.i18n import N_

CLAIM, FINDING, NOT_SAID = "claim", "finding", "not said"
KINDS = (CLAIM, FINDING, NOT_SAID)
KIND_TITLES = {CLAIM: N_("Claims the page makes"), FINDING: N_("The book's findings"),
               NOT_SAID: N_("What the page does not say")}
PARTS = (N_("headline"), N_("deck"), N_("lede"), N_("body"), N_("caption"))

# English ids (also the CSS classes and the downloads' values); each edition shows its own label: i18n._(verdict)
HOLDS = N_("holds")
HOLDS_AFTER_ROUNDING = N_("holds after rounding")
MATCHES_OUTSIDE = N_("matches an outside report")
DOES_NOT_HOLD = N_("does not hold")
DIFFERS_FROM_OUTSIDE = N_("differs from an outside report")
CANNOT_BE_CHECKED = N_("cannot be checked")
VERDICTS = (HOLDS, HOLDS_AFTER_ROUNDING, MATCHES_OUTSIDE, DOES_NOT_HOLD, DIFFERS_FROM_OUTSIDE, CANNOT_BE_CHECKED)
RULES = {  # what each verdict means: the "How this book checks" page and every chapter's ledger read these
    HOLDS: N_("recomputed from the numbers the page prints, the arithmetic gives the printed figure at its printed "
           "precision."),
    HOLDS_AFTER_ROUNDING: N_("some value consistent with the printed precision of the inputs gives the printed "
                          "figure; the chapter shows the interval."),
    MATCHES_OUTSIDE: N_("the page prints nothing to recompute the claim from, but a named outside report gives the "
                     "same figure at the printed precision. Corroboration, not recomputation."),
    DOES_NOT_HOLD: N_("no value consistent with the printed precision of the inputs gives the printed figure."),
    DIFFERS_FROM_OUTSIDE: N_("the page prints nothing to recompute the claim from, and a named outside report gives "
                          "a figure that does not round to it."),
    CANNOT_BE_CHECKED: N_("neither the page nor an outside report the book holds gives anything to check the claim "
                       "against."),
}


def round_like(value: float, printed: str) -> Decimal:
    """Round half-up to as many decimals as the printed figure shows (as a newspaper would)."""
    exponent = Decimal(printed.strip()).as_tuple().exponent
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def precision_step(printed: str) -> Decimal:
    """The unit of the last significant digit as printed: '13.5' -> 0.1, '1050' -> 10, '7000' -> 1000.

    Trailing zeros of a whole number are read as rounding (the conservative reading of '약 7000만달러').
    """
    number = Decimal(printed.strip())
    exponent = number.as_tuple().exponent
    if exponent == 0 and number != 0:
        digits = str(abs(int(number)))
        exponent = len(digits) - len(digits.rstrip("0"))
    return Decimal(1).scaleb(exponent)


def printed_interval(printed: str) -> tuple[float, float]:
    """Every value that prints as ``printed`` at its own precision (half a step either side)."""
    number, half = Decimal(printed.strip()), precision_step(printed) / 2
    return float(number - half), float(number + half)


def verdict(printed: str, computed: float | None, interval: tuple[float, float] | None = None,
            outside: bool = False) -> str:
    """The book's one rule. ``interval``: every value the inputs allow at their precision; ``outside``: the
    computed figure comes from an outside report, not from the page."""
    if computed is None:
        return CANNOT_BE_CHECKED
    computed = float(computed)  # a NumPy scalar's repr is not a number
    agrees, rounded = DOES_NOT_HOLD, HOLDS_AFTER_ROUNDING
    if Decimal(repr(computed)) == Decimal(printed.strip()):
        agrees = HOLDS
    elif round_like(computed, printed) == Decimal(printed.strip()):
        agrees = rounded
    elif interval is not None:
        half = Decimal(1).scaleb(Decimal(printed.strip()).as_tuple().exponent) / 2
        low, high = Decimal(printed.strip()) - half, Decimal(printed.strip()) + half
        if Decimal(repr(interval[0])) < high and Decimal(repr(interval[1])) >= low:
            agrees = rounded  # some value the inputs allow rounds to the printed figure
    if outside:
        return DIFFERS_FROM_OUTSIDE if agrees == DOES_NOT_HOLD else MATCHES_OUTSIDE
    return agrees


# --- the book's own figures: an interval from the inputs' precision, and the digits it supports ---

Input = str | int | float | tuple[float, float, float]


def _span(given: Input) -> tuple[float, tuple[float, ...]]:
    """An input's value and the ends of what it may be: a printed figure (str) is rounded at its last digit,
    a number is exact, a tuple is (value, low, high)."""
    if isinstance(given, str):
        return float(Decimal(given.strip())), printed_interval(given)
    if isinstance(given, tuple):
        return float(given[0]), (float(given[1]), float(given[2]))
    return float(given), (float(given),)


def bounds(formula: Callable[..., float], *inputs: Input) -> tuple[float, float, float]:
    """``formula`` at the inputs, and its least and greatest value over every combination of their ends (the
    book's formulas are monotone in each input, so the extremes are at the corners)."""
    spans = [_span(i) for i in inputs]
    corners = [float(formula(*c)) for c in itertools.product(*(ends for _, ends in spans))]
    return float(formula(*(value for value, _ in spans))), min(corners), max(corners)


def _rounded(value: float, exponent: int, rounding=ROUND_HALF_UP) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(exponent), rounding=rounding)


def _text(number: Decimal, trim: bool = False) -> str:
    """With thousands separators; ``trim`` drops zeros after the point (an interval's ends or an exact value,
    whose zeros say nothing about precision)."""
    if trim and number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    elif trim:
        number = number.normalize()
    places = max(0, -number.as_tuple().exponent)
    return f"{number:,.{places}f}"


def supported_step(low: float, high: float) -> int | None:
    """The exponent of the finest rounding at which every value from ``low`` to ``high`` prints the same, when
    that step is at most a quarter of the figure and at most five times the interval's width (else None: the
    interval must be printed). The second bound keeps a single figure from hiding what the inputs do tell:
    61.1–62.7 all print as 60, which is further from every one of them than their own spread."""
    top = max(abs(low), abs(high))
    if top == 0:
        return 0
    width = high - low
    start = math.floor(math.log10(width)) - 1 if width > 0 else math.floor(math.log10(top)) - 3
    for exponent in range(start, math.floor(math.log10(top)) + 2):
        figure = _rounded(low, exponent)
        if figure == _rounded(high, exponent):
            step = Decimal(1).scaleb(exponent)
            return exponent if figure and 4 * step <= abs(figure) and step <= 5 * Decimal(repr(width)) else None
    return None


def estimate(value: float, low: float, high: float) -> str:
    """A derived figure at the precision its inputs allow: one number when every value in [low, high] prints
    as that number (``supported_step``), else the interval, its ends rounded outwards at the second significant
    digit of its width ('150–185'). An exact figure (low == high) prints as itself."""
    if low == high:
        return _text(Decimal(repr(value)), trim=True)
    exponent = supported_step(low, high)
    if exponent is not None:
        return _text(_rounded(value if low <= value <= high else (low + high) / 2, exponent))
    width_exponent = math.floor(math.log10(high - low)) - 1
    ends = [_rounded(low, width_exponent, ROUND_FLOOR).normalize(),
            _rounded(high, width_exponent, ROUND_CEILING).normalize()]
    places = max(0, *(-end.as_tuple().exponent for end in ends))  # both ends to the same digits: '11.0–13.1'
    return "–".join(f"{end:,.{places}f}" for end in ends)


@dataclass(frozen=True)
class Check:
    claim_id: str
    statement: str
    printed: str  # the page's figure, for a claim
    unit: str
    computed: float | None
    arithmetic: str
    part: str = ""  # where on the page a claim is: headline, deck, lede, body, caption
    interval: tuple[float, float] | None = None
    kind: str = CLAIM
    outside: str = ""  # the outside report ``computed`` comes from: corroboration, not recomputation

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"{self.claim_id}: kind {self.kind!r} is not one of {KINDS}")
        if (self.kind == CLAIM) != (self.part in PARTS):
            raise ValueError(f"{self.claim_id}: a claim names its part of the page ({', '.join(PARTS)}); "
                             f"other rows do not (got {self.part!r})")
        if self.kind == FINDING and (self.computed is None or self.interval is None):
            raise ValueError(f"{self.claim_id}: a finding has a computed value and its interval")

    @property
    def verdict(self) -> str:
        if self.kind != CLAIM:
            return ""
        return verdict(self.printed, self.computed, self.interval, outside=bool(self.outside))

    @property
    def figure(self) -> str:
        """A finding as the book prints it: the digits its interval supports, in its unit ('₩{}bn' places it)."""
        if self.kind != FINDING:
            return ""
        number = estimate(self.computed, *self.interval)
        return self.unit.format(number) if "{}" in self.unit else with_unit(number, self.unit)


def with_unit(number, unit: str) -> str:
    """A figure with its unit as the page prints it: Korean units and percentages close up ('11배', '9.0%p', '3개'),
    others after a space ('20 MW')."""
    if not unit:
        return str(number)
    return f"{number}{unit}" if unit[0] == "%" or not unit[0].isascii() else f"{number} {unit}"


LEDGER_COLUMNS = ["claim_id", "kind", "part", "statement", "printed", "figure", "recomputed", "verdict", "low", "high"]


def ledger(checks: list[Check]) -> pd.DataFrame:
    """One row per check; a chapter with no checks yet still gets the ledger's columns."""
    return pd.DataFrame(
        [{"claim_id": c.claim_id, "kind": c.kind, "part": c.part,
          "statement": c.statement, "printed": with_unit(c.printed, c.unit) if c.kind == CLAIM else "",
          "figure": c.figure, "recomputed": c.arithmetic, "verdict": c.verdict,
          "low": c.interval[0] if c.interval else None, "high": c.interval[1] if c.interval else None}
         for c in checks], columns=LEDGER_COLUMNS)
