"""The book's own English words in the data have their Korean beside them: a note or a survey description added in
English without its Korean fails here, and the Korean says no number the English does not."""

import re

import pytest

from axbook.data import tables

# (dataset, key column, English column, Korean column)
PAIRS = [("sources", "source_id", "note", "note_ko"),
         ("surveys", "survey_id", "population", "population_ko"),
         ("surveys", "survey_id", "question", "question_ko"),
         ("surveys", "survey_id", "comparability_note", "comparability_note_ko")]

# Where Korean writes the same number in its own units, the numbers differ in digits, never in value.
SAME_VALUE_IN_KOREAN_UNITS = {
    ("kostat-bas", "population_ko"): ({"300"}, {"3"}),  # KRW 300 million = 3억원
    ("smart-mfg-1st", "population_ko"): ({"163273"}, {"16", "3273"}),  # 163,273 = 16만3273 (the quote's own form)
}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MONTHS = {name: str(number) for number, name in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
     "December"], start=1)}  # English spells a month, Korean numbers it: '3 May 2026' = '2026년 5월 3일'
_WORDS = {**_MONTHS, "primary": "1", "secondary": "2"}  # and a source's kind: 'secondary' = '2차 자료'


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _numbers(text: str) -> set[str]:
    text = re.sub(r"\b(" + "|".join(_WORDS) + r")\b", lambda m: _WORDS[m[0]], text)
    return set(_NUMBER.findall(re.sub(r"(?<=\d),(?=\d{3})", "", text)))


@pytest.mark.parametrize(("dataset", "key", "english", "korean"), PAIRS)
def test_every_english_text_the_book_writes_has_its_korean(dataset, key, english, korean):
    frame = tables.load(dataset)
    missing = [r[key] for _, r in frame.iterrows() if _text(r[english]) and not _text(r[korean])]
    assert missing == [], f"{dataset}: {english} without {korean}"
    stray = [r[key] for _, r in frame.iterrows() if _text(r[korean]) and not _text(r[english])]
    assert stray == [], f"{dataset}: {korean} without the English it translates"
    assert frame[korean].dropna().str.contains("[가-힣]").all()


@pytest.mark.parametrize(("dataset", "key", "english", "korean"), PAIRS)
def test_the_korean_gives_the_numbers_the_english_gives(dataset, key, english, korean):
    for _, r in tables.load(dataset).iterrows():
        if not _text(r[english]):
            continue
        en, ko = _numbers(r[english]), _numbers(r[korean])
        only_en, only_ko = SAME_VALUE_IN_KOREAN_UNITS.get((r[key], korean), (set(), set()))
        assert (en - only_en, ko - only_ko) == (en - only_en, en - only_en), (r[key], korean)
        assert only_en <= en and only_ko <= ko, (r[key], korean)
