"""Sphinx extension for the book: pages rebuild when what they read changes; the data package is published.

- Dependencies. Sphinx re-reads a page only when its own file changes, so a chapter whose CSV, package
  code or lock file changed would be published stale. While a notebook executes, its kernel logs every
  data file it reads and every axbook module it imports (``axbook.data.deps``); each notebook page also
  depends on the lock file. Their content hashes are stored with the page, and ``env-get-outdated``
  re-reads (and, with ``execute_notebooks: force``, re-executes) every page whose inputs no longer hash
  the same.
- Executed copies: a page is always rendered from its executed copy, without a kernel, when the copy's recorded
  inputs all hash as the repository's files do (``axbook.site.execute.fresh``); its inputs are then the copy's. The
  copy comes from ``python -m axbook.site.execute`` (another machine, a CI job) or from an earlier build: a page
  without a current copy is executed here, by the same function, into its copy.
- The data package: the validated CSVs and their descriptor are copied to ``<site>/data/`` (plain
  files, listed by the descriptor only: nothing else from the build machine is published).
- Downloads: under each chart, its data as CSV and the chart as SVG and PNG (``axbook.figures.downloads``).
- Sharing: Open Graph and Twitter card tags on every page, and ``sitemap.xml`` once the site's public address is
  set (``axbook.site.sharing``).
- Fonts: the published Nanum Gothic and Font Awesome files are cut to what the site's pages use (``axbook.site.fonts``),
  after every page is written, since the subset depends on all of them.
- sphinx-thebe: JB1 always loads it; it injects an inline `const THEBE_JS_URL = "https://unpkg.com/..."`
  script (twice, throwing "already been declared") and names a third-party host. The book has no live
  kernels, so its listeners are removed before they run.
- Parallel read: pages are read (and executed) in several processes (axbook/site/parallel_build.py). A page's
  data log is per process (the variable is set in the worker that reads it) and the inputs are merged back.
  sphinx-external-toc always loads sphinx-multitoc-numbering, which does not declare itself; it only
  replaces section numbering, which Sphinx runs in the main process after reading, so it is declared safe.
"""

import html
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sphinx import addnodes
from sphinx.errors import ExtensionError
from sphinx.util import logging

from axbook.data import deps, tables
from axbook.figures import downloads
from axbook.language import i18n
from axbook.language.i18n import SOURCE
from axbook.pages import claimreview, ledgers
from axbook.paths import PAGE_FONTS, PDF_NAME, ROOT
from axbook.site import execute, sharing, toc

LOCK_FILE = ROOT / deps.LOCK_FILE_NAME
CHART_LIBRARY = "vendor/vega-bundle.min.js"
CHART_SCRIPT = "axbook-charts.js"
_from_copy: dict[str, set[Path]] = {}  # pages read in this process from a copy: the files that copy read
logger = logging.getLogger(__name__)


def _inputs(app, docname: str, read: set[Path]) -> dict[str, str | None]:
    """What the page's kernel read (data files and the axbook modules it imported, from its log) and, for a
    notebook, the lock file (any installed package may change its outputs)."""
    files = set(read)
    if app.env.doc2path(docname).endswith(".ipynb"):
        files.add(LOCK_FILE)
    if docname in ledgers.BY_DOC:  # the ClaimReview records in the chapter's head are written from these
        files.update({Path(claimreview.__file__), tables.DATA_DIR / "articles.csv"})
    return {str(p): deps.digest(p) for p in sorted(files)}


def _log_path(app, docname: str) -> Path:
    return Path(app.doctreedir) / "axbook-deps" / (docname.replace("/", "__") + ".log")


def _start_log(app, docname, source):
    log = _log_path(app, docname)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.unlink(missing_ok=True)
    os.environ[deps.ENV] = str(log)  # inherited by the kernel that executes this page
    if not app.env.doc2path(docname).endswith(".ipynb"):
        return
    language = app.config.language
    read, executed_here = execute.fresh(docname, language=language), False
    if read is None and app.config.nb_execution_mode != "off":
        # Executed here into the copy `make execute` writes, then rendered from it like any copy: a page re-read for its
        # words alone (its catalog, a heading) next time starts no kernel; one whose inputs changed runs again.
        if execute.execute(docname, language=language) != 0:
            raise ExtensionError(f"{docname}: a cell failed; its summary is above")
        read, executed_here = execute.fresh(docname, language=language), True
    if read is not None:
        notebook = json.loads(execute.copy_paths(docname, language=language)[0].read_text(encoding="utf-8"))
        notebook.setdefault("metadata", {})["mystnb"] = {"execution_mode": "off"}  # its outputs are the page's
        source[0] = json.dumps(notebook)
        _from_copy[docname] = read
        if not executed_here:
            logger.info(f"{docname}: {execute.FROM_COPY}")
    elif language != SOURCE:  # executed here, in the edition's language
        source[0] = json.dumps(execute.in_language(json.loads(source[0]), language))


def _store_inputs(app, _doctree):
    docname = app.env.docname
    log = _log_path(app, docname)
    os.environ.pop(deps.ENV, None)
    if not hasattr(app.env, "axbook_inputs"):
        app.env.axbook_inputs = {}
    read = _from_copy.pop(docname) if docname in _from_copy else deps.read_log(log)
    app.env.axbook_inputs[docname] = _inputs(app, docname, read)
    log.unlink(missing_ok=True)


def _outdated(app, env, added, changed, removed):
    stale = []
    for docname, inputs in getattr(env, "axbook_inputs", {}).items():
        if docname in added | changed | removed:
            continue
        if any(deps.digest(path) != digest for path, digest in inputs.items()):
            stale.append(docname)
    return stale


def _purge(app, env, docname):
    getattr(env, "axbook_inputs", {}).pop(docname, None)


def _merge(app, env, docnames, other):
    env.axbook_inputs = getattr(env, "axbook_inputs", {})
    env.axbook_inputs.update({d: other.axbook_inputs[d] for d in docnames if d in getattr(other, "axbook_inputs", {})})


def _publish_data(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    checked = tables._checked(tables.DATA_DIR)  # validated: plain files, listed, inside data/
    target = Path(app.outdir) / "data"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in ["datapackage.yaml", *(t.path for t in checked.tables.values())]:
        shutil.copyfile(tables.DATA_DIR / name, target / name)
    claimreview.write_downloads(target)  # the ledger of every chapter, as CSV and JSON


def _claim_reviews(app, pagename, templatename, context, doctree):
    """A chapter's claims as schema.org ClaimReview (JSON-LD) in its head."""
    if doctree is None or pagename not in ledgers.BY_DOC:
        return
    base = sharing.site_url(app.config.html_baseurl)
    page_url = (base + pagename if base else pagename.rsplit("/", 1)[-1]) + ".html"
    records = claimreview.reviews(pagename, page_url, app.config.html_title)
    context["metatags"] = context.get("metatags", "") + "\n" + claimreview.script_tag(records)


def _finish_site(app, exception):
    """After every page is written, in processes of their own (vl-convert's runtime does not survive the write
    workers' fork; spawned ones start clean): the fonts, cut to the pages' characters and the download links' text,
    while the chart downloads are drawn."""
    if exception is not None or app.builder.format != "html":
        return
    from axbook.site import fonts  # fontTools' subsetter: 0.1 s that only this step needs

    site, build_dir = Path(app.outdir), Path(app.doctreedir).parent
    icons = fonts.ICONS.removeprefix("_static/")
    theme_static = next(Path(d, "static") for d in app.builder.theme.get_theme_dirs() if Path(d, "static", icons).exists())
    font_cache = build_dir / "font-cache"
    language = app.config.language
    jobs = fonts.subset_jobs(site, theme_static, added=downloads.text_added(language))
    with ProcessPoolExecutor(max(1, app.parallel), mp_context=multiprocessing.get_context("spawn")) as pool:
        cut = [pool.submit(fonts.subset_font, source, target, chars, font_cache) for source, target, chars in jobs]
        downloads.add_to_site(site, build_dir / "chart-cache", run=pool.map, language=language)
        fonts.prune(font_cache, {future.result() for future in cut})


def _write_in_the_edition_s_language(app, config):
    """Strings the package makes in this process (ledger verdicts in the ClaimReview records) in the edition's
    language, as its kernels write theirs."""
    i18n.use(config.language)


def _translate_part_captions(app, doctree):
    """The navigation's part captions come from _toc.yml (sphinx-external-toc), outside the pages' catalogs: they are
    in the package's catalog (``toc.captions``) and translated here."""
    if app.config.language == SOURCE:
        return
    for toctree in doctree.findall(addnodes.toctree):
        if toctree.get("caption"):
            toctree["caption"] = i18n._(toctree["caption"])


def _use_public_address(app, config):
    # Set before the environment compares configurations: a new address rewrites every page.
    config.html_baseurl = sharing.public_address(config.html_baseurl)
    site = sharing.site_url(config.html_baseurl)  # a wrong address stops the build before any page is read
    if site and config.language != SOURCE:  # an edition's pages live under its prefix ('ko/')
        config.html_baseurl = site + toc.edition_prefix(config.language)


def _write_sitemap(app, exception):
    """One sitemap for the whole site, at its root: written by the source language's build, listing every edition."""
    if exception is not None or app.builder.format != "html" or app.config.language != SOURCE:
        return
    if not sharing.write_sitemap(Path(app.outdir), app.config.html_baseurl, toc.html_pages(Path(app.srcdir)),
                                 toc.editions()):
        logger.info("sharing: no public address (html.baseurl in _config.yml, or BASEURL=... for make book), so no "
                    "og:url, og:image or sitemap.xml")


def _drop_thebe(app):
    for listeners in app.events.listeners.values():
        for listener in list(listeners):
            if getattr(listener.handler, "__module__", "").startswith("sphinx_thebe"):
                app.disconnect(listener.id)


def _declare_numbering_parallel_safe(app):
    numbering = app.extensions.get("sphinx_multitoc_numbering")
    if numbering is not None and numbering.parallel_read_safe is None:
        numbering.parallel_read_safe = True


def _pdf_link_from_every_page(app, pagename, templatename, context, doctree):
    """The footer is one string for every page: its link to the PDF edition (at the site's root) made relative here."""
    footer, link = context.get("theme_extra_footer"), f'href="{PDF_NAME}"'
    if footer and link in footer:
        context["theme_extra_footer"] = footer.replace(link, f'href="{context["pathto"](PDF_NAME, 1)}"')


def _pdf_edition_in_the_download_menu(app, pagename, templatename, context, doctree):
    """The theme's menu offers "print to PDF" through an inline `onclick` (the site has no inline event handlers, so
    injected ones are easy to find): replaced by a link to the book's PDF edition."""
    for group in context.get("header_buttons", []):
        buttons = group.get("buttons", [])
        for i, button in enumerate(buttons):
            if button.get("label") == "download-pdf-button":
                buttons[i] = {"type": "link", "url": context["pathto"](PDF_NAME, 1), "text": i18n._("book .pdf"),
                              "tooltip": i18n._("The whole book as one PDF"), "icon": "fas fa-file-pdf",
                              "label": "download-book-pdf-button"}


# Files JB1 puts on every page, kept only on pages whose body uses them: the chart script beside a chart (it fetches
# the chart library itself, so the library is never in a page's head); sphinx-design's files where a page has one of
# its components; the copy button's where there is code to copy, the toggle button's (and its settings, inline) where
# something toggles; never thebe's (the book has no live kernels) or the library. Five requests fewer in most heads.
CODE, TOGGLES = ('class="highlight',), ('class="toggle', "dropdown")  # sphinx-togglebutton: '.toggle, .dropdown'
USED_WHERE = {CHART_SCRIPT: ('class="axbook-chart"',), "design-tabs.js": ('class="sd-',),
              "sphinx-design.min.css": ('class="sd-',), "copybutton.js": CODE, "copybutton.css": CODE,
              "clipboard.min.js": CODE, "togglebutton.js": TOGGLES, "togglebutton.css": TOGGLES,
              "sphinx-thebe.css": None, CHART_LIBRARY: None}


def used(markers: tuple[str, ...] | None, body: str) -> bool:
    return markers is not None and any(marker in body for marker in markers)


def _assets_only_where_used(app, pagename, templatename, context, doctree):
    body = context.get("body", "")
    toggles = used(TOGGLES, body)

    def kept(asset) -> bool:
        name = str(getattr(asset, "filename", asset) or "")
        if not name:  # an inline script: sphinx-togglebutton's settings go with its script
            return toggles or "toggle" not in getattr(asset, "attributes", {}).get("body", "")
        for suffix, markers in USED_WHERE.items():
            if name.endswith(suffix):
                return used(markers, body)
        return True

    for files in ("script_files", "css_files"):
        if files in context:
            context[files] = [asset for asset in context[files] if kept(asset)]


def _preload_fonts(app, pagename, templatename, context, doctree):
    """The fonts every page draws its text and icons in, requested with the page's head instead of after its styles
    are applied (~0.2 s later here): the first layout is then in them, not in a fallback shaped again on arrival."""
    links = "".join(f'\n<link rel="preload" href="{html.escape(context["pathto"](font, 1))}" as="font" '
                    f'type="font/woff2" crossorigin="anonymous" />' for font in PAGE_FONTS)
    context["metatags"] = context.get("metatags", "") + links


_renderers: dict[str, object] = {}  # docname -> the notebook's MyST-NB renderer, for its translated strings


def _glue_in_translated_prose() -> None:
    """MyST-NB reads a glued value from the document's notebook renderer, which it removes when the page is parsed;
    a translated paragraph is parsed afterwards into a fresh document, so its glued values vanished ("No key ...
    found in glue data"). Keep each page's renderer when its own glue roles are read, and lend it to that page's
    translated strings."""
    from myst_nb.ext.glue import directives, roles, utils

    if getattr(utils.retrieve_glue_data, "axbook", False):
        return
    retrieve = utils.retrieve_glue_data

    def retrieve_for_translations(document, key):
        env = getattr(document.settings, "env", None)
        if env is not None:
            if "nb_renderer" in document:
                _renderers[env.docname] = document["nb_renderer"]
            elif env.docname in _renderers:
                document["nb_renderer"] = _renderers[env.docname]
                try:
                    return retrieve(document, key)
                finally:  # the fresh document's nodes are pickled with the page; a renderer cannot be
                    document.attributes.pop("nb_renderer", None)
        return retrieve(document, key)

    retrieve_for_translations.axbook = True
    for module in (utils, roles, directives):
        module.retrieve_glue_data = retrieve_for_translations


def setup(app):
    _glue_in_translated_prose()
    app.connect("html-page-context", _assets_only_where_used)
    app.connect("html-page-context", _preload_fonts)
    app.connect("html-page-context", _pdf_link_from_every_page)
    app.connect("html-page-context", sharing.add_tags)
    app.connect("html-page-context", _claim_reviews)
    app.connect("config-inited", _use_public_address)
    app.connect("config-inited", _write_in_the_edition_s_language)
    app.connect("doctree-read", _translate_part_captions, priority=100)  # before the toc collector reads them
    app.connect("html-page-context", _pdf_edition_in_the_download_menu, priority=600)  # after the theme's buttons
    app.connect("builder-inited", _declare_numbering_parallel_safe)
    app.connect("builder-inited", _drop_thebe, priority=100)
    app.connect("source-read", _start_log)
    app.connect("doctree-read", _store_inputs)
    app.connect("env-get-outdated", _outdated)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("build-finished", _publish_data)
    app.connect("build-finished", _finish_site)
    app.connect("build-finished", _write_sitemap)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
