"""Markdown for the site's pages: fact pages, the annotated opinion, the facts index, the conventions tables.

Each ``render_*`` function takes the loaded Site and returns Markdown; links are
Markdown links between source files, so MkDocs rewrites and validates them.
"""

from __future__ import annotations

import re

from .corrections import PAGE as CORRECTIONS_PAGE
from .corrections import describe, newest_first
from .dates import human_range
from .layout import (
    FACTS_INDEX,
    facts_index_is_split,
    facts_list,
    facts_list_page,
    follow_splits,
    headword_order,
    rel_link,
    timeline_entry,
)
from .load import CLAIM_LINK
from .markup import html_text, md_text
from .model import Correction, Fact, Opinion, Site, SourceRef, Term
from .references import render_reference_list
from .terms_in_text import TermMarker
from .vocabulary import Word, claim_verdicts, context_verdicts, read_as, source_kinds, tags, verdicts


def fact_date(fact: Fact) -> str:
    """'24 September 1982', '2–25 July 1951', 'c. 2018 (inferred)'."""
    if not fact.date:
        return ""
    text = human_range(fact.date, fact.end_date)
    if fact.date_certainty == "approximate":
        return f"c. {text}"
    if fact.date_certainty == "inferred":
        return f"c. {text} (inferred)"
    return text


def _time(value, text: str) -> str:
    return f'<time datetime="{value.iso()}">{html_text(text)}</time>'


def verdict_badge(verdict: str, from_uri: str, target: str | None = None) -> str:
    """A verdict as a link to its explanation (or to ``target``), styled by its id."""
    word = verdicts()[verdict]
    href = target or f"{rel_link(from_uri, 'conventions.md')}#verdict-{verdict}"
    return (
        f'[<span class="visually-hidden">Verdict: </span>{md_text(word.label)}]({href})'
        f"{{ .verdict .verdict--{verdict} }}"
    )


def sources_section(refs: list[SourceRef], site: Site) -> str:
    # Left out of the search index: a page should rank for what it says, not for the titles of what it cites
    # (the sources page lists every document).
    return "## Sources { #sources data-search-exclude }\n\n" + render_reference_list(refs, site) + "\n"


def render_fact_page(fact: Fact, site: Site) -> str:
    """A fact page: title, verdict, dates, the passage checked, the body, the reference list.

    Glossary terms in the passage and the body are marked (the first occurrence of each).
    """
    uri = fact.src_uri
    marker = TermMarker(site, uri)
    lines = [f"# {md_text(fact.title)}", "", '<div class="fact-meta" markdown>', "", verdict_badge(fact.verdict, uri), ""]
    if fact.date:
        on_timeline = rel_link(uri, timeline_entry(site, fact))
        lines += ["Date", f":   {_time(fact.date, fact_date(fact))} · [on the timeline]({on_timeline})", ""]
    lines += ["Last reviewed", f":   {_time(fact.reviewed, fact.reviewed.human())}", ""]
    topic_links = ", ".join(
        f"[{md_text(tags()[t].label)}]({rel_link(uri, facts_list(site, 'topic', t))})" for t in fact.tags
    )
    lines += ["Topics", f":   {topic_links}", ""]
    if fact.terms:
        term_links = ", ".join(
            f"[{md_text(site.terms[t].term)}]({rel_link(uri, site.terms[t].src_uri)})" for t in fact.terms
        )
        lines += ["Terms", f":   {term_links}", ""]
    lines += ["</div>", ""]
    if fact.corrections:
        lines += _corrections_notice(fact.corrections, uri)
    if fact.claim:
        back = f"{rel_link(uri, 'opinion.md')}#claim-{fact.id}"
        lines += [
            "## What the op-ed says",
            "",
            f"> {marker.mark(md_text(fact.claim))}",
            "",
            f"[Read this passage in the opinion]({back}){{ .claim-context }}",
            "",
        ]
    lines += [marker.mark(follow_splits(fact.body.strip(), uri, site)), "", sources_section(fact.sources, site)]
    return "\n".join(lines)


def _corrections_notice(corrections: list[Correction], uri: str) -> list[str]:
    """A notice near the top of a corrected fact page: each change, newest first, with why it was made."""
    lines = ['!!! note "This page has been corrected"', ""]
    for c in newest_first(corrections):
        lines.append(f"    - {_time(c.date, c.date.human())}: {md_text(describe(c))} {md_text(c.why)}")
    return lines + ["", f"    [All corrections]({rel_link(uri, CORRECTIONS_PAGE)})", ""]


def render_opinion(site: Site) -> str:
    """The op-ed with each checked passage linked to its fact page and followed by its verdict; glossary terms
    outside the passages are marked."""
    opinion = site.opinion
    year = f"c. {opinion.year.human()}"
    header = [
        f"# {md_text(opinion.title)}",
        "",
        '<div class="fact-meta" markdown>',
        "",
        "Author",
        f":   {md_text(opinion.author)}, {md_text(opinion.role)}, {md_text(opinion.organisation)}",
        "",
        "Published",
        f":   {_time(opinion.year, year)}: {md_text(opinion.year_basis)}",
        "",
        "Text",
        f":   {md_text(opinion.text_basis)}",
        "",
        "Last reviewed",
        f":   {_time(opinion.reviewed, opinion.reviewed.human())}",
        "",
        "</div>",
        "",
    ]

    def annotate(match: re.Match) -> str:
        words, fact_id = match.group(1), match.group(2)
        fact = site.facts[fact_id]
        target = f"facts/{fact_id}.md"
        return (
            f"[{words}]({target}){{ #claim-{fact_id} .claim .claim--{fact.verdict} }}"
            f" {verdict_badge(fact.verdict, opinion.src_uri, target)}"
        )

    body = CLAIM_LINK.sub(annotate, follow_splits(opinion.body.strip(), opinion.src_uri, site))
    body = TermMarker(site, opinion.src_uri).mark(body)
    return "\n".join(header) + body + "\n\n" + sources_section(opinion.sources, site)


def jump_list(label: str, items: list[str]) -> str:
    """A row of links (Markdown) to the parts of a long page, named for screen readers by ``label``."""
    return f'<nav class="jump-list" aria-label="{html_text(label)}" markdown="span">{" ".join(items)}</nav>'


def record_order(record: Opinion | Fact | Term) -> tuple:
    """The order of lists of pages: the opinion, then facts by title, then terms by headword."""
    if isinstance(record, Opinion):
        return (0, "", "")
    if isinstance(record, Fact):
        return (1, record.title.casefold(), record.id)
    return (2, *headword_order(record))


def record_link(record: Opinion | Fact | Term, from_uri: str) -> str:
    """A Markdown link to a fact's, a term's or the opinion's page, named by its title."""
    href = rel_link(from_uri, record.src_uri)
    if isinstance(record, Opinion):
        return f"[The opinion]({href})"
    if isinstance(record, Fact):
        return f"[{md_text(record.title)}]({href})"
    return f"[{md_text(record.term)}]({href}) (glossary)"


def _fact_item(fact: Fact, from_uri: str) -> str:
    when = f" · {fact_date(fact)}" if fact.date else ""
    return f"- [{md_text(fact.title)}]({rel_link(from_uri, fact.src_uri)}) — {md_text(verdicts()[fact.verdict].label)}{when}"


def render_facts_index(site: Site) -> dict[str, str]:
    """Every page of the facts index, by source file: facts/index.md lists every fact by topic and by verdict, or,
    once that is too big for one page, links to a page per topic and per verdict."""
    facts = sorted(site.facts.values(), key=lambda f: f.title.casefold())
    claims = [f for f in facts if f.is_claim]
    lines = [
        "# Facts",
        "",
        f"The site checks {counted(len(claims), 'claim')} of [the opinion](../opinion.md) and records "
        f"{counted(len(facts) - len(claims), 'background fact')}. Each page gives its verdict, its sources and the "
        "day it was last reviewed; [the conventions](../conventions.md) explain every verdict.",
        "",
    ]
    split = facts_index_is_split(site)
    pages = {}
    groupings = [
        ("topic", "By topic", tags(), {t: [f for f in facts if t in f.tags] for t in tags()}),
        ("verdict", "By verdict", verdicts(), {v: [f for f in facts if f.verdict == v] for v in verdicts()}),
    ]
    for kind, heading, words, lists in groupings:
        lists = {value: listed for value, listed in lists.items() if listed}
        lines += [f"## {heading}", ""]
        if split:
            lines += parts_list([
                (f"{kind}-{value}", md_text(words[value].label), rel_link(FACTS_INDEX, facts_list(site, kind, value)),
                 counted(len(listed), "fact"))
                for value, listed in lists.items()
            ])
        for value, listed in lists.items():
            title = md_text(words[value].label)
            if split:
                uri = facts_list_page(site, kind, value)
                pages[uri] = "\n".join([
                    f"# Facts: {title} {{ #{kind}-{value} }}",
                    "",
                    f"[All facts]({rel_link(uri, FACTS_INDEX)}) · {counted(len(listed), 'fact')} on this page.",
                    "",
                    *(_fact_item(f, uri) for f in listed),
                    "",
                ])
            else:
                lines += [f"### {title} {{ #{kind}-{value} }}", "", *(_fact_item(f, FACTS_INDEX) for f in listed),
                          ""]
    return {FACTS_INDEX: "\n".join(lines), **pages}


def counted(number: int, noun: str) -> str:
    """'1 fact', '1,234 facts'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def parts_list(parts: list[tuple[str, str, str, str]]) -> list[str]:
    """The first page of a list that is split: each part (anchor, label, link, what it holds) as a link. Each part
    keeps its anchor here, so that links made before the split still arrive."""
    items = [f'<li id="{anchor}" markdown="span">[{label}]({href}): {holds}</li>' for anchor, label, href, holds
             in parts]
    return ['<ul class="list-parts" markdown>', *items, "</ul>", ""]


def _word_table(words: dict[str, Word], anchor: str | None = None) -> str:
    rows = ["| Value | Meaning |", "| --- | --- |"]
    for word in words.values():
        ident = f'<span id="{anchor}-{word.id}"></span>' if anchor else ""
        rows.append(f"| {ident}**{md_text(word.label)}** (`{word.id}`) | {md_text(word.description)} |")
    return "\n".join(rows)


# Placeholders in docs/conventions.md, replaced by tables read from the schemas.
VOCABULARY_TABLES = {
    "claim-verdicts": lambda: _word_table(claim_verdicts(), "verdict"),
    "context-verdicts": lambda: _word_table(context_verdicts(), "verdict"),
    "tags": lambda: _word_table(tags()),
    "source-kinds": lambda: _word_table(source_kinds()),
    "read-as": lambda: _word_table(read_as()),
}
_PLACEHOLDER = re.compile(r"^<!-- vocabulary: ([a-z-]+) -->$", re.M)


def fill_vocabulary(markdown: str) -> str:
    """Replace each ``<!-- vocabulary: NAME -->`` line with that list as a table."""
    return _PLACEHOLDER.sub(lambda m: VOCABULARY_TABLES[m.group(1)](), markdown)
