"""Word (.docx): body paragraphs and table cells in document order, one per line.

A .docx is a zip, so before python-docx inflates anything the central
directory's declared sizes are checked. Declared sizes alone are not enough:
zipfile's read() of a whole member inflates in one call of up to 2 GB and only
then cuts the output to the declared size, so a member that lies about its size
(declares 1 MB, inflates to gigabytes) would still fill memory. Every member is
therefore first inflated in 1 MB steps, which zipfile stops at the declared size
with a CRC error for a liar; only an archive that passes is given to python-docx.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn

from fazhi.loaders.base import LoadedText, LoadError, check_text_size
from fazhi.loaders.normalize import normalize
from fazhi.loaders.text import sniff

MAX_EXPANDED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # deflated XML is typically 5-20x; bombs are 1000x+
RATIO_FLOOR_BYTES = 10 * 1024 * 1024  # small archives may have any ratio
INFLATE_STEP = 1 << 20


def check_zip(data: bytes, path: str) -> None:
    """Refuse files that are not a zip with word/document.xml, or that expand too far."""
    if not data.startswith(b"PK"):
        kind = sniff(data) or ("text" if _is_texty(data) else "unknown binary data")
        raise LoadError(path, f"not a .docx (content is {kind})")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise LoadError(path, f"corrupt .docx: {exc}") from exc
    total = sum(info.file_size for info in infos)
    ratio = total / max(len(data), 1)
    if total > MAX_EXPANDED_BYTES or (total > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
        raise LoadError(path, f"refused: expands to {total / 1e6:.0f} MB")
    if "word/document.xml" not in {info.filename for info in infos}:
        raise LoadError(path, "not a .docx (zip without word/document.xml)")
    _inflate_in_steps(data, path)


def _inflate_in_steps(data: bytes, path: str) -> None:
    """Inflate every member with bounded reads; a member bigger than it declares fails its CRC."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                with archive.open(info) as member:
                    while member.read(INFLATE_STEP):
                        pass
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError, RuntimeError, zlib.error) as exc:
        raise LoadError(path, f"corrupt .docx: {exc}") from exc


def _is_texty(data: bytes) -> bool:
    head = data[:512]
    return bool(head) and sum(1 for b in head if b < 9 or 13 < b < 32) == 0


def _paragraph_text(element) -> str:
    """Text of a w:p including runs inside hyperlinks, fields and smart tags."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _blocks(container) -> Iterator[str]:
    """Lines of a body or table cell: paragraphs, and table cells row by row.

    Horizontally merged cells appear once (python-docx would repeat them).
    """
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield _paragraph_text(child)
        elif child.tag == qn("w:tbl"):
            for row in child.iterchildren(qn("w:tr")):
                for cell in row.iterchildren(qn("w:tc")):
                    yield from _blocks(cell)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


def extract_docx(data: bytes, path: str) -> str:
    check_zip(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, lxml errors, ValueError...
        raise LoadError(path, f"corrupt .docx: {type(exc).__name__}: {exc}") from exc
    lines = [line.strip() for line in _blocks(document.element.body)]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise LoadError(path, "no text")
    return text


def load_docx(path: Path, data: bytes) -> LoadedText:
    original = extract_docx(data, str(path))
    check_text_size(str(path), original)
    text, offsets = normalize(original)
    return LoadedText(source=str(path), original=original, text=text, offsets=offsets)
