"""Numbered editions: "the 97th Academy Awards", "his 40th birthday", "the 149th Westminster show".

News numbers what recurs, and an archive holds every year's edition of it: a question
about the 97th Academy Awards finds last year's coverage of the 96th as readily as this
year's, by meaning and words alike. A text that numbers the same thing with another
ordinal, and never with the question's, is about another edition, so retrieval ranks it
below the texts that are not (`qa.rank`'s ``edition`` feature).

An edition is an ordinal written in digits and the word after it ("annual" skipped),
compared by stem ("Golden Globe" and "Golden Globes" are one thing). Ordinals written in
words ("first", "third") are not read: "her first acting award" counts nothing recurring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.lexical import stem

_ORDINAL = re.compile(r"\b(\d{1,4})(?:st|nd|rd|th)\b(?:\s+annual)?\s+([A-Za-z][A-Za-z'’-]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Edition:
    number: int
    of: str  # stem of the word the ordinal numbers


def editions(text: str) -> frozenset[Edition]:
    """The numbered editions a text names."""
    return frozenset(Edition(int(n), stem(w)) for n, w in _ORDINAL.findall(text))


def another(asked: frozenset[Edition], text: str) -> bool:
    """Whether `text` names another edition of something `asked` numbers, and not the
    asked edition of it: a text about both (a preview of this year's show that names last
    year's winner) is not ruled out."""
    if not asked:
        return False
    named = editions(text)
    return any(e.of == a.of and e.number != a.number for e in named for a in asked) \
        and not any(a in named for a in asked)
