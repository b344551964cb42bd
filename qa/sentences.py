"""Sentence splitting that returns character spans, so quotes are exact substrings.

Ingest uses it to pack whole sentences into chunks; answering uses it to pick the exact
sentence to quote. A rule-based splitter (no model download, deterministic, fast):
a sentence ends at . ! ? (optionally followed by closing quotes or brackets) followed by
whitespace and an upper-case letter, digit or opening quote, unless the word before the
dot is a known abbreviation, a single initial or capital initials run together ("J.D.
Vance"); a line break always ends a sentence.
"""

from __future__ import annotations

import re

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep",
    "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "insp",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "e.u", "d.c", "no", "vs", "etc", "inc", "ltd", "co", "corp",
    "e.g", "i.e", "approx", "est", "dept", "univ", "ave", "blvd", "fig", "vol", "al",
}
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Capital initials joined by dots ("J.D", "A.J"): a name's first part, not a sentence's end.
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        lstart, ltext = line.start(), line.group()
        cut = 0
        for m in _END.finditer(ltext):
            if m.group().startswith(".") and is_abbreviation(ltext[cut : m.start()]):
                continue
            spans.append((lstart + cut, lstart + m.end()))
            cut = m.end()
        spans.append((lstart + cut, lstart + len(ltext)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if len(word) == 1 and word.isalpha():  # an initial: "John F. Kennedy"
        return True
    if _INITIALS.fullmatch(m.group(1).rstrip(".")):  # initials run together: "J.D. Vance"
        return True
    return word in _ABBREV
