"""Chapter parameters: bounds, names and messages, and the check that reads what the kernel's cells assigned."""

import pytest

from axbook.articles import ai_gap
from axbook.checks import params
from axbook.checks.params import IntRange, check, validate
from axbook.errors import ParameterError

# -- parameters: rules stated on fresh objects (the chapters' own are built at import) ----------------

def test_int_range_accepts_its_bounds_and_refuses_one_beyond_each():
    rule = params.IntRange(3, 5)
    for value in (3, 4, 5):
        rule.check("n", value)
    for value in (2, 6, 4.0, True, "4"):
        with pytest.raises(ParameterError, match=r"^parameter 'n' = .* is not allowed; allowed values: whole numbers "
                                                 r"from 3 to 5$"):
            rule.check("n", value)


def test_date_or_accepts_its_default_and_both_bounds():
    rule = params.DateOr("page", "2026-05-01", "2026-06-30")
    for value in ("page", "2026-05-01", "2026-06-30"):
        rule.check("as_of", value)
    # the forms Python reads besides YYYY-MM-DD too: a week date, digits alone, full-width digits (#30)
    for value in ("2026-04-30", "2026-07-01", "2026-5-1", "today", None, "2026-02-30", "2026-W23-1", "20260601",
                  "２０２６-０６-０１"):
        with pytest.raises(ParameterError, match=r"^parameter 'as_of' = .* is not allowed; allowed values: 'page', or a "
                                                 r"date written YYYY-MM-DD from 2026-05-01 to 2026-06-30$"):
            rule.check("as_of", value)


def test_choice_lists_the_allowed_values_in_order():
    with pytest.raises(ParameterError, match=r"^parameter 'lang' = 'fr' is not allowed; allowed values: 'en', 'ko'$"):
        params.Choice("en", "ko").check("lang", "fr")


def test_unknown_and_missing_parameters_are_named():
    spec = {"dimension": params.Choice("a"), "horizon": params.IntRange(1, 2)}
    with pytest.raises(ParameterError, match=r"^unknown parameter\(s\) 'dimensoin', 'x'; this chapter takes: "
                                             r"dimension, horizon, language$"):
        params.validate(spec, {"dimensoin": "a", "x": 1, "horizon": 1})
    with pytest.raises(ParameterError, match=r"^parameter 'horizon' is missing$"):
        params.validate(spec, {"dimension": "a"})
    assert params.validate(spec, {"dimension": "a", "horizon": 2}) == {"dimension": "a", "horizon": 2}


def test_every_page_takes_the_edition_and_refuses_one_the_book_has_not():
    spec = {"dimension": params.Choice("a")}
    assert params.validate(spec, {"dimension": "a", "language": "ko"}) == {"dimension": "a", "language": "ko"}
    with pytest.raises(ParameterError, match=r"^parameter 'language' = 'fr' is not allowed; allowed values: 'en', 'ko'$"):
        params.validate(spec, {"dimension": "a", "language": "fr"})
    assert params.validate({}, {}) == {}  # the default edition needs no assignment


def test_assigned_names_cover_every_kind_of_assignment_and_nothing_else():
    source = "a = 1\nb: int = 2\nc += 3\nd.e = 4\nf[0] = 5\nprint(6)\ng, h = 7, 8\n%time i = 9"
    assert params._assigned(source) == ["a", "b", "c"]


def test_check_outside_a_kernel_says_so():
    with pytest.raises(ParameterError, match=r"^parameters can only be checked in a notebook kernel \(no cell history\)$"):
        params.check({}, {})


@pytest.mark.parametrize(("values", "message"), [
    ({"dimension": "sector", "horizon": 2030, "label_lang": "en"},
     "parameter 'dimension' = 'sector' is not allowed; allowed values: 'firm_size', 'industry', 'region'"),
    ({"dimension": "region", "horizon": 2050, "label_lang": "en"},
     "parameter 'horizon' = 2050 is not allowed; allowed values: whole numbers from 2024 to 2035"),
    ({"dimension": "region", "horizon": "2030", "label_lang": "en"}, "parameter 'horizon' = '2030'"),
    ({"dimension": "region", "horizon": 2030, "label_lang": "fr"}, "parameter 'label_lang' = 'fr'"),
    ({"dimension": "region", "horizon": 2030, "label_lang": "en", "colour": "red"}, "unknown parameter(s) 'colour'"),
    ({"dimension": "region", "horizon": 2030}, "parameter 'label_lang' is missing"),
])
def test_parameter_errors_name_parameter_and_allowed_values(values, message):
    with pytest.raises(ParameterError) as info:
        validate(ai_gap.PARAMETERS, values)
    assert message in str(info.value)


@pytest.mark.parametrize(("value", "accepted"), [(2023, False), (2024, True), (2035, True), (2036, False), (True, False)])
def test_int_range_accepts_both_bounds_and_nothing_beyond(value, accepted):
    rule = IntRange(2024, 2035)
    if accepted:
        rule.check("horizon", value)
    else:
        with pytest.raises(ParameterError, match="whole numbers from 2024 to 2035"):
            rule.check("horizon", value)


def _kernel_namespace(*cells: str, current: str = "params.check(...)") -> dict:
    """What a kernel's globals look like after running ``cells``: IPython's history plus the assignments."""
    namespace = {"In": ["", *cells, current]}
    for cell in cells:
        exec(cell, namespace)
    return namespace


def test_check_reads_the_names_the_cells_assigned_including_papermills():
    ns = _kernel_namespace('dimension = "firm_size"\nhorizon = 2030\nlabel_lang = "en"',
                           '# Parameters\ndimension = "region"\n')
    assert check(ai_gap.PARAMETERS, ns) == {"dimension": "region", "horizon": 2030, "label_lang": "en"}


def test_check_refuses_a_misspelt_injected_parameter():
    ns = _kernel_namespace('dimension = "firm_size"\nhorizon = 2030\nlabel_lang = "en"',
                           '# Parameters\ndimensoin = "region"\n')
    with pytest.raises(ParameterError, match="unknown parameter\\(s\\) 'dimensoin'; this chapter takes: dimension"):
        check(ai_gap.PARAMETERS, ns)
