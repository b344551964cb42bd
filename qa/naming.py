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

from qa import works
from qa.lexical import EDGE

# "What is", "what's", "what was", "what will be": the verb a question asking for a name
# or a word opens with (optional in some patterns below: "What name...?").
_WHAT_IS = r"\bwhat(?:['’]s|\s+(?:is|was|are|were|will\s+be))"
# The kind of name asked, before "name": "What is the stage name of the band's drummer?",
# "What is Barbie's full name?", "What was the operation's code name?".
_KIND_OF_NAME = r"(?:(?:stage|pen|code|full|real|given|first|last|maiden|birth|ring|screen|brand|official|scientific|common)\s+)"
# "What is the name of...", "What's the rocket's name?", "What is the title of her album?",
# "What was al-Sharaa's nom de guerre?" (or alias, pseudonym, moniker),
# "What are the names of...", "under /
# with what name", "what was its name?", "...is called what?", "What is the robot called?".
_ASKS = re.compile(
    rf"{_WHAT_IS}?\s+(?:(?:the|its|their|his|her)\s+)?"
    rf"(?:[\w-]+['’]s\s+)?{_KIND_OF_NAME}?names?\b"
    rf"|{_WHAT_IS}\s+(?:the|its|their|his|her)\s+(?:[\w-]+['’]s\s+)?(?:new\s+)?titles?\b"
    r"|\b(?:what|which)\s+(?:new\s+)?names?\b"
    rf"|{_WHAT_IS}\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:[\w.-]+\s+){{0,3}}[\w-]+['’]s\s+)?(?:nom de guerre|alias|pseudonym|moniker)\b"
    r"|\b(?:called|named|dubbed|known\s+as)\s+what\b"
    r"|\bwhat\s+(?:is|was|are|were)\s+(?:[\w’'.-]+\s+){1,8}?(?:called|named|dubbed|known\s+as)\s*\?", re.I)
# "What nickname did he have?", "What did fans call it?", "What do scientists call the
# effect?", "What did the Department of Homeland Security call its operation?": a name,
# asked with other words.
# "call" is the verb there, after its subject: not "What did he say about the call?"; so is
# "name" ("What did Trump name his youngest son?"; not "What did his name mean?").
# "What did Trump rename the Gulf of Mexico?", "What was the airport renamed (to)?": the
# new name (not "rename which ship?", which asks for the thing renamed).
_ASKS_TOO = re.compile(r"\b(?:what|which)\s+(?:new\s+)?nicknames?\b"
                       r"|\bwhat\s+(?:do|does|did|will)\s+(?:[\w’'.-]+\s+){1,6}?(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)"
                       r"(?:call|(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)name)\b"
                       r"|\bwhat\s+(?:do|does|did|will|would|has|have)\s+(?:[\w’'.-]+\s+){1,6}?rename\b"
                       r"|\bwhat\s+(?:is|was|were|are|will\s+be|has\s+been|have\s+been)\s+(?:[\w’'.-]+\s+){1,8}?"
                       r"renamed(?:\s+(?:to|as))?\s*\?", re.I)
# "What is the much-derided slogan for...?", "What word did he use to describe...?",
# "What message did the league remove...?" (a message asked so, not "the chat messages" of
# a question asking who kept them),
# "What is Cambridge Dictionary's 2025 word of the year?", "What is the branding term...?":
# a word or phrase, which news quotes in whatever case it is written ("parasocial").
# "Term" only as "what term" or after "branding", "slang" or "new": "What is the length
# of his term?" asks no word.
_ASKS_WORD = re.compile(
    rf"{_WHAT_IS}?\s+(?:[\w.’'-]+\s+){{0,5}}?(?:(?:catch)?phrases?|words?|slogans?|mottos?)\b"
    r"|\bwhat\s+(?:[\w.’'-]+\s+){0,3}?messages?\b"
    rf"|{_WHAT_IS}?\s+(?:[\w.’'-]+\s+){{0,4}}?(?:branding|slang|new)\s+terms?\b"
    r"|\bwhat\s+terms?\b", re.I)
# A naming verb, then maybe "it" / "them" and an article: what follows is the name given;
# in the present too ("grants, which they often call "Zuckerbucks"").
# Not "named after", "called on", "called for": a lower-case word that is not quoted
# gives no name.
_GIVES = re.compile(r"\b(?:named|dubbed|called|calls?|dubs?|nicknamed|christened|renamed|titled|branded|known\s+as)"
                    r"(?:\s+(?:it|them|him|her))?(?:\s+(?:the|a|an))?\s+", re.I)
# A renaming, then the thing renamed: the new name follows that ("renamed the Gulf of
# Mexico the "Gulf of America"", "the renaming of "Gulf of Mexico" to the "Gulf of
# America"", "changing the name of the Gulf of Mexico to the Gulf of America").
_RENAMES = re.compile(r"\b(?:renam(?:e|es|ed|ing)(?:\s+of)?|(?:chang|switch)\w*\s+the\s+name\s+of)(?:\s+the)?\s+", re.I)
# Between the thing renamed and its new name.
_RENAMED_TO = re.compile(r"[”\"’']?\s*(?:to|as|into)?\s*(?:the\s+)?")
# A quoted run right after the verb, of one to five words: any case ("olo").
_QUOTED = re.compile(r"[“\"‘']([^”\"’'\n]{1,60}?)[”\"’']")
MAX_NAME_WORDS = 5
# What the verb names, between it and the quoted name: one or two capitalised words
# ("Trump called Monday "liberation day"").
_NAMED_THING = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?\s+")


def asks_for_name(question: str) -> bool:
    """Whether the question asks what a thing is named or called."""
    return _ASKS.search(question) is not None or _ASKS_TOO.search(question) is not None


def asks_for_word(question: str) -> bool:
    """Whether the question asks for a word or phrase (`_ASKS_WORD`)."""
    return _ASKS_WORD.search(question) is not None


def words_given(sentence: str) -> list[tuple[int, int]]:
    """The runs of one to `MAX_NAME_WORDS` words the sentence writes in quotation marks,
    in any case, as (start, end): for a question asking for a word or phrase, "The
    dictionary has selected "parasocial" for its 2025 Word of the Year" gives it with no
    naming verb, and in lower case, where a reader of capitalised runs does not look."""
    return [(s, s + len(run)) for s, run in works.quoted_runs(sentence)
            if run.strip() and len(run.split()) <= MAX_NAME_WORDS]


# A capitalised question word opens the question, not a name.
_QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())


def extends_a_name(span: str, question: str, name_run: re.Pattern[str]) -> bool:
    """Whether the span is one of the question's names with more words after or before it
    ("Kentucky Derby Future Wager Pool" for "What is the Kentucky Derby also known as?"):
    a thing named after the one asked about, or the thing itself, not the name it is given."""
    span_words = _words(span)
    for run in name_run.finditer(question):
        name = _words(run.group())
        if not name or name[0] in _QUESTION_WORDS or len(name) >= len(span_words):
            continue
        if any(span_words[i:i + len(name)] == name for i in range(len(span_words) - len(name) + 1)):
            return True
    return False


def _words(text: str) -> list[str]:
    """The text's words, lower-cased, without the punctuation at their edges: "U.S." is a
    word of "the U.S. Open" (a filter on letters alone left "Open" as the whole name).
    Not `lexical.words`, whose ASCII words split "Amazon.com" into "Amazon" and "com" (a
    name holding the question's "Amazon" and more) and "José" into two: reading with it
    changed which name a dev question's reader took."""
    return [w for w in (t.strip(EDGE) for t in text.lower().split()) if w]


def names_given(sentence: str, name_run: re.Pattern[str]) -> list[tuple[int, int]]:
    """The runs the sentence gives as a thing's name, as (start, end): a quoted run right
    after a naming verb ("dubbed "olo"" -> "olo", without the quotation marks; or after
    the thing it names: "called Monday "liberation day""), or the
    capitalised run there (`name_run`, the reader's pattern of a name: "named it Blue
    Ghost")."""
    out = [*_renamed(sentence, name_run)]
    for verb in _GIVES.finditer(sentence):
        at = verb.end()
        quoted = _QUOTED.match(sentence, at)
        if quoted is None and (named := _NAMED_THING.match(sentence, at)) is not None:
            quoted = _QUOTED.match(sentence, named.end())  # "called Monday "liberation day""
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


def _renamed(sentence: str, name_run: re.Pattern[str]) -> list[tuple[int, int]]:
    """The new names the sentence gives a thing it renames (`_RENAMES`), as (start, end):
    the quoted or capitalised run after the thing renamed, itself quoted or a capitalised
    run."""
    out = []
    for verb in _RENAMES.finditer(sentence):
        thing = _QUOTED.match(sentence, verb.end()) or name_run.match(sentence, verb.end())
        if thing is None:
            continue
        between = _RENAMED_TO.match(sentence, thing.end())
        at = between.end() if between else thing.end()
        if (new := _QUOTED.match(sentence, at)) is not None:
            text = new.group(1).rstrip(",.;: ")  # "“Gulf of America.”": without the stop
            if text.strip() and len(text.split()) <= MAX_NAME_WORDS:
                out.append((new.start(1), new.start(1) + len(text)))
        elif at > thing.end() and (run := name_run.match(sentence, at)) is not None:
            out.append((at, at + len(run.group().rstrip(",."))))
    return out
