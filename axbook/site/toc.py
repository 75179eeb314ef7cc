"""The book's pages, in reading order, from _toc.yml: the one list every tool and test uses."""

from pathlib import Path

import yaml

from axbook.paths import ROOT


def files(root: Path = ROOT) -> list[str]:
    """Toc entries without suffix ('intro', 'chapters/01-ai-adoption-gap', ...)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]


def captions(root: Path = ROOT) -> list[str]:
    """The parts' captions ('Chapters', 'Reference'): words of every page's navigation, translated per edition."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [part["caption"] for part in toc.get("parts", []) if part.get("caption")]


def notebooks(root: Path = ROOT) -> list[Path]:
    """Every page that is a notebook (chapters, the data page): what is executed and regression-tested."""
    return [root / f"{f}.ipynb" for f in files(root) if (root / f"{f}.ipynb").exists()]


def notebook_pages(root: Path = ROOT) -> list[str]:
    """The notebook pages as toc entries ('chapters/02-power-equipment'): what `make execute` takes."""
    return [p.relative_to(root).with_suffix("").as_posix() for p in notebooks(root)]


def html_pages(root: Path = ROOT) -> list[str]:
    return [f"{f}.html" for f in files(root)]


def edition_prefix(language: str) -> str:
    """Where an edition lives in the site: the source language at its root, every other under its code ('ko/')."""
    from axbook.language import i18n

    return "" if language == i18n.SOURCE else f"{language}/"


def editions() -> tuple[str, ...]:
    """The editions a build makes: every language of the book, or those named in AXBOOK_LANGUAGES (make book LANG=ko)."""
    import os

    from axbook.language import i18n

    chosen = os.environ.get("AXBOOK_LANGUAGES", "").split()
    unknown = [language for language in chosen if language not in i18n.LANGUAGES]
    if unknown:
        raise ValueError(f"LANG={' '.join(unknown)}: not an edition of the book ({', '.join(i18n.LANGUAGES)})")
    return tuple(language for language in i18n.LANGUAGES if not chosen or language in chosen)


def edition_pages(root: Path = ROOT, languages: tuple[str, ...] | None = None) -> list[str]:
    """Every page of every edition, as paths in the site: 'intro.html', ..., 'ko/intro.html', ..."""
    from axbook.language import i18n

    return [edition_prefix(language) + page for language in (languages or i18n.LANGUAGES) for page in html_pages(root)]
