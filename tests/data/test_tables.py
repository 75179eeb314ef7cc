"""The data package: valid, every value bound to its place in its quote, and every bad input named precisely.

Data is untrusted input. Each bad-input case below edits a throwaway copy of data/, runs the validator
the build runs (`python -m axbook.data.validate DIR`, here in-process), and asserts: exit code 1, the file
named, and the line and column where there is one. Cases that once slipped through are marked (#10).
"""

import csv
import os
import subprocess
import sys

import pytest

from axbook.data import tables, validate
from axbook.paths import DATA_DIR, ROOT


def test_package_is_valid_and_every_source_is_used():
    assert tables.problems() == []


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
    for r in tables.load("sources").query("article_id.notna()").itertuples():
        joined = isinstance(r.note, str) and "joined" in r.note
        # A sentence broken by a photo caption or column break may come in two pieces, and says so.
        assert _pieces_in_order(r.quote, seed_text) <= (2 if joined else 1), r.source_id


@pytest.mark.parametrize(("value", "quote", "expected"), [
    ("2.5", "제조업 AI 활용률 2.5% 그쳐", True),
    ("2.5", "12.5%", False),
    ("5", "2.5%", False),          # a bare number after a decimal point is part of another number
    ("1", "1.5%", False),
    ("1", "0.1%", False),
    ("15", "1,500", False),
    ("1720", "could reach 1,720 TWh", True),
    ("9.0", "9.0%p로", True),
    ("9", "9.0%p로", False),
    ("3", "3단계", True),
    ("25", "총 25인의", True),
])
def test_value_in_quote_matches_whole_numbers_only(value, quote, expected):
    assert tables.value_in_quote(value, quote) is expected


@pytest.mark.parametrize(("printed_as", "printed", "quote", "why"), [
    ("대기업이 1.0%에서 [13.5]%로", "13.5", "대기업이 1.0%에서 13.5%로 늘었다", None),
    ("대기업이 1.0%에서 [13.5]%로", "4.5", "대기업이 1.0%에서 13.5%로 늘었다", "brackets '13.5', but the value is '4.5'"),
    ("대기업이 [1.0]%에서 [13.5]", "13.5", "대기업이 1.0%에서 13.5", "exactly one pair"),
    ("중소기업은 [4.5]%", "4.5", "대기업이 4.5%", "is not in the quote"),
    ("[5]%", "5", "5% 그리고 5%", "occurs 2 times"),
    ("2.[5]%", "5", "2.5%", "part of a longer number"),
    ("[[13.5]%로", "13.5", "대기업이 13.5%로", "printed_as must mark the value with exactly one pair of [brackets]"),
    ("[13.5]]%로", "13.5", "대기업이 13.5%로", "printed_as must mark the value with exactly one pair of [brackets]"),
])
def test_bind_ties_a_value_to_one_place(printed_as, printed, quote, why):
    offset, reason = tables.bind(printed_as, printed, quote)
    if why is None:
        assert reason is None and quote[offset:offset + len(printed)] == printed
    else:
        assert offset is None and why in reason


def test_loader_types_columns_with_the_validators_parser():
    rates = tables.load("ai_use_rate")
    assert str(rates["year"].dtype) == "Int64"
    assert rates["value"].dtype == "float64"
    assert rates["value"].tolist()[:3] == [1.0, 13.5, 0.25]
    assert rates["value_printed"].tolist()[:3] == ["1.0", "13.5", "0.25"]
    primary = tables.load("sources")["primary"]
    assert primary.dtype == "boolean" and primary.notna().all()


def test_unknown_dataset_names_the_known_ones():
    known = ", ".join(sorted(r["name"] for r in tables.validate()["resources"]))
    with pytest.raises(KeyError) as refused:
        tables.load("ai_use")
    assert refused.value.args[0] == f"no dataset 'ai_use' in data/datapackage.yaml; known: {known}"


def test_loaded_text_columns_hold_strings_and_empty_cells_as_missing():
    sources = tables.load("sources")
    assert sources["quote"].map(type).eq(str).all()
    assert sources["url"].isna().any() and not sources["url"].eq("").any()  # empty cells are missing, not ""
    assert tables.load("kibo_eligibility")["value_printed"].isna().any()


def test_loading_a_table_records_the_files_it_read_for_the_page_that_reads_it(tmp_path, monkeypatch):
    from axbook.data import deps

    log = tmp_path / "read.log"
    monkeypatch.setenv(deps.ENV, str(log))
    tables.load("kibo_steps")
    assert deps.read_log(log) == {(DATA_DIR / "datapackage.yaml").resolve(), (DATA_DIR / "kibo_steps.csv").resolve()}


def test_a_cell_is_shown_quoted_with_anything_unprintable_escaped():
    assert tables.shown("") == tables.shown(None) == "an empty cell"
    assert tables.shown("a\x07b\u200bc") == "'a\\u0007b\\u200bc'"  # a control character, a zero-width space
    assert tables.shown(13.5) == "'13.5'"


# --- editing helpers (on the copy) ---

def _rows(path):
    return list(csv.reader(path.open(encoding="utf-8", newline="")))


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _set(name, line, column, value):
    def edit(d):
        rows = _rows(d / name)
        rows[line - 1][rows[0].index(column)] = value
        _write(d / name, rows)
    return edit


def _swap(name, a, b, column):
    def edit(d):
        rows = _rows(d / name)
        i = rows[0].index(column)
        rows[a - 1][i], rows[b - 1][i] = rows[b - 1][i], rows[a - 1][i]
        _write(d / name, rows)
    return edit


def _text(name, old, new):
    def edit(d):
        path = d / name
        content = path.read_text(encoding="utf-8")
        assert old in content, f"test setup: {old!r} not in {name}"
        path.write_text(content.replace(old, new, 1), encoding="utf-8")
    return edit


def _lines(name, keep):
    def edit(d):
        lines = (d / name).read_text(encoding="utf-8").splitlines(keepends=True)
        (d / name).write_text("".join(keep(lines)), encoding="utf-8")
    return edit


def _bytes(name, transform):
    def edit(d):
        (d / name).write_bytes(transform((d / name).read_bytes()))
    return edit


def _do(*edits):
    def edit(d):
        for e in edits:
            e(d)
    return edit


def _symlink(d):
    (d / "extra.csv").symlink_to("/etc/hostname")


def _unlisted(d):
    (d / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")


def _multiline_then_bad(d):
    rows = _rows(d / "policy_asks.csv")
    rows[1][rows[0].index("text_en")] = "first line\nsecond line"
    rows[2][rows[0].index("position")] = "x"
    _write(d / "policy_asks.csv", rows)


YAML = "datapackage.yaml"


def _line_of(name: str, text: str) -> int:
    """The line of data/<name> holding ``text``."""
    return next(i for i, line in enumerate((DATA_DIR / name).read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _next_line(name: str) -> int:
    """The line a row appended to data/<name> lands on."""
    return len((DATA_DIR / name).read_text(encoding="utf-8").splitlines()) + 1


NFD_JUNG = "\u110c\u116e\u11bc"  # 중 decomposed into its jamo
# (id, edit, file, line or None, column or None, words the message must contain)
CASES = [
    # types and constraints
    ("range-max", _set("ai_use_rate.csv", 2, "value", "150"), "ai_use_rate.csv", 2, "value", ["'150'", "maximum"]),
    ("range-min", _set("ai_use_rate.csv", 3, "value", "-1"), "ai_use_rate.csv", 3, "value", ["'-1'", "minimum"]),
    ("type-number", _set("ai_use_rate.csv", 4, "value", "abc"), "ai_use_rate.csv", 4, "value", ["'abc'", "number"]),
    ("year-max", _set("ai_use_rate.csv", 5, "year", "2030"), "ai_use_rate.csv", 5, "year", ["'2030'", "maximum"]),
    ("enum-dimension", _set("ai_use_rate.csv", 6, "dimension", "sector"), "ai_use_rate.csv", 6, "dimension",
     ["'sector'", "enum"]),
    ("enum-label", _set("ai_use_rate.csv", 7, "group", "Manufacturing firms"), "ai_use_rate.csv", 7, "group",
     ["'Manufacturing firms'", "enum"]),
    ("fk-source", _set("ai_use_rate.csv", 7, "source_id", "ai-nowhere"), "ai_use_rate.csv", 7, "source_id",
     ["data/ai_use_rate.csv, line 7, column 'source_id': value 'ai-nowhere': foreignkey error: for \"source_id\": "
      "values \"ai-nowhere\" not found in the lookup table \"sources\" as \"source_id\"\n"]),
    ("required-empty", _set("ai_use_rate.csv", 8, "population_as_printed", ""), "ai_use_rate.csv", 8,
     "population_as_printed", ["an empty cell", "constraint"]),
    ("boolean-word", _set("sources.csv", 2, "primary", "maybe"), "sources.csv", 2, "primary", ["'maybe'"]),
    ("fk-article", _set("sources.csv", 3, "article_id", "no-such-article"), "sources.csv", 3, "article_id",
     ["'no-such-article'", "not found"]),
    ("fk-survey", _set("context_indicators.csv", 2, "survey_id", "made-up"), "context_indicators.csv", 2, "survey_id",
     ["'made-up'"]),
    ("day-max", _set("page_dates.csv", 2, "day", "32"), "page_dates.csv", 2, "day", ["'32'", "maximum"]),
    ("yearmonth", _set("articles.csv", 2, "edition_month", "May 2026"), "articles.csv", 2, "edition_month", ["type"]),
    ("id-pattern", _set("claims.csv", 2, "claim_id", "Size Gap!"), "claims.csv", 2, "claim_id", ["pattern"]),
    ("duplicate-key", _lines("context_indicators.csv", lambda ls: ls + [ls[1]]), "context_indicators.csv",
     _next_line("context_indicators.csv"), None,
     [f"data/context_indicators.csv, line {_next_line('context_indicators.csv')}, columns 'survey_id', 'indicator', "
      "'group', 'year': value 'kostat-bas, ai_use, Large (300+), 2021': primarykey error: the same as in line 2\n"]),
    ("duplicate-key-after-a-multiline-cell", _do(_set("policy_asks.csv", 2, "text_en", "first line\nsecond line"),
                                                _set("policy_asks.csv", 4, "proposal_id", "diffusion-2")),
     "policy_asks.csv", 5, "proposal_id",  # rows 3 and 4 start on the file's lines 4 and 5
     ["data/policy_asks.csv, line 5, column 'proposal_id': value 'diffusion-2': primarykey error: the same as in "
      "line 4\n"]),
    ("extra-cell", _lines("smart_manufacturing.csv", lambda ls: ls[:2] + [ls[2].rstrip("\n") + ",surplus\n"] + ls[3:]),
     "smart_manufacturing.csv", 3, None, ["9 cells, the header has 8"]),
    # encodings and invisible text (#10)
    ("cp949", _bytes("ai_use_rate.csv", lambda b: b.decode("utf-8").encode("cp949")), "ai_use_rate.csv", 2, None,
     ["not valid UTF-8"]),
    ("bom", _bytes("sources.csv", lambda b: b"\xef\xbb\xbf" + b), "sources.csv", 1, None, ["byte-order mark"]),
    ("zero-width-label", _set("ai_use_rate.csv", 8, "group", "Manufacturing\u200b"), "ai_use_rate.csv", 8, "group",
     ["\\u200b", "invisible"]),
    ("zero-width-quote", _set("sources.csv", 4, "quote", "격차\u200b 11배"), "sources.csv", 4, "quote", ["\\u200b"]),
    ("nfd-quote", _text("sources.csv", "중소기업중앙회가 18일", "중소기업중앙회가 18일".replace("중", NFD_JUNG)),
     "sources.csv", None, "quote",
     ["value '이같은 내용은", "is not in Unicode NFC form (decomposed Hangul?); re-save it composed"]),
    ("padded", _set("ai_use_rate.csv", 3, "value", " 13.5"), "ai_use_rate.csv", 3, "value", ["' 13.5'", "padding"]),
    ("nbsp", _set("ai_use_rate.csv", 3, "group_ko", "대기업\u00a0"), "ai_use_rate.csv", 3, "group_ko", ["\\u00a0"]),
    # by Unicode category, each named (#30): tag characters, a variation selector, the combining grapheme joiner, an
    # Arabic letter mark, a right-to-left override, an ideographic space, a Cyrillic letter that looks Latin
    ("tag-characters", _set("articles.csv", 2, "headline_en", "SMEs\U000e0041\U000e0049 gap"), "articles.csv", 2,
     "headline_en", ["\\ue0041 (tag latin capital letter a)", "\\ue0049 (tag latin capital letter i)"]),
    ("variation-selector", _set("ai_use_rate.csv", 8, "group", "Manufacturing\ufe0f"), "ai_use_rate.csv", 8, "group",
     ["\\ufe0f (variation selector-16)"]),
    ("grapheme-joiner", _set("ai_use_rate.csv", 8, "group_ko", "제조\u034f업"), "ai_use_rate.csv", 8, "group_ko",
     ["\\u034f (combining grapheme joiner)"]),
    ("arabic-letter-mark", _set("sources.csv", 4, "quote", "격차\u061c 11배"), "sources.csv", 4, "quote",
     ["\\u061c (arabic letter mark)"]),
    ("bidi-override", _set("articles.csv", 2, "headline_en", "gap \u202e11"), "articles.csv", 2, "headline_en",
     ["\\u202e (right-to-left override)"]),
    ("ideographic-space", _set("ai_use_rate.csv", 8, "group_ko", "제조\u3000업"), "ai_use_rate.csv", 8, "group_ko",
     ["\\u3000 (ideographic space)"]),
    ("huge-cell", _set("kibo_steps.csv", 2, "action_ko", "단계 " * 20_000), "kibo_steps.csv", 2, "action_ko",
     ["a value of 60,000 characters, over the 2,000 a cell may hold"]),
    ("cyrillic-look-alike", _set("ai_use_rate.csv", 8, "group", "M\u0430nufacturing"), "ai_use_rate.csv", 8, "group",
     ["\\u0430 (cyrillic small letter a)"]),
    ("fullwidth-digits", _set("page_dates.csv", 2, "day", "１８"), "page_dates.csv", 2, "day", ["ASCII digits"]),
    ("arabic-indic-digits", _set("page_dates.csv", 3, "day", "١٨"), "page_dates.csv", 3, "day", ["ASCII digits"]),
    ("plus-sign", _set("ai_use_rate.csv", 5, "year", "+2023"), "ai_use_rate.csv", 5, "year", ["'+2023'", "ASCII"]),
    ("word-for-a-year", _set("ai_use_rate.csv", 2, "year", "lots"), "ai_use_rate.csv", 2, "year",
     ["value 'lots' is not an integer written in plain ASCII digits"]),
    ("underscore-digits", _set("ai_use_rate.csv", 5, "year", "2_023"), "ai_use_rate.csv", 5, "year", ["'2_023'"]),
    ("boolean-1", _set("sources.csv", 2, "primary", "1"), "sources.csv", 2, "primary",
     ["value '1' is not a boolean written in true or false"]),
    ("word-for-a-number", _set("ai_use_rate.csv", 3, "value", "lots"), "ai_use_rate.csv", 3, "value",
     ["value 'lots' is not a number written in plain ASCII digits"]),
    ("boolean-TRUE", _set("sources.csv", 2, "primary", "TRUE"), "sources.csv", 2, "primary", ["true or false"]),
    # text a spreadsheet would run (the CSVs are published as downloads)
    ("formula-label", _set("ai_use_rate.csv", 8, "group_ko", '=HYPERLINK("https://x.example")'), "ai_use_rate.csv", 8,
     "group_ko", ["""value '=HYPERLINK("https://x.example")' starts with '=', which a spreadsheet opening the """
                  "published CSV would run as a formula; reword it"]),
    ("formula-plus", _set("sources.csv", 2, "note", "+cmd|' /C calc'!A0"), "sources.csv", 2, "note", ["'+'", "formula"]),
    ("formula-minus", _set("sources.csv", 3, "gloss_en", "-2+3"), "sources.csv", 3, "gloss_en", ["'-'", "formula"]),
    ("formula-at", _set("policy_asks.csv", 2, "text_en", "@SUM(1)"), "policy_asks.csv", 2, "text_en", ["'@'", "formula"]),
    ("schema-error-after-a-multiline-cell", _do(_set("policy_asks.csv", 2, "text_en", "first line\nsecond line"),
                                                 _set("policy_asks.csv", 8, "position", "0")),
     "policy_asks.csv", 9, "position", ["value '0'", "minimum"]),  # the file's line 9, frictionless's row 8
    ("label-number-only-in-a-url", _set("context_indicators.csv", 2, "group", "Large (300+) 20240325101637982"),
     "context_indicators.csv", 2, "group",
     ["label 'Large (300+) 20240325101637982' shows 20240325101637982, which is not printed in its source "
      "'ctx-kostat-2021-size' (quote, gloss, note, date) or in a row it references"]),
    ("label-numbers-not-printed", _set("context_indicators.csv", 2, "group", "Large 2031 2032"),
     "context_indicators.csv", 2, "group", ["shows 2031, 2032, which is not printed"]),
    ("empty-value-printed-as-kept", _set("kibo_eligibility.csv", 3, "value", ""), "kibo_eligibility.csv", 3, "value",
     ["data/kibo_eligibility.csv, line 3, column 'value': empty, but printed_as says '변제계획을 [1]회'"]),
    ("multiline-line-numbers", _multiline_then_bad, "policy_asks.csv", 4, "position", ["'x'"]),
    # header
    ("header-typo", _text("claims.csv", ",source_id\n", ",sourc_id\n"), "claims.csv", 1, None,
     ["'sourc_id'", "expects 'source_id'"]),
    ("missing-column", _lines("claims.csv", lambda ls: [line.rsplit(",", 1)[0] + "\n" for line in ls]), "claims.csv", 1,
     None, ["missing: 'source_id'"]),
    # row counts (#10: an emptied table was accepted, or blamed on sources.csv)
    ("emptied-claims", _lines("claims.csv", lambda ls: ls[:1]), "claims.csv", None, None, ["0 data rows", "exactly 13"]),
    ("emptied-sources", _lines("sources.csv", lambda ls: ls[:1]), "sources.csv", None, None, ["0 data rows", "at least"]),
    ("emptied-context", _lines("context_indicators.csv", lambda ls: ls[:1]), "context_indicators.csv", None, None,
     ["0 data rows"]),
    ("row-dropped", _lines("page_dates.csv", lambda ls: ls[:-1]), "page_dates.csv", None, None,
     ["data rows; datapackage.yaml says exactly"]),
    ("no-header", _lines("kibo_steps.csv", lambda ls: []), "kibo_steps.csv", None, None, ["empty file"]),
    # provenance (#10: a swapped number was published)
    ("swap-2023-values", _swap("ai_use_rate.csv", 3, 5, "value"), "ai_use_rate.csv", 3, "value",
     ["'4.5' is not bound", "line 5 of ai_use_rate.csv binds '4.5'"]),
    ("moved-with-fragment", _do(_set("ai_use_rate.csv", 5, "value", "13.5"),
                                _set("ai_use_rate.csv", 5, "printed_as", "대기업이 1.0%에서 [13.5]%로")),
     "ai_use_rate.csv", 5, "value", ["already bound by line 3"]),
    ("label-not-next-to-value", _set("ai_use_rate.csv", 5, "group_ko", "대기업"), "ai_use_rate.csv", 5, "group_ko",
     ["not printed next to its value"]),
    ("value-not-in-quote", _set("ai_use_rate.csv", 2, "value", "1.5"), "ai_use_rate.csv", 2, "value", ["not bound"]),
    ("fragment-not-in-quote", _set("claims.csv", 2, "printed_as", "격차 [11]배나"), "claims.csv", 2, "value",
     ["is not in the quote"]),
    ("two-brackets", _set("claims.csv", 3, "printed_as", "[9.0]%p로 [11]배가량"), "claims.csv", 3, "value",
     ["'ai-size-gap': printed_as must mark the value with exactly one pair of [brackets] (line 2 of claims.csv binds"]),
    ("unused-source", lambda d: (d / "sources.csv").open("a", encoding="utf-8").write(
        "orphan,ai-gap,,,,ko,문장 하나,one sentence,true,,\n"), "sources.csv", _next_line("sources.csv"), "source_id",
     ["'orphan' is not used"]),
    ("article-and-url", _set("sources.csv", 2, "url", "https://example.org/x"), "sources.csv", 2, None,
     ["needs exactly one of article_id (a sentence of the page) or url (a context source)"]),
    ("url-not-web", _set("sources.csv", 53, "url", "javascript:alert(1)"), "sources.csv", 53, "url",
     ["value 'javascript:alert(1)': only http:// and https:// addresses"]),
    ("neither-article-nor-url", _set("sources.csv", 2, "article_id", ""), "sources.csv", 2, None,
     ["exactly one of article_id"]),
    ("korean-without-gloss", _set("sources.csv", 2, "gloss_en", ""), "sources.csv", 2, "gloss_en",
     ["needs an English gloss"]),
    ("javascript-url", _set("sources.csv", 54, "url", "javascript:alert(document.domain)"), "sources.csv", 54,
     "url", ["only http:// and https://"]),
    # a link has a host (#30): no empty host, no path-only or user-only address
    ("url-without-host", _set("sources.csv", 54, "url", "https:///etc/passwd"), "sources.csv", 54, "url",
     ["value 'https:///etc/passwd': only http:// and https:// addresses"]),
    ("url-host-is-markup", _set("sources.csv", 54, "url", "https://[x](javascript:alert(1))"), "sources.csv", 54,
     "url", ["only http:// and https://"]),
    # labels a chart shows from another survey must be printed in their evidence (#9)
    ("label-band-not-in-quote", _set("context_indicators.csv", 2, "group", "Large (250+)"), "context_indicators.csv", 2,
     "group", ["label 'Large (250+)' shows 250, which is not printed in its source 'ctx-kostat-2021-size'"]),
    ("label-year-not-printed", _set("context_indicators.csv", _line_of("context_indicators.csv", "ctx-kbiz-2024"), "year",
                                    "2023"), "context_indicators.csv", _line_of("context_indicators.csv", "ctx-kbiz-2024"),
     "year", ["label '2023' shows 2023, which is not printed"]),
    # the folder (#10)
    ("symlink", _symlink, "extra.csv", None, None, ["a symlink"]),
    ("unlisted-csv", _unlisted, "notes.csv", None, None, ["not listed in datapackage.yaml"]),
    ("listed-csv-missing", lambda d: (d / "kvmcc_paths.csv").unlink(), "kvmcc_paths.csv", None, None,
     ["listed as resource 'kvmcc_paths'", "missing"]),
    # the descriptor (#10: tracebacks before)
    ("descriptor-missing", lambda d: (d / YAML).unlink(), YAML, None, None, ["missing"]),
    ("descriptor-empty", lambda d: (d / YAML).write_text("", encoding="utf-8"), YAML, None, None, ["empty"]),
    ("descriptor-yaml-syntax", _text(YAML, "resources:\n", "resources: [\n"), YAML, None, None,
     ["not valid YAML", "line "]),
    ("descriptor-unsafe-path", _text(YAML, "path: articles.csv", "path: ../../etc/passwd"), YAML, 20, None,
     ["'../../etc/passwd' does not match"]),
    ("descriptor-url-path", _text(YAML, "path: articles.csv", "path: https://example.org/a.csv"), YAML, 20, None,
     ["does not match"]),
    ("descriptor-type-typo", _text(YAML, "{name: value, type: number, description: \"AI use rate\"",
                                   "{name: value, type: numbr, description: \"AI use rate\""), YAML, None, None,
     ["'numbr' is not one of"]),
    ("descriptor-constraint-typo", _text(YAML, "minimum: 1, maximum: 31", "minimum: 1, maximun: 31"), YAML, None, None,
     ["'maximun' was unexpected"]),
    ("descriptor-x-key-typo", _text(YAML, "    x-quoted-values: [day]", "    x-quoted-value: [day]"), YAML, None,
     None, ["'x-quoted-value' was unexpected"]),
    ("descriptor-unknown-field", _text(YAML, "x-quote-label: group_ko", "x-quote-label: group_kr"), YAML, None, None,
     ["names a field 'group_kr'"]),
    ("descriptor-package-name", _text(YAML, "name: metro-seoul-ax-page", "name: Metro Seoul!"), YAML,
     _line_of(YAML, "name: metro-seoul-ax-page"), None, ["at name: 'Metro Seoul!' does not match"]),
    ("descriptor-package-name-dots", _text(YAML, "name: metro-seoul-ax-page", "name: ../../etc"), YAML,
     _line_of(YAML, "name: metro-seoul-ax-page"), None, ["at name: '../../etc' does not match"]),
    ("descriptor-licence-script", _text(YAML, "path: https://creativecommons.org/licenses/by/4.0/",
                                        "path: javascript:alert(1)"), YAML,
     _line_of(YAML, "path: https://creativecommons.org/licenses/by/4.0/"), None,
     ["at licenses[0].path: 'javascript:alert(1)' does not match"]),
    ("descriptor-licence-no-host", _text(YAML, "path: https://creativecommons.org/licenses/by/4.0/", "path: https:///x"),
     YAML, _line_of(YAML, "path: https://creativecommons.org/licenses/by/4.0/"), None,
     ["at licenses[0].path: 'https:///x' does not match"]),
    # what frictionless itself refuses to read (a traceback before)
    ("descriptor-pattern-on-a-number", _text(YAML, "maximum: 31}}", "maximum: 31, pattern: '[0-9]+'}}"), YAML,
     _line_of(YAML, "{name: day, type: integer"), None,
     ["resource 'page_dates', field 'day': constraint \"pattern\" is not supported by type \"integer\"\n"]),
    ("descriptor-pattern-not-a-regex", _text(YAML, 'pattern: "[a-z0-9_-]+"', 'pattern: "[a-z0-9_-+"'), YAML,
     _line_of(YAML, 'pattern: "[a-z0-9_-]+"'), None,
     ["resource 'sources', field 'article_id': pattern '[a-z0-9_-+' is not a regular expression (bad character "
      "range _-+ at position 7)\n"]),
    ("descriptor-fk-to-no-resource", _text(YAML, "reference: {resource: sources,", "reference: {resource: source,"),
     YAML, None, None, ["foreign key ['source_id'] refers to resource 'source', which the descriptor does not list\n"]),
    ("descriptor-fk-to-no-field", _text(YAML, "fields: [source_id]}}", "fields: [source]}}"), YAML, None, None,
     ["foreign key ['source_id'] refers to ['source'], which resource 'sources' does not have\n"]),
    ("descriptor-fk-field-count", _text(YAML, "fields: [source_id]}}", "fields: [source_id, quote]}}"), YAML, None,
     None, ["foreign key ['source_id'] refers to ['source_id', 'quote']: not as many fields\n"]),
    ("descriptor-no-row-rule", _text(YAML, "    x-rows: 5\n", ""), YAML, None, None, ["'x-rows' is a required property"]),
]


@pytest.mark.parametrize(("edit", "name", "line", "column", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_named_precisely(data_copy, capsys, edit, name, line, column, words):
    edit(data_copy)
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    assert f"data/{name}" in message, message
    if line is not None:
        assert f"data/{name}, line {line}" in message, message
    if column is not None:
        assert f"column {column!r}" in message, message
    for word in words:
        assert word in message, message


def test_at_least_fifty_bad_inputs_are_covered():
    assert len(CASES) >= 50


@pytest.mark.parametrize("resource", [r for r in tables.descriptor.load(DATA_DIR)["resources"] if r.get("x-quoted-values")],
                         ids=lambda r: r["name"])
def test_every_quoted_dataset_binds_its_values(data_copy, capsys, resource):
    """Changing the first quoted value of any quoted dataset to a number not printed there is caught."""
    column = resource["x-quoted-values"][0]
    rows = _rows(data_copy / resource["path"])
    line = next(i for i, row in enumerate(rows[1:], start=2) if row[rows[0].index(column)])
    row = dict(zip(rows[0], rows[line - 1], strict=True))
    _set(resource["path"], line, column, "29")(data_copy)
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    sources = _rows(data_copy / "sources.csv")
    quote = next(s[sources[0].index("quote")] for s in sources[1:] if s[0] == row["source_id"])
    bracketed = row["printed_as"].split("[", 1)[1].split("]", 1)[0]
    # the whole problem, and no other line's binding named (no row binds '29')
    assert (f"data/{resource['path']}, line {line}, column {column!r}: value '29' is not bound to its source quote "
            f"{row['source_id']!r}: printed_as brackets {bracketed!r}, but the value is '29'. Quote: \"{quote}\"\n"
            ) in message, message


def test_validator_cli_fails_without_a_traceback(data_copy):
    (data_copy / YAML).write_text("resources: [\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "axbook.data.validate", str(data_copy)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and f"{data_copy.name}/{YAML}, line 2" in done.stderr


def test_a_label_may_cite_a_number_its_gloss_prints_with_a_thousands_separator(data_copy):
    """Labels' numbers are looked for in the gloss too, with "1,000" read as 1000 (and nothing else fails)."""
    gloss = ("AI adoption was 9.2% at firms with 300+ workers, more than three times the 2.9% of firms below 300 "
             "(1,000 firms asked).")
    _set("sources.csv", 53, "gloss_en", gloss)(data_copy)
    _set("context_indicators.csv", 2, "group", "Large (300+, 1000 asked)")(data_copy)
    assert tables.problems(data_copy) == []
    _set("context_indicators.csv", 2, "group", "Large (300+, 1001 asked)")(data_copy)
    assert [p for p in tables.problems(data_copy) if "shows 1001, which is not printed" in p]


def test_a_header_problem_names_the_column_number_the_missing_and_the_extra(data_copy, capsys):
    """Renamed last column and two more: each misnamed column by its number, then the count with both lists."""
    expected = _rows(data_copy / "claims.csv")[0]
    n = len(expected)
    _lines("claims.csv", lambda ls: [",".join([*expected[:-1], "src", "extra_a", "extra_b"]) + "\n", *ls[1:]])(
        data_copy)
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    assert f"data/claims.csv, line 1: header column {n} is 'src', the descriptor expects 'source_id'\n" in message
    assert "header column 1 " not in message  # the columns that match are not named
    assert (f"data/claims.csv, line 1: header has {n + 2} columns, the descriptor lists {n}; missing: 'source_id'; "
            f"not in the descriptor: 'src', 'extra_a', 'extra_b'\n") in message, message


def test_a_header_with_a_column_too_many_lists_only_the_extra(data_copy, capsys):
    expected = _rows(data_copy / "claims.csv")[0]
    _lines("claims.csv", lambda ls: [",".join([*expected, "note"]) + "\n", *ls[1:]])(data_copy)
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    assert (f"data/claims.csv, line 1: header has {len(expected) + 1} columns, the descriptor lists {len(expected)}; "
            f"not in the descriptor: 'note'\n") in message, message


def test_a_header_with_a_column_too_few_lists_only_the_missing(data_copy, capsys):
    expected = _rows(data_copy / "claims.csv")[0]
    _lines("claims.csv", lambda ls: [",".join(expected[:-1]) + "\n", *ls[1:]])(data_copy)
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    assert (f"data/claims.csv, line 1: header has {len(expected) - 1} columns, the descriptor lists {len(expected)}; "
            f"missing: 'source_id'\n") in message, message


def test_a_file_that_is_not_valid_csv_is_named_with_its_line(data_copy, capsys):
    """A quote in the middle of an unquoted cell is not CSV (the reader is strict): named at the line it breaks."""
    lines = (data_copy / "claims.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",", ',"broken"x,', 1)
    (data_copy / "claims.csv").write_text("".join(lines), encoding="utf-8")
    assert validate.main([str(data_copy)]) == 1
    message = capsys.readouterr().err
    assert "  - data/claims.csv, line 4: not valid CSV: " in message, message


def test_what_frictionless_refuses_after_the_descriptor_checks_is_named_not_raised(data_copy):
    """A second line of defence: a descriptor frictionless will not read is a message naming the descriptor."""
    checked = tables._check(data_copy)
    desc = {**checked.descriptor, "name": "Not A Package Name"}
    assert tables._schema_problems(data_copy, desc, checked.tables) == [
        f"{data_copy.name}/{YAML}: The data package has an error: 'Not A Package Name' does not match "
        "'^([-a-z0-9._/])+$' at property 'name'"]


def test_validation_in_one_process_sees_a_file_changed_since_the_last_check(data_copy):
    """Checks are cached per process by the files' names, times and sizes: an edit is seen at the next check."""
    tables.validate(data_copy)
    _set("ai_use_rate.csv", 2, "value", "29")(data_copy)
    with pytest.raises(tables.DataValidationError, match="value '29' is not bound"):
        tables.validate(data_copy)
