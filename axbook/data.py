"""Load the book's data: validated against data/datapackage.yaml, then typed, by dataset name.

Chapters call ``load("ai_use_rate")`` and never read a CSV themselves. Validation runs once per
process over the whole package (schema, keys, foreign keys via frictionless; provenance rules here)
and raises ``DataValidationError`` naming file, line, column, value and the rule broken.
"""

import csv
import functools
import re
from pathlib import Path

import pandas as pd
import yaml
from frictionless import Package

from axbook.errors import DataValidationError
from axbook.paths import DATA_DIR

PAGE_SOURCE = "page"


def descriptor(data_dir: Path = DATA_DIR) -> dict:
    return yaml.safe_load((Path(data_dir) / "datapackage.yaml").read_text(encoding="utf-8"))


def _where(data_dir: Path, path: str, line: int | None = None, column: str | None = None) -> str:
    where = f"{Path(data_dir).name}/{path}"
    if line is not None:
        where += f", line {line} (data row {line - 1})"
    if column:
        where += f", column {column!r}"
    return where


def _read_rows(data_dir: Path, path: str) -> list[dict]:
    with open(Path(data_dir) / path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _encoding_problems(data_dir: Path, resources: list[dict]) -> list[str]:
    problems = []
    for res in resources:
        raw = (Path(data_dir) / res["path"]).read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            problems.append(f"{_where(data_dir, res['path'], line)}: not valid UTF-8 (byte {err.start}); "
                            "save the file as UTF-8")
    return problems


def _schema_problems(data_dir: Path) -> list[str]:
    report = Package(str(Path(data_dir) / "datapackage.yaml")).validate()
    problems = [f"{Path(data_dir).name}/datapackage.yaml: {e.message}" for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            line = getattr(e, "row_number", None)
            column = getattr(e, "field_name", None) or ", ".join(getattr(e, "field_names", []) or []) or None
            value = getattr(e, "cell", None)
            if value is None and getattr(e, "field_cells", None):
                value = ", ".join(map(str, e.field_cells))
            shown = f": value {value!r}" if value not in (None, "") else ""
            problems.append(f"{_where(data_dir, task.place, line, column)}{shown}: {e.title.lower()}: {e.note}")
    return problems


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def value_in_quote(printed: str, quote: str) -> bool:
    """The printed number stands in the quote as a whole number token (thousands separators ignored)."""
    token = re.escape(printed.strip())
    return re.search(rf"(?<![\d.]){token}(?![\d]|\.\d)", _THOUSANDS.sub("", quote)) is not None


def _provenance_problems(data_dir: Path, desc: dict) -> list[str]:
    resources = {r["name"]: r for r in desc["resources"]}
    sources = {row["source_id"]: row for row in _read_rows(data_dir, resources["sources"]["path"])}
    problems, used = [], set()
    for line, row in enumerate(sources.values(), start=2):
        where = _where(data_dir, resources["sources"]["path"], line)
        if bool(row["article_id"]) == bool(row["url"]):
            problems.append(f"{where}: source {row['source_id']!r} needs exactly one of article_id "
                            "(a sentence of the page) or url (a context source)")
        if row["quote_lang"] == "ko" and not row["gloss_en"]:
            problems.append(f"{where}, column 'gloss_en': Korean quote {row['source_id']!r} needs an English gloss")
    for res in desc["resources"]:
        fields = {f["name"] for f in res["schema"]["fields"]}
        if "source_id" not in fields or res["name"] == "sources":
            continue
        for line, row in enumerate(_read_rows(data_dir, res["path"]), start=2):
            sid = row.get("source_id", "")
            used.add(sid)
            if sid not in sources:
                continue  # the foreign-key check reports it
            for column in res.get("x-quoted-values", []):
                printed = (row.get(column) or "").strip()
                if printed and not value_in_quote(printed, sources[sid]["quote"]):
                    problems.append(
                        f"{_where(data_dir, res['path'], line, column)}: value {printed!r} does not appear "
                        f"as printed in its source quote {sid!r}: \"{sources[sid]['quote']}\"")
    for line, sid in enumerate(sources, start=2):
        if sid not in used:
            problems.append(f"{_where(data_dir, resources['sources']['path'], line, 'source_id')}: "
                            f"source {sid!r} is not used by any dataset")
    return problems


def problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Everything wrong with the data package, as messages naming file, line and column."""
    data_dir = Path(data_dir)
    desc = descriptor(data_dir)
    found = _encoding_problems(data_dir, desc["resources"])
    if found:
        return found  # nothing else can be read reliably
    found = _schema_problems(data_dir)
    if not found:
        found = _provenance_problems(data_dir, desc)
    return found


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in Path(data_dir).iterdir()))


@functools.cache
def _validated(data_dir: Path, _fingerprint: tuple) -> dict:
    found = problems(data_dir)
    if found:
        raise DataValidationError(found)
    return descriptor(data_dir)


def validate(data_dir: Path = DATA_DIR) -> dict:
    """Raise DataValidationError unless the whole package is valid; return its descriptor."""
    data_dir = Path(data_dir).resolve()
    return _validated(data_dir, _fingerprint(data_dir))


_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A validated, typed table. Quoted value columns keep their printed text in ``<column>_printed``."""
    desc = validate(data_dir)
    resources = {r["name"]: r for r in desc["resources"]}
    if name not in resources:
        raise KeyError(f"no dataset {name!r} in {Path(data_dir).name}/datapackage.yaml; "
                       f"known: {', '.join(sorted(resources))}")
    res = resources[name]
    frame = pd.read_csv(Path(data_dir) / res["path"], dtype=str, keep_default_na=False, encoding="utf-8")
    for column in res.get("x-quoted-values", []):
        frame[f"{column}_printed"] = frame[column]
    for field in res["schema"]["fields"]:
        column, kind = field["name"], field.get("type", "string")
        values = frame[column].replace("", None)  # an empty cell is a missing value, whatever the type
        frame[column] = values
        if kind in _DTYPES:
            if kind == "boolean":
                values = values.map({"true": True, "false": False})
            frame[column] = values.astype(_DTYPES[kind])
    return frame


def sources(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    return load("sources", data_dir).set_index("source_id")
