"""The one verdict rule: recomputation at the printed precision, intervals, and the ledger's columns."""

from decimal import Decimal

import pytest

from axbook.articles import ai_gap
from axbook.checks import claims
from axbook.data import tables

# -- claims: the precision rule at its edges -------------------------------------------------------

@pytest.mark.parametrize(("interval", "expected"), [
    ((11.5, 12.0), claims.DOES_NOT_HOLD),          # starts where '11' stops printing (half-open at the top)
    ((11.4, 12.0), claims.HOLDS_AFTER_ROUNDING),   # 11.4 prints as 11
    ((10.0, 10.5), claims.HOLDS_AFTER_ROUNDING),   # 10.5 rounds half-up to 11
    ((10.0, 10.4), claims.DOES_NOT_HOLD),
    ((10.0, 10.6), claims.HOLDS_AFTER_ROUNDING),
])
def test_an_interval_holds_when_some_value_in_it_prints_as_the_figure(interval, expected):
    assert claims.verdict("11", 20.0, interval) == expected


@pytest.mark.parametrize(("printed", "step"), [("0", 1), ("1", 1), ("13.5", "0.1"), ("1050", 10), ("7000", 1000),
                                               ("0.25", "0.01"), ("-40", 10)])
def test_precision_step_is_the_last_printed_digit(printed, step):
    assert claims.precision_step(printed) == Decimal(str(step))


def test_an_empty_ledger_still_has_its_columns():
    assert list(claims.ledger([]).columns) == ["claim", "printed", "recomputed", "verdict", "claim_id"]
    check = claims.Check("c1", "A claim", "11", "배", 11.0, "22 ÷ 2", part="headline")
    assert claims.ledger([check]).to_dict("records") == [
        {"claim": "A claim", "printed": "11 배", "recomputed": "22 ÷ 2", "verdict": "holds", "claim_id": "c1"}]


@pytest.mark.parametrize(("printed", "computed", "expected"), [
    ("9.0", 9.0, claims.HOLDS),
    ("0.8", 0.75, claims.HOLDS_AFTER_ROUNDING),
    ("3.4", 6.1 / 1.8, claims.HOLDS_AFTER_ROUNDING),
    ("11", 12.0, claims.DOES_NOT_HOLD),
    ("11", 10.5, claims.HOLDS_AFTER_ROUNDING),  # half-up, as printed figures are rounded
    ("64", None, claims.CANNOT_BE_CHECKED),
])
def test_verdicts(printed, computed, expected):
    assert claims.verdict(printed, computed) == expected


@pytest.mark.parametrize(("printed", "computed", "interval", "expected"), [
    ("11", 12.0, (11.06, 13.09), claims.HOLDS_AFTER_ROUNDING),   # some value the inputs allow rounds to 11
    ("11", 12.0, (11.6, 13.09), claims.DOES_NOT_HOLD),
    ("11", 12.0, None, claims.DOES_NOT_HOLD),
    ("11", 11.0, (5.0, 20.0), claims.HOLDS),
])
def test_verdict_with_the_interval_the_inputs_allow(printed, computed, interval, expected):
    assert claims.verdict(printed, computed, interval) == expected


def test_eleven_fold_is_recomputed_from_the_rates_with_its_interval():
    rates = tables.load("ai_use_rate")
    low, high = ai_gap.ratio_of_gaps_interval(rates)
    assert low == pytest.approx((13.45 - 4.55) / (1.05 - 0.245))
    assert high == pytest.approx((13.55 - 4.45) / (0.95 - 0.255))
    check = next(c for c in ai_gap.checks(rates, tables.load("claims"), tables.load("smart_manufacturing"))
                 if c.claim_id == "size-gap-multiple")
    assert check.computed == pytest.approx(12.0) and check.part == "headline"
