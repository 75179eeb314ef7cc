"""Failures that say what to do next: a cell error in three lines, with the closest name when one exists.

Used by ``axbook.site.build`` (reading jupyter-book's log) and ``axbook.authoring.regen`` (catching nbclient's error), so
an author sees the same summary whichever command hit the error.
"""

import csv
import difflib
import re
from pathlib import Path

import nbformat
import yaml

from axbook.data import descriptor
from axbook.paths import DATA_DIR, ROOT

ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RULE = "-" * 18  # nbclient frames the failing cell's source with this rule
_CELL = re.compile(rf"CellExecutionError: An error occurred while executing the following cell:\n{_RULE}\n(.*?)\n{_RULE}\n",
                   re.S)
_NOTEBOOK = re.compile(r"ExecutionError: (\S+\.ipynb)")
_SUMMARY = re.compile(r"^error in \S+\.ipynb.*\n.*\n.*$", re.M)  # what ``summary`` writes
_EXCEPTION = re.compile(r"^(\w+(?:Error|Exception|Interrupt|Exit)): ?(.*)$", re.M)
_BAD_NAME = [  # most specific first: the book's own "no dataset 'x'" is itself a KeyError
    re.compile(r"^\w+Error: .*?(?:column|field|dataset|name) ['\"](.+?)['\"]"),
    re.compile(r"^KeyError: ['\"](.+?)['\"]$"),
    re.compile(r"^AttributeError: .* has no attribute '(.+?)'"),
]


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _data_names(data_dir: Path) -> list[tuple[str, str]]:
    """(name, what it is) for every dataset, column and row id an author can look up."""
    try:  # read as the build reads it (bounded), but whatever the descriptor's state: a hint is all this gives
        _root, desc = descriptor.parse((data_dir / descriptor.NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return []
    if not isinstance(desc, dict):
        return []
    names = []
    for res in desc.get("resources", []):
        names.append((res["name"], "a dataset in data/datapackage.yaml"))
        for field in res.get("schema", {}).get("fields", []):
            names.append((field["name"], f"a column of data/{res['path']}"))
        key = res.get("schema", {}).get("primaryKey")
        key = key[0] if isinstance(key, list) and len(key) == 1 else key
        if isinstance(key, str) and (data_dir / res["path"]).is_file():
            with (data_dir / res["path"]).open(encoding="utf-8", newline="") as handle:
                names += [(row[key], f"a row id in data/{res['path']}") for row in csv.DictReader(handle) if row.get(key)]
    return names


def _notebook_names(nb) -> list[tuple[str, str]]:
    words = {w for cell in nb.cells if cell.cell_type == "code" for w in re.findall(r"[A-Za-z_]\w*", cell.source)}
    return [(w, "a name used in this notebook") for w in sorted(words)]


def closest(bad: str, candidates: list[tuple[str, str]], prefer: str = "") -> str | None:
    """'did you mean ...' for ``bad``, naming where the match lives (a dataset the cell loads comes first)."""
    names = list(dict.fromkeys(n for n, _ in candidates if n != bad))
    match = difflib.get_close_matches(bad, names, n=1)  # difflib's default cutoff (0.6): "actr_en" finds "actor_en"
    if not match:
        return None
    places = [where for n, where in candidates if n == match[0]]
    places.sort(key=lambda where: prefer not in where if prefer else False)
    return f"did you mean {match[0]!r} ({places[0]})?"


def summary(notebook: Path, cell_source: str, exception: str, data_dir: Path = DATA_DIR) -> str:
    """Three lines: where (notebook, cell number and first line), what (the exception), what to try."""
    exception = ANSI.sub("", exception).strip()
    where = f"error in {_relative(notebook)}"
    hint = "fix the cell, then `make book` (or `make regen` to rewrite the stored outputs)"
    try:
        nb = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError):
        nb = None
    if nb is not None:
        wanted = cell_source.strip()
        index = next((i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() == wanted), None)
        first_line = wanted.splitlines()[0] if wanted else ""
        if index is not None:
            where += f", cell {index + 1} of {len(nb.cells)} (starts `{first_line}`)"
        for pattern in _BAD_NAME:
            found = pattern.search(exception)
            if found:
                loaded = re.search(r"tables\.load\(['\"](\w+)['\"]", wanted)
                prefer = f"data/{loaded.group(1)}" if loaded else ""
                suggestion = closest(found.group(1), _data_names(data_dir) + _notebook_names(nb), prefer)
                if suggestion:
                    hint = suggestion
                break
    return "\n".join([where, exception.splitlines()[-1] if exception else "(no exception text)", hint])


def from_log(log: str, data_dir: Path = DATA_DIR) -> str | None:
    """The summary of the first cell error in a jupyter-book log, or None when the log has none."""
    text = ANSI.sub("", log)
    cell = _CELL.search(text)
    notebook = _NOTEBOOK.search(text)
    if not cell or not notebook:
        made = _SUMMARY.search(text)  # a page executed by axbook.site.execute in the build said it in three lines
        return made.group(0) if made else None
    # The exception line ends the traceback printed right after the cell's source.
    tail = text[cell.end():]
    exceptions = [m.group(0) for m in _EXCEPTION.finditer(tail.split("The above exception")[0])]
    return summary(Path(notebook.group(1)), cell.group(1), exceptions[-1] if exceptions else "")
