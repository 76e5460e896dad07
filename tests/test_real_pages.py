"""The real site's timeline, glossary and sources pages keep their promises (the site is built once per session)."""

from __future__ import annotations

import json

from conftest import REPO
from test_built_pages import Page

from factsite.load import load_site

# The glossary entries the site promises (issue "Generated timeline, glossary and sources pages").
PROMISED_TERMS = [
    "non-refoulement", "refoulement", "refugee-convention-1951", "refugee-protocol-1967", "refugee", "refugee-sur-place",
    "asylum-seeker", "accession", "forced-repatriation", "illegal-economic-migrant", "commission-of-inquiry", "unhcr",
    "underground-railroad", "human-trafficking", "crimes-against-humanity", "dprk", "yalu-river", "tumen-river",
]


def test_the_timeline_runs_in_date_order_and_shows_the_op_ed_as_inferred(built_site):
    timeline = Page(built_site / "timeline/index.html")
    entries = [li for li in timeline.find("li") if li.parents and "timeline" in li.parents[-1].classes]
    starts = [next(t for t in timeline.find("time") if li in t.parents).attrs["datetime"] for li in entries]
    padded = [(s + "-00-00")[:10] for s in starts]
    assert padded == sorted(padded)
    site, _ = load_site(REPO)
    assert len(entries) == len([f for f in site.facts.values() if f.date])
    op_ed = next(li for li in entries if li.attrs["id"] == "oped-publication")
    assert "c. 2018 (inferred)" in op_ed.text


def test_every_promised_term_has_an_entry_and_a_page(built_site):
    index = Page(built_site / "glossary/index.html")
    anchors = [dt.attrs["id"] for dt in index.find("dt")]
    for term_id in PROMISED_TERMS:
        assert term_id in anchors
        assert (built_site / "glossary" / term_id / "index.html").is_file()


def test_every_source_is_on_the_sources_page_with_who_cites_it(built_site):
    page = Page(built_site / "sources/index.html")
    site, _ = load_site(REPO)
    listed = [li for li in page.find("li") if li.parents and "source-list" in li.parents[-1].classes]
    assert sorted(li.attrs["id"] for li in listed) == sorted(site.sources)
    assert all("Cited by:" in li.text for li in listed)


def test_the_search_index_finds_glossary_words_on_the_pages_that_use_them(built_site):
    docs = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    opinion = " ".join(d["text"] for d in docs if d["location"].startswith("opinion/"))
    assert "non-refoulement" in opinion and "Refugee Convention" in opinion
    assert "wzxhzdk" not in json.dumps(docs)
