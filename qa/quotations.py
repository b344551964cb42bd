"""The words a question quotes from the news, and the sentences that hold them.

"Which visitor ... said, "If anyone was a saint it was him"?" quotes the news: the
sentence that holds those words ("“If anyone was a saint it was him,” said Marshall
Rocke, one of the visitors") is the one the question was written from, whatever the
reader's order makes of its other words. A quotation of a few words ("End Racism") or
one that reads as a title ("I Know What You Did Last Summer", `works.reads_as_title`)
is a slogan or a work's name, which many sentences name: it points to no one sentence.
"""

from __future__ import annotations

import re

from qa.works import quoted_runs, reads_as_title

# The fewest words a quotation must have to point to the sentence that holds it.
MIN_QUOTED_WORDS = 4
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _plain(text: str) -> str:
    """Lower case, straight quotes, words joined by single spaces, no end punctuation."""
    return " ".join(re.findall(r"[\w']+", text.translate(_APOSTROPHES).lower()))


def quoted(question: str) -> list[str]:
    """The runs the question writes in quotation marks that point to one sentence: long
    enough (`MIN_QUOTED_WORDS`) and no title, as plain text (`_plain`)."""
    plain = [(_plain(run), run) for _, run in quoted_runs(question)]
    return [p for p, run in plain if len(p.split()) >= MIN_QUOTED_WORDS and not reads_as_title(run)]


def holds(sentence: str, quotations: list[str]) -> bool:
    """Whether the sentence writes one of the quotations, word for word."""
    plain = f" {_plain(sentence)} "
    return any(f" {q} " in plain for q in quotations)
