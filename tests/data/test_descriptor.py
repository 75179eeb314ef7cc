"""data/datapackage.yaml as untrusted input: each mistake is one message naming the file, the line and what is wrong.

tests/data/test_tables.py covers the descriptor among the data package's bad inputs by their key words; this file states
the descriptor's own messages whole (line and column numbers, the path of a structure error, the order of several),
and the rule that names a line: the deepest node of the error's path that the YAML file holds.
"""

import pytest
import yaml
from test_tables import YAML, _bytes, _do, _line_of, _text  # the data package's edits, on a copy of data/

from axbook.data import descriptor
from axbook.errors import DataValidationError
from axbook.paths import DATA_DIR


def _problems(data_copy, edit) -> list[str]:
    edit(data_copy)
    with pytest.raises(DataValidationError) as refused:
        descriptor.load(data_copy)
    return refused.value.problems


@pytest.mark.parametrize(("path", "line"), [
    (["a", "b"], 2),           # a key: the line its value starts on
    (["a", "c"], 2),           # a key the mapping lacks: the deepest node reached ('a')
    (["l", 1], 5),             # an index
    (["l", 2], 4),             # an index past the end: the list (it starts at its first dash)
    (["l", "x"], 4),           # a name into a list: the list
    (["s", 0], 6),             # an index into a scalar: the scalar
    ([], None),                # the top: no line of its own
])
def test_an_error_is_placed_at_the_deepest_line_its_path_reaches(path, line):
    root = yaml.compose("a:\n  b: 1\nl:\n- 1\n- 2\ns: x\n", Loader=yaml.SafeLoader)
    assert descriptor._line_of(root, path) == line


def test_a_descriptor_not_in_utf8_is_named_at_the_line_of_the_first_bad_byte(data_copy):
    line = _line_of(YAML, "title: Dates printed")
    problems = _problems(data_copy, _bytes(YAML, lambda raw: raw.replace(
        b"title: Dates printed", "title: Dates 印".encode("cp949") + b" printed", 1)))
    assert problems == [f"data/{YAML}, line {line}: not valid UTF-8"]


def test_a_yaml_syntax_error_is_named_at_its_line_and_column(data_copy):
    line = _line_of(YAML, "  - name: articles")  # where a flow sequence cannot take a block entry
    problems = _problems(data_copy, _text(YAML, "resources:\n", "resources: [\n"))
    assert problems == [f"data/{YAML}, line {line}, column 3: not valid YAML: expected the node content, but found '-'"]


def test_a_character_yaml_cannot_read_is_named_without_a_position_it_does_not_have(data_copy):
    problems = _problems(data_copy, _text(YAML, "title: Dates printed on the page",
                                          "title: Dates\x07 printed on the page"))
    assert problems == [f"data/{YAML}: not valid YAML: unacceptable character #x0007: special characters are not "
                        f"allowed\n  in \"<unicode string>\", position {(data_copy / YAML).read_text().index(chr(7))}"]


def test_structure_errors_name_their_path_and_line_and_come_in_the_file_s_order(data_copy):
    fields_line = _line_of(YAML, "{name: day, type: integer")
    problems = _problems(data_copy, _do(_text(YAML, "version: 1.0.0\n", "version: 1.0.0\nedition: 2\n"),
                                        _text(YAML, "{name: day, type: integer,", "{name: day, type: integr,")))
    assert problems == [
        f"data/{YAML}, at (top): Additional properties are not allowed ('edition' was unexpected)",
        f"data/{YAML}, line {fields_line + 1}, at resources[2].schema.fields[2].type: 'integr' is not one of "
        "['string', 'number', 'integer', 'boolean', 'date', 'yearmonth', 'year']"]


def test_a_missing_top_level_key_is_named_at_the_top(data_copy):
    problems = _problems(data_copy, _bytes(YAML, lambda raw: b"name: metro-seoul-ax-page\n"))
    assert problems == [f"data/{YAML}, at (top): 'resources' is a required property"]


@pytest.mark.parametrize(("old", "new", "resource", "message"), [
    ("  - name: page_dates\n    path: page_dates.csv", "  - name: articles\n    path: page_dates.csv", "articles",
     "name or path used twice"),
    ("  - name: page_dates\n    path: page_dates.csv", "  - name: page_dates\n    path: articles.csv", "page_dates",
     "name or path used twice"),
    ("primaryKey: [dimension, group, year]", "primaryKey: [dimension, grop, year]", "ai_use_rate",
     "names a field 'grop' that its schema does not have"),  # beside an x-quote-label (ai_use_rate has one)
    ("    x-rows: 12\n    x-quoted-values: [value]", "    x-rows: 12\n    x-quoted-values: [valu]", "ai_use_rate",
     "names a field 'valu' that its schema does not have"),
    ("x-labels-in-evidence: [group, year]", "x-labels-in-evidence: [group, yr]", "context_indicators",
     "names a field 'yr' that its schema does not have"),
    ("  - name: policy_asks\n    path: policy_asks.csv\n    x-rows: 7\n",
     "  - name: policy_asks\n    path: policy_asks.csv\n    x-rows: 7\n    x-quoted-values: [position]\n", "policy_asks",
     "has x-quoted-values, so it needs a 'printed_as' field binding each value to its quote"),
    ("      primaryKey: [proposal_id]\n      foreignKeys:\n        - {fields: [source_id], reference: {resource: sources, "
     "fields: [source_id]}}\n", "      primaryKey: [proposal_id]\n", "policy_asks",
     "has a source_id field without a foreign key to sources"),
])
def test_names_a_resource_uses_must_be_its_own_and_unique(data_copy, old, new, resource, message):
    # the resource's first line (where the edit renames it, the line it was on)
    line = _line_of(YAML, old.splitlines()[0] if old.startswith("  - name:") else f"  - name: {resource}")
    problems = _problems(data_copy, _text(YAML, old, new))
    assert problems == [f"data/{YAML}, line {line}, resource {resource!r}: {message}"], problems


def test_every_field_problem_is_listed_not_only_the_last(data_copy):
    value = '{name: value, type: number, description: "AI use rate", x-unit: "%", constraints: {'
    problems = _problems(data_copy, _do(_text(YAML, value + "required: true, ", value + "pattern: '1', required: true, "),
                                        _text(YAML, "maximum: 31}}", "maximum: 31, pattern: '[0-9]+'}}")))
    assert [p.split(": ", 1)[0].rsplit(", ", 2)[1:] for p in problems] == [
        ["resource 'page_dates'", "field 'day'"], ["resource 'ai_use_rate'", "field 'value'"]]


def test_a_resource_may_have_no_primary_key(data_copy):
    """Keys are optional in a Data Package: a resource without one is read, its other names still checked."""
    _text(YAML, "      primaryKey: [proposal_id]\n", "")(data_copy)
    asks = next(r for r in descriptor.load(data_copy)["resources"] if r["name"] == "policy_asks")
    assert "primaryKey" not in asks["schema"]


def test_an_alias_bomb_is_refused_at_its_anchor_before_anything_is_expanded(data_copy):
    """A "billion laughs": nine levels of aliases, each ten of the one before. Refused before anything is expanded
    (the build used to run on at 6 GB a process), at the first value past the limit (lol5: 10^5 laughs)."""
    levels = ["lol0: &a0 \"lol\""] + [f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    bomb = "x-bomb:\n" + "".join(f"  {level}\n" for level in levels)
    line = _line_of(YAML, "name: metro")  # the bomb is written before the package's name line
    problems = _problems(data_copy, _text(YAML, "\nname: metro", "\n" + bomb + "name: metro"))
    assert problems == [f"data/{YAML}, line {line + 6}, column 9: not valid YAML: this value expands to more than "
                        f"{descriptor.MAX_VALUES:,} values through aliases (*name): write it out, or alias less"]


def test_the_descriptor_s_own_aliases_are_read():
    """One schema shared by three resources (an anchor and two aliases) is well under the limit."""
    assert descriptor._expansion(yaml.compose((DATA_DIR / YAML).read_text(), Loader=yaml.SafeLoader)) is None


def test_nesting_past_the_limit_is_one_message_not_a_recursion_error(data_copy):
    deep = "x-deep: " + "[" * 500 + "]" * 500 + "\n"
    problems = _problems(data_copy, _text(YAML, "\nname: metro", "\n" + deep + "name: metro"))
    assert len(problems) == 1 and f"nested more than {descriptor.MAX_DEPTH} levels deep" in problems[0], problems
