"""A list too big for one page is split (the timeline by decade or year, the glossary by letter, the facts index by
topic and verdict, the sources page by kind), and every link to a year, an event, an entry, a list of facts or a
source still finds it.

The synthetic sites here are small; the page budget is lowered instead, so the split happens at their size.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import make_site, mkdocs_build
from test_built_pages import Page

from factsite import glossary, layout, pages, sources_page, timeline
from factsite.chronology import dated_facts
from factsite.dates import PartialDate
from factsite.load import load_site
from factsite.model import Fact, Site, Source, SourceRef, Term

SMALL_BUDGET = 6_000
# Years with many events (1980s, 2010s) and years with few, so that both kinds of split happen.
YEARS = [1951, 1954, 1967, *[1982] * 14, 1986, 1998, 2006, *[2014] * 3, *range(2015, 2020), *[2023] * 12]
# Facts take their topics, verdicts and second source from these in turn.
TAGS = [["treaties"], ["treaties", "un-system"], ["forced-returns"]]
VERDICTS = ["confirmed", "reported", "disputed"]
SOURCES = {"s": "news", "t1": "treaty", "t2": "treaty", "u1": "un-document"}


def synthetic_site() -> Site:
    site = Site()
    for source_id, kind in SOURCES.items():
        site.sources[source_id] = Source(id=source_id, title=f"Source {source_id}", publisher="A publisher", kind=kind,
                                         read_as="original", path=f"sources/{source_id}.yml")
    others = [source_id for source_id in SOURCES if source_id != "s"]
    for index, year in enumerate(YEARS):
        fact = Fact(id=f"event-{index:03d}", title=f"Event number {index} of the year {year}",
                    verdict=VERDICTS[index % 3], reviewed=PartialDate(2026),
                    sources=[SourceRef("s"), SourceRef(others[index % 3])], tags=TAGS[index % 3],
                    path=f"docs/facts/event-{index:03d}.md", date=PartialDate(year, 1 + index % 12, 1))
        site.facts[fact.id] = fact
    for word in ["Accession", "Asylum", "Border", "Camp", "Detention", "Émigré", "1951 Convention", *[
            f"{letter}term {n}" for letter in "klmnrst" for n in range(6)]]:
        term_id = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
        site.terms[term_id] = Term(id=term_id, term=word, definition=f"The meaning of {word}, in one sentence.",
                                   sources=[SourceRef("s")], reviewed=PartialDate(2026),
                                   path=f"docs/glossary/{term_id}.md")
    return site


@pytest.fixture
def small_budget(monkeypatch):
    monkeypatch.setattr(layout, "PAGE_BUDGET", SMALL_BUDGET)


def test_a_small_timeline_is_one_page():
    pages = timeline.render_timeline(synthetic_site())
    assert list(pages) == ["timeline.md"]


def test_a_big_timeline_splits_by_decade_and_a_crowded_decade_by_year(small_budget):
    site = synthetic_site()
    pages = timeline.render_timeline(site)
    assert "timeline.md" in pages
    assert {"timeline/1950s.md", "timeline/1960s.md", "timeline/1990s.md"} <= set(pages)
    assert "timeline/1982.md" in pages and "timeline/1980s.md" not in pages
    listed = [i for uri, text in pages.items() if uri != "timeline.md" for i in re.findall(r'<li id="([^"]+)"', text)]
    assert sorted(listed) == sorted(site.facts) and len(listed) == len(set(listed))
    for uri, text in pages.items():
        assert len(text.encode()) <= SMALL_BUDGET or uri.endswith(("/1982.md", "/2023.md")), uri


def test_every_generated_link_to_the_timeline_finds_its_page(small_budget):
    site = synthetic_site()
    pages = timeline.render_timeline(site)
    for fact in dated_facts(site):
        uri, anchor = layout.timeline_entry(site, fact).split("#")
        assert f'<li id="{anchor}"' in pages[uri]
        uri, anchor = layout.year_anchor(site, fact.date.year).split("#")
        assert f"{{ #{anchor} }}" in pages[uri]
    for link in re.findall(r"\]\(([^)#]+)#(\d{4})\)", pages["timeline.md"]):
        assert f"{{ #{link[1]} }}" in pages[link[0]]


def test_a_big_glossary_index_splits_by_letter(small_budget):
    site = synthetic_site()
    pages = glossary.render_glossary_index(site)
    assert {"glossary/index.md", "glossary/letters/a.md", "glossary/letters/e.md", "glossary/letters/0-9.md"} <= set(
        pages)
    assert "Émigré" in pages["glossary/letters/e.md"]
    for term in site.terms.values():
        uri, anchor = layout.glossary_entry(site, term).split("#")
        assert f"{{ #{anchor} }}" in pages[uri]
    for uri, text in pages.items():
        assert len(text.encode()) <= SMALL_BUDGET, uri


def test_a_big_facts_index_splits_into_a_page_per_topic_and_per_verdict(small_budget):
    site = synthetic_site()
    found = pages.render_facts_index(site)
    assert set(found) == {"facts/index.md", "facts/topics/treaties.md", "facts/topics/un-system.md",
                          "facts/topics/forced-returns.md", "facts/verdicts/confirmed.md",
                          "facts/verdicts/reported.md", "facts/verdicts/disputed.md"}
    for fact in site.facts.values():
        lists = [("topic", tag) for tag in fact.tags] + [("verdict", fact.verdict)]
        for kind, value in lists:
            uri, anchor = layout.facts_list(site, kind, value).split("#")
            assert f"{{ #{anchor} }}" in found[uri] and f"]({fact.id}.md)" in found[uri].replace("../", "")
        listed_on = [uri for uri, text in found.items() if f"/{fact.id}.md)" in text or f"]({fact.id}.md)" in text]
        assert len(listed_on) == len(lists)
    # The first page counts each list, and keeps its anchor for links made before the split.
    assert '<li id="topic-treaties" markdown="span">[Treaties](topics/treaties.md#topic-treaties): 27 facts</li>' in (
        found["facts/index.md"])
    assert '<li id="verdict-disputed"' in found["facts/index.md"]
    for uri, text in found.items():
        assert len(text.encode()) <= SMALL_BUDGET, uri


def test_a_small_facts_index_and_sources_page_are_one_page_each():
    site = synthetic_site()
    assert list(pages.render_facts_index(site)) == ["facts/index.md"]
    assert list(sources_page.render_sources_page(site)) == ["sources.md"]


def test_a_big_sources_page_splits_by_kind_of_source(small_budget):
    site = synthetic_site()
    found = sources_page.render_sources_page(site)
    assert set(found) == {"sources.md", "sources/news.md", "sources/treaty.md", "sources/un-document.md"}
    for source in site.sources.values():
        uri, anchor = layout.source_entry(site, source).split("#")
        assert uri == f"sources/{source.kind}.md"
        assert [page for page, text in found.items() if f'<li id="{anchor}" markdown>' in text] == [uri]
    assert found["sources/treaty.md"].startswith(
        "# Sources: Treaty { #kind-treaty }\n\n[All kinds of source](../sources.md) · 2 sources on this page.")
    assert '<li id="kind-treaty" markdown="span">[Treaty](sources/treaty.md#kind-treaty): 2 sources</li>' in (
        found["sources.md"])


def test_links_that_editors_write_follow_the_split(small_budget):
    site = synthetic_site()
    body = ("[an event](../timeline.md#event-003), [a year](../timeline.md#2016), [a term](../glossary/index.md#camp), "
            "[no such year](../timeline.md#1900) and [the top](../timeline.md)")
    assert layout.follow_splits(body, "facts/x.md", site) == (
        "[an event](../timeline/1982.md#event-003), [a year](../timeline/2010s.md#2016), "
        "[a term](../glossary/letters/c.md#camp), [no such year](../timeline.md#1900) and [the top](../timeline.md)")
    body = ("[a topic](index.md#topic-un-system), [a verdict](../facts/index.md#verdict-reported), "
            "[a source](../sources.md#t1), [a kind](../sources.md#kind-news), [no such source](../sources.md#zz), "
            "[no such topic](index.md#topic-zz) and [another page](../conventions.md#sources)")
    assert layout.follow_splits(body, "facts/x.md", site) == (
        "[a topic](topics/un-system.md#topic-un-system), [a verdict](verdicts/reported.md#verdict-reported), "
        "[a source](../sources/treaty.md#t1), [a kind](../sources/news.md#kind-news), "
        "[no such source](../sources.md#zz), [no such topic](index.md#topic-zz) and "
        "[another page](../conventions.md#sources)")


def write_synthetic_content(folder: Path, site: Site) -> Path:
    (folder / "sources").mkdir(parents=True)
    for source in site.sources.values():
        (folder / source.path).write_text(
            f"id: {source.id}\ntitle: {source.title}\npublisher: {source.publisher}\nkind: {source.kind}\n"
            f"read_as: {source.read_as}\n", encoding="utf-8")
    (folder / "docs/facts").mkdir(parents=True)
    (folder / "docs/glossary").mkdir(parents=True)
    (folder / "docs/opinion.md").write_text(
        "---\ntitle: An opinion\nauthor: A\nrole: B\norganisation: C\nyear: 2018\nyear_basis: inferred\n"
        "text_basis: a repost\nsources: [s]\nreviewed: 2026-11-26\n---\nSome words about Accession.\n", encoding="utf-8")
    for fact in site.facts.values():
        (folder / fact.path).write_text(
            f"---\nid: {fact.id}\ntitle: {fact.title}\nverdict: {fact.verdict}\ndate: {fact.date.iso()}\n"
            f"reviewed: 2026-11-26\nsources: [{', '.join(ref.id for ref in fact.sources)}]\n"
            f"tags: [{', '.join(fact.tags)}]\n---\nSee [the year](../timeline.md#{fact.date.year}), "
            "[the treaty](../sources.md#t1) and the Border.\n", encoding="utf-8")
    for term in site.terms.values():
        (folder / term.path).write_text(
            f"---\nid: {term.id}\nterm: {term.term}\ndefinition: {term.definition}\nsources: [s]\n"
            f"reviewed: 2026-11-26\n---\nAn explanation.\n", encoding="utf-8")
    return folder


def test_a_split_site_builds_strictly_with_every_anchor_in_place(tmp_path):
    content = write_synthetic_content(tmp_path / "content", synthetic_site())
    root = make_site(tmp_path / "repo", content)
    layout_file = root / "scripts/factsite/layout.py"
    text = layout_file.read_text(encoding="utf-8")
    layout_file.write_text(re.sub(r"^PAGE_BUDGET = .*$", f"PAGE_BUDGET = {SMALL_BUDGET}", text, flags=re.M),
                           encoding="utf-8")
    assert load_site(root)[1] == []
    out = tmp_path / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    assert (out / "timeline/1950s/index.html").is_file() and (out / "timeline/1982/index.html").is_file()
    assert (out / "glossary/letters/a/index.html").is_file()
    fact = Page(out / "facts/event-003/index.html")
    link = [a.attrs["href"] for a in fact.find("a") if a.text == "on the timeline"][0]
    assert link == "../../timeline/1982/#event-003"
    # A link written to timeline.md#1982 before the split now goes to the part that holds 1982.
    assert [a.attrs["href"] for a in fact.find("a") if a.text == "the year"] == ["../../timeline/1982/#1982"]
    # The first page keeps an anchor for each decade and year, for links from outside the site.
    assert {"1950s", "1980s", "1982", "2023"} <= set(Page(out / "timeline/index.html").ids())
    assert {"letter-a", "letter-0-9"} <= set(Page(out / "glossary/index.html").ids())
    assert "event-003" in Page(out / "timeline/1982/index.html").ids()
    # The facts index and the sources page split the same way.
    assert [a.attrs["href"] for a in fact.find("a") if a.text == "Treaties"] == ["../topics/treaties/#topic-treaties"]
    assert [a.attrs["href"] for a in fact.find("a") if a.text == "the treaty"] == ["../../sources/treaty/#t1"]
    assert {"topic-treaties", "verdict-confirmed"} <= set(Page(out / "facts/index.html").ids())
    topic_page = Page(out / "facts/topics/treaties/index.html")
    assert "event-003" in {a.attrs["href"].strip("./") for a in topic_page.find("a")}
    assert {"kind-news", "kind-treaty"} <= set(Page(out / "sources/index.html").ids())
    assert {"kind-treaty", "t1", "t2"} <= set(Page(out / "sources/treaty/index.html").ids())
    for path in out.rglob("index.html"):
        assert path.stat().st_size < 1_000_000


@pytest.mark.parametrize("from_uri, to_uri, link", [
    ("facts/a.md", "opinion.md", "../opinion.md"),
    ("facts/a.md", "facts/b.md", "b.md"),
    ("opinion.md", "facts/b.md", "facts/b.md"),
    ("timeline.md", "timeline/1980s.md#1982", "timeline/1980s.md#1982"),
    ("glossary/letters/a.md", "glossary/index.md", "../index.md"),
    ("glossary/letters/a.md", "timeline/1982.md#x", "../../timeline/1982.md#x"),
])
def test_links_between_source_files_are_relative(from_uri, to_uri, link):
    assert layout.rel_link(from_uri, to_uri) == link
