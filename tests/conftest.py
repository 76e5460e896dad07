"""Shared helpers: copies of the real site with chosen content, and strict builds of them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
sys.path.insert(0, str(REPO / "scripts"))

from pages_server import PagesServer  # noqa: E402
from reader import CHROMIUM, DESKTOP, LAUNCH_ARGS, PHONE, SUBPATH, ServedSite, crawl, visit_every_page  # noqa: E402

from factsite.synthetic import copy_frame  # noqa: E402  (the frame's list of files lives there, for the benchmark too)


def make_site(dest: Path, content: Path | None = None) -> Path:
    """A copy of the site's frame in ``dest`` with the content of ``content`` (default: the mini fixture)."""
    content = content or FIXTURES / "mini"
    copy_frame(REPO, dest)
    shutil.copytree(content, dest, dirs_exist_ok=True)
    return dest


def mkdocs_build(root: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of the site at ``root`` (never with -q: quiet mode hides warnings from strict)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )


@pytest.fixture
def mini_site(tmp_path: Path) -> Path:
    """A small valid site to break one file at a time."""
    return make_site(tmp_path / "repo")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real repository built strictly once for the session."""
    out = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out


# Where the mini fixture is published in built_mini, and the commit its build reports.
MINI_URL = "https://example.org/nk/"
MINI_COMMIT = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory) -> Path:
    """The mini fixture built strictly once for the session, published under a sub-path, with a known commit."""
    root = make_site(tmp_path_factory.mktemp("mini") / "repo")
    # A glossary index page, for the glossary's structured data (a generated one takes its place when there is one).
    (root / "docs/glossary/index.md").write_text("# Glossary\n", encoding="utf-8")
    out = root.parent / "site"
    result = mkdocs_build(root, out, env={"SITE_URL": MINI_URL, "GITHUB_SHA": MINI_COMMIT})
    assert result.returncode == 0, result.stderr
    return out


def problems_after(site: Path, rel: str, old: str, new: str) -> list[str]:
    """Replace ``old`` with ``new`` in one file of ``site`` and return what the checker then says, as text."""
    from factsite.load import load_site

    path = site / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [str(p) for p in load_site(site)[1]]


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real site built for, and served under, a sub-path, the way GitHub Pages serves a project site."""
    root = tmp_path_factory.mktemp("pages")
    with PagesServer(root, SUBPATH) as server:
        folder = root / SUBPATH.strip("/")
        result = mkdocs_build(REPO, folder, env={"SITE_URL": server.url})
        assert result.returncode == 0, result.stderr
        yield ServedSite(server.url, folder)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session: Debian's, since Playwright's own download does not work everywhere."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def page_visits(browser, served_site):
    """Every page loaded once on a desktop screen in the light palette and once on a phone in the dark one."""
    screens = {"desktop": {"viewport": DESKTOP, "color_scheme": "light"},
               "phone": {"viewport": PHONE, "color_scheme": "dark"}}
    return visit_every_page(browser, served_site, screens)


@pytest.fixture(scope="session")
def desktop_visits(page_visits):
    return page_visits["desktop"]


@pytest.fixture(scope="session")
def phone_visits(page_visits):
    """On a 360-pixel-wide phone, in the dark palette."""
    return page_visits["phone"]


@pytest.fixture(scope="session")
def site_crawl(browser, served_site):
    """Every page reached from the home page by following links, with JavaScript off."""
    return crawl(browser, served_site)
