"""Year and doc_type of documents whose title does not state them (extraction/report_kind.py): untitled
retrospective reports, news items, notices printed as one paragraph, a reposting site's headline over
the report, statistics periods, year-of-issue of a notice. Short invented texts in the shapes of the
real pages in tests/gold/realextra7 (their wording is made up; each keeps only the cue under test)."""

import pytest

from fazhi.extraction import report_kind
from fazhi.extraction.pipeline import extract
from fazhi.loaders.text import text_document


def meta_of(text: str):
    return extract(text_document("r.txt", text)).report


BODY = "坚持依法行政,推进各项工作,全年组织集中学法,开展普法宣传活动,办理行政复议案件。\n"


@pytest.mark.parametrize(("text", "doc_type"), [
    # untitled retrospective reports: what they say about the year behind them
    ("2022年,市司法局坚持以人民为中心,各项工作均取得了新进展新成效。\n一、2022年工作情况\n" + BODY, "年度报告"),
    ("一、全面加强党对法治建设的领导\n加强组织领导。2021年,党组召开8次会议研究法治建设具体事项。\n" + BODY, "年度报告"),
    ("本报告由某区卫生健康局按照《中华人民共和国政府信息公开条例》编制,包括总体情况等六个部分。\n" + BODY, "年度报告"),
    ("今年以来,某县认真贯彻依法行政实施纲要,法治环境不断优化。一、强化组织领导\n" + BODY, "年度报告"),
    ("2021年是开局之年,一年来我镇深入推进法律进机关、进学校、进乡村的宣传教育。\n" + BODY, "年度报告"),
    # news items: the event's day, then what happened
    ("5月9日,某县召开创建省级法治政府建设示范县工作推进会。会上宣读了通知。\n" + BODY, "其他"),
    ("日前,某区出台2018年法治政府建设工作要点及任务分解,明确目标任务。\n", "其他"),
    # a release that relays a report is that report
    ("近日,某部发布2021年法治政府建设年度报告,全面总结工作进展及成效。\n2021年,某部坚持依法行政。\n", "年度报告"),
    # a notice printed as one paragraph, a plan, a year's work programme, a 意见
    ("某市人民政府办公室关于报告依法行政工作进展情况的通知 各县(区)人民政府: 现将有关事项通知如下: 一、报告内容。", "通知"),
    ("为全面贯彻依法治国精神,决定在我县开展示范创建活动,结合我县实际,制定如下实施方案。\n一、总体目标\n", "实施方案/实施细则"),
    ("2023年依法治镇工作一、认真贯彻落实县依法治县2023年工作要点1、全镇各单位要认真开展自查工作。", "工作要点"),
    ("某省人民政府关于进一步优化营商环境的若干意见\n各市人民政府:\n为深入贯彻决策部署,取得了显著成效,提出如下意见。\n",
     "其他"),
])
def test_untitled_documents_get_their_kind(text: str, doc_type: str) -> None:
    assert meta_of(text).doc_type == doc_type


@pytest.mark.parametrize(("text", "year"), [
    # a reposting site's headline names another year than the report's first paragraph
    ("• 情况报告\n[某省政府发布2018年度法治政府建设情况报告] 对法治政府建设的思考\n时间:2018-07-23 22:54:17 来源:某资源网\n"
     "2016年,某省政府深入贯彻法治政府建设实施纲要,坚持依法行政,法治政府建设取得新成效,现将有关情况报告如下。\n", 2016),
    # a 政府信息公开 annual report: the statistics period, and a later section that opens with the year
    ("本报告由某区卫生健康局编制。本年度报告中所列数据统计期限从2023年1月1日到2023年12月31日止。\n", 2023),
    ("本报告由某区卫生健康局编制,包括总体情况、主动公开政府信息情况等部分,公众如需咨询请联系办公室。\n一、总体情况\n"
     "2023年,某区卫生健康局深入贯彻落实政务公开工作要求,及时公开信息。\n", 2023),
    ("2023年依法治镇工作一、认真贯彻落实县依法治县工作。全镇各单位要认真开展自查工作。", 2023),
    # a notice's year is its issue year: the date under its signature, the page's own date row
    ("某市人民政府办公室关于报告推进依法行政工作进展情况的通知 各县(区)人民政府: 现将有关事项通知如下: "
     "一、报告内容。 某市人民政府办公室 二oo九年十一月十三日 |", 2009),
    ("当前位置: 首页 > 新闻动态\n某市司法局召开法治政府建设优秀案例专家评审会\n来源: 某市司法局 发布时间: 2023-09-21 09:10\n"
     "近日,市司法局召开全市法治政府建设优秀案例专家评审会,评选出20个案例。\n", 2023),
])
def test_the_year_comes_from_where_the_document_states_it(text: str, year: int) -> None:
    assert meta_of(text).year == year


def test_a_report_without_any_year_stays_without_one() -> None:
    text = "今年以来,某县认真贯彻依法行政实施纲要,法治环境不断优化。一、强化组织领导\n" + BODY
    assert meta_of(text).year is None


def test_a_page_date_never_dates_a_report() -> None:
    text = "来源: 某县司法局 发布时间: 2024-03-28 09:18\n今年以来,某县坚持依法行政,取得了明显成效,法治环境不断优化。\n"
    assert meta_of(text).doc_type == "年度报告"
    assert meta_of(text).year is None


def test_issue_year_reads_only_a_date_at_the_very_end() -> None:
    assert report_kind.issue_year("某县人民政府\n2017年3月22日") == 2017
    assert report_kind.issue_year("2017年3月22日,县政府召开常务会议,研究部署依法行政工作,要求各部门抓好落实。") is None


@pytest.mark.parametrize(("text", "year"), [
    ("2022年在县委、县政府的坚强领导下,县市场监管局坚持依法行政,全面推进法治政府建设。\n" + BODY, 2022),
    ("为推进依法行政,我局认真落实上级部署,扎实开展各项工作,现将有关情况说明如下,请审阅。\n一、2023年工作回顾\n" + BODY, 2023),
])
def test_a_year_stated_only_where_a_paragraph_or_a_heading_opens(text: str, year: int) -> None:
    assert meta_of(text).year == year


def test_a_heading_that_plans_the_next_year_names_no_covered_year() -> None:
    text = "为推进依法行政,我局认真落实上级部署,扎实开展各项工作,现将有关情况说明如下,请审阅。\n一、2024年工作打算\n" + BODY
    assert meta_of(text).year is None


@pytest.mark.parametrize(("text", "doc_type"), [
    ("市委、市政府:\n在上级部门的指导下,我区坚持依法行政,扎实推进法治政府建设各项工作,全面履行政府职能。\n", "年度报告"),
    ("各乡镇人民政府,县直各单位:\n为推进依法行政,扎实推进法治政府建设各项工作,请各单位认真落实。\n", "其他"),
])
def test_the_addressee_tells_a_report_sent_up_from_a_notice_sent_down(text: str, doc_type: str) -> None:
    assert meta_of(text).doc_type == doc_type


def test_the_first_paragraphs_year_outweighs_a_later_heading() -> None:
    text = ("2025年,某街道办事处坚持以习近平新时代中国特色社会主义思想为指导,全面落实法治政府建设决策部署。\n"
            "一、2024年法治政府建设基本情况\n" + BODY)
    assert meta_of(text).year == 2025


@pytest.mark.parametrize(("text", "doc_type", "year"), [
    # a title on the same line as the first paragraph decides as a title does
    ("教育局2022年法治工作要点 2022年是我区教育事业改革发展承上启下之年,区教育局法治工作要以法治思想为指导。", "工作要点", 2022),
    ("2016年乡依法行政工作总结报告 2016年以来,某乡依法行政工作坚持以创新促规范,取得明显成效。", "年度报告", 2016),
])
def test_a_title_glued_to_the_first_paragraph(text: str, doc_type: str, year: int) -> None:
    meta = meta_of(text)
    assert (meta.doc_type, meta.year) == (doc_type, year)


def test_a_notice_that_says_it_is_issued_herewith_under_a_long_menu() -> None:
    menu = "".join(f"  • 栏目{i}\n" for i in range(40))
    text = (menu + "各盟行政公署、市人民政府,自治区各委、办、厅、局: \n  《某自治区人民政府工作规则》已经2013年6月17日"
            "自治区人民政府第五次常务会议审议通过,现予印发。 \n2013年7月2日\n")
    assert meta_of(text).doc_type == "通知"


def test_a_breadcrumb_does_not_make_a_news_item_a_report() -> None:
    text = ("首页 > 政务公开 > 法治政府建设\n在基层法治建设领域深耕十载的某镇再获殊荣,这个始于2015年的普法品牌已累计开展活动500余场。"
            "镇负责人向记者展示十年工作台账。\n")
    assert meta_of(text).doc_type == "其他"


@pytest.mark.parametrize(("text", "year"), [
    # a notice whose signature lost its marks: the page's row dates it, as its 文号 names that year
    ("当前位置: 首页 > 政策文件\n发布时间:2017-03-22\n关于印发《某县深入推进法治政府建设实施方案》的通知\n株县发20174\n"
     "各镇党委和人民政府,县直机关各单位:\n现将《某县深入推进法治政府建设实施方案》印发给你们,请结合实际认真贯彻执行。\n", 2017),
    # a reposting site's row dates the repost, not the notice
    ("当前位置: 首页 > 政策文件\n发布时间:2030-01-05\n关于印发《某县深入推进法治政府建设实施方案》的通知\n"
     "各镇党委和人民政府,县直机关各单位:\n现将《某县深入推进法治政府建设实施方案》印发给你们,请结合实际认真贯彻执行,"
     "执行中遇到的问题请及时报告县司法局。\n", None),
])
def test_a_page_row_dates_a_notice_only_when_its_body_names_that_year(text: str, year: int | None) -> None:
    assert meta_of(text).year == year
