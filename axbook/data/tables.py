"""Load the book's data: validated against data/datapackage.yaml, then typed, by dataset name.

Chapters call ``load("ai_use_rate")`` and never read a CSV themselves. Everything in ``data/`` is
untrusted input (a pull request may edit it), so validation runs once per process over the whole
package and stops at the first sign of trouble with messages naming file, physical line, column and
value (invisible characters shown escaped):

1. the folder: only the descriptor, the files it lists and ``raw/``; no symlinks, nothing missing;
2. the text of every cell: UTF-8 without BOM, NFC, no invisible or padding characters, numbers in
   plain ASCII digits, booleans spelt ``true``/``false``;
3. the schema (frictionless): types, constraints, enums, primary and foreign keys;
4. provenance: every value bound to its own place in the quote it came from (``printed_as``), every
   number in a shown label (year, size band) printed in its evidence, every source used.

The loader types cells with the same frictionless field parser, so what validation accepts is what
the chapters read.
"""

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from frictionless import FrictionlessException, Package, Schema

from axbook.data import deps, descriptor
from axbook.errors import DataValidationError
from axbook.paths import DATA_DIR

RAW_DIR = "raw"
_ASCII_CELL = {
    "integer": re.compile(r"-?[0-9]+"),
    "number": re.compile(r"-?[0-9]+(\.[0-9]+)?"),
    "boolean": re.compile(r"true|false"),
}
# The longest text a cell may hold: six times the longest the page needed (a 317-character gloss). A 100 KB step was
# drawn as a chart 48,134 px tall.
MAX_CELL = 2_000
FORMULA_START = ("=", "+", "-", "@")  # what makes a spreadsheet read a CSV cell as a formula (OWASP: CSV injection)
# The letters the page and its sources are written in. A letter of another script looks like one of these (Cyrillic
# 'а' for Latin 'a') and would make a label or an id differ from what a reader sees.
SCRIPTS = ("LATIN ", "HANGUL ", "CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
HANGUL_FILLERS = "\u115f\u1160\u3164\uffa0"  # letters that draw nothing


def unseen(c: str) -> bool:
    """A character a reader cannot see or tell apart, by its Unicode category rather than a list: controls but the
    line break of a multi-line cell, format characters (bidi marks, zero-width joiners, tag characters, the BOM),
    private-use and unassigned code points, marks left uncombined after NFC (variation selectors, the combining
    grapheme joiner), every space but the ASCII one, the Hangul fillers, and letters of other scripts."""
    category = unicodedata.category(c)
    if c == "\n" or c == " ":
        return False
    if category[0] in "CMZ" or c in HANGUL_FILLERS:
        return True
    return category[0] == "L" and not unicodedata.name(c, "").startswith(SCRIPTS)


def _named(c: str) -> str:
    return f"\\u{ord(c):04x} ({unicodedata.name(c, 'unnamed').lower()})"


def shown(value) -> str:
    """A cell as an error message shows it: quoted, escapes for anything unseen, 'an empty cell' for ''."""
    if value is None or value == "":
        return "an empty cell"
    text = "".join(f"\\u{ord(c):04x}" if unseen(c) or not c.isprintable() and c != "\n" else c for c in str(value))
    return f"'{text}'"


def _where(data_dir: Path, path: str, line: int | None = None, column: str | list[str] | None = None) -> str:
    where = f"{Path(data_dir).name}/{path}"
    if line is not None:
        where += f", line {line}"
    names = [name for name in ([column] if isinstance(column, str) else column or []) if name]
    if names:
        where += f", column{'s' if len(names) > 1 else ''} {', '.join(map(repr, names))}"
    return where


@dataclass
class Table:
    """A CSV as read: its header and its records, each with the physical line it starts on."""
    path: str
    header: list[str]
    records: list[tuple[int, list[str]]]

    def rows(self) -> list[tuple[int, dict]]:
        return [(line, dict(zip(self.header, cells, strict=False))) for line, cells in self.records]


# --- 1. the folder ---

def _folder_problems(data_dir: Path, desc: dict) -> list[str]:
    listed = {descriptor.NAME} | {r["path"] for r in desc["resources"]}
    problems = []
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir).as_posix()
        if path.is_symlink():
            problems.append(f"{_where(data_dir, rel)}: a symlink; data files must be plain files inside data/")
        elif path.is_file() and rel not in listed and not rel.startswith(f"{RAW_DIR}/"):
            problems.append(f"{_where(data_dir, rel)}: not listed in {descriptor.NAME}; add it as a resource or remove it")
    for res in desc["resources"]:
        if not (data_dir / res["path"]).is_file():
            problems.append(f"{_where(data_dir, res['path'])}: listed as resource {res['name']!r} in "
                            f"{descriptor.NAME} but missing")
    return problems


# --- 2. the text of every cell ---

def _read_table(data_dir: Path, res: dict) -> tuple[Table | None, list[str]]:
    path = res["path"]
    raw = (data_dir / path).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [f"{_where(data_dir, path, 1)}: starts with a byte-order mark (BOM); save as UTF-8 without BOM"]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [f"{_where(data_dir, path, line)}: not valid UTF-8 (byte {err.start}); save the file as UTF-8"]
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    records, end = [], 0
    try:
        for cells in reader:
            records.append((end + 1, cells))
            end = reader.line_num
    except csv.Error as err:
        return None, [f"{_where(data_dir, path, end + 1)}: not valid CSV: {err}"]
    if not records:
        return None, [f"{_where(data_dir, path)}: empty file (no header row)"]
    (_, header), body = records[0], records[1:]
    table = Table(path, header, body)
    return table, (_header_problems(data_dir, res, header) or _row_count_problems(data_dir, res, table)
                   or _cell_problems(data_dir, res, table))


def _row_count_problems(data_dir: Path, res: dict, table: Table) -> list[str]:
    """Each table declares the rows it must have: an emptied or truncated file names itself."""
    rule = res["x-rows"]
    low = rule if isinstance(rule, int) else rule["min"]
    if len(table.records) >= low and (not isinstance(rule, int) or len(table.records) == rule):
        return []
    return [f"{_where(data_dir, res['path'])}: {len(table.records)} data rows; {descriptor.NAME} says "
            + (f"exactly {rule}" if isinstance(rule, int) else f"at least {low}")]


def _header_problems(data_dir: Path, res: dict, header: list[str]) -> list[str]:
    expected = [f["name"] for f in res["schema"]["fields"]]
    if header == expected:
        return []
    problems = []
    for i, (found, wanted) in enumerate(zip(header, expected, strict=False), start=1):
        if found != wanted:
            problems.append(f"{_where(data_dir, res['path'], 1)}: header column {i} is {shown(found)}, "
                            f"the descriptor expects {wanted!r}")
    if len(header) != len(expected):
        missing = [n for n in expected if n not in header]
        extra = [n for n in header if n not in expected]
        problems.append(f"{_where(data_dir, res['path'], 1)}: header has {len(header)} columns, the descriptor "
                        f"lists {len(expected)}" + (f"; missing: {', '.join(map(repr, missing))}" if missing else "")
                        + (f"; not in the descriptor: {', '.join(map(shown, extra))}" if extra else ""))
    return problems


def _cell_problems(data_dir: Path, res: dict, table: Table) -> list[str]:
    kinds = {f["name"]: f.get("type", "string") for f in res["schema"]["fields"]}
    problems = []
    for line, cells in table.records:
        if len(cells) != len(table.header):
            problems.append(f"{_where(data_dir, table.path, line)}: {len(cells)} cells, the header has "
                            f"{len(table.header)} (a stray comma or an unquoted comma in a value?)")
            continue
        for column, cell in zip(table.header, cells, strict=True):
            where = _where(data_dir, table.path, line, column)
            if len(cell) > MAX_CELL:  # said before anything is shown of it
                problems.append(f"{where}: a value of {len(cell):,} characters, over the {MAX_CELL:,} a cell may hold "
                                "(a chart or a table is drawn from it)")
                continue
            hidden = list(dict.fromkeys(c for c in cell if unseen(c)))
            if cell != cell.strip() or hidden:
                problems.append(f"{where}: value {shown(cell)} has invisible, padding or look-alike characters"
                                + (f": {', '.join(map(_named, hidden))}" if hidden else ""))
            elif not unicodedata.is_normalized("NFC", cell):
                problems.append(f"{where}: value {shown(cell)} is not in Unicode NFC form (decomposed Hangul?); "
                                "re-save it composed")
            elif kinds[column] == "string" and cell.startswith(FORMULA_START):
                problems.append(f"{where}: value {shown(cell)} starts with {cell[0]!r}, which a spreadsheet opening "
                                "the published CSV would run as a formula; reword it")
            elif cell and kinds[column] in _ASCII_CELL and not _ASCII_CELL[kinds[column]].fullmatch(cell):
                wanted = "true or false" if kinds[column] == "boolean" else "plain ASCII digits"
                article = "an" if kinds[column][0] in "aeiou" else "a"
                problems.append(f"{where}: value {shown(cell)} is not {article} {kinds[column]} written in {wanted}")
    return problems


# --- 3. the schema (frictionless) ---

def _schema_problems(data_dir: Path, desc: dict, tables: dict[str, Table]) -> list[str]:
    # The rows already read (step 2, strict CSV) are handed to frictionless as they are: from a path it would
    # re-read each file and guess its dialect with csv.Sniffer, whose regex takes seconds on long quoted cells.
    # (The descriptor's own schema allows no format, encoding or dialect to drop beside the path: axbook.data.descriptor.)
    inline = {**desc, "resources": [
        {**{k: v for k, v in res.items() if k != "path"},
         "data": [tables[res["name"]].header, *(cells for _, cells in tables[res["name"]].records)]}
        for res in desc["resources"]]}
    where = f"{Path(data_dir).name}/{descriptor.NAME}"
    try:
        report = Package(inline).validate()
    except FrictionlessException as err:  # what the descriptor checks let through and frictionless still refuses
        return [f"{where}: {e.message}" for e in err.to_errors()]
    problems = [f"{where}: {e.message}" for e in report.errors]
    keys = {res["name"]: res["schema"].get("primaryKey", []) for res in desc["resources"]}
    for task in report.tasks:
        table = tables[task.name]
        for e in task.errors:
            line = _line_at(table, getattr(e, "row_number", None))
            columns, value = _error_cells(e, table.header, keys[task.name])
            # frictionless names an earlier row by its position; the reader is shown the file's line
            note = re.sub(r"the row at position (\d+)", lambda m, t=table: f"line {_line_at(t, int(m[1]))}", e.note)
            shown_value = f": value {shown(value)}" if value is not None else ""
            problems.append(f"{_where(data_dir, table.path, line, columns)}{shown_value}: {e.title.lower()}: {note}")
    return problems


def _line_at(table: Table, row: int | None) -> int | None:
    """The file's line of frictionless's row number (header = 1): a quoted cell may span lines."""
    return table.records[row - 2][0] if row and 2 <= row <= len(table.records) + 1 else row


def _error_cells(e, header: list[str], key: list[str]) -> tuple[list[str], str | None]:
    """The column(s) a frictionless error is about and their cell value(s), joined as the key reads."""
    if getattr(e, "field_name", None):
        return [e.field_name], e.cell
    if e.type == "foreign-key":
        return e.field_names, ", ".join(e.field_cells)
    if e.type == "primary-key":
        return key, ", ".join(e.cells[header.index(k)] for k in key)
    return [], None


# --- 4. provenance ---

_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _number_at(quote: str, printed: str) -> list[int]:
    """Offsets where ``printed`` stands in the quote as a whole number (not inside 12.5 or 2.50)."""
    token = re.escape(printed.strip())
    return [m.start() for m in re.finditer(rf"(?<![\d.,]){token}(?![\d]|[.,]\d)", quote)]


def value_in_quote(printed: str, quote: str) -> bool:
    """The printed number stands in the quote as a whole number token (thousands separators ignored)."""
    return bool(_number_at(_THOUSANDS.sub("", quote), printed))


# http(s), a host (DNS labels, an optional port), then a path, query or fragment with nothing markup could read
WEB_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::[0-9]{1,5})?"
_WEB_URL = re.compile(rf"https?://{WEB_HOST}(?:[/?#][^\s<>\"'`]*)?")


def is_web_url(url: str | None) -> bool:
    """An http(s) address with nothing a browser or MyST could read as markup: the only links data may make."""
    return bool(_WEB_URL.fullmatch(url or ""))


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")


def bind(printed_as: str, printed: str, quote: str) -> tuple[int | None, str | None]:
    """Where in the quote ``printed_as`` ('words [value] words') puts the value, or why it cannot.

    The fragment without its brackets must occur exactly once in the quote, and the bracketed text
    must be the value, standing there as a whole number.
    """
    marks = _BRACKETED.findall(printed_as)
    if len(marks) != 1 or printed_as.count("[") != 1 or printed_as.count("]") != 1:
        return None, "printed_as must mark the value with exactly one pair of [brackets]"
    if marks[0] != printed:
        return None, f"printed_as brackets {marks[0]!r}, but the value is {printed!r}"
    fragment = printed_as.replace("[", "").replace("]", "")
    starts = [m.start() for m in re.finditer(re.escape(fragment), quote)]
    if len(starts) != 1:
        return None, (f"printed_as {printed_as!r} is not in the quote" if not starts else
                      f"printed_as {printed_as!r} occurs {len(starts)} times in the quote; lengthen it")
    offset = starts[0] + printed_as.index("[")
    if offset not in _number_at(quote, printed):
        return None, f"in the quote, {printed!r} at that place is part of a longer number"
    return offset, None


def _provenance_problems(data_dir: Path, desc: dict, tables: dict[str, Table]) -> list[str]:
    sources_table = tables["sources"]
    sources = {row["source_id"]: row for _, row in sources_table.rows()}
    problems, used = [], set()
    for line, row in sources_table.rows():
        where = _where(data_dir, sources_table.path, line)
        if bool(row["article_id"]) == bool(row["url"]):
            problems.append(f"{where}: source {row['source_id']!r} needs exactly one of article_id "
                            "(a sentence of the page) or url (a context source)")
        if row["url"] and not is_web_url(row["url"]):
            problems.append(f"{where}, column 'url': value {shown(row['url'])}: only http:// and https:// addresses")
        if row["quote_lang"] == "ko" and not row["gloss_en"]:
            problems.append(f"{where}, column 'gloss_en': Korean quote {row['source_id']!r} needs an English gloss")
    for res in desc["resources"]:
        table = tables[res["name"]]
        if "source_id" not in table.header or res["name"] == "sources":
            continue
        claimed: dict[tuple[str, int], int] = {}
        label = res.get("x-quote-label")
        for line, row in table.rows():
            sid = row["source_id"]
            used.add(sid)
            if sid not in sources:
                continue  # the foreign-key check reports it
            quote = sources[sid]["quote"]
            for column in res.get("x-quoted-values", []):
                printed = row[column]
                where = _where(data_dir, res["path"], line, column)
                if not printed:
                    if row["printed_as"]:
                        problems.append(f"{where}: empty, but printed_as says {row['printed_as']!r}")
                    continue
                offset, why = bind(row["printed_as"], printed, quote)
                if why:
                    owner = next((other for other, o in _owners(table, sources, printed) if other != line), None)
                    hint = f" (line {owner} of {res['path']} binds {printed!r} in this quote)" if owner else ""
                    problems.append(f"{where}: value {shown(printed)} is not bound to its source quote {sid!r}: "
                                    f"{why}{hint}. Quote: \"{quote}\"")
                    continue
                if (sid, offset) in claimed:
                    problems.append(f"{where}: value {printed!r} is the number already bound by line "
                                    f"{claimed[sid, offset]} of {res['path']} (same place in quote {sid!r})")
                claimed[sid, offset] = line
                if label and row[label] not in row["printed_as"].replace("[", "").replace("]", ""):
                    problems.append(f"{_where(data_dir, res['path'], line, label)}: {row[label]!r} is not printed "
                                    f"next to its value: printed_as is {row['printed_as']!r}")
    for line, row in sources_table.rows():
        if row["source_id"] not in used:
            problems.append(f"{_where(data_dir, sources_table.path, line, 'source_id')}: "
                            f"source {row['source_id']!r} is not used by any dataset")
    return problems


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _label_problems(data_dir: Path, desc: dict, tables: dict[str, Table]) -> list[str]:
    """Every number in a label a chart shows (a year, a size band) must be printed in the row's evidence: its
    source's quote, gloss, note or date, or a row it references (a survey's population, say)."""
    by_name = {r["name"]: r for r in desc["resources"]}
    sources = {row["source_id"]: row for _, row in tables["sources"].rows()}
    problems = []
    for res in desc["resources"]:
        columns = res.get("x-labels-in-evidence", [])
        if not columns:
            continue
        references = [(fk["fields"][0], fk["reference"]) for fk in res["schema"].get("foreignKeys", [])
                      if fk["reference"]["resource"] != "sources" and len(fk["fields"]) == 1]
        lookups = {field: {row[ref["fields"][0]]: row for _, row in tables[ref["resource"]].rows()}
                   for field, ref in references if ref["resource"] in by_name}
        for line, row in tables[res["name"]].rows():
            source = sources.get(row.get("source_id"), {})
            evidence = [source.get(k, "") for k in ("quote", "gloss_en", "note", "published")]
            for field, table in lookups.items():
                evidence += list(table.get(row[field], {}).values())
            found = set(_NUMBER.findall(_THOUSANDS.sub("", " ".join(e for e in evidence if e))))
            for column in columns:
                missing = [n for n in _NUMBER.findall(row[column]) if n not in found]
                if missing:
                    problems.append(f"{_where(data_dir, res['path'], line, column)}: label {shown(row[column])} shows "
                                    f"{', '.join(missing)}, which is not printed in its source "
                                    f"{row.get('source_id')!r} (quote, gloss, note, date) or in a row it references")
    return problems


def _owners(table: Table, sources: dict, printed: str):
    """Rows of the table whose printed_as brackets ``printed``: who a misplaced value belongs to."""
    for line, row in table.rows():
        if _BRACKETED.findall(row.get("printed_as", "")) == [printed] and row.get("source_id") in sources:
            yield line, row


# --- the whole package ---

@dataclass
class Checked:
    descriptor: dict
    tables: dict[str, Table]


def _check(data_dir: Path) -> Checked:
    desc = descriptor.load(data_dir)
    found = _folder_problems(data_dir, desc)
    if found:
        raise DataValidationError(found)
    tables, found = {}, []
    for res in desc["resources"]:
        table, problems = _read_table(data_dir, res)
        found += problems
        if table:
            tables[res["name"]] = table
    if found:
        raise DataValidationError(found)  # the schema check would only repeat these, less precisely
    found = (_schema_problems(data_dir, desc, tables) or _provenance_problems(data_dir, desc, tables)
             + _label_problems(data_dir, desc, tables))
    if found:
        raise DataValidationError(found)
    return Checked(desc, tables)


def problems(data_dir: Path = DATA_DIR) -> list[str]:
    """Everything wrong with the data package, as messages naming file, line and column."""
    try:
        _check(Path(data_dir))
    except DataValidationError as err:
        return err.problems
    return []


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in Path(data_dir).rglob("*")
                        if not p.is_symlink()))


@functools.cache
def _validated(data_dir: Path, _fingerprint: tuple) -> Checked:
    return _check(data_dir)


def _checked(data_dir: Path) -> Checked:
    data_dir = Path(data_dir).resolve()
    return _validated(data_dir, _fingerprint(data_dir))


def validate(data_dir: Path = DATA_DIR) -> dict:
    """Raise DataValidationError unless the whole package is valid; return its descriptor."""
    return _checked(data_dir).descriptor


_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}


def load(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A validated, typed table. Quoted value columns keep their printed text in ``<column>_printed``."""
    checked = _checked(data_dir)
    resources = {r["name"]: r for r in checked.descriptor["resources"]}
    if name not in resources:
        raise KeyError(f"no dataset {name!r} in {Path(data_dir).name}/{descriptor.NAME}; "
                       f"known: {', '.join(sorted(resources))}")
    res, table = resources[name], checked.tables[name]
    deps.record(Path(data_dir) / descriptor.NAME, Path(data_dir) / res["path"])
    schema = Schema.from_descriptor(res["schema"])
    columns = {}
    for i, column in enumerate(table.header):
        field = schema.get_field(column)
        raw = [cells[i] for _, cells in table.records]
        # The validator's own parser: a cell means here what it meant when it was checked.
        typed = [None if cell == "" else field.read_cell(cell)[0] for cell in raw]
        kind = field.type
        if kind in _DTYPES:  # pandas converts the parser's Decimals to floats
            columns[column] = pd.array(typed, dtype=_DTYPES[kind])
        else:
            columns[column] = pd.array([None if v is None else str(cell) for v, cell in zip(typed, raw, strict=True)],
                                       dtype=object)
        if column in res.get("x-quoted-values", []):
            columns[f"{column}_printed"] = pd.array([cell or None for cell in raw], dtype=object)
    return pd.DataFrame(columns)
