"""Which site is being built, where it is published and from which version: for citations, exports and feeds."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from .dates import PartialDate


@dataclass(frozen=True)
class Publication:
    name: str
    url: str  # the public address of the home page, ending in "/"
    built: date
    commit: str | None = None  # short commit hash of the content, when the build knows it
    directory_urls: bool = True  # MkDocs' use_directory_urls: facts/a/ rather than facts/a.html

    def page_url(self, src_uri: str) -> str:
        """The public address of the page made from ``src_uri``: facts/a.md -> <url>facts/a/, index.md -> <url>."""
        path = src_uri.removesuffix(".md")
        if not self.directory_urls:
            return f"{self.url}{path}.html"
        if path == "index" or path.endswith("/index"):
            return self.url + path.removesuffix("index")
        return f"{self.url}{path}/"

    def file_url(self, path: str) -> str:
        """The public address of a file the build writes, e.g. data/facts.json."""
        return self.url + path

    @property
    def built_day(self) -> PartialDate:
        return PartialDate(self.built.year, self.built.month, self.built.day)

    @property
    def version(self) -> str:
        """'Version abc1234, built 26 November 2026', or 'Built 26 November 2026' outside a git checkout."""
        if self.commit:
            return f"Version {self.commit}, built {self.built_day.human()}"
        return f"Built {self.built_day.human()}"


def read_publication(root: Path, name: str, url: str, directory_urls: bool) -> Publication:
    """The publication being built from ``root`` now; GitHub Actions names the commit in GITHUB_SHA."""
    commit = os.environ.get("GITHUB_SHA", "")[:7] or _git_head(root)
    return Publication(name=name, url=url if url.endswith("/") else url + "/",
                       built=datetime.now(timezone.utc).date(), commit=commit, directory_urls=directory_urls)


def _git_head(root: Path) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=7", "HEAD"],
                                capture_output=True, text=True, check=False)
    except OSError:  # no git on this machine: the build date alone identifies the version
        return None
    if result.returncode != 0:
        return None
    return result.stdout.strip() or None
