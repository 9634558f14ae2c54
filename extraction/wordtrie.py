"""Regexes over large word lists (stems, aliases, place names) shaped as tries.

A flat alternation `a|b|c…` of hundreds of words makes sre try every word at every
position of the text; a trie makes it walk one branch per character. Both try the
words that match at a position longest first (a shorter word is a prefix of a longer
one on the same trie path, and the optional tail is greedy), so swapping one for the
other does not change which match wins, backtracking included.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of `words`, the longest one first at each position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) > 1 and all(len(b) == 1 for b in branches):
        body = "[" + "".join(branches) + "]"  # leaves that are single characters: one class test
    elif len(branches) == 1:
        body = branches[0]
    else:
        body = "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    # children first (longer words win), then the word ending here
    return body + "?" if len(body) == 1 else f"(?:{body})?"


def guarded_trie_regex(words: Iterable[str], width: int = 1) -> str:
    """`trie_regex` behind a lookahead on the possible first (`width`=2: first two) characters.

    sre tests a large character class in one step (a bitmap), while the trie's first
    level is a list of single-character branches tried one by one: with the guard the
    regex leaves most positions of a text after one or two tests. Useful where the words
    are not at the start of the pattern (after an optional prefix), so that sre's own
    first-character skip does not apply, and for big tries whose first characters are
    common. The guard only rejects positions where no word can start, so matches are
    unchanged. A word shorter than `width` is a branch of the guard written out whole (it
    used to make the guard fall back to one character: the agency stems' one-character
    stem let the trie walk at a fifth of all positions).
    """
    words = [w for w in words if w]
    longer = [w for w in words if len(w) >= width]
    guard = "".join(f"[{chars_at(longer, i)}]" for i in range(width)) if longer else "(?!)"
    shorter = sorted({w for w in words if len(w) < width})
    if shorter:
        guard = "|".join([guard, *(re.escape(w) for w in shorter)])
    return f"(?={guard}){trie_regex(words)}"


def chars_at(words: Iterable[str], index: int) -> str:
    """The characters the words have at `index`, escaped for a character class."""
    return "".join(sorted({re.escape(w[index]) for w in words if len(w) > index}))
