"""What changed between a notebook's stored outputs and a fresh run, as values an author can read.

The notebook regression compares whole outputs; a chart's output is a long SVG and a JSON spec, so a raw
diff of one changed number runs to hundreds of lines. Here each chart is compared by its spec, leaf by
leaf (``datasets[0][3].value: 13.5 -> 14.5``), glued values by their text, and the SVG is left out.
"""

import difflib
import json
import re

GLUE_PREFIX = "application/papermill.record/"
_SPEC = re.compile(r'<script type="application/json" id="[^"]*-spec">(.*?)</script>', re.S)
MAX_TEXT = 120


def _cut(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _short(value) -> str:
    return _cut(repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False))


def _leaves(value, path: str = ""):
    """(path, leaf) pairs; a spec's dataset names are content hashes, so datasets are indexed by position."""
    if isinstance(value, dict):
        for key in value:
            if path == "datasets":
                yield from _leaves(value[key], f"{path}[{list(value).index(key)}]")
            else:
                yield from _leaves(value[key], f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def _normalise_names(spec: dict) -> dict:
    # References to a dataset by its hash name would differ on every data change: name them by position.
    names = {name: f"dataset{i}" for i, name in enumerate(spec.get("datasets", {}))}
    text = json.dumps(spec, ensure_ascii=False)
    for name, label in names.items():
        text = text.replace(f'"{name}"', f'"{label}"')
    return json.loads(text)


def _pair(old, new) -> str:
    """'old -> new'; long strings are shown from a little before their first difference."""
    if isinstance(old, str) and isinstance(new, str) and max(len(old), len(new)) > MAX_TEXT // 2:
        first_difference = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                                min(len(old), len(new)))
        start = max(0, first_difference - 20)
        if start:
            old, new = "…" + old[start:], "…" + new[start:]
        return f"{_cut(repr(old))[:MAX_TEXT // 2]} -> {_cut(repr(new))[:MAX_TEXT // 2]}"
    return f"{_short(old)} -> {_short(new)}"


def _keys_in_order(before: dict, after: dict) -> list:
    """Every key of either side: the old ones in their order, then the new ones."""
    return list(before) + [k for k in after if k not in before]


def spec_changes(old: dict, new: dict) -> list[str]:
    before, after = dict(_leaves(_normalise_names(old))), dict(_leaves(_normalise_names(new)))
    lines = []
    for path in _keys_in_order(before, after):
        if path not in after:
            lines.append(f"{path}: {_short(before[path])} -> (gone)")
        elif path not in before:
            lines.append(f"{path}: (new) {_short(after[path])}")
        elif before[path] != after[path]:
            lines.append(f"{path}: {_pair(before[path], after[path])}")
    return lines


def _spec(html_text: str) -> dict | None:
    found = _SPEC.search(html_text)
    return json.loads(found.group(1)) if found else None


def _text_changes(old: str, new: str) -> list[str]:
    if "\n" not in old.strip() and "\n" not in new.strip():
        return [_pair(old, new)]
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [_cut(line) for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def _output_key(output, position: int) -> str:
    name = output.get("metadata", {}).get("scrapbook", {}).get("name")
    return f"glue {name!r}" if name else f"output {position}"


def _bundle(output) -> dict:
    if output.get("output_type") == "stream":
        return {"text/plain": output.get("text", "")}
    if output.get("output_type") == "error":
        return {"text/plain": f"{output.get('ename')}: {output.get('evalue')}"}
    return {k.removeprefix(GLUE_PREFIX): v for k, v in output.get("data", {}).items()}


def _output_changes(old: dict, new: dict) -> list[str]:
    old_spec, new_spec = _spec(old.get("text/html", "")), _spec(new.get("text/html", ""))
    if old_spec is not None or new_spec is not None:
        changes = spec_changes(old_spec or {}, new_spec or {})
        return [f"spec {c}" for c in changes] or (["drawn SVG changed (spec unchanged)"]
                                                         if old.get("image/svg+xml") != new.get("image/svg+xml") else [])
    changes = []
    for mime in sorted(set(old) | set(new)):
        if mime == "image/svg+xml" or old.get(mime) == new.get(mime):
            continue
        changes += [f"{mime}: {line}" for line in _text_changes(str(old.get(mime, "")), str(new.get(mime, "")))]
    return changes


def changed_values(stored, fresh, limit: int = 40) -> list[str]:
    """One line per changed value: the cell (number and first line), the output, what changed."""
    lines = []
    for index, (old_cell, new_cell) in enumerate(zip(stored.cells, fresh.cells, strict=False)):
        if old_cell.cell_type != "code":
            continue
        first = old_cell.source.strip().splitlines()[0] if old_cell.source.strip() else ""
        old_outputs = {_output_key(o, i): _bundle(o) for i, o in enumerate(old_cell.get("outputs", []))}
        new_outputs = {_output_key(o, i): _bundle(o) for i, o in enumerate(new_cell.get("outputs", []))}
        cell_lines = []
        for key in _keys_in_order(old_outputs, new_outputs):
            if key not in new_outputs:
                cell_lines.append(f"  {key}: output gone")
            elif key not in old_outputs:
                cell_lines.append(f"  {key}: new output")
            else:
                cell_lines += [f"  {key}: {change}" for change in _output_changes(old_outputs[key], new_outputs[key])]
        if cell_lines:
            lines += [f"cell {index + 1} (`{_cut(first)}`)", *cell_lines]
    if len(stored.cells) != len(fresh.cells):
        lines.append(f"cell count: {len(stored.cells)} -> {len(fresh.cells)}")
    return lines if len(lines) <= limit else lines[:limit] + [f"... and {len(lines) - limit} more"]
