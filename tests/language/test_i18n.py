"""The editions' language switch, catalog and formats: one place, stated on the strings and values the book uses."""

from datetime import date

import pytest

from axbook.authoring import translations
from axbook.checks import claims
from axbook.language import amounts, dates, i18n


def test_every_string_the_package_marks_is_translated_and_the_catalog_is_current():
    assert translations.check() == []


def test_a_changed_english_string_turns_fuzzy_and_the_check_names_it(tmp_path):
    """Edit an English verdict in a copy of the package: its Korean entry is kept but marked fuzzy, reported by name."""
    import shutil

    package = tmp_path / "axbook"
    shutil.copytree(i18n.Path(i18n.__file__).parent.parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    source = package / "checks" / "claims.py"
    source.write_text(source.read_text(encoding="utf-8").replace('N_("does not hold")', 'N_("does not stand")'),
                      encoding="utf-8")
    catalog = translations.updated("ko", package)
    entry = catalog.get("does not stand")
    assert entry.fuzzy and entry.string == "계산과 불일치"  # the old translation, to be checked
    assert any(line.endswith("fuzzy (its English changed; check the translation): 'does not stand'")
               for line in translations.problems(catalog, "ko"))
    (package / "checks" / "new.py").write_text('from axbook.language.i18n import _\n_("A new sentence")\n')
    assert any(line.endswith("untranslated: 'A new sentence'")
               for line in translations.problems(translations.updated("ko", package), "ko"))


def test_korean_shows_the_catalog_and_refuses_a_string_it_lacks(korean):
    assert [i18n._(v) for v in claims.VERDICTS] == ["계산과 일치", "반올림하면 일치", "외부 보도와 일치",
                                                    "계산과 불일치", "외부 보도와 불일치", "확인 불가"]
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in i18n._(claims.RULES[v])) for v in claims.VERDICTS)
    with pytest.raises(i18n.Untranslated, match="no finished translation of 'Not in the catalog'"):
        i18n._("Not in the catalog")


def test_english_is_the_source_and_an_unknown_language_is_refused():
    assert i18n._("Not in the catalog") == "Not in the catalog"
    with pytest.raises(ValueError, match="'fr' is not one of the book's editions: en, ko"):
        i18n.use("fr")


@pytest.mark.parametrize(("amount", "en", "ko"), [
    (1050e8, "₩105bn", "1050억원"), (500e8, "₩50bn", "500억원"), (4e12, "₩4,000bn", "4조원"),
    (1.2e12, "₩1,200bn", "1조 2000억원"), (1e8, "₩0.1bn", "1억원"), (6271e8, "₩627.1bn", "6271억원"),
])
def test_won_is_written_in_each_editions_units(amount, en, ko):
    assert amounts.won(amount, "en") == en and amounts.won(amount, "ko") == ko


def test_points_multiples_and_dates_follow_each_edition():
    assert amounts.points("9.0", "en") == "9.0 pp" and amounts.points("9.0", "ko") == "9.0%p"
    assert amounts.times("33.1–43.1", "en") == "33.1–43.1 times" and amounts.times("11", "ko") == "11배"
    day = date(2026, 6, 8)
    assert dates.date_text(day, language="en") == "8 June 2026" and dates.date_text(day, language="ko") == "2026년 6월 8일"
    assert dates.date_text(day, year=False, language="ko") == "6월 8일"
    assert dates.weekday(day, "ko") == "월" and dates.weekday(day, "en") == "Mon"
    assert dates.when(date(2025, 12, 1), "month", "ko") == "2025년 12월 (월만 표기)"


def test_every_marked_string_is_one_the_catalog_tools_can_extract():
    """A `_("...")` written inside an f-string is invisible to Babel's extractor on Python 3.11 (the f-string is one
    token): the catalog would never list it and the Korean page would fail at build. Read every call the way
    Python does (the AST sees inside f-strings) and require the extractor to have found each."""
    import ast

    package = i18n.Path(i18n.__file__).parent.parent
    extracted = set(i18n.messages())
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in i18n.KEYWORDS
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                assert node.args[0].value in extracted, f"{path.name}:{node.lineno} marks a string the extractor misses"


def test_the_ledger_and_front_page_render_in_korean(korean):
    """Every string the ledgers and the front page make themselves comes from the catalog (rows' own text is the
    chapters' and is translated with them)."""
    from axbook.pages import frontpage, ledgers

    frame = ledgers.ledger()
    counts = frontpage.counts_html(frame)
    assert counts.startswith(f"<p>지면의 주장 {sum(ledgers.counts(frame).values())}건, 판정별:</p>")
    assert '<span class="verdict-holds">계산과 일치</span>' in counts and "판정하지 않은 것" in counts
    page = frontpage.claims_html(frame)
    assert "<th>주장</th><th>위치</th><th>지면 표기</th><th>재계산</th><th>판정</th><th>장</th>" in page
    assert ">1장</a>" in page and "<td>제목</td>" in page
    assert "없음: 이 기사에서" in ledgers.findings_html(frame.iloc[0:0])
    assert "아직 없음." in ledgers.not_said_html(frame.iloc[0:0]) and "<dt" in ledgers.rules_html()
    assert "이 장 읽기" in frontpage.articles_html()
