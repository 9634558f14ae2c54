"""PDF: the text layer, page by page, with hard-wrapped lines joined during normalisation.

pypdf is lenient (it rebuilds broken xref tables), so a damaged file may still
yield text; only when parsing or every page's extraction fails is it "corrupt".
Encrypted PDFs are often protected by an owner password only and open with the
empty user password, so that is tried before giving up.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

from fazhi.loaders.base import LoadedText, LoadError, check_text_size
from fazhi.loaders.normalize import normalize

_PARSE_ERRORS = (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, AttributeError,
                 IndexError, AssertionError, RecursionError, OSError, EOFError, ZeroDivisionError)  # fmt: skip


def _open(data: bytes, path: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _decrypt_with_empty_password(reader):
            raise LoadError(path, "encrypted PDF")
        _ = len(reader.pages)
    except LoadError:
        raise
    except FileNotDecryptedError as exc:
        raise LoadError(path, "encrypted PDF") from exc
    except _PARSE_ERRORS as exc:
        raise LoadError(path, f"corrupt PDF: {exc}") from exc
    return reader


def _decrypt_with_empty_password(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, NotImplementedError, *_PARSE_ERRORS):
        return False


def extract_pdf(data: bytes, path: str) -> str:
    """All pages' text joined with newlines; pages that fail alone are skipped."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files log one warning per object
    reader = _open(data, path)
    pages: list[str] = []
    failures: list[Exception] = []
    try:
        page_list = list(reader.pages)
    except _PARSE_ERRORS as exc:
        raise LoadError(path, f"corrupt PDF: {exc}") from exc
    for page in page_list:
        try:
            pages.append(page.extract_text() or "")
        except _PARSE_ERRORS as exc:
            failures.append(exc)
            pages.append("")
    if failures and len(failures) == len(page_list):
        raise LoadError(path, f"corrupt PDF: {failures[0]}")
    # CID fonts without a usable encoding make pypdf emit NUL between glyphs; never content.
    text = "\n".join(page.replace("\x00", "").strip("\n") for page in pages)
    if not text.strip():
        raise LoadError(path, "no text layer (scanned PDF?)")
    return text


def load_pdf(path: Path, data: bytes) -> LoadedText:
    original = extract_pdf(data, str(path))
    check_text_size(str(path), original)
    text, offsets = normalize(original, join_wrapped_lines=True)
    return LoadedText(source=str(path), original=original, text=text, offsets=offsets)
