"""While `mkdocs serve` runs, saving a fact, a glossary term or a source updates the generated pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import FIXTURES, make_site

# How long to wait for the preview to rebuild: generous, since this only bounds a wait and measures nothing.
PATIENCE = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, words: str) -> bool:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if words in page_text(url):
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def preview(tmp_path):
    root = make_site(tmp_path / "repo", FIXTURES / "pages")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/timeline/", "A conference met in Geneva")
        yield root, f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_saving_content_files_updates_the_generated_pages(preview):
    root, base = preview
    edit(root / "docs/facts/conference.md", "title: A conference met in Geneva", "title: A conference gathered in Geneva")
    assert wait_for(f"{base}/timeline/", "A conference gathered in Geneva")
    edit(root / "docs/glossary/refugee.md", "definition: A person outside", "definition: Someone outside")
    assert wait_for(f"{base}/glossary/", "Someone outside their own country")
    edit(root / "sources/news-item.yml", "title: A river on the border", "title: A river along the border")
    assert wait_for(f"{base}/sources/", "A river along the border")
