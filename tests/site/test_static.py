"""The site's static files: the chart script and the vendored library it loads, at Altair's Vega-Lite version."""

import re
from pathlib import Path

import altair as alt
import pytest

from axbook.paths import ROOT


def test_the_site_s_bundle_is_vega_and_vega_embed_and_the_benchmark_s_vega_lite_matches_altair():
    # The site's charts arrive compiled to Vega (axbook.figures.downloads.vega_of): its bundle carries no Vega-Lite.
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


def test_every_verdict_has_a_legible_colour_in_both_modes():
    """Each verdict class the ledgers write is coloured, at 4.5:1 on the light page and on pydata-sphinx-theme's
    dark background (#14181e)."""
    import re

    from axbook.checks import claims
    from axbook.figures.theme import contrast
    from axbook.pages import ledgers

    css = (ROOT / "_static" / "book.css").read_text(encoding="utf-8")
    for verdict in claims.VERDICTS:
        name = ledgers.verdict_class(verdict)
        light = re.search(rf"^\.{name} {{ color: (#[0-9a-f]{{6}});", css, re.M)
        dark = re.search(rf'^html\[data-theme="dark"\] \.{name} {{ color: (#[0-9a-f]{{6}}); }}', css, re.M)
        assert light and dark, verdict
        assert contrast(light.group(1), "#ffffff") >= 4.5 and contrast(dark.group(1), "#14181e") >= 4.5, verdict


@pytest.mark.parametrize("name", ["toggle-primary-sidebar.html", "toggle-secondary-sidebar.html"])
def test_the_sidebar_toggles_are_the_themes_own_with_a_translatable_tooltip(name):
    import sphinx_book_theme

    theirs = (Path(sphinx_book_theme.__file__).parent / "theme/sphinx_book_theme/components" / name).read_text()
    ours = (ROOT / "_templates" / name).read_text().split("-#}\n", 1)[1]
    assert ours == re.sub(r'title="(Toggle \w+ sidebar)"', r'title="{{ _("\1") }}"', theirs) != theirs
