"""The book's one chart theme: Okabe-Ito colours, Nanum Gothic (Hangul-capable) text, white card.

The same font family name is used by the browser (vendored webfont, `_static/vendor/nanum-gothic.css`)
and by vl-convert (Debian's fonts-nanum), so static SVGs and live charts lay text out alike.
"""

import altair as alt

FONT = "NanumGothic"
FONT_STACK = f"{FONT}, 'Nanum Gothic', sans-serif"

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "vermillion": "#D55E00",
    "bluish_green": "#009E73",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "yellow": "#F0E442",
    "black": "#000000",
}
CATEGORY = [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "orange", "reddish_purple", "sky_blue")]
INK = "#222222"
MUTED = "#5c5c5c"
GRID = "#e4e4e4"
BACKGROUND = "#ffffff"  # explicit, so charts stay legible as white cards in the site's dark mode
WIDTH = 480

THEME_NAME = "axbook"


def config() -> dict:
    return {
        "config": {
            "background": BACKGROUND,
            "padding": {"left": 8, "right": 16, "top": 8, "bottom": 8},
            "font": FONT_STACK,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
            "range": {"category": CATEGORY},
            "title": {
                "font": FONT_STACK,
                "fontSize": 16,
                "fontWeight": 700,
                "color": INK,
                "anchor": "start",
                "subtitleFont": FONT_STACK,
                "subtitleFontSize": 12,
                "subtitleColor": MUTED,
                "offset": 12,
            },
            "axis": {
                "labelFont": FONT_STACK,
                "titleFont": FONT_STACK,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "labelColor": INK,
                "titleColor": INK,
                "titleFontWeight": 400,
                "gridColor": GRID,
                "domainColor": MUTED,
                "tickColor": MUTED,
            },
            "legend": {
                "labelFont": FONT_STACK,
                "titleFont": FONT_STACK,
                "labelFontSize": 11,
                "titleFontSize": 12,
                "titleFontWeight": 400,
                "orient": "top",
                "labelColor": INK,
                "titleColor": INK,
            },
            "header": {"labelFont": FONT_STACK, "titleFont": FONT_STACK, "labelFontSize": 12},
            "text": {"font": FONT_STACK, "color": INK, "fontSize": 11},
            "line": {"strokeWidth": 2.5},
            "point": {"size": 70, "filled": True},
            "concat": {"spacing": 6},
        }
    }


@alt.theme.register(THEME_NAME, enable=False)
def _axbook_theme() -> alt.theme.ThemeConfig:
    return config()


def enable() -> None:
    alt.theme.enable(THEME_NAME)
