"""The published webfonts: cut to exactly the characters and icons the site shows, the same bytes each time."""

from fontTools.ttLib import TTFont

from axbook.site import fonts

# -- fonts: the published webfonts hold every character the site shows, and only those ------------------------

NANUM_400 = next(iter(fonts.NANUM.values()))  # Debian's NanumGothic.ttf


def _site(tmp_path, pages: dict[str, str], css: str = "", js: str = ""):
    for name, body in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "_static" / "styles").mkdir(parents=True, exist_ok=True)
    (tmp_path / "_static" / "styles" / "theme.css").write_text(css, encoding="utf-8")
    (tmp_path / "_static" / "theme.js").write_text(js, encoding="utf-8")
    return tmp_path


def test_page_characters_are_every_page_s_text_and_entities_plus_what_a_reader_types(tmp_path):
    site = _site(tmp_path, {"a.html": "<p>중소기업 &#xB300;</p>", "sub/b.html": "<b>₩</b>"})
    chars = fonts.page_characters(site)
    assert {"중", "소", "기", "업", "대", "₩", "<", "&"} <= chars  # 대 only as an entity in a.html; ₩ only in sub/
    assert {chr(c) for c in range(0x20, 0x7F)} <= chars
    assert "가" not in chars and "\n" not in chars


CATALOGUE = ('.fa-magnifying-glass:before,.fa-search:before{content:"\\f002"}'
             '.fa-sun:before{content:"\\f185"}.fa-moon:before{content:"\\f186"}.fa-e-rule:before{content:"\\e521"}')


def test_icons_kept_are_the_named_catalogue_icons_and_those_the_css_names_directly(tmp_path):
    css = CATALOGUE + ':root{--pst-icon-bell:"\uf0f3"}.onthispage:after{content:"\\f107";font-family:x}'
    site = _site(tmp_path, {"a.html": '<i class="fa-solid fa-search"></i>'}, css=css, js='icon.classList.add("fa-sun")')
    assert fonts.icon_codepoints(site) == {0xF002, 0xF185, 0xF0F3, 0xF107}  # not the moon, not \e521: never named
    (site / "_static" / "minified.js").write_bytes(b'"\xff\xfe not UTF-8" + "fa-moon"')  # a theme script's odd bytes
    assert fonts.icon_codepoints(site) == {0xF002, 0xF185, 0xF0F3, 0xF107, 0xF186}


def test_a_subset_holds_exactly_the_asked_characters_the_font_has_and_is_the_same_bytes_each_time(tmp_path):
    wanted = {ord(c) for c in "중소기업 SME"} | {0x1F600}  # an emoji the font lacks is simply left out
    first, second = tmp_path / "first.woff2", tmp_path / "second.woff2"
    fonts.subset_font(NANUM_400, first, wanted, tmp_path / "cache")
    fonts.subset_font(NANUM_400, second, wanted, tmp_path / "other-cache")
    assert first.read_bytes() == second.read_bytes()
    assert set(TTFont(first).getBestCmap()) == wanted - {0x1F600}
    assert first.stat().st_size < NANUM_400.stat().st_size / 20
    assert first.read_bytes()[:4] == b"wOF2"  # published as woff2 (the source is TrueType)
    # every name record kept: the OFL asks that the licence (name IDs 13-14) travels with the font
    names = {(n.nameID, n.toUnicode()) for n in TTFont(first)["name"].names}
    assert names == {(n.nameID, n.toUnicode()) for n in TTFont(NANUM_400)["name"].names} and any(i == 14 for i, _ in names)


def test_a_subset_is_always_cut_from_the_vendored_font_and_cached_by_its_characters(tmp_path):
    target, cache = tmp_path / "published.woff2", tmp_path / "build" / "cache"  # made with its parents
    fonts.subset_font(NANUM_400, target, {ord("A")}, cache)
    fonts.subset_font(NANUM_400, target, {ord("A"), ord("가")}, cache)  # a new character finds its glyph
    assert set(TTFont(target).getBestCmap()) == {ord("A"), ord("가")}
    assert len(list(cache.iterdir())) == 2
    cached = next(p for p in cache.iterdir() if p.stat().st_size == target.stat().st_size)
    cached.write_bytes(b"kept")  # the same characters again: the cached file is used, not recomputed
    fonts.subset_font(NANUM_400, target, {ord("가"), ord("A")}, cache)
    assert target.read_bytes() == b"kept"


def test_the_fonts_hold_the_characters_of_the_chart_specs_the_pages_fetch(tmp_path):
    site = _site(tmp_path, {"a.html": "<p>a</p>"})
    (site / "_charts" / "a").mkdir(parents=True)
    (site / "_charts" / "a" / "fig.vg.json").write_text('{"title": "중소기업"}', encoding="utf-8")
    (site / "_charts" / "a" / "fig.csv").write_text("대기업", encoding="utf-8")  # a download: no page shows it
    chars = fonts.page_characters(site)
    assert {"중", "소", "기", "업"} <= chars and "대" not in chars


def test_pruning_the_font_cache_keeps_exactly_the_subsets_used(tmp_path):
    kept, old = tmp_path / "kept.woff2", tmp_path / "old.woff2"
    kept.write_bytes(b"1")
    old.write_bytes(b"2")
    fonts.prune(tmp_path, {kept})
    assert list(tmp_path.iterdir()) == [kept]


def test_the_font_jobs_cover_the_pages_and_the_text_still_to_be_added(tmp_path):
    site = _site(tmp_path / "site", {"a.html": '<p>중소기업</p><i class="fa-solid fa-search"></i>'}, css=CATALOGUE)
    theme_static = tmp_path / "theme"
    jobs = fonts.subset_jobs(site, theme_static, added="Download · 대")
    assert [(source, target) for source, target, _ in jobs] == [
        *((source, site / name) for name, source in fonts.NANUM.items()),
        (theme_static / fonts.ICONS.removeprefix("_static/"), site / fonts.ICONS)]
    assert {ord(c) for c in "중소기업·대D"} <= jobs[0][2] == jobs[1][2]
    assert jobs[2][2] == {0xF002}
    # nothing is added when nothing is asked for: the pages' characters alone
    assert fonts.subset_jobs(site, theme_static)[0][2] == {ord(c) for c in fonts.page_characters(site)}
