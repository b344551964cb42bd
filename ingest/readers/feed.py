"""RSS and Atom feed files (feedparser): one article per entry.

Entry content is HTML; it is reduced to text with trafilatura when it is a full page and
with a tag strip when it is a fragment (most feeds carry fragments).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput
from ingest.readers.files import FileProblem, read_bytes
from qa.types import Rejection


def html_fragment_to_text(fragment: str) -> str:
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return htmllib.unescape(s)


def read_feed(path: Path, name: str) -> ReaderOutput:
    import feedparser

    try:
        data = read_bytes(path)
    except FileProblem as exc:
        yield Rejection(name, None, str(exc))
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield Rejection(name, None, f"no feed entries found{': ' + str(why) if why else ''}")
        return
    feed_title = parsed.feed.get("title", "")
    for n, e in enumerate(parsed.entries, start=1):
        content = ""
        if e.get("content"):
            content = "\n".join(c.get("value", "") for c in e.content)
        content = content or e.get("summary", "") or e.get("description", "")
        text = html_fragment_to_text(content)
        if not text.strip():
            yield Rejection(name, n, f"feed entry {n} has no text (no content or summary)")
            continue
        authors = tuple(a.get("name", "") for a in e.get("authors", []) if a.get("name"))
        yield RawRecord(
            file=name, line=n, title=html_fragment_to_text(e.get("title", "")), text=text,
            url=e.get("link", ""), source=e.get("source", {}).get("title", "") or feed_title,
            authors=authors, date=e.get("published") or e.get("updated"),
        )
