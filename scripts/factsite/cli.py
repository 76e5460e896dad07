"""The site's command line: ``python -m factsite check`` and friends."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .load import load_site
from .verdictguard import GitError, unexplained_verdict_changes


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder upwards that holds mkdocs.yml."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def check(root: Path) -> int:
    """Print one line per problem as path:line: message; 1 if there are any."""
    site, problems = load_site(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(
        f"All content is valid: {len(site.facts)} facts, {len(site.terms)} glossary terms, {len(site.sources)} sources.",
        file=sys.stderr,
    )
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m factsite", description=__doc__)
    parser.add_argument("--root", type=Path, default=None, help="the repository root (default: found from here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="check every fact, term, source and the opinion")
    guard = commands.add_parser("verdict-guard", help="fail when a verdict changed since BASE without a correction")
    guard.add_argument("--base", required=True, help="the git revision to compare with, e.g. origin/main")
    args = parser.parse_args(argv)
    root = args.root or find_root(Path.cwd())
    if args.command == "check":
        return check(root)
    if args.command == "verdict-guard":
        return verdict_guard(root, args.base)
    return 2
