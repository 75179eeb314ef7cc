"""The 'Data and sources' page, written from data/datapackage.yaml and the sources table."""

import html

import pandas as pd

from axbook import data


def _cell(value) -> str:
    text = "" if pd.isna(value) else str(value)
    return html.escape(text).replace("|", "&#124;").replace("\n", " ")


def _table(frame: pd.DataFrame) -> str:
    head = "| " + " | ".join(frame.columns) + " |\n|" + "---|" * len(frame.columns) + "\n"
    return head + "".join("| " + " | ".join(_cell(v) for v in row) + " |\n"
                          for row in frame.itertuples(index=False))


def datasets_markdown() -> str:
    desc = data.validate()
    sources = data.load("sources").set_index("source_id")
    parts = []
    for res in desc["resources"]:
        frame = data.load(res["name"])
        parts.append(f"### `{res['name']}`: {res.get('title', '')}\n")
        parts.append(f"{len(frame)} rows. Get the data: {{download}}`{res['path']} <data/{res['path']}>`\n")
        fields = pd.DataFrame([{
            "field": f["name"], "type": f.get("type", "string"),
            "rules": ", ".join(f"{k} {v}" for k, v in f.get("constraints", {}).items() if k != "required"),
            "required": "yes" if f.get("constraints", {}).get("required") else "",
            "about": f.get("description", "") + (f" (unit: {f['x-unit']})" if "x-unit" in f else ""),
        } for f in res["schema"]["fields"]])
        parts.append(_table(fields))
        if "source_id" in frame.columns and res["name"] != "sources":
            used = sources.loc[sorted(set(frame["source_id"]))]
            parts.append(f"\nQuoted from {len(used)} source(s): "
                         + ", ".join(f"[`{sid}`](#src-{sid})" for sid in used.index) + ".\n")
    return "\n".join(parts)


def sources_markdown() -> str:
    sources = data.load("sources")
    articles = data.load("articles").set_index("article_id")
    parts = []
    for article_id, rows in sources[sources["article_id"].notna()].groupby("article_id", sort=False):
        art = articles.loc[article_id]
        parts.append(f"### {art['headline_ko']}\n\n*{art['headline_en']}*. {art['outlet']}, "
                     f"{art['edition_month']}, {art['byline_ko']} ({art['byline_en']}).\n")
        for r in rows.itertuples():
            parts.append(f"(src-{r.source_id})=\n**`{r.source_id}`** {_cell(r.quote)}\n\n"
                         f"<br>*{_cell(r.gloss_en)}*" + (f" *Note: {_cell(r.note)}*" if r.note else "") + "\n")
    context = sources[sources["url"].notna()]
    parts.append("### Context sources\n")
    for r in context.itertuples():
        flag = "primary" if r.primary else "secondary"
        published = f", {r.published}" if r.published else ""
        gloss = f" ({_cell(r.gloss_en)})" if r.gloss_en else ""
        note = f" *Note: {_cell(r.note)}*" if r.note else ""
        parts.append(f"(src-{r.source_id})=\n**`{r.source_id}`** [{_cell(r.publisher)}]({r.url}){published}, "
                     f"{flag}: “{_cell(r.quote)}”{gloss}{note}\n")
    return "\n".join(parts)
