"""The site's content as data for reuse, built with the site: facts, timeline, glossary and sources as JSON (and
facts and sources as CSV), the timeline for Knight Lab's TimelineJS, the JSON Schemas that describe them, and the
Data page that documents it all. Every record carries the address of the page it comes from."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from .chronology import dated_facts
from .dates import PartialDate
from .jsonld import CLAIM_RATINGS
from .markup import html_text, md_text
from .model import Fact, Site, SourceRef
from .pages import fact_date
from .publication import Publication
from .vocabulary import SCHEMA_DIR, read_as, source_kinds, verdicts

DATA_DIR = "data"
EXPORT_SCHEMAS = SCHEMA_DIR / "exports"
# Each JSON export: its file, the key of its list of records, and the CSV copy if it has one.
EXPORTS = {
    "facts": ("facts.json", "facts", "facts.csv"),
    "timeline": ("timeline.json", "events", None),
    "glossary": ("glossary.json", "terms", None),
    "sources": ("sources.json", "sources", "sources.csv"),
}
TIMELINEJS = "timelinejs.json"
LEFT_OUT_OF_CSV = ("corrections",)  # lists of records, which a cell cannot hold: they stay in the JSON
TIMELINE_FIELDS = ["id", "url", "title", "kind", "verdict", "verdict_label", "date", "end_date", "date_certainty", "date_text"]


def _iso(value: PartialDate | None) -> str | None:
    return value.iso() if value else None


def _refs(refs: list[SourceRef]) -> list[dict]:
    return [{"id": ref.id, "pinpoint": ref.pinpoint} for ref in refs]


def fact_record(fact: Fact, publication: Publication) -> dict[str, Any]:
    return {
        "id": fact.id,
        "url": publication.page_url(fact.src_uri),
        "title": fact.title,
        "kind": "claim" if fact.is_claim else "context",
        "verdict": fact.verdict,
        "verdict_label": verdicts()[fact.verdict].label,
        "claim": fact.claim,
        "date": _iso(fact.date),
        "end_date": _iso(fact.end_date),
        "date_certainty": fact.date_certainty,
        "date_text": fact_date(fact) or None,
        "reviewed": fact.reviewed.iso(),
        "tags": fact.tags,
        "terms": fact.terms,
        "sources": _refs(fact.sources),
        "corrections": [
            {"date": c.date.iso(), "field": c.field, "was": c.was, "now": c.now, "why": c.why} for c in fact.corrections
        ],
    }


def fact_records(site: Site, publication: Publication) -> list[dict]:
    return [fact_record(fact, publication) for fact in sorted(site.facts.values(), key=lambda f: f.id)]


def timeline_records(site: Site, publication: Publication) -> list[dict]:
    """Dated facts, earliest first (the order of the site's timeline)."""
    records = (fact_record(fact, publication) for fact in dated_facts(site))
    return [{key: record[key] for key in TIMELINE_FIELDS} for record in records]


def term_records(site: Site, publication: Publication) -> list[dict]:
    return [
        {
            "id": term.id,
            "url": publication.page_url(term.src_uri),
            "term": term.term,
            "aliases": term.aliases,
            "definition": term.definition,
            "related": term.related,
            "sources": _refs(term.sources),
            "reviewed": term.reviewed.iso(),
        }
        for term in sorted(site.terms.values(), key=lambda t: t.id)
    ]


def _citing_pages(site: Site, publication: Publication) -> dict[str, list[str]]:
    """For each source id, the addresses of the pages that cite it."""
    records = [*sorted(site.facts.values(), key=lambda f: f.id), *sorted(site.terms.values(), key=lambda t: t.id)]
    if site.opinion:
        records.insert(0, site.opinion)
    cited: dict[str, list[str]] = {}
    for record in records:
        for source_id in dict.fromkeys(ref.id for ref in record.sources):
            cited.setdefault(source_id, []).append(publication.page_url(record.src_uri))
    return cited


def source_records(site: Site, publication: Publication) -> list[dict]:
    cited = _citing_pages(site, publication)
    return [
        {
            "id": source.id,
            "title": source.title,
            "author": source.author,
            "publisher": source.publisher,
            "date": _iso(source.date),
            "kind": source.kind,
            "kind_label": source_kinds()[source.kind].label,
            "identifier": source.identifier,
            "url": source.url,
            "copies": source.copies,
            "archive_url": source.archive_url,
            "accessed": _iso(source.accessed),
            "read_as": source.read_as,
            "read_as_label": read_as()[source.read_as].label,
            "read_note": source.read_note,
            "language": source.language,
            "cited_on": cited.get(source.id, []),
        }
        for source in sorted(site.sources.values(), key=lambda s: s.id)
    ]


_RECORDS = {"facts": fact_records, "timeline": timeline_records, "glossary": term_records, "sources": source_records}


def _tl_date(value: PartialDate) -> dict[str, str]:
    parts = {"year": str(value.year)}
    if value.month:
        parts["month"] = str(value.month)
    if value.day:
        parts["day"] = str(value.day)
    return parts


def timelinejs(site: Site, publication: Publication) -> dict:
    """The timeline in the JSON format that Knight Lab's TimelineJS reads; its text fields are HTML, escaped here."""
    events = []
    for fact in dated_facts(site):
        url = publication.page_url(fact.src_uri)
        event = {
            "unique_id": fact.id,
            "start_date": _tl_date(fact.date),
            # The site's own wording keeps 'c.' and '(inferred)', which TimelineJS would otherwise drop.
            "display_date": fact_date(fact),
            "text": {
                "headline": html_text(fact.title),
                "text": f"<p>Verdict: {html_text(verdicts()[fact.verdict].label)}.</p>"
                        f'<p><a href="{html_text(url)}">Sources and explanation</a></p>',
            },
        }
        if fact.end_date:
            event["end_date"] = _tl_date(fact.end_date)
        events.append(event)
    return {
        "title": {
            "text": {
                "headline": html_text(publication.name),
                "text": f'<p>Dated events behind the op-ed\'s claims, each checked against its sources at '
                        f'<a href="{html_text(publication.url)}">{html_text(publication.url)}</a>.</p>',
            }
        },
        "events": events,
    }


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cell(value: Any) -> str:
    """A CSV cell: lists joined with '; ', a source reference as 'id (pinpoint)'."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(item) for item in value)
    if isinstance(value, dict):
        return value["id"] + (f" ({value['pinpoint']})" if value.get("pinpoint") else "")
    return str(value)


def to_csv(records: list[dict]) -> bytes:
    """The records as CSV (RFC 4180, UTF-8), one column per field except those left out of CSV."""
    columns = [key for key in records[0] if key not in LEFT_OUT_OF_CSV] if records else []
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record[key]) for key in columns])
    return out.getvalue().encode("utf-8")


def schema_url(publication: Publication, name: str) -> str:
    return publication.file_url(f"{DATA_DIR}/schemas/{name}.schema.json")


def export_files(site: Site, publication: Publication) -> dict[str, bytes]:
    """Every file of the data folder, by its path in the built site."""
    files: dict[str, bytes] = {}
    for name, (filename, key, csv_name) in EXPORTS.items():
        records = _RECORDS[name](site, publication)
        files[f"{DATA_DIR}/{filename}"] = _json({
            "$schema": schema_url(publication, name),
            "site": publication.name,
            "site_url": publication.url,
            "version": publication.commit,
            "built": publication.built.isoformat(),
            key: records,
        })
        if csv_name:
            files[f"{DATA_DIR}/{csv_name}"] = to_csv(records)
    files[f"{DATA_DIR}/{TIMELINEJS}"] = _json(timelinejs(site, publication))
    for path in sorted(EXPORT_SCHEMAS.glob("*.schema.json")):
        files[f"{DATA_DIR}/schemas/{path.name}"] = path.read_bytes()
    return files


def _schema(name: str) -> dict:
    return json.loads((EXPORT_SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def _field_table(name: str) -> list[str]:
    """The fields of one record of export ``name``, with their descriptions from its published schema."""
    schema = _schema(name)
    record = schema["$defs"]["record"]
    rows = ["| Field | Meaning |", "| --- | --- |"]
    rows += [f"| `{field}` | {md_text(spec['description'])} |" for field, spec in record["properties"].items()]
    return rows


def render_data_page(site: Site) -> str:
    """data/index.md: what can be downloaded, what each field means, and how the pages describe themselves."""
    lines = [
        "# Data",
        "",
        "Everything this site has checked can be downloaded and reused. The files below are rebuilt with the site, "
        "so they always match the pages; each record gives the address of its page, and each file names the version "
        "of the site it was built from (`version` is the commit, `built` the day of the build). Every JSON file has "
        "a published JSON Schema that describes it. Text is UTF-8; CSV files have a header row and use commas, "
        "with lists joined by semicolons.",
        "",
        "| File | What it holds | Schema |",
        "| --- | --- | --- |",
    ]
    counts = {"facts": len(site.facts), "timeline": len(dated_facts(site)), "glossary": len(site.terms),
              "sources": len(site.sources)}
    for name, (filename, _, csv_name) in EXPORTS.items():
        also = f" (also as [{csv_name}]({csv_name}))" if csv_name else ""
        lines.append(
            f"| [{filename}]({filename}){also} | {md_text(_schema(name)['description'])} ({counts[name]} {'record' if counts[name] == 1 else 'records'}) "
            f"| [{name}.schema.json](schemas/{name}.schema.json) |"
        )
    lines += [
        f"| [{TIMELINEJS}]({TIMELINEJS}) | {md_text(_schema('timelinejs')['description'])} "
        f"| [timelinejs.schema.json](schemas/timelinejs.schema.json) |",
        "",
    ]
    for name, (filename, key, csv_name) in EXPORTS.items():
        lines += [f"## {filename}", "", md_text(_schema(name)["$defs"]["record"]["description"]), ""]
        if csv_name:
            left = [f"`{field}`" for field in LEFT_OUT_OF_CSV if field in _schema(name)["$defs"]["record"]["properties"]]
            lines += [
                f"[{csv_name}]({csv_name}) has the same fields as columns"
                + (f", except {', '.join(left)}" if left else "")
                + ". In a cell, lists are joined with semicolons and a source is written as its id, followed by the "
                "pinpoint in brackets when there is one.",
                "",
            ]
        lines += [f"Each entry of `{key}` has these fields:", "", *_field_table(name), ""]
    lines += [
        "## Embedding the timeline",
        "",
        f"[{TIMELINEJS}]({TIMELINEJS}) is the timeline in the format of Knight Lab's TimelineJS. To show it on "
        "another website, give TimelineJS the address of that file as its data source. This site itself does not "
        "load TimelineJS.",
        "",
        "## Structured data in the pages",
        "",
        "Each page that checks a claim describes itself to search engines as a schema.org `ClaimReview`: the "
        "passage, the op-ed it appeared in, the verdict and the day of the last review. The rating uses a scale "
        "from 1 to 5, always together with the verdict's own name:",
        "",
        "| Verdict | Rating |",
        "| --- | --- |",
        *(f"| {md_text(verdicts()[verdict].label)} | {rating} |" for verdict, rating in CLAIM_RATINGS.items()),
        "",
        "The glossary is described as a `DefinedTermSet` with a `DefinedTerm` per entry, and the opinion page as an "
        "`Article` with its author and organisation.",
        "",
        "## Changes",
        "",
        "When a published check changes, the change is listed on [the corrections page](../corrections.md) and in "
        "[its feed](../corrections.xml), and recorded under `corrections` in facts.json.",
        "",
    ]
    return "\n".join(lines)
