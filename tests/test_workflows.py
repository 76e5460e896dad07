"""The GitHub workflows are valid, hardened, and call the same commands a person runs.

check-jsonschema validates against GitHub's own schemas and zizmor audits for known
security mistakes, both offline from the test environment.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, mkdocs_build

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
ISSUE_FORMS = sorted((REPO / ".github/ISSUE_TEMPLATE").glob("*.yml"))
TOOLS = Path(sys.executable).parent
# owner/name@<40 hex digits> # vX.Y.Z : a full commit, with the release it is for beside it.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as the string.
    data = yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def steps(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def run_tool(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(TOOLS / args[0]), *args[1:]], capture_output=True, text=True, cwd=REPO)


def test_there_are_the_four_workflows():
    assert [p.name for p in WORKFLOWS] == ["check.yml", "deploy.yml", "links.yml", "verdict-guard.yml"]


def test_workflows_match_githubs_schema():
    result = run_tool("check-jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_job_has_a_time_limit_by_githubs_rule():
    result = run_tool("check-jsonschema", "--builtin-schema", "custom.github-workflows-require-timeout",
                      *map(str, WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_forms_and_dependabot_match_githubs_schemas():
    forms = run_tool("check-jsonschema", "--builtin-schema", "vendor.github-issue-forms", *map(str, ISSUE_FORMS))
    assert forms.returncode == 0, forms.stdout + forms.stderr
    dependabot = run_tool("check-jsonschema", "--builtin-schema", "vendor.dependabot", ".github/dependabot.yml")
    assert dependabot.returncode == 0, dependabot.stdout + dependabot.stderr


def test_zizmor_finds_nothing():
    result = run_tool("zizmor", "--offline", "--no-progress", ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_permission_unless_a_job_asks_for_it(path):
    data = workflow(path.name)
    assert data["permissions"] == {}
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} must list its own permissions"
        assert "write-all" not in str(job["permissions"]) and "read-all" not in str(job["permissions"])
        assert isinstance(job.get("timeout-minutes"), int), f"job {name} needs timeout-minutes"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    uses = [line.split("uses:", 1)[1].strip() for line in path.read_text(encoding="utf-8").split("\n")
            if re.match(r"^\s*(- )?uses:", line)]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{path.name}: '{action}' must be owner/name@<full commit> # vX.Y.Z"


def test_the_same_action_is_pinned_to_the_same_commit_everywhere():
    commits: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for action, commit in re.findall(r"uses: ([\w./-]+)@([0-9a-f]{40})", path.read_text(encoding="utf-8")):
            commits.setdefault(action, set()).add(commit)
    assert all(len(found) == 1 for found in commits.values()), commits


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkouts_keep_no_credentials_and_pull_requests_run_without_secrets(path):
    data = workflow(path.name)
    assert "pull_request_target" not in data["on"] and "workflow_run" not in data["on"]
    for job in data["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_pull_requests_run_the_readmes_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "scripts/test" in readme
    assert (REPO / ".ci/run").read_text(encoding="utf-8").rstrip().endswith("exec scripts/test")
    assert "pull_request" in workflow("check.yml")["on"]
    assert [s["run"] for s in steps("check.yml", "test") if "run" in s] == [".ci/run"]


def test_pull_requests_check_the_content_first_then_upload_a_preview():
    runs = [s.get("run") or s["uses"].split("@")[0] for s in steps("check.yml", "content")]
    assert runs.index("scripts/check --github") < runs.index("scripts/build site-preview --no-directory-urls")
    upload = next(s for s in steps("check.yml", "content") if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site-preview"


def test_main_is_built_strictly_at_the_address_pages_gives_and_deployed():
    data = workflow("deploy.yml")
    assert data["on"] == {"push": {"branches": ["main"]}}
    build = data["jobs"]["build"]
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    build_step = next(s for s in build["steps"] if s.get("run") == "scripts/build site")
    assert build_step["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    assert build_step["env"]["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    assert "--strict" in (REPO / "scripts/build").read_text(encoding="utf-8")
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build["steps"])
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    # Only the job that publishes can publish.
    assert "write" not in str(build["permissions"])


def test_the_site_address_is_not_fixed_in_mkdocs_yml():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^site_url: !ENV \[SITE_URL,", config, re.M)
    assert re.search(r"^repo_url: !ENV \[REPO_URL,", config, re.M)


@pytest.mark.parametrize("base_url, path", [
    ("https://owner.github.io/site", "/site/"),  # a project site, as configure-pages gives it (no final slash)
    ("https://facts.example.org", "/"),  # a custom domain
])
def test_the_address_from_pages_reaches_every_page(mini_site, tmp_path, base_url, path):
    env = {"SITE_URL": base_url, "REPO_URL": "https://github.com/owner/site"}
    result = mkdocs_build(mini_site, tmp_path / "out", env)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out/opinion/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{base_url}/opinion/">' in page
    assert 'href="https://github.com/owner/site/edit/main/docs/opinion.md"' in page
    assert f'href="{path}assets/stylesheets/' in (tmp_path / "out/404.html").read_text(encoding="utf-8")


def test_the_weekly_link_check_runs_the_link_command():
    data = workflow("links.yml")
    assert "schedule" in data["on"]
    assert [s["run"] for s in steps("links.yml", "links") if "run" in s] == ["scripts/links --github"]
