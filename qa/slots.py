"""The answer's slot: the word a sentence writes where the question writes "which X".

A reader that takes capitalised runs for answers never answers "Which coin was minted
for the last time?" ("The very last penny was minted on Wednesday"), "a 3D map of which
animal's brain?" ("a mouse's brain") or "Which type of outbreak has been linked to the
pasta meals?" ("a multi-state listeria outbreak"): the answer is a common noun. News
writes such an answer where the question's "which X" stands, between the same words, so
the sentence's word in that place is a candidate:

- before the words that follow the asked phrase ("which coin *was minted*" -> "penny
  *was minted*"; "which animal*'s brain*" -> "mouse*'s brain*"), unless the question
  inverts its verb ("which drug *did he* reclassify?": those words are not the answer's
  neighbours);
- after the words that precede it ("*convicted of* which crime" -> "*convicted of*
  embezzlement"), or, in an inverted question, after its last words ("which drug did
  Trump move *to reclassify* this week?" -> "*to reclassify* marijuana");
- before the kind word itself, when the question asks for a type ("which type of
  *outbreak*" -> "listeria *outbreak*").

Words are compared by stem (`qa.lexical.stem`); a candidate is one lower-case word, not a
function word. `qa.short_answer.extract` weighs the candidates with its other spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.lexical import STOP, WORD, stem, words

# "which" / "what", "type of" and the like, then the kind phrase's lower-case words.
_ASKED = re.compile(r"\b(?i:which|what)\s+((?:type|kind|sort)s?\s+of\s+)?((?:[a-z][\w’'-]*\s*){1,3})")
_POSSESSIVE = re.compile(r"[’']s$")
# Endings of words that are no thing: a verb's ("minted", "earned", "joining"; a short
# word or one in "-eed" is a noun as often: "red", "seed", "breed"), an adverb's, an
# adjective's ("aggressive", "famous", "careful"), a plural possessive's ("kids'").
_NOT_A_THING = re.compile(r"(?:\w{3,}(?<!e)ed|\w{3,}ing|ly|ive|ous|ful|less|able|ible|['’])$")
# A passive or perfect verb after the kind phrase ("which coin was minted", "which type of
# outbreak has been linked"; not "which team is he joining").
_BE_HAVE = frozenset("is are was were has have had".split())
# An inverted question puts its subject after these ("which drug did Trump reclassify?").
_INVERTING = frozenset("did does do will would can could should".split())
# Prepositions that may stand before "which" ("in which court", "under which president").
_BEFORE_WHICH = frozenset("""in on at to from for with by under over into onto through during after before
against between among about of""".split())
# Time words a question may end on ("...reclassify this week?"): not the verb's neighbours.
_TIME_WORDS = frozenset("""this last next week weeks month year today yesterday tonight recently now ago
earlier so far monday tuesday wednesday thursday friday saturday sunday on""".split())


@dataclass(frozen=True)
class Slot:
    """The words around the question's asked phrase, by stem."""

    lead: tuple[str, ...]  # up to two words right before "which" ("convicted of"), or an
    # inverted question's last two ("which drug did he move to reclassify?" -> "to reclassify")
    follow: tuple[str, ...]  # the words after the kind phrase, to the first content word ("was minted")
    kind: str | None  # the kind word, when the question asks for a type of it
    possessive: bool  # the kind word is written with "'s" ("which animal's brain")

    @classmethod
    def of(cls, clause: str) -> Slot | None:
        m = _ASKED.search(clause)
        if m is None:
            return None
        phrase, bounded = [], False
        for w in m.group(2).split():  # "coin was minted" -> "coin", "animal's brain" -> "animal's"
            if w.lower() in STOP or w.lower().endswith("ed"):
                bounded = True
                break
            phrase.append(w)
            if _POSSESSIVE.search(w):
                bounded = True
                break
        if not phrase:
            return None
        possessive = bool(_POSSESSIVE.search(phrase[-1]))
        kind = stem(_POSSESSIVE.sub("", phrase[-1]))
        before = words(clause[: m.start()])
        lead = tuple(stem(w) for w in before[-2:])
        rest = words(clause[m.start(2):])[len(phrase):]
        # "In which court did they file the lawsuit against Owens?": after a preposition,
        # the asked thing is that preposition's object, not the last verb's.
        governed = bool(before) and before[-1].lower() in _BEFORE_WHICH
        if not _says_something(lead) and not governed and rest and rest[0].lower() in _INVERTING:
            # "Which drug did Trump move to reclassify this week?": the asked thing is the
            # object of the clause's last verb ("move to reclassify marijuana").
            end = len(rest)
            while end > 1 and rest[end - 1].lower() in _TIME_WORDS:
                end -= 1
            lead = tuple(stem(w) for w in rest[1:end][-2:])
        # The words after the kind phrase stand next to the answer when it is a possessive
        # ("'s brain": the word it qualifies) or its verb is passive or perfect ("which coin
        # was minted" -> "penny was minted"; up to the first content word, at most three:
        # "has been" alone stands after any word). After an active verb the phrase's end is
        # unsure ("which team won the cup" reads "team won"), and an inverted question
        # ("which drug did he reclassify?") puts its subject there.
        follow: tuple[str, ...] = ()
        if possessive:
            follow = tuple(stem(w) for w in rest[:1])
        elif bounded and len(rest) > 1 and rest[0].lower() in _BE_HAVE and _participle(rest[1]):
            n = next((k + 1 for k, w in enumerate(rest[:3]) if w.lower() not in STOP), 0)
            follow = tuple(stem(w) for w in rest[:n])
        return cls(lead if _says_something(lead) else (), follow, kind if m.group(1) else None, possessive)

    def spans(self, sentence: str) -> list[tuple[int, int]]:
        """The sentence's words in the slot, as (start, end) offsets, first found first."""
        toks = [(m.start(), m.group()) for m in WORD.finditer(sentence)]
        stems = [stem(_POSSESSIVE.sub("", t)) for _, t in toks]
        out: list[tuple[int, int]] = []

        def take(i: int, possessive: bool = False, titled: bool = False) -> None:
            if not 0 <= i < len(toks):
                return
            s, t = toks[i]
            if possessive != bool(_POSSESSIVE.search(t)):
                return
            word = _POSSESSIVE.sub("", t)
            if ((word[:1].islower() or titled) and word.lower() not in STOP and len(word) > (1 if titled else 2)
                    and stems[i] != self.kind and not _NOT_A_THING.search(word)):
                out.append((s, s + len(word)))

        for i in range(len(toks)):
            if self.follow and tuple(stems[i : i + len(self.follow)]) == self.follow:
                take(i - 1, self.possessive)
            if self.lead and i >= len(self.lead) and tuple(stems[i - len(self.lead) : i]) == self.lead:
                # In a name the news writes in capitals, the slot's word is capitalised too:
                # "the Year of the Ox" for "the year of which animal?".
                lead = [t for _, t in toks[i - len(self.lead) : i] if t.lower() not in STOP]
                titled = i - len(self.lead) > 0 and bool(lead) and all(t[:1].isupper() for t in lead)
                take(i + 1 if i < len(toks) and toks[i][1].lower() in ("a", "an", "the") else i, titled=titled)
            if self.kind and stems[i] == self.kind:
                take(i - 1)
        return list(dict.fromkeys(out))


def _says_something(stems: tuple[str, ...]) -> bool:
    """Whether the words hold a content word: function words alone ("of the") stand
    anywhere."""
    return any(w not in STOP for w in stems)


def _participle(word: str) -> bool:
    """A past participle, as questions write one after "was" or "has" ("minted", "been",
    "taken")."""
    w = word.lower()
    return w == "been" or w.endswith(("ed", "en", "wn"))
