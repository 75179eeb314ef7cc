"""The book's pages, in reading order, from _toc.yml: the one list every tool and test uses."""

from pathlib import Path

import yaml

from axbook.paths import ROOT


def files(root: Path = ROOT) -> list[str]:
    """Toc entries without suffix ('intro', 'chapters/01-ai-adoption-gap', ...)."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc.get("parts", []) for c in part.get("chapters", [])]


def notebooks(root: Path = ROOT) -> list[Path]:
    """Every page that is a notebook (chapters, the data page): what is executed and regression-tested."""
    return [root / f"{f}.ipynb" for f in files(root) if (root / f"{f}.ipynb").exists()]


def notebook_pages(root: Path = ROOT) -> list[str]:
    """The notebook pages as toc entries ('chapters/02-power-equipment'): what `make execute` takes."""
    return [p.relative_to(root).with_suffix("").as_posix() for p in notebooks(root)]


def html_pages(root: Path = ROOT) -> list[str]:
    return [f"{f}.html" for f in files(root)]
