"""Relation rules on short made-up reports: who implements a measure besides the issuer, who
cooperates, which measures a cited requirement governs, who made a document, and what an
annual report only plans. Each case would fail if its rule were dropped or widened."""

from fazhi.extraction.pipeline import extract
from fazhi.loaders.text import text_document

SHAOGUAN_HEAD = "韶关市工业和信息化局2022年法治政府建设年度报告\n"


def relations(text: str, kind: str) -> set[tuple[str, str]]:
    ex = extract(text_document("r.txt", text))
    return {(r.source, r.target) for r in ex.relations
            if r.type == kind and (kind != "ISSUED" or r.target_label == "Law")}


def test_a_clause_subject_implements_its_measures_with_the_issuer() -> None:
    text = ("杭州市上城区人民政府2023年法治政府建设情况报告\n2023年，区委依法治区办组织召开法治政府建设督察部署会。"
            "区委、区政府主要负责同志认真履行推进法治建设第一责任人职责。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("中共杭州市上城区委全面依法治区委员会办公室", "法治督察") in done
    assert ("中共杭州市上城区委员会", "法治建设第一责任人职责") in done
    assert ("杭州市上城区人民政府", "法治督察") in done
    assert ("中共杭州市上城区委员会", "法治督察") not in done  # another sentence


def test_a_body_acting_on_the_issuer_is_the_one_that_implements() -> None:
    text = ("杭州市上城区教育局2023年法治政府建设工作总结\n2023年，我局深入推进依法行政。"
            "区司法局对我局开展法治政府建设督察，我局全面推行“双随机、一公开”。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("杭州市上城区司法局", "法治督察") in done
    assert ("杭州市上城区教育局", "法治督察") not in done
    assert ("杭州市上城区教育局", "双随机、一公开") in done
    assert ("杭州市上城区司法局", "双随机、一公开") not in done


def test_cooperation_both_ways_round_and_the_partner_implements() -> None:
    text = (SHAOGUAN_HEAD + "2022年，我局积极配合市司法局推进行政执法“三项制度”，与市市场监管局联动，做好价格检查。"
            "完善政策法规科牵头、业务科室配合的行政应诉工作机制，对人民法院受理的案件依法应诉。\n")
    issuer = "韶关市工业和信息化局"
    assert relations(text, "COOPERATES_WITH") == {(issuer, "韶关市司法局"), (issuer, "韶关市市场监督管理局")}
    assert ("韶关市司法局", "行政执法“三项制度”") in relations(text, "IMPLEMENTS")


def test_based_on_only_what_the_cited_requirement_governs() -> None:
    text = (SHAOGUAN_HEAD + "2022年，我局按照《国务院办公厅关于推广随机抽查规范事中事后监管的通知》要求，立足行业特点，"
            "全面推行“双随机、一公开”。严格按照《广东省行政规范性文件管理规定》制定规范性文件，严格执行合法性审查机制。"
            "全面落实《失信企业协同监管和联合惩戒合作备忘录》及“红黑榜”制度。"
            "认真落实“谁执法谁普法”责任制，组织学习《中华人民共和国价格法》。\n")
    assert relations(text, "BASED_ON") == {("双随机、一公开", "国务院办公厅关于推广随机抽查规范事中事后监管的通知")}


def test_an_item_heading_names_what_its_first_sentence_bases() -> None:
    text = (SHAOGUAN_HEAD + "2.严格执行重大行政决策法定程序。坚持民主集中制，严格落实《重大行政决策程序暂行条例》，"
            "制定了《议事规则》。\n")
    assert ("重大行政决策程序", "重大行政决策程序暂行条例") in relations(text, "BASED_ON")


def test_issued_by_the_bodies_before_the_verb_not_by_a_drafter() -> None:
    text = (SHAOGUAN_HEAD + "2022年，根据中共中央、国务院印发的《法治政府建设实施纲要(2021-2025年)》，我局深入推进依法行政。"
            "我局牵头起草了《关于加强和改进乡村治理的实施意见》。\n")
    assert relations(text, "ISSUED") == {("中共中央", "法治政府建设实施纲要(2021-2025年)"),
                                         ("国务院", "法治政府建设实施纲要(2021-2025年)")}


def test_next_years_plan_is_not_implemented_this_year() -> None:
    text = (SHAOGUAN_HEAD + "一、主要工作\n2022年，我局全面推行“双随机、一公开”。\n二、下一年度工作安排\n"
            "全面落实普法责任清单，落实“双随机、一公开”。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("韶关市工业和信息化局", "双随机、一公开") in done
    assert ("韶关市工业和信息化局", "普法责任清单") not in done


def test_joint_notice_signers_cooperate_and_issue_what_it_hands_out() -> None:
    text = ("鹤岗市人民政府 鹤岗市中级人民法院印发\n关于完善“府院联动”机制的意见的通知\n各县(区)人民政府、法院:\n"
            "《鹤岗市人民政府 鹤岗市中级人民法院关于完善“府院联动”机制的意见》已经市政府常务会议审议通过，"
            "现印发给你们，请认真贯彻执行。\n")
    assert relations(text, "COOPERATES_WITH") == {("鹤岗市人民政府", "鹤岗市中级人民法院")}
    assert {source for source, _ in relations(text, "ISSUED")} == {"鹤岗市人民政府", "鹤岗市中级人民法院"}


def test_the_body_that_joins_others_issues_with_them() -> None:
    text = (SHAOGUAN_HEAD + "2022年，我局联合市司法局、市市场监管局印发《韶关市涉企行政执法检查规范》，规范涉企检查。\n")
    issued = {source for source, _ in relations(text, "ISSUED")}
    assert issued == {"韶关市工业和信息化局", "韶关市司法局", "韶关市市场监督管理局"}


def test_a_cited_requirement_governs_two_clauses_not_a_whole_opening_sentence() -> None:
    text = (SHAOGUAN_HEAD + "2022年以来，我局深入落实《法治政府建设实施纲要(2021-2025年)》，深入推进依法行政，"
            "切实履行政府职责，全面推行“双随机、一公开”。\n")
    assert not relations(text, "BASED_ON")


def test_issued_with_the_bodies_named_after_yu_and_no_cooperation_from_gongtong() -> None:
    text = (SHAOGUAN_HEAD + "2022年，我局与市司法局联合印发《韶关市涉企行政执法检查规范》。"
            "成立了以局党组为核心、市司法局共同组成的法治建设委员会。\n")
    assert {source for source, _ in relations(text, "ISSUED")} == {"韶关市工业和信息化局", "韶关市司法局"}
    cooperation = relations(text, "COOPERATES_WITH")
    assert cooperation == {("韶关市工业和信息化局", "韶关市司法局")}


NANCHANG_HEAD = "南昌县人民政府2019年法治政府建设情况报告\n"
NANCHANG = "南昌市南昌县人民政府"


def test_the_body_or_own_voice_opening_the_clause_made_the_document() -> None:
    text = (NANCHANG_HEAD + "根据市委办公厅、市政府办公厅关于改革的精神，我县研究制定了《南昌县改革实施方案》。"
            "根据市委办公厅的精神，市司法局牵头研究制定了《南昌市行政执法细则》。\n")
    assert relations(text, "ISSUED") == {(NANCHANG, "南昌县改革实施方案"), ("南昌市司法局", "南昌市行政执法细则")}


def test_issuing_verbs_with_le_and_a_bare_shenyi_by_the_issuers_meeting() -> None:
    text = (NANCHANG_HEAD + "县政府于2019年4月21日下发了《南昌县人民政府关于承接落实的通知》、《南昌县政务服务工作方案》。"
            "县政府常务会议审议《南昌县行政规范性文件管理办法》。县司法局起草《南昌县行政执法细则》，报县政府审议。"
            "县人大常委会审议《南昌县人民政府关于法治政府建设情况的报告》。各部门制定了《部门学法计划》。\n")
    assert relations(text, "ISSUED") == {(NANCHANG, "南昌县人民政府关于承接落实的通知"),
                                         (NANCHANG, "南昌县政务服务工作方案"),
                                         (NANCHANG, "南昌县行政规范性文件管理办法")}


def test_a_body_between_the_making_verb_and_the_title_made_it() -> None:
    text = NANCHANG_HEAD + "县委全会审议通过县委《关于深入推进依法治县的实施意见》。县政府落实县委《关于加强普法的意见》。\n"
    assert relations(text, "ISSUED") == {("中共南昌市南昌县委员会", "关于深入推进依法治县的实施意见")}


def test_a_clause_opened_by_you_or_a_former_body_names_its_doer() -> None:
    text = ("鹤岗市人民政府2018年法治政府建设情况报告\n调整完善权责清单，由市编办提出调整意见，原市法制办进行合法性审查。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("鹤岗市人民政府法制办公室", "合法性审查") in done
    assert ("鹤岗市人民政府法制办公室", "权责清单制度") not in done


def test_a_named_body_in_next_years_plan_does_not_implement_this_year() -> None:
    text = (NANCHANG_HEAD + "一、2019年工作情况\n县司法局全面推行“双随机、一公开”。\n三、2020年工作安排\n"
            "县司法局将全面推行行政执法公示制度。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("南昌市南昌县司法局", "双随机、一公开") in done
    assert not {pair for pair in done if pair[1] == "行政执法公示制度"}


def test_a_document_number_after_a_citation_keeps_the_basis() -> None:
    text = (SHAOGUAN_HEAD + "按照《广东省依法行政考核办法》(粤府令第218号)和《韶关市考核指标的通知》要求，开展依法行政考核。"
            "按照《关于全面推行行政执法公示制度的通知》（粤府办〔2020〕12号）要求，全面推行行政执法公示制度。\n")
    assert relations(text, "BASED_ON") == {
        ("依法行政考核", "广东省依法行政考核办法"), ("依法行政考核", "韶关市考核指标的通知"),
        ("行政执法公示制度", "关于全面推行行政执法公示制度的通知")}


def test_liaising_with_a_named_body_is_cooperation() -> None:
    text = SHAOGUAN_HEAD + "我局主要采取联系市公安局、市教育局等部门的方式开展监督检查。\n"
    assert relations(text, "COOPERATES_WITH") == {("韶关市工业和信息化局", "韶关市公安局"),
                                                  ("韶关市工业和信息化局", "韶关市教育局")}


def test_the_bodies_a_plan_assigns_to_a_task_implement_it() -> None:
    text = ("成都市法治政府建设实施方案(2021-2025年)\n(1)全面推行行政执法公示制度。(牵头单位：市司法局；责任单位：市级各部门)\n"
            "(2)深化“放管服”改革，落实权责清单制度。（责任单位：市市场监管局）\n(3)全面推行“双随机、一公开”。\n")
    done = relations(text, "IMPLEMENTS")
    assert ("成都市司法局", "行政执法公示制度") in done
    assert ("成都市市场监督管理局", "权责清单制度") in done
    assert ("成都市司法局", "权责清单制度") not in done
    assert not {pair for pair in done if pair[1] == "双随机、一公开" and pair[0] != "成都市人民政府"}


def test_passed_after_the_title_by_a_named_body_or_the_issuers_own_draft() -> None:
    text = (NANCHANG_HEAD + "我县拟定了《南昌县机构改革实施方案》，并于2019年1月7日审议通过。"
            "《南昌县重大行政决策程序规定》经县委常委会会议审议通过。"
            "《中华人民共和国民法典》经十三届全国人大三次会议审议通过，我县组织学习。"
            "《南昌县政府工作规则》审议通过后，县政府办公室于3月印发了《南昌县行政执法细则》。\n")
    # a session passing a title names the body that holds it (县委常委会会议 → the county committee, 全国人大…会议 →
    # the NPC, a national body written in short since session 15); 审议通过 with no body named gives no maker
    assert relations(text, "ISSUED") == {(NANCHANG, "南昌县机构改革实施方案"),
                                         ("中共南昌市南昌县委员会", "南昌县重大行政决策程序规定"),
                                         ("全国人民代表大会", "中华人民共和国民法典"),
                                         ("南昌市南昌县人民政府办公室", "南昌县行政执法细则")}


def test_a_made_list_named_before_its_title() -> None:
    text = (SHAOGUAN_HEAD + "已编制重大行政决策事项目录《市工信局重大行政决策目录》，向社会公开。"
            "制定工作方案并组织学习《中华人民共和国行政处罚法》。\n")
    assert relations(text, "ISSUED") == {("韶关市工业和信息化局", "市工信局重大行政决策目录")}


def test_a_body_coming_to_the_issuer_does_the_inspection() -> None:
    text = NANCHANG_HEAD + "2019年，市委依法治市办来我县开展法治督察，我县全面推行“双随机、一公开”。\n"
    done = relations(text, "IMPLEMENTS")
    inspectors = {agency for agency, measure in done if measure == "法治督察"}
    assert inspectors and all(agency.endswith("市委全面依法治市委员会办公室") for agency in inspectors)
    assert (NANCHANG, "双随机、一公开") in done


def test_a_basis_written_after_the_citation_and_a_laws_own_family() -> None:
    text = (SHAOGUAN_HEAD + "《广东省全面推行行政执法“三项制度”实施方案》印发后，我局及时成立推行行政执法“三项制度”工作领导小组。"
            "在转发《广东省法治政府示范创建实施方案》的基础上，部署开展法治政府建设示范创建。"
            "以《广东省行政执法公示办法》为依据，全面推行行政执法公示制度。"
            "依据《中华人民共和国行政复议法》及其实施条例，办理行政复议案件3件。"
            "《中华人民共和国行政处罚法》和“双随机、一公开”制度写入培训。\n")
    assert relations(text, "BASED_ON") == {
        ("行政执法“三项制度”", "广东省全面推行行政执法“三项制度”实施方案"),
        ("法治政府建设示范创建", "广东省法治政府示范创建实施方案"),
        ("行政执法公示制度", "广东省行政执法公示办法"),
        ("行政复议", "中华人民共和国行政复议法")}


def test_with_no_known_issuer_only_a_named_maker_issues() -> None:
    text = ("各市人民政府：\n2020年，按照《河北省依法行政考核办法》，河北省司法厅于3月印发了《2020年度依法行政考核方案》。"
            "我县司法局制定了《行政执法细则》。制定了《考核评分标准》。\n")
    issued = relations(text, "ISSUED")
    assert ("河北省司法厅", "2020年度依法行政考核方案") in issued
    makers = {source for source, title in issued if title == "行政执法细则"}
    assert len(makers) == 1 and makers.pop().endswith("县司法局")
    assert len(issued) == 2  # 制定了《考核评分标准》: nobody named, no issuer to fall back on


def test_the_issuers_own_region_before_a_body_opens_its_clause() -> None:
    text = NANCHANG_HEAD + "2019年，我县司法局组织开展法治督察。我县全面推行“双随机、一公开”。\n"
    done = relations(text, "IMPLEMENTS")
    assert ("南昌市南昌县司法局", "法治督察") in done
    assert ("南昌市南昌县司法局", "双随机、一公开") not in done



def test_a_long_list_of_partners_and_pooled_staff() -> None:
    text = (SHAOGUAN_HEAD + "我局联合市公安局、市市场监管局、市交通运输局、市应急管理局和市文化广电旅游局开展检查。"
            "统筹市司法局、市信访局、人民法庭等人员整合发力。统筹市财政局资金保障。\n")
    partners = {partner for _, partner in relations(text, "COOPERATES_WITH")}
    assert {"韶关市公安局", "韶关市市场监督管理局", "韶关市交通运输局", "韶关市应急管理局", "韶关市文化广电旅游局",
            "韶关市司法局", "韶关市信访局"} <= partners
    assert "韶关市财政局" not in partners



def test_a_basis_cue_reaches_over_the_bodies_that_made_the_citation() -> None:
    text = (SHAOGUAN_HEAD + "根据中共中央办公厅、国务院办公厅印发的《法治政府建设与责任落实督察工作规定》要求，"
            "全面推行行政执法公示制度。按照要求认真学习了有关文件并研究制定《韶关市工信局学法计划》，推行法律顾问制度。\n")
    assert relations(text, "BASED_ON") == {("行政执法公示制度", "法治政府建设与责任落实督察工作规定")}


def test_a_notice_that_hands_a_nested_title_out_issues_it_too() -> None:
    text = (SHAOGUAN_HEAD + "2022年，我局印发《关于印发〈韶关市工信局普法责任清单〉的通知》。"
            "我局制定《关于贯彻〈广东省行政执法公示办法〉的实施意见》。\n")
    issued = relations(text, "ISSUED")
    issuer = "韶关市工业和信息化局"
    assert (issuer, "韶关市工信局普法责任清单") in issued
    assert (issuer, "广东省行政执法公示办法") not in issued
    assert (issuer, "关于贯彻广东省行政执法公示办法的实施意见") in issued


LUSONG_HEAD = "株洲市芦淞区人民政府2021年法治政府建设情况报告\n"


def test_clause_maker_and_cooperation_rules_hold_for_other_regions_and_wordings() -> None:
    """Variants of the rules above whose cases lean on corpus sentences (由市编办…原市法制办, 拟定…审议通过,
    采取联系…, 统筹…等人员): another district and other words, so the rules are the forms, not the texts."""
    done = relations(LUSONG_HEAD + "根据职能调整要求，由区编办提出权责清单调整方案，原区法制办进行合法性审查。\n", "IMPLEMENTS")
    assert ("株洲市芦淞区人民政府法制办公室", "合法性审查") in done
    assert ("株洲市芦淞区人民政府法制办公室", "权责清单制度") not in done
    issued = relations(LUSONG_HEAD + "区司法局起草了《芦淞区行政执法细则》。《芦淞区重大行政决策程序规定》经区委常委会会议审议通过。\n",
                       "ISSUED")
    assert issued == {("中共株洲市芦淞区委员会", "芦淞区重大行政决策程序规定")}
    partners = relations(SHAOGUAN_HEAD + "我局主动联系市税务局、市商务局，对企业开展监督检查。\n", "COOPERATES_WITH")
    assert partners == {("韶关市工业和信息化局", "国家税务总局韶关市税务局"), ("韶关市工业和信息化局", "韶关市商务局")}
    pooled = relations(LUSONG_HEAD + "统筹区司法局、区信访局等力量化解矛盾。统筹区财政局资金保障。\n", "COOPERATES_WITH")
    assert pooled == {("株洲市芦淞区人民政府", "株洲市芦淞区司法局"), ("株洲市芦淞区人民政府", "株洲市芦淞区信访局")}
