"""Turn scraped article text into clean prose: normalised whitespace, no page furniture.

Furniture is matched line by line and only on short lines, so a sentence that merely
mentions "advertisement" or "source" is never dropped. The list is the furniture seen in
real scraped news (ad slots, share bars, newsletter pitches, "Source: ..." credits).
"""

from __future__ import annotations

import re
import unicodedata

_FURNITURE = [
    r"advertisement", r"advertising", r"ad", r"sponsored( content)?", r"story continues( below)?",
    r"source:?\s.*", r"sources?:\s*news agencies", r"share( this( article| story)?)?",
    r"share on (facebook|twitter|x|linkedin|whatsapp|email)", r"(facebook|twitter|x|linkedin|whatsapp|email|print|copy link)",
    r"tweet", r"click here.*", r"read more:?.*", r"related:?.*", r"recommended( stories)?",
    r"sign up( for)?.*newsletter.*", r"subscribe( now| today)?.*", r"follow us.*",
    r"(©|copyright|\(c\)).*", r"all rights reserved\.?", r"skip to (main )?content",
    r"listen to (this )?article.*", r"\d+ min(ute)?s? read", r"getty images", r"(image|photo|video) credit.*",
    r"watch:?", r"list of \d+ items", r"end of list",
]
_FURNITURE_RE = re.compile(r"^\s*(?:" + "|".join(_FURNITURE) + r")\s*$", re.IGNORECASE)
_MAX_FURNITURE_LEN = 80


def is_furniture(line: str) -> bool:
    return len(line) <= _MAX_FURNITURE_LEN and bool(_FURNITURE_RE.match(line))


def clean_text(text: str) -> str:
    """Normalise unicode and whitespace, drop furniture lines, keep paragraph breaks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    paragraphs = []
    for line in text.split("\n"):
        line = re.sub(r"[ \t]+", " ", line).strip()
        if line and not is_furniture(line):
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", title)).strip()
