"""A reader's browser on the site as GitHub Pages serves it: private, unbroken, linked, usable without
JavaScript, on a phone and on paper."""

from __future__ import annotations

from urllib.parse import urldefrag

import pytest
from reader import DESKTOP, MISSING_PAGE, PHONE, new_context

# The sections of the site that the sidebar offers on every page.
SECTIONS = ["", "opinion/", "facts/", "conventions/"]


def test_every_page_loads_without_console_errors_or_failed_requests(desktop_visits):
    problems = {rel: v.console_errors + v.failed_requests for rel, v in desktop_visits.items()
                if v.console_errors or v.failed_requests}
    assert problems == {}


def test_no_page_asks_any_host_but_the_site_itself(desktop_visits, phone_visits):
    foreign = {rel: v.foreign_requests for visits in (desktop_visits, phone_visits)
               for rel, v in visits.items() if v.foreign_requests}
    assert foreign == {}


def test_the_request_log_includes_the_search_worker_and_its_index(desktop_visits, served_site):
    # The privacy test above is only as good as this log: it must see what the search worker fetches.
    requests = desktop_visits[""].requests
    assert any("/assets/javascripts/workers/search." in r for r in requests)
    assert served_site.url + "search/search_index.json" in requests


def test_every_page_answers_200_and_a_missing_page_gets_the_404_page(desktop_visits):
    statuses = {rel: v.status for rel, v in desktop_visits.items()}
    assert statuses.pop(MISSING_PAGE) == 404
    assert set(statuses.values()) == {200}


def test_the_404_page_loads_its_styles_and_scripts_under_the_sub_path(desktop_visits, served_site):
    visit = desktop_visits[MISSING_PAGE]
    assets = [r for r in visit.requests if r.endswith((".css", ".js"))]
    assert len(assets) >= 3 and all(r.startswith(served_site.url) for r in assets)
    assert visit.failed_requests == [] and visit.console_errors == []


def test_a_crawl_from_the_home_page_reaches_every_page(site_crawl, served_site):
    assert sorted(site_crawl.pages) == served_site.pages()


def test_every_internal_link_resolves_under_the_sub_path(site_crawl, served_site):
    assert site_crawl.outside == []
    broken = sorted({(page, href) for page, href in site_crawl.links
                     if site_crawl.status[served_site.rel(href)] != 200})
    assert broken == []
    assert site_crawl.failed_requests == []


def test_every_anchor_in_an_internal_link_exists_on_its_page(site_crawl, served_site):
    missing = sorted({(page, href) for page, href in site_crawl.links
                      if urldefrag(href).fragment
                      and urldefrag(href).fragment not in site_crawl.ids.get(served_site.rel(href), set())})
    assert missing == []


def test_without_javascript_every_page_shows_its_heading_text_and_the_site_sections(site_crawl, served_site):
    sections = {served_site.url + rel for rel in SECTIONS}
    lacking = {rel: view for rel, view in site_crawl.views.items()
               if not view["heading"] or view["words"] < 20 or not sections <= set(view["nav"])}
    assert lacking == {}


def test_without_javascript_the_menu_opens_on_a_phone(browser, served_site):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(served_site.url + "opinion/")
    facts = page.locator(".md-nav--primary").get_by_role("link", name="Facts", exact=True)
    closed = facts.bounding_box()
    assert closed is None or closed["x"] + closed["width"] <= 0  # the menu waits off the left edge
    page.locator("label.md-header__button[for=__drawer]").click()
    facts.click()  # once the menu has slid in and stopped moving
    assert page.url == served_site.url + "facts/"
    context.close()


def test_no_page_scrolls_sideways_on_a_360_pixel_screen(phone_visits):
    too_wide = {rel: v.overflow for rel, v in phone_visits.items() if v.overflow}
    assert too_wide == {}


def test_the_palette_follows_the_readers_system_setting(browser, served_site):
    backgrounds = {}
    for scheme, expected in [("light", "default"), ("dark", "slate")]:
        context = new_context(browser, viewport=DESKTOP, color_scheme=scheme)
        page = context.new_page()
        page.goto(served_site.url + "opinion/")
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        backgrounds[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
    assert backgrounds["light"] != backgrounds["dark"]


PRINT_VIEW_JS = """() => {
  const shown = el => el && getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0;
  const article = document.querySelector("article");
  const chrome = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
                  ".md-content__button", ".md-top", ".headerlink"];
  // A link to another site, as Markdown in a page's text would make it.
  const link = Object.assign(document.createElement("a"),
                             {href: "https://example.org/report", textContent: "a report"});
  article.querySelector("p").append(" See ", link, ".");
  return {
    chrome: chrome.filter(sel => [...document.querySelectorAll(sel)].some(shown)),
    references: [...document.querySelectorAll("ol.references li")].filter(shown).length,
    addresses: [...document.querySelectorAll("a.ref-url")]
               .map(a => shown(a) && a.textContent === a.getAttribute("href")),
    printed_from: [...document.querySelectorAll("article p")].filter(shown).map(p => p.textContent.trim()).pop(),
    link_address: getComputedStyle(link, "::after").content,
    widest: Math.max(...[...article.querySelectorAll("*")].map(e => e.getBoundingClientRect().right)),
    width: article.getBoundingClientRect().right,
  };
}"""


@pytest.mark.parametrize("rel", ["opinion/", "facts/china-accession-1982/", "facts/coi-condemnation-2014/"])
def test_the_opinion_and_fact_pages_print_with_their_references_and_full_addresses(browser, served_site, rel):
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # an A4 page at 96 dpi
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(served_site.url + rel)
    view = page.evaluate(PRINT_VIEW_JS)
    context.close()
    assert view["chrome"] == []                                          # no header, menus, search or footer
    assert view["references"] >= 1 and all(view["addresses"])           # every source, with its address in full
    assert view["printed_from"] == f"Printed from {served_site.url}{rel}"  # where the printout came from
    assert view["link_address"] == '" <https://example.org/report>"'     # a link to another site shows its address
    assert view["widest"] <= view["width"] + 1                           # nothing runs off the paper
