"""MkDocs glue: load and check the content with factsite, add the generated pages, render records.

The logic lives in the plain-Python package factsite (beside this file) so that the
checker and any other generator share it; this file only connects it to MkDocs' events.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

sys.path.insert(0, str(Path(__file__).parent))  # factsite sits beside this hook; MkDocs does not add it to the path

from factsite import citation, corrections, exports, glossary, jsonld, pages, sources_page, timeline  # noqa: E402
from factsite.load import load_site  # noqa: E402
from factsite.model import Fact, Site, Term  # noqa: E402
from factsite.publication import Publication, read_publication  # noqa: E402

log = logging.getLogger("mkdocs.hooks.factsite")
ROOT = Path(__file__).resolve().parent.parent
_site: Site | None = None
_publication: Publication | None = None

# Generated pages, with the folder their edit button opens (they are made from its files).
GENERATED = {
    "facts/index.md": ("docs/facts/", pages.render_facts_index),
    "corrections.md": ("docs/facts/", corrections.render_corrections_page),
    "data/index.md": ("scripts/factsite/schemas/exports/", exports.render_data_page),
    "timeline.md": ("docs/facts/", timeline.render_timeline),
    "glossary/index.md": ("docs/glossary/", glossary.render_glossary_index),
    "sources.md": ("sources/", sources_page.render_sources_page),
}


def on_config(config):
    """Name, address and version of the site being built, for citations, structured data and the data files."""
    global _publication
    _publication = read_publication(ROOT, config.site_name, config.site_url, config.use_directory_urls)
    return config


def on_pre_build(config) -> None:
    """Load and check all content on every build, so `mkdocs serve` sees each saved change."""
    global _site
    site, problems = load_site(ROOT)
    if problems:
        listing = "\n".join(str(p) for p in problems)
        raise PluginError(f"{len(problems)} problem(s) in the content:\n{listing}")
    _site = site


def on_files(files: Files, config) -> Files:
    for src_uri, (folder, render) in GENERATED.items():
        rendered = render(_site)
        # A list that outgrows one page (the timeline, the glossary index, the facts index, the sources page) comes
        # as several, by source file.
        for uri, content in (rendered if isinstance(rendered, dict) else {src_uri: rendered}).items():
            generated = File.generated(config, uri, content=content)
            # The edit button of a generated page opens the folder of the data it is made from.
            generated.edit_uri = f"../../../tree/main/{folder}"
            files.append(generated)
    # Data files built with the site (the exports, their schemas, the corrections feed), so that links to them are
    # checked like any other and `mkdocs serve` serves them.
    data = {**exports.export_files(_site, _publication), corrections.FEED: corrections.atom_feed(_site, _publication)}
    for path, content in data.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    uri = page.file.src_uri
    if "title" in page.meta:
        # Material prints page.title and page.meta.title unescaped; a title from front-matter is data, not markup.
        page.title = page.meta["title"] = html.escape(str(page.meta["title"]))
    if uri == "opinion.md":
        return pages.render_opinion(_site)
    record = _site.record_at(uri)
    if isinstance(record, Fact):
        return pages.render_fact_page(record, _site)
    if isinstance(record, Term):
        page.title = html.escape(record.term)
        return glossary.render_term_page(record, _site)
    if uri == "conventions.md":
        return pages.fill_vocabulary(markdown)
    return markdown


# Search ranks a page by where the words occur; a glossary entry's score is multiplied by this. The entry defines its
# term, so it comes before the fact pages that only use the word.
TERM_SEARCH_BOOST = 2.0


def on_page_content(output: str, page, config, files) -> str:
    """Structured data for the page's head (see overrides/main.html), on records' pages 'Cite this page', and the
    weight of glossary entries in search."""
    uri = page.file.src_uri
    data = jsonld.structured_data(uri, _site, _publication)
    if data:
        page.meta["jsonld"] = jsonld.script_json(data)
    record = _site.record_at(uri)
    if isinstance(record, Term):
        page.meta["search"] = {**(page.meta.get("search") or {}), "boost": TERM_SEARCH_BOOST}
    return output + citation.render_citation(record, _publication) if record else output
