"""Split a Markdown page into its YAML front-matter and its body."""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem
from .yamlfile import Document, normalise_text, parse_yaml


@dataclass
class Page:
    """A Markdown file's front-matter (as a Document) and body."""

    meta: Document
    body: str
    body_line: int  # the line of the file on which the body starts


def split_page(raw: bytes | str, rel_path: str) -> tuple[Page | None, list[Problem]]:
    """Read front-matter between a first line ``---`` and the next ``---`` (or ``...``) line."""
    text = normalise_text(raw)
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, [Problem(rel_path, 1, "the page must start with a line '---' that opens its front-matter")]
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return None, [
            Problem(rel_path, 1, "the front-matter opened on line 1 is never closed: add a line '---' after its last field")
        ]
    yaml_text = "\n".join(lines[1:index])
    doc, problems = parse_yaml(yaml_text, rel_path, first_line=2)
    if doc is None:
        return None, problems
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        return None, problems + [Problem(rel_path, 2, "the front-matter must be a list of 'field: value' lines")]
    body = "\n".join(lines[index + 1 :])
    return Page(meta=doc, body=body, body_line=index + 2), problems
