"""Plain text and Markdown: one article per file.

The first line is the title when it looks like one (short, not ending like a sentence,
Markdown '#' stripped); a front-matter-like 'Key: value' header (Title, Date, URL,
Source, Author) at the top is read as metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput
from ingest.readers.files import read_decoded
from qa.types import Rejection

_HEADER = re.compile(r"^(title|date|published|url|link|source|author|by)\s*:\s*(.+)$", re.I)


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= 200 and not line.endswith((".", ",", ";", ":")) or line.startswith("#")


def parse_text(text: str, name: str) -> RawRecord | Rejection:
    lines = text.splitlines()
    meta: dict[str, str] = {}
    i = 0
    if lines and lines[0].strip() == "---":  # YAML-ish front matter
        i = 1
        while i < len(lines) and lines[i].strip() != "---":
            m = _HEADER.match(lines[i].strip())
            if m:
                meta[m.group(1).lower()] = m.group(2).strip()
            i += 1
        i += 1
    else:
        while i < len(lines) and (m := _HEADER.match(lines[i].strip())):
            meta[m.group(1).lower()] = m.group(2).strip()
            i += 1
    body = lines[i:]
    while body and not body[0].strip():
        body.pop(0)
    title = meta.get("title", "")
    if not title and len(body) > 1 and _looks_like_title(body[0]):
        title = body.pop(0).strip().lstrip("#").strip()
    content = "\n".join(body).strip()
    if not content:
        return Rejection(name, None, "empty file: no article text")
    return RawRecord(
        file=name, line=None, title=title, text=content,
        url=meta.get("url", meta.get("link", "")), source=meta.get("source", ""),
        authors=tuple(a.strip() for a in meta.get("author", meta.get("by", "")).split(",") if a.strip()),
        date=meta.get("date", meta.get("published")), single=True,
    )


def read_text(path: Path, name: str) -> ReaderOutput:
    text, said = read_decoded(path, name)
    yield from said
    if text is not None:
        yield parse_text(text, name)
