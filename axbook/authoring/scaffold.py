"""`make chapter NAME=06-topic TITLE="..." [TITLE_KO="..."] [ARTICLE=article-id]`: a new chapter that builds and passes
the tests, in both editions.

Writes, and refuses to overwrite:
- ``chapters/NAME.ipynb``: a parameters cell, the setup cell, one example figure with every part the
  book requires (title, subtitle and source line from data, a text description, a numbered caption with
  the data download), a "Checking the article" section reading the chapter's ledger;
- ``axbook/articles/<topic>.py``: the chapter's analysis module (the example's computation, ``checks``, ``finding``);
- its line in ``_toc.yml`` (last of the Chapters part) and in ``axbook/pages/ledgers.py`` (so the front page
  counts its claims).
Then the notebook is executed once so its stored outputs (the regression reference) exist, and so are the pages
that list every chapter (``listing_pages``: the front page), whose stored outputs the new chapter changes. Last, its
Korean side: the catalogs are updated (`make translations`) and the scaffold's own words filled in Korean
(``PROSE``, ``STRINGS``; the title from TITLE_KO), so the Korean edition builds and reads in Korean from the start.
"""

import csv
import json
import re
import sys
import textwrap
from pathlib import Path

import nbformat

from axbook.paths import ROOT

NAME = re.compile(r"^(\d{2})-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
LEDGER_ANCHOR = "]  # `make chapter` adds its Chapter.of_module(...) line above this one"


# The scaffold's own words, with their Korean: a new chapter's Korean side exists from its first build (its page
# catalog and the package's catalog are filled with these by `make chapter`; the title's Korean is TITLE_KO).
PROSE = [  # (English paragraph as the notebook has it, Korean)
    ("One paragraph on what the article says and what this chapter checks. Keep Korean names beside\n"
     "their English (중소기업, SME).",
     "기사가 무엇을 전하고 이 장이 무엇을 검증하는지 한 문단으로 쓴다. "
     "영어판에서는 한국어 이름을 영어 옆에 함께 적는다(중소기업, SME)."),
    ("An example figure", "예시 그림"),
    ("Replace this section. Every figure has a title and subtitle computed from the data, a source line,\n"
     "a text description and a numbered caption that links its data ({{numref}}`fig-{slug}-example`).",
     "이 절을 바꿔 쓴다. 모든 그림에는 데이터에서 계산한 제목과 부제, 출처 줄, 텍스트 설명, 데이터로 연결되는 번호 붙은 "
     "캡션이 있다({{numref}}`fig-{slug}-example`)."),
    ("What the figure shows, in one sentence. Get the data: {download}`Quoted passages (CSV) <../data/sources.csv>`.",
     "그림이 보여 주는 것을 한 문장으로. 데이터 받기: {download}`인용한 문장 (CSV) <../data/sources.csv>`."),
    ("Checking the article", "기사 검증"),
    ("Each claim the article makes, under the book's one rule ({doc}`how this book checks </how-we-check>`).",
     "기사가 내세우는 주장 하나하나를 이 책의 한 가지 규칙으로 따진다({doc}`이 책의 검증 방법 </how-we-check>`)."),
    ("The book's findings", "이 책의 계산"),
    ("What the page does not say", "지면이 밝히지 않은 것"),
]
STRINGS = {  # the strings the scaffolded module and notebook mark, and their Korean
    "Sentences quoted per article: {counts}.": "기사별 인용 문장 수: {counts}.",
    "{headline_en}. {outlet}, business section, {month}; by {name} ({byline_ko}).": "{outlet} 경제면, {month}. {byline_ko}.",
    "The book quotes {quoted} sentences of this article (a scaffold: replace with the finding).":
        "이 책은 이 기사에서 {quoted}개 문장을 인용한다(뼈대: 이 장의 발견으로 바꿀 것).",
    "Sentences quoted": "인용 문장 수", "Article": "기사",
    "The book quotes {count} sentences from {articles} articles": "이 책이 기사 {articles}건에서 인용한 문장 {count}개",
    "Sentences of each article the book keeps verbatim, with their source": "기사마다 이 책이 출처와 함께 그대로 옮긴 문장",
    "counts computed by this book": "수는 이 책이 계산",
}


class ScaffoldError(ValueError):
    pass


def _articles(root: Path) -> list[str]:
    with (root / "data" / "articles.csv").open(encoding="utf-8", newline="") as handle:
        return [row["article_id"] for row in csv.DictReader(handle)]


def module_text(number: str, title: str, article: str) -> str:
    return textwrap.dedent(f'''\
        """Chapter {int(number)}, {title}: the chapter's own analysis (the notebook only calls these functions).

        Scaffolded by `make chapter`. The example counts the sentences this book quotes from each article
        of the page; replace it with the chapter's analysis, and ``checks`` with the article's claims
        (see ``axbook/articles/programmes.py`` for worked examples).
        """

        from pathlib import Path

        import pandas as pd

        from axbook.checks import claims as cl
        from axbook.checks.params import Choice
        from axbook.data import tables
        from axbook.figures import charts
        from axbook.language import i18n
        from axbook.language.i18n import _
        from axbook.paths import DATA_DIR

        ARTICLE = {article!r}
        PARAMETERS = {{"order": Choice("page", "count")}}


        def quotes_per_article(sources: pd.DataFrame, articles: pd.DataFrame, order: str) -> pd.DataFrame:
            """One row per article of the page: how many of its sentences the book quotes."""
            counts = sources["article_id"].value_counts()
            headline = "headline_ko" if i18n.current() == "ko" else "headline_en"  # each edition's words
            frame = articles[["article_id", headline]].assign(
                quotes=[int(counts.get(a, 0)) for a in articles["article_id"]],
                kind=charts.PRINTED)
            frame = frame.assign(text=frame["quotes"].astype(str), label=frame[headline])
            if order == "count":
                frame = frame.sort_values("quotes", ascending=False, kind="stable")
            return frame.reset_index(drop=True)


        def describe(frame: pd.DataFrame) -> str:
            return _("Sentences quoted per article: {{counts}}.").format(
                counts="; ".join(f"{{row.label}}: {{row.quotes}}" for row in frame.itertuples()))


        def dateline(article: pd.Series) -> str:
            """The lines under the headline: its English gloss (English edition), outlet, month and byline."""
            return _("{{headline_en}}. {{outlet}}, business section, {{month}}; by {{name}} ({{byline_ko}}).").format(
                headline_en=article["headline_en"], outlet=charts.outlet_name(article["outlet"]),
                month=charts.edition_month(article["edition_month"]), name=article["byline_en"].split(",")[0],
                byline_ko=article["byline_ko"])


        def checks(data_dir: Path = DATA_DIR) -> list[cl.Check]:
            """The article's claims, each recomputed from data/ (none yet)."""
            return []


        def finding(data_dir: Path = DATA_DIR) -> str:
            """The chapter's one-line finding on the front page, computed from data/."""
            frame = quotes_per_article(tables.load("sources", data_dir), tables.load("articles", data_dir), "page")
            quoted = int(frame.set_index("article_id").loc[ARTICLE, "quotes"])
            return _("The book quotes {{quoted}} sentences of this article (a scaffold: replace with the "
                     "finding).").format(quoted=quoted)
        ''')


def notebook(doc: str, number: str, title: str, module: str, slug: str) -> nbformat.NotebookNode:
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [
        md(f"# {title}\n\n"
           "> **{glue:text}`headline_ko`**\n"
           "> {glue:text}`dateline`\n\n" + PROSE[0][0]),
        code('# Parameters (papermill): the order of the bars ("page" or "count").\norder = "page"\n'
             'language = "en"  # the edition this page is written for: "en" or "ko" (axbook.language.i18n)',
             metadata={"tags": ["parameters", "remove-cell"]}),
        code("from IPython.display import HTML\n\nimport axbook\n"
             f"from axbook.articles import {module}\nfrom axbook.checks import params\nfrom axbook.data import tables\n"
             "from axbook.figures import charts\nfrom axbook.language.i18n import _\n"
             "from axbook.pages import ledgers, text\n\n"
             f"params.check({module}.PARAMETERS, globals())\naxbook.setup(language)",
             metadata={"tags": ["remove-cell"]}),
        code(f'articles = tables.load("articles")\nthis_article = articles.set_index("article_id").loc[{module}.ARTICLE]\n'
             'text.glue_values({"headline_ko": this_article["headline_ko"],\n'
             f'                  "dateline": {module}.dateline(this_article)}})',
             metadata={"tags": ["remove-cell"]}),
        md(f"## {PROSE[1][0]}\n\n" + PROSE[2][0].format(slug=slug)),
        code(f'quoted = {module}.quotes_per_article(tables.load("sources"), articles, order)\n'
             "fig_example = charts.figure(\n"
             '    charts.labelled_hbars(quoted, label="label", value="quotes", text="text", kinds=list(quoted["kind"]),\n'
             '                          x_title=_("Sentences quoted"),\n'
             '                          tooltip=[charts.alt.Tooltip("label:N", title=_("Article")),\n'
             '                                   charts.alt.Tooltip("quotes:Q", title=_("Sentences quoted"))]),\n'
             '    title=_("The book quotes {count} sentences from {articles} articles").format(\n'
             '        count=quoted["quotes"].sum(), articles=len(quoted)),\n'
             '    subtitle=[_("Sentences of each article the book keeps verbatim, with their source")],\n'
             '    source=charts.source_line("sources", _("counts computed by this book")),\n'
             f"    description={module}.describe(quoted),\n"
             ")\n"
             'text.glue_values({"fig_example": fig_example})',
             metadata={"tags": ["remove-cell"]}),
        md("```{glue:figure} fig_example\n"
           f":name: fig-{slug}-example\n"
           ":figwidth: 100%\n\n" + PROSE[3][0] + "\n"
           "```\n\n"
           f"## {PROSE[4][0]}\n\n" + PROSE[5][0]),
        code(f'ledger = ledgers.table("{doc}")\nHTML(ledgers.claims_html(ledger))', metadata={"tags": ["remove-input"]}),
        md(f"## {PROSE[6][0]}"),
        code("HTML(ledgers.findings_html(ledger))", metadata={"tags": ["remove-input"]}),
        md(f"## {PROSE[7][0]}"),
        code("HTML(ledgers.not_said_html(ledger))", metadata={"tags": ["remove-input"]}),
    ]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                   "language_info": {"name": "python"}}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"{slug[:20]}-{i}"  # stable ids: the scaffold is the same bytes every time
    return nb


def add_to_toc(root: Path, doc: str) -> None:
    path = root / "_toc.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    last = max((i for i, line in enumerate(lines) if re.match(r"\s+- file: chapters/", line)), default=None)
    if last is None:
        raise ScaffoldError(f"{path.name}: no chapter entry ('- file: chapters/...') to add the new chapter after")
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
    lines.insert(last + 1, f"{indent}- file: {doc}\n")
    path.write_text("".join(lines), encoding="utf-8")


def add_to_ledgers(root: Path, doc: str, article: str, module: str) -> None:
    path = root / "axbook" / "pages" / "ledgers.py"
    text = path.read_text(encoding="utf-8")
    if text.count(LEDGER_ANCHOR) != 1:
        raise ScaffoldError(f"axbook/pages/ledgers.py: the line {LEDGER_ANCHOR!r} must appear once "
                            "(it marks where chapters go)")
    entry = f'    Chapter.of_module("{doc}", "{article}", "axbook.articles.{module}"),\n'
    path.write_text(text.replace(LEDGER_ANCHOR, entry + LEDGER_ANCHOR), encoding="utf-8")


def scaffold(name: str, title: str, article: str = "", root: Path = ROOT) -> Path:
    found = NAME.match(name or "")
    if not found:
        raise ScaffoldError(f"NAME={name!r}: write it as two digits, a hyphen and lower-case words, "
                            "e.g. NAME=06-export-credit")
    if not title.strip():
        raise ScaffoldError('TITLE is empty: give the chapter a title, e.g. TITLE="Export credit for SMEs"')
    articles = _articles(root)
    article = article or articles[0]
    if article not in articles:
        raise ScaffoldError(f"ARTICLE={article!r} is not in data/articles.csv; known: {', '.join(articles)}")
    number, slug = found.groups()
    module = slug.replace("-", "_")
    doc = f"chapters/{name}"
    targets = [root / f"{doc}.ipynb", root / "axbook" / "articles" / f"{module}.py"]
    for target in targets:
        if target.exists():
            raise ScaffoldError(f"{target.relative_to(root)} already exists: choose another NAME")
    if any(re.match(rf"\s+- file: chapters/{number}-", line) for line in (root / "_toc.yml").read_text().splitlines()):
        raise ScaffoldError(f"_toc.yml already has a chapter numbered {number}: choose another NAME")
    add_to_ledgers(root, doc, article, module)
    add_to_toc(root, doc)
    targets[1].write_text(module_text(number, title, article), encoding="utf-8")
    nbformat.write(notebook(doc, number, title, module, slug), targets[0])
    return targets[0]


def listing_pages(root: Path = ROOT) -> list[Path]:
    """The notebooks whose stored outputs list every chapter (they sum the book's ledger): a new chapter changes
    them, so `make chapter` regenerates them with it."""
    from axbook.site import toc

    found = []
    for path in toc.notebooks(root):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        if any("ledgers.ledger(" in "".join(c["source"]) for c in cells if c["cell_type"] == "code"):
            found.append(path)
    return found


def _words(text: str) -> str:
    return " ".join(text.split())  # Sphinx's message for a paragraph: its lines joined


def page_korean(slug: str, title: str, title_ko: str) -> dict[str, str]:
    """The new chapter's page catalog, English message -> Korean, as Sphinx's gettext builder will extract it."""
    def filled(text: str) -> str:
        return text.format(slug=slug) if "{slug}" in text else text

    found = {_words(filled(en)): _words(filled(ko)) for en, ko in PROSE}
    quote = _words("**{glue:text}`headline_ko`** {glue:text}`dateline`")  # glued: each edition's own words
    return {**found, quote: quote, title: title_ko or title}


def fill_korean(root: Path, doc: str, slug: str, title: str, title_ko: str) -> list[str]:
    """Fill the new chapter's Korean entries (its page catalog, the package's strings it marks); what is left."""
    import io

    from babel.messages.pofile import read_po

    from axbook.authoring import translations
    from axbook.language import i18n

    catalogs = [(i18n.catalog_path("ko"), STRINGS, False),
                (root / "locale" / "ko" / "LC_MESSAGES" / f"{doc}.po", page_korean(slug, title, title_ko), True)]
    left = []
    for path, korean, prose in catalogs:
        catalog = read_po(io.BytesIO(path.read_bytes()), locale="ko")
        for message in catalog:
            if message.id and (not message.string or message.fuzzy) and message.id in korean:
                message.string = korean[message.id]
                message.flags.discard("fuzzy")
            if prose:  # as `make translations` writes a page's catalog: prose, not format strings
                message.flags -= {"python-format", "python-brace-format"}
        path.write_bytes(translations.render(catalog))
        left += translations.problems(catalog, "ko")
    return left


def main(argv: list[str]) -> int:
    """``TITLE_KO`` (make chapter TITLE_KO="...") gives the title's Korean; without it the Korean edition shows the
    English title until a translator gives one in the page's catalog."""
    import os

    if len(argv) not in (2, 3):
        print('usage: make chapter NAME=06-topic TITLE="The chapter title" [TITLE_KO="한국어 제목"] [ARTICLE=article-id]',
              file=sys.stderr)
        return 2
    try:
        path = scaffold(*argv)
    except ScaffoldError as error:
        print(f"make chapter: {error}", file=sys.stderr)
        return 1
    print(f"scaffolded {path.relative_to(ROOT)}, axbook/articles/{NAME.match(argv[0]).group(2).replace('-', '_')}.py, "
          "and their lines in _toc.yml and axbook/pages/ledgers.py")
    from axbook.authoring import regen, translations  # a kernel per notebook: the new chapter, then the pages that list it

    made = regen.main([str(path), *(str(p) for p in listing_pages())])
    if made:
        return made
    # the chapter's Korean side: its page catalog and the package's, updated, then the scaffold's own words filled in
    translations.main([])
    name = argv[0]
    left = fill_korean(ROOT, f"chapters/{name}", NAME.match(name).group(2), argv[1], os.environ.get("TITLE_KO", ""))
    for line in left:
        print(f"  {line}")
    if not os.environ.get("TITLE_KO"):
        print(f"the Korean edition shows the English title until you translate it: locale/ko/LC_MESSAGES/chapters/"
              f"{name}.po (or make chapter ... TITLE_KO=\"...\")")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
