"""The pages' Korean catalogs (locale/<lang>/LC_MESSAGES/<page>.po), as translators fill them.

A translation may reword everything but the markup the page is built from: a glued value or a figure reference
that lost its role would publish a broken or wrong page. Roles with a target keep their target (their text is
translated); links keep their address. The Korean edition is published: no entry may be untranslated (the page
would show English) or fuzzy (its English changed since it was translated); either fails here, naming the page.
"""

import re
import shutil

import pytest
from babel.messages.pofile import read_po

from axbook.paths import ROOT

CATALOGS = sorted((ROOT / "locale").rglob("*.po"))
ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
LINK = re.compile(r"\]\(([^)]*)\)")


def markup(text: str) -> list[str]:
    found = []
    for name, body in ROLE.findall(text):
        target = re.search(r"<([^>]+)>\s*$", body)
        found.append(f"{{{name}}}<{target.group(1)}>" if target else f"{{{name}}}`{body}`")
    return sorted(found + [f"link:{url}" for url in LINK.findall(text)])


def test_markup_is_read_the_same_in_both_languages():
    assert markup("See {doc}`how this book checks </how-we-check>` and {glue:text}`rate:,.0f` ({numref}`fig-a`).") == \
        markup("{numref}`fig-a`, {glue:text}`rate:,.0f`, {doc}`검증 방법 </how-we-check>`를 보라.")
    assert markup("{glue:text}`rate:,.0f`") != markup("{glue:text}`rate`")  # a format is part of the value


def test_there_is_a_catalog_for_every_page_and_one_for_the_site_around_them():
    from axbook.authoring import translations
    from axbook.site import toc

    assert {p.relative_to(ROOT / "locale" / "ko" / "LC_MESSAGES").with_suffix("").as_posix()
            for p in CATALOGS} == {*toc.files(), translations.THEME_DOMAIN}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.relative_to(ROOT / "locale").as_posix())
def test_every_translation_keeps_the_pages_markup_and_none_is_fuzzy(path):
    with path.open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            assert message.string, f"untranslated: {message.id[:80]!r}"
            assert markup(message.string) == markup(message.id), (message.id[:80], message.string[:80])
            assert not message.fuzzy, f"fuzzy (its English changed): {message.id[:80]!r}"


def test_a_changed_paragraph_turns_its_translation_fuzzy_and_is_counted(tmp_path):
    """An English paragraph edited: `make translations` keeps the old Korean, marked fuzzy, and the edition's
    report counts it for its page."""
    from babel.messages.catalog import Catalog

    from axbook.authoring import translations
    from axbook.language import i18n

    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    path = tmp_path / "locale" / "ko" / "LC_MESSAGES" / "how-we-check.po"
    with path.open("rb") as handle:
        old = read_po(handle)
    first = next(m for m in old if m.id and len(m.id) > 40)
    template = Catalog(domain="how-we-check")
    for message in old:
        if message.id:
            template.add(message.id + " Edited." if message.id == first.id else message.id)
    updated = translations.updated_page("ko", template, tmp_path / "locale")
    edited = updated.get(first.id + " Edited.")
    assert edited.fuzzy and edited.string == first.string
    path.write_bytes(translations.render(updated))
    assert i18n.gaps(path) == (0, 1)


@pytest.mark.outside
def test_the_catalogs_are_current_with_the_pages_english(tmp_path):
    """Extracted again from the pages (Sphinx's gettext builder), every catalog is what `make translations` would
    write: an English paragraph edited without it fails here, naming the page."""
    from axbook.authoring import translations

    for path, (text, _entries, _left) in translations.page_catalogs(tmp_path).items():
        assert path.exists() and path.read_bytes() == text, f"{path.relative_to(ROOT)}: run make translations"
