"""Metadata of notices and plans (not yearly reports): doc_type, year, issuer and title in the layouts
government sites publish them in. Every text is invented (its wording made up; the counties are real
divisions so the issuer can be placed), each in one layout: 文号 then title, title then 文号, a page that
starts at the addressee line, a 政策解读 page, an 实施意见 with no cover letter, an office issuing for its
government, joint notices, 议事规则 adopted by a notice, old layouts dated 二〇〇五年.

Year (ANNOTATION.md: "the year the report covers"; tests/gold notes: a notice's year is the year it was
issued): a notice takes the year its title says it is about (关于印发2024年…工作要点的通知 → 2024), else its
issue year (文号, signature); a multi-year plan without its notice covers no single year (null); a 解读
page takes the year of the document it explains.
"""

from __future__ import annotations

import pytest

from fazhi.evaluate import same_value
from fazhi.extraction.pipeline import extract
from fazhi.loaders.text import text_document

NOTICE, PLAN, POINTS, OTHER = "通知", "实施方案/实施细则", "工作要点", "其他"
TASKS = "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政,加快建设法治政府。\n"


def report_of(text: str):
    return extract(text_document("n.txt", text)).report


CASES = [
    # 1. 文号 line, then the title, the addressee, the cover sentence, the signature
    ("临政办发〔2023〕15号\n临泽县人民政府办公室关于印发临泽县2023年法治政府建设工作要点的通知\n"
     "各乡镇人民政府,县政府各部门,各直属单位:\n《临泽县2023年法治政府建设工作要点》已经县政府同意,现印发给你们,"
     "请结合实际认真抓好落实。\n临泽县人民政府办公室\n2023年3月6日\n" + TASKS,
     "临泽县人民政府办公室", 2023, NOTICE),
    # 2. the title first, its 文号 under it, signed by the government
    ("关于印发武功县行政执法公示制度实施细则的通知\n武政发〔2019〕8号\n各镇人民政府,县政府各工作部门:\n"
     "现将《武功县行政执法公示制度实施细则》印发给你们,请认真贯彻执行。\n武功县人民政府\n2019年4月2日\n",
     "武功县人民政府", 2019, NOTICE),
    # 3. the page starts at the addressee line: no title, no 文号
    ("各乡镇人民政府,县政府各部门:\n现将《永登县2021年度依法行政工作安排》印发给你们,请认真组织实施,"
     "年底前将落实情况报县司法局。\n永登县人民政府办公室\n2021年2月20日\n" + TASKS,
     "永登县人民政府办公室", 2021, NOTICE),
    # 4. addressee first, 经县政府同意, the signature names the office alone
    ("各镇人民政府,县直各单位:\n经县政府同意,现将《南陵县重大行政决策程序规定实施细则》印发给你们,"
     "请认真遵照执行。\n南陵县人民政府办公室\n2022年5月10日\n",
     "南陵县人民政府办公室", 2022, NOTICE),
    # 5. a 政策解读 page: it explains the notice, it is not the notice
    ("首页 > 政务公开 > 政策解读\n《安化县人民政府办公室关于印发安化县2022年法治政府建设工作要点的通知》政策解读\n"
     "发布时间:2022-03-15 来源:县司法局\n一、制定背景\n为深入贯彻落实法治政府建设实施纲要,县政府办公室印发了工作要点。\n",
     "安化县人民政府办公室", 2022, OTHER),
    # 6. a 实施意见 with no cover letter: the document itself, issued under a 文号
    ("德清县人民政府关于加强行政规范性文件合法性审核工作的实施意见\n德政发〔2018〕12号\n各乡镇人民政府,县政府各部门:\n"
     "为进一步规范行政规范性文件制定程序,结合我县实际,提出如下实施意见。\n" + TASKS,
     "德清县人民政府", 2018, OTHER),
    # 7. the office issues for the government, 经县政府第N次常务会议研究通过
    ("石阡县人民政府办公室关于印发石阡县重大行政决策程序实施细则的通知\n各乡镇人民政府、街道办事处,县政府各部门:\n"
     "《石阡县重大行政决策程序实施细则》已经县人民政府第12次常务会议研究通过,现印发给你们,请认真遵照执行。\n"
     "石阡县人民政府办公室\n2020年9月1日\n",
     "石阡县人民政府办公室", 2020, NOTICE),
    # 8. a joint notice of the party committee's and the government's offices
    ("中共蒙城县委办公室 蒙城县人民政府办公室关于印发《蒙城县法治政府建设实施方案(2021—2025年)》的通知\n"
     "蒙办发〔2022〕6号\n各乡镇党委、政府,县直各单位:\n现将《蒙城县法治政府建设实施方案(2021—2025年)》印发给你们,"
     "请结合实际认真贯彻落实。\n中共蒙城县委办公室 蒙城县人民政府办公室\n2022年3月18日\n",
     "蒙城县人民政府办公室", 2022, NOTICE),
    # 9. 议事规则 adopted by a notice
    ("宜都市人民政府关于印发《宜都市人民政府常务会议议事规则》的通知\n都政发〔2021〕3号\n各乡镇人民政府、街道办事处,"
     "市政府各部门:\n《宜都市人民政府常务会议议事规则》已经市政府第1次常务会议审议通过,现予印发,请遵照执行。\n"
     "宜都市人民政府\n2021年1月20日\n",
     "宜都市人民政府", 2021, NOTICE),
    # 10. an old layout: 红头 line, 文号, title without issuer, date in Chinese numerals
    ("凤台县人民政府文件\n凤政发〔2005〕23号\n关于印发凤台县全面推进依法行政实施方案的通知\n各乡镇人民政府,县直各单位:\n"
     "现将《凤台县全面推进依法行政实施方案》印发给你们,请认真贯彻执行。\n二〇〇五年六月十日\n",
     "凤台县人民政府", 2005, NOTICE),
    # 11. a year's 工作要点 printed without its notice: a region's plan, its issuer not written
    ("繁昌区2024年法治政府建设工作要点\n2024年全区法治政府建设工作的总体要求是:坚持以习近平法治思想为指导,"
     "全面推进依法行政。\n一、加强党对法治政府建设的领导\n",
     None, 2024, POINTS),
    # 12. issuer line between 文号 and 关于印发…工作安排的通知 (issue 12, item 6)
    ("义乌市人民政府办公室\n义政办发〔2022〕9号\n关于印发义乌市2022年度法治政府建设工作安排的通知\n"
     "各镇人民政府、街道办事处,市政府各部门:\n现将《义乌市2022年度法治政府建设工作安排》印发给你们,请认真贯彻落实。\n",
     "义乌市人民政府办公室", 2022, NOTICE),
    # 13. a five-year plan without its notice: it covers no single year
    ("泰州市法治政府建设实施方案(2021—2025年)\n为深入推进依法行政,结合我市实际,制定本实施方案。\n"
     "到2025年,政府行为全面纳入法治轨道,法治政府建设取得重大进展。\n" + TASKS,
     None, None, PLAN),
    ("泰州市法治政府建设实施方案 ( 2021 — 2025 年 )\n为深入推进依法行政,结合我市实际,制定本实施方案。\n" + TASKS,
     None, None, PLAN),  # the same, its span of years spaced out by the page
    # 14. a plan for one year: its title's year
    ("乐至县2023年“八五”普法依法治理工作实施方案\n为深入开展“八五”普法工作,结合我县实际,制定本方案。\n" + TASKS,
     None, 2023, PLAN),
    # 15. 实施细则 whose articles start at once (第一条…制定本细则), no title
    ("第一条 为规范行政执法行为,根据有关法律法规,结合桐城市实际,制定本细则。\n第二条 本细则适用于市政府各部门。\n",
     None, None, PLAN),
    # 16. a notice that launches work, no plan forwarded
    ("漳州市司法局关于开展2023年度法治政府建设示范创建活动的通知\n各县(市、区)司法局:\n"
     "为深入推进法治政府建设,现就开展示范创建活动有关事项通知如下:\n一、创建范围\n",
     "漳州市司法局", 2023, NOTICE),
    # 17. an appraisal's results sent down: a 通报, the year appraised
    ("宜宾市人民政府关于2022年度法治政府建设考核结果的通报\n宜府函〔2023〕21号\n各区县人民政府,市政府各部门:\n"
     "根据考核办法,市政府组织开展了2022年度法治政府建设考核,现将考核结果通报如下。\n",
     "宜宾市人民政府", 2022, NOTICE),
    # 18. a chart page explaining a plan
    ("首页 > 政策解读\n一图读懂《襄阳市法治政府建设实施方案》\n发布时间:2022-06-01\n"
     "为贯彻落实法治政府建设实施纲要,市委、市政府印发了实施方案,明确了今后一个时期法治政府建设的目标和任务。\n",
     "襄阳市人民政府", None, OTHER),
    # 19. a metadata table above a notice: the title in its 标题 row
    ("索 引 号:11330000/2021-00031\n发文机关:江山市人民政府办公室\n标  题:江山市人民政府办公室关于印发江山市"
     "2021年法治政府建设工作要点的通知\n发文字号:江政办发〔2021〕3号\n成文日期:2021-03-01\n各乡镇(街道),市政府各部门:\n"
     "经市政府同意,现将《江山市2021年法治政府建设工作要点》印发给你们,请认真贯彻执行。\n",
     "江山市人民政府办公室", 2021, NOTICE),
    # 20. a notice forwarding a bureau's plan: the office that forwards it issues it
    ("遂平县人民政府办公室转发县司法局关于推行行政执法三项制度实施方案的通知\n遂政办〔2019〕40号\n各乡镇人民政府,"
     "县政府各部门:\n县司法局《关于推行行政执法三项制度的实施方案》已经县政府同意,现转发给你们,请认真贯彻执行。\n",
     "遂平县人民政府办公室", 2019, NOTICE),
    # 21. an old layout: the 文号 in brackets after the title, a signature dated with ○
    ("宁乡县人民政府关于印发宁乡县行政执法责任制实施办法的通知(宁政发〔2012〕5号)\n各乡镇人民政府,县直各单位:\n"
     "现将《宁乡县行政执法责任制实施办法》印发给你们,请遵照执行。\n宁乡县人民政府\n二○一二年三月五日\n",
     "宁乡县人民政府", 2012, NOTICE),
    # 22. 工作规则 adopted by a notice, the page starting at the addressee
    ("各乡镇人民政府,县政府各部门:\n《通渭县人民政府工作规则》已经县政府第一次全体会议通过,现予印发,"
     "请认真遵照执行。\n通渭县人民政府\n2018年1月5日\n",
     "通渭县人民政府", 2018, NOTICE),
    # 23. 议事规则 itself, its adoption under the title
    ("汉阴县人民政府常务会议议事规则\n(2019年5月8日县人民政府第3次常务会议审议通过)\n第一条 为规范县政府常务会议,"
     "提高议事效率,制定本规则。\n",
     "汉阴县人民政府", 2019, OTHER),
    # 24. a party rule-of-law office's notice of the year's points
    ("中共崇义县委全面依法治县委员会办公室关于印发《2023年全县法治建设工作要点》的通知\n各乡镇党委,县直各单位:\n"
     "现将《2023年全县法治建设工作要点》印发给你们,请认真抓好落实。\n",
     "中共崇义县委全面依法治县委员会办公室", 2023, NOTICE),
    # 25. next year's points sent down in December: the year the points are for
    ("灵台县人民政府办公室关于印发2024年法治政府建设工作要点的通知\n灵政办发〔2023〕45号\n各乡镇人民政府,县直各部门:\n"
     "现将《2024年法治政府建设工作要点》印发给你们,请认真贯彻落实。\n灵台县人民政府办公室\n2023年12月28日\n",
     "灵台县人民政府办公室", 2024, NOTICE),
    # 26. a plan spanning years forwarded by its notice: the year the notice was issued
    ("关于印发《长丰县法治政府建设实施方案(2021—2025年)》的通知\n各乡镇人民政府,县政府各部门:\n"
     "现将《长丰县法治政府建设实施方案(2021—2025年)》印发给你们,请认真贯彻落实。\n长丰县人民政府\n2022年4月6日\n",
     "长丰县人民政府", 2022, NOTICE),
    # 27. a plan whose title names its issuer
    ("黎川县司法局关于推行行政执法公示制度的实施方案\n为全面推行行政执法公示制度,结合我局实际,制定本方案。\n" + TASKS,
     "黎川县司法局", None, PLAN),
    # 28. an old notice in one paragraph, the page's rows above it
    ("当前位置:首页>政府文件\n青阳县人民政府关于进一步加强依法行政工作的通知 各乡镇人民政府,县直各单位:为贯彻国务院"
     "《全面推进依法行政实施纲要》,现就进一步加强依法行政工作通知如下:一、提高认识。 青阳县人民政府 二〇〇六年四月三日\n",
     "青阳县人民政府", 2006, NOTICE),
    # 29. a page that starts at the addressee line of a notice whose plan covers five years
    ("各县(市、区)人民政府,市政府各部门:\n现将《吉安市法治政府建设实施方案(2021—2025年)》印发给你们,请认真贯彻执行。\n"
     "吉安市人民政府\n2022年1月12日\n",
     "吉安市人民政府", 2022, NOTICE),
    # 30. a 政策解读 of a five-year plan: the year of the notice it explains, from its own date
    ("关于《泸溪县法治政府建设实施方案(2021—2025年)》的政策解读\n发布时间:2022-05-20 来源:泸溪县人民政府\n"
     "一、出台背景\n2022年4月,县委、县政府印发了实施方案。\n",
     "泸溪县人民政府", 2022, OTHER),
    # 31. an old signature whose year is written with ASCII zeros (二00五年): a common typing of 〇
    ("广德县人民政府关于印发广德县行政执法过错责任追究办法的通知\n各乡镇人民政府,县直各单位:\n"
     "现将《广德县行政执法过错责任追究办法》印发给你们,请遵照执行。\n广德县人民政府\n二00五年八月十二日\n",
     "广德县人民政府", 2005, NOTICE),
    # 32. a site that heads the page with the plan's name, then prints the notice that forwards it
    ("当前位置:首页>政策文件\n沅陵县2022年法治政府建设工作要点\n来源:县政府办 发布时间:2022-03-02\n"
     "各乡镇人民政府,县直各单位:\n经县人民政府同意,现将《沅陵县2022年法治政府建设工作要点》印发给你们,"
     "请认真抓好贯彻落实。\n沅陵县人民政府办公室\n2022年2月28日\n" + TASKS,
     "沅陵县人民政府办公室", 2022, NOTICE),
    # 33. the drafters' explanation of a draft: not the document itself; the drafter writes it
    ("关于《岳池县行政规范性文件管理办法(草案)》的起草说明\n一、起草背景\n为进一步加强行政规范性文件管理,"
     "县司法局在深入调研的基础上起草了本办法。\n",
     "岳池县司法局", None, OTHER),  # the drafter explains its own draft
    # 34. two issuer lines of a joint notice over a 文号 and its title
    ("中共桐庐县委办公室\n桐庐县人民政府办公室\n桐委办发〔2021〕33号\n关于印发《桐庐县法治政府建设示范创建工作方案》"
     "的通知\n各乡镇党委、政府,县直各单位:\n现将《桐庐县法治政府建设示范创建工作方案》印发给你们,请认真贯彻执行。\n",
     "桐庐县人民政府办公室", 2021, NOTICE),
    # 35. an old title wrapped after its 文号, dated with Latin O
    ("霍邱县人民政府办公室文件\n霍政办〔2007〕18号\n关于印发霍邱县2007年依法行政\n工作要点的通知\n"
     "各乡镇人民政府,县政府各部门:\n现将《霍邱县2007年依法行政工作要点》印发给你们,请认真贯彻执行。\n"
     "二OO七年三月二日\n",
     "霍邱县人民政府办公室", 2007, NOTICE),
    # 36. an untitled plan of a named kind: 特制定本工作方案 (its 到2023年底 is a target)
    ("为深入推进法治政府建设示范创建,按照省、市工作部署,结合我县实际,特制定本工作方案。\n一、工作目标\n"
     "到2023年底,全县法治政府建设水平明显提升。\n",
     None, None, PLAN),
    ("为贯彻落实市委部署,加快推进法治政府建设,制定本行动方案。\n一、总体要求\n全市各级各部门要扎实推进法治政府建设。\n",
     None, None, PLAN),
    # 38. a reply, a letter asking for comments, minutes, an announcement: documents of their own kind
    ("安吉县人民政府关于同意设立县行政复议局的批复\n县司法局:\n你局《关于设立县行政复议局的请示》收悉。经研究,"
     "同意设立县行政复议局,统一行使行政复议职责,推进法治政府建设。\n",
     "安吉县人民政府", None, OTHER),
    ("关于征求《桐乡市2023年法治政府建设工作要点(征求意见稿)》意见的函\n市级各部门:\n为做好法治政府建设工作,"
     "现将征求意见稿送上,请于3月10日前反馈意见。\n",
     None, 2023, OTHER),
    ("桐乡市人民政府第5次常务会议纪要\n3月6日,市长主持召开市政府第5次常务会议,研究法治政府建设工作。"
     "会议听取了法治政府建设情况汇报,审议了有关文件。\n",
     "桐乡市人民政府", None, OTHER),
    ("秀山县人民政府关于2023年度行政规范性文件清理结果的公告\n根据法治政府建设要求,县政府对2023年底前制定的"
     "行政规范性文件进行了全面清理,现将清理结果公告如下。\n",
     "秀山土家族苗族自治县人民政府", 2023, OTHER),
    # 42. the 文号 printed on the title's own line
    ("乐政办发〔2021〕12号 关于印发乐清市2021年法治政府建设工作要点的通知\n各乡镇人民政府、街道办事处,市政府各部门:\n"
     "现将《乐清市2021年法治政府建设工作要点》印发给你们,请认真贯彻执行。\n乐清市人民政府办公室\n2021年4月1日\n",
     "乐清市人民政府办公室", 2021, NOTICE),
    # 43. a short cover letter, the signature dated in figures
    ("关于印发《平阳县行政执法公示办法》的通知\n各乡镇人民政府:\n现将《平阳县行政执法公示办法》印发给你们,请遵照执行。\n"
     "平阳县人民政府\n2006-5-12\n",
     "平阳县人民政府", 2006, NOTICE),
    # 44. the year's points sent down in the addressee's letter itself
    ("各乡镇人民政府,县直各单位:\n2023年全县法治政府建设工作要点如下:\n一、加强党的领导。坚持把党的领导贯穿法治政府"
     "建设全过程,县政府常务会议每年听取法治政府建设情况汇报。\n",
     None, 2023, POINTS),
    # 45. a 解读 whose title is in a 标题 row
    ("首页 > 政策解读\n标题:《铜鼓县2023年法治政府建设工作要点》解读\n发布时间:2023-04-12 来源:县司法局\n一、起草背景\n"
     "为深入贯彻落实习近平法治思想,推进全县法治政府建设,县政府办公室印发了工作要点,现解读如下。\n",
     "铜鼓县人民政府", 2023, OTHER),
    # 46. the 意见 itself, the page starting at its addressee line
    ("各乡镇人民政府,县政府各部门:\n为深入推进法治政府建设,结合我县实际,现就加强行政执法协调监督工作提出如下实施意见。\n"
     "一、总体要求\n",
     None, None, OTHER),
    # 47. an old 红头 with square brackets in its 文号, dated with Greek Ο
    ("仙居县人民政府文件\n仙政发[2006]45号\n关于印发仙居县行政执法责任制实施方案的通知\n各乡镇人民政府,县政府各部门:\n"
     "现将《仙居县行政执法责任制实施方案》印发给你们,请结合实际认真贯彻执行。\n二ΟΟ六年五月八日\n",
     "仙居县人民政府", 2006, NOTICE),
    # 48. an untitled notice whose cover letter cites last year's plan: the year it was issued
    ("各乡镇人民政府,县政府各部门:\n为贯彻落实《浙江省2021年法治政府建设工作要点》,经县政府同意,现将《龙泉市全面推进"
     "依法行政实施方案》印发给你们,请认真贯彻执行。\n龙泉市人民政府办公室\n2022年1月5日\n",
     "龙泉市人民政府办公室", 2022, NOTICE),
    # 49. … and one whose only date is its 文号's
    ("龙政办发〔2022〕3号\n各乡镇人民政府,市政府各部门:\n为贯彻落实《浙江省2021年法治政府建设工作要点》,现将《龙泉市"
     "行政执法公示办法》印发给你们,请认真贯彻执行。\n",
     None, 2022, NOTICE),
    # 50. a year's 实施计划 is its year's programme; a 三年行动计划 is a plan; neither names its issuer
    ("青田县2023年普法依法治理实施计划\n为深入推进依法行政,加快建设法治政府,结合本县工作实际,现作如下安排部署,"
     "请各单位认真抓好落实。\n",
     None, 2023, POINTS),
    ("温州市法治政府建设三年行动计划(2023—2025年)\n为加快建设法治政府,结合我市实际,制定本行动计划。\n一、总体目标\n",
     None, None, PLAN),
    # 52. a legal database's rows above an old notice: who made it (颁布单位, 制定机关, 发布部门) and when
    ("颁布单位:海宁市人民政府\n文号:海政发〔2010〕33号\n颁布日期:2010-08-20\n时效性:现行有效\n"
     "关于印发海宁市推进依法行政五年规划的通知\n各乡镇人民政府,市政府各部门:\n现将《海宁市推进依法行政五年规划》"
     "印发给你们,请认真贯彻执行。\n",
     "海宁市人民政府", 2010, NOTICE),
    ("制定机关:德清县人民政府办公室\n公布日期:2011-04-02\n施行日期:2011-05-01\n效力级别:规范性文件\n"
     "关于印发德清县行政执法公示办法的通知\n各乡镇人民政府,县政府各部门:\n现将《德清县行政执法公示办法》"
     "印发给你们,请认真贯彻执行。\n",
     "德清县人民政府办公室", 2011, NOTICE),
    # 54. the site's heading drops the span of years the cover letter gives the plan
    ("当前位置:首页>政府文件\n磐安县法治政府建设实施方案\n来源:县政府办 发布时间:2022-03-02\n各乡镇人民政府,县直各单位:\n"
     "现将《磐安县法治政府建设实施方案(2021—2025年)》印发给你们,请认真抓好贯彻落实。\n磐安县人民政府\n2022年2月28日\n",
     "磐安县人民政府", 2022, NOTICE),
    # 55. an old title closed by its 文号 in brackets, no signature: the 文号 dates it
    ("关于印发庆元县依法行政示范单位创建活动实施方案的通知(庆政办发〔2007〕56号)\n各乡镇人民政府、街道办事处,县政府直属"
     "各单位:\n现将《庆元县依法行政示范单位创建活动实施方案》印发给你们,请认真组织实施。\n",
     None, 2007, NOTICE),
    # 55b. the 文号 printed on the title's own line, no signature: the 文号 dates it, as on a line of its own
    ("平政办发〔2008〕21号 关于印发平阳县行政执法公示办法的通知\n各乡镇人民政府,县政府各部门:\n"
     "现将《平阳县行政执法公示办法》印发给你们,请认真贯彻执行。\n",
     None, 2008, NOTICE),
    # 55c. a report that tells how it had the towns make their own plans (制定本镇工作方案) is no plan
    ("2022年,我县深入推进法治政府建设,督促各镇制定本镇工作方案。现将有关情况报告如下:\n一、主要成效\n",
     None, 2022, "年度报告"),
    # 56. a reply printed without its title or signature: its addressee is the body it answers, no superior
    ("安吉县司法局:\n你局《关于设立安吉县行政争议调解中心的请示》收悉。经研究,同意设立安吉县行政争议调解中心,"
     "请抓紧做好相关工作。\n",
     None, None, OTHER),
    ("桐乡市司法局:\n贵局《关于商请协助开展行政执法案卷评查的函》收悉。经研究,同意派员参加评查工作。\n",
     None, None, OTHER),
]

def case_text(opening: str) -> str:
    """The invented text of CASES that starts with `opening`."""
    return next(text for text, *_ in CASES if text.startswith(opening))


TITLES = [
    (case_text("首页 > 政策解读\n一图读懂"), "一图读懂《襄阳市法治政府建设实施方案》"),
    (case_text("乐政办发"), "关于印发乐清市2021年法治政府建设工作要点的通知"),
    (case_text("桐乡市人民政府第5次"), "桐乡市人民政府第5次常务会议纪要"),
    (case_text("汉阴县"), "汉阴县人民政府常务会议议事规则"),
]

DATES = [
    (case_text("汉阴县"), "2019-05-08"),  # (2019年5月8日…审议通过) under a rule's title
    ("2022年全市法治政府建设工作要点\n(2022年3月1日)\n2022年全市法治政府建设工作的总体要求是:坚持以习近平法治思想"
     "为指导,全面推进依法行政。\n", "2022-03-01"),  # a bare date under the title
]


@pytest.mark.parametrize(("text", "agency", "year", "doc_type"), CASES)
def test_notice_and_plan_metadata(text: str, agency: str | None, year: int | None, doc_type: str) -> None:
    report = report_of(text)
    assert report.doc_type == doc_type
    assert report.year == year
    if agency is None:
        assert report.agency is None
    else:
        assert same_value(agency, report.agency, qualified=True), report.agency


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_notice_and_plan_titles(text: str, title: str) -> None:
    assert report_of(text).title == title


@pytest.mark.parametrize(("text", "date"), DATES)
def test_a_date_under_the_title_dates_the_document(text: str, date: str) -> None:
    assert report_of(text).date == date
