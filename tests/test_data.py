"""The data package: valid, every value tied to its quote, and every bad input named precisely."""

import csv

import pytest

from axbook import data
from axbook.errors import DataValidationError


def test_package_is_valid_and_every_source_is_used():
    assert data.problems() == []


def test_every_quoted_value_is_in_its_quote():
    desc = data.descriptor()
    sources = data.load("sources").set_index("source_id")["quote"]
    checked = 0
    for res in desc["resources"]:
        for column in res.get("x-quoted-values", []):
            frame = data.load(res["name"])
            for printed, sid in zip(frame[f"{column}_printed"], frame["source_id"], strict=True):
                if isinstance(printed, str) and printed:
                    assert data.value_in_quote(printed, sources[sid]), (res["name"], printed, sid)
                    checked += 1
    assert checked >= 128  # the page's numbers and dates plus the context figures, at this version


def _pieces_in_order(quote: str, text: str) -> int:
    """How many verbatim pieces the quote splits into, in order, within text (whitespace ignored)."""
    q, t = "".join(quote.split()), "".join(text.split())
    pieces, start = 0, 0
    while q:
        size = len(q)
        while size and t.find(q[:size], start) < 0:
            size -= 1
        assert size >= 4, f"no verbatim match for {q[:30]!r}"
        start = t.find(q[:size], start) + size
        q, pieces = q[size:], pieces + 1
    return pieces


def test_every_page_source_quotes_the_seed_verbatim(seed_text):
    for r in data.load("sources").query("article_id.notna()").itertuples():
        joined = isinstance(r.note, str) and "joined" in r.note
        # A sentence broken by a photo caption or column break may come in two pieces, and says so.
        assert _pieces_in_order(r.quote, seed_text) <= (2 if joined else 1), r.source_id


@pytest.mark.parametrize(("value", "quote", "expected"), [
    ("2.5", "제조업 AI 활용률 2.5% 그쳐", True),
    ("2.5", "12.5%", False),
    ("1", "1.5%", False),
    ("1720", "could reach 1,720 TWh", True),
    ("9.0", "9.0%p로", True),
    ("9", "9.0%p로", False),
])
def test_value_in_quote_matches_whole_numbers_only(value, quote, expected):
    assert data.value_in_quote(value, quote) is expected


def test_loader_types_columns():
    rates = data.load("ai_use_rate")
    assert str(rates["year"].dtype) == "Int64"
    assert rates["value"].dtype == "float64"
    assert rates["value_printed"].tolist()[:3] == ["1.0", "13.5", "0.25"]
    assert data.load("sources")["primary"].dtype == "boolean"


def test_unknown_dataset_names_the_known_ones():
    with pytest.raises(KeyError, match="no dataset 'ai_use'.*known: .*ai_use_rate"):
        data.load("ai_use")


def _edit(path, line, column, value):
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _problems(data_dir):
    with pytest.raises(DataValidationError) as info:
        data.validate(data_dir)
    return str(info.value)


BAD_CELLS = [
    # file, line, column, bad value, words the message must contain
    ("ai_use_rate.csv", 2, "value", "150", ['column \'value\'', "'150'", 'maximum']),
    ("ai_use_rate.csv", 3, "value", "-1", ["'-1'", "minimum"]),
    ("ai_use_rate.csv", 4, "value", "abc", ["'abc'", "type"]),
    ("ai_use_rate.csv", 5, "year", "2030", ["column 'year'", "'2030'", "maximum"]),
    ("ai_use_rate.csv", 6, "dimension", "sector", ["'sector'", "enum"]),
    ("ai_use_rate.csv", 7, "source_id", "ai-nowhere", ["column 'source_id'", "'ai-nowhere'", "not found"]),
    ("ai_use_rate.csv", 8, "group_ko", "", ["column 'group_ko'", "constraint"]),
    ("ai_use_rate.csv", 2, "value", "1.5", ["value '1.5' does not appear as printed", "'ai-size'"]),
    ("claims.csv", 2, "value", "12", ["claims.csv, line 2", "value '12' does not appear"]),
    ("power_deal_figures.csv", 2, "value", "70", ["power_deal_figures.csv, line 2", "'70'"]),
    ("sources.csv", 2, "primary", "maybe", ["sources.csv, line 2", "column 'primary'", "'maybe'"]),
    ("sources.csv", 3, "article_id", "no-such-article", ["sources.csv, line 3", "'no-such-article'", "not found"]),
    ("context_indicators.csv", 2, "survey_id", "made-up", ["context_indicators.csv, line 2", "'made-up'"]),
    ("page_dates.csv", 2, "day", "32", ["page_dates.csv, line 2", "column 'day'", "'32'"]),
    ("articles.csv", 2, "edition_month", "May 2026", ["articles.csv, line 2", "column 'edition_month'"]),
]


@pytest.mark.parametrize(("name", "line", "column", "value", "expected"), BAD_CELLS,
                         ids=[f"{c[0]}:{c[2]}={c[3]!r}" for c in BAD_CELLS])
def test_bad_cell_is_named_precisely(data_copy, name, line, column, value, expected):
    _edit(data_copy / name, line, column, value)
    message = _problems(data_copy)
    assert f"data/{name}, line {line} (data row {line - 1})" in message
    for words in expected:
        assert words in message


def test_duplicate_key(data_copy):
    path = data_copy / "ai_use_rate.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    message = _problems(data_copy)
    assert f"data/ai_use_rate.csv, line {len(lines) + 1}" in message
    assert "primarykey error: the same as in the row at position 2" in message


def test_malformed_csv_extra_cell(data_copy):
    path = data_copy / "smart_manufacturing.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    message = _problems(data_copy)
    assert "data/smart_manufacturing.csv, line 3" in message and "extra cell" in message


def test_wrong_encoding(data_copy):
    path = data_copy / "ai_use_rate.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp949"))
    message = _problems(data_copy)
    assert "data/ai_use_rate.csv, line 2" in message and "not valid UTF-8" in message


def test_unused_source(data_copy):
    path = data_copy / "sources.csv"
    with path.open("a", encoding="utf-8") as f:
        f.write('orphan,ai-gap,,,,ko,문장 1개,one sentence,true,\n')
    assert "source 'orphan' is not used by any dataset" in _problems(data_copy)


def test_source_needs_article_or_url(data_copy):
    _edit(data_copy / "sources.csv", 2, "url", "https://example.org/x")
    message = _problems(data_copy)
    assert "data/sources.csv, line 2" in message and "exactly one of article_id" in message


def test_missing_column(data_copy):
    path = data_copy / "claims.csv"
    rows = [line.rsplit(",", 1)[0] for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    message = _problems(data_copy)
    assert "data/claims.csv" in message and "source_id" in message
