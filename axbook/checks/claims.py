"""Re-checking a printed claim against the book's data: one verdict vocabulary for every chapter."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

HOLDS = "holds"
HOLDS_AFTER_ROUNDING = "holds after rounding"
DOES_NOT_HOLD = "does not hold"
CANNOT_BE_CHECKED = "cannot be checked"
VERDICTS = (HOLDS, HOLDS_AFTER_ROUNDING, DOES_NOT_HOLD, CANNOT_BE_CHECKED)


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


def verdict(printed: str, computed: float | None, interval: tuple[float, float] | None = None) -> str:
    """The book's one rule. ``interval``: every value the printed inputs allow at their precision."""
    if computed is None:
        return CANNOT_BE_CHECKED
    if Decimal(repr(computed)) == Decimal(printed.strip()):
        return HOLDS
    if round_like(computed, printed) == Decimal(printed.strip()):
        return HOLDS_AFTER_ROUNDING
    if interval is not None:
        half = Decimal(1).scaleb(Decimal(printed.strip()).as_tuple().exponent) / 2
        low, high = Decimal(printed.strip()) - half, Decimal(printed.strip()) + half
        if Decimal(repr(interval[0])) < high and Decimal(repr(interval[1])) >= low:
            return HOLDS_AFTER_ROUNDING  # some value the inputs allow rounds to the printed figure
    return DOES_NOT_HOLD


@dataclass(frozen=True)
class Check:
    claim_id: str
    statement: str
    printed: str
    unit: str
    computed: float | None
    arithmetic: str
    part: str = ""  # where on the page: headline, deck, lede, body, caption
    interval: tuple[float, float] | None = None

    @property
    def verdict(self) -> str:
        return verdict(self.printed, self.computed, self.interval)


LEDGER_COLUMNS = ["claim", "printed", "recomputed", "verdict", "claim_id"]


def ledger(checks: list[Check]) -> pd.DataFrame:
    """One row per check; a chapter with no checks yet still gets the ledger's columns."""
    return pd.DataFrame(
        [{"claim": c.statement, "printed": f"{c.printed} {c.unit}".strip(), "recomputed": c.arithmetic,
          "verdict": c.verdict, "claim_id": c.claim_id} for c in checks], columns=LEDGER_COLUMNS)
