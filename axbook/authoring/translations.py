"""`make translations`: the catalogs brought up to date with the book's strings, and a report.

Two kinds of catalog, both standard gettext files a translator opens in any PO editor:
- the package's (``axbook/language/locale/<lang>/LC_MESSAGES/axbook.po``): strings the code makes;
- the pages' (``locale/<lang>/LC_MESSAGES/<page>.po``, one per page of ``_toc.yml``): their prose, extracted
  by Sphinx's own gettext builder from the stored notebooks (nothing is executed) and read back by Sphinx
  when the edition is built (``language``, ``locale_dirs``).

Extracts every ``_()`` / ``N_()`` string of ``axbook/`` and of the notebooks' code cells (``axbook.language.i18n.messages``)
and the configuration's words shown on every page (``axbook.site.parallel_build.config_words``), and updates each
edition's catalog the gettext way (Babel's ``Catalog.update``): a new string arrives untranslated, a changed
one keeps its old translation marked fuzzy (to be checked), a removed one is dropped. The catalog is written
without line numbers or dates, so it changes only when a string or a translation does. Prints, per catalog,
what is untranslated or fuzzy; ``check()`` is what `make test` asserts is empty.
"""

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from axbook.language import i18n
from axbook.paths import ROOT

FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the header's dates: fixed, so no churn


def template(package: Path | None = None):
    from babel.messages.catalog import Catalog

    catalog = Catalog(domain=i18n.DOMAIN, project="The AX gap", version="1", creation_date=FIXED_DATE)
    from axbook.site import parallel_build, toc

    root = package.parent if package else ROOT
    book = (root / "_toc.yml").exists()
    found = set(i18n.messages(package, toc.notebooks(root) if book else []))
    if book:  # the configuration's and the toc's words on every page (title, footer, search box, parts)
        found.update(parallel_build.config_words(root / "_config.yml"))
        found.update(toc.captions(root))
    for message in sorted(found):
        catalog.add(message)
    return catalog


def updated(language: str, package: Path | None = None, source: bytes | None = None):
    from babel.messages.pofile import read_po

    raw = source if source is not None else i18n.catalog_path(language).read_bytes()
    catalog = read_po(io.BytesIO(raw), locale=language)
    catalog.update(template(package), no_fuzzy_matching=False)
    catalog.obsolete.clear()
    return _stamped(catalog, f"# The book's strings in {language}: the catalog of its edition in that language.\n"
                             "# Updated by `make translations`; translate in any PO editor.")


def _stamped(catalog, comment: str):
    """The header every catalog gets: fixed dates (no churn), the book as translator, what the file is."""
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.last_translator = catalog.language_team = "The book's authors (see CONTRIBUTING.md)"
    catalog.msgid_bugs_address = "the book's issue tracker"
    catalog.header_comment = comment
    return catalog


def render(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=120, no_location=True, sort_output=True, include_previous=True)
    return out.getvalue()


def problems(catalog, language: str) -> list[str]:
    """One line per entry a reader of ``language`` would not get: untranslated or fuzzy."""
    where = i18n.catalog_path(language).relative_to(i18n.LOCALE_DIR.parent.parent.parent)
    lines = []
    for message in catalog:
        if not message.id:
            continue
        if not message.string:
            lines.append(f"{where}: untranslated: {message.id!r}")
        elif message.fuzzy:
            lines.append(f"{where}: fuzzy (its English changed; check the translation): {message.id!r}")
    return lines


def check(package: Path | None = None) -> list[str]:
    """What every catalog lacks against the package's strings, and any catalog not written as `make translations`
    would write it."""
    found = []
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE:
            continue
        catalog = updated(language, package)
        found += problems(catalog, language)
        if render(catalog) != i18n.catalog_path(language).read_bytes():
            found.append(f"{i18n.catalog_path(language).name} ({language}) is not current: run make translations")
    return found


PAGES_LOCALE = ROOT / "locale"


def page_templates(work: Path) -> dict[str, object]:
    """Every page's messages, as Sphinx's gettext builder extracts them: page -> catalog template."""
    from babel.messages.pofile import read_po
    from jupyter_book.sphinx import build_sphinx

    from axbook.site import parallel_build

    path_config, source_dir, overrides = parallel_build.config(ROOT, work)
    result = build_sphinx(source_dir, work / "gettext", use_external_toc=True, noconfig=True, path_config=path_config,
                          confoverrides={**overrides, "nb_execution_mode": "off", "gettext_compact": False},
                          builder="gettext", warningiserror=False, keep_going=True, really_quiet=True)
    if result:
        raise RuntimeError(f"Sphinx's gettext builder stopped ({result!r})")
    templates = {}
    for pot in sorted((work / "gettext").rglob("*.pot")):
        page = pot.relative_to(work / "gettext").with_suffix("").as_posix()
        if page == THEME_DOMAIN:  # Sphinx's builder misses most of the themes' templates: read them all
            continue
        with pot.open("rb") as handle:
            templates[page] = read_po(handle)
    templates[THEME_DOMAIN] = theme_template()
    return templates


# The words of the site around the pages (skip link, navigation, colour switch ...): the themes' templates, which
# Sphinx's gettext builder extracts as "sphinx". Sphinx translates most of them; the book's catalog of that name
# (read by Sphinx before its own) holds the rest.
THEME_DOMAIN = "sphinx"


def theme_template():
    """The words the themes' templates mark (``_()``) that Sphinx's own catalog does not translate in every edition."""
    import gettext

    import pydata_sphinx_theme
    import sphinx
    import sphinx_book_theme
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    own = [gettext.translation("sphinx", Path(sphinx.__file__).parent / "locale", [language], fallback=True)
           for language in i18n.LANGUAGES if language != i18n.SOURCE]
    kept = Catalog(domain=THEME_DOMAIN)
    folders = [Path(theme.__file__).parent / "theme" for theme in (pydata_sphinx_theme, sphinx_book_theme)]
    for folder in [*folders, ROOT / "_templates"]:  # the book's own templates shadow some of the themes'
        for _file, _line, message, _comments, _context in extract_from_dir(
                folder, method_map=[("**.html", "jinja2")], keywords={"_": None, "gettext": None}):  # {% trans %}: gettext
            if isinstance(message, str) and message and any(t.gettext(message) == message for t in own):
                kept.add(message)
    return kept


def updated_page(language: str, template, locale_dir: Path = PAGES_LOCALE) -> object:
    from babel.messages.catalog import Catalog

    path = locale_dir / language / "LC_MESSAGES" / f"{template.domain}.po"
    if path.exists():
        from babel.messages.pofile import read_po

        catalog = read_po(io.BytesIO(path.read_bytes()), locale=language)
    else:
        catalog = Catalog(locale=language, domain=template.domain, project="The AX gap", version="1", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=False)
    catalog.fuzzy = False  # a fuzzy header would make Sphinx skip the whole catalog
    for message in catalog:
        message.flags -= {"python-format", "python-brace-format"}  # prose, not format strings ('%p' is Korean for pp)
    catalog.obsolete.clear()
    return _stamped(catalog, f"# The page {template.domain!r} in {language}. Updated by `make translations`.")


def page_catalogs(work: Path, locale_dir: Path = PAGES_LOCALE) -> dict[Path, tuple[bytes, int, int]]:
    """Each page's catalog as `make translations` writes it: path -> (bytes, entries, untranslated or fuzzy)."""
    found = {}
    for page, template in page_templates(work).items():
        template.domain = page
        for language in i18n.LANGUAGES:
            if language == i18n.SOURCE:
                continue
            catalog = updated_page(language, template, locale_dir)
            entries = [m for m in catalog if m.id]
            found[locale_dir / language / "LC_MESSAGES" / f"{page}.po"] = (
                render(catalog), len(entries), sum(1 for m in entries if not m.string or m.fuzzy))
    return found


def main(argv: list[str]) -> int:
    """All catalogs; with ``--package-only`` the package's alone (seconds: no Sphinx run)."""
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE:
            continue
        catalog = updated(language)
        i18n.catalog_path(language).write_bytes(render(catalog))
        left = problems(catalog, language)
        print(f"{language}: {len(catalog)} strings, {len(left)} to translate or check")
        for line in left:
            print(f"  {line}")
    if argv == ["--package-only"]:
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        for path, (text, entries, left) in page_catalogs(Path(work)).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
            print(f"{path.relative_to(ROOT)}: {entries} entries, {left} to translate or check")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
