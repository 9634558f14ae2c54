"""Further real report openings: tests/gold/realextra (40, tune material), tests/gold/realextra2 (40,
measured once unseen — 0.65 issuer — then tune material), tests/gold/realextra3 (40, unseen until the
2026-12-06 afternoon, 0.78 issuer; tune material since), tests/gold/realextra4 (40, unseen until
session 6 — first measured at 0.85 issuer — then tune material: agencies 0.886 -> 0.969, measures
0.920 -> 0.969, issuer 0.95 -> 1.00), tests/gold/realextra5 (33, unseen until session 7 — first
measured at 0.82 issuer, 0.88 region, agencies 0.927 — then tune material: issuer 0.82 -> 1.00, region
0.88 -> 0.97, agencies 0.927 -> 0.954; its issuer and agency floors were raised then),
tests/gold/realextra6 (32, unseen until session 7's measurement — 0.66 issuer, 0.75 region, agencies
0.821 on main 2026-12-07 02:15 (0.809 agencies at its first measurement, after four gold fixes) — then
tune material: issuer 0.66 -> 0.84, region 0.75 -> 0.84, agencies 0.821 -> 0.858, by general rules tested
on variants in test_extraction_rules.py),
tests/gold/realextra7 (53, metadata gold only, tune material from the start: weighted to untitled openings,
implicit years, 街道/乡镇/开发区, short department names, notices and news pages; first measured on
2026-12-07 at 0.79 issuer, 0.89 year, 0.75 doc_type, then tuned to 0.96 year, 1.00 doc_type, and in the
issuer pass of 2026-12-07 02:15-03:05 issuer 0.81 -> 0.94, region 0.89 -> 0.96; no entity gold, so it is
not in ENTITY_FLOORS), tests/gold/realextra8 (28, unseen: no rule looks at it; first measured on
2026-12-07 at 0.71 issuer, 0.82 region, agencies 0.872, measures 0.908 after ten gold fixes, before the
realextra6/7 issuer pass; its floors sit about 0.03 under that measurement) and tests/gold/realextra9 (30,
unseen: no rule looks at it; 24 provinces, ministry to township, 14 without the issuer in a title; first
measured on 2026-12-07 with main at 7dfbb3f at 0.80 issuer, 0.90 region, 0.93 year, 0.93 doc_type, laws 0.994,
agencies 0.749, measures 0.917, regions 0.951 after four gold fixes; floors about 0.03 under that) and
tests/gold/realextra10 (21, unseen: no rule looks at it; weighted to 开发区/新区/综保区, 街道, 乡镇 and county
departments (公安, 应急, 交通, 自然资源), mostly 2025 with 2019/2021/2023; 10 without the issuer in a title; first
measured on 2026-12-07 with main at 610a24b at 0.76 issuer, 0.95 region, 1.00 year, 1.00 doc_type, laws 0.981,
agencies 0.865, measures 0.908, regions 0.952 after three gold fixes; floors about 0.03 under that). Session 8's issuer pass, with
realextra8 as tune material, raised issuer/region to realextra6 .91/.94, realextra7 .96/.98, realextra8
.96/1.00 (doc_type 1.00) by general rules tested on variants; those floors now sit about 0.02 under.
Session 9's issuer pass tuned on realextra9/10 (tune material since): issuer/region/year/doc_type realextra9
.80/.90/.93/.93 -> .97/1.00/.97/1.00, realextra10 .76/.95/1.00/1.00 -> .95/1.00/1.00/1.00 (three of those
points are gold fixes for consistency with the earlier sets, see their READMEs); floors about 0.02 under.
tests/gold/realextra11 (26, unseen: no rule looks at it; 河北/山西/内蒙古/辽宁/甘肃/云南/广西/湖南/安徽/福建, ten
untitled) measured at its first run on a33df48 and again at the end of session 9 on 2f86be1's merge (both tuning
passes of session 9 merged): issuer .88, region .92, year .96, doc_type .96 both times; agencies .906 -> .928,
measures .922, laws .993, regions .950; floors 0.03-0.04 under. Session 10's issuer pass made it tune material:
issuer/region/doc_type .88/.92/.96 -> 1.00/1.00/1.00 (realextra6 .91/.94 -> .97/.97, realextra9 issuer .97 -> 1.00)
by general rules tested on variants; those floors now sit about 0.02 under.
tests/gold/realextra12 (24, unseen: no rule looks at it; 北京/上海/吉林/江西/海南/四川/重庆/内蒙古/贵州/新疆 and others,
seven 镇/街道, 2016-2018 and 2024-2025, thirteen untitled, one with no issuer or region written) measured in session 10
on main at dc61c2b after its gold was committed (first 20 texts; six gold fixes by ANNOTATION.md; then 4 more texts
measured once): issuer .92, region .96, year 1.00, doc_type 1.00; laws .967, agencies .930, measures .892, regions
.955 (see its README); floors about 0.03 under. Session 11 made it tune material (two unseen measurements, identical).
tests/gold/realextra13 (25, unseen: no rule looks at it; 18 provinces (黑龙江/吉林/上海/陕西/甘肃/河南/湖北/湖南/云南/
山东/福建 and others), province to 镇/街道, 2015-2025, twelve without the issuer in a title line, one with no issuer
or region written, one 通知) measured in session 11 on main at 03ea699 after its gold was committed (one gold fix by
ANNOTATION.md): issuer .84, region .92, year .96, doc_type 1.00; laws .991, agencies .893, measures .869, regions
.966 (see its README); floors about 0.03 under. Measured again at the start of session 12 on 4be2b54 (no
extraction change since): the same figures; session 12 made it tune material. Session 12's issuer pass took it to
issuer/region/year/doc_type 1.00 by general rules tested on invented variants (tests/test_issuer_layouts.py);
those floors now sit 0.02 under.

tests/gold/realextra14 (26, unseen: no rule looks at it; 17 provinces (重庆/广东/江西/广西/湖南/浙江/福建/青海/山西/
陕西/山东/西藏/贵州/新疆/河南/云南/湖北), province to 乡/镇/街道, 2019-2025, departments beyond the government offices
(统计局, 消防救援, 审计局, 应急管理局 …), thirteen without the issuer in a title line) measured first in session 12 on
main at d981c80 (before any session-12 extraction merge): issuer .96, region 1.00, year 1.00, doc_type 1.00; laws
.945, agencies .872, measures .832, regions .943; and again after every session-12 extraction merge (0c31127):
metadata the same, laws .945, agencies .882, measures .841, regions .943; the same figures again at the start of
session 13 (c8a1b83), so it is tune material since.

tests/gold/realextra15 (22, unseen until session 14, tune since; 16 provinces, province departments to 镇/乡/街道, 2017-2025,
交通/文旅/林草/人社/民政/住建/商务/水利 bodies, twelve without a title line, two that never name their issuer)
measured first in session 13 on main at 322dc06 (before any session-13 extraction merge): issuer .82, region .91,
year 1.00, doc_type 1.00; laws .985, agencies .823, measures .872, regions .925; and again after every session-13
extraction merge (metadata the same, laws .985, agencies .827, measures .891, regions .925); floors about 0.03 under.

tests/gold/realextra16 (19, unseen until session 15, tune since; 12 provinces (西藏/新疆/北京/上海/陕西/山西/湖南/广东 and others)
and one the text leaves open, province departments to 乡/镇/街道, 2017-2025, 统计/审计/退役军人/应急/生态环境/卫健/医保/
公安/教育 bodies, five without the issuer in a title line, one titled by a town's party committee alone) measured
first in session 14 on main at e9243c3 (before any session-14 extraction merge): issuer .84, region .89, year .95,
doc_type 1.00; laws .984, agencies .855, measures .860, regions .964; floors about 0.03 under; again after every
session-14 merge (agencies .868, the rest the same) and at the start of session 15 (692b0ce, the same figures), so it
is tune material since.

tests/gold/realextra17 (16, unseen: no rule looks at it; weighted to notices and plans (7 通知, 3 实施方案/实施细则, 5
年度报告, 1 其他), 2005-2025, provinces to a 街道, two zone committees, four texts that never write their issuer)
measured first in session 15 on main at 33ad396 (extraction as at 692b0ce): issuer .75, region .88, year .75,
doc_type .75; laws 1.000, agencies .843, measures .875, regions 1.000; floors about 0.03 under.

GOLD.tsv gives each text's issuer, region, year and doc_type; entities/ gives full entity gold
(laws, agencies, measures, regions, written by reading on 2026-12-06/07; see each entities/README.md).
tools/eval_metadata_tsv.py and `fazhi eval <set>/entities <set>` print the figures with the misses.
FLOORS are a little under the levels measured on 2026-12-06 (realextra6/8/9/10: 2026-12-07): a change that
loses facts on real pages fails here.
"""

import csv
from pathlib import Path

import pytest

from fazhi.evaluate import evaluate, evaluate_metadata_tsv, load_gold, match_key
from fazhi.ingest import extract_file

GOLD = Path(__file__).parent / "gold"
FLOORS = {
    "realextra": {"agency": 0.92, "region": 0.97, "year": 0.95, "doc_type": 0.97},
    "realextra2": {"agency": 0.95, "region": 0.95, "year": 0.90, "doc_type": 0.95},
    "realextra3": {"agency": 0.95, "region": 0.92, "year": 0.95, "doc_type": 0.95},
    "realextra4": {"agency": 0.97, "region": 0.97, "year": 0.95, "doc_type": 0.97},
    "realextra5": {"agency": 0.95, "region": 0.94, "year": 0.95, "doc_type": 0.95},
    "realextra6": {"agency": 0.95, "region": 0.95, "year": 0.81, "doc_type": 0.91},
    "realextra7": {"agency": 0.94, "region": 0.96, "year": 0.93, "doc_type": 0.97},
    "realextra8": {"agency": 0.94, "region": 0.98, "year": 0.97, "doc_type": 0.98},
    "realextra9": {"agency": 0.98, "region": 0.98, "year": 0.95, "doc_type": 0.98},
    "realextra10": {"agency": 0.93, "region": 0.98, "year": 0.98, "doc_type": 0.98},
    "realextra11": {"agency": 0.98, "region": 0.98, "year": 0.92, "doc_type": 0.98},  # tune since session 10
    "realextra12": {"agency": 0.89, "region": 0.93, "year": 0.97, "doc_type": 0.97},  # tune since session 11
    "realextra13": {"agency": 0.98, "region": 0.98, "year": 0.98, "doc_type": 0.98},  # tune since session 12
    "realextra14": {"agency": 0.97, "region": 0.97, "year": 0.97, "doc_type": 0.97},  # tune since session 13
    "realextra15": {"agency": 0.93, "region": 0.93, "year": 0.97, "doc_type": 0.97},  # tune since s14; s15-issuer16 .95/.95 -> 1.00/1.00
    "realextra16": {"agency": 0.94, "region": 0.94, "year": 0.92, "doc_type": 0.97},  # tune since s15; s15-issuer16 .84/.89 -> 1.00/1.00
    "realextra17": {"agency": 0.72, "region": 0.85, "year": 0.72, "doc_type": 0.72},  # unseen; about 0.03 under
}
NO_FLOORS_YET: tuple[str, ...] = ()  # a new unseen set waits here until the lead has measured it once


@pytest.mark.parametrize("folder", sorted(FLOORS) + list(NO_FLOORS_YET))
def test_every_text_has_its_gold_row(folder: str) -> None:
    with (GOLD / folder / "GOLD.tsv").open(encoding="utf-8") as fh:
        files = {row["file"] for row in csv.DictReader(fh, delimiter="\t")}
    assert files == {p.name for p in (GOLD / folder).glob("*.txt")}


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_no_figure_falls_below_its_floor(folder: str) -> None:
    floors = FLOORS[folder]
    result = evaluate_metadata_tsv(GOLD / folder, extract_file)
    accuracy = {name: result.accuracy(name) for name in floors}
    print(f"== {folder} metadata accuracy: {accuracy}\nmisses: {result.misses}")
    below = {name: round(value, 3) for name, value in accuracy.items() if value < floors[name]}
    assert not below, f"below the floor: {below}"


ENTITY_FLOORS = {  # F1 per type on entities/ (realextra3's first measurement: 0.985 / 0.768 / 0.842 / 0.950)
    "realextra": {"laws": 0.97, "agencies": 0.92, "measures": 0.94, "regions": 0.94},
    "realextra2": {"laws": 0.97, "agencies": 0.94, "measures": 0.95, "regions": 0.96},
    "realextra3": {"laws": 0.97, "agencies": 0.93, "measures": 0.95, "regions": 0.95},
    "realextra4": {"laws": 0.98, "agencies": 0.96, "measures": 0.96, "regions": 0.95},
    "realextra5": {"laws": 0.97, "agencies": 0.95, "measures": 0.88, "regions": 0.93},
    "realextra6": {"laws": 0.97, "agencies": 0.94, "measures": 0.93, "regions": 0.95},
    "realextra8": {"laws": 0.97, "agencies": 0.93, "measures": 0.88, "regions": 0.93},  # s14-agencies .942 -> .951
    # realextra9/10: tune material since session 9 (s9-agencies: 0.920/0.970 and 0.955/0.925); about 0.02 under
    "realextra9": {"laws": 0.97, "agencies": 0.90, "measures": 0.95, "regions": 0.93},
    "realextra10": {"laws": 0.96, "agencies": 0.93, "measures": 0.90, "regions": 0.93},
    # realextra11: unseen (no rule looks at it); measured at the end of session 9: 0.993/0.928/0.922/0.950
    "realextra11": {"laws": 0.96, "agencies": 0.96, "measures": 0.95, "regions": 0.92},
    # realextra12: tune material since session 11; unseen when measured in session 10 (24 texts, after gold fixes): 0.967/0.930/0.892/0.955
    "realextra12": {"laws": 0.93, "agencies": 0.94, "measures": 0.92, "regions": 0.92},
    # realextra13: tune material since session 12; unseen when measured in session 11 on 03ea699 and again on 4be2b54: 0.991/0.893/0.869/0.966
    # measures floors raised in session 12 (s12-measures), about 0.02 under: realextra6 .951, 11 .971, 12 .943, 13 .935
    # session 12 (s12-agencies) agencies: realextra2 .947 -> .949, realextra3 .939 -> .944, realextra4 .979 -> .986,
    # realextra5 .967 -> .974, realextra6 .923 -> .926, realextra8 .928 -> .934, realextra11 .973 -> .982,
    # realextra12 .953 -> .962, realextra13 .893 -> .965 (four of them partly by gold fixes); those floors about 0.02 under
    # session 12 (s12-context, the report's region read from its own words) agencies: realextra .942 -> .947,
    # realextra2 .949 -> .960, realextra3 .944 -> .949, realextra6 .926 -> .965, realextra8 .934 -> .939; floors ~0.02 under
    "realextra13": {"laws": 0.96, "agencies": 0.94, "measures": 0.91, "regions": 0.93},
    # realextra14: unseen (no rule looks at it); measured in session 12 on d981c80 (0.945/0.872/0.832/0.943) and on 0c31127 (0.945/0.882/0.841/0.943)
    # session 13 (realextra14 now tune material): s13-agencies agencies .882 -> .964 (three of its 125 gold by gold fixes),
    # s13-measures measures .841 -> .952; floors about 0.02-0.03 under
    # s14-measures: realextra14 measures .958 -> .973, realextra15 .891 -> .938 (tune since session 14); floors about 0.02-0.03 under
    "realextra14": {"laws": 0.91, "agencies": 0.94, "measures": 0.95, "regions": 0.91},
    # realextra15: unseen (no rule looks at it); session 13 on 322dc06 (0.985/0.823/0.872/0.925), after its merges 0.985/0.827/0.891/0.925
    # session 14 (s14-agencies, realextra15 now tune material): agencies .827 -> .898 on the gold as first written,
    # .913 after two convention gold fixes (README "Gold fixes"); floor about 0.02 under
    "realextra15": {"laws": 0.95, "agencies": 0.89, "measures": 0.91, "regions": 0.89},
    # realextra16: unseen until session 15; first run, session 14 on e9243c3: 0.984/0.855/0.860/0.964
    # s15-measures16 (realextra16 now tune material): measures .860 -> .979 (.945 by rules on the gold as first written,
    # three gold fixes: its README "Gold fixes"); s15-agencies16: agencies .868 -> .982 (three gold fixes, entities/
    # notes); floors about 0.03 under
    "realextra16": {"laws": 0.95, "agencies": 0.95, "measures": 0.95, "regions": 0.93},
    # realextra17: unseen (no rule looks at it); first run, session 15 on 33ad396: 1.000/0.843/0.875/1.000
    "realextra17": {"laws": 0.97, "agencies": 0.81, "measures": 0.84, "regions": 0.97},
}


@pytest.mark.parametrize("folder", sorted(ENTITY_FLOORS) + list(NO_FLOORS_YET))
def test_every_text_has_its_entity_gold(folder: str) -> None:
    sources = {gold["source"] for gold in load_gold(GOLD / folder / "entities")}
    assert sources == {p.name for p in (GOLD / folder).glob("*.txt")}


@pytest.mark.parametrize("folder", sorted(ENTITY_FLOORS) + list(NO_FLOORS_YET))
def test_entity_gold_surfaces_occur_in_the_texts(folder: str) -> None:
    for gold in load_gold(GOLD / folder / "entities"):
        squashed = match_key((GOLD / folder / gold["source"]).read_text(encoding="utf-8"))
        for kind in ("laws", "agencies", "measures", "regions"):
            for entity in gold[kind]:
                for surface in entity[1:]:
                    assert match_key(surface) in squashed, (folder, gold["source"], kind, surface)


@pytest.mark.parametrize("folder", sorted(ENTITY_FLOORS))
def test_no_entity_figure_falls_below_its_floor(folder: str) -> None:
    result = evaluate(GOLD / folder / "entities", GOLD / folder, extract_file)
    f1 = {kind: result.scores[kind].f1 for kind in ENTITY_FLOORS[folder]}
    print(f"== {folder} entity F1: {f1}")
    below = {kind: round(value, 3) for kind, value in f1.items() if value < ENTITY_FLOORS[folder][kind]}
    assert not below, f"below the floor: {below}"


def test_a_cppcc_committee_matches_however_many_parents_it_spells() -> None:
    from fazhi.evaluate import qualified_key

    assert qualified_key("中国人民政治协商会议固原市泾源县委员会") == qualified_key("中国人民政治协商会议泾源县委员会")
    assert qualified_key("中国人民政治协商会议泾源县委员会") != qualified_key("中共泾源县委员会")
