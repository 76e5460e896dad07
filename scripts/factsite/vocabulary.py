"""The closed lists (verdicts, tags, source kinds, ways of reading), read from the JSON Schemas.

The schemas are the single place these lists live: editors' tooling shows the
same titles and descriptions that the site's conventions page does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

SCHEMA_DIR = Path(__file__).parent / "schemas"


@dataclass(frozen=True)
class Word:
    id: str
    label: str
    description: str


@cache
def schema(kind: str) -> dict:
    """The JSON Schema for ``kind``: fact, term, source or opinion."""
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _words(fragment: dict) -> dict[str, Word]:
    return {o["const"]: Word(o["const"], o["title"], o["description"]) for o in fragment["oneOf"]}


@cache
def claim_verdicts() -> dict[str, Word]:
    return _words(schema("fact")["$defs"]["claimVerdict"])


@cache
def context_verdicts() -> dict[str, Word]:
    return _words(schema("fact")["$defs"]["contextVerdict"])


@cache
def verdicts() -> dict[str, Word]:
    return {**claim_verdicts(), **context_verdicts()}


@cache
def tags() -> dict[str, Word]:
    return _words(schema("fact")["$defs"]["tag"])


@cache
def source_kinds() -> dict[str, Word]:
    return _words(schema("source")["properties"]["kind"])


@cache
def read_as() -> dict[str, Word]:
    return _words(schema("source")["properties"]["read_as"])


@cache
def correction_fields() -> dict[str, Word]:
    return _words(schema("fact")["$defs"]["correction"]["properties"]["field"])
