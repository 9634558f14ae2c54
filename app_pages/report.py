"""报告: a reader — the original text with entities highlighted by type, and the facts beside it.

The stored graph keeps one evidence sentence per fact, not every mention, so the
highlights are where the text writes the entities the report's facts name
(app_pages/highlights.py: no extractor to load, which made this the slowest first
page at 50,000 reports); a toggle re-runs the (deterministic) extractor on the stored
text for its own mentions, short forms included, cached per report id (the content hash).
Every fact in the side panel links back here with the sentence's offsets in
st.query_params, and the reader scrolls to and highlights that sentence.
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

from fazhi.app_pages import frames
from fazhi.app_pages.display import LABEL_COLOURS, LABEL_NAMES, report_name
from fazhi.app_pages.extracted import dictionary_aliases, mention_spans
from fazhi.app_pages.filters import filtered_frame
from fazhi.app_pages.frames import library_frame
from fazhi.app_pages.highlights import fact_spans, linked_entities, surface_forms

RELATION_NAMES = {
    "ISSUED": "发布", "CITES": "引用", "MENTIONS": "提及", "IMPLEMENTS": "实施", "COOPERATES_WITH": "合作",
    "BASED_ON": "依据", "ISSUED_BY": "制定机关", "REFERENCES": "包含", "LOCATED_IN": "位于", "PART_OF": "隶属",
}
FACTS_SHOWN = 80
UNKNOWN_ISSUER = "发文机关未识别"


def non_overlapping(spans: list[dict]) -> list[dict]:
    """Keep the longest span where mentions overlap (a region inside an agency name, say)."""
    chosen: list[dict] = []
    taken_until = -1
    for span in sorted(spans, key=lambda s: (s["start"], -(s["end"] - s["start"]))):
        if span["start"] >= taken_until:
            chosen.append(span)
            taken_until = span["end"]
    return chosen


def reader_html(text: str, spans: list[dict], target: tuple[int, int] | None) -> str:
    """The text as HTML: mentions coloured by label, the target sentence boxed and scrolled to."""
    cut_set = {0, len(text)}
    for span in spans:
        cut_set.update((span["start"], span["end"]))
    if target:
        cut_set.update(target)
    cuts = sorted(c for c in cut_set if 0 <= c <= len(text))
    by_start = {s["start"]: s for s in spans}
    parts, open_span = [], None
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a in by_start:
            open_span = by_start[a]
        if target and a == target[0]:
            parts.append('<a id="target"></a>')
        piece = html.escape(text[a:b])
        if open_span and open_span["start"] <= a < open_span["end"]:
            colour = LABEL_COLOURS[open_span["label"]]
            title = html.escape(f"{LABEL_NAMES[open_span['label']]}: {open_span['name']}")
            piece = f'<mark style="background:{colour}33;border-bottom:2px solid {colour}" title="{title}">{piece}</mark>'
        if target and target[0] <= a < target[1]:
            piece = f'<span class="target">{piece}</span>'
        parts.append(piece)
    body = "".join(parts)
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", sans-serif; line-height: 1.9; font-size: 16px;
       white-space: pre-wrap; margin: 0.5rem 1rem; color: #222; }}
mark {{ padding: 0 1px; border-radius: 2px; }}
.target {{ background: #ffe58a; outline: 2px solid #f0a500; }}
</style></head><body>{body}<script>
const t = document.getElementById("target"); if (t) {{ t.scrollIntoView({{block: "center"}}); }}
</script></body></html>"""


def report_page() -> pd.DataFrame:
    """The page of filtered reports to choose from, in (year, id) order; the total comes from the
    overview's counts (the aggregates when no filter is set), so no list is capped silently."""
    size = frames.LIST_PAGE
    total = int(filtered_frame("filtered_counts").iloc[0]["reports"] or 0)
    page = 1
    if total > size:
        pages = -(-total // size)
        page = int(st.number_input(f"页（共 {pages} 页，{total:,} 篇报告，按年份排序）", 1, pages, 1,
                                   key="report-page"))
    return filtered_frame("filtered_reports", skip=(page - 1) * size, limit=size)


def pick_report() -> str | None:
    reports = report_page()
    wanted = st.query_params.get("rid")
    options = reports["report_id"].tolist()
    if wanted and wanted not in options:
        options = [wanted, *options]  # a link from elsewhere wins over the filters
    if not options:
        st.info("当前筛选条件下没有报告。")
        return None
    marks = reports["agency"].isna().map({True: f"【{UNKNOWN_ISSUER}】", False: ""})
    titles = dict(zip(reports["report_id"],
                      marks + reports["title"].fillna("") + " · " + reports["source"].fillna(""), strict=True))
    choice = st.selectbox("报告", options, index=options.index(wanted) if wanted in options else 0,
                          format_func=lambda rid: titles.get(rid) or rid, key=f"report-pick-{wanted}")
    if choice != wanted:
        st.query_params.clear()
        st.query_params["rid"] = choice
    return choice


def target_span() -> tuple[int, int] | None:
    try:
        return int(st.query_params["s"]), int(st.query_params["e"])
    except (KeyError, ValueError):
        return None


def facts_panel(report_id: str, facts: pd.DataFrame, report_label: str) -> None:
    """The extracted facts, grouped by relation; each one links to its sentence in the reader.

    The report itself appears under report_label (its title), not under its id.
    """
    st.subheader("抽取的事实")
    if facts.empty:
        st.caption("图中没有这份报告的事实。")
        return
    for rel_type, group in facts.groupby("type", sort=False):
        with st.expander(f"{RELATION_NAMES.get(rel_type, rel_type)} · {rel_type} ({len(group)})",
                         expanded=rel_type in ("IMPLEMENTS", "CITES")):
            for i, fact in enumerate(group.head(FACTS_SHOWN).itertuples()):
                source = report_label if fact.source_label == "Report" else fact.source
                target = report_label if fact.target_label == "Report" else fact.target
                label = f"{source} → {target}"
                if fact.year and not pd.isna(fact.year):
                    label += f" ({int(fact.year)})"
                st.page_link("app_pages/report.py", label=label[:80],
                             query_params={"rid": report_id, "s": str(fact.start_offset),
                                           "e": str(fact.end_offset), "f": f"{rel_type}-{i}"})


st.header("报告")
report_id = pick_report()
if report_id is None:
    st.stop()
rows = library_frame("report_text", report_id=report_id)
if rows.empty:
    st.error(f"没有 id 为 {report_id} 的报告。")
    st.stop()
meta = rows.iloc[0]
text = meta["text"] or ""
facts = library_frame("report_facts", report_id=report_id)
if st.toggle("高亮由抽取器重新标注（含简称；首次较慢）", key="reextract"):
    spans, same = mention_spans(report_id, text)
    if not same:
        st.warning("重新抽取的结果与入库时不同（抽取规则已更新）；高亮可能与图中的事实略有出入。")
else:
    ends = facts[["source_label", "source", "target_label", "target"]].itertuples(index=False) if not facts.empty else []
    spans = fact_spans(text, surface_forms(linked_entities(ends), dictionary_aliases()))
target = target_span()
if target and not (0 <= target[0] < target[1] <= len(text)):
    st.warning("链接中的句子位置超出了原文范围。")
    target = None

if pd.isna(meta["agency"]) or not meta["agency"]:
    st.warning(f"{UNKNOWN_ISSUER}：正文没有写明发文机关（标题、发文机关行、落款、自述均未找到），"
               "这份报告的措施因此没有实施机关。")
st.caption(" · ".join(str(x) for x in (meta["agency"], meta["region"], meta["year"], meta["doc_type"],
                                      meta["doc_number"], meta["date"], meta["source"]) if x and not pd.isna(x)))
st.markdown(" ".join(f'<span style="background:{c}33;border-bottom:2px solid {c};padding:0 4px">{LABEL_NAMES[k]}</span>'
                     for k, c in LABEL_COLOURS.items() if k != "Report"), unsafe_allow_html=True)
main, side = st.columns([3, 2])
with main:
    if target:
        st.markdown(f"**定位句**: {html.escape(text[target[0]:target[1]])}")
    components.html(reader_html(text, non_overlapping(spans), target), height=640, scrolling=True)
with side:
    facts_panel(report_id, facts, report_name(meta["title"], meta["agency"], meta["year"]) or report_id)
