"""The PDF editions (`make pdf`, run by `make test` before the tests), one per edition of the site: read back with pypdf
from the built site."""

import csv
import html
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from axbook.paths import DATA_DIR, ROOT
from axbook.site import pdf, toc

BUILT = ROOT / "_build" / "html"
PAGES = toc.html_pages()
EDITIONS = toc.editions()


@pytest.fixture(scope="module", params=EDITIONS)
def edition(request):
    """The edition's folder in the site (its PDF sits at its root) and its language."""
    return BUILT / toc.edition_prefix(request.param), request.param


@pytest.fixture(scope="module")
def book(edition):
    path = edition[0] / pdf.PDF_NAME
    if not path.exists():
        pytest.fail(f"no {path.relative_to(ROOT)}: run `make pdf` (make test does)")
    return PdfReader(path)


@pytest.fixture(scope="module")
def SITE(edition):  # noqa: N802 (the edition's root, as the site's was before there were two)
    return edition[0]


def _title(site: Path, page: str) -> str:
    return html.unescape(re.search(r"<title>(.*?)</title>", (site / page).read_text(encoding="utf-8"), re.S).group(1))


def _parts(book) -> list[tuple[str, int]]:
    return [(item.title, book.get_destination_page_number(item)) for item in book.outline]


def test_every_page_of_the_book_is_in_the_pdf_in_order_with_one_page_or_more(book, SITE, edition):  # noqa: N803
    parts = _parts(book)
    assert [title for title, _ in parts] == [_title(SITE, p).split(" — ")[0] for p in PAGES]
    assert book.trailer["/Root"]["/Lang"] == edition[1]  # the document's language, for a screen reader
    starts = [start for _, start in parts] + [len(book.pages)]
    assert starts[0] == 0 and all(a < b for a, b in zip(starts, starts[1:], strict=False))  # one page or more each


def test_the_text_layer_holds_every_korean_headline_in_its_chapter(book):
    def flat(text: str) -> str:
        return re.sub(r"\s+", "", text)

    parts = _parts(book)
    ends = [start for _, start in parts[1:]] + [len(book.pages)]
    text = {title: flat("".join(book.pages[i].extract_text() for i in range(start, end)))
            for (title, start), end in zip(parts, ends, strict=True)}
    with open(DATA_DIR / "articles.csv", encoding="utf-8") as handle:
        headlines = [row["headline_ko"] for row in csv.DictReader(handle)]
    chapters = [t for t, _ in parts if re.match(r"\d+\. ", t)]
    assert headlines and chapters
    for headline in headlines:  # each on the front page's list and in the chapter on its article (the source lines)
        assert flat(headline) in text[parts[0][0]], headline
        assert any(flat(headline) in text[c] for c in chapters), headline


def test_every_font_is_embedded(book):
    fonts = {}
    for page in book.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            if font.get("/Subtype") == "/Type3":  # glyphs drawn by the PDF's own procedures: embedded by definition
                continue
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant.get("/FontDescriptor")
            fonts[str(font.get("/BaseFont"))] = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("NanumGothic" in name for name in fonts), fonts
    assert all(fonts.values()), [name for name, embedded in fonts.items() if not embedded]


def test_every_link_lands_inside_the_pdf_the_site_or_the_web(book, SITE):  # noqa: N803
    named = book.named_destinations
    starts = [start for _, start in _parts(book)]
    internal = external = 0
    for page in book.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                dest = annotation["/Dest"]
                if isinstance(dest, str):
                    assert dest in named, dest
                else:
                    assert book.get_page_number(dest[0].get_object()) in starts, dest  # a page's first sheet
                internal += 1
            elif "/A" in annotation and "/URI" in annotation["/A"]:
                uri = str(annotation["/A"]["/URI"])
                assert not uri.startswith("http://127.0.0.1"), uri
                assert uri.startswith("https://") or (SITE / uri.split("#")[0]).is_file(), uri
                external += 1
    assert internal > 0 and external > 0


def test_a_link_to_the_print_server_becomes_relative_to_the_pdf():
    origin = "http://127.0.0.1:41234"
    assert pdf.relative_link(f"{origin}/chapters/01-x.html#fig-a", origin) == "chapters/01-x.html#fig-a"
    assert pdf.relative_link(f"{origin}/", origin) == "index.html"
    assert pdf.relative_link("https://example.org/a", origin) == "https://example.org/a"


def test_every_page_links_its_edition_s_pdf_from_its_footer_and_its_download_menu(SITE):  # noqa: N803
    for page in PAGES:
        text = (SITE / page).read_text(encoding="utf-8")
        footer = re.findall(r'<a href="([^"]*book\.pdf)">[^<]*</a>', text)
        menu = re.findall(r'<a href="([^"]*)"[^>]*btn-download-book-pdf-button', text)
        assert len(footer) == len(menu) == 1, (page, footer, menu)
        assert {((SITE / page).parent / link).resolve() for link in footer + menu} == {(SITE / pdf.PDF_NAME).resolve()}
        assert "window.print()" not in text, page  # the theme's inline print button is replaced


def test_the_pdf_records_the_site_it_was_printed_from(edition):
    suffix = f".{edition[1]}" if toc.edition_prefix(edition[1]) else ""
    assert Path(f"{BUILT}{suffix}.pdf-inputs").read_text() == Path(str(BUILT) + ".inputs").read_text()
