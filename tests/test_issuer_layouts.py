"""The report's issuer, region, year and kind in page layouts the corpus shows only once or not at all.

Each text is invented (names of real divisions, sentences written for the test) in a layout real reports
use: a title that adds next year's plans, an opening whose subject is a region's government and its
departments, a bare 厅 in a city's text. Each case fails without the rule it names.
"""

from __future__ import annotations

import pytest

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
])
def test_a_regions_government_and_its_departments_as_the_subject(text: str, agency: str, region: str) -> None:
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
