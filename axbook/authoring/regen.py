"""`python -m axbook.authoring.regen [NOTEBOOK ...]`: re-execute notebooks in place (default: every one in _toc.yml).

The only command that writes into chapters/. Outputs are the regression reference, so they must be
byte-stable: no timings are recorded, and the notebook is written in nbformat's normal form.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from axbook.paths import ROOT
from axbook.site import failures, toc


def clean(nb):
    # Execution counts and language_info are deterministic and are what pytest-notebook reproduces.
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    return nb


def regen(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no start-up chatter
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    nbformat.write(clean(nb), path)
    print(f"regenerated {path.relative_to(ROOT)}")


def main(paths: list[str]) -> int:
    for path in [Path(p).resolve() for p in paths] or toc.notebooks():
        try:
            regen(path)
        except CellExecutionError as error:
            # The notebook keeps its previous outputs: nbformat.write is never reached.
            source = failures.ANSI.sub("", str(error)).split("-" * 18)
            print(failures.summary(path, source[1] if len(source) > 2 else "", f"{error.ename}: {error.evalue}"),
                  file=sys.stderr)
            print(f"make regen stopped at {path.relative_to(ROOT)}; its stored outputs were not changed", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
