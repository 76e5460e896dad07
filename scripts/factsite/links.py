"""Check from the internet that every web address in the sources registry still answers.

The weekly Links workflow runs this (``python -m factsite links``); the test suite
stays offline. An address is *dead* only when the server says the page is gone
(404, 410) or the host name no longer exists; any other failure (a site refusing
automated requests, a timeout) is reported as *unsure*, for a person to open by hand.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from .github import blob_url
from .markup import md_text
from .model import Site

ANSWERS, DEAD, UNSURE = "answers", "dead", "unsure"
GONE_STATUSES = {404, 410}
NO_HOST = "the host name does not exist"
USER_AGENT = "Mozilla/5.0 (compatible; link check of a fact-checking site's sources)"
TIMEOUT = 30.0


@dataclass(frozen=True)
class Address:
    source_path: str  # sources/<id>.yml
    field: str  # url, copies[1], archive_url
    url: str


@dataclass(frozen=True)
class LinkResult:
    address: Address
    verdict: str  # ANSWERS, DEAD or UNSURE
    detail: str


Probe = Callable[[str], tuple[str, str]]


def addresses(site: Site) -> list[Address]:
    """Every address a reader can follow from a reference list: url, copies and archive_url."""
    found = []
    for source in sorted(site.sources.values(), key=lambda s: s.path):
        if source.url:
            found.append(Address(source.path, "url", source.url))
        found += [Address(source.path, f"copies[{i}]", url) for i, url in enumerate(source.copies, start=1)]
        if source.archive_url:
            found.append(Address(source.path, "archive_url", source.archive_url))
    return found


def probe(url: str, timeout: float = TIMEOUT) -> tuple[str, str]:
    """Ask for ``url`` (following redirects, reading no body) and say whether it answers, is dead, or is unsure."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return ANSWERS, str(response.status)
    except urllib.error.HTTPError as exc:
        return (DEAD if exc.code in GONE_STATUSES else UNSURE), f"{exc.code} {exc.reason}"
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror) and reason.errno == socket.EAI_NONAME:
            return DEAD, NO_HOST
        return UNSURE, f"no answer: {reason}"
    except TimeoutError:
        return UNSURE, f"no answer within {timeout:.0f} seconds"
    except OSError as exc:
        return UNSURE, f"no answer: {exc}"


def check_links(site: Site, probe: Probe = probe, workers: int = 8) -> list[LinkResult]:
    """Probe every address (an unsure one twice), a few at a time."""

    def judge(address: Address) -> LinkResult:
        verdict, detail = probe(address.url)
        if verdict == UNSURE:
            verdict, detail = probe(address.url)
        return LinkResult(address, verdict, detail)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(judge, addresses(site)))
    if not reached_the_internet(results):
        # Without a network every name fails to resolve: that says nothing about the addresses.
        results = [LinkResult(r.address, UNSURE, "no network") if r.detail == NO_HOST else r for r in results]
    return results


def reached_the_internet(results: list[LinkResult]) -> bool:
    """Whether any server answered at all, even to say a page is gone (its detail then starts with the status)."""
    return any(r.verdict == ANSWERS or r.detail[:3].isdigit() for r in results)


def _url_cell(url: str) -> str:
    target = url.replace("(", "%28").replace(")", "%29").replace("|", "%7C")
    return f"[{md_text(url)}]({target})"


def _table(results: list[LinkResult], env: Mapping[str, str]) -> list[str]:
    rows = ["| Source | Field | Address | Answer |", "| --- | --- | --- | --- |"]
    for result in results:
        path = result.address.source_path
        url = blob_url(path, env)
        source = f"[{md_text(path)}]({url})" if url else f"`{path}`"
        address = _url_cell(result.address.url)
        rows.append(f"| {source} | {result.address.field} | {address} | {md_text(result.detail)} |")
    return rows


def links_summary(results: list[LinkResult], env: Mapping[str, str]) -> str:
    """Markdown for the run's summary: the counts, then a table of dead and one of unsure addresses."""
    dead = [r for r in results if r.verdict == DEAD]
    unsure = [r for r in results if r.verdict == UNSURE]
    lines = [
        "## Web addresses in the sources registry",
        "",
        f"{len(results)} addresses checked: {len(results) - len(dead) - len(unsure)} answer, {len(dead)} dead, "
        f"{len(unsure)} unsure.",
        "",
    ]
    if results and not reached_the_internet(results):
        lines += ["No server answered at all: the check could not reach the internet. Run it again later.", ""]
    if dead:
        lines += [
            "### Dead",
            "",
            "The server says these pages are gone, or the site's name no longer exists. Find the document again "
            "(or an archived copy) and correct the source file; never guess an address.",
            "",
            *_table(dead, env),
            "",
        ]
    if unsure:
        lines += [
            "### Unsure",
            "",
            "These did not answer the automated check; many sites refuse such requests. Open each by hand before "
            "changing anything.",
            "",
            *_table(unsure, env),
            "",
        ]
    return "\n".join(lines)
