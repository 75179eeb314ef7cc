"""Reading data/datapackage.yaml safely: a YAML or structure mistake is one message naming file and line.

The descriptor is untrusted input like the CSVs. Its structure is checked against a strict profile of
the Frictionless Data Package (only the keys the book uses; unknown keys, including misspelt ``x-``
keys, are errors), and every resource path must be a plain CSV file name inside ``data/``.
"""

import re
from pathlib import Path

import jsonschema
import yaml
from frictionless import Field, FrictionlessException

from axbook.errors import DataValidationError

NAME = "datapackage.yaml"
FIELD_TYPES = ["string", "number", "integer", "boolean", "date", "yearmonth", "year"]
SAFE_NAME = r"^[a-z0-9_]+$"
SAFE_CSV = r"^[a-z0-9_]+\.csv$"
LICENCE_URL = r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(/[^\s<>\"'`]*)?$"  # an https address with a host, as a web link
PACKAGE_NAME = r"^[a-z0-9][a-z0-9-]*$"  # stricter than frictionless's ('.', '/' allowed): the rule of the paths

_ROW_RULE = {"oneOf": [{"type": "integer", "minimum": 1},
                       {"type": "object", "properties": {"min": {"type": "integer", "minimum": 1}},
                        "required": ["min"], "additionalProperties": False}]}
_FIELD = {
    "type": "object",
    "required": ["name", "type"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": SAFE_NAME},
        "type": {"enum": FIELD_TYPES},
        "format": {"enum": ["uri", "default"]},
        "description": {"type": "string"},
        "x-unit": {"type": "string"},
        "constraints": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "required": {"type": "boolean"},
                "minimum": {"type": "number"},
                "maximum": {"type": "number"},
                "pattern": {"type": "string"},
                "enum": {"type": "array", "minItems": 1},
                "minLength": {"type": "integer"},
                "maxLength": {"type": "integer"},
            },
        },
    },
}
_FOREIGN_KEY = {
    "type": "object", "required": ["fields", "reference"], "additionalProperties": False,
    "properties": {
        "fields": {"type": "array", "items": {"type": "string"}},
        "reference": {"type": "object", "required": ["resource", "fields"], "additionalProperties": False,
                      "properties": {"resource": {"type": "string"},
                                     "fields": {"type": "array", "items": {"type": "string"}}}},
    },
}
PROFILE = {
    "type": "object",
    "required": ["name", "resources"],
    "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "pattern": PACKAGE_NAME}, "title": {"type": "string"},
        "description": {"type": "string"}, "version": {"type": "string"}, "x-citation": {"type": "string"},
        "licenses": {"type": "array", "items": {"type": "object", "additionalProperties": False, "properties": {
            "name": {"type": "string"}, "path": {"type": "string", "pattern": LICENCE_URL}, "title": {"type": "string"}}}},
        "resources": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["name", "path", "schema", "x-rows"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string", "pattern": SAFE_NAME},
                "path": {"type": "string", "pattern": SAFE_CSV},
                "title": {"type": "string"}, "description": {"type": "string"},
                "x-article": {"type": "string"},
                "x-rows": _ROW_RULE,
                "x-quoted-values": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "x-quote-label": {"type": "string"},
                "x-labels-in-evidence": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                "schema": {"type": "object", "required": ["fields"], "additionalProperties": False, "properties": {
                    "primaryKey": {"type": "array", "items": {"type": "string"}},
                    "foreignKeys": {"type": "array", "items": _FOREIGN_KEY},
                    "fields": {"type": "array", "minItems": 1, "items": _FIELD},
                }},
            },
        }},
    },
}


def _line_of(root: yaml.Node | None, path) -> int | None:
    """The line in the YAML file where the value at ``path`` (keys and indexes) starts."""
    node, line = root, None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def _path_text(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else p) for i, p in enumerate(path)) or "(top)"


MAX_DEPTH = 24  # the profile nests 7 deep (resources > schema > fields > constraints > enum); a bomb nests thousands
MAX_VALUES = 50_000  # every value of the descriptor once aliases are expanded (it holds about 2,000)


class _StrictLoader(yaml.SafeLoader):
    """YAML nested no deeper than MAX_DEPTH (500 levels ended in a RecursionError), the refusal naming its line."""

    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_DEPTH} levels deep",
                                           problem_mark=self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expansion(root: yaml.Node) -> yaml.Node | None:
    """The innermost value that expands past MAX_VALUES values through aliases (a "billion laughs": ten aliases of
    ten aliases ... to a billion), or None. Counted on the composed graph, where an alias is one shared node: nothing
    is expanded to count it."""
    sizes: dict[int, int] = {}
    culprit: list[yaml.Node] = []

    def size(node: yaml.Node) -> int:
        if id(node) not in sizes:
            children = ([v for pair in node.value for v in pair] if isinstance(node, yaml.MappingNode)
                        else node.value if isinstance(node, yaml.SequenceNode) else [])
            sizes[id(node)] = 1 + sum(size(child) for child in children)
            if sizes[id(node)] > MAX_VALUES and not culprit:
                culprit.append(node)
        return sizes[id(node)]

    size(root)
    return culprit[0] if culprit else None


def parse(text: str) -> tuple[yaml.Node | None, object]:
    """The YAML's node tree (for line numbers) and its value, read safely: nesting bounded, aliases measured before
    anything is expanded. A yaml.YAMLError names the line at fault. No check of what the value holds (``load`` does)."""
    root = yaml.compose(text, Loader=_StrictLoader)
    bomb = _expansion(root) if root is not None else None
    if bomb is not None:
        raise yaml.MarkedYAMLError(problem=f"this value expands to more than {MAX_VALUES:,} values through "
                                           "aliases (*name): write it out, or alias less", problem_mark=bomb.start_mark)
    return root, yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader; expansion measured above)


def load(data_dir: Path) -> dict:
    """The descriptor as a dict, or DataValidationError naming the file, line and key at fault."""
    where = f"{Path(data_dir).name}/{NAME}"
    path = Path(data_dir) / NAME
    if path.is_symlink() or not path.is_file():
        raise DataValidationError([f"{where}: missing (every data folder needs its descriptor)"])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise DataValidationError([f"{where}, line {line}: not valid UTF-8"]) from None
    try:
        root, desc = parse(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataValidationError([f"{where}{at}: not valid YAML: {getattr(err, 'problem', None) or err}"]) from None
    if not isinstance(desc, dict):
        raise DataValidationError([f"{where}: empty, or not a mapping of keys (expected name:, resources:, ...)"])
    problems = []
    for error in sorted(jsonschema.Draft7Validator(PROFILE).iter_errors(desc), key=lambda e: list(map(str, e.path))):
        line = _line_of(root, error.path)
        at = f", line {line}" if line else ""
        problems.append(f"{where}{at}, at {_path_text(list(error.path))}: {error.message}")
    if problems:
        raise DataValidationError(problems)
    problems += _cross_references(desc, where, root) + _field_problems(desc, where, root)
    if problems:
        raise DataValidationError(problems)
    return desc


def _cross_references(desc: dict, where: str, root) -> list[str]:
    """Names a resource uses (keys, quoted columns, labels) must be its own fields; names unique."""
    problems, seen = [], set()
    for i, res in enumerate(desc["resources"]):
        at = f"{where}, line {_line_of(root, ['resources', i])}, resource {res['name']!r}"
        if res["name"] in seen or res["path"] in {r["path"] for r in desc["resources"][:i]}:
            problems.append(f"{at}: name or path used twice")
        seen.add(res["name"])
        fields = [f["name"] for f in res["schema"]["fields"]]
        named = list(res["schema"].get("primaryKey", [])) + list(res.get("x-quoted-values", []))
        named += [res["x-quote-label"]] if "x-quote-label" in res else []
        named += list(res.get("x-labels-in-evidence", []))
        for fk in res["schema"].get("foreignKeys", []):
            named += fk["fields"]
            problems += _reference_problems(desc, fk, at)
        for name in named:
            if name not in fields:
                problems.append(f"{at}: names a field {name!r} that its schema does not have")
        if res.get("x-quoted-values") and "printed_as" not in fields:
            problems.append(f"{at}: has x-quoted-values, so it needs a 'printed_as' field binding each value to its quote")
        if "source_id" in fields and res["name"] != "sources" and not any(
                fk["fields"] == ["source_id"] for fk in res["schema"].get("foreignKeys", [])):
            problems.append(f"{at}: has a source_id field without a foreign key to sources")
    return problems


def _reference_problems(desc: dict, fk: dict, at: str) -> list[str]:
    """A foreign key must point at fields that exist, as many as it has."""
    ref = fk["reference"]
    target = next((r for r in desc["resources"] if r["name"] == ref["resource"]), None)
    if target is None:
        return [f"{at}: foreign key {fk['fields']} refers to resource {ref['resource']!r}, which the descriptor does "
                f"not list"]
    has = {field["name"] for field in target["schema"]["fields"]}
    missing = [f for f in ref["fields"] if f not in has]
    if missing:
        return [f"{at}: foreign key {fk['fields']} refers to {missing}, which resource {ref['resource']!r} does not "
                f"have"]
    if len(ref["fields"]) != len(fk["fields"]):
        return [f"{at}: foreign key {fk['fields']} refers to {ref['fields']}: not as many fields"]
    return []


def _field_problems(desc: dict, where: str, root) -> list[str]:
    """Each field as frictionless reads it (a pattern on a number is refused there), its pattern a regex."""
    problems = []
    for i, res in enumerate(desc["resources"]):
        for j, field in enumerate(res["schema"]["fields"]):
            at = f"{where}, line {_line_of(root, ['resources', i, 'schema', 'fields', j])}, resource {res['name']!r}, " \
                 f"field {field['name']!r}"
            try:
                Field.from_descriptor(field)
            except FrictionlessException as err:
                problems += [f"{at}: {e.note}" for e in err.to_errors()]
            pattern = field.get("constraints", {}).get("pattern")
            if pattern is None:
                continue
            try:
                re.compile(pattern)
            except re.error as err:
                problems.append(f"{at}: pattern {pattern!r} is not a regular expression ({err})")
    return problems
