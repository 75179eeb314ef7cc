"""Every chapter's claims ledger and headline finding, built the one way each chapter builds them.

Chapters show ``table(article_id)``; the front page sums ``ledger()`` over every chapter. Both call the
same functions on the same data, so a data change that flips a verdict flips it in both places.

Each chapter's analysis module is imported when its ledger is built, not when this module is: a page
depends on the modules its kernel imported (axbook.data.deps), so chapter 1 does not re-execute when chapter 2's
module changes.
"""

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from axbook.checks import claims as cl
from axbook.data import tables
from axbook.paths import DATA_DIR


def _events(d: Path) -> pd.DataFrame:
    from axbook.articles import timeline

    return timeline.page_dates(tables.load("page_dates", d), tables.load("articles", d),
                               {"kvmcc": tables.load("kvmcc_figures", d), "challenge": tables.load("challenge_figures", d)},
                               tables.load("power_deal_figures", d))


def _edition_year(d: Path) -> int:
    from axbook.articles import timeline

    return timeline.edition(tables.load("articles", d))[0]


def _ai_gap(d: Path) -> list[cl.Check]:
    from axbook.articles import ai_gap

    return ai_gap.checks(tables.load("ai_use_rate", d), tables.load("claims", d), tables.load("smart_manufacturing", d))


def _ai_gap_finding(d: Path) -> str:
    from axbook.articles import ai_gap

    g = ai_gap.gaps(tables.load("ai_use_rate", d)).query("dimension == 'firm_size'").set_index("year")
    first, last = g.loc[ai_gap.FIRST], g.loc[ai_gap.LAST]
    return (f"The large-SME gap in AI use went from {first['gap_pp']:.2f} to {last['gap_pp']:.1f} percentage points "
            f"({ai_gap.FIRST}–{ai_gap.LAST}); large firms' rate was about {first['ratio']:.0f} times the SMEs' in "
            f"{ai_gap.FIRST} and about {last['ratio']:.0f} times in {ai_gap.LAST}: the '11배' is a ratio of gaps, "
            "not of rates.")


def _power(d: Path) -> list[cl.Check]:
    from axbook.articles import power

    return power.checks(tables.load("power_deal_figures", d), tables.load("context_indicators", d),
                        tables.load("sources", d), _edition_year(d))


def _power_finding(d: Path) -> str:
    from axbook.articles import power

    figs = tables.load("power_deal_figures", d)
    terms = power.busduct_terms(figs, _edition_year(d))
    g = power.implied_growth(terms["first_bn"], terms["total_bn"], terms["years"])
    return (f"The busduct ceiling ({terms['total_printed']}) needs supply to grow {g:.0%} a year from "
            f"{terms['first_printed']}; the won-dollar conversion implies {power.implied_rate(figs)['rate']:,.0f} won.")


def _challenge(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    figs, companies = tables.load("challenge_figures", d), tables.load("challenge_demand_companies", d)
    return programmes.challenge_checks(figs, tables.load("challenge_fields", d), programmes.tracks(figs, companies),
                                       programmes.window(_events(d)))


def _challenge_finding(d: Path) -> str:
    from axbook.articles import programmes

    t = programmes.tracks(tables.load("challenge_figures", d), tables.load("challenge_demand_companies", d))
    w = programmes.window(_events(d))
    return (f"{t['firms'].sum()} start-ups can share at most ₩{t['envelope_bn'].sum():g}bn of collaboration funding; "
            f"applications are open for {w['days']} days.")


def _kibo(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    return programmes.kibo_checks(tables.load("kibo_eligibility", d))


def _kibo_finding(d: Path) -> str:
    steps = tables.load("kibo_steps", d)
    return (f"No number to check: the page gives {len(steps)} steps and the guarantee's conditions, but no count of "
            "firms, no amount and no details of the Busan M&A support.")


def _kvmcc(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    return programmes.kvmcc_checks(tables.load("kvmcc_figures", d), tables.load("kvmcc_paths", d), _events(d))


def _kvmcc_finding(d: Path) -> str:
    from axbook.articles import programmes

    k = programmes.kvmcc(tables.load("kvmcc_figures", d))
    return (f"About {k['pass_rate']:.0%} of cohort 2's trainees are expected to be certified; '확대' (expanded) sets "
            "cohort 2's intake beside cohort 1's output, whose intake the page does not give.")


@dataclass(frozen=True)
class Chapter:
    doc: str
    article_id: str
    checks: Callable[[Path], list[cl.Check]]
    finding: Callable[[Path], str]

    @classmethod
    def of_module(cls, doc: str, article_id: str, module: str) -> "Chapter":
        """A chapter whose module has ``checks(data_dir)`` and ``finding(data_dir)`` (what `make chapter` writes)."""
        analysis = importlib.import_module(module)
        return cls(doc, article_id, analysis.checks, analysis.finding)


CHAPTERS = [
    Chapter("chapters/01-ai-adoption-gap", "ai-gap", _ai_gap, _ai_gap_finding),
    Chapter("chapters/02-power-equipment", "power-equipment", _power, _power_finding),
    Chapter("chapters/03-everyones-challenge", "challenge", _challenge, _challenge_finding),
    Chapter("chapters/04-kibo-rehabilitation", "kibo-court", _kibo, _kibo_finding),
    Chapter("chapters/05-kvmcc", "kvmcc", _kvmcc, _kvmcc_finding),
]  # `make chapter` adds its Chapter.of_module(...) line above this one
BY_ARTICLE = {}
for _chapter in CHAPTERS:
    BY_ARTICLE.setdefault(_chapter.article_id, _chapter)  # an article's first chapter holds its ledger
BY_DOC = {c.doc: c for c in CHAPTERS}


def table(key: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A chapter's ledger as its page shows it; ``key`` is its article id or its toc entry."""
    chapter = BY_DOC.get(key) or BY_ARTICLE[key]
    return cl.ledger(chapter.checks(data_dir))


def ledger(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Every claim of every chapter, with the chapter it is checked in."""
    frames = []
    for chapter in CHAPTERS:
        checks = chapter.checks(data_dir)
        frame = cl.ledger(checks).assign(doc=chapter.doc, article_id=chapter.article_id,
                                         part=[c.part or "body" for c in checks])
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def counts(frame: pd.DataFrame) -> dict[str, int]:
    return {v: int((frame["verdict"] == v).sum()) for v in cl.VERDICTS}
