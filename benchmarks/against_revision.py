"""Every chart page now and at an earlier revision, side by side: ms until every chart is drawn, as a ratio.

The all-charts time moves with the machine (on the 2-core VM this book is built on, the stock page of
benchmarks/page_weight.py took 0.42 s in one hour and 0.95 s in another), so a target set in milliseconds on one
machine is checked here as a ratio to the page it was set against, measured in the same run. The revision is built
in a temporary git worktree with its own `make book` (its own environment, as its README says), then each chart page
both sites have is visited in turn, `--rounds` times, alternating which site goes first: an empty cache each visit,
scrolling straight through as page_weight's timed visit does. Default revision: 214abef, the site issue #11
measured (chapter 1 at 1.3 s, target 0.8 s): the target is then scaled to this machine by that page's time here.
Run: .venv/bin/python benchmarks/against_revision.py [REVISION] [--rounds N]   (about 3 minutes; `make book` first)
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from page_weight import SITE, fresh_visit, run
from playwright.sync_api import sync_playwright

from axbook.paths import ROOT
from axbook.site import toc
from axbook.site.pdf import CHROMIUM, FLAGS, serve

ISSUE_11_REVISION = "214abef"
# What #11 measured at that revision, on its machine, and its target: chapter 1's charts all drawn in 1.3 s, to be 0.8 s.
ISSUE_11_PAGE, ISSUE_11_MS, ISSUE_11_TARGET_MS = "chapters/01-ai-adoption-gap.html", 1300, 800


def built_at(revision: str, workdir: Path) -> Path:
    """The site as `revision` builds it, in a worktree under `workdir`."""
    tree = workdir / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(tree), revision], check=True)
    done = subprocess.run(["make", "-C", str(tree), "book"], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{revision} did not build:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return tree / "_build" / "html"


def chart_pages(*sites: Path) -> list[str]:
    """The pages of this book's _toc.yml that hold a chart in every site given."""
    return [page for page in toc.html_pages()
            if all((site / page).exists() and 'class="axbook-chart"' in (site / page).read_text(encoding="utf-8")
                   for site in sites)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision", nargs="?", default=ISSUE_11_REVISION)
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args()
    if not (SITE / "index.html").exists():
        print("no built site: run `make book` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        try:
            then_site = built_at(args.revision, Path(tmp))
            sites = {"now": SITE, args.revision: then_site}
            pages = chart_pages(*sites.values())
            servers = {name: serve(site) for name, site in sites.items()}
            times = {(name, page): [] for name in sites for page in pages}
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
                for round_ in range(args.rounds):
                    order = list(sites) if round_ % 2 == 0 else list(reversed(sites))
                    for page in pages:
                        for name in order:
                            url = f"{servers[name][0]}/{page}"
                            times[name, page].append(fresh_visit(browser, url, timed=True)["ms"])
                browser.close()
            for _, server in servers.values():
                server.shutdown()
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(Path(tmp) / "tree")],
                           check=False)
    print(f"all charts drawn, ms (median of {args.rounds}, min-max), now beside {args.revision}, same run")
    print(f"{'page':<40}{'now':>18}{args.revision:>18}{'ratio':>8}")
    for page in pages:
        now, then = times["now", page], times[args.revision, page]
        print(f"{page:<40}{statistics.median(now):>8.0f} ({min(now):>4.0f}-{max(now):>4.0f})"
              f"{statistics.median(then):>8.0f} ({min(then):>4.0f}-{max(then):>4.0f})"
              f"{statistics.median(now) / statistics.median(then):>8.2f}")
    if args.revision == ISSUE_11_REVISION and ISSUE_11_PAGE in pages:
        here = statistics.median(times[args.revision, ISSUE_11_PAGE])
        target = ISSUE_11_TARGET_MS * here / ISSUE_11_MS
        met = [page for page in pages if statistics.median(times["now", page]) <= target]
        print(f"\n#11's target on this machine: {ISSUE_11_TARGET_MS} ms x {here:.0f} / {ISSUE_11_MS} ms ({args.revision}'s "
              f"{ISSUE_11_PAGE} here, there) = {target:.0f} ms; met by {len(met)} of {len(pages)} pages"
              + "".join(f"; not {page}" for page in pages if page not in met))
    return 0


if __name__ == "__main__":
    run(main)
