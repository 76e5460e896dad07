"""The reader's view of the built site: Debian's Chromium, driven by Playwright, on a site served under a sub-path.

visit_every_page() and crawl() each load every page once and record what a reader (or a screen reader) meets there,
so that several tests can assert on one visit instead of loading each page again.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from pages_server import SUBPATH

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
MISSING_PAGE = "facts/no-such-page/"


@dataclass
class ServedSite:
    """The built site on disk and its address on the local stand-in for GitHub Pages."""

    url: str
    folder: Path

    def pages(self) -> list[str]:
        """Every page's address relative to the site: "" for the home page, "facts/" and so on."""
        return sorted("" if p.parent == self.folder else p.parent.relative_to(self.folder).as_posix() + "/"
                      for p in self.folder.rglob("index.html"))

    def rel(self, url: str) -> str:
        """The part of an address below the site's folder ("facts/x/"), or the whole address if it is elsewhere."""
        url = urldefrag(url).url.split("?")[0]
        return url[len(self.url):] if url.startswith(self.url) else url


@dataclass
class Visit:
    """What loading one page with JavaScript produced."""

    url: str
    status: int = 0
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    overflow: list[str] = field(default_factory=list)


def new_context(browser, *, axe: bool = False, **options):
    """A browser context as a reader's; with ``axe``, axe-core is loaded into every page it opens."""
    # Reduced motion: Material's transitions would otherwise leave colours half-way when axe measures them.
    context = browser.new_context(reduced_motion="reduce", **options)
    if axe:
        context.add_init_script(path=str(AXE))  # much faster than adding it to each page after it has loaded
    return context


class Recorder:
    """Listens to one browser page and files requests, failures and console errors under the current visit."""

    def __init__(self, page, origin: str):
        self.page, self.origin, self.visit = page, origin, Visit("")
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.visit.failed_requests.append(f"{r.url} ({r.failure})"))
        page.on("response", self._response)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.visit.console_errors.append(f"uncaught: {e}"))

    def _request(self, request):
        self.visit.requests.append(request.url)
        if urlsplit(request.url).scheme not in ("data", "blob") and not request.url.startswith(self.origin):
            self.visit.foreign_requests.append(request.url)

    def _response(self, response):
        if response.status >= 400 and response.url != self.visit.url:
            self.visit.failed_requests.append(f"{response.url} ({response.status})")

    def _console(self, message):
        if message.location.get("url") == self.visit.url and message.text.startswith("Failed to load resource"):
            return  # the page's own status, which the visit records (404 for the missing page)
        if message.type == "error":
            self.visit.console_errors.append(f"{message.text} at {message.location.get('url')}")

    def load(self, url: str) -> Visit:
        """Open ``url`` and wait until the page and its search index have arrived."""
        self.visit = Visit(url)
        with self.page.expect_response(lambda r: r.url.endswith("/search/search_index.json")):
            response = self.page.goto(url, wait_until="load")
        self.visit.status = response.status
        return self.visit


def start_axe(page) -> None:
    """Start axe-core's WCAG 2.2 AA checks on the page as it stands (opened in a context made with axe=True),
    without waiting for them."""
    page.evaluate("tags => { window.axeResult = axe.run(document, {runOnly: {type: 'tag', values: tags},"
                  " resultTypes: ['violations']}); }", WCAG_22_AA)


def axe_violations(page) -> list[str]:
    """The violations found by the axe run started last on the page, one line per rule and element."""
    result = page.evaluate("window.axeResult")
    return [
        f"{rule['id']} at {' '.join(map(str, node['target']))}: {' '.join(node['failureSummary'].split())}"
        for rule in result["violations"] for node in rule["nodes"]
    ]


# Elements of the article that reach past the right edge of the window, outside any box that scrolls on its own,
# and tables that need sideways scrolling to be read.
_OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth, found = [];
  if (document.documentElement.scrollWidth > width)
    found.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
  const scrolls = el => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
  for (const el of document.querySelectorAll("article *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1) continue;
    let parent = el.parentElement, contained = false;
    while (parent && parent.tagName !== "ARTICLE") {
      if (scrolls(parent)) { contained = true; break; }
      parent = parent.parentElement;
    }
    if (!contained) found.push(`${el.tagName.toLowerCase()}.${el.className} ends at ${Math.round(box.right)}px`);
  }
  for (const table of document.querySelectorAll("article table")) {
    const box = table.parentElement;
    if (box.scrollWidth > box.clientWidth + 1) found.push(`a table needs ${box.scrollWidth}px in ${box.clientWidth}px`);
  }
  return found;
}"""


def overflow(page) -> list[str]:
    return page.evaluate(_OVERFLOW_JS)


def visit_every_page(browser, site: ServedSite, screens: dict[str, dict]) -> dict[str, dict[str, Visit]]:
    """Load each page (and the 404 page) with JavaScript on each screen; record requests and errors, run axe,
    measure overflow. ``screens`` maps a name to new_context() options; the result maps it to {page: Visit}."""
    contexts = {name: new_context(browser, axe=True, **options) for name, options in screens.items()}
    recorders = {name: Recorder(context.new_page(), site.url.split(SUBPATH)[0]) for name, context in contexts.items()}
    visits: dict[str, dict[str, Visit]] = {name: {} for name in screens}
    for rel in [*site.pages(), MISSING_PAGE]:
        for name, recorder in recorders.items():
            visits[name][rel] = recorder.load(site.url + rel)
            start_axe(recorder.page)
        # axe runs in each screen's page at once: one renderer process each, so both cores work.
        for name, recorder in recorders.items():
            visits[name][rel].violations = axe_violations(recorder.page)
            visits[name][rel].overflow = overflow(recorder.page)
    for context in contexts.values():
        context.close()
    return visits


@dataclass
class Crawl:
    """Pages reached by following links from the home page with JavaScript off, and every internal link met."""

    pages: list[str] = field(default_factory=list)                   # pages reached, in order
    status: dict[str, int] = field(default_factory=dict)             # every internal address -> HTTP status
    ids: dict[str, set[str]] = field(default_factory=dict)           # page -> its anchors
    views: dict[str, dict] = field(default_factory=dict)             # page -> heading, words, sidebar's hrefs
    links: list[tuple[str, str]] = field(default_factory=list)       # (page, absolute href) for internal links
    outside: list[tuple[str, str]] = field(default_factory=list)     # (page, href) on the host but not the site
    failed_requests: list[str] = field(default_factory=list)


_LINKS_JS = """() => {
  const shown = el => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const heading = document.querySelector("article h1");
  return {
    hrefs: [...document.querySelectorAll("a[href]")].map(a => a.href),
    ids: [...document.querySelectorAll("[id], a[name]")].map(e => e.id || e.getAttribute("name")),
    heading: shown(heading) ? heading.textContent.trim() : "",
    words: (document.querySelector("article")?.innerText || "").split(/\\s+/).length,
    nav: [...document.querySelectorAll(".md-nav--primary a.md-nav__link")].filter(shown).map(a => a.href),
  };
}"""


def crawl(browser, site: ServedSite) -> Crawl:
    """Follow every link from the home page, breadth first, with JavaScript disabled; then read the 404 page."""
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = context.new_page()
    origin = site.url.split(SUBPATH)[0]
    result = Crawl()
    # Moving on to the next page aborts what is still loading (the favicon): only real failures count.
    page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED"
            and result.failed_requests.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and r.request.resource_type != "document"
            and result.failed_requests.append(f"{r.url} ({r.status})"))
    seen: set[str] = set()

    def follow(start: str, reached: list[str]) -> None:
        queue = deque([start])
        seen.add(start)
        while queue:
            url = queue.popleft()
            rel = site.rel(url)
            if not (url.endswith("/") or url.endswith(".html")):
                result.status[rel] = context.request.get(url).status
                continue
            result.status[rel] = page.goto(url).status
            reached.append(rel)
            found = page.evaluate(_LINKS_JS)
            result.ids[rel] = set(found["ids"])
            if reached is result.pages:
                result.views[rel] = {key: found[key] for key in ("heading", "words", "nav")}
            for href in found["hrefs"]:
                if not href.startswith(origin):
                    continue
                if not href.startswith(site.url):
                    result.outside.append((rel, href))
                    continue
                result.links.append((rel, href))
                target = urldefrag(href).url.split("?")[0]
                if target not in seen:
                    seen.add(target)
                    queue.append(target)

    follow(site.url, result.pages)
    follow(site.url + MISSING_PAGE, [])  # the 404 page's links are checked too, but it is not reached by a link
    context.close()
    return result
