"""Titles of works, for a question that asks for one ("Which film topped the box office?").

News writes the title of a film, show, song, album or book in quotation marks ("“Sinners”
topped the box office"), and a reader that only sees capitalised runs answered such
questions with whatever name stood nearest ("Snow White", "Oscar", "Adrien Brody"). A
quoted run that reads as a title (short, its longer words capitalised) is a candidate
answer in its own right, and for a question asking for a work, other names count less
(`short_answer.Asked.fit`).
"""

from __future__ import annotations

import re

from qa.lexical import any_noun, asking_for

# "which film", "what animated show", "which hit song", "which best-selling album".
_WORK_NOUNS = """film movie show series sitcom documentary episode musical opera album song single
record book novel novella memoir play podcast franchise""".split()
_WORKS = asking_for(_WORK_NOUNS)
# "What is Taylor Swift's new album?": a work named by whose it is, after "what is": up
# to four words, the last a possessive, up to two more, then the kind of work.
_OWNED_WORK = re.compile(r"\bwhat\s+(?:is|was|are|were|will\s+be)\s+(?:[\w.-]+\s+){0,3}[\w.-]+[’']s?\s+"
                         r"(?:[\w-]+\s+){0,2}" + any_noun(_WORK_NOUNS), re.I)
# "What is the title of her new album?": the title of a work, asked for by name.
_TITLE_OF = re.compile(r"\btitles?\s+of\s+(?:[\w.’'-]+\s+){0,4}?" + any_noun(_WORK_NOUNS), re.I)
# A run between a pair of quotation marks, curly or straight, on one line; or between
# single quotes, as headlines write titles ("Golden Globes 2025: 'Emilia Pérez,' 'The
# Brutalist,' Demi Moore win"), the opening one after no letter and the closing one
# before none, so an apostrophe inside a word ("O'Rourke", "Chiefs' win") opens nothing.
_QUOTED = re.compile(r"[“\"]([^”\"\n]{1,80}?)[”\"]|‘([^’\n]{1,80}?)’|(?<!\w)'(?=\w)([^'\n]{1,80}?)(?<=[\w,.!?])'(?!\w)")
MAX_TITLE_WORDS = 8


def asks_for_work(question: str) -> bool:
    """Whether the question asks "which / what [up to two words] <a kind of work>", for
    "the title of" one, or "what is <someone>'s [new] <kind of work>"."""
    return _WORKS.search(question) is not None or _TITLE_OF.search(question) is not None \
        or _OWNED_WORK.search(question) is not None


def reads_as_title(text: str) -> bool:
    """Short, opening with a capital, and every longer word capitalised: "Sinners", "When
    Harry Met Sally…", "Escape from Alcatraz"; not a quoted remark ("We are proud")."""
    words = text.split()
    if not words or len(words) > MAX_TITLE_WORDS or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 4 for w in words)


def quoted_runs(text: str) -> list[tuple[int, str]]:
    """The runs the text writes in quotation marks (double, or single as headlines write
    them), each with where it starts, without a comma or full stop the quote closes on
    ("“Anora,” the film..." -> "Anora")."""
    out = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        out.append((m.start(group), m.group(group).rstrip(",.;: ")))
    return out


def titles_in(sentence: str) -> list[tuple[int, int]]:
    """The quoted runs of the sentence that read as titles (`quoted_runs`,
    `reads_as_title`), as (start, end) inside the quotation marks."""
    return [(s, s + len(run)) for s, run in quoted_runs(sentence) if reads_as_title(run)]
