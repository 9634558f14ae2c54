"""The extractor's answers the pages show, cached; fazhi/extractor.py computes them, so no page
imports loaders/ or extraction/."""

from __future__ import annotations

from typing import Any

import streamlit as st

from fazhi import extractor


@st.cache_data(show_spinner=False, max_entries=256)
def preview(path_str: str, digest: str) -> dict[str, Any]:
    """An upload's preview row (title, issuer, counts, or an error), cached on its content digest."""
    return extractor.preview_file(path_str)


@st.cache_data(show_spinner="重新抽取实体…", max_entries=64)
def mention_spans(report_id: str, _text: str) -> tuple[list[dict], bool]:
    """A stored report's entity mentions, cached per report id (the hash of its text)."""
    return extractor.mention_spans(report_id, _text)


@st.cache_data(show_spinner=False)
def measure_surface_forms() -> dict[str, list[str]]:
    """Canonical measure name -> the ways reports write it, from the measure dictionary."""
    return extractor.measure_surface_forms()


@st.cache_data(show_spinner=False)
def dictionary_aliases() -> dict[str, dict[str, str]]:
    """Label -> {alias: canonical name} of the measure and law dictionaries (no extractor is loaded)."""
    return extractor.catalogue_aliases()
