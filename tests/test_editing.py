"""Editors' tools use the checker's own schemas and format, and the contribution forms ask what reviewers check."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import REPO

from factsite.load import load_site
from factsite.schemacheck import _consts
from factsite.vocabulary import SCHEMA_DIR, read_as, schema, source_kinds, tags, verdicts

SCHEMAS = sorted(SCHEMA_DIR.glob("*.schema.json"))
FACT = "docs/facts/accession.md"


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_each_schema_is_valid_json_schema_2020_12(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(data)
    assert schema(path.name.removesuffix(".schema.json")) == data


def test_the_checker_reads_every_schema_file_and_no_other():
    assert {p.name for p in SCHEMAS} == {f"{kind}.schema.json" for kind in ("fact", "term", "source", "opinion")}


@pytest.mark.parametrize("kind, field, words", [
    ("fact", ("properties", "verdict"), verdicts),
    ("fact", ("properties", "tags", "items"), tags),
    ("source", ("properties", "kind"), source_kinds),
    ("source", ("properties", "read_as"), read_as),
])
def test_the_checkers_lists_are_the_values_the_schema_allows(kind, field, words):
    fragment = schema(kind)
    for key in field:
        fragment = fragment[key]
    assert list(words()) == _consts(fragment, schema(kind))


def test_vscode_points_source_files_at_the_checkers_schema():
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping == {"./scripts/factsite/schemas/source.schema.json": ["sources/*.yml"]}
    for schema_path, globs in mapping.items():
        assert (REPO / schema_path).resolve().parent == SCHEMA_DIR.resolve()
        for glob in globs:
            assert list(REPO.glob(glob)), f"{glob} matches no file"


def test_the_vscode_task_turns_checker_output_into_problems(mini_site):
    tasks = json.loads((REPO / ".vscode/tasks.json").read_text(encoding="utf-8"))["tasks"]
    task = next(t for t in tasks if t["command"] == "scripts/check")
    pattern = task["problemMatcher"]["pattern"]
    path = mini_site / FACT
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: inaccurate-wording", "verdict: acurate"),
                    encoding="utf-8")
    line = str(load_site(mini_site)[1][0])
    match = re.match(pattern["regexp"], line)
    assert match and match.group(pattern["file"]) == FACT and match.group(pattern["line"]) == "4"
    assert match.group(pattern["message"]).startswith("verdict 'acurate' is not one of")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_the_pre_commit_hook_stops_a_commit_with_a_broken_fact(mini_site, tmp_path):
    shutil.copy(REPO / ".pre-commit-config.yaml", mini_site)
    _git(mini_site, "init", "-q")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}

    def run_hooks() -> subprocess.CompletedProcess:
        _git(mini_site, "add", "-A")
        return subprocess.run([str(Path(sys.executable).parent / "pre-commit"), "run", "--all-files"],
                              cwd=mini_site, capture_output=True, text=True, env=env)

    passed = run_hooks()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    path = mini_site / FACT
    path.write_text(path.read_text(encoding="utf-8").replace("verdict: inaccurate-wording", "verdict: acurate"),
                    encoding="utf-8")
    failed = run_hooks()
    assert failed.returncode == 1
    assert f"{FACT}:4: verdict 'acurate' is not one of" in failed.stdout


def test_the_source_form_offers_the_ways_of_reading_the_schema_knows():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/suggest-source.yml").read_text(encoding="utf-8"))
    dropdown = next(item for item in form["body"] if item.get("id") == "read_as")
    assert dropdown["attributes"]["options"] == [word.label for word in read_as().values()]


def test_the_error_form_asks_for_the_page_what_is_wrong_and_a_source():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/factual-error.yml").read_text(encoding="utf-8"))
    required = [item["attributes"]["label"] for item in form["body"]
                if item.get("validations", {}).get("required")]
    assert required == ["Page", "What is wrong", "A source"]


# The four things every reviewer checks, word for word the same in the pull-request template and in CONTRIBUTING.md.
REVIEW_POINTS = ["Sources read", "Quotes exact", "Nothing unconfirmed stated as fact",
                 "No personal details of people at risk"]


def checklist(path: str) -> list[str]:
    text = (REPO / path).read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+?)(?=^- \[ \]|^\s*$)", text + "\n", re.M | re.S)
    return [" ".join(item.split()) for item in items]


def test_the_reviewers_checklist_is_the_same_in_the_template_and_the_guide():
    template, guide = checklist(".github/pull_request_template.md"), checklist("CONTRIBUTING.md")
    assert [re.match(r"\*\*([^*]+)\*\*", item).group(1) for item in guide] == REVIEW_POINTS
    assert template[:4] == guide
