"""The language a page is written in: one switch, read by every string the code makes.

Strings are English in the code, the English text being the message id (gettext's convention), wrapped in
``_()`` where they are shown and marked with ``N_()`` where they are defined before a language is chosen
(the verdicts). The Korean edition's translations are a standard gettext catalog,
``axbook/language/locale/ko/LC_MESSAGES/axbook.po``, which a translator opens in any PO editor; Babel reads it
(no compiled .mo to keep in step). Babel also extracts every marked string from the package
(``messages()``), so a test can say which are missing.

A Korean page must never show an English string by accident: ``_()`` in Korean raises for a message the
catalog lacks or marks fuzzy, naming it.
"""

from contextlib import contextmanager
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "ko")
SOURCE = "en"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "axbook"
KEYWORDS = {"_": None, "N_": None}  # what Babel extracts: the two markers, first argument
_language = SOURCE


class Untranslated(LookupError):
    pass


def use(language: str) -> None:
    """Write every string the code makes from here on in ``language``."""
    if language not in LANGUAGES:
        raise ValueError(f"language {language!r} is not one of the book's editions: {', '.join(LANGUAGES)}")
    global _language
    _language = language


def current() -> str:
    return _language


@contextmanager
def using(language: str):
    """Write in ``language`` inside the block, then as before."""
    previous = _language
    use(language)
    try:
        yield
    finally:
        use(previous)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> dict[str, str]:
    """The catalog's finished entries (translated, not fuzzy), message id -> text."""
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language)
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}


def gaps(catalog: Path) -> tuple[int, int]:
    """(untranslated, fuzzy) entries of a gettext catalog: what its edition would show in English or out of date."""
    from babel.messages.pofile import read_po

    with catalog.open("rb") as handle:
        entries = [m for m in read_po(handle) if m.id]
    return sum(1 for m in entries if not m.string), sum(1 for m in entries if m.string and m.fuzzy)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark for translation, translate later")
    return message


def _(message: str) -> str:
    """``message`` in the current language."""
    if _language == SOURCE:
        return message
    try:
        return translations(_language)[message]
    except KeyError:
        raise Untranslated(f"{catalog_path(_language).relative_to(LOCALE_DIR.parent.parent.parent)}: no "
                           f"finished translation of {message!r} (missing or fuzzy)") from None


def label(value: str) -> str:
    """A label the data gives in English in a free-text column (a survey's group, a place): the edition's words when
    the catalog has them, else as the data writes it. Unlike ``_()`` it never stops a page: the data is untrusted input,
    and a label edited there must reach the page escaped, not as a failed cell. The chapters' tests state that every
    label the data holds has its translation, so a new one fails `make test` until it is translated."""
    if _language == SOURCE:
        return value
    return translations(_language).get(value, value)


def messages(package: Path | None = None, notebooks: list[Path] = ()) -> dict[str, list[str]]:
    """Every string the package and the ``notebooks``' code cells mark for translation, with where (file:line, or
    notebook:cell:line) it is marked."""
    from babel.messages.extract import extract_from_dir

    package = package or Path(__file__).parent.parent
    found: dict[str, list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            package, method_map=[("**.py", "python")], keywords=KEYWORDS):
        found.setdefault(message, []).append(f"{filename}:{line}")
    for notebook in notebooks:
        for where, message in _notebook_messages(notebook):
            found.setdefault(message, []).append(where)
    return found


def _notebook_messages(notebook: Path):
    import io
    import json

    from babel.messages.extract import extract

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for number, cell in enumerate(cells, 1):
        if cell["cell_type"] == "code":
            source = "".join(cell["source"]).encode("utf-8")
            for line, message, _comments, _context in extract("python", io.BytesIO(source), keywords=KEYWORDS):
                yield f"{notebook.name}:cell {number}:{line}", message
