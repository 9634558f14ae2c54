"""Plain text (.txt, .md): bytes -> str with encoding detection tuned for Chinese.

Order of attempts, most certain first:
1. a BOM (UTF-32, UTF-8, UTF-16) decides;
2. strict UTF-8 (almost never succeeds by accident on legacy bytes);
3. BOM-less UTF-16 if it decodes to text made of common characters;
4. mixed files (some lines valid UTF-8 with non-ASCII, others not) are decoded
   line by line: UTF-8 where it is valid, otherwise the legacy encoding that
   fits the other lines — a concatenation of exports should not be rejected;
5. charset-normalizer restricted to gb18030 (superset of GB2312/GBK) and Big5.
   Big5 bytes usually also decode as GBK without error, so the candidate is
   re-checked with `chinese_score` and the other legacy encoding tried.
The result must look like text (few control characters, Chinese that consists
of common characters) or LoadError "not text: …" is raised.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from fazhi.loaders.base import LoadedText, LoadError, check_text_size
from fazhi.loaders.normalize import looks_hard_wrapped, normalize, to_simplified

LEGACY = ("gb18030", "big5hkscs")

# About 500 of the most frequent Simplified characters in modern official prose,
# typed from general knowledge of Chinese character frequency. Traditional text
# is scored after t2s, so one list serves both scripts.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业"
    "本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利"
    "比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
    "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干"
    "做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共"
    "权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张"
    "信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验"
    "连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候"
    "亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严推落监督执"
    "依审查培训宣普及纲纪检案诉讼复议考核责健全完善贯彻落实开展强化加快推动促进提升规范机制制度单位政府部"
    "门工作领导干部职能服务群众企业项目资金安全生产环境保护综合管理执法监督检查行政许可处罚决定公开信息"
)
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of formats people rename to .txt/.docx by mistake.
_MAGIC = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 file (legacy .doc/.xls)"),
    (b"{\\rtf", "RTF document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "ELF executable"),
)


def sniff(data: bytes) -> str | None:
    """Name the binary format `data` starts with, or None if no known magic matches."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP image"
    return None


def chinese_score(text: str) -> float:
    """Share of Han characters that are common ones (after t2s); 1.0 if no Han at all.

    Why: decoding Big5 bytes as GBK (or the reverse) rarely fails outright, it
    produces rare characters instead. Real reports are dominated by common ones.
    """
    han = _HAN_RE.findall(to_simplified(text[:20000]))
    if not han:
        return 1.0
    return sum(1 for ch in han if ch in _COMMON) / len(han)


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True
    if len(_CONTROL_RE.findall(sample)) > 0.01 * len(sample):
        return False
    han = len(_HAN_RE.findall(sample))
    return han < 20 or chinese_score(sample) >= 0.3


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """BOM-less UTF-16: accept only a decoding that reads as real Chinese/ASCII text.

    CJK UTF-16 has no NUL bytes, so the byte pattern alone cannot tell; instead
    the decoded text must be mostly Han/ASCII and made of common characters,
    which legacy bytes or random data decoded as UTF-16 never are.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        decoded = _strict(data, encoding)
        if decoded is None:
            continue
        sample = decoded[:20000]
        readable = len(_HAN_RE.findall(sample)) + sum(1 for ch in sample if ch.isascii() and ch.isprintable())
        if readable >= 0.7 * len(sample) and chinese_score(sample) >= 0.5 and _looks_like_text(decoded):
            return decoded
    return None


def _best_legacy(data: bytes) -> str | None:
    """charset-normalizer restricted to Chinese legacy encodings, then re-scored."""
    candidates: list[str] = []
    match = from_bytes(data, cp_isolation=list(LEGACY)).best()
    if match is not None:
        candidates.append(str(match))
    for encoding in LEGACY:
        decoded = _strict(data, encoding)
        if decoded is not None:
            candidates.append(decoded)
    candidates = [c for c in candidates if _looks_like_text(c)]
    if not candidates:
        return None
    return max(candidates, key=chinese_score)


def _mixed_lines(data: bytes) -> str | None:
    """Decode a file whose lines disagree on encoding, each line on its own.

    Only used when some non-ASCII lines are valid UTF-8 and others are not. The
    non-UTF-8 lines choose one legacy encoding together; a line that fits none
    gets U+FFFD replacements rather than sinking the whole file.
    """
    lines = data.split(b"\n")
    utf8_lines = [ln for ln in lines if not ln.isascii() and _strict(ln, "utf-8") is not None]
    other = [ln for ln in lines if _strict(ln, "utf-8") is None]
    if not utf8_lines or not other:
        return None
    legacy_sample = b"\n".join(other)
    encoding = max(LEGACY, key=lambda enc: chinese_score(legacy_sample.decode(enc, "replace")))
    decoded = [_strict(ln, "utf-8") or ln.decode(encoding, "replace") for ln in lines]
    return "\n".join(decoded)


def decode_bytes(data: bytes, path: str, declared: str | None = None) -> str:
    """Bytes -> str for Chinese documents; `declared` (e.g. an HTML meta charset) is tried first."""
    if not data:
        raise LoadError(path, "empty file")
    kind = sniff(data)
    if kind is not None:
        raise LoadError(path, f"not text (content is {kind})")
    text = _decode(data, declared)
    if text is None or not _looks_like_text(text):
        raise LoadError(path, "not text: no encoding gives readable Chinese or ASCII text")
    if not text.strip():
        raise LoadError(path, "empty file")
    return text


def _decode(data: bytes, declared: str | None) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, "replace")
    if declared:
        decoded = _strict(data, _widen(declared))
        if decoded is not None and _looks_like_text(decoded):
            return decoded
    for attempt in (lambda: _strict(data, "utf-8"), lambda: _utf16_without_bom(data)):
        decoded = attempt()
        if decoded is not None and _looks_like_text(decoded):
            return decoded
    return _mixed_lines(data) or _best_legacy(data)


def _widen(encoding: str) -> str:
    """Declared legacy Chinese charsets are decoded with their supersets."""
    name = encoding.strip().lower().replace("_", "-")
    if name in {"gb2312", "gbk", "gb-2312", "cp936", "x-gbk", "euc-cn"}:
        return "gb18030"
    if name in {"big5", "cp950", "big5-hkscs"}:
        return "big5hkscs"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "utf-8"


def load_text(path: Path, data: bytes) -> LoadedText:
    """A .txt/.md file; hard-wrapped text gets its wrapped lines joined."""
    original = decode_bytes(data, str(path))
    check_text_size(str(path), original)
    return text_document(str(path), original)


def text_document(source: str, original: str) -> LoadedText:
    """Already-decoded text (a stored report, an upload) as a LoadedText."""
    text, offsets = normalize(original, join_wrapped_lines=looks_hard_wrapped(original))
    return LoadedText(source=source, original=original, text=text, offsets=offsets)
