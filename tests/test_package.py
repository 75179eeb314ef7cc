"""Unit tests of the package: theme, renderer, parameters, claim verdicts, vendored files."""

import json
import re

import altair as alt
import pandas as pd
import pytest

import axbook
from axbook import ai_gap, claims, data, render, theme, toc
from axbook.errors import ParameterError
from axbook.params import IntRange, check, validate
from axbook.paths import ROOT


@pytest.fixture
def chart():
    axbook.setup()
    frame = pd.DataFrame({"g": ["대기업", "중소기업"], "v": [13.5, 4.5]})
    return alt.Chart(frame).mark_bar().encode(x="v:Q", y="g:N").properties(description="Two bars: 13.5 and 4.5")


def test_theme_uses_okabe_ito_and_a_hangul_font(chart):
    spec = chart.to_dict()
    assert spec["config"]["range"]["category"][:3] == ["#0072B2", "#D55E00", "#009E73"]
    assert spec["config"]["font"].startswith(theme.FONT)
    assert spec["config"]["background"] == "#ffffff"


def test_renderer_bundle_is_offline_and_deterministic(chart):
    first, second = chart._repr_mimebundle_(), chart._repr_mimebundle_()
    assert first == second
    bundle = first[0] if isinstance(first, tuple) else first
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    html = bundle["text/html"]
    assert "cdn.jsdelivr" not in html and "unpkg" not in html and "<script src" not in html
    assert re.findall(r"<script[^>]*>", html) == [re.search(r'<script type="application/json" id="[^"]+-spec">', html)[0]]
    assert re.search(r'id="axbook-chart-[0-9a-f]{12}"', html)
    assert "\n \"" in html  # the spec is pretty-printed, so a regression diff shows the changed line
    assert bundle["text/plain"] == "Two bars: 13.5 and 4.5"
    assert bundle["image/svg+xml"].startswith("<svg") and "중소기업" in bundle["image/svg+xml"]


def test_chart_id_follows_the_spec(chart):
    spec = chart.to_dict()
    changed = json.loads(json.dumps(spec))
    changed["description"] = "other"
    assert render.chart_id(spec) != render.chart_id(changed)


def test_chart_without_description_is_refused():
    axbook.setup()
    with pytest.raises(ValueError, match=r"^every chart needs a text description \(chart.properties\(description=...\)\)$"):
        render.mimebundle(alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q").to_dict())


def test_spec_cannot_break_out_of_its_script_element():
    spec = {"description": "ends </script><b>here"}
    html = render.to_html(spec, "<svg/>")
    embedded = html.split('-spec">', 1)[1].split("</script>", 1)[0]
    assert json.loads(embedded) == spec


def test_the_site_s_bundle_is_vega_and_vega_embed_and_the_benchmark_s_vega_lite_matches_altair():
    # The site's charts arrive compiled to Vega (axbook.downloads.vega_of): its bundle carries no Vega-Lite.
    vendor = (ROOT / "_static" / "vendor" / "VENDOR.md").read_text()
    assert f"| vega-lite | {alt.SCHEMA_VERSION.lstrip('v')} |" in vendor
    bundle = (ROOT / "_static" / "vendor" / "vega-bundle.min.js").read_text()
    assert bundle.index("/* vega-6") < bundle.index("/* vega-embed-") and "/* vega-lite-" not in bundle
    stock = (ROOT / "benchmarks" / "vendor" / "vega-lite.min.js").read_text()
    assert stock.startswith(f"/* vega-lite-{alt.SCHEMA_VERSION.lstrip('v')} ")


def test_the_scripts_under_static_are_the_chart_script_and_the_library_it_loads():
    # JB1 loads every *.js under _static on every page; the build keeps only the chart script, on chart pages.
    assert sorted(p.relative_to(ROOT / "_static").as_posix() for p in (ROOT / "_static").rglob("*.js")) == [
        "axbook-charts.js", "vendor/vega-bundle.min.js"]
    script = (ROOT / "_static" / "axbook-charts.js").read_text(encoding="utf-8")
    assert 'replace(/axbook-charts\\.js(\\?.*)?$/, "vendor/vega-bundle.min.js")' in script


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


def test_claims_ledger_of_chapter_one():
    """A data change that flips a verdict shows up here."""
    checks = ai_gap.checks(data.load("ai_use_rate"), data.load("claims"), data.load("smart_manufacturing"))
    assert {c.claim_id: c.verdict for c in checks} == {
        "size-gap-multiple": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-multiple-body": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-2017": claims.HOLDS_AFTER_ROUNDING,
        "size-gap-2023": claims.HOLDS,
        "period-years": claims.HOLDS,
        "region-ratio": claims.HOLDS_AFTER_ROUNDING,
        "region-ratio-deck": claims.HOLDS_AFTER_ROUNDING,
        "mfg-rate-deck": claims.HOLDS,
        "not-important-share": claims.CANNOT_BE_CHECKED,
        "not-important-6-in-10": claims.CANNOT_BE_CHECKED,
        "lede-mfg-rate": claims.HOLDS,
        "lede-svc-rate": claims.HOLDS,
        "lede-region-ratio": claims.HOLDS_AFTER_ROUNDING,
    }


def test_gaps_and_growth_are_computed_from_printed_rates():
    rates = data.load("ai_use_rate")
    g = ai_gap.gaps(rates).set_index(["dimension", "year"])
    assert g.loc[("firm_size", 2017), "gap_pp"] == pytest.approx(0.75)
    assert g.loc[("firm_size", 2023), "ratio"] == pytest.approx(3.0)
    growth = ai_gap.wide(rates).set_index("group")
    assert growth.loc["SMEs", "multiple"] == pytest.approx(18.0)
    assert growth.loc["Large firms", "annual_growth"] == pytest.approx(13.5 ** (1 / 6) - 1)


def test_projection_is_capped_and_follows_its_assumption():
    p = ai_gap.projection(data.load("ai_use_rate"), "firm_size", 2035)
    assert p["value"].max() == 100.0 and p.query("capped")["method"].eq("compound").all()
    linear = p.query("method == 'linear' and group == 'SMEs'").set_index("year")["value"]
    assert linear[2024] - linear[2023] == pytest.approx((4.5 - 0.25) / 6)


def test_composition_greys_the_residual_by_label_not_position():
    from axbook import charts

    frame = pd.DataFrame({"label": ["rest (computed)", "a", "b"], "value": [50.0, 30.0, 20.0],
                          "text": ["50%", "30%", "20%"], "order": [0, 1, 2]})
    spec = charts.composition(frame, label="label", value="value", text="text",
                              residual_label="rest (computed)").to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True))["rest (computed)"] == charts.RESIDUAL_GREY
    assert charts.RESIDUAL_GREY not in scale["range"][1:]


@pytest.mark.parametrize(("printed", "computed", "interval", "expected"), [
    ("11", 12.0, (11.06, 13.09), claims.HOLDS_AFTER_ROUNDING),   # some value the inputs allow rounds to 11
    ("11", 12.0, (11.6, 13.09), claims.DOES_NOT_HOLD),
    ("11", 12.0, None, claims.DOES_NOT_HOLD),
    ("11", 11.0, (5.0, 20.0), claims.HOLDS),
])
def test_verdict_with_the_interval_the_inputs_allow(printed, computed, interval, expected):
    assert claims.verdict(printed, computed, interval) == expected


def test_eleven_fold_is_recomputed_from_the_rates_with_its_interval():
    rates = data.load("ai_use_rate")
    low, high = ai_gap.ratio_of_gaps_interval(rates)
    assert low == pytest.approx((13.45 - 4.55) / (1.05 - 0.245))
    assert high == pytest.approx((13.55 - 4.45) / (0.95 - 0.255))
    check = next(c for c in ai_gap.checks(rates, data.load("claims"), data.load("smart_manufacturing"))
                 if c.claim_id == "size-gap-multiple")
    assert check.computed == pytest.approx(12.0) and check.part == "headline"


def test_front_page_sums_every_chapter_ledger():
    from axbook import ledgers

    frame = ledgers.ledger()
    per_chapter = [ledgers.table(c.article_id) for c in ledgers.CHAPTERS]
    assert len(frame) == sum(len(t) for t in per_chapter)
    assert ledgers.counts(frame) == {v: sum(int((t["verdict"] == v).sum()) for t in per_chapter) for v in claims.VERDICTS}
    assert {c.doc for c in ledgers.CHAPTERS} == {f for f in toc.files() if f.startswith("chapters/")}


def test_each_group_keeps_its_colour_and_figures_show_only_their_groups():
    rates = data.load("ai_use_rate")
    size = rates.query("dimension == 'firm_size'")
    assert ai_gap.colours(size, "group") == {"Large firms": theme.OKABE_ITO["blue"], "SMEs": theme.OKABE_ITO["vermillion"]}
    assert ai_gap.colours(size, "group_ko") == {"대기업": theme.OKABE_ITO["blue"], "중소기업": theme.OKABE_ITO["vermillion"]}
    assert len(set(ai_gap.GROUP_COLOURS.values())) == len(ai_gap.GROUP_COLOURS)  # no two groups share a colour
