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


def verdict(printed: str, computed: float | None) -> str:
    if computed is None:
        return CANNOT_BE_CHECKED
    if Decimal(repr(computed)) == Decimal(printed.strip()):
        return HOLDS
    if round_like(computed, printed) == Decimal(printed.strip()):
        return HOLDS_AFTER_ROUNDING
    return DOES_NOT_HOLD


@dataclass(frozen=True)
class Check:
    claim_id: str
    statement: str
    printed: str
    unit: str
    computed: float | None
    arithmetic: str

    @property
    def verdict(self) -> str:
        return verdict(self.printed, self.computed)


def ledger(checks: list[Check]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"claim": c.statement, "printed": f"{c.printed} {c.unit}".strip(), "recomputed": c.arithmetic,
          "verdict": c.verdict, "claim_id": c.claim_id} for c in checks]
    )
