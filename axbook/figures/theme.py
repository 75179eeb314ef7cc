"""The book's one chart theme: Okabe-Ito colours, Nanum Gothic (Hangul-capable) text, white card.

The same font is used by the browser (a webfont cut from Debian's fonts-nanum, `_static/nanum-gothic.css`) and by
vl-convert (fonts-nanum itself), so static SVGs and live charts lay text out alike.

Dark mode: when the reader's theme is dark, `_static/book.css` draws every chart (live and static) through the CSS
filter `DARK_FILTER`, which inverts lightness and turns hues back where they were: the white card turns black, ink
turns light, blue stays blue. It follows the theme switch at once, with nothing redrawn. `in_dark` computes what the
filter makes of a colour (the Filter Effects spec's matrices, in sRGB as Chromium applies them; the site tests read
the drawn pixels back), so the tests can state the contrast every colour keeps in the dark.
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
OUTLINE = "#8c8c8c"  # an outline that stands for a shape (an empty square): 3.4:1 on the card, 4.4:1 in the dark
BACKGROUND = "#ffffff"  # explicit: the card downloads carry; DARK_FILTER draws it black in dark mode
WIDTH = 480
ARIA_PER_MARK = False

THEME_NAME = "axbook"

DARK_FILTER = "invert(1) hue-rotate(180deg)"
# hue-rotate(180deg) from the Filter Effects spec (cos = -1, sin = 0), applied after invert(1).
_HUE_ROTATE_180 = ((-0.574, 1.430, 0.144), (0.426, 0.430, 0.144), (0.426, 1.430, -0.856))


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio."""
    high, low = sorted([relative_luminance(foreground), relative_luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


# The type scale (px): every text a chart draws is one of these sizes.
TITLE_PX = 16  # a figure's title
HEADING_PX = 12  # subtitles, axis and legend titles, panel headings
LABEL_PX = 11  # axis and legend labels, values written beside marks
SMALL_PX = 10  # the source line, and labels in small multiples and boxes where 11 px would collide
LARGE_TEXT_PX = 19  # WCAG "large text" is 14 pt bold (18.67 px): 3:1 contrast is enough for it
TYPE_SCALE = (SMALL_PX, LABEL_PX, HEADING_PX, TITLE_PX, LARGE_TEXT_PX)

# Room (px) between a mark and the value written beside it.
BAR_LABEL_GAP = 4  # after the end of a bar
POINT_LABEL_GAP = 6  # beside a point: its radius (size 70 draws ~4.7 px) and the bar gap's air


def label_ink(fill: str) -> str:
    """White or black for a label drawn inside a bar of colour `fill`: the one whose contrast is higher in both the
    light and the dark drawing (DARK_FILTER changes both colours, so the light choice can fail in the dark)."""
    return max(("#ffffff", "#000000"), key=lambda ink: min(contrast(ink, fill), contrast(in_dark(ink), in_dark(fill))))


def in_dark(hex_colour: str) -> str:
    """The colour `hex_colour` is drawn as through DARK_FILTER."""
    inverted = [1 - int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    rotated = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, inverted, strict=True)))) for row in _HUE_ROTATE_180]
    return "#" + "".join(f"{round(v * 255):02x}" for v in rotated)


def config() -> dict:
    return {
        "config": {
            "background": BACKGROUND,
            # No ARIA per mark and guide: every chart is one image to assistive technology (role="img", its text
            # description as its name; axbook/figures/render.py and _static/axbook-charts.js), whose parts are not read
            # out, so per-mark labels were built for nothing (each one an expression run per item as it is drawn).
            # Titles keep Vega's label (three per chart; Vega-Lite does not pass a title's aria on).
            "aria": ARIA_PER_MARK,
            "mark": {"aria": ARIA_PER_MARK},
            "padding": {"left": 8, "right": 16, "top": 8, "bottom": 8},
            "font": FONT_STACK,
            "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 300},
            "range": {"category": CATEGORY},
            "title": {
                "font": FONT_STACK,
                "fontSize": TITLE_PX,
                "fontWeight": 700,
                "color": INK,
                "anchor": "start",
                "subtitleFont": FONT_STACK,
                "subtitleFontSize": HEADING_PX,
                "subtitleColor": MUTED,
                "offset": 12,
            },
            "axis": {
                "labelFont": FONT_STACK,
                "titleFont": FONT_STACK,
                "labelFontSize": LABEL_PX,
                "titleFontSize": HEADING_PX,
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
                "labelFontSize": LABEL_PX,
                "titleFontSize": HEADING_PX,
                "titleFontWeight": 400,
                "orient": "top",
                "labelColor": INK,
                "titleColor": INK,
            },
            "header": {"labelFont": FONT_STACK, "titleFont": FONT_STACK, "labelFontSize": HEADING_PX},
            "text": {"font": FONT_STACK, "color": INK, "fontSize": LABEL_PX},
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
