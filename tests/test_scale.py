"""The site scales: a fact page stays the same size, and the project's code does the same work per page, at any N.

Two synthetic sites, one with four times the facts of the other (scripts/factsite/synthetic.py), are built
strictly in this process. Work is counted, not timed: the Python calls and lines run inside the project's hook
events (loading, checking, generating pages). Work done inside one C call, such as a regular expression's
search, counts as one step; the benchmark (scripts/benchmark) measures time.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import fastjsonschema
import pytest
from conftest import REPO
from mkdocs.commands.build import build
from mkdocs.config import load_config

from factsite.load import load_site
from factsite.schemacheck import _quick_check, _validator
from factsite.synthetic import Corpus, make_synthetic_site

SMALL, LARGE = 30, 120
# A fact page may differ this much between the two sizes: its references are drawn from more sources in the larger.
PAGE_TOLERANCE = 0.05
# Four times the facts may cost this many times the work: linear, with some slack for what varies between records.
WORK_TOLERANCE = 4.5


def _counting_tracer(prefixes: tuple[str, ...], steps: list[int]):
    """A sys.settrace function that counts calls and lines in files under ``prefixes`` and nothing else."""

    def local(frame, event, arg):
        steps[0] += 1
        return local

    def tracer(frame, event, arg):
        if frame.f_code.co_filename.startswith(prefixes):
            steps[0] += 1
            return local
        return None

    return tracer


def build_counting_work(root: Path, site_dir: Path) -> int:
    """Build the site at ``root`` with --strict in this process; return the steps run in the project's hook events."""
    prefixes = (str(REPO / "scripts"), str(root / "scripts"))
    steps = [0]
    tracer = _counting_tracer(prefixes, steps)

    def counted(handler):
        def wrapper(*args, **kwargs):
            sys.settrace(tracer)
            try:
                return handler(*args, **kwargs)
            finally:
                sys.settrace(None)

        return wrapper

    config = load_config(str(root / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    for handlers in config.plugins.events.values():
        handlers[:] = [counted(h) if h.__code__.co_filename.startswith(prefixes) else h for h in handlers]
    build(config)
    return steps[0]


class Built:
    def __init__(self, corpus: Corpus, site_dir: Path, work: int):
        self.corpus, self.site_dir, self.work = corpus, site_dir, work

    def size(self, path: str) -> int:
        return (self.site_dir / path).stat().st_size

    def median_fact_page(self) -> float:
        return statistics.median(self.size(f"facts/{fact_id}/index.html") for fact_id in self.corpus.facts)


@pytest.fixture(scope="module")
def scaled(tmp_path_factory) -> dict[int, Built]:
    built = {}
    for n in (SMALL, LARGE):
        folder = tmp_path_factory.mktemp(f"scale-{n}")
        corpus = make_synthetic_site(REPO, folder / "repo", n)
        if n == SMALL:
            load_site(folder / "repo")  # fill the caches (schemas, vocabularies) before anything is counted
        built[n] = Built(corpus, folder / "site", build_counting_work(folder / "repo", folder / "site"))
    return built


def test_a_fact_page_does_not_grow_with_the_number_of_facts(scaled):
    small, large = scaled[SMALL].median_fact_page(), scaled[LARGE].median_fact_page()
    assert large <= small * (1 + PAGE_TOLERANCE), (
        f"median fact page: {small:.0f} bytes at {SMALL} facts, {large:.0f} at {LARGE}")


def test_the_facts_index_does_grow_so_the_comparison_means_something(scaled):
    assert scaled[LARGE].size("facts/index.html") > 2 * scaled[SMALL].size("facts/index.html")


def test_the_project_does_linear_work(scaled):
    small, large = scaled[SMALL].work, scaled[LARGE].work
    assert large <= WORK_TOLERANCE * small, f"{small:,} steps for {SMALL} facts, {large:,} for {LARGE}: not linear"


_FACT = {
    "id": "a-b", "title": "T", "verdict": "confirmed", "reviewed": "2026-11-26", "sources": ["x"], "tags": ["treaties"],
}
_SOURCE = {"id": "x", "title": "T", "publisher": "P", "kind": "news", "read_as": "original"}


@pytest.mark.parametrize("kind, record", [
    ("fact", _FACT), ("fact", {}), ("fact", {**_FACT, "date": True}), ("fact", {**_FACT, "date": 1982}),
    ("fact", {**_FACT, "date": "1982-1"}), ("fact", {**_FACT, "date": None}), ("fact", {**_FACT, "tags": []}),
    ("fact", {**_FACT, "tags": ["treaties", "treaties"]}), ("fact", {**_FACT, "tags": "treaties"}),
    ("fact", {**_FACT, "verdict": "accurate"}), ("fact", {**_FACT, "claim": "x"}),
    ("fact", {**_FACT, "claim": "x", "verdict": "accurate"}),
    ("fact", {**_FACT, "sources": [{"id": "x", "pinpoint": ""}]}),
    ("fact", {**_FACT, "sources": [{"id": "x", "page": 1}]}), ("fact", {**_FACT, "sources": [1]}),
    ("fact", {**_FACT, "id": "A"}), ("fact", {**_FACT, "topic": "law"}), ("fact", {**_FACT, "title": ""}),
    ("fact", {**_FACT, "reviewed": 999}), ("fact", {**_FACT, "terms": ["a", "a"]}),
    ("fact", {**_FACT, "terms": [True]}),
    ("fact", {**_FACT, "date_certainty": "maybe"}), ("source", _SOURCE), ("source", {**_SOURCE, "url": "http://x.org"}),
    ("source", {**_SOURCE, "url": "https://x.org/a b"}), ("source", {**_SOURCE, "copies": ["javascript:alert(1)"]}),
    ("source", {**_SOURCE, "kind": "blog"}), ("source", {**_SOURCE, "language": "kor"}),
])
def test_the_quick_schema_check_agrees_with_jsonschema(kind, record):
    """The checker clears records with a quick compiled check and asks jsonschema only about the others."""
    try:
        _quick_check(kind)(record)
        quick = True
    except fastjsonschema.JsonSchemaException:
        quick = False
    assert quick == _validator(kind).is_valid(record)
