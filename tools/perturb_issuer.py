"""How robust report issuer and region extraction is to the shape of a web page.

    PYTHONPATH=... python3 tools/perturb_issuer.py [--verbose] [--only NAME[,NAME]]

Takes every tuning text whose gold issuer is known (the seeds, the tune half of realdev,
tests/gold/realextra..realextra5), applies each of a set of independent, realistic page
transformations (a site banner and breadcrumb, metadata rows, 打印 关闭 lines, a title wrapped
over two lines or moved into a 标题: row, spaces inside names, Traditional characters, a title
without punctuation, a signature block instead of a title, half-width marks, minimal HTML),
extracts the perturbed text, and counts the issuers and regions lost (or gained) relative to the
unperturbed text. Never reads held-out texts (realdev/check, realextra6).
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

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@dataclass(slots=True)
class Sample:
    name: str
    text: str
    agency: str
    region: str | None
    title: str | None = None  # the title as the unperturbed extraction finds it (normalised)


def samples() -> list[Sample]:
    """The tuning texts with a gold issuer: seeds, realdev tune, realextra..realextra5."""
    out = []
    gold_jsons = [(p, SHARED / "seeds" / json.loads(p.read_text())["source"])
                  for p in sorted((REPO / "tests/gold").glob("*.json"))]
    gold_jsons += [(p, SHARED / "realdev" / json.loads(p.read_text())["source"])
                   for p in sorted((REPO / "tests/gold/realdev/tune").glob("*.json"))]
    for gold, path in gold_jsons:
        report = json.loads(gold.read_text())["report"]
        if report.get("agency"):
            out.append(Sample(path.parent.name + "/" + path.name, path.read_text(encoding="utf-8"),
                              report["agency"], report.get("region")))
    for folder in ("realextra", "realextra2", "realextra3", "realextra4", "realextra5"):
        base = REPO / "tests/gold" / folder
        with (base / "GOLD.tsv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                if row["agency"]:
                    out.append(Sample(f"{folder}/{row['file']}", (base / row["file"]).read_text(encoding="utf-8"),
                                      row["agency"], row["region"] or None))
    return out


def run(text: str, suffix: str = ".txt") -> tuple[str | None, str | None, str | None]:
    """(agency, region, title) extracted from `text` saved as a temporary file."""
    with tempfile.NamedTemporaryFile("w", suffix=suffix, encoding="utf-8", delete=True) as handle:
        handle.write(text)
        handle.flush()
        report = extract(load(handle.name)).report
    return report.agency, report.region, report.title


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


def banner(sample: Sample, rng: random.Random) -> str:
    return ("政府门户网站 | 适老版 | 无障碍 | English\n登录 注册\n"
            "当前位置：首页 > 政务公开 > 法治政府建设 > 正文\n\n" + sample.text)


def metadata_rows(sample: Sample, rng: random.Random) -> str:
    rows = f"发布时间：2023-03-{rng.randint(10, 28)} 10:21  来源：本网  浏览次数：{rng.randint(50, 900)}\n"
    span = title_span(sample)
    if span is None:
        return rows + sample.text
    return sample.text[:span[1]] + "\n" + rows + sample.text[span[1]:]


def print_close(sample: Sample, rng: random.Random) -> str:
    span = title_span(sample)
    top = "【字体：大 中 小】 打印 关闭\n"
    body = sample.text if span is None else sample.text[:span[1]] + "\n" + top + sample.text[span[1]:]
    start = top if span is None else ""
    return start + body + "\n\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n"


def wrap_title(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title or len(title) < 8:
        return None
    cut = rng.randint(4, len(title) - 4)
    return _replace_title(sample, title[:cut] + "\n" + title[cut:])


def title_row(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title:
        return None
    text = _replace_title(sample, "")
    return f"标题：{title}\n发布日期：2023-03-28  来源：本网\n" + (text or "")


def spaced_title(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title:
        return None
    return _replace_title(sample, " ".join(title))


def space_in_agency(sample: Sample, rng: random.Random) -> str | None:
    """某某县 司法局: a space after the region part of every mention of the gold issuer."""
    agency = sample.agency
    cut = next((m.end() for m in re.finditer(r"[省市县区州旗]", agency) if 1 < m.end() < len(agency) - 1), None)
    if cut is None or agency not in sample.text:
        return None
    return sample.text.replace(agency, agency[:cut] + " " + agency[cut:])


def break_in_agency(sample: Sample, rng: random.Random) -> str | None:
    """A line break inside the first mention of the gold issuer (PDF/page layout)."""
    agency = sample.agency
    at = sample.text.find(agency)
    if at < 0 or len(agency) < 4:
        return None
    cut = at + len(agency) // 2
    return sample.text[:cut] + "\n" + sample.text[cut:]


def traditional(sample: Sample, rng: random.Random) -> str:
    return _S2T.convert(sample.text)


_TITLE_PUNCT_RE = re.compile(r"[()（）“”\"《》〈〉、,，·\-—]")


def title_no_punct(sample: Sample, rng: random.Random) -> str | None:
    title = _title_text(sample)
    if not title or not _TITLE_PUNCT_RE.search(title):
        return None
    return _replace_title(sample, _TITLE_PUNCT_RE.sub("", title))


def signature_no_title(sample: Sample, rng: random.Random) -> str | None:
    """No title; the report ends with its issuer and date instead (if it has no signature yet)."""
    if re.search(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", sample.text.strip()):
        return None
    text = _replace_title(sample, "") if sample.title else sample.text
    return (text or "").rstrip() + f"\n\n{sample.agency}\n2023年3月{rng.randint(1, 28)}日\n"


_HALF = str.maketrans({"（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "【": "[", "】": "]",
                       **{chr(0xFF10 + d): str(d) for d in range(10)}})
_FULL = str.maketrans({**{str(d): chr(0xFF10 + d) for d in range(10)}, "(": "（", ")": "）"})


def half_width(sample: Sample, rng: random.Random) -> str:
    return sample.text.translate(_HALF)


def full_width_digits(sample: Sample, rng: random.Random) -> str:
    return sample.text.translate(_FULL)


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
            + "<div class='info'>发布时间：2023-03-28 来源：本网</div>"
            + f"<div class='content'>{paragraphs}</div><div>打印 关闭</div></body></html>")


TRANSFORMS: dict[str, tuple[Callable[[Sample, random.Random], str | None], str]] = {
    "banner": (banner, ".txt"),
    "metadata_rows": (metadata_rows, ".txt"),
    "print_close": (print_close, ".txt"),
    "wrap_title": (wrap_title, ".txt"),
    "title_row": (title_row, ".txt"),
    "spaced_title": (spaced_title, ".txt"),
    "space_in_agency": (space_in_agency, ".txt"),
    "break_in_agency": (break_in_agency, ".txt"),
    "traditional": (traditional, ".txt"),
    "title_no_punct": (title_no_punct, ".txt"),
    "signature_no_title": (signature_no_title, ".txt"),
    "half_width": (half_width, ".txt"),
    "full_width_digits": (full_width_digits, ".txt"),
    "guan_yu_title": (guan_yu_title, ".txt"),
    "html": (html, ".html"),
}


def _same(gold: str | None, got: str | None) -> bool:
    """As the evaluation scores it: qualified names match their short forms (东阳市 ~ 金华市东阳市)."""
    return same_value(gold, got, qualified=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print every lost issuer")
    parser.add_argument("--only", help="comma-separated transformation names")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    names = args.only.split(",") if args.only else list(TRANSFORMS)
    base = []
    for sample in samples():
        agency, region, title = run(sample.text)
        sample.title = title
        base.append((sample, _same(sample.agency, agency), _same(sample.region, region)))
    print(f"{len(base)} texts; unperturbed issuer right {sum(a for _, a, _ in base)}, "
          f"region right {sum(r for _, _, r in base)}")
    print(f"{'transformation':20} {'applied':>7} {'issuer lost':>11} {'gained':>6} {'region lost':>11} {'gained':>6}")
    for name in names:
        transform, suffix = TRANSFORMS[name]
        rng = random.Random(args.seed)
        applied = lost = gained = region_lost = region_gained = 0
        for sample, agency_ok, region_ok in base:
            text = transform(sample, rng)
            if text is None:
                continue
            applied += 1
            agency, region, _ = run(text, suffix)
            agency_now, region_now = _same(sample.agency, agency), _same(sample.region, region)
            lost += agency_ok and not agency_now
            gained += not agency_ok and agency_now
            region_lost += region_ok and not region_now
            region_gained += not region_ok and region_now
            if args.verbose and ((agency_ok and not agency_now) or (region_ok and not region_now)):
                print(f"  {name}\t{sample.name}\tgold={sample.agency}/{sample.region}\tgot={agency}/{region}")
        print(f"{name:20} {applied:7} {lost:11} {gained:6} {region_lost:11} {region_gained:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
