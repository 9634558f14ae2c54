"""Extraction rules on short hand-written reports; expected values come from ANNOTATION.md and the issues."""

import re

import pytest

from fazhi.extraction.pipeline import extract
from fazhi.loaders.text import text_document

SHAOGUAN = """韶关市市场监督管理局2022年法治政府建设年度报告
2022年，我局在市委、市政府的坚强领导下，认真贯彻《法治政府建设实施纲要(2021-2025年)》。
一、主要做法
(一)严格执法。按照《国务院办公厅关于推广随机抽查规范事中事后监管的通知》要求，全面推行“双随机、一公开”监管，联合市公安局开展专项检查，配合市司法局推进行政执法“三项制度”。
(二)普法宣传。落实《纲要》要求，学习《民法典》《保密法》《反诈法》《优化营商环境条例》和《广东省无线电管理条例》，制定了《韶关市市场监督管理局公平竞争审查制度》。
(三)组织保障。局党组专题研究，领导小组定期调度，政策法规科具体负责，相关部门协同推进。市人社局、市发改局参与“互联网+监管”。“最多跑一次”改革成效明显，“零跑动”事项增加。
(四)贯彻落实《工业和信息化部关于印发贯彻落实<法治政府建设实施纲要(2015-2020年)>实施方案的通知》。
韶关市市场监督管理局
2023年1月15日
"""


@pytest.fixture(scope="module")
def shaoguan():
    return extract(text_document("shaoguan.txt", SHAOGUAN))


def names(entities) -> set[str]:
    return {e.name for e in entities}


def test_report_metadata(shaoguan) -> None:
    meta = shaoguan.report
    assert meta.agency == "韶关市市场监督管理局"
    assert meta.region == "韶关市"
    assert meta.year == 2022
    assert meta.date == "2023-01-15"
    assert meta.doc_type == "年度报告"


def test_agencies_are_qualified_by_the_report_region(shaoguan) -> None:
    agencies = names(shaoguan.agencies)
    assert {"韶关市公安局", "韶关市司法局", "中共韶关市委员会", "韶关市人民政府"} <= agencies
    assert "韶关市人力资源和社会保障局" in agencies  # 市人社局
    assert "韶关市发展和改革局" in agencies          # 市发改局


def test_self_references_resolve_to_the_issuer(shaoguan) -> None:
    issuer = next(a for a in shaoguan.agencies if a.name == "韶关市市场监督管理局")
    assert "我局" in {m.text for m in issuer.mentions}


@pytest.mark.parametrize(("text", "department", "level_chars"), [
    ("本办法自印发之日起施行,各单位结合本部门实际抓好落实。", set(), set()),  # words, not a body speaking
    ("基本办结群众诉求,根本办法在于健全镇村两级治理。", set(), set()),  # 基本|办结, 健全|镇村
    ("我局法治建设扎实推进,本委牵头,全县各乡镇参与。", {"局", "委"}, {"县"}),
    ("我所在全镇开展普法,本所属单位参加。", set(), {"镇"}),  # 我|所在, 本|所属
])
def test_self_words_are_read_once_and_only_where_a_body_speaks(text, department, level_chars) -> None:
    from fazhi.extraction.self_words import SelfWords
    own = SelfWords(text)
    assert (set(own.department), set(own.level_chars)) == (department, level_chars)


def test_this_departments_word_is_no_mention_of_the_issuer() -> None:
    ex = extract(text_document("r.txt", "温州市人民政府2023年法治政府建设情况报告\n"
                                        "2023年,全市各部门结合本部门实际推进依法行政,本办法同时废止。\n"))
    issuer = next(a for a in ex.agencies if a.name == "温州市人民政府")
    assert not {m.text for m in issuer.mentions} & {"本部", "本办"}


def test_internal_units_groups_and_generic_words_are_not_agencies(shaoguan) -> None:
    joined = "".join(names(shaoguan.agencies))
    for word in ("党组", "领导小组", "政策法规科", "相关部门"):
        assert word not in joined


def test_law_names_are_official(shaoguan) -> None:
    laws = {law.name: law for law in shaoguan.laws}
    assert "中华人民共和国民法典" in laws
    assert "中华人民共和国保守国家秘密法" in laws
    assert "中华人民共和国反电信网络诈骗法" in laws
    assert "优化营商环境条例" in laws
    assert laws["广东省无线电管理条例"].category == "地方性法规"
    assert laws["广东省无线电管理条例"].issuer == "广东省人民代表大会常务委员会"
    assert laws["韶关市市场监督管理局公平竞争审查制度"].category == "内部制度"
    assert laws["国务院办公厅关于推广随机抽查规范事中事后监管的通知"].issuer == "国务院办公厅"


def test_back_reference_resolves_to_the_earlier_full_title(shaoguan) -> None:
    gangyao = next(law for law in shaoguan.laws if law.name == "法治政府建设实施纲要(2021-2025年)")
    assert "《纲要》" in {m.text for m in gangyao.mentions}
    assert "纲要" not in names(shaoguan.laws)


def test_nested_titles_are_two_laws_with_references(shaoguan) -> None:
    laws = names(shaoguan.laws)
    inner = "法治政府建设实施纲要(2015-2020年)"
    outer = next(name for name in laws if name.startswith("工业和信息化部关于印发"))
    assert inner in laws
    assert any(r.type == "REFERENCES" and r.source == outer and r.target == inner for r in shaoguan.relations)


def test_quoted_names_are_not_laws(shaoguan) -> None:
    assert not any("互联网" in name or "最多跑一次" in name for name in names(shaoguan.laws))


def test_measures_use_canonical_names_and_skip_slogans(shaoguan) -> None:
    measures = names(shaoguan.measures)
    assert {"双随机、一公开", "行政执法“三项制度”", "互联网+监管", "最多跑一次"} <= measures
    assert not any("零跑动" in m for m in measures)
    assert "法治政府建设" not in measures


def relations(ex, kind: str) -> set[tuple[str, str]]:
    return {(r.source, r.target) for r in ex.relations if r.type == kind}


def test_relations(shaoguan) -> None:
    issuer = "韶关市市场监督管理局"
    assert (issuer, "双随机、一公开") in relations(shaoguan, "IMPLEMENTS")
    assert all(r.year == 2022 for r in shaoguan.relations if r.type == "IMPLEMENTS")
    assert {(issuer, "韶关市公安局"), (issuer, "韶关市司法局")} <= relations(shaoguan, "COOPERATES_WITH")
    assert ("双随机、一公开", "国务院办公厅关于推广随机抽查规范事中事后监管的通知") in relations(shaoguan, "BASED_ON")
    assert (issuer, "韶关市市场监督管理局公平竞争审查制度") in relations(shaoguan, "ISSUED")
    assert ("韶关市公安局", "韶关市") in relations(shaoguan, "LOCATED_IN")
    assert ("韶关市", "广东省") in relations(shaoguan, "PART_OF")


def test_evidence_is_the_stating_sentence(shaoguan) -> None:
    rel = next(r for r in shaoguan.relations if r.type == "COOPERATES_WITH" and r.target == "韶关市公安局")
    assert "联合市公安局" in rel.evidence.sentence
    assert SHAOGUAN[rel.evidence.start:rel.evidence.end] == rel.evidence.sentence


def test_county_report_qualifies_district_agencies() -> None:
    text = "杭州市上城区发展改革和经济信息化局2023年法治政府建设工作总结\n2023年，我局会同区市场监管局推进公平竞争审查。区委、区政府高度重视。\n"
    ex = extract(text_document("sc.txt", text))
    assert ex.report.agency == "杭州市上城区发展改革和经济信息化局"
    assert ex.report.region == "杭州市上城区"
    agencies = names(ex.agencies)
    assert {"杭州市上城区市场监督管理局", "中共杭州市上城区委员会", "杭州市上城区人民政府"} <= agencies


def test_unknown_issuer_stays_null() -> None:
    ex = extract(text_document("x.txt", "2021年，我局深入推进依法行政，全面落实公平竞争审查制度。\n"))
    assert ex.report.agency is None
    assert ex.report.year == 2021


def test_every_title_in_a_made_list_is_issued_by_the_issuer() -> None:
    text = ("阳江市科学技术局2020年法治政府建设年度报告\n"
            "我局制定了《信访工作制度》《行政调解工作制度》、《科技项目管理办法》，并学习《民法典》。\n")
    ex = extract(text_document("yj.txt", text))
    made = {target for source, target in relations(ex, "ISSUED") if source == "阳江市科学技术局"}
    assert {"信访工作制度", "行政调解工作制度", "科技项目管理办法"} <= made
    assert "中华人民共和国民法典" not in made


# -- who issued it: reports about a whole region, metadata rows, opening subjects --------------

def meta_of(text: str):
    return extract(text_document("r.txt", text)).report


@pytest.mark.parametrize(("text", "agency", "region"), [
    # the title opens with the region: the region's government reports (ANNOTATION.md)
    ("南昌县2022年法治政府建设年度报告\n2022年，我县坚持依法行政，推进“放管服”改革。\n",
     "南昌市南昌县人民政府", "南昌市南昌县"),
    # the opening's subject is the region's party committee and government together
    ("2019年是新中国成立70周年。一年来，湖南省委、省政府坚持以习近平法治思想为指导，推进依法行政。\n",
     "湖南省人民政府", "湖南省"),
    # an autonomous region's 党委和政府, and a province's governments at every level, as the subject
    ("2022年，宁夏回族自治区党委和政府全面学习贯彻党的二十大精神，持续推进法治政府建设。\n",
     "宁夏回族自治区人民政府", "宁夏回族自治区"),
    ("2020年是收官之年。在中共江苏省委领导下，江苏省各级政府及其部门坚持依法行政，推进法治政府建设。\n",
     "江苏省人民政府", "江苏省"),
    # the street is the opening's subject before one of its bodies acts: the street office reports
    ("2023年,清波街道以深入学习贯彻习近平法治思想为核心，全面开展法治政府建设。今年以来,清波街道党工委将"
     "《习近平法治思想学习纲要》纳入学习计划，推进依法行政。\n", "杭州市上城区清波街道办事处", "杭州市上城区清波街道"),
    # 我市 as the subject, in a report whose region is fixed by its addressee-free body
    ("2023年以来，我市坚持依法行政。绍兴市各部门推进公平竞争审查。\n绍兴市召开常务会议学法。\n",
     "绍兴市人民政府", "绍兴市"),
    # an agency opening a clause and acting, without ever writing 我局
    ("2020年以来，淮北市生态环境局按照省厅部署，深入推进法治政府建设，现将情况报告如下。\n",
     "淮北市生态环境局", "淮北市"),
    # a street office is no district government; its 街道 speaks as 我街道
    ("上海市徐汇区人民政府湖南路街道办事处2021年法治政府建设情况\n2021年，我街道推进基层依法治理。\n",
     "上海市徐汇区湖南路街道办事处", "上海市徐汇区湖南路街道"),
    # 现将 X …报告如下 names the reporter (ANNOTATION.md), the city fixed by the body
    ("现将市人力资源和社会保障局2022年度法治政府建设情况报告如下：\n一、主要举措\n2022年，湖州市人力资源和社会保障局推进依法行政。\n",
     "湖州市人力资源和社会保障局", "湖州市"),
    # a ministry as the opening's subject (but never 党中央 or 国务院, whose lead all reports follow)
    ("2020年，在党中央、国务院坚强领导下，水利部坚持依法行政，现将有关情况报告如下。\n", "水利部", None),
    # a title naming its region after 关于 and before the year
    ("关于温州市2022年法治政府建设情况的报告\n2022年，全市各部门推进依法行政。\n", "温州市人民政府", "温州市"),
    # a 镇 whose name many counties share: its government as written, this report's own
    ("城关镇2023年法治政府建设情况报告\n2023年，我镇推进依法行政。\n", "城关镇人民政府", "城关镇"),
    # a district name several cities share, before an agency: kept as written
    ("2023年，在区委、区政府领导下，市中区教育局深入推进依法治校，现将情况报告如下。\n",
     "市中区教育局", "市中区"),
    # a title that goes on naming a body the region hosts is that body's report, not the region's
    ("唐山市曹妃甸工业区管理委员会2022年法治政府建设工作报告\n2022年，工业区推进依法行政。\n",
     "唐山市曹妃甸工业区管理委员会", "唐山市曹妃甸区"),
    # a bracketed metadata row
    ("首页>政务公开\n[ 索引号 ] 0001/2024-01 [ 发布机构 ] 温州市鹿城区五马街道办事处 [ 有效性 ]\n"
     "2024年，街道推进基层依法治理。\n", "温州市鹿城区五马街道办事处", "温州市鹿城区五马街道"),
    # a notice's issuer line between its 文号 and its 关于印发… title
    ("湘政办发〔2021〕3号\n湘潭市人民政府办公室\n关于印发湘潭市2021年法治政府建设工作要点的通知\n各县市区人民政府：\n"
     "现将《要点》印发给你们，请认真贯彻执行。\n", "湘潭市人民政府办公室", "湘潭市"),
    # a "[文号]title" line
    ("[沪府办〔2021〕3号]上海市人民政府办公厅关于印发2021年上海市法治政府建设工作要点的通知\n各区人民政府：\n现印发给你们。\n",
     "上海市人民政府办公厅", "上海市"),
    # a body renamed since: 原环境保护部 opens the report
    ("2017年,原环境保护部深入贯彻落实党中央、国务院决策部署，推进法治政府建设。\n", "环境保护部", None),
    # the body named by its leaders (部主要负责同志) and the ministry named in the opening
    ("2021年，部主要负责同志履行推进法治建设第一责任人职责。水利部推进依法行政，完善水利法规体系建设。\n", "水利部", None),
    # a short name in brackets between the subject and its verb
    ("2023年，嘉兴市文化广电旅游局(以下简称“市文广旅局”)坚持依法行政，现将有关情况报告如下。\n",
     "嘉兴市文化广电旅游局", "嘉兴市"),
    # a joint party-government heading is the government's report (the party committee co-signs)
    ("中共宣城市委 宣城市人民政府关于2021年法治政府建设情况的报告\n2021年，全市推进依法行政。\n",
     "宣城市人民政府", "宣城市"),
    # the web page's 发布机构 row names the publisher
    ("首页 > 政务公开\n索引号: 0001/2023-01 发布机构: 宁波市鄞州区司法局\n关于2022年法治政府建设情况的报告\n"
     "2022年，区司法局推进行政执法“三项制度”。\n", "宁波市鄞州区司法局", "宁波市鄞州区"),
    # the province named only by its 简称 in a leader's visit, the government by 省政府 alone
    ("2022年,省政府坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实习近平总书记来陕考察重要讲话重要指示,"
     "扎实推进法治政府建设。\n", "陕西省人民政府", "陕西省"),
    # 县委、县政府 as the subject, the county fixed by the report's own document titles
    ("2023年,县委、县政府坚持依法行政,现将情况报告如下。印发《南昌县法治政府建设实施方案》。\n",
     "南昌市南昌县人民政府", "南昌市南昌县"),
    # the page's 索引号 opens with the publisher's 行政区划代码: it decides which 市中区
    ("索引号: 370402/2022-00029\n市中区人力资源和社会保障局2021年度法治政府建设情况报告\n"
     "2021年以来,区人社局坚持以习近平法治思想为指导,深入推进依法行政。\n",
     "枣庄市市中区人力资源和社会保障局", "枣庄市市中区"),
    # … or with a 统一社会信用代码, whose characters 3-8 are that code
    ("索引号: 11440115MB2D065126/2020-00071\n关于2020年法治政府建设情况的报告\n"
     "2020年,区司法局坚持以习近平法治思想为指导,深入推进依法行政,现将有关情况报告如下。\n",
     "广州市南沙区司法局", "广州市南沙区"),
    # a development zone's 管委会 under its own name, its head written in full
    ("河北唐山芦台经济开发区管委会2022年度法治政府建设工作报告\n2022年,开发区坚持依法行政。\n",
     "河北唐山芦台经济开发区管理委员会", "唐山市"),
    # a short form written with its level word, the ethnic part dropped: the name is the whole, and its
    # subject follows the level word
    ("2022年,在县委、县政府的坚强领导下,威宁自治县坚持依法行政,推进法治政府建设。\n",
     "毕节市威宁彝族回族苗族自治县人民政府", "毕节市威宁彝族回族苗族自治县"),
    ("2023年,长阳自治县深入学习贯彻习近平法治思想,全面推进依法行政。\n",
     "宜昌市长阳土家族自治县人民政府", "宜昌市长阳土家族自治县"),
    # the region's leadership as the opening's subject (领导班子, 党政班子)
    ("2024年,奉节县领导班子始终以习近平法治思想为统领,推进依法行政。\n", "重庆市奉节县人民政府", "重庆市奉节县"),
    ("2024年,南昌县党政班子坚持依法行政,推进法治政府建设。\n", "南昌市南昌县人民政府", "南昌市南昌县"),
    # a news page whose headline or first sentence reports the region's event: its government
    ("泰顺县出台法治政府建设工作要点\n日前,泰顺县出台2018年法治政府建设工作要点及任务分解。\n",
     "温州市泰顺县人民政府", "温州市泰顺县"),
    ("要闻\n5月9日,南昌县召开法治政府建设示范创建工作推进会。会上部署了全年工作。\n",
     "南昌市南昌县人民政府", "南昌市南昌县"),
    # a hospital or school named after a division is no mention of it (中山医院 is Shanghai's, 中山市 is in
    # Guangdong): the report stays the city the text names
    ("2023年,市卫生健康委坚持依法行政,落实上海市医改部署。\n中山医院、中山中学开展法治宣传,中山医院获评先进。\n",
     "上海市卫生健康委员会", "上海市"),
    # a page's 来源 row naming the office that put the page up, glued to its 发布时间: the office publishes
    # the page, it does not act; the opening's 县政府 reports
    ("来源：缙云县人民政府办公室 发布时间：2023-01-10\n2022年，县政府坚持依法行政，推进法治政府建设，"
     "现将有关情况报告如下。\n", "丽水市缙云县人民政府", "丽水市缙云县"),
    # a title that goes on from its region into the office of the region's leading group: that office
    ("永嘉县法治政府建设领导小组办公室关于印发2023年法治政府建设工作要点的通知\n各乡镇人民政府：\n现将要点印发给你们。\n",
     "温州市永嘉县法治政府建设领导小组办公室", "温州市永嘉县"),
    ("永嘉县法治政府建设领导小组办公室2022年工作总结\n2022年，我办坚持统筹协调。\n",
     "温州市永嘉县法治政府建设领导小组办公室", "温州市永嘉县"),
    # a news lead whose subject is a region's leading group office acting: that office
    ("为深入推进依法行政,永嘉县推进依法行政工作领导小组办公室近日印发《2022年度法治政府建设考核方案》,启动考核。\n",
     "温州市永嘉县推进依法行政工作领导小组办公室", "温州市永嘉县"),
    # 我旗 in a text placed nowhere that names one banner, by the short form its government goes by
    ("2023年法治政府建设年度报告\n来源：土左旗人民政府 发布时间：2024-01-20\n2023年,我旗坚持依法行政。\n",
     "呼和浩特市土默特左旗人民政府", "呼和浩特市土默特左旗"),
    # a region's party committee written in full before its government opens the title: the government's
    ("中共铜仁市碧江区委员会 铜仁市碧江区人民政府关于2022年法治政府建设情况的报告\n2022年,全区推进依法行政。\n",
     "铜仁市碧江区人民政府", "铜仁市碧江区"),
    # an autonomous region names itself 自治区 as the opening's subject, its work too
    ("2023年,自治区坚持依法行政,扎实推进法治广西建设,现将有关情况报告如下。\n",
     "广西壮族自治区人民政府", "广西壮族自治区"),
    ("2023年,自治区法治政府建设工作坚持稳中求进,宁夏回族自治区各部门推进依法行政。\n",
     "宁夏回族自治区人民政府", "宁夏回族自治区"),
    # 县政府坚持… in a text placed nowhere: the county it names in its own slogans (法治泾县)
    ("2021年,在县委的领导下,县政府坚持依法行政,推进平安泾县、法治泾县建设。\n", "宣城市泾县人民政府", "宣城市泾县"),
])
def test_issuer_from_where_the_report_states_it(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize("text", [
    # the region only receives the report, or is one topic among others
    "河北省人民政府：\n根据省政府要求，现将有关情况报告如下：全省法治政府建设取得新进展。\n",
    "2021年，在省委、省政府领导下，各地推进依法行政。\n",
    "2021年，推进公平竞争审查，学习《浙江省行政程序办法》。\n",
    # a province's 简称 outside a leader's visit names no province (a delegation went to 浙江)
    "2022年,省政府组织赴浙考察学习,坚持依法行政,现将情况报告如下。\n",
    # 我县 in a text that names two counties and places itself in neither
    "2023年,我县坚持依法行政,学习泾县、沛县经验,现将有关情况报告如下。\n",
    # a page row naming the site's government or its office above a report that speaks as 我局: the
    # publisher, not the bureau that reports
    "信息来源：泰顺县人民政府 发布日期：2023-01-05\n2022年，我局坚持依法行政，推进法治政府建设。\n",
    "发布机构：温州市人民政府办公室\n2022年，我局坚持依法行政，推进法治政府建设。\n",
    # a leading group (no agency, ANNOTATION.md) opens the title: never its region's government
    "永嘉县依法行政领导小组关于印发2023年法治政府建设工作要点的通知\n各乡镇人民政府：\n现将要点印发给你们。\n",
    # the party committee of another region than the government's; 自治区 naming none; two counties' slogans
    "中共某某县委员会 江山市人民政府关于2021年的报告\n一、主要做法\n",
    "2023年,自治区坚持依法行政,现将有关情况报告如下。\n",
    "2021年,县政府坚持依法行政,学习法治泾县、法治沛县经验。\n",
])
def test_issuer_is_not_guessed(text: str) -> None:
    assert meta_of(text).agency is None


def test_index_number_without_a_division_code_places_nothing() -> None:
    """A 9-digit 组织机构代码 索引号 carries no region; an issuer the text cannot place (区司法局) is
    no region-qualified issuer (ANNOTATION.md), so the report's agency stays null."""
    meta = meta_of("索引号: 014501113/2021-02166\n关于2020年法治政府建设情况的报告\n"
                   "2020年,区司法局坚持以习近平法治思想为指导,深入推进依法行政,现将有关情况报告如下。\n")
    assert (meta.agency, meta.region) == (None, None)


def test_town_report_names_its_bodies() -> None:
    text = ("许疃镇2024年法治政府建设年度报告\n2024年，在县委、县政府的正确领导下，我镇深入推进法治建设。"
            "镇党委专题研究法治工作，蒙城县司法局指导许疃镇人民政府开展合法性审查。\n")
    ex = extract(text_document("xt.txt", text))
    assert ex.report.agency == "亳州市蒙城县许疃镇人民政府"
    assert ex.report.region == "亳州市蒙城县许疃镇"
    assert {"亳州市蒙城县许疃镇人民政府", "中共亳州市蒙城县许疃镇委员会"} <= names(ex.agencies)
    parts = {(r.source, r.target) for r in ex.relations if r.type == "PART_OF"}
    assert ("亳州市蒙城县许疃镇", "蒙城县") in parts


def test_a_province_the_text_never_names_is_not_guessed() -> None:
    text = "宣城市公安局2021年法治政府建设工作报告\n2021年，我局按照省公安厅部署，在省委领导下推进依法行政。\n"
    agencies = names(extract(text_document("xc.txt", text)).agencies)
    assert {"省公安厅", "省委"} <= agencies
    assert not any(name.startswith(("安徽", "中共安徽")) for name in agencies)
    named = "安徽省宣城市公安局2021年法治政府建设工作报告\n2021年，我局按照省公安厅部署推进依法行政。\n"
    assert "安徽省公安厅" in names(extract(text_document("xc2.txt", named)).agencies)


def test_a_county_level_citys_own_party_committee() -> None:
    text = "东阳市司法局2022年法治政府建设年度报告\n2022年，在市委、市政府领导下，我局推进依法行政。\n"
    agencies = names(extract(text_document("dy.txt", text)).agencies)
    assert {"中共金华市东阳市委员会", "金华市东阳市人民政府"} <= agencies  # 市委 is 东阳's, not 金华's
    assert "中共金华市委员会" not in agencies


def test_positions_and_commission_names_are_not_party_organs() -> None:
    text = ("杭州市上城区司法局2022年法治政府建设年度报告\n2022年，局长、政法委员和其他班子成员参加学法；"
            "区委全面依法治区委员会召开会议。\n")
    agencies = names(extract(text_document("pos.txt", text)).agencies)
    assert not any(name.endswith("政法委员会") for name in agencies)  # 政法委员 is a position
    assert "中共杭州市上城区委全面依法治区委员会" in agencies
    assert "中共杭州市上城区委员会" not in agencies  # not the 区委 inside 依法治区委员会


@pytest.mark.parametrize(("text", "doc_type"), [
    ("【法治政府建设】鄞州区全面推进严格规范公正文明执法\n\n今年以来,鄞州区坚持以习近平法治思想为指导,全面推进严格规范"
     "公正文明执法,行政执法质量持续提升。区司法局牵头开展行政执法案卷评查。\n", "其他"),
    ("崇福镇:多措并举推进法治政府建设\n\n今年以来,崇福镇坚持以习近平法治思想为指导,多措并举推进法治政府建设,取得明显成效。"
     "一是强化组织领导,成立工作专班。\n", "其他"),
    # an addressee line is no headline, and a report that announces itself stays one
    ("县委全面依法治县委员会:\n今年以来,我局坚持依法行政,全面推进法治政府建设,取得明显成效,各项工作有序开展。\n", "年度报告"),
    ("鄞州区全面推进法治政府建设\n\n2022年,鄞州区坚持依法行政,全面推进法治政府建设,现将有关情况报告如下:\n", "年度报告"),
])
def test_a_news_headline_above_an_untitled_lead(text: str, doc_type: str) -> None:
    """A short line telling what a body does (X全面推进…), above a lead that does not announce a report: news."""
    assert meta_of(text).doc_type == doc_type


@pytest.mark.parametrize(("text", "doc_type"), [
    # a cover letter without a title forwards a plan: a notice
    ("各区人民政府，市政府各部门：\n现将《宁波市2022年法治政府建设工作要点》印发给你们，请认真贯彻执行。\n"
     "宁波市人民政府办公厅\n2022年3月1日\n", "通知"),
    # an untitled plan says what it is
    ("为深入推进依法行政，根据《法治政府建设实施纲要(2021—2025年)》，结合我县实际，制定本方案。\n一、总体要求\n",
     "实施方案/实施细则"),
    # an untitled year's work programme says so, even when it cites last year's report by its title
    ("为扎实推进依法行政,根据《市人民政府关于2023年法治政府建设情况的报告》的审议意见,结合全市实际,制定本计划。\n"
     "一、完善依法行政制度体系\n", "工作要点"),
    # an untitled retrospective report
    ("2021年，我局推进依法行政，取得明显成效。现将有关情况报告如下：\n一、主要做法\n", "年度报告"),
    ("2022年,江门市司法局坚持以习近平新时代中国特色社会主义思想为指导,稳步推进法治江门建设。\n", "年度报告"),
    ("一、深入学习践行习近平法治思想,全力谋划推进我区法治政府建设\n自治区党委、政府自觉将习近平法治思想作为根本遵循。\n",
     "年度报告"),
    ("一、总体要求\n以习近平法治思想为指导,推进法治政府建设。\n", "其他"),  # a plan's goals, no report
    # a news item on an appraisal's result: the event, not the body's report (取得…成绩 notwithstanding)
    ("近日,市委办公室、市政府办公室通报了2019年度全市法治政府建设考核情况,市交通运输局被评为优秀单位。\n"
     "2019年,市交通运输局全面推进依法行政,取得了显著成绩。\n", "其他"),
    ("日前,县司法局荣获全省法治政府建设示范单位称号。\n2022年,该局深入推进依法行政,取得明显成效。\n", "其他"),
    # the event's day after a long purpose clause (为深入推进…,X近日印发…)
    ("为深入推进依法行政,加快法治政府建设,全面总结和评价2021年度法治建设工作,宿松县依法治县委员会办公室近日"
     "印发《2021年度法治政府建设考核办法》,启动年度考核工作。\n考核采取日常考核和实地督察相结合的方式,取得了实效。\n", "其他"),
])
def test_doc_type_of_untitled_texts(text: str, doc_type: str) -> None:
    assert meta_of(text).doc_type == doc_type


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a report that says only 我局 names its body on the address line at its foot, when it is about its work
    ("2022年，我局坚持依法行政，推进法治政府建设。\n一、主要做法\n规范教育行政执法，推进教育领域改革。\n"
     "地址：衢州市柯城区新桥街 衢州市柯城区教育局 电话：0570-1234567\n", "衢州市柯城区教育局", "衢州市柯城区"),
    ("2022年，我委坚持依法行政，推进法治政府建设。规范发展改革领域执法，推进发改系统依法行政。\n"
     "联系单位：衢州市发展和改革委员会 联系人：王某\n", "衢州市发展和改革委员会", "衢州市"),
    # … not the 司法局 whose site hosts a bureau's report
    ("2022年，我局坚持依法行政，推进法治政府建设。\n一、主要做法\n规范教育行政执法，推进教育领域改革。\n"
     "地址：衢州市柯城区新桥街 衢州市柯城区司法局 电话：0570-1234567\n", None, None),
    # another body's hotline in a sentence, or a body whose head is not the report's: not the issuer
    ("2022年，我局坚持依法行政，公布衢州市市场监督管理局投诉电话12315。\n", None, None),
    ("2022年，我局坚持依法行政。\n主办：衢州市人民政府办公室 电话：0570-1234567\n", None, None),
])
def test_a_self_speaking_reports_body_on_its_contact_line(text: str, agency: str | None, region: str | None) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize(("text", "region"), [
    # a plan fitted to 自治区实际 in a text that names one autonomous region: that region's, its body unsaid
    ("为统筹推进法治宁夏建设,结合自治区实际,制定本方案。\n一、总体要求\n", "宁夏回族自治区"),
    ("为统筹推进法治宁夏建设,制定本方案。\n一、总体要求\n", None),  # a topic alone places nothing
    # a plan's title names the division it is for: its region, its issuer unsaid
    ("兰溪市法治政府建设实施方案（2021—2025年）\n为深入推进依法行政,结合实际,制定本方案。\n一、总体要求\n", "金华市兰溪市"),
    ("来源:市委办公室\n兰溪市2023年法治政府建设工作要点\n一、总体要求\n", "金华市兰溪市"),  # the office puts it up
])
def test_the_division_a_text_is_fitted_to_is_its_region(text: str, region: str | None) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (None, region)


def test_coordinated_level_chars_name_every_body() -> None:
    text = "杭州市上城区司法局2022年法治政府建设年度报告\n2022年，在省、市司法局的指导下，我局推进依法行政。\n"
    agencies = names(extract(text_document("co.txt", text)).agencies)
    assert {"杭州市司法局", "省司法局"} <= agencies  # 浙江 is never named: 省司法局 stays as written


def test_a_development_zone_body_keeps_its_own_name() -> None:
    text = "2025年，天津经济技术开发区管理委员会坚持依法行政，现将有关情况报告如下。\n"
    meta = meta_of(text)
    assert meta.agency == "天津经济技术开发区管理委员会"  # not 天津市经济技术开发区…: nobody writes that
    assert meta.region == "天津市"


def test_a_zone_report_is_issued_by_its_management_committee() -> None:
    titled = meta_of("贵州双龙航空港经济区2023年度法治政府建设工作情况报告\n2023年，经济区坚持依法行政。\n")
    assert titled.agency == "贵州双龙航空港经济区管理委员会"
    assert titled.region is None  # a province in a zone's name does not say which city it lies in
    opening = "经济开发区2024年度法治政府建设情况报告\n2024年宁河经济开发区在区委、区政府的正确领导下，坚持依法行政，服务天津市发展大局。\n"
    meta = meta_of(opening)
    assert meta.agency == "宁河经济开发区管理委员会"  # the title's bare head is the zone the body names
    assert meta.region == "天津市宁河区"


def test_a_zone_department_and_the_zone_organs_of_its_report() -> None:
    text = ("珠海高新区综治局2021年法治政府建设年度报告\n"
            "2021年，高新区综治局在区党工委、区管委会的正确领导下，坚持依法行政。现将我局2021年度情况报告如下：\n")
    result = extract(text_document("zone.txt", text))
    assert result.report.agency == "珠海高新技术产业开发区综合治理局"  # not a district's 区综治局; 综治局 expanded
    assert result.report.region == "珠海市"
    agencies = names(result.agencies)
    assert {"中共珠海高新技术产业开发区工作委员会", "珠海高新技术产业开发区管理委员会"} <= agencies
    assert "区综治局" not in agencies


def test_a_zones_party_work_committee_written_short() -> None:
    """工委、管委会 in a zone's own report: its party work committee and its administration."""
    text = ("合肥经济技术开发区管委会2023年法治政府建设年度报告\n"
            "2023年，开发区严格执行重大决策程序和工委、管委会议事规则，坚持依法行政。\n")
    agencies = names(extract(text_document("zone.txt", text)).agencies)
    assert {"中共合肥经济技术开发区工作委员会", "合肥经济技术开发区管理委员会"} <= agencies


def test_a_zone_head_inside_a_phrase_is_no_body() -> None:
    text = "某市2022年法治政府建设情况报告\n2022年，我市深入推进经济开发区建设，各开发区管委会依法行政。\n"
    agencies = names(extract(text_document("phrase.txt", text)).agencies)
    assert not any("推进" in name or name.startswith("各") for name in agencies)


@pytest.mark.parametrize("header", [
    "[ 索引号 ] 115/2026-00004 [ 发文字号 ]\n[ 主题分类 ] 司法 [ 体裁分类 ] 工作报告\n[ 成文日期 ] 2026-01-22 [ 发布日期 ] 2026-02-10\n",
    "索 引 号 | 1162/2025-48086 | 主题分类 | 综合 |\n成文日期 | 2026-01-22 | 发布日期 | 2026-02-10 |\n",
    "- 索 引 号:370402/2022-00029\n- 成文时间:2026年01月22日\n",
])
def test_metadata_rows_in_brackets_tables_and_lists(header: str) -> None:
    title = "栗子乡人民政府2025年法治政府建设情况报告"
    meta = meta_of(header + "- 标 题:" + title + "\n" + title + "\n2025年，栗子乡坚持依法行政，现将有关情况报告如下。\n")
    assert meta.title == title
    assert meta.date == "2026-01-22"


def test_a_title_cut_before_its_document_kind_is_joined() -> None:
    text = ("西政办〔2020〕20号\n西平县人民政府办公室\n关于印发西平县2020年度法治政府建设\n工作安排的通知\n"
            "各乡镇人民政府：\n《西平县2020年度法治政府建设工作安排》已经县政府同意，现印发给你们。\n")
    meta = meta_of(text)
    assert meta.title == "西平县人民政府办公室关于印发西平县2020年度法治政府建设工作安排的通知"
    assert meta.agency and meta.agency.endswith("西平县人民政府办公室")


@pytest.mark.parametrize(("between", "title"), [
    ("首页 >> 乡镇信息公开 >> 仁兴镇\n", "仁兴镇2020年度法治政府建设情况报告"),
    ("", "禄丰市司法局2020年度法治政府建设情况报告"),
])
def test_only_a_line_directly_above_the_title_leads_it(between: str, title: str) -> None:
    """A site's name above its breadcrumb is not the issuer line of the title under the breadcrumb."""
    head = "禄丰市人民政府\n" if between else "禄丰市司法局\n"
    text = (head + between + title.removeprefix("禄丰市司法局") + "\n"
            "2020年，我们推进依法行政，现将有关情况报告如下。\n")
    assert meta_of(text).title == title


@pytest.mark.parametrize(("banner", "title", "agency"), [
    ("合肥高新技术产业开发区政务服务中心", "三十岗乡2022年度法治政府建设情况报告", "三十岗乡人民政府"),
    ("杭州市西湖区人民政府", "西湖区司法局2023年法治政府建设年度报告", "杭州市西湖区司法局"),
    ("成都市武侯区人民政府门户网站", "武侯区教育局2021年度法治政府建设工作报告", "成都市武侯区教育局"),
])
def test_a_title_naming_its_own_subject_takes_no_issuer_line(banner: str, title: str, agency: str) -> None:
    """A title that names whom it is about before its year (X镇2024年度…) stands alone: the body's name
    on the line above is a page's banner or link, not the title's issuer line."""
    text = f"{banner}\n\n{title}\n\n2022年,我们坚持依法行政,现将有关情况报告如下。\n"
    meta = meta_of(text)
    assert meta.title == title
    assert meta.agency and meta.agency.endswith(agency)


@pytest.mark.parametrize(("title", "issuer"), [
    ("中共白城市委 白城市人民政府2022年度法治政府建设工作报告", "白城市人民政府"),
    ("海关总署党委 海关总署关于2022年度推进法治政府建设情况的报告", "海关总署"),
    ("中共蒙城县许疃镇委员会 许疃镇人民政府关于2023年度法治政府建设情况的报告", "许疃镇人民政府"),
])
def test_a_joint_heading_is_the_report_of_the_body_the_party_organ_leads(title: str, issuer: str) -> None:
    meta = meta_of(title + "\n2022年，坚持依法行政，现将有关情况报告如下。\n")
    assert meta.agency and meta.agency.endswith(issuer)


def test_a_town_party_committee_written_in_full() -> None:
    text = "2023年，中共蒙城县许疃镇委员会坚持依法治镇。许疃镇委员会一词不是全称。\n"
    agencies = names(extract(text_document("town.txt", text)).agencies)
    assert {name for name in agencies if name.endswith("许疃镇委员会")} == {"中共亳州市蒙城县许疃镇委员会"}


def test_laws_listed_without_title_marks() -> None:
    text = ("杭州市上城区司法局2022年法治政府建设年度报告\n2022年，依据行政处罚法、行政复议法和优化营商环境条例开展执法，"
            "开展“无线电管理条例宣传月”活动，严格遵守行政处罚法定程序。\n")
    ex = extract(text_document("bare.txt", text))
    assert names(ex.laws) == {"中华人民共和国行政处罚法", "中华人民共和国行政复议法", "优化营商环境条例"}
    assert "行政复议" not in names(ex.measures)  # the law's name is not the measure
    cites = {target for source, target in relations(ex, "CITES")}
    assert "优化营商环境条例" in cites


def test_bare_information_disclosure_counts_only_in_a_list_of_measures() -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures("推进政务公开、信息公开、数据开放")] == ["政务公开", "政府信息公开"]
    assert find_measures("依法做好信息公开工作") == []  # any disclosure: not the measure


@pytest.mark.parametrize(("text", "expected"), [
    ("完善合法性和公平竞争审查机制", ["合法性审查", "公平竞争审查制度"]),  # one head, two measures
    ("完善和公平竞争审查机制", ["公平竞争审查制度"]),  # the verb before the list is no measure
    ("加强执法和公平竞争审查", ["公平竞争审查制度"]),  # 执法审查 is no catalogue name
])
def test_a_head_written_once_serves_every_item(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("建立规范性文件备案审查、清理机制", ["规范性文件备案审查", "规范性文件清理"]),  # first words once
    ("健全首问负责、限时办结、一次性告知等制度", ["首问负责制", "限时办结制", "一次性告知制度"]),  # head at the end
    ("落实执法公示、全过程记录、法制审核三项制度",
     ["行政执法公示制度", "执法全过程记录制度", "重大执法决定法制审核制度", "行政执法“三项制度”"]),
    ("健全岗位职责、工作流程等制度", []),  # items that are no practice of the catalogue
])
def test_a_list_writes_shared_words_once(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("落实首问负责制度", "首问负责制"),  # 制 and 制度 name one practice
    ("完善法律顾问工作机制", "法律顾问制度"),
    ("开展“12•4”国家宪法日宣传", "12·4国家宪法日"),  # any dot between the digits
])
def test_head_words_and_date_dots_are_wordings_of_one_measure(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == [expected]


def test_no_practice_from_the_start_of_a_longer_word() -> None:
    from fazhi.extraction.measures import find_measures

    assert find_measures("取得公职律师工作证7人") == []  # 公职律师制度's sibling 公职律师工作 is not made


@pytest.mark.parametrize("text", [
    "将习近平法治思想纳入领导干部学法计划",  # a year's study plan: a document
    "强化党政领导干部学法、用法、守法",  # the 尊法学法守法用法 slogan in parts
])
def test_study_plans_and_slogans_are_not_the_study_system(text: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert "领导干部学法用法制度" not in [h.name for h in find_measures(text)]
    assert [h.name for h in find_measures("落实领导干部学法制度")] == ["领导干部学法用法制度"]


def test_a_region_platform_with_safety_in_its_name_is_found_a_sector_is_not() -> None:
    from fazhi.extraction.measures import find_measures

    text = "依托广东省工业互联网安全保障平台建立监测机制；万秀区获全区政府法制系统先进"
    found = [h.name for h in find_measures(text, [(2, 5), (23, 26)])]
    assert found == ["广东省工业互联网安全保障平台"]


def test_a_cut_quote_pair_is_completed_in_the_surface() -> None:
    from fazhi.extraction.measures import find_measures

    text = "落实行政执法“三项制度”，深入开展“八五”普法"
    assert [text[h.start:h.end] for h in find_measures(text)] == ["行政执法“三项制度”", "“八五”普法"]


def test_an_organ_inside_a_position_or_a_nationwide_meeting_is_no_mention() -> None:
    text = ("福州市司法局2022年法治政府建设年度报告\n2022年，我局邀请省司法厅原副厅长黄岩生作专题讲座，"
            "在全国司法厅局长会议上交流经验，配合市公安局开展执法监督。\n")
    agencies = names(extract(text_document("position.txt", text)).agencies)
    assert "福州市公安局" in agencies  # an ordinary mention still counts
    assert not any(a.endswith("司法厅") for a in agencies), agencies


@pytest.mark.parametrize(("text", "central"), [
    ("2023年，市公安局认真贯彻落实中央、省委、市委有关法治政府建设的部署。\n", True),
    ("2023年，县教育局落实中央和县委的决策部署。\n", True),
    ("2023年，市公安局落实中央预算内投资项目和省委巡视整改要求。\n", False),  # not listed with a committee
])
def test_the_centre_listed_with_party_committees_is_the_party_centre(text: str, central: bool) -> None:
    assert ("中共中央" in names(extract(text_document("c.txt", text)).agencies)) is central


def test_units_below_a_township_and_counted_bodies_stay_as_written() -> None:
    text = ("芜湖市司法局2023年法治政府建设年度报告\n2023年，我局指导司法所、派出所开展调解，"
            "7个政务服务中心设立窗口，市公安局配合推进。\n")
    agencies = names(extract(text_document("units.txt", text)).agencies)
    assert {"司法所", "派出所", "政务服务中心", "芜湖市公安局"} <= agencies
    assert not {"芜湖市司法所", "芜湖市政务服务中心"} & agencies  # no city has a 司法所; 7 centres are not one


def test_office_abbreviation_is_not_the_verb_ban() -> None:
    text = "宜春市公安局2023年报告\n2023年，市政务服务办件260万件，市政务服务办推进改革，街道办事处配合。\n"
    spans = [(m.text, a.name) for a in extract(text_document("ban.txt", text)).agencies for m in a.mentions]
    assert ("市政务服务办", "宜春市政务服务办") in spans
    assert sum(name == "宜春市政务服务办" for _, name in spans) == 1  # 办件 is doing, not the office


@pytest.mark.parametrize(("text", "agency", "region"), [
    # 自治区党委、政府 as the subject; the region named only in its 法治广西 theme
    ("一、全力推进我区法治政府建设\n自治区党委、政府自觉将习近平法治思想作为全面依法治区的根本遵循，坚持法治广西建设。\n",
     "广西壮族自治区人民政府", "广西壮族自治区"),
    # a town written after a stray menu character and a county short form that is also its stem
    ("7首页 > 政务公开\n吉水镇2024年法治政府建设年度报告\n2024年，在湛江市委、廉江市委和镇党委的领导下，我镇坚持依法行政。\n",
     "湛江市廉江市吉水镇人民政府", "湛江市廉江市吉水镇"),
    # a table row names the publisher in the next cell, abbreviated
    ("| 关键词 | 发布机构 | 肃南县林草局 |\n2025年，我局坚持以习近平法治思想为指导，现报告如下：\n",
     "肃南裕固族自治县林业和草原局", "张掖市肃南裕固族自治县"),
])
def test_issuer_in_more_page_shapes(text: str, agency: str, region: str) -> None:
    """The agency as the evaluator compares names: the same body however its divisions are spelled
    (肃南县 / 肃南裕固族自治县, with or without 张掖市)."""
    from fazhi.evaluate import same_value

    meta = meta_of(text)
    assert same_value(agency, meta.agency, qualified=True), meta.agency
    assert meta.region == region


def test_a_policy_explainer_is_not_the_report() -> None:
    text = ("清水县2023年法治政府建设年度报告解读\n近日，清水县人民政府发布了2023年法治政府建设年度报告，"
            "为便于公众理解，现将主要内容解读如下。\n")
    assert meta_of(text).doc_type == "其他"


def test_coordinated_regions_name_every_body() -> None:
    text = "金昌市司法局2022年法治政府建设年度报告\n2022年，我局指导永昌县、金川区人民政府推进依法行政。\n"
    agencies = names(extract(text_document("jc.txt", text)).agencies)
    assert {"金昌市永昌县人民政府", "金昌市金川区人民政府"} <= agencies  # ANNOTATION.md's own example


def test_coordinated_functions_name_every_body() -> None:
    text = "杭州市上城区司法局2022年法治政府建设年度报告\n2022年，我局会同公安、市场监管等部门开展联合执法。\n"
    agencies = names(extract(text_document("fn.txt", text)).agencies)
    assert {"公安部门", "市场监管部门"} <= agencies  # ANNOTATION.md: 公安、司法等部门 names both
    assert not any(name.startswith("会同") for name in agencies)


COMMITTEE_SENTENCES = [  # (report, sentence naming a 依法治X委员会 on its own, without the X委 in front)
    ("东源县司法局2022年法治政府建设年度报告\n", "召开全面依法治{lvl}委员会第一次会议，落实依法治{lvl}委员会部署。\n"),
    ("2022年法治政府建设年度报告\n", "在全面依法治{lvl}委员会的领导下推进工作。\n"),
]


@pytest.mark.parametrize("lvl", list("省市区县州"))
@pytest.mark.parametrize(("head", "sentence"), COMMITTEE_SENTENCES)
def test_reader_marks_no_party_committee_inside_a_commission_name(lvl: str, head: str, sentence: str) -> None:
    """The reader's spans (fazhi.extractor.mention_spans): no agency mention begins inside
    全面依法治县委员会 — its 县委 is part of the commission's name, not the county party committee."""
    from fazhi.extractor import mention_spans

    text = head + sentence.format(lvl=lvl)
    inside = [(m.start() + 1, m.end()) for m in re.finditer(f"依法治{lvl}委员会", text)]
    spans, _ = mention_spans("x", text)
    starting_inside = [(text[s["start"]:s["end"]], s["name"]) for s in spans if s["label"] == "Agency"
                       and any(a <= s["start"] < b for a, b in inside)]
    assert not starting_inside


def test_no_agency_mention_starts_inside_another_in_the_samples() -> None:
    """Across the bundled samples, an agency mention never starts strictly inside a longer one."""
    from pathlib import Path

    from fazhi.loaders import load

    samples = Path(__file__).resolve().parents[1] / "data" / "samples"
    for path in sorted(samples.glob("sample_*")):
        extraction = extract(load(path))
        mentions = [(m.start, m.end) for a in extraction.agencies for m in a.mentions]
        nested = [(s, e) for s, e in mentions if any(s2 < s < e2 for s2, e2 in mentions)]
        assert not nested, (path.name, nested)


@pytest.mark.parametrize(("title", "issuer"), [
    ("中共中央国务院关于印发某某纲要的通知", "中共中央、国务院"),
    ("中办国办关于加强某某工作的意见", "中共中央办公厅、国务院办公厅"),
    ("中共中央办公厅国务院办公厅关于某某的意见", "中共中央办公厅、国务院办公厅"),
    ("工业和信息化部贯彻落实国务院办公厅关于推广随机抽查规范事中事后监管的通知实施方案", "工业和信息化部"),
    ("鹤岗市人民政府鹤岗市中级人民法院关于完善“府院联动”机制的意见", "鹤岗市人民政府、鹤岗市中级人民法院"),
])
def test_a_title_issuer_names_whole_bodies(title: str, issuer: str) -> None:
    """Issue 14: the words before 关于 are one or more bodies, never a fragment or two in one."""
    laws = {law.name: law for law in extract(text_document("t.txt", f"某某局2022年工作报告\n一、落实《{title}》。\n")).laws}
    assert laws[title].issuer == issuer


# -- the document's date and 文号 from a web page's metadata rows --------------------------------

@pytest.mark.parametrize(("text", "date"), [
    # the written date (成文) is trusted before the page's publication date, wherever the row sits
    ("某某县司法局2022年法治政府建设年度报告\n发布时间:2023-03-01 10:00  成文日期:2023-02-27\n"
     "2022年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2023-02-27"),
    # spaces inside the digits, as some pages print them
    ("某某县司法局2022年法治政府建设年度报告\n来源:某某县司法局 发布日期: 2023- 02- 08 14: 11\n"
     "2022年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2023-02-08"),
    # a publication stamp after the title line
    ("某某街道2022年度法治政府建设工作情况报告 2023-02-09\n"
     "2022年，我街道推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2023-02-09"),
    # a table row that keeps its colon and its cell bar; a spaced label with no colon at all; a bare 日期
    ("索 引 号: | 113301/2024-00031 | 主题分类: | 综合政务 |\n成文日期: | 2024-02-20 | 发布日期: | 2024-02-22 |\n"
     "2023年，某某镇推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-20"),
    ("某某州2023年度法治政府建设工作报告\n 索 引 号  zzf/2024-00012  发布机构  州政府\n 公 开 日 期  2024-03-06\n"
     "2023年，全州推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-03-06"),
    ("某某区交通局关于2023年法治政府建设情况的报告\n\n日期:2024-01-30\n\n"
     "2023年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-01-30"),
    # a date inside the body is an event, not the document's date
    ("2022年，我局推进依法行政，于2022年3月5日召开会议，全面推行“双随机、一公开”监管。\n"
     "发布时间:2023-03-01\n", None),
    # the 政府信息公开 catalogue's 生成日期, before the page's publication date
    ("索引号: 0012/2024-00031 生成日期: 2024-02-19 主题分类: 综合政务\n发布日期:2024-02-21 09:14 浏览次数:\n"
     "某某县水利局关于2023年法治政府建设情况的报告\n"
     "2023年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-19"),
    ("| 索引号 | 0012/2024-00031 | 发文字号 | |\n| 生成日期 | 2024-02-19 16:30:00 | 是否有效 |\n"
     "2023年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-19"),
    # the day a government's report was delivered to its people's congress, under the title
    ("某某区人民政府关于2023年法治政府建设情况的报告\n——2024年3月6日在某某区第十届人民代表大会常务委员会第九次会议上\n"
     "2023年，全区推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-03-06"),
    # the page's stamp under the title: a date and time alone, or before its 来源; a byline with its day
    ("某某县2023年度法治政府建设工作报告\n2024-02-18 10:21\n"
     "2023年，全县推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-18"),
    ("某某县2023年度法治政府建设工作报告\n2024-02-18 10:21:07 来源: 某某县司法局\n"
     "2023年，全县推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-18"),
    ("某某县2023年度法治政府建设工作报告\n某某县人民政府 2024年02月18日\n"
     "2023年，全县推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-18"),
    # rows labelled 产生日期, 发布于
    ("某某县2023年度法治政府建设工作报告\n索取号 AB123-2024-009 产生日期 2024-02-18\n"
     "2023年，全县推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-18"),
    ("某某县2023年度法治政府建设工作报告\n发布于:2024-02-18 09:04:54\n"
     "2023年，全县推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-18"),
    # a date alone after a notice's paragraph, its sender not printed above it
    ("各乡镇人民政府，县直各单位：\n《某某县2024年法治政府建设工作安排》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
     "2024年3月2日\n某某县2024年法治政府建设工作安排\n", "2024-03-02"),
    # a table exported as a list, one cell to an item: the label's item, then its value's
    ("- 索引号:\n- 0012/2024-00031\n- 成文日期:\n- 2024-02-19\n某某县水利局2023年法治政府建设年度报告\n"
     "2023年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n", "2024-02-19"),
])
def test_page_metadata_rows_date_an_unsigned_report(text: str, date: str | None) -> None:
    assert meta_of(text).date == date


def test_a_signature_date_wins_over_the_page_date() -> None:
    text = ("某某县司法局2022年法治政府建设年度报告\n发布时间:2023-03-01 10:00\n"
            "2022年，我局推进依法行政，全面推行“双随机、一公开”监管，取得新的进展。\n某某县司法局\n2023年1月15日\n")
    assert meta_of(text).date == "2023-01-15"


def test_a_doc_number_metadata_row_gives_the_doc_number() -> None:
    text = ("索引号:XX01101-3000-2026-00031\n备注/文号:某政综〔2026〕7号\n"
            "某某县人民政府关于2025年度法治政府建设工作情况的报告\n"
            "2025年，某某县人民政府坚持依法行政，持续深化法治政府建设。现将有关情况报告如下。\n")
    assert meta_of(text).doc_number == "某政综〔2026〕7号"


# -- 省厅 / 市局 / 总局: the body above the issuer in its own line ---------------------------------

LINE_REPORT = ("{issuer}2022年法治政府建设年度报告\n"
               "2022年，{issuer}认真落实{word}工作部署，在{word}推进会上作交流发言，全面推行“双随机、一公开”监管。\n")


@pytest.mark.parametrize(("issuer", "word", "expected"), [
    # a county bureau: 省厅 is its province's department of the same line, 市局 its city's bureau
    ("湖南省长沙市浏阳市公安局", "省厅", "湖南省公安厅"),
    ("湖南省岳阳市平江县公安局", "市局", "岳阳市公安局"),
    # a market regulator's 总局 is the national 总局 of its line (data/national_line_bodies.tsv)
    ("浙江省市场监督管理局", "总局", "国家市场监督管理总局"),
    # the word at the issuer's own level is the issuer itself
    ("浙江省市场监督管理局", "省局", "浙江省市场监督管理局"),
])
def test_line_words_name_the_body_of_the_issuers_line(issuer: str, word: str, expected: str) -> None:
    ex = extract(text_document("r.txt", LINE_REPORT.format(issuer=issuer, word=word)))
    assert expected in names(ex.agencies)


def test_a_line_word_without_its_province_stays_as_written_and_scoped() -> None:
    ex = extract(text_document("r.txt", "平江县公安局2022年法治政府建设年度报告\n2022年，我局落实省厅工作部署，推进执法规范化。\n"))
    found = {a.name: a for a in ex.agencies}
    assert "省公安厅" in found and found["省公安厅"].scope is not None


def test_no_line_word_for_an_issuer_that_is_no_bureau() -> None:
    ex = extract(text_document("r.txt", "浏阳市人民政府2022年法治政府建设年度报告\n2022年，我市落实省厅工作部署。\n"))
    assert not any(a.name.endswith("厅") for a in ex.agencies)


def test_a_title_printed_twice_names_no_measure_either_time() -> None:
    # web pages print the title as the page heading and again above the body
    text = ("某某县司法局2024年法治政府建设年度报告\n来源: 某某县司法局\n某某县司法局2024年法治政府建设年度报告\n"
            "2024年，我局全面推行“双随机、一公开”监管，推进依法行政。\n")
    ex = extract(text_document("r.txt", text))
    assert names(ex.measures) == {"双随机、一公开"}


# -- national bodies: abbreviations never take the report's region; 中央 and 中办、国办 alone ----------

CITY_REPORT = "三明市将乐县司法局2022年法治政府建设年度报告\n{body}\n"


@pytest.mark.parametrize(("body", "present", "absent"), [
    ("全面完成中央依法治国办督察反馈意见整改。", "中央全面依法治国委员会办公室", "将乐县中央全面依法治国委员会办公室"),
    ("认真落实省委、省政府和市场监管总局工作部署。", "国家市场监督管理总局", "将乐县国家市场监督管理总局"),
    ("根据中办、国办《法治政府建设与责任落实督察工作规定》开展督察。", "中共中央办公厅", None),
    ("根据中办、国办《法治政府建设与责任落实督察工作规定》开展督察。", "国务院办公厅", None),
    ("按照中央要求，履行推进法治建设第一责任人职责。", "中共中央", None),
    ("全面贯彻中央关于全面依法治国的重大决策部署。", "中共中央", None),
    # 中央 as a tier of government in a list of levels is no party organ
    ("依托中央、省、市社会信用体系平台开展联合惩戒。", None, "中共中央"),
    # 中办 inside 集中办理 is no office
    ("推行集中办理，国办发文要求落实。", None, "中共中央办公厅"),
])
def test_national_bodies_and_the_centre(body: str, present: str | None, absent: str | None) -> None:
    found = names(extract(text_document("r.txt", CITY_REPORT.format(body=body))).agencies)
    assert present is None or present in found
    assert absent is None or absent not in found


@pytest.mark.parametrize(("text", "agency", "region"), [
    # 呼中区 (an administrative area of 大兴安岭地区) is not in the table
    ("呼中区教育局关于2025年度法治政府建设工作报告\n呼中区教育局在区政府的领导下推进依法治教。\n",
     "呼中区教育局", "呼中区"),
    # 株洲县 became 渌口区 in 2018: a former name (data/region_former_names.tsv) is the division it became
    ("株洲县人民政府2017年法治政府建设情况报告\n2017年，我县坚持依法行政。\n", "株洲市渌口区人民政府", "株洲市渌口区"),
])
def test_a_division_the_table_lacks_opening_the_title_is_kept_as_written(text: str, agency: str,
                                                                          region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize("text", [
    "2019年度法治政府建设工作报告\n现将市人力资源和社会保障局2019年度法治政府建设工作报告如下：\n",
    "2019年度法治政府建设工作报告\n全区教育局系统坚持依法治教，推进法治建设。\n",
])
def test_no_unlisted_division_from_a_sentence_or_a_phrase(text: str) -> None:
    found = names(extract(text_document("r.txt", text)).agencies)
    assert not any(name.startswith(("现将", "全区")) for name in found)


@pytest.mark.parametrize(("body", "present", "absent"), [
    # 组织 and 中心 as everyday words: no 组织局, 组织中心, 街道中心
    ("全年组织局机关干部参加学法考试，组织中心组学习17期。", None, "三明市将乐县组织局"),
    ("全年组织局机关干部参加学法考试，组织中心组学习17期。", None, "三明市将乐县组织中心"),
    ("将法治建设与街道中心工作深度融合。", None, "三明市将乐县街道中心"),
    ("县委组织部牵头开展考核。", "中共三明市将乐县委组织部", None),
    ("区政务服务中心工作人员到场服务。", "三明市将乐县政务服务中心", None),
    # a 编办 is the party committee's office, at the level written
    ("实时与县编办沟通对接权责清单。", "中共三明市将乐县委机构编制委员会办公室", None),
    ("修订规章汇编办法，全面完成中央依法治国办法治督察反馈问题整改。", "中央全面依法治国委员会办公室",
     "三明市将乐县编办"),
])
def test_stems_that_are_everyday_words_take_only_their_heads(body: str, present: str | None,
                                                              absent: str | None) -> None:
    found = names(extract(text_document("r.txt", CITY_REPORT.format(body=body))).agencies)
    assert present is None or present in found
    assert absent is None or absent not in found
    assert not any(name.endswith(("组织局", "组织中心", "街道中心")) for name in found)


@pytest.mark.parametrize(("body", "present", "absent"), [
    # an office named through its government is at that government's level, not the report's
    ("在福建省委、省政府的领导下，在省政府法制办的指导下清理文件。", "福建省人民政府法制办公室",
     "三明市将乐县人民政府法制办公室"),
    # the province is never named: at its level, as written
    ("在省政府法制办的指导下，全面清理规范性文件。", "省人民政府法制办公室", "三明市将乐县人民政府法制办公室"),
    ("在三明市政府法制办的指导下，全面清理规范性文件。", "三明市人民政府法制办公室", "三明市将乐县人民政府法制办公室"),
    # without a government before it, a bare office is the report's own level's
    ("由法制办牵头清理规范性文件。", "三明市将乐县人民政府法制办公室", "福建省人民政府法制办公室"),
])
def test_an_office_named_through_its_government(body: str, present: str, absent: str) -> None:
    found = names(extract(text_document("r.txt", CITY_REPORT.format(body=body))).agencies)
    assert present in found and absent not in found


# -- 自治区: an autonomous region's organs are written with 自治区 where a province writes 省 ---------

@pytest.mark.parametrize(("body", "expected"), [
    ("广西壮族自治区2022年法治政府建设情况报告\n2022年，自治区党委、自治区人民政府高度重视法治建设，"
     "自治区人大常委会加强监督。", {"中共广西壮族自治区委员会", "广西壮族自治区人民政府",
                                  "广西壮族自治区人民代表大会常务委员会"}),
    # the region is not named: as written, never cut to 区政府 (a district's)
    ("2022年法治政府建设情况报告\n2022年，动态调整自治区政府各部门权责清单。", {"自治区政府"}),
])
def test_autonomous_region_organs(body: str, expected: set[str]) -> None:
    found = names(extract(text_document("r.txt", body + "\n")).agencies)
    assert expected <= found
    assert "区政府" not in found and "区人民政府" not in found


# -- a township's own party committee, written 党委/党工委/工委 without its name --------------------

@pytest.mark.parametrize(("body", "expected"), [
    ("将法治政府建设纳入镇党委议事议程。", "中共三明市将乐县古镛镇委员会"),
    ("全年召开党委专题会议4次。", "中共三明市将乐县古镛镇委员会"),
])
def test_a_towns_bare_party_committee_is_its_own(body: str, expected: str) -> None:
    text = f"三明市将乐县古镛镇2022年法治政府建设工作报告\n{body}\n"
    assert expected in names(extract(text_document("r.txt", text)).agencies)


@pytest.mark.parametrize(("title", "expected"), [
    # 下洋镇 is a name several counties share and the text never qualifies it: the issuing town owns it
    ("下洋镇2023年法治政府建设年度报告", "中共下洋镇委员会"),
    ("东湖街道2024年度法治政府建设情况报告", "中共东湖街道工作委员会"),
])
def test_an_unplaced_issuing_towns_bare_party_committee_is_its_own(title: str, expected: str) -> None:
    text = f"{title}\n本年度坚持依法行政。党委、党工委将法治建设纳入议事议程。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert expected in found


def test_a_county_issuer_adopts_no_town() -> None:
    text = "下洋县司法局2023年法治政府建设年度报告\n本年度坚持依法行政。镇党委将法治建设纳入议事议程。\n"
    assert not any(name.startswith("中共下洋") for name in names(extract(text_document("r.txt", text)).agencies))


@pytest.mark.parametrize("body", [
    "明确党委书记为组长，镇长为副组长。",   # a position
    "机关党委组织学习。",                   # an internal unit
    "指导村党委开展普法。",                 # another body
])
def test_no_town_committee_from_positions_units_or_others(body: str) -> None:
    text = f"三明市将乐县古镛镇2022年法治政府建设工作报告\n{body}\n"
    assert not any(a.name.startswith("中共") for a in extract(text_document("r.txt", text)).agencies)


def test_a_street_work_committee() -> None:
    text = "杭州市上城区清波街道2022年法治政府建设工作报告\n街道工委、办事处坚持党建引领。\n"
    assert "中共杭州市上城区清波街道工作委员会" in names(extract(text_document("r.txt", text)).agencies)


# -- page furniture: breadcrumbs, menu rows and section labels name site sections, not practices ----

@pytest.mark.parametrize("header", [
    "当前位置: 首页 > 政务公开 > 政府信息公开 > 法治政府建设",
    "首页 政务公开 渝快办 互动交流",
    "政府信息公开",
])
def test_no_measure_from_page_furniture(header: str) -> None:
    text = (f"{header}\n某某县司法局2022年法治政府建设年度报告\n"
            "2022年，我局全面推行“双随机、一公开”监管，推进依法行政，取得了新的进展。\n")
    assert names(extract(text_document("r.txt", text)).measures) == {"双随机、一公开"}


def test_no_measure_from_a_portal_section_heading() -> None:
    text = ("政府信息公开规章库\n某某开发区管委会办公室、某某区人民政府办公室政府信息公开\n"
            "2022年，我局全面推行“双随机、一公开”监管，推进依法行政，依法做好政府信息公开工作，取得了新的进展。\n")
    found = extract(text_document("r.txt", text)).measures
    assert names(found) == {"双随机、一公开", "政府信息公开"}  # the body's mention still counts
    disclosure = next(m for m in found if m.name == "政府信息公开")
    assert all(text.index("2022年") <= m.start for m in disclosure.mentions)


def test_no_measure_from_a_title_the_excerpt_cuts_off() -> None:
    text = ("某某县司法局2022年法治政府建设年度报告\n2022年，我局推行“双随机、一公开”监管，推进依法行政，取得新的进展。"
            "印发《关于党政主要负责人履行推进法治建设第一责任人\n")
    assert names(extract(text_document("r.txt", text)).measures) == {"双随机、一公开"}


def test_a_practice_in_the_body_still_counts() -> None:
    text = ("某某县司法局2022年法治政府建设年度报告\n"
            "2022年，我局深化政务公开，落实法治政府建设年度报告制度，推进依法行政，取得了新的进展。\n")
    assert {"政务公开", "法治政府建设年度报告制度"} <= names(extract(text_document("r.txt", text)).measures)


def test_the_report_genre_is_no_measure() -> None:
    text = ("2022年，我局推进依法行政，取得了新的进展。近日，水利部发布2021年法治政府建设年度报告，"
            "全面总结一年来的工作。\n")
    assert "法治政府建设年度报告制度" not in names(extract(text_document("r.txt", text)).measures)


@pytest.mark.parametrize(("sentence", "measure"), [
    ("凡重大行政决策均经合法性审查。", "重大行政决策程序"),
    ("创建全国法治政府建设示范县。", "法治政府建设示范创建"),
    ("纳入法治政府建设年度考核内容。", "法治政府建设考核"),
    ("利用“3·15”消费者权益保护日开展宣传。", "3·15国际消费者权益日"),
    ("无行政诉讼败诉案件。", "行政应诉"),
    ("持续抓好县处级干部任前法律法规考试。", "领导干部任前法律知识考试制度"),
    ("全年开展双随机监督120家次。", "双随机、一公开"),
    ("开展“3·15”消费者权益日宣传。", "3·15国际消费者权益日"),
    ("制定领导干部应知应会法律法规学习清单。", "领导干部应知应会法律法规清单"),
    ("健全科室初审、集体审议的三级法制审核机制。", "重大执法决定法制审核制度"),
    ("主要负责人切实履行推进法治建设第一责任职责。", "法治建设第一责任人职责"),
    ("坚持把推进法治政府建设第一责任人的职责扛在肩上。", "法治建设第一责任人职责"),
    ("压紧压实法治政府建设第一责任人职责。", "法治建设第一责任人职责"),  # the duty, not its holder
    ("落实市政府常务会学法制度。", "政府常务会议会前学法"),
    ("完成法治政府建设实地督察反馈问题整改。", "法治督察"),
    ("落实行政首长出庭应诉制。", "行政机关负责人出庭应诉"),
    ("制定涉企免罚轻罚清单。", "轻微违法不予处罚清单"),
    ("明确分管副局长为法治政府建设第一责任人。", "法治建设第一责任人职责"),  # made its holder
    ("局长作为法治建设的第一责任人，带头部署推动。", "法治建设第一责任人职责"),
    ("明确党组书记为第一责任人，亲自研究部署。", "法治建设第一责任人职责"),
    ("召开局党组理论学习中心组(扩大)普法专题学习会3次。", "理论学习中心组学法制度"),
    ("落实党委理论学习中心组法治学习制度。", "理论学习中心组学法制度"),
    ("召开党组理论学习中心组(扩大)集体学法会议。", "理论学习中心组学法制度"),
    ("结合爱国卫生月开展传染病防治法宣传。", "爱国卫生月"),
    ("推行机动车“三检合一”，减少群众跑动。", "三检合一"),
    ("持续推进雪亮工程建设。", "雪亮工程"),
    ("开展长江禁捕执法检查。", "长江十年禁渔"),
    ("深化“一件事”改革，推行集成办理。", "一件事一次办"),
    ("审批事项全部进驻一体化政务服务平台。", "全国一体化政务服务平台"),
    ("动态调整权力和责任清单。", "权责清单制度"),
    ("依法规范行政决策程序，严格合法性审查。", "重大行政决策程序"),
    ("全面推行“两随机、一公开”监管模式。", "双随机、一公开"),
    ("全面推行执法全程记录制度。", "执法全过程记录制度"),
    ("认真落实行政执法目标责任制。", "行政执法责任制"),
    ("区长切实履行推进法治政府建设第一责任职责。", "法治建设第一责任人职责"),
    ("压实法治政府第一责任人，定期听取汇报。", "法治建设第一责任人职责"),
    ("全面实施“二十四证合一”登记改革。", "多证合一"),
    ("在“27证合一”的基础上再整合5项。", "多证合一"),
    ("全年公示行政执法信息120条。", "行政执法公示制度"),
    ("召开推进会，对示范创建工作进行部署。", "法治政府建设示范创建"),
    ("坚持以示范创建为引领。", "法治政府建设示范创建"),
    ("通报全市法治政府建设(依法行政)考核结果。", "法治政府建设考核"),
    # named programmes of central documents and national campaigns (data/measures.tsv, session 14)
    ("开展交通运输执法领域突出问题专项整治，规范执法。", "交通运输执法领域突出问题专项整治"),
    ("部署道路交通安全和运输执法领域突出问题专项整治行动。", "道路交通安全和运输执法领域突出问题专项整治"),
    ("启动安全生产治本攻坚三年行动。", "安全生产治本攻坚三年行动"),
    ("推进政府运行“一网协同”。", "一网协同"),
    ("深入推进跨部门综合监管。", "跨部门综合监管"),
    ("建立行政执法统计年报制度，按时公开数据。", "行政执法统计年报制度"),
    ("制定行政执法案例指导制度。", "行政执法案例指导制度"),
    ("全面实行统一社会信用代码制度。", "统一社会信用代码制度"),
    ("部署行政执法专项整治，查纠问题。", "行政执法突出问题专项整治"),
    ("细化量化裁量基准并向社会公布。", "行政裁量权基准制度"),
    ("建立失信惩戒机制。", "信用联合奖惩"),
    ("实行规范性文件统一登记、统一编号、统一发布。", "规范性文件“三统一”制度"),
    ("依托大综合一体化平台开展检查。", "大综合一体化平台"),
    # other wordings of catalogue entries (session 14, second pass): order, abbreviation, the practice's other name
    ("推行行政执法全过程音像记录，配备记录仪20台。", "执法全过程记录制度"),
    ("严格执行自由裁量权基准。", "行政裁量权基准制度"),
    ("细化裁量权基准，压缩裁量空间。", "行政裁量权基准制度"),
    ("健全行政执法与刑事司法相衔接工作机制。", "行政执法与刑事司法衔接机制"),
    ("公布不予行政处罚事项清单。", "轻微违法不予处罚清单"),
    ("制定从轻减轻行政处罚清单。", "轻微违法不予处罚清单"),
    ("开展“双随机”联合抽查12次。", "双随机、一公开"),
    ("对失信被执行人实施联合惩戒。", "信用联合奖惩"),
    ("坚持规范性文件“三统一”。", "规范性文件“三统一”制度"),
    ("按期清理证明事项，取消证明材料。", "减证便民"),
    ("完成拖欠民营企业中小企业账款清偿。", "清理拖欠民营企业中小企业账款"),
    ("窗口落实首问负责，杜绝推诿。", "首问负责制"),
    ("启动“八五”法治宣传教育。", "“八五”普法"),
    ("完成“七五”法治宣传教育总结验收。", "“七五”普法"),
    ("健全行政调解、人民调解、司法调解联动工作体系。", "三调联动"),
    ("全面落实执法责任制。", "行政执法责任制"),
    ("推行容缺后补，材料后补即可受理。", "容缺受理"),
    ("坚持以案普法，发布典型案例。", "以案释法"),
    ("全面推行企业信用风险分类管理。", "信用分级分类监管"),
    ("全面落实耕地保护田长制。", "田长制"),
    ("开展重大事故隐患专项排查整治行动。", "重大事故隐患专项排查整治"),
    ("利用全国法制宣传日开展宣传。", "12·4国家宪法日"),
    # session 15: wordings and sector systems that reports nobody tuned on write (realextra16's misses, by kind)
    ("修订行政处罚自由裁量标准，细化情节。", "行政裁量权基准制度"),  # 标准 for 基准
    ("各科室对照行政裁量标准办案。", "行政裁量权基准制度"),
    ("“八·五”普法中期以来，开展宣讲8场。", "“八五”普法"),  # a dot inside the plan's number
    ("七.五普法顺利通过验收。", "“七五”普法"),
    ("健全学法用法长效机制，定期考核。", "领导干部学法用法制度"),  # 长效机制 as a head
    ("全市两级政府常务会议累计学法24次。", "政府常务会议会前学法"),  # a count between meeting and study
    ("落实防范和惩治统计造假、弄虚作假责任制，压实责任。", "防范和惩治统计造假、弄虚作假责任制"),
    ("严格执行统计造假弄虚作假责任制度。", "防范和惩治统计造假、弄虚作假责任制"),
    ("落实领导干部干预统计工作记录报告制度，全程留痕。", "领导干部违规干预统计工作记录制度"),
    ("各县区统计局执行领导干部违规干预统计工作记录制度。", "领导干部违规干预统计工作记录制度"),
    # session 15: what each sector's central documents institute for its whole line (data/measures.tsv, its note column)
    ("构建安全风险分级管控和隐患排查治理双重预防机制。", "双重预防机制"),
    ("畅通12350举报投诉热线，受理举报36件。", "12350安全生产举报投诉热线"),
    ("依法适用认罪认罚从宽制度办理案件。", "认罪认罚从宽制度"),
    ("深入开展“断卡”行动，打掉团伙4个。", "断卡行动"),
    ("推进“枫桥式公安派出所”创建活动。", "“枫桥式公安派出所”创建"),
    ("深化公安机关受案立案制度改革。", "受案立案制度改革"),
    ("完成年度土地卫片执法检查。", "卫片执法"),
    ("全面推行承诺达标合格证制度。", "食用农产品合格证制度"),
    ("落实农民工工资保证金制度。", "工资保证金制度"),
    ("配合开展医疗保障基金飞行检查。", "医保基金飞行检查"),
    ("组织医保基金监管集中宣传月活动。", "医保基金监管集中宣传月"),
    ("督促辖区医院开展依法执业自查。", "医疗机构依法执业自查"),
    ("开展传染病防治分类监督综合评价。", "传染病防治分类监督综合评价"),
    ("全年完成领导干部经济责任审计9项。", "经济责任审计"),
    ("试点自然资源资产离任审计。", "领导干部自然资源资产离任审计"),
    ("推进环境信息依法披露制度改革。", "环境信息依法披露制度"),
    ("落实“三线一单”生态环境分区管控。", "生态环境分区管控"),
    ("全力落实“双减”工作，规范校外培训。", "双减"),
    ("严格执行防止干预司法“三个规定”。", "防止干预司法“三个规定”"),
    ("干警如实填报“三个规定”记录事项。", "防止干预司法“三个规定”"),
    ("推进自治、法治、德治“三治融合”。", "三治融合"),
    ("落实“双告知”制度，推送信息。", "双告知"),
    ("开展涉案企业合规改革试点。", "涉案企业合规改革"),
    ("依法推行审计结果公告。", "审计结果公告制度"),
    ("压实食品安全“两个责任”。", "食品安全“两个责任”"),
    ("新设行政执法监督企业联系点15个。", "行政执法监督企业联系点"),
    ("健全特邀行政执法监督员制度。", "特邀行政执法监督员制度"),
    ("谋划“九五”普法规划编制。", "“九五”普法"),
    ("启动九·五普法宣传。", "“九五”普法"),
    ("严格落实信访工作责任制。", "信访工作责任制"),
    ("落实消防安全责任制，开展检查。", "消防安全责任制"),
    ("办结12345市民热线工单320件。", "12345政务服务便民热线"),  # the hotline's local names
    ("整合12345市长热线等政务热线。", "12345政务服务便民热线"),
    ("通过12348法律服务热线解答咨询。", "12348中国法网"),
])
def test_common_wordings_of_catalogue_measures(sentence: str, measure: str) -> None:
    text = f"2022年，我局推进依法行政，取得新的进展。{sentence}\n"
    assert measure in names(extract(text_document("r.txt", text)).measures)


def test_no_measure_from_inside_a_law_named_without_marks() -> None:
    text = "2022年，我局推进依法行政。组织学习行政诉讼法、行政复议法等法律。\n"
    assert not names(extract(text_document("r.txt", text)).measures) & {"行政应诉", "行政复议"}


def test_the_leadership_slogan_names_no_town_committee() -> None:
    text = "三明市将乐县古镛镇2022年法治政府建设工作报告\n构建“党委领导、政府负责、社会协同、公众参与”格局。\n"
    assert not any(a.name.startswith("中共") for a in extract(text_document("r.txt", text)).agencies)


def test_deputies_and_members_are_positions_not_organs() -> None:
    text = "某某县司法局2022年法治政府建设年度报告\n2022年，办理县人大代表建议12件、县政协委员提案8件。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert not any("人民代表大会" in n or "政治协商会议" in n or n in {"县人大", "县政协"} for n in found)


def test_a_town_issuer_found_in_the_body_places_the_report() -> None:
    # the province is named first, the town only as the subject: the town's own bodies are its own
    text = ("2025年，安铺镇坚持以习近平法治思想为指导，落实广东省法治建设部署，现将情况报告如下。\n"
            "沿用“党委中心组领学”机制，镇市场监督管理所、司法所参与普法。\n")
    ex = extract(text_document("r.txt", text))
    assert ex.report.region == "湛江市廉江市安铺镇"
    assert "中共湛江市廉江市安铺镇委员会" in names(ex.agencies)
    assert "湛江市廉江市安铺镇" in names(ex.regions)


def test_a_short_form_followed_by_another_level_is_not_that_division() -> None:
    # 株洲县 (renamed 渌口区 in 2018) is not 株洲市: its bodies are the division it became (a former name)
    text = "中共株洲县委 株洲县人民政府\n关于印发《株洲县深入推进法治政府建设实施方案》的通知\n各镇人民政府：现将方案印发给你们。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert {"中共株洲市渌口区委员会", "株洲市渌口区人民政府"} <= found
    assert not found & {"中共株洲市委员会", "株洲市人民政府"}


@pytest.mark.parametrize(("written", "expected"), [
    ("国家统计局", "国家统计局"), ("国家卫健委", "国家卫生健康委员会"), ("税务总局", "国家税务总局"),
    ("审计署", "审计署"), ("外交部", "外交部"), ("中国人民银行", "中国人民银行"), ("海关总署", "海关总署"),
    ("市统计局", "韶关市统计局"),  # a bureau of the report's own city stays local
])
def test_national_bodies_are_never_local(written: str, expected: str) -> None:
    text = f"2022年，韶关市司法局推进依法行政。配合{written}开展工作。\n"
    assert names(extract(text_document("r.txt", text)).agencies) - {"韶关市司法局"} == {expected}


def test_a_whole_citys_administration_speaking_is_the_city_government() -> None:
    text = ("2018年，我市各级行政机关全面贯彻落实党的十九大精神，紧扣《东莞市法治政府建设规划(2016–2020年)》的任务措施，"
            "深入推进依法行政。\n")
    meta = meta_of(text)
    assert (meta.agency, meta.region) == ("东莞市人民政府", "东莞市")


def test_banner_committee_of_an_inner_mongolian_county() -> None:
    text = "西乌珠穆沁旗司法局2022年法治政府建设年度报告\n2022年，在旗委、旗政府的领导下，我局推进依法行政。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert {"中共锡林郭勒盟西乌珠穆沁旗委员会", "锡林郭勒盟西乌珠穆沁旗人民政府"} <= found  # 旗 qualified by its 盟


@pytest.mark.parametrize("body", ["根据丰都府办〔2025〕3号文件要求开展清理。", "贯彻市政府令第12号。"])
def test_a_document_numbers_prefix_is_no_agency(body: str) -> None:
    text = f"某某县司法局2022年法治政府建设年度报告\n2022年，我局推进依法行政。{body}\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert not any(n.endswith(("人民政府办公室", "人民政府")) for n in found)


def test_quoted_platforms_are_measures_quoted_local_labels_are_not() -> None:
    text = ("2022年，我局推进依法行政，上线“应急宝”APP，推出“一号改革工程”和“3+3服务”，"
            "建立“双楼长”机制。\n")
    found = {m.name: m.kind for m in extract(text_document("r.txt", text)).measures}
    assert found == {"应急宝APP": "平台"}


@pytest.mark.parametrize(("body", "platform"), [
    ("依托皮山县政务服务平台办理审批。", "皮山县政务服务平台"),
    ("全面推进皮山县教育系统依法治校。", None),   # the county's schools and education bodies: a sector
    ("全面推进皮山县公安系统执法规范化建设。", None),
])
def test_a_regions_function_and_系统_is_a_sector_not_a_platform(body: str, platform: str | None) -> None:
    text = f"皮山县教育局2021年法治政府建设报告\n{body}\n"
    found = {m.name for m in extract(text_document("r.txt", text)).measures if m.kind == "平台"}
    assert found == ({platform} if platform else set())


@pytest.mark.parametrize(("body", "measure", "expected"), [
    ("推动学法用法制度化、规范化、常态化。", "领导干部学法用法制度", False),   # 制度化: an adverb
    ("制定印发领导干部学法清单。", "领导干部学法用法制度", False),             # a list named after it
    ("共聘请4名法律顾问、20名公职律师。", "法律顾问制度", False),              # people holding a role
    ("邀请市政府法律顾问强昌文同志作专题讲座。", "法律顾问制度", False),
    ("全面落实政府法律顾问制度。", "法律顾问制度", True),
    ("健全领导干部学法用法制度。", "领导干部学法用法制度", True),
    ("党政主要负责人履行推进法治建设第一责任人，开展述法。", "法治建设第一责任人职责", True),
    ("成立以法治建设第一责任人、局长张某为组长的领导小组。", "法治建设第一责任人职责", False),  # a person
    ("按期开展厅务会会前学法。", "政府常务会议会前学法", False),  # a department's own meeting
    ("严格落实会前学法制度。", "政府常务会议会前学法", True),
    ("用好法治带头人、法律明白人开展宣传。", "“法律明白人”培养工程", False),  # people in a role
    ("培育“法律明白人”120名。", "“法律明白人”培养工程", False),  # quoted, still the role (CONVENTIONS.md i)
    ("实施“法律明白人”培养工程。", "“法律明白人”培养工程", True),
    ("健全执法制度，加强执法监督，规范执法行为。", "行政执法监督", True),  # CONVENTIONS.md h
    ("明确每家企业的年度执法监督部门。", "行政执法监督", False),  # the unit, not the practice
    ("新聘执法监督员12名。", "行政执法监督", False),
    ("开展执法案卷大评查，提升办案质量。", "行政执法案卷评查", True),  # 大 before the act
    ("牵头单位：省行政审批制度改革领导小组办公室。", "行政审批制度改革", False),  # a group's name
    ("深化行政审批制度改革。", "行政审批制度改革", True),
    ("成立“八五”普法工作领导小组，统筹推进。", "“八五”普法", True),  # a plan's group carries it out
    ("明确主要负责人为安全生产第一责任人。", "法治建设第一责任人职责", False),  # another duty
    ("党委理论学习中心组开展法治学习2次。", "理论学习中心组学法制度", False),  # the group's study in general
    ("推行“跨部门监管一件事”改革试点。", "一件事一次办", False),  # the quote opens on another reform
    ("依托省一体化政务服务平台办理审批。", "全国一体化政务服务平台", False),  # the province's own part
    ("制定年度宣传责任清单，明确任务。", "权责清单制度", False),  # some other list of duties
    ("推进国家食品安全示范城市创建。", "法治政府建设示范创建", False),  # a sector's programme
    ("二是健全学法制度，提升干部法治素养。", "领导干部学法用法制度", True),  # the body's own study system
    ("市政府常务会议建立学法制度。", "领导干部学法用法制度", False),  # a meeting's study
    ("落实“谁服务谁普法”普法责任制。", "谁执法谁普法", False),  # another body's 普法责任制
    ("落实“谁执法谁普法”普法责任制。", "谁执法谁普法", True),
    ("落实重大决策三项制度，规范决策行为。", "行政执法“三项制度”", False),  # the three rules of deciding
    ("全面落实三项制度，规范执法行为。", "行政执法“三项制度”", True),
    ("开展防范和惩治统计造假弄虚作假专项治理。", "防范和惩治统计造假、弄虚作假责任制", False),  # no 责任制 named
    ("审批时限和申报材料实现双减半。", "双减", False),  # unquoted: part of another word
    ("研究出台三个规定，规范内部管理。", "防止干预司法“三个规定”", False),  # three rules of its own
    ("聘请特邀行政执法监督员6名。", "特邀行政执法监督员制度", False),  # people in a role
    ("认真落实党风廉政建设责任制。", "党风廉政建设责任制", False),  # party-internal (tests/gold/README.md)
])
def test_a_measures_words_inside_another_phrase_are_no_mention(body: str, measure: str, expected: bool) -> None:
    text = f"某某县司法局2022年法治政府建设年度报告\n2022年，我局推进依法行政。{body}\n"
    found = {m.name for m in extract(text_document("r.txt", text)).measures}
    assert (measure in found) is expected


@pytest.mark.parametrize(("text", "year"), [
    ("2018年是贯彻党的十九大精神的开局之年。一年来，河北省委、省政府坚持依法行政。\n", 2018),
    ("法治政府建设情况\n2020年是“十三五”规划收官之年，我市推进依法行政。\n", 2020),
])
def test_an_opening_that_declares_its_year_is_the_covered_year(text: str, year: int) -> None:
    assert meta_of(text).year == year


# -- agency forms: offices, courts, party bodies and pre-2018 short forms; words that only look like one --

PROVINCE_CITY_REPORT = "江西省南昌市司法局2022年法治政府建设年度报告\n2022年，我局推进依法行政。{body}\n"


@pytest.mark.parametrize(("body", "present", "absent"), [
    ("省政府办公厅印发实施意见。", "江西省人民政府办公厅", "江西省人民政府办公室"),
    ("会同省高级人民法院建立联动机制。", "江西省高级人民法院", None),
    ("省食品药品监管局推行一网受理。", "江西省食品药品监督管理局", None),
    ("案例被国家药品监管局评为典型。", "国家药品监督管理局", None),
    ("组建省民营经济发展局。", "江西省民营经济发展局", None),
    ("邀请省委讲师团作专题辅导。", "中共江西省委讲师团", None),
    ("市政法委牵头开展督查。", "中共南昌市委政法委员会", "南昌市政法委员会"),
    ("被市委法治建设委员会办公室通报表扬。", "中共南昌市委法治建设委员会办公室", None),
    # 中央 heading a list of levels is a level, not the party centre (tests/gold/CONVENTIONS.md d)
    ("贯彻落实中央、省、市决策部署。", None, "中共中央"),
    ("做好中央、省法治督察反馈问题整改。", None, "中共中央"),
    # a bare 厅 is a province's department, even in a city's report; 办公厅 is an office at any level
    ("配合卫生健康厅开展执法检查。", "江西省卫生健康厅", "南昌市卫生健康厅"),
    ("市政府办公厅印发工作方案，办公厅牵头落实。", "南昌市人民政府办公厅", "江西省办公厅"),
    # a commission written with 委 for 委员会 takes its full name, so its two wordings are one body
    ("会同市商务委开展检查，市商务委员会牵头。", "南昌市商务委员会", "南昌市商务委"),
    ("市经济信息化委推进企业合规。", "南昌市经济和信息化委员会", "南昌市经济信息化委"),
    ("市综治委牵头开展平安建设。", "南昌市社会治安综合治理委员会", "南昌市综治委员会"),
    # a named university or the national academy that plays a role; not 大学生 or 大学习
    ("邀请西南政法大学教授作专题讲座。", "西南政法大学", None),
    ("加强与中国社科院、华东政法大学专家合作。", "中国社会科学院", "华东政法"),
    ("组织大学生志愿者普法。", None, "组织大学"),
    ("开展大学习大讨论活动。", None, "开展大学"),
    ("组织干部走进浙江大学参观学习。", "浙江大学", "组织干部走进浙江大学"),
    # a police station written alone after a verb of joint work; a reform's department name with 与
    ("联合派出所、司法所开展普法活动。", "派出所", None),
    ("组建市政务服务与数据管理局。", "南昌市政务服务与数据管理局", None),
    # a court written alone as a verb's object is the generic 人民法院
    ("组织干部旁听法院庭审，全面履行法院生效裁判。", "人民法院", None),
    # 市民中心 alone is the city's; inside another name it is not
    ("在市民中心设立综合窗口。", "南昌市市民中心", None),
    ("依托古北市民中心开展普法。", None, "南昌市市民中心"),
    # a 卫生监督所 is a body; written bare in brackets after another body it is that body's second nameplate
    ("配合市卫生监督所开展检查。", "南昌市卫生监督所", None),
    ("挂牌成立市疾控中心(卫生监督所)。", "南昌市疾病预防控制中心", "南昌市卫生监督所"),
    ("落实省农业农村厅(省乡村振兴局)要求。", "江西省乡村振兴局", None),
    # an organ inside a position, a verb phrase, a study session and a portal's name
    ("省委常委、市委书记作专题辅导。", None, "中共江西省委员会"),
    ("认真组织部署落实各项任务。", None, "组织部"),
    ("学习总书记在中共中央政治局集体学习时的讲话。", None, "中共中央"),
    ("信息同步发布于江西政府网。", None, "江西省人民政府"),
])
def test_agency_forms_and_look_alikes(body: str, present: str | None, absent: str | None) -> None:
    found = names(extract(text_document("r.txt", PROVINCE_CITY_REPORT.format(body=body))).agencies)
    assert present is None or present in found
    assert absent is None or absent not in found


# -- coordinated and listed bodies: each one named, with the prefix the list shares ------------------

@pytest.mark.parametrize(("text", "present", "absent"), [
    ("上海市市场监督管理局2021年法治政府建设情况报告\n金山区和崇明区市场监管局法规科被评为先进集体。\n",
     {"上海市金山区市场监督管理局", "上海市崇明区市场监督管理局"}, set()),
    ("江西省司法厅2022年法治政府建设年度报告\n在省委领导和省人大及其常委会的监督下推进依法行政。\n",
     {"江西省人民代表大会", "江西省人民代表大会常务委员会"}, set()),
    ("广西壮族自治区司法厅2022年法治政府建设年度报告\n听取自治区人大常委会、政府、政协、高级法院、检察院党组工作汇报。\n",
     {"广西壮族自治区高级人民法院", "广西壮族自治区人民检察院", "中国人民政治协商会议广西壮族自治区委员会"},
     {"人民检察院", "政协"}),
    ("某某县司法局2022年法治政府建设年度报告\n要求组织政法委、法院、检察院等单位开展调研。\n",
     {"人民法院", "人民检察院"}, set()),
    ("某某县司法局2022年法治政府建设年度报告\n联合公安、市监、自然资源等部门开展联合执法。\n",
     {"公安部门", "自然资源部门"}, set()),
    ("海南省司法厅2022年法治政府建设年度报告\n各市、县、自治县人民政府要抓好落实。\n",
     set(), {"县人民政府"}),
    ("江西省南昌市司法局2022年法治政府建设年度报告\n“南昌电子税务局”正式上线运行。\n", set(),
     {"江西省南昌市税务局", "南昌市税务局", "税务局", "国家税务总局江西省南昌市税务局"}),  # an online service
])
def test_coordinated_and_listed_bodies(text: str, present: set[str], absent: set[str]) -> None:
    found = names(extract(text_document("r.txt", text)).agencies)
    assert present <= found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected"), [
    ("三明市将乐县古镛镇2022年法治政府建设工作报告\n全年召开镇党委全面依法治镇委员会会议2次。\n",
     "三明市将乐县古镛镇党委全面依法治镇委员会"),
    ("杭州市上城区清波街道2022年法治政府建设工作报告\n组建街道全面依法治街委员会。\n",
     "杭州市上城区清波街道全面依法治街委员会"),
    ("杭州市上城区清波街道2022年法治政府建设工作报告\n形成党工委领导、人大工委监督的工作格局。\n",
     "杭州市上城区清波街道人大工作委员会"),
    ("三明市将乐县古镛镇2022年法治政府建设工作报告\n成立镇委宣讲团开展宣讲。\n", "中共三明市将乐县古镛镇委员会"),
])
def test_a_towns_own_committees_written_without_its_name(text: str, expected: str) -> None:
    assert expected in names(extract(text_document("r.txt", text)).agencies)


def test_a_street_has_no_委_of_its_own() -> None:
    text = "杭州市上城区清波街道2022年法治政府建设工作报告\n制定《中共清波街道委全面依法治街道委员会工作规则》。\n"
    assert "中共杭州市上城区清波街道委员会" not in names(extract(text_document("r.txt", text)).agencies)


# -- issuer6: policy-interpretation pages, two-name headings, bureau party committees, zones -------

@pytest.mark.parametrize(("text", "agency", "region"), [
    # a 政策解读 page names the report it explains: that report's issuer
    ("【政策解读】关于《宁远县人民政府关于2022年度法治政府建设情况的报告》的政策解读\n"
     "县司法局起草了本报告,现解读如下。\n", "永州市宁远县人民政府", "永州市宁远县"),
    # one government under a zone's name and a district's, the district's in brackets
    ("高新区(浑南区)人民政府2023年法治政府建设工作报告\n2023年,区政府坚持依法行政。\n",
     "沈阳市浑南区人民政府", "沈阳市浑南区"),
    # 市局党委 speaks for the bureau; the rules it made name it in full
    ("2022年,市局党委带头履行法治建设第一责任人职责,全市税务系统推进依法治税。\n"
     "5月,制定、实施《绍兴市税务局2022年普法工作要点》。\n", "国家税务总局绍兴市税务局", "绍兴市"),  # its official name
    # 人力社保局: the Zhejiang short form of 人力资源和社会保障局
    ("2021年以来,市人力社保局坚持依法行政,深化“最多跑一次”改革。现将我局工作报告如下。\n"
     "按照宁波市委部署推进。\n", "宁波市人力资源和社会保障局", "宁波市"),
    # an untitled zone report: 我区 with the zone named once in full and its 党工委
    ("2022年,我区坚持依法行政,落实区党工委部署。\n印发成都天府国际空港经济区2022年法治政府建设工作要点。\n",
     "成都天府国际空港经济区管理委员会", "成都市"),
])
def test_issuer_from_headings_and_self_descriptions(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


def test_a_bureau_party_committee_alone_does_not_place_the_report() -> None:
    """局党委 without rules naming the bureau: its bare 教育局 is not qualified by a city the leaders visited."""
    text = "县委、县政府:\n2022年以来,教育局坚持依法治教,落实在无锡考察时重要指示精神。\n局党委理论学习中心组学法12次。\n"
    assert meta_of(text).agency is None


def test_a_district_report_saying_我区_is_the_districts_not_a_zones() -> None:
    text = "成都市双流区2022年法治政府建设工作报告\n2022年,我区坚持依法行政,支持成都天府国际空港经济区管委会工作。\n"
    assert meta_of(text).agency == "成都市双流区人民政府"


@pytest.mark.parametrize(("text", "present", "absent"), [
    # 交通局 is some districts' official name: written after its region it stays as written
    ("重庆市璧山区交通局2022年法治政府建设年度报告\n2022年,我局坚持依法行政。\n",
     {"重庆市璧山区交通局"}, {"重庆市璧山区交通运输局"}),
    # written with a level character only, the short form is expanded as before (outside the regions of
    # data/agency_local_official_names.tsv: in 重庆 a district's 区交通局 is its 交通局)
    ("成都市武侯区司法局2022年法治政府建设年度报告\n配合区交通局开展执法检查。\n",
     {"成都市武侯区交通运输局"}, set()),
    ("重庆市璧山区司法局2022年法治政府建设年度报告\n配合区交通局开展执法检查。\n",
     {"重庆市璧山区交通局"}, {"重庆市璧山区交通运输局"}),
    # ... unless the text writes that region's 交通局 by name: then 区交通局 is that body (session 13)
    ("重庆市璧山区交通局2022年法治政府建设年度报告\n2022年,区交通局坚持依法行政。\n",
     {"重庆市璧山区交通局"}, {"重庆市璧山区交通运输局"}),
    # a short form the abbreviation table knows, listed before 等部门
    ("某某县司法局2022年法治政府建设年度报告\n会同应急、市监、公安等部门开展检查。\n",
     {"市场监管部门", "公安部门"}, set()),
    # a zone department's short form: 综治局 is the 综合治理局
    ("珠海高新区综治局2022年法治政府建设年度报告\n2022年,我局坚持依法行政。\n",
     {"珠海高新技术产业开发区综合治理局"}, {"珠海高新技术产业开发区综治局"}),
])
def test_official_and_short_agency_forms(text: str, present: set[str], absent: set[str]) -> None:
    found = names(extract(text_document("r.txt", text)).agencies)
    assert present <= found, found
    assert not absent & found


@pytest.mark.parametrize(("text", "expected", "absent"), [
    # a verb before the zone is not part of its name
    ("大连市司法局2022年法治政府建设年度报告\n结合经济技术开发区管理委员会的职能推进工作。\n",
     "大连市经济技术开发区管理委员会", "结合经济技术开发区管理委员会"),
    # a cited title's wording does not name the zone a bare 高新区 is
    ("高新区管委会2022年法治政府建设年度报告\n2022年,高新区坚持依法行政,起草《珠海经济特区国家高新技术产业开发区条例》,配合珠海市司法局工作。\n",
     "珠海高新技术产业开发区管理委员会", "珠海经济特区国家高新技术产业开发区管理委员会"),
])
def test_zone_names_start_at_the_name(text: str, expected: str, absent: str) -> None:
    found = names(extract(text_document("r.txt", text)).agencies)
    assert expected in found, found
    assert absent not in found


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a zone named without its division lies in the report's city (the 开发区 convention: the city is its region)
    ("2022年,在成都市委、市政府的正确领导下,我区坚持依法行政,现将天府新区2022年度法治政府建设情况报告如下:\n"
     "一、配合市司法局开展执法检查。\n", "天府新区管理委员会", "成都市"),
    ("2023年,在大连市委、市政府的坚强领导下,我区深入推进依法行政。现将金普新区2023年法治政府建设情况报告如下:\n",
     "金普新区管理委员会", "大连市"),
    # a bare short form placed nowhere keeps its head in full, and no region
    ("今年以来,高新区全面贯彻党的二十大精神,为我区发展提供法治保障。现将2021年法治政府建设情况报告如下:\n",
     "高新技术产业开发区管理委员会", None),
    ("2020年,经开区坚持依法行政,为我区发展提供法治保障。现将有关情况报告如下:\n", "经济技术开发区管理委员会", None),
])
def test_a_zone_report_names_the_zone_as_written_in_its_city(text: str, agency: str, region: str | None) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize(("text", "agency", "region"), [
    ("2022年,地区教育局坚持依法治教,推动全地区教育系统依法行政。\n一、制定了《喀什地区教育系统普法工作方案》。\n",
     "喀什地区教育局", "喀什地区"),
    ("2021年以来,地区财政处深入推进依法理财。\n(一)全地区财政系统开展学法活动,贯彻《阿里地区财政资金管理办法》。\n",
     "阿里地区财政处", "阿里地区"),
])
def test_a_prefectures_department_by_its_level_word(text: str, agency: str, region: str) -> None:
    """A 地区's department writes itself 地区X局/地区X处; a report that calls its division 全地区 is the 地区's."""
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize(("text", "agency"), [
    ("2022年,在乐山市委、市政府的领导下,我局坚持依法行政,全市交通运输系统开展普法活动。\n一、推进执法规范化。"
     "组织全市交通运输系统执法人员培训。\n", "乐山市交通运输局"),
    ("一、主要举措\n我委组织全县卫生健康系统干部学法,配合宁乡市司法局开展检查,全县卫生健康系统参考率100%。\n",
     None),  # 宁乡市 is a county-level city: 全县 is not its division, so no body is named
    ("2021年,在拱墅区委、区政府的领导下,我委深入推进依法行政,全区教育系统开展法治宣传,推进法治拱墅建设,"
     "全区教育系统干部职工参加考试。\n", "杭州市拱墅区教育委员会"),
    # named once, the sector may be one the body serves (a 司法局 推进全区教育系统普法)
    ("2021年,在拱墅区委、区政府的领导下,我局深入推进依法行政,推进全区教育系统普法,推进法治拱墅建设。\n", None),
])
def test_a_department_named_by_the_sector_of_its_division(text: str, agency: str | None) -> None:
    """A report that calls itself only 我局/我委 and names one sector of its division (全区卫生健康系统) is
    that division's department of the sector."""
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "year"), [
    ("一、2023年推进法治政府建设的主要举措和成效\n(一)加强学习。组织干部学法,开展专题培训,推动依法行政,"
     "邀请律师讲授民法典,组织旁听庭审活动,提升领导干部法治素养。\n", 2023),
    ("一、2021年度法治政府建设工作情况\n(一)坚持党的领导。召开专题会议,研究部署法治政府建设,压实责任,"
     "将法治建设纳入年度考核,定期听取工作汇报,解决突出问题。\n", 2021),
])
def test_an_excerpt_from_its_first_heading_takes_the_headings_year(text: str, year: int) -> None:
    assert meta_of(text).year == year


@pytest.mark.parametrize(("text", "region"), [
    ("翠亨新区(南朗街道)2023年法治政府建设年度报告\n2023年,翠亨新区坚持依法行政,围绕区党工委、管委会中心工作推进法治建设。\n",
     "中山市南朗街道"),
    ("高新区(新市区)2022年法治政府建设年度报告\n2022年,高新区坚持依法行政,围绕区党工委、管委会中心工作推进法治建设。\n",
     "乌鲁木齐市新市区"),
])
def test_a_zones_second_name_in_brackets_is_its_region(text: str, region: str) -> None:
    """火炬高新区(中山港街道): one body under a zone's and a division's name; the division is the report's region."""
    assert meta_of(text).region == region


@pytest.mark.parametrize(("text", "agency"), [
    # the body 我局 works with is no subject of the opening: the report never names itself
    ("2022年,在县委、县政府的坚强领导下,我局深入推进依法行政,现将2022年法治政府建设情况报告如下:\n一、主要举措\n"
     "(一)深化改革。我局全面推行“双随机、一公开”监管,配合泰顺县司法局开展执法检查。\n", None),
    ("2021年,我局坚持依法行政。现将有关情况报告如下:\n一、主要做法\n联合仙居县市场监督管理局开展专项整治行动。\n", None),
    # 本报告由X按照《…》《…》要求编制: the author, however long the documents it follows
    ("本报告由平阳县应急管理局按照《中华人民共和国政府信息公开条例》(国务院令第711号)和《国务院办公厅政府信息与政务公开"
     "办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》(国办公开办函〔2021〕30号)要求编制。"
     "本年度报告中所列数据统计期限从2023年1月1日到2023年12月31日。我局…\n", "温州市平阳县应急管理局"),
])
def test_a_self_speaking_reports_issuer_is_its_subject_not_a_partner(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    ("阿勒泰地区2022年法治政府建设情况报告\n2022年,阿勒泰地区坚持依法行政,全面推进法治阿勒泰建设。\n", "阿勒泰地区行政公署"),
    ("锡林郭勒盟2021年法治政府建设年度报告\n2021年,锡林郭勒盟坚持依法行政。\n", "锡林郭勒盟行政公署"),
    ("阿克苏市2021年法治政府建设年度报告\n2021年,阿克苏市坚持依法行政。\n", "阿克苏地区阿克苏市人民政府"),
])
def test_a_prefectures_government_is_its_administrative_office(text: str, agency: str) -> None:
    """A 地区 or 盟 (a prefecture that is no city) is governed by its 行政公署, not a 人民政府."""
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    ("2024年,我街道在区委、区政府的正确领导下,深入推进法治政府建设,奋力谱写法治杨家坪建设新篇章。\n", "杨家坪街道办事处"),
    ("2023年,我镇深入推进依法行政,全面推进法治蔡家桥建设,全镇上下形成合力。\n", "蔡家桥镇人民政府"),
])
def test_a_township_placed_nowhere_by_the_stem_of_its_slogan(text: str, agency: str) -> None:
    """我镇/我街道 in a text placed nowhere: the one township whose two- or three-character stem its slogan writes."""
    found = meta_of(text).agency
    assert found is not None and found.endswith(agency)


@pytest.mark.parametrize(("text", "agency"), [
    ("2021年以来,在市委市政府的坚强领导下,我局深入推进依法行政。现将有关情况报告如下:\n"
     "(一)加强组织领导。莆田市城市管理局党组高度重视法治建设,将其纳入年度工作要点。\n", "莆田市城市管理局"),
    ("2022年,我局坚持依法行政。现将有关情况报告如下:\n一、主要做法\n(一)强化领导。衢州市水利局党委坚持把法治建设"
     "摆在突出位置。\n", "衢州市水利局"),
    # a superior's group guides; it does not act as the report's body
    ("2022年,我局坚持依法行政。现将有关情况报告如下:\n一、主要做法\n在衢州市水利局党委的指导下,推进法治建设。\n", None),
])
def test_a_self_speaking_report_named_by_its_acting_party_group(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("signer", "agency"), [
    ("中共平湖市委全面依法治市委员会办公室", "中共嘉兴市平湖市委全面依法治市委员会办公室"),
    ("中共桐庐县委办公室", "中共杭州市桐庐县委办公室"),
])
def test_a_notice_signed_by_a_party_body(signer: str, agency: str) -> None:
    """A party body's name line (中共…委…办公室) signs the notice: its issuer."""
    text = ("关于印发《2023年法治政府建设工作要点》的通知\n各乡镇人民政府,各部门:\n"
            "现将《2023年法治政府建设工作要点》印发给你们,请认真贯彻落实。\n" + signer + "\n2023年3月10日\n")
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("opening", "agency"), [
    ("2022年,瑞昌市应急管理局坚定不移推进依法行政", "九江市瑞昌市应急管理局"),
    ("2023年,武隆区交通运输委员会聚力法治交通建设", "重庆市武隆区交通运输委员会"),
    ("2021年,忻州市生态环境局对标法治政府建设要求", "忻州市生态环境局"),
    ("2024年,江宁区人民政府树牢法治思维", "南京市江宁区人民政府"),
    ("2022年,凤阳县自然资源和规划局完善依法行政制度体系", "滁州市凤阳县自然资源和规划局"),
])
def test_an_untitled_openings_subject_with_the_verbs_reports_use(opening: str, agency: str) -> None:
    text = opening + ",各项工作取得积极成效。现将有关情况报告如下:\n一、主要举措\n"
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("opening", "year"), [
    ("2021年全年,乐清市司法局坚持依法行政", 2021),
    ("2023年1-12月,我局坚持依法行政", 2023),
    ("二〇二二年,北仑区人民政府坚持依法行政", 2022),
    ("二〇一九年以来,我县坚持依法行政", 2019),
])
def test_the_year_an_untitled_opening_starts_with(opening: str, year: int) -> None:
    text = opening + ",各项工作取得积极成效。现将有关情况报告如下:\n一、主要举措\n"
    assert meta_of(text).year == year


@pytest.mark.parametrize(("title", "agency", "doc_type"), [
    # a plan named after its region does not say who issued it (市委 and 市政府 jointly, or either, or an
    # office): no issuer, as a reader would leave it (realextra6 017's gold)
    ("兰溪市法治政府建设实施方案（2021—2025年）", None, "实施方案/实施细则"),
    ("兰溪市人民政府2022年法治政府建设情况报告(全文)", "金华市兰溪市人民政府", "年度报告"),
    ("兰溪市司法局2023年法治政府建设工作计划", "金华市兰溪市司法局", "工作要点"),
    ("兰溪市2023年法治政府建设工作安排", None, "工作要点"),
    ("兰溪市应急管理局2022年度法治政府建设工作情况汇报", "金华市兰溪市应急管理局", "年度报告"),
])
def test_titles_with_a_bracketed_tail_or_another_kind_word(title: str, agency: str | None, doc_type: str) -> None:
    """A title may end with its span of years or status in brackets, or call itself 计划/安排/汇报."""
    meta = meta_of(title + "\n为深入推进依法行政,加快建设法治政府,结合实际,现就有关事项明确如下。\n一、总体要求\n")
    half_width = str.maketrans("（）", "()")  # titles are kept with brackets normalised
    assert (meta.title, meta.agency, meta.doc_type) == (title.translate(half_width), agency, doc_type)


@pytest.mark.parametrize(("text", "region"), [
    ("2022年,我局在温岭市委、市政府的坚强领导下,坚持依法行政,现将有关情况报告如下:\n一、主要举措\n", "台州市温岭市"),
    ("2023年,在中共安吉县委、安吉县人民政府的正确领导下,我局深入推进依法行政。现将有关情况报告如下:\n", "湖州市安吉县"),
    # a township works under the division above: its own division stays unknown
    ("2021年,我镇在云和县委、县政府的坚强领导下,坚持依法行政,现将有关情况报告如下:\n", None),
    # a department (我局) under its division's organs written by level alone, in a text placed in a 区
    ("2023年，在区委、区政府的坚强领导下，我局坚持依法行政。我局认真落实吴兴区法治政府建设部署。\n", "湖州市吴兴区"),
    # … the organs of another level than the text's region: not placed
    ("2023年，在县委、县政府的坚强领导下，我局坚持依法行政。我局认真落实湖州市法治政府建设部署。\n", None),
])
def test_a_departments_region_from_the_leadership_it_works_under(text: str, region: str | None) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (None, region)


def test_the_opening_runs_to_the_sentence_that_announces_the_report() -> None:
    """A page's headline and source rows come first; the subject is in the sentence before 报告如下."""
    text = ("[河南省政府发布年度报告] 对法治政府建设的几点思考与体会\n"
            "时间:2019-05-10 09:12:00 来源:某某资源网 本文已影响 某某资源网手机站\n"
            "2018年,河南省政府以习近平新时代中国特色社会主义思想为指导,深入推进依法行政。现将有关情况报告如下:\n"
            "一、依法全面履行政府职能\n")
    assert (meta_of(text).agency, meta_of(text).region) == ("河南省人民政府", "河南省")


@pytest.mark.parametrize("header", [
    "政府门户网站 | 适老版 | 无障碍 | English\n当前位置：首页 > 政务公开 > 法治政府建设 > 正文\n",
    "发布时间：2023-03-28 10:21  来源：本网  浏览次数：123\n",
])
def test_page_furniture_is_not_the_opening(header: str) -> None:
    """A banner, breadcrumb or metadata row long enough to pass for a sentence does not push the
    subject of an untitled report's second sentence out of the opening."""
    text = header + ("2022年是全面贯彻落实法治政府建设实施纲要的关键之年。一年来,河北省委、省政府坚持以习近平法治思想为指导,深入推进依法行政。\n"
                     "一、依法全面履行政府职能\n")
    assert (meta_of(text).agency, meta_of(text).region) == ("河北省人民政府", "河北省")


@pytest.mark.parametrize(("text", "agency"), [
    ("2021年以来,宣城市\n公安局按照市委、市政府的部署,深入推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n",
     "宣城市公安局"),
    ("交通\n运输部2017年度法治政府部门建设工作情况\n2017年,部党组坚持依法行政。\n", "交通运输部"),
    ("长治市人力资\n源和社会保障局2020年法治政府建设情况报告\n2020年,我局坚持依法行政。\n", "长治市人力资源和社会保障局"),
    ("发布机构: 古镛镇\n人民政府\n2022年,全镇坚持依法行政,推进法治政府建设工作。\n", "古镛镇人民政府"),
])
def test_a_line_break_inside_a_name_is_layout(text: str, agency: str) -> None:
    ex = extract(text_document("r.txt", text))
    assert ex.report.agency.endswith(agency)
    issued = next(r for r in ex.relations if r.type == "ISSUED")
    assert text[issued.evidence.start:issued.evidence.end] == issued.evidence.sentence  # quoted as published


def test_joining_a_broken_name_keeps_the_report_id() -> None:
    """The id hashes the text as loaded: a store that holds the report finds it again on re-ingest."""
    import hashlib

    text = "交通\n运输部2017年度法治政府部门建设工作情况\n2017年,部党组坚持依法行政。\n"
    loaded = text_document("r.txt", text)
    ex = extract(loaded)
    assert ex.report.agency == "交通运输部"  # the break was joined for the extraction
    assert ex.report_id == hashlib.sha256(loaded.text.encode("utf-8")).hexdigest()[:16]


def test_a_line_break_between_names_stays() -> None:
    text = "2022年,我局坚持依法行政,推进法治政府建设。\n宣城市公安局\n2022年1月10日\n"
    ex = extract(text_document("r.txt", text))
    assert ex.report.agency == "宣城市公安局" and ex.report.date == "2022-01-10"


def test_a_title_row_names_a_division_the_table_lacks() -> None:
    """标题: X — the value of a page's title row opens like a title line (呼中区: not in the table)."""
    text = ("标题：呼中区教育局关于2025年度法治政府建设工作报告\n"
            "呼中区教育局在区政府的正确领导下,积极推进法治政府建设工作。\n")
    assert (meta_of(text).agency, meta_of(text).region) == ("呼中区教育局", "呼中区")


@pytest.mark.parametrize("title", [
    "西乌珠穆沁旗人民政府2024\n年度法治政府建设情况报告",  # a break inside the year
    "赵县人民政府202\n2年度法治政府建设情况报告",
    "西乌珠穆沁旗人民政府2024年度法治政府建设\n情况报告",  # a tail too short to be a title alone
    "关\n于西乌珠穆沁旗人民政府2024年度法治政府建设情况的报告",
])
def test_a_title_wrapped_anywhere_still_names_its_issuer(title: str) -> None:
    text = title + "\n主任、各位副主任、委员:\n2024年,各部门坚持依法行政,深入推进法治政府建设。\n"
    meta = meta_of(text)
    assert meta.agency.endswith(("西乌珠穆沁旗人民政府", "赵县人民政府")) and meta.title.endswith(("报告", "情况"))


def test_a_letter_spaced_title_with_digits() -> None:
    """福 建 省 2 0 2 1 年 度…: a heading spaced out letter by letter, its year's digits included."""
    text = "福 建 省 2 0 2 1 年 度 法 治 政 府 建 设 情 况\n2021年,各部门坚持依法行政,深入推进法治政府建设。\n"
    assert (meta_of(text).agency, meta_of(text).year) == ("福建省人民政府", 2021)


@pytest.mark.parametrize(("title", "expected"), [
    ("法治政府建设纲要(2015-2020年)", "法治政府建设实施纲要(2015-2020年)"),  # 实施 dropped
    ("法治政府建设实施纲要(2022-2025年)", "法治政府建设实施纲要(2021-2025年)"),  # first year misprinted
    ("法治政府建设实施纲要(20152020年)", "法治政府建设实施纲要(2015-2020年)"),  # dash lost
    ("广东省法治政府建设实施纲要(2016-2020年)", None),  # a province's own plan is not the national one
    ("法治政府建设实施纲要(2021-2035年)", None),  # no edition ends in 2035
])
def test_a_dated_plan_resolves_to_the_edition_its_last_year_names(title: str, expected: str | None) -> None:
    from fazhi.extraction.laws import lookup

    found = lookup(title)
    assert (found.name if found else None) == expected


# -- issuer7: whole-division openings without a title, zones named in full, 文号 rows -----------------

@pytest.mark.parametrize(("text", "agency", "region"), [
    # 全省… with the province named only in a cited regulation, the most-named place one of its cities
    ("2019年,全省各级行政机关高举伟大旗帜,深入推进依法行政。\n长春市、二道区开展试点。\n"
     "贯彻《吉林省优化营商环境条例》。\n", "吉林省人民政府", "吉林省"),
    # the division's work as the subject: 中村乡法治政府建设工作在…领导下 (a name several counties share)
    ("市委全面依法治市委员会:\n2025年,中村乡法治政府建设工作在市委、市人民政府的正确领导下,认真落实上级部署。\n",
     "中村乡人民政府", "中村乡"),
    # no title, no subject: the only town named, which the text calls 全镇 and 本镇
    ("一、主要举措\n调整蔡家桥镇法治政府建设领导小组成员,推进全镇法治政府建设,加强党对本镇工作的领导。\n"
     "组织参加宣城市国家工作人员在线学法考试。\n", "宣城市旌德县蔡家桥镇人民政府", "宣城市旌德县蔡家桥镇"),
    # a 政府信息公开 report names its author: 现公布X…年度报告, X编制了本报告
    ("工作年度报告\n依据《中华人民共和国政府信息公开条例》,现公布清远市农业农村局2021年政府信息公开工作年度报告。"
     "本报告由六部分组成。\n", "清远市农业农村局", "清远市"),
    ("根据《中华人民共和国政府信息公开条例》要求,长沙县人民政府编制了本报告。\n一、总体情况\n", "长沙市长沙县人民政府",
     "长沙市长沙县"),
    # a branch named by a district the scanner cannot cut out (增城区分局: 区分 is a word)
    ("广州市公安局增城区分局关于2024年度法治政府建设情况的报告\n2024年,我分局坚持依法行政。\n",
     "广州市公安局增城区分局", "广州市增城区"),
])
def test_issuer_of_a_division_speaking_of_itself_an_author_or_a_branch(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize("text", [
    "一、主要举措\n我局推进全县教育系统依法治校,指导全县学校开展普法,落实南昌县部署。\n",
    "2022年,在县委县政府领导下,教育系统推进依法治校,全县学校开展普法,全县教师参加培训。\n泰顺县教育局指导。\n",
])
def test_a_departments_全县_is_not_its_issuer(text: str) -> None:
    """A department speaks (我局, or its 系统): the county it serves (全县, named once) is no issuer."""
    assert meta_of(text).agency is None


def test_a_zone_named_in_full_issues_its_report_without_a_region() -> None:
    """A page that strips the city's name: the 管委会 as written, no region guessed."""
    text = "经济技术开发区管理委员会关于 2022年法治政府建设情况报告\n2022年,经开区坚持依法行政。\n"
    meta = meta_of(text)
    assert (meta.agency, meta.region) == ("经济技术开发区管理委员会", None)


@pytest.mark.parametrize(("text", "number", "year"), [
    # a table row squashed by the loader: 文  号 X
    ("发布机构 自治区人民政府 文  号 内政发〔2013〕62号\n成文日期 2013-07-02\n"
     "内蒙古自治区人民政府关于印发《内蒙古自治区人民政府工作规则》的通知\n各盟行政公署:\n", "内政发〔2013〕62号", 2013),
    # the label on a line of its own, the number under it, far down a page's metadata list
    ("返回顶部\n\n镇巴县人民政府工作规则\n" + "  • 来源:\n" * 8 + "  • 发文字号:\n\n    镇政发〔2024〕7号\n"
     "镇巴县人民政府工作规则\n第一章总则\n", "镇政发〔2024〕7号", 2024),
])
def test_doc_number_rows_and_the_issue_year_they_give(text: str, number: str, year: int) -> None:
    meta = meta_of(text)
    assert (meta.doc_number, meta.year) == (number, year)


def test_a_governments_rules_are_titled_and_of_type_other() -> None:
    meta = meta_of("返回顶部\n\n镇巴县人民政府工作规则\n第一章总则\n一、结合本县实际,制定本规则。\n")
    assert (meta.title, meta.agency, meta.doc_type) == ("镇巴县人民政府工作规则", "汉中市镇巴县人民政府", "其他")


@pytest.mark.parametrize(("text", "agency"), [
    # a 党组 signs for the body it leads (ANNOTATION.md); the 党组 is no agency
    ("2022年度法治政府建设情况报告\n2022年,我委坚持依法行政。\n\n中共南京市发展和改革委员会党组\n2023年2月1日\n",
     "南京市发展和改革委员会"),
    # 区市场监管局 as the subject, the same body named in full further on
    ("2022年,在区委、区政府的坚强领导下,区市场监管局坚持依法行政,推进执法规范化建设。\n"
     "成都市武侯区市场监督管理局推进执法规范化。\n", "成都市武侯区市场监督管理局"),
    # 本街道 as the subject, the street named once under its district
    ("2023年,在区委区政府的坚强领导下,本街道深入推进法治政府建设,全面提升依法行政水平。\n"
     "一、主要工作\n海曙区南门街道组织开展普法。\n", "宁波市海曙区南门街道办事处"),
])
def test_issuer_signed_by_its_party_group_or_named_in_full_later(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


def test_a_bare_head_is_not_completed_by_another_bodys_full_name() -> None:
    """司法局坚持… naming 南昌市司法局 (the city's bureau above it): the county bureau stays unknown."""
    text = "2022年,司法局坚持依法行政,推进执法规范化建设,认真落实各项部署。\n配合南昌市司法局开展督察。\n"
    assert meta_of(text).agency != "南昌市司法局"


_PLAIN_BODY = ("2022年,在县委县政府的坚强领导下,我们坚持以习近平法治思想为指导,全面推进依法行政,各项工作取得新成效。"
               "现将有关情况报告如下:\n一、主要工作\n加强学法用法。\n")


@pytest.mark.parametrize(("head", "tail", "agency"), [
    ("2022年度法治政府建设工作报告\n来源:泰顺县司法局 发布时间:2023-02-01\n", "", "温州市泰顺县司法局"),
    ("2022年度法治政府建设工作报告\n发文机关 泰顺县司法局\n", "", "温州市泰顺县司法局"),  # squashed table row
    ("2022年度法治政府建设工作报告\n泰顺县司法局\n", "", "温州市泰顺县司法局"),  # a byline under the title
    ("2022年度法治政府建设工作报告\n（泰顺县司法局 2023年1月5日）\n", "", "温州市泰顺县司法局"),
    ("【泰顺县司法局】2022年度法治政府建设工作报告\n", "", "温州市泰顺县司法局"),
    ("2022年度法治政府建设工作报告\n", "\n中共泰顺县委 泰顺县人民政府\n2023年1月5日\n", "温州市泰顺县人民政府"),
    ("2022年度法治政府建设工作报告\n", "\n泰顺县司法局\n2023.1.5\n", "温州市泰顺县司法局"),
    # a government's office puts its reports up: no issuer
    ("2022年度法治政府建设工作报告\n来源:泰顺县人民政府办公室\n", "", None),
])
def test_issuer_from_page_rows_bylines_and_signatures(head: str, tail: str, agency: str | None) -> None:
    assert meta_of(head + _PLAIN_BODY + tail).agency == agency


def test_a_dated_page_stamp_above_the_body_is_no_signature() -> None:
    """古城街道2025年度… / 2026-01-27: a publication stamp under the title, not a signed date."""
    meta = meta_of("古城街道2025年度法治政府建设工作报告\n2026-01-27\n" + _PLAIN_BODY)
    assert meta.date is None


@pytest.mark.parametrize(("subject", "agency"), [
    ("国家税务总局泰顺县税务局", "国家税务总局温州市泰顺县税务局"),  # a county tax bureau under the national line
    ("温州市生态环境局泰顺分局", "温州市生态环境局泰顺分局"),  # a city bureau's branch, by the county's name
    ("杭州市公安局上城区分局", "杭州市公安局上城区分局"),
    ("泰顺县消防救援大队", "温州市泰顺县消防救援大队"),
    ("泰顺县文化和广电旅游体育局", "温州市泰顺县文化和广电旅游体育局"),
    ("泰顺县各级各部门", "温州市泰顺县人民政府"),
    ("温州市各级行政机关", "温州市人民政府"),
    ("温州市司法局党委", "温州市司法局"),  # a bureau's party committee acting for it
    ("温州市人民政府外事办公室", "温州市外事办公室"),  # an office named through its government
    ("全县上下", None),  # no county named: no issuer
])
def test_issuer_names_of_line_bodies_branches_and_squads(subject: str, agency: str | None) -> None:
    assert meta_of(f"2022年,{subject}坚持以习近平法治思想为指导,全面推进依法行政,各项工作取得新成效。\n").agency == agency


def test_a_bare_squad_is_not_the_report_levels() -> None:
    """综合执法大队 in a county's report may be any town's: kept as written, not qualified."""
    text = "泰顺县2022年法治政府建设工作报告\n整合司法所、综合执法大队力量开展执法。\n"
    assert "温州市泰顺县综合执法大队" not in names(extract(text_document("r.txt", text)).agencies)


def test_plural_addressees_of_banners_and_leagues_are_no_agencies() -> None:
    text = "内蒙古自治区人民政府关于印发工作规则的通知\n各盟行政公署、市人民政府,各旗县人民政府,自治区各委、办、厅、局:\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert not {"市人民政府", "县人民政府"} & found


def test_a_rule_of_law_office_takes_the_level_its_name_says() -> None:
    """全面依法治市办 in a county's report is the city's office, not the county's."""
    text = "浮梁县2022年法治政府建设报告\n该项工作被全面依法治市办向省级推荐,景德镇市委决定。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert "中共景德镇市委全面依法治市委员会办公室" in found
    assert not any("浮梁县委全面依法治市" in name for name in found)


def test_the_drafting_bureau_is_not_the_issuer() -> None:
    """县司法局起草了本报告: the bureau drafts its government's report; it does not issue it."""
    assert meta_of("根据上述要求,县司法局起草了本报告,现解读如下。\n").agency is None


def test_an_index_number_places_a_report_whose_body_stays_unknown() -> None:
    """索引号 330329/…: the publisher's division (泰顺县) is the report's region; 我局 names no body."""
    meta = meta_of("2022年度法治政府建设工作报告\n索引号:330329/2023-00012\n2022年,我局坚持依法行政,各项工作取得新成效。\n")
    assert (meta.agency, meta.region) == (None, "温州市泰顺县")


def test_a_notices_issuer_lines_below_the_pages_header_title() -> None:
    """The page prints the title in its header, the document its issuer lines above its own 关于… line
    (wrapped); a county under its former name (株洲县, now 渌口区) is the division it became; the year is the
    notice's."""
    text = ("关于印发《株洲县深入推进法治政府建设实施方案》的通知\n株洲县政府门户网站 更新时间:2017-03-22\n\n"
            "中共株洲县委\n\n株洲县人民政府\n\n关于印发《株洲县深入推进法治政府建设\n\n实施方案》的通知\n\n"
            "各镇党委和人民政府:\n现将《株洲县深入推进法治政府建设实施方案》印发给你们,请认真贯彻执行。\n")
    meta = meta_of(text)
    assert (meta.agency, meta.region, meta.year) == ("株洲市渌口区人民政府", "株洲市渌口区", 2017)



def test_a_sites_menu_row_names_no_agencies() -> None:
    text = ("欢迎访问株洲县政府门户网站!\n\n县委| 县人大| 县政协\n\n株洲县人民政府关于2016年法治政府建设情况的报告\n"
            "2016年,县政府坚持依法行政,自觉接受县人大监督。\n")
    found = names(extract(text_document("r.txt", text)).agencies)
    assert "县委" not in found and "县政协" not in found


@pytest.mark.parametrize(("text", "agency"), [
    ("2022年,我委坚持依法行政。\n印发《温州市发展和改革委员会重大行政决策程序规定》。\n", "温州市发展和改革委员会"),
    ("2022年,我办坚持依法行政。\n印发《温州市人民政府办公室公文处理办法》。\n", "温州市人民政府办公室"),
    ("2022年,全县上下坚持依法行政,各项工作取得新成效。\n泰顺县开展普法。\n", "温州市泰顺县人民政府"),
    # 街道 alone as the subject; the street's stem in 鱼复法治建设, its county in a cited plan
    ("为进一步加强法治政府建设,2021年来,街道按照《奉节县法治政府建设实施方案》的要求,奋力谱写鱼复法治建设新篇章。\n",
     "重庆市奉节县鱼复街道办事处"),
])
def test_我委_我办_and_全县上下_name_their_body(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency



def test_a_region_event_past_the_first_sentence_names_no_issuer() -> None:
    """Only the headline's or first sentence's event is the page's: a later 召开 is one event reported."""
    text = "2022年,我们按照要求推进依法行政工作,取得成效。\n3月,泰顺县召开法治政府建设推进会。\n"
    assert meta_of(text).agency is None


def test_a_short_form_before_a_level_word_it_does_not_end_with_stays_short() -> None:
    """镇宁 is a 自治县: 镇宁州 is no spelling of it, so the hit does not take the 州."""
    from fazhi.extraction.regions import RegionGazetteer
    hits = RegionGazetteer.default().find("镇宁自治县和镇宁州")
    assert [h.surface for h in hits][:1] == ["镇宁自治县"]
    assert all(h.surface != "镇宁州" for h in hits)


@pytest.mark.parametrize(("text", "agency"), [
    # 我镇/我乡/我街道 as the opening's subject in a text placed nowhere: the one township of that kind named
    ("2021年,我镇全面落实区委部署,推进依法行政。\n制定《城关镇普法工作方案》,镇机关各部门参与。\n", "城关镇人民政府"),
    ("2022年来,我乡坚持依法行政,深入推进普法。\n印发《新华乡法治宣传教育方案》。\n", "新华乡人民政府"),
    # two townships named, or a department's report (我所): no guess
    ("2021年,我镇全面落实区委部署。\n学习城关镇、新华镇的做法。\n", None),
    ("2021年,我镇全面落实区委部署。\n我所配合城关镇开展普法。\n", None),
])
def test_我镇_with_one_township_named(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # 我乡/我街 placed nowhere: the township writes its own stem in its slogan or its own plan's title
    ("2023年,在县委、县政府的领导下,我乡坚持以习近平法治思想为指导,推进依法行政,奋力谱写法治芹洋建设新篇章。"
     "现将有关情况报告如下:\n一、主要举措\n", "宁德市寿宁县芹洋乡人民政府"),
    ("2024年,我街深入学习贯彻习近平法治思想,推进基层依法治理。现将情况报告如下:\n一、主要举措\n"
     "制定《海游街理论学习中心组学习计划》。\n", "台州市三门县海游街道办事处"),
    # two townships' stems, stems that are words (法治文化, 法治乡村, 《中华…), or a department's report: no guess
    ("2024年,我街深入学习贯彻习近平法治思想。现将情况报告如下:\n制定《冶源街2024年普法计划》《海游街学法制度》。\n", None),
    ("2023年,我乡坚持依法行政,推进法治文化建设和法治乡村建设。现将有关情况报告如下:\n", None),
    ("2023年,我乡坚持依法行政,学习《中华人民共和国宪法》。现将有关情况报告如下:\n", None),
    ("2023年,我局坚持依法行政,推进法治芹洋建设。现将有关情况报告如下:\n", None),
    # the stem of another kind of township (芹洋乡 exists, no 芹洋镇)
    ("2023年,我镇坚持依法行政,推进法治芹洋建设。现将有关情况报告如下:\n", None),
])
def test_我乡_我街_with_their_own_stem(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a national body that reports on itself opens its report; the centre it follows never does
    ("2024年,在党中央、国务院的坚强领导下,国家税务总局坚持以习近平新时代中国特色社会主义思想为指导,深入推进依法行政。"
     "现将主要工作情况报告如下:\n", "国家税务总局"),
    ("2024年,在党中央的坚强领导下,最高人民检察院坚持以习近平法治思想为指导,推进法治建设。现将有关情况报告如下:\n",
     "最高人民检察院"),
    ("2022年,国务院深入推进依法行政。我们认真落实各项部署,现将有关情况报告如下:\n", None),
    ("2022年,中共中央坚持全面依法治国。我们认真落实,现将有关情况报告如下:\n", None),
])
def test_a_national_body_as_the_opening_subject(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # 我局 adopts its own rules at its own meeting: the rules' title names it
    ("2023年,我局坚持依法行政。现将有关情况报告如下:\n一、主要举措\n局党组会议审议并通过了《泰顺县交通运输局重大行政"
     "决策程序规定》等文件。\n", "温州市泰顺县交通运输局"),
    ("2023年,我局坚持依法行政。现将有关情况报告如下:\n研究通过《泰顺县教育局合法性审查办法》。\n", "温州市泰顺县教育局"),
    # two bureaus' rules adopted: which is the reporter's is not said
    ("2023年,我局坚持依法行政,全面推进法治政府建设各项工作。现将有关情况报告如下:\n一、主要举措\n(一)加强组织领导。"
     "局领导班子高度重视法治建设,把法治建设摆在重要位置,与业务工作同部署同推进。\n(二)完善制度。"
     "审定《泰顺县交通运输局合法性审查办法》,"
     "审议通过《泰顺县教育局合法性审查办法》。\n", None),
])
def test_我局_adopting_its_own_rules(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a 街道 written 街 as the opening's subject: unique nationwide, or placed by its district
    ("2024年,清波街坚持以习近平法治思想为指导,推进基层依法治理。\n", "杭州市上城区清波街道办事处", "杭州市上城区清波街道"),
    ("2023年,虹桥街深入推进法治建设。\n落实长宁区委部署。\n", "上海市长宁区虹桥街道办事处", "上海市长宁区虹桥街道"),
])
def test_a_街道_written_街(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


def test_a_street_named_like_a_街道_is_a_street() -> None:
    """清波街12号 is an address: no region, no issuer."""
    meta = meta_of("2024年,我们在清波街12号设立法律服务点,推进依法行政。\n")
    assert (meta.agency, meta.region) == (None, None)


def test_a_party_committees_leaders_are_no_commission_speaking_of_itself() -> None:
    """区委主要负责同志 is the district party committee's head: the district's report stays the district's."""
    text = "2025年,沙坪坝区坚持依法行政,按照市委全会部署推进法治政府建设。\n区委主要负责同志带头学法18次。\n"
    assert meta_of(text).agency == "重庆市沙坪坝区人民政府"


@pytest.mark.parametrize(("text", "agency"), [
    # a joint 党委、政府 acting in the first sentence: the government (ANNOTATION.md: joint forms → the government)
    ("近日,中共云南省委、云南省人民政府印发《云南省法治政府建设实施方案》。\n方案主要内容如下。\n", "云南省人民政府"),
    ("日前,中共泰顺县委和泰顺县人民政府出台《关于加强法治政府建设的意见》。\n", "温州市泰顺县人民政府"),
])
def test_a_joint_party_and_government_event_is_the_governments(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


def test_a_joint_event_after_the_first_sentence_is_one_event_reported() -> None:
    text = "2022年,我们按照要求推进依法行政,取得成效。\n中共云南省委、云南省人民政府印发实施方案。\n"
    assert meta_of(text).agency is None


@pytest.mark.parametrize(("text", "agency"), [
    # a showcase page headed by a region's name alone: the region presents itself
    ("广西壮族自治区贺州市\n\n依法行政 开拓创新\n贺州辖八步区、平桂区、昭平县、钟山县和富川瑶族自治县。\n", "贺州市人民政府"),
    ("浙江省泰顺县\n法治护航绿色发展\n泰顺地处浙南山区。\n", "温州市泰顺县人民政府"),
    # a region inside a longer first line is no heading
    ("浙江省泰顺县法治护航绿色发展纪实\n泰顺地处浙南山区。\n", None),
])
def test_a_page_headed_by_a_region(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


def test_a_place_visited_to_learn_from_is_not_the_reports_region() -> None:
    """赴德清县考察 names another county once; the report's own county is the one its rules are named for."""
    text = ("2022年,我局坚持依法行政,服务全县发展。\n局长带队赴德清县考察学习法治政府建设经验。\n"
            "拟定《安吉县司法行政工作规范》。\n")
    assert meta_of(text).region == "湖州市安吉县"


@pytest.mark.parametrize(("text", "agency"), [
    # a 新区 run by a 管委会, also with its short name in brackets
    ("2023年,在省委、省政府的坚强领导下,兰州新区(以下简称“新区”)始终坚持依法行政,推进新区高质量发展。\n",
     "兰州新区管理委员会"),
    ("2023年,贵安新区深入推进法治建设。\n", "贵安新区管理委员会"),
    # a 新区 that is a district is the district: its government
    ("2022年,浦东新区坚持依法行政。\n", "上海市浦东新区人民政府"),
    # 新区 as an ordinary word names nothing
    ("2022年,我们坚持依法行政,推进城市新区建设。\n", None),
])
def test_新区_zones_and_districts(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a heading run into its body on one line, under a page's stray separator
    ("|\n温州市人民政府办公室关于做好法治政府建设年度报告工作的通知 各县(市、区)人民政府,市政府直属各单位: 按照要求,现通知如下。\n",
     "温州市人民政府办公室"),
    ("云南省司法厅关于开展行政执法监督检查的通知 各州(市)司法局:为推进依法行政,现就有关事项通知如下。\n", "云南省司法厅"),
    # a body that opens the text but not with 关于…的通知 is no heading
    ("温州市人民政府办公室转发有关文件 各县(市、区)人民政府:请遵照执行。\n", None),
])
def test_a_run_in_heading_names_its_issuer(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


def test_a_bare_zone_head_takes_the_zone_written_with_its_city() -> None:
    """经开区 is 宁波经济技术开发区, which the text writes with its city, not 即经开区 or 形成经开区."""
    text = ("法治是重要支撑。2022年经开区管委会紧紧围绕年度目标推进依法行政。\n"
            "宁波经济技术开发区出台总体方案,即经开区优化营商环境方案,开展自评,形成经开区首套评价体系。\n")
    assert meta_of(text).agency == "宁波经济技术开发区管理委员会"


# -- session 8: general wordings of measures, clutter rows -------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("市政府常务会议专题学法3次", "政府常务会议会前学法"),  # a setting word before 学法
    ("坚持常务会前学法", "政府常务会议会前学法"),
    ("组织局领导干部集中学法", "领导干部学法用法制度"),
    ("党组中心组定期学法", "理论学习中心组学法制度"),
])
def test_a_study_practice_with_a_setting_word_is_the_catalogue_practice(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == [expected]


def test_a_setting_word_does_not_make_a_meeting_of_a_study_group() -> None:
    from fazhi.extraction.measures import find_measures

    assert find_measures("局领导班子会前研究") == []
    assert [h.name for h in find_measures("干部会前学法")] == ["政府常务会议会前学法"]  # the catalogue's own alias
    assert find_measures("干部专题学习法律") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("借助“4·22”世界地球日和“6·5”环境日开展宣传", ["世界地球日"]),  # 环境日 alone is no catalogue name
    ("在世界水日、中国水周期间普法", ["世界水日", "中国水周"]),
    ("以全国税收宣传月为契机", ["全国税收宣传月"]),
])
def test_national_observance_days_are_publicity_measures(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("开展《安全生产法》宣传周活动", ["安全生产法宣传周"]),
    ("组织“8·29”测绘法宣传日", ["测绘法宣传日"]),  # the catalogue's entry wins
    ("举办统计法宣传日", ["统计法宣传日"]),
    ("集中开展普法宣传月活动", []),  # 普法 is no law
    ("开展法治宣传日活动", []),
])
def test_a_law_publicity_day_is_named_after_the_law(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


def test_a_province_portal_is_named_without_sheng() -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures("事项在湖北政务服务网公开", [(3, 5)])] == ["湖北政务服务网"]
    assert [h.name for h in find_measures("依托湖北省政务服务网办理", [(2, 5)])] == ["湖北政务服务网"]
    assert [h.name for h in find_measures("依托湖北省政务服务中心办理", [(2, 5)])] == []


def test_a_city_portal_is_no_platform() -> None:
    """A city's portal is one body's site; a province's portal (and a city's named platform) is a platform."""
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures("整合荆门市政务服务网各类专栏", [(2, 5)])] == []
    assert [h.name for h in find_measures("整合吉林市政务服务网各类专栏", [(2, 5)])] == []  # the city, not the province
    assert [h.name for h in find_measures("依托吉林政务服务网办理", [(2, 4)])] == ["吉林政务服务网"]
    assert [h.name for h in find_measures("依托荆门市行政执法监督平台办理", [(2, 5)])] == ["荆门市行政执法监督平台"]


@pytest.mark.parametrize("row", ["发布时间：2023-02-01 来源：市卫生健康局", "市卫生健康局 2023年02月01日",
                                 "文章来源:市卫生健康局 更新时间:2023/02/01 11:30"])
def test_a_page_source_row_or_byline_names_no_agency(row: str) -> None:
    text = (f"肇庆市人民政府关于2022年法治政府建设情况的报告\n{row}\n"
            "2022年，肇庆市人民政府认真贯彻落实党中央决策部署，配合市公安局开展专项行动，取得了新的进展。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "肇庆市公安局" in agencies
    assert not any("卫生健康" in a for a in agencies), agencies


def test_a_government_after_a_named_city_committee_is_that_citys() -> None:
    text = ("清镇市司法局2023年法治政府建设年度报告\n2023年，我局在贵阳市委、市政府和清镇市委、市政府的坚强领导下，"
            "认真贯彻落实各项部署，取得了新的进展。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "贵阳市人民政府" in agencies, agencies
    assert "贵阳市清镇市人民政府" in agencies, agencies


def test_convention_j_a_committee_holding_its_meeting_is_mentioned() -> None:
    text = ("开州区发展和改革委员会2021年法治政府建设工作报告\n2021年，我委认真贯彻区委全面依法治区工作会议精神，"
            "落实市委经济工作会议和区政府常务会部署，配合区司法局开展执法监督。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "重庆市开州区司法局" in agencies, agencies
    assert {"中共重庆市开州区委员会", "市委", "重庆市开州区人民政府"} <= agencies, agencies  # 重庆 never written
    town = ("某某街道2022年法治政府建设工作报告\n2022年，我街道召开党工委会议专题学法4次，推进依法行政。\n")
    assert not any("工作委员会" in a for a in names(extract(text_document("t.txt", town)).agencies))


def test_two_superior_levels_written_together_are_two_bodies() -> None:
    county = ("嘉兴市秀洲区气象局2022年法治政府建设工作报告\n2022年，我局根据省市气象局的要求，"
              "配合省市交通运输主管部门开展检查，取得了新的进展。\n")
    agencies = names(extract(text_document("r.txt", county)).agencies)
    assert {"省气象局", "嘉兴市气象局", "省交通运输主管部门", "嘉兴市交通运输主管部门"} <= agencies, agencies
    province = "浙江省司法厅2022年法治政府建设工作报告\n2022年，我厅指导市县教育局和省市县三级司法行政机关的工作。\n"
    assert names(extract(text_document("p.txt", province)).agencies) == {"浙江省司法厅"}


def test_a_government_inside_an_offices_name_is_no_mention_of_its_own() -> None:
    text = ("某县司法局2022年法治政府建设工作报告\n2022年，我局参加省政府法制办和市政府法制办组织的培训，"
            "向县政府报告工作。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert {"市人民政府法制办公室", "省人民政府法制办公室"} <= agencies, agencies
    assert not {"市政府", "省政府", "市人民政府", "省人民政府"} & agencies, agencies


def test_a_short_form_that_is_a_regions_official_name_stays_there() -> None:
    chongqing = "重庆市綦江区农业农村委员会2023年法治政府建设工作报告\n2023年，我委配合市交通局开展道路执法检查。\n"
    assert "重庆市交通局" in names(extract(text_document("c.txt", chongqing)).agencies)
    elsewhere = "嘉兴市南湖区农业农村局2023年法治政府建设工作报告\n2023年，我局配合市交通局开展道路执法检查。\n"
    assert "嘉兴市交通运输局" in names(extract(text_document("e.txt", elsewhere)).agencies)


def test_a_bare_party_department_is_the_own_levels_committees_not_a_ministry() -> None:
    county = "宁远县司法局2022年法治政府建设工作报告\n2022年，我局会同组织部、宣传部开展干部学法培训，报司法部备案。\n"
    found = {a.name: a.level for a in extract(text_document("c.txt", county)).agencies}
    assert found.get("中共永州市宁远县委组织部") == "区县", found
    assert found.get("中共永州市宁远县委宣传部") == "区县", found
    assert found.get("司法部") == "国家", found
    town = "某某镇2022年法治政府建设工作报告\n2022年，我镇会同组织部开展干部学法培训。\n"
    bare = [a for a in extract(text_document("t.txt", town)).agencies if a.name == "组织部"]
    assert bare and bare[0].level != "国家" and bare[0].scope, bare


def test_a_government_after_an_unresolved_committee_stays_as_written() -> None:
    text = "某某局2022年法治政府建设工作报告\n2022年，在自治区党委、政府和县委、政府的正确领导下，我局推进依法行政。\n"
    found = {a.name: a.scope for a in extract(text_document("r.txt", text)).agencies}
    assert {"自治区党委", "自治区政府", "县委", "县政府"} <= set(found), found
    assert found["自治区政府"] and found["县政府"], found  # scoped: this report's bodies only


def test_province_and_city_committees_sharing_wei() -> None:
    named = "湖南省宁远县司法局2022年法治政府建设工作报告\n2022年，我局认真落实党中央和省市委的决策部署。\n"
    assert "中共湖南省委员会" in names(extract(text_document("n.txt", named)).agencies)
    unnamed = "宁远县司法局2022年法治政府建设工作报告\n2022年，我局认真落实党中央和省市委的决策部署。\n"
    assert {"省委", "市委"} <= names(extract(text_document("u.txt", unnamed)).agencies)


def test_construction_lines_listed_before_their_shared_head() -> None:
    text = ("某省住房和城乡建设厅关于做好2022年依法行政工作的通知\n各市规划、市政、环卫主管部门：\n"
            "请市政府督促落实。\n")
    found = names(extract(text_document("r.txt", text)).agencies)
    assert {"市政主管部门", "环卫主管部门", "规划主管部门"} <= found, found
    assert not any(name.startswith("市政") and name != "市政主管部门" and "政府" not in name for name in found), found


def test_an_organ_named_only_in_its_heads_position_is_no_mention() -> None:
    text = ("某省司法厅2022年法治政府建设工作报告\n2022年，召开廉政工作会议，省纪委监委主要负责同志作辅导报告，"
            "县审计局主要负责人述法，市统计局主要领导参加。\n")
    found = names(extract(text_document("r.txt", text)).agencies)
    assert not any(word in name for name in found for word in ("纪律检查", "纪委", "审计", "统计")), found


def test_an_administrative_agreement_holds_no_cppcc() -> None:
    text = "某县司法局2022年法治政府建设工作报告\n2022年，我局审核行政协议12件，加强行政协调。\n"
    assert not any("政协" in name for name in names(extract(text_document("r.txt", text)).agencies))
    listed = "某县司法局2022年法治政府建设工作报告\n2022年，我局配合政协开展专题视察，认真办理提案。\n"
    assert "政协" in names(extract(text_document("l.txt", listed)).agencies)


def test_a_zones_board_written_after_its_party_committee() -> None:
    text = "某某街道2023年法治政府建设年度报告\n2023年，街道在经开区党工委、管委会的坚强领导下推进依法行政。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert {"中共经济技术开发区工作委员会", "经济技术开发区管理委员会"} <= found, found


def test_the_government_after_a_committee_before_its_work_requirements() -> None:
    text = "嘉兴市秀洲区司法局2022年法治政府建设年度报告\n2022年，我局认真落实区委、政府工作要求，推进依法行政。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert "嘉兴市秀洲区人民政府" in found, found
    report = "嘉兴市秀洲区司法局2022年法治政府建设年度报告\n2022年，我局把法治建设写入区委、政府工作报告。\n"
    assert "嘉兴市秀洲区人民政府" not in names(extract(text_document("p.txt", report)).agencies)


def test_the_government_written_after_a_party_committee_is_the_committees_regions() -> None:
    text = ("博州司法局2022年法治政府建设年度报告\n2022年，在新疆维吾尔自治区党委、政府的坚强领导下，"
            "我局配合州公安局开展专项检查，取得了新的进展。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "新疆维吾尔自治区人民政府" in agencies, agencies
    town = "慈溪市司法局2022年法治政府建设年度报告\n2022年，我局指导观海卫镇党委、政府落实法治建设责任，取得了新的进展。\n"
    assert "宁波市慈溪市观海卫镇人民政府" in names(extract(text_document("t.txt", town)).agencies)



def test_a_streets_party_committee_is_its_work_committee_and_a_bare_dangwei_is_not_it() -> None:
    text = ("杭州市上城区清波街道2022年法治政府建设工作报告\n2022年，清波街道党委高度重视法治建设，"
            "把法治思想作为党委(党组)理论学习中心组学习的重要内容。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "中共杭州市上城区清波街道工作委员会" in agencies, agencies
    assert not any(a.endswith("街道委员会") for a in agencies), agencies


def test_a_quoted_label_before_a_platform_head_is_one_bodys_tool() -> None:
    from fazhi.extraction.measures import find_measures

    assert find_measures("依托“邻里议事”平台化解纠纷，开通“码上办”系统") == []
    assert [h.name for h in find_measures("上线“安全通”APP")] == ["安全通APP"]


def test_a_region_written_before_a_catalogue_platform_names_the_catalogue_platform() -> None:
    from fazhi.extraction.measures import find_measures

    text = "推进惠州市执法两平台应用"
    assert [h.name for h in find_measures(text, [(2, 5)])] == ["广东省行政执法信息平台和行政执法监督网络平台"]


def test_a_prefecture_organ_is_not_a_county_level_citys() -> None:
    text = ("伊宁市人民政府2022年法治政府建设情况报告\n2022年，伊宁市人民政府认真执行伊犁哈萨克自治州和自治州人民政府工作规则，"
            "聘请业界知名律师事务所担任法律顾问，取得了新的进展。\n")
    agencies = extract(text_document("r.txt", text)).agencies
    city = next(a for a in agencies if a.name.endswith("伊宁市人民政府"))
    assert all(m.text == "伊宁市人民政府" for m in city.mentions), city.mentions  # not 州人民政府
    assert not any("律师事务所" in a.name for a in agencies), names(agencies)


def test_a_tribunal_written_alone_in_a_list_of_units_is_one() -> None:
    text = ("某镇2024年法治建设工作总结\n2024年，我镇统筹派出所、司法所、法庭等力量化解纠纷，组织旁听法庭庭审，法庭长期驻点。\n")
    extraction = extract(text_document("r.txt", text))
    tribunal = [a for a in extraction.agencies if a.name == "法庭"]
    assert len(tribunal) == 1 and [m.text for m in tribunal[0].mentions] == ["法庭"], extraction.agencies



@pytest.mark.parametrize("body", ["省通信管理局", "唐山市城市管理综合行政执法局", "中卫市审批服务管理局",
                                  "长春市政务服务和数字化建设管理局"])
def test_bodies_of_the_functions_table_added_in_session_8(body: str) -> None:
    text = f"河北省司法厅2020年法治政府建设年度报告\n2020年，我厅配合{body}开展专项检查，取得了新的进展。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert any(a.endswith(body.lstrip("省")) for a in agencies), agencies


def test_later_items_of_a_plural_list_are_not_the_reports_own_bodies() -> None:
    text = ("安徽省住房和城乡建设厅关于2018年法治政府建设情况的报告\n2018年，我厅指导各设区市规划局、房管局、园林局开展执法检查，"
            "配合省公安厅查处违法行为。\n")
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "安徽省公安厅" in agencies, agencies
    assert not any(a.endswith(("规划局", "房管局", "园林局")) for a in agencies), agencies


def test_the_office_of_a_study_campaign_is_no_education_body() -> None:
    text = "广东省市场监督管理局2023年法治政府建设年度报告\n2023年，我局做法被省委主题教育办肯定推广，配合省教育厅开展普法。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "广东省教育厅" in agencies, agencies
    assert not any(a.endswith("教育办") for a in agencies), agencies


@pytest.mark.parametrize(("text", "expected"), [
    ("专人负责法制审核工作", ["重大执法决定法制审核制度"]),
    ("培训法制审核人员20人", []),  # the people, not the review system
    ("建立领导干部应知应会党内法规和法律法规清单制度", ["领导干部应知应会法律法规清单"]),
    ("开展跨部门双随机联合抽查", ["双随机、一公开"]),
])
def test_wordings_seen_in_surveyed_reports(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


KAIZHOU = "重庆市开州区司法局2022年法治政府建设年度报告\n2022年，我局认真履职。"


@pytest.mark.parametrize(("text", "expected"), [
    (KAIZHOU + "根据中央、省、市、县委要求推进法治建设。", "中共中央"),  # the tiers, 中央 first
    (KAIZHOU + "深入贯彻落实中央《党政主要负责人履行推进法治建设第一责任人职责规定》。", "中共中央"),
    (KAIZHOU + "在区委依法治区委员会办公室的指导下开展工作。", "中共重庆市开州区委全面依法治区委员会办公室"),
    (KAIZHOU + "全国普法办将其作为经验推广。", "全国普法工作领导小组办公室"),
    ("雷州市东里镇2022年法治政府建设工作报告\n2022年，我镇在镇党委、镇人大的监督支持下依法行政。\n",
     "湛江市雷州市东里镇人民代表大会"),  # a township's congress written with its kind
])
def test_central_tiers_offices_and_township_congresses(text: str, expected: str) -> None:
    assert expected in names(extract(text_document("r.txt", text)).agencies)


def test_a_bare_market_supervision_station_belongs_to_some_township() -> None:
    text = "肇庆市司法局2022年法治政府建设年度报告\n2022年，我局组织司法所、派出所、市场监督管理所负责人参加培训，取得了新的进展。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "市场监督管理所" in agencies, agencies


def test_a_unit_written_after_the_towns_kind_in_its_own_report_is_the_towns() -> None:
    text = "杭州市余杭区仁和街道2022年法治政府建设工作报告\n2022年，街道综合行政执法大队共办理行政处罚案件1件，均做到公开透明。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "杭州市余杭区仁和街道综合行政执法大队" in agencies, agencies

@pytest.mark.parametrize(("text", "agency", "region", "doc_type"), [
    # a 通报 sent down to those below, its sender unsaid: its 全省/全县 names the region, not who speaks
    ("各市人民政府,各县(市、区)人民政府,省政府各部门:\n2021年,在省委、省政府的坚强领导下,全省各级各部门坚持以习近平"
     "法治思想为指导,扎实推进法治政府建设。按照《山西省依法行政考核办法》,对各市和省直部门进行了考核。现将考核结果通报"
     "如下:\n一、优秀等次单位\n太原市人民政府、大同市人民政府\n", None, "山西省", "通知"),
    ("各乡镇人民政府,县政府各部门:\n2022年,全县各级各部门坚持依法行政,法治政府建设取得新成效。经县委依法治县办考核,"
     "现将结果通报如下:\n一、优秀单位\n城关镇人民政府\n泰顺县教育局\n", None, "温州市泰顺县", "通知"),
    # titled: the heading names the sender; a title ending 通报 is a notice
    ("泰顺县人民政府关于2022年度法治政府建设考核结果的通报\n各乡镇人民政府,县政府各部门:\n经考核,现将结果通报如下。\n",
     "温州市泰顺县人民政府", "温州市泰顺县", "通知"),
    # 予以通报批评 is what a news item reports, not a 通报
    ("近日,县司法局对未按要求公开年度报告的单位予以通报批评。记者了解到,该局开展了专项检查。\n", None, None, "其他"),
])
def test_a_通报_sent_down(text: str, agency: str | None, region: str | None, doc_type: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region, meta.doc_type) == (agency, region, doc_type)


@pytest.mark.parametrize(("text", "agency"), [
    # 营商局: 辽宁's 营商环境建设局 at province and city level
    ("省营商局2023年法治政府建设情况报告\n2023年,省营商局坚持依法行政,持续优化辽宁营商环境。\n", "辽宁省营商环境建设局"),
    ("2023年,市营商局坚持依法行政,推进沈阳营商环境建设。现将我局有关情况报告如下:\n", "沈阳市营商环境建设局"),
])
def test_营商局_is_the_营商环境建设局(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # combined and local department names the reforms created, as the opening's subject
    ("2023年,宜昌市水利和湖泊局坚持以习近平法治思想为指导,全面推进依法行政。现将有关情况报告如下:\n", "宜昌市水利和湖泊局"),
    ("2023年,在县委、县政府的领导下,平江县教育体育局坚持依法治教。现将有关情况报告如下:\n", "岳阳市平江县教育体育局"),
    ("2022年,成都市住房保障和房产管理局坚持依法行政。现将有关情况报告如下:\n", "成都市住房保障和房产管理局"),
    ("2019年,湛江市海洋与渔业局坚持依法行政。现将有关情况报告如下:\n", "湛江市海洋与渔业局"),
    # a township's party committee and government together as the subject, the level written twice
    ("2023年,湛江市坡头区龙头镇党委、镇政府深入学习贯彻习近平法治思想。现将有关情况报告如下:\n",
     "湛江市坡头区龙头镇人民政府"),
])
def test_department_forms_and_township_organs_as_subjects(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "region"), [
    # a zone named after its 直辖市 or city lies in the one district it follows as a superior
    ("2023年重庆经济技术开发区法治政府建设情况报告\n2023年,重庆经开区坚持以习近平法治思想为指导,认真落实市委市政府和"
     "南岸区委区政府的部署要求,推进依法行政。\n", "重庆市南岸区"),
    ("苏州工业园区2023年法治政府建设情况报告\n2023年,苏州工业园区认真落实省委省政府和苏州市委市政府的部署。\n", "苏州市"),
    # a district named for another reason, or two districts: the zone stays in its city
    ("2023年重庆经济技术开发区法治政府建设情况报告\n2023年,重庆经开区坚持依法行政。与江北区、南岸区签订合作协议。\n", "重庆市"),
])
def test_a_zone_lies_in_the_district_it_follows(text: str, region: str) -> None:
    assert meta_of(text).region == region


@pytest.mark.parametrize(("text", "agency"), [
    # 我局 names its body only in its own leaders' positions, in the 第一责任人 paragraph
    ("2023年,在黔江区委、区政府的坚强领导下,我局坚持依法行政,全面推进法治政府建设。现将我局有关情况报告如下。\n一、主要举措\n(一)加强组织领导。"
     "区市场监管局党组书记、局长认真履行推进法治建设第一责任人职责,主持召开专题会议。\n",
     "重庆市黔江区市场监督管理局"),
    # 我委 for a 委员会
    ("2023年,我委坚持依法行政,全面推进法治政府建设。现将有关情况报告如下:\n一、主要举措\n(一)加强组织领导。"
     "南京市发展和改革委员会党组书记、主任带头讲法。\n", "南京市发展和改革委员会"),
    # another body's leader visiting, or two bureaus' leaders acting: no guess
    ("2023年,在黔江区委、区政府的坚强领导下,我局坚持依法行政,全面推进法治政府建设。现将我局有关情况报告如下。\n一、主要举措\n"
     "市司法局局长一行到我局调研指导法治建设。\n", None),
    ("2023年,在黔江区委、区政府的坚强领导下,我局坚持依法行政,全面推进法治政府建设。现将我局有关情况报告如下。\n一、主要举措\n"
     "区司法局局长带头学法,区教育局局长带头讲法。\n", None),
])
def test_我局_named_by_its_leaders_positions(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # untitled openings: the subject with its short name introduced by (以下称…), 践行 as the verb, and a
    # province's governments at every level with their departments
    ("2021年度,江西省生态环境厅(以下称省生态环境厅)以习近平法治思想为指导,推进依法行政。\n", "江西省生态环境厅"),
    ("2023年,吉林省忠诚践行习近平法治思想,持续推进法治政府建设。现将有关情况报告如下:\n", "吉林省人民政府"),
    ("2022年,我省各级政府及其部门坚持以习近平法治思想为指导,推进依法行政,建设法治甘肃。\n一、主要举措\n"
     "甘肃省人民政府常务会议专题学法。\n", "甘肃省人民政府"),
    ("现将我旗2023年法治政府建设情况报告如下:\n2023年,全旗各级人民政府及其工作部门坚持依法行政。\n"
     "一、主要举措\n扎鲁特旗人民政府常务会议学法4次。\n", "通辽市扎鲁特旗人民政府"),
])
def test_untitled_openings_name_their_subject(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a township's news page: visited by the county, it speaks as 我镇 once; the one township it names
    ("法治动态 5月8日,县司法局局长一行来到沙坪镇调研法治建设工作。调研组实地查看了法治文化广场。\n"
     "近年来,我镇坚持将法治乡村建设作为普法重点,扎实开展宣传。\n", "沙坪镇人民政府"),
    # 全镇 once is no self-description; 我镇 with two townships named decides nothing
    ("5月8日,县司法局来到沙坪镇调研。全镇共有法律明白人120名。\n", None),
    ("5月8日,县司法局来到沙坪镇和龙泉镇调研。近年来,我镇坚持普法。\n", None),
    # a news item's subject doing several things at once (多措并举, 多举措)
    ("近日,年度报告报备工作正式启动。井研县司法局多举措做好年度报告的审查备案工作,督促各单位按时公开。\n",
     "乐山市井研县司法局"),
])
def test_news_pages_of_a_township_or_a_bureau(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "region"), [
    # no issuer: the context region when the text calls it its own, not when it also speaks as a lower level
    ("2024年,我局认真贯彻市局党组和区委、区政府部署,为全区经济社会发展提供支撑。分局被评为全省自然资源系统先进单位。"
     "聘请安徽皖大律师事务所为法律顾问。\n", None),
    ("2023年,全省各级行政机关坚持依法行政,推进法治安徽建设。现将有关情况报告如下:\n", "安徽省"),
    ("2023年,我们坚持依法行政,全区各级行政机关推进法治广西建设。现将有关情况报告如下:\n", "广西壮族自治区"),
    # the own level written with the division's own character: a 旗, a county-level city's 全市
    ("现将我旗2024年法治政府建设情况报告如下,请予审议。会议在西乌珠穆沁旗召开。\n", "锡林郭勒盟西乌珠穆沁旗"),
    ("2023年,我们坚持依法行政,全市法治政府建设取得新成效,廉江市获评先进。现将有关情况报告如下:\n", "湛江市廉江市"),
])
def test_the_context_region_needs_the_texts_own_level(text: str, region: str | None) -> None:
    assert meta_of(text).region == region


@pytest.mark.parametrize(("text", "title", "agency"), [
    # a browser title carries the site's name after _ or " - ": the document's title is before it
    ("资溪县2023年法治政府建设年度报告_资溪县人民政府门户网站\n2023年,我县坚持以习近平法治思想为指导,全面推进依法行政,"
     "法治政府建设取得新成效。现将有关情况报告如下:\n一、主要举措\n", "资溪县2023年法治政府建设年度报告", "抚州市资溪县人民政府"),
    ("桐庐县应急管理局2023年度法治政府建设情况报告 - 桐庐县人民政府\n2023年,我局坚持以习近平法治思想为指导,全面推进"
     "依法行政。现将有关情况报告如下:\n一、主要举措\n", "桐庐县应急管理局2023年度法治政府建设情况报告", "杭州市桐庐县应急管理局"),
])
def test_a_browser_titles_site_name_is_dropped(text: str, title: str, agency: str) -> None:
    meta = meta_of(text)
    assert (meta.title, meta.agency) == (title, agency)


@pytest.mark.parametrize(("text", "agency"), [
    # 本报告…由X编制: the author a 政府信息公开 annual report names
    ("本报告根据《中华人民共和国政府信息公开条例》要求,由景宁畲族自治县司法局编制。\n一、总体情况\n",
     "丽水市景宁畲族自治县司法局"),
    ("本报告由临沂市罗庄区卫生健康局按照《中华人民共和国政府信息公开条例》(国务院令第711号)要求编制。\n",
     "临沂市罗庄区卫生健康局"),
    # a body that supplies the data, or one named after another that leads: not the author
    ("本报告中所列数据由县统计局提供。\n", None),
])
def test_a_report_naming_its_author(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # 现将我旗/我县…报告如下: the region's own report, here delivered to its congress's standing committee
    ("——2025年3月17日在西乌珠穆沁旗第十六届人民代表大会常务委员会第二十四次会议上\n主任、各位副主任、委员:\n"
     "根据会议安排,现将我旗2024年法治政府建设情况报告如下,请予审议。\n2024年,全旗各级人民政府及其工作部门在旗委的领导下,"
     "坚持依法行政,法治政府建设取得新成效。\n", "锡林郭勒盟西乌珠穆沁旗人民政府"),
    # 现将我局…: a department's, and which one is not said
    ("——2025年3月17日在西乌珠穆沁旗第十六届人民代表大会常务委员会第二十四次会议上\n主任、各位副主任、委员:\n"
     "根据会议安排,现将我局2024年法治工作情况报告如下,请予审议。\n", None),
])
def test_现将我旗_报告如下(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


_BODY_WITHOUT_ISSUER = ("2023年,在县委、县政府的坚强领导下,坚持以习近平法治思想为指导,全面推进依法行政,法治政府建设取得新成效。"
                        "现将有关情况报告如下:\n一、主要举措\n(一)加强组织领导。全面落实缙云县法治政府建设实施方案。\n")


@pytest.mark.parametrize(("head", "agency", "region"), [
    # a 作者 row naming a body states its contributor as a 来源 row does
    ("2023年度法治政府建设工作报告\n作者:缙云县司法局 来源:本站\n", "丽水市缙云县司法局", "丽水市缙云县"),
    # a government's office puts up the page: the report is that region's, its issuer unsaid
    ("信息来源:缙云县人民政府办公室\n", None, "丽水市缙云县"),
    # a person as the author: nothing
    ("2023年度法治政府建设工作报告\n作者:张明 来源:本站\n", None, None),
])
def test_author_and_source_rows(head: str, agency: str | None, region: str | None) -> None:
    meta = meta_of(head + _BODY_WITHOUT_ISSUER)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize(("text", "agency"), [
    # a district written with its zone's name in brackets is still the opening's subject
    ("2023年,宁波市北仑区(宁波经济技术开发区)坚持以习近平法治思想为指导,全面推进依法行政。现将有关情况报告如下:\n",
     "宁波市北仑区人民政府"),
    ("2022年,广州市南沙区(南沙开发区)深入推进法治政府建设。现将有关情况报告如下:\n", "广州市南沙区人民政府"),
])
def test_a_region_subject_with_a_second_name(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a report speaking as 我局/我委 is not the 厅 or government its opening names first
    ("2023年,浙江省司法厅推动全省行政复议体制改革,我局积极配合。现将有关情况报告如下:\n", None),
    ("2023年,绍兴市人民政府深化“放管服”改革,我委积极落实。现将有关情况报告如下:\n", None),
    # 本办法, 我部门 are words, not a body speaking: the subject stands
    ("2023年,浙江省司法厅坚持以习近平法治思想为指导,推进依法行政,本办法所列事项我部门全部落实。现将有关情况报告如下:\n",
     "浙江省司法厅"),
    ("2023年,绍兴市发展和改革委员会坚持依法行政,我委积极落实。现将有关情况报告如下:\n", "绍兴市发展和改革委员会"),
])
def test_an_opening_subject_must_fit_the_self_reference(text: str, agency: str | None) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("name", "agency"), [
    # national bodies written short, as their own reports' subjects
    ("金融监管总局", "国家金融监督管理总局"),
    ("国家外汇局", "国家外汇管理局"),
])
def test_national_short_forms(name: str, agency: str) -> None:
    text = f"2023年,{name}坚持以习近平法治思想为指导,全面推进依法行政。现将有关情况报告如下:\n一、主要举措\n"
    assert meta_of(text).agency == agency


_PLAIN_OPENING = ("\n2023年,我们坚持以习近平法治思想为指导,全面推进依法行政,法治政府建设取得新成效。现将有关情况报告如下:\n"
                  "一、主要举措\n")


@pytest.mark.parametrize(("head", "title", "agency"), [
    # the region in a publisher's brackets before the title, the issuer in brackets after it
    ("【修水县】2023年度法治政府建设年度报告", "【修水县】2023年度法治政府建设年度报告", "九江市修水县人民政府"),
    ("修水县2023年法治政府建设年度报告(修水县人民政府)", "修水县2023年法治政府建设年度报告", "九江市修水县人民政府"),
    ("2023年度法治政府建设情况报告(武宁县应急管理局)", "2023年度法治政府建设情况报告", "九江市武宁县应急管理局"),
    # a bracketed note that names no body stays part of the title
    ("2023年度法治政府建设情况报告(全文)", None, None),
])
def test_bracketed_publishers_around_a_title(head: str, title: str | None, agency: str | None) -> None:
    meta = meta_of(head + _PLAIN_OPENING)
    assert meta.agency == agency
    if title is not None:
        assert meta.title == title


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a city bureau's branch named by its county's short name (修水|分局: the scanner reads 水分 as a word)
    ("九江市生态环境局修水分局2023年度法治政府建设工作报告" + _PLAIN_OPENING, "九江市生态环境局修水分局", "九江市修水县"),
    ("温州市生态环境局泰顺分局2023年度法治政府建设工作报告" + _PLAIN_OPENING, "温州市生态环境局泰顺分局", "温州市泰顺县"),
])
def test_a_branch_named_by_its_countys_short_name(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


def agencies_hold(text: str, present: set, absent: set) -> None:
    """The report's agencies include every name of `present` and none of `absent`."""
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert present <= agencies, agencies
    assert not absent & agencies, agencies


# Session 15 (agencies on unseen text): central bodies written in full are national, never a local committee's
# (data/national_bodies.tsv); 中央 ahead of a field of work is the party centre; 国家统计局's survey teams; the
# prefecture's 州党委 bodies; 社会主义学院 and 光荣院 after a region; the 民政和退役军人事务局 of small counties
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("2023年,某县委组织部落实中共中央组织部、中央金融委员会的部署。",
     {"中共中央组织部", "中央金融委员会"}, {"金融委员会", "中共县委组织部"}),
    ("2024年,黔东县审计局学习中央审计委员会会议精神,配合中央网信办检查。",
     {"中央审计委员会", "中央网络安全和信息化委员会办公室"}, {"审计委员会"}),
    ("2022年,某市政协学习全国政协和中纪委文件。",
     {"中国人民政治协商会议全国委员会", "中共中央纪律检查委员会"}, {"政协"}),
    ("2022年,万安县统计局认真贯彻落实中央审计工作决策部署。", {"中共中央"}, set()),
    ("2022年,万安县教育局坚持贯彻中央全面依法治国的基本要求。", {"中共中央"}, set()),
    ("2022年,万安县生态环境局落实中央生态环境保护督察工作要求。", set(), {"中共中央"}),
    ("2022年,万安县统计局配合国家统计局吉安调查队、国家统计局江西调查总队开展执法检查。",
     {"国家统计局吉安调查队", "国家统计局江西调查总队"}, set()),
    ("2022年,国家统计局加强调查队伍建设。", set(), {"国家统计局加强调查队"}),
    ("2023年,伊犁州司法局在州党委党校举办讲座。", {"中共伊犁哈萨克自治州委党校"}, set()),
    ("2023年,万安县社会主义学院和县光荣院开展普法。",
     {"吉安市万安县社会主义学院", "吉安市万安县光荣院"}, set()),
    ("2023年,学习社会主义学院的经验。", set(), {"社会主义学院"}),
    ("2025年,改则县民政和退役军人事务局推进法治建设。", {"阿里地区改则县民政和退役军人事务局"}, set()),
    # a law firm's role written before its name (法律服务单位, 常年法律顾问): the name starts after it
    ("2022年,我局与局法律服务单位江西赣商律师事务所座谈。", {"江西赣商律师事务所"}, {"局法律服务单位江西赣商律师事务所"}),
    ("2022年,聘请常年法律顾问江西赣商律师事务所。", {"江西赣商律师事务所"}, set()),
    # …中心任务: 中心 as 'central', as in …中心工作
    ("2022年,街道党工委研究部署街道法治建设中心任务。", set(), {"法治建设中心"}),
    # a town's own report: 整合乡派出所 is the town's station, as after 配合 or 发挥
    ("石门乡人民政府2022年法治政府建设情况报告\n2022年,石门乡整合乡派出所、司法所等力量开展巡查。",
     {"石门乡派出所"}, set()),
])
def test_central_bodies_survey_teams_and_institutions(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


# State Council bodies the functional stems do not build, and short forms of the national organs
# (data/national_bodies.tsv); a deputy of the congress is a person, and 最高法律效力 names no court
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("2023年,万安县司法局落实国家网信办、国家矿山安全监察局和中国证监会的要求。",
     {"国家互联网信息办公室", "国家矿山安全监察局", "中国证券监督管理委员会"},
     {"国家网络安全和信息化委员会办公室", "吉安市万安县监察局"}),
    ("2023年,万安县人大常委会学习全国人大和国家监委的决定。", {"全国人民代表大会", "国家监察委员会"}, {"人大"}),
    ("2023年,万安县司法局邀请全国人大代表座谈,宪法具有最高法律效力。", set(), {"全国人民代表大会", "最高人民法院"}),
    ("2023年,万安县司法局配合县委机要保密局、县社会治理综合服务中心开展普法,加强社会治理中心工作。",
     {"中共吉安市万安县委机要保密局", "吉安市万安县社会治理综合服务中心"}, {"吉安市万安县社会治理中心"}),
])
def test_state_council_bodies_and_national_short_forms(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


# Generic references of one function (ANNOTATION: 公安机关 counts): the constitution's 检察机关/审判机关, the
# government's 督查 line, short and vertical lines; not the same words as work (检察监督, 督查检查) or a verb's object
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("2023年,我局配合检察机关和审判机关,协助政府督查部门督促整改。", {"检察机关", "审判机关", "政府督查部门"}, set()),
    ("2023年,万安县人防部门、县气象部门和卫健部门联合检查。",
     {"吉安市万安县人防部门", "吉安市万安县气象部门", "卫健部门"}, set()),
    ("2023年,接受检察监督,加强审判工作衔接,开展督查检查。", set(), {"检察机关", "审判机关", "督查部门"}),
    ("2023年,组织部门负责人学法,宣传部门规章。", set(), {"组织部门", "宣传部门"}),
])
def test_generic_references_of_one_function(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("2023年,万安县司法局联合县公安局交警大队开展检查。", {"吉安市万安县公安局交通警察大队"},
     {"公安局交通警察大队", "吉安市万安县公安局"}),
    ("2023年,吉安市公安局交警支队开展宣传。", {"吉安市公安局交通警察支队"}, {"公安局交通警察支队"}),
    ("2023年,万安县司法局联合县公安局、交警大队开展检查。", {"吉安市万安县公安局"}, {"吉安市万安县公安局交通警察大队"}),
])
def test_a_unit_written_after_its_parent_is_the_parents_unit(text: str, present: set, absent: set) -> None:
    """交警大队 right after 县公安局: the bureau's own squad (its full name repeats 公安局), one body."""
    agencies_hold(text, present, absent)


def test_a_financial_regulators_branch_is_one_body_of_its_line() -> None:
    """国家金融监督管理总局吉安监管分局, 中国人民银行万安县支行: the line, a division and the branch's kind, one body;
    中国人民银行 before words that are no division stays the national bank."""
    agencies_hold("2023年,国家金融监督管理总局吉安监管分局、中国人民银行万安县支行联合开展宣传,中国人民银行加强分行管理。",
                  {"国家金融监督管理总局吉安监管分局", "中国人民银行万安县支行", "中国人民银行"}, {"国家金融监督管理总局"})


def test_a_customs_house_is_named_by_its_city_as_written() -> None:
    """南宁海关 (the 海关总署's line, set up by port): the city's name as written, never 南宁市 + a local 海关."""
    agencies_hold("2023年,广西壮族自治区南宁海关、九江海关与某市商务局联合开展宣传,配合海关开展检查。",
                  {"南宁海关", "九江海关"}, {"南宁市海关", "广西壮族自治区南宁海关", "海关"})


# Session 9 (agencies): prefecture organs, enforcement teams, 办 as a verb, a party committee's 编委
@pytest.mark.parametrize(("text", "present", "absent"), [
    # a 地区's party committee and administration, named through the 地区 the text names
    ("和田地区墨玉县司法局2023年法治政府建设情况报告\n2023年，在地委、行署的坚强领导下，我局认真履职。\n",
     {"中共和田地区委员会", "和田地区行政公署"}, set()),
    # a county-level city's report under the 地区 it names; the 行署 written in full after the 地区's name
    ("塔城地区塔城市2022年法治政府建设情况报告\n2022年，塔城市在地委、行署和市委的坚强领导下认真履职。\n",
     {"中共塔城地区委员会", "塔城地区行政公署"}, {"地委", "行署"}),
    ("阿勒泰地区2022年法治政府建设情况报告\n2022年，阿勒泰地区行政公署认真履职，各县市区行政公署派出机构配合。\n",
     {"阿勒泰地区行政公署"}, {"区行政公署"}),
    # the 地区 never written: as written, this report's bodies only
    ("某县2023年法治政府建设情况报告\n2023年，在地委、行署的领导下，我县认真贯彻自治区党委部署。\n",
     {"地委", "行署"}, set()),
    ("塔城地区2022年法治政府建设工作报告\n2022年，提请召开地委全面依法治地委员会会议，研究法治建设重要事项。\n",
     {"中共塔城地区委全面依法治地委员会"}, set()),
    # 当地委托, 执行署名: words, not organs
    ("某县2023年法治政府建设情况报告\n2023年，当地委托律师事务所审查合同，严格执行署名制度。\n", set(), {"地委", "行署"}),
    # 区党委 in an autonomous region's text is the region's committee; 高新区党委 and 社区党委 are not
    ("拉萨市城关区司法局2023年工作总结\n2023年，贯彻落实西藏自治区第十次党代会、区党委全会精神。\n",
     {"中共西藏自治区委员会"}, set()),
    ("珠海高新区2022年法治政府建设报告\n2022年，在广东省委和高新区党委的领导下，各社区党委认真履职。\n",
     set(), {"区党委", "中共广东省委员会委员会"}),
])
def test_prefecture_organs_and_an_autonomous_regions_committee(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "expected"), [
    ("杭州市西湖区人民政府2022年法治政府建设年度报告\n2022年，区交通运输综合行政执法大队、区文化市场综合执法大队开展联合检查。\n",
     {"杭州市西湖区交通运输综合行政执法大队", "杭州市西湖区文化市场综合执法大队"}),
    ("成都市武侯区卫生健康局2023年工作总结\n2023年，区卫生健康综合执法支队办理案件12件。\n",
     {"成都市武侯区卫生健康综合执法支队"}),
])
def test_an_enforcement_team_named_by_its_line(text: str, expected: set) -> None:
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert expected <= agencies, agencies
    assert not {"综合执法大队", "综合执法支队", "综合行政执法大队"} & agencies, agencies


@pytest.mark.parametrize(("text", "absent"), [
    ("南宁市交通运输局2022年法治政府建设年度报告\n2022年，群众到政府办事更加便捷，提高政府办事效率。\n", "南宁市人民政府办公室"),
])
def test_办事_after_a_government_is_a_verb(text: str, absent: str) -> None:
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert absent not in agencies, agencies


def test_a_party_committees_staffing_commission() -> None:
    text = "绵阳市涪城区民政局2023年法治政府建设年度报告\n2023年，根据中共绵阳市涪城区委机构编制委员会的通知，完成机构改革。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "中共绵阳市涪城区委机构编制委员会" in agencies, agencies
    assert "中共绵阳市涪城区委员会" not in agencies, agencies


@pytest.mark.parametrize(("text", "expected"), [
    ("深化“最多跑一趟”改革，公布办事清单", ["最多跑一次"]),
    ("对一般企业开展双随机执法检查", ["双随机、一公开"]),
    ("推进镇街综合执法体制改革", ["综合行政执法改革"]),
    ("深入开展普法强基补短板专项行动", ["普法强基补短板专项行动"]),
    ("争创省级法治政府建设示范城市", ["法治政府建设示范创建"]),
    ("强化法治建设第一责任人意识", ["法治建设第一责任人职责"]),
    # people and classes of matters, not the practice
    ("充实人民调解员队伍", []),
    ("为各村配备法律顾问12名", []),
    ("即办类5项、限时办结类30项", []),
    ("印发党政主要负责人履行推进法治建设第一责任人职责清单", ["法治建设第一责任人职责"]),  # the duty's own list
    ("年内全面清理行政规范性文件，废止3件", ["规范性文件清理"]),
])
def test_catalogue_wordings_and_roles_session_9(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize(("text", "present", "absent"), [
    # central bodies' short forms in a ministry's report; a national institute named in full
    ("自然资源部2021年法治政府建设年度报告\n2021年，中央办公厅、国务院办公厅印发意见，我部配合中央网信办开展调研，"
     "与国务院审改办沟通清单事项，组建中国地质调查研究院。\n",
     {"中共中央办公厅", "国务院办公厅", "中央网络安全和信息化委员会办公室", "国务院行政审批制度改革工作领导小组办公室",
      "中国地质调查研究院"}, {"网络安全和信息化委员会办公室", "审改办"}),
    ("司法部2022年法治政府建设年度报告\n2022年，我部配合中央组织部、中央统战部、中央党校和国务院国资委开展工作。\n",
     {"中共中央组织部", "中共中央统一战线工作部", "中共中央党校", "国务院国有资产监督管理委员会"},
     {"组织部", "统一战线工作部", "国有资产监督管理委员会"}),
    # a district's group office named with its task
    ("苏州市吴江区司法局2022年工作总结\n2022年，吴江区全面推进依法行政工作领导小组办公室印发考核方案。\n",
     {"苏州市吴江区全面推进依法行政工作领导小组办公室"}, set()),
    # the tiers of government: every body of each, not the report's own
    ("佛山市教育局2019年法治政府建设年度报告\n2019年，有序推进省市县政府机构改革，指导市县教育局依法治校。\n",
     set(), {"佛山市人民政府", "佛山市教育局县教育局", "县人民政府", "县政府", "县教育局"}),
    ("汕头市人力资源和社会保障局2023年法治政府建设年度报告\n2023年，汕头市人力资源保障局坚持依法行政。\n",
     {"汕头市人力资源和社会保障局"}, set()),
])
def test_central_short_forms_group_offices_and_tiers(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "ends", "generic"), [
    ("松阳县人民政府2022年法治政府建设年度报告\n2022年，县政府主动支持人大、政协、监委、法院、检察院依法履行职能。\n",
     ("松阳县人民代表大会", "松阳县委员会", "松阳县监察委员会", "松阳县人民法院", "松阳县人民检察院"), set()),
    # without the congress or the CPPCC the courts stay generic (ANNOTATION.md: 人民法院)
    ("松阳县人民政府2022年法治政府建设年度报告\n2022年，邀请公安、法院、检察院参与联合执法。\n",
     (), {"人民法院", "人民检察院"}),
])
def test_the_own_levels_organs_listed_bare(text: str, ends: tuple, generic: set) -> None:
    agencies = names(extract(text_document("r.txt", text)).agencies)
    for end in ends:
        assert any(a.endswith(end) for a in agencies), (end, agencies)
    assert generic <= agencies, agencies


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a zone's own report: 区X局 is the zone's department, 区党委 its party committee
    ("珠海高新区2021年法治政府建设工作报告\n2021年，高新区在市委、市政府和区党委的领导下，区市场监管局联合区统计局开展检查。\n",
     {"中共珠海高新技术产业开发区委员会", "珠海高新技术产业开发区市场监督管理局", "珠海高新技术产业开发区统计局"},
     {"区市场监督管理局", "区统计局"}),
    # only the province named: a bare centre is the zone's own, not the province's
    ("高新区2020年法治政府建设工作报告\n2020年，我区深入推进改革，将大楼二层扩建为政务服务中心，进驻窗口业务。"
     "事项在广东政务服务网公开。\n", {"政务服务中心"}, {"广东省政务服务中心"}),
    # 党委会: the committee's meeting, not the committee
    ("武汉东湖高新区2022年法治政府建设工作报告\n2022年，东湖高新区在党委会上专题研究法治工作。\n",
     set(), {"中共武汉东湖高新技术产业开发区委员会", "中共东湖高新技术产业开发区委员会"}),
])
def test_a_zones_own_departments_and_party_committee(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_a_zone_named_after_a_non_word_and_placed_in_the_one_city_named() -> None:
    text = ("2025年，白马湖新区深入贯彻《淮安市法治政府建设实施方案》，现将白马湖新区2025年度法治政府建设情况报告如下:\n"
            "一、依托“淮上通”APP白马湖新区政务服务分厅推进改革。制定《白马湖新区党政办公室关于印发白马湖新区管委会"
            "学法计划的通知》，新区管委会定期学法。\n")
    meta = meta_of(text)
    assert (meta.agency, meta.region) == ("白马湖新区管理委员会", "淮安市")


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("生态环境部2019年法治政府建设年度报告\n2019年，我部积极配合卫生健康委、发展改革委研究清单事项。\n",
     {"国家卫生健康委员会", "国家发展和改革委员会"}, {"卫生健康委员会", "发展和改革委员会"}),
    # a region's report: the bare commission stays the report's own level's
    ("东莞市司法局2019年法治政府建设年度报告\n2019年，我局配合发展改革委研究清单事项。\n",
     {"东莞市发展和改革委员会"}, {"国家发展和改革委员会"}),
])
def test_a_ministrys_bare_commission_is_national(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_the_local_police_station() -> None:
    text = "南宁市青秀区南湖街道2023年法治政府建设工作报告\n2023年，街道联合辖区派出所开展反诈宣传。\n"
    agencies_hold(text, {"派出所"}, set())


def test_a_metadata_rows_value_on_the_line_below() -> None:
    text = ("索 引 号:\n11450100/2023-00021\n责任部门:\n市生态环境局\n发布机构:\n南宁市人民政府办公室\n"
            "南宁市人民政府关于2022年度法治政府建设情况的报告\n2022年，市政府认真贯彻落实习近平法治思想，配合市公安局开展执法。\n")
    agencies_hold(text, {"南宁市公安局"}, {"南宁市生态环境局"})


def test_mass_organisations_the_youth_league_and_county_centres() -> None:
    text = ("绍兴市柯桥区司法局2023年法治政府建设年度报告\n2023年，我局联合区妇联、团区委、区总工会、区残联、区委社会工作部、"
            "区法律援助中心和区融媒体中心开展普法。\n")
    agencies_hold(text, {"绍兴市柯桥区妇女联合会", "共青团绍兴市柯桥区委员会", "绍兴市柯桥区总工会", "绍兴市柯桥区残疾人联合会",
                         "中共绍兴市柯桥区委社会工作部", "绍兴市柯桥区法律援助中心", "绍兴市柯桥区融媒体中心"},
                  {"中共绍兴市柯桥区委员会"})


def test_a_rows_value_below_a_field_written_without_its_colon() -> None:
    text = ("黄石市西塞山区民政局2023年政务信息公开工作年度报告\n\n来源\n区民政局\n编辑\n西塞山区融媒体中心\n\n"
            "2023年，在区委、区政府的正确领导下，我局认真贯彻落实《中华人民共和国政府信息公开条例》，现将工作报告如下。\n")
    agencies_hold(text, set(), {"黄石市西塞山区融媒体中心", "西塞山区融媒体中心"})


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the office of the rule-of-law committee written after 自治区党委, the region named in the title
    ("宁夏回族自治区2023年法治政府建设情况报告\n2023年，按照自治区党委依法治区办部署，全区推进依法行政。\n",
     {"中共宁夏回族自治区委全面依法治区委员会办公室"}, {"全面依法治区委员会办公室", "中共宁夏回族自治区委员会"}),
    # written after the region's own name
    ("某县2023年工作报告\n2023年，西藏自治区党委全面依法治区委员会印发要点。\n",
     {"中共西藏自治区委全面依法治区委员会"}, {"全面依法治区委员会"}),
    # the committee alone still is the committee
    ("新疆维吾尔自治区2023年法治政府建设情况报告\n2023年，在自治区党委的坚强领导下推进依法行政。\n",
     {"中共新疆维吾尔自治区委员会"}, set()),
])
def test_an_autonomous_regions_committee_and_its_bodies(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # 同级 before a list of organs: every tier's own, no one body
    ("某市司法局2023年工作报告\n按照规定，各级政府每年要向同级党委、人大常委会和政协通报法治政府建设情况。\n",
     set(), {"人大常委会", "政协"}),
    # the same organ written bare elsewhere is still one
    ("某市司法局2023年工作报告\n2023年，我局配合人大常委会开展执法检查。\n", {"人大常委会"}, set()),
])
def test_organs_of_every_tier_are_not_one_body(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the committee's meeting names the meeting, not the committee
    ("许疃镇2023年法治政府建设年度报告\n2023年，许疃镇召开党委会3次，专题研究法治建设。\n",
     set(), {"中共亳州市蒙城县许疃镇委员会"}),
    ("许疃镇2023年法治政府建设年度报告\n2023年，镇党委会议专题学习宪法。\n", set(), {"中共亳州市蒙城县许疃镇委员会"}),
    # …but the committee acting is the committee, also after a verb that takes it as object
    ("杭州市上城区清波街道2023年法治政府建设年度报告\n2023年，清波街道充分发挥街道党委的领导核心作用，推进依法行政。\n",
     {"中共杭州市上城区清波街道工作委员会"}, set()),
])
def test_a_towns_committee_and_its_meetings(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a function's bodies at every division of a list of levels: one specific-function class, as written
    ("某市教育局2023年工作报告\n2023年，我局指导各县市区教育局开展普法。\n", {"县市区教育局"}, set()),
    ("某市司法局2023年工作报告\n2023年，各市州司法局配合开展督察，各县(区)人社局参与。\n", {"市州司法局", "县(区)人社局"}, set()),
    ("某市卫生健康委2023年工作报告\n2023年，各县区卫体局开展监督。\n", {"县区卫体局"}, set()),
    # one level after 各, or levels without 各, say no class; the province's and the city's are one body each
    ("某省厅2023年工作报告\n2023年，各市生态环境局开展执法检查。\n", set(), {"各市生态环境局", "市生态环境局"}),
    ("某县教育局2023年工作报告\n2023年，在省、市教育局指导下推进依法治校。\n", set(), {"省、市教育局", "省市教育局"}),
    # governments and party committees of every tier name no function: no class
    ("某市2023年工作报告\n2023年，各县(区)人民政府、各县区党委推进法治建设。\n", set(), {"县(区)人民政府", "县区党委"}),
])
def test_a_functions_bodies_at_a_list_of_levels(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # 中央 owning meetings names no body
    ("某市司法局2023年工作报告\n2023年，我局把中央和省、市政法工作会议精神纳入学习内容。\n", set(), {"中共中央"}),
    # …where it asks or decides it is the party centre
    ("某市司法局2023年工作报告\n2023年，我局按照中央和省委要求推进依法行政。\n", {"中共中央"}, set()),
])
def test_the_centre_as_the_owner_of_meetings(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the government's annual report is a document, not the government acting
    ("某市司法局2023年工作报告\n2023年，法治建设写入市政府工作报告。\n", set(), {"市政府", "市人民政府"}),
    # bodies counted after their name are several of a kind, none the report's own
    ("韶关市司法局2023年工作报告\n2023年，全市建成公共法律服务中心9个、工作站120个。\n", set(), {"韶关市公共法律服务中心"}),
    # written once without a count, the same body is the report's own level's
    ("韶关市司法局2023年工作报告\n2023年，公共法律服务中心接待群众咨询。\n", {"韶关市公共法律服务中心"}, set()),
])
def test_a_governments_report_and_counted_bodies(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_two_wordings_of_an_unplaced_government_are_one_body() -> None:
    text = "某市人民政府2023年法治政府建设报告\n省人民政府：\n2023年，我市认真落实省政府部署，省政府督查组给予肯定。\n"
    agencies = names(extract(text_document("r.txt", text)).agencies)
    assert "省人民政府" in agencies
    assert "省政府" not in agencies


@pytest.mark.parametrize(("text", "present", "absent"), [
    # an organ in a person's title (市政府法律顾问 + a name) is no mention of it
    ("韶关市公安局2023年工作报告\n2023年，我局邀请市政府法律顾问王某同志授课。\n", set(), {"韶关市人民政府"}),
    # the organ's unnamed departments name no body
    ("韶关市公安局2023年工作报告\n2023年，在市政府有关部门的支持下，我局推进依法行政。\n", set(), {"韶关市人民政府"}),
    # the organ acting is the organ
    ("韶关市公安局2023年工作报告\n2023年，在市政府的领导下，我局推进依法行政。\n", {"韶关市人民政府"}, set()),
])
def test_an_organ_in_a_title_or_before_its_departments(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a committee's office whose region the text never fixes: the level's committee, as written, expanded
    ("某镇2023年工作报告\n2023年，我镇按照县依法治县办要求开展督察。\n", {"县委全面依法治县委员会办公室"},
     {"县全面依法治县委员会办公室"}),
    ("某局2023年工作报告\n2023年，市编办核定编制。\n", {"市委机构编制委员会办公室"}, {"市机构编制委员会办公室"}),
])
def test_an_unplaced_committee_body_belongs_to_its_levels_committee(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("北京市人民政府2023年工作报告\n2023年，推动市科委、市经济和信息化局协同办公。\n", {"北京市科学技术委员会"}, set()),
    # 学科委员会 is no 科委
    ("北京市人民政府2023年工作报告\n2023年，成立法学学科委员会。\n", set(), {"北京市科学技术委员会", "科学技术委员会"}),
])
def test_the_science_commission_by_its_short_name(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a named tribunal or notary office after a word boundary
    ("某区司法局2023年工作报告\n2023年，组织干部到城南人民法庭旁听庭审；东湖公证处开通线上办证。\n",
     {"城南人民法庭", "东湖公证处"}, set()),
    ("某区法院2023年工作报告\n2023年，联合一中院、家事法庭设立调解室。\n", {"家事法庭"}, set()),
    # a moot court is an activity; a phrase before the head is no name
    ("某区教育局2023年工作报告\n2023年，学校开展模拟法庭活动，推进法治教育进法庭。\n", set(), {"模拟法庭", "教育进法庭"}),
])
def test_named_tribunals_and_notary_offices(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # functions listed before 主管部门 name a competent department each
    ("某省住房和城乡建设厅通知\n各市住房城乡建设、规划、园林主管部门：\n现将方案印发给你们。\n",
     {"住房城乡建设主管部门", "规划主管部门", "园林主管部门"}, set()),
    # 主管部门 after words that are no function names none
    ("某省厅通知\n请各地加强协调、统筹推进、落实主管部门责任。\n", set(), {"统筹推进主管部门", "落实主管部门"}),
])
def test_functions_listed_before_competent_departments(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("某县教育局2023年工作报告\n2023年，我局与公检法司等部门联合开展法治进校园。\n",
     {"公安部门", "人民检察院", "人民法院", "司法部门"}, set()),
    ("某县2023年工作报告\n2023年，公检法机关协同办案。\n", {"公安机关", "人民检察院", "人民法院"}, {"司法机关"}),
    # not a word that only begins so
    ("某县2023年工作报告\n2023年，办公检查法规执行。\n", set(), {"人民检察院", "人民法院"}),
])
def test_the_political_legal_bodies_by_their_first_characters(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # centres and stations of every level: a kind of body, not the report's own
    ("韶关市民政局2023年工作报告\n2023年，发挥退役军人服务中心（站）作用，化解矛盾。\n", {"退役军人服务中心"},
     {"韶关市退役军人服务中心"}),
    ("韶关市民政局2023年工作报告\n2023年，退役军人服务中心接待来访。\n", {"韶关市退役军人服务中心"}, set()),
])
def test_centres_and_stations_of_every_level(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_a_posters_row_with_its_publishing_time_is_page_furniture() -> None:
    text = ("许疃镇2023年法治政府建设年度报告\n蒙城县人民政府发布时间: 2024-02-01 09:30\n"
            "2023年，许疃镇坚持依法行政，推进法治建设。\n")
    agencies_hold(text, set(), {"亳州市蒙城县人民政府", "蒙城县人民政府"})

# -- session 10: measures on reports nobody tuned on ----------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("县委常委会、县政府常务会议带头集体学法8次", ["政府常务会议会前学法"]),
    ("将学法纳入区政府常务会议固定议程", ["政府常务会议会前学法"]),
    ("市政府常务会议传达学习会议精神", []),  # the meeting's business, not the study practice
    ("市委常委会专题学法2次", []),  # the party committee's meeting is not the government's
    ("市委中心组、市政府常务会议建立学法制度", []),  # one study system for two bodies: no one practice named
])
def test_the_executive_meeting_studying_law_is_the_study_practice(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize(("before", "expected"), [
    ("省委、省政府", "法治政府建设实施纲要(2016-2020年)"),  # the province's own plan under the national name
    ("", "法治政府建设实施纲要(2015-2020年)"),  # a misprinted period of the national plan
    ("中共中央、国务院", "法治政府建设实施纲要(2015-2020年)"),
])
def test_a_local_plan_under_the_national_plans_name_is_its_own(before: str, expected: str) -> None:
    text = f"山西省司法厅2017年法治政府建设年度报告\n2017年，我厅深入落实{before}《法治政府建设实施纲要(2016-2020年)》。\n"
    laws = {law.name: law for law in extract(text_document("r.txt", text)).laws}
    assert expected in laws
    assert laws[expected].category == "规划纲要"


@pytest.mark.parametrize(("text", "expected"), [
    ("深化“一业一证”改革，实现一证准营", "“一业一证”改革"),
    ("2016年是“六五”普法总结验收之年", "“六五”普法"),
    ("组织开展“宪法进万家”活动", "宪法进万家"),
    ("开展“美好生活·民法典相伴”主题宣传", "美好生活·民法典相伴"),
    ("推进诉调对接，化解矛盾纠纷", "诉调对接"),
    ("推行惠企政策“免申即享”", "免申即享"),
    ("推行涉企检查“综合查一次”", "综合查一次"),
    ("依托“法宣在线”平台组织学法考试", "法宣在线"),
    ("建立行政执法和刑事司法衔接机制", "行政执法与刑事司法衔接机制"),
    ("提升政务公开标准化规范化水平", "基层政务公开标准化规范化"),
    ("依法处理信息公开申请9件", "政府信息公开"),  # one of its two modes, named
    ("新制发文件的主动公开率达100%", "政府信息公开"),
])
def test_national_names_no_tune_report_held(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("开展民生领域案件查办“铁拳”行动", "民生领域案件查办“铁拳”行动"),
    ("参加中国渔政亮剑系列专项执法行动", "中国渔政亮剑"),
    ("开展“昆仑”专项行动打击食药环犯罪", "昆仑行动"),
    ("参加生态环境执法大练兵", "环境执法大练兵"),
    ("推进河湖“清四乱”常态化", "河湖“清四乱”"),
    ("扎实开展守法普法示范县创建", "全国守法普法示范市(县、区)创建"),
])
def test_sector_campaigns_of_central_ministries(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == [expected]
    assert find_measures("人社部门开展春风行动") == []  # 人社部's employment drive, not the tax campaign
    assert find_measures("被推荐为全国守法普法示范县候选县") == []  # a title awarded, as realextra5 reads it


@pytest.mark.parametrize(("text", "expected"), [
    ("办理12315投诉举报热线工单", "全国12315平台"),
    ("依托12366热线答复纳税人", "12366纳税服务热线"),
    ("通过12369网络举报平台受理举报", "12369环保举报热线"),
    ("依托行政执法综合管理监督系统开展监督", "全国行政执法综合管理监督信息系统"),
])
def test_national_hotlines_and_systems_are_platforms(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [(h.name, h.kind) for h in find_measures(text)] == [(expected, "平台")]


@pytest.mark.parametrize(("text", "expected"), [
    ("全面实施外商投资准入负面清单管理制度", "外商投资准入负面清单"),
    ("推行生态环境监督执法正面清单", "生态环境监督执法正面清单"),
    ("推行“执法+专家”工作模式", "执法+专家"),
    ("开展“学宪法 讲宪法”活动", "学宪法讲宪法"),
    ("开展打击欺诈骗保专项整治", "打击欺诈骗保专项整治"),
])
def test_sector_practices_ministries_set_for_their_line(text: str, expected: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == [expected]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("成立上城区安全生产大排查大整治专项行动工作指挥部", {"安全生产大排查大整治专项行动"}),  # past the division
    ("组建全区打击非法集资专项整治领导小组", {"打击非法集资专项整治"}),
    ("成立以局长为组长的扫黑除恶专项斗争领导小组", {"扫黑除恶专项斗争"}),  # a catalogue campaign too
    ("调整行政审批制度改革领导小组", set()),  # a reform's standing group, not a campaign
])
def test_a_campaign_named_inside_its_groups_name(sentence: str, expected: set) -> None:
    text = f"杭州市上城区司法局2023年法治政府建设年度报告\n2023年，我局{sentence}。\n"
    assert names(extract(text_document("r.txt", text)).measures) == expected


# -- session 11 (tune12): zone party committees, a town's organ after a verb, names between two words ----

def test_a_zones_party_committee_and_its_bodies() -> None:
    """A zone's party working committee in full after 中共, and the committees it sets up, as a 区委 does."""
    text = ("桂林市司法局2023年法治政府建设年度报告\n2023年，中共桂林高新技术产业开发区工作委员会召开会议。"
            "桂林高新区党工委全面依法治区委员会审议通过方案。成立桂林经开区党工委法治建设委员会。\n")
    assert {"中共桂林高新技术产业开发区工作委员会", "中共桂林高新技术产业开发区工作委员会全面依法治区委员会",
            "中共桂林经济技术开发区工作委员会法治建设委员会"} <= names(extract(text_document("z.txt", text)).agencies)


@pytest.mark.parametrize("sentence", ["健全街道党工委统一领导机制", "完善街道党工委议事规则"])
def test_a_streets_bare_committee_after_a_verb_is_its_own(sentence: str) -> None:
    text = f"2022年，南苑街道坚持依法行政，{sentence}。\n"
    agencies = names(extract(text_document("s.txt", text)).agencies)
    assert "中共南苑街道工作委员会" in agencies


def test_a_town_name_before_the_kind_is_another_towns_organ() -> None:
    text = "重庆市潼南区龙形镇人民政府关于2024年法治政府建设情况的报告\n建立镇党委中心组学法制度，配合古溪镇党委开展工作。\n"
    agencies = names(extract(text_document("t.txt", text)).agencies)
    assert "中共重庆市潼南区龙形镇委员会" in agencies  # 建立|镇党委: no town is called 建立镇
    assert not any(name.endswith("古溪镇委员会") and "龙形" in name for name in agencies)


@pytest.mark.parametrize(("sentence", "absent", "present"), [
    ("加强黄河南岸生态保护", "河南省", None),  # 黄河|南岸: two words, not 河南
    ("治理长江西岸滩涂", "江西省", None),
    ("推进山东半岛城市群建设", None, "山东省"),  # 东半 is no common word: 山东 stays
    ("赴河南学习考察", None, "河南省"),
])
def test_a_name_split_between_two_words_is_no_region(sentence: str, absent: str | None,
                                                    present: str | None) -> None:
    text = f"某市司法局2023年工作报告\n2023年，{sentence}。\n"
    regions = names(extract(text_document("w.txt", text)).regions)
    assert absent not in regions
    assert present is None or present in regions


# -- the forms of government bodies a reader meets across many reports (data/agency_organs.tsv,
#    data/party_committee_bodies.tsv, the 2018/2023 reform stems of data/agency_functions.tsv) --------

JINYUN = "缙云县人民政府2023年法治政府建设年度报告\n2023年，丽水市缙云县坚持依法行政。\n"


@pytest.mark.parametrize(("written", "name"), [
    ("县红十字会", "丽水市缙云县红十字会"),  # 群团组织 after a level char
    ("县侨联", "丽水市缙云县归国华侨联合会"),
    ("县社科联", "丽水市缙云县社会科学界联合会"),
    ("县关工委", "丽水市缙云县关心下一代工作委员会"),
    ("县人武部", "丽水市缙云县人民武装部"),
    ("市中院", "丽水市中级人民法院"),
    ("县纪委", "中共丽水市缙云县纪律检查委员会"),
    ("县直机关工委", "中共丽水市缙云县直属机关工作委员会"),
    ("县委机关工委", "中共丽水市缙云县直属机关工作委员会"),  # the same body by either wording
    ("县委办", "中共丽水市缙云县委办公室"),
    ("县委政研室", "中共丽水市缙云县委政策研究室"),
    ("县委金融办", "中共丽水市缙云县委金融委员会办公室"),  # 2023: the party committee's, not the county's 金融办
    ("市委深改办", "中共丽水市委全面深化改革委员会办公室"),
    ("县委网络安全和信息化委员会办公室", "中共丽水市缙云县委网络安全和信息化委员会办公室"),
    ("县国动办", "丽水市缙云县国防动员办公室"),  # 2023: the 人防办 renamed
    ("县疾控局", "丽水市缙云县疾病预防控制局"),
    ("市疾控中心", "丽水市疾病预防控制中心"),
    ("县机关事务服务中心", "丽水市缙云县机关事务服务中心"),
    ("县公安分局", "丽水市缙云县公安分局"),
    ("县劳动保障监察大队", "丽水市缙云县劳动保障监察大队"),
    ("县交警大队", "丽水市缙云县公安局交通警察大队"),
    ("共青团缙云县委员会", "共青团丽水市缙云县委员会"),
    ("共青团丽水市委", "共青团丽水市委员会"),  # not the city's party committee
    ("县文体广电旅游局", "丽水市缙云县文体广电旅游局"),  # not a 旅游局 cut out of it
    ("县经济商务局", "丽水市缙云县经济商务局"),
    ("县编委办", "中共丽水市缙云县委机构编制委员会办公室"),
    ("县禁毒办", "丽水市缙云县禁毒委员会办公室"),
])
def test_the_forms_of_government_bodies_are_read_whole(written: str, name: str) -> None:
    ex = extract(text_document("j.txt", f"{JINYUN}联合{written}开展专项检查。\n"))
    agency = next((a for a in ex.agencies if written in {m.text for m in a.mentions}), None)
    assert agency is not None and agency.name == name


@pytest.mark.parametrize("sentence", [
    "受农民委托提起诉讼", "加强综合行政执法队伍建设", "执法队员参加培训", "县委办理群众来信",
    "税务分局开展检查", "县纪委书记讲话",
])
def test_words_around_the_new_heads_name_no_body(sentence: str) -> None:
    ex = extract(text_document("j.txt", f"{JINYUN}{sentence}。\n"))
    start = len(JINYUN)
    mentioned = {m.text for a in ex.agencies for m in a.mentions if m.start >= start}
    assert mentioned <= {"县委"}  # 县委|办理: the committee, no 县委办


def test_a_towns_police_station_and_enforcement_team() -> None:
    text = f"{JINYUN}壶镇镇派出所、壶镇镇综合行政执法队联合执法。\n"
    agencies = names(extract(text_document("j.txt", text)).agencies)
    assert {"丽水市缙云县壶镇镇派出所", "丽水市缙云县壶镇镇综合行政执法队"} <= agencies


@pytest.mark.parametrize(("text", "expected"), [
    ("认真组织全县依法行政工作考核", "依法行政考核"),  # a word of scope before the act
    ("部署法治政府建设实地督察", "法治督察"),
    ("对本部门规范性文件开展集中清理", None),  # the act alone names no practice
    ("完成行政规范性文件全面清理", "规范性文件清理"),
    ("抽取执法案卷开展行政执法案卷质量评查", "行政执法案卷评查"),
    ("把法治建设考评结果纳入绩效", "法治政府建设考核"),  # 考评 is the 考核
])
def test_words_before_the_act_of_a_practice(text: str, expected: str | None) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "expected"), [
    ("力争建成省级法治政府建设示范乡镇", ["法治政府建设示范创建"]),  # any level of the title
    ("申报全国法治政府示范县", ["法治政府建设示范创建"]),
    ("推进法治政府建设综合示范区创建工作", ["法治政府建设示范创建"]),
    ("认真巩固示范创建成果", ["法治政府建设示范创建"]),  # bare after a verb
    ("扎实开展示范市创建", ["法治政府建设示范创建"]),
    ("开展卫生城市示范创建", []),  # another programme's 示范创建
    ("获评法治政府建设示范项目", []),  # a project award, left out
])
def test_the_demonstration_programme_at_every_level(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize("text", [
    "编印领导干部应知应会国家法律清单",
    "制定干部应知应会党内法规和法律法规学习清单",
    "出台应知应会法规规章指导清单",
])
def test_must_know_lists_of_any_kinds_of_rules(text: str) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == ["领导干部应知应会法律法规清单"]
    assert find_measures("汇编应知应会知识手册") == []


def test_a_head_written_after_the_last_item_only() -> None:
    from fazhi.extraction.measures import find_measures

    hits = find_measures("压实意识形态及舆情处置工作责任制")  # 舆情处置工作责任制 is no catalogue name
    assert [(h.name, h.start, h.end) for h in hits] == [("意识形态工作责任制", 2, 6)]
    assert find_measures("压实岗位及舆情处置工作责任制") == []


def test_a_platform_quoted_from_its_region_on_is_the_quoted_name() -> None:
    from fazhi.extraction.measures import find_measures

    text = "群众通过“陕西一码通”平台预约"
    hits = find_measures(text, [(text.index("陕西"), text.index("陕西") + 2)])
    assert [(h.name, text[h.start:h.end]) for h in hits] == [("陕西一码通", "“陕西一码通”平台")]


@pytest.mark.parametrize(("text", "expected"), [
    ("配合省委依法治省办第二督察组实地督察", ["法治督察"]),  # a rule-of-law office inspecting
    ("考核采取日常考核与实地督察相结合", []),  # any visit on the spot
])
def test_an_inspection_on_the_spot_by_a_rule_of_law_office(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


def test_the_yearly_law_exam_is_not_the_study_system() -> None:
    from fazhi.extraction.measures import find_measures

    assert find_measures("全员参加国家工作人员学法用法考试") == []
    assert find_measures("登录国家工作人员学法用法及考试平台学习") == []
    assert [h.name for h in find_measures("落实国家工作人员学法用法制度")] == ["领导干部学法用法制度"]


@pytest.mark.parametrize(("text", "expected"), [
    ("结合全国爱眼日开展宣传", ["全国爱眼日"]),  # an observance the catalogue does not list
    ("利用“4·23”世界读书日、全民健身日等节点", ["世界读书日", "全民健身日"]),
    ("在中国统计开放日期间", ["中国统计开放日"]),
    ("全国各地每月开展", []),  # words of time, not a name
    ("纪念全国人民代表大会成立日", []),
])
def test_observances_named_by_their_form(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures(text)] == expected


def test_practices_named_as_topics_of_legal_knowledge() -> None:
    from fazhi.extraction.measures import find_measures

    assert find_measures("考试内容包括行政复议、行政诉讼、国家赔偿等相关法律知识") == []
    assert [h.name for h in find_measures("办理行政复议、行政应诉案件")] == ["行政复议", "行政应诉"]


def test_a_towns_joint_meeting_studying_law_is_the_meeting_study_practice() -> None:
    from fazhi.extraction.measures import find_measures

    assert [h.name for h in find_measures("乡党政联席会议每季度学法1次")] == ["政府常务会议会前学法"]
    assert find_measures("召开党政联席会议研究学法计划") == []  # the meeting's business, not its study


@pytest.mark.parametrize(("body", "expected"), [
    # level characters joined before a functional 部门/机关 name one body each
    ("全面落实省、市司法行政部门的工作部署。", {"江西省司法行政部门", "南昌市司法行政部门"}),
    ("配合省、市公安机关开展专项整治。", {"江西省公安机关", "南昌市公安机关"}),
    # a list of functions ending in a level's departments: that level's body of each function
    ("会同公安、市场监管、税务等各市级政府部门开展检查。", {"南昌市公安部门", "南昌市市场监管部门", "南昌市税务部门"}),
])
def test_coordinated_levels_before_a_generic_body(body: str, expected: set) -> None:
    found = names(extract(text_document("r.txt", PROVINCE_CITY_REPORT.format(body=body))).agencies)
    assert expected <= found


@pytest.mark.parametrize(("text", "present", "absent"), [
    # an autonomous prefecture writes 州党委 where a city writes 市委; the 政府 after it is the prefecture's
    ("红河哈尼族彝族自治州司法局2023年法治政府建设年度报告\n2023年，我局在州党委、政府的领导下推进依法行政。\n",
     {"中共红河哈尼族彝族自治州委员会", "红河哈尼族彝族自治州人民政府"}, None),
    # in a city's report another prefecture's 州党委 names no body of the report's
    ("南昌市司法局2023年法治政府建设年度报告\n2023年，我局学习外省某州党委经验。\n", set(), "中共南昌市委员会"),
])
def test_an_autonomous_prefectures_party_committee(text: str, present: set, absent: str | None) -> None:
    found = names(extract(text_document("r.txt", text)).agencies)
    assert present <= found
    assert absent is None or absent not in found


def _agency_names(text: str) -> set[str]:
    return names(extract(text_document("r.txt", text)).agencies)


@pytest.mark.parametrize(("text", "found_names", "wrong"), [
    # the county is named only in the page's 来源 row (a county portal hosting a town's summary)
    ("分水镇2023年法治政府建设工作总结\n来源:桐庐县 发布时间: 2024-01-10 09:30\n加大字体 缩小字体 打印\n"
     "2023年,在县委、县政府的坚强领导下,分水镇坚持依法行政,深入推进法治政府建设,各项工作取得明显成效。"
     "现将工作情况汇报如下:\n一、主要举措\n", {"县委", "县政府"}, {"中共杭州市桐庐县委员会", "杭州市桐庐县人民政府"}),
    # a division inside a law firm's name is where the firm was registered, not the report's region
    ("一、主要举措\n2023年,我镇在区委、区政府的领导下推进法治政府建设。聘请了杭州明理律师事务所律师担任"
     "我镇法律顾问,定期开展法律服务。全年新制发规范性文件2件,均报司法局备案。\n", {"区委", "司法局"}, {"杭州市司法局"}),
    # the place of a leader's inspection tour is the leader's, not the reporter's
    ("县委、县政府:\n2023年以来,教育局深入贯彻习近平总书记在苏州考察时重要指示精神,扎实推进法治政府建设。"
     "现将有关情况报告如下:\n一、主要举措\n教育局党委把法治建设纳入重要议事日程。\n", {"教育局"}, {"苏州市教育局"}),
    # a reposting site's slash-joined region path files the page, it does not place the report
    ("城南街道2024年法治政府建设年度报告\n2025-01-20\n江苏/泰州 政策文件\n城南街道2024年法治政府建设年度报告\n"
     "2024年,城南街道在市委、市政府的正确领导下,全面推进依法行政,法治政府建设取得新成效。现将有关情况报告如下:\n"
     "一、主要举措\n", {"市委", "市政府"}, {"中共泰州市委员会", "泰州市人民政府"}),
    # 信息来源:桐庐县分水镇 under a 分水镇 title: the row names the report's own town with its county
    ("分水镇2023年法治政府建设工作总结\n发布时间:2024-01-10 09:30 信息来源:桐庐县分水镇\n"
     "2023年,在县委、县政府的坚强领导下,分水镇坚持依法行政,深入推进法治政府建设,各项工作取得明显成效。"
     "现将工作情况汇报如下:\n一、主要举措\n", {"中共杭州市桐庐县委员会", "杭州市桐庐县人民政府"}, {"县委"}),
    # placed only in its province: a bare 局 is some city's or county's, not the province's
    ("2023年以来,教育局深入贯彻习近平总书记对浙江工作的重要指示精神,扎实推进法治政府建设。现将有关情况报告如下:\n"
     "一、主要举措\n教育局党委把法治建设纳入重要议事日程。\n", {"教育局"}, {"浙江省教育局"}),
    # a 直辖市's bureaus are its own: 上海市司法局
    ("上海市2023年法治政府建设情况报告\n2023年,上海市深入推进法治政府建设,司法局牵头开展行政执法监督。"
     "现将有关情况报告如下:\n一、主要举措\n", {"上海市司法局"}, {"司法局"}),
])
def test_bare_bodies_are_qualified_only_by_the_texts_own_region(text: str, found_names: set[str],
                                                                 wrong: set[str]) -> None:
    """A division named only in a page row, a firm's name, a site's region tag or a leader's tour does not
    fix the report's region (ANNOTATION.md: qualify only when the text fixes it): bare names stay as written."""
    found = _agency_names(text)
    assert found_names <= found
    assert not found & wrong



@pytest.mark.parametrize(("text", "firm"), [
    ("2023年,我镇聘请了杭州明理律师事务所律师担任法律顾问。\n", "杭州明理律师事务所"),  # 了 is the verb's
    ("2023年,我镇聘请浙江衡正(余杭)律师事务所律师为法律顾问。\n", "浙江衡正(余杭)律师事务所"),  # a branch's place
])
def test_a_named_law_firm_is_read_whole(text: str, firm: str) -> None:
    found = {n for n in _agency_names(text) if "律师事务所" in n}
    assert found == {firm}


# Session 12 (agency forms): 外办, the ordinal intermediate courts, named township units
@pytest.mark.parametrize(("text", "present", "absent"), [
    # 外办 after a level char: the 外事办公室, qualified by the report's region
    ("韶关市司法局2023年工作报告\n2023年，会同市外办开展涉外法治培训，县外办参加。\n",
     {"韶关市人民政府外事办公室"}, set()),
    # 外办 alone is the tail of another word
    ("韶关市司法局2023年工作报告\n2023年，规范境外办学，服务海外办事处，推进对外办事公开。\n",
     set(), {"韶关市人民政府外事办公室", "人民政府外事办公室"}),
])
def test_foreign_affairs_office_by_its_short_name(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # after the city or its level char: the city's numbered intermediate court
    ("成都市武侯区司法局2023年工作报告\n2023年，联合市一中院、成都二中院开展诉源治理。\n",
     {"成都市第一中级人民法院", "成都市第二中级人民法院"}, set()),
    # written alone: the city's when the text fixes it, else as written
    ("成都市武侯区司法局2023年工作报告\n2023年，会同四中院设立调解工作室。\n", {"成都市第四中级人民法院"}, set()),
    ("某保税区管委会2023年工作报告\n2023年，联合三中院、金融法庭设立法官工作室。\n", {"三中院"}, set()),
    # a county has no intermediate court; after other characters it is no court (高一中院)
    ("某县司法局2023年工作报告\n2023年，与县一中院校合作，高一中院落改造。\n", set(), {"县一中院", "一中院"}),
])
def test_numbered_intermediate_courts(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


# -- the gold conventions of tests/gold/CONVENTIONS.md (session 13), on invented sentences --

CONVENTION_COUNTY = "宁远县司法局2023年法治政府建设年度报告\n2023年，我局推进依法行政。{body}\n"


@pytest.mark.parametrize(("body", "expected"), [
    # b: 法律顾问 alone is a role (ANNOTATION.md: a role alone without the system named is no measure)
    ("局里聘请律师担任常年法律顾问。", False),
    ("充分发挥政府法律顾问在重大决策中的作用，法律顾问参与审查合同。", False),
    ("实现村(社区)法律顾问全覆盖。", False),
    ("健全法律顾问和公职律师制度。", True),  # the shared head names the system
    ("全面推行政府法律顾问制度。", True),
    ("完善法律顾问工作机制。", True),
])
def test_convention_b_a_legal_adviser_alone_is_a_role(body: str, expected: bool) -> None:
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).measures)
    assert ("法律顾问制度" in found) is expected, found
    assert "一村(社区)一法律顾问" not in found


@pytest.mark.parametrize(("body", "expected"), [
    # c: every 告知承诺 wording is one measure, 证明事项告知承诺制
    ("对86个事项实行告知承诺，推行容缺受理。", True),
    ("深化“告知承诺”改革。", True),
    ("全面推行行政审批告知承诺制。", True),
    ("申请人签署告知承诺书后当场办结。", False),  # the signed form, not the practice
])
def test_convention_c_informed_commitment_is_one_measure(body: str, expected: bool) -> None:
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).measures)
    assert ("证明事项告知承诺制" in found) is expected, found


@pytest.mark.parametrize(("body", "expected"), [
    # d: 中央 heading a list of levels is a level, as 省 and 市 are there; beside organs or alone it is 中共中央
    ("全面落实中央、省、市关于法治政府建设的决策部署。", False),
    ("紧扣中央、省、市、区法治建设部署。", False),
    ("认真落实中央和省法治政府建设实施纲要。", False),
    ("做好中央、省法治督察反馈问题整改。", False),
    ("贯彻落实中央、省委、市委关于法治建设的部署。", True),
    ("落实中央和省、市委的工作要求。", True),  # 委 shared by the levels: party committees
    ("按照中央要求推进工作。", True),
])
def test_convention_d_the_centre_in_a_list_of_levels_is_no_agency(body: str, expected: bool) -> None:
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).agencies)
    assert ("中共中央" in found) is expected, found


def test_convention_a_a_standing_committee_meeting_is_its_party_committees() -> None:
    body = "县委常委会会议专题研究法治工作3次，县委常务委员会会议听取汇报。"
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).agencies)
    assert any(name.endswith("宁远县委员会") for name in found), found
    assert not any("常务委员会" in name or "常委会" in name for name in found), found


@pytest.mark.parametrize(("body", "expected"), [
    # e: the committee that holds a meeting is mentioned, the meeting is not
    ("召开县委全面依法治县委员会第二次会议。", "中共永州市宁远县委全面依法治县委员会"),
    ("传达中央全面依法治国委员会第三次会议精神。", "中央全面依法治国委员会"),
])
def test_convention_e_a_committee_named_in_its_meeting(body: str, expected: str) -> None:
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).agencies)
    assert expected in found, found


@pytest.mark.parametrize(("body", "present", "absent"), [
    # f: a bare 党校 is the specific-function body, kept as written; 县委党校 is the county's
    ("将宪法纳入党校(行政学院)主体班次。", "党校", None),
    ("邀请党校教授作专题辅导。", "党校", None),
    ("县委党校举办培训班2期。", "中共永州市宁远县委党校", "党校"),
    ("选派干部到中央党校学习。", "中共中央党校", "党校"),
])
def test_convention_f_a_bare_party_school(body: str, present: str, absent: str | None) -> None:
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).agencies)
    assert present in found, found
    assert absent is None or absent not in found, found


def test_convention_f_a_towns_party_school_in_its_own_report() -> None:
    text = "和平镇2023年法治政府建设工作总结\n2023年，我镇把宪法列入镇党校重点课程，镇党委带头学法。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert any(name.endswith("和平镇党校") for name in found), found
    assert "党校" not in found, found


def test_convention_g_a_functional_class_counts_a_tier_of_governments_does_not() -> None:
    body = "各县（市、区）司法局、各乡镇人民政府要抓好落实，各县(区)人民政府按职责分工负责。"
    found = names(extract(text_document("r.txt", CONVENTION_COUNTY.format(body=body))).agencies)
    assert "县(市、区)司法局" in found, found
    assert not {"乡镇人民政府", "县(区)人民政府", "县人民政府"} & found, found


# Session 13 (agencies generalise): 普法办, an organ before the unit a person heads
@pytest.mark.parametrize(("text", "present", "absent"), [
    # 普法办 after a level char: the region's 普法 office, kept as written (its full name varies)
    ("韶关市司法局2023年工作报告\n2023年，配合市普法办组织学法考试，协助省普法办评估。\n",
     {"韶关市普法办"}, set()),
    # 办实地: an office before 实地 (only 办实事 is the verb)
    ("韶关市司法局2023年工作报告\n2023年，市普法办实地督察各单位学法。\n", {"韶关市普法办"}, set()),
    # 普法 before 办 as a verb's object is no office
    ("韶关市司法局2023年工作报告\n2023年，围绕普法办实事，做好普法办理工作。\n", set(), {"普法办", "韶关市普法办"}),
])
def test_law_popularisation_office_by_its_short_name(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_an_organ_before_the_unit_a_person_heads_is_no_mention() -> None:
    text = ("福州市司法局2022年法治政府建设年度报告\n2022年，我局邀请省司法厅行政复议与应诉处处长作专题辅导，"
            "市公安局法制科科长参加，配合市财政局开展检查。\n")
    agencies = names(extract(text_document("unit_head.txt", text)).agencies)
    assert "福州市财政局" in agencies  # an ordinary mention still counts
    assert not any(a.endswith(("司法厅", "公安局")) for a in agencies), agencies


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a province's rule-of-law committee named by its 简称, and its office
    ("新疆维吾尔自治区司法厅2023年工作报告\n2023年，自治区党委全面依法治疆委员会部署督察，自治区党委依法治疆办牵头落实。\n",
     {"中共新疆维吾尔自治区委全面依法治疆委员会", "中共新疆维吾尔自治区委全面依法治疆委员会办公室"}, set()),
    # a character that is no province's 简称 makes no such body
    ("新疆维吾尔自治区司法厅2023年工作报告\n2023年，自治区党委依法治理办公室参加。\n", set(),
     {"中共新疆维吾尔自治区委全面依法治理委员会办公室"}),
])
def test_rule_of_law_committee_by_the_province_short_name(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a county-level city's report: its 市 bodies are its own, but a 支队 is the prefecture's
    ("平湖市消防救援大队2023年工作总结\n2023年，在嘉兴市委和市消防救援支队领导下，我大队配合市公安局开展检查。\n",
     {"嘉兴市消防救援支队", "嘉兴市平湖市公安局"}, {"嘉兴市平湖市消防救援支队"}),
    # the prefecture never written: the 支队 stays as written
    ("平湖市消防救援大队2023年工作总结\n2023年，在市消防救援支队领导下，我大队完成任务。\n",
     {"市消防救援支队"}, {"嘉兴市平湖市消防救援支队", "嘉兴市消防救援支队"}),
    # a prefecture's own report: its 支队 is its own
    ("嘉兴市消防救援支队2023年工作总结\n2023年，市消防救援支队配合市公安局开展检查。\n",
     {"嘉兴市消防救援支队", "嘉兴市公安局"}, set()),
])
def test_a_squad_above_a_county_level_city_is_the_prefecture(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize("field", ["发布机构", "发文机关"])
def test_a_metadata_field_before_its_value_is_no_unlisted_division(field: str) -> None:
    text = (f"索 引 号  abc/2021-00012  {field}  州政府\n某州人民政府关于2021年法治政府建设情况的报告\n"
            "2021年，我州推进法治政府建设。\n")
    agencies = names(extract(text_document("field.txt", text)).agencies)
    assert not any(name.startswith(field) for name in agencies), agencies


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a zone named after two places joined by a dash: the dash is inside its name
    ("2024年，中国—东盟经济技术开发区深入推进法治建设，以党工委理论学习中心组学习推动依法行政。\n",
     {"中国—东盟经济技术开发区管理委员会", "中共中国—东盟经济技术开发区工作委员会"}, {"东盟经济技术开发区管理委员会"}),
    ("2024年，新疆-中亚经济开发区(以下简称“开发区”)深入推进法治建设，现将有关情况报告如下。\n",
     {"新疆-中亚经济开发区管理委员会"}, {"中亚经济开发区管理委员会"}),
    # the city's districts by short name, counted, before one body: that body in each district
    ("武汉市司法局2023年工作报告\n2023年，会同硚口、汉阳两区市场监管局开展检查。\n",
     {"武汉市硚口区市场监督管理局", "武汉市汉阳区市场监督管理局"}, set()),
    # a count that disagrees with the list: no split
    ("武汉市司法局2023年工作报告\n2023年，会同硚口、汉阳三区市场监管局开展检查。\n",
     set(), {"武汉市硚口区市场监督管理局", "武汉市汉阳区市场监督管理局"}),
    # names that are no district of the report's city: no split
    ("武汉市司法局2023年工作报告\n2023年，会同海淀、朝阳两区市场监管局开展检查。\n",
     set(), {"武汉市海淀区市场监督管理局", "北京市海淀区市场监督管理局"}),
    # two or three tiers' bodies (镇村两级X, 县乡两级Y): every body of those tiers, none named
    ("某某县司法局2020年工作总结\n2020年，规范运行镇村两级便民服务中心，建成县乡两级司法所，配合县公安局。\n",
     {"县公安局"}, {"便民服务中心", "司法所"}),
    ("某某县司法局2020年工作总结\n2020年，推动三级公共法律服务中心建设，配合县公安局。\n",
     {"县公安局"}, {"公共法律服务中心"}),
    # a town's own report: its name without 街道/镇 before a unit is the town's unit
    ("珠晖区东阳渡街道2023年工作报告\n2023年，东阳渡司法所获评先进集体，参与调解。\n",
     {"衡阳市珠晖区东阳渡街道司法所"}, {"司法所"}),
    # another place's short name is no part of it
    ("珠晖区东阳渡街道2023年工作报告\n2023年，配合茶山坳司法所开展调解。\n", set(), {"衡阳市珠晖区东阳渡街道司法所"}),
])
def test_zones_counted_districts_tiers_and_town_units(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


# Session 14 (agencies on unseen reports): merged culture bureaus, generic classes, courts after a verb of joint
# work, 中心组, the tax line's official names, labour arbitration organs
@pytest.mark.parametrize(("text", "present", "absent"), [
    # a merged culture bureau's functions in the county's own order and wording
    ("泰顺县文体和旅游局2024年法治政府建设工作报告\n2024年，我局配合县文化广播电视和旅游局开展检查。\n",
     {"温州市泰顺县文体和旅游局"}, {"温州市泰顺县旅游局"}),
    ("2024年，包头市文化旅游广电局配合省旅游和文化广电体育厅开展检查。\n",
     {"包头市文化旅游广电局", "省旅游和文化广电体育厅"}, set()),
    # a study group (理论学习中心组) is no centre; a centre before 组织 still is
    ("2024年，包头市司法局参加包头市领导干部理论学习中心组学习，包头市政务服务中心组织培训。\n",
     {"包头市司法局", "包头市政务服务中心"}, {"包头市领导干部理论学习中心"}),
])
def test_merged_culture_bureaus_and_study_groups(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a specific-function generic reference after 各级 or 各: the function's bodies, without the quantifier
    ("韶关市司法局2023年工作报告\n2023年，指导全市各级林草主管部门，推动各级交通部门规范执法。\n",
     {"林草主管部门", "交通部门"}, set()),
    # after levels written together: the class keeps its levels (CONVENTIONS g)
    ("韶关市司法局2023年工作报告\n2023年，落实省市交通运输主管部门部署，各县公安机关参与。\n",
     {"省市交通运输主管部门", "县公安机关"}, {"交通运输主管部门"}),
    # no function named: nothing
    ("韶关市司法局2023年工作报告\n2023年，督促各组织机关、市县政府部门落实。\n", set(), {"组织机关", "市县政府部门"}),
])
def test_generic_classes_after_plural_words_and_levels(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a court or procuratorate written alone after a verb of joint work
    ("韶关市司法局2023年工作报告\n2023年，联合法院、公安开展宣传，会同检察院健全衔接机制。\n",
     {"人民法院", "人民检察院"}, set()),
    # the county's tax bureau by its official name under the national line; bare, it stays as written
    ("重庆市荣昌区交通局2023年工作报告\n2023年，参观区税务局法治教育基地，配合市税务局。\n",
     {"国家税务总局重庆市荣昌区税务局", "国家税务总局重庆市税务局"}, {"重庆市荣昌区税务局"}),
    ("2023年，税务局开展检查。\n", {"税务局"}, {"国家税务总局税务局"}),
    # labour arbitration organs after a level char (《劳动争议调解仲裁法》)
    ("2022年，烟台市人力资源和社会保障局坚持依法行政，市劳动人事争议仲裁院获表彰，县劳动人事争议仲裁委员会办案。\n",
     {"烟台市劳动人事争议仲裁院", "县劳动人事争议仲裁委员会"}, set()),
])
def test_courts_after_joint_work_tax_line_and_arbitration(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a street's own report writes 街 for 街道 before its bodies
    ("天津市滨海新区新港街道办事处2023年法治政府建设工作报告\n2023年，街党工委统一部署，街综合执法大队开展检查。\n",
     {"中共天津市滨海新区新港街道工作委员会", "天津市滨海新区新港街道综合执法大队"}, {"综合执法大队"}),
    # in a town's report 街 is no kind of its own
    ("天津市滨海新区大港镇人民政府2023年工作报告\n2023年，街综合执法大队开展检查。\n",
     set(), {"天津市滨海新区大港镇综合执法大队"}),
])
def test_a_streets_own_report_writes_jie_for_jiedao(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # 中央 as the issuer of documents is the party centre
    ("韶关市司法局2023年工作报告\n2023年，根据中央有关文件精神推进改革。\n", {"中共中央"}, set()),
])
def test_the_centres_documents(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # bodies of the 2020 复议 reform, a zone's own bureaus, line teams and city centres
    ("泰顺县司法局2023年工作报告\n2023年，我局配合县行政复议局、县行政争议调解中心和县水政监察大队开展工作。\n",
     {"温州市泰顺县行政复议局", "温州市泰顺县行政争议调解中心", "温州市泰顺县水政监察大队"}, set()),
    ("泰顺县司法局2023年工作报告\n2023年，县经济发展局、县动物卫生监督所参与执法检查。\n",
     {"温州市泰顺县经济发展局", "温州市泰顺县动物卫生监督所"}, set()),
    # 局面, 局势: 局 opens the next word
    ("泰顺县司法局2023年工作报告\n2023年，开创民营经济发展局面，稳定社会事业局势。\n", set(),
     {"温州市泰顺县民营经济发展局", "温州市泰顺县社会事业局"}),
])
def test_bodies_of_recent_reforms_and_zones(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a congress or CPPCC named with its term between the region and the organ
    ("泰顺县司法局2023年工作报告\n2023年，县十七届人大常委会第五次会议听取报告，县政协十五届三次会议提案办理完毕。\n",
     {"温州市泰顺县人民代表大会常务委员会", "中国人民政治协商会议温州市泰顺县委员会"}, {"人大常委会"}),
    ("关于2024年法治政府建设情况的报告\n——在泰顺县第十八届人民代表大会常务委员会第二次会议上\n2024年，我县推进法治建设。\n",
     {"温州市泰顺县人民代表大会常务委员会"}, set()),
    # a deputy of the term is a person, no organ
    ("泰顺县司法局2023年工作报告\n2023年，邀请县十七届人大代表视察。\n", set(),
     {"温州市泰顺县人民代表大会", "人民代表大会"}),
])
def test_a_congress_named_with_its_term(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a banner's and an autonomous prefecture's rule-of-law committee and office, as a county's
    ("西乌珠穆沁旗人民政府2023年法治政府建设工作报告\n2023年，召开依法治旗委员会会议1次，旗委依法治旗办督察。\n",
     {"中共锡林郭勒盟西乌珠穆沁旗委全面依法治旗委员会", "中共锡林郭勒盟西乌珠穆沁旗委全面依法治旗委员会办公室"}, set()),
    ("巴音郭楞蒙古自治州人民政府2023年法治政府建设工作报告\n2023年，州委全面依法治州委员会办公室督察。\n",
     {"中共巴音郭楞蒙古自治州委全面依法治州委员会办公室"}, set()),
    # the committee written without 全面 is the same committee
    ("泰顺县司法局2023年工作报告\n2023年，召开依法治县委员会会议1次。\n",
     {"中共温州市泰顺县委全面依法治县委员会"}, {"温州市泰顺县依法治县委员会"}),
    # the party schools of several levels: a class in its words
    ("伊犁州司法局2021年工作总结\n2021年，在州县党校(行政学院)开设专门课程。\n", {"州县党校"}, set()),
])
def test_rule_of_law_committees_of_every_level_and_tiers_party_schools(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the list's end may name a kind of department (执法, 职能) or none (政法、司法部门): every function listed
    ("泰顺县司法局2023年工作报告\n2023年，公安、市场监管、交通运输等执法部门联合执法，会同民政、司法等有关职能部门。\n",
     {"公安部门", "市场监管部门", "交通运输部门", "民政部门", "司法部门"}, set()),
    ("泰顺县司法局2023年工作报告\n2023年，严格落实政法、司法部门要求，教育、税务等行政执法机关参加。\n",
     {"政法部门", "司法部门", "教育部门", "税务机关"}, {"教育机关"}),
    # no function listed: nothing
    ("泰顺县司法局2023年工作报告\n2023年，邀请专家、学者、业务部门参加，加强法治机关建设。\n", set(), {"业务部门", "学者部门"}),
])
def test_functions_listed_before_a_kind_of_department(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a party committee by its full name, and its office
    ("泰顺县司法局2023年工作报告\n2023年，中国共产党温州市委员会部署，中共泰顺县委员会办公室发文。\n",
     {"中共温州市委员会", "中共温州市泰顺县委办公室"}, {"中共温州市泰顺县委员会"}),
    ("中共梧州市委员会 梧州市人民政府关于2020年度法治政府建设情况的报告\n2020年，全市推进依法行政。\n",
     {"中共梧州市委员会", "梧州市人民政府"}, set()),
    # national bodies opened by 中国, and the State Council's offices before the 2018 reform
    ("泰顺县司法局2017年工作报告\n2017年，落实中国气象局、国务院法制办部署。\n",
     {"中国气象局", "国务院法制办公室"}, {"温州市泰顺县气象局", "温州市泰顺县人民政府法制办公室"}),
])
def test_party_committees_by_full_name_and_national_openers(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the end of a merged name after a level char and a word is no body of its own
    ("某某市司法局2023年工作报告\n2023年，市数据和政务服务局参与建设。\n", set(), {"政务服务局"}),
    # 和/与 joining words or bodies: the body after it stands
    ("泰顺县司法局2023年工作报告\n2023年，在坚强领导和依法治县办的指导下，实时与编办沟通，公安局和民政局联合。\n",
     {"中共温州市泰顺县委全面依法治县委员会办公室", "中共温州市泰顺县委机构编制委员会办公室", "温州市泰顺县民政局"}, set()),
])
def test_the_end_of_a_merged_name_is_no_body(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a line's own squad named by its work
    ("泰顺县司法局2023年工作报告\n2023年，县交通运输稽查大队、县国土资源执法监察大队、县安全生产监察大队、县卫生计生监督所参与。\n",
     {"温州市泰顺县交通运输稽查大队", "温州市泰顺县国土资源执法监察大队", "温州市泰顺县安全生产监察大队",
      "温州市泰顺县卫生计生监督所"}, {"监察大队"}),
    # 执法监督 as work, no body
    ("泰顺县司法局2023年工作报告\n2023年，保障执法监督所需经费。\n", set(), {"执法监督所"}),
])
def test_a_lines_squad_named_by_its_work(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # one unit's bodies in every town of the tier: a class in its words (CONVENTIONS g at the 乡镇 level)
    ("泰顺县司法局2023年工作报告\n2023年，各乡镇司法所、各乡镇（街道）派出所、各乡镇文化站开展宣传。\n",
     {"乡镇司法所", "乡镇(街道)派出所", "乡镇文化站"}, set()),
    # the tier's governments are every town's general organ: no class
    ("泰顺县司法局2023年工作报告\n2023年，各乡镇人民政府、各镇街道办事处抓好落实。\n", set(),
     {"乡镇人民政府", "镇街道办事处"}),
])
def test_a_class_of_town_units(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


def test_bar_and_notary_associations_are_bodies() -> None:
    """律师协会 (《律师法》) and 公证协会 (《公证法》) after a level char, as 法学会 is (a level the text does not
    place keeps the words as written: 市律协)."""
    agencies_hold("泰顺县司法局2023年工作报告\n2023年，县律师协会、市律协和省公证协会参与普法。\n",
                  {"温州市泰顺县律师协会", "市律协", "省公证协会"}, set())


@pytest.mark.parametrize(("text", "present", "absent"), [
    # the town tier written before a bare body: every town's, a class in its words, not the county's own
    ("泰顺县司法局2023年工作报告\n2023年，全县乡镇综合执法办公室、镇街司法所参与整治。\n",
     {"乡镇综合执法办公室", "镇街司法所"}, {"温州市泰顺县综合执法办公室"}),
    # a town's own report: its own office
    ("泰顺县罗阳镇人民政府2023年工作报告\n2023年，镇综合执法办公室参与整治。\n",
     {"温州市泰顺县罗阳镇综合执法办公室"}, {"乡镇综合执法办公室"}),
])
def test_the_town_tier_before_a_bare_body(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a town's own report: a bare bureau is no town's, and the text does not say whose: as written
    ("天津市滨海新区新港街道办事处2023年法治政府建设工作报告\n2023年，按时向司法局报送情况，区司法局指导。\n",
     {"司法局", "天津市滨海新区司法局"}, set()),
    # a province's department stays the province's
    ("浙江省泰顺县罗阳镇人民政府2023年工作报告\n2023年，配合教育厅开展检查。\n", {"浙江省教育厅"}, set()),
])
def test_a_bare_bureau_in_a_towns_report_stays_as_written(text: str, present: set, absent: set) -> None:
    agencies_hold(text, present, absent)


# Session 14, measures second pass: lists that write their shared words once, and the study slogan.
@pytest.mark.parametrize(("text", "expected"), [
    ("完善行政规范性文件起草、报备和清理制度。", ["规范性文件备案审查", "规范性文件清理"]),
    ("健全规范性文件审核、备案机制。", ["规范性文件备案审查"]),
    ("规范性文件的制定与审核严格依法。", []),  # neither act is a catalogue practice of its own
    ("建立规范性文件管理、清理机制。", []),  # 管理 is upkeep in general, not an act of the list
])
def test_acts_written_once_after_normative_documents(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures
    assert [h.name for h in find_measures(text)] == expected


def test_the_know_the_law_slogan_is_no_study_system() -> None:
    from fazhi.extraction.measures import find_measures
    assert find_measures("引导领导干部学法、懂法、用法、守法。") == []
    assert [h.name for h in find_measures("坚持领导干部学法，每季度一次。")] == ["领导干部学法用法制度"]


def test_a_platform_a_whole_level_shares_is_named_by_its_own_words() -> None:
    from fazhi.extraction.measures import find_measures
    found = find_measures("在全县推广全市统一的涉企检查扫码登记管理系统。")
    assert [(h.name, h.kind) for h in found] == [("涉企检查扫码登记管理系统", "平台")]
    assert find_measures("依托全省统一的政务服务平台办理。") == []  # a common noun names no one platform



@pytest.mark.parametrize(("text", "expected"), [
    # a step of the procedure names it where the sentence writes the major decisions it is a step of
    ("重大决策事项均经集体讨论决定。", ["重大行政决策程序"]),
    # a body's own way of deciding its 三重一大 matters: no major decision written
    ("形成了专家论证、集体讨论决定的集体决策机制。", []),
])
def test_a_decision_step_names_the_procedure_only_beside_major_decisions(text: str, expected: list[str]) -> None:
    from fazhi.extraction.measures import find_measures
    assert [h.name for h in find_measures(text)] == expected


@pytest.mark.parametrize("sentence", [
    "推动湖州创新监管服务护航平台经济发展。",  # 平台经济: the platform economy
    "全力建设杭州城西科创大走廊主平台。",  # a zone that is a city's main 平台
    "建成“一中心、三平台”的监管体系。",  # a numbered list label, not one name
])
def test_figures_and_list_labels_are_no_platforms(sentence: str) -> None:
    text = f"2022年，我局推进依法行政，取得新的进展。{sentence}\n"
    assert not [m for m in extract(text_document("r.txt", text)).measures if m.kind == "平台"]


# -- session 15: issuers on unseen-style texts (realextra16's misses, written as general rules) --------------

@pytest.mark.parametrize(("text", "agency"), [
    # 现将X…报告公告/公布/发布如下: the report announced as it is published names its body as 报告如下 does
    ("根据《江西省法治政府建设实施纲要》要求,现将省交通运输厅2019年度法治政府建设情况报告公告如下:\n"
     "2019年,全省交通运输系统坚持依法行政。\n", "江西省交通运输厅"),
    ("根据《梅州市法治政府建设考核办法》,现将市司法局2021年度法治政府建设情况报告公布如下。\n"
     "2021年,全市司法行政系统推进依法行政。\n", "梅州市司法局"),
    ("按照《宣城市法治政府建设情况报告制度》,现将泾县应急管理局2023年法治政府建设工作报告发布如下:\n一、主要工作\n",
     "宣城市泾县应急管理局"),
])
def test_a_report_announced_as_published_names_its_body(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a county bureau named by the two functions the reform merged, in its government's own pairing
    ("囊谦县民政和退役军人事务局2024年法治政府建设工作报告\n2024年,我局坚持依法行政。\n",
     "玉树藏族自治州囊谦县民政和退役军人事务局"),
    ("关于阿克陶县教育和科学技术局2023年度法治政府建设情况的报告\n2023年,我局推进依法治校。\n",
     "克孜勒苏柯尔克孜自治州阿克陶县教育和科学技术局"),
    ("2022年,理塘县发展改革和统计局坚持依法行政,现将情况报告如下。\n", "甘孜藏族自治州理塘县发展改革和统计局"),
    ("南岳区商务与粮食局2023年法治政府建设情况报告\n2023年,我局推进依法行政。\n", "衡阳市南岳区商务与粮食局"),
])
def test_a_merged_bureau_is_named_by_both_its_functions(text: str, agency: str) -> None:
    assert meta_of(text).agency == agency


def test_two_bureaus_joined_by_and_stay_two() -> None:
    """A bureau's full name, then 和/与 and another's: two bodies, never one merged name; nor two functions
    joined without a region or level opening the name (联合市场监管和税务局)."""
    text = "2023年,泾县公安局和司法局联合开展执法检查,县财政局与审计局配合,我局联合市场监管和税务局督查。\n"
    found = names(extract(text_document("r.txt", text)).agencies)
    assert {"司法局", "审计局"} <= found and not any("和" in name or "与" in name for name in found)


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a body the agency rules do not know, between the title's region and its year: as the title writes it
    ("延边朝鲜族自治州朝鲜语文工作办(译审局)2023年度法治政府建设工作报告\n2023年,办(局)推进依法行政。\n",
     "延边朝鲜族自治州朝鲜语文工作办(译审局)", "延边朝鲜族自治州"),
    ("新疆维吾尔自治区语委办2024年度法治政府建设情况报告\n2024年,我办推进依法行政。\n",
     "新疆维吾尔自治区语委办", "新疆维吾尔自治区"),
    ("凉山州彝语文工作委员会2023年法治政府建设报告\n2023年推进依法行政。\n",
     "凉山彝族自治州彝语文工作委员会", "凉山彝族自治州"),
    # 建设 in a body's own name (城乡建设, 平安建设) is no topic word: the topic is 法治/依法 before it
    ("青海省海西州城乡建设发展中心2023年度法治政府建设情况报告\n2023年,我中心推进依法行政。\n",
     "海西蒙古族藏族自治州城乡建设发展中心", "海西蒙古族藏族自治州"),
])
def test_an_unread_body_that_a_title_names_after_its_region_issues_it(text: str, agency: str, region: str) -> None:
    meta = meta_of(text)
    assert (meta.agency, meta.region) == (agency, region)


@pytest.mark.parametrize("text", [
    "湖南省法治政府建设2023年度报告\n一、总体情况\n",  # the topic, no body: the province's government
    "平江县推进依法行政办2023年工作总结\n一、总体情况\n",  # the title's topic words, not a body's name
])
def test_a_titles_topic_is_no_unread_body(text: str) -> None:
    agency = meta_of(text).agency
    assert agency is None or agency.endswith("人民政府")


@pytest.mark.parametrize(("text", "title", "agency", "date"), [
    # a list page's row: the title, its publisher and the date stamp on one line
    ("阳泉市应急管理局2022年度法治政府建设情况报告 阳泉市应急管理局 2023-02-15\n\n2022年,我局坚持依法行政。\n",
     "阳泉市应急管理局2022年度法治政府建设情况报告", "阳泉市应急管理局", "2023-02-15"),
    ("关于2021年度法治政府建设情况的报告 长沙县人民政府 2022-01-20 09:30\n\n2021年,县政府坚持依法行政。\n",
     "关于2021年度法治政府建设情况的报告", "长沙市长沙县人民政府", "2022-01-20"),
    ("2023年度法治政府建设情况报告 南宁市青秀区审计局 2024-02-01\n2023年,我局坚持依法审计。\n",
     "2023年度法治政府建设情况报告", "南宁市青秀区审计局", "2024-02-01"),
])
def test_a_title_row_with_its_publisher_and_stamp(text: str, title: str, agency: str, date: str) -> None:
    meta = meta_of(text)
    assert (meta.title, meta.agency, meta.date) == (title, agency, date)


@pytest.mark.parametrize(("text", "agency"), [
    # 林业和草原局 written without 和, as many counties name it: one bureau, never a bare 草原局 after 林业
    ("2022年,山丹县林业草原局坚持依法行政,全面推行行政执法公示制度。", "张掖市山丹县林业草原局"),
    ("2024年,甘肃省武威市天祝藏族自治县林业草原局扎实推进法治建设。", "武威市天祝藏族自治县林业草原局"),
    ("2023年,福海县林业草原局联合县司法局开展普法宣传。", "阿勒泰地区福海县林业草原局"),
])
def test_a_forestry_and_grassland_bureau_written_without_he_is_one_bureau(text: str, agency: str) -> None:
    names = {a.name for a in extract(text_document("r.txt", text)).agencies}
    assert agency in names
    assert not any(name.endswith("草原局") and "林业" not in name for name in names)
