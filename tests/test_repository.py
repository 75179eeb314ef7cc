"""The repository as a whole: the guides name only what exists, the citation file, the package's layering."""

import ast
import re
import shutil
import subprocess

import pytest

from axbook.data import tables
from axbook.paths import ROOT


def test_the_citation_file_names_the_book_and_both_licences():
    import yaml

    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    book = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert citation["cff-version"] == "1.2.0" and citation["title"] == book["title"]
    assert citation["license"] == "MIT" and "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    data_licence = tables.validate()["licenses"][0]["name"]
    assert [r["license"] for r in citation["references"] if r["type"] == "data"] == [data_licence]
    footer = book["sphinx"]["config"]["html_theme_options"]["extra_footer"]
    assert "MIT" in footer and data_licence.replace("-", " ")[:9] in footer


# -- the guides stay true ---------------------------------------------------------------------------

GUIDES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "ARCHITECTURE.md", ROOT / "docs" / "design-notes.md"]


@pytest.mark.outside
def test_every_command_and_file_the_guides_name_exists():
    help_text = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True).stdout
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        for target in set(re.findall(r"`make ([a-z][a-z-]*)", text)):
            assert target in targets, f"{guide.name} names `make {target}`, which the Makefile lacks"
            assert f"make {target}" in help_text, f"`make help` does not list `make {target}`"
        for rel in set(re.findall(r"`((?:tests|axbook|data|benchmarks|chapters)/[\w./-]+\.(?:py|csv|yaml|ipynb))`", text)):
            if "NN-" not in rel and "06-export-credit" not in rel and "export_credit" not in rel:
                assert (ROOT / rel).exists(), f"{guide.name} names {rel}, which does not exist"
    for target in targets:
        assert re.search(rf"make {target}\b", help_text), f"`make help` omits `make {target}`"


# -- the package's layering (ARCHITECTURE.md) -------------------------------------------------------

# The stages, lowest first; a module may import its own stage and any stage below it, never one above it or a
# sibling on its level. paths.py and errors.py (the foundation) import nothing of the book; every stage may import
# them. The package root (``axbook.setup``) is what chapters call first: it is above every stage.
STAGES = [("language",), ("data",), ("figures", "checks"), ("articles",), ("pages",), ("site",), ("authoring",)]
FOUNDATION = {"paths", "errors"}
PACKAGE = ROOT / "axbook"


def _rank(part: str) -> float:
    if part in FOUNDATION:
        return -1
    return next((level for level, names in enumerate(STAGES) if part in names), float("inf"))


def _imports(path, package=PACKAGE):
    """Every axbook module a file imports, at the top or inside a function (a lazy import is still a dependency):
    ``from axbook.site import build`` is ``axbook.site.build``, ``from axbook.paths import ROOT`` is ``axbook.paths``."""
    def is_module(name):
        where = package.joinpath(*name.split(".")[1:])
        return where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name.split(".")[0] == "axbook"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "axbook":
            for alias in node.names:
                name = f"{node.module}.{alias.name}"
                found.append((name if is_module(name) else node.module, node.lineno))
    return found


def layering_problems(package=PACKAGE) -> list[str]:
    """One line per import that points up the pipeline, across to a sibling, or into a module that is not there."""
    problems = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        if rel.as_posix() == "__init__.py":
            continue  # the root: above every stage
        own = rel.parts[0].removesuffix(".py")
        for name, line in _imports(path, package):
            parts = name.split(".")
            target = parts[1] if len(parts) > 1 else "axbook"
            where = f"axbook/{rel.as_posix()}:{line} imports {name}"
            if own in FOUNDATION:
                problems.append(f"{where}: the foundation ({', '.join(sorted(FOUNDATION))}) imports nothing of the book")
            elif target == "axbook" or _rank(target) == float("inf"):
                problems.append(f"{where}: not a stage of ARCHITECTURE.md")
            elif target != own and _rank(target) >= _rank(own):
                problems.append(f"{where}: {target} is not below {own} "
                                f"({' -> '.join('/'.join(s) for s in STAGES)})")
    return problems


def test_every_import_points_down_the_pipeline():
    assert layering_problems() == []


def test_an_upward_import_is_named_by_file_line_and_stages(tmp_path):
    copy = tmp_path / "axbook"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    tables_py = copy / "data" / "tables.py"
    lines = tables_py.read_text(encoding="utf-8").splitlines()
    tables_py.write_text("\n".join([*lines, "from axbook.site import build"]) + "\n", encoding="utf-8")
    (copy / "figures" / "charts.py").write_text("def f():\n    from axbook.checks import claims\n", encoding="utf-8")
    (copy / "paths.py").write_text("import axbook.data.deps\n", encoding="utf-8")
    assert layering_problems(copy) == [
        f"axbook/data/tables.py:{len(lines) + 1} imports axbook.site.build: site is not below data "
        "(language -> data -> figures/checks -> articles -> pages -> site -> authoring)",
        "axbook/figures/charts.py:2 imports axbook.checks.claims: checks is not below figures "
        "(language -> data -> figures/checks -> articles -> pages -> site -> authoring)",
        "axbook/paths.py:1 imports axbook.data.deps: the foundation (errors, paths) imports nothing of the book",
    ]


def import_cycles(package=PACKAGE) -> list[str]:
    """Every import cycle between the package's modules, as 'a -> b -> a'."""
    graph = {}
    for path in package.rglob("*.py"):
        module = ".".join(("axbook", *path.relative_to(package).with_suffix("").parts)).removesuffix(".__init__")
        graph[module] = {name for name, _ in _imports(path, package)} - {module}
    state, cycles = {}, []

    def visit(module, trail):
        state[module] = "open"
        for target in sorted(t for t in graph[module] if t in graph and not module.startswith(t + ".")):
            if state.get(target) == "open":
                cycles.append(" -> ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_module_imports_itself_back_through_another(tmp_path):
    assert import_cycles() == []  # build and execute once imported each other
    copy = tmp_path / "axbook"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    execute_py = copy / "site" / "execute.py"
    execute_py.write_text(execute_py.read_text(encoding="utf-8") + "\ndef jobs():\n    from axbook.site import build\n",
                          encoding="utf-8")
    assert import_cycles(copy) == ["axbook.site.build -> axbook.site.execute -> axbook.site.build"]


def test_the_architecture_names_every_stage_and_only_stages_that_exist():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    stages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    named = set(re.findall(r"`axbook/(\w+)/`", text))
    assert stages == named, f"in the package, not in ARCHITECTURE.md: {stages - named}; named, not there: {named - stages}"
    assert {name for level in STAGES for name in level} == stages  # every stage has its place in the order


def test_the_test_shards_together_are_the_whole_suite_each_test_once():
    """GitHub runs `make test` as three jobs (`make test-shard SHARD=...`): no test lost between them, none run twice."""
    import shlex
    import sys

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    shards = dict(re.findall(r"^SHARD_(\w+) := (.+)$", makefile, re.M))

    def collected(*args: str) -> list[str]:
        done = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q", *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        return [line for line in done.stdout.splitlines() if "::" in line]

    assert set(shards) == {"copies", "site", "rest"}
    parts = [collected(*shlex.split(args)) for args in shards.values()]
    whole = collected()
    assert sorted(test for part in parts for test in part) == sorted(whole) and len(whole) > 500
