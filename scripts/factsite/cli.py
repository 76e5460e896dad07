"""The site's command line: ``python -m factsite check``, ``new`` and ``links``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import links as linkcheck
from .github import annotation, append_summary, problems_summary
from .load import load_site
from .scaffold import KINDS, ScaffoldError, new_record
from .verdictguard import GitError, unexplained_verdict_changes


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder upwards that holds mkdocs.yml."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def check(root: Path, github: bool = False) -> int:
    """Print one line per problem as path:line: message (for GitHub: annotations and a summary); 1 if any."""
    site, problems = load_site(root)
    for problem in problems:
        print(annotation(problem) if github else problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        if github:
            append_summary(problems_summary(problems, os.environ))
        return 1
    valid = (f"All content is valid: {len(site.facts)} facts, {len(site.terms)} glossary terms, "
             f"{len(site.sources)} sources.")
    print(valid, file=sys.stderr)
    if github:
        append_summary(f"## Content check: no problems\n\n{valid}\n")
    return 0


def verdict_guard(root: Path, base: str) -> int:
    """Print one line per fact whose verdict changed since ``base`` without a corrections entry; 1 if any."""
    try:
        problems = unexplained_verdict_changes(root, base)
    except GitError as exc:
        print(f"cannot compare with '{base}': {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} verdict change(s) without a correction.", file=sys.stderr)
        return 1
    print(f"Every verdict that changed since {base} has a corrections entry.", file=sys.stderr)
    return 0


def new(root: Path, kind: str, record_id: str) -> int:
    """Start a new record from its template; 1 if the id is bad or taken."""
    try:
        path = new_record(root, kind, record_id)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"Created {path.relative_to(root).as_posix()}: fill in every line marked TODO, then run scripts/check.")
    return 0


def links(root: Path, github: bool = False, probe: linkcheck.Probe = linkcheck.probe) -> int:
    """Check every address in the sources registry from the internet; 1 if any is dead or none could be reached."""
    site, _ = load_site(root)
    results = linkcheck.check_links(site, probe)
    for result in results:
        if result.verdict != linkcheck.ANSWERS:
            address = result.address
            print(f"{address.source_path}: {address.field} {address.url}: {result.detail} ({result.verdict})")
    dead = sum(r.verdict == linkcheck.DEAD for r in results)
    offline = bool(results) and not linkcheck.reached_the_internet(results)
    print(f"{len(results)} addresses checked, {dead} dead." + (" No server answered: no network?" if offline else ""),
          file=sys.stderr)
    if github:
        append_summary(linkcheck.links_summary(results, os.environ))
    return 1 if dead or offline else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factsite", description=__doc__)
    parser.add_argument("--root", type=Path, default=None, help="the repository root (default: found from here)")
    commands = parser.add_subparsers(dest="command", required=True)
    github = "write GitHub Actions annotations and a table in the job's summary ($GITHUB_STEP_SUMMARY)"
    check_command = commands.add_parser("check", help="check every fact, term, source and the opinion")
    check_command.add_argument("--github", action="store_true", help=github)
    # Shown with every mistake too, not only with --help: an editor who forgot the id sees what to type.
    usage = ("scripts/new {fact,term,source} ID\n\nexamples:\n  scripts/new fact border-crossing-2024\n"
             "  scripts/new term asylum-seeker-status\n  scripts/new source unhcr-factsheet-2024\n")
    new_command = commands.add_parser("new", help="start a new fact, glossary term or source from its template",
                                      prog="scripts/new", usage=usage,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
    new_command.add_argument("kind", choices=list(KINDS))
    new_command.add_argument("id", help="the new record's id and file name, e.g. china-accession-1982")
    links_command = commands.add_parser("links", help="check every web address in sources/ (needs the internet)")
    links_command.add_argument("--github", action="store_true", help=github)
    guard = commands.add_parser("verdict-guard", help="fail when a verdict changed since BASE without a correction")
    guard.add_argument("--base", required=True, help="the git revision to compare with, e.g. origin/main")
    args = parser.parse_args(argv)
    root = args.root or find_root(Path.cwd())
    if args.command == "check":
        return check(root, args.github)
    if args.command == "new":
        return new(root, args.kind, args.id)
    if args.command == "links":
        return links(root, args.github)
    if args.command == "verdict-guard":
        return verdict_guard(root, args.base)
    return 2
