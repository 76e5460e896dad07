"""Safe text for Markdown and HTML: everything from front-matter or the registry passes through here."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#!|~])")


def html_text(value: object) -> str:
    """Text for an HTML element or attribute."""
    return html.escape(str(value), quote=True)


def md_text(value: object) -> str:
    """Text for Markdown: HTML-escaped, and Markdown's own punctuation made literal."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def https_href(url: str) -> str:
    """An attribute value for a link; the checker already refused anything that is not https."""
    if not url.startswith("https://"):
        raise ValueError(f"refusing to link a non-https address: {url!r}")
    return html_text(url)
