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
    assert list(claims.ledger([]).columns) == ["claim_id", "kind", "part", "statement", "printed", "figure",
                                               "recomputed", "verdict", "low", "high"]
    check = claims.Check("c1", "A claim", "11", "배", 11.0, "22 ÷ 2", part="headline")
    finding = claims.Check("f1", "A finding", "", "times", 12.0, "from the rates", kind=claims.FINDING,
                           interval=(11.04, 13.09))
    silence = claims.Check("n1", "A base", "", "", None, "not printed", kind=claims.NOT_SAID)
    frame = claims.ledger([check, finding, silence])
    assert frame.astype(object).where(frame.notna(), None).to_dict("records") == [
        {"claim_id": "c1", "kind": "claim", "part": "headline", "statement": "A claim", "printed": "11배", "figure": "",
         "recomputed": "22 ÷ 2", "verdict": "holds", "low": None, "high": None},
        {"claim_id": "f1", "kind": "finding", "part": "", "statement": "A finding", "printed": "",
         "figure": "11.0–13.1 times", "recomputed": "from the rates", "verdict": "", "low": 11.04, "high": 13.09},
        {"claim_id": "n1", "kind": "not said", "part": "", "statement": "A base", "printed": "", "figure": "",
         "recomputed": "not printed", "verdict": "", "low": None, "high": None}]


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"kind": "opinion", "part": "body"}, "kind 'opinion'"),
    ({"part": ""}, "a claim names its part"),
    ({"part": "footer"}, "a claim names its part"),
    ({"kind": claims.FINDING, "part": "body", "interval": (1.0, 2.0)}, "other rows do not"),
    ({"kind": claims.FINDING, "interval": None}, "a finding has a computed value and its interval"),
])
def test_a_row_is_one_of_three_kinds_and_only_a_claim_has_a_part(kwargs, message):
    with pytest.raises(ValueError, match=message):
        claims.Check("x", "statement", "1", "", 1.0, "", **kwargs)


# -- corroboration is not recomputation ------------------------------------------------------------

@pytest.mark.parametrize(("computed", "interval", "expected"), [
    (684.0, None, claims.MATCHES_OUTSIDE),
    (684.4, None, claims.MATCHES_OUTSIDE),         # rounds to the printed figure
    (690.0, None, claims.DIFFERS_FROM_OUTSIDE),
    (1053.5, (978.0, 1129.0), claims.MATCHES_OUTSIDE),
    (972.7, (903.0, 1042.0), claims.DIFFERS_FROM_OUTSIDE),
    (None, None, claims.CANNOT_BE_CHECKED),
])
def test_an_outside_report_corroborates_or_differs_but_never_holds(computed, interval, expected):
    printed = "1050" if interval else "684"
    assert claims.verdict(printed, computed, interval, outside=True) == expected
    row = claims.Check("x", "s", printed, "", computed, "", "body", interval=interval, outside="A publisher")
    assert row.verdict == expected


def test_every_verdict_has_its_rule_and_the_scale_is_in_order():
    assert list(claims.RULES) == list(claims.VERDICTS)
    assert len(set(claims.VERDICTS)) == 6 and all(claims.RULES[v].endswith(".") for v in claims.VERDICTS)


# -- the book's own figures: intervals and the digits they support ------------------------------

@pytest.mark.parametrize(("value", "low", "high", "text"), [
    (166.4, 149.08, 184.11, "149–185"),      # wide: the interval, ends outwards at its width's second digit
    (38.1, 33.18, 43.06, "33.1–43.1"),
    (0.267, 0.1438, 0.6459, "0.14–0.65"),
    (1500.0, 1393.0, 1623.0, "1,390–1,630"),
    (12.0, 11.04, 13.09, "11.0–13.1"),        # both ends to the same digits
    (20.727, 20.712, 20.742, "20.7"),         # every value prints 20.7; 20.71 and 20.74 differ
    (4.0, 3.73, 4.29, "4"),                   # a step of 1 is a quarter of 4
    (3.0, 2.956, 3.045, "3.0"),
    (200.0, 151.0, 249.0, "151–249"),        # all print 200 at a step of 100, but 100 > 200 / 4
    (15.0, 15.0, 15.0, "15"),                 # exact: printed as itself
    (2.5, 2.5, 2.5, "2.5"),
    (0.5, 0.495, 0.505, "0.495–0.505"),       # both print 0.5, but a step of 0.1 is ten times their spread
    (3.4, 3.392, 3.417, "3.4"),               # a step of 0.1 is four times their spread
    (0.3, 0.24, 0.36, "0.24–0.36"),          # 0 at a step of 1 is no figure
    (61.9, 61.1, 62.7, "61.1–62.7"),          # all print 60, but a step of 10 hides a spread of 1.6
    (9.0, 8.9, 9.1, "8.9–9.1"),               # 9 at a step of 1 claims less than the inputs tell
    (3.4, 3.39, 3.42, "3.4"),
])
def test_a_derived_figure_prints_the_digits_its_interval_supports(value, low, high, text):
    assert claims.estimate(value, low, high) == text


def test_bounds_takes_every_combination_of_the_inputs_ends():
    value, low, high = claims.bounds(lambda a, b: a / b, "4", "500")   # 4 -> 3.5..4.5; 500 -> 450..550
    assert (value, low, high) == (4 / 500, 3.5 / 550, 4.5 / 450)
    assert claims.bounds(lambda a, b: a - b, 10, (3.0, 2.0, 4.0)) == (7.0, 6.0, 8.0)  # exact, and (value, low, high)
    assert claims.bounds(lambda a: a * 2, "13.5") == (27.0, 26.9, 27.1)


def test_a_finding_is_printed_in_its_unit():
    def finding(unit):
        return claims.Check("f", "s", "", unit, 1.5, "", kind=claims.FINDING, interval=(1.5, 1.5))
    assert finding("₩{}bn").figure == "₩1.5bn" and finding("times").figure == "1.5 times" and finding("").figure == "1.5"


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


@pytest.mark.parametrize(("number", "unit", "shown"), [
    ("11", "배", "11배"), ("9.0", "%p", "9.0%p"), ("13.5", "%", "13.5%"), ("3", "개", "3개"),
    ("6", "곳 (of 10)", "6곳 (of 10)"), ("20", "MW", "20 MW"), ("7", "", "7"),
])
def test_a_figure_takes_its_unit_as_the_page_prints_it(number, unit, shown):
    assert claims.with_unit(number, unit) == shown
