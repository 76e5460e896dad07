"""Build the site in the current folder as `mkdocs build --strict` does, and print as JSON where the time went.

The benchmark (scripts/benchmark) runs this in its synthetic sites to tell the time spent in this project's own
code (the hook's events: loading, checking, generating pages) from the time spent in Python-Markdown, the theme's
templates, the plugins' events and the rest of MkDocs, all within one build and without a profiler's overhead.
Times are processor time, not elapsed time, so that other programs running on the machine do not blur them.

Usage: python scripts/timed_build.py SITE_DIR
"""

from __future__ import annotations

import functools
import json
import sys
import time
from collections import Counter
from pathlib import Path

import jinja2
import markdown
from mkdocs.commands.build import build
from mkdocs.config import load_config

PROJECT = Path(__file__).resolve().parent  # scripts/: the hook and the factsite package


def _timed(function, key: str, spent: Counter):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] += time.process_time() - start

    return wrapper


def _owner(handler) -> str:
    """'project' for an event handler defined under scripts/, else the plugin's top-level package."""
    code = getattr(getattr(handler, "__func__", handler), "__code__", None)
    if code and PROJECT in Path(code.co_filename).resolve().parents:
        return "project"
    return f"plugin {getattr(handler, '__module__', '?').split('.')[0]}"


def main(site_dir: str) -> int:
    config = load_config(strict=True, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    spent: Counter = Counter()
    for event, handlers in config.plugins.events.items():
        handlers[:] = [_timed(h, f"{_owner(h)} {event}", spent) for h in handlers]
    markdown.Markdown.convert = _timed(markdown.Markdown.convert, "Python-Markdown", spent)
    jinja2.Template.render = _timed(jinja2.Template.render, "theme templates", spent)
    wall, cpu = time.perf_counter(), time.process_time()
    build(config)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    measured = dict(spent)
    config.plugins.on_shutdown()
    print(json.dumps({"wall": wall, "cpu": cpu, "spent": measured}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
