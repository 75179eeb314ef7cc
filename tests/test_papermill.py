"""Chapter parameters through papermill: every allowed value runs and changes the chart data; bad ones fail."""

import json

import nbformat
import papermill as pm
import pytest

from axbook.paths import ROOT

CHAPTER = ROOT / "chapters" / "01-ai-adoption-gap.ipynb"


def run(tmp_path, **parameters):
    out = tmp_path / "out.ipynb"
    pm.execute_notebook(str(CHAPTER), str(out), parameters=parameters, kernel_name="python3",
                        cwd=str(CHAPTER.parent), progress_bar=False)
    return nbformat.read(out, as_version=4)


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
    assert "unknown parameter(s) 'dimensoin'; this chapter takes: dimension, horizon, label_lang" in str(info.value)
