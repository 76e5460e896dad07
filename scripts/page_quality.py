"""The page-quality benchmark: Lighthouse's four scores and the weight of five pages, written into BENCHMARK.md.

The site is built for, and served under, a sub-path, compressed, the way GitHub Pages serves a project site
(pages_server.py). Each page is measured several times with Lighthouse's mobile emulation in Debian's Chromium; the
report gives the run with the median performance score, since that score moves with the machine's load.

Usage: scripts/lighthouse [--runs N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shlex
import subprocess
import sys
import tempfile
import textwrap
from importlib import metadata
from pathlib import Path

from factsite.benchmark import REPORT, write_report
from pages_server import SUBPATH, PagesServer

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = {"Home": "", "The opinion": "opinion/", "A fact": "facts/china-accession-1982/", "Timeline": "timeline/",
         "Glossary": "glossary/"}
CATEGORIES = {"performance": "Performance", "accessibility": "Accessibility", "best-practices": "Best practices",
              "seo": "SEO"}
HEADING = "## Page quality (Lighthouse)"


def build(site_dir: Path, site_url: str) -> None:
    """``mkdocs build --strict`` for the given address (never with -q: quiet mode hides warnings from strict)."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the site does not build:\n{result.stderr}")


def lighthouse(url: str, output: Path) -> dict:
    """One Lighthouse run with its default settings (mobile emulation, simulated slow 4G and 4x slower CPU)."""
    subprocess.run(
        [str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={' '.join(CHROME_FLAGS)}",
         f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={output}", "--quiet"],
        check=True,
    )
    return json.loads(output.read_text(encoding="utf-8"))


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda lhr: lhr["categories"]["performance"]["score"])[len(runs) // 2]


def scores(lhr: dict) -> dict[str, int]:
    return {key: round(lhr["categories"][key]["score"] * 100) for key in CATEGORIES}


def shortfalls(lhr: dict) -> list[str]:
    """The audits that cost points: in performance, the metrics under full marks; elsewhere, failed audits."""
    found = []
    for key, category in CATEGORIES.items():
        for ref in lhr["categories"][key]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                found.append(f"{category}: {audit['title']}{value}, scored {audit['score']:.2f}")
    return found


def _paragraph(text: str) -> str:
    return textwrap.fill(text, width=120, break_long_words=False, break_on_hyphens=False)


def _kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


def _ms(lhr: dict, audit: str) -> str:
    return f"{lhr['audits'][audit]['numericValue'] / 1000:.2f} s"


def chromium_version() -> str:
    result = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True)
    return result.stdout.strip() or "Chromium (version not reported)"


def budget(results: dict[str, list[dict]]) -> list[str]:
    """Whether each category scores 100 on every page, in the median runs."""
    lines = ["The budget is 100 in every category on every page:", ""]
    for key, category in CATEGORIES.items():
        under = {name: scores(median_run(runs))[key] for name, runs in results.items()}
        under = {name: score for name, score in under.items() if score < 100}
        if under:
            listing = ", ".join(f"{name.lower()} {score}" for name, score in under.items())
            lines.append(f"- {category}: **not met** ({listing}).")
        else:
            lines.append(f"- {category}: **met** on all {len(results)} pages.")
    return lines


def setting(lhr: dict, runs: int, command: str, today: datetime.date, load: str) -> str:
    """How the figures were measured: when, with what, on what, how often."""
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return _paragraph(
        f"Measured on {today.isoformat()} with `{command}`: Lighthouse {lhr['lighthouseVersion']} (Node {node}) "
        f"driving {chromium_version()}, with Lighthouse's default mobile emulation (a "
        f"{lhr['configSettings']['screenEmulation']['width']}-pixel-wide phone, slow 4G and a 4× slower processor, "
        f"simulated). The site was built with MkDocs {metadata.version('mkdocs')} and Material for MkDocs "
        f"{metadata.version('mkdocs-material')} and served from the same machine ({os.cpu_count()} cores, Lighthouse "
        f"benchmark index {lhr['environment']['benchmarkIndex']:.0f}, load average {load}) under a sub-path and "
        f"compressed, as GitHub Pages serves it. Each page was measured {runs} times; the table gives the run with "
        f"the median performance score."
    )


def render_section(results: dict[str, list[dict]], runs: int, command: str, today: datetime.date,
                   load: str) -> str:
    lines = [
        HEADING,
        "",
        setting(next(iter(results.values()))[0], runs, command, today, load),
        "",
        *budget(results),
        "",
        "| Page | " + " | ".join(CATEGORIES.values()) + " | Transferred | Requests | First paint | Largest paint "
        "| Blocking time | Layout shift |",
        "| --- |" + " ---: |" * (len(CATEGORIES) + 6),
    ]
    notes = []
    for name, page_runs in results.items():
        lhr = median_run(page_runs)
        requests = lhr["audits"]["network-requests"]["details"]["items"]
        cells = [*(str(v) for v in scores(lhr).values()), _kb(lhr["audits"]["total-byte-weight"]["numericValue"]),
                 str(len(requests)), _ms(lhr, "first-contentful-paint"), _ms(lhr, "largest-contentful-paint"),
                 f"{lhr['audits']['total-blocking-time']['numericValue']:.0f} ms",
                 f"{lhr['audits']['cumulative-layout-shift']['numericValue']:.3f}"]
        lines.append(f"| {name} (`{PAGES[name] or '/'}`) | " + " | ".join(cells) + " |")
        performance = sorted(scores(run)["performance"] for run in page_runs)
        notes.append(f"- {name}: performance {', '.join(map(str, performance))} over the {runs} runs."
                     + "".join(f"\n  - {item}" for item in shortfalls(lhr)))
    lines += [
        "",
        _paragraph("\"Transferred\" is everything the page downloads, compressed, including the search index "
                   "(fetched once and then cached by the browser). The timings are Lighthouse's simulation of the "
                   "phone and network above; \"Blocking time\" is mostly the theme's JavaScript starting up."),
        "",
        "What each page scored in every run, and what cost points in the median run:",
        "",
        *notes,
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/lighthouse", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    args = parser.parse_args(argv)
    command = shlex.join(["scripts/lighthouse", *(argv if argv is not None else sys.argv[1:])])
    # Other work on the machine slows Chromium, and with it the performance score: say how busy it was, and take
    # the pages in turn so that a busy spell does not fall on one page's runs only.
    before = os.getloadavg()[0]
    results: dict[str, list[dict]] = {name: [] for name in PAGES}
    with tempfile.TemporaryDirectory(prefix="page-quality-") as work, PagesServer(Path(work), SUBPATH) as server:
        build(Path(work) / SUBPATH.strip("/"), server.url)
        for run in range(1, args.runs + 1):
            for name, rel in PAGES.items():
                print(f"Run {run} of {args.runs}: {name} ({server.url}{rel})", file=sys.stderr)
                results[name].append(lighthouse(server.url + rel, Path(work) / "run.json"))
    load = f"{before:.1f} before the runs and {os.getloadavg()[0]:.1f} after"
    section = render_section(results, args.runs, command, datetime.date.today(), load)
    write_report(ROOT / REPORT, section)
    print(section)
    print(f"Written to {REPORT}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
