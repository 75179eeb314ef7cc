"""Putting computed values into prose (myst-nb glue) without typing them."""

from myst_nb import glue

from axbook.language.i18n import _


class Plain(str):
    """A string glued as itself: myst-nb shows text/plain, which for ``str`` would carry quotes."""

    def __repr__(self) -> str:
        return str(self)


class RenderedChart:
    """A chart already turned into its mimebundle. IPython hides an error raised while a figure is being
    displayed (it shows the chart's repr instead), so charts are rendered here, where an error stops the page."""

    def __init__(self, chart):
        from axbook.figures import render

        self.bundle = render.mimebundle(chart.to_dict())

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self.bundle


def glue_values(values: dict) -> None:
    import altair as alt

    for name, value in values.items():
        if isinstance(value, alt.TopLevelMixin):
            value = RenderedChart(value)
        elif isinstance(value, str):
            value = Plain(value)
        elif hasattr(value, "item"):  # numpy scalar: its repr ('np.float64(9.0)') cannot be formatted
            value = value.item()
        glue(name, value, display=False)


def html_table(frame, *, classes: str = "axbook-table", verdict_column: str | None = None) -> str:
    """A plain, deterministic HTML table (pandas Styler adds random ids).

    Every cell is escaped, except a ``markupsafe.Markup`` one: HTML the code built from escaped parts (an identifier
    in ``<code>``, say), emitted as it is. Data never arrives as Markup; only ``markupsafe.escape`` makes it."""
    import html

    from markupsafe import Markup

    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for rec in frame.itertuples(index=False):
        cells = []
        for column, value in zip(frame.columns, rec, strict=True):
            css = ""
            if column == verdict_column:
                css = f' class="verdict-{str(value).replace(" ", "-")}"'
            cells.append(f"<td{css}>{value if isinstance(value, Markup) else html.escape(str(value))}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:  # a scaffolded chapter's ledger before its first claim
        none = html.escape(_("None yet."))
        rows.append(f'<tr><td colspan="{len(frame.columns)}">{none}</td></tr>')
    return f'<table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
