"""axe-core, run inside each page, finds nothing against WCAG 2.2 AA, in both palettes, on a desktop and a phone."""

from __future__ import annotations

import pytest
from reader import DESKTOP, PHONE, axe_violations, new_context, start_axe


def test_every_page_passes_axe_on_a_desktop_in_the_light_palette(desktop_visits):
    assert {rel: v.violations for rel, v in desktop_visits.items() if v.violations} == {}


def test_every_page_passes_axe_on_a_phone_in_the_dark_palette(phone_visits):
    assert {rel: v.violations for rel, v in phone_visits.items() if v.violations} == {}


# One page of each kind, for the two other pairings of screen and palette (the sidebars show only on a desktop).
KINDS = ["", "opinion/", "facts/", "facts/china-accession-1982/", "glossary/", "glossary/non-refoulement/",
         "timeline/", "sources/", "conventions/"]


@pytest.mark.parametrize("screen, scheme", [(DESKTOP, "dark"), (PHONE, "light")], ids=["desktop-dark", "phone-light"])
def test_a_page_of_each_kind_passes_axe_on_the_other_screen_and_palette(browser, served_site, screen, scheme):
    context = new_context(browser, axe=True, viewport=screen, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for rel in KINDS:
        page.goto(served_site.url + rel)
        start_axe(page)
        found[rel] = axe_violations(page)
    context.close()
    assert {rel: v for rel, v in found.items() if v} == {}


@pytest.mark.parametrize("screen, scheme", [(DESKTOP, "light"), (DESKTOP, "dark"), (PHONE, "light"), (PHONE, "dark")],
                         ids=["desktop-light", "desktop-dark", "phone-light", "phone-dark"])
def test_the_open_search_dialog_with_results_passes_axe(browser, served_site, screen, scheme):
    context = new_context(browser, axe=True, viewport=screen, color_scheme=scheme)
    page = context.new_page()
    page.goto(served_site.url + "opinion/")
    page.keyboard.press("/")  # Material's shortcut for the search box, on every screen size
    page.keyboard.type("refugee convention")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.get_by_role("dialog", name="Search").count() == 1
    start_axe(page)
    assert axe_violations(page) == []
    context.close()
