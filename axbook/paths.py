"""Where things live. Everything is relative to the repository, never to the working directory."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DESCRIPTOR = DATA_DIR / "datapackage.yaml"

# Debian's fonts-nanum: vl-convert lays the charts out in it; the site's webfont is cut from it (axbook/site/fonts.py).
DEBIAN_NANUM = Path("/usr/share/fonts/truetype/nanum")
NANUM_TTF = {400: DEBIAN_NANUM / "NanumGothic.ttf", 700: DEBIAN_NANUM / "NanumGothicBold.ttf"}  # by weight
# The fonts every page uses, as published (named in _static/nanum-gothic.css and the theme's CSS; preloaded by
# every page's head so its first layout is in them).
NANUM_WOFF2 = {weight: f"_static/fonts/nanum-gothic-{weight}.woff2" for weight in NANUM_TTF}
ICON_FONT = "_static/vendor/fontawesome/webfonts/fa-solid-900.woff2"
PAGE_FONTS = (*NANUM_WOFF2.values(), ICON_FONT)
# The PDF edition, at the site's root (axbook/site/pdf.py writes it; every page links it).
PDF_NAME = "book.pdf"
# The site's public address from the deploy (GitHub Pages' base_url), over _config.yml's html.baseurl (axbook.site.sharing).
ADDRESS_ENV = "AXBOOK_BASEURL"
