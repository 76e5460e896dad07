"""The real site, built strictly, keeps its promises to readers; bad content stops the build."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import REPO, make_site, mkdocs_build

from factsite.load import load_site

# The op-ed exactly as it was received (a repost, with the blog's comment form at the end).
SEED = REPO / "tests" / "fixtures" / "op-ed-as-received.txt"


class _Text(HTMLParser):
    """The visible text of an HTML fragment and its links."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.links: list[tuple[dict, str]] = []
        self._open: list[dict] = []
        self._hidden = 0  # depth inside an element with the hidden attribute (a glossary definition, say)

    def handle_starttag(self, tag, attrs):
        if self._hidden or "hidden" in dict(attrs):
            self._hidden += 1
        if tag == "a":
            self._open.append(dict(attrs) | {"_text": ""})

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden -= 1
        if tag == "a" and self._open:
            link = self._open.pop()
            self.links.append((link, link.pop("_text")))

    def handle_data(self, data):
        if self._hidden:
            return
        self.parts.append(data)
        for link in self._open:
            link["_text"] += data


def article(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    return text[text.index("<article"): text.index("</article>")]


def squash(text: str) -> str:
    return " ".join(text.split())


def parsed(page: Path) -> _Text:
    parser = _Text()
    parser.feed(article(page))
    return parser


def op_ed_sentences() -> list[str]:
    """The op-ed as received, without the reposting blog's comment form, cut into sentences."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = [line for line in lines[1:] if not line.startswith(("Leave a Reply", "Your email address"))]
    return [s for line in body for s in re.split(r"(?<=[.”])\s+(?=[A-Z\[])", line)]


def test_the_opinion_keeps_every_sentence_of_the_op_ed(built_site):
    text = squash("".join(parsed(built_site / "opinion/index.html").parts))
    missing = [s for s in op_ed_sentences() if squash(s) not in text]
    assert missing == []


def test_every_claim_in_the_opinion_links_to_an_existing_fact_page_with_its_verdict(built_site):
    site, _ = load_site(REPO)
    links = parsed(built_site / "opinion/index.html").links
    claim_links = {a["href"]: text for a, text in links if "claim" in a.get("class", "").split()}
    assert len(site.claims()) >= 10
    for fact in site.claims():
        href = f"../facts/{fact.id}/"
        assert squash(claim_links[href]) == squash(fact.claim)
        assert (built_site / "facts" / fact.id / "index.html").is_file()
        badges = [t for a, t in links if a["href"] == href and "verdict" in a.get("class", "").split()]
        assert badges and squash(badges[0]).endswith(
            {"accurate": "Accurate", "imprecise": "Imprecise"}.get(fact.verdict, badges[0].split(": ")[-1])
        )


def test_each_fact_page_shows_verdict_reviewed_date_sources_and_the_way_back(built_site):
    site, _ = load_site(REPO)
    for fact in site.facts.values():
        page = built_site / "facts" / fact.id / "index.html"
        content = article(page)
        text = squash(html.unescape(re.sub(r"<[^>]+>", " ", content)))
        assert "Last reviewed" in text and fact.reviewed.human() in text, fact.id
        assert 'class="verdict verdict--' + fact.verdict in content, fact.id
        assert content.count('<li id="ref-') == len({ref.id for ref in fact.sources}), fact.id
        for ref in fact.sources:
            assert squash(html.unescape(site.sources[ref.id].title)) in text, (fact.id, ref.id)
        if fact.claim:
            assert f'href="../../opinion/#claim-{fact.id}"' in content, fact.id


def test_facts_are_reached_from_the_index_not_the_sidebar(built_site):
    index = (built_site / "facts/index.html").read_text(encoding="utf-8")
    site, _ = load_site(REPO)
    for fact in site.facts.values():
        assert f'href="{fact.id}/"' in index
    home_nav = (built_site / "index.html").read_text(encoding="utf-8")
    assert "facts/china-accession-1982/" not in home_nav


def test_no_page_asks_a_third_party_for_fonts_or_repository_data(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page
        assert 'data-md-component="source"' not in text, page


@pytest.fixture
def hostile_site(tmp_path):
    root = make_site(tmp_path / "repo")
    fact = root / "docs/facts/accession.md"
    fact.write_text(fact.read_text(encoding="utf-8").replace(
        "title: The state acceded in 1982", 'title: "<script>alert(1)</script> & <b>bold</b>"'), encoding="utf-8")
    source = root / "sources/un-report.yml"
    source.write_text(source.read_text(encoding="utf-8").replace(
        "title: Report of the commission", 'title: "<img src=x onerror=alert(2)>"'), encoding="utf-8")
    return root


def test_fields_from_front_matter_and_the_registry_stay_escaped(hostile_site, tmp_path):
    result = mkdocs_build(hostile_site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for page in (tmp_path / "out").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in text and "<img src=x" not in text and "<b>bold" not in text, page
    fact = (tmp_path / "out/facts/accession/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in fact
    assert "&lt;img src=x onerror=alert(2)&gt;" in fact


@pytest.mark.parametrize("rel, old, new, expected", [
    ("docs/facts/accession.md", "verdict: inaccurate-wording", "verdict: acurate",
     "docs/facts/accession.md:4: verdict 'acurate' is not one of"),
    ("docs/facts/accession.md", "date: 1982-09-24", "date: 1982-13-45", "docs/facts/accession.md:6: date '1982-13-45'"),
    ("sources/treaty-status.yml", "url: https://example.org/treaty-status", 'url: "javascript:alert(1)"',
     "sources/treaty-status.yml:7: url 'javascript:alert(1)' is not allowed"),
    ("docs/facts/accession.md", "\n---\nThe status", "\nThe status", "docs/facts/accession.md:1: the front-matter"),
    ("docs/facts/accession.md", "id: accession\n", "id: accession\nid: accession\n",
     "docs/facts/accession.md:3: field 'id' is given twice"),
    ("docs/facts/accession.md", "title: The state acceded in 1982", "title: The state: acceded",
     "docs/facts/accession.md:3: this YAML cannot be read"),
    ("docs/facts/accession.md", "reviewed: 2026-11-26\n", "", "docs/facts/accession.md:2: missing field 'reviewed'"),
    ("docs/facts/accession.md", "title: The state acceded in 1982", 'title: ""', "docs/facts/accession.md:3: title is empty"),
    ("docs/facts/accession.md", "tags: [treaties]", "tags: treaties", "docs/facts/accession.md:12: tags must be a list"),
    ("docs/facts/accession.md", "id: accession\n", "id: accesion\n", "docs/facts/accession.md:2: id 'accesion' differs"),
    ("docs/facts/accession.md", "  - un-report\n", "  - un-reprot\n", "docs/facts/accession.md:11: unknown source 'un-reprot'"),
    ("docs/facts/accession.md", "tags: [treaties]", "tags: [treaty]", "docs/facts/accession.md:12: tags[1] 'treaty'"),
    ("docs/facts/accession.md", "terms: [accession-term]", "terms: [nope]", "docs/facts/accession.md:13: unknown glossary term 'nope'"),
    ("docs/facts/accession.md", "not a signature.", "not a signature. [x](data:text/html,hi)",
     "docs/facts/accession.md:15: link 'data:text/html,hi' is not allowed"),
    ("sources/un-report.yml", "id: un-report", "id: treaty-status", "sources/un-report.yml:1: id 'treaty-status' differs"),
])
def test_a_strict_build_stops_and_names_the_file(tmp_path, rel, old, new, expected):
    root = make_site(tmp_path / "repo")
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "out")
    assert result.returncode != 0
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_the_hook_imports_cleanly():
    """A broken import should fail here with a clear message, before any build."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("mkdocs_hook", REPO / "scripts/mkdocs_hook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.on_page_markdown)
