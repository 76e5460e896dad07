"""A synthetic site of any size, for the benchmark and the scale tests.

``make_synthetic_site(repo, dest, n)`` copies the real site's frame (configuration, hook, package, theme
overrides, hand-written pages) into ``dest`` and writes n facts with bodies of about 300 words, n/10
glossary terms with aliases, n/5 sources and an opinion with a few claims, all valid for the checker.
``make_plain_site(repo, dest, pages)`` is the yardstick: the same configuration and theme without the hook,
and plain pages of about 300 words with no front-matter, links or references.
The text is drawn from a fixed word list by generators seeded per record: the same seed gives the same files,
and record i reads the same at every n (only which sources and terms it cites depends on how many there are).
None of it is about anything: it only has the shape of real content.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from .load import FACTS_DIR, OPINION_PATH, SOURCES_DIR, TERMS_DIR
from .vocabulary import claim_verdicts, context_verdicts, read_as, source_kinds, tags

# What a site needs besides its content: configuration, hook, package, theme overrides, hand-written pages.
SITE_FRAME = [
    "mkdocs.yml", "scripts", "overrides",
    "docs/index.md", "docs/conventions.md", "docs/stylesheets", "docs/javascripts",
]

# Facts of the opinion's claims; the rest are background facts.
CLAIMS = 5
BODY_WORDS = 300
REVIEWED = "2026-11-26"

_WORDS = """
account action address agency agreement answer area arrival attention authority balance basis border camp case
centre change city claim committee community condition contact control country court crossing decision delegation
department detention document effect estimate event evidence family figure group guard history hearing household
information interview journey knowledge language law letter level list matter meeting member method movement number
office order organisation paper party passage people period permit person place point policy position practice
pressure process programme province question reason record region report request resolution response result return
review right river road route rule season section session sentence service settlement situation source state
statement station status study survey system table term text time town track treaty trial union unit village visit
voice war week witness woman work worker year
""".split()
_ADJECTIVES = """
annual central civil common early eastern external final formal former general internal joint legal local main
major minor national northern official open original partial political private public regional rural secret short
southern special temporary total urban western written
""".split()
_NOUNS = """
agreement camp certificate charter clause committee council covenant crossing decree document fund hearing inquiry
interview mandate mission notice office order pass permit petition programme protocol quota record register report
review route ruling settlement station statement status survey treaty tribunal visa warrant
""".split()
_PUBLISHERS = [
    "Example Rights Watch", "Office of Sample Studies", "The Placeholder Times", "Institute for Test Research",
    "Demonstration Council", "Synthetic News Agency", "Bureau of Examples", "Model University Press",
]


@dataclass(frozen=True)
class Corpus:
    """What was written: the ids of each kind of record."""

    facts: list[str]
    terms: list[str]
    sources: list[str]


def copy_frame(repo: Path, dest: Path) -> Path:
    """Copy the site's frame from ``repo`` into ``dest``: everything a build needs except the content."""
    for name in SITE_FRAME:
        src = repo / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / name)
    return dest


def make_synthetic_site(repo: Path, dest: Path, n: int, seed: int = 1) -> Corpus:
    """The site's frame from ``repo`` in ``dest`` with n synthetic facts, n/10 terms and n/5 sources."""
    copy_frame(repo, dest)
    return write_corpus(dest, n, seed)


# Parts of mkdocs.yml that belong to the content logic or name pages a plain site does not have.
_HOOK_PARTS = re.compile(r"^(?:hooks|watch):\n(?:  - .*\n)+", re.M)
_NAV = re.compile(r"^nav:\n(?:  - .*\n)+", re.M)


def make_plain_site(repo: Path, dest: Path, pages: int, seed: int = 1) -> None:
    """The site's configuration, theme overrides and assets in ``dest`` without the hook, with a home page and
    ``pages`` plain pages (a title, about 300 words in six paragraphs, one subheading) kept out of the sidebar as
    fact pages are: what MkDocs and the theme alone spend on pages of that size."""
    for name in ["overrides", "docs/stylesheets", "docs/javascripts"]:
        shutil.copytree(repo / name, dest / name, dirs_exist_ok=True)
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    config = _NAV.sub("nav:\n  - Home: index.md\n", _HOOK_PARTS.sub("", config))
    _write(dest, "mkdocs.yml", config)
    _write(dest, "docs/index.md", "# Plain pages\n\nA yardstick for the build: pages with words and nothing else.\n")
    for index in range(1, pages + 1):
        rng = _rng(seed, "plain", index)
        paragraphs = [" ".join(_sentence(rng, 10) for _ in range(5)) for _ in range(6)]
        text = "\n\n".join([f"# {_sentence(rng, 6)[:-1]}", *paragraphs[:3], f"## {_sentence(rng, 4)[:-1]}",
                             *paragraphs[3:]])
        _write(dest, f"docs/facts/plain-{index:05d}.md", text + "\n")


def write_corpus(root: Path, n: int, seed: int = 1) -> Corpus:
    """Write the synthetic content under ``root`` (sources/, docs/facts/, docs/glossary/, docs/opinion.md)."""
    sources = _write_sources(root, seed, max(1, n // 5))
    terms = _write_terms(root, seed, max(1, n // 10), sources)
    facts = _write_facts(root, seed, n, sources, terms)
    _write_opinion(root, _rng(seed, "opinion", 0), facts[: min(CLAIMS, n)], sources)
    return Corpus(facts=facts, terms=list(terms), sources=sources)


def _rng(seed: int, kind: str, index: int) -> random.Random:
    """The generator for one record: a string seed is hashed the same way on every run."""
    return random.Random(f"{seed}:{kind}:{index}")


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _date(rng: random.Random, first_year: int = 1945, last_year: int = 2025) -> str:
    """A date at year, month or day precision (the 28th at most, so every month has it)."""
    year = rng.randint(first_year, last_year)
    precision = rng.random()
    if precision < 0.2:
        return f"{year}"
    if precision < 0.5:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def _page(data: dict, body: str) -> str:
    return f"---\n{_dump(data)}---\n{body}\n"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _refs(rng: random.Random, sources: list[str], most: int, first: str | None = None) -> list:
    """One to ``most`` references, ``first`` among them if given; some with a pinpoint."""
    chosen = rng.sample(sources, rng.randint(1, min(most, len(sources))))
    if first is not None:
        chosen = [first, *(s for s in chosen if s != first)][: len(chosen)]
    refs: list = []
    for source_id in chosen:
        refs.append({"id": source_id, "pinpoint": f"para. {rng.randint(1, 120)}"} if rng.random() < 0.4 else source_id)
    return refs


def _write_sources(root: Path, seed: int, count: int) -> list[str]:
    kinds, ways = list(source_kinds()), list(read_as())
    ids = []
    for index in range(count):
        rng = _rng(seed, "source", index)
        source_id = f"source-{index + 1:05d}"
        data = {"id": source_id, "title": _sentence(rng, rng.randint(5, 10))[:-1], "publisher": rng.choice(_PUBLISHERS)}
        if rng.random() < 0.5:
            data["author"] = f"{rng.choice(_ADJECTIVES).title()} {rng.choice(_NOUNS).title()}"
        if rng.random() < 0.9:
            data["date"] = _date(rng, 1950, 2026)
        data["kind"] = rng.choice(kinds)
        if rng.random() < 0.3:
            data["identifier"] = f"A/EX/{rng.randint(1, 80)}/{rng.randint(1, 999)}"
        if rng.random() < 0.85:
            data["url"] = f"https://example.org/{source_id}"
        if rng.random() < 0.2:
            data["copies"] = [f"https://copies.example.org/{source_id}"]
        if rng.random() < 0.3:
            data["archive_url"] = f"https://archive.example.org/{source_id}"
        data["accessed"] = REVIEWED
        data["read_as"] = rng.choice(ways)
        if data["read_as"] != "original":
            data["read_note"] = _sentence(rng, 12)
        if rng.random() < 0.1:
            data["language"] = rng.choice(["ko", "zh", "ja"])
        _write(root, f"{SOURCES_DIR}/{source_id}.yml", _dump(data))
        ids.append(source_id)
    return ids


def _term_names(seed: int, count: int) -> list[tuple[str, list[str]]]:
    """Headwords ('public permit') with their aliases: the plural, and for some an acronym ('QXB')."""
    pairs = [(a, b) for a in _ADJECTIVES for b in _NOUNS]
    _rng(seed, "term-names", 0).shuffle(pairs)
    names = []
    for index in range(count):
        adjective, noun = pairs[index % len(pairs)]
        suffix = f" {index // len(pairs) + 1}" if index >= len(pairs) else ""
        plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
        aliases = [f"{adjective} {plural}{suffix}"]
        if index % 4 == 0:
            acronym = "".join(chr(ord("A") + (index // 4 // 26**k) % 26) for k in range(3))
            aliases.append(f"Q{acronym}")
        names.append((f"{adjective} {noun}{suffix}", aliases))
    return names


def _write_terms(root: Path, seed: int, count: int, sources: list[str]) -> dict[str, str]:
    """Write the glossary; return term id -> headword."""
    names = {headword.replace(" ", "-"): (headword, aliases) for headword, aliases in _term_names(seed, count)}
    ids = list(names)
    for index, (term_id, (headword, aliases)) in enumerate(names.items()):
        rng, picks = _rng(seed, "term", index), _rng(seed, "term-picks", index)
        related = [t for t in picks.sample(ids, min(2, len(ids))) if t != term_id][: picks.randint(0, 2)]
        data = {
            "id": term_id, "term": headword.capitalize(), "aliases": aliases,
            "definition": _sentence(rng, rng.randint(10, 25)), "sources": _refs(picks, sources, 2),
        }
        if related:
            data["related"] = related
        data["reviewed"] = REVIEWED
        body = "\n\n".join(_sentence(rng, 12) + " " + _sentence(rng, 15) for _ in range(3))
        _write(root, f"{TERMS_DIR}/{term_id}.md", _page(data, body))
    return {term_id: headword for term_id, (headword, _) in names.items()}


def _write_facts(root: Path, seed: int, count: int, sources: list[str], terms: dict[str, str]) -> list[str]:
    ids = []
    for index in range(count):
        rng = _rng(seed, "fact-id", index)
        ids.append(f"{rng.choice(_WORDS)}-{rng.choice(_WORDS)}-{index + 1:05d}")
    term_ids, tag_ids = list(terms), list(tags())
    claim_words, context_words = list(claim_verdicts()), list(context_verdicts())
    for index, fact_id in enumerate(ids):
        # Which sources, terms and facts it cites depends on how many there are: those picks have their own generator.
        rng, picks = _rng(seed, "fact", index), _rng(seed, "fact-picks", index)
        is_claim = index < CLAIMS
        data: dict = {"id": fact_id, "title": _sentence(rng, rng.randint(7, 14))[:-1]}
        data["verdict"] = rng.choice(claim_words if is_claim else context_words)
        if is_claim:
            data["claim"] = _claim_words(fact_id)
        if rng.random() < 0.9:
            data["date"] = _date(rng)
            if rng.random() < 0.15:
                data["end_date"] = str(min(2026, int(data["date"][:4]) + rng.randint(1, 4))) + data["date"][4:]
            certainty = rng.random()
            if certainty > 0.8:
                data["date_certainty"] = "approximate" if certainty < 0.95 else "inferred"
        data["reviewed"] = REVIEWED
        # Fact i cites source i (modulo their number) so that every source is cited: the checker wants that.
        data["sources"] = _refs(picks, sources, 3, first=sources[index % len(sources)])
        data["tags"] = rng.sample(tag_ids, rng.randint(1, 3))
        mine = picks.sample(term_ids, picks.randint(0, min(3, len(term_ids))))
        if mine:
            data["terms"] = mine
        other_term = picks.choice(term_ids)
        year = int(data["date"][:4]) if "date" in data else None
        body = _fact_body(rng, [terms[t] for t in [*mine, other_term]], other_term, picks.choice(ids), year)
        _write(root, f"{FACTS_DIR}/{fact_id}.md", _page(data, body))
    return ids


def _fact_body(rng: random.Random, mentions: list[str], other_term: str, other_fact: str, year: int | None) -> str:
    """About 300 words: paragraphs naming glossary terms, links to another fact, to a glossary page and its entry in
    the index and to the fact's year on the timeline, a list and a subheading, as the real pages have."""
    paragraphs, words = [], 0
    while words < BODY_WORDS - 70:  # the list, the links, the heading and the last paragraph bring it to ~300
        sentences = [_sentence(rng, rng.randint(8, 20)) for _ in range(rng.randint(3, 5))]
        if mentions:
            sentences[0] = f"{sentences[0][:-1]} under the {mentions.pop(0)}."
        paragraphs.append(" ".join(sentences))
        words += sum(len(s.split()) for s in sentences)
    links = [f"[a related fact]({other_fact}.md)", f"[this term](../glossary/{other_term}.md)",
             f"[its entry in the glossary](../glossary/index.md#{other_term})"]
    if year:
        links.append(f"[the year on the timeline](../timeline.md#{year})")
    paragraphs.insert(1, f"See also {', '.join(links[:-1])} and {links[-1]}.")
    items = [f"- {_sentence(rng, rng.randint(5, 9))}" for _ in range(3)]
    paragraphs.insert(2, "\n".join(items))
    paragraphs.insert(3, f"## {_sentence(rng, rng.randint(3, 6))[:-1]}")
    return "\n\n".join(paragraphs)


def _claim_words(fact_id: str) -> str:
    return f"The opinion states the claim checked on page {fact_id}."


def _write_opinion(root: Path, rng: random.Random, claims: list[str], sources: list[str]) -> None:
    data = {
        "title": "A synthetic opinion", "author": "A. Writer", "role": "coordinator", "organisation": "An Organisation",
        "year": "2018", "year_basis": "inferred from the text", "text_basis": "a repost",
        "sources": _refs(rng, sources, 2), "reviewed": REVIEWED,
    }
    passages = [f"> {_sentence(rng, 20)} [{_claim_words(f)}](facts/{f}.md) {_sentence(rng, 15)}" for f in claims]
    body = '<div class="op-ed" markdown>\n\n' + "\n\n".join(passages) + "\n\n</div>"
    _write(root, OPINION_PATH, _page(data, body))
