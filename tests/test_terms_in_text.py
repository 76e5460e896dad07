"""Glossary terms in the text: the first occurrence on a page is marked, and headings, links and code are left alone."""

from __future__ import annotations

import re

from factsite.dates import PartialDate
from factsite.model import Site, Term
from factsite.terms_in_text import TermMarker, term_matcher


def term(term_id: str, headword: str, *aliases: str) -> Term:
    return Term(id=term_id, term=headword, definition=f"What {headword} means.", sources=[], reviewed=PartialDate(2026),
                path=f"docs/glossary/{term_id}.md", aliases=list(aliases))


def site(*terms: Term) -> Site:
    return Site(terms={t.id: t for t in terms})


SITE = site(
    term("refugee", "Refugee", "refugees"),
    term("refugee-convention", "1951 Refugee Convention", "Refugee Convention"),
    term("non-refoulement", "Non-refoulement", "principle of non-refoulement"),
    term("refoulement", "Refoulement"),
    term("dprk", "DPRK", "North Korea", "Democratic People's Republic of Korea"),
    term("tumen-river", "Tumen River", "Tumen", "두만강", "图们江"),
)


def marked(markdown: str, page: str = "facts/x.md", own: str | None = None) -> list[tuple[str, str]]:
    """(words, term id) of each mark in the page, in order."""
    result = TermMarker(SITE, page, own).mark(markdown)
    return re.findall(r'<span class="term">\[([^\]]*)\]\((?:\.\./glossary/)?([a-z0-9-]+)\.md\)', result)


def test_the_first_occurrence_of_each_term_is_marked_once():
    assert marked("Refugees flee. A refugee is protected. Refugees again.") == [("Refugees", "refugee")]


def test_matching_ignores_case_and_takes_the_longest_name():
    assert marked("the 1951 refugee convention and refugees") == [("1951 refugee convention", "refugee-convention"),
                                                                 ("refugees", "refugee")]
    assert marked("the principle of non-refoulement, not refoulement") == [
        ("principle of non-refoulement", "non-refoulement"), ("refoulement", "refoulement")]


def test_only_whole_words_are_marked():
    assert marked("Refugeehood and the unrefoulement of the DPRKs") == []


def test_a_name_broken_over_two_lines_is_found():
    assert marked("the 1951 Refugee\nConvention applies") == [("1951 Refugee\nConvention", "refugee-convention")]


def test_either_apostrophe_matches():
    assert marked("the Democratic People’s Republic of Korea") == [("Democratic People’s Republic of Korea", "dprk")]


def test_korean_and_chinese_names_are_found_inside_words():
    assert marked("두만강은 넓다") == [("두만강", "tumen-river")]
    assert marked("沿图们江") == [("图们江", "tumen-river")]


def test_headings_links_and_code_are_left_alone():
    page = "\n".join([
        "# Refugee law",
        "",
        "Refoulement",
        "===========",
        "",
        "See [the refugee page](https://example.org/refugee) and ![a refugee](refugee.png).",
        "Also `refugee` in code, <a href='x.md'>refugee</a> in HTML and <https://example.org/refugee>.",
        "A bare address https://example.org/refoulement/ too, and {: #refugee .dprk } attributes.",
        "",
        "    refugee in indented code",
        "",
        "```text",
        "North Korea in fenced code",
        "```",
        "",
        "<div class=\"x\">",
        "Tumen River in raw HTML",
        "</div>",
        "",
        "[refugee]: https://example.org/refugee",
        "",
        "!!! note \"Refugee\"",
        "",
        "    At last a refugee in the open.",
    ])
    assert marked(page) == [("refugee", "refugee")]
    assert "At last a <span" in TermMarker(SITE, "facts/x.md").mark(page)


def test_text_in_markdown_blocks_of_html_is_marked():
    assert marked('<div class="op-ed" markdown>\n\n> North Korea\n\n</div>') == [("North Korea", "dprk")]


def test_a_term_inside_a_link_waits_for_its_next_occurrence_outside():
    page = "[Refugees are returned.](facts/a.md){ #claim-a .claim } Many refugees are."
    assert marked(page) == [("refugees", "refugee")]


def test_a_term_is_not_marked_on_its_own_page():
    assert marked("Refugee and North Korea", page="glossary/refugee.md", own="refugee") == [("North Korea", "dprk")]


def test_the_mark_links_to_the_entry_and_carries_the_definition():
    result = TermMarker(SITE, "opinion.md").mark("North Korea")
    assert result == (
        '<span class="term">[North Korea](glossary/dprk.md){ .term__word aria-describedby="term-tip-dprk" }'
        '<span class="term__tip" role="tooltip" id="term-tip-dprk" hidden data-search-exclude>What DPRK means.</span></span>'
    )


def test_escaped_definitions_stay_text():
    hostile = site(term("x", "Thing"))
    hostile.terms["x"].definition = "A *bold* <script>alert(1)</script> [link](javascript:alert(1))."
    result = TermMarker(hostile, "facts/x.md").mark("A thing.")
    assert "<script>" not in result and "[link](javascript" not in result
    assert r"A \*bold\* &lt;script&gt;alert(1)&lt;/script&gt; \[link\](javascript:alert(1))." in result


def test_hundreds_of_terms_make_one_pattern_that_still_finds_the_longest_name():
    many = [term(f"t{i}", f"Term number {i}", f"tn{i}", f"term {i} long form") for i in range(500)]
    big = site(*many)
    text = "Here term 42 long form and tn499 and Term number 7 appear; term 4 does not."
    found = TermMarker(big, "facts/x.md").mark(text)
    assert re.findall(r"\]\(\.\./glossary/(t\d+)\.md\)", found) == ["t42", "t499", "t7"]
    assert term_matcher(big) is term_matcher(big)
