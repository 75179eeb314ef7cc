"""The Korean edition of the front page, the data page and the ledgers: the page's Korean, the catalog's words."""


from axbook.data import tables
from axbook.pages import datapage, frontpage, ledgers


def test_the_data_page_heads_its_tables_in_korean_and_gives_the_korean_original_only(korean):
    page = datapage.datasets_html()
    assert "<th>필드</th><th>유형</th><th>규칙</th><th>필수</th><th>설명</th>" in page
    assert "<h3><code>page_dates</code>: 지면에 실린 날짜</h3><p>9행. 데이터 내려받기: " in page
    sources = datapage.sources_html()
    gloss = tables.load("sources").set_index("source_id").loc["ch-start", "gloss_en"]
    assert gloss not in sources  # the quote is the Korean original: no English gloss
    assert "<p>메트로신문 2026년 5월, 김승호 기자.</p>" in sources and "<h3>참고 자료</h3>" in sources
    assert "이용 허락: " in datapage.licence_html()


def test_the_front_page_gives_the_korean_headline_and_findings(korean):
    page = frontpage.articles_html()
    assert "axbook-headline-en" not in page
    assert "선정될 창업기업 25곳은 한 곳당 최대 1억원의 협업 자금을 받을 수 있다. 두 분야를 합쳐 최대 25억원이다." in page
    head = ledgers.findings_html(ledgers.table("challenge"))
    assert "<th>계산 항목</th><th>이 책의 수치</th><th>계산 방법</th>" in head
