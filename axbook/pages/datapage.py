"""The 'Data and sources' page, written from data/datapackage.yaml and the sources table.

Everything here comes from data/, which is untrusted: it is emitted as escaped HTML (text nodes to the
browser), never as MyST or markdown, so ``{{ }}``, roles, directives and tags in a cell stay visible text.
Links go only to http(s) addresses and to the site's own copy of the data package (``data/``).
"""

from html import escape

import pandas as pd

from axbook.data import tables
from axbook.pages import text


def _link(url: str, label: str) -> str:
    if not tables.is_web_url(url):
        return escape(label)  # validation refuses such URLs; never emit one as a link
    return f'<a class="reference external" href="{escape(url, quote=True)}" rel="noopener">{escape(label)}</a>'


def _dataset_link(path: str) -> str:
    return f'<a class="reference download" href="data/{escape(path, quote=True)}" download>{escape(path)}</a>'


def licence_html() -> str:
    desc = tables.validate()
    licence = desc["licenses"][0]
    citation = _given(desc.get("x-citation")).strip()
    return (f"<p>Licence: {_link(licence.get('path', ''), licence.get('title', licence.get('name', '')))}. "
            + (f"Cite as: {escape(citation)} " if citation else "")
            + f"The whole package: {_dataset_link('datapackage.yaml')}.</p>")


def _fields(res: dict) -> pd.DataFrame:
    return pd.DataFrame([{
        "field": f["name"], "type": f.get("type", "string"),
        "rules": ", ".join(f"{k} {v}" for k, v in f.get("constraints", {}).items() if k != "required"),
        "required": "yes" if f.get("constraints", {}).get("required") else "",
        "about": f.get("description", "") + (f" (unit: {f['x-unit']})" if "x-unit" in f else ""),
    } for f in res["schema"]["fields"]])


def datasets_html() -> str:
    desc = tables.validate()
    parts = []
    for res in desc["resources"]:
        frame = tables.load(res["name"])
        parts.append(f'<section class="axbook-dataset" id="dataset-{escape(res["name"], quote=True)}">'
                     f"<h3><code>{escape(res['name'])}</code>{': ' + escape(res['title']) if res.get('title') else ''}</h3>"
                     f"<p>{len(frame)} rows. Get the data: {_dataset_link(res['path'])}</p>")
        parts.append(text.html_table(_fields(res)))
        if "source_id" in frame.columns and res["name"] != "sources":
            used = sorted(set(frame["source_id"]))
            parts.append(f"<p>Quoted from {len(used)} source(s): "
                         + ", ".join(f'<a href="#src-{escape(s, quote=True)}"><code>{escape(s)}</code></a>' for s in used)
                         + ".</p>")
        parts.append("</section>")
    return "\n".join(parts)


def _given(value) -> str:
    """An optional text cell: pandas gives NaN for an empty one, which is truthy and not text."""
    return value if isinstance(value, str) else ""


def _note(value) -> str:
    return f' <span class="axbook-note">Note: {escape(value)}</span>' if _given(value) else ""


def sources_html() -> str:
    sources = tables.load("sources")
    articles = tables.load("articles").set_index("article_id")
    parts = []
    for article_id, rows in sources[sources["article_id"].notna()].groupby("article_id", sort=False):
        art = articles.loc[article_id]
        parts.append(f"<h3>{escape(art['headline_ko'])}</h3>"
                     f"<p><em>{escape(art['headline_en'])}</em>. {escape(art['outlet'])}, {escape(art['edition_month'])}, "
                     f"{escape(art['byline_ko'])} ({escape(art['byline_en'])}).</p><dl class=\"axbook-sources\">")
        for r in rows.itertuples():
            parts.append(f'<dt id="src-{escape(r.source_id, quote=True)}"><code>{escape(r.source_id)}</code></dt>'
                         f"<dd><span lang=\"ko\">{escape(r.quote)}</span><br><em>{escape(_given(r.gloss_en))}</em>"
                         f"{_note(r.note)}</dd>")
        parts.append("</dl>")
    parts.append('<h3>Context sources</h3><dl class="axbook-sources">')
    for r in sources[sources["url"].notna()].itertuples():
        flag = "primary" if r.primary else "secondary"
        published = f", {escape(r.published)}" if _given(r.published) else ""
        gloss = f" ({escape(r.gloss_en)})" if _given(r.gloss_en) else ""
        parts.append(f'<dt id="src-{escape(r.source_id, quote=True)}"><code>{escape(r.source_id)}</code></dt>'
                     f"<dd>{_link(r.url, _given(r.publisher) or r.url)}{published}, {flag}: “{escape(r.quote)}”{gloss}"
                     f"{_note(r.note)}</dd>")
    parts.append("</dl>")
    return "\n".join(parts)
