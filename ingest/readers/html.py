"""HTML pages: main text and metadata with trafilatura, the date with htmldate.

trafilatura drops navigation, ads and comments and reads title, author, site name, URL
and date from the page's metadata; when it finds no date, htmldate looks harder (URL,
meta tags, visible dates).

trafilatura runs in its balanced mode: precision mode dropped article lines such as
"Additional reporting by ..." on real pages and added nothing right on
benchmarks/pages. Its date search is not extensive: the extensive search turns a bare year
in the text ("since 2008") into a publication date of January 1st, where no date is
right; a dateline in the text is still found by ingest.dates.
"""

from __future__ import annotations

from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput
from ingest.readers.files import read_decoded
from qa.types import Rejection


def extract_html(html: str, file: str, line: int | None, url: str = "",
                 single: bool = False) -> RawRecord | Rejection:
    """One article from a page, or a rejection when the page holds no article."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True,
                                          include_comments=False,
                                          date_extraction_params={"extensive_search": False})
    except Exception as exc:  # trafilatura raises a variety on malformed markup
        return Rejection(file, line, f"HTML could not be parsed: {type(exc).__name__}")
    if doc is None:
        return Rejection(file, line, "no article text found in the HTML page")
    get = doc.as_dict().get if hasattr(doc, "as_dict") else doc.get
    text = get("text") or ""
    if len(text.split()) < 5:
        return Rejection(file, line, "no article text found in the HTML page")
    published = get("date")
    if not published:
        try:
            from htmldate import find_date

            published = find_date(html, url=url or None, extensive_search=False)
        except Exception:
            published = None
    author = get("author") or ""
    return RawRecord(
        file=file, line=line, title=get("title") or "", text=text,
        url=url or get("url") or "", source=get("sitename") or "",
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        date=published, single=single,
    )


def read_html(path: Path, name: str) -> ReaderOutput:
    html, said = read_decoded(path, name)
    yield from said
    if html is not None:
        yield extract_html(html, name, None, single=True)
