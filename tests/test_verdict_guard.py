"""A pull request that changes a verdict without a corrections entry is refused, naming the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_site

FACT = "docs/facts/accession.md"
CORRECTION = """corrections:
  - date: 2026-11-27
    field: verdict
    was: inaccurate-wording
    now: inaccurate
    why: The status table shows no accession either; the claim is wrong in substance.
---
"""


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Editor", "-c", "user.email=editor@example.org", *args],
                   check=True, capture_output=True)


def guard(repo: Path, base: str = "main") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factsite", "--root", str(repo), "verdict-guard", "--base", base],
                          capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "scripts")})


def edit(repo: Path, old: str, new: str) -> None:
    path = repo / FACT
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path) -> Path:
    """The mini site committed on main, with a branch 'change' checked out for the edits under test."""
    root = make_site(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Publish")
    git(root, "checkout", "-q", "-b", "change")
    return root


def test_an_unchanged_verdict_passes(repo):
    edit(repo, "The status table records", "The treaty table records")
    git(repo, "commit", "-q", "-am", "Reword")
    result = guard(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_changed_verdict_without_a_correction_fails_naming_the_file(repo):
    edit(repo, "verdict: inaccurate-wording", "verdict: inaccurate")
    git(repo, "commit", "-q", "-am", "Change the verdict")
    result = guard(repo)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{FACT}:4: verdict changed from 'inaccurate-wording' to 'inaccurate' "
                                    "(compared with main) without a corrections entry")
    assert "Traceback" not in result.stderr


def test_a_changed_verdict_with_a_new_correction_passes(repo):
    edit(repo, "verdict: inaccurate-wording", "verdict: inaccurate")
    edit(repo, "---\nThe status", CORRECTION + "The status")
    git(repo, "commit", "-q", "-am", "Change the verdict and say why")
    result = guard(repo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_uncommitted_change_in_the_working_tree_is_compared_too(repo):
    edit(repo, "verdict: inaccurate-wording", "verdict: inaccurate")
    assert guard(repo).returncode == 1
    edit(repo, "---\nThe status", CORRECTION + "The status")
    assert guard(repo).returncode == 0


@pytest.fixture
def corrected_repo(repo) -> Path:
    """A repository whose main branch already records one verdict change, with a branch 'again' checked out."""
    git(repo, "checkout", "-q", "main")
    edit(repo, "verdict: inaccurate-wording", "verdict: inaccurate")
    edit(repo, "---\nThe status", CORRECTION + "The status")
    git(repo, "commit", "-q", "-am", "Change the verdict and say why")
    git(repo, "checkout", "-q", "-b", "again")
    return repo


def test_a_correction_already_on_the_base_does_not_cover_a_new_change(corrected_repo):
    edit(corrected_repo, "verdict: inaccurate\n", "verdict: inaccurate-wording\n")
    result = guard(corrected_repo)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{FACT}:4: verdict changed from 'inaccurate' to 'inaccurate-wording'")


def test_an_earlier_correction_cannot_be_rewritten(corrected_repo):
    edit(corrected_repo, "verdict: inaccurate\n", "verdict: inaccurate-wording\n")
    edit(corrected_repo, "    was: inaccurate-wording\n    now: inaccurate\n", "    was: inaccurate\n    now: inaccurate-wording\n")
    result = guard(corrected_repo)
    assert result.returncode == 1
    assert result.stdout == (f"{FACT}:14: the corrections entry of 2026-11-27 (verdict) on main was changed or removed: "
                             "keep it as it was and add a new entry below it\n")


def test_an_unknown_base_is_a_clear_error(repo):
    result = guard(repo, base="no-such-branch")
    assert result.returncode == 2
    assert result.stderr.startswith("cannot compare with 'no-such-branch':")
    assert "Traceback" not in result.stderr
