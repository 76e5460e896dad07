"""Glossary terms in running text: find every name of every term in a page's Markdown, mark the first
occurrence of each term with a link to its entry and its one-sentence definition, and record which pages use
which term.

This works on Markdown before MkDocs renders it, so each glossary link is checked like any other link and the
search index holds the words themselves. Headings, links, code, raw HTML and addresses are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .layout import follow_splits, rel_link
from .markup import md_text
from .model import Fact, Opinion, Site, Term, per_site

# --- Which parts of a page are running text -------------------------------------------------------------------

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_HTML_BLOCK = re.compile(r"^ {0,3}<(/?)([A-Za-z][A-Za-z0-9]*)\b([^>]*)")
_COMMENT = re.compile(r"^ {0,3}<!--")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\^][^\]]*\]:")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]")
_CONTAINER = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)]|:)[ \t]")
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol",
    "p", "pre", "section", "table", "ul", "canvas", "colgroup", "dd", "dt", "iframe", "li", "legend", "math",
    "noscript", "object", "output", "script", "style", "summary", "tbody", "td", "textarea", "tfoot", "th",
    "thead", "tr", "video", "center",
}
_VOID_TAGS = {"hr", "br", "img", "input", "meta", "link", "col", "source", "wbr"}

# Inline pieces that are not words to mark; a link is found separately, because its brackets nest.
_INLINE = re.compile(
    r"""(?P<skip>
        \\.                                               # an escaped character
      | (?P<ticks>`+)[\s\S]*?(?<!`)(?P=ticks)(?!`)        # a code span
      | <(?:https?|mailto|ftp):[^>\s]*>                   # an autolink
      | <(?P<tag>a|code|kbd|samp|abbr|dfn|button|script|style|textarea)\b[^>]*>[\s\S]*?</(?P=tag)\s*>
      | <!--[\s\S]*?-->
      | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>           # any other tag, without its content
      | &(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);
      | \{[^{}\n]*\}                                      # an attribute list
    )
    | (?P<bracket>!?\[)
    """,
    re.X,
)
_CODE_SPAN = re.compile(r"(`+)[\s\S]*?(?<!`)\1(?!`)")
# The characters that can start one of those pieces: the text between them is skipped at C speed.
_SPECIAL = re.compile(r"[\\`<&{!\[]")


@dataclass(frozen=True)
class Span:
    """A stretch of readable text; ``markable`` is False inside headings and link text."""

    start: int
    end: int
    markable: bool


def readable_spans(markdown: str) -> list[Span]:
    """The stretches of ``markdown`` that readers see as words, in order."""
    spans: list[Span] = []
    for start, end, markable in _text_blocks(markdown):
        spans += _inline_spans(markdown, start, end, markable)
    return spans


def _text_blocks(markdown: str) -> Iterator[tuple[int, int, bool]]:
    """Paragraph-like runs of lines (start, end, markable), skipping code, raw HTML and other non-text lines."""
    lines = markdown.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    kinds = _line_kinds(lines)
    index = 0
    while index < len(lines):
        kind = kinds[index]
        if kind == "text":
            first = index
            while index + 1 < len(lines) and kinds[index + 1] == "text":
                index += 1
            yield offsets[first], offsets[index + 1], True
        elif kind == "heading":
            yield offsets[index], offsets[index + 1], False
        index += 1


def _line_kinds(lines: list[str]) -> list[str]:
    """Each line as 'text', 'heading', 'blank' or 'skip' (code, raw HTML, definitions, admonition titles)."""
    kinds = ["skip"] * len(lines)
    fence: str | None = None
    html_tag: str | None = None
    html_depth = 0
    in_comment = False
    in_container = False
    in_indented_code = False
    for index, line in enumerate(lines):
        content = _QUOTE.sub("", line)
        stripped = content.strip()
        previous_blank = index == 0 or not lines[index - 1].strip()
        if fence:
            if content.lstrip().startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if html_tag:
            html_depth += _count_tag(line, html_tag)
            if html_depth <= 0:
                html_tag = None
            continue
        if not stripped:
            kinds[index] = "blank"
            continue
        indented = content.startswith(("    ", "\t"))
        if in_indented_code and indented:
            continue
        in_indented_code = indented and previous_blank and not in_container
        if in_indented_code:
            continue
        if not indented:
            if _CONTAINER.match(content) or _ADMONITION.match(content):
                in_container = True
            elif previous_blank:
                in_container = False
        if fence_match := _FENCE.match(content):
            fence = fence_match.group(1)
        elif _COMMENT.match(content):
            in_comment = "-->" not in line
        elif html := _HTML_BLOCK.match(content):
            tag = html.group(2).lower()
            if tag in _BLOCK_TAGS and not html.group(1) and "markdown" not in html.group(3) and tag not in _VOID_TAGS:
                html_depth = _count_tag(line, tag)
                html_tag = tag if html_depth > 0 else None
            elif tag not in _BLOCK_TAGS:
                kinds[index] = "text"
        elif _REFERENCE_DEFINITION.match(content) or _ADMONITION.match(content):
            pass
        elif _HEADING.match(content):
            kinds[index] = "heading"
        elif _SETEXT_UNDERLINE.match(content) and index > 0 and kinds[index - 1] == "text":
            kinds[index - 1] = "heading"
        else:
            kinds[index] = "text"
    return kinds


def _count_tag(line: str, tag: str) -> int:
    """Openings minus closings of ``tag`` on a line of raw HTML."""
    return len(re.findall(rf"<{tag}\b", line, re.I)) - len(re.findall(rf"</{tag}\s*>", line, re.I))


def _inline_spans(text: str, start: int, end: int, markable: bool) -> list[Span]:
    spans: list[Span] = []
    position = scan = start
    while special := _SPECIAL.search(text, scan, end):
        at = special.start()
        match = _INLINE.match(text, at, end)
        if match is None:
            scan = at + 1
            continue
        if match.group("skip"):
            spans.append(Span(position, at, markable))
            position = scan = match.end()
            continue
        link = _link_at(text, at, end)
        if link is None:
            # A lone bracket is an ordinary character.
            scan = match.end()
            continue
        text_start, text_end, link_end = link
        spans.append(Span(position, at, markable))
        if not match.group("bracket").startswith("!"):
            spans.append(Span(text_start, text_end, False))
        position = scan = link_end
    spans.append(Span(position, end, markable))
    return [span for span in spans if span.end > span.start]


def _link_at(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """For ``[`` (or ``![``) at ``start``: the link text's start and end and the end of the whole link."""
    text_start = text.index("[", start) + 1
    close = _closing(text, text_start, end, "[", "]")
    if close is None:
        return None
    after = close + 1
    if after < end and text[after] == "(":
        target_end = _closing(text, after + 1, end, "(", ")")
        return None if target_end is None else (text_start, close, target_end + 1)
    if after < end and text[after] == "[":
        label_end = _closing(text, after + 1, end, "[", "]")
        return None if label_end is None else (text_start, close, label_end + 1)
    # [text] alone: a shortcut reference or a footnote; treated as a link, which is the cautious reading.
    return text_start, close, after


def _closing(text: str, position: int, end: int, opening: str, closing: str) -> int | None:
    """The index of the bracket that closes one opened just before ``position``, skipping escapes and code."""
    depth = 1
    while position < end:
        char = text[position]
        if char == "\\":
            position += 2
            continue
        if char == "`":
            code = _CODE_SPAN.match(text, position, end)
            if code:
                position = code.end()
                continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return position
        position += 1
    return None


# --- Matching the names of terms ---------------------------------------------------------------------------------

_CJK = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
# A space in a name matches any run of spaces, or one line break (with a blockquote's '>' after it).
_SPACE = r"(?:[ \t]+|[ \t]*\n[ \t]*(?:>[ \t]*)*)"
_APOSTROPHE = "['\u2019]"
# Names are whole words: no letter or digit may touch them (an underscore of Markdown emphasis may).
_NOT_AFTER_LETTER = r"(?<![^\W_])"
_NOT_BEFORE_LETTER = r"(?![^\W_])"


def name_key(text: str) -> str:
    """The form in which two spellings of a name compare equal: case, spacing and apostrophes ignored."""
    return " ".join(text.replace("\u2019", "'").replace(">", " ").split()).lower()


class TermMatcher:
    """One compiled pattern for every name of every term, longest name first at each position."""

    def __init__(self, terms: list[Term]):
        self.by_name: dict[str, Term] = {}
        for term in terms:
            for name in term.names:
                self.by_name.setdefault(name_key(name), term)
        spaced = [name for name in self.by_name if not _CJK.match(name)]
        unspaced = [name for name in self.by_name if _CJK.match(name)]
        alternatives = []
        if spaced:
            alternatives.append(_NOT_AFTER_LETTER + _trie_pattern(spaced, word_boundaries=True))
        if unspaced:
            # Korean and Chinese text does not separate words with spaces: match anywhere.
            alternatives.append(_trie_pattern(unspaced, word_boundaries=False))
        self.pattern = re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)
        self._found: dict[str, list[tuple[int, int, Term, bool]]] = {}

    def occurrences(self, markdown: str) -> list[tuple[int, int, Term, bool]]:
        """Each name found in the readable text: where it is, its term, and whether it may be marked there.

        A page's text is read twice (for the pages that use each term, then to mark it), so results are kept.
        """
        if markdown not in self._found:
            self._found[markdown] = [
                (match.start(), match.end(), term, span.markable)
                for span in readable_spans(markdown)
                for match in self.pattern.finditer(markdown, span.start, span.end)
                if (term := self.by_name.get(name_key(match.group()))) and not _in_address(markdown, match)
            ]
        return self._found[markdown]


def _in_address(text: str, match: re.Match) -> bool:
    """Whether a match is part of a bare web address such as https://www.unhcr.org/."""
    left, right = match.start(), match.end()
    while left > 0 and not text[left - 1].isspace() and text[left - 1] not in "(<":
        left -= 1
    while right < len(text) and not text[right].isspace() and text[right] not in ")>":
        right += 1
    return "://" in text[left:right] or text.startswith("www.", left)


def _trie_pattern(names: list[str], word_boundaries: bool) -> str:
    """A regular expression that branches letter by letter, so its cost does not grow with the number of names."""
    trie: dict = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        # The end of a name: it must not run on into a longer word.
        node[""] = _NOT_BEFORE_LETTER if word_boundaries and re.match(r"\w", name[-1]) else ""
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [_char_pattern(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append(node[""])  # last: a longer name wins over a shorter one it starts with
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _char_pattern(char: str) -> str:
    if char == " ":
        return _SPACE
    if char == "'":
        return _APOSTROPHE
    return re.escape(char)


@per_site
def term_matcher(site: Site) -> TermMatcher:
    return TermMatcher(list(site.terms.values()))


# --- Marking and usage -------------------------------------------------------------------------------------------


class TermMarker:
    """Marks, on one page, the first markable occurrence of each term (but not the page's own term)."""

    def __init__(self, site: Site, page_uri: str, own_term: str | None = None):
        self.site = site
        self.page_uri = page_uri
        self.done: set[str] = {own_term} if own_term else set()

    def mark(self, markdown: str) -> str:
        pieces = []
        position = 0
        for start, end, term, markable in term_matcher(self.site).occurrences(markdown):
            if not markable or term.id in self.done:
                continue
            self.done.add(term.id)
            pieces += [markdown[position:start], self._markup(markdown[start:end], term)]
            position = end
        return "".join(pieces) + markdown[position:]

    def _markup(self, words: str, term: Term) -> str:
        """The words as a link to the entry, with the definition beside them for hover, focus and tap.

        The definition is ``hidden`` until the style sheet shows it, so that reading modes, copies of the text and
        the search index (``data-search-exclude``) keep to the page's own words.
        """
        tip = f"term-tip-{term.id}"
        href = rel_link(self.page_uri, term.src_uri)
        return (
            f'<span class="term">[{words}]({href}){{ .term__word aria-describedby="{tip}" }}'
            f'<span class="term__tip" role="tooltip" id="{tip}" hidden data-search-exclude>{md_text(term.definition)}</span>'
            "</span>"
        )


def _texts(record: Opinion | Fact | Term, site: Site) -> list[str]:
    """The words an editor wrote on a page, where a use of a term counts: in the form the page renders them, so
    that the marking reuses what was found here."""
    if isinstance(record, Fact):
        return [record.title, md_text(record.claim or ""), follow_splits(record.body.strip(), record.src_uri, site)]
    if isinstance(record, Term):
        return [record.definition, follow_splits(record.body.strip(), record.src_uri, site)]
    return [record.body.strip()]


@per_site
def term_usage(site: Site) -> dict[str, list[Opinion | Fact | Term]]:
    """For each term, the pages that use it: in their text, or (for facts) in their list of terms."""
    matcher = term_matcher(site)
    users: dict[str, list] = {term_id: [] for term_id in site.terms}
    for record in site.citing_records():
        used = {term.id for text in _texts(record, site) for _, _, term, _ in matcher.occurrences(text)}
        if isinstance(record, Fact):
            used |= set(record.terms)
        if isinstance(record, Term):
            used.discard(record.id)
        for term_id in used:
            users[term_id].append(record)
    return users
