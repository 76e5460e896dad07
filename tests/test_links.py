"""The weekly link check calls an address dead only when it is gone, and lists dead ones in the run's summary.

Offline: addresses are probed on a server on this machine, or through a stand-in probe.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from factsite import cli
from factsite.links import (
    ANSWERS, DEAD, NO_HOST, UNSURE, Address, LinkResult, addresses, check_links, links_summary, probe,
)
from factsite.load import load_site


class _Handler(http.server.BaseHTTPRequestHandler):
    STATUSES = {"/ok": 200, "/gone": 404, "/removed": 410, "/refused": 403, "/broken": 500}

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        else:
            self.send_response(self.STATUSES.get(self.path, 404))
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path, verdict, detail", [
    ("/ok", ANSWERS, "200"),
    ("/moved", ANSWERS, "200"),
    ("/gone", DEAD, "404 Not Found"),
    ("/removed", DEAD, "410 Gone"),
    ("/refused", UNSURE, "403 Forbidden"),
    ("/broken", UNSURE, "500 Internal Server Error"),
])
def test_only_a_page_the_server_calls_gone_is_dead(server, path, verdict, detail):
    assert probe(server + path, timeout=5) == (verdict, detail)


def test_a_server_that_does_not_answer_is_unsure_not_dead():
    verdict, detail = probe("http://127.0.0.1:9/", timeout=5)
    assert verdict == UNSURE and detail.startswith("no answer")


def test_every_address_of_every_source_is_checked(mini_site):
    site, _ = load_site(mini_site)
    assert addresses(site) == [
        Address("sources/treaty-status.yml", "url", "https://example.org/treaty-status"),
        Address("sources/treaty-status.yml", "copies[1]", "https://example.org/copy-of-treaty-status"),
        Address("sources/treaty-status.yml", "archive_url", "https://archive.example.org/treaty-status"),
    ]


def stand_in(answers: dict[str, list[tuple[str, str]]]):
    """A probe that gives each address its listed answers in turn."""
    calls: list[str] = []

    def fake(url: str) -> tuple[str, str]:
        calls.append(url)
        return answers[url].pop(0)

    return fake, calls


def test_an_unsure_address_is_tried_twice(mini_site):
    site, _ = load_site(mini_site)
    fake, calls = stand_in({
        "https://example.org/treaty-status": [(UNSURE, "no answer: timed out"), (ANSWERS, "200")],
        "https://example.org/copy-of-treaty-status": [(DEAD, "404 Not Found")],
        "https://archive.example.org/treaty-status": [(UNSURE, "403 Forbidden"), (UNSURE, "403 Forbidden")],
    })
    results = check_links(site, fake)
    assert [r.verdict for r in results] == [ANSWERS, DEAD, UNSURE]
    assert sorted(calls).count("https://example.org/treaty-status") == 2
    assert calls.count("https://example.org/copy-of-treaty-status") == 1


def test_the_summary_lists_dead_addresses_with_their_source_file():
    results = [
        LinkResult(Address("sources/a.yml", "url", "https://example.org/a"), ANSWERS, "200"),
        LinkResult(Address("sources/b.yml", "archive_url", "https://example.org/b_(1)"), DEAD, "404 Not Found"),
        LinkResult(Address("sources/c.yml", "copies[2]", "https://example.org/c"), UNSURE, "403 Forbidden"),
    ]
    env = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "owner/site", "GITHUB_SHA": "0123abc"}
    text = links_summary(results, env)
    assert "3 addresses checked: 1 answer, 1 dead, 1 unsure." in text
    dead_part = text.split("### Dead")[1].split("### Unsure")[0]
    assert ("| [sources/b.yml](https://github.com/owner/site/blob/0123abc/sources/b.yml) | archive_url | "
            "[https://example.org/b\\_(1)](https://example.org/b_%281%29) | 404 Not Found |") in dead_part
    assert "sources/c.yml" not in dead_part and "sources/a.yml" not in text
    unsure_part = text.split("### Unsure")[1]
    assert "| copies[2] | [https://example.org/c](https://example.org/c) | 403 Forbidden |" in unsure_part


def test_the_command_fails_on_a_dead_address_and_writes_the_summary(mini_site, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    dead_copy = {"https://example.org/copy-of-treaty-status": (DEAD, "410 Gone")}
    status = cli.links(mini_site, github=True, probe=lambda url: dead_copy.get(url, (ANSWERS, "200")))
    assert status == 1
    out = capsys.readouterr().out
    assert out == "sources/treaty-status.yml: copies[1] https://example.org/copy-of-treaty-status: 410 Gone (dead)\n"
    assert "### Dead" in summary.read_text(encoding="utf-8")


def test_the_command_passes_when_nothing_is_dead(mini_site, capsys):
    status = cli.links(mini_site, probe=lambda url: (UNSURE, "403 Forbidden"))
    assert status == 0
    assert capsys.readouterr().out.count("(unsure)") == 3


def test_without_a_network_no_address_is_called_dead(mini_site, capsys):
    # Offline, every host name fails to resolve; that must not read as a registry full of dead links.
    site, _ = load_site(mini_site)
    results = check_links(site, lambda url: (DEAD, NO_HOST))
    assert {(r.verdict, r.detail) for r in results} == {(UNSURE, "no network")}
    assert "could not reach the internet" in links_summary(results, {})
    assert cli.links(mini_site, probe=lambda url: (DEAD, NO_HOST)) == 1
    assert "No server answered" in capsys.readouterr().err


def test_a_missing_host_is_dead_when_other_servers_answer(mini_site):
    site, _ = load_site(mini_site)
    results = check_links(site, lambda url: (DEAD, NO_HOST) if "archive" in url else (ANSWERS, "200"))
    assert [r.verdict for r in results] == [ANSWERS, ANSWERS, DEAD]
