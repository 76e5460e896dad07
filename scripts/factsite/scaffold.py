"""Start a new fact, glossary term or source from a template: ``python -m factsite new fact <id>``.

The new file passes the schema, so an editor's tools read it, but every line the
editor must fill in carries the word TODO, which the checker reports as unfinished:
a page started here cannot reach the site until a person has written it.
"""

from __future__ import annotations

import datetime
import re
import textwrap
from pathlib import Path

from .load import FACTS_DIR, SOURCES_DIR, TERMS_DIR
from .vocabulary import claim_verdicts, context_verdicts, read_as, schema, source_kinds, tags

TEMPLATE_DIR = Path(__file__).parent / "templates"
# Where each kind of record lives, and its template.
KINDS = {
    "fact": (FACTS_DIR, "{}.md", "fact.md"),
    "term": (TERMS_DIR, "{}.md", "term.md"),
    "source": (SOURCES_DIR, "{}.yml", "source.yml"),
}


class ScaffoldError(Exception):
    """A new record cannot be started; the message says why and what to do."""


def _choices(words: dict, first_width: int) -> str:
    """Ids joined by commas, wrapped onto further comment lines where they run long."""
    lines = textwrap.wrap(", ".join(words), width=116, initial_indent=" " * first_width, break_on_hyphens=False)
    return "\n#   ".join(line.strip() for line in lines)


def render_template(kind: str, record_id: str, today: datetime.date) -> str:
    """The text of a new ``kind`` record called ``record_id``."""
    template = (TEMPLATE_DIR / KINDS[kind][2]).read_text(encoding="utf-8")
    return template.format(
        id=record_id,
        today=today.isoformat(),
        context_verdicts=_choices(context_verdicts(), 40),
        claim_verdicts=_choices(claim_verdicts(), 40),
        tags=_choices(tags(), 30),
        first_tag=next(iter(tags())),
        kinds=_choices(source_kinds(), 20),
        first_kind=next(iter(source_kinds())),
        read_as=_choices(read_as(), 20),
    )


def check_new_id(record_id: str, kind: str) -> None:
    """Refuse an id that the schema would refuse, before any file is written."""
    pattern = schema(kind)["properties"]["id"]["pattern"]
    if not re.fullmatch(pattern, record_id):
        raise ScaffoldError(
            f"'{record_id}' cannot be an id: use lower-case letters and digits joined by single hyphens, "
            "e.g. china-accession-1982"
        )


def new_record(root: Path, kind: str, record_id: str, today: datetime.date | None = None) -> Path:
    """Write the template for a new ``kind`` record under ``root``; return its path. Never overwrites."""
    check_new_id(record_id, kind)
    folder, name, _ = KINDS[kind]
    path = root / folder / name.format(record_id)
    text = render_template(kind, record_id, today or datetime.date.today())
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    except FileExistsError:
        rel = path.relative_to(root).as_posix()
        raise ScaffoldError(f"{rel} already exists: edit it, or choose another id") from None
    return path
