"""The data page, written from the descriptor and the sources: every dataset and quote, escaped, in page order."""

import html
import html.parser
import re

import pandas as pd
from markupsafe import Markup

from axbook.data import tables
from axbook.language import i18n
from axbook.pages import datapage, frontpage, text

# -- pages: the data page lists every dataset; verdicts carry their class ----------------------------

def test_the_data_page_has_a_section_and_a_download_for_every_dataset():
    page = datapage.datasets_html()
    resources = tables.validate()["resources"]
    assert page.count('<section class="axbook-dataset"') == len(resources)
    for res in resources:
        assert f'id="dataset-{res["name"]}"' in page
        assert f'href="data/{res["path"]}" download' in page
        assert f"<p>{len(tables.load(res['name']))} rows." in page


def test_the_data_page_quotes_every_source_under_its_article_or_as_context():
    page = datapage.sources_html()
    sources = tables.load("sources")
    for r in sources.itertuples():
        entry = page.split(f'<dt id="src-{r.source_id}"><code>{r.source_id}</code></dt>', 1)
        assert len(entry) == 2, r.source_id
        body = entry[1].split("</dd>", 1)[0]
        assert html.escape(r.quote) in body
        if isinstance(r.url, str):
            assert f'<a class="reference external" href="{html.escape(r.url, quote=True)}" rel="noopener">' in body
            assert ("primary" if r.primary else "secondary") in body
        else:
            assert '<span lang="ko">' in body and "<a " not in body
        if isinstance(r.note, str) and r.note:
            assert f'<span class="axbook-note">Note: {html.escape(r.note)}</span>' in body
    articles = tables.load("articles")
    assert page.count("<h3>") == len(articles) + 1 and page.endswith("</dl>")
    for art in articles.itertuples():
        assert f"<h3>{html.escape(art.headline_ko)}</h3>" in page
        assert f"{html.escape(art.byline_ko)} ({html.escape(art.byline_en)})" in page


def test_the_data_page_links_only_web_addresses_and_names_the_licence():
    assert datapage._link("javascript:alert(1)", "x<") == "x&lt;"
    assert datapage._link("https://a.example/?q=1&r=2", "l&") == (
        '<a class="reference external" href="https://a.example/?q=1&amp;r=2" rel="noopener">l&amp;</a>')
    licence = tables.validate()["licenses"][0]
    page = datapage.licence_html()
    assert f'href="{licence["path"]}"' in page and html.escape(licence["title"]) in page
    assert '<a class="reference download" href="data/datapackage.yaml" download>datapackage.yaml</a>' in page


def test_attributes_escape_quotes_so_a_value_cannot_end_its_attribute():
    assert datapage._dataset_link('a"b<.csv') == (
        '<a class="reference download" href="data/a&quot;b&lt;.csv" download>a&quot;b&lt;.csv</a>')
    assert datapage._link('https://a.example/"x', "t") == "t"  # not a web address: no link at all
    assert frontpage._href('chapters/x"y', 'a"b') == "chapters/x&quot;y.html#a&quot;b"
    assert frontpage._href("chapters/x") == "chapters/x.html"
    assert datapage._note("") == "" and datapage._note(None) == ""
    assert datapage._note("a<b") == ' <span class="axbook-note">Note: a&lt;b</span>'


def test_the_data_page_follows_the_page_order_of_articles_and_separates_entries():
    page = datapage.sources_html()
    headings = re.findall(r"<h3>(.*?)</h3>", page)
    assert headings == [html.escape(h) for h in tables.load("articles")["headline_ko"]] + ["Context sources"]
    assert "</dl>\n<h3>" in page and "</dd>\n<dt " in page  # one entry per line in the page source
    undated = [r.source_id for r in tables.load("sources").itertuples() if isinstance(r.url, str)
               and not isinstance(r.published, str)]
    for source_id in undated:
        body = page.split(f'id="src-{source_id}"', 1)[1].split("</dd>", 1)[0]
        assert "</a>, primary" in body or "</a>, secondary" in body
    datasets = datapage.datasets_html()
    assert datasets.count("</section>\n<section") == len(tables.validate()["resources"]) - 1


def test_the_licence_falls_back_from_title_to_name(monkeypatch):
    monkeypatch.setattr(datapage.tables, "validate", lambda: {"licenses": [{"name": "CC-BY-4.0"}], "x-citation": "c"})
    assert datapage.licence_html().startswith("<p>Licence: CC-BY-4.0. Cite as: c The whole package:")
    monkeypatch.setattr(datapage.tables, "validate", lambda: {"licenses": [{"name": "CC0-1.0"}]})
    assert datapage.licence_html().startswith("<p>Licence: CC0-1.0. The whole package:")  # no citation: no "Cite as"


# -- the data page, on data made for the purpose: every part of an entry, exactly --------------------

def test_a_dataset_entry_lists_its_fields_rules_and_sources(monkeypatch):
    resource = {"name": "toy", "path": "toy.csv", "title": "A <toy>", "schema": {"fields": [
        {"name": "id", "constraints": {"required": True, "unique": True}},
        {"name": "value", "type": "number", "description": "Share", "x-unit": "%",
         "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "source_id"}]}}
    assert datapage._fields(resource).to_dict("records") == [
        {"field": "<code>id</code>", "type": "string", "rules": "unique True", "required": "yes", "about": ""},
        {"field": "<code>value</code>", "type": "number", "rules": "minimum 0; maximum 100", "required": "",
         "about": "Share (unit: %)"},
        {"field": "<code>source_id</code>", "type": "string", "rules": "", "required": "", "about": ""}]
    sources = {key: value for key, value in resource.items() if key != "title"} | {"name": "sources"}
    monkeypatch.setattr(tables, "validate", lambda: {"resources": [resource, sources]})
    monkeypatch.setattr(tables, "load", lambda name: pd.DataFrame({"source_id": ["b", "a", "b"]}))
    toy, listed = datapage.datasets_html().split("</section>\n")
    assert toy.startswith('<section class="axbook-dataset" id="dataset-toy"><h3><code>toy</code>: A &lt;toy&gt;</h3>'
                          "<p>3 rows.")
    assert ('<p>Quoted from 2 source(s): <a href="#src-a"><code>a</code></a>, '
            '<a href="#src-b"><code>b</code></a>.</p>') in toy
    assert "<h3><code>sources</code></h3>" in listed and "Quoted from" not in listed  # not said to quote itself
    assert '<table class="axbook-table">' in toy and "<td>Share (unit: %)</td>" in toy


def test_a_source_entry_reads_exactly(monkeypatch):
    nan = float("nan")
    sources = pd.DataFrame([
        {"source_id": "q1", "article_id": "a1", "quote": "인용", "gloss_en": "A quote", "note": nan, "note_ko": nan,
         "url": nan, "publisher": nan, "published": nan, "primary": False},
        {"source_id": "c1", "article_id": nan, "quote": "q", "gloss_en": "g", "note": "n", "note_ko": "메모",
         "url": "https://x.example/", "publisher": "P", "published": "2024-01", "primary": True},
        {"source_id": "c2", "article_id": nan, "quote": "q2", "gloss_en": nan, "note": nan, "note_ko": nan,
         "url": "https://y.example/", "publisher": None, "published": nan, "primary": False}])
    articles = pd.DataFrame([{"article_id": "a1", "headline_ko": "제목", "headline_en": "Title", "outlet": "Metro",
                              "edition_month": "2026-05", "byline_ko": "기자", "byline_en": "Reporter"}])
    monkeypatch.setattr(tables, "load", lambda name: {"sources": sources, "articles": articles}[name])
    assert datapage.sources_html().split("\n") == [
        '<h3>제목</h3><p><em>Title</em>. Metro, 2026-05, 기자 (Reporter).</p><dl class="axbook-sources">',
        '<dt id="src-q1"><code>q1</code></dt><dd><span lang="ko">인용</span><br><em>A quote</em></dd>',
        "</dl>",
        '<h3>Context sources</h3><dl class="axbook-sources">',
        '<dt id="src-c1"><code>c1</code></dt><dd><a class="reference external" href="https://x.example/" '
        'rel="noopener">P</a>, 2024-01, primary: “q” (g) <span class="axbook-note">Note: n</span></dd>',
        '<dt id="src-c2"><code>c2</code></dt><dd><a class="reference external" href="https://y.example/" '
        'rel="noopener">https://y.example/</a>, secondary: “q2”</dd>',
        "</dl>"]


# -- the files' identifiers are code: escaped first, then put in <code>; every other cell escaped as before ---------

HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>']


def test_hostile_field_names_and_allowed_values_come_out_escaped_inside_code():
    resource = {"name": "toy", "path": "toy.csv", "schema": {"fields": [
        {"name": HOSTILE[0], "constraints": {"enum": HOSTILE, "pattern": HOSTILE[1]}},
        {"name": "plain", "description": HOSTILE[0], "constraints": {"minimum": HOSTILE[1]}}]}}
    table = text.html_table(datapage._fields(resource))
    assert "<script" not in table and "<img" not in table
    assert "<td><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td>" in table
    assert ("<td>enum <code>&lt;script&gt;alert(1)&lt;/script&gt;</code>, "
            "<code>&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</code>; "
            "pattern <code>&#34;&gt;&lt;img src=x onerror=alert(1)&gt;</code></td>") in table
    # text that is not an identifier is escaped, not put in <code>
    assert "<td>minimum &#34;&gt;&lt;img src=x onerror=alert(1)&gt;</td>" in table
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>" in table


def test_html_table_emits_markup_cells_as_built_and_escapes_every_str_cell():
    frame = pd.DataFrame({"a": [Markup("<code>") + Markup.escape(HOSTILE[0]) + Markup("</code>"), HOSTILE[0]],
                          "b": [HOSTILE[1], "<code>x</code>"]})
    assert text.html_table(frame).split("<tbody>")[1] == (
        "<tr><td><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></td>"
        "<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td></tr>"
        "<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>&lt;code&gt;x&lt;/code&gt;</td></tr></tbody></table>")


def test_the_data_page_shows_every_field_name_as_code():
    page = datapage.datasets_html()
    for res in tables.validate()["resources"]:
        for field in res["schema"]["fields"]:
            assert f"<tr><td><code>{html.escape(field['name'])}</code></td>" in page
    assert "<td>enum <code>ko</code>, <code>en</code></td>" in page  # sources.quote_lang


# -- the Korean edition: the book's notes in the data's Korean ----------------------------------------------


def test_the_korean_data_page_gives_each_note_in_korean(korean):
    page = datapage.sources_html()
    sources = tables.load("sources").set_index("source_id")
    for source_id, r in sources[sources["note"].notna()].iterrows():
        body = page.split(f'<dt id="src-{source_id}">', 1)[1].split("</dd>", 1)[0]
        assert f'<span class="axbook-note" lang="ko">참고: {html.escape(r.note_ko)}</span>' in body, source_id
        assert html.escape(r.note) not in body
    assert ('<span class="axbook-note" lang="ko">참고: 지면에는 &#x27;HiMSE N&#x27;으로 띄어 쓰여 있으나 엔진 브랜드명은 '
            "HiMSEN(힘센)이다.</span>") in page
    assert 'lang="en">참고' not in page


def test_a_note_without_its_korean_stays_english_after_the_korean_label(korean):
    assert datapage._note("a<b", None) == ' <span class="axbook-note">참고: <span lang="en">a&lt;b</span></span>'
    assert datapage._note("a<b", "") == datapage._note("a<b", float("nan")) == datapage._note("a<b")
    assert datapage._note("a", "가<나") == ' <span class="axbook-note" lang="ko">참고: 가&lt;나</span>'
    assert datapage._note(None, None) == ""


def test_the_english_note_ignores_the_korean():
    assert datapage._note("a<b", "가") == ' <span class="axbook-note">Note: a&lt;b</span>'
    assert datapage._note("", "가") == ""


def test_every_text_the_descriptor_shows_has_its_korean():
    """The data page shows the descriptor's titles and descriptions in each edition's words: an edited or new one
    fails here until the catalog has it (the page itself shows it as written rather than fail)."""
    from axbook.data import tables

    desc = tables.validate()
    texts = {lic.get("title", "") for lic in desc.get("licenses", [])}
    texts |= {res.get("title", "") for res in desc["resources"]}
    texts |= {field.get("description", "") for res in desc["resources"] for field in res["schema"]["fields"]}
    missing = sorted(t for t in texts if t and t not in i18n.translations("ko"))
    assert missing == []
