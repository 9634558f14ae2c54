"""Loaders against real files built in tmp_path (real codecs, pypdf, python-docx, trafilatura)."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import require

from fazhi.loaders import SUPPORTED_SUFFIXES, iter_files, load
from fazhi.loaders.base import LoadError
from fazhi.loaders.normalize import normalize

# A CJK font with digits and Latin for fpdf2; Debian package fonts-noto-cjk (index 2 = SC).
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

# Invented report sentences (Simplified) and a hand-written Traditional version of the same.
SIMPLIFIED = [
    "2022年，市司法局坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。",
    "一是健全依法决策机制，严格执行重大行政决策程序，全年审查规范性文件38件。",
    "二是深化行政执法体制改革，全面推行行政执法公示制度和执法全过程记录制度。",
]
TRADITIONAL = [
    "2022年，市司法局堅持以習近平法治思想為指導，紮實推進法治政府建設各項工作。",
    "一是健全依法決策機制，嚴格執行重大行政決策程序，全年審查規範性文件38件。",
    "二是深化行政執法體制改革，全面推行行政執法公示制度和執法全過程記錄制度。",
]
# The same content after normalisation: full-width ，becomes ASCII ",".
EXPECTED = [line.replace("，", ",") for line in SIMPLIFIED]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def assert_map_consistent(loaded) -> None:
    """The offset map's basic contract, checked on every loaded document."""
    assert len(loaded.offsets) == len(loaded.text) + 1
    assert loaded.offsets[-1] == len(loaded.original)
    assert all(a < b for a, b in zip(loaded.offsets, loaded.offsets[1:], strict=False))


# --- plain text encodings ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8.txt", lambda s: s.encode("utf-8")),
        ("bom.txt", lambda s: b"\xef\xbb\xbf" + s.encode("utf-8")),
        ("utf16.txt", lambda s: s.encode("utf-16")),  # with BOM
        ("gbk.txt", lambda s: s.encode("gbk")),
        ("gb18030.txt", lambda s: s.encode("gb18030")),
        ("notes.md", lambda s: ("# 标题\n" + s).encode("utf-8")),
    ],
)
def test_simplified_text_encodings(tmp_path: Path, name: str, encode) -> None:
    source = "\n".join(SIMPLIFIED) + "\n"
    loaded = load(write(tmp_path, name, encode(source)))
    assert not loaded.original.startswith("\ufeff")
    for line in EXPECTED:
        assert line in loaded.text
    for line in SIMPLIFIED:
        assert line in loaded.original
    assert_map_consistent(loaded)


def test_gb18030_four_byte_character(tmp_path: Path) -> None:
    """A character outside GBK (4-byte in GB18030) must survive; GBK decoding would lose it."""
    source = "\n".join(SIMPLIFIED) + "\n某镇𠮷村开展法治宣传。\n"
    loaded = load(write(tmp_path, "a.txt", source.encode("gb18030")))
    assert "某镇𠮷村开展法治宣传。" in loaded.original


def test_big5_traditional_becomes_simplified(tmp_path: Path) -> None:
    source = "\n".join(TRADITIONAL) + "\n"
    loaded = load(write(tmp_path, "big5.txt", source.encode("big5")))
    assert loaded.original == source  # decoded as Big5, not as GBK mojibake
    for line in EXPECTED:
        assert line in loaded.text


def test_mixed_utf8_and_gbk_lines(tmp_path: Path) -> None:
    data = (SIMPLIFIED[0] + "\n").encode("utf-8") + (SIMPLIFIED[1] + "\n").encode("gbk")
    data += (SIMPLIFIED[2] + "\n").encode("utf-8")
    loaded = load(write(tmp_path, "mixed.txt", data))
    assert loaded.original.split("\n")[:3] == SIMPLIFIED


def test_random_bytes_are_not_text(tmp_path: Path) -> None:
    rng = random.Random(7)
    for i in range(5):
        path = write(tmp_path, f"r{i}.txt", bytes(rng.randrange(256) for _ in range(4096)))
        with pytest.raises(LoadError, match="not text"):
            load(path)


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="empty file"):
        load(write(tmp_path, "e.txt", b""))


def test_binary_renamed_txt_names_the_format(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="PNG image"):
        load(write(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(64)))


def test_size_cap(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", ("法治" * 400_000).encode("utf-8"))
    with pytest.raises(LoadError, match=r"too large: 2\.3 MB > cap 1\.0 MB"):
        load(path, max_bytes=2**20)


def test_unsupported_suffix(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="unsupported"):
        load(write(tmp_path, "a.rtf", b"{\\rtf1}"))


# --- HTML ----------------------------------------------------------------------

NAV = ["网站首页", "机构概况", "政务公开", "互动交流"]
FOOTER = "主办单位：某市人民政府办公室 网站标识码：4400000000"


def page(charset: str, body_lines: list[str]) -> str:
    nav = "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(NAV))
    paragraphs = "".join(f"<p>{line}</p>" for line in body_lines)
    return (
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        "<title>年度报告</title><style>p{margin:0}</style><script>var t='统计代码';</script></head>"
        f'<body><div class="top"><ul class="nav">{nav}</ul></div>'
        f'<div class="crumb">当前位置：首页 &gt; 通知公告</div>'
        f'<div class="article"><h1>某市司法局2022年法治政府建设年度报告</h1>{paragraphs}</div>'
        f'<div class="footer"><p>{FOOTER}</p><p>联系我们 | 网站地图</p></div></body></html>'
    )


def test_html_main_text_without_boilerplate(tmp_path: Path) -> None:
    path = write(tmp_path, "r.html", page("gb2312", SIMPLIFIED).encode("gbk"))
    loaded = load(path)
    lines = loaded.original.split("\n")
    for line in SIMPLIFIED:
        assert line in lines  # one paragraph per line, decoded via the meta charset
    for junk in [*NAV, FOOTER, "统计代码", "margin"]:
        assert junk not in loaded.original
    assert_map_consistent(loaded)


def test_html_fallback_for_tiny_page(tmp_path: Path) -> None:
    path = write(tmp_path, "t.htm", "<html><body><div>法治政府<br>依法行政</div></body></html>".encode())
    loaded = load(path)
    assert loaded.original.split("\n") == ["法治政府", "依法行政"]


def test_html_only_script_and_style(tmp_path: Path) -> None:
    markup = b"<html><head><style>body{}</style></head><body><script>var a = 1;</script></body></html>"
    with pytest.raises(LoadError, match="no text"):
        load(write(tmp_path, "s.html", markup))


# --- PDF -------------------------------------------------------------------------


def make_pdf(lines: list[str] | None, width_mm: float = 70, **encryption) -> bytes:
    """A real PDF with an embedded CJK font; `lines=None` draws only a shape (a 'scan')."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", fname=str(NOTO_CJK), collection_font_number=2)
    pdf.set_font("noto", size=12)
    if encryption:
        pdf.set_encryption(**encryption)
    if lines is None:
        pdf.rect(20, 20, 100, 60, style="F")
    else:
        for line in lines:
            pdf.multi_cell(width_mm, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def pdf_font() -> Path:
    require(NOTO_CJK.is_file(), f"{NOTO_CJK} missing (apt-get install fonts-noto-cjk)")
    return NOTO_CJK


def test_pdf_wrapped_lines_are_joined(tmp_path: Path, pdf_font: Path) -> None:
    heading = "一、总体情况"
    path = write(tmp_path, "r.pdf", make_pdf([heading, *SIMPLIFIED]))
    loaded = load(path)
    assert loaded.original.count("\n") > len(SIMPLIFIED) + 1  # fpdf2 really wrapped the lines
    lines = loaded.text.split("\n")
    assert lines[0] == heading
    for line in EXPECTED:
        assert line in lines  # each paragraph is one line again
    assert_map_consistent(loaded)


def test_pdf_encrypted_with_user_password(tmp_path: Path, pdf_font: Path) -> None:
    path = write(tmp_path, "e.pdf", make_pdf(SIMPLIFIED, owner_password="o", user_password="u"))
    with pytest.raises(LoadError, match="encrypted PDF"):
        load(path)


def test_pdf_owner_password_only_opens(tmp_path: Path, pdf_font: Path) -> None:
    loaded = load(write(tmp_path, "o.pdf", make_pdf(SIMPLIFIED[:1], owner_password="o")))
    assert EXPECTED[0] in loaded.text


def test_pdf_truncated_is_corrupt(tmp_path: Path, pdf_font: Path) -> None:
    data = make_pdf(SIMPLIFIED)
    with pytest.raises(LoadError, match="corrupt PDF: "):
        load(write(tmp_path, "t.pdf", data[: len(data) // 2]))


def test_pdf_without_text_layer(tmp_path: Path, pdf_font: Path) -> None:
    with pytest.raises(LoadError, match=r"no text layer \(scanned PDF\?\)"):
        load(write(tmp_path, "s.pdf", make_pdf(None)))


def test_pdf_suffix_with_other_content(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a PDF"):
        load(write(tmp_path, "x.pdf", "法治政府".encode()))


# --- DOCX -------------------------------------------------------------------------


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.add_paragraph("某市司法局")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_table_cells(tmp_path: Path) -> None:
    table = [["事项", "件数"], ["行政复议案件", "12"]]
    loaded = load(write(tmp_path, "r.docx", make_docx(SIMPLIFIED, table)))
    assert loaded.original.split("\n") == [*SIMPLIFIED, "事项", "件数", "行政复议案件", "12", "某市司法局"]
    assert_map_consistent(loaded)


def test_docx_that_is_a_png(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"not a \.docx \(content is PNG image\)"):
        load(write(tmp_path, "p.docx", b"\x89PNG\r\n\x1a\n" + os.urandom(200)))


def test_docx_zip_without_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(LoadError, match="not a .docx"):
        load(write(tmp_path, "z.docx", buffer.getvalue()))


def test_docx_zip_bomb_is_refused(tmp_path: Path) -> None:
    """300 MB of zeros deflate to ~300 KB: the declared size must stop us before inflating."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(chunk)
    with pytest.raises(LoadError, match=r"refused: expands to 3\d\d MB"):
        load(write(tmp_path, "bomb.docx", buffer.getvalue()))


# --- folders ------------------------------------------------------------------------


def test_iter_files(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.pdf", "a/y.DOCX", "a/.hidden.txt", ".git/c.txt", "a/img.png", "c.htm"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert found == ["a/y.DOCX", "a/z.pdf", "b.txt", "c.htm"]
    assert list(iter_files([tmp_path / "b.txt", tmp_path / "a/img.png"])) == [tmp_path / "b.txt"]
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= SUPPORTED_SUFFIXES


# --- offset map ---------------------------------------------------------------------

# Full-width punctuation, Traditional characters, a PDF-style hard wrap in the middle
# of a phrase, spaced-out characters, a straight-quoted name and a nested title.
MESSY = (
    "一、總體情況\n"
    "　　本局按照《關於印發<法治政府建設實施綱要（2021－2025年）>的通知》要求，認真\n"
    '組織開展"八五"普法工作，全面落實行政執法三項制度，推進嚴格規範\n'
    "公正文明執法，全年辦理行政複議案件１２件，法 治 政 府建設取得新進展\n"
    "，群眾滿意度持續提升，營商環境不斷優化，各項工作得到了上級的肯定\n"
    "和社會各界的廣泛好評，依法行政水平和行政執法能力進一步提高，為全\n"
    "市經濟社會高質量發展提供了有力的法治保障和良好的法治環境。\r\n"
    "（二）存在的不足\n"
)


def _fold(text: str) -> str:
    """Forget what legitimately depends on context outside a span: whitespace, quote
    direction, nested-title brackets and the script of characters valid in both scripts
    (於 is converted only inside a text that is Traditional as a whole). Everything else
    must match exactly."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    text = "".join(t2s.convert(ch) for ch in re.sub(r"\s+", "", text))
    return text.translate(str.maketrans('“”"「」〈〉<>', "'''''()()"))


def test_known_phrase_maps_to_exact_original() -> None:
    text, offsets = normalize(MESSY, join_wrapped_lines=True)
    from fazhi.loaders.base import LoadedText

    loaded = LoadedText("messy", MESSY, text, offsets)
    cases = {
        "推进严格规范公正文明执法": "推進嚴格規範\n公正文明執法",
        "“八五”普法": '"八五"普法',
        "《关于印发〈法治政府建设实施纲要(2021-2025年)〉的通知》": "《關於印發<法治政府建設實施綱要（2021－2025年）>的通知》",
        "行政复议案件12件,法治政府建设": "行政複議案件１２件，法 治 政 府建設",
        "法治环境。\n(二)存在的不足": "法治環境。\r\n（二）存在的不足",
    }
    for phrase, original in cases.items():
        start = text.index(phrase)
        a, b = loaded.to_original(start, start + len(phrase))
        assert MESSY[a:b] == original
    assert re.search(r"一、总体情况\n\s*本局", text)  # heading kept on its own line


def test_random_spans_round_trip() -> None:
    text, offsets = normalize(MESSY, join_wrapped_lines=True)
    rng = random.Random(1234)
    for _ in range(500):
        s = rng.randrange(len(text))
        e = rng.randrange(s + 1, len(text) + 1)
        a, b = offsets[s], offsets[e - 1] + 1
        again, _ = normalize(MESSY[a:b])
        assert _fold(again) == _fold(text[s:e]), (s, e)


def test_messy_file_phrase_maps_back(tmp_path: Path) -> None:
    """Through load(): a hard-wrapped UTF-8 file is detected as wrapped and joined."""
    loaded = load(write(tmp_path, "messy.txt", MESSY.encode("utf-8")))
    phrase = "推进严格规范公正文明执法"
    start = loaded.text.index(phrase)
    a, b = loaded.to_original(start, start + len(phrase))
    assert loaded.original[a:b] == "推進嚴格規範\n公正文明執法"
    assert_map_consistent(loaded)


def test_seeds_survive_a_trip_through_traditional(seeds_dir: Path) -> None:
    """Real reports: Simplified -> Traditional (OpenCC s2t) -> normalize gives the same
    text as normalising the report directly, and the map points at equal characters."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    paths = sorted(seeds_dir.glob("*.txt"))
    assert paths
    for path in paths:
        report = path.read_text(encoding="utf-8")
        traditional = s2t.convert(report)
        direct, _ = normalize(report, join_wrapped_lines=True)
        via_traditional, offsets = normalize(traditional, join_wrapped_lines=True)
        assert via_traditional == direct, path.name
        assert len(traditional) == len(report)  # s2t is length-preserving, so maps compare
        _, direct_offsets = normalize(report, join_wrapped_lines=True)
        assert offsets == direct_offsets


def test_simplified_text_keeps_characters_valid_in_both_scripts() -> None:
    """乾县 is a county: a Simplified text keeps 乾 (and 於 in a name), while a stray
    Traditional-only character in it is still mapped, one character for one."""
    original = "咸阳市乾县司法局推进依法行政，於某某同志出席，聯系群众"
    text, offsets = normalize(original)
    assert text == "咸阳市乾县司法局推进依法行政,於某某同志出席,联系群众"
    assert offsets == list(range(len(original) + 1))


def test_traditional_text_is_converted_whole_with_offsets_kept() -> None:
    original = "乾縣司法局推進依法行政，於是全面落實行政執法三項制度"
    text, offsets = normalize(original)
    assert text == "乾县司法局推进依法行政,于是全面落实行政执法三项制度"
    assert offsets == list(range(len(original) + 1))


def test_pinyin_glosses_after_characters_are_dropped_with_offsets_kept() -> None:
    original = "我市各級行政機(jī)關(guān)依法行政，附件(a)与（2021年）不变"
    text, offsets = normalize(original)
    assert text.startswith("我市各级行政机关依法行政")
    assert "附件(a)" in text and "(2021年)" in text  # no tone mark: not a gloss
    assert original[offsets[text.index("关")]] == "關"  # the map points past the dropped gloss
