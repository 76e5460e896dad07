"""Check a record against its JSON Schema and say what is wrong in an editor's words."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache
from typing import Any

import fastjsonschema
import jsonschema

from .problems import Problem
from .vocabulary import schema
from .yamlfile import Document


def _field(path) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p + 1}]" for p in path).replace(".[", "[") or "front-matter"


def _resolve(ref: str, root: dict) -> Any:
    """The part of ``root`` that a local reference such as ``#/$defs/tag`` points to."""
    target = root
    for part in ref.lstrip("#/").split("/"):
        target = target[part]
    return target


def _consts(fragment: Any, root: dict) -> list[str]:
    """Every value a vocabulary fragment (const, enum, oneOf, anyOf, $ref) allows."""
    if not isinstance(fragment, dict):
        return []
    if "$ref" in fragment:
        return _consts(_resolve(fragment["$ref"], root), root)
    if "const" in fragment:
        return [fragment["const"]]
    if "enum" in fragment:
        return list(fragment["enum"])
    found: list[str] = []
    for key in ("oneOf", "anyOf"):
        for sub in fragment.get(key, []):
            found += [c for c in _consts(sub, root) if c not in found]
    return found


def _suggest(value: Any, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _message(error: jsonschema.ValidationError, root: dict) -> tuple[tuple, str]:
    """Where (a path into the data) and what (a sentence) for one schema error."""
    path = tuple(error.absolute_path)
    name = _field(path)
    kind = error.validator
    value = error.instance
    if kind == "required":
        missing = [p for p in error.validator_value if p not in value][0]
        about = error.schema.get("properties", {}).get(missing, {}).get("description", "")
        return path, f"missing field '{missing}'" + (f": {about}" if about else "")
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [k for k in value if k not in allowed]
        field = extra[0] if extra else "?"
        return path + (field,), f"unknown field '{field}'{_suggest(field, allowed)} (allowed: {', '.join(allowed)})"
    if kind in ("oneOf", "anyOf", "enum", "const"):
        choices = _consts(error.schema, root)
        if choices and all(isinstance(c, str) for c in choices):
            return path, f"{name} '{value}' is not one of {', '.join(choices)}{_suggest(value, choices)}"
        if path and path[0] in ("sources",):
            return path, f"{name} must be a source id (lower-case-with-hyphens) or 'id: ...' with an optional 'pinpoint: ...'"
        return path, f"{name} has the wrong form: {error.message}"
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
        words = {"array": "a list, e.g. [a, b]", "string": "text", "object": "a group of 'field: value' lines",
                 "integer": "a whole number", "string or integer": "a date such as 1982-09-24"}
        return path, f"{name} must be {words.get(wanted, wanted)}, not {type(value).__name__ if value is not None else 'empty'}"
    if kind == "minLength":
        return path, f"{name} is empty: write a value or remove the line"
    if kind == "maxLength":
        return path, f"{name} is too long ({len(value)} characters, at most {error.validator_value}): keep it to one sentence"
    if kind == "minItems":
        return path, f"{name} needs at least {error.validator_value} entry"
    if kind == "uniqueItems":
        return path, f"{name} lists the same entry twice"
    if kind == "pattern":
        pattern = error.validator_value
        if pattern.startswith("^https://"):
            return path, f"{name} '{value}' is not allowed: only https:// addresses may be given (never javascript:, data: or http:)"
        if pattern == "^\\d{4}-\\d{2}-\\d{2}$":
            return path, f"{name} '{value}' is not a day: write YYYY-MM-DD, e.g. 2026-11-27"
        if pattern.startswith("^\\d{4}"):
            return path, f"{name} '{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 1982-09-24"
        if pattern.startswith("^[a-z0-9]+"):
            return path, f"{name} '{value}' must be lower-case letters and digits joined by hyphens, e.g. china-accession-1982"
        return path, f"{name} '{value}' does not match {pattern}"
    if kind in ("minimum", "maximum"):
        return path, f"{name} '{value}' is not a year: write four digits, e.g. 1986"
    return path, f"{name}: {error.message}"


def _for_checking(fragment: Any, root: dict) -> Any:
    """The same schema in a form quicker to apply: each list of titled constants (``oneOf: [{const, title}, ...]``)
    becomes a plain ``enum``, and each local ``$ref`` is replaced by what it points to.

    Both forms accept the same values, but jsonschema tries every branch of a oneOf in turn and looks every
    reference up again for each record: this makes checking thousands of pages several times faster.
    """
    if isinstance(fragment, list):
        return [_for_checking(item, root) for item in fragment]
    if not isinstance(fragment, dict):
        return fragment
    if "$ref" in fragment:
        target = _for_checking(_resolve(fragment["$ref"], root), root)
        rest = {key: value for key, value in fragment.items() if key != "$ref"}
        return {"allOf": [target, _for_checking(rest, root)]} if rest else target
    branches = fragment.get("oneOf")
    if isinstance(branches, list) and branches and all(isinstance(b, dict) and "const" in b for b in branches):
        rest = {key: _for_checking(value, root) for key, value in fragment.items() if key != "oneOf"}
        return {**rest, "enum": [branch["const"] for branch in branches]}
    return {key: _for_checking(value, root) for key, value in fragment.items() if key != "$defs"}


@cache
def _validator(kind: str) -> jsonschema.Draft202012Validator:
    root = schema(kind)
    return jsonschema.Draft202012Validator(_for_checking(root, root))


@cache
def _quick_check(kind: str) -> Callable[[Any], Any]:
    """The schema compiled to Python by fastjsonschema: it only says valid or not, but three times faster."""
    root = schema(kind)
    return fastjsonschema.compile(_for_checking(root, root), detailed_exceptions=False)


def check_schema(kind: str, doc: Document, rel_path: str) -> list[Problem]:
    """One problem per field that breaks the ``kind`` schema, the most specific message per field."""
    # Nearly every record is valid: the quick check clears it, and jsonschema words the problems of the others.
    try:
        _quick_check(kind)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    root = schema(kind)
    validator = _validator(kind)
    best: dict[tuple, tuple[int, str]] = {}
    for error in validator.iter_errors(doc.data):
        path, message = _message(error, root)
        # A vocabulary error from the if/then branch lists fewer choices than the anyOf's: keep the shorter.
        rank = len(message)
        if path not in best or rank < best[path][0]:
            best[path] = (rank, message)
    return [Problem(rel_path, doc.line(path), message) for path, (_, message) in best.items()]
