"""'Cite this page' for a fact, a glossary term or the opinion: a formatted reference and a BibTeX entry, each with
the page's address and the version of the site it was read in. Plain HTML, so it works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass

from .dates import PartialDate
from .markup import html_text
from .model import Fact, Opinion, Term
from .publication import Publication


@dataclass(frozen=True)
class Citation:
    key: str  # the BibTeX key, e.g. fact:china-accession-1982
    title: str
    kind: str  # what the page is, e.g. "Fact check"
    reviewed: PartialDate
    url: str
    publication: Publication


def citation_for(record: Fact | Term | Opinion, publication: Publication) -> Citation:
    url = publication.page_url(record.src_uri)
    if isinstance(record, Fact):
        return Citation(f"fact:{record.id}", record.title, "Fact check", record.reviewed, url, publication)
    if isinstance(record, Term):
        return Citation(f"glossary:{record.id}", record.term, "Glossary entry", record.reviewed, url, publication)
    kind = f"Op-ed by {record.author}, {record.organisation}, reproduced with its claims checked"
    return Citation("opinion", record.title, kind, record.reviewed, url, publication)


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "?", "!")) else text + "."


def reference(citation: Citation) -> str:
    """One line of plain text: site. “Title.” Kind, last reviewed date. Version, build date. Address"""
    return (
        f"{_sentence(citation.publication.name)} “{_sentence(citation.title)}” {citation.kind}, last reviewed "
        f"{citation.reviewed.human()}. {citation.publication.version}. {citation.url}"
    )


_BIBTEX_SPECIAL = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_",
    "^": r"\^{}", "~": r"\~{}",
})


def bibtex_escape(text: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters made literal, line breaks folded into spaces."""
    return " ".join(text.split()).translate(_BIBTEX_SPECIAL)


def bibtex(citation: Citation) -> str:
    # The url field is read verbatim; only the characters that would unbalance its braces need encoding.
    url = citation.url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")
    fields = [
        ("author", f"{{{bibtex_escape(citation.publication.name)}}}"),  # double braces: an organisation, not a person
        ("title", f"{{{bibtex_escape(citation.title)}}}"),  # double braces keep the capitals of names
        ("howpublished", bibtex_escape(f"{citation.kind}, last reviewed {citation.reviewed.human()}")),
        ("year", str(citation.reviewed.year)),
        ("note", bibtex_escape(citation.publication.version)),
        ("url", url),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{citation.key},\n{body}\n}}"


def render_citation(record: Fact | Term | Opinion, publication: Publication) -> str:
    """The 'Cite this page' section, as HTML to append to the page's content."""
    citation = citation_for(record, publication)
    return (
        '\n<section class="citation" aria-labelledby="cite-this-page">\n'
        '<h2 id="cite-this-page" data-search-exclude>Cite this page</h2>\n'  # repeats the title: not for search
        f"<p>{html_text(reference(citation))}</p>\n"
        "<p>As a BibTeX entry:</p>\n"
        f"<pre><code>{html_text(bibtex(citation))}</code></pre>\n"
        "</section>\n"
    )
