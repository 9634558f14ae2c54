"""Regenerate the derived sample reports in data/samples/ from tools/sample_sources/*.txt.

The bundled samples must exercise every loader (GBK decoding, Traditional script,
.docx, .html with page boilerplate, .pdf with a CJK font), but hand-editing binary
formats is neither reviewable nor reproducible. So the reviewable source is plain
UTF-8 text, and this script renders it. Every output is byte-for-byte deterministic
(fixed timestamps, fixed zip entry dates), so re-running it leaves git clean.

Run from the repository root:  python tools/make_samples.py
The PDF needs Debian `fonts-droid-fallback` (the CJK TrueType face) and
`fonts-dejavu-core` (digits and Latin punctuation, which DroidSansFallback lacks).
"""

from __future__ import annotations

import datetime as dt
import html
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "tools" / "sample_sources"
OUT = ROOT / "data" / "samples"

# One fixed instant for every embedded timestamp, so outputs never depend on the clock.
FIXED_TIME = dt.datetime(2024, 6, 1, 9, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2024, 6, 1, 9, 0, 0)

# DroidSansFallbackFull is a plain TrueType face: pypdf reads its text back exactly.
# Noto Sans CJK (.ttc, CFF outlines) was tried too: fpdf2 embeds it, but pypdf then
# extracts garbage, so it is deliberately not a fallback.
CJK_FONT = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")


def read_source(name: str) -> list[str]:
    """Source lines without trailing newlines; line 0 is the title."""
    return (SOURCES / name).read_text(encoding="utf-8").splitlines()


def source_text(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- plain text variants


def write_gbk(src: str, dest: Path) -> None:
    """Save as GBK: many older portals still publish GBK, and the loader must detect it."""
    dest.write_bytes(source_text(src).encode("gbk"))


def write_traditional(src: str, dest: Path) -> None:
    """Convert to Traditional characters (Taiwan standard glyphs, no vocabulary swaps).

    Real mainland documents re-posted in 繁體 are machine-converted like this, keeping
    mainland terms; `s2tw` gives the common glyph forms (為, 臺) rather than OpenCC's
    default ones (爲), which is the harder case for the normaliser.
    """
    import opencc

    converted = opencc.OpenCC("s2tw").convert(source_text(src))
    dest.write_text(converted, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- .docx


def _rezip_deterministic(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates; python-docx stamps entries with 'now'."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def _is_signature(lines: list[str], index: int) -> bool:
    """The last two non-empty lines are the agency name and the date."""
    tail = [i for i, line in enumerate(lines) if line.strip()][-2:]
    return index in tail


def write_docx(src: str, dest: Path) -> None:
    """A Word file as an office would produce it: centred title, body paragraphs, right-aligned signature."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    lines = read_source(src)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "仿宋"
    normal.font.size = Pt(16)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(lines[0])
    run.bold = True
    run.font.size = Pt(22)

    for i, line in enumerate(lines[1:], start=1):
        if not line.strip():
            continue
        para = doc.add_paragraph(line)
        if _is_signature(lines, i):
            para.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    props = doc.core_properties
    props.author = "fazhi-graph sample generator"
    props.last_modified_by = "fazhi-graph sample generator"
    props.title = lines[0]
    props.created = FIXED_TIME.replace(tzinfo=None)
    props.modified = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    dest.write_bytes(_rezip_deterministic(buf.getvalue()))


# ---------------------------------------------------------------- .html

_HTML_PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title} - {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: sans-serif; margin: 0; }}
.top-bar, .site-footer {{ background: #1f4e8c; color: #fff; padding: 8px 24px; }}
.main-nav a {{ margin-right: 18px; }}
.content-wrap {{ display: flex; gap: 24px; padding: 16px 24px; }}
.article {{ flex: 3; }} .sidebar {{ flex: 1; }}
.signature {{ text-align: right; }}
</style>
<script>var _siteStats = {{ page: "article", column: "fzzfjs" }};</script>
</head>
<body>
<div class="top-bar">
  <span>欢迎访问{site}</span> | <a href="#">无障碍浏览</a> | <a href="#">长者模式</a> | <a href="#">English</a>
  <form class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form>
</div>
<header class="site-header"><h2 class="site-name">{site}</h2></header>
<nav class="main-nav">
  <a href="#">首页</a><a href="#">机构概况</a><a href="#">政务公开</a><a href="#">政务服务</a>
  <a href="#">互动交流</a><a href="#">专题专栏</a><a href="#">数据开放</a>
</nav>
<div class="breadcrumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">法治政府建设</a></div>
<div class="content-wrap">
<main class="article">
<h1 class="article-title">{title}</h1>
<div class="article-meta">发布时间：{published}　来源：{site}　浏览次数：<span id="hits">1024</span>　字号：[大 中 小]</div>
<div class="article-content" id="zoom">
{body}
</div>
<div class="article-tools"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a> 分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="prev-next"><p>上一篇：<a href="#">关于开展2024年道路运输安全隐患排查的通知</a></p>
<p>下一篇：<a href="#">全市交通运输系统召开年度工作会议</a></p></div>
</main>
<aside class="sidebar">
  <h3>相关链接</h3>
  <ul><li><a href="#">政府信息公开指南</a></li><li><a href="#">依申请公开</a></li>
  <li><a href="#">政策解读</a></li><li><a href="#">网上信访</a></li></ul>
  <h3>热点专题</h3>
  <ul><li><a href="#">优化营商环境</a></li><li><a href="#">安全生产月</a></li></ul>
</aside>
</div>
<footer class="site-footer">
  <p>主办单位：{site}　地址：示例路1号　邮编：000000</p>
  <p>网站标识码：0000000000　备案号：示例ICP备00000000号　本页面为开发用示例</p>
  <p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">隐私声明</a></p>
</footer>
</body>
</html>
"""


def _html_body(lines: list[str]) -> str:
    """One <p> per source line; the signature gets its own class like real CMS pages."""
    parts = []
    for i, line in enumerate(lines[1:], start=1):
        if not line.strip():
            continue
        cls = ' class="signature"' if _is_signature(lines, i) else ""
        parts.append(f"<p{cls}>{html.escape(line, quote=False)}</p>")
    return "\n".join(parts)


def write_html(src: str, dest: Path) -> None:
    """A full portal page, so the boilerplate remover has navigation, sidebar and footer to strip."""
    lines = read_source(src)
    # The signature's agency line doubles as the portal's name.
    site = next(line for line in reversed(lines) if line.strip() and not line.strip()[0].isdigit())
    page = _HTML_PAGE.format(
        title=html.escape(lines[0], quote=False),
        site=html.escape(site, quote=False),
        published="2025-01-10 16:30",
        body=_html_body(lines),
    )
    dest.write_text(page, encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- .pdf


# DroidSansFallback has no ASCII digits or brackets; fpdf2 takes those from here.
LATIN_FALLBACK = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def find_cjk_font() -> Path:
    if CJK_FONT.exists():
        return CJK_FONT
    raise SystemExit(f"{CJK_FONT} not found; install Debian fonts-droid-fallback and re-run.")


def write_pdf(src: str, dest: Path) -> None:
    """A PDF whose line breaks fall inside words, as in real scanned-then-OCRed or typeset reports.

    Source lines are kept as hard breaks (two are deliberately inside words), and fpdf2
    wraps long paragraphs mid-word too, so the loader must re-join lines.
    """
    from fpdf import FPDF

    font_path = find_cjk_font()
    lines = read_source(src)
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(lines[0])
    pdf.set_author("fazhi-graph sample generator")
    pdf.set_producer("fazhi-graph tools/make_samples.py")
    pdf.add_font("cjk", "", str(font_path))
    if LATIN_FALLBACK.exists():
        pdf.add_font("latin", "", str(LATIN_FALLBACK))
        pdf.set_fallback_fonts(["latin"])
    pdf.set_margins(22, 20, 22)
    pdf.add_page()

    pdf.set_font("cjk", size=16)
    pdf.multi_cell(0, 10, lines[0], align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("cjk", size=11)
    for i, line in enumerate(lines[1:], start=1):
        if not line.strip():
            continue
        align = "R" if _is_signature(lines, i) else "L"
        pdf.multi_cell(0, 7, line, align=align, new_x="LMARGIN", new_y="NEXT")
    dest.write_bytes(bytes(pdf.output()))


# ---------------------------------------------------------------- driver

Writer = Callable[[str, Path], None]

TARGETS: list[tuple[str, str, Writer]] = [
    ("sample_03_chengdu_eeb_2023_gbk.txt", "sample_03_chengdu_eeb_2023_gbk.txt", write_gbk),
    ("sample_05_heyuan_hrss_2022_trad.txt", "sample_05_heyuan_hrss_2022_trad.txt", write_traditional),
    ("sample_06_shangcheng_dei_2023_docx.txt", "sample_06_shangcheng_dei_2023.docx", write_docx),
    ("sample_07_shaoxing_transport_2024_html.txt", "sample_07_shaoxing_transport_2024.html", write_html),
    ("sample_08_qingyuan_ema_2020_pdf.txt", "sample_08_qingyuan_ema_2020.pdf", write_pdf),
]


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for src, out_name, writer in TARGETS:
        dest = OUT / out_name
        writer(src, dest)
        print(f"wrote {dest.relative_to(ROOT)} ({dest.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
