"""Page weight of the book's charts against Altair's own offline option, measured side by side.

Prints, for every figure in the built chapter notebooks, the bytes of the book's chart HTML (static SVG +
spec + a call to the page's shared vega bundle) and of Altair's `to_html(inline=True)` (the one
offline alternative, embedding vega, vega-lite and vega-embed in every chart), and their ratio.
Run: .venv/bin/python benchmarks/chart_payload.py
"""

import json

import altair as alt
import nbformat

from axbook.paths import ROOT

BUNDLE = ROOT / "_static" / "vendor" / "vega-bundle.min.js"


def figures():
    for path in sorted((ROOT / "chapters").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for out in cell.get("outputs", []):
                name = out.get("metadata", {}).get("scrapbook", {}).get("name")
                html = out.get("data", {}).get("application/papermill.record/text/html")
                if name and html:
                    spec = json.loads(html.split('-spec">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</"))
                    yield path.stem, name, html, spec


def main():
    print(f"{'figure':<34}{'book (KB)':>10}{'altair inline (KB)':>20}{'ratio':>8}")
    book_total = inline_total = 0
    for chapter, name, html, spec in figures():
        inline = alt.Chart.from_dict(spec).to_html(inline=True) if "vconcat" not in spec else \
            alt.VConcatChart.from_dict(spec).to_html(inline=True)
        book_total += len(html.encode())
        inline_total += len(inline.encode())
        print(f"{chapter[:12] + '/' + name:<34}{len(html.encode()) / 1024:>10.1f}{len(inline.encode()) / 1024:>20.1f}"
              f"{len(inline.encode()) / len(html.encode()):>8.1f}")
    shared = BUNDLE.stat().st_size
    print(f"{'all figures + one shared bundle':<34}{(book_total + shared) / 1024:>10.1f}{inline_total / 1024:>20.1f}"
          f"{inline_total / (book_total + shared):>8.1f}")


if __name__ == "__main__":
    main()
