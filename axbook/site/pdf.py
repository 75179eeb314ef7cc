"""`python -m axbook.site.pdf` (`make pdf`): the PDF edition of the built site, printed by Debian's Chromium.

Every page of `_toc.yml`, in order, is printed from the built site (served on 127.0.0.1) as a reader without
JavaScript sees it, so each chart is its static SVG (vector; Hangul in Nanum Gothic: the page's subset for the first
chart of a page, Debian's fonts-nanum for the others, shown as images). The pages are joined
with pypdf into `_build/html/book.pdf` (the Korean edition's into `_build/html/ko/book.pdf`, its language set), one
outline entry per page; links to the book's own pages point at them
relative to the PDF (it sits at the site's root), outside links stay as they are. The PDF is written beside the site
only when whole (a temporary file renamed), and records the site's input digest: `make pdf` on an unchanged site
does nothing, and a rebuilt site (published without a PDF) gets a fresh one.
"""

import functools
import http.server
import io
import shutil
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, NameObject, TextStringObject

from axbook.paths import PDF_NAME
from axbook.site import build, toc

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Debian's Chromium as the PDF, the site tests and the page-weight benchmark run it: headless, nothing fetched on its
# own behalf (no component updates, no sync, no QUIC probes).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MARGIN = {"top": "14mm", "bottom": "14mm", "left": "14mm", "right": "14mm"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """`site` served on 127.0.0.1 (a free port), quietly, from a thread: its origin and the server (shut it down)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd


def print_pages(site: Path, pages: list[str]) -> tuple[list[tuple[str, bytes, str]], str]:
    """(the page, its PDF, its title) for each page, printed by Chromium from the site served locally; and the
    server's origin (the printed links start with it)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise SystemExit("make pdf needs Debian's chromium: run `make apt` (as root) or apt-get install chromium")
    origin, httpd = serve(site)
    printed = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            context = browser.new_context(color_scheme="light", java_script_enabled=False)  # the static charts
            for page_path in pages:
                page = context.new_page()
                page.goto(f"{origin}/{page_path}", wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                page.emulate_media(media="print")
                blob = page.pdf(format="A4", print_background=True, margin=MARGIN, outline=False, tagged=True)
                printed.append((page_path, blob, page.title()))
                page.close()
            browser.close()
    finally:
        httpd.shutdown()
    return printed, origin


def relative_link(uri: str, origin: str) -> str:
    """A link to the local server becomes a path relative to the site's root (where the PDF sits)."""
    if not uri.startswith(origin + "/"):
        return uri
    parsed = urlparse(uri)
    path = parsed.path.lstrip("/") or "index.html"
    return path + (f"#{parsed.fragment}" if parsed.fragment else "")


def _own_destinations(blob: bytes, prefix: str) -> io.BytesIO:
    """Chromium names a page's anchors after their HTML ids (`/checking-the-article`), which every chapter repeats:
    prefixed per page, a link inside one chapter cannot land in another once the pages are joined."""
    part = PdfWriter(clone_from=io.BytesIO(blob))
    root = part._root_object
    if "/Dests" in root:
        dests = root["/Dests"].get_object()
        renamed = {NameObject(f"/{prefix}{key[1:]}"): value for key, value in dests.items()}
        dests.clear()
        dests.update(renamed)
    for page in part.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation and isinstance(annotation["/Dest"], NameObject):
                annotation[NameObject("/Dest")] = NameObject(f"/{prefix}{annotation['/Dest'][1:]}")
    out = io.BytesIO()
    part.write(out)
    out.seek(0)
    return out


def join(printed: list[tuple[str, bytes, str]], origin: str, title: str) -> PdfWriter:
    """The pages in order, one outline entry each. A link to a page of the book (or an anchor in it) becomes a link
    inside the PDF; a link to another file of the site (a CSV) is made relative to the PDF; others stay."""
    writer = PdfWriter()
    prefixes, starts = {}, {}
    for number, (page_path, blob, page_title) in enumerate(printed, start=1):
        prefixes[page_path], starts[page_path] = f"p{number}-", len(writer.pages)
        writer.append(_own_destinations(blob, prefixes[page_path]), import_outline=False)
        writer.add_outline_item(page_title.split(" — ")[0], starts[page_path])
    named = writer._root_object["/Dests"].get_object() if "/Dests" in writer._root_object else {}
    for page in writer.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is None or "/URI" not in action:
                continue
            link = relative_link(str(action["/URI"]), origin)
            target, _, fragment = link.partition("#")
            if target in prefixes:  # to the anchor when Chromium named it (it names those linked within a page)
                del annotation["/A"]
                anchor = f"/{prefixes[target]}{fragment}"
                annotation[NameObject("/Dest")] = (NameObject(anchor) if fragment and anchor in named else
                                                   ArrayObject([writer.pages[starts[target]].indirect_reference,
                                                                NameObject("/Fit")]))
            else:
                action[NameObject("/URI")] = TextStringObject(link)
    writer.add_metadata({"/Title": title, "/Producer": "axbook (Chromium, pypdf)"})
    return writer


def make_pdf(site: Path = build.SITE) -> Path:
    with build.locked(site.parent / ".lock"):  # no build swaps the site while the PDF is printed from it
        return _make_pdf(site)


def _make_pdf(site: Path) -> Path:
    """One PDF per edition built, at the edition's root (``book.pdf``, ``ko/book.pdf``); the first one's path."""
    editions = [language for language in toc.editions() if (site / toc.edition_prefix(language) / "index.html").exists()]
    if not editions:
        raise SystemExit("no built site: run `make book` first")
    site_digest = build._digest_file(site).read_text() if build._digest_file(site).exists() else ""
    return [_edition_pdf(site, language, site_digest) for language in editions][0]


def _edition_pdf(site: Path, language: str, site_digest: str) -> Path:
    root = site / toc.edition_prefix(language)
    target = root / PDF_NAME
    # beside the site, not in it: the digest of the site this PDF was printed from
    digest_file = site.with_name(site.name + (f".{language}" if toc.edition_prefix(language) else "") + ".pdf-inputs")
    if target.exists() and digest_file.exists() and digest_file.read_text() == site_digest and site_digest:
        print(f"pdf: {target} is current")
        return target
    printed, origin = print_pages(root, toc.html_pages())  # the edition's folder served as the root: links stay inside
    title = printed[0][2].split(" — ")[-1] if printed else "book"
    writer = join(printed, origin, title)
    writer._root_object[NameObject("/Lang")] = TextStringObject(language)  # read aloud in the edition's language
    partial = target.with_suffix(".pdf.partial")
    with open(partial, "wb") as handle:
        writer.write(handle)
    partial.replace(target)
    digest_file.write_text(site_digest)
    print(f"pdf: {target} ({len(writer.pages)} pages, {target.stat().st_size / 1e6:.1f} MB)")
    return target


if __name__ == "__main__":
    make_pdf()
    sys.exit(0)
