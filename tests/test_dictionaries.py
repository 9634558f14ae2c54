"""The dictionaries in data/ parse, stay consistent, and hold the facts the issue states.

The expected mappings below come from the task description and ANNOTATION.md (official titles,
official abbreviations), not from the data files, so a wrong edit of a data file fails here.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from fazhi.extraction import dictionaries as d
from fazhi.model import AGENCY_LEVELS, LAW_CATEGORIES, MEASURE_KINDS

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = (
    "laws.tsv", "measures.tsv", "agency_abbreviations.tsv", "agency_suffixes.tsv",
    "agency_generic.tsv", "agency_excluded.tsv", "province_abbreviations.tsv", "agency_organs.tsv",
    "party_committee_bodies.tsv", "national_bodies.tsv",
)


@pytest.fixture(autouse=True)
def repo_data(monkeypatch):
    """Tests read the shipped data/ unless they set FAZHI_DATA_DIR themselves."""
    monkeypatch.delenv("FAZHI_DATA_DIR", raising=False)


def resolver(entries) -> dict[str, set[str]]:
    """Every surface form (name or alias) -> the canonical names claiming it."""
    out: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        for form in (e.name, *e.aliases):
            out[form].add(e.name)
    return out


def resolve(entries, form: str) -> str:
    names = resolver(entries).get(form, set())
    assert len(names) == 1, f"{form!r} resolves to {names or 'nothing'}"
    return next(iter(names))


# --- every file parses and is documented -------------------------------------------------------


@pytest.mark.parametrize("name", FILES)
def test_file_has_source_header_and_tabs(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert header, f"{name} must start with '#' comment lines"
    assert any("Source" in h for h in header), f"{name} header must name its source"
    assert any("Extending" in h for h in header), f"{name} header must say how to extend it"
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    assert body and all("\t" in ln for ln in body), f"{name}: every entry is tab-separated"
    assert not any(ln != ln.strip() for ln in body), f"{name}: no stray leading/trailing whitespace"


def test_all_loaders_parse_with_expected_sizes():
    laws = d.load_laws()
    by_cat = defaultdict(int)
    for law in laws:
        by_cat[law.category] += 1
    assert by_cat["法律"] >= 250, "the national laws in force should be covered broadly"
    assert by_cat["行政法规"] >= 120
    assert by_cat["党内法规"] >= 10
    assert len(d.load_measures()) >= 120
    assert len(d.load_agency_abbreviations()) >= 80
    assert len(d.load_agency_suffixes()) >= 30
    assert len(d.load_agency_generic()) >= 20
    assert len(d.load_agency_excluded()) >= 20


# --- consistency ---------------------------------------------------------------------------------


def test_categories_and_kinds_are_allowed():
    assert {law.category for law in d.load_laws()} <= set(LAW_CATEGORIES)
    assert {m.kind for m in d.load_measures()} <= set(MEASURE_KINDS)
    assert {s.kind for s in d.load_agency_suffixes()} <= set(d.AGENCY_KINDS)
    assert {s.level for s in d.load_agency_suffixes() if s.level} <= set(AGENCY_LEVELS)


@pytest.mark.parametrize("loader", [d.load_laws, d.load_measures])
def test_no_duplicate_names_and_no_alias_claimed_twice(loader):
    entries = loader()
    names = [e.name for e in entries]
    assert len(names) == len(set(names))
    clashes = {form: names for form, names in resolver(entries).items() if len(names) > 1}
    assert clashes == {}


def test_statutes_have_issuers_and_clean_titles():
    for law in d.load_laws():
        if law.category in ("宪法", "法律", "行政法规", "监察法规", "党内法规", "部门规章"):
            assert law.issuer, law.name
        for form in (law.name, *law.aliases):
            assert not form.startswith("《") and not form.endswith("》"), form
            assert "（" not in form and "）" not in form, f"full-width parenthesis in {form}"
            assert "—" not in form and '"' not in form, form


def test_measure_parents_exist_and_punctuation_is_normalised():
    measures = d.load_measures()
    names = {m.name for m in measures}
    for m in measures:
        assert m.parent is None or m.parent in names, f"{m.name}: unknown parent {m.parent}"
        assert m.parent != m.name
        for form in (m.name, *m.aliases):
            assert '"' not in form and "（" not in form and "＋" not in form, form


def test_generic_and_excluded_agencies_do_not_overlap():
    assert not set(d.load_agency_generic()) & set(d.load_agency_excluded())


# --- facts stated in the issue / ANNOTATION.md ---------------------------------------------------


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("行政处罚法", "中华人民共和国行政处罚法"),
        ("中华人民共和国行政处罚法", "中华人民共和国行政处罚法"),
        ("保密法", "中华人民共和国保守国家秘密法"),
        ("反电信网络诈骗法", "中华人民共和国反电信网络诈骗法"),
        ("反诈法", "中华人民共和国反电信网络诈骗法"),
        ("民法典", "中华人民共和国民法典"),
        ("公务员法", "中华人民共和国公务员法"),
        ("反分裂国家法", "反分裂国家法"),
        ("政府信息公开条例", "中华人民共和国政府信息公开条例"),
        ("优化营商环境条例", "优化营商环境条例"),
    ],
)
def test_law_aliases(form, canonical):
    assert resolve(d.load_laws(), form) == canonical


@pytest.mark.parametrize(
    ("name", "category", "issuer"),
    [
        ("中华人民共和国宪法", "宪法", None),
        ("中华人民共和国行政处罚法", "法律", None),
        ("优化营商环境条例", "行政法规", "国务院"),
        ("重大行政决策程序暂行条例", "行政法规", "国务院"),
        ("行政执法机关移送涉嫌犯罪案件的规定", "行政法规", "国务院"),
        ("中国共产党章程", "党内法规", None),
        ("党政主要负责人履行推进法治建设第一责任人职责规定", "党内法规", None),
        ("法治政府建设与责任落实督察工作规定", "党内法规", None),
        ("中国共产党纪律处分条例", "党内法规", "中共中央"),
        ("法治政府建设实施纲要(2015-2020年)", "规划纲要", "中共中央、国务院"),
        ("法治政府建设实施纲要(2021-2025年)", "规划纲要", "中共中央、国务院"),
        ("法治中国建设规划(2020-2025年)", "规划纲要", "中共中央"),
        ("法治社会建设实施纲要(2020-2025年)", "规划纲要", "中共中央"),
        ("国务院办公厅关于推广随机抽查规范事中事后监管的通知", "规范性文件", "国务院办公厅"),
        ("国务院关于在市场体系建设中建立公平竞争审查制度的意见", "规范性文件", "国务院"),
        ("关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见", "规范性文件", None),
        ("中共中央、国务院转发《中央宣传部、司法部关于开展法治宣传教育的第八个五年规划(2021-2025年)》的通知",
         "规范性文件", "中共中央、国务院"),
    ],
)
def test_key_documents_present(name, category, issuer):
    entry = {law.name: law for law in d.load_laws()}.get(name)
    assert entry is not None, f"missing {name}"
    assert entry.category == category
    if issuer:
        assert entry.issuer == issuer


def test_national_laws_issued_by_npc_or_its_standing_committee():
    npc = {"全国人民代表大会", "全国人民代表大会常务委员会"}
    laws = {law.name: law for law in d.load_laws()}
    assert laws["中华人民共和国民法典"].issuer == "全国人民代表大会"
    assert laws["中华人民共和国行政许可法"].issuer == "全国人民代表大会常务委员会"
    assert all(law.issuer in npc for law in laws.values() if law.category == "法律")


def test_ambiguous_short_name_gangyao_is_not_an_alias():
    assert "纲要" not in resolver(d.load_laws())


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("双随机一公开", "双随机、一公开"),
        ("“双随机”抽查", "双随机、一公开"),
        ("双随机抽查", "双随机、一公开"),
        ("双随机、一公开", "双随机、一公开"),
        ("互联网+监管", "互联网+监管"),
        ("行政执法“三项制度”", "行政执法“三项制度”"),
    ],
)
def test_measure_aliases(form, canonical):
    assert resolve(d.load_measures(), form) == canonical


def test_three_systems_have_their_parent():
    by_name = {m.name: m for m in d.load_measures()}
    for part in ("行政执法公示制度", "执法全过程记录制度", "重大执法决定法制审核制度"):
        assert by_name[part].parent == "行政执法“三项制度”"


@pytest.mark.parametrize(
    "form",
    [
        "权责清单制度", "行政许可事项清单", "证明事项告知承诺制", "包容审慎监管", "首违不罚",
        "行政执法责任制", "行政裁量权基准制度", "法律顾问制度", "公职律师制度", "合法性审查",
        "重大行政决策程序", "规范性文件备案审查", "行政复议", "行政应诉", "行政机关负责人出庭应诉",
        "政务公开", "政府信息公开", "12345政务服务便民热线", "“放管服”改革", "一网通办", "最多跑一次",
        "跨省通办", "跨域通办", "信用修复", "信用承诺", "谁执法谁普法", "“八五”普法", "以案释法",
        "宪法宣誓制度", "12·4国家宪法日", "宪法宣传周", "民法典宣传月", "法治政府建设年度报告制度",
        "法治督察", "领导干部学法制度", "述法", "公平竞争审查制度", "市场准入负面清单制度",
        "守信联合激励和失信联合惩戒", "红黑榜", "三重一大",
    ],
)
def test_standard_measures_resolve(form):
    resolve(d.load_measures(), form)


@pytest.mark.parametrize("name", ["国家“互联网+监管”平台", "全国一体化政务服务平台", "信用中国"])
def test_platforms_are_kind_platform(name):
    assert {m.name: m.kind for m in d.load_measures()}[name] == "平台"


@pytest.mark.parametrize("theme", ["法治政府建设", "依法行政", "零跑动"])
def test_themes_and_slogans_are_not_measures(theme):
    assert theme not in resolver(d.load_measures())


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("人社局", "人力资源和社会保障局"),
        ("发改局", "发展和改革局"),
        ("发改委", "发展和改革委员会"),
        ("法制办公室", "人民政府法制办公室"),
        ("市场监管委", "市场监督管理委员会"),
        ("外事办", "人民政府外事办公室"),
        ("市场监管局", "市场监督管理局"),
        ("工信局", "工业和信息化局"),
        ("编办", "机构编制委员会办公室"),
        ("依法治市办", "全面依法治市委员会办公室"),
        ("卫健委", "卫生健康委员会"),
        ("政数局", "政务服务数据管理局"),
        ("住建局", "住房和城乡建设局"),
        ("应急局", "应急管理局"),
        ("医保局", "医疗保障局"),
    ],
)
def test_agency_abbreviations(short, full):
    assert d.load_agency_abbreviations()[short] == full


@pytest.mark.parametrize(
    ("suffix", "kind"),
    [
        ("人民政府", "government"), ("局", "government"), ("厅", "government"),
        ("人民法院", "court"), ("人民检察院", "procuratorate"),
        ("人民代表大会常务委员会", "congress"), ("党校", "party"),
        ("律师事务所", "ngo"), ("街道办事处", "township"), ("司法所", "township"),
    ],
)
def test_agency_suffix_kinds(suffix, kind):
    assert {s.suffix: s.kind for s in d.load_agency_suffixes()}[suffix] == kind


def test_generic_agencies_from_annotation_contract():
    generic = d.load_agency_generic()
    for name in ("市场监管部门", "公安机关", "教育部门", "人民法院"):
        assert name in generic


@pytest.mark.parametrize(
    "word",
    ["相关部门", "各部门", "有关单位", "各科室", "企业", "运营商", "局党组", "领导小组", "办公室", "机关党委",
     "政策法规处", "行政审批科", "局长", "分管领导", "局务会议"],
)
def test_not_agencies(word):
    assert d.is_excluded_agency(word)


@pytest.mark.parametrize("word", ["公证处", "街道办事处", "河源市人民政府办公室", "韶关市司法局", "市场监管部门"])
def test_real_agencies_are_not_excluded(word):
    assert not d.is_excluded_agency(word)


# --- the loader's contract: env override, validation with file and line -------------------------


def _write_minimal(tmp: Path, laws_body: str) -> None:
    (tmp / "laws.tsv").write_text("# test laws\n" + laws_body, encoding="utf-8")


def test_data_dir_env_override(tmp_path, monkeypatch):
    _write_minimal(tmp_path, "测试条例\t行政法规\t国务院\t测试\n")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    assert d.data_dir() == tmp_path
    laws = d.load_laws()
    assert [(x.name, x.aliases) for x in laws] == [("测试条例", ("测试",))]


@pytest.mark.parametrize(
    "body",
    [
        "甲条例\t行政法规\t国务院\n乙条例\n",  # too few columns on line 3
        "甲条例\t行政法规\t国务院\n乙条例\t不存在的类别\t国务院\n",  # unknown category
        "甲条例\t行政法规\t国务院\n甲条例\t行政法规\t国务院\n",  # duplicate name
        "甲条例\t行政法规\t国务院\n乙条例\t行政法规\t国务院\ta\tb\tc\n",  # too many columns
    ],
)
def test_malformed_line_names_file_and_line(tmp_path, monkeypatch, body):
    _write_minimal(tmp_path, body)
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match=r"laws\.tsv:3"):
        d.load_laws()


def test_malformed_measure_kind(tmp_path, monkeypatch):
    (tmp_path / "measures.tsv").write_text("# m\n甲制度\t口号\n", encoding="utf-8")
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path))
    with pytest.raises(ValueError, match=r"measures\.tsv:2"):
        d.load_measures()


def test_law_issuers_are_whole_bodies():
    """Issue 14: each issuer is one or more bodies joined with '、' (never 某某等, never two run together)."""
    from fazhi.extraction.joint_issuers import join_issuers

    for law in d.load_laws():
        if law.issuer:
            assert join_issuers(law.issuer) == law.issuer, law.name
