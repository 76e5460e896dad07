"""Read YAML the way an editor wrote it, remembering the line of every field.

PyYAML keeps the last of two duplicate keys without a word and turns dates into
``datetime.date`` (failing on 1982-13-45 with a bare ValueError), so records are
built here from PyYAML's node tree instead: duplicates are reported, dates stay
strings for :mod:`factsite.dates` to judge, and every value keeps its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

Path = tuple  # a path into the data: ("sources", 0, "id")

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Scalars kept as the text written: strings (most of them, so no constructor call), and dates, for dates.py to judge.
_AS_WRITTEN = {"tag:yaml.org,2002:str", _TIMESTAMP}


@dataclass
class Document:
    """Parsed YAML data with the 1-based line of each path in the file."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, path: Path) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.first_line


def normalise_text(raw: bytes | str) -> str:
    """Decode an editor's file: drop a byte-order mark, turn CRLF and CR into LF."""
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, rel_path: str, first_line: int = 1) -> tuple[Document | None, list[Problem]]:
    """Parse ``text`` (which starts at ``first_line`` of its file) into a Document.

    Returns ``(None, problems)`` when the YAML cannot be read at all.
    """
    offset = first_line - 1
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        what = exc.problem or exc.context or "cannot be read"
        hint = ""
        if "mapping values are not allowed" in what:
            hint = " (a value that contains ': ' must be put in quotes)"
        elif "found character '\\t'" in what:
            hint = " (indent with spaces, not tabs)"
        return None, [Problem(rel_path, line, f"this YAML cannot be read: {what}{hint}")]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML marks nearly every error
        return None, [Problem(rel_path, first_line, f"this YAML cannot be read: {exc}")]
    doc = Document(data=None, first_line=first_line)
    problems: list[Problem] = []
    if node is not None:
        doc.data = _build(node, (), doc, problems, rel_path, offset)
    return doc, problems


def _compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``: libyaml's parser when PyYAML has it (some 20 times faster, which matters for
    thousands of pages), and on an error PyYAML's own parser again, whose messages tell an editor more."""
    if yaml.__with_libyaml__:
        try:
            return yaml.compose(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _build(node: yaml.Node, path: Path, doc: Document, problems: list[Problem], rel_path: str, offset: int) -> Any:
    doc.lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            key = key if isinstance(key, str) else str(key)
            line = key_node.start_mark.line + 1 + offset
            if key in result:
                first = doc.lines[path + (key,)]
                problems.append(Problem(rel_path, line, f"field '{key}' is given twice (first on line {first}); keep one"))
                continue
            doc.lines[path + (key,)] = line
            result[key] = _build(value_node, path + (key,), doc, problems, rel_path, offset)
            doc.lines[path + (key,)] = line
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, problems, rel_path, offset) for i, item in enumerate(node.value)]
    return _scalar(node)


_constructor = yaml.SafeLoader("")


def _scalar(node: yaml.Node) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag in _AS_WRITTEN:
        return node.value
    # The tag's constructor called directly: construct_object would also keep every node it ever saw.
    construct = _constructor.yaml_constructors.get(node.tag, _constructor.yaml_constructors[None])
    return construct(_constructor, node)
