"""RSS, RDF, Atom (feedparser) and JSON Feed files: one article per entry.

Entry content is HTML; it is reduced to text with trafilatura when it is a full page and
with a tag strip when it is a fragment (most feeds carry fragments).
"""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput, guessed_note
from ingest.readers.encoding import UndecodableError, declared_in, decode_bytes
from ingest.readers.files import FileProblem, read_bytes
from qa.types import Note, Rejection


def html_fragment_to_text(fragment: str) -> str:
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fragment)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return htmllib.unescape(s)


def read_feed(path: Path, name: str) -> ReaderOutput:
    try:
        data = read_bytes(path)
    except FileProblem as exc:
        yield Rejection(name, None, str(exc))
        return
    for rec in parse_feed(data, name):
        if isinstance(rec, RawRecord) and rec.url and len(rec.text.split()) < TEASER_WORDS:
            # A teaser whose article is elsewhere: not an error in the feed. If the page is
            # in the same input it is read from there; else ingest its URL.
            yield Note(name, rec.line, f"entry {rec.line} is a teaser ({len(rec.text.split())} words) "
                                       f"linking to {rec.url}: its article is read from that page "
                                       "when the page is in the input or its URL is ingested")
            continue
        yield rec


TEASER_WORDS = 5  # the fewest words an article may have (ingest.articles.MIN_WORDS)


def parse_feed(data: bytes, name: str) -> ReaderOutput:
    """Entries of an RSS 0.9x/1.0 (RDF)/2.0, Atom or JSON Feed document, the richest body
    each has (content over summary)."""
    if is_json_feed(data):
        yield from parse_json_feed(data, name)
        return
    import feedparser

    source: bytes | str = data
    if not declared_in(data):
        # feedparser falls back to windows-1252 for undeclared non-UTF-8 bytes: a KOI8-R
        # feed would be stored as mojibake. Decode (and say so) before it parses.
        try:
            decoded = decode_bytes(data)
        except UndecodableError:
            decoded = None
        if decoded is not None and decoded.guessed:
            yield guessed_note(name, None, decoded.encoding)
            source = re.sub(r"^\s*<\?xml[^>]*\?>", "", decoded.text)
    parsed = feedparser.parse(source)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        yield Rejection(name, None, f"no feed entries found{': ' + str(why).splitlines()[0] if why else ''}")
        return
    feed_title = parsed.feed.get("title", "")
    for n, e in enumerate(parsed.entries, start=1):
        content = ""
        if e.get("content"):
            content = "\n".join(c.get("value", "") for c in e.content)
        content = content or e.get("summary", "") or e.get("description", "")
        authors = tuple(a.get("name", "") for a in e.get("authors", []) if a.get("name"))
        yield _entry(name, n, e.get("title", ""), content, e.get("link", ""),
                     e.get("source", {}).get("title", "") or feed_title, authors,
                     e.get("published") or e.get("updated"))


def _entry(name: str, n: int, title: str, body_html: str, link: str, source: str,
           authors: tuple[str, ...], date: object) -> RawRecord | Rejection:
    text = html_fragment_to_text(body_html)
    if not text.strip() and not link:
        return Rejection(name, n, f"feed entry {n} has no text (no content or summary) and no link")
    return RawRecord(file=name, line=n, title=html_fragment_to_text(title), text=text, url=link,
                     source=source, authors=authors, date=date)


def is_json_feed(data: bytes) -> bool:
    head = data[:2000].lstrip()
    return head.startswith(b"{") and b"jsonfeed.org" in head


def parse_json_feed(data: bytes, name: str) -> ReaderOutput:
    """JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): items with url, title,
    content_html or content_text (else summary), date_published, authors."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield Rejection(name, None, f"broken JSON Feed: {exc}")
        return
    items = doc.get("items") if isinstance(doc, dict) else None
    if not isinstance(items, list) or not items:
        yield Rejection(name, None, "no feed entries found (a JSON Feed without items)")
        return
    feed_title = str(doc.get("title") or "")
    for n, it in enumerate(items, start=1):
        if not isinstance(it, dict):
            yield Rejection(name, n, f"feed entry {n}: expected an object")
            continue
        body = it.get("content_html") or htmllib.escape(str(it.get("content_text") or "")) or it.get("summary") or ""
        people = it.get("authors") or ([it["author"]] if isinstance(it.get("author"), dict) else [])
        authors = tuple(str(a.get("name")) for a in people if isinstance(a, dict) and a.get("name"))
        yield _entry(name, n, str(it.get("title") or ""), str(body), str(it.get("url") or it.get("external_url") or ""),
                     feed_title, authors, it.get("date_published") or it.get("date_modified"))
