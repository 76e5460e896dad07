"""In GitHub Actions the checker names the file, the line and the fix in the job's summary, not only in its log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO

from factsite.github import annotation, problems_summary
from factsite.problems import Problem

FACT = "docs/facts/accession.md"
GITHUB_ENV = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/site", "GITHUB_SHA": "0123abc"}


def break_verdict(site: Path) -> None:
    path = site / FACT
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: inaccurate-wording", "verdict: acurate"),
                    encoding="utf-8")


def run_check(site: Path, summary: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(REPO / "scripts"), "GITHUB_STEP_SUMMARY": str(summary), **GITHUB_ENV}
    return subprocess.run([sys.executable, "-m", "factsite", "--root", str(site), "check", *args],
                          capture_output=True, text=True, cwd=REPO, env=env)


def test_the_summary_names_the_file_the_line_and_the_fix(mini_site, tmp_path):
    break_verdict(mini_site)
    summary = tmp_path / "summary.md"
    result = run_check(mini_site, summary, "--github")
    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Content check: 1 problem to fix\n")
    assert "| File | Line | What to change |" in text
    row = [line for line in text.split("\n") if line.startswith(f"| [{FACT}]")]
    assert len(row) == 1
    link = f"[{FACT}](https://github.com/owner/site/blob/0123abc/{FACT}#L4)"
    assert row[0].startswith(f"| {link} | 4 | verdict 'acurate' is not one of accurate,")
    assert row[0].endswith("did you mean 'accurate'? |")


def test_each_problem_becomes_an_annotation_on_its_line(mini_site, tmp_path):
    break_verdict(mini_site)
    result = run_check(mini_site, tmp_path / "summary.md", "--github")
    assert result.stdout.startswith(f"::error file={FACT},line=4,title=Content check::{FACT}:4: verdict 'acurate'")
    assert len(result.stdout.strip().split("\n")) == 1


def test_valid_content_says_so_in_the_summary(mini_site, tmp_path):
    summary = tmp_path / "summary.md"
    result = run_check(mini_site, summary, "--github")
    assert result.returncode == 0 and result.stdout == ""
    assert summary.read_text(encoding="utf-8") == (
        "## Content check: no problems\n\nAll content is valid: 3 facts, 1 glossary terms, 2 sources.\n\n")


def test_without_the_flag_nothing_is_written_for_github(mini_site, tmp_path):
    break_verdict(mini_site)
    summary = tmp_path / "summary.md"
    result = run_check(mini_site, summary)
    assert result.stdout.startswith(f"{FACT}:4: verdict 'acurate'")
    assert not summary.exists()


def test_in_a_pull_request_the_file_links_to_the_branch_it_comes_from(tmp_path):
    event = tmp_path / "event.json"
    event.write_text('{"pull_request": {"head": {"ref": "fix-(verdict)", "repo": {"full_name": "editor/site"}}}}',
                     encoding="utf-8")
    text = problems_summary([Problem(FACT, 4, "a message")], {**GITHUB_ENV, "GITHUB_EVENT_PATH": str(event)})
    assert f"| [{FACT}](https://github.com/editor/site/blob/fix-%28verdict%29/{FACT}#L4) | 4 | a message |" in text
    assert "(https://github.com/editor/site/blob/fix-%28verdict%29/CONTRIBUTING.md)" in text


def test_content_cannot_break_the_annotation_or_the_table():
    problem = Problem("docs/facts/a,b:c.md", 7, "value 'x|y\n::warning::injected' 100% <b>wrong</b>")
    line = annotation(problem)
    assert "\n" not in line
    assert line.startswith("::error file=docs/facts/a%2Cb%3Ac.md,line=7,title=Content check::")
    assert "%0A::warning::injected' 100%25" in line
    table_row = problems_summary([problem], GITHUB_ENV).split("\n")[-2]
    assert table_row.count(" | ") == 2, table_row
    assert "x\\|y" in table_row and "&lt;b&gt;" in table_row and "<b>" not in table_row


def test_outside_github_the_summary_names_files_without_links():
    text = problems_summary([Problem(FACT, 4, "a message")], {})
    assert f"| {FACT} | 4 | a message |" in text
    assert "https://" not in text
