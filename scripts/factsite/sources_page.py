"""The sources page: every source in the registry with its full reference and the pages that cite it.

One page (sources.md) while it is small; past the page budget, a list of the kinds of source with a page per kind
(see layout). Anchors: each kind is ``#kind-treaty``, each source its id, e.g. ``sources.md#unhcr-1951-convention``.
"""

from __future__ import annotations

from .layout import SOURCES_PAGE, rel_link, sources_of_kind, sources_page, sources_page_is_split
from .markup import html_text, md_text
from .model import Fact, Opinion, Site, Source, Term
from .pages import counted, jump_list, parts_list, record_link, record_order
from .references import format_reference
from .vocabulary import source_kinds


def render_sources_page(site: Site) -> dict[str, str]:
    """Every page of the sources list, by source file: sources.md first, with the sources grouped by kind."""
    cited = site.citations()
    by_kind = {kind: sorted((s for s in site.sources.values() if s.kind == kind), key=_source_order)
               for kind in source_kinds()}
    by_kind = {kind: sources for kind, sources in by_kind.items() if sources}
    labels = {kind: md_text(source_kinds()[kind].label) for kind in by_kind}
    lines = [
        "# Sources",
        "",
        f"Every document this site relies on, {len(site.sources)} in all, grouped by kind. Each entry gives the "
        "full reference, how the document was read, and the pages that cite it. "
        f"[The conventions]({rel_link(SOURCES_PAGE, 'conventions.md')}#sources) explain how references are written.",
        "",
    ]
    if not sources_page_is_split(site):
        lines += [jump_list("Kinds of source", [f"[{labels[kind]}](#kind-{kind})" for kind in by_kind]), ""]
        for kind, sources in by_kind.items():
            lines += [f"## {labels[kind]} {{ #kind-{kind} }}", "", *_entries(sources, cited, SOURCES_PAGE)]
        return {SOURCES_PAGE: "\n".join(lines)}
    parts = [(f"kind-{kind}", labels[kind], rel_link(SOURCES_PAGE, sources_of_kind(site, kind)),
              counted(len(sources), "source")) for kind, sources in by_kind.items()]
    pages = {SOURCES_PAGE: "\n".join([*lines, *parts_list(parts)])}
    for kind, sources in by_kind.items():
        uri = sources_page(site, kind)
        pages[uri] = "\n".join([
            f"# Sources: {labels[kind]} {{ #kind-{kind} }}",
            "",
            f"[All kinds of source]({rel_link(uri, SOURCES_PAGE)}) · {counted(len(sources), 'source')} on this page.",
            "",
            *_entries(sources, cited, uri),
        ])
    return pages


def _source_order(source: Source) -> tuple:
    return ((source.author or source.publisher).casefold(), source.title.casefold(), source.id)


def _entries(sources: list[Source], cited: dict[str, list[Opinion | Fact | Term]], uri: str) -> list[str]:
    return ['<ol class="references source-list" markdown>', *(_entry(s, cited[s.id], uri) for s in sources),
            "</ol>", ""]


def _entry(source: Source, records: list[Opinion | Fact | Term], uri: str) -> str:
    links = ", ".join(record_link(record, uri) for record in sorted(records, key=record_order))
    return "\n".join([
        f'<li id="{html_text(source.id)}" markdown>',
        f'<p class="source-list__reference">{format_reference(source)}</p>',
        f'<p class="source-list__cited-by" markdown="span">Cited by: {links}.</p>',
        "</li>",
    ])
