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
from html import escape
from pathlib import Path

import pandas as pd

from axbook.checks import claims as cl
from axbook.data import tables
from axbook.language import amounts, i18n
from axbook.language.i18n import _
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

    return ai_gap.checks(tables.load("ai_use_rate", d), tables.load("claims", d), tables.load("smart_manufacturing", d),
                         tables.load("context_indicators", d))


def _by_id(checks: list[cl.Check]) -> dict[str, cl.Check]:
    return {c.claim_id: c for c in checks}


def _ai_gap_finding(d: Path) -> str:
    from axbook.articles import ai_gap

    found = _by_id(_ai_gap(d))
    return _("Large firms' AI-use rate was about {first_ratio} the SMEs' in {first} and about {last_ratio} in {last}. "
             "The headline's '11배' is how much the gap in percentage points grew ({gap_ratio} from the printed "
             "rates), not a ratio of rates.").format(
        first_ratio=found[f"rate-ratio-{ai_gap.FIRST}"].figure, first=ai_gap.FIRST,
        last_ratio=found[f"rate-ratio-{ai_gap.LAST}"].figure, last=ai_gap.LAST, gap_ratio=found["gap-ratio"].figure)


def _power(d: Path) -> list[cl.Check]:
    from axbook.articles import power

    return power.checks(tables.load("power_deal_figures", d), tables.load("context_indicators", d),
                        tables.load("sources", d), _edition_year(d))


def _power_finding(d: Path) -> str:
    from axbook.articles import power

    figs = tables.load("power_deal_figures", d)
    terms = power.busduct_terms(figs, _edition_year(d))
    found = _by_id(_power(d))
    return _("Gaon Cable's busduct total ({total}) is {multiple} this year's {first} ({multiple_rounded} with both "
             "figures read as rounded): growing at a steady rate, supply would have to rise {growth} to reach it by "
             "{last_year}. Every buyer and site the page names is in the United States, though the headline says "
             "North America (북미).").format(
        total=terms["total_printed"], multiple=amounts.times(f"{terms['total_bn'] / terms['first_bn']:g}"),
        first=terms["first_printed"], multiple_rounded=found["busduct-multiple"].figure,
        growth=found["busduct-growth"].figure, last_year=terms["last_year"])


def _challenge(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    figs, companies = tables.load("challenge_figures", d), tables.load("challenge_demand_companies", d)
    return programmes.challenge_checks(figs, tables.load("challenge_fields", d), programmes.tracks(figs, companies),
                                       programmes.window(_events(d)))


def _challenge_finding(d: Path) -> str:
    from axbook.articles import programmes

    t = programmes.tracks(tables.load("challenge_figures", d), tables.load("challenge_demand_companies", d))
    found = _by_id(_challenge(d))
    caps = (", " if i18n.current() == "ko" else " and ").join(
        _("up to {eok}억원 (₩{million} million)").format(eok=f"{cap:g}", million=f"{cap * 100:g}")
        for cap in sorted(set(t["cap_eok"])))
    return _("Each of the {firms} start-ups to be selected can get {caps} of collaboration funding: {total} at most for "
             "both tracks together. Applications are open for {days}.").format(
        firms=t["firms"].sum(), caps=caps, total=amounts.won(t["envelope_bn"].sum() * 1e9),
        days=found["window-days"].figure)


def _kibo(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    return programmes.kibo_checks(tables.load("kibo_eligibility", d))


def _kibo_finding(d: Path) -> str:
    steps = tables.load("kibo_steps", d)
    return _("No number to check: the page gives {steps} steps and the guarantee's conditions, but no count of firms, "
             "no amount and no details of the Busan M&A support.").format(steps=len(steps))


def _kvmcc(d: Path) -> list[cl.Check]:
    from axbook.articles import programmes

    return programmes.kvmcc_checks(tables.load("kvmcc_figures", d), tables.load("kvmcc_paths", d), _events(d))


def _kvmcc_finding(d: Path) -> str:
    from axbook.articles import programmes

    k = programmes.kvmcc(tables.load("kvmcc_figures", d))
    found = _by_id(_kvmcc(d))
    return _("Cohort 1 certified {first:.0f} mentor-coaches; cohort 2 takes about {trainees:.0f} trainees and expects "
             "to certify about {certified:.0f} ({rate} of them). '확대' (expanded) sets cohort 2's intake beside cohort "
             "1's output: cohort 1's intake is not printed.").format(
        first=k["first_certified"], trainees=k["trainees"], certified=k["certified"], rate=found["pass-rate"].figure)


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


def _chapter(key: str) -> Chapter:
    return BY_DOC.get(key) or BY_ARTICLE[key]


def table(key: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """A chapter's ledger, every row kind; ``key`` is its article id or its toc entry."""
    return cl.ledger(_chapter(key).checks(data_dir))


def ledger(data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Every row of every chapter's ledger, with the chapter it is in. Ids are unique in the book: they are the
    anchors (#claim-<id>) of the chapters and the front page."""
    frames = [cl.ledger(chapter.checks(data_dir)).assign(doc=chapter.doc, article_id=chapter.article_id)
              for chapter in CHAPTERS]
    frame = pd.concat(frames, ignore_index=True)
    repeated = sorted(set(frame.loc[frame["claim_id"].duplicated(), "claim_id"]))
    if repeated:
        raise ValueError(f"ledger ids used twice in the book: {', '.join(repeated)}")
    return frame


def claims_only(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows the page's score counts: claims the page makes."""
    return frame[frame["kind"] == cl.CLAIM]


def counts(frame: pd.DataFrame) -> dict[str, int]:
    """Each verdict's count over the page's claims (the book's findings are not scored)."""
    page = claims_only(frame)
    return {v: int((page["verdict"] == v).sum()) for v in cl.VERDICTS}


# --- as HTML: one table per row kind, the same in a chapter and on the front page ---

def anchor(claim_id: str) -> str:
    return f"claim-{claim_id}"


def verdict_class(verdict: str) -> str:
    return "verdict-" + verdict.replace(" ", "-")


def _chapter_link(doc: str, claim_id: str) -> str:
    """'Chapter 2', linked to the row's anchor in its chapter (the front page's tables and list)."""
    number = [c.doc for c in CHAPTERS].index(doc) + 1
    href = escape(f"{doc}.html#{anchor(claim_id)}", quote=True)
    label = _("Chapter {number}").format(number=number)
    return f'<a class="reference internal" href="{href}">{escape(label)}</a>'


def _chapter_cell(doc: str, claim_id: str) -> str:
    return f"<td>{_chapter_link(doc, claim_id)}</td>"


def _table(head: list[str], rows: list[str], classes: str) -> str:
    if not rows:
        none = _("None.")
        rows = [f'<tr><td colspan="{len(head)}">{escape(none)}</td></tr>']
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (f'<div class="axbook-table-wrap"><table class="axbook-table {classes}"><thead><tr>{header}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def claims_html(frame: pd.DataFrame, *, chapters: bool = False) -> str:
    """The page's claims with their verdicts; each row is the claim's anchor. ``chapters``: link each to its
    chapter (the front page)."""
    rows = []
    for r in claims_only(frame).itertuples():
        link = _chapter_cell(r.doc, r.claim_id) if chapters else ""
        rows.append(f'<tr id="{escape(anchor(r.claim_id), quote=True)}"><td>{escape(r.statement)}</td>'
                    f"<td>{escape(_(r.part))}</td><td>{escape(r.printed)}</td><td>{escape(r.recomputed)}</td>"
                    f'<td class="{verdict_class(r.verdict)}">{escape(_(r.verdict))}</td>{link}</tr>')
    head = [_("claim"), _("where"), _("printed"), _("recomputed"), _("verdict")] + ([_("chapter")] if chapters else [])
    return _table(head, rows, "axbook-claims")


def findings_html(frame: pd.DataFrame, *, chapters: bool = False) -> str:
    """The book's own figures, each at the digits its interval supports, with how it was worked out."""
    rows = []
    for r in frame[frame["kind"] == cl.FINDING].itertuples():
        link = _chapter_cell(r.doc, r.claim_id) if chapters else ""
        rows.append(f'<tr id="{escape(anchor(r.claim_id), quote=True)}"><td>{escape(r.statement)}</td>'
                    f"<td>{escape(r.figure)}</td><td>{escape(r.recomputed)}</td>{link}</tr>")
    if not rows:
        none = _("None: the book works out no figure from this article.")
        return f'<p class="axbook-none">{escape(none)}</p>'
    return _table([_("finding"), _("the book's figure"), _("how")] + ([_("chapter")] if chapters else []), rows,
                  "axbook-findings")


def not_said_html(frame: pd.DataFrame, *, chapters: bool = False) -> str:
    def where(r) -> str:
        return f" ({_chapter_link(r.doc, r.claim_id)})" if chapters else ""

    items = [f'<li id="{escape(anchor(r.claim_id), quote=True)}"><strong>{escape(r.statement)}</strong>: '
             f"{escape(r.recomputed)}{where(r)}.</li>" for r in frame[frame["kind"] == cl.NOT_SAID].itertuples()]
    nothing = _("Nothing listed yet.")
    empty = f"<li>{escape(nothing)}</li>"
    return f'<ul class="axbook-not-said">{"".join(items) or empty}</ul>'


def rules_html() -> str:
    """The verdicts and what each means, as every ledger applies them."""
    items = "".join(f'<dt class="{verdict_class(v)}">{escape(_(v))}</dt><dd>{escape(_(cl.RULES[v]))}</dd>'
                    for v in cl.VERDICTS)
    return f'<dl class="axbook-verdict-rules">{items}</dl>'
