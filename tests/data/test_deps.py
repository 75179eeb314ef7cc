"""What a page read: a kernel logs the file of every axbook module it imports, and nothing outside a build."""

from axbook.data import deps
from axbook.paths import ROOT

# -- dependencies: a kernel logs the modules it imports, then or later -------------------------------

def test_a_kernel_logs_every_axbook_module_it_imports_and_only_those(tmp_path):
    import os
    import subprocess
    import sys


    log = tmp_path / "deps.log"
    code = "import axbook\nfrom axbook.pages import ledgers\nledgers.table('power-equipment')\n"
    env = {**os.environ, deps.ENV: str(log), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    imported = {p.relative_to(ROOT / "axbook").as_posix() for p in deps.read_log(log)
                if (ROOT / "axbook") in p.parents}
    assert {"__init__.py", "pages/__init__.py", "pages/ledgers.py", "articles/power.py", "articles/timeline.py",
            "data/tables.py", "checks/claims.py", "data/deps.py"} <= imported
    # not imported, so not depended on
    assert not imported & {"articles/ai_gap.py", "articles/programmes.py", "site/build.py", "site/__init__.py"}
    assert all((ROOT / "axbook" / name).is_file() for name in imported)  # each a file of the package, as it is laid out
    assert deps.module_file("axbook") == ROOT / "axbook" / "__init__.py"
    assert deps.module_file("axbook.figures") == ROOT / "axbook" / "figures" / "__init__.py"
    assert deps.module_file("axbook.figures.charts") == ROOT / "axbook" / "figures" / "charts.py"
    logged = log.read_bytes()
    del env[deps.ENV]
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert log.read_bytes() == logged  # outside a build nothing is logged
