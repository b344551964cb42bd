"""From a raw record to an `Article`: clean text, resolve date and source, stable id.

The id is what makes re-ingest idempotent and edits replace: it comes from the
canonical URL when there is one (the same story re-exported keeps its id), from the
file path for one-article files, and otherwise from title, date and source (falling
back to the text itself when a record has none of those).
"""

from __future__ import annotations

import hashlib
import os
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ingest.clean import clean_text, clean_title
from ingest.dates import date_from_text, date_from_url, parse_date
from ingest.readers.base import RawRecord
from qa.types import Article, Rejection

MIN_WORDS = 5
_TRACKING = re.compile(r"^(utm_|fbclid|gclid|mc_|ref$|ref_|cmpid|ocid|taid|_ga)", re.I)


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no 'www.', no fragment, no tracking parameters."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else "https://" + url)
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https" if parts.scheme in ("http", "https") else parts.scheme,
                       host, path, query, ""))


_DATEISH = re.compile(r"^\W*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d\d.*)\W*$")


def readable_source(source: str) -> str:
    """A publisher name, not a URL: "https://www.site.net/" becomes "site.net"."""
    s = source.strip()
    if "://" in s or s.lower().startswith("www."):
        return source_from_url(s)
    return s


def clean_title_parts(title: str, source: str, authors: tuple[str, ...] = ()) -> str:
    """The headline without a site suffix or prefix, a date segment, a byline segment or a
    Markdown '#': "Pier reopens | Ann Lee | Harbour Gazette | 19.01.2020" -> "Pier reopens"
    when Ann Lee is the article's author (opinion pages put the columnist there)."""
    title = re.sub(r"^#+\s+", "", title).strip()
    for sep in (" | ", " – ", " — ", " - "):
        parts = [p.strip() for p in title.split(sep)]
        if len(parts) < 2:
            continue
        site = {source.lower(), source.lower().removesuffix(".com")} | {a.lower() for a in authors}
        kept = [p for p in parts if p and p.lower() not in site and not _DATEISH.match(p)]
        if kept and len(kept) < len(parts):
            title = sep.join(kept)
    return title


_EDGE_SEPARATOR = re.compile(r"^\s*[|»›·•]|[|»›·•]\s*$")
_FULL_DATE = re.compile(r"\b(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4})\b")
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")


def is_navigation(title: str) -> bool:
    """Whether a "title" is a page's navigation or status bar, not a headline:
    "| Samstag, 2016-10-08, 0:26 AM Willkommen Gast | RSS |". Such a title opens or ends
    with a separator, is three or more one- or two-word links ("Home | News | Sport"), or
    carries a full date with a clock time (a timestamp widget). A headline reads as one
    phrase, so none of these rejects one; the article then takes its title from its
    first line, as an untitled one does."""
    t = title.strip()
    if not t:
        return False
    if _EDGE_SEPARATOR.search(t) or (_FULL_DATE.search(t) and _CLOCK.search(t)):
        return True
    parts = [p for p in re.split(r"\s[|»›·•]\s", t) if p.strip() and not _DATEISH.match(p)]
    return len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts)


def source_from_url(url: str) -> str:
    if not url:
        return ""
    host = urlsplit(url if "://" in url else "https://" + url).netloc.lower()
    return host.removeprefix("www.").split(":")[0]


def is_url(target: str) -> bool:
    """An http(s) URL to fetch (anything else given to ingest is a path)."""
    parts = urlsplit(target)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def url_id(url: str) -> str:
    """The id an article with this URL gets ("" without a URL)."""
    curl = canonical_url(url)
    return "u" + _digest(curl) if curl else ""


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def text_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing folded: exact-duplicate key."""
    folded = re.sub(r"\W+", " ", text.lower()).strip()
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


def build_article(rec: RawRecord) -> Article | Rejection:
    text = rec.text
    title, url, source, date_value, authors = rec.title, rec.url, rec.source, rec.date, rec.authors
    if rec.html:
        from ingest.readers.html import extract_html

        page = extract_html(text, rec.file, rec.line, url=url)
        if isinstance(page, Rejection):
            return page
        text = page.text
        title = title or page.title
        date_value = date_value or page.date
        source = source or page.source
        authors = authors or page.authors
    text = clean_text(text)
    if len(text.split()) < MIN_WORDS:
        return Rejection(rec.file, rec.line, f"article text too short ({len(text.split())} words)")
    raw_source, source = source.strip(), readable_source(source)
    id_title = clean_title(title)  # the id keeps the title as it was read, so ids never change
    title = clean_title_parts(id_title, source or source_from_url(url), authors)
    if is_navigation(title):
        title = ""
    if not title:
        first = text.split("\n", 1)[0]
        title = first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "..."
    curl = canonical_url(url)
    published, date_from = None, ""
    for kind, found in (("metadata", lambda: parse_date(date_value)), ("url", lambda: date_from_url(url)),
                        ("dateline", lambda: date_from_text(text)), ("capture", lambda: parse_date(rec.captured))):
        published = found()
        if published:
            date_from = kind
            break
    # A file name is no publisher: it is used only in the id (so ids stay what they were)
    # and an article with neither a source nor a URL is stored without a source.
    id_source = raw_source or source_from_url(url) or os.path.basename(rec.file)
    source = source or source_from_url(url)
    if rec.id:
        aid = rec.id  # a newsqa export keeps its ids
    elif curl:
        aid = url_id(url)
    elif rec.single:
        aid = "f" + _digest(os.path.abspath(rec.file))
    elif title or published:
        aid = "r" + _digest(id_title or title, published.isoformat() if published else "", id_source)
    else:
        aid = "t" + _digest(text_hash(text))
    origin = f"{rec.file}:{rec.line}" if rec.line is not None else rec.file
    return Article(id=aid, title=title, text=text, url=url, source=source,
                   authors=authors, published=published, origin=origin, date_from=date_from,
                   vectors=rec.vectors, vector_model=rec.vector_model)


def content_hash(a: Article) -> str:
    """Changes whenever anything stored about the article changes (edit detection)."""
    return _digest(a.title, a.text, a.url, a.source, ",".join(a.authors),
                   a.published.isoformat() if a.published else "")
