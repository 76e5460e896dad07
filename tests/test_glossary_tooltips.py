"""A glossary term in the text shows its definition on hover and on keyboard focus, with or without JavaScript."""

from __future__ import annotations

import html

import pytest
from conftest import REPO
from reader import DESKTOP, new_context

from factsite.load import load_site

PAGE = "facts/china-accession-1982/"


@pytest.fixture(scope="module")
def definitions() -> dict[str, str]:
    """Each glossary entry's definition, by the last part of its address."""
    site, _ = load_site(REPO)
    return {term_id: html.unescape(term.definition) for term_id, term in site.terms.items()}


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def term_page(request, browser, served_site):
    context = new_context(browser, viewport=DESKTOP, java_script_enabled=request.param)
    page = context.new_page()
    page.goto(served_site.url + PAGE)
    yield page
    context.close()


def tip_of(page, link):
    """The tooltip that a term's link names in aria-describedby."""
    tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
    assert tip.get_attribute("role") == "tooltip"
    return tip


def term_id(link) -> str:
    return link.get_attribute("href").rstrip("/").rsplit("/", 1)[-1]


def test_hovering_a_term_shows_its_glossary_definition(term_page, definitions):
    links = term_page.locator("article a.term__word")
    assert links.count() >= 3
    for link in links.all():
        tip = tip_of(term_page, link)
        assert not tip.is_visible()
        link.hover()
        assert tip.is_visible() and tip.inner_text() == definitions[term_id(link)]
        term_page.mouse.move(0, 0)
        assert not tip.is_visible()


def test_tabbing_to_a_term_shows_its_definition(term_page, definitions):
    first = term_page.locator("article a.term__word").first
    for _ in range(300):  # the skip link, the header and the menus come first
        term_page.keyboard.press("Tab")
        if term_page.evaluate("document.activeElement.classList.contains('term__word')"):
            break
    focused = term_page.locator(":focus")
    assert focused.get_attribute("href") == first.get_attribute("href")
    tip = tip_of(term_page, focused)
    assert tip.is_visible() and tip.inner_text() == definitions[term_id(focused)]
    term_page.keyboard.press("Tab")
    assert not tip.is_visible()


def test_escape_closes_a_definition_without_moving_the_focus(browser, served_site):
    context = new_context(browser, viewport=DESKTOP)
    page = context.new_page()
    page.goto(served_site.url + PAGE)
    link = page.locator("article a.term__word").first
    link.focus()
    tip = tip_of(page, link)
    assert tip.is_visible()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('term__word')")
    context.close()
