"""Golden-file tests of the rendered reference list.

The expected HTML sits beside its input in tests/fixtures/references/. To accept a deliberate change of format,
run the tests with UPDATE_GOLDEN=1 and review the diff of the expected files.
"""

from __future__ import annotations

import os

import pytest
from conftest import FIXTURES

from factsite.load import load_site
from factsite.model import SourceRef
from factsite.references import format_reference, render_reference_list

GOLDEN = FIXTURES / "references"


def golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def mini():
    site, problems = load_site(FIXTURES / "mini")
    assert problems == []
    return site


def test_reference_list_of_a_fact(mini):
    golden("accession.html", render_reference_list(mini.facts["accession"].sources, mini) + "\n")


def test_a_source_cited_twice_is_listed_once_with_both_pinpoints(mini):
    refs = [SourceRef("treaty-status", "Art. 1"), SourceRef("un-report"), SourceRef("treaty-status", "Art. 33(1)")]
    golden("two-pinpoints.html", render_reference_list(refs, mini) + "\n")


def test_every_field_is_escaped(mini):
    source = mini.sources["un-report"]
    hostile = type(source)(**{**source.__dict__, "title": "<script>alert(1)</script>", "author": 'A "quoted" & <b>bold</b>'})
    html = format_reference(hostile, ["<img src=x onerror=alert(1)>"])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "A &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;" in html


def test_a_non_https_address_is_never_linked(mini):
    source = mini.sources["treaty-status"]
    hostile = type(source)(**{**source.__dict__, "url": "javascript:alert(1)"})
    with pytest.raises(ValueError):
        format_reference(hostile)
