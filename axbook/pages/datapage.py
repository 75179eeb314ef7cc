"""The 'Data and sources' page, written from data/datapackage.yaml and the sources table.

Everything here comes from data/, which is untrusted: it is emitted as escaped HTML (text nodes to the
browser), never as MyST or markdown, so ``{{ }}``, roles, directives and tags in a cell stay visible text.
Links go only to http(s) addresses and to the site's own copy of the data package (``data/``).

The Korean edition shows the page's Korean where the data has it (headlines, bylines, quotes: no English gloss), the
book's notes in the Korean the data gives them (``note_ko``) and the descriptor's words as the catalog translates them
(dataset titles are marked in ``axbook.figures.charts``).

The files' own identifiers (field names, allowed values, patterns) are code in both editions: ``<code>``, built here
from escaped parts as ``markupsafe.Markup``, the one kind of cell ``text.html_table`` does not escape again.
"""

from html import escape

import pandas as pd
from markupsafe import Markup
from markupsafe import escape as escape_markup

from axbook.data import tables
from axbook.language import i18n
from axbook.language.i18n import N_, _
from axbook.pages import text

# The descriptor's words the page shows (data/datapackage.yaml), marked so each edition shows its own: _(text).
LICENCE_TITLES = (N_("Creative Commons Attribution 4.0 (the book's compilation; quotes remain their publishers')"),)
FIELD_TYPES = {"string": N_("string"), "integer": N_("integer"), "number": N_("number"), "boolean": N_("boolean"),
               "yearmonth": N_("yearmonth"), "date": N_("date")}
RULES = {"enum": N_("enum"), "pattern": N_("pattern"), "minimum": N_("minimum"), "maximum": N_("maximum")}
FIELD_DESCRIPTIONS = (
    N_("A requirement the firm meets, or the step that follows the requirements"), N_("AI use rate"),
    N_("As printed"), N_("Date as known (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("English gloss of a Korean quote"),
    N_("Hedge printed with the number: 약 (about), 최대 … 이상 (up to … or more), 내외 (around) ..."),
    N_("Korean version of note, written by the book"), N_("Korean version of population, written by the book"),
    N_("Korean version of question, written by the book"),
    N_("Korean version of comparability_note, written by the book"),
    N_("Order in the printed ▲ list"), N_("Set for context sources"),
    N_("Set for sentences of the page; empty for context sources"), N_("The chapters look events up by these names"),
    N_("The words of the quote around the value, the value in [brackets]: binds the value to its place in the quote"),
    N_("Unit as printed; the code converts by it"), N_("Verbatim passage, as printed"),
    N_("Where on the page the claim is printed"), N_("Year the figure describes"),
    N_("true for the page itself and for statistics publishers' own pages"),
)


def _korean() -> bool:
    return i18n.current() == "ko"


def _link(url: str, label: str) -> str:
    if not tables.is_web_url(url):
        return escape(label)  # validation refuses such URLs; never emit one as a link
    return f'<a class="reference external" href="{escape(url, quote=True)}" rel="noopener">{escape(label)}</a>'


def _dataset_link(path: str) -> str:
    return f'<a class="reference download" href="data/{escape(path, quote=True)}" download>{escape(path)}</a>'


def _translated(value: str) -> str:
    """A descriptor text in this edition's words; one the catalog lacks (an edited description) as the descriptor
    writes it, never a failed page (tests/pages/test_datapage.py states every text the descriptor holds is translated)."""
    return i18n.label(value) if value else value


def licence_html() -> str:
    desc = tables.validate()
    licence = desc["licenses"][0]
    citation = _given(desc.get("x-citation")).strip()
    link = _link(licence.get("path", ""), _translated(licence.get("title", licence.get("name", ""))))
    parts = [escape(_("Licence: {licence}.")).format(licence=link)]
    if citation:
        parts.append(escape(_("Cite as: {citation}")).format(citation=escape(citation)))
    parts.append(escape(_("The whole package: {package}.")).format(package=_dataset_link("datapackage.yaml")))
    return "<p>" + " ".join(parts) + "</p>"


def _code(value) -> Markup:
    """An identifier of the files (a field name, an allowed value, a pattern) as code: escaped, then marked up."""
    return Markup("<code>") + escape_markup(str(value)) + Markup("</code>")


def _rule(kind: str, value) -> Markup:
    """One constraint: its name in this edition's words, then its value; allowed values and patterns are code."""
    if kind == "enum":
        shown = Markup(", ").join(_code(v) for v in value)
    elif kind == "pattern":
        shown = _code(value)
    else:
        shown = escape_markup(str(value))
    return escape_markup(_(RULES.get(kind, kind))) + Markup(" ") + shown


def _fields(res: dict) -> pd.DataFrame:
    unit = _("{about} (unit: {unit})")
    return pd.DataFrame([{
        _("field"): _code(f["name"]), _("type"): _(FIELD_TYPES.get(f.get("type", "string"), f.get("type", "string"))),
        _("rules"): Markup("; ").join(_rule(k, v) for k, v in f.get("constraints", {}).items() if k != "required"),
        _("required"): _("yes") if f.get("constraints", {}).get("required") else "",
        _("about"): (unit.format(about=_translated(f.get("description", "")), unit=f["x-unit"]) if "x-unit" in f
                     else _translated(f.get("description", ""))),
    } for f in res["schema"]["fields"]])


def datasets_html() -> str:
    desc = tables.validate()
    parts = []
    for res in desc["resources"]:
        frame = tables.load(res["name"])
        title = _translated(res.get("title", ""))
        rows = escape(_("{count} rows. Get the data: {link}")).format(count=len(frame), link=_dataset_link(res["path"]))
        parts.append(f'<section class="axbook-dataset" id="dataset-{escape(res["name"], quote=True)}">'
                     f"<h3><code>{escape(res['name'])}</code>{': ' + escape(title) if title else ''}</h3>"
                     f"<p>{rows}</p>")
        parts.append(text.html_table(_fields(res)))
        if "source_id" in frame.columns and res["name"] != "sources":
            used = sorted(set(frame["source_id"]))
            links = ", ".join(f'<a href="#src-{escape(s, quote=True)}"><code>{escape(s)}</code></a>' for s in used)
            parts.append("<p>" + escape(_("Quoted from {count} source(s): {sources}.")).format(count=len(used),
                                                                                                sources=links) + "</p>")
        parts.append("</section>")
    return "\n".join(parts)


def _given(value) -> str:
    """An optional text cell: pandas gives NaN for an empty one, which is truthy and not text."""
    return value if isinstance(value, str) else ""


def _note(note, note_ko=None) -> str:
    """The book's note on a source: in Korean the data's ``note_ko``; a note it has no Korean for stays English, marked
    as such, after the edition's own label."""
    label = escape(_("Note: {note}"))
    if _korean() and _given(note_ko):
        return ' <span class="axbook-note" lang="ko">' + label.format(note=escape(note_ko)) + "</span>"
    if not _given(note):
        return ""
    shown = f'<span lang="en">{escape(note)}</span>' if _korean() else escape(note)
    return ' <span class="axbook-note">' + label.format(note=shown) + "</span>"


def _published(value: str) -> str:
    """A publication date as the data gives it (YYYY, YYYY-MM or YYYY-MM-DD); in Korean '2024년 3월 25일'."""
    if not _korean():
        return value
    return " ".join(f"{int(n)}{unit}" for n, unit in zip(value.split("-"), ("년", "월", "일"), strict=False))


def sources_html() -> str:
    from axbook.figures.charts import edition_month, outlet_name

    sources = tables.load("sources")
    articles = tables.load("articles").set_index("article_id")
    parts = []
    for article_id, rows in sources[sources["article_id"].notna()].groupby("article_id", sort=False):
        art = articles.loc[article_id]
        if _korean():  # the page's own headline and byline, once
            byline = (f"<p>{escape(outlet_name(art['outlet']))} {escape(edition_month(art['edition_month']))}, "
                      f"{escape(art['byline_ko'])}.</p>")
        else:
            byline = (f"<p><em>{escape(art['headline_en'])}</em>. {escape(art['outlet'])}, {escape(art['edition_month'])}, "
                      f"{escape(art['byline_ko'])} ({escape(art['byline_en'])}).</p>")
        parts.append(f"<h3>{escape(art['headline_ko'])}</h3>{byline}<dl class=\"axbook-sources\">")
        for r in rows.itertuples():
            gloss = "" if _korean() else f"<br><em>{escape(_given(r.gloss_en))}</em>"  # Korean: the quote is the original
            parts.append(f'<dt id="src-{escape(r.source_id, quote=True)}"><code>{escape(r.source_id)}</code></dt>'
                         f"<dd><span lang=\"ko\">{escape(r.quote)}</span>{gloss}"
                         f"{_note(r.note, r.note_ko)}</dd>")
        parts.append("</dl>")
    context = _("Context sources")
    parts.append(f'<h3>{escape(context)}</h3><dl class="axbook-sources">')
    for r in sources[sources["url"].notna()].itertuples():
        flag = _("primary") if r.primary else _("secondary")
        published = f", {escape(_published(r.published))}" if _given(r.published) else ""
        gloss = f" ({escape(r.gloss_en)})" if _given(r.gloss_en) and not _korean() else ""
        quote = f'<span lang="en">{escape(r.quote)}</span>' if _korean() and r.quote_lang == "en" else escape(r.quote)
        parts.append(f'<dt id="src-{escape(r.source_id, quote=True)}"><code>{escape(r.source_id)}</code></dt>'
                     f"<dd>{_link(r.url, _given(r.publisher) or r.url)}{published}, {escape(flag)}: “{quote}”{gloss}"
                     f"{_note(r.note, r.note_ko)}</dd>")
    parts.append("</dl>")
    return "\n".join(parts)
