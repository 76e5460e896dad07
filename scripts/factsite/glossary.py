"""The glossary as Markdown: each term's page, and the alphabetical index with its A–Z jump list.

The index is glossary/index.md, with an anchor per term id (glossary/index.md#non-refoulement); past the page
budget it becomes a list of letters with a page per letter (see layout).
"""

from __future__ import annotations

import string
from itertools import groupby

from .layout import (
    GLOSSARY_INDEX,
    follow_splits,
    glossary_entry,
    glossary_index_pages,
    headword_order,
    letter,
    rel_link,
)
from .markup import html_text, md_text
from .model import Site, Term
from .pages import counted, jump_list, parts_list, record_link, record_order, sources_section
from .terms_in_text import TermMarker, term_usage

_LETTERS = ["0-9", *string.ascii_lowercase, "other"]


def _letter_label(key: str) -> str:
    return {"0-9": "0–9", "other": "Other"}.get(key, key.upper())


def render_term_page(term: Term, site: Site) -> str:
    """A term's page: headword, definition, other names, explanation, related terms, pages that use it, sources."""
    uri = term.src_uri
    lines = [
        f"# {md_text(term.term)}",
        "",
        f'<p class="term-definition"><dfn>{html_text(term.term)}</dfn>: {html_text(term.definition)}</p>',
        "",
        '<div class="fact-meta" markdown>',
        "",
    ]
    if term.aliases:
        lines += ["Also written", f":   {', '.join(md_text(alias) for alias in term.aliases)}", ""]
    index_link = rel_link(uri, glossary_entry(site, term))
    lines += [
        "In the glossary",
        f":   [{md_text(term.term)} in the list of all terms]({index_link})",
        "",
        "Last reviewed",
        f':   <time datetime="{term.reviewed.iso()}">{html_text(term.reviewed.human())}</time>',
        "",
        "</div>",
        "",
        TermMarker(site, uri, own_term=term.id).mark(follow_splits(term.body.strip(), uri, site)),
        "",
    ]
    if term.related:
        # This section and the next repeat other pages' words: left out of the search index.
        lines += ["## Related terms { #related data-search-exclude }", ""]
        for related_id in term.related:
            related = site.terms[related_id]
            link = f"[{md_text(related.term)}]({rel_link(uri, related.src_uri)})"
            lines.append(f"- {link}: {md_text(related.definition)}")
        lines.append("")
    lines += ["## Pages that use this term { #used-by data-search-exclude }", ""]
    users = sorted(term_usage(site)[term.id], key=record_order)
    if users:
        lines += [f"- {record_link(record, uri)}" for record in users]
    else:
        lines.append("No page of the site uses this term yet.")
    lines += ["", sources_section(term.sources, site)]
    return "\n".join(lines)


def render_glossary_index(site: Site) -> dict[str, str]:
    """Every page of the glossary index, by source file: glossary/index.md first."""
    terms = sorted(site.terms.values(), key=headword_order)
    layout = glossary_index_pages(site)
    by_letter = {key: list(group) for key, group in groupby(terms, key=letter)}
    if set(layout.values()) <= {GLOSSARY_INDEX}:
        lines = ["# Glossary", "", *_intro(len(terms)), _jump_list(site, GLOSSARY_INDEX, by_letter), ""]
        for key, group in by_letter.items():
            lines += _letter_section(site, GLOSSARY_INDEX, key, group, level="##")
        return {GLOSSARY_INDEX: "\n".join(lines)}
    letters = [(f"letter-{key}", _letter_label(key), _letter_href(site, GLOSSARY_INDEX, key, group),
                counted(len(group), "term")) for key, group in by_letter.items()]
    pages = {GLOSSARY_INDEX: "\n".join(["# Glossary", "", *_intro(len(terms)), *parts_list(letters)])}
    for key, group in by_letter.items():
        uri = layout[group[0].id]
        lines = [f"# Glossary: {_letter_label(key)} {{ #letter-{key} }}", "",
                 f"[All letters]({rel_link(uri, GLOSSARY_INDEX)})", "", _jump_list(site, uri, by_letter), ""]
        pages[uri] = "\n".join(lines + _letter_section(site, uri, key, group, level=None))
    return pages


def _intro(count: int) -> list[str]:
    return [
        f"The words and names that the opinion and the fact pages rely on: {count} terms, each with a one-sentence "
        "definition. Each term has its own page with a fuller explanation, its sources and the pages that use it. "
        "Where a term occurs in the text of a page, point at it, move to it with the keyboard or tap it to read "
        "its definition.",
        "",
    ]


def _letter_href(site: Site, from_uri: str, key: str, terms: list[Term]) -> str:
    page = glossary_index_pages(site)[terms[0].id]
    return rel_link(from_uri, page) + f"#letter-{key}" if page != from_uri else f"#letter-{key}"


def _jump_list(site: Site, uri: str, by_letter: dict[str, list[Term]]) -> str:
    items = []
    for key in _LETTERS:
        if key in by_letter:
            items.append(f"[{_letter_label(key)}]({_letter_href(site, uri, key, by_letter[key])})")
        elif key not in ("0-9", "other"):
            items.append(f'<span class="jump-list__empty">{_letter_label(key)}</span>')
    return jump_list("Letters", items)


def _letter_section(site: Site, uri: str, key: str, terms: list[Term], level: str | None) -> list[str]:
    lines = [f"{level} {_letter_label(key)} {{ #letter-{key} }}", ""] if level else []
    lines += ['<div class="glossary-index" markdown>', ""]
    for term in terms:
        lines += [f"[{md_text(term.term)}]({rel_link(uri, term.src_uri)}) {{ #{term.id} }}",
                  f":   {md_text(term.definition)}"]
        if term.aliases:
            lines.append(f":   Also: {', '.join(md_text(alias) for alias in term.aliases)}")
        lines.append("")
    return lines + ["</div>", ""]
