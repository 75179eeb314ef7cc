"""The book's Altair renderer: offline, deterministic, accessible.

Each chart becomes one mimebundle:
- ``text/html``: the static SVG (the first paint, and what shows without JavaScript) and the spec as JSON beside
  it, in a div whose id is a hash of the spec, so the same chart always gives the same bytes; on the site,
  ``_static/axbook-charts.js`` draws it live with the vendored Vega when it comes near the screen (the site's pages
  send the spec as a file and only the first static SVG inline: ``axbook.figures.downloads.lighten``). No script in the
  output itself. The spec is pretty-printed so regression diffs point at the changed value;
- ``image/svg+xml``: the same static SVG, from vl-convert;
- ``text/plain``: the chart's text description (its alternative text).
"""

import hashlib
import html
import json

import altair as alt
import vl_convert

from axbook.language.i18n import _

RENDERER_NAME = "axbook"
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


def spec_json(spec: dict) -> str:
    return json.dumps(spec, indent=1, ensure_ascii=False)


def chart_id(spec: dict) -> str:
    return "axbook-chart-" + hashlib.sha256(spec_json(spec).encode()).hexdigest()[:12]


def to_svg(spec: dict) -> str:
    # No base URLs allowed: every chart carries its data inline, nothing is fetched.
    return vl_convert.vegalite_to_svg(spec, vl_version=VL_VERSION, allowed_base_urls=[])


def description(spec: dict) -> str:
    text = spec.get("description")
    if not text:
        raise ValueError("every chart needs a text description (chart.properties(description=...))")
    return text


def _script_safe(text: str) -> str:
    # JSON inside <script>: no "<", ">" or "&" at all, so neither "</script>" nor "<!--" can change how
    # the browser parses the element; JSON.parse reads the escapes back as the same characters.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def to_html(spec: dict, svg: str) -> str:
    cid = chart_id(spec)
    desc, summary = html.escape(description(spec)), html.escape(_("Text description"))
    # tabindex: the box scrolls sideways on a phone, so a keyboard must be able to reach it (and its description).
    return f"""<div class="axbook-chart" id="{cid}" tabindex="0">
<div class="axbook-chart-static" role="img" aria-label="{desc}">{svg}</div>
</div>
<details class="axbook-chart-alt"><summary>{summary}</summary><p>{desc}</p></details>
<script type="application/json" id="{cid}-spec">{_script_safe(spec_json(spec))}</script>"""


def mimebundle(spec: dict, **_metadata) -> dict:
    svg = to_svg(spec)
    return {
        "text/html": to_html(spec, svg),
        "image/svg+xml": svg,
        "text/plain": description(spec),
    }


def enable() -> None:
    alt.renderers.register(RENDERER_NAME, mimebundle)
    alt.renderers.enable(RENDERER_NAME)
