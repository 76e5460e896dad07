"""The W3C Nu HTML checker finds no error on any page, apart from the theme's own, each listed here with its reason."""

from __future__ import annotations

import json
import subprocess
from collections import Counter

import pytest
from conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors in markup that Material for MkDocs writes itself (in base.html, outside any block an override can replace),
# as (the checker's message, a piece of the markup it points at), each with the reason it is accepted.
THEME_ERRORS = {
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="drawer" type="checkbox"'):
        "The menu's hidden checkbox carries autocomplete=off so that Firefox does not reopen the menu when the "
        "reader goes Back; other browsers ignore it.",
    ("Attribute “autocomplete” is only allowed when the input type is", 'data-md-toggle="search" type="checkbox"'):
        "The search box's hidden checkbox carries autocomplete=off for the same reason.",
}


@pytest.fixture(scope="module")
def nu_errors(built_site) -> list[dict]:
    """Every error the checker reports on the built site, in one run over all pages."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(built_site)],
        capture_output=True, text=True,
    )
    return json.loads(result.stderr)["messages"]


def theme_error(message: dict) -> tuple[str, str] | None:
    for start, markup in THEME_ERRORS:
        if message["message"].startswith(start) and markup in message.get("extract", ""):
            return start, markup
    return None


def test_no_page_has_an_html_error_of_its_own(nu_errors, built_site):
    ours = [f"{e['url'].split(built_site.name)[-1]}:{e.get('lastLine')}: {e['message']} in {e.get('extract', '')!r}"
            for e in nu_errors if theme_error(e) is None]
    assert ours == []


def test_each_accepted_theme_error_still_occurs_once_per_page(nu_errors, built_site):
    # When the theme fixes one of them, it leaves the list above.
    pages = len(list(built_site.rglob("*.html")))
    seen = Counter(theme_error(e) for e in nu_errors)
    assert {key: seen[key] for key in THEME_ERRORS} == {key: pages for key in THEME_ERRORS}
