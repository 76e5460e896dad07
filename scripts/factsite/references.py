"""Formatted reference lists: author or publisher, title, date, identifier, links, how it was read."""

from __future__ import annotations

from .dates import human_range
from .markup import html_text, https_href
from .model import Site, Source, SourceRef
from .vocabulary import read_as

LANGUAGES = {"ja": "Japanese", "ko": "Korean", "zh": "Chinese", "fr": "French", "de": "German", "ru": "Russian"}


def _link(url: str) -> str:
    return f'<a class="ref-url" href="{https_href(url)}">{html_text(url)}</a>'


def format_reference(source: Source, pinpoints: list[str] | None = None) -> str:
    """One source as an HTML list item's contents, every field escaped."""
    parts = []
    if source.author:
        parts.append(f'<span class="ref-author">{html_text(source.author)}</span>.')
    parts.append(f"<cite>{html_text(source.title)}</cite>.")
    parts.append(f'<span class="ref-publisher">{html_text(source.publisher)}</span>,')
    parts.append(f"{html_text(human_range(source.date, None)) if source.date else 'undated'}.")
    if source.identifier:
        parts.append(f'<span class="ref-identifier">{html_text(source.identifier)}</span>.')
    if source.language in LANGUAGES:
        parts.append(f"In {LANGUAGES[source.language]}.")
    parts.append(f"Read as: {html_text(read_as()[source.read_as].label.lower())}.")
    if source.read_note:
        parts.append(html_text(source.read_note))
    if source.url:
        parts.append(f"Online: {_link(source.url)}.")
    else:
        parts.append("No web address is given for this document.")
    if source.copies:
        parts.append("Also at: " + ", ".join(_link(url) for url in source.copies) + ".")
    if source.archive_url:
        parts.append(f"Archived copy: {_link(source.archive_url)}.")
    if source.accessed:
        parts.append(f"Accessed {html_text(source.accessed.human())}.")
    if pinpoints:
        parts.append(f'<span class="ref-pinpoint">Cited at: {html_text("; ".join(pinpoints))}.</span>')
    return " ".join(parts)


def group_refs(refs: list[SourceRef]) -> list[tuple[str, list[str]]]:
    """Each cited source once, in order of first citation, with all its pinpoints."""
    grouped: dict[str, list[str]] = {}
    for ref in refs:
        pins = grouped.setdefault(ref.id, [])
        if ref.pinpoint and ref.pinpoint not in pins:
            pins.append(ref.pinpoint)
    return list(grouped.items())


def render_reference_list(refs: list[SourceRef], site: Site) -> str:
    """The ordered HTML list of a page's sources."""
    items = [
        f'<li id="ref-{html_text(source_id)}">{format_reference(site.sources[source_id], pins)}</li>'
        for source_id, pins in group_refs(refs)
    ]
    return '<ol class="references">\n' + "\n".join(items) + "\n</ol>"
