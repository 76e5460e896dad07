"""Load every record of the site from disk and check it: the one entry point for the checker and the hook."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from .dates import DateError, PartialDate
from .frontmatter import split_page
from .model import Correction, Fact, Opinion, Site, Source, SourceRef, Term
from .problems import Problem
from .schemacheck import check_schema
from .vocabulary import verdicts
from .yamlfile import Document, normalise_text, parse_yaml

FACTS_DIR = "docs/facts"
TERMS_DIR = "docs/glossary"
SOURCES_DIR = "sources"
OPINION_PATH = "docs/opinion.md"
# Pages in these folders that are not records (an index written by hand, if any).
_NOT_RECORDS = {"index.md"}
# The marker that the templates of `scripts/new` put on every line an editor must fill in.
TODO_MARK = re.compile(r"\bTODO\b:?(.*)")


class _Reader:
    """Collects problems while turning parsed documents into records."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        # Line maps of the records read, for problems found across records.
        self.docs: dict[str, Document] = {}
        self.body_lines: dict[str, int] = {}

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def date(self, doc: Document, key: str, rel: str) -> PartialDate | None:
        if key not in doc.data or doc.data[key] is None:
            return None
        try:
            return PartialDate.parse(doc.data[key])
        except DateError as exc:
            self.problems.append(Problem(rel, doc.line((key,)), f"{key} {exc}"))
            return None

    def refs(self, doc: Document, key: str) -> list[SourceRef]:
        refs = []
        for item in doc.data.get(key) or []:
            if isinstance(item, str):
                refs.append(SourceRef(item))
            elif isinstance(item, dict) and isinstance(item.get("id"), str):
                refs.append(SourceRef(item["id"], item.get("pinpoint")))
        return refs

    def read_page(self, path: Path, kind: str):
        rel = self.rel(path)
        raw = path.read_bytes()
        self.check_unfinished(normalise_text(raw), rel)
        page, problems = split_page(raw, rel)
        self.problems += problems
        if page is None:
            return None, rel
        schema_problems = check_schema(kind, page.meta, rel)
        self.problems += schema_problems
        return (page if not schema_problems else None), rel

    def check_unfinished(self, text: str, rel: str) -> None:
        """Report every line still marked TODO, as the templates of `scripts/new` leave them."""
        if "TODO" not in text:  # the usual case, found without splitting the file into lines
            return
        for number, line in enumerate(text.split("\n"), start=1):
            match = TODO_MARK.search(line)
            if match:
                what = match.group(1).strip().strip("\"'").rstrip(".").strip()
                task = f": {what}" if what else ""
                self.problems.append(Problem(rel, number, f"unfinished{task} (then delete the word TODO)"))

    def check_id(self, doc: Document, rel: str, stem: str) -> None:
        if doc.data.get("id") != stem:
            self.problems.append(
                Problem(rel, doc.line(("id",)), f"id '{doc.data.get('id')}' differs from the file name: write id: {stem}")
            )


def load_site(root: Path | str) -> tuple[Site, list[Problem]]:
    """Read sources/, docs/facts/, docs/glossary/ and docs/opinion.md under ``root``; return the site and its problems."""
    root = Path(root)
    reader = _Reader(root)
    site = Site()
    _load_sources(reader, site)
    _load_facts(reader, site)
    _load_terms(reader, site)
    _load_opinion(reader, site)
    _cross_check(reader, site)
    return site, sorted(set(reader.problems))


def _files(root: Path, folder: str, pattern: str) -> list[Path]:
    base = root / folder
    return sorted(p for p in base.glob(pattern) if p.name not in _NOT_RECORDS) if base.is_dir() else []


def _load_sources(reader: _Reader, site: Site) -> None:
    for path in _files(reader.root, SOURCES_DIR, "*.y*ml"):
        rel = reader.rel(path)
        text = normalise_text(path.read_bytes())
        reader.check_unfinished(text, rel)
        doc, problems = parse_yaml(text, rel)
        reader.problems += problems
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            reader.problems.append(Problem(rel, 1, "a source file must be a list of 'field: value' lines"))
            continue
        if check_schema_into(reader, "source", doc, rel):
            continue
        reader.check_id(doc, rel, path.stem)
        data = doc.data
        source = Source(
            id=data["id"], title=data["title"], publisher=data["publisher"], kind=data["kind"],
            read_as=data["read_as"], path=rel, author=data.get("author"), date=reader.date(doc, "date", rel),
            identifier=data.get("identifier"), url=data.get("url"), copies=list(data.get("copies") or []),
            archive_url=data.get("archive_url"), accessed=reader.date(doc, "accessed", rel),
            read_note=data.get("read_note"), language=data.get("language"),
        )
        reader.docs[rel] = doc
        _add(reader, site.sources, source, doc, rel, "source")


def check_schema_into(reader: _Reader, kind: str, doc: Document, rel: str) -> bool:
    """Record schema problems; True when there were any."""
    problems = check_schema(kind, doc, rel)
    reader.problems += problems
    return bool(problems)


def _add(reader: _Reader, registry: dict[str, Any], record: Any, doc: Document, rel: str, what: str) -> None:
    if record.id in registry:
        reader.problems.append(
            Problem(rel, doc.line(("id",)), f"{what} id '{record.id}' is already used by {registry[record.id].path}")
        )
        return
    registry[record.id] = record


def _pages(reader: _Reader, folder: str, kind: str):
    """Each page of ``folder`` whose front-matter passed the ``kind`` schema, its id checked against its file name."""
    for path in _files(reader.root, folder, "*.md"):
        page, rel = reader.read_page(path, kind)
        if page is not None:
            reader.check_id(page.meta, rel, path.stem)
            yield page, rel


def _load_facts(reader: _Reader, site: Site) -> None:
    for page, rel in _pages(reader, FACTS_DIR, "fact"):
        doc, data = page.meta, page.meta.data
        fact = Fact(
            id=data["id"], title=data["title"], verdict=data["verdict"], reviewed=reader.date(doc, "reviewed", rel),
            sources=reader.refs(doc, "sources"), tags=list(data["tags"]), path=rel, body=page.body,
            claim=data.get("claim"), date=reader.date(doc, "date", rel), end_date=reader.date(doc, "end_date", rel),
            date_certainty=data.get("date_certainty", "exact"), terms=list(data.get("terms") or []),
            corrections=_corrections(reader, doc, rel),
        )
        if fact.end_date and not fact.date:
            reader.problems.append(Problem(rel, doc.line(("end_date",)), "end_date is given without date: add date"))
        elif fact.end_date and fact.date and fact.end_date.end_key() < fact.date.start_key():
            reader.problems.append(
                Problem(rel, doc.line(("end_date",)), f"end_date {fact.end_date.iso()} is before date {fact.date.iso()}")
            )
        _check_body(reader, page.body, rel, page.body_line)
        reader.docs[rel] = doc
        _add(reader, site.facts, fact, doc, rel, "fact")


def _corrections(reader: _Reader, doc: Document, rel: str) -> list[Correction]:
    """The fact's corrections; a verdict change must name real verdicts and end at the verdict the page gives."""
    corrections = []
    for index, entry in enumerate(doc.data.get("corrections") or []):
        where = ("corrections", index)
        try:
            day = PartialDate.parse(entry["date"])
        except DateError as exc:
            reader.problems.append(Problem(rel, doc.line(where + ("date",)), f"corrections[{index + 1}].date {exc}"))
            continue
        was, now = str(entry["was"]), str(entry["now"])
        if was == now:
            reader.problems.append(
                Problem(rel, doc.line(where + ("now",)), f"corrections[{index + 1}]: was and now are the same: say what changed")
            )
        if entry["field"] == "verdict":
            for key, value in (("was", was), ("now", now)):
                if value not in verdicts():
                    close = difflib.get_close_matches(value, list(verdicts()), n=1, cutoff=0.6)
                    hint = f"did you mean '{close[0]}'?" if close else f"use a verdict id: {', '.join(verdicts())}"
                    reader.problems.append(
                        Problem(rel, doc.line(where + (key,)), f"corrections[{index + 1}].{key} '{value}' is not a verdict: {hint}")
                    )
        corrections.append(Correction(date=day, field=entry["field"], was=was, now=now, why=entry["why"]))
    verdict_changes = [c for c in corrections if c.field == "verdict"]
    if verdict_changes:
        last_day = max(c.date for c in verdict_changes)
        latest = [c.now for c in verdict_changes if c.date == last_day]
        if doc.data["verdict"] not in latest:
            reader.problems.append(
                Problem(rel, doc.line(("verdict",)),
                        f"verdict is '{doc.data['verdict']}' but the latest verdict correction ({last_day.iso()}) "
                        f"says now: {latest[-1]}: make them agree")
            )
    return corrections


def _load_terms(reader: _Reader, site: Site) -> None:
    for page, rel in _pages(reader, TERMS_DIR, "term"):
        doc, data = page.meta, page.meta.data
        term = Term(
            id=data["id"], term=data["term"], definition=data["definition"], sources=reader.refs(doc, "sources"),
            reviewed=reader.date(doc, "reviewed", rel), path=rel, aliases=list(data.get("aliases") or []),
            related=list(data.get("related") or []), body=page.body,
        )
        _check_body(reader, page.body, rel, page.body_line)
        reader.docs[rel] = doc
        _add(reader, site.terms, term, doc, rel, "term")


def _load_opinion(reader: _Reader, site: Site) -> None:
    path = reader.root / OPINION_PATH
    if not path.is_file():
        reader.problems.append(Problem(OPINION_PATH, 1, "the opinion page is missing"))
        return
    page, rel = reader.read_page(path, "opinion")
    if page is None:
        return
    doc, data = page.meta, page.meta.data
    site.opinion = Opinion(
        title=data["title"], author=data["author"], role=data["role"], organisation=data["organisation"],
        year=reader.date(doc, "year", rel), year_basis=data["year_basis"], text_basis=data["text_basis"],
        sources=reader.refs(doc, "sources"), reviewed=reader.date(doc, "reviewed", rel), path=rel, body=page.body,
    )
    reader.docs[rel] = doc
    reader.body_lines[rel] = page.body_line
    _check_body(reader, page.body, rel, page.body_line)


# Addresses in Markdown: inline links and images, reference definitions, autolinks, HTML attributes.
_URL_PATTERNS = [
    re.compile(r"\]\(\s*<?([^)\s>]+)"),
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),
]
_ATTRIBUTE_URL = re.compile(r"\b(?:href|src|action|formaction|srcset|poster|data)\s*=\s*[\"']?([^\"'\s>]+)", re.I)
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.\-]*)\s*:")
# Raw HTML that could run code or pull in third-party content must not come in through a page.
_UNSAFE_HTML = re.compile(r"<\s*(script|iframe|object|embed|style|form|link|meta|base)\b|\son[a-z]+\s*=", re.I)


def _check_body(reader: _Reader, body: str, rel: str, first_line: int) -> None:
    """Reject links that are not https (or relative) and raw HTML that could run code."""
    # The attribute pattern is by far the slowest to scan with, and an attribute needs an '='.
    for pattern in [*_URL_PATTERNS, _ATTRIBUTE_URL] if "=" in body else _URL_PATTERNS:
        for match in pattern.finditer(body):
            url = match.group(1)
            line = first_line + body.count("\n", 0, match.start(1))
            scheme = _SCHEME.match(url)
            if url.startswith("//"):
                reader.problems.append(Problem(rel, line, f"link '{url}' has no scheme: write it as https://{url[2:]}"))
            elif scheme and scheme.group(1).lower() != "https":
                reader.problems.append(
                    Problem(rel, line, f"link '{url[:60]}' is not allowed: only https:// links and links to pages of this site")
                )
    if "<" not in body and "=" not in body:  # neither a tag nor an attribute: nothing to scan for
        return
    for match in _UNSAFE_HTML.finditer(body):
        line = first_line + body.count("\n", 0, match.start())
        reader.problems.append(
            Problem(rel, line, f"'{match.group(0).strip()}' is not allowed in a page: write Markdown instead of this HTML")
        )


# A claim link in the opinion: [the op-ed's words](facts/<id>.md), brackets inside the words escaped as \[ \].
CLAIM_LINK = re.compile(r"\[((?:\\.|[^\[\]\\])+)\]\(facts/(?!index\.md)([^)\s]+?)\.md\)")


def unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def squash(text: str) -> str:
    return " ".join(text.split())


def _cross_check(reader: _Reader, site: Site) -> None:
    for record in [*site.facts.values(), *site.terms.values(), *([site.opinion] if site.opinion else [])]:
        doc = reader.docs[record.path]
        seen: set[tuple[str, str | None]] = set()
        for index, ref in enumerate(record.sources):
            line = doc.line(("sources", index))
            if ref.id not in site.sources:
                _unknown(reader, record.path, line, "source", ref.id, site.sources, "sources/{}.yml")
            if (ref.id, ref.pinpoint) in seen:
                reader.problems.append(Problem(record.path, line, f"source '{ref.id}' is listed twice"))
            seen.add((ref.id, ref.pinpoint))
    for fact in site.facts.values():
        doc = reader.docs[fact.path]
        for index, term_id in enumerate(fact.terms):
            if term_id not in site.terms:
                _unknown(reader, fact.path, doc.line(("terms", index)), "glossary term", term_id, site.terms, "docs/glossary/{}.md")
    for term in site.terms.values():
        doc = reader.docs[term.path]
        for index, term_id in enumerate(term.related):
            if term_id not in site.terms:
                _unknown(reader, term.path, doc.line(("related", index)), "related term", term_id, site.terms, "docs/glossary/{}.md")
            elif term_id == term.id:
                reader.problems.append(Problem(term.path, doc.line(("related", index)), "a term cannot be related to itself"))
    _check_aliases(reader, site)
    _check_unused_sources(reader, site)
    if site.opinion:
        _check_claims(reader, site)


def _unknown(reader: _Reader, rel: str, line: int, what: str, value: str, known: dict, path_pattern: str) -> None:
    """Report a reference to a record that does not exist (one whose file exists but is broken is reported there)."""
    if (reader.root / path_pattern.format(value)).is_file():
        return
    close = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"create {path_pattern.format(value)} or use an id that exists"
    reader.problems.append(Problem(rel, line, f"unknown {what} '{value}': {hint}"))


def _check_aliases(reader: _Reader, site: Site) -> None:
    owner: dict[str, Term] = {}
    for term in site.terms.values():
        doc = reader.docs[term.path]
        for index, name in enumerate(term.names):
            key = squash(name).casefold()
            line = doc.line(("term",) if index == 0 else ("aliases", index - 1))
            if key in owner and owner[key] is not term:
                reader.problems.append(
                    Problem(term.path, line, f"'{name}' is already a name of the term in {owner[key].path}: an alias belongs to one term")
                )
            owner.setdefault(key, term)


def _check_unused_sources(reader: _Reader, site: Site) -> None:
    """A source that no page cites is either a forgotten citation or a file to delete."""
    cited = site.citations()
    for source in site.sources.values():
        if not cited[source.id]:
            reader.problems.append(
                Problem(
                    source.path, reader.docs[source.path].line(("id",)),
                    f"source '{source.id}' is not cited by any fact, glossary term or the opinion: "
                    "cite it where it is used, or delete this file",
                )
            )


def _check_claims(reader: _Reader, site: Site) -> None:
    opinion = site.opinion
    body_line = reader.body_lines[opinion.path]
    linked: dict[str, int] = {}
    for match in CLAIM_LINK.finditer(opinion.body):
        fact_id = match.group(2)
        line = body_line + opinion.body.count("\n", 0, match.start())
        fact = site.facts.get(fact_id)
        if fact is None:
            _unknown(reader, opinion.path, line, "fact", fact_id, site.facts, "docs/facts/{}.md")
            continue
        if fact_id in linked:
            reader.problems.append(Problem(opinion.path, line, f"fact '{fact_id}' is already linked on line {linked[fact_id]}"))
            continue
        linked[fact_id] = line
        words = squash(unescape_markdown(match.group(1)))
        if fact.claim is None:
            reader.problems.append(
                Problem(opinion.path, line, f"fact '{fact_id}' has no claim: add to {fact.path} the line claim: {words}")
            )
        elif squash(fact.claim) != words:
            reader.problems.append(
                Problem(
                    fact.path, reader.docs[fact.path].line(("claim",)),
                    f"claim differs from the words linked in {opinion.path} line {line}: write claim: {words}",
                )
            )
    for fact in site.claims():
        if fact.id not in linked:
            reader.problems.append(
                Problem(
                    fact.path, reader.docs[fact.path].line(("claim",)),
                    f"this claim is not linked from {opinion.path}: link its words there as [...](facts/{fact.id}.md)",
                )
            )
