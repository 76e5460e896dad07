"""Corrections to published facts: the Corrections page (newest first) and its Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from .dates import PartialDate
from .markup import md_text
from .model import Correction, Fact, Site
from .publication import Publication
from .vocabulary import correction_fields, verdicts

PAGE = "corrections.md"
FEED = "corrections.xml"
_ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Entry:
    fact: Fact
    correction: Correction
    anchor: str  # unique on the Corrections page, and the key of the feed entry's id


def describe(correction: Correction) -> str:
    """'Verdict changed from Reported to Confirmed.' in plain text; verdict ids become their labels."""
    was, now = correction.was, correction.now
    if correction.field == "verdict":
        was, now = verdicts()[was].label, verdicts()[now].label
    else:
        was, now = f"“{was}”", f"“{now}”"
    return f"{correction_fields()[correction.field].label} changed from {was} to {now}."


def newest_first(corrections: list[Correction]) -> list[Correction]:
    return sorted(corrections, key=lambda c: c.date, reverse=True)


def entries(site: Site) -> list[Entry]:
    """Every correction of every fact, newest first, each with its own anchor."""
    pairs = sorted(((fact, c) for fact in site.facts.values() for c in fact.corrections),
                   key=lambda pair: (pair[0].id, pair[1].field))
    pairs.sort(key=lambda pair: pair[1].date, reverse=True)  # stable: same-day corrections stay in id order
    seen: dict[str, int] = {}
    result = []
    for fact, correction in pairs:
        anchor = f"{fact.id}-{correction.date.iso()}-{correction.field}"
        seen[anchor] = seen.get(anchor, 0) + 1
        result.append(Entry(fact, correction, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}"))
    return result


def render_corrections_page(site: Site) -> str:
    """corrections.md: every correction, newest first, each linking to the fact it changed."""
    listed = entries(site)
    lines = [
        "# Corrections",
        "",
        "When a check on this site changes after it was published, its page says so and the change is listed here, "
        "newest first: the day, what changed, what it said before, what it says now, and why. Feed readers can "
        f"follow the same list through [the corrections feed]({FEED}).",
        "",
    ]
    if not listed:
        lines += ["No published check has been corrected so far.", ""]
    # This page sits at the root of the site, so a fact's source path is also the link to it.
    for entry in listed:
        c = entry.correction
        lines.append(
            f'- <span id="{entry.anchor}"></span>**{c.date.human()}** · [{md_text(entry.fact.title)}]({entry.fact.src_uri}): '
            f"{md_text(describe(c))} {md_text(c.why)}"
        )
    return "\n".join(lines) + "\n"


def _timestamp(day: PartialDate) -> str:
    return f"{day.iso()}T00:00:00Z"


def atom_feed(site: Site, publication: Publication) -> bytes:
    """The corrections as an Atom feed (RFC 4287), newest first."""
    listed = entries(site)
    page_url = publication.page_url(PAGE)
    updated = _timestamp(listed[0].correction.date if listed else publication.built_day)
    feed = ET.Element("feed", xmlns=_ATOM)
    ET.SubElement(feed, "title").text = f"{publication.name}: corrections"
    ET.SubElement(feed, "subtitle").text = "Changes made to published checks, newest first."
    ET.SubElement(feed, "id").text = publication.file_url(FEED)
    ET.SubElement(feed, "updated").text = updated
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=publication.file_url(FEED))
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=page_url)
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = publication.name
    for entry in listed:
        c = entry.correction
        item = ET.SubElement(feed, "entry")
        ET.SubElement(item, "id").text = f"{page_url}#{entry.anchor}"
        ET.SubElement(item, "title").text = f"{entry.fact.title}: {describe(c)}"
        ET.SubElement(item, "updated").text = _timestamp(c.date)
        ET.SubElement(item, "link", rel="alternate", type="text/html", href=publication.page_url(entry.fact.src_uri))
        ET.SubElement(item, "content", type="text").text = f"{describe(c)} {c.why}"
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
