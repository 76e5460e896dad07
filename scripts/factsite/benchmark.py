"""The scale benchmark: build synthetic sites of N facts and write the figures into BENCHMARK.md.

For each N it makes a site with the real site's frame and synthetic content (see :mod:`factsite.synthetic`) in a
temporary folder, then measures the checker, the strict build (elapsed and processor time, peak memory), where
the build's processor time goes (scripts/timed_build.py), and the size of what it wrote. With ``--sidebar`` it
also builds the same content with every fact listed in the sidebar, for comparison. Every program is run as a
subprocess, so this module needs no MkDocs import.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from .cli import find_root
from .synthetic import CLAIMS, Corpus, make_plain_site, make_synthetic_site

REPORT = "BENCHMARK.md"
HEADING = "## Build speed and page weight at scale"
INTRO = "# Benchmarks\n\nFigures measured by the scripts named in each section, on the machine described there.\n"
MB = 1_000_000
# The targets the figures are held to.
MAX_GROWTH = 11  # build time at the largest N over the time at the smallest, for 10 times the facts
MAX_BUILD_SECONDS = 30
MAX_PAGE_GROWTH = 0.05  # a fact page may differ by this fraction between the smallest and the largest N
MAX_OWN_SHARE = 0.10
MAX_PAGE_BYTES = 1 * MB


class BenchmarkError(Exception):
    pass


@dataclass
class Run:
    """One subprocess: elapsed seconds, processor seconds (user + system) and peak resident memory."""

    wall: float
    cpu: float
    peak_bytes: int


@dataclass
class Sizes:
    site_bytes: int
    files: int
    pages: int
    fact_page_median: int
    search_index: int
    # Generated listing pages: name -> (path of the largest page of the group, its size, how many pages).
    listings: dict[str, tuple[str, int, int]]
    largest: tuple[str, int]
    heavy: list[tuple[str, int]]  # every page over MAX_PAGE_BYTES, heaviest first


@dataclass
class Figures:
    n: int
    corpus: Corpus
    check: list[Run]
    build: list[Run]
    sizes: Sizes
    breakdown: dict[str, float]  # processor seconds per part of one build
    breakdown_cpu: float  # that build's processor seconds
    load: float  # the machine's load average when this N started
    plain: list[Run]  # builds of as many plain pages with the same configuration and theme, without the hook


@dataclass
class SidebarFigures:
    n: int
    build: Run
    sizes: Sizes


@dataclass
class Results:
    command: str
    figures: list[Figures] = field(default_factory=list)
    sidebar: list[SidebarFigures] = field(default_factory=list)


def run(command: list[str], cwd: Path, log: Path) -> Run:
    """Run ``command`` in ``cwd`` with its output in ``log``; measure it; fail with the log's end if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": "scripts"}
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        # wait4 gives this child's own resource use (getrusage would give the maximum over all children).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-30:])
        raise BenchmarkError(f"`{shlex.join(command)}` failed in {cwd} (exit {process.returncode}):\n{tail}")
    # ru_maxrss is in kilobytes on Linux.
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_bytes=usage.ru_maxrss * 1024)


def check_command() -> list[str]:
    return [sys.executable, "-m", "factsite", "--root", ".", "check"]


def build_command(site_dir: Path) -> list[str]:
    # Never with -q: quiet mode drops the warnings that --strict counts.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]


def measure_sizes(site_dir: Path, corpus: Corpus) -> Sizes:
    """Sizes of what the build wrote: the whole site, the fact pages, the search index and the listing pages."""
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    sizes = {path.relative_to(site_dir).as_posix(): path.stat().st_size for path in files}
    pages = {path: size for path, size in sizes.items() if path.endswith(".html")}
    fact_pages = [pages[f"facts/{fact_id}/index.html"] for fact_id in corpus.facts]
    term_pages = {f"glossary/{term_id}/index.html" for term_id in corpus.terms}
    groups = {
        "facts index": lambda p: p == "facts/index.html" or p.startswith(("facts/topics/", "facts/verdicts/")),
        "timeline": lambda p: p.startswith("timeline/"),
        "glossary index": lambda p: p.startswith("glossary/") and p not in term_pages,
        "sources list": lambda p: p.startswith("sources/"),
    }
    listings = {}
    for name, belongs in groups.items():
        members = {path: size for path, size in pages.items() if belongs(path)}
        if members:
            path = max(members, key=members.get)
            listings[name] = (path, members[path], len(members))
    largest = max(pages, key=pages.get)
    heavy = sorted(((path, size) for path, size in pages.items() if size > MAX_PAGE_BYTES), key=lambda item: -item[1])
    return Sizes(
        site_bytes=sum(sizes.values()), files=len(sizes), pages=len(pages),
        fact_page_median=int(statistics.median(fact_pages)), search_index=sizes.get("search/search_index.json", 0),
        listings=listings, largest=(largest, pages[largest]), heavy=heavy,
    )


def measure(repo: Path, n: int, work: Path, repeat: int) -> Figures:
    """All figures for one N: the checker, the build, the timed build and the plain pages' build ``repeat`` times
    each, the sizes."""
    root, site_dir, plain_root = work / f"site-{n}", work / f"out-{n}", work / f"plain-{n}"
    corpus = make_synthetic_site(repo, root, n)
    load = os.getloadavg()[0]
    check, build, plain, timed_runs = [], [], [], []
    sizes: Sizes | None = None
    # The machine is shared and its speed drifts: in rounds, a slow spell falls on one run of each kind rather than
    # on every run of one kind, and the least of each kind stays comparable with the others.
    for _ in range(repeat):
        check.append(run(check_command(), root, work / f"check-{n}.log"))
        build.append(run(build_command(site_dir), root, work / f"build-{n}.log"))
        if sizes is None:
            sizes = measure_sizes(site_dir, corpus)
            make_plain_site(repo, plain_root, sizes.pages - 1)
        log = work / f"timed-{n}.log"
        run([sys.executable, "scripts/timed_build.py", str(work / f"timed-out-{n}")], root, log)
        timed_runs.append(_last_json_line(log))
        plain.append(run(build_command(work / f"plain-out-{n}"), plain_root, work / f"plain-{n}.log"))
    # Other work on the machine only ever adds to the processor time of a part of the build: the least over the
    # runs is the best estimate of each part's own cost, and of the whole build's.
    parts = {key for timed in timed_runs for key in timed["spent"]}
    breakdown = {key: min(timed["spent"].get(key, 0.0) for timed in timed_runs) for key in parts}
    for folder in (root, site_dir, work / f"timed-out-{n}", plain_root, work / f"plain-out-{n}"):
        shutil.rmtree(folder)
    return Figures(n=n, corpus=corpus, check=check, build=build, sizes=sizes, breakdown=breakdown,
                   breakdown_cpu=min(timed["cpu"] for timed in timed_runs), load=load, plain=plain)


def _last_json_line(log: Path) -> dict:
    lines = [line for line in log.read_text(encoding="utf-8").splitlines() if line.startswith("{")]
    return json.loads(lines[-1])


def with_every_fact_in_nav(mkdocs_yml: str, fact_ids: list[str]) -> str:
    """The configuration with each fact listed in the sidebar under Facts, as MkDocs and Material do by default."""
    excluded, entry = "  /facts/*.md\n", "  - Facts: facts/index.md\n"
    for line in (excluded, entry):
        if line not in mkdocs_yml:
            raise BenchmarkError(f"mkdocs.yml no longer has the line {line.strip()!r}: update {__name__}")
    listing = "".join(f"      - facts/{fact_id}.md\n" for fact_id in sorted(fact_ids))
    return mkdocs_yml.replace(excluded, "", 1).replace(entry, "  - Facts:\n      - facts/index.md\n" + listing, 1)


def measure_sidebar(repo: Path, n: int, work: Path) -> SidebarFigures:
    root, site_dir = work / f"sidebar-{n}", work / f"sidebar-out-{n}"
    corpus = make_synthetic_site(repo, root, n)
    config = root / "mkdocs.yml"
    config.write_text(with_every_fact_in_nav(config.read_text(encoding="utf-8"), corpus.facts), encoding="utf-8")
    build = run(build_command(site_dir), root, work / f"sidebar-{n}.log")
    sizes = measure_sizes(site_dir, corpus)
    for folder in (root, site_dir):
        shutil.rmtree(folder)
    return SidebarFigures(n=n, build=build, sizes=sizes)


# The report.

def _kb(size: int) -> str:
    return f"{size / 1000:,.0f} KB" if size < MB else f"{size / MB:,.1f} MB"


def _s(seconds: float) -> str:
    return f"{seconds:.1f} s"


def fastest(runs: list[Run]) -> float:
    return min(r.wall for r in runs)


def least_cpu(runs: list[Run]) -> float:
    return min(r.cpu for r in runs)


def own_share(figures: Figures) -> float:
    own = sum(seconds for key, seconds in figures.breakdown.items() if key.startswith("project "))
    return own / figures.breakdown_cpu


def _machine() -> str:
    cpu = "unknown processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M)
        cpu = match.group(1).strip() if match else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        match = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.M)
        memory = f", {int(match.group(1)) / 1024**2:.0f} GiB of memory" if match else ""
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def _versions() -> str:
    packages = ["mkdocs", "mkdocs-material", "Markdown", "PyYAML", "jsonschema"]
    return ", ".join([f"Python {platform.python_version()}", *(f"{p} {metadata.version(p)}" for p in packages)])


def _verdict(met: bool, text: str) -> str:
    return f"- {'**Met**' if met else '**Not met**'}: {text}"


def verdicts(results: Results) -> list[str]:
    figures = {f.n: f for f in results.figures}
    small, large = min(figures), max(figures)
    lines = []
    if large >= 10 * small:
        t_small, t_large = least_cpu(figures[small].build), least_cpu(figures[large].build)
        ratio = t_large / t_small
        wall_ratio = fastest(figures[large].build) / fastest(figures[small].build)
        lines.append(_verdict(ratio <= MAX_GROWTH,
                              f"build time grows linearly: {large:,} facts take {ratio:.1f} times the processor time "
                              f"of {small:,} ({_s(t_large)} against {_s(t_small)}; at most {MAX_GROWTH} times). "
                              f"Elapsed: {wall_ratio:.1f} times."))
        lines.append(_verdict(t_large <= MAX_BUILD_SECONDS,
                              f"the build at {large:,} facts takes {_s(t_large)} of processor time, which is what it "
                              f"takes on this machine when nothing else runs (at most {MAX_BUILD_SECONDS} s). Fastest "
                              f"elapsed time here: {_s(fastest(figures[large].build))}."))
        if t_large > MAX_BUILD_SECONDS:
            lines.append("  " + _beyond_the_project(figures[large]))
    else:
        lines.append(f"- Not measured: linear growth needs sizes ten times apart (these were {small:,} to {large:,}).")
    page_small, page_large = figures[small].sizes.fact_page_median, figures[large].sizes.fact_page_median
    growth = page_large / page_small - 1
    lines.append(_verdict(growth <= MAX_PAGE_GROWTH,
                          f"a fact page does not grow with N: the median page is {_kb(page_small)} at {small:,} facts "
                          f"and {_kb(page_large)} at {large:,} ({growth:+.1%}; at most {MAX_PAGE_GROWTH:+.0%})."))
    shares = [own_share(f) for f in results.figures]
    lines.append(_verdict(max(shares) <= MAX_OWN_SHARE,
                          "the project's own code takes at most 10% of the build: "
                          + ", ".join(f"{share:.1%} at {f.n:,}" for share, f in zip(shares, results.figures)) + "."))
    heavy = [f"at {f.n:,} facts " + ", ".join(f"{path} ({_kb(size)})" for path, size in f.sizes.heavy)
             for f in results.figures if f.sizes.heavy]
    if heavy:
        lines.append("- **Not met**, beyond the targets above: no page of the site over 1 MB. Over it: "
                     + "; ".join(heavy) + ".")
    else:
        lines.append("- **Met**, beyond the targets above: no page of the site is over 1 MB at any size.")
    for name in ("timeline", "glossary index", "facts index", "sources list"):
        found = [(f.n, f.sizes.listings[name]) for f in results.figures if name in f.sizes.listings]
        if not found:
            lines.append(f"- Not measured: the site has no {name} page yet.")
            continue
        worst_n, (path, size, count) = max(found, key=lambda item: item[1][1])
        lines.append(_verdict(size <= MAX_PAGE_BYTES,
                              f"no {name} page over 1 MB: the largest is {path}, {_kb(size)} at {worst_n:,} facts "
                              f"({count} page{'s' if count != 1 else ''})."))
    return lines


def _beyond_the_project(f: Figures) -> str:
    """Why a build is too slow when the project's share is small: what the rest costs per page."""
    rest = f.breakdown_cpu * (1 - own_share(f))
    per_page = rest / f.sizes.pages * 1000
    needed = MAX_BUILD_SECONDS / f.sizes.pages * 1000
    plain = least_cpu(f.plain)
    return (f"Without any of the project's code the build would still take {_s(rest)}: MkDocs, Python-Markdown and "
            f"the theme's templates and search spend {per_page:.1f} ms on each of the {f.sizes.pages:,} pages, about "
            f"the same at every size (see where the time goes, below), and {MAX_BUILD_SECONDS} s would need "
            f"{needed:.1f} ms per page. MkDocs builds on one core, page after page. As many plain pages of the same "
            f"length, with the same configuration and theme but no front-matter, links, glossary terms or "
            f"references, take {_s(plain)} ({plain / f.sizes.pages * 1000:.1f} ms per page): what the stack itself "
            f"costs before any of the site's content is on a page.")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    rule = "|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(header))) + "|"
    lines = ["| " + " | ".join(header) + " |", rule]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def figures_table(results: Results) -> list[str]:
    cols = results.figures
    listing_names = [name for name in ("facts index", "timeline", "glossary index", "sources list")
                     if any(name in f.sizes.listings for f in cols)]

    def listing(f: Figures, name: str) -> str:
        if name not in f.sizes.listings:
            return "—"
        path, size, count = f.sizes.listings[name]
        return _kb(size) + (f" (largest of {count})" if count > 1 else "")

    rows = [
        ["Facts, glossary terms, sources",
         *(f"{f.n:,}, {len(f.corpus.terms):,}, {len(f.corpus.sources):,}" for f in cols)],
        ["Load average at the start", *(f"{f.load:.1f}" for f in cols)],
        ["Checker (`scripts/check`), processor time", *(_s(least_cpu(f.check)) for f in cols)],
        ["Strict build, processor time", *(_s(least_cpu(f.build)) for f in cols)],
        ["Strict build, elapsed time of each run", *(", ".join(f"{r.wall:.1f}" for r in f.build) + " s" for f in cols)],
        ["As many plain pages, same theme, no hook: processor time", *(_s(least_cpu(f.plain)) for f in cols)],
        ["Peak memory of the build", *(f"{max(r.peak_bytes for r in f.build) / 2**20:,.0f} MiB" for f in cols)],
        ["The project's own code, share of the build's CPU", *(f"{own_share(f):.1%}" for f in cols)],
        ["Pages built", *(f"{f.sizes.pages:,}" for f in cols)],
        ["Site size", *(f"{_kb(f.sizes.site_bytes)} in {f.sizes.files:,} files" for f in cols)],
        ["Median fact page (HTML)", *(_kb(f.sizes.fact_page_median) for f in cols)],
        ["Search index", *(_kb(f.sizes.search_index) for f in cols)],
        *([f"{name[0].upper()}{name[1:]} (HTML)", *(listing(f, name) for f in cols)] for name in listing_names),
        ["Largest page", *(f"{_kb(f.sizes.largest[1])} ({f.sizes.largest[0]})" for f in cols)],
    ]
    return _table(["", *(f"N = {f.n:,}" for f in cols)], rows)


def breakdown_table(results: Results) -> list[str]:
    keys = sorted({k for f in results.figures for k in f.breakdown}, key=lambda k: (not k.startswith("project"), k))

    def cell(f: Figures, key: str) -> str:
        seconds = f.breakdown.get(key, 0.0)
        return f"{seconds:.2f} s ({seconds / f.breakdown_cpu:.1%})"

    rows = [[f"`{k}`" if k.split()[0] in ("project", "plugin") else k, *(cell(f, k) for f in results.figures)]
            for k in keys]
    rest = [f.breakdown_cpu - sum(f.breakdown.values()) for f in results.figures]
    rows.append(["MkDocs itself (the rest)",
                 *(f"{r:.2f} s ({r / f.breakdown_cpu:.1%})" for r, f in zip(rest, results.figures))])
    rows.append(["Whole build (CPU)", *(_s(f.breakdown_cpu) for f in results.figures)])
    per_page = [f"{f.breakdown_cpu / f.sizes.pages * 1000:.1f} ms" for f in results.figures]
    rows.append(["Per page built", *per_page])
    return _table(["Processor time in", *(f"N = {f.n:,}" for f in results.figures)], rows)


def sidebar_table(results: Results) -> list[str]:
    rows = [
        [f"{s.n:,}", _s(s.build.wall), _s(s.build.cpu), f"{s.build.peak_bytes / 2**20:,.0f} MiB",
         _kb(s.sizes.fact_page_median), _kb(s.sizes.site_bytes)]
        for s in results.sidebar
    ]
    header = ["Facts", "Strict build, elapsed", "Processor time", "Peak memory", "Median fact page", "Site size"]
    return _table(header, rows)


def render_section(results: Results, today: datetime.date) -> str:
    lines = [
        HEADING,
        "",
        f"Measured on {today.isoformat()} with `{results.command}` on {_machine()}; {_versions()}. "
        "The machine is shared with other work, so elapsed times vary from run to run (the load average is "
        "given per size). The figures and the targets therefore use processor time (user + system), the least of "
        "the runs: the build runs on one core, so that is what it takes here when nothing else runs.",
        "",
        "Each size is a copy of the real site's configuration, hook, theme overrides and hand-written pages with "
        "synthetic content (`scripts/factsite/synthetic.py`): N facts of about 300 words with a subheading, a list, "
        "glossary terms in the text, links to another fact, a glossary page, the glossary index and the timeline, "
        "dates at year, month or day precision from 1945 to 2025 (one in ten undated), one to three sources, up to "
        "three glossary terms and one to three topics each; N/10 glossary terms with aliases; N/5 sources; an "
        f"opinion with {CLAIMS} claims.",
        "",
        "### Figures",
        "",
        *figures_table(results),
        "",
        "### Targets",
        "",
        *verdicts(results),
        "",
        "### Where the build's time goes",
        "",
        "More strict builds per size run under `scripts/timed_build.py`, which adds up the processor time spent "
        "in each plugin event handler, in Python-Markdown's conversions and in the theme's template rendering. "
        "Other work on the machine only ever adds to these times, so the table gives, for each part and for the "
        "whole, the least over the runs. "
        "`project ...` rows are this project's hook events with everything they call (loading and checking the "
        "content, generating pages); their sum is the share given above.",
        "",
        *breakdown_table(results),
        "",
    ]
    if results.sidebar:
        lines += [
            "### For comparison: every fact in the sidebar",
            "",
            "The same content built with each fact listed under Facts in the navigation (and `/facts/*.md` taken out "
            "of `not_in_nav`), which is what MkDocs and Material do when a site does not choose otherwise. Every page "
            "then carries the whole list, so both the page size and the build time grow with N: the build is "
            "quadratic. (An earlier measurement on a machine of this kind, with plain 300-word pages, gave about 22 s "
            "for 1,000 pages and 82 s for 2,000, with 550 KB of HTML per page.)",
            "",
            *sidebar_table(results),
            "",
        ]
    lines += [
        "### How each figure is measured",
        "",
        "- Checker: `python -m factsite check` (what `scripts/check` runs) as a subprocess.",
        "- Strict build: `mkdocs build --strict` (never with `-q`, which hides warnings from strict mode) as a "
        "subprocess. Elapsed time from a clock around it; processor time (user + system) and peak memory (the "
        "largest resident set size) from `wait4`, for that subprocess alone.",
        "- Sizes: bytes on disk of the built site (1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes); the median over all "
        "fact pages; `search/search_index.json`; for pages split into several (by decade, by letter, by topic and "
        "verdict, by kind of source), the largest.",
        "- Plain pages: `scripts/factsite/synthetic.py` (`make_plain_site`) writes as many pages as the synthetic site "
        "built, less its home page, each a title, a subheading and about 300 words, with the site's `mkdocs.yml` "
        "less its hook and its navigation, and the same theme overrides, style sheet and script; built as above.",
        "",
    ]
    return "\n".join(lines)


def write_report(path: Path, section: str) -> None:
    """Put ``section`` into the report, replacing an earlier version of it (the section under the same heading, its
    first line) and leaving other sections alone. scripts/lighthouse writes its own section with it too."""
    text = path.read_text(encoding="utf-8") if path.is_file() else INTRO
    heading = section.splitlines()[0]
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 2000, 5000], help="numbers of facts")
    parser.add_argument("--sidebar", nargs="*", type=int, default=[], metavar="N",
                        help="also build these sizes with every fact in the sidebar (slow)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the checker and the build per size")
    args = parser.parse_args(argv)
    repo = find_root(Path.cwd())
    results = Results(command=shlex.join(["scripts/benchmark", *(argv if argv is not None else sys.argv[1:])]))
    try:
        with tempfile.TemporaryDirectory(prefix="factsite-benchmark-") as work:
            for n in sorted(args.sizes):
                print(f"{n:,} facts ...", file=sys.stderr)
                results.figures.append(measure(repo, n, Path(work), args.repeat))
            for n in sorted(args.sidebar):
                print(f"{n:,} facts, every one in the sidebar ...", file=sys.stderr)
                results.sidebar.append(measure_sidebar(repo, n, Path(work)))
    except BenchmarkError as exc:
        print(exc, file=sys.stderr)
        return 1
    section = render_section(results, datetime.date.today())
    write_report(repo / REPORT, section)
    print(section)
    print(f"Written to {REPORT}.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
