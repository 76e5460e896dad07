"""Compare each fact's verdict with a base git revision: a verdict that changed needs a new corrections entry.

Readers who saw the old verdict must be able to find out that it changed and why, so a pull request that changes
a verdict without saying so on the page is refused.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from .frontmatter import split_page
from .load import FACTS_DIR
from .problems import Problem
from .yamlfile import Document


class GitError(Exception):
    """git could not answer, e.g. the base revision does not exist."""


def _git(root: Path, *args: str) -> bytes:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from exc
    if result.returncode != 0:
        raise GitError(result.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} failed")
    return result.stdout


def _front_matter(raw: bytes, rel: str) -> Document | None:
    """The fact's front-matter, or None when it cannot be read (the checker reports that)."""
    page, _ = split_page(raw, rel)
    return page.meta if page else None


def _entries(doc: Document) -> list[dict]:
    entries = doc.data.get("corrections")
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


def unexplained_verdict_changes(root: Path, base: str) -> list[Problem]:
    """One problem per fact whose verdict differs from ``base`` without a corrections entry added since, and per
    corrections entry of ``base`` that was changed or removed (the record of changes only grows)."""
    listing = _git(root, "ls-tree", "-r", "--name-only", base, "--", f"{FACTS_DIR}/")
    problems = []
    for rel in listing.decode("utf-8").splitlines():
        path = root / rel
        # A fact removed or renamed since the base has no verdict to compare with.
        if not rel.endswith(".md") or not path.is_file():
            continue
        old = _front_matter(_git(root, "show", f"{base}:./{rel}"), rel)
        new = _front_matter(path.read_bytes(), rel)
        if old is None or new is None:
            continue
        earlier, current = _entries(old), _entries(new)
        for entry in earlier:
            if entry not in current:
                problems.append(Problem(
                    rel, new.line(("corrections",)),
                    f"the corrections entry of {entry.get('date')} ({entry.get('field')}) on {base} was changed or "
                    "removed: keep it as it was and add a new entry below it",
                ))
        was, now = old.data.get("verdict"), new.data.get("verdict")
        if not was or not now or was == now:
            continue
        added = [e for e in current if e not in earlier and e.get("field") == "verdict"
                 and e.get("was") == was and e.get("now") == now]
        if not added:
            problems.append(Problem(
                rel, new.line(("verdict",)),
                f"verdict changed from '{was}' to '{now}' (compared with {base}) without a corrections entry: add "
                f"one under corrections: with the date, field: verdict, was: {was}, now: {now} and why",
            ))
    return problems
