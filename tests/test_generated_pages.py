"""The generated Markdown of the timeline, the glossary and the sources page, compared with expected files.

The input is the small site in tests/fixtures/pages/ (docs/ and sources/); the expected Markdown sits beside it in
tests/fixtures/pages/expected/, one file per generated page at the page's own path (expected/timeline.md,
expected/glossary/index.md, ...). After a deliberate change to what is generated, rewrite the expected files with

    UPDATE_EXPECTED=1 .venv/bin/python -m pytest tests/test_generated_pages.py

and read the difference (git diff tests/fixtures/pages/expected) before committing it.
"""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from factsite import glossary, pages, sources_page, timeline
from factsite.load import load_site

FIXTURE = FIXTURES / "pages"
EXPECTED = FIXTURE / "expected"


def generated_pages() -> dict[str, str]:
    site, problems = load_site(FIXTURE)
    assert problems == []
    found = {**timeline.render_timeline(site), **glossary.render_glossary_index(site),
             **sources_page.render_sources_page(site), **pages.render_facts_index(site)}
    for term in site.terms.values():
        found[term.src_uri] = glossary.render_term_page(term, site)
    return found


PAGES = generated_pages()


@pytest.mark.parametrize("uri", sorted(PAGES))
def test_generated_markdown_matches_the_expected_file(uri):
    expected = EXPECTED / uri
    if os.environ.get("UPDATE_EXPECTED"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(PAGES[uri], encoding="utf-8")
    assert expected.is_file(), f"no expected file for {uri}: run with UPDATE_EXPECTED=1 to create it"
    assert PAGES[uri] == expected.read_text(encoding="utf-8")


def test_every_expected_file_is_still_generated():
    expected = {path.relative_to(EXPECTED).as_posix() for path in EXPECTED.rglob("*.md")}
    assert expected == set(PAGES)
