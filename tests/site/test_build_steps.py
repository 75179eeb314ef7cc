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


def test_a_stage_left_by_a_stopped_build_is_emptied_before_the_next_one(tmp_path, monkeypatch):
    """A build stopped part-way leaves its mark in the stage; the next starts from an empty stage (it then writes what
    a clean build writes); a build that runs to its end, published or failed, removes the mark."""
    import pytest

    from axbook.site import build

    stage = tmp_path / "stage"
    (stage / "en" / "_build").mkdir(parents=True)
    (stage / "en" / "_build" / "half-written.pickle").write_text("x")
    (stage / ".interrupted").touch()
    seen = []
    monkeypatch.setattr(build, "_build_staged", lambda site, stage, *rest: seen.append(
        sorted(p.relative_to(stage).as_posix() for p in stage.rglob("*"))) or 1)
    assert build.build(site=tmp_path / "html", stage=stage) == 1
    assert seen == [[".interrupted"]] and not (stage / ".interrupted").exists()

    def stopped(*args):
        raise SystemExit(143)  # SIGTERM, as the build's handler raises it

    monkeypatch.setattr(build, "_build_staged", stopped)
    with pytest.raises(SystemExit):
        build.build(site=tmp_path / "html", stage=stage)
    assert (stage / ".interrupted").exists()


SPAWNS_A_KERNEL = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60.{mark})"])  # a kernel, say
{then}
"""


def _kernel(mark: str) -> int:
    """The pid of the 'kernel' a test's script started (found by its unique command line)."""
    import subprocess
    import time

    deadline = time.time() + 30
    while True:
        found = subprocess.run(["pgrep", "-f", f"time.sleep\\(60.{mark}\\)"], capture_output=True, text=True).stdout.split()
        if found:
            return int(found[0])
        assert time.time() < deadline, "the script did not start its kernel"
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    import os

    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent is gone too
        return open(f"/proc/{pid}/stat").read().split()[2] != "Z"
    except OSError:
        return False


def test_sigterm_stops_the_build_and_everything_it_started(tmp_path):
    """timeout(1), a cancelled CI job or `kill` send SIGTERM: the build stops its Sphinx run's whole process group
    (workers and kernels with it) before it exits."""
    import subprocess
    import sys
    import time

    script = tmp_path / "sphinx_like.py"
    script.write_text(SPAWNS_A_KERNEL.format(mark="1501", then="time.sleep(60)"))
    code = ("import sys; from axbook.site import build; build._stop_on_sigterm(); "
            f"q = build.Quiet([sys.executable, {str(script)!r}], __import__('pathlib').Path({str(tmp_path / 'log')!r}));"
            " q.wait()")
    runner = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    kernel = _kernel("1501")
    runner.terminate()
    assert runner.wait(timeout=45) == 128 + 15
    deadline = time.time() + 10
    while _alive(kernel) and time.time() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel)


def test_a_sphinx_run_whose_build_was_killed_ends_its_whole_group(tmp_path):
    """SIGKILL cannot be caught: the Sphinx run notices it was orphaned and ends its own process group."""
    import subprocess
    import sys
    import time

    script = tmp_path / "orphan.py"
    script.write_text(SPAWNS_A_KERNEL.format(
        mark="1502", then="from axbook.site import parallel_build; parallel_build._end_with_the_build(0.1); time.sleep(60)"))
    build = subprocess.Popen([sys.executable, "-c", f"import subprocess, sys, time; subprocess.Popen([sys.executable, "
                              f"{str(script)!r}], process_group=0); time.sleep(60)"], stdout=subprocess.PIPE, text=True)
    kernel = _kernel("1502")
    time.sleep(0.5)  # the watcher is running
    build.kill()
    build.wait()
    deadline = time.time() + 10
    while _alive(kernel) and time.time() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel)
