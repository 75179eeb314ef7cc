"""Helpers the tests share: repository copies (build, parallel build, authoring) and chart pages made for a test."""

import hashlib
from pathlib import Path

import altair as alt
import nbformat
import pandas as pd

from axbook.figures import charts, render
from axbook.paths import ROOT
from axbook.site import toc

CHAPTER_FOUR = Path("chapters") / "04-kibo-rehabilitation.ipynb"
LOADS_STEPS = 'steps = tables.load("kibo_steps")'
# The summary a misspelt column in chapter 4 must end in, after its first line (which names the cell).
MISSPELT_COLUMN = ["KeyError: 'actr_en'", "did you mean 'actor_en' (a column of data/kibo_steps.csv)?"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def site_files(site: Path) -> dict[Path, str]:
    """Every file of a built site, by path, with its content hash."""
    return {p.relative_to(site): digest(p) for p in site.rglob("*") if p.is_file()}


def build_log(repo: Path) -> str:
    """The full logs the quiet build keeps, every edition's (one Sphinx run each), in the editions' order."""
    from axbook.site import toc

    logs = [repo / "_build" / "logs" / f"build-{language}.log" for language in toc.editions()]
    return "".join(log.read_text(encoding="utf-8") for log in logs if log.exists())


def cell_position(path: Path, text: str) -> tuple[int, int]:
    """(1-based number of the first cell containing ``text``, number of cells): read, so chapters can grow."""
    cells = nbformat.read(path, as_version=4).cells
    return next(i for i, c in enumerate(cells, 1) if text in c.source), len(cells)


def edit_cell(path: Path, old: str, new: str) -> None:
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if old in c.source)
    cell.source = cell.source.replace(old, new)
    nbformat.write(nb, path)


def break_chapter_four(repo: Path) -> tuple[int, int]:
    """Make chapter 4 read a misspelt column (``actr_en``); returns the cell's (number, number of cells)."""
    chapter = repo / CHAPTER_FOUR
    edit_cell(chapter, LOADS_STEPS, f'{LOADS_STEPS}\nsteps["actr_en"]')
    return cell_position(chapter, LOADS_STEPS)



def chart_body(spec: dict, figure: str | None = "fig-x") -> str:
    """A chart as a built page holds it: the renderer's markup in a numbered figure (or bare, without one)."""
    chart = render.to_html(spec, render.to_svg(spec))
    out = f'<div class="output text_html">{chart}</div>'
    return f'<figure class="align-default" id="{figure}">\n{out}</figure>' if figure else out


def bars(description: str) -> dict:
    """A two-bar chart spec with every part of a book figure."""
    return charts.figure(alt.Chart(pd.DataFrame({"v": [1, 2]})).mark_bar().encode(x="v:Q"), title="T",
                         subtitle="S", source="Source: x", description=description).to_dict()


def chapters(root: Path = ROOT) -> list[str]:
    """The chapters of _toc.yml, in order ('chapters/05-kvmcc', ...)."""
    return [f for f in toc.files(root) if f.startswith("chapters/")]


def free_chapter_number(root: Path = ROOT) -> str:
    """The number `make chapter` would give the next chapter: a test that scaffolds never takes an author's."""
    return f"{max(int(Path(c).name[:2]) for c in chapters(root)) + 1:02d}"

