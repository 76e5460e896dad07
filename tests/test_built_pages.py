"""The built timeline, glossary and sources pages, and the glossary terms marked in the text, as a reader meets them.

The site is the small fixture in tests/fixtures/pages/, built once with ``mkdocs build --strict``.
"""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import FIXTURES, make_site, mkdocs_build

FIXTURE = FIXTURES / "pages"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_site(tmp_path_factory.mktemp("pages") / "repo", FIXTURE)
    out = root.parent / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return out


class Element:
    def __init__(self, tag: str, attrs: dict, parents: list[Element]):
        self.tag, self.attrs, self.parents = tag, attrs, parents
        self.text = ""

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


class Page(HTMLParser):
    """The elements of one built page, each with its ancestors and its text."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "path"}

    def __init__(self, path: Path):
        super().__init__()
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs), list(self.open))
        self.elements.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> list[Element]:
        return [e for e in self.elements if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
                and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def ids(self) -> list[str]:
        return [e.attrs["id"] for e in self.elements if "id" in e.attrs]


def page(site: Path, url: str) -> Page:
    return Page(site / url / "index.html")


def article(parsed: Page) -> list[Element]:
    return [e for e in parsed.elements if any("md-content__inner" in p.classes for p in e.parents)]


# --- Timeline ------------------------------------------------------------------------------------------------------

def test_the_timeline_lists_every_dated_fact_in_chronological_order(site):
    entries = page(site, "timeline").find("li", cls=None)
    dated = [e for e in entries if e.parents and "timeline" in e.parents[-1].classes]
    assert [e.attrs["id"] for e in dated] == [
        "conference", "adopted", "month-only", "same-day-a", "same-day-b", "year-only", "returns-breach", "oped-year"]


def test_each_date_is_written_at_its_own_precision(site):
    times = [e.text for e in page(site, "timeline").find("time")]
    assert times == ["2–25 July 1951", "28 July 1951", "September 1982", "24 September 1982", "24 September 1982",
                     "1986", "7 February 2014", "c. 2018 (inferred)"]


def test_an_undated_fact_stays_off_the_timeline(site):
    timeline = page(site, "timeline")
    assert "undated" not in timeline.ids()
    assert not [a for a in timeline.find("a") if a.attrs.get("href", "").endswith("facts/undated/")]


def test_each_entry_links_to_its_fact_and_shows_its_verdict(site):
    timeline = page(site, "timeline")
    entry = timeline.find("li", id="returns-breach")[0]
    links = [e for e in timeline.find("a") if entry in e.parents]
    assert links[0].attrs["href"] == "../facts/returns-breach/"
    assert links[0].text == "Sending refugees back breaks non-refoulement"
    assert "verdict--accurate" in links[1].classes and links[1].text == "Verdict: Accurate"
    assert "Claim in the op-ed" in entry.text


def test_years_and_entries_have_anchors_that_fact_pages_link_to(site):
    ids = page(site, "timeline").ids()
    assert {"1951", "1982", "1986", "2014", "2018"} <= set(ids)
    link = [a for a in page(site, "facts/same-day-a").find("a") if a.text == "on the timeline"]
    assert link[0].attrs["href"] == "../../timeline/#same-day-a"


# --- Anchors and markup on every page ------------------------------------------------------------------------------

def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def test_ids_are_unique_on_every_page(site):
    for path in built_pages(site):
        ids = Page(path).ids()
        assert len(ids) == len(set(ids)), f"{path}: {sorted(i for i in ids if ids.count(i) > 1)}"


def test_every_link_to_an_anchor_of_the_site_finds_it(site):
    pages = {path: Page(path) for path in built_pages(site)}
    checked = 0
    for path, parsed in pages.items():
        for link in parsed.find("a"):
            href = link.attrs.get("href", "")
            if "#" not in href or href.startswith(("https:", "http:")) or "/assets/" in href:
                continue
            target, anchor = href.split("#", 1)
            target_path = Path(posixpath.normpath(path.parent / target)) / ("index.html" if target else "")
            target_path = path if not target else target_path
            assert target_path in pages, f"{path}: {href} leads to no page"
            assert anchor in pages[target_path].ids() or anchor == "", f"{path}: {href} has no anchor there"
            checked += 1
    assert checked > 50


BLOCKS = {"div", "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
          "h6", "section", "nav", "article", "aside", "header", "footer", "form"}


def test_terms_are_marked_once_per_page_and_never_in_headings_links_or_code(site):
    marked_pages = 0
    for path in built_pages(site):
        parsed = Page(path)
        terms = parsed.find("span", cls="term")
        tips = [e.attrs["id"] for e in parsed.find("span", cls="term__tip")]
        assert len(tips) == len(set(tips)) == len(terms), path
        for span in terms:
            assert not {p.tag for p in span.parents} & {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}, path
        marked_pages += bool(terms)
    assert marked_pages >= 3


def test_no_link_inside_a_link_and_no_block_inside_a_phrase(site):
    for path in built_pages(site):
        for element in Page(path).elements:
            parent_tags = {p.tag for p in element.parents}
            if element.tag == "a":
                assert "a" not in parent_tags, f"{path}: a link inside a link"
            if element.tag in BLOCKS:
                assert not parent_tags & {"a", "span", "em", "strong", "code", "time"}, f"{path}: <{element.tag}> inline"


def test_a_marked_term_carries_its_definition_and_links_to_its_entry(site):
    parsed = page(site, "facts/returns-breach")
    span = [s for s in parsed.find("span", cls="term") if "refugee" in s.text][0]
    link = [e for e in parsed.find("a", cls="term__word") if span in e.parents][0]
    tip = [e for e in parsed.find("span", cls="term__tip") if span in e.parents][0]
    assert link.text == "refugee" and link.attrs["href"] == "../../glossary/refugee/"
    assert link.attrs["aria-describedby"] == tip.attrs["id"] and tip.attrs["role"] == "tooltip"
    assert tip.text == "A person outside their own country who has a well-founded fear of persecution there."


def test_only_the_first_occurrence_is_marked(site):
    parsed = page(site, "facts/returns-breach")
    marked = [e.text for e in parsed.find("a", cls="term__word")]
    assert marked == ["principle of non-refoulement", "refugee", "1951 Refugee Convention", "Refoulement", "COI",
                      "두만강"]
    heading = parsed.find("h2", id="the-refugee-in-the-1951-refugee-convention")[0]
    assert not [e for e in parsed.elements if heading in e.parents and "term" in e.classes]


def test_terms_in_the_opinion_are_marked_outside_the_claims(site):
    marked = [e.text for e in page(site, "opinion").find("a", cls="term__word")]
    assert marked == ["refugees", "Commission of Inquiry"]


def test_the_search_index_holds_the_words_and_no_placeholders(site):
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    for placeholder in ("\x02", "\x03", "wzxhzdk", "klzzwxh", "\\u0002"):
        assert placeholder not in raw
    docs = json.loads(raw)["docs"]
    fact = " ".join(d["text"] for d in docs if d["location"].startswith("facts/returns-breach/"))
    assert "A refugee is protected by the 1951 Refugee Convention" in fact
    # The definitions shown on hover belong to the glossary, not to every page that uses a term.
    assert "well-founded fear" not in fact
    glossary = " ".join(d["text"] for d in docs if d["location"].startswith("glossary/"))
    for words in ("Non-refoulement", "principle of non-refoulement", "well-founded fear of persecution", "두만강"):
        assert words in glossary


# --- Glossary ------------------------------------------------------------------------------------------------------

def test_the_glossary_index_lists_every_term_alphabetically_with_an_anchor(site):
    parsed = page(site, "glossary")
    terms = [dt.attrs["id"] for dt in parsed.find("dt")]
    assert terms == ["refugee-convention", "commission-of-inquiry", "non-refoulement", "refoulement", "refugee",
                     "signature", "tumen-river"]
    definitions = [dd.text for dd in parsed.find("dd")]
    assert "The rule that forbids sending a person back to a place where they would face serious harm." in definitions


def test_the_glossary_jump_list_covers_a_to_z(site):
    parsed = page(site, "glossary")
    nav = parsed.find("nav", cls="jump-list")[0]
    letters = [e for e in parsed.elements if nav in e.parents and e.tag in ("a", "span")]
    assert [e.text for e in letters] == ["0–9", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ"]
    assert {e.text: e.attrs.get("href") for e in letters if e.tag == "a"} == {
        "0–9": "#letter-0-9", "C": "#letter-c", "N": "#letter-n", "R": "#letter-r", "S": "#letter-s", "T": "#letter-t"}


def test_a_term_page_shows_definition_names_related_terms_and_sources(site):
    parsed = page(site, "glossary/non-refoulement")
    assert parsed.find("h1")[0].text.startswith("Non-refoulement")
    assert parsed.find("p", cls="term-definition")[0].text == (
        "Non-refoulement: The rule that forbids sending a person back to a place where they would face serious harm.")
    assert "principle of non-refoulement, nonrefoulement" in [dd.text for dd in parsed.find("dd")]
    related = parsed.find("h2", id="related")
    assert related
    hrefs = [a.attrs["href"] for a in parsed.find("a")]
    assert "../refoulement/" in hrefs and "../refugee/" in hrefs and "../#non-refoulement" in hrefs
    assert parsed.find("li", id="ref-treaty-text")


def used_by(site: Path, term_id: str) -> list[str]:
    parsed = page(site, f"glossary/{term_id}")
    heading = parsed.find("h2", id="used-by")[0]
    after = parsed.elements[parsed.elements.index(heading):]
    nxt = next(e for e in after[1:] if e.tag in ("h2", "p", "ul"))
    if nxt.tag != "ul":
        return [nxt.text]
    return [a.text for a in parsed.find("a") if nxt in a.parents]


def test_each_term_page_lists_the_pages_that_use_it(site):
    assert used_by(site, "refugee") == ["The opinion", "Sending refugees back breaks non-refoulement",
                                        "1951 Refugee Convention", "Non-refoulement"]
    assert used_by(site, "tumen-river") == ["Sending refugees back breaks non-refoulement"]
    assert used_by(site, "non-refoulement") == ["The opinion", "Sending refugees back breaks non-refoulement",
                                                "Refoulement"]
    assert used_by(site, "signature") == ["No page of the site uses this term yet."]


# --- Sources -------------------------------------------------------------------------------------------------------

def test_the_sources_page_lists_every_source_with_the_pages_that_cite_it(site):
    parsed = page(site, "sources")
    assert [li.attrs["id"] for li in parsed.find("li") if "source-list" in li.parents[-1].classes] == [
        "treaty-text", "agency-report", "news-item"]
    news = parsed.find("li", id="news-item")[0]
    assert "A river on the border" in news.text and "https://example.org/news-item" in news.text
    cited = [a.attrs["href"] for a in parsed.find("a") if news in a.parents and "ref-url" not in a.classes]
    assert cited == ["../glossary/tumen-river/"]
    report = parsed.find("li", id="agency-report")[0]
    assert report.text.count("(glossary)") == 1 and "The opinion" in report.text


# --- Navigation and editing -----------------------------------------------------------------------------------------

def test_the_new_pages_are_in_the_navigation(site):
    labels = [a.text.strip() for a in page(site, "").find("a", cls="md-nav__link")]
    for label in ("Timeline", "Glossary", "Sources"):
        assert label in labels


@pytest.mark.parametrize("url, edit", [
    ("timeline", "/tree/main/docs/facts/"),
    ("glossary", "/tree/main/docs/glossary/"),
    ("sources", "/tree/main/sources/"),
    ("glossary/refugee", "/edit/main/docs/glossary/refugee.md"),
])
def test_the_edit_button_opens_the_data_a_page_is_made_from(site, url, edit):
    button = page(site, url).find("a", rel="edit")[0]
    assert button.attrs["href"] == "https://github.com/north-korean-refugees-factcheck/site" + edit


def test_a_link_to_a_year_that_is_not_on_the_timeline_fails_the_build(tmp_path):
    root = make_site(tmp_path / "repo", FIXTURE)
    fact = root / "docs/facts/conference.md"
    fact.write_text(fact.read_text(encoding="utf-8") + "\nSee [1999](../timeline.md#1999).\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "site")
    assert result.returncode != 0
    assert "timeline.md#1999" in result.stderr


def test_definitions_are_hidden_until_asked_for(site):
    tips = page(site, "facts/returns-breach").find("span", cls="term__tip")
    assert tips and all("hidden" in tip.attrs and "data-search-exclude" in tip.attrs for tip in tips)
