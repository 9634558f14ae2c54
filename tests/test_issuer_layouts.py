"""The report's issuer, region, year and kind in page layouts the corpus shows only once or not at all.

Each text is invented (names of real divisions, sentences written for the test) in a layout real reports
use: a title that adds next year's plans, an opening whose subject is a region's government and its
departments, a bare 厅 in a city's text. Each case fails without the rule it names.
"""

from __future__ import annotations

import pytest

from fazhi.extraction import metadata as meta_rules
from fazhi.extraction.pipeline import extract
from fazhi.loaders.text import text_document


def report_of(text: str):
    return extract(text_document("r.txt", text)).report


def agency_names(text: str) -> set[str]:
    return {a.name for a in extract(text_document("r.txt", text)).agencies}


@pytest.mark.parametrize(("text", "agency", "region", "doc_type"), [
    # a report that adds next year's plans after what it did: its title all the same, a report
    ("丽水市莲都区政府2015年推进依法行政工作情况及2016年工作打算\n\n2015年，我区坚持依法行政。\n",
     "丽水市莲都区人民政府", "丽水市莲都区", "年度报告"),
    ("遂昌县司法局2023年法治政府建设工作总结和下一步工作思路\n2023年，我局推进依法行政。\n",
     "丽水市遂昌县司法局", "丽水市遂昌县", "年度报告"),
    ("2023年度法治政府建设工作总结和2024年工作计划\n2023年，我局推进依法行政。\n", None, None, "年度报告"),
])
def test_a_title_with_next_years_plans_is_a_reports_title(text: str, agency: str | None, region: str | None,
                                                         doc_type: str) -> None:
    report = report_of(text)
    assert (report.agency, report.region, report.doc_type) == (agency, region, doc_type)


@pytest.mark.parametrize(("text", "year"), [
    ("2024年丽水市坚持以习近平法治思想为引领，法治政府建设各项工作有序推进。\n一、主要举措\n", 2024),
    ("2023年市司法局深入推进依法行政，取得新成效。\n一、主要举措\n", 2023),
])
def test_an_opening_year_run_into_its_subject(text: str, year: int) -> None:
    assert report_of(text).year == year


@pytest.mark.parametrize(("text", "agency", "region"), [
    # the county's government and its departments as the subject: the county government's report
    ("2023年，在县委的坚强领导下，县政府及其工作部门坚持依法行政。印发《遂昌县法治政府建设实施方案》。\n",
     "丽水市遂昌县人民政府", "丽水市遂昌县"),
    ("2022年，市政府及各部门深入推进依法行政。印发《衢州市法治政府建设实施方案》。\n",
     "衢州市人民政府", "衢州市"),
    # the whole administration below and beside it, under its leadership
    ("2023年，全县各乡镇、各部门在县委、县政府的坚强领导下，坚持依法行政。印发《遂昌县法治政府建设实施方案》。\n",
     "丽水市遂昌县人民政府", "丽水市遂昌县"),
    ("2023年，全市各区、各部门在市委、市政府的坚强领导下，推进法治政府建设。本市优化营商环境。"
     "印发《宁波市法治政府建设实施方案》。\n", "宁波市人民政府", "宁波市"),
    # a notice's heading run into its body, under a breadcrumb and a page row
    ("首页 > 政务公开 > 通知公告\n字号：大 中 小 打印 关闭\n丽水市人民政府办公室关于报告法治政府建设情况的通知 各县(市、区)人民政府,"
     "市直各单位:根据工作安排,现将有关事项通知如下。\n", "丽水市人民政府办公室", "丽水市"),
    # a region presenting itself in a page's first line, under a breadcrumb
    ("首页 > 法治建设 > 地方风采\n浙江省衢州市\n\n务实进取 法治为先\n\n衢州是浙江的西大门,辖柯城区、衢江区等六个县(市、区)。"
     "近年来,法治政府建设成效明显。\n", "衢州市人民政府", "衢州市"),
    # the sentence announcing the report names the region it is about: its government
    ("丽水市人民政府：\n现将缙云县2022年度法治政府建设情况报告如下：\n一、主要做法\n全县坚持依法行政。\n",
     "丽水市缙云县人民政府", "丽水市缙云县"),
    # … or a party body, written with 中共
    ("现将中共缙云县委全面依法治县委员会办公室2022年工作情况报告如下：\n一、主要做法\n县委依法治县办坚持统筹协调。\n",
     "中共丽水市缙云县委全面依法治县委员会办公室", "丽水市缙云县"),
    # 现将 a year and the region…报告公开如下: the region's report, published
    ("专注分享新闻资讯\n根据《法治政府建设实施纲要(2015—2020年)》等要求,现将2018年宁波市法治政府建设情况的报告公开如下:\n"
     "一、健全领导体制\n各区政府和市政府部门推进法治政府建设。全区推进依法行政。北仑区、北仑区、镇海区开展示范创建。\n",
     "宁波市人民政府", "宁波市"),
    # a site's banner over a title that names its own subject, or a labelled one
    ("丽水市司法局\n壶镇镇2024年度法治政府建设情况报告\n2024年,壶镇镇在缙云县委、县政府的领导下,坚持依法行政。\n",
     "丽水市缙云县壶镇镇人民政府", "丽水市缙云县壶镇镇"),
    ("丽水市司法局\n[权威发布]福建省2017年法治政府建设情况报告\n2017年以来,福建省委、省政府深入推进依法行政。\n",
     "福建省人民政府", "福建省"),
    # … over a title about another region, or about another body's report
    ("丽水市人民政府\n\n关于福州市2021年法治政府建设情况的报告\n2021年,我市各级各部门坚持依法行政。\n",
     "福州市人民政府", "福州市"),
    ("丽水市人民政府\n【政策解读】关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读\n"
     "一、背景依据\n为全面推进依法行政,天水市清水县总结2023年度法治政府建设工作。\n",
     "天水市清水县人民政府", "天水市清水县"),
    # … over a headless title of a report that speaks as 我厅: no government's
    ("丽水市人民政府\n\n关于2023年度法治政府建设情况的报告\n2023年,湖南省生态环境厅坚持依法行政。我厅推进生态环境领域"
     "依法行政,深化行政执法“三项制度”。\n", "湖南省生态环境厅", "湖南省"),
    # an issuer line over a headless title stays the issuer
    ("西平县人民政府办公室\n关于印发西平县2020年度法治政府建设\n工作安排的通知\n各乡镇人民政府:\n现印发给你们。\n",
     "驻马店市西平县人民政府办公室", "驻马店市西平县"),
    # the subject's year and work between it and its verb
    ("缙云县2022年法治政府建设工作坚持以习近平法治思想为指导，取得明显成效。\n", "丽水市缙云县人民政府", "丽水市缙云县"),
    ("缙云县司法局2022年法治政府建设工作坚持以习近平法治思想为指导，取得明显成效。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    # more of the verbs an opening's subject takes
    ("2022年，缙云县司法局通过多项举措，推进法治政府建设。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    ("2022年，缙云县司法局狠抓法治政府建设。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    ("2022年，缙云县司法局高位推动法治政府建设。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    ("2022年，缙云县司法局高标准推进法治政府建设。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    # the other words that announce a report
    ("现就缙云县司法局2022年度工作情况报告如下：\n我局坚持依法行政。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    ("特将缙云县司法局2022年度工作情况报告如下：\n我局坚持依法行政。\n", "丽水市缙云县司法局", "丽水市缙云县"),
    ("现把缙云县2022年度工作情况报告如下：\n全县坚持依法行政。\n", "丽水市缙云县人民政府", "丽水市缙云县"),
    # an official document's red header (X文件) and 文号 above a headless title
    ("缙云县司法局文件\n\n缙司〔2023〕3号\n\n关于2022年度法治政府建设工作情况的报告\n\n县委、县政府：\n2022年，我局坚持依法行政。\n",
     "丽水市缙云县司法局", "丽水市缙云县"),
])
def test_issuer_and_region_in_page_layouts(text: str, agency: str, region: str) -> None:
    report = report_of(text)
    assert (report.agency, report.region) == (agency, region)


def test_a_department_speaking_of_its_regions_departments_is_not_the_government() -> None:
    text = ("2023年，全县各乡镇、各部门在县委、县政府的坚强领导下，坚持依法行政。我局牵头推进行政执法“三项制度”。"
            "印发《遂昌县法治政府建设实施方案》。\n")
    assert report_of(text).agency is None


def test_a_bare_厅_is_its_provinces_department() -> None:
    """厅 heads a province's departments: a bare 教育厅 in a text whose most-named division is a city is its
    province's (the province named), never the city's; as written when the province is not named."""
    text = ("2021年,教育厅以习近平法治思想为引领,全面推进法治政府建设。厅领导班子履行第一责任人职责。"
            "成都市、绵阳市教育局推进依法治校。印发《四川省教育厅关于做好依法治校工作的通知》。\n")
    report = report_of(text)
    assert (report.agency, report.region) == ("四川省教育厅", "四川省")
    unnamed = "绵阳市教育局2021年法治政府建设工作报告\n2021年，我局按照教育厅部署，推进依法治校。\n"
    assert "教育厅" in agency_names(unnamed) and "绵阳市教育厅" not in agency_names(unnamed)



def test_a_heading_region_the_opening_contradicts_is_the_sites() -> None:
    """福州市 as the page's first line over 我省各级政府…坚持…: the site's banner, not the report's region."""
    text = ("福州市\n\n当前位置:首页 > 政务公开\n\n2021年,我省各级政府及其部门坚持依法行政,推进法治政府建设。"
            "现将有关情况报告如下:\n一、主要做法\n")
    assert report_of(text).agency != "福州市人民政府"


@pytest.mark.parametrize(("text", "title", "agency", "region"), [
    # a listing's "[文号]title" under a site banner: the banner is no issuer line
    ("深圳市罗湖区人民政府\n\n[罗应急〔2025〕1号]罗湖区应急管理局2025年法治政府建设年度报告\n\n"
     "2025年,罗湖区应急管理局在区委、区政府的坚强领导下,深入推进依法行政。\n",
     "[罗应急〔2025〕1号]罗湖区应急管理局2025年法治政府建设年度报告", "深圳市罗湖区应急管理局", "深圳市罗湖区"),
    # … and a division the table lacks right after the 文号's bracket
    ("当前位置: 首页 > 新闻动态\n\n[呼教发〔2025〕3号]呼中区教育局关于2025年度法治政府建设工作报告\n\n"
     "呼中区教育局在区政府的正确领导下,积极推进法治建设。\n",
     "[呼教发〔2025〕3号]呼中区教育局关于2025年度法治政府建设工作报告", "呼中区教育局", "呼中区"),
    # a title on the first paragraph's line
    ("昆明市五华区西翥街道办事处2023年法治政府建设工作报告 2023年,西翥街道在区委、区政府的坚强领导下,坚持依法行政,"
     "推进法治政府建设。\n", "昆明市五华区西翥街道办事处2023年法治政府建设工作报告", "昆明市五华区西翥街道办事处",
     "昆明市五华区西翥街道"),
    # a page's metadata table flattened to lines: each label's value on the line under it
    ("索引号：\n11330100002489456P/2023-123456\n发布机构：\n杭州市司法局\n公开日期：\n2023-02-01\n"
     "关于2022年度法治政府建设情况的报告\n2022年，我局坚持依法行政，推进法治政府建设，完善行政执法“三项制度”，取得了明显成效。\n",
     "关于2022年度法治政府建设情况的报告", "杭州市司法局", "杭州市"),
    # a title printed in title marks
    ("《衢州市司法局2022年度法治政府建设年度报告》\n2022年，我局坚持依法行政，推进法治政府建设。\n",
     "衢州市司法局2022年度法治政府建设年度报告", "衢州市司法局", "衢州市"),
    # the page's date and source row run onto the title's line, spaced or squashed by the loader
    ("衢州市交通运输局\n\n衢州市交通运输局2021年法治政府建设工作报告 发布日期:2022-02-28 浏览次数: 字号:[ ]\n\n"
     "根据工作要求,现将我局2021年法治政府建设工作报告如下:\n一、主要举措\n局党组履行主体责任。\n",
     "衢州市交通运输局2021年法治政府建设工作报告", "衢州市交通运输局", "衢州市"),
    ("衢州市交通运输局2021年法治政府建设工作报告发布日期:2022-02-28浏览次数: 字号:[ ]\n\n"
     "根据工作要求,现将我局2021年法治政府建设工作报告如下:\n一、主要举措\n局党组履行主体责任。\n",
     "衢州市交通运输局2021年法治政府建设工作报告", "衢州市交通运输局", "衢州市"),
    ("衢州市2018年度法治政府建设情况报告 2019-09-06 15:46     来源:市司法局\n【字体: 打印\n"
     "一、主要措施和成效\n(一)依法全面履行政府职能\n1.深化行政审批制度改革,行政审批效率进一步提高,服务便利化水平进一步提升。\n",
     "衢州市2018年度法治政府建设情况报告", "衢州市人民政府", "衢州市"),
])
def test_titles_in_listings_tables_and_one_line_layouts(text: str, title: str, agency: str, region: str) -> None:
    report = report_of(text)
    assert (report.title, report.agency, report.region) == (title, agency, region)


def test_a_bureau_speaking_as_我局_is_not_the_sites_banner_nor_its_publisher_row() -> None:
    """泽州县司法局 as the site's banner and 发布机构: 县司法局 above a report whose opening's subject is the
    county's 交通运输局 (and which says 我局): the transport bureau reports."""
    text = ("泽州县司法局\n\n搜索位置\n\n发布日期: 2026-02-28 发布机构: 县司法局\n\n2025年,县交通运输局深入学习党的"
            "二十届四中全会精神,坚持依法行政,认真贯彻省、市、县关于法治政府建设工作的决策部署,紧紧围绕《泽州县法治政府"
            "建设实施方案》全面依法履职。现将2025年度法治政府建设工作开展情况报告如下:\n一、主要做法\n我局主要负责人带头学法。\n")
    assert report_of(text).agency == "晋城市泽州县交通运输局"


def test_a_body_acting_on_the_speaker_is_not_the_speaker() -> None:
    """丽水市司法局指导我局…: the body that opens the clause names 我局 as another; it does not report."""
    assert report_of("2022年，丽水市司法局指导我局开展行政执法监督。我局坚持依法行政。\n").agency is None


def test_the_year_of_the_report_the_opening_announces() -> None:
    text = "现将中共缙云县委全面依法治县委员会办公室2022年工作情况报告如下：\n一、主要做法\n县委依法治县办坚持统筹协调。\n"
    assert report_of(text).year == 2022



def test_a_province_named_most_is_the_texts_not_a_partner_city_named_once() -> None:
    text = ("2020年度,上海市人力资源和社会保障局(以下称市人社局)坚持依法行政,稳步推进本市法治人社建设,现将相关情况报告如下。\n"
            "一、主要举措\n市人社局与丽水市签订劳务协作协议,服务上海市用工需求,落实上海市优化营商环境部署。\n")
    report = report_of(text)
    assert (report.agency, report.region) == ("上海市人力资源和社会保障局", "上海市")


@pytest.mark.parametrize(("text", "title", "agency", "doc_type"), [
    # a title's bracketed tail: its year, its version, its date
    ("缙云县法治政府建设年度报告（2022年度）\n2022年，我县坚持依法行政。\n", "缙云县法治政府建设年度报告(2022年度)",
     "丽水市缙云县人民政府", "年度报告"),
    ("缙云县2022年法治政府建设年度报告（公开版）\n2022年，我县坚持依法行政。\n", "缙云县2022年法治政府建设年度报告(公开版)",
     "丽水市缙云县人民政府", "年度报告"),
    ("缙云县司法局2022年度法治政府建设情况报告[2023-01-05]\n2022年，我局坚持依法行政。\n",
     "缙云县司法局2022年度法治政府建设情况报告[2023-01-05]", "丽水市缙云县司法局", "年度报告"),
    # a 通报 about a county: a notice, whose sender the title does not say
    ("缙云县2022年法治政府建设考核结果的通报\n各乡镇人民政府：\n现将考核结果通报如下。\n",
     "缙云县2022年法治政府建设考核结果的通报", None, "通知"),
])
def test_title_tails_and_notices(text: str, title: str, agency: str | None, doc_type: str) -> None:
    report = report_of(text)
    assert (report.title, report.agency, report.doc_type) == (title, agency, doc_type)
    assert report.region == "丽水市缙云县"


@pytest.mark.parametrize(("text", "agency"), [
    # a cooperation zone named by its partners joined with a dash: one name, the dash inside it
    ("2023年,广西-东盟经济技术开发区(以下简称“东盟经开区”)坚持依法行政,全力推进各项工作。"
     "现将2023年度法治政府建设情况报告如下:\n一、主要举措\n", "广西-东盟经济技术开发区管理委员会"),
    ("2022年,广西—东盟经济技术开发区深入推进依法行政,法治政府建设取得新成效。\n一、主要举措\n",
     "广西—东盟经济技术开发区管理委员会"),
])
def test_a_zone_named_by_dashed_partners_is_one_zone(text: str, agency: str) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize("line", [
    "登录 注册",  # buttons the loader runs together (登录注册)
    "【打印本页】 【关闭窗口】",
    "[ 小 中 大 ]  打印  关闭",
    "【字体：大 中 小】 打印 关闭",
    "扫一扫在手机打开当前页",
    "四川省人民政府门户网站 | 无障碍 | 关怀版",  # the site of the province, over a city's page
])
def test_a_pages_buttons_and_site_name_are_furniture_above_a_region_heading(line: str) -> None:
    text = (f"{line}\n四川省广元市\n\n依法行政 开拓创新\n\n广元地处川陕甘三省结合部,辖三区四县,总面积1.63万平方公里。"
            "法治是发展的重要保障。\n")
    assert (report_of(text).agency, report_of(text).region) == ("广元市人民政府", "广元市")


@pytest.mark.parametrize("table", [
    "发布机构: | 某某县人民政府办公室 |\n成文日期: | 2022-05-06 |",  # a row with its colon and its cell bars
    "索引号\n00123/2022-00045\n发布机构\n某某县人民政府办公室\n成文日期\n2022-05-06",  # one cell to a line
    "发文机关:某某县人民政府办公室  索引号:00123/2022-00045",  # two cells of a line the loader runs together
])
def test_a_publisher_cell_in_any_table_layout_names_the_issuer(table: str) -> None:
    text = (table.replace("某某县", "缙云县") + "\n各乡镇人民政府,县政府直属各单位:\n为进一步推进依法行政,"
            "现就做好法治政府建设年度报告工作通知如下。\n一、报告内容\n")
    assert report_of(text).agency == "丽水市缙云县人民政府办公室"


def test_a_spaced_row_label_is_no_part_of_a_zones_name() -> None:
    text = (" 发 布 机 构  经济技术开发区管理委员会\n 公 开 方 式  主动公开\n\n"
            "2022年,经开区坚持依法行政,法治政府建设取得新成效。现将有关情况报告如下:\n一、主要举措\n")
    assert report_of(text).agency == "经济技术开发区管理委员会"


def test_a_table_exported_with_gaps_and_no_colons_is_page_furniture() -> None:
    """索 引 号  X  发布机构  Y: a metadata table's text with only spaces between cells stands above
    an untitled report whose opening names its region: that region's government, dated by the table."""
    text = (" 索 引 号  qhx/2023-00101  发布机构  州政府\n 文  号  西政〔2023〕12号  公开日期  2023-03-02\n\n"
            "2022年,海北州坚持以习近平法治思想为指导,全面推进依法行政。现将有关情况报告如下。\n一、主要举措\n")
    report = report_of(text)
    assert (report.agency, report.date) == ("海北藏族自治州人民政府", "2023-03-02")


@pytest.mark.parametrize(("text", "agency"), [
    # the site's government over a title about one of its bureaus' reports: the bureau's
    ("衢州市柯城区人民政府\n\n关于柯城区市场监督管理局2023年法治政府建设工作情况的报告\n\n"
     "2023年,我局在区委、区政府的领导下,推进依法行政。\n", "衢州市柯城区市场监督管理局"),
    # … and a government's issuer line over a title about its own region stays the government's
    ("衢州市柯城区人民政府\n\n关于柯城区2023年法治政府建设工作情况的报告\n\n2023年,我区推进依法行政。\n",
     "衢州市柯城区人民政府"),
])
def test_a_title_about_a_bureaus_report_is_the_bureaus(text: str, agency: str) -> None:
    assert report_of(text).agency == agency


# An untitled department report that says only 我局 names its body where pages and reports do (session 14).
_SAYS_ONLY_WOJU = ("2024年,我局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
                   "我局落实行政执法三项制度,办理案件9件。\n")
_WATER_WORK = "我局推进水利综合执法改革,规范水利行政执法。\n"


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a list of the body's own rules after one verb: the body's title need not come first
    (_SAYS_ONLY_WOJU + "我局制定了《执法人员学法计划》《绍兴市水利局法律顾问工作规则》,规范决策。\n",
     "绍兴市水利局", "绍兴市"),
    (_SAYS_ONLY_WOJU + "我局出台《执法人员学法计划》、《绍兴市水利局法律顾问工作规则》。\n", "绍兴市水利局", "绍兴市"),
    # the body publishes or sends up its own earlier report
    (_SAYS_ONLY_WOJU + "按时编撰并公示《绍兴市水利局关于2023年法治政府建设情况的报告》,接受社会监督。\n",
     "绍兴市水利局", "绍兴市"),
    (_SAYS_ONLY_WOJU + "向市政府报送《绍兴市水利局2023年度法治政府建设工作总结》。\n", "绍兴市水利局", "绍兴市"),
    # … not a superior's document the body only carries out
    (_SAYS_ONLY_WOJU + "认真落实《绍兴市人民政府关于加强行政执法的意见》。\n", None, None),
    # the page's footer: who runs the site, or the body's name over its address, over a report about its work
    (_SAYS_ONLY_WOJU + _WATER_WORK + "\n主办单位:绍兴市水利局  网站标识码:3306000001\n", "绍兴市水利局", "绍兴市"),
    (_SAYS_ONLY_WOJU + _WATER_WORK + "\n绍兴市水利局\n地址:绍兴市越城区某某路8号  邮编:312000\n", "绍兴市水利局",
     "绍兴市"),
    # … not the footer of a 司法局's site hosting a bureau's report
    (_SAYS_ONLY_WOJU + _WATER_WORK + "\n主办单位:绍兴市司法局  网站标识码:3306000002\n", None, None),
    # … not a portal's office, which hosts every department's report
    (_SAYS_ONLY_WOJU + "\n主办单位:绍兴市人民政府办公室\n", None, None),
    # a breadcrumb through the body's section of a portal, over a report about its work
    ("首页 > 部门信息公开 > 绍兴市水利局 > 法治政府建设\n" + _SAYS_ONLY_WOJU + "我局规范水利执法,推进水利改革。\n",
     "绍兴市水利局", "绍兴市"),
    # … not another body's section posting it (the 司法局 collecting departments' reports)
    ("首页 > 部门信息公开 > 绍兴市司法局 > 法治政府建设\n" + _SAYS_ONLY_WOJU + "我局规范水利执法,推进水利改革。\n",
     None, None),
    # … whose head the report's 我局 does not carry: the portal's, not the speaker
    ("首页 > 绍兴市人民政府 > 部门文件\n" + _SAYS_ONLY_WOJU, None, None),
])
def test_an_untitled_department_report_names_its_body_on_its_page_or_in_its_own_documents(
        text: str, agency: str | None, region: str | None) -> None:
    report = report_of(text)
    assert (report.agency, report.region) == (agency, region)


@pytest.mark.parametrize(("text", "agency"), [
    # culture and tourism departments of the 2018-2019 reforms, named in the orders provinces chose
    ("将乐县文体和旅游局2024年度法治政府建设情况报告\n2024年,将乐县文体和旅游局坚持依法行政。\n", "三明市将乐县文体和旅游局"),
    ("2023年,呼和浩特市文化旅游广电局深入推进依法行政,取得新成效。现将有关情况报告如下:\n一、主要举措\n",
     "呼和浩特市文化旅游广电局"),
])
def test_culture_and_tourism_departments_in_every_order(text: str, agency: str) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize(("text", "region"), [
    # a department carries out its county's own rule-of-law plan: that county's department, its body unnamed
    ("2024年,我局全面落实《遂昌县法治政府建设实施方案(2021-2025年)》,推进依法行政。现将有关情况总结如下:\n"
     "一、主要举措\n我局落实行政执法三项制度。\n", "丽水市遂昌县"),
    # … a city's plan binds its districts' departments too: no region
    ("2024年,我局全面落实《丽水市法治政府建设实施方案(2021-2025年)》,推进依法行政。现将有关情况总结如下:\n"
     "一、主要举措\n我局落实行政执法三项制度。\n", None),
    # … a county's plan merely named, not carried out: no region
    ("2024年,我局推进依法行政,学习了《遂昌县法治政府建设实施方案(2021-2025年)》的解读。现将有关情况总结如下:\n"
     "一、主要举措\n我局落实行政执法三项制度。\n", None),
])
def test_a_department_carrying_out_its_countys_plan_is_placed_in_the_county(text: str, region: str | None) -> None:
    report = report_of(text)
    assert (report.agency, report.region) == (None, region)


@pytest.mark.parametrize(("text", "agency"), [
    # a portal's name over a breadcrumb through a department's section written by level alone, or a row naming
    # it so, over a report about that department's work
    ("绍兴市人民政府门户网站\n首页 > 部门信息公开 > 市水利局 > 通知公告\n" + _SAYS_ONLY_WOJU + _WATER_WORK,
     "绍兴市水利局"),
    ("绍兴市人民政府门户网站\n发布机构:市水利局  发布日期:2024-01-05\n" + _SAYS_ONLY_WOJU + _WATER_WORK, "绍兴市水利局"),
    # … a body whose function is not the report's work posts it (the 司法局 collecting departments' reports)
    ("绍兴市人民政府门户网站\n来源:市司法局  发布日期:2024-01-05\n" + _SAYS_ONLY_WOJU + _WATER_WORK, None),
    # … a county's bureau on a city's portal is written with the county's name: the level decides
    ("绍兴市人民政府门户网站\n首页 > 部门信息公开 > 县水利局 > 通知公告\n" + _SAYS_ONLY_WOJU + _WATER_WORK, None),
    # … a portal with no department in its breadcrumb names no body
    ("绍兴市人民政府门户网站\n首页 > 政务公开 > 部门文件\n" + _SAYS_ONLY_WOJU, None),
    # the body's party group at its own meetings: its study group or its meeting acting
    (_SAYS_ONLY_WOJU + "绍兴市水利局党组理论学习中心组专题学习习近平法治思想。\n", "绍兴市水利局"),
    (_SAYS_ONLY_WOJU + "绍兴市水利局党组会议审议通过年度法治工作要点。\n", "绍兴市水利局"),
    # … another body's meeting relayed is not the body acting
    (_SAYS_ONLY_WOJU + "我局及时传达绍兴市水利局党组会议精神。\n", None),
])
def test_a_portals_department_section_and_the_bodys_party_group_meetings(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a 来源 row over a report that speaks as that body, about its work
    ("来源:绍兴市水利局 发布时间:2024-02-01\n" + _SAYS_ONLY_WOJU + _WATER_WORK, "绍兴市水利局"),
    # … not the 司法局 that posts a bureau's report
    ("来源:绍兴市司法局 发布时间:2024-02-01\n" + _SAYS_ONLY_WOJU + _WATER_WORK, None),
    # … over a county's report that calls the county its own: its government
    ("来源:丽水市遂昌县人民政府 发布时间:2024-02-01\n一、主要举措\n全县推进依法行政,落实行政执法三项制度。\n",
     "丽水市遂昌县人民政府"),
    # … over a news item whose headline the body acts in
    ("来源:绍兴市司法局 发布时间:2024-02-01\n市司法局召开全市行政执法协调监督工作推进会\n"
     "近日,市司法局召开推进会,部署全市行政执法监督工作。\n", "绍兴市司法局"),
    # … a county's department under the county's committee and government
    ("来源:丽水市遂昌县水利局 发布时间:2024-02-01\n2023年,在县委、县政府的正确领导下,我们坚持依法行政。\n"
     "一、主要举措\n落实行政执法三项制度。\n", "丽水市遂昌县水利局"),
    # … not a township's report under the same words (我镇 works under its county as well)
    ("来源:丽水市遂昌县司法局 发布时间:2024-02-01\n2023年,在县委、县政府的正确领导下,我镇坚持依法行政。\n"
     "一、主要举措\n落实行政执法三项制度。\n", None),
    # … a body that calls itself by its two-character head (我大队)
    ("信息来源: 嘉兴市平湖市消防救援大队\n2023年,我大队坚持依法行政,全面完成各项任务。\n一、主要举措\n大队落实三项制度。\n",
     "嘉兴市平湖市消防救援大队"),
    # … a government's office, over its own report (我办), not only its government's
    ("来源:丽水市遂昌县人民政府办公室 发布时间:2024-02-01\n2023年,我办坚持依法行政,全面完成各项任务。\n"
     "一、主要举措\n我办落实行政执法三项制度。\n", "丽水市遂昌县人民政府办公室"),
    # … not over a text that never speaks as it: the 司法局 drafts and posts its government's report
    ("来源:绍兴市司法局 发布时间:2024-02-01\n一、主要举措\n(一)深化行政审批制度改革。全面公布行政许可目录,"
     "行政许可事项统一进入政务服务中心集中办理。\n", None),
])
def test_a_source_row_names_the_issuer_only_of_a_text_that_speaks_as_it(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # the body's own section takes the work on: the body speaking
    (_SAYS_ONLY_WOJU + "由绍兴市水利局政策法规科牵头,各科室配合,开展执法案卷评查。\n", "绍兴市水利局"),
    (_SAYS_ONLY_WOJU + "绍兴市水利局法规股负责统筹全局执法监督。\n", "绍兴市水利局"),
    # … or its own leading group, set up
    (_SAYS_ONLY_WOJU + "成立了以局长为组长的绍兴市水利局法治建设领导小组,统筹推进依法行政。\n", "绍兴市水利局"),
    # … not another body's group the report only attends
    (_SAYS_ONLY_WOJU + "我局参加绍兴市司法局法治建设领导小组会议。\n", None),
    # … a superior's section guiding or joined is not the body speaking
    (_SAYS_ONLY_WOJU + "在绍兴市水利局政策法规科指导下,开展执法案卷评查。\n", None),
    (_SAYS_ONLY_WOJU + "配合绍兴市水利局政策法规科开展执法案卷评查。\n", None),
    (_SAYS_ONLY_WOJU + "由绍兴市水利局政策法规处牵头,各县(市、区)水利局配合,开展执法案卷评查。\n", None),
])
def test_the_bodys_own_section_at_work_names_the_body(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


_LONG_WOJU = _SAYS_ONLY_WOJU + "我局开展执法检查,全年检查企业三十家,发现问题十二个,全部整改到位。\n" * 8


@pytest.mark.parametrize(("text", "agency"), [
    # the body written in full acting at a clause's start, deep in the report
    (_LONG_WOJU + "(三)加强执法监督。绍兴市水利局坚持开展行政执法案卷评查。\n", "绍兴市水利局"),
    # … two such bodies: which one speaks is not said
    (_LONG_WOJU + "绍兴市水利局坚持开展评查。诸暨市水利局坚持开展评查。\n", None),
    # … a superior acting on the report's own division is not the body speaking
    (_LONG_WOJU + "绍兴市水利局高度重视我县水利执法工作。\n", None),
    # … a body written by its level alone may be the superior (市水利局 in a county's report)
    (_LONG_WOJU + "(三)加强执法监督。市水利局坚持开展行政执法案卷评查。\n", None),
])
def test_the_body_written_in_full_acting_anywhere_in_a_woju_report(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


_WORK_OF_WATER = ("2023年,我局坚持以习近平法治思想为指导,深入推进依法行政,全面完成各项任务。现将有关情况报告如下:\n"
                  "一、主要举措\n我局落实行政执法三项制度,推进水利综合执法改革,规范水利行政执法。\n")


@pytest.mark.parametrize("signature", ["绍兴市水利局(印)", "绍兴市水利局（盖章）", "中共绍兴市水利局党组（章）"])
def test_a_signature_with_its_seal_mark_names_the_body(signature: str) -> None:
    report = report_of(_SAYS_ONLY_WOJU + f"\n{signature}\n2024年1月8日\n")
    assert (report.agency, report.date) == ("绍兴市水利局", "2024-01-08")


@pytest.mark.parametrize(("text", "agency"), [
    # a title or an opening naming the body by level alone, on a portal of that level: the portal's body
    ("绍兴市人民政府门户网站\n首页 > 政务公开\n市水利局2023年法治政府建设年度报告\n" + _WORK_OF_WATER, "绍兴市水利局"),
    ("绍兴市人民政府门户网站\n首页 > 政务公开\n" + _WORK_OF_WATER.replace("我局", "市水利局", 1), "绍兴市水利局"),
    # … a body of another level on it is not the portal's
    ("绍兴市人民政府门户网站\n首页 > 政务公开\n县水利局2023年法治政府建设年度报告\n" + _WORK_OF_WATER, None),
])
def test_a_body_written_by_level_alone_on_a_portal_of_that_level(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize(("text", "agency"), [
    # a 我局 report on a city's portal leading the city's sector (全市水利系统, twice): the city's bureau
    ("绍兴市人民政府门户网站\n首页 > 政务公开\n" + _WORK_OF_WATER + "我局指导全市水利系统依法行政,全市水利系统执法人员全员培训。\n",
     "绍兴市水利局"),
    # … a county's sector on a city's portal is some county's: not said which
    ("绍兴市人民政府门户网站\n首页 > 政务公开\n" + _WORK_OF_WATER + "我局指导全县水利系统依法行政,全县水利系统执法人员全员培训。\n",
     None),
])
def test_a_woju_report_leading_its_portals_sector(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


@pytest.mark.parametrize(("leaders", "region"), [("市委、市政府", "绍兴市"), ("县委、县政府", None)])
def test_a_departments_region_from_its_leadership_on_a_portal_of_that_level(leaders: str, region: str | None) -> None:
    text = (f"绍兴市人民政府门户网站\n首页 > 政务公开\n2023年,在{leaders}的坚强领导下,我局坚持依法行政,全面完成各项任务。"
            "现将有关情况报告如下:\n一、主要举措\n我局落实三项制度。\n")
    assert (report_of(text).agency, report_of(text).region) == (None, region)


def test_a_report_that_publishes_itself_by_its_title_names_its_body() -> None:
    text = ("根据《法治政府建设与责任落实督察工作规定》,现将《绍兴市水利局2023年法治政府建设年度报告》予以公布。\n"
            "2023年,我局坚持依法行政,全面完成各项任务。\n一、主要举措\n我局落实三项制度。\n")
    assert report_of(text).agency == "绍兴市水利局"


@pytest.mark.parametrize(("text", "agency"), [
    # the department's own site: its name alone in the page's header, the report about its own work
    ("绍兴市水利局\n首页 > 通知公告\n" + _WORK_OF_WATER, "绍兴市水利局"),
    ("无障碍 | 长者模式\n绍兴市水利局\n" + _WORK_OF_WATER, "绍兴市水利局"),
    # … another body's site hosting the report: its function is not the report's work
    ("绍兴市司法局\n首页 > 通知公告\n" + _WORK_OF_WATER, None),
    # … a name alone with no page around it may be anything (a heading, an addressee)
    ("绍兴市水利局\n" + _WORK_OF_WATER, None),
    # the page attaches the report as a file: the body opening the file's title issued it
    (_SAYS_ONLY_WOJU + "\n附件:绍兴市水利局2023年法治政府建设年度报告.pdf\n", "绍兴市水利局"),
    (_SAYS_ONLY_WOJU + "\n相关附件:\n1.绍兴市水利局关于2023年法治政府建设情况的报告.docx\n", "绍兴市水利局"),
    # … not a list or table the body attaches, nor a body the report's 我局 rules out
    (_SAYS_ONLY_WOJU + "\n附件:1.绍兴市水利局行政执法事项清单.xlsx\n", None),
    (_SAYS_ONLY_WOJU + "\n附件:绍兴市人民政府2023年法治政府建设年度报告.pdf\n", None),
    # a browser title: a title with no name of its own, then the site's name, a body's
    ("2023年法治政府建设年度报告_绍兴市水利局\n" + _WORK_OF_WATER, "绍兴市水利局"),
    ("2023年法治政府建设年度报告-绍兴市水利局\n" + _WORK_OF_WATER, "绍兴市水利局"),
    # … a portal's name names no body; another body's site posting the report is not its issuer
    ("2023年法治政府建设年度报告_绍兴市人民政府门户网站\n" + _WORK_OF_WATER, None),
    ("2023年法治政府建设年度报告_绍兴市司法局\n" + _WORK_OF_WATER, None),
])
def test_a_departments_site_banner_attached_file_or_browser_title_names_the_body(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


# Variants of the untitled-department rules above in other bodies, provinces and wordings (written by a reviewer
# to see which rules hold beyond the 绍兴市水利局 examples they were written with): a function the text writes in
# short (市场监管, 人社) or by one part of a merged name (自然资源), a 委 speaking as 我委, a county's bureau.
_HEALTH = ("2023年,我委坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
           "我委落实行政执法三项制度,全年办理卫健行政处罚案件12件,卫生健康监督执法规范有序。\n")
_MARKET = ("2023年,我局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
           "我局落实行政执法三项制度,规范市场监管执法,强化市场监管领域信用监管。\n")
_LABOUR = ("2023年,本局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
           "本局落实行政执法三项制度,规范人社行政执法,推进人社领域放管服改革。\n")
_LAND = ("2023年,我局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
         "我局落实行政执法三项制度,规范自然资源执法,推进自然资源领域改革。\n")
_SAFETY = ("2023年,我局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
           "我局落实行政执法三项制度,规范应急管理执法,提升应急管理能力。\n")
# a county bureau's report: it calls the county its own and works under the county's leadership
_COUNTY_SAFETY = ("2023年,在县委、县政府的坚强领导下,我局坚持依法行政,全县应急管理工作有序推进。现将有关情况报告如下:\n"
                  "一、主要举措\n我局落实行政执法三项制度,规范应急管理执法,提升全县应急管理能力。\n")


@pytest.mark.parametrize(("text", "agency"), [
    # the function written in short or by a part of a merged name still says whose work the report is about
    ("首页 > 部门 > 韶关市市场监督管理局 > 通知公告\n" + _MARKET, "韶关市市场监督管理局"),
    ("首页 > 部门信息公开 > 成都市武侯区人力资源和社会保障局 > 法治政府建设\n" + _LABOUR, "成都市武侯区人力资源和社会保障局"),
    ("首页 > 部门 > 天水市自然资源和规划局 > 通知公告\n" + _LAND, "天水市自然资源和规划局"),
    ("韶关市市场监督管理局\n首页 > 政务公开 > 通知公告\n" + _MARKET, "韶关市市场监督管理局"),
    ("2023年法治政府建设工作报告_韶关市市场监督管理局\n" + _MARKET, "韶关市市场监督管理局"),
    ("关于2023年度法治政府建设工作情况的报告 | 天水市卫生健康委员会\n" + _HEALTH, "天水市卫生健康委员会"),
    ("版权所有:广东省韶关市应急管理局  备案号:粤ICP备0000号\n" + _SAFETY, "韶关市应急管理局"),
    ("来源:天水市卫生健康委员会  发布时间:2024-01-20\n" + _HEALTH, "天水市卫生健康委员会"),
    # a county's portal and its bureau written by level alone
    ("武功县人民政府门户网站\n首页 > 部门信息公开 > 县应急管理局 > 通知公告\n" + _SAFETY, "咸阳市武功县应急管理局"),
    # the body's own documents, section, group and seal in other wordings
    (_HEALTH + "我委印发《执法人员培训计划》和《天水市卫生健康委员会重大行政决策程序规定》。\n", "天水市卫生健康委员会"),
    (_SAFETY + "\n附件下载:关于韶关市应急管理局2023年法治政府建设情况的报告.pdf\n", "韶关市应急管理局"),
    (_SAFETY + "韶关市应急管理局法制股具体负责执法监督日常工作。\n", "韶关市应急管理局"),
    (_SAFETY + "成立由局长任组长、分管副局长任副组长的韶关市应急管理局法治政府建设工作领导小组。\n", "韶关市应急管理局"),
    (_MARKET + "韶关市市场监督管理局党委理论学习中心组集体学习《法治政府建设实施纲要》。\n", "韶关市市场监督管理局"),
    (_SAFETY + "\n韶关市应急管理局(公章)\n2024年1月15日\n", "韶关市应急管理局"),
    # … the 司法局 that hosts or posts a bureau's report is not its issuer
    ("来源:韶关市司法局 发布时间:2024-01-10\n" + _SAFETY, None),
    (_SAFETY + "\n主办单位:韶关市司法局 网站标识码:4402000001\n", None),
    # … nor, in a county bureau's report, the city's bureau acting, its section at work or its party group
    (_COUNTY_SAFETY + "韶关市应急管理局持续开展执法检查,全市共检查企业300家。\n", None),
    (_COUNTY_SAFETY + "由韶关市应急管理局政策法规科牵头,在全市范围内开展执法大比武。\n", None),
    (_COUNTY_SAFETY + "韶关市应急管理局党组多次专题研究全市应急管理法治工作。\n", None),
    (_COUNTY_SAFETY + "乳源瑶族自治县应急管理局持续开展执法检查,全县共检查企业30家。\n", "韶关市乳源瑶族自治县应急管理局"),
])
def test_the_untitled_department_rules_hold_for_other_bodies_and_wordings(text: str, agency: str | None) -> None:
    assert report_of(text).agency == agency


_JUSTICE = ("2023年,我局坚持依法行政,各项工作有序推进。现将有关情况报告如下:\n一、主要举措\n"
            "我局落实行政执法三项制度,规范司法行政执法,加强司法行政队伍建设。\n")


@pytest.mark.parametrize(("text", "agency", "region"), [
    # a banner's and an autonomous prefecture's portal, their bureau written by level alone (旗司法局, 州司法局)
    ("鄂托克旗人民政府门户网站\n首页 > 部门信息公开 > 旗司法局 > 通知公告\n" + _JUSTICE, "鄂尔多斯市鄂托克旗司法局",
     "鄂尔多斯市鄂托克旗"),
    ("黔东南州人民政府门户网站\n首页 > 部门信息公开 > 州司法局 > 通知公告\n" + _JUSTICE, "黔东南苗族侗族自治州司法局",
     "黔东南苗族侗族自治州"),
    # a district's or a banner's plan carried out by its department (its body unnamed)
    ("2024年,我局认真贯彻落实《武侯区2023年法治政府建设工作要点》,推进依法行政。现将有关情况总结如下:\n一、主要举措\n"
     "我局落实三项制度。\n", None, "成都市武侯区"),
    ("2024年,我局严格执行《鄂托克旗法治政府建设实施方案(2021-2025年)》。现将有关情况总结如下:\n一、主要举措\n"
     "我局落实三项制度。\n", None, "鄂尔多斯市鄂托克旗"),
    # … a town carrying out its county's plan is the town's report, not the county's
    ("2024年,我镇全面落实《武功县法治政府建设实施方案》,推进依法行政。现将有关情况总结如下:\n一、主要举措\n"
     "我镇落实三项制度。\n", None, None),
])
def test_portal_and_plan_rules_at_other_levels(text: str, agency: str | None, region: str | None) -> None:
    report = report_of(text)
    assert (report.agency, report.region) == (agency, region)


_BODY = "2023年,我局坚持依法行政,各项工作有序推进,现将有关情况报告如下。\n一、主要举措\n我局落实行政执法三项制度。\n"


@pytest.mark.parametrize(("text", "date"), [
    # the day a report was delivered to the congress's standing committee, with or without the dash
    ("关于2023年度法治政府建设情况的报告\n——2024年2月27日在武功县第十八届人民代表大会常务委员会第十六次会议上\n" + _BODY,
     "2024-02-27"),
    ("武功县人民政府关于2023年法治政府建设情况的报告\n2024年3月1日在县人大常委会第十五次会议上\n" + _BODY, "2024-03-01"),
    # a page's stamp with its time or its 来源, a byline with its day
    ("关于2023年度法治政府建设情况的报告\n2024-01-19 09:30 | 浏览次数:120\n" + _BODY, "2024-01-19"),
    ("关于2023年度法治政府建设情况的报告\n2024年01月19日 来源:韶关市应急管理局\n" + _BODY, "2024-01-19"),
    ("2023年度法治政府建设工作报告\n韶关市应急管理局 2024年1月19日\n" + _BODY, "2024-01-19"),
    # a date alone after the last paragraph, in figures or in Chinese numerals
    (_BODY + "以上报告,请审阅。\n2024年1月19日\n", "2024-01-19"),
    (_BODY + "特此报告。\n二〇二四年一月十九日\n", "2024-01-19"),
    # a table exported one cell to a line; the catalogue's 产生日期 row
    ("- 成文日期:\n- 2024-01-18\n- 发布日期:\n- 2024-01-22\n关于2023年度法治政府建设情况的报告\n" + _BODY, "2024-01-18"),
    ("索引号:11440200/2024-00012 产生日期:2024-01-17\n关于2023年度法治政府建设情况的报告\n" + _BODY, "2024-01-17"),
    # … a bare date line under the title is not read (a reposting site's as often as the document's)
    ("关于2023年度法治政府建设情况的报告\n2024-01-19\n" + _BODY, None),
])
def test_the_dates_of_session_14_in_other_wordings(text: str, date: str | None) -> None:
    assert report_of(text).date == date


@pytest.mark.parametrize(("line", "furniture"), [
    ("大中小打印关闭", True),  # buttons the loader ran together: every character is reached by a banner word
    ("简体繁体无障碍适老版", True),
    ("登录注册  分享到", True),
    ("打印关闭通知", False),  # a banner run with a word no banner holds after it
    ("本局打印关闭", False),
    ("关闭" + "依法行政" * 30 + "打印", False),  # a paragraph that opens and ends with banner words
])
def test_a_row_of_run_together_buttons_is_furniture_and_nothing_longer_is(line: str, furniture: bool) -> None:
    assert meta_rules.is_page_clutter(line) is furniture
