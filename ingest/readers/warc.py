"""WARC web captures (warcio): each HTML response record becomes a page to extract.

Non-HTML records (requests, metadata, images, redirects) are skipped silently: they are
part of every capture and not errors. Pages with no article are reported like HTML files.
"""

from __future__ import annotations

from pathlib import Path

from ingest.readers.base import ReaderOutput, guessed_note
from ingest.readers.encoding import UndecodableError, decode_bytes
from ingest.readers.html import extract_html
from qa.types import Rejection


def read_warc(path: Path, name: str) -> ReaderOutput:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f):
                n += 1
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                if "html" not in ctype:
                    continue
                body = record.content_stream().read()
                charset = ctype.split("charset=")[-1].split(";")[0].strip() if "charset=" in ctype else None
                try:
                    decoded = decode_bytes(body, charset)
                except UndecodableError:
                    continue
                if decoded.guessed:
                    yield guessed_note(name, n, decoded.encoding)
                html = decoded.text
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                yield extract_html(html, name, n, url=url)
    except ArchiveLoadFailed as exc:
        yield Rejection(name, n or None, f"not a readable WARC file: {exc}")
    except Exception as exc:  # a truncated capture: keep what was read, report the rest
        yield Rejection(name, n or None, f"WARC record {n} unreadable ({type(exc).__name__}); "
                                         "the records before it were read")
