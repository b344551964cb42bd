"""The name a thing is given, for a question that asks for one.

"What's the name of the new colour discovered by scientists?" was answered "John Barbur",
the one capitalised name in the sentence about it, when another sentence read "the new
color they dubbed "olo"": news gives a new thing its name after a naming verb ("named",
"dubbed", "called", "known as"), often in quotation marks and as often in lower case
("olo", "parasocial"), where a reader of capitalised runs does not look. For a question
that asks for a name ("what is the name of...", "what is it called?", "under what
name...?"), the run a naming verb gives is a candidate answer of its own
(`short_answer.Asked`), and a sentence that gives one can answer.
"""

from __future__ import annotations

import re

# "What is the name of...", "What's the rocket's name?", "What are the names of...", "under /
# with what name", "what was its name?", "...is called what?", "What is the robot called?".
_ASKS = re.compile(
    r"\bwhat(?:['’]s|\s+(?:is|was|are|were|will\s+be))?\s+(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w-]+['’]s\s+)?names?\b"
    r"|\b(?:what|which)\s+(?:new\s+)?names?\b"
    r"|\b(?:called|named|dubbed|known\s+as)\s+what\b"
    r"|\bwhat\s+(?:is|was|are|were)\s+(?:[\w’'-]+\s+){1,8}?(?:called|named|dubbed|known\s+as)\s*\?", re.I)
# A naming verb, then maybe "it" / "them" and an article: what follows is the name given.
# Not "named after", "called on", "called for": a lower-case word that is not quoted
# gives no name.
_GIVES = re.compile(r"\b(?:named|dubbed|called|nicknamed|christened|renamed|titled|branded|known\s+as)"
                    r"(?:\s+(?:it|them|him|her))?(?:\s+(?:the|a|an))?\s+", re.I)
# A quoted run right after the verb, of one to five words: any case ("olo").
_QUOTED = re.compile(r"[“\"‘']([^”\"’'\n]{1,60}?)[”\"’']")
MAX_NAME_WORDS = 5


def asks_for_name(question: str) -> bool:
    """Whether the question asks what a thing is named or called."""
    return _ASKS.search(question) is not None


def names_given(sentence: str, name_run: re.Pattern[str]) -> list[tuple[int, int]]:
    """The runs the sentence gives as a thing's name, as (start, end): a quoted run right
    after a naming verb ("dubbed "olo"" -> "olo", without the quotation marks), or the
    capitalised run there (`name_run`, the reader's pattern of a name: "named it Blue
    Ghost")."""
    out = []
    for verb in _GIVES.finditer(sentence):
        at = verb.end()
        quoted = _QUOTED.match(sentence, at)
        if quoted is not None:
            s, e = quoted.span(1)
            text = quoted.group(1).rstrip(",.;: ")
            if text.strip() and len(text.split()) <= MAX_NAME_WORDS:
                out.append((s, s + len(text)))
            continue
        run = name_run.match(sentence, at)
        if run is not None:
            out.append((at, at + len(run.group().rstrip(",."))))
    return out
