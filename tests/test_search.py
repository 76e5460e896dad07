"""What a reader types into the search box finds the page they are looking for among the first three results."""

from __future__ import annotations

import pytest
from reader import DESKTOP, new_context

# (what the reader types, the page they expect to find)
QUERIES = [
    # Terms of the op-ed and of refugee law: the glossary entry that defines them.
    ("non-refoulement", "glossary/non-refoulement/"),
    ("refoulement", "glossary/refoulement/"),
    ("1951 Convention", "glossary/refugee-convention-1951/"),
    ("Yalu", "glossary/yalu-river/"),
    ("Tumen", "glossary/tumen-river/"),
    ("trafficking", "glossary/human-trafficking/"),
    ("Commission of Inquiry", "glossary/commission-of-inquiry/"),
    ("accession", "glossary/accession/"),
    ("refugee sur place", "glossary/refugee-sur-place/"),
    ("UNHCR", "glossary/unhcr/"),
    # A UN document symbol, slashes and all: the fact about the report it identifies.
    ("A/HRC/25/63", "facts/coi-report-released-2014/"),
    # The op-ed's words: the fact page that checks them.
    ("economic migrants", "facts/illegal-economic-migrants/"),
    ("underground railway", "facts/underground-railway-route/"),
    ("50,000 to 200,000", "facts/hidden-population-estimate/"),
    # Names, places and documents: the fact page about them.
    ("Palermo Protocol", "facts/palermo-protocol-adopted-2000/"),
    ("Mongolia", "facts/mongolia-route-closed-2007/"),
    ("Guterres", "facts/guterres-china-visit-2006/"),
    ("Hyun In-taek", "facts/hyun-estimate-2010/"),
    ("Invisible Exodus", "facts/hrw-invisible-exodus-2002/"),
    # A publisher: the sources page, which lists every document the site relies on.
    ("Daily NK", "sources/"),
    # The site's own pages.
    ("Evan Jones", "opinion/"),
    ("verdicts", "conventions/"),
    ("facts by topic", "facts/"),
    ("timeline", "timeline/"),
    ("glossary", "glossary/"),
    ("sources", "sources/"),
    ("corrections", "corrections/"),
    ("facts.json", "data/"),
]


@pytest.fixture(scope="module")
def search_box(browser, served_site):
    context = new_context(browser, viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site.url)
    yield page
    context.close()


def search(page, query: str, site_url: str) -> list[str]:
    """Type ``query`` into the search box and return the pages of the results, best first."""
    box = page.get_by_role("textbox", name="Search")
    meta = page.locator(".md-search-result__meta")
    # Material searches on key-up: set the whole query, then release one key, so that exactly one search runs.
    box.fill("")
    box.press("End")
    meta.filter(has_text="Type to start searching").wait_for()
    box.fill(query)
    box.press("End")
    meta.filter(has_text="matching document").wait_for()
    # Each result is a page: its first link goes to the page, the others to sections of it.
    hrefs = page.locator(".md-search-result__item").evaluate_all("items => items.map(li => li.querySelector('a').href)")
    return [href.split("?")[0].split("#")[0].removeprefix(site_url) for href in hrefs]


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_search_finds_the_page_among_the_first_three_results(search_box, served_site, query, expected):
    assert expected in search(search_box, query, served_site.url)[:3]
