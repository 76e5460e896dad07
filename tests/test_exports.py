"""The data files are built with the site, match their published schemas, and lead back to the pages."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from conftest import FIXTURES, MINI_COMMIT, MINI_URL, REPO, make_site, mkdocs_build

from factsite.chronology import dated_facts
from factsite.exports import EXPORTS, TIMELINEJS, fact_records
from factsite.load import load_site
from factsite.publication import Publication
from factsite.vocabulary import correction_fields

MINI, _ = load_site(FIXTURES / "mini")


def data(site: Path, name: str) -> dict:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def page_of(site: Path, url: str) -> Path:
    """The built file that serves ``url`` (an address of the mini site)."""
    assert url.startswith(MINI_URL), url
    path = url.removeprefix(MINI_URL)
    return site / path / "index.html"


@pytest.mark.parametrize("name", [*EXPORTS, "timelinejs"])
def test_each_json_export_matches_its_published_schema(built_mini, name):
    filename = EXPORTS[name][0] if name in EXPORTS else TIMELINEJS
    schema = json.loads((built_mini / "data/schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data(built_mini, filename))]
    assert errors == []


def test_each_export_names_its_schema_and_the_version_of_the_site(built_mini):
    for name, (filename, key, _) in EXPORTS.items():
        exported = data(built_mini, filename)
        assert exported["$schema"] == f"{MINI_URL}data/schemas/{name}.schema.json"
        assert exported["version"] == MINI_COMMIT[:7]
        assert exported["site_url"] == MINI_URL
        assert exported[key], filename


def test_every_record_links_back_to_its_page(built_mini):
    records = [*data(built_mini, "facts.json")["facts"], *data(built_mini, "timeline.json")["events"],
               *data(built_mini, "glossary.json")["terms"]]
    assert records
    for record in records:
        assert record["url"].startswith("https://"), record["id"]
        assert page_of(built_mini, record["url"]).is_file(), record["url"]
    for source in data(built_mini, "sources.json")["sources"]:
        assert source["cited_on"], source["id"]
        for url in source["cited_on"]:
            assert page_of(built_mini, url).is_file(), url
    cited_on = {s["id"]: s["cited_on"] for s in data(built_mini, "sources.json")["sources"]}
    assert cited_on["un-report"] == [f"{MINI_URL}opinion/", f"{MINI_URL}facts/accession/", f"{MINI_URL}facts/undated/"]


def test_facts_json_carries_verdicts_sources_and_corrections():
    records = {r["id"]: r for r in fact_records(MINI, Publication("Site", MINI_URL, date(2026, 11, 27)))}
    accession = records["accession"]
    assert accession["kind"] == "claim" and accession["verdict_label"] == "Inaccurate wording"
    assert accession["sources"] == [{"id": "treaty-status", "pinpoint": "entry for the state"},
                                    {"id": "un-report", "pinpoint": None}]
    assert records["undated"]["date"] is None and records["undated"]["claim"] is None
    assert [c["now"] for c in records["conference"]["corrections"]] == ["1951-07-02", "confirmed"]


def test_the_timeline_export_is_in_the_site_s_chronological_order_without_undated_facts(built_mini):
    events = data(built_mini, "timeline.json")["events"]
    assert [e["id"] for e in events] == [f.id for f in dated_facts(MINI)] == ["conference", "accession"]
    assert events[0]["date_text"] == "2–25 July 1951"


def test_every_timelinejs_event_has_a_start_year_and_a_unique_id(built_mini):
    timeline = data(built_mini, TIMELINEJS)
    assert timeline["title"]["text"]["headline"]
    assert len(timeline["events"]) == len(dated_facts(MINI))
    for event in timeline["events"]:
        assert isinstance(event["start_date"]["year"], (str, int))
        assert str(event["start_date"]["year"]).isdigit()
        assert isinstance(event["unique_id"], str) and event["unique_id"]
        assert event["text"]["headline"]
    conference = timeline["events"][0]
    assert conference["start_date"] == {"year": "1951", "month": "7", "day": "2"}
    assert conference["end_date"] == {"year": "1951", "month": "7", "day": "25"}
    assert f'href="{MINI_URL}facts/conference/"' in conference["text"]["text"]


@pytest.mark.parametrize("csv_name, json_name, key", [("facts.csv", "facts.json", "facts"),
                                                       ("sources.csv", "sources.json", "sources")])
def test_the_csv_files_hold_the_same_records_as_the_json(built_mini, csv_name, json_name, key):
    text = (built_mini / "data" / csv_name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    records = data(built_mini, json_name)[key]
    assert [row["id"] for row in rows] == [r["id"] for r in records]
    assert [row["url" if key == "facts" else "title"] for row in rows] == [
        r["url" if key == "facts" else "title"] for r in records]
    assert "corrections" not in rows[0]


def test_a_source_with_a_pinpoint_reads_id_and_pinpoint_in_the_csv(built_mini):
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (built_mini / "data/facts.csv").read_text(encoding="utf-8"), newline=""))}
    assert rows["accession"]["sources"] == "treaty-status (entry for the state); un-report"
    assert rows["accession"]["tags"] == "treaties"


def test_the_data_page_links_every_file_and_its_schema(built_mini):
    page = (built_mini / "data/index.html").read_text(encoding="utf-8")
    for name, (filename, _, csv_name) in EXPORTS.items():
        assert f'href="{filename}"' in page and f'href="schemas/{name}.schema.json"' in page
        if csv_name:
            assert f'href="{csv_name}"' in page
    assert f'href="{TIMELINEJS}"' in page and 'href="schemas/timelinejs.schema.json"' in page
    nav = (built_mini / "index.html").read_text(encoding="utf-8")
    assert 'href="data/"' in nav and 'href="corrections/"' in nav


def test_the_published_fact_schema_lists_the_same_correction_fields_as_the_checker(built_mini):
    schema = json.loads((built_mini / "data/schemas/facts.schema.json").read_text(encoding="utf-8"))
    fields = schema["$defs"]["record"]["properties"]["corrections"]["items"]["properties"]["field"]["enum"]
    assert fields == list(correction_fields())


def test_the_real_site_s_exports_match_their_schemas_and_hold_every_record(built_site):
    site, _ = load_site(REPO)
    for name in [*EXPORTS, "timelinejs"]:
        filename = EXPORTS[name][0] if name in EXPORTS else TIMELINEJS
        schema = json.loads((built_site / "data/schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data(built_site, filename))]
        assert errors == [], filename
    assert len(data(built_site, "facts.json")["facts"]) == len(site.facts)
    assert len(data(built_site, "sources.json")["sources"]) == len(site.sources)
    assert len(data(built_site, TIMELINEJS)["events"]) == len(dated_facts(site))


def test_without_directory_urls_records_link_to_the_html_files(tmp_path):
    root = make_site(tmp_path / "repo")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    result = mkdocs_build(root, tmp_path / "out", env={"SITE_URL": MINI_URL})
    assert result.returncode == 0, result.stderr
    for record in data(tmp_path / "out", "facts.json")["facts"]:
        assert record["url"] == f"{MINI_URL}facts/{record['id']}.html"
        assert (tmp_path / "out" / record["url"].removeprefix(MINI_URL)).is_file()
