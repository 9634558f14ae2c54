"""Answer and comparison tables as files people can hand on: CSV (UTF-8 with BOM, so Excel reads the
Chinese) and a formatted .xlsx (openpyxl): Chinese headers, bold frozen header row, filters, widths
that fit, evidence sentences wrapped, and a first sheet saying what the tables answer."""

from __future__ import annotations

import csv
import io
from typing import Any

# Column headers people read; a column not listed keeps its own name.
HEADERS = {
    "status": "状态", "measure": "措施", "kind": "类型", "law": "法规文件", "category": "类别", "agency": "机构",
    "other": "另一机构", "level": "层级", "region": "地区", "year": "年份", "report_id": "报告编号",
    "report_title": "报告标题", "title": "报告标题", "evidence": "证据句", "start_offset": "起始位置",
    "end_offset": "结束位置", "reports": "报告数", "agencies": "机构数", "measures": "措施数",
    "first_year": "最早年份", "last_year": "最晚年份", "example": "例句",
}
SIDES = {"from_": "前一年·", "to_": "后一年·", "a_": "前者·", "b_": "后者·", "other_": "另一机构·"}
WIDE = ("evidence", "example", "report_title", "title")


def header(column: str) -> str:
    for prefix, label in SIDES.items():
        if column.startswith(prefix):
            rest = column.removeprefix(prefix)
            return label + ("实施机构" if rest == "agencies" else HEADERS.get(rest, rest))
    return HEADERS.get(column, column)


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return " → ".join(str(v) for v in value)
    if isinstance(value, dict):
        return str(value)
    return value


def to_csv(columns: list[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([header(c) for c in columns])
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: dict[str, tuple[list[str], list[list[Any]]]], about: list[str]) -> bytes:
    """One sheet per table (name → (columns, rows)) after a 说明 sheet with the `about` lines."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    info = book.active
    info.title = "说明"
    for line in about:
        info.append([line])
    info.column_dimensions["A"].width = 100
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for name, (columns, rows) in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.append([header(c) for c in columns])
        for row in rows:
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
        sheet.freeze_panes = "A2"
        if rows:
            sheet.auto_filter.ref = sheet.dimensions
        for i, column in enumerate(columns, start=1):
            wide = column.endswith(WIDE)
            sheet.column_dimensions[get_column_letter(i)].width = 60 if wide else max(10, len(header(column)) * 2 + 2)
            if wide:
                for cell in sheet[get_column_letter(i)][1:]:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
