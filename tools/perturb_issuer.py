"""How robust report metadata (issuer, region, year, doc_type, date) is to the shape of a web page.

    PYTHONPATH=... python3 tools/perturb_issuer.py [--verbose] [--only NAME[,NAME]] [--every N]

Takes every tuning text whose issuer the extractor gets right unperturbed (the seeds, the tune half
of realdev, tests/gold/realextra..realextra16), applies each of a set of independent
transformations that real government sites produce (banners and breadcrumbs, 字号 大 中 小 and 打印
关闭 lines, 来源/发布时间/浏览次数 rows, 索引号/主题分类/发文机关/成文日期 tables in several orders and
formats, the title repeated, wrapped, moved into a 标题: row or missing, the signature block removed
or moved under the title, half-/full-width marks swapped, blank lines and indentation, lines broken
mid-sentence, Traditional characters, minimal HTML), extracts the perturbed text and counts, per
field, the texts whose right value is lost. Never reads held-out texts (realdev/check, realextra17).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import opencc

from fazhi.evaluate import same_value
from fazhi.extraction.pipeline import extract
from fazhi.loaders import load
from fazhi.loaders.text import text_document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


FIELDS = ("agency", "region", "year", "doc_type", "date")
TSV_SETS = ("realextra", *(f"realextra{n}" for n in range(2, 17)))  # realextra16 is tune material since session 15


@dataclass(slots=True)
class Sample:
    name: str
    text: str
    gold: dict[str, object]  # FIELDS as the gold gives them; date only where a JSON gold records it
    title: str | None = None  # the title as the unperturbed extraction finds it (normalised)

    @property
    def agency(self) -> str | None:
        return self.gold.get("agency")  # type: ignore[return-value]

    @property
    def region(self) -> str | None:
        return self.gold.get("region")  # type: ignore[return-value]

    @property
    def date(self) -> str | None:
        return self.gold.get("date")  # type: ignore[return-value]


def _json_samples(folder: Path, corpus: Path) -> list[Sample]:
    out = []
    for gold in sorted(folder.glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        path = corpus / data["source"]
        report = data["report"]
        out.append(Sample(f"{corpus.name}/{path.name}", path.read_text(encoding="utf-8"),
                          {f: report.get(f) for f in FIELDS}))
    return out


def _tsv_samples(base: Path) -> list[Sample]:
    out = []
    with (base / "GOLD.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            gold: dict[str, object] = {"agency": row["agency"] or None, "region": row["region"] or None,
                                       "year": int(row["year"]) if row["year"].isdigit() else None,
                                       "doc_type": row["doc_type"] or None}
            out.append(Sample(f"{base.name}/{row['file']}", (base / row["file"]).read_text(encoding="utf-8"), gold))
    return out


def samples() -> list[Sample]:
    """The tuning texts: seeds, realdev tune, realextra..realextra16 (entities JSON where a set has it,
    for the date; else its GOLD.tsv). Never realdev/check or realextra17."""
    out = _json_samples(REPO / "tests/gold", SHARED / "seeds")
    out += _json_samples(REPO / "tests/gold/realdev/tune", SHARED / "realdev")
    for folder in TSV_SETS:
        base = REPO / "tests/gold" / folder
        out += _json_samples(base / "entities", base) if (base / "entities").is_dir() else _tsv_samples(base)
    return out


def run(text: str, suffix: str = ".txt") -> dict[str, object]:
    """The report fields (FIELDS and title) extracted from `text` as a file with `suffix` would give them."""
    if suffix == ".txt":
        loaded = text_document("r.txt", text)
    else:
        with tempfile.NamedTemporaryFile("w", suffix=suffix, encoding="utf-8", delete=True) as handle:
            handle.write(text)
            handle.flush()
            loaded = load(handle.name)
    report = extract(loaded).report
    return {f: getattr(report, f) for f in (*FIELDS, "title")}


# --- transformations: (sample, rng) -> perturbed text, or None when it does not apply -----------

_SQUASH_RE = re.compile(r"\s+")


def title_span(sample: Sample) -> tuple[int, int] | None:
    """Start and end of the raw lines holding the extracted title (a wrapped title spans two)."""
    if not sample.title:
        return None
    text = sample.text
    head = sample.title[:6]
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines[:60]):
        squashed = _SQUASH_RE.sub("", _t2s_line(line)).replace("（", "(").replace("）", ")")
        if head and head in squashed:
            end = pos + len(line)
            if not squashed.endswith(sample.title[-3:]) and i + 1 < len(lines):
                end += 1 + len(lines[i + 1])
            return pos, end
        pos += len(line) + 1
    return None


_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")


def _t2s_line(line: str) -> str:
    return _T2S.convert(line)


def _title_text(sample: Sample) -> str | None:
    span = title_span(sample)
    return sample.text[span[0]:span[1]].replace("\n", "").strip() if span else None


def _replace_title(sample: Sample, new: str) -> str | None:
    span = title_span(sample)
    if span is None:
        return None
    return sample.text[:span[0]] + new + sample.text[span[1]:]


def _posted(sample: Sample, rng: random.Random) -> str | None:
    """A page's publication date: the report's own date where the gold knows it (so a date row never
    changes the right answer), else a spring date of the year after a report's year (a plan's own year);
    None for a text the gold gives no year, whose page would date it."""
    if sample.date:
        return str(sample.date)
    year = sample.gold.get("year")
    if not isinstance(year, int):
        return None
    return f"{year + (sample.gold.get('doc_type') == '年度报告')}-03-{rng.randint(10, 28):02d}"


def _dated(label: str, sample: Sample, rng: random.Random) -> str:
    """`label`：date, or nothing when the text may carry no date."""
    posted = _posted(sample, rng)
    return f"{label}：{posted}" if posted else ""


_BREADCRUMBS = ("当前位置：首页 > 政务公开 > 法治政府建设 > 正文", "您现在的位置：首页 > 信息公开 > 法定主动公开内容 > 其他法定主动公开内容",
                "当前位置: 首页>>政务公开>>法治政府建设年度报告", "首页 / 政府信息公开 / 法治政府建设",
                "您当前所在位置：首页 » 政务公开 » 重点领域信息公开 » 法治政府建设")


def banner(sample: Sample, rng: random.Random) -> str:
    return ("政府门户网站 | 适老版 | 无障碍 | English\n登录 注册\n" + rng.choice(_BREADCRUMBS) + "\n\n" + sample.text)


def metadata_rows(sample: Sample, rng: random.Random) -> str:
    rows = f"{_dated('发布时间', sample, rng)}  来源：本网  浏览次数：{rng.randint(50, 900)}\n"
    span = title_span(sample)
    if span is None:
        return rows + sample.text
    return sample.text[:span[1]] + "\n" + rows + sample.text[span[1]:]


def print_close(sample: Sample, rng: random.Random) -> str:
    span = title_span(sample)
    top = rng.choice(("【字体：大 中 小】 打印 关闭", "字号：大 中 小", "[ 小 中 大 ]  打印本页  关闭窗口", "字体：【大】【中】【小】")) + "\n"
    body = sample.text if span is None else sample.text[:span[1]] + "\n" + top + sample.text[span[1]:]
    start = top if span is None else ""
    return start + body + "\n\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n"


# A 政府信息公开 page's metadata table, as sites write it. Labels: data/page_clutter.tsv's.
_TABLE_STYLES = ("colon", "pairs", "pipe", "cells", "spaced")


def _table_rows(sample: Sample, rng: random.Random) -> list[tuple[str, str]]:
    rows = [("索引号", f"{rng.randint(10000000, 99999999)}/{(_posted(sample, rng) or '2023')[:4]}-"
                       f"{rng.randint(1, 99999):05d}"),
            ("主题分类", rng.choice(("综合政务", "政务公开", "其他", "司法"))),
            ("公开方式", "主动公开")]
    if sample.agency:
        rows.append((rng.choice(("发文机关", "发布机构", "发布单位")), str(sample.agency)))
    if sample.date:
        rows.append((rng.choice(("成文日期", "发文日期")), str(sample.date)))
        rows.append(("发布日期", str(sample.date)))
    rng.shuffle(rows)
    return rows


def _format_table(rows: list[tuple[str, str]], style: str) -> str:
    if style == "colon":
        return "\n".join(f"{label}：{value}" for label, value in rows)
    if style == "pairs":  # two cells to a line, as a two-column table squashes
        pairs = [f"{label}：{value}" for label, value in rows]
        return "\n".join("  ".join(pairs[i:i + 2]) for i in range(0, len(pairs), 2))
    if style == "pipe":
        return "\n".join(f"{label}: | {value} |" for label, value in rows)
    if style == "cells":  # every table cell on a line of its own
        return "\n".join(f"{label}\n{value}" for label, value in rows)
    return "\n".join(f" {' '.join(label)}  {value}" for label, value in rows)  # 索 引 号  X, no colon


def metadata_table(sample: Sample, rng: random.Random) -> str:
    """The 索引号/主题分类/发文机关/成文日期 table of a 信息公开 page, its rows in any order, in one of the
    formats a page's text export gives it, above the title or between it and the body."""
    table = _format_table(_table_rows(sample, rng), rng.choice(_TABLE_STYLES)) + "\n"
    span = title_span(sample)
    if span is None or rng.random() < 0.5:
        return table + sample.text
    return sample.text[:span[1]] + "\n" + table + sample.text[span[1]:]


def title_twice(sample: Sample, rng: random.Random) -> str | None:
    """The title in the page's header bar and again as the article heading."""
    title = _title_text(sample)
    if not title:
        return None
    return _replace_title(sample, f"{title}\n\n{title}")


def wrap_title(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title or len(title) < 8:
        return None
    cut = rng.randint(4, len(title) - 4)
    return _replace_title(sample, title[:cut] + "\n" + title[cut:])


def no_title(sample: Sample, rng: random.Random) -> str | None:
    """A page that shows the title only in its browser tab: the text starts with the body."""
    return _replace_title(sample, "") if _title_text(sample) else None


def title_row(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title:
        return None
    text = _replace_title(sample, "")
    return f"标题：{title}\n{_dated('发布日期', sample, rng)}  来源：本网\n" + (text or "")


def source_row(sample: Sample, rng: random.Random) -> str:
    """来源/发布时间/浏览次数 under the title, 来源 naming the site or a bare department that posted it."""
    source = rng.choice(("本网", "本站", "司法局", "政府办", "区司法局"))
    row = f"来源：{source}  {_dated('发布时间', sample, rng)}  浏览次数：{rng.randint(10, 3000)}\n"
    span = title_span(sample)
    return row + sample.text if span is None else sample.text[:span[1]] + "\n" + row + sample.text[span[1]:]


def spaced_title(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title:
        return None
    return _replace_title(sample, " ".join(title))


def space_in_agency(sample: Sample, rng: random.Random) -> str | None:
    """某某县 司法局: a space after the region part of every mention of the gold issuer."""
    agency = sample.agency
    if not agency:
        return None
    cut = next((m.end() for m in re.finditer(r"[省市县区州旗]", agency) if 1 < m.end() < len(agency) - 1), None)
    if cut is None or agency not in sample.text:
        return None
    return sample.text.replace(agency, agency[:cut] + " " + agency[cut:])


def break_in_agency(sample: Sample, rng: random.Random) -> str | None:
    """A line break inside the first mention of the gold issuer (PDF/page layout)."""
    agency = sample.agency
    at = sample.text.find(agency) if agency else -1
    if at < 0 or len(agency or "") < 4:
        return None
    cut = at + len(agency or "") // 2
    return sample.text[:cut] + "\n" + sample.text[cut:]


def traditional(sample: Sample, rng: random.Random) -> str:
    return _S2T.convert(sample.text)


_TITLE_PUNCT_RE = re.compile(r"[()（）“”\"《》〈〉、,，·\-—]")


def title_no_punct(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title or not _TITLE_PUNCT_RE.search(title):
        return None
    return _replace_title(sample, _TITLE_PUNCT_RE.sub("", title))


_SIGNATURE_RE = re.compile(r"\n[^\n。，,；;:：]{2,40}\n+\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
                           r"|(?:19|20)\d{2}[.\-/]\d{1,2}[.\-/]\d{1,2})\s*$")


def _signature(sample: Sample) -> re.Match[str] | None:
    return _SIGNATURE_RE.search(sample.text.rstrip())


def signature_no_title(sample: Sample, rng: random.Random) -> str | None:
    """No title; the report ends with its issuer and date instead (if it has no signature yet)."""
    day = _posted(sample, rng)
    if not sample.agency or _signature(sample) or day is None:
        return None
    text = _replace_title(sample, "") if sample.title else sample.text
    y, m, d = (int(x) for x in day.split("-"))
    return (text or "").rstrip() + f"\n\n{sample.agency}\n{y}年{m}月{d}日\n"


def signature_removed(sample: Sample, rng: random.Random) -> str | None:
    """A page that drops the signature block (issuer line and date) of the printed report."""
    match = _signature(sample)
    return sample.text.rstrip()[:match.start()] + "\n" if match else None


def signature_moved(sample: Sample, rng: random.Random) -> str | None:
    """The signature block printed under the title instead of at the end (issuer line, date in brackets)."""
    match = _signature(sample)
    span = title_span(sample)
    if match is None or span is None:
        return None
    name, date = match.group(0).strip().split("\n", 1)[0], match.group(1).strip()
    text = sample.text.rstrip()[:match.start()] + "\n"
    return text[:span[1]] + f"\n{name}\n（{date}）\n" + text[span[1]:]


_HALF = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "【": "[", "】": "]",
                       **{chr(0xFF10 + d): str(d) for d in range(10)}})
_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "(": "（", ")": "）"})
_FULL_PUNCT = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；", "[": "【", "]": "】", "?": "？"})


def half_width(sample: Sample, rng: random.Random) -> str:
    return sample.text.translate(_HALF)


def full_width_digits(sample: Sample, rng: random.Random) -> str:
    return sample.text.translate(_FULL)


def full_width_punct(sample: Sample, rng: random.Random) -> str:
    """An editor's full-width marks where the text had half-width ones (digits and dates left alone)."""
    return sample.text.translate(_FULL_PUNCT)


def blank_lines(sample: Sample, rng: random.Random) -> str:
    """Every paragraph followed by an empty one, and 　　 indentation, as a CMS's <p> export gives it."""
    return "\n\n".join("　　" + line.strip() if line.strip() else "" for line in sample.text.split("\n"))


def hard_wrap(sample: Sample, rng: random.Random) -> str:
    """Lines broken mid-sentence at a fixed width, as a PDF's or a fixed-width page's text gives them."""
    width = rng.randint(30, 40)
    out = []
    for line in sample.text.split("\n"):
        out += [line[i:i + width] for i in range(0, len(line), width)] or [""]
    return "\n".join(out)


def guan_yu_title(sample: Sample, rng: random.Random) -> str | None:
    """关于X2022年法治政府建设工作情况的报告: the title rewritten in the 关于…的报告 form."""
    title = _title_text(sample)
    if not title or "关于" in title or not title.endswith(("报告", "情况")):
        return None
    core = re.sub(r"(?:年度)?(?:工作)?(?:情况)?(?:的)?(?:报告|情况)$", "", title)
    return _replace_title(sample, f"关于{core}工作情况的报告")


def html(sample: Sample, rng: random.Random) -> str:
    title = _title_text(sample)
    body = _replace_title(sample, "") if title else sample.text
    paragraphs = "".join(f"<p>{p}</p>\n" for p in (body or "").split("\n") if p.strip())
    return ("<html><head><meta charset='utf-8'><title>" + (title or "法治政府建设") + "_政府门户网站</title></head>"
            "<body><div class='nav'>首页 &gt; 政务公开 &gt; 法治政府建设</div>"
            + (f"<h1>{title}</h1>" if title else "")
            + f"<div class='info'>{_dated('发布时间', sample, rng)} 来源：本网</div>"
            + f"<div class='content'>{paragraphs}</div><div>打印 关闭</div></body></html>")


Transform = Callable[[Sample, random.Random], str | None]

# name -> (transformation, file suffix, whether it writes a date row of its own)
TRANSFORMS: dict[str, tuple[Transform, str, bool]] = {
    "banner": (banner, ".txt", False),
    "metadata_rows": (metadata_rows, ".txt", True),
    "metadata_table": (metadata_table, ".txt", False),
    "source_row": (source_row, ".txt", True),
    "print_close": (print_close, ".txt", False),
    "wrap_title": (wrap_title, ".txt", False),
    "title_twice": (title_twice, ".txt", False),
    "no_title": (no_title, ".txt", False),
    "title_row": (title_row, ".txt", True),
    "spaced_title": (spaced_title, ".txt", False),
    "space_in_agency": (space_in_agency, ".txt", False),
    "break_in_agency": (break_in_agency, ".txt", False),
    "traditional": (traditional, ".txt", False),
    "title_no_punct": (title_no_punct, ".txt", False),
    "signature_no_title": (signature_no_title, ".txt", True),
    "signature_removed": (signature_removed, ".txt", False),
    "signature_moved": (signature_moved, ".txt", False),
    "half_width": (half_width, ".txt", False),
    "full_width_digits": (full_width_digits, ".txt", False),
    "full_width_punct": (full_width_punct, ".txt", False),
    "blank_lines": (blank_lines, ".txt", False),
    "hard_wrap": (hard_wrap, ".txt", False),
    "guan_yu_title": (guan_yu_title, ".txt", False),
    "html": (html, ".html", True),
}


def right(sample: Sample, field: str, got: dict[str, object]) -> bool | None:
    """Whether `got` has the gold value of `field` (qualified names match their short forms, 东阳市 ~
    金华市东阳市, as the evaluation scores them); None when the gold does not record the field."""
    if field not in sample.gold:
        return None
    return same_value(sample.gold[field], got[field], qualified=field in ("agency", "region"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print every field lost")
    parser.add_argument("--only", help="comma-separated transformation names")
    parser.add_argument("--every", type=int, default=1, help="take every N-th text only (a quicker run)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(TRANSFORMS)
    base = []
    for sample in samples()[::args.every]:
        got = run(sample.text)
        sample.title = got["title"]  # type: ignore[assignment]
        if right(sample, "agency", got):  # the texts whose issuer is right: a loss there is the layout's
            base.append((sample, {f: right(sample, f, got) for f in FIELDS}))
    print(f"{len(base)} texts with the issuer right unperturbed; other fields right: "
          + ", ".join(f"{f} {sum(bool(ok[f]) for _, ok in base)}" for f in FIELDS[1:]))
    print(f"{'transformation':20} {'applied':>7} " + " ".join(f"{f + ' lost':>13}" for f in FIELDS))
    totals = dict.fromkeys(FIELDS, 0)
    for name in names:
        transform, suffix, dates = TRANSFORMS[name]
        rng = random.Random(args.seed)
        applied, lost = 0, dict.fromkeys(FIELDS, 0)
        for sample, ok in base:
            text = transform(sample, rng)
            if text is None:
                continue
            applied += 1
            got = run(text, suffix)
            for field in FIELDS:
                if field == "date" and dates and not sample.date:
                    continue  # the transformation dated a page the gold leaves undated
                if ok[field] and not right(sample, field, got):
                    lost[field] += 1
                    if args.verbose:
                        print(f"  {name}\t{sample.name}\t{field}\tgold={sample.gold[field]}\tgot={got[field]}")
        for field in FIELDS:
            totals[field] += lost[field]
        print(f"{name:20} {applied:7} " + " ".join(f"{lost[f]:13}" for f in FIELDS))
    print(f"{'total lost':20} {'':7} " + " ".join(f"{totals[f]:13}" for f in FIELDS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
