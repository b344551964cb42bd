"""Publication dates from fields, URLs, HTML and datelines.

Order of trust: an explicit field (publisher metadata), then the URL path (news sites
put the publication day there: /2025/01/21/, /2025-01-21/, /20250121/), then a dateline
in the first lines of the text. A date before 1990, after tomorrow, or a CMS placeholder
(2000-01-01, 1970-01-01) is treated as noise.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as dateparser

_URL_PATTERNS = [
    re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_.])"),
    re.compile(r"[/_-]((?:19|20)\d\d)(\d\d)(\d\d)(?:/|$|[-_.])"),
]
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_DATELINE = re.compile(
    rf"\b((?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+(?:{_MONTHS})[a-z]*\.?,?\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b",
    re.IGNORECASE,
)


# Values CMSs put in an empty date field: not a publication date.
PLACEHOLDERS = {date(2000, 1, 1), date(1970, 1, 1), date(1900, 1, 1)}


def _plausible(d: date) -> date | None:
    """The date, unless it is noise: before 1990, a placeholder, or after tomorrow (no
    archive holds news from the future; a day of slack for time zones)."""
    if d in PLACEHOLDERS or d.year < 1990 or d > date.today() + timedelta(days=1):
        return None
    return d


def parse_date(value: object) -> date | None:
    """A date from a field value: ISO, RFC 822, 'January 3, 2024', epoch seconds."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _plausible(value.date())
    if isinstance(value, date):
        return _plausible(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            secs = value / 1000 if value > 1e11 else value
            return _plausible(datetime.fromtimestamp(secs, tz=UTC).date())
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text or len(text) > 100:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return parse_date(int(text))
    try:
        dt = dateparser.parse(text, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    return _plausible(dt.date()) if dt else None


def date_from_url(url: str) -> date | None:
    for pat in _URL_PATTERNS:
        m = pat.search(url)
        if m:
            try:
                return _plausible(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
    return None


def date_from_text(text: str, window: int = 400) -> date | None:
    """A dateline near the top of the article ('January 3, 2024', '3 Jan 2024')."""
    m = _DATELINE.search(text[:window])
    return parse_date(m.group(1)) if m else None
