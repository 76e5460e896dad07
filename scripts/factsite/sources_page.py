"""The sources page: every source in the registry with its full reference and the pages that cite it."""

from __future__ import annotations

from .layout import rel_link
from .markup import html_text, md_text
from .model import Fact, Opinion, Site, Source, Term
from .pages import jump_list, record_link, record_order
from .references import format_reference
from .vocabulary import source_kinds

SOURCES_PAGE = "sources.md"


def render_sources_page(site: Site) -> str:
    """sources.md: the sources grouped by kind, each with an anchor of its id."""
    uri = SOURCES_PAGE
    cited = site.citations()
    kinds = [(kind, word) for kind, word in source_kinds().items()
             if any(source.kind == kind for source in site.sources.values())]
    lines = [
        "# Sources",
        "",
        f"Every document this site relies on, {len(site.sources)} in all, grouped by kind. Each entry gives the "
        "full reference, how the document was read, and the pages that cite it. "
        f"[The conventions]({rel_link(uri, 'conventions.md')}#sources) explain how references are written.",
        "",
        jump_list("Kinds of source", [f"[{md_text(word.label)}](#kind-{kind})" for kind, word in kinds]),
        "",
    ]
    for kind, word in kinds:
        sources = sorted((s for s in site.sources.values() if s.kind == kind), key=_source_order)
        lines += [f"## {md_text(word.label)} {{ #kind-{kind} }}", "", '<ol class="references source-list" markdown>']
        lines += [_entry(source, cited[source.id], uri) for source in sources]
        lines += ["</ol>", ""]
    return "\n".join(lines)


def _source_order(source: Source) -> tuple:
    return ((source.author or source.publisher).casefold(), source.title.casefold(), source.id)


def _entry(source: Source, records: list[Opinion | Fact | Term], uri: str) -> str:
    links = ", ".join(record_link(record, uri) for record in sorted(records, key=record_order))
    return "\n".join([
        f'<li id="{html_text(source.id)}" markdown>',
        f'<p class="source-list__reference">{format_reference(source)}</p>',
        f'<p class="source-list__cited-by" markdown="span">Cited by: {links}.</p>',
        "</li>",
    ])

