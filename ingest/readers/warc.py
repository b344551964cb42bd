"""WARC and ARC web captures (warcio): each HTML response or resource record is a page.

Non-HTML records (requests, metadata, images, redirects) are skipped: they are part of
every capture and not errors; but a capture with no HTML page at all says so. Pages with
no article are reported like HTML files. The capture date is the date of last resort.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput, guessed_note
from ingest.readers.encoding import UndecodableError, decode_bytes
from ingest.readers.html import extract_html
from qa.types import Rejection


def _html_of(record) -> tuple[bytes, str | None] | None:  # type: ignore[no-untyped-def]
    """The HTML body and declared charset of a response (status 200) or resource record."""
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    elif record.rec_type == "resource":
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    else:
        return None
    if "html" not in ctype:
        return None
    charset = ctype.split("charset=")[-1].split(";")[0].strip() if "charset=" in ctype else None
    return record.content_stream().read(), charset


def read_warc(path: Path, name: str) -> ReaderOutput:
    """Pages of a WARC or ARC capture: HTML response and resource records, each with the
    record's target URL, and the capture date when the page itself gives none."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = pages = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f, arc2warc=True):
                n += 1
                got = _html_of(record)
                if got is None:
                    continue
                body, charset = got
                try:
                    decoded = decode_bytes(body, charset)
                except UndecodableError:
                    continue
                if decoded.guessed:
                    yield guessed_note(name, n, decoded.encoding)
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                rec = extract_html(decoded.text, name, n, url=url)
                pages += 1
                if isinstance(rec, RawRecord):
                    rec = replace(rec, captured=_capture_day(record.rec_headers.get_header("WARC-Date")))
                yield rec
    except ArchiveLoadFailed as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield Rejection(name, n or None, f"not a readable WARC or ARC file ({first[:120]})")
        return
    except Exception as exc:  # a truncated capture: keep what was read, report the rest
        yield Rejection(name, n or None, f"WARC record {n} unreadable ({type(exc).__name__}); "
                                         "the records before it were read")
        return
    if pages == 0:
        yield Rejection(name, None, f"no HTML pages among its {n} records (requests, metadata, images "
                                    "or redirects only): nothing to read")


def _capture_day(value: str | None) -> str | None:
    """The capture date (WARC-Date, or an ARC 14-digit timestamp) as the last resort."""
    if not value:
        return None
    v = value.strip()
    return f"{v[:4]}-{v[4:6]}-{v[6:8]}" if v.isdigit() and len(v) >= 8 else v
