"""What changed in a stale notebook, as an author reads it: values and lines, not SVG bodies."""

import nbformat

from axbook.authoring import stale

# -- the stale-notebook report: exact lines for each kind of change ----------------------------------

def test_long_strings_are_shown_from_twenty_characters_before_their_first_difference():
    old, new = "a" * 100 + "13.5%" + "z" * 100, "a" * 100 + "14.5%" + "z" * 100
    shown = stale._pair(old, new)
    left, right = shown.split(" -> ")
    assert left == ("'…" + "a" * 19 + "13.5%" + "z" * 100)[:stale.MAX_TEXT // 2]
    assert right == ("'…" + "a" * 19 + "14.5%" + "z" * 100)[:stale.MAX_TEXT // 2]
    assert stale._pair("short", "shirt") == "'short' -> 'shirt'"
    assert stale._pair(1.5, 2) == "1.5 -> 2"
    assert stale._pair("x" * 70, "y" * 70) == f"{repr('x' * 70)[:60]} -> {repr('y' * 70)[:60]}"  # differ at 0: no '…'


def test_cut_keeps_up_to_the_limit_and_marks_what_it_cut():
    assert stale._cut("x" * stale.MAX_TEXT) == "x" * stale.MAX_TEXT
    assert stale._cut("x" * (stale.MAX_TEXT + 1)) == "x" * (stale.MAX_TEXT - 1) + "…"
    assert stale._short("a") == "'a'" and stale._short([1, "가"]) == '[1, "가"]'


def test_multi_line_text_changes_list_only_the_changed_lines():
    assert stale._text_changes("a\nb\nc\n", "a\nB\nc\n") == ["-b", "+B"]
    assert stale._text_changes("one", "two") == ["'one' -> 'two'"]


def _cell(source, *outputs):
    cell = nbformat.v4.new_code_cell(source)
    cell.outputs = list(outputs)
    return cell


def test_changed_values_reports_gone_new_streams_errors_and_cell_counts():
    stream = nbformat.v4.new_output("stream", name="stdout", text="total 3\n")
    stream2 = nbformat.v4.new_output("stream", name="stdout", text="total 4\n")
    error = nbformat.v4.new_output("error", ename="KeyError", evalue="'x'", traceback=[])
    stored = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# t"), _cell("print(total)", stream), _cell("", stream), _cell("a = 1")])
    fresh = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# t"), _cell("print(total)", stream2), _cell("", error)])
    assert stale.changed_values(stored, fresh) == [
        "cell 2 (`print(total)`)", "  output 0: text/plain: 'total 3\\n' -> 'total 4\\n'",
        "cell 3 (``)", "  output 0: text/plain: 'total 3\\n' -> \"KeyError: 'x'\"",
        "cell count: 4 -> 3"]
    gone = nbformat.v4.new_notebook(cells=[_cell("x", stream)])
    new = nbformat.v4.new_notebook(cells=[_cell("x", stream, stream2)])
    assert stale.changed_values(gone, new) == ["cell 1 (`x`)", "  output 1: new output"]
    assert stale.changed_values(new, gone) == ["cell 1 (`x`)", "  output 1: output gone"]


def test_changed_values_stops_at_the_limit_and_says_how_many_more():
    stored = nbformat.v4.new_notebook(cells=[_cell(f"c{i}", nbformat.v4.new_output("stream", name="stdout", text="a"))
                                             for i in range(5)])
    fresh = nbformat.v4.new_notebook(cells=[_cell(f"c{i}", nbformat.v4.new_output("stream", name="stdout", text="b"))
                                            for i in range(5)])
    lines = stale.changed_values(stored, fresh, limit=4)
    assert lines == ["cell 1 (`c0`)", "  output 0: text/plain: 'a' -> 'b'", "cell 2 (`c1`)",
                     "  output 0: text/plain: 'a' -> 'b'", "... and 6 more"]


def test_spec_changes_name_datasets_by_position_and_report_added_and_removed_leaves():
    old = {"datasets": {"data-aaa": [{"v": 1}]}, "data": {"name": "data-aaa"}, "title": "t"}
    new = {"datasets": {"data-bbb": [{"v": 2}]}, "data": {"name": "data-bbb"}, "mark": "bar"}
    assert stale.spec_changes(old, new) == ["datasets[0][0].v: 1 -> 2", "title: 't' -> (gone)", "mark: (new) 'bar'"]


# --- the regression's message: what changed in an output, mime by mime (axbook/authoring/stale.py) ---

def test_output_changes_list_every_changed_mime_but_the_drawn_svg():
    old = {"text/plain": "13.5", "image/svg+xml": "<svg>a</svg>", "text/latex": "same"}
    new = {"text/plain": "14.5", "image/svg+xml": "<svg>b</svg>", "text/latex": "same", "text/markdown": "new"}
    assert stale._output_changes(old, new) == ["text/markdown: '' -> 'new'", "text/plain: '13.5' -> '14.5'"]
    assert stale._output_changes({"text/plain": "a"}, {}) == ["text/plain: 'a' -> ''"]  # gone: shown as empty


def test_output_changes_of_a_chart_gained_or_lost_are_spec_changes():
    html = '<div class="axbook-chart"></div><script type="application/json" id="c-spec">{"mark": "bar"}</script>'
    added = stale._output_changes({"text/plain": "x"}, {"text/html": html})
    assert added and all(line.startswith("spec ") for line in added), added


def test_multi_line_text_changes_list_only_changed_lines_without_context():
    assert stale._text_changes("a\nb\nc", "a\nB\nc") == ["-b", "+B"]
    assert stale._text_changes("one line", "two\nlines") == ["-one line", "+two", "+lines"]
    assert stale._text_changes("same", "other") == ["'same' -> 'other'"]


def test_a_stream_without_text_and_a_spec_without_datasets_are_read_as_empty():
    assert stale._bundle({"output_type": "stream", "name": "stdout"}) == {"text/plain": ""}
    assert stale._bundle({"output_type": "display_data"}) == {}
    assert stale._normalise_names({"mark": "bar"}) == {"mark": "bar"}
