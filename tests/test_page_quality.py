"""The tools behind the browser tests and the benchmark: the local stand-in for GitHub Pages and the report writer."""

from __future__ import annotations

import datetime
import gzip
import http.client
from urllib.parse import urlsplit

import page_quality
import pytest
from pages_server import PagesServer

from factsite import benchmark


@pytest.fixture
def pages(tmp_path):
    site = tmp_path / "repo"
    (site / "facts").mkdir(parents=True)
    (site / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (site / "facts" / "index.html").write_text("<p>facts</p>" * 100, encoding="utf-8")
    (site / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    with PagesServer(tmp_path, "/repo/") as server:
        yield server


def get(server, path, **headers):
    parts = urlsplit(server.url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    return response.status, dict(response.getheaders()), response.read()


def test_the_stand_in_for_github_pages_answers_as_pages_does(pages):
    assert get(pages, "/repo/")[2] == b"<p>home</p>"
    status, headers, _ = get(pages, "/repo/facts")
    assert status == 301 and headers["Location"] == "/repo/facts/"
    status, _, body = get(pages, "/repo/no/such/page/")
    assert status == 404 and body == b"<p>not here</p>"
    status, headers, body = get(pages, "/repo/facts/", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == b"<p>facts</p>" * 100


def fake_run(performance: float, tbt: float = 120) -> dict:
    """The parts of a Lighthouse result that the report reads."""
    categories = {key: {"score": 1.0, "auditRefs": []} for key in page_quality.CATEGORIES}
    categories["performance"] = {"score": performance, "auditRefs": [{"id": "total-blocking-time", "weight": 30}]}
    audits = {
        "total-blocking-time": {"title": "Total Blocking Time", "score": 0.9, "numericValue": tbt,
                                "displayValue": f"{tbt:.0f} ms"},
        "total-byte-weight": {"numericValue": 140_000},
        "network-requests": {"details": {"items": [{}] * 10}},
        "first-contentful-paint": {"numericValue": 1060},
        "largest-contentful-paint": {"numericValue": 1500},
        "cumulative-layout-shift": {"numericValue": 0},
    }
    return {"categories": categories, "audits": audits, "lighthouseVersion": "12.8.2",
            "configSettings": {"screenEmulation": {"width": 412}}, "environment": {"benchmarkIndex": 2000}}


def test_the_report_gives_the_median_run_and_says_which_budgets_are_not_met():
    results = {name: [fake_run(1.0)] * 3 for name in page_quality.PAGES}
    results["A fact"] = [fake_run(0.93, 300), fake_run(0.97, 200), fake_run(0.99, 100)]
    section = page_quality.render_section(results, 3, "scripts/lighthouse", datetime.date(2026, 11, 26), "1.0")
    assert section.startswith(page_quality.HEADING + "\n")
    assert "| A fact (`facts/china-accession-1982/`) | 97 | 100 | 100 | 100 | 137 KB | 10 |" in section
    assert "- Performance: **not met** (a fact 97)." in section
    assert "- Accessibility: **met** on all 5 pages." in section
    assert "- A fact: performance 93, 97, 99 over the 3 runs." in section


def test_the_page_quality_section_replaces_itself_and_leaves_the_build_speed_section(tmp_path):
    report = tmp_path / "BENCHMARK.md"
    report.write_text(f"# Benchmarks\n\n{benchmark.HEADING}\n\nFast.\n\n"
                      f"{page_quality.HEADING}\n\nOld figures.\n", encoding="utf-8")
    benchmark.write_report(report, f"{page_quality.HEADING}\n\nNew figures.\n")
    assert report.read_text(encoding="utf-8") == (
        f"# Benchmarks\n\n{benchmark.HEADING}\n\nFast.\n\n{page_quality.HEADING}\n\nNew figures.\n")
