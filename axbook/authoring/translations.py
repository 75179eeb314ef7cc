"""`make translations`: the catalogs brought up to date with the strings the package marks, and a report.

Extracts every ``_()`` / ``N_()`` string of ``axbook/`` (``axbook.language.i18n.messages``) and updates each
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

FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # the header's dates: fixed, so no churn


def template(package: Path | None = None):
    from babel.messages.catalog import Catalog

    catalog = Catalog(domain=i18n.DOMAIN, project="The AX gap", version="1", creation_date=FIXED_DATE)
    for message in sorted(i18n.messages(package)):
        catalog.add(message)
    return catalog


def updated(language: str, package: Path | None = None, source: bytes | None = None):
    from babel.messages.pofile import read_po

    raw = source if source is not None else i18n.catalog_path(language).read_bytes()
    catalog = read_po(io.BytesIO(raw), locale=language)
    catalog.update(template(package), no_fuzzy_matching=False)
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    catalog.last_translator = catalog.language_team = "The book's authors (see CONTRIBUTING.md)"
    catalog.msgid_bugs_address = "the book's issue tracker"
    catalog.header_comment = (f"# The book's strings in {language}: the catalog of its edition in that language.\n"
                              "# Updated by `make translations`; translate in any PO editor.")
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


def main() -> int:
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE:
            continue
        catalog = updated(language)
        i18n.catalog_path(language).write_bytes(render(catalog))
        left = problems(catalog, language)
        print(f"{language}: {len(catalog)} strings, {len(left)} to translate or check")
        for line in left:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
