"""Values into prose and tables: glue conversions and the exact, escaped table markup with verdict classes."""

import altair as alt
import pandas as pd
import pytest

from axbook.pages import text


@pytest.mark.parametrize("verdict", ["holds", "does not hold", "cannot be checked"])
def test_a_verdict_cell_carries_its_class(verdict):
    table = text.html_table(pd.DataFrame({"claim": ["c"], "verdict": [verdict]}), verdict_column="verdict")
    assert f'<td class="verdict-{verdict.replace(" ", "-")}">{verdict}</td>' in table
    assert "<td>c</td>" in table  # other columns carry no class


def test_html_table_exact_markup_escaped():
    frame = pd.DataFrame({"a<": ["x & y"], "verdict": ["holds"]})
    assert text.html_table(frame, verdict_column="verdict") == (
        '<table class="axbook-table"><thead><tr><th>a&lt;</th><th>verdict</th></tr></thead><tbody>'
        '<tr><td>x &amp; y</td><td class="verdict-holds">holds</td></tr></tbody></table>')
    two = pd.DataFrame({"n": [1, 2]})
    assert "<tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody>" in text.html_table(two, classes="c")
    assert text.html_table(two, classes="c").startswith('<table class="c">')
    assert text.html_table(pd.DataFrame(columns=["p", "q"])) == (
        '<table class="axbook-table"><thead><tr><th>p</th><th>q</th></tr></thead><tbody>'
        '<tr><td colspan="2">None yet.</td></tr></tbody></table>')


def test_glue_values_turns_strings_numbers_and_charts_into_what_the_page_shows(monkeypatch):
    import numpy as np

    glued = []
    monkeypatch.setattr(text, "glue", lambda name, value, display: glued.append((name, value, display)))
    chart = alt.Chart(pd.DataFrame({"v": [1]})).mark_bar().encode(x="v:Q").properties(description="one bar")
    text.glue_values({"q": "대기업", "n": np.float64(9.0), "k": 3, "fig": chart})
    assert [(name, display) for name, _, display in glued] == [("q", False), ("n", False), ("k", False), ("fig", False)]
    values = {name: value for name, value, _ in glued}
    assert repr(values["q"]) == "대기업" and values["q"] == "대기업"  # shown without quotes
    assert type(values["n"]) is float and values["n"] == 9.0 and values["k"] == 3
    bundle = values["fig"]._repr_mimebundle_()
    assert bundle["text/plain"] == "one bar" and bundle["text/html"].startswith('<div class="axbook-chart"')
