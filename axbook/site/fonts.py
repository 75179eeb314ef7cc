"""The site's webfonts cut down to the characters its pages use.

The site's Nanum Gothic is Debian's fonts-nanum, the TrueType files vl-convert lays every chart out in (4.7 MB a
weight: every Hangul syllable). The book's pages use a few hundred syllables. After every page is written, the build
writes one woff2 file per weight holding every character of every page of the site (about 50 KB, unhinted), shared
by every page and cached by the browser after the first visit. The theme's Font Awesome solid face (156 KB, ~1,400
icons) is cut the same way to the icons the pages and the theme's CSS name.
A character outside the subset (a reader's search query) falls back to the next font in the CSS stack.
"""

import hashlib
import html
import json
import re
import shutil
from pathlib import Path

import fontTools
from fontTools import subset

from axbook.figures import downloads
from axbook.paths import ICON_FONT, NANUM_TTF, NANUM_WOFF2

# The published file and the Debian font it is cut from, per weight.
NANUM = {NANUM_WOFF2[weight]: ttf for weight, ttf in NANUM_TTF.items()}
ICONS = ICON_FONT
# Unhinted (a third smaller; browsers hint or smooth themselves); every name record kept (the OFL's notice travels
# with the font); the font-editor tables (TSI*) fontTools cannot subset dropped without a warning.
SUBSET_OPTIONS = {"flavor": "woff2", "layout_features": ["*"], "name_IDs": ["*"], "name_languages": ["*"],
                  "name_legacy": True, "notdef_outline": True, "hinting": False,
                  "drop_tables": [*subset.Options().drop_tables, "TSI0", "TSI1", "TSI2", "TSI3", "TSI5"]}
ALWAYS = {chr(c) for c in range(0x20, 0x7F)}  # what a reader may type into the search box
# Font Awesome's catalogue: `.fa-name:before,.fa-alias:before{content:"\f002"}`, one rule per icon.
CATALOGUE_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"\\([0-9a-f]{4,5})"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
# An icon named directly in CSS (`content:"\f107"`, `--pst-icon-bell:"<U+F0F3>"`): an escape or a private-use char.
PRIVATE_USE = re.compile(r'\\([ef][0-9a-f]{3})\b|([\ue000-\uf8ff])')


def page_characters(site: Path) -> set[str]:
    """Every character of every HTML page of the site, markup and entities decoded included (over-inclusive), and
    of the chart specs the pages fetch (the live charts' text)."""
    chars = set(ALWAYS)
    for page in [*site.rglob("*.html"), *site.glob(downloads.chart_file("*", "*", downloads.VEGA))]:
        text = page.read_text(encoding="utf-8")
        chars |= set(text) | set(html.unescape(text))
    return chars


def icon_codepoints(site: Path) -> set[int]:
    """The icons the site can show: catalogue icons whose class a page or script names, and every icon its CSS
    names directly (the theme's admonition and navigation icons)."""
    styles = "".join(p.read_text(encoding="utf-8") for p in sorted(site.glob("_static/**/*.css")))
    catalogue = {}
    for selectors, code in CATALOGUE_RULE.findall(styles):
        for name in ICON_CLASS.findall(selectors):
            catalogue[name] = int(code, 16)
    named = set()
    for path in [*site.rglob("*.html"), *site.glob("_static/**/*.js")]:
        named |= set(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    direct = {int(esc, 16) if esc else ord(char) for esc, char in PRIVATE_USE.findall(CATALOGUE_RULE.sub("", styles))}
    return {catalogue[name] for name in named if name in catalogue} | direct


def subset_font(source: Path, target: Path, unicodes: set[int], cache: Path) -> Path:
    """Write to `target` the font `source` as woff2 with only `unicodes` (what it has of them). Same inputs, same
    bytes; kept in `cache` by the hash of both, so a build whose pages kept their characters does not redo it.
    Always from the source, never from a published subset (a new character must find its glyph)."""
    recipe = json.dumps([fontTools.version, SUBSET_OPTIONS, sorted(unicodes)])  # what else makes the bytes
    key = hashlib.sha256(source.read_bytes() + recipe.encode()).hexdigest()[:20]
    cached = cache / f"{source.stem}-{key}.woff2"
    if not cached.exists():
        options = subset.Options(**SUBSET_OPTIONS)
        font = subset.load_font(str(source), options)  # keeps the source's timestamp: same inputs, same bytes
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(unicodes & set(font.getBestCmap())))
        subsetter.subset(font)
        cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        subset.save_font(font, str(partial), options)
        partial.replace(cached)
    shutil.copyfile(cached, target)
    return cached


def subset_jobs(site: Path, theme_static: Path, added: str = "") -> list[tuple[Path, Path, set[int]]]:
    """(source font, published font, characters) for each font of the site: Debian's Nanum Gothic cut to the pages'
    characters and `added` (text still to be written into them), the theme's icons cut to the icons named."""
    text = {ord(c) for c in page_characters(site) | set(added)}
    return [*((source, site / name, text) for name, source in NANUM.items()),
            (theme_static / ICONS.removeprefix("_static/"), site / ICONS, icon_codepoints(site))]


def prune(cache: Path, used: set[Path]) -> None:
    for old in set(cache.iterdir()) - used:  # subsets for characters the pages no longer have
        old.unlink()
