"""URLs as input: an article page, or a feed whose entries (and their pages) are articles.

What a URL holds is decided from the response (content type, then the body), not from
its name. A page is read like an HTML file, with the URL it was fetched from (after
redirects) as its URL. A feed yields its entries; an entry whose own body is short gets
its linked page fetched for the full text, unless an earlier run already stored that
page (then the entry is skipped: nothing new to read). Every failure is one rejection
naming the URL. Fetch validators are staged in `WebState` and written after the ingest
commits.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from ingest.fetch import Fetched, Fetcher, FetchError
from ingest.readers.base import RawRecord
from ingest.readers.encoding import UndecodableError, decode_bytes
from ingest.readers.feed import is_json_feed, parse_feed
from ingest.readers.html import extract_html
from ingest.webstate import WebState
from qa.types import Rejection

SHORT_BODY_WORDS = 150  # an entry body shorter than this is a teaser: read the page
FEED_TYPES = ("rss", "atom", "rdf", "xml", "feed+json", "application/json")
HTML_TYPES = ("text/html", "application/xhtml")


def kind_of(f: Fetched) -> str | None:
    """"feed", "html" or None (neither), from the content type, else the body."""
    head = f.body[:1024].lstrip().lower()
    xml_feed = head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")) and \
        re.search(rb"<(rss|feed|rdf:rdf)\b", f.body[:4096].lower()) is not None
    if is_json_feed(f.body) or xml_feed:
        return "feed"
    if any(t in f.content_type for t in HTML_TYPES) or b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    if any(t in f.content_type for t in FEED_TYPES):
        return "feed"
    return None


def decode_html(f: Fetched) -> str:
    """The page's text as a browser would decode it (`ingest.readers.encoding`)."""
    try:
        return decode_bytes(f.body, f.charset).text
    except UndecodableError:
        return f.body.decode("utf-8", errors="replace")


def _page(url: str, fetcher: Fetcher, state: WebState, entry: RawRecord) -> RawRecord | Rejection:
    """The article page a feed entry links to; the entry's metadata fills the page's gaps."""
    try:
        f = fetcher.get(url)
    except FetchError as exc:
        return Rejection(url, None, str(exc))
    if kind_of(f) != "html":
        return Rejection(url, None, f"not an HTML page (content type {f.content_type or 'none'})")
    rec = extract_html(decode_html(f), url, None, url=f.url)
    if isinstance(rec, Rejection):
        return rec
    state.fetched(url, "page", f.url, f.etag, f.last_modified)
    return replace(rec, title=rec.title or entry.title, date=rec.date or entry.date,
                   source=rec.source or entry.source, authors=rec.authors or entry.authors)


def read_url(url: str, fetcher: Fetcher, state: WebState,
             stored: Callable[[str], bool]) -> Iterator[RawRecord | Rejection]:
    """Records from one URL. `stored(link)` says whether the archive holds that page."""
    v = state.get(url)
    try:
        f = fetcher.get(url, str(v.get("etag", "")), str(v.get("last_modified", "")))
    except FetchError as exc:
        yield Rejection(url, None, str(exc))
        return
    if f.not_modified:
        state.fetched(url, str(v.get("kind", "feed")), f.url, f.etag or str(v.get("etag", "")),
                      f.last_modified or str(v.get("last_modified", "")))
        return
    kind = kind_of(f)
    if kind is None:
        yield Rejection(url, None, f"neither an HTML page nor a feed (content type {f.content_type or 'none'})")
        return
    if kind == "html":
        rec = extract_html(decode_html(f), url, None, url=f.url)
        if not isinstance(rec, Rejection):
            state.fetched(url, "page", f.url, f.etag, f.last_modified)
        yield rec
        return
    state.fetched(url, "feed", f.url, f.etag, f.last_modified)
    for entry in parse_feed(f.body, url):
        if isinstance(entry, Rejection) or len(entry.text.split()) >= SHORT_BODY_WORDS or not entry.url:
            yield entry
        elif stored(entry.url) or state.known_page(entry.url):
            continue  # its page was read by an earlier run
        else:
            yield _page(entry.url, fetcher, state, entry)
