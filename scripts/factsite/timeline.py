"""The timeline: every dated fact in chronological order, grouped by decade and year, as Markdown pages.

One page (timeline.md) while it is small; past the page budget, an overview plus a page per decade or year
(see layout). Anchors: each year's heading is ``#1982``, each decade's ``#1980s`` (on a single page), and each
entry is the fact's id, e.g. ``timeline.md#china-accession-1982``.
"""

from __future__ import annotations

from itertools import groupby

from .chronology import dated_facts
from .layout import TIMELINE, decade, rel_link, timeline_pages, year_anchor
from .markup import html_text, md_text
from .model import Fact, Site
from .pages import fact_date, jump_list, verdict_badge

# Decade headings help once the years are too many to scan as one list.
_DECADES_FROM_YEARS = 10


def render_timeline(site: Site) -> dict[str, str]:
    """Every page of the timeline, by source file: timeline.md first."""
    facts = dated_facts(site)
    layout = timeline_pages(site)
    if set(layout.values()) <= {TIMELINE}:
        return {TIMELINE: _single_page(site, facts)}
    pages = {TIMELINE: _overview(site, facts)}
    for uri, on_page in groupby(facts, key=lambda fact: layout[fact.date.year]):
        on_page = list(on_page)
        pages[uri] = _part_page(site, uri, on_page)
    return pages


def _intro(site: Site, facts: list[Fact], uri: str) -> list[str]:
    undated = len(site.facts) - len(facts)
    span = f" from {facts[0].date.year} to {facts[-1].date.year}" if facts else ""
    return [
        f"Every dated fact on this site, earliest first: {len(facts)} in all{span}. Each date is as precise as "
        "the sources allow; “c.” marks an approximate date, and “(inferred)” one worked out from other evidence "
        "rather than stated by a source. The label after each entry is its verdict, explained in "
        f"[the conventions]({rel_link(uri, 'conventions.md')}#verdicts).",
        "",
    ] + ([
        f"{_count(undated, 'fact has no date and appears', 'facts have no date and appear')} only in "
        f"[the facts index]({rel_link(uri, 'facts/index.md')}).",
        "",
    ] if undated else [])


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _single_page(site: Site, facts: list[Fact]) -> str:
    lines = ["# Timeline", "", *_intro(site, facts, TIMELINE)]
    years = sorted({fact.date.year for fact in facts})
    by_decade = len(years) > _DECADES_FROM_YEARS
    if by_decade:
        decades = sorted({decade(year) for year in years})
        lines += [jump_list("Decades", [f"[{d}s](#{d}s)" for d in decades]), ""]
    else:
        lines += [jump_list("Years", [f"[{year}](#{year})" for year in years]), ""]
    for decade_start, in_decade in groupby(facts, key=lambda fact: decade(fact.date.year)):
        if by_decade:
            lines += [f"## {decade_start}s {{ #{decade_start}s }}", ""]
        level = "###" if by_decade else "##"
        for year, in_year in groupby(in_decade, key=lambda fact: fact.date.year):
            lines += [f"{level} {year} {{ #{year} }}", "", _entries(TIMELINE, list(in_year)), ""]
    return "\n".join(lines)


def _overview(site: Site, facts: list[Fact]) -> str:
    """timeline.md when the timeline is split: where to find each decade and year."""
    lines = ["# Timeline", "", *_intro(site, facts, TIMELINE), "The timeline is in parts, one per decade (or per year "
             "where a decade holds too many events):", "", '<ul class="timeline-parts" markdown>']
    # Each decade and year keeps its anchor here, so that links made before the split still arrive.
    for decade_start, in_decade in groupby(facts, key=lambda fact: decade(fact.date.year)):
        in_decade = list(in_decade)
        years = sorted({fact.date.year for fact in in_decade})
        year_links = ", ".join(
            f"[{year}]({rel_link(TIMELINE, year_anchor(site, year))}){{ #{year} }}" for year in years
        )
        lines.append(f'<li id="{decade_start}s" markdown="span"><strong>{decade_start}s</strong> '
                     f"({_count(len(in_decade), 'event', 'events')}): {year_links}</li>")
    return "\n".join([*lines, "</ul>", ""])


def _part_page(site: Site, uri: str, facts: list[Fact]) -> str:
    """One decade (with a heading per year) or one year of a split timeline."""
    years = sorted({fact.date.year for fact in facts})
    back = f"[The whole timeline]({rel_link(uri, TIMELINE)}) · {_count(len(facts), 'event', 'events')} on this page."
    if len(years) == 1 and uri.endswith(f"/{years[0]}.md"):
        return "\n".join([f"# Timeline: {years[0]} {{ #{years[0]} }}", "", back, "", _entries(uri, facts), ""])
    lines = [f"# Timeline: the {decade(years[0])}s", "", back, "",
             jump_list("Years", [f"[{year}](#{year})" for year in years]), ""]
    for year, in_year in groupby(facts, key=lambda fact: fact.date.year):
        lines += [f"## {year} {{ #{year} }}", "", _entries(uri, list(in_year)), ""]
    return "\n".join(lines)


def _entries(uri: str, facts: list[Fact]) -> str:
    items = []
    for fact in facts:
        kind = '<span class="timeline__kind">Claim in the op-ed</span> ' if fact.is_claim else ""
        items.append(
            f'<li id="{fact.id}" markdown="span">'
            f'<time datetime="{fact.date.iso()}">{html_text(fact_date(fact))}</time> '
            f"[{md_text(fact.title)}]({rel_link(uri, fact.src_uri)}) {kind}{verdict_badge(fact.verdict, uri)}</li>"
        )
    return '<ol class="timeline" markdown>\n' + "\n".join(items) + "\n</ol>"
