"""HTML (.html, .htm): the article text of a government web page, one paragraph per line.

Government sites wrap each report in navigation, breadcrumbs, share buttons and
footers; trafilatura removes that boilerplate. It is tuned for recall because a
lost paragraph loses facts while a stray menu line is harmless to extraction.
When trafilatura finds nothing (tiny pages, unusual markup) the visible text of
<body> without script/style is used instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from fazhi.loaders.base import LoadedText, LoadError, check_text_size
from fazhi.loaders.normalize import normalize
from fazhi.loaders.text import decode_bytes

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "table", "blockquote", "pre", "dd", "dt", "header", "footer",
)  # fmt: skip
_INVISIBLE_TAGS = ("script", "style", "noscript", "template", "head")


def declared_charset(data: bytes) -> str | None:
    """The charset named by <meta charset> or http-equiv Content-Type in the first 4 KB."""
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _clean_lines(text: str) -> str:
    """Strip each line and drop empty ones: HTML whitespace carries no meaning."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def _with_trafilatura(markup: str) -> str:
    extracted = trafilatura.extract(
        markup,
        output_format="txt",
        favor_recall=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    return _clean_lines(extracted or "")


def _visible_body_text(markup: str) -> str:
    """Fallback: text of <body> with block elements on their own lines."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_INVISIBLE_TAGS, etree.Comment)):
        if element.getparent() is not None:
            element.drop_tree()
    body = root.find("body")
    target = body if body is not None else root
    for element in target.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    return _clean_lines(target.text_content())


def extract_html(data: bytes, path: str) -> str:
    """Decoded HTML bytes -> article text; LoadError 'no text' if nothing readable remains."""
    markup = decode_bytes(data, path, declared=declared_charset(data))
    # lxml refuses str input that still carries an XML encoding declaration.
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    text = _with_trafilatura(markup) or _visible_body_text(markup)
    if not text.strip():
        raise LoadError(path, "no text")
    title = _headline(markup)
    if title and not text.startswith(title):  # boilerplate removal often drops the <h1>
        text = title + "\n" + text
    return text


def _headline(markup: str) -> str | None:
    """The article's headline: its <h1>, else the <title> without a site name after - _ |."""
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    for xpath, split in (("//h1", False), ("//title", True)):
        found = root.xpath(xpath)
        if found:
            words = " ".join(found[0].text_content().split())
            if split:
                words = re.split(r"\s*[-_|｜—]\s*", words)[0]
            if 6 <= len(words) <= 120:
                return words
    return None


def load_html(path: Path, data: bytes) -> LoadedText:
    original = extract_html(data, str(path))
    check_text_size(str(path), original)
    text, offsets = normalize(original)
    return LoadedText(source=str(path), original=original, text=text, offsets=offsets)
