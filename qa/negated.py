"""Multiple-choice questions that ask for the one choice that is not: "Which of these
nations did not make it to the quarter-finals?", "Which fruit is not on the list?".

The choices the sources name beside the question's words are those the question rules
out: the story lists the council's members, the quarter-finalists, the fruits on the
list, and the answer is the choice it leaves out. So such a question takes the choice
the sources support least, unless a source writes the negation of a choice itself
("Spain did not reach the quarter-finals"), which then answers as any named choice does.
"""

from __future__ import annotations

import re

from qa.lexical import words
from qa.short_answer import asking_clause

# "which / what / who", at most six words that are not a subject pronoun, and a negated
# auxiliary: "Which of the following people is not...", "Which of these women did not...".
# Not "Which senator said he did not...", whose answer is the one the news names, nor
# "NFL owners decided not to ban which play?", whose "not" is the story's.
_ASKS_NOT = re.compile(r"^\W*(?:which|what|who)\b((?:\s+[\w’'.-]+){0,6}?)\s+"
                       r"(?:is|was|are|were|did|does|do|has|have|had)(?:\s+not\b|n[’']t\b)", re.I)
_SUBJECTS = frozenset("i you he she it we they".split())
# A sentence that writes a negation: the one whose choice a "which ... not" question asks for.
_NEGATION = frozenset("not never no didn't doesn't don't isn't wasn't weren't aren't hasn't haven't "
                      "hadn't won't cannot can't without except".split())


def asks_which_not(question: str) -> bool:
    """Whether the question asks for the choice that is not, did not or has not."""
    m = _ASKS_NOT.match(asking_clause(question))
    return m is not None and not {w.lower() for w in words(m.group(1))} & _SUBJECTS


def negates(sentence: str) -> bool:
    """Whether the sentence writes a negation ("did not", "never", "isn't")."""
    return any(w.lower().replace("’", "'") in _NEGATION for w in re.findall(r"[\w’']+", sentence))
