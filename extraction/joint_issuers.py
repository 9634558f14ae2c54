"""The bodies named by a cited document's issuer string, one agency each.

A title's issuer is often several bodies (中共中央、国务院; 中共中央办公厅国务院办公厅 written without a
separator; 中办国办 as abbreviations), and the text before 关于 is not always an issuer at all
(工业和信息化部贯彻落实国务院办公厅关于… is 工业和信息化部 implementing 国务院办公厅's notice;
国家发展和改革委员会等 is one body and "others"). Both the law step (when it reads an issuer off a
title) and the RDF export (before it turns an issuer into agents) split through here, so an
issuer string never becomes an agent that is a fragment or two bodies at once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from fazhi.extraction.dictionaries import load_agency_abbreviations

# What a body's name ends with (longest first is not needed: any match will do).
ORGAN_ENDINGS = ("部", "委", "厅", "局", "办", "署", "院", "会", "政府", "办公室", "中央", "总局", "中心",
                 "小组", "法院", "检察院")
# Where a second body starts when two are written without a separator.
_BODY_STARTS = ("中共", "中国共产党", "中央", "国务院", "国家", "全国", "最高人民", "中办", "国办")
# Words that end an issuer: what follows is the action or the document, not another body.
_ACTION_RE = re.compile(r"(?:贯彻落实|贯彻|落实|转发|印发|联合|关于)")
_SEPARATORS_RE = re.compile(r"[、，,\s]+")
_PROVINCE_OR_CITY_RE = re.compile(r"^.{1,8}?(?:省|自治区|市|州|盟|县|区|旗)")


@lru_cache(maxsize=1)
def _national_abbreviations() -> dict[str, str]:
    """中办 -> 中共中央办公厅, 国办 -> 国务院办公厅: short forms whose full name has no region."""
    return {short: full for short, full in load_agency_abbreviations().items()
            if full.startswith(("中共中央", "国务院", "中央"))}


def split_issuers(issuer: str | None) -> tuple[str, ...]:
    """Each body an issuer string names, in order; () when the string names no body.

    A piece cut short by an action word keeps what comes before it when that is a body
    (工业和信息化部贯彻落实… -> 工业和信息化部); a trailing 等 ("and others") is dropped.
    """
    if not issuer:
        return ()
    action = _ACTION_RE.search(issuer)
    text = issuer[:action.start()] if action else issuer
    bodies: list[str] = []
    for piece in _SEPARATORS_RE.split(text.strip()):
        piece = piece.removesuffix("等")
        for body in _unjoined(piece):
            full = _national_abbreviations().get(body, body)
            if not _is_body(full):
                return ()
            if full not in bodies:
                bodies.append(full)
    return tuple(bodies)


def join_issuers(issuer: str | None) -> str | None:
    """The canonical issuer string (bodies joined with '、', as data/laws.tsv writes them), or None."""
    return "、".join(split_issuers(issuer)) or None


def _is_body(name: str) -> bool:
    return len(name) >= 2 and name.endswith(ORGAN_ENDINGS) and "等" not in name


def _unjoined(piece: str) -> list[str]:
    """Split bodies written back to back: at a point where the left part ends like a body and
    the right part starts like one (a national organ, or the same region again)."""
    region = _PROVINCE_OR_CITY_RE.match(piece)
    starts = (*_BODY_STARTS, region.group(0)) if region else _BODY_STARTS
    for cut in range(2, len(piece) - 1):
        left, right = piece[:cut], piece[cut:]
        if left.endswith(ORGAN_ENDINGS) and right.startswith(starts) and _is_body(right):
            return [left, *_unjoined(right)]
    return [piece] if piece else []
