"""Pages describe themselves to search engines in schema.org JSON-LD that parses, says the right things and is safe."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, MINI_URL, REPO, make_site, mkdocs_build

from factsite.jsonld import CLAIM_RATINGS, script_json
from factsite.load import load_site
from factsite.vocabulary import claim_verdicts, verdicts

MINI, _ = load_site(FIXTURES / "mini")
_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def blocks(page: Path) -> list[dict]:
    return [json.loads(text) for text in _BLOCK.findall(page.read_text(encoding="utf-8"))]


def only_block(page: Path) -> dict:
    found = blocks(page)
    assert len(found) == 1, page
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def test_every_json_ld_block_on_every_page_parses(built_mini):
    pages = sorted(built_mini.rglob("*.html"))
    parsed = [block for page in pages for block in blocks(page)]
    assert {block["@type"] for block in parsed} == {"ClaimReview", "DefinedTerm", "DefinedTermSet", "Article"}


def test_a_claim_page_carries_a_claim_review(built_mini):
    review = only_block(built_mini / "facts/accession/index.html")
    fact, opinion = MINI.facts["accession"], MINI.opinion
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"{MINI_URL}facts/accession/"
    assert review["claimReviewed"] == fact.claim
    appearance = review["itemReviewed"]["appearance"]
    assert review["itemReviewed"]["@type"] == "Claim"
    assert appearance["headline"] == opinion.title
    assert appearance["author"]["name"] == opinion.author
    assert appearance["author"]["affiliation"]["name"] == opinion.organisation
    assert "url" not in appearance  # where the op-ed first appeared is not confirmed
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "Inaccurate wording"}
    assert review["author"] == {"@type": "Organization", "name": "North Koreans in China — the op-ed, checked",
                                "url": MINI_URL}
    assert review["datePublished"] == review["dateModified"] == "2026-11-26"


def test_background_facts_make_no_claim_review(built_mini):
    assert blocks(built_mini / "facts/conference/index.html") == []
    assert blocks(built_mini / "facts/undated/index.html") == []


def test_every_claim_verdict_has_a_rating_from_1_to_5():
    assert set(CLAIM_RATINGS) == set(claim_verdicts())
    assert CLAIM_RATINGS["accurate"] == 5 and CLAIM_RATINGS["inaccurate"] == 1
    assert all(1 <= rating <= 5 for rating in CLAIM_RATINGS.values())


def test_the_glossary_is_a_defined_term_set_with_each_term(built_mini):
    glossary = only_block(built_mini / "glossary/index.html")
    assert glossary["@type"] == "DefinedTermSet"
    assert glossary["url"] == f"{MINI_URL}glossary/"
    terms = glossary["hasDefinedTerm"]
    assert [t["name"] for t in terms] == ["Accession"]
    assert terms[0] == {
        "@type": "DefinedTerm", "@id": f"{MINI_URL}glossary/accession-term/", "url": f"{MINI_URL}glossary/accession-term/",
        "name": "Accession", "description": "Becoming a party to a treaty without having signed it first.",
        "inDefinedTermSet": f"{MINI_URL}glossary/", "alternateName": ["accedes", "acceded"],
    }
    page = only_block(built_mini / "glossary/accession-term/index.html")
    assert page["@type"] == "DefinedTerm" and page["inDefinedTermSet"] == glossary["@id"]


def test_the_opinion_is_an_article_with_its_author_and_organisation(built_mini):
    article = only_block(built_mini / "opinion/index.html")
    assert article["@type"] == "Article"
    assert article["headline"] == "A short opinion"
    assert article["author"] == {"@type": "Person", "name": "A. Writer",
                                 "affiliation": {"@type": "Organization", "name": "An Organisation"}}
    assert article["url"] == f"{MINI_URL}opinion/"
    assert "datePublished" not in article  # the year is inferred, not confirmed


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- x", "a & b > c"])
def test_json_for_a_script_element_cannot_close_it(text):
    serialised = script_json({"name": text})
    assert "<" not in serialised and ">" not in serialised and "&" not in serialised
    assert json.loads(serialised) == {"name": text}


def test_a_hostile_title_stays_inside_the_json_ld(tmp_path):
    root = make_site(tmp_path / "repo")
    hostile = "</script><script>alert(1)</script>"
    fact = root / "docs/facts/accession.md"
    fact.write_text(fact.read_text(encoding="utf-8").replace(
        "title: The state acceded in 1982", f'title: "{hostile}"'), encoding="utf-8")
    term = root / "docs/glossary/accession-term.md"
    term.write_text(term.read_text(encoding="utf-8").replace(
        "definition: Becoming a party to a treaty without having signed it first.",
        f'definition: "{hostile} Becoming a party."'), encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        assert "<script>alert(1)" not in page.read_text(encoding="utf-8"), page
    assert only_block(tmp_path / "out/facts/accession/index.html")["name"] == hostile
    assert only_block(tmp_path / "out/glossary/accession-term/index.html")["description"].startswith(hostile)


def test_on_the_real_site_every_block_parses_and_every_claim_has_its_review(built_site):
    site, _ = load_site(REPO)
    for page in built_site.rglob("*.html"):
        blocks(page)
    for fact in site.facts.values():
        found = blocks(built_site / "facts" / fact.id / "index.html")
        if fact.is_claim:
            assert [b["claimReviewed"] for b in found] == [fact.claim], fact.id
            assert found[0]["reviewRating"]["alternateName"] == verdicts()[fact.verdict].label
        else:
            assert found == [], fact.id
    article = only_block(built_site / "opinion/index.html")
    assert article["author"]["name"] == site.opinion.author
