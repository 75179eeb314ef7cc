"""The build's own steps, in this process: what stops it before Sphinx, and what it shows of Sphinx's error."""



def test_the_build_stops_before_sphinx_without_the_font_charts_are_drawn_in(tmp_path, monkeypatch, capsys):
    from axbook.site import build

    monkeypatch.setattr(build, "NANUM_TTF", {400: tmp_path / "NanumGothic.ttf"})
    assert build.build(site=tmp_path / "html", stage=tmp_path / "stage") == 1
    assert "fonts-nanum" in capsys.readouterr().err and not (tmp_path / "stage").exists()


def test_the_build_shows_the_error_that_stopped_sphinx_not_only_where_its_log_is():
    from axbook.site import build

    shown = build._shown_line("sphinx.errors.ConfigError: _config.yml html.baseurl: 'x' is not the site's public address")
    assert shown == "  sphinx.errors.ConfigError: _config.yml html.baseurl: 'x' is not the site's public address"
    assert build._shown_line("\x1b[91mValueError: chart x has no spec in the page\x1b[0m") == (
        "  ValueError: chart x has no spec in the page")
    assert build._shown_line("  File \"x.py\", line 3, in f") is None
    assert build._shown_line("reading sources... [ 50%] chapters/01") is None
    assert build._shown_line("Errors: none") is None  # not an exception's line
