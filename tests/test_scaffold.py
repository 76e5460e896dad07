"""`scripts/new` starts a fact, term or source that editors' tools accept and the checker holds back until filled in."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import REPO

from factsite.frontmatter import split_page
from factsite.load import load_site
from factsite.scaffold import ScaffoldError, new_record
from factsite.vocabulary import schema
from factsite.yamlfile import normalise_text, parse_yaml

TODAY = datetime.date(2026, 11, 26)
NEW = {"fact": "docs/facts/new-record.md", "term": "docs/glossary/new-record.md", "source": "sources/new-record.yml"}


def front_matter(path: Path) -> dict:
    """The record's fields as the site's own reader sees them (dates stay text, as editors' YAML tools read them)."""
    text = normalise_text(path.read_bytes())
    if path.suffix == ".md":
        page, problems = split_page(text, path.name)
        assert problems == [] and page is not None
        return page.meta.data
    doc, problems = parse_yaml(text, path.name)
    assert problems == []
    return doc.data


def fill_in(text: str) -> str:
    """What an editor does: replace each placeholder and delete each TODO."""
    text = re.sub(r"\s+# TODO:.*", "", text)
    text = text.replace("todo-source-id", "un-report")
    text = re.sub(r'"TODO: [^"]*"', '"Written by the editor"', text)
    return re.sub(r"^TODO: .*$", "A paragraph written by the editor.", text, flags=re.M)


def cite_new_source(site: Path, kind: str) -> None:
    """An editor who adds a source cites it from a page (the checker reports a source that nothing cites)."""
    if kind == "source":
        fact = site / "docs/facts/accession.md"
        fact.write_text(fact.read_text(encoding="utf-8").replace("  - un-report\n", "  - un-report\n  - new-record\n"),
                        encoding="utf-8")


@pytest.mark.parametrize("kind", ["fact", "term", "source"])
def test_a_new_record_is_valid_against_its_schema(mini_site, kind):
    path = new_record(mini_site, kind, "new-record", TODAY)
    assert path == mini_site / NEW[kind]
    jsonschema.Draft202012Validator(schema(kind)).validate(front_matter(path))


@pytest.mark.parametrize("kind", ["fact", "term", "source"])
def test_a_new_record_loads_but_every_line_to_fill_in_is_reported(mini_site, kind):
    path = new_record(mini_site, kind, "new-record", TODAY)
    cite_new_source(mini_site, kind)
    site, problems = load_site(mini_site)
    assert "new-record" in {"fact": site.facts, "term": site.terms, "source": site.sources}[kind]
    todo_lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "TODO" in line]
    unfinished = [p for p in problems if p.message.startswith("unfinished: ")]
    assert [p.line for p in unfinished] == todo_lines
    assert all(p.path == NEW[kind] and p.message.endswith(" (then delete the word TODO)") for p in unfinished)
    # Anything else said about the new file is about a line the editor must fill in anyway.
    assert {p.line for p in problems} == set(todo_lines)


def test_the_unfinished_message_repeats_what_to_write(mini_site):
    new_record(mini_site, "fact", "new-record", TODAY)
    found = [str(p) for p in load_site(mini_site)[1]]
    assert f"{NEW['fact']}:3: unfinished: one line that states the finding (then delete the word TODO)" in found


@pytest.mark.parametrize("kind", ["fact", "term", "source"])
def test_a_filled_in_record_passes_the_checker(mini_site, kind):
    path = new_record(mini_site, kind, "new-record", TODAY)
    cite_new_source(mini_site, kind)
    path.write_text(fill_in(path.read_text(encoding="utf-8")), encoding="utf-8")
    site, problems = load_site(mini_site)
    assert problems == []
    record = {"fact": site.facts, "term": site.terms, "source": site.sources}[kind]["new-record"]
    assert getattr(record, "title", getattr(record, "term", None)) == "Written by the editor"


def test_a_new_source_names_its_schema_for_editors(mini_site):
    first_line = new_record(mini_site, "source", "new-record", TODAY).read_text(encoding="utf-8").split("\n")[0]
    assert first_line == "# yaml-language-server: $schema=../scripts/factsite/schemas/source.schema.json"
    assert (mini_site / "sources" / first_line.split("=", 1)[1]).resolve().is_file()


def test_the_template_lists_the_choices_from_the_schema(mini_site):
    text = new_record(mini_site, "fact", "new-record", TODAY).read_text(encoding="utf-8")
    comments = " ".join(line for line in text.split("\n") if line.startswith("#"))
    for word in ["confirmed", "unconfirmed", "broadly-accurate", "unattributed-estimate", "the-op-ed", "trafficking"]:
        assert word in comments


def test_an_existing_file_is_never_overwritten(mini_site):
    path = mini_site / "docs/facts/accession.md"
    before = path.read_bytes()
    with pytest.raises(ScaffoldError, match="docs/facts/accession.md already exists"):
        new_record(mini_site, "fact", "accession", TODAY)
    assert path.read_bytes() == before


@pytest.mark.parametrize("bad", ["China_Accession", "../../etc/passwd", "two--hyphens", "-leading", "with space", ""])
def test_a_bad_id_is_refused_before_anything_is_written(mini_site, bad):
    before = sorted(p for p in mini_site.rglob("*") if p.is_file())
    with pytest.raises(ScaffoldError, match="cannot be an id: use lower-case letters and digits"):
        new_record(mini_site, "term", bad, TODAY)
    assert sorted(p for p in mini_site.rglob("*") if p.is_file()) == before


def run_new(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factsite", "--root", str(site), "new", *args],
                          capture_output=True, text=True, cwd=REPO, env={"PYTHONPATH": str(REPO / "scripts")})


def test_the_command_says_what_it_made_and_what_to_do(mini_site):
    result = run_new(mini_site, "source", "unhcr-report-2020")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Created sources/unhcr-report-2020.yml: fill in every line marked TODO, "
                             "then run scripts/check.\n")
    assert front_matter(mini_site / "sources/unhcr-report-2020.yml")["id"] == "unhcr-report-2020"


def test_the_command_refuses_to_overwrite_and_exits_1(mini_site):
    result = run_new(mini_site, "fact", "accession")
    assert result.returncode == 1
    assert result.stderr == "docs/facts/accession.md already exists: edit it, or choose another id\n"


def test_the_wrapper_script_runs_the_command():
    result = subprocess.run([str(REPO / "scripts/new"), "term", "Not_An_Id"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("'Not_An_Id' cannot be an id")


def test_scripts_new_names_itself_and_gives_an_example_per_kind():
    missing_id = subprocess.run([REPO / "scripts" / "new", "source"], capture_output=True, text=True)
    assert missing_id.returncode == 2
    assert missing_id.stderr.startswith("usage: scripts/new {fact,term,source} ID\n\nexamples:\n"
                                        "  scripts/new fact border-crossing-2024\n"
                                        "  scripts/new term asylum-seeker-status\n"
                                        "  scripts/new source unhcr-factsheet-2024\n")
    assert "python -m factsite" not in missing_id.stderr


def test_the_usage_examples_name_records_that_do_not_exist_yet():
    """Each example can be run as written: none of its ids is taken."""
    usage = subprocess.run([REPO / "scripts" / "new", "--help"], capture_output=True, text=True).stdout
    examples = re.findall(r"^  scripts/new (fact|term|source) (\S+)$", usage, re.M)
    assert [kind for kind, _ in examples] == ["fact", "term", "source"]
    where = {"fact": "docs/facts/{}.md", "term": "docs/glossary/{}.md", "source": "sources/{}.yml"}
    for kind, record_id in examples:
        assert not (REPO / where[kind].format(record_id)).exists(), f"{kind} {record_id} already exists"


@pytest.mark.parametrize("command", ["check", "new", "verdict-guard"])
def test_a_command_run_before_install_says_how_to_install(tmp_path, command):
    """Without .venv, and with only a python3 that lacks the packages, the wrappers say how to install them."""
    (tmp_path / "scripts").mkdir()
    for name in (command, "site-python"):
        shutil.copy2(REPO / "scripts" / name, tmp_path / "scripts" / name)
    bare = tmp_path / "bin"
    bare.mkdir()
    # A python3 that lacks the packages, as a system's often does: it fails on the first import.
    (bare / "python3").write_text("#!/bin/sh\necho \"ModuleNotFoundError: No module named 'yaml'\" >&2\nexit 1\n")
    (bare / "python3").chmod(0o755)
    env = {**os.environ, "PATH": f"{bare}{os.pathsep}/usr/bin:/bin", "PYTHONPATH": ""}
    env.pop("VIRTUAL_ENV", None)
    result = subprocess.run([str(tmp_path / "scripts" / command), "origin/main"], capture_output=True, text=True,
                            env=env)
    assert result.returncode == 1
    assert result.stderr == ("The site's Python packages are not installed here yet. Run scripts/install once (it "
                             "creates .venv),\nthen run this command again.\n")
