"""Per-module mutation score from mutmut's results (`make mutate` prints this after `mutmut run`).

score = killed / (killed + survived + no tests + timeout + suspicious): a mutant no stated test runs counts
against the module, because only the notebook regression would notice it.
"""

import collections
import json
import sys
from pathlib import Path

KILLED = {1, 3, 37}
NOT_RUN = {None, 34}  # not checked yet, skipped
CHAPTERS = "articles"  # the stage that holds the chapters' own analysis; every other stage is machinery


def scores(mutants: Path) -> dict[str, collections.Counter]:
    by_module = {}
    for meta in sorted((mutants / "axbook").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].values()
        counts = collections.Counter("killed" if c in KILLED else "not run" if c in NOT_RUN else
                                     "survived" if c == 0 else "no tests" if c in (5, 33) else "other" for c in codes)
        if sum(counts.values()) - counts["not run"]:
            module = meta.relative_to(mutants / "axbook").as_posix().removesuffix(".py.meta").replace("/", ".")
            by_module[module] = counts
    return by_module


def main(argv: list[str]) -> int:
    mutants = Path(argv[0]) if argv else Path("mutants")
    table = scores(mutants)
    if not table:
        print("no mutation results: run `make mutate` first", file=sys.stderr)
        return 1
    header = ("module", "kind", "score", "killed", "survived", "no tests", "other", "not run")
    print("{:<22} {:<9} {:>6} {:>7} {:>9} {:>9} {:>6} {:>8}".format(*header))
    for module, c in sorted(table.items(), key=lambda kv: (kv[0].startswith(CHAPTERS), kv[0])):
        judged = c["killed"] + c["survived"] + c["no tests"] + c["other"]
        kind = "chapter" if module.startswith(CHAPTERS) else "machinery"
        print(f"{module:<22} {kind:<9} {c['killed'] / judged:>6.0%} {c['killed']:>7} {c['survived']:>9} "
              f"{c['no tests']:>9} {c['other']:>6} {c['not run']:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
