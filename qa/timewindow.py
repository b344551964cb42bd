"""Time in the question: "this week", "last month", "in March 2024", resolved to a window.

News questions are mostly about a time, and mostly relative to the day they are asked:
"Which city was the center of an immigration crackdown this week?" means the week before
the as-of date (`--as-of`, the eval's question date, else today), not any week the
archive covers. This module finds the question's time expression and resolves it to a
`TimeWindow` that retrieval prefers (see `qa.rank`).

Two kinds of expression, handled by what suits each:
- Relative cues ("this week", "yesterday", "last month", "last year", "latest") name a
  span relative to the as-of date. Which span each one means is a policy, so it is a
  table here (`_RELATIVE`), not parsing: "this week" is the 7 days up to the as-of date,
  "last month" from the first of the month before, "last year" the calendar year. A
  weekday on its own ("agreed on Wednesday") is the last such day: the week before.
- Absolute dates ("on January 3", "in March 2024", "in 2023") are parsed by dateparser,
  which also says their precision (day, month, year); the window is that day (give or
  take a day for time zones and late publication), month or year. dateparser takes
  ~0.7 s to import, so it is loaded only for a question that names a month or a year.

Soft cues ("recently", "latest", "current", "new") give a `recent` window: a preference
for the last weeks, never a filter.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from qa.errors import InputError

# A relative cue's days, from the as-of date: (first day, last day).
DaysFrom = Callable[[date], tuple[date, date]]


def _back(days: int) -> DaysFrom:
    """The `days` before the as-of date, up to it."""
    return lambda d: (d - timedelta(days=days), d)


def _this_year(d: date) -> tuple[date, date]:
    return date(d.year, 1, 1), d


def _last_year(d: date) -> tuple[date, date]:
    """The calendar year before (and its first days: its last stories are written then)."""
    return date(d.year - 1, 1, 1), min(date(d.year, 1, 2), d)


def _last_month(d: date) -> tuple[date, date]:
    """From the first of the month before, up to the as-of date: the calendar month
    "last month" names in news, and the last few weeks it also loosely means."""
    first = d.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1), d


# cue -> (the window's span from the as-of date, kind); longest cues first so "last week"
# wins over "week". Spans are generous by a day or two: articles appear after the event.
_RELATIVE: list[tuple[str, DaysFrom, str]] = [
    ("so far this year", _this_year, "relative"),
    ("earlier this year", _this_year, "relative"),
    ("this year", _this_year, "relative"),
    ("last year", _last_year, "relative"),
    ("past year", _back(366), "relative"),
    ("past few days", _back(7), "relative"),
    ("this weekend", _back(7), "relative"),
    ("last weekend", _back(9), "relative"),
    ("past week", _back(8), "relative"),
    ("this week", _back(8), "relative"),
    ("last week", _back(15), "relative"),
    ("past month", _back(32), "relative"),
    ("this month", _back(32), "relative"),
    ("last month", _last_month, "relative"),
    ("yesterday", _back(2), "relative"),
    ("today", _back(2), "relative"),
    ("tonight", _back(2), "relative"),
    ("this morning", _back(2), "relative"),
    ("most recent", _back(30), "recent"),
    ("recently", _back(30), "recent"),
    ("latest", _back(30), "recent"),
    ("currently", _back(30), "recent"),
    ("current", _back(30), "recent"),
    ("new", _back(30), "recent"),
]
# A weekday without a date ("agreed to a ceasefire on Wednesday", "Sunday's election")
# is, in news, the last such day: the week before the as-of date.
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(calendar.day_name)})\b")
_WEEKDAY_DAYS = 8
_PAST_N = re.compile(r"\b(?:past|last)\s+(\d{1,3}|two|three|four|five|six|seven|ten)\s+(day|week|month|year)s?\b", re.I)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
_MONTHS = "|".join(m for m in list(calendar.month_name)[1:] + list(calendar.month_abbr)[1:])
_ABSOLUTE_HINT = re.compile(rf"\b(?:{_MONTHS})\b\.?|\b(?:1[89]|20)\d\d\b")


@dataclass(frozen=True)
class TimeWindow:
    """The days a question is about: `start`..`end` inclusive. `kind` is "relative"
    (resolved against the as-of date), "absolute" (a date the question names) or
    "recent" (a soft preference for the last weeks)."""

    start: date
    end: date
    cue: str
    kind: str
    widened: bool = False  # set by `ask` when nothing it found or cites is dated inside

    def contains(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.end

    def to_dict(self) -> dict[str, object]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "cue": self.cue,
                "kind": self.kind, "widened": self.widened}

    def days(self) -> str:
        """The days as a reader reads them: "2025-03-06 to 2025-03-14", or the one day."""
        return self.start.isoformat() if self.start == self.end else f"{self.start} to {self.end}"

    def describe(self) -> str:
        note = "; nothing dated in those days answers it, so newsqa looked beyond them" if self.widened else ""
        return f"{self.days()} (from \u201c{self.cue}\u201d{note})"


def check_days(since: date | None, until: date | None = None, as_of: date | None = None) -> None:
    """Raise `InputError` when the dates leave no day to search (`--since` after `--until`
    or `--as-of`): swapped dates are a mistake to point out, not a question the archive
    cannot answer, which is what an empty range would otherwise be told."""
    ends = [(d, flag) for d, flag in ((until, "--until"), (as_of, "--as-of")) if d]
    if since is None or not ends:
        return
    end, flag = min(ends)
    if since > end:
        raise InputError(f"No day to search: the dates start on {since} (--since) and end on {end} ({flag}), "
                         f"before they start. Give a start on or before {end}, or a later end.")


def reference_day(as_of: date | None, window: TimeWindow | None) -> date | None:
    """The day recency is counted back from: the as-of date, else the end of the
    question's time window, else none (no recency preference)."""
    return as_of or (window.end if window else None)


def resolve(question: str, as_of: date) -> TimeWindow | None:
    """The window the question's time expression names, relative to `as_of`; None when
    the question has none."""
    absolute = _absolute(question, as_of)
    if absolute is not None:
        return absolute
    # "new" is a cue in "the new law", not in "New York": drop capitalised names first.
    text = re.sub(r"\bNew(?= [A-Z])", "", question).lower()
    m = _PAST_N.search(text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBERS[m.group(1)]
        return TimeWindow(as_of - timedelta(days=n * _UNIT_DAYS[m.group(2)] + 1), as_of, m.group(0), "relative")
    for cue, days_from, kind in _RELATIVE:
        if re.search(rf"\b{cue}\b", text):
            return TimeWindow(*days_from(as_of), cue, kind)
    day = _named_weekday(question)
    if day:
        return TimeWindow(as_of - timedelta(days=_WEEKDAY_DAYS), as_of, day, "relative")
    return None


def _named_weekday(question: str) -> str | None:
    """A weekday the question names on its own: not after a capitalised word inside a
    sentence, which makes it part of a name ("Cyber Monday", "Super Bowl Sunday")."""
    for m in _WEEKDAY.finditer(question):
        before = question[:m.start()].split()
        prev = before[-1] if before else ""
        opens_sentence = len(before) < 2 or before[-2][-1:] in ".!?:"
        if prev[:1].isupper() and not opens_sentence:
            continue
        return m.group(0)
    return None


def _absolute(question: str, as_of: date) -> TimeWindow | None:
    if not _ABSOLUTE_HINT.search(question):
        return None
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime(as_of.year, as_of.month, as_of.day)
    opts = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    found = search_dates(question, languages=["en"], settings=opts) or []
    parser = DateDataParser(languages=["en"], settings=opts)  # type: ignore[arg-type]
    for text, _ in found:
        if not _ABSOLUTE_HINT.search(text):
            continue  # a relative cue ("this week"): the table above decides those
        data = parser.get_date_data(text)
        if data.date_obj is None:
            continue
        d = data.date_obj.date()
        if data.period == "year":
            window = TimeWindow(date(d.year, 1, 1), date(d.year, 12, 31), text.strip(), "absolute")
        elif data.period == "month":
            last = calendar.monthrange(d.year, d.month)[1]
            window = TimeWindow(date(d.year, d.month, 1), date(d.year, d.month, last), text.strip(), "absolute")
        else:
            window = TimeWindow(d - timedelta(days=1), d + timedelta(days=2), text.strip(), "absolute")
        if window.start > as_of:
            continue  # "until May 2026" asked in 2025 names a plan, not when the news happened
        return window
    return None


def for_question(question: str, since: date | None, until: date | None, as_of: date | None,
                 today: date | None = None) -> TimeWindow | None:
    """The question's window, unless the user set the dates explicitly (`--since` /
    `--until` always win). Relative cues resolve against the as-of date, else today."""
    if since or until:
        return None
    return resolve(question, as_of or today or date.today())
