"""Every fact, glossary term and the opinion offers a ready citation with the page's address and the site's version."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from conftest import FIXTURES, MINI_COMMIT, MINI_URL

from factsite.citation import bibtex, bibtex_escape, citation_for, reference
from factsite.load import load_site
from factsite.publication import Publication

MINI, _ = load_site(FIXTURES / "mini")
PUBLICATION = Publication("North Koreans in China — the op-ed, checked", MINI_URL, date(2026, 11, 27), "abc1234")


def citation_section(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    match = re.search(r'<section class="citation".*?</section>', text, re.S)
    assert match, page
    return html.unescape(match.group(0))


@pytest.mark.parametrize("path, url", [
    ("facts/accession", "facts/accession/"),
    ("facts/undated", "facts/undated/"),
    ("glossary/accession-term", "glossary/accession-term/"),
    ("opinion", "opinion/"),
])
def test_each_record_page_offers_a_reference_and_bibtex_with_its_url_and_version(built_mini, path, url):
    section = citation_section(built_mini / path / "index.html")
    assert "Cite this page" in section
    assert f"{MINI_URL}{url}" in section
    assert f"Version {MINI_COMMIT[:7]}, built " in section
    assert "@misc{" in section and f"url = {{{MINI_URL}{url}}}" in section


def test_pages_that_are_not_records_have_no_citation(built_mini):
    for path in ["index.html", "facts/index.html", "corrections/index.html", "data/index.html"]:
        assert 'class="citation"' not in (built_mini / path).read_text(encoding="utf-8"), path


def test_the_reference_reads_as_one_line():
    fact = MINI.facts["accession"]
    assert reference(citation_for(fact, PUBLICATION)) == (
        "North Koreans in China — the op-ed, checked. “The state acceded in 1982.” Fact check, last reviewed "
        "26 November 2026. Version abc1234, built 27 November 2026. https://example.org/nk/facts/accession/"
    )


def test_the_opinion_is_cited_with_its_author():
    text = reference(citation_for(MINI.opinion, PUBLICATION))
    assert "“A short opinion.” Op-ed by A. Writer, An Organisation, reproduced with its claims checked" in text


def test_bibtex_entry_for_a_term():
    entry = bibtex(citation_for(MINI.terms["accession-term"], PUBLICATION))
    assert entry == (
        "@misc{glossary:accession-term,\n"
        "  author = {{North Koreans in China — the op-ed, checked}},\n"
        "  title = {{Accession}},\n"
        "  howpublished = {Glossary entry, last reviewed 26 November 2026},\n"
        "  year = {2026},\n"
        "  note = {Version abc1234, built 27 November 2026},\n"
        "  url = {https://example.org/nk/glossary/accession-term/}\n"
        "}"
    )


@pytest.mark.parametrize("text, escaped", [
    ("50% of {cases} & more", r"50\% of \{cases\} \& more"),
    ("#1 $cost_x ^ ~", r"\#1 \$cost\_x \^{} \~{}"),
    ("back\\slash", r"back\textbackslash{}slash"),
    ("two\n  lines", "two lines"),
])
def test_bibtex_special_characters_are_escaped(text, escaped):
    assert bibtex_escape(text) == escaped


def test_a_title_with_braces_cannot_break_the_bibtex_entry():
    fact = MINI.facts["accession"]
    fact_copy = type(fact)(**{**fact.__dict__, "title": "A } title { with % braces"})
    entry = bibtex(citation_for(fact_copy, PUBLICATION))
    assert "title = {{A \\} title \\{ with \\% braces}}," in entry
    assert entry.count("{") - entry.count("\\{") == entry.count("}") - entry.count("\\}")


def test_the_version_is_the_build_date_outside_a_git_checkout():
    assert Publication("S", MINI_URL, date(2026, 11, 27)).version == "Built 27 November 2026"
    assert PUBLICATION.version == "Version abc1234, built 27 November 2026"
