"""The checker rejects each kind of bad input with the file, the line and the field, and accepts what editors write."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO, problems_after

from factsite.load import load_site

FACT = "docs/facts/accession.md"
SOURCE = "sources/treaty-status.yml"


def test_the_fixture_site_is_valid(mini_site):
    site, problems = load_site(mini_site)
    assert problems == []
    assert set(site.facts) == {"accession", "conference", "undated"}


def test_malformed_yaml_names_file_and_line(mini_site):
    found = problems_after(mini_site, FACT, "title: The state acceded in 1982", "title: The state: acceded in 1982")
    assert found == [f"{FACT}:3: this YAML cannot be read: mapping values are not allowed here "
                     "(a value that contains ': ' must be put in quotes)"]


def test_missing_field(mini_site):
    found = problems_after(mini_site, FACT, "reviewed: 2026-11-26\n", "")
    assert len(found) == 1 and found[0].startswith(f"{FACT}:2: missing field 'reviewed'")


def test_empty_field(mini_site):
    found = problems_after(mini_site, FACT, "title: The state acceded in 1982", 'title: ""')
    assert found == [f"{FACT}:3: title is empty: write a value or remove the line"]


def test_wrong_typed_field(mini_site):
    found = problems_after(mini_site, FACT, "tags: [treaties]", "tags: treaties")
    assert found == [f"{FACT}:12: tags must be a list, e.g. [a, b], not str"]


def test_front_matter_never_closed(mini_site):
    path = mini_site / FACT
    path.write_text(path.read_text(encoding="utf-8").replace("---\nThe status", "The status"), encoding="utf-8")
    found = [str(p) for p in load_site(mini_site)[1]]
    assert f"{FACT}:1: the front-matter opened on line 1 is never closed: add a line '---' after its last field" in found


def test_duplicate_key(mini_site):
    found = problems_after(mini_site, FACT, "verdict: inaccurate-wording\n", "verdict: inaccurate-wording\nverdict: accurate\n")
    assert found == [f"{FACT}:5: field 'verdict' is given twice (first on line 4); keep one"]


def test_unknown_source_id(mini_site):
    found = problems_after(mini_site, FACT, "  - un-report\n", "  - un-reprot\n")
    assert found == [f"{FACT}:11: unknown source 'un-reprot': did you mean 'un-report'?"]


def test_duplicate_source_id_across_files(mini_site):
    (mini_site / "sources/copy.yml").write_text((mini_site / SOURCE).read_text(encoding="utf-8"), encoding="utf-8")
    found = [str(p) for p in load_site(mini_site)[1]]
    assert "sources/copy.yml:1: id 'treaty-status' differs from the file name: write id: copy" in found
    assert "sources/treaty-status.yml:1: source id 'treaty-status' is already used by sources/copy.yml" in found


def test_same_source_listed_twice(mini_site):
    found = problems_after(mini_site, FACT, "  - un-report\n", "  - un-report\n  - un-report\n")
    assert found == [f"{FACT}:12: source 'un-report' is listed twice"]


@pytest.mark.parametrize("bad, message", [
    ("1982-13-45", "date '1982-13-45' has no month 13: the month is 01 to 12"),
    ("2023-02-30", "date '2023-02-30' is not a day of the calendar: February 2023 has days 01 to 28"),
    ("24 Sept 1982", "date '24 Sept 1982' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1982-09-24"),
])
def test_impossible_dates(mini_site, bad, message):
    found = problems_after(mini_site, FACT, "date: 1982-09-24", f"date: {bad}")
    assert found == [f"{FACT}:6: {message}"]


def test_end_date_before_date(mini_site):
    found = problems_after(mini_site, "docs/facts/conference.md", "end_date: 1951-07-25", "end_date: 1951-06-25")
    assert found == ["docs/facts/conference.md:6: end_date 1951-06-25 is before date 1951-07-02"]


def test_unknown_tag(mini_site):
    found = problems_after(mini_site, FACT, "tags: [treaties]", "tags: [treaty]")
    assert len(found) == 1
    assert found[0].startswith(f"{FACT}:12: tags[1] 'treaty' is not one of treaties, un-system")
    assert found[0].endswith("did you mean 'treaties'?")


def test_unknown_verdict_suggests_the_right_word(mini_site):
    found = problems_after(mini_site, "docs/facts/conference.md", "verdict: confirmed", "verdict: confimed")
    assert found == ["docs/facts/conference.md:4: verdict 'confimed' is not one of confirmed, reported, unconfirmed, "
                     "disputed; did you mean 'confirmed'?"]


def test_claim_verdict_on_a_context_fact(mini_site):
    found = problems_after(mini_site, "docs/facts/conference.md", "verdict: confirmed", "verdict: accurate")
    assert found == ["docs/facts/conference.md:4: verdict 'accurate' is not one of confirmed, reported, unconfirmed, disputed"]


def test_unknown_glossary_term(mini_site):
    found = problems_after(mini_site, FACT, "terms: [accession-term]", "terms: [acession-term]")
    assert found == [f"{FACT}:13: unknown glossary term 'acession-term': did you mean 'accession-term'?"]


def test_unknown_field(mini_site):
    found = problems_after(mini_site, FACT, "tags: [treaties]", "tags: [treaties]\ntopic: law")
    assert len(found) == 1 and found[0].startswith(f"{FACT}:13: unknown field 'topic' (allowed: id, title")


@pytest.mark.parametrize("url", ["http://example.org/a", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>"])
def test_source_url_must_be_https(mini_site, url):
    found = problems_after(mini_site, SOURCE, "url: https://example.org/treaty-status", f'url: "{url}"')
    assert found == [f"{SOURCE}:7: url '{url}' is not allowed: only https:// addresses may be given "
                     "(never javascript:, data: or http:)"]


@pytest.mark.parametrize("link", ["[click](javascript:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)",
                                  "<a href='http://example.org'>x</a>", "[x](http://example.org)"])
def test_body_links_must_be_https(mini_site, link):
    found = problems_after(mini_site, FACT, "not a signature.", f"not a signature. {link}")
    assert len(found) == 1 and found[0].startswith(f"{FACT}:15: link '")
    assert found[0].endswith("is not allowed: only https:// links and links to pages of this site")


def test_script_in_a_body_is_rejected(mini_site):
    found = problems_after(mini_site, FACT, "not a signature.", "not a signature.\n\n<script>alert(1)</script>")
    assert found == [f"{FACT}:17: '<script' is not allowed in a page: write Markdown instead of this HTML"]


def test_fact_id_must_match_file_name(mini_site):
    found = problems_after(mini_site, FACT, "id: accession\n", "id: accesion\n")
    assert found[0] == f"{FACT}:2: id 'accesion' differs from the file name: write id: accession"


def test_claim_must_match_the_linked_words(mini_site):
    found = problems_after(mini_site, FACT, "claim: The state signed the Convention in 1982.", "claim: The state signed it.")
    assert found == [f"{FACT}:5: claim differs from the words linked in docs/opinion.md line 14: "
                     "write claim: The state signed the Convention in 1982."]


def test_claim_not_linked_from_the_opinion(mini_site):
    found = problems_after(mini_site, "docs/opinion.md", "[The state signed the Convention in 1982.](facts/accession.md)",
                           "The state signed the Convention in 1982.")
    assert found == [f"{FACT}:5: this claim is not linked from docs/opinion.md: link its words there as [...](facts/accession.md)"]


def test_alias_claimed_by_two_terms(mini_site):
    (mini_site / "docs/glossary/other.md").write_text(
        "---\nid: other\nterm: Other\naliases: [Acceded]\ndefinition: Another term.\nsources: [un-report]\n"
        "reviewed: 2026-11-26\n---\nText.\n", encoding="utf-8")
    found = [str(p) for p in load_site(mini_site)[1]]
    assert any(p.startswith("docs/glossary/other.md:4: 'Acceded' is already a name of the term in") for p in found)


def test_crlf_bom_and_quoted_dates_are_accepted(mini_site):
    path = mini_site / FACT
    text = path.read_text(encoding="utf-8").replace("date: 1982-09-24", 'date: "1982-09-24"').replace("\n", "\r\n")
    path.write_bytes("\ufeff".encode() + text.encode("utf-8"))
    site, problems = load_site(mini_site)
    assert problems == []
    assert site.facts["accession"].date.human() == "24 September 1982"


def test_korean_and_chinese_text_is_accepted(mini_site):
    found = problems_after(mini_site, FACT, "title: The state acceded in 1982",
                           "title: 중국은 1982년에 가입했다 (中国于1982年加入)")
    assert found == []


def test_a_year_alone_is_a_date(mini_site):
    site_problems = problems_after(mini_site, FACT, "date: 1982-09-24", "date: 1986")
    assert site_problems == []


def test_the_command_prints_path_line_message_and_exits_1(mini_site):
    problems_after(mini_site, FACT, "verdict: inaccurate-wording", "verdict: acurate")
    result = subprocess.run([sys.executable, "-m", "factsite", "--root", str(mini_site), "check"],
                            capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "scripts")})
    assert result.returncode == 1
    assert result.stdout.startswith(f"{FACT}:4: verdict 'acurate' is not one of accurate,")
    assert "did you mean 'accurate'?" in result.stdout


def test_the_command_exits_0_on_the_real_content():
    result = subprocess.run([sys.executable, "-m", "factsite", "check"], capture_output=True, text=True, cwd=REPO,
                            env={"PYTHONPATH": str(REPO / "scripts")})
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""


def test_a_source_that_nothing_cites_is_reported(mini_site):
    (mini_site / "sources/forgotten.yml").write_text(
        "id: forgotten\ntitle: A forgotten report\npublisher: Someone\nkind: news\nread_as: original\n", encoding="utf-8")
    found = [str(p) for p in load_site(mini_site)[1]]
    assert found == ["sources/forgotten.yml:1: source 'forgotten' is not cited by any fact, glossary term or the "
                     "opinion: cite it where it is used, or delete this file"]


def test_a_term_without_a_definition(mini_site):
    found = problems_after(mini_site, "docs/glossary/accession-term.md",
                           "definition: Becoming a party to a treaty without having signed it first.\n", "")
    assert len(found) == 1
    assert found[0].startswith("docs/glossary/accession-term.md:2: missing field 'definition'")


def test_a_related_term_that_does_not_exist(mini_site):
    found = problems_after(mini_site, "docs/glossary/accession-term.md", "reviewed: 2026-11-26",
                           "related: [signature]\nreviewed: 2026-11-26")
    assert found == ["docs/glossary/accession-term.md:7: unknown related term 'signature': "
                     "create docs/glossary/signature.md or use an id that exists"]
