"""Chapter parameters through papermill: every allowed value runs and changes the chart data; bad ones fail."""

import json
import re

import nbformat
import papermill as pm
import pytest

from axbook.paths import ROOT

CHAPTER = ROOT / "chapters" / "01-ai-adoption-gap.ipynb"
POWER = ROOT / "chapters" / "02-power-equipment.ipynb"


def run(tmp_path, chapter=CHAPTER, **parameters):
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(chapter), str(out), parameters=parameters, kernel_name="python3",
                        cwd=str(chapter.parent), progress_bar=False)
    return nbformat.read(out, as_version=4)


def glued_text(nb, name: str) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == name:
                return out["data"]["application/papermill.record/text/plain"]
    raise AssertionError(f"no glued value {name!r}")


def glued_spec(nb, name: str) -> dict:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("metadata", {}).get("scrapbook", {}).get("name") == name:
                html = out["data"]["application/papermill.record/text/html"]
                return json.loads(html.split('-spec">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</"))
    raise AssertionError(f"no glued figure {name!r}")


def rows(spec: dict) -> list[dict]:
    return [row for values in spec["datasets"].values() for row in values]


@pytest.mark.parametrize(("dimension", "groups"), [
    ("firm_size", {"대기업", "중소기업"}),
    ("industry", {"서비스업", "제조업"}),
    ("region", {"수도권", "비수도권"}),
])
def test_each_dimension_in_korean_with_a_later_horizon(tmp_path, dimension, groups):
    nb = run(tmp_path, dimension=dimension, horizon=2033, label_lang="ko")
    focus = rows(glued_spec(nb, "fig_focus"))
    assert {r["group_ko"] for r in focus} == groups and {r["dimension"] for r in focus} == {dimension}
    whatif = glued_spec(nb, "fig_whatif")
    assert max(r["year"] for r in rows(whatif)) == 2033
    assert {r["group_ko"] for r in rows(whatif)} == groups
    assert "group_ko" in json.dumps(whatif["vconcat"][0]["layer"][0]["encoding"]["color"])
    end_year = next(p for p in whatif["params"] if p["name"] == "end_year")
    assert end_year["value"] == 2033


def test_bad_parameter_stops_with_its_name(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, dimension="sector")
    assert "parameter 'dimension' = 'sector' is not allowed; allowed values: 'firm_size', 'industry', 'region'" \
        in str(info.value)


def test_misspelt_parameter_is_refused_not_ignored(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, dimensoin="region")
    expected = "unknown parameter(s) 'dimensoin'; this chapter takes: dimension, horizon, label_lang, language"
    assert expected in str(info.value)


@pytest.mark.parametrize(("fx_rate", "rate"), [("Opening rate 2026-03-19", 1505), ("Day-session close 2025-05-16", 1389.6)])
def test_power_chapter_converts_at_the_chosen_rate(tmp_path, fx_rate, rate):
    nb = run(tmp_path, POWER, fx_rate=fx_rate, busduct_growth="implied")
    assert float(glued_text(nb, "chosen_rate")) == rate
    deals = {r["label"]: r for r in rows(glued_spec(nb, "fig_deals"))}
    busducts = deals["Gaon Cable: busducts, cumulative to 2030"]
    assert busducts["krw_bn"] == 4000 and busducts["usd_m"] == pytest.approx(4000e9 / rate / 1e6)


@pytest.mark.parametrize(("scenario", "growth_pct"), [("flat", 0), ("doubling", 100)])
def test_power_chapter_starts_the_slider_at_the_scenario(tmp_path, scenario, growth_pct):
    nb = run(tmp_path, POWER, fx_rate="page", busduct_growth=scenario)
    spec = glued_spec(nb, "fig_ramp")
    growth = next(p for p in spec["params"] if p["name"] == "growth_pct")
    assert growth["value"] == growth_pct and growth["bind"]["min"] == 0 and growth["bind"]["max"] == 300
    assert f"Shown at {growth_pct}% a year" in spec["description"]


def test_power_chapter_refuses_an_unknown_rate(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, POWER, fx_rate="1400")
    expected = "parameter 'fx_rate' = '1400' is not allowed; allowed values: 'page', 'Opening rate 2026-03-19'"
    assert expected in str(info.value)


CHALLENGE = ROOT / "chapters" / "03-everyones-challenge.ipynb"
KIBO = ROOT / "chapters" / "04-kibo-rehabilitation.ipynb"


def test_as_of_moves_the_days_left(tmp_path):
    nb = run(tmp_path, CHALLENGE, as_of="2026-06-01")
    spec = glued_spec(nb, "fig_timeline")
    assert "as of 1 Jun 2026" in spec["description"] and "Recruitment closes: 7 days left" in spec["description"]
    assert "Applications close: 9 days left" in spec["description"]


def test_as_of_refuses_a_date_in_another_year(tmp_path):
    with pytest.raises(pm.PapermillExecutionError) as info:
        run(tmp_path, CHALLENGE, as_of="2027-01-01")
    assert "parameter 'as_of' = '2027-01-01' is not allowed" in str(info.value)


def test_flow_in_korean(tmp_path):
    nb = run(tmp_path, KIBO, label_lang="ko")
    labels = {r["actor"] for r in rows(glued_spec(nb, "fig_flow"))}
    assert "서울회생법원" in labels and "Seoul Bankruptcy Court" not in labels


# Every chapter of the toc runs in Korean (the language is itself a parameter), with a value other than the default for
# its first parameter where the chapter is listed here: a new chapter is run without editing this file.
KOREAN_RUNS = {"01-ai-adoption-gap": {"dimension": "region"}, "02-power-equipment": {"busduct_growth": "doubling"},
               "03-everyones-challenge": {"as_of": "2026-06-01"}, "04-kibo-rehabilitation": {"label_lang": "ko"},
               "05-kvmcc": {"as_of": "2026-06-01"}}


def _chapters() -> list[str]:
    from axbook.site import toc

    return [p.stem for p in toc.notebooks() if p.parent.name == "chapters"]


@pytest.mark.parametrize("chapter", _chapters())
def test_each_chapter_runs_in_korean_with_a_non_default_parameter(tmp_path, chapter):
    """The Korean edition is the same notebook with its language parameter: with another parameter changed too, every
    glued sentence and chart it makes is written in Korean (a string the catalog lacks would stop the run)."""
    nb = run(tmp_path, ROOT / "chapters" / f"{chapter}.ipynb", language="ko", **KOREAN_RUNS.get(chapter, {}))
    hangul = re.compile(r"[\uac00-\ud7a3]")
    figures = [out["data"]["application/papermill.record/text/html"] for cell in nb.cells
               for out in cell.get("outputs", []) if "application/papermill.record/text/html" in out.get("data", {})
               and 'class="axbook-chart"' in out["data"]["application/papermill.record/text/html"]]
    assert figures and all(hangul.search(figure.split("<svg", 1)[-1]) for figure in figures), chapter
