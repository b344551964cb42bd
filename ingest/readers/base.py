"""What every reader yields, and the field names common in news exports.

Readers yield `RawRecord` (a record as found, not yet cleaned or dated) or `Rejection`
(a record that cannot be used, with file and line). `from_mapping` maps the many field
names news exports use (title/headline, text/body/content, url/link, date/published...)
onto one record, so the JSON, JSONL and CSV readers share one definition of a field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from qa.types import Note, Rejection

# Input limits: beyond these a record is rejected instead of eating the machine.
MAX_LINE_BYTES = 20_000_000
MAX_FILE_BYTES = 2_000_000_000


@dataclass(frozen=True)
class RawRecord:
    file: str
    line: int | None  # line (JSONL, CSV) or record number (JSON array, feed entry, WARC record)
    title: str
    text: str
    url: str = ""
    source: str = ""
    authors: tuple[str, ...] = ()
    date: object = None  # raw value: parsed later by ingest.dates
    html: bool = False  # text is HTML that still needs extracting
    single: bool = False  # the file holds only this article (its path can serve as id)
    captured: object = None  # a web capture's date: the publication date of last resort
    # From a newsqa export only (`ingest.export`): the article's id, and its chunks'
    # (start, end, vector) computed with `vector_model`, so they need no embedding.
    id: str = ""
    vectors: tuple[tuple[int, int, Any], ...] = ()
    vector_model: str = ""


ReaderOutput = Iterator["RawRecord | Rejection | Note"]


def guessed_note(file: str, line: int | None, encoding: str) -> Note:
    return Note(file, line, f"no usable encoding declared and not UTF-8: read as {encoding} (guessed); "
                            "re-save it as UTF-8 if the text looks wrong")

TITLE_KEYS = ("title", "headline", "name", "heading", "subject")
TEXT_KEYS = ("text", "body", "content", "article", "article_text", "full_text", "fulltext",
             "maintext", "story", "description", "summary", "abstract", "lead")
URL_KEYS = ("url", "link", "href", "permalink", "canonical_url", "source_url", "uri")
DATE_KEYS = ("published", "date", "published_at", "publish_date", "pubdate", "pub_date",
             "publication_date", "date_published", "datetime", "created_at", "timestamp",
             "time", "updated", "modified")
SOURCE_KEYS = ("source", "publisher", "site", "site_name", "sitename", "outlet",
               "source_name", "domain", "newspaper", "publication")
AUTHOR_KEYS = ("author", "authors", "byline", "creator", "writer")
HTML_KEYS = ("html", "raw_html", "content_html", "body_html")


def _first(rec: Mapping[str, object], keys: tuple[str, ...]) -> object:
    lowered = {str(k).lower(): v for k, v in rec.items()}
    for k in keys:
        v = lowered.get(k)
        if v not in (None, "", [], {}):
            return v
    return None


def _as_text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Mapping):  # {"name": "..."} or {"title": "..."}
        inner = _first(v, ("name", "title", "text", "value", "url", "href"))
        return _as_text(inner)
    if isinstance(v, list):
        return "\n\n".join(_as_text(x) for x in v if x is not None)
    return str(v)


def _authors(v: object) -> tuple[str, ...]:
    if v is None:
        return ()
    if isinstance(v, list):
        return tuple(a for a in (_as_text(x).strip() for x in v) if a)
    s = _as_text(v).strip()
    s = s[3:].strip() if s.lower().startswith("by ") else s
    return tuple(a.strip() for a in s.replace(" and ", ",").split(",") if a.strip())


def from_mapping(rec: Mapping[str, object], file: str, line: int | None) -> RawRecord | Rejection:
    """One news record from a JSON object or CSV row, or why it cannot be one."""
    text = _as_text(_first(rec, TEXT_KEYS))
    html = False
    if not text.strip():
        text = _as_text(_first(rec, HTML_KEYS))
        html = bool(text.strip())
    if not text.strip():
        keys = ", ".join(sorted(str(k) for k in rec.keys())[:12]) or "none"
        return Rejection(file, line, f"no article text: expected a field such as text, body or "
                                     f"content (fields present: {keys})")
    return RawRecord(
        file=file, line=line,
        title=_as_text(_first(rec, TITLE_KEYS)),
        text=text,
        url=_as_text(_first(rec, URL_KEYS)).strip(),
        source=_as_text(_first(rec, SOURCE_KEYS)).strip(),
        authors=_authors(_first(rec, AUTHOR_KEYS)),
        date=_first(rec, DATE_KEYS),
        html=html,
    )
