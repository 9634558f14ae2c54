"""`fazhi ingest` over a folder of hostile files: every bad file gets one clear line, nothing else is lost.

The corpus is generated in tmp_path (random bytes, renamed formats, a 50 MB text, a
zip bomb and a zip that lies about its size, encrypted and truncated PDFs, pathological
brackets...) next to two good sample reports, and the real CLI runs over it in a
subprocess so exit codes, the printed summary and the child's peak memory are measured
as a user would see them.
"""

from __future__ import annotations

import io
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, require

from fazhi.loaders import load
from fazhi.loaders.base import LoadError

SAMPLES = ROOT / "data" / "samples"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
MAX_RSS_BYTES = int(2.5 * 2**30)

# Invented report prose (not from any real report), rich in the things extractors look for.
REPORT_LINES = [
    "韶关市司法局2022年法治政府建设年度报告",
    "2022年，市司法局深入贯彻《中华人民共和国行政处罚法》，全面推行“双随机、一公开”监管。",
    "一、主要做法",
    "(一)健全依法决策机制。严格落实重大行政决策程序，推行法律顾问制度，全年审查规范性文件21件。",
    "(二)深化执法改革。联合市场监管部门开展专项检查，落实行政执法“三项制度”。",
    "二、存在问题",
    "基层执法力量不足，“互联网+监管”应用不够深入。",
    "韶关市司法局",
    "2023年1月10日",
]
REPORT = "\n".join(REPORT_LINES) + "\n"


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes | None  # None: the file is written by a builder (too big to hold twice)
    reason: str | None  # regex the FAILED line must match; None: the file must be ingested


# --- builders ----------------------------------------------------------------------------


def deflate_zeros(mib: int) -> bytes:
    """A raw deflate stream of `mib` MiB of zeros, built from one repeated block in milliseconds.

    After Z_FULL_FLUSH the compressor forgets its history, so every 1 MiB block of
    zeros compresses to the same bytes and the stream is that block repeated.
    """
    chunk = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp.compress(chunk)
    comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    return block * mib + comp.flush(zlib.Z_FINISH)


def handmade_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip from (name, deflated bytes, crc, declared compressed size, declared size) by hand,
    so the declared sizes can be anything, including lies."""
    body, central = io.BytesIO(), io.BytesIO()
    for name, payload, crc, csize, usize in members:
        offset = body.tell()
        raw = name.encode()
        fields = (20, 0, 8, 0, 33, crc, csize, usize, len(raw))
        body.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + raw + payload)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset)
                      + raw)
    directory = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory),
                      body.tell(), 0)
    return body.getvalue() + directory + end


def _deflated(data: bytes) -> tuple[bytes, int]:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    return comp.compress(data) + comp.flush(), zlib.crc32(data)


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def zip_bomb(mib: int, declared_mib: int | None = None) -> bytes:
    """A .docx whose word/document.xml inflates to `mib` MiB; it declares `declared_mib` (a liar).

    The package parts are valid, so python-docx really goes on to read document.xml.
    """
    members = []
    for name, content in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", PACKAGE_RELS)):
        packed, crc = _deflated(content)
        members.append((name, packed, crc, len(packed), len(content)))
    bomb = deflate_zeros(mib)
    declared = (declared_mib if declared_mib is not None else mib) << 20
    return handmade_zip([*members, ("word/document.xml", bomb, 0x1234ABCD, len(bomb), declared)])


def make_pdf(lines: list[str], **encryption: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("noto", fname=str(NOTO_CJK), collection_font_number=2)
    pdf.set_font("noto", size=12)
    if encryption:
        pdf.set_encryption(**encryption)
    for line in lines:
        pdf.multi_cell(120, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def mixed_encodings() -> bytes:
    """Lines alternating UTF-8 and GB18030, as when two exports are concatenated."""
    return b"\n".join(line.replace("韶关", "清远").encode("utf-8" if i % 2 else "gb18030")
                      for i, line in enumerate(REPORT_LINES))


def with_controls(text: str) -> bytes:
    rng = random.Random(7)
    out = []
    for ch in text:
        out.append(ch)
        if rng.random() < 0.005:
            out.append(chr(rng.choice([0, 1, 7, 8, 0x0B, 0x0C, 0x1B, 0x7F, 0x85])))
    return "".join(out).encode("utf-8")


def write_big_text(path: Path, size: int, line: str) -> None:
    """`size` bytes of `line` repeated, written in chunks."""
    chunk = (line * (1 + (1 << 20) // len(line.encode()))).encode()
    with path.open("wb") as out:
        written = 0
        while written < size:
            piece = chunk[: size - written]
            out.write(piece)
            written += len(piece)


def build_corpus(folder: Path) -> list[Case]:
    """Write the hostile corpus plus two good samples; returns what each file should become."""
    rng = random.Random(20240601)
    require(NOTO_CJK.is_file(), f"{NOTO_CJK} missing (apt-get install fonts-noto-cjk)")
    pdf = make_pdf(REPORT_LINES)
    nested = "依据" + "《" * 5000 + "法治" + "》" * 5000 + "开展“双随机、一公开”检查。\n"
    cases = [
        Case("good_sample_02.txt", (SAMPLES / "sample_02_shaoguan_amr_2021_report.txt").read_bytes(), None),
        Case("good_sample_06.docx", (SAMPLES / "sample_06_shangcheng_dei_2023.docx").read_bytes(), None),
        Case("empty.txt", b"", r"empty file"),
        Case("random.txt", rng.randbytes(8192), r"not text"),
        Case("random.pdf", rng.randbytes(8192), r"not a PDF"),
        Case("image.docx", b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048), r"not a \.docx \(content is PNG image\)"),
        Case("gbk_no_bom.txt", REPORT.replace("韶关", "河源").encode("gbk"), None),
        Case("mixed_encodings.txt", mixed_encodings(), None),
        Case("big_50mb.txt", None, r"too large"),
        Case("truncated.pdf", pdf[: len(pdf) // 2], r"corrupt PDF"),
        Case("encrypted.pdf", make_pdf(REPORT_LINES, owner_password="o", user_password="u"),
             r"encrypted PDF"),
        Case("bomb.docx", zip_bomb(3000), r"refused: expands to \d+ MB"),
        Case("lying_bomb.docx", zip_bomb(1536, declared_mib=1), r"corrupt \.docx"),
        Case("script_only.html", b"<html><head><style>p{color:red}</style><script>var a='\xe6\xb3\x95';"
             b"</script></head><body><script>document.write(1)</script><style>b{}</style></body></html>",
             r"no text"),
        Case("unbalanced.txt", REPORT.replace("》", "", 1).replace("”", "", 1).replace("韶关", "梅州")
             .encode() + "《未闭合的标题\n“未闭合的引号\n".encode(), None),
        Case("nested_5000.txt", (REPORT.replace("韶关", "惠州") + nested).encode(), None),
        Case("single_line_10mb.txt", None, r"too large"),
        Case("controls.txt", with_controls(REPORT.replace("韶关", "汕头")), None),
        Case("traditional.txt", (SAMPLES / "sample_05_heyuan_hrss_2022_trad.txt").read_bytes(), None),
    ]
    for case in cases:
        if case.data is not None:
            (folder / case.name).write_bytes(case.data)
    write_big_text(folder / "big_50mb.txt", 50 * 2**20, "".join(REPORT_LINES[1:5]) + "\n")
    write_big_text(folder / "single_line_10mb.txt", 10 * 2**20, "法治政府建设全面推进")
    return cases


# --- running the CLI as a user would ----------------------------------------------------


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    peak_rss: int  # bytes, the CLI process and its extraction workers


# A child's ru_maxrss starts at its parent's RSS: exec folds the old (shared or copied)
# address space's high-water mark into the process's maxrss. Measured from pytest it
# reports pytest's own peak (695 MB in CI for a 80 MB loader run). So commands run
# under this small wrapper, and the figure is the wrapper's RUSAGE_CHILDREN: the
# command and the workers it waited for, started from a 10 MB address space.
MEASURE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(str(peak))\n"
    "sys.exit(code)\n"
)


def run_measured(argv: list[str], cwd: Path, stdout, stderr) -> tuple[int, int]:
    """Run argv from the project root; (exit code, peak RSS in bytes of argv and its workers)."""
    peak_file = cwd / "peak_rss_kb"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    code = subprocess.call([sys.executable, "-c", MEASURE_WRAPPER, str(peak_file), *argv],
                           stdout=stdout, stderr=stderr, cwd=ROOT, env=env)
    return code, int(peak_file.read_text()) * 1024


def run_cli(*args: str, cwd: Path) -> Run:
    """`python -m fazhi.cli ARGS` with the peak RSS of this run alone."""
    out, err = cwd / "cli.out", cwd / "cli.err"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        code, peak = run_measured([sys.executable, "-m", "fazhi.cli", *args], cwd, stdout, stderr)
    return Run(code, out.read_text(), err.read_text(), peak)


def failed_lines(run: Run) -> dict[str, str]:
    """FAILED lines of the summary: file name -> reason."""
    found: dict[str, str] = {}
    for line in run.stderr.splitlines():
        match = re.match(r"FAILED (.+?): (.+)$", line)
        if match:
            found[Path(match.group(1)).name] = match.group(2)
    return found


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory) -> tuple[list[Case], Run, Path]:
    work = tmp_path_factory.mktemp("bad_input")
    folder = work / "in"
    folder.mkdir()
    cases = build_corpus(folder)
    run = run_cli("ingest", str(folder), "--db", str(work / "g.lbdb"), cwd=work)
    return cases, run, work


def test_every_bad_file_gets_one_clear_line(corpus_run) -> None:
    cases, run, _ = corpus_run
    failed = failed_lines(run)
    expected_bad = {c.name: c.reason for c in cases if c.reason}
    assert set(failed) == set(expected_bad), run.stderr[-3000:]
    for name, reason in expected_bad.items():
        assert re.search(reason, failed[name]), f"{name}: {failed[name]!r} does not say {reason!r}"
        assert "Traceback" not in failed[name] and len(failed[name]) < 300
    assert "Traceback" not in run.stderr


def test_good_and_survivable_files_are_ingested(corpus_run) -> None:
    cases, run, work = corpus_run
    assert run.code == 0, run.stderr[-3000:]
    good = [c for c in cases if c.reason is None]
    match = re.search(r"reports ingested: (\d+)\s+failed: (\d+)", run.stdout)
    assert match, run.stdout
    assert int(match.group(1)) == len(good)
    assert int(match.group(2)) == len(cases) - len(good)
    from fazhi.graph.ladybug_store import LadybugStore

    with LadybugStore(work / "g.lbdb", read_only=True) as store:
        sources = {Path(r["source"]).name for r in store.iter_nodes("Report")}
    assert sources == {c.name for c in good}


def test_memory_and_time_stay_bounded(corpus_run) -> None:
    _, run, _ = corpus_run
    assert run.peak_rss < MAX_RSS_BYTES, f"peak RSS {run.peak_rss / 2**20:.0f} MB"


def test_strict_fails_when_anything_failed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "sample_03_chengdu_eeb_2023_gbk.txt", folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    relaxed = run_cli("ingest", str(folder), "--db", str(tmp_path / "a.lbdb"), cwd=tmp_path)
    strict = run_cli("ingest", str(folder), "--db", str(tmp_path / "b.lbdb"), "--strict", cwd=tmp_path)
    assert relaxed.code == 0, relaxed.stderr
    assert strict.code != 0
    assert "reports ingested: 1" in strict.stdout  # strict still ingests what it can
    assert set(failed_lines(strict)) == {"empty.txt"}


def test_nothing_ingested_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.pdf").write_bytes(random.Random(3).randbytes(512))
    run = run_cli("ingest", str(folder), "--db", str(tmp_path / "g.lbdb"), cwd=tmp_path)
    assert run.code != 0
    assert set(failed_lines(run)) == {"empty.txt", "noise.pdf"}


def test_lying_zip_is_refused_without_inflating_it(tmp_path: Path) -> None:
    """A member declaring 1 MiB that inflates to 1.5 GiB: refused, and memory stays small.

    zipfile's whole-member read() inflates everything in one call before cutting to
    the declared size, so without bounded reads this costs 1.5 GiB.
    """
    path = tmp_path / "liar.docx"
    path.write_bytes(zip_bomb(1536, declared_mib=1))
    code = "import sys\nfrom loaders import load\ntry:\n    load(sys.argv[1])\nexcept Exception as e:\n" \
           "    print(type(e).__name__, e)\n"
    out = tmp_path / "load.out"
    with out.open("wb") as stdout:
        _, peak = run_measured([sys.executable, "-c", code, str(path)], tmp_path, stdout, subprocess.DEVNULL)
    output = out.read_text()
    assert output.startswith("LoadError") and "corrupt .docx" in output, output
    assert peak < 600 * 2**20, f"peak RSS {peak / 2**20:.0f} MB"


def test_one_huge_line_is_ingested_in_bounded_memory(tmp_path: Path) -> None:
    """156,000 characters without a 。: every fact's evidence used to be the whole line
    (2.1 GB peak and 38 s); sentences are now cut at a comma past MAX_SENTENCE."""
    folder = tmp_path / "in"
    folder.mkdir()
    line = "韶关市司法局全面推行“双随机、一公开”监管，依据《中华人民共和国行政处罚法》，联合市场监管部门开展检查，"
    (folder / "one_line.txt").write_text(line * 3000, encoding="utf-8")
    run = run_cli("ingest", str(folder), "--db", str(tmp_path / "g.lbdb"), cwd=tmp_path)
    assert run.code == 0, run.stderr[-2000:]
    assert run.peak_rss < 1024 * 2**20, f"peak RSS {run.peak_rss / 2**20:.0f} MB"


def test_text_cap_names_the_reason(tmp_path: Path) -> None:
    """Text just over the extraction cap is refused after decoding, with the character count."""
    from fazhi.loaders.base import MAX_TEXT_CHARS

    path = tmp_path / "long.txt"
    path.write_text("法治" * (MAX_TEXT_CHARS // 2 + 1), encoding="utf-8")
    with pytest.raises(LoadError, match=r"too large: [\d,]+ characters of text > extraction cap"):
        load(path)


def test_a_bad_sources_file_names_the_file_and_line(tmp_path: Path) -> None:
    from fazhi.ingest import load_sources

    good = tmp_path / "SOURCES.tsv"
    good.write_text("file\taddress\tnote\n001.txt\thttps://a.example/1.html\tx\n", encoding="utf-8")
    assert load_sources(good) == {"001.txt": "https://a.example/1.html"}
    bad = tmp_path / "bad.tsv"
    bad.write_text("001.txt\thttps://a.example/1.html\n002.txt\t/home/me/002.txt\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:2: expected"):
        load_sources(bad)
    done = subprocess.run([sys.executable, "-m", "fazhi.cli", "ingest", str(tmp_path), "--sources", str(bad),
                           "--db", str(tmp_path / "g.lbdb")], capture_output=True, text=True)
    assert done.returncode == 2 and "bad.tsv:2" in done.stderr
