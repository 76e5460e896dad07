"""A changed fact says so: on its page, on the Corrections page (newest first) and in the Atom feed; the checker
refuses a correction entry that leaves something out."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import pytest
from conftest import MINI_URL, problems_after

from factsite.corrections import render_corrections_page
from factsite.load import load_site

FACT = "docs/facts/conference.md"
ATOM = "{http://www.w3.org/2005/Atom}"


def problems_with(site, old: str, new: str) -> list[str]:
    return problems_after(site, FACT, old, new)


def test_the_fixture_s_corrections_are_read(mini_site):
    site, problems = load_site(mini_site)
    assert problems == []
    corrections = site.facts["conference"].corrections
    assert [(c.date.iso(), c.field, c.was, c.now) for c in corrections] == [
        ("2026-11-20", "date", "1951-07-03", "1951-07-02"), ("2026-11-26", "verdict", "reported", "confirmed")]


@pytest.mark.parametrize("old, new, expected", [
    ("    why: The status table itself has now been read, not only a report about it.\n", "",
     f"{FACT}:16: missing field 'why': Why it changed, in a sentence a reader understands."),
    ("    was: reported\n", "", f"{FACT}:16: missing field 'was': What it said before"),
    ("  - date: 2026-11-26\n    field: verdict", "  - field: verdict", f"{FACT}:16: missing field 'date'"),
    ("  - date: 2026-11-26", "  - date: 26 November 2026",
     f"{FACT}:16: corrections[2].date '26 November 2026' is not a day: write YYYY-MM-DD, e.g. 2026-11-27"),
    ("    field: verdict", "    field: verdicts", f"{FACT}:17: corrections[2].field 'verdicts' is not one of verdict, "
                                                   "title, claim, date, text, sources; did you mean 'verdict'?"),
    ("    why: The status table itself has now been read, not only a report about it.", '    why: ""',
     f"{FACT}:20: corrections[2].why is empty: write a value or remove the line"),
])
def test_an_incomplete_correction_is_rejected_with_file_and_line(mini_site, old, new, expected):
    found = problems_with(mini_site, old, new)
    assert any(p.startswith(expected) for p in found), found


def test_a_verdict_correction_must_name_verdicts(mini_site):
    found = problems_with(mini_site, "    was: reported\n", "    was: reportd\n")
    assert found == [f"{FACT}:18: corrections[2].was 'reportd' is not a verdict: did you mean 'reported'?"]


def test_the_latest_verdict_correction_must_agree_with_the_verdict(mini_site):
    found = problems_with(mini_site, "verdict: confirmed", "verdict: disputed")
    assert found == [f"{FACT}:4: verdict is 'disputed' but the latest verdict correction (2026-11-26) says now: "
                     "confirmed: make them agree"]


def test_a_correction_must_change_something(mini_site):
    found = problems_with(mini_site, "    was: 1951-07-03\n", "    was: 1951-07-02\n")
    assert found == [f"{FACT}:14: corrections[1]: was and now are the same: say what changed"]


def test_the_fact_page_shows_its_corrections_newest_first(built_mini):
    page = (built_mini / "facts/conference/index.html").read_text(encoding="utf-8")
    notice = page[page.index("This page has been corrected"):]
    newest, older = notice.index("26 November 2026"), notice.index("20 November 2026")
    assert newest < older
    assert "Verdict changed from Reported to Confirmed." in notice
    assert 'href="../../corrections/"' in notice
    assert "This page has been corrected" not in (built_mini / "facts/accession/index.html").read_text(encoding="utf-8")


def test_the_corrections_page_lists_every_correction_newest_first_with_a_link_to_the_fact(built_mini):
    page = (built_mini / "corrections/index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li><span id="([^"]+)"></span>(.*?)</li>', page, re.S)
    assert [anchor for anchor, _ in items] == ["conference-2026-11-26-verdict", "conference-2026-11-20-date"]
    assert all('href="../facts/conference/"' in text for _, text in items)
    assert "why" not in items[0][1] and "The status table itself has now been read" in items[0][1]
    assert 'href="../corrections.xml"' in page


def test_the_corrections_page_says_so_when_there_are_none(mini_site):
    path = mini_site / FACT
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("corrections:")] + text[text.index("---\nThe conference"):], encoding="utf-8")
    site, problems = load_site(mini_site)
    assert problems == []
    assert "No published check has been corrected so far." in render_corrections_page(site)


def test_the_atom_feed_is_valid_and_carries_each_correction(built_mini):
    feed = ET.parse(built_mini / "corrections.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == f"{MINI_URL}corrections.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 2 and all(i.startswith(f"{MINI_URL}corrections/#") for i in ids)
    for entry in entries:
        for required in ("id", "title", "updated", "content"):
            assert entry.findtext(f"{ATOM}{required}"), required
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        assert entry.find(f"{ATOM}link").get("href") == f"{MINI_URL}facts/conference/"
    assert feed.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated") == "2026-11-26T00:00:00Z"
    assert "The status table itself has now been read" in entries[0].findtext(f"{ATOM}content")


def test_every_page_points_feed_readers_to_the_corrections_feed(built_mini):
    for page in ["index.html", "facts/accession/index.html", "corrections/index.html"]:
        text = (built_mini / page).read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="Corrections" '
                         r'href="(\.\./)*corrections\.xml">', text), page
