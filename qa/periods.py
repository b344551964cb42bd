"""Which season, year or week a question asks about, against the one a sentence speaks of.

"How many points per game did Luka Doncic average last season?" was answered "28.1",
from "averaged 28.1 points ... this season", when the next sentence read "averaged a
league-high 33.9 points per game last season": news sets a figure beside the period it
is for, and a question that names the period ("last season", "this year", "next month")
asks for that period's figure. A sentence that names the same kind of period with
another word before it ("this season" for "last season"), and never the period asked,
speaks of another one (`speaks_of_another`); one that names the period asked speaks of
it (`speaks_of`: "This year, Thanksgiving is Nov. 27." for "What date is Thanksgiving
this year?", over "Nov. 28, which happened last year").
"""

from __future__ import annotations

import functools
import re

_PERIOD = re.compile(r"\b(this|last|next)\s+(season|year|week|month|quarter)\b", re.I)


def asked_period(question: str) -> tuple[str, str] | None:
    """The period the question names, as (word before, noun) lower-cased ("last season"
    -> ("last", "season")), or None when it names none or more than one."""
    found = {(m.group(1).lower(), m.group(2).lower()) for m in _PERIOD.finditer(question)}
    return found.pop() if len(found) == 1 else None


def speaks_of_another(sentence: str, period: tuple[str, str]) -> bool:
    """Whether the sentence names a period of the kind asked with another word before it,
    and not the one asked ("this season" for a question about "last season")."""
    written = _written(sentence)
    return period not in written and any(noun == period[1] for _, noun in written)


def speaks_of(sentence: str, period: tuple[str, str]) -> bool:
    """Whether the sentence names the period asked ("this year" for a question about
    "this year")."""
    return period in _written(sentence)


@functools.lru_cache(maxsize=4096)
def _written(sentence: str) -> frozenset[tuple[str, str]]:
    """The periods the sentence names, as (word before, noun) lower-cased; kept, as the
    reader asks both questions of a sentence in turn."""
    return frozenset((m.group(1).lower(), m.group(2).lower()) for m in _PERIOD.finditer(sentence))
