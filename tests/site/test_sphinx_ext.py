"""When Sphinx re-reads a page: an input it recorded changed or went away; the lock file is every notebook's input."""

from axbook.data import deps

# --- when Sphinx re-reads a page (axbook/site/sphinx_ext.py) ---

def test_a_page_is_outdated_when_an_input_it_recorded_changed_or_went_away(tmp_path):
    from types import SimpleNamespace

    from axbook.site import sphinx_ext

    same, edited, gone = (tmp_path / name for name in ("same.csv", "edited.py", "gone.csv"))
    for path in (same, edited, gone):
        path.write_text("before")
    env = SimpleNamespace(axbook_inputs={
        "untouched": {str(same): deps.digest(same)},
        "reads-edited": {str(same): deps.digest(same), str(edited): deps.digest(edited)},
        "reads-gone": {str(gone): deps.digest(gone)},
        "already-changed": {str(edited): deps.digest(edited)},
    })
    edited.write_text("after")
    gone.unlink()
    stale = sphinx_ext._outdated(None, env, added=set(), changed={"already-changed"}, removed=set())
    assert sorted(stale) == ["reads-edited", "reads-gone"]  # Sphinx re-reads the one it already knows changed


def test_every_notebook_records_the_lock_file_and_a_markdown_page_only_what_it_read(tmp_path):
    from types import SimpleNamespace

    from axbook.site import sphinx_ext

    read = tmp_path / "table.csv"
    read.write_text("a\n1\n")
    app = SimpleNamespace(env=SimpleNamespace(doc2path=lambda doc: f"/book/{doc}.ipynb" if doc == "nb" else "/book/p.md"))
    assert sphinx_ext._inputs(app, "nb", {read}) == {str(sphinx_ext.LOCK_FILE): deps.digest(sphinx_ext.LOCK_FILE),
                                                      str(read): deps.digest(read)}
    assert sphinx_ext._inputs(app, "page", {read}) == {str(read): deps.digest(read)}
