"""Fixtures shared by the figures' tests."""

import altair as alt
import pandas as pd
import pytest

import axbook


@pytest.fixture
def chart():
    axbook.setup()
    frame = pd.DataFrame({"g": ["대기업", "중소기업"], "v": [13.5, 4.5]})
    return alt.Chart(frame).mark_bar().encode(x="v:Q", y="g:N").properties(description="Two bars: 13.5 and 4.5")
