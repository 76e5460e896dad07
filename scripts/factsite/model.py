"""Typed records for the site's content: facts, glossary terms, sources, the opinion."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .dates import PartialDate


@dataclass(frozen=True)
class SourceRef:
    id: str
    pinpoint: str | None = None


@dataclass
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    read_as: str
    path: str
    author: str | None = None
    date: PartialDate | None = None
    identifier: str | None = None
    url: str | None = None
    copies: list[str] = field(default_factory=list)
    archive_url: str | None = None
    accessed: PartialDate | None = None
    read_note: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Correction:
    """A change to a published fact: when, which field, what it was, what it is now, and why."""

    date: PartialDate
    field: str
    was: str
    now: str
    why: str


@dataclass
class Fact:
    id: str
    title: str
    verdict: str
    reviewed: PartialDate
    sources: list[SourceRef]
    tags: list[str]
    path: str  # relative to the repository, e.g. docs/facts/china-accession-1982.md
    body: str = ""
    claim: str | None = None
    date: PartialDate | None = None
    end_date: PartialDate | None = None
    date_certainty: str = "exact"
    terms: list[str] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"facts/{self.id}.md"

    @property
    def is_claim(self) -> bool:
        return self.claim is not None


@dataclass
class Term:
    id: str
    term: str
    definition: str
    sources: list[SourceRef]
    reviewed: PartialDate
    path: str
    aliases: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    body: str = ""

    @property
    def src_uri(self) -> str:
        return f"glossary/{self.id}.md"

    @property
    def names(self) -> list[str]:
        """The headword first, then its aliases."""
        return [self.term, *self.aliases]


@dataclass
class Opinion:
    title: str
    author: str
    role: str
    organisation: str
    year: PartialDate
    year_basis: str
    text_basis: str
    sources: list[SourceRef]
    reviewed: PartialDate
    path: str
    body: str = ""
    src_uri: str = "opinion.md"


@dataclass
class Site:
    """Everything the content holds, keyed by id."""

    facts: dict[str, Fact] = field(default_factory=dict)
    terms: dict[str, Term] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    opinion: Opinion | None = None
    # Data derived from the records (see per_site), computed once per load.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def claims(self) -> list[Fact]:
        return [fact for fact in self.facts.values() if fact.is_claim]

    def citing_records(self) -> list[Opinion | Fact | Term]:
        """Every record that cites sources: the opinion, then facts and terms in id order."""
        return [*([self.opinion] if self.opinion else []), *self.facts.values(), *self.terms.values()]

    def citations(self) -> dict[str, list[Opinion | Fact | Term]]:
        """For each source id, the records that cite it (each once), in the order of citing_records."""
        cited: dict[str, list] = {source_id: [] for source_id in self.sources}
        for record in self.citing_records():
            for source_id in dict.fromkeys(ref.id for ref in record.sources):
                cited.setdefault(source_id, []).append(record)
        return cited

    def record_at(self, src_uri: str) -> Fact | Term | Opinion | None:
        """The fact, term or opinion that the page ``src_uri`` shows, if any."""
        if self.opinion and src_uri == self.opinion.src_uri:
            return self.opinion
        folder, _, name = src_uri.rpartition("/")
        records = {"facts": self.facts, "glossary": self.terms}.get(folder, {})
        return records.get(name.removesuffix(".md"))


def per_site(function):
    """Compute ``function(site)`` once per loaded site: many pages share the same derived data."""

    @functools.wraps(function)
    def cached(site: Site):
        key = function.__module__ + "." + function.__qualname__
        if key not in site.derived:
            site.derived[key] = function(site)
        return site.derived[key]

    return cached
