"""Word-level matching shared by the extractive answerer and the citation checker.

Content words are lower-cased, stop words removed and Snowball-stemmed, so "claimed"
matches "claim" and "bombings" matches "bombing". A few news verbs that questions and
articles phrase differently ("died" vs "killed") are folded into one class.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache

# Quotes, brackets and punctuation that stand around a word or a name, not in it.
EDGE = "\"'“”‘’()[]{}.,;:!?-—–"
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")  # a word, as every matcher here reads one
STOP = frozenset("""a an the and or but if of at by for with about against between into through
during before after above below to from up down in out on off over under again further then once
here there when where why how all any both each few more most other some such no nor not only own
same so than too very can will just don should now is are was were be been being have has had
having do does did doing would could ought i me my we our you your he him his she her it its they
them their what which who whom whose this that these those am as until while also said says say
according one two us""".split())
_SYNONYMS = {
    "die": "kill", "dead": "kill", "death": "kill", "kill": "kill", "fatal": "kill", "slain": "kill",
    "claim": "claim", "responsibl": "claim", "elect": "win", "win": "win", "won": "win", "defeat": "win", "beat": "win",
    "victori": "win", "far": "distanc", "distanc": "distanc", "km": "distanc", "mile": "distanc",
}


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    s = word_stem(word)
    return _SYNONYMS.get(s, s)


@lru_cache(maxsize=65536)
def word_stem(word: str) -> str:
    """The word's own stem, without `stem`'s synonyms: where a verb must be itself
    ("elected" is not "won", whose subject is the one elected)."""
    return _stemmer().stemWord(word.lower().replace("’", "'"))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def names(text: str, phrase: str) -> bool:
    """Whether the text holds the phrase as whole words (`WORD`), case aside: "the Eagles
    won" names "eagles", "Eaglesham" does not. An empty phrase is named nowhere."""
    wanted = " ".join(words(phrase)).lower()
    return bool(wanted) and f" {wanted} " in f" {' '.join(words(text)).lower()} "


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in words(text) if w.lower() not in STOP]


def idf_weights(docs: Iterable[list[str]]) -> dict[str, float]:
    docs = list(docs)
    df: dict[str, int] = {}
    for d in docs:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    n = len(docs)
    return {t: math.log(1 + (n + 1) / (c + 0.5)) for t, c in df.items()}


def coverage(query: list[str], doc: list[str], idf: dict[str, float]) -> float:
    """IDF-weighted share of the query's content words found in the doc (0..1)."""
    q = set(query)
    if not q:
        return 0.0
    d = set(doc)
    total = sum(idf.get(t, 1.0) for t in q)
    return sum(idf.get(t, 1.0) for t in q if t in d) / total if total else 0.0


_OWNER = re.compile(r"\S+[’']s\s+(\S.*)$")


def after_owner(name: str) -> str:
    """The name after its owner's possessive, as written ("Tesla's Elon Musk" -> "Elon
    Musk", "Tokyo's Haneda Airport" -> "Haneda Airport"); else the name."""
    m = _OWNER.match(name)
    return m.group(1) if m else name


def any_noun(nouns: Iterable[str]) -> str:
    """A regex for one of the nouns, the longest first, with or without a plural s, in a
    group of its own (the noun as listed)."""
    return "(" + "|".join(sorted(nouns, key=len, reverse=True)) + r")(?:e?s)?\b"


# A word between "which / what" and the noun it asks for is no verb or article: "What
# did the state pass?" asks for no state (`asking_for`, `people.person_after_a_name`).
NOT_A_VERB_OR_ARTICLE = r"(?!(?:did|does|do|is|was|are|were|has|have|had|will|would|can|could|should|of|the|a|an)\b)"


# A word that says when or how one holds what the next words name, before up to two more:
# "Which former national security adviser...?" asks for an adviser.
TIME_OF_HOLDING = r"(?:former|current|acting|interim|outgoing|incoming|longtime|then)\s+"


def asking_for(nouns: Iterable[str]) -> re.Pattern[str]:
    """A pattern for "which / what [up to two words] <noun>" ("Which Central American
    country", "what world leader", "which of the following companies"; a word such as
    "former" before them, `TIME_OF_HOLDING`: "which former national security adviser"),
    the noun, without a plural s, in group 1. No verb or article may stand between: "What
    did the state pass?" asks for a law, not a state. "Which is the <words> <noun>" asks
    for one as well ("Which is the happiest country?"); "what is the state of..." does not."""
    return re.compile(r"\b(?:which\s+(?:is|was|are|were)\s+the\s+|(?:which|what)\s+(?:of\s+the\s+following\s+)?)"
                      rf"(?:{TIME_OF_HOLDING})?(?:{NOT_A_VERB_OR_ARTICLE}[\w.’'-]+\s+){{0,2}}(?:[\w’']+-)?"
                      + any_noun(nouns), re.I)
