"""Turn report files into `LoadedText` (original text, normalised text, offset map).

`load` picks the loader by suffix but trusts the bytes over the name: a .pdf
that does not start like a PDF, or a .txt that is really a PNG, is refused with
a LoadError naming what the content actually is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fazhi.loaders.base import MAX_TEXT_CHARS, LoadedText, LoadError
from fazhi.loaders.docx import load_docx
from fazhi.loaders.html import load_html
from fazhi.loaders.pdf import load_pdf
from fazhi.loaders.text import load_text, sniff

__all__ = ["SUPPORTED_SUFFIXES", "LoadError", "LoadedText", "iter_files", "load"]

MAX_BYTES = 64 * 1024 * 1024

_LOADERS: dict[str, Callable[[Path, bytes], LoadedText]] = {
    ".txt": load_text,
    ".md": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".pdf": load_pdf,
    ".docx": load_docx,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_LOADERS)


def _check_pdf_magic(path: Path, data: bytes) -> None:
    """The PDF header may be preceded by junk, but must appear in the first KB."""
    if b"%PDF-" not in data[:1024]:
        kind = sniff(data)
        detail = f"content is {kind}" if kind else "no %PDF- header in the first KB"
        raise LoadError(str(path), f"not a PDF ({detail})")


def load(path: str | Path, *, max_bytes: int = MAX_BYTES) -> LoadedText:
    """Read one file and return its original and normalised text with the offset map."""
    path = Path(path)
    loader = _LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(str(path), f"unsupported file type {path.suffix or '(no suffix)'}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise LoadError(str(path), f"too large: {size / 2**20:.1f} MB > cap {max_bytes / 2**20:.1f} MB")
        data = path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
        raise LoadError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:  # the file grew between stat and read
        raise LoadError(str(path), f"too large: {len(data) / 2**20:.1f} MB > cap {max_bytes / 2**20:.1f} MB")
    if path.suffix.lower() == ".pdf":
        _check_pdf_magic(path, data)
    if loader is load_text and len(data) > 4 * MAX_TEXT_CHARS + 4:
        # Every encoding spends at most 4 bytes a character (UTF-32, plus a BOM): without
        # decoding, this file holds more text than extraction accepts.
        raise LoadError(str(path), f"too large: {len(data) / 2**20:.1f} MB of text > extraction cap "
                                   f"{MAX_TEXT_CHARS:,} characters (split the document)")
    return loader(path, data)


def _visible(path: Path, root: Path) -> bool:
    """Skip hidden files and anything inside hidden folders below the given root."""
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Supported files among `paths`, folders expanded recursively, each group sorted.

    A file named explicitly is yielded if its suffix is supported, even if hidden:
    the caller asked for it.
    """
    for item in paths:
        root = Path(item)
        if root.is_file():
            if root.suffix.lower() in SUPPORTED_SUFFIXES:
                yield root
        elif root.is_dir():
            found = (
                p for p in root.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES and _visible(p, root)
            )  # fmt: skip
            yield from sorted(found)
