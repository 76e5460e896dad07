"""Reports for GitHub Actions: an annotation per problem and a Markdown table in the job's summary.

Someone who changed a page in GitHub's web editor sees the summary page of a failed
check, not its log: the table there names the file, the line and what to write.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from urllib.parse import quote

from .markup import md_text
from .problems import Problem


def _data(text: str) -> str:
    """Escape a workflow command's message, so that content can never start a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """An ``::error`` line that GitHub shows on the file and line, and in the pull request's diff."""
    return f"::error file={_property(problem.path)},line={problem.line},title=Content check::{_data(str(problem))}"


def _pull_request_head(env: Mapping[str, str]) -> tuple[str, str] | None:
    """The repository and branch a pull request comes from (a fork's, perhaps), from the event GitHub describes."""
    event_path = env.get("GITHUB_EVENT_PATH")
    if not event_path or not os.path.isfile(event_path):
        return None
    with open(event_path, encoding="utf-8") as file:
        head = (json.load(file).get("pull_request") or {}).get("head") or {}
    repository, branch = (head.get("repo") or {}).get("full_name"), head.get("ref")
    return (repository, branch) if repository and branch else None


def blob_url(path: str, env: Mapping[str, str], line: int | None = None) -> str | None:
    """The file on GitHub, or None outside GitHub Actions.

    For a pull request, the file on the branch it comes from: there the pencil opens it for editing.
    """
    server = env.get("GITHUB_SERVER_URL")
    where = _pull_request_head(env) or (env.get("GITHUB_REPOSITORY"), env.get("GITHUB_SHA"))
    if not server or not all(where):
        return None
    repository, ref = where
    return f"{server}/{quote(repository)}/blob/{quote(ref)}/{quote(path)}" + (f"#L{line}" if line else "")


def _file_cell(problem: Problem, env: Mapping[str, str]) -> str:
    url = blob_url(problem.path, env, problem.line)
    return f"[{md_text(problem.path)}]({url})" if url else md_text(problem.path)


def problems_summary(problems: list[Problem], env: Mapping[str, str]) -> str:
    """The summary of a failed content check: how to fix things in the browser, then one row per problem."""
    guide = blob_url("CONTRIBUTING.md", env)
    lines = [
        f"## Content check: {len(problems)} problem{'s' if len(problems) != 1 else ''} to fix",
        "",
        "Each row gives a file, the line and what to write there. To fix it in the browser: follow the link to the "
        "file, choose the pencil (Edit this file), go to the line, make the change and commit it to the same "
        "branch. The check then runs again by itself."
        + (f" [The editors' guide]({guide}) has a recipe for each kind of change." if guide else ""),
        "",
        "| File | Line | What to change |",
        "| --- | ---: | --- |",
    ]
    lines += [f"| {_file_cell(p, env)} | {p.line} | {md_text(' '.join(p.message.split()))} |" for p in problems]
    return "\n".join(lines) + "\n"


def append_summary(markdown: str, env: Mapping[str, str] | None = None) -> None:
    """Add Markdown to the job's summary page ($GITHUB_STEP_SUMMARY); nothing outside GitHub Actions."""
    env = os.environ if env is None else env
    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(markdown + "\n")
