"""The benchmark's own parts: its synthetic content is valid, its sidebar variant builds, its report keeps the
other sections of BENCHMARK.md."""

from __future__ import annotations

import re

from conftest import REPO, mkdocs_build

from factsite.benchmark import HEADING, Figures, Results, Run, Sizes, verdicts, with_every_fact_in_nav, write_report
from factsite.load import load_site
from factsite.synthetic import Corpus, make_plain_site, make_synthetic_site


def test_synthetic_content_passes_the_checker(tmp_path):
    corpus = make_synthetic_site(REPO, tmp_path, 40)
    site, problems = load_site(tmp_path)
    assert problems == []
    assert (len(site.facts), len(site.terms), len(site.sources)) == (40, 4, 8)
    assert sorted(site.facts) == sorted(corpus.facts)


def test_the_same_seed_writes_the_same_site(tmp_path):
    make_synthetic_site(REPO, tmp_path / "a", 20)
    make_synthetic_site(REPO, tmp_path / "b", 20)
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.md") if "facts" in p.parts)
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_with_every_fact_in_the_sidebar_the_site_still_builds_strictly(tmp_path):
    corpus = make_synthetic_site(REPO, tmp_path / "repo", 12)
    config = tmp_path / "repo" / "mkdocs.yml"
    config.write_text(with_every_fact_in_nav(config.read_text(encoding="utf-8"), corpus.facts), encoding="utf-8")
    result = mkdocs_build(tmp_path / "repo", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "facts" / corpus.facts[0] / "index.html").read_text(encoding="utf-8")
    # Each page now carries a link to every fact in its navigation.
    assert all(f'href="../{fact_id}/"' in page for fact_id in corpus.facts[1:])


def test_the_yardstick_is_the_same_site_with_plain_pages_and_no_hook(tmp_path):
    make_plain_site(REPO, tmp_path / "plain", 3)
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "watch:" not in config and "custom_dir: overrides" in config
    result = mkdocs_build(tmp_path / "plain", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    built = sorted(p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html"))
    assert built == ["facts/plain-00001/index.html", "facts/plain-00002/index.html", "facts/plain-00003/index.html",
                     "index.html"]
    page = (tmp_path / "site/facts/plain-00002/index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1].split("</article>", 1)[0]
    words = len(" ".join(re.findall(r"<p>(.*?)</p>", article, re.S)).split())
    assert words == 300 and "stylesheets/site.css" in page and "<h2" in article


def test_the_report_replaces_its_own_section_and_keeps_the_others(tmp_path):
    report = tmp_path / "BENCHMARK.md"
    lighthouse = "## Page quality (Lighthouse)\n\nScores.\n"
    report.write_text(f"# Benchmarks\n\nIntro.\n\n{HEADING}\n\nOld figures.\n\n### Figures\n\nOld.\n\n{lighthouse}",
                      encoding="utf-8")
    write_report(report, f"{HEADING}\n\nNew figures.\n")
    assert report.read_text(encoding="utf-8") == f"# Benchmarks\n\nIntro.\n\n{HEADING}\n\nNew figures.\n\n{lighthouse}"


def test_the_report_is_created_with_an_introduction(tmp_path):
    report = tmp_path / "BENCHMARK.md"
    write_report(report, f"{HEADING}\n\nFigures.\n")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n") and text.endswith(f"\n\n{HEADING}\n\nFigures.\n")


def _figures(n: int, cpu: float, fact_page: int, own: float, heavy: list) -> Figures:
    corpus = Corpus(facts=[f"f{i}" for i in range(n)], terms=[], sources=[])
    sizes = Sizes(site_bytes=1, files=1, pages=n, fact_page_median=fact_page, search_index=1,
                  listings={"timeline": ("timeline/index.html", 200_000, 1)}, largest=("facts/index.html", 9),
                  heavy=heavy)
    runs = [Run(wall=cpu + 1, cpu=cpu, peak_bytes=1)]
    plain = [Run(wall=cpu / 3 + 1, cpu=cpu / 3, peak_bytes=1)]
    return Figures(n=n, corpus=corpus, check=runs, build=runs, sizes=sizes, breakdown={"project pre_build": own * cpu},
                   breakdown_cpu=cpu, load=0.0, plain=plain)


def test_the_report_says_which_targets_are_met_with_their_numbers():
    results = Results(command="scripts/benchmark 500 5000", figures=[
        _figures(500, 6.0, 20_000, 0.05, []),
        _figures(5000, 75.0, 20_500, 0.12, [("facts/index.html", 2_300_000)]),
    ])
    lines = verdicts(results)
    assert lines[0].startswith("- **Not met**: build time grows linearly: 5,000 facts take 12.5 times")
    assert lines[1].startswith("- **Not met**: the build at 5,000 facts takes 75.0 s")
    assert "Without any of the project's code the build would still take 66.0 s" in lines[2]
    assert "As many plain pages of the same length" in lines[2] and "take 25.0 s (5.0 ms per page)" in lines[2]
    assert lines[3].startswith("- **Met**: a fact page does not grow with N") and "(+2.5%; at most +5%)" in lines[3]
    assert lines[4] == ("- **Not met**: the project's own code takes at most 10% of the build: "
                        "5.0% at 500, 12.0% at 5,000.")
    assert "at 5,000 facts facts/index.html (2.3 MB)" in lines[5]
    assert lines[6].startswith("- **Met**: no timeline page over 1 MB")
    assert lines[7] == "- Not measured: the site has no glossary index page yet."
    assert lines[8:] == ["- Not measured: the site has no facts index page yet.",
                         "- Not measured: the site has no sources list page yet."]
