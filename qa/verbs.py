"""Whether a word is a verb's past tense, regular or not.

The kind a question asks for ends where its verb starts: "Which tech company cut 9,000
jobs?" asks for a company, "Which Congressman wrote the bill?" for a congressman. A regular
past tense shows by its ending ("unveiled"); an irregular one ("told", "wrote", "won",
"led") does not, and those come from lemminflect's inflection table: the past tenses that
differ from their verb and are no noun's form ("rose", "left", "shot" are nouns too, and
"cut", "set", "hit" are their own verb). The table takes a quarter of a second to load,
so the forms are kept in the user's cache folder (`qa.wordcache`) after the first read.
"""

from __future__ import annotations

import functools
import re

from qa.wordcache import cached_words

# "unveiled", "announced"; not "need", "speed" or "red".
_REGULAR = re.compile(r"\w{2,}(?<!e)ed$")
# The cached forms' format: raise it whenever `_read_irregular` changes.
IRREGULAR_VERSION = 2


@functools.cache
def _irregular() -> frozenset[str]:
    return frozenset(cached_words("lemminflect", "irregular-past", IRREGULAR_VERSION, _read_irregular))


@functools.cache
def _table() -> dict[str, dict[str, tuple[str, ...]]]:
    """lemminflect's inflection table, lemma -> tag -> forms: read at most once a process,
    and only when a cached word list below is missing."""
    from lemminflect.core.Inflections import Inflections

    return Inflections()._getInflDict()


def _irregular_forms(tag: str) -> set[str]:
    """The lower-case forms under `tag` ("VBD", "VBN") that are not their verb's own form
    nor regular ones, which `_REGULAR` reads."""
    return {f for lemma, tags in _table().items() for f in tags.get(tag, ())
            if f != lemma and f.isalpha() and f.islower() and not _REGULAR.search(f)}


def _read_irregular() -> set[str]:
    """The irregular past tenses (VBD) that are no noun's form too (about 250 words, not
    6,500)."""
    nouns = {f for tags in _table().values() for f in tags.get("NN", ()) + tags.get("NNS", ())}
    return _irregular_forms("VBD") - nouns


# The cached pairs' format ("took take"): raise it whenever `_read_present` changes.
PRESENT_VERSION = 1


@functools.cache
def _present() -> dict[str, str]:
    pairs = cached_words("lemminflect", "past-verb-pairs", PRESENT_VERSION, _read_present)
    return dict(pair.split(" ", 1) for pair in pairs)


def _read_present() -> set[str]:
    """Each irregular past tense of `_read_irregular` with its verb, "took take"."""
    irregular = _irregular()
    return {f"{f} {lemma}" for lemma, tags in _table().items() for f in tags.get("VBD", ()) if f in irregular}


def present(word: str) -> str:
    """The verb an irregular past tense is of, in lower case ("overtook" -> "overtake",
    "swept" -> "sweep"), else the word as it is: a question asks "Which city did the rebels
    overtake?" of news that writes "the rebels overtook the city of Hama", and a stemmer
    reads the two as different words."""
    return _present().get(word.lower(), word)


# The cached participles' format: raise it whenever `_read_participles` changes.
PARTICIPLE_VERSION = 1


@functools.cache
def _participles() -> frozenset[str]:
    return frozenset(cached_words("lemminflect", "irregular-participle", PARTICIPLE_VERSION, _read_participles))


def _read_participles() -> set[str]:
    """The lower-case past participles (VBN) that are not their verb's own form nor regular
    ("sworn", "chosen", "given"; about 300 words). Unlike `_read_irregular`, a noun's form
    stays in ("given", "shot"): the callers read a word where a participle stands."""
    return _irregular_forms("VBN")


def past_participle(word: str) -> bool:
    """Whether the lower-case word is a verb's past participle, regular ("named") or not
    ("sworn", "chosen"): "Who was sworn in as leader?" writes no role after "was"."""
    return word.islower() and (_REGULAR.search(word) is not None or word in _participles())


def past_tense(word: str) -> bool:
    """Whether the word is a verb's past tense: "unveiled" (in any case), "told", "wrote"
    (in lower case: "Met" of "the Met Gala" is a name)."""
    return _REGULAR.search(word.lower()) is not None or (word.islower() and word in _irregular())
