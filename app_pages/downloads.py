"""CSV and formatted .xlsx downloads of answer and comparison tables (queries/tables.py writes the bytes)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from fazhi.queries.tables import to_csv, to_xlsx


def download_buttons(key: str, sheets: dict[str, tuple[list[str], list[list[Any]]]], about: list[str],
                     filename: str) -> None:
    """Two buttons side by side: the first table as CSV, every table as one .xlsx with a 说明 sheet.

    The bytes are made when a button is clicked, not on every render: a formatted .xlsx of a comparison
    took ~0.3 s of the 机构 page's first render at 50,000 reports, for a file few ask for."""
    if not sheets:
        return
    left, right = st.columns(2)
    columns, rows = next(iter(sheets.values()))
    left.download_button("下载 CSV", lambda: to_csv(columns, rows), f"{filename}.csv", "text/csv", key=f"{key}-csv")
    right.download_button("下载 Excel (.xlsx)", lambda: to_xlsx(sheets, about), f"{filename}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}-xlsx")
