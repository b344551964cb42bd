"""A weekday a news sentence names, as the date it means.

News writes the days of the week around its own date as weekday names ("the surcharge
went into effect Monday", "the vote will be held Sunday"): AP style uses them for the
seven days before and after the story. Asked "When did the surcharge go into effect?",
the reader's span is "Monday", which on its own tells the user nothing. With the article's
date, it is one day: the last such weekday on or before the article's date, or, when the
sentence says it is still to come ("will", "is set to", "next"), the first on or after it.
The short answer shows both ("Monday, February 3, 2025"), and the citation's date lets
the reader, and the citation audit (`undated`), check the step.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAYS = tuple(calendar.day_name)
_LONE_WEEKDAY = re.compile(rf"(?:on\s+)?({'|'.join(_DAYS)})", re.IGNORECASE)
# Words before the weekday, in its clause, that put the day after the story's date.
_FUTURE = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:set|scheduled|expected|due|slated)\b"
                     r"|\b(?:will|won't|shall|'ll|would|plans?\s+to|planning\s+to|next|upcoming|starting)\b",
                     re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?]|,\s+(?:but|and|while|after|before)\b")


def lone_weekday(span: str) -> str | None:
    """The weekday a span is made of ("Monday", "on Monday"), capitalised; None for any
    other span ("Monday, Feb. 3" already says its date)."""
    m = _LONE_WEEKDAY.fullmatch(span.strip())
    return m.group(1).capitalize() if m else None


def is_ahead(sentence: str, weekday: str) -> bool:
    """Whether the sentence puts its first mention of `weekday` after the story's date:
    a future word earlier in the same clause ("will take effect Monday")."""
    at = sentence.lower().find(weekday.lower())
    if at < 0:
        return False
    before = sentence[:at]
    ends = list(_CLAUSE_END.finditer(before))
    clause = before[ends[-1].end():] if ends else before
    return bool(_FUTURE.search(clause))


def resolve(weekday: str, sentence: str, published: date) -> date:
    """The date `weekday` means in `sentence` of an article dated `published`."""
    wanted = _DAYS.index(weekday.capitalize())
    if is_ahead(sentence, weekday):
        return published + timedelta(days=(wanted - published.weekday()) % 7)
    return published - timedelta(days=(published.weekday() - wanted) % 7)


def written(d: date) -> str:
    """A date as the short answer writes it: "Monday, February 3, 2025"."""
    return f"{_DAYS[d.weekday()]}, {calendar.month_name[d.month]} {d.day}, {d.year}"


def dated(span: str, sentence: str, published: date | None) -> str:
    """The span with the date it means, when it is a weekday alone and the article has
    a date; else the span as it is."""
    day = lone_weekday(span)
    if day is None or published is None:
        return span
    return written(resolve(day, sentence, published))


def undated(claim: str, sentence: str, published: date | None) -> str:
    """The claim as the sentence says it: a date written by `dated` becomes its weekday
    again when it is the date the sentence's weekday means for the article's date, so
    that the support rule compares what the sentence says. Any other claim is unchanged."""
    said = claim.strip()
    day = said.split(",", 1)[0]
    if published is None or day not in _DAYS or day.lower() not in sentence.lower():
        return claim
    return day if said == written(resolve(day, sentence, published)) else claim
