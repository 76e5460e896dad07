"""Where things live: relative links between source files, and which generated page holds each part of the
timeline, the glossary index, the facts index and the sources page.

Each of these lists is one page while it is small. When a page would grow past PAGE_BUDGET, the timeline splits
into a page per decade (a decade that is still too big, into a page per year), the glossary index into a page per
letter, the facts index into a page per topic and per verdict, and the sources page into a page per kind of
source. Every generated link to a year, an event, a glossary entry, a list of facts or a source asks this module
for its page, and links that editors write to them are pointed at the right page the same way, so links stay
right whichever way the pages are cut.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import Counter

from .chronology import dated_facts
from .model import Fact, Site, Source, Term, per_site
from .vocabulary import source_kinds, tags, verdicts

TIMELINE = "timeline.md"
GLOSSARY_INDEX = "glossary/index.md"
FACTS_INDEX = "facts/index.md"
SOURCES_PAGE = "sources.md"
# Well under the 1 MB a page may weigh: the theme's own HTML, the navigation and the search box come on top.
PAGE_BUDGET = 500_000
# Rough HTML bytes of one entry besides its title or definition (list item, date, link, verdict label).
_TIMELINE_ENTRY = 450
_GLOSSARY_ENTRY = 250
_FACT_ITEM = 250  # one line of a list of facts: link, verdict, date
_SOURCE_ENTRY = 700  # one source on the sources page: its reference, besides the title
_CITED_BY = 200  # one page in a source's "Cited by" list


def rel_link(from_uri: str, to_uri: str) -> str:
    """A relative link between two source files, e.g. facts/a.md -> opinion.md gives ../opinion.md.

    Plain string work rather than posixpath.relpath, which asks the operating system for the current folder on
    every call: a big site makes hundreds of thousands of these links.
    """
    from_folders = from_uri.split("/")[:-1]
    to_parts = to_uri.split("/")
    common = 0
    while common < len(from_folders) and common < len(to_parts) - 1 and from_folders[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_folders) - common) + to_parts[common:])


def decade(year: int) -> int:
    return year - year % 10


def _timeline_cost(fact: Fact) -> int:
    return _TIMELINE_ENTRY + len(fact.title.encode("utf-8"))


@per_site
def timeline_pages(site: Site) -> dict[int, str]:
    """The page (a source file) that lists each year of the timeline."""
    facts = dated_facts(site)
    if sum(_timeline_cost(f) for f in facts) <= PAGE_BUDGET:
        return {f.date.year: TIMELINE for f in facts}
    by_decade: Counter[int] = Counter()
    for fact in facts:
        by_decade[decade(fact.date.year)] += _timeline_cost(fact)
    return {
        f.date.year: (
            f"timeline/{decade(f.date.year)}s.md" if by_decade[decade(f.date.year)] <= PAGE_BUDGET
            else f"timeline/{f.date.year}.md"
        )
        for f in facts
    }


def year_anchor(site: Site, year: int) -> str:
    """Where a year's heading is, e.g. timeline.md#1982 or timeline/1980s.md#1982."""
    return f"{timeline_pages(site)[year]}#{year}"


def timeline_entry(site: Site, fact: Fact) -> str:
    """The timeline entry of a dated fact, e.g. timeline.md#china-accession-1982."""
    return f"{timeline_pages(site)[fact.date.year]}#{fact.id}"


def letter(term: Term) -> str:
    """The letter a term is filed under in the index: its first letter without accents, or '0-9' for a digit."""
    first = unicodedata.normalize("NFKD", term.term.strip())[:1].casefold()
    if first.isdigit():
        return "0-9"
    return first if "a" <= first <= "z" else "other"


def headword_order(term: Term) -> tuple:
    """Alphabetical order of headwords, ignoring case and accents; digits first."""
    text = "".join(c for c in unicodedata.normalize("NFKD", term.term) if not unicodedata.combining(c))
    return (text.casefold(), term.id)


@per_site
def glossary_index_pages(site: Site) -> dict[str, str]:
    """The index page (a source file) that lists each glossary term."""
    cost = sum(_GLOSSARY_ENTRY + len(t.term.encode()) + len(t.definition.encode()) for t in site.terms.values())
    if cost <= PAGE_BUDGET:
        return {term_id: GLOSSARY_INDEX for term_id in site.terms}
    return {term_id: f"glossary/letters/{letter(term)}.md" for term_id, term in site.terms.items()}


def glossary_entry(site: Site, term: Term) -> str:
    """A term's entry in the glossary index, e.g. glossary/index.md#non-refoulement."""
    return f"{glossary_index_pages(site)[term.id]}#{term.id}"


@per_site
def facts_index_is_split(site: Site) -> bool:
    """Whether the facts index is too big for one page: each fact is listed under each of its topics and once
    under its verdict."""
    cost = sum((_FACT_ITEM + len(fact.title.encode())) * (len(fact.tags) + 1) for fact in site.facts.values())
    return cost > PAGE_BUDGET


def facts_list_page(site: Site, kind: str, value: str) -> str:
    """The page that lists the facts of one topic or one verdict (kind is 'topic' or 'verdict'): the facts index,
    or once it is split a page of its own such as facts/topics/treaties.md."""
    return f"facts/{kind}s/{value}.md" if facts_index_is_split(site) else FACTS_INDEX


def facts_list(site: Site, kind: str, value: str) -> str:
    """That list's anchor, e.g. facts/index.md#topic-treaties or facts/topics/treaties.md#topic-treaties."""
    return f"{facts_list_page(site, kind, value)}#{kind}-{value}"


@per_site
def sources_page_is_split(site: Site) -> bool:
    """Whether the sources page is too big for one page: each source comes with the pages that cite it."""
    cited = site.citations()
    cost = sum(_SOURCE_ENTRY + len(source.title.encode()) + _CITED_BY * len(cited[source.id])
               for source in site.sources.values())
    return cost > PAGE_BUDGET


def sources_page(site: Site, kind: str) -> str:
    """The page that lists the sources of one kind: the sources page, or once it is split sources/<kind>.md."""
    return f"sources/{kind}.md" if sources_page_is_split(site) else SOURCES_PAGE


def sources_of_kind(site: Site, kind: str) -> str:
    """That list's anchor, e.g. sources.md#kind-treaty or sources/treaty.md#kind-treaty."""
    return f"{sources_page(site, kind)}#kind-{kind}"


def source_entry(site: Site, source: Source) -> str:
    """A source's entry, e.g. sources.md#unhcr-1951-convention."""
    return f"{sources_page(site, source.kind)}#{source.id}"


# A link to an anchor of a page that may be split, as an editor writes it: [1982](../timeline.md#1982). The path is
# checked once it is resolved against the page's folder.
_LINK_TO_SPLIT_PAGE = re.compile(r"\]\((?P<path>[^()\s#]*?\.md)#(?P<anchor>[^()\s]+)\)")


def follow_splits(markdown: str, from_uri: str, site: Site) -> str:
    """Point each link to an event, a year, a glossary entry, a list of facts or a source at the page that holds
    it."""

    def repoint(match: re.Match) -> str:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), match["path"]))
        page = _page_of_anchor(site, path, match["anchor"])
        return match.group(0) if page is None else f"]({rel_link(from_uri, page)}#{match['anchor']})"

    return _LINK_TO_SPLIT_PAGE.sub(repoint, markdown)


def _page_of_anchor(site: Site, path: str, anchor: str) -> str | None:
    if path == TIMELINE:
        fact = site.facts.get(anchor)
        if fact is not None and fact.date:
            return timeline_pages(site)[fact.date.year]
        if anchor.isdigit():
            return timeline_pages(site).get(int(anchor))
    if path == GLOSSARY_INDEX and anchor in site.terms:
        return glossary_index_pages(site)[anchor]
    if path == FACTS_INDEX:
        kind, _, value = anchor.partition("-")
        if value in {"topic": tags(), "verdict": verdicts()}.get(kind, {}):
            return facts_list_page(site, kind, value)
    if path == SOURCES_PAGE:
        if anchor in site.sources:
            return sources_page(site, site.sources[anchor].kind)
        if anchor.removeprefix("kind-") in source_kinds():
            return sources_page(site, anchor.removeprefix("kind-"))
    # Anything else stays as written: a wrong anchor is then reported by the strict build.
    return None
