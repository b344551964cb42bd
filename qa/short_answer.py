"""The short answer to a who / when / where / how-many question, as a span of a sentence.

Question type comes from the opening words of the sentence that asks; candidate spans
come from the best supporting sentences: capitalised names for who/where/which (a place
of the kind asked for, `qa.places`, when the question asks "which country / city /
state"), dates for when, numbers (with their unit or noun) for how many / how much / how
far. A span
scores by the sentences it appears in (weighted by how much each counts) and by how
close it stands to the question's own words there. Words of the question are never the
answer. The span is always copied from a source sentence (or headline), never composed.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import dropwhile, takewhile

from qa import bodies, naming, party_tags, people, periods, places, verbs, works
from qa.lexical import (
    EDGE,
    NOT_A_VERB_OR_ARTICLE,
    STOP,
    TIME_OF_HOLDING,
    after_owner,
    asking_for,
    content_stems,
    coverage,
    names,
    stem,
    word_stem,
    words,
)
from qa.sentences import split_sentences
from qa.slots import Slot

MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?")
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_YEAR_DIGITS = r"(?:1[5-9]|20)\d\d"
# A day of the month may follow its weekday ("Monday, May 26"): one date, not "Monday" and
# "May 26" (a lone weekday is dated by its article's week: `qa.weekdays`). A year after
# "in", "since" or "by" (capitalised where it opens a sentence: "In 1967, they held...") is
# one from 1500 on: "Flag Day was first observed in 1877".
_DATE = re.compile(rf"\b(?:(?:(?:{DAYS}),?\s+)?(?:{MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?|(?:{MONTHS})\s+\d{{4}}|(?:[Ii]n|[Ss]ince|[Bb]y)\s+{_YEAR_DIGITS}|(?:{DAYS}))\b")
_FROM_TWO = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"  # a part of a whole (`_PART_OF`)
_NUM_WORDS = f"one|{_FROM_TWO}|dozens?|hundreds?|thousands?|millions?|billions?|scores"
# A number written in figures ("1,500", "3.69"), and the words that may come before an
# amount ("about 500", "more than 20").
_FIGURE = r"\d[\d,]*(?:\.\d+)?"
_APPROX = "nearly|about|around|almost|more than|at least|over|some|roughly|up to|less than"
# A range is one number ("13 to 18 named storms", "$5 to $10", "6-10 inches"; a hyphen
# joins a range only when it rises, `_candidates`: "a 24-17 win" is a score).
_RANGE_END = rf"(?:\s+to\s+(?:[$£€]\s?)?(?:{_FIGURE}|\b(?:{_NUM_WORDS})\b)|[-–]{_FIGURE}(?![\d-]))?"
# "rose from two cases ... to 58 cases", "drop from about 99 degrees to as low as 37
# degrees": the figure after "to" is the one reached.
_TO_A_FIGURE = re.compile(rf"\bto\s+(?:as\s+[a-z]+\s+as\s+)?(?:{_APPROX}\s+)?(?:[$£€]\s?)?\d")
_HYPHEN_RANGE = re.compile(rf"({_FIGURE})[-–]({_FIGURE})")
_APPROX_BEFORE = rf"(?:{_APPROX}|fewer than)\s+"
_APPROXIMATE = re.compile(_APPROX_BEFORE, re.I)
# Digits written onto a letter are part of a name ("DeepSeek-V3", "G7", "COVID-19", "H5N1").
_NOT_IN_A_NAME = r"(?<![A-Za-z\d])(?<![A-Za-z]-)"
_NUMBER = re.compile(
    rf"(?:{_APPROX_BEFORE})?"
    rf"(?:[$£€]\s?)?(?:{_NOT_IN_A_NAME}{_FIGURE}|\b(?:{_NUM_WORDS})\b){_RANGE_END}(?:(?:bn|tn|m|k)\b)?(?:\s?(?:%|percentage points?|percent|per cent|million|billion|trillion|"
    rf"km|kilometres|kilometers|miles|metres|meters|mph|years?|(?:of\s+)?people|dead|deaths|votes|seats)(?!\w)"
    rf"|[\s-]?(?:cents?|dollars?|euros?)\b|-(?:million|billion|trillion)\b)*"
    rf"(?:\s?\((?:\d[\d,]*\s?(?:miles|km))\))?", re.I)
# A name's words may be joined by a few lower-case words or an ampersand ("Ben & Jerry's",
# "Lilo & Stitch"), among them the particles of personal names, one or two of them
# ("Lula da Silva", "Ursula von der Leyen", "Fernando de la Rúa", "Bank of the West"),
# and "for" between two capitalised words ("Centers for Disease Control", "Alternative for
# Germany": not "Alternative" alone; "for the" joins nothing; `_runs` cuts the rest),
# and "No." with its number is one of them ("Red No. 3", "Yellow No. 5"). A particle
# may also be written onto the surname ("Joseph diGenova", "Neil deGrasse Tyson"): a
# word of a few lower-case letters, then a capital and a lower-case letter.
_JOINER = (r"(?:of(?:\s+the)?|for|the|de(?:\s+(?:la|las|los))?|del|della|da|di|du|dos|das|al|bin|ibn"
           r"|van(?:\s+(?:der|den|de))?|von(?:\s+der)?|and|&)")
# An Arabic article written onto the word after it, inside a name: "Abu Mohammad al-Golani".
_ARABIC_ARTICLE = r"(?:al|el|ad|ash|ar|az|ud|ul)"
_NAME_WORD = r"[A-Z](?:[\w'’.-]|(?<=\d):(?=[A-Z\d]))*"  # a colon between a figure and a capital: "O157:H7"
NAME_RUN = re.compile(rf"\b(?:{_NAME_WORD}|al-\w+)(?:\s+(?:{_JOINER}\s+)?"
                      rf"(?:No\.\s\d+\b|{_NAME_WORD}|[a-z]{{1,3}}[A-Z][a-z][\w'’.-]*|{_ARABIC_ARTICLE}-[A-Z][\w'’.-]*))*")
# One word of a nationality's endings ("Chinese", "Canadian", "Danish", "Korean"), or one
# ending in "-an" made from a country's name ("Mexican", "Cuban": `places.demonym_country`):
# before a lower-case word it is an adjective ("Chinese app"), not the name asked for.
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ese|ian|ish|ean)")


def _peoples(text: str) -> bool:
    """Whether the span is one word naming a people in the plural ("Americans",
    "Moldovans", "Palestinians"): a nationality with an "s". Not a party ("Republicans")."""
    return " " not in text.strip() and text.endswith("s") and _nationality(text[:-1])


def _nationality(word: str) -> bool:
    return bool(_NATIONALITY.fullmatch(word)) or places.demonym_country(word) is not None


# A dateline: the place a story was filed from, in capitals where its text opens, maybe
# with a state and a date, then a dash ("WASHINGTON −", "MARANA, Ariz. —", "BOULDER, CO −",
# "DAMASCUS/JERUSALEM, July 16 (Reuters) -"). It tells where the reporter was, not who did
# what: no answer to "who" or "which group".
_DATELINE = re.compile(r"\W*([A-Z][A-Z.'’/ -]*[A-Z.])(?:,\s*(?:[A-Z][a-z]*\.?|[A-Z]{2}\b|(?:[A-Z]\.){2}))?"
                       r"(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*(?:\([^)]{1,30}\)\s*)?[—–−―-]")
# The dateline of a roundup of briefs from many places: the town, in title case, and a colon
# ("Juneau: A Tlingit clan hat was welcomed back...").
_BRIEF_DATELINE = re.compile(r"\W*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}):\s+(?=[A-Z“\"])")
# The months and weekdays as written ("Sept" and "Sep" too: not a park's name in "Sept. 15").
_NOT_ANSWERS = {*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept", *calendar.day_name} | {
    "The", "A", "An", "In", "On", "At", "After", "Before", "But", "And", "It", "He", "She", "They",
    "This", "That", "These", "Those", "We", "I", "His", "Her", "Their", "Its", "As", "For", "When",
    "While", "If", "Since", "Earlier", "Later", "Authorities", "Officials", "Advertisement", "Source",
    "Mr", "Mrs", "Ms", "Dr"}

# The labels news writes before a colon, above or in a story ("Editor’s Note: Danielle
# McLean is...", "Analysis: China's Xi..."): never what a question asks for.
_COLON_LABELS = {"Editor’s Note", "Editor's Note", "Editor’s note", "Editor's note", "Opinion", "Analysis", "Correction",
                 "Clarification", "Update", "Related"}


_PREPOSITIONS = {"in", "at", "from", "of", "to", "near", "into", "across", "outside", "inside", "on",
                 "for", "during", "with", "against", "about", "after", "before"}
# How well a whole name must score, against the one-word name it ends, to be the answer.
WHOLE_NAME_SHARE = 0.5
# How much a name counts that is not a place of the kind asked for ("Which country...?":
# "Trump", "Japanese"), or that is a place when something else is asked for ("Which
# company...?": "Detroit"), or a number without the unit asked for ("What is the value
# ...?": "eight"). Not zero: the list of places may lack the one meant, a place is now
# and then the answer to "who", and an amount may be written without its unit.
NOT_THE_KIND = 0.3
# How much a sentence counts that speaks of another period than the one the question
# names ("this season" for "...last season?", `qa.periods`): its figures are another
# period's, though the rest of its words match.
OTHER_PERIOD = 0.5
# How much a sentence counts that names the period the question names ("This year,
# Thanksgiving is Nov. 27." for "What date is Thanksgiving this year?"): its figures are
# that period's, as another period's are not (the inverse of `OTHER_PERIOD`).
SAME_PERIOD = 1 / OTHER_PERIOD
# How much a sentence counts that is set in other countries than the one the question
# names (`places.countries_in`: "the magnitude 5.2 earthquake in Southern California"
# for "...the earthquake that hit southwestern Japan?"): its figures and names are of
# another story, though its other words match.
OTHER_COUNTRY = 0.5
# How much a place counts when the question asks for a kind of person ("Who was the
# suspect...?", "Which singer...?"): less than another kind's miss, since the kind of
# person asked for rules a place out more surely than "who" alone does ("Maine" beside
# "Robert Card"). Other names that are no known person's keep `NOT_THE_KIND`: a one-word
# stage name or a surname alone ("Nezza", "Goulet") may be the person asked for.
PLACE_FOR_A_PERSON = NOT_THE_KIND ** 2
# A name held by more than this share of the archive's chunks counts less as the answer
# to "who / which ...", by the square root of how much more: the archive's dominant name
# ("Trump" in a 2025 archive, one chunk in five) stands near the question's words in
# every story about its subject, and the question more often asks for someone else in it.
# Not for "which country / city / state": the few countries in the news are all common,
# and the list of places already tells the kind.
COMMON_NAME_SHARE = 0.02
# Each name's share of the archive's chunks (`qa.keyword.KeywordIndex.share`).
NameShare = Callable[[Sequence[str]], dict[str, float]]


@dataclass(frozen=True)
class Span:
    text: str
    sentence: int  # index into the sentences given
    score: float
    kind: str | None = None  # what the question asks for (`question_type`), as the span was read
    # The news writes the kind asked for beside the name or in it where the name is read
    # ("Kremlin spokesman Dmitry Peskov", "Michael McKinley, a former senior adviser to...",
    # "the Allen Institute, a research center"): it says the name is of that kind, which
    # makes a right answer more likely than the span's score alone says (`qa.confidence`).
    marked: bool = False


_FULL_NAME = re.compile(r"\bfull\s+names?\b", re.I)
_BY_WHOM = re.compile(r"(?:(?:to|for|with|by|from|of|about|against)\s+)?(?:who|whom|whose)\b", re.I)
# A name right after one of these, before a lower-case word, modifies that word ("her Emmy
# win"): it is not who did what the question asks.
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def dateline_end(sentence: str) -> int:
    """Where the sentence's dateline ends (`_DATELINE`, `_BRIEF_DATELINE`), 0 when it opens
    with none: the capitals must name a place ("NASA - the agency said" is no dateline)."""
    m = _DATELINE.match(sentence)
    first = m.group(1).split("/")[0].strip() if m else ""
    if m and (places.find_any(first) or places.find("city", first)):  # "GAZA CITY"
        return m.end()
    brief = _BRIEF_DATELINE.match(sentence)  # "Juneau: ...", the whole run a place: not "Washington Post: ..."
    return brief.end() if brief and places.is_any_place(brief.group(1)) else 0


def q_stems_of(question: str) -> set[str]:
    return set(content_stems(question))


# "How old is...?", "how long did...?": a measure, answered with a number ("57", "25 hours").
_HOW_MEASURE = "old|long|tall|big|large|high|low|deep|wide|heavy|fast|often|hot|cold|warm"
# The asking phrase may open mid-sentence: after a preposition ("...transferred to which
# country?", "...by which Chinese company?") or a verb ("...meaning how many more weeks
# of winter?", "England beat which nation?", "...used AI to mimic which US official?";
# "About how far is Puerto Peñasco from Phoenix?"),
# or after an opening phrase and a comma, "who" / "when" / "where" with its verb
# ("According to a new poll, who is...?", "Finally, when does...?"; not the relative
# clause in "Amy Carter, who attended...").
_ASKED_MID = re.compile(r"\b(?:which|what|whom|how (?:many|much|far|" + _HOW_MEASURE + r"))\b"
                        r"|(?<=, )(?:who|when|where)(?= (?:is|was|are|were|did|does|do|will|has|have|had|can"
                        r"|could|would|should)\b)", re.I)
# The words that ask a chance (`_QUANTITY`, `_ODDS_ASKED`).
_ODDS_WORDS = r"odds|chances?|probabilit(?:y|ies)|likelihood"
# "What is the new fee...?", "What was the average price...?", "What tariff did...?",
# "What is Claudia Sheinbaum's approval rating?", "What are the odds that the asteroid
# hits the moon?": a quantity is asked for.
_QUANTITY = re.compile(r"what(?:'s| is| was| are| were| will be)? (?:the |a |an )?(?:(?:[\w.-]+ ){0,4}?[\w.-]+['’]s )?"
                       r"(?:[\w-]+ ){0,3}?(?:(?:price|cost|fee"
                       r"|fine|rate|rating|salary|wage|age|toll|total|value|budget|population|temperature|speed|height"
                       r"|length|size|weight|score|sum|tariff|magnitude)s?"
                       rf"|{_ODDS_WORDS}|tax(?:es)?|lev(?:y|ies))\b")

# "What is the federal tax filing deadline?", "What is the due date...?": a date.
_DEADLINE = re.compile(r"what(?:'s| is| was| will be)? (?:the |a |an )?(?:[\w.-]+ ){0,4}?(?:deadline|date)s?\b")


# A number question that asks for an amount of money or a percentage ("What is the
# estimated value of the jewelry?", "How much was the airline fined?", "What share of the
# votes...?"): a count is not its answer.
_MONEY_ASKED = re.compile(r"\b(?:price|prices|cost|costs|fee|fees|fine[sd]?|value|worth|salary|salaries|wage|wages"
                          r"|budget|revenue|valuation|jackpot|prize money|how much money)\b"
                          # "How much did DeepSeek spend...?", "How much was he paid?", "For how much
                          # did Trump sue the Times?", "How much did Musk donate...?", "How much
                          # will removing fluoride save the utility?": money too
                          r"|\bhow much\b.*\b(?:spen[dt]s?|spending|pa(?:y|ys|id)|earn(?:s|ed)?|invest(?:s|ed)?"
                          r"|charge[sd]?|sue[sd]?|seek(?:s|ing)?|sought|raise[sd]?|owe[sd]?|sell(?:s|ing)?|sold"
                          r"|donat(?:e|es|ed|ing)|contribut(?:e|es|ed|ing)|lend(?:s|ing)?|lent|borrow(?:s|ed|ing)?"
                          r"|sav(?:e|es|ed|ing))\b", re.I)
# A size of money written before a noun, with no figure: "a billion-dollar crisis", "a
# multimillion-dollar deal" say how big, not how much.
_MONEY_SIZE = re.compile(r"(?:multi-?)?(?:hundred|thousand|million|billion|trillion)[- ]dollar", re.I)
_PERCENT_ASKED = re.compile(r"\b(?:percent|percentage|per cent|proportion)\b|\b(?:what|which|the)\s+share\s+of\b", re.I)
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|euros?|cents?|pounds sterling)\b", re.I)
# A difference of shares: it answers "by how many percentage points", not "what percentage".
_POINTS = re.compile(r"\bpercentage points?\b", re.I)
_PERCENT = re.compile(rf"%|\bper ?cent\b|{_POINTS.pattern}", re.I)
# "What are the odds / chances that...?": a share ("1.7%") or "1 in 43"; not "seven years".
_ODDS_ASKED = re.compile(rf"\b(?:{_ODDS_WORDS})\b", re.I)
_ONE_IN = re.compile(r"\b\d[\d,.]*\s+in\s+\d[\d,.]*\d\b|\b\d\s+in\s+\d\b")
_ODDS = re.compile(rf"{_PERCENT.pattern}|{_ONE_IN.pattern}", re.I)
# "hundreds", "about thousands": how many said without a figure.
_VAGUE = re.compile(r"(?:\w+\s+)?(?:dozens|hundreds|thousands|millions|billions|scores)(?:\s+of\s+people)?", re.I)
_YEAR_ASKED = re.compile(r"\b(?:what|which)\s+year\b", re.I)
# "How long did the shutdown last?", "How long is the snake?": a length of time or of
# space, written with its unit ("43 days", "25 hours and 5 minutes", "4 inches"); a bare
# number beside it is another measure ("Booker, 55, ...": an age). "How long ago" asks a date.
# So do a height and a depth: "How tall...?", "At what height did the river crest?" ("26.1 feet").
_LONG_ASKED = re.compile(r"\bhow (?:long|tall|high|deep)\b(?!\s+ago\b)|\b(?:what|which)\s+(?:height|depth|length)\b", re.I)
_LONG_UNIT = (r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century"
              r"|inch(?:es)?|feet|foot|yards?|miles?|met(?:er|re)s?|kilomet(?:er|re)s?|km"
              r"|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm)")
# An amount may be "two and a half" ("two-and-a-half hours").
_AMOUNT = (rf"(?:{_FIGURE}|\b(?:{_NUM_WORDS}|half an?|a few|several)\b)(?:[\s-]and[\s-]a[\s-]half\b)?"
           rf"(?:\s+to\s+{_FIGURE})?")
_MEASURE = re.compile(rf"(?:(?:{_APPROX})\s+)?"
                      rf"{_AMOUNT}[\s-]+{_LONG_UNIT}\b(?:,?\s+and\s+{_AMOUNT}[\s-]+{_LONG_UNIT}\b)?", re.I)
# A length joined to its unit by a hyphen stands before a noun and measures it ("a
# 25-hour speech", the "three-and-a-half-hour" film): it answers "How long...?" when
# that noun is the question's (`extract`).
_LENGTH_BEFORE_A_NOUN = re.compile(rf"[-–]{_LONG_UNIT}$", re.I)
_HAS_LONG_UNIT = re.compile(rf"\b{_LONG_UNIT}\b", re.I)
# The dimension a length measures, where the question or the text says it: "How tall...?"
# is answered by "363 feet tall", not by "33 feet in diameter" of the same sentence.
_DIMENSION_ASKED = re.compile(r"\bhow (tall|high|deep|long|wide|thick)\b|\b(?:what|which)\s+(height|depth|length|width)\b", re.I)
# The word may be written onto the length with a hyphen: "A 3,000-foot-long and 15-foot-wide bridge".
# A figure and a unit of time, written apart or by a hyphen ("two weeks", "three-day"):
# in a question, the period it asks about ("...in the last two weeks?").
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)"
_TIME_UNIT_STEMS = frozenset(stem(u) for u in ("second", "minute", "hour", "day", "week", "month", "year", "decade"))
_A_PERIOD = re.compile(rf"\b(?:{_FIGURE}|{_NUM_WORDS})[\s-]+{_TIME_UNIT}\b", re.I)
_OPENS_WHICH = re.compile(r"\s*(?:which|what)\b", re.I)
_TIME_UNIT_NEXT = re.compile(rf"[\s-]+{_TIME_UNIT}\b", re.I)  # after a figure
_TIME_UNIT_END = re.compile(rf"\s{_TIME_UNIT}$", re.I)  # a figure's span that holds its unit ("3 years")
_DIMENSION_AFTER = re.compile(r"(?:\s*|-)(tall|high|deep|long|wide|thick|across|in (?:diameter|width|length|height|depth))\b", re.I)
_DIMENSION = {"tall": "high", "high": "high", "height": "high", "in height": "high", "deep": "deep", "depth": "deep",
              "in depth": "deep", "long": "long", "length": "long", "in length": "long", "wide": "wide",
              "width": "wide", "in width": "wide", "across": "wide", "in diameter": "wide", "thick": "thick"}


def _dimension_asked(question: str) -> str | None:
    """The dimension the question's length measures ("high" for "How tall...?", "deep"
    for "What depth...?"), or None when it names none."""
    m = _DIMENSION_ASKED.search(question)
    return _DIMENSION[(m.group(1) or m.group(2)).lower()] if m else None


# "Which number president was William McKinley?", "which numbered President": a rank,
# an ordinal ("the 25th President"); not "what number of", nor "what number did he wear?".
_ORDINAL_ASKED = re.compile(rf"\b(?:which|what)\s+number(?:ed)?\s+{NOT_A_VERB_OR_ARTICLE}[a-z]", re.I)
# "What level of travel advisory...?", "Which category storm...?", "Where does Las Vegas
# rank...?": a grade, written as its word and number ("Level 3", "Category 4", "No. 29")
# or as an ordinal in figures ("29th"; `_GRADE`), not a count.
_GRADE_ASKED = re.compile(r"\b(?:what|which)\s+(?:level|category|stage|tier|phase|grade|rank|ranking)\b"
                          r"|\bwhere\s+(?:does|did|do|will|is|was|are|were)\b[^?]*?\brank(?:ed|s)?\b", re.I)
_GRADE = re.compile(r"\b(?:Level|Category|Stage|Tier|Phase|Grade|No\.)\s?\d+\b|\b\d+(?:st|nd|rd|th)\b")
# An ordinal in figures: "32nd", "250th". One in words ranks more often than it names:
# "the first country to ban...", "the ninth team to win..." answer no "which country".
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
# "By what vote...?", "What was the final score?": a tally, two figures with a dash ("4-1",
# "24-21"; a comma or a stop may follow, "beat the Huskies, 34-13, in..."), not either
# figure alone.
_TALLY_ASKED = re.compile(r"\b(?:what|which)\s+(?:was\s+the\s+)?(?:final\s+)?(?:(?:vote|margin)\b(?!\s+of\b)|(?:score|tally)\b)", re.I)
_TALLY = re.compile(r"(?<![\d.,/-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/-]|[.,]\d|\s?(?:p\.m\.|a\.m\.|pm|am)\b)")
# "At what time does he tee off?": the time of day ("1:12 p.m.", "noon"), not the date.
_CLOCK_ASKED = re.compile(r"\b(?:what|which)\s+time\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d\d)?\s?(?:a\.m\.|p\.m\.|(?:am|pm)\b)|\b(?:noon|midnight)\b", re.I)
# "On what date...?", "Which day...?": a day, written with its day of the month ("Monday,
# Feb. 17", "Feb. 17"). A month and year ("Feb. 2025") names no day, and a weekday alone
# ("on Tuesday began releasing") only the day in the week its article was written, which
# for a date asked was as often another event's (not "which day of the week").
_DAY_ASKED = re.compile(r"\b(?:what|which)\s+(?:date|day)\b(?!\s+of\s+the\s+week)", re.I)
_DAY = re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{MONTHS})")
# A month and its year alone ("February 2025"): no day, so no answer to "on what date".
_MONTH_YEAR = re.compile(rf"(?:{MONTHS})\.?,?\s+{_YEAR_DIGITS}")
_YEAR = re.compile(rf"\b{_YEAR_DIGITS}\b")


# A number right after one of these words names the day, game or part ("day two",
# "Game 7", "Phase 3"): it is not an amount.
_LABELS = (r"(?:day|game|round|phase|stage|part|chapter|season|episode|step|level|tier|category"
           r"|article|section|week|no\.|number|vol\.|volume)")
_LABELLED = re.compile(rf"\b{_LABELS}\s+$", re.I)
# "Category 4 Hurricane Erin", "Game 7": the label before its number is no name of its own.
_A_LABEL = re.compile(_LABELS, re.I)
_NUMBER_AFTER = re.compile(r"\s+\d")


def _periods_named(question: str, asked: Asked) -> bool:
    """Whether the question writes a period, a figure and a unit of time ("in the last two
    weeks"), and asks an amount that is no length of time (not "How long...?", "How many
    weeks...?", nor money, a count or a date): then its figures of time are the period's,
    and a figure the news writes in a unit of time ("three weeks", "a three-day
    increase") names a period too, not the amount asked."""
    return asked.unit in (None, "percent") and not asked.counted and _A_PERIOD.search(question) is not None


def unit_asked(question: str) -> str | None:
    """"money" or "percent" when a number question asks for one, "count" for another "how
    many" question ("How many people paid the fee?" asks for a count, never money),
    "long" for a "how long" one (a length of time or space, `_LONG_ASKED`), "tally" for
    a vote or score (`_TALLY_ASKED`), "ordinal" for a rank ("which number president",
    `_ORDINAL_ASKED`), "grade" for a level, category or rank ("Level 3", "No. 29";
    `_GRADE_ASKED`), "odds" for a chance ("1.7%", "1 in 83"; `_ODDS_ASKED`), "year" for a
    "what year" question, "clock" for a "what time" one (`_CLOCK_ASKED`), "day" for a
    "what date" or "which day" one (`_DAY_ASKED`), else None."""
    return _unit(question_type(question), asking_clause(question))


def _unit(kind: str | None, asked: str) -> str | None:
    if kind == "date":
        return "year" if _YEAR_ASKED.search(asked) else "clock" if _CLOCK_ASKED.search(asked) \
            else "day" if _DAY_ASKED.search(asked) else None
    if kind != "number":
        return None
    if _PERCENT_ASKED.search(asked):
        return "percent"  # "by how many percentage points": a share, written with "%" or "percent"
    if _ODDS_ASKED.search(asked):
        return "odds"
    if _GRADE_ASKED.search(asked):
        return "grade"
    if re.search(r"\bhow many\b", asked, re.I):
        return "count"
    if _TALLY_ASKED.search(asked):
        return "tally"
    if _ORDINAL_ASKED.search(asked):
        return "ordinal"
    if _LONG_ASKED.search(asked):
        return "long"
    return "money" if _MONEY_ASKED.search(asked) else None


# The (up to three) words after "how many" / "which" / "what" that say what is asked.
_COUNTED = re.compile(r"\bhow (?:many|much)\s+((?:[\w’'-]+\s*){1,3})", re.I)
# "Which two teams...?", "What two countries...?": the answer names two.
_PAIR = re.compile(r"\b(?:which|what)\s+two\b", re.I)
# A place written before "-based" says where the name after it is based ("the Issaquah,
# Washington-based retailer", "California-based Apple"): it is not that name.
_BASED = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?-based\b")
# A word of a venue's name beside the place it is in: "National Cathedral" in
# "Washington National Cathedral", not the initials of "Washington D.C.".
_VENUE_WORD = re.compile(r"\b[A-Za-z]{3,}")
# "24 of 32 team owners", "about 500 of its roughly 850 locations", "Eight out of the
# twelve songs": the first number is the count of the things named after the second,
# which is their whole. A number in words from two on ("one of the 2,000 victims" is
# one among them, rarely a count asked). A range of years before the things is read
# whole ("112,965 of its 2021-2023 F-150 trucks" counts trucks).
_QUALIFIER = r"(?:the|its|their|his|her|about|around|roughly|nearly|almost|some|over|more than)"
_PART_NUMBER = rf"(?:{_FIGURE}|\b(?i:{_FROM_TWO})\b)"
_OF_WHOLE = re.compile(rf"\s+(?:out\s+)?of\s+(?:{_QUALIFIER}\s+)*{_PART_NUMBER}(?:[-–]\d+\b)?")
_PART_OF = re.compile(rf"{_PART_NUMBER}\s+(?:out\s+)?of\s+(?:{_QUALIFIER}\s+)*$")
# "a death total of 1,301", "the death toll rose to 58": the number counts what the word
# before "toll" names (deaths), though no noun follows it (`_tolled`).
_TOLL_OF = re.compile(rf"\b([a-z]+)\s+(?:toll|total|tally|count)\s+(?:[a-z]+\s+){{0,2}}?(?:{_QUALIFIER}\s+)*$", re.I)
# "Where was the flight flying from?", "Which country is he from?": the place asked for
# is the one written after that preposition ("...crew members from Wichita").
_ENDS_ON = re.compile(r"\b(from|to|into|in|at|on)\s*\?\s*$", re.I)
# "Near which Florida city did Helene make landfall?": the place written after "near"
# ("landfall ... near Perry, Florida"), not the one the story was filed from.
_NEAR_WHICH = re.compile(r"^\W*(near)\s+(?:which|what)\b", re.I)
# "On which network did he say it?", "At which stadium was it held?": the name asked for
# is the one written after that preposition ("in a 2016 appearance on Fox News").
_OPENS_ON = re.compile(r"^\W*(on|at|from|to|into|in|with|for)\s+(?:which|what)\b", re.I)
# "Until what date...?", "By which day...?", "Through around what date...?": the date asked
# for is the one written after that preposition ("...under the USMCA until April 2"), not
# another the sentence names ("Trump on Thursday said..."); the words that may stand
# between the preposition and the date ("through around March 29").
_ROUGHLY = frozenset({"around", "about", "roughly", "approximately"})
_DATE_AFTER = re.compile(rf"\b(until|till|through|by|since|before|after|from)\s+(?:(?:{'|'.join(sorted(_ROUGHLY))})\s+)?"
                         r"(?:what|which)\s+(?:date|day|year|month)\b", re.I)
# "Who said...?", "Which senator said...?": the asked name says it. "Said" is a function
# word to the reader's closeness (`lexical.STOP`), so where a name stands beside it is
# read here (`_speaks`).
_SAID = people.SAID
_SAID_WORD = re.compile(rf"{_SAID}|told|tells|added|wrote", re.I)


def _asks_who(verb: str) -> re.Pattern[str]:
    """"Who <verb>...?", "Which <up to four words> (has) <verb>...?": a question for whoever
    did what `verb` (a pattern) says."""
    return re.compile(rf"\b(?:who\s+|(?:which|what)\s+(?:[\w’'.-]+\s+){{1,4}}?)(?:has\s+|have\s+|had\s+)?{verb}", re.I)


_ASKS_SPEAKER = _asks_who(rf"{_SAID}\b")
# "Who won...?", "Which team won...?": the asked name won (`Asked.winner`).
_ASKS_WINNER = _asks_who(r"(?:won|wins|win)\b(?![’']t)")
# "Who scored...?", "Who has scored...?": a past tense right after "who" (`Asked.verb`).
_ASKS_DOER = re.compile(r"^\s*who\s+(?:has\s+|had\s+|have\s+)?([a-z]+)\b", re.I)
# "Who is hosting...?", "Who will host...?": the doer of a deed under way or to come.
_ASKS_DOER_NOW = re.compile(r"^\s*who\s+(?:(?:is|are)\s+([a-z]+ing)|will\s+([a-z]+))\b", re.I)
# Verbs of those that ask no deed ("Who will be...?") or have their own readings (`Asked.winner`).
_NO_DEED_NOW = frozenset("be win say tell".split())
# After a name, the verb it does: an aside between commas, then "has", "had", "will", a
# form of "be" or the contraction "'s" ("Virgil van Dijk's scored"), then the verb.
_ASIDE = r"(?:\s*,[^,]{1,60},)?"
_DOES = re.compile(rf"(?:[’']s\b)?{_ASIDE}\s*(?:(?:has|had|have|will|is|are|was|were)\s+)?([a-z]+)\b")
# After a name, the doer's noun of that verb: "Trevor Noah reprising as host".
_AS_THE_DOER = re.compile(rf"{_ASIDE}\s+(?:[a-z]+\s+)?as\s+(?:the\s+)?([a-z]+)\b")
_SAID_OR_WON = re.compile(rf"{_SAID}|won", re.I)
# Past forms that say no deed of their own: "Who was elected...?", "Who had...?", "Who did...?".
_NO_DEED = frozenset("was were had did could would should might".split())


def _verb_stem(word: str) -> str:
    """A verb's own stem from any of its forms ("scored", "overtook" -> "overtake"): the
    question's verb and the sentence's are compared by it (`Asked.verb`, `Asked.ended_by`)."""
    return word_stem(verbs.present(word))


def _mostly_new(span_stems: set[str], topic: frozenset[str]) -> bool:
    """Whether more of a title's content words are new to the question than are its own."""
    content = {t for t in span_stems if t not in STOP}
    return len(content - topic) > len(content & topic)


def _doer_verb(clause: str) -> str | None:
    """The stem of the verb a "Who <past tense>...?" question asks the doer of ("Who scored
    Liverpool's goal?": "score"), or None: "said" and "won" have their own readings
    (`Asked.speaker`, `Asked.winner`)."""
    if (now := _ASKS_DOER_NOW.match(clause)) is not None:  # "Who is hosting...?", "Who will host...?"
        verb = _verb_stem(now.group(1) or now.group(2))
        return None if verb in _NO_DEED_NOW else verb
    m = _ASKS_DOER.match(clause)
    if m is None or not verbs.past_tense(m.group(1)) or _SAID_OR_WON.fullmatch(m.group(1)) \
            or m.group(1).lower() in _NO_DEED:
        return None  # "Who was elected...?": an auxiliary, whose doer is no answer
    return _verb_stem(m.group(1))


# "How many small systems had detectable levels...?": the verb after what a count
# question counts (`Asked.count_verb`), with the auxiliaries a passive writes before it
# ("How many people were killed?").
_HOW_MANY_THEN = re.compile(r"\bhow (?:many|much)\s+(.+)", re.I)
_AUXILIARY_BEFORE = frozenset("was were is are has have had been".split())
_MODALS = frozenset("can could will would shall should may might must".split())


def _count_verb(clause: str) -> str | None:
    """The stem of the verb whose subject a "how many" question counts ("How many small
    systems had detectable levels of PFAS?": "have"; "How many people were killed?":
    "kill"), or None: a count that is the object ("How many acres had the fire burned?",
    "How many migrants could the facility house?"), a mere "were", or no past tense
    before a function word. The news writes the count asked as that verb's subject too:
    "Only five small systems had detectable levels", not "testing 140 drinking water
    systems"."""
    m = _HOW_MANY_THEN.search(clause)
    toks = [t.strip(EDGE) for t in m.group(1).split()] if m else []
    if not toks or toks[0].lower() in STOP:
        return None  # "By how much have cases increased?": nothing counted before the verb
    for i, t in enumerate(toks[1:7], 1):
        low = t.lower()
        if low in _MODALS or low in ("did", "does", "do"):
            return None
        if low in _AUXILIARY_BEFORE:
            rest = list(dropwhile(lambda w: w.lower() in _AUXILIARY_BEFORE, toks[i + 1:]))
            nxt = rest[0] if rest else ""
            if nxt.islower() and verbs.past_tense(nxt):
                return _verb_stem(nxt)  # "were killed", "had been reported"
            if low == "had" and nxt.islower() and nxt not in STOP and not any(
                    verbs.past_tense(w) or w in _AUXILIARY_BEFORE for w in rest[1:4]):
                return _verb_stem(low)  # "had detectable levels"; not "had the fire burned"
            return None
        if t.islower() and verbs.past_tense(t) and not toks[i - 1].lower().endswith("ly"):
            return _verb_stem(t)  # not "previously classified files"
        if low in STOP:
            return None
    return None


def _count_does(sentence: str, end: int, verb: str) -> bool:
    """Whether the number ending at `end`, with the noun phrase after it, is the subject of
    the question's verb (`Asked.count_verb`): "five small systems had", "12 people were
    killed"."""
    toks = [t.lower() for t in words(sentence[end:])[:9]]
    i = 0
    while i < min(len(toks), 4) and toks[i] not in STOP and not verbs.past_tense(toks[i]):
        i += 1  # the noun phrase counted: "small systems"
    for t in toks[i:i + 3]:
        if _verb_stem(t) == verb:
            return True
        if t not in _AUXILIARY_BEFORE:
            return False
    return False


# The question's last word, a participle: "...was the study published?"
_LAST_WORD = re.compile(r"([a-z]+)\W*$")


def _ending_participle(clause: str) -> str | None:
    """The stem of the participle a question ends on ("...published?": "publish"), or None."""
    m = _LAST_WORD.search(clause)
    return _verb_stem(m.group(1)) if m and verbs.past_tense(m.group(1)) else None


def _after_its_verb(sentence: str, start: int, verb: str, preposition: str) -> bool:
    """Whether the name at `start` follows the question's last verb (`Asked.ended_by`) and
    its preposition (`Asked.ends_on`), up to two words between and an article: "a study
    published Wednesday in JAMA Psychiatry" for "In which journal was the study published?"."""
    before = sentence[:start].split()
    if before and before[-1].lower() in ("the", "a", "an"):
        before = before[:-1]
    if not before or before[-1].lower() != preposition:
        return False
    return any(verbs.past_tense(w := t.strip(EDGE).lower()) and _verb_stem(w) == verb
               for t in before[-4:-1])  # the participle itself: not "the first detection in Nye County"


def _the_lead_and_slot(sentence: str, span: tuple[int, int], slotted: Sequence[tuple[int, int]],
                       lead: tuple[str, ...]) -> bool:
    """Whether a name is the question's words before its "which" and then the slot's word
    (`Slot.spans`): "Year of the Ox" for "...the year of which animal?" is "Ox" with the
    question's own "year of"."""
    s, e = span
    return any(s < ss and se == e and all(stem(w) in lead or w.lower() in STOP for w in words(sentence[s:ss]))
               for ss, se in slotted)


def _does(sentence: str, end: int, verb: str) -> bool:
    """Whether the name ending at `end` is followed by the question's verb (`Asked.verb`):
    "Virgil van Dijk's scored ... the deciding goal" for "Who scored the deciding goal?"
    writes in so many words who did it, as "said" after a name writes who spoke."""
    m = _DOES.match(sentence, end)
    if m is not None and _verb_stem(m.group(1)) == verb:
        return True
    noun = _AS_THE_DOER.match(sentence, end)  # "Trevor Noah reprising as host" for "Who is hosting...?"
    return noun is not None and _verb_stem(noun.group(1)) == verb
# The one a win was over, written after the verb or noun that says so and its seed or rank:
# "Tennessee beat Florida State", "defeating No. 12 seed Taylor Fritz", "a 2-1 victory over
# Liverpool". It lost: no answer to who won.
_BEATEN = re.compile(r"\b(?:beat|beats|beating|defeat(?:s|ed|ing)?|upset(?:s|ting)?|edg(?:es|ed|ing)"
                     r"|rout(?:s|ed|ing)|outlast(?:s|ed|ing)?|(?:victory|win|triumph)\s+over)"
                     r"\s+(?:(?:the|top-seeded|defending\s+champion|No\.\s*\d+|\d+\w*(?:-seeded)?|seed|seeded)\s+)*$", re.I)
# "Who was (posthumously) awarded...?", "Which NBA superstar was traded...?": a passive
# question asks for the one the verb (group 1) was done to.
_PASSIVE_ASKED = re.compile(r"^\W*(?:who|which|what)\b(?:\s+[\w’'.-]+){0,3}?\s+(?:was|were|has\s+been|have\s+been"
                            r"|had\s+been|will\s+be)\s+(?:\w+ly\s+)?(\w+(?:ed|en|wn))\b", re.I)
_AUXILIARIES = frozenset("be is are was were been being get gets got".split())
# "Which animal...?", "which sea creature...?", "which species...?": a kind of living thing
# other than people, whose answer is a common noun ("a bear"; `qa.slots`) and never a
# person's name, however near the question's words the story names its people
# (`_asks_for_species`).
_SPECIES = asking_for("animal creature species insect mammal reptile".split())
# "Which State Department spokesperson...?", "Which Arizona State University student...?":
# a place word capitalised before another capitalised word, after "which" or a name's
# first words, is part of a name, and the question does not ask for a state.
_PLACE_WORD_IN_A_NAME = re.compile(r"\b(?i:which|what)\s+(?:[A-Z][\w.’'-]*\s+){0,2}"
                                   r"(?:City|Country|State|Town|Province|Region|County|Nation)\s+[A-Z]")
# "Which type of outbreak...?" asks for an outbreak: the kind is read after "type of".
_KIND_WORDS = re.compile(r"\b(?:which|what)\s+(?:of\s+the\s+following\s+)?(?:(?:type|kind|sort)s?\s+of\s+)?"
                         rf"((?:{TIME_OF_HOLDING})?(?:[\w’'.-]+\s*){{1,3}})", re.I)
# The same words read on further, for the title a person is asked by ("Which deputy
# assistant FBI director...?": "director"; `Asked.titles`).
_TITLE_WORDS = re.compile(r"\b(?:which|what)\s+((?:[\w’'.-]+\s*){1,5})", re.I)
# "Whose nomination...?": the words for what the one asked for has.
_WHOSE = re.compile(r"\bwhose\s+((?:[\w’'.-]+\s*){1,3})", re.I)


def _asks_for_species(clause: str) -> bool:
    """Whether the asking sentence asks for a kind of living thing (`_SPECIES`) whose
    word ends the asked phrase, as `_phrase_stems` ends it: a possessive, the sentence's
    end, a function word or a past-tense verb follows ("which animal during...",
    "which animal's brain"), not another noun ("Which animal rights group...?" asks for a
    group)."""
    m = _SPECIES.search(clause)
    if m is None:
        return False
    rest = clause[m.end():]
    if re.match(r"[’']s\b|\s*(?:[?!,.;:]|$)", rest):
        return True
    after = words(rest)[:1]
    return bool(after) and (after[0].lower() in STOP or verbs.past_tense(after[0]))


def _phrase_stems(pattern: re.Pattern[str], question: str, names: bool, past_ends: bool) -> frozenset[str]:
    """Stems of the words `pattern` finds (group 1) in the asking sentence, up to the first
    function word (or, with `past_ends`, a past-tense verb, but for a first word that
    describes the next: "Which proposed co-chair...?"); capitalised words only with
    `names`. A word in capitals is a name, not the function word it spells: "Which US
    senator...?" asks for a senator, not "us"."""
    m = pattern.search(asking_clause(question))
    found = m.group(1).split() if m else []
    out = []
    for i, w in enumerate(found):
        w = _trim_end(w)  # "senator." -> "senator"; "U.S." stays
        if w.lower() in STOP and not w.isupper():
            break
        if past_ends and verbs.past_tense(w):
            if i or len(found) == 1:
                break
            continue  # first, before the noun: a participle that describes it ("which proposed co-chair")
        if names or w[:1].islower() or _titled_kind(w, found[i + 1:]):
            out.append(stem(w))
    return frozenset(out)


def _titled_kind(word: str, rest: Sequence[str]) -> bool:
    """Whether a capitalised word of the asked phrase is the kind of person asked, as a
    title ends a name: "Which U.S. Treasurer spoke...?", "Which Nassau County Executive
    is...?" ask for a treasurer and an executive. Not before another capitalised word,
    where it is a word of a name: "Which General Motors brand...?"."""
    return word.lower() in people.PERSON_NOUN_SET and not (rest and rest[0][:1].isupper())


def counted_stems(question: str) -> frozenset[str]:
    """Stems of what a "how many" / "how much" question counts, the words after it up
    to the first function word, wherever it asks: "...built using how many Lego
    bricks?" -> {"lego", "brick"}; "how many more weeks" counts nothing it names."""
    return _phrase_stems(_COUNTED, question, names=True, past_ends=False)


_IRREGULAR_PLURALS = frozenset({"people", "men", "women", "children"})


def _plural(word: str) -> bool:
    return word[:1].islower() and (word in _IRREGULAR_PLURALS or re.fullmatch(r"[a-z-]+[^su]s", word) is not None)


def counted_head(question: str) -> str | None:
    """The stem of the noun a "how many" question counts when words before it say which
    ones: "How many cancer cases...?" -> "case" (the cases, not the cancer deaths). It is
    the last of the first plurals in lower case after "how many", one after another
    ("how many measles cases" counts cases; "how many teams play in..." teams; "how many
    previously classified files" files). None when nothing stands before it ("how many
    people died"), or no word is plural so."""
    m = _COUNTED.search(asking_clause(question))
    toks = list(takewhile(lambda w: w.lower() not in STOP or w.isupper(),
                          (_trim_end(w) for w in m.group(1).split()))) if m else []
    first = next((n for n, w in enumerate(toks) if _plural(w)), None)
    if first is None:
        return None
    last = first + sum(1 for _ in takewhile(_plural, toks[first + 1:]))
    return stem(toks[last]) if last else None


# How a span says the unit asked for (`unit_asked`; a percentage otherwise).
_UNIT_WRITTEN = {"money": _MONEY, "long": _HAS_LONG_UNIT, "clock": _CLOCK, "day": _DAY, "tally": _TALLY,
                 "ordinal": _ORDINAL, "odds": _ODDS, "grade": _GRADE}


def _has_unit(unit: str, span: str) -> bool:
    return bool(_UNIT_WRITTEN.get(unit, _PERCENT).search(span))


def asking_clause(question: str) -> str:
    """The sentence that asks: the last one ending in "?", else the last one. A question
    may open with its context ("Donald Trump was sworn in Monday. Which holiday
    coincided with his inauguration?"), and its kind is in the asking sentence."""
    parts = split_sentences(question) or [question.strip()]
    asks = [p for p in parts if p.rstrip().endswith("?")]
    return (asks or parts)[-1]


# "What processor is inside the iPhone XS?", "What company does she run?": "what" and
# one to three nouns before the verb asks as "which" does. Not "What kind of infection
# ...?" (a function word), "What recently caused...?" (an adverb), nor a capitalised
# word ("What Gleason score...?"), whose answer is rarely a name.
_FUNCTION_WORD = "|".join(sorted(STOP))
_WHAT_KIND = re.compile(rf"(?i:what) (?:(?![a-z]+ly )(?!(?:{_FUNCTION_WORD}) )[a-z-]+ ){{1,3}}?"
                        r"(?:is|was|are|were|did|does|do|has|have|had|will|would|can|could|should)\b")


def question_type(question: str) -> str | None:
    """What kind of span answers the question: read from the start of its asking
    sentence, else from the first "which" / "what" / "how many" inside it that says (or
    "who" / "when" / "where" opening a clause after a comma)."""
    asked = asking_clause(question)
    kind = _opening_type(asked)
    for m in _ASKED_MID.finditer(asked) if kind is None else ():
        kind = _opening_type(asked[m.start():])
        if kind is not None:
            break
    return kind


def _opening_type(question: str) -> str | None:
    # "Which of the following amounts": the kind is the noun after "the following".
    q = re.sub(r"^(which|what) of the following ", r"\1 ", question.strip().lower())
    if re.match(r"(how far|what distance)", q):
        return "distance"
    # A date before a quantity: "By what date were Trump's tariffs set to begin?" asks
    # the date, not the tariff; "What is the tax filing deadline?" asks a date.
    if re.match(r"(when|what (date|day|year|month|time)|which (date|day|year|month))", q) or _DEADLINE.match(q):
        return "date"
    if re.match(rf"(how many|how much|how (?:{_HOW_MEASURE})\b|(what|which) (numbers?|numbered|percentages?|shares?|amounts?|sums?)\b"
                r"|what was the (death )?toll)", q) or _QUANTITY.match(q) or _TALLY_ASKED.match(q) or _GRADE_ASKED.match(q):
        return "number"
    if re.match(r"(who|whom|whose|which (group|person|man|woman|party|company|organi[sz]ation|team|country|leader|official))", q):
        return "entity"
    # "Which Russian region...?", "which coastal city": a word before the place noun says which.
    if re.match(r"(where|which (city|country|state|town|village|province|region|place))"
                r"|what (city|country|state|town|village|province|place)"
                r"|which [\w.-]+ (city|town|village|province|region)\b", q):
        return "place"
    if re.match(r"(which|what) (reasons?|purposes?|explanations?)\b", q):
        return None  # "...for which reason?", "which of the following reasons": a clause, no name, answers it
    if re.match(r"(which|name the)\b", q) or naming.asks_for_name(q) or naming.asks_for_word(q) \
            or _WHAT_KIND.match(question.strip()) or works.asks_for_work(question):  # as written: a capitalised word is no kind
        return "entity"  # "which automaker", "which film", "what is its name", "what is it called", "what word", "what is her new album"
    return None


def _preposition(pattern: re.Pattern[str], question: str) -> str | None:
    """The preposition `pattern` finds in the question (group 1), lower-cased, or None:
    the one a place question ends on (`_ENDS_ON`), a date is asked after (`_DATE_AFTER`),
    or a question for a name opens with (`_OPENS_ON`)."""
    m = pattern.search(question)
    return m.group(1).lower() if m else None


def kind_words(question: str) -> frozenset[str]:
    """Stems of the lower-case words after "which" / "what" that say what kind of thing
    is asked for, up to the first function word or past-tense verb: "Which Greek island
    was hit...?" -> {"island"}; "Which country slapped tariffs...?" -> {"country"}. Empty
    for other questions."""
    return _phrase_stems(_KIND_WORDS, question, names=False, past_ends=True)


def bears_answer(question: str, sentence: str) -> bool:
    """Whether the sentence holds a span of the kind the question asks for (a name, a
    date, a number) that is not one of the question's own words."""
    return bool(answer_spans(question, [sentence])[0])


@dataclass(frozen=True)
class Asked:
    """What a question asks for, read once: the kind of span (`question_type`), the kind
    of place (`places.asked_kind`), a person or a work (`qa.people`, `qa.works`) or unit
    (`unit_asked`), what a count counts and the words for the kind asked for, and what is
    its own (its word stems and text, the places it names, the initials of its longer
    names), which never answers it. `answer_spans` and `extract`
    judge a candidate span by it (`fit`)."""

    question: str
    kind: str | None
    place: str | None
    person: bool
    work: bool
    unit: str | None
    stems: frozenset[str]
    named_places: frozenset[str]
    initials: frozenset[str]
    counted: frozenset[str]  # what a count question counts (`counted_stems`)
    counted_head: str | None  # the noun it counts, when words before it say which (`counted_head`)
    kinds: frozenset[str]  # the words for the kind asked for (`kind_words`)
    pair: bool = False  # "which two ...?": two names answer it (`_PAIR`)
    # The preposition a place question ends on (`_ENDS_ON`), a date is asked after
    # (`_DATE_AFTER`), or a question for a name opens with (`_OPENS_ON`).
    ends_on: str | None = None
    slot: Slot | None = None  # where a common noun would answer a "which X" (`qa.slots`)
    anywhere: bool = False  # "Where...?": a place of any kind answers it (`places.find_any`)
    private_body: bool = False  # "Which company / app / university...?" (`bodies.asks_for_private_body`)
    naming: bool = False  # "What is the name of...?", "What is it called?" (`naming.asks_for_name`)
    wording: bool = False  # "What word / slogan...?": a quoted run in any case answers it (`naming.asks_for_word`)
    speaker: bool = False  # "Which senator said...?": who the news has saying it (`_ASKS_SPEAKER`)
    winner: bool = False  # "Who won...?": not the one the news has beaten (`_ASKS_WINNER`, `_BEATEN`)
    # "Who scored...?": the stem of the past tense right after "who" (`_ASKS_DOER`), whose
    # doer the news writes as the name before that verb (`_does`); None otherwise.
    verb: str | None = None
    # "How many small systems had detectable levels...?": the stem of the verb whose subject
    # the count is (`_count_verb`), which the news writes after the number and its noun
    # (`_count_does`); None otherwise.
    count_verb: str | None = None
    # "In which journal was the study published?": the participle the question ends on, by
    # its stem, when it opens on a preposition (`ends_on`): the answer stands after that
    # verb and preposition ("published Wednesday in JAMA Psychiatry", `_after_its_verb`).
    ended_by: str | None = None
    # "Who was posthumously awarded...?": a passive question's verb, by its own stem
    # (`lexical.word_stem`), whose object is asked (`_PASSIVE_ASKED`); None otherwise.
    done_to: str | None = None
    species: bool = False  # "Which animal...?": no person's name answers it (`_asks_for_species`)
    # "Which company / agency / court...?" (`bodies.asks_for_body`): a body, not the person
    # the news writes as one at its head.
    body: bool = False
    # "Who...?", "To whom...?", "whose...?", "which actor...?" ask for whoever did it: a quoted
    # title or phrase is not (a "which novel" or "which phrase" question may be answered by one).
    by_whom: bool = False
    # A question that does not say "by" asks for whoever does what its verb says: a name after
    # that verb's participle and "by" is the doer (`_done_by`).
    by_the_doer: bool = False
    owned: tuple[str, ...] = ()  # "Which state's Department...?": the stem of what the place asked owns
    abbreviations: frozenset[str] = frozenset()  # the question's words written as initials ("FDA"), lower-cased
    # "Who is the chair of...?": the question names what the one asked for is (`people.role_nouns`,
    # among `kinds`), and the news writes that word beside the name (`_kind_beside`).
    role: bool = False
    # "Who directed...?", "Who founded...?": the verb has a doer's noun (`people.doer_nouns`,
    # among `kinds`), which the news writes beside the one who did it ("director Jennifer
    # Kaytin Robinson"), as it writes a role.
    doer: bool = False
    # The question's names of two words or more, as their words ("Westminster", "Dog", "Show").
    names: tuple[tuple[str, ...], ...] = ()
    # The countries the question's nationalities name ("Ukrainian" -> Ukraine's id).
    nations: frozenset[str] = frozenset()
    # The words that ask what the one asked for is, read past names ("deputy", "assistant",
    # "director"), with `kinds`: a title the news writes before a name (`after_the_title_asked`).
    titles: frozenset[str] = frozenset()
    # "Whose nomination...?": the stems of what the one asked for has (`_WHOSE`).
    whose: frozenset[str] = frozenset()
    # "...last season?": the period the question names (`periods.asked_period`).
    period: tuple[str, str] | None = None
    # "Which Illinois senator...?": the US states written before the kind of person asked
    # (`party_tags.states_asked`), which a lawmaker's party-state tag after the name gives.
    tag_states: frozenset[str] = frozenset()
    full_name: bool = False  # "What is Barbie's full name?": the whole name, not its first word
    # "When will the next eclipse cross the U.S. after April 2024?": the month (and year)
    # the question bounds the date asked by (`_bound_month`), which is no answer.
    bound: tuple[str, str | None] | None = None
    # "When does Hanukkah start in 2023?": the one year a date question writes (`_year_named`),
    # against which a date written with another year answers another year's question.
    year: str | None = None
    # "...the earthquake that hit southwestern Japan?": the countries the question is set
    # in (`places.countries_in`), for a question not asking for a place.
    countries: frozenset[str] = frozenset()
    # "Who is Singapore's Home Affairs Minister?": the capitalised words the question writes
    # before the office it asks (`_office_words`), which say which office of that kind.
    office_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, question: str) -> Asked:
        clause = asking_clause(question)  # the sentence that asks: each reading below is of it
        kind = question_type(clause)
        place = places.asked_kind(question)
        if people.place_word_before_person(clause) or _PLACE_WORD_IN_A_NAME.search(clause):
            kind, place = "entity", None  # "Which state senator...?" asks for the senator
        named = kind == "entity" and place is None
        doers = people.doer_nouns(clause) if named else ()  # "Who directed...?": a person, the director
        roles = people.role_nouns(clause) if named else ()  # "Who is TikTok's CEO?": the CEO
        person = named and (people.asks_for_person(question) or bool(doers))
        work = named and works.asks_for_work(question)
        slot = Slot.of(clause)
        kinds = kind_words(clause) | {stem(d) for d in doers} | {stem(people.spelled_out(r)) for r in roles} \
            | ({stem(after)} if named and (after := people.person_after_a_name(clause)) else set()) \
            | (_named_kind(clause) if named else set())
        return cls(
            question=question, kind=kind, place=place, person=person, work=work, unit=_unit(kind, clause),
            stems=frozenset(content_stems(question)),
            named_places=frozenset(places.named_in(place, question)) if place else frozenset(),
            initials=frozenset(acronyms(question)), counted=counted_stems(clause), counted_head=counted_head(clause),
            kinds=kinds,
            pair=kind in ("entity", "place") and _PAIR.search(clause) is not None,
            ends_on=_preposition(_ENDS_ON, clause) or _preposition(_NEAR_WHICH, clause) if kind == "place"
            else _preposition(_DATE_AFTER, clause) if kind == "date"
            else _preposition(_OPENS_ON, clause) if named else None,
            slot=slot if named and not person and not work else None,
            anywhere=kind == "place" and place is None,
            private_body=named and bodies.asks_for_private_body(clause),
            naming=named and naming.asks_for_name(clause),
            wording=named and naming.asks_for_word(clause),
            speaker=named and _ASKS_SPEAKER.search(clause) is not None,
            winner=named and _ASKS_WINNER.search(clause) is not None,
            verb=_doer_verb(clause) if named else None,
            count_verb=_count_verb(clause) if kind == "number" else None,
            ended_by=_ending_participle(clause) if named and _OPENS_ON.match(clause) else None,
            done_to=word_stem(passive.group(1)) if named and (passive := _PASSIVE_ASKED.search(clause))
            and "by" not in {t.lower() for t in words(clause)} else None,
            species=named and not person and _asks_for_species(clause),
            body=named and not person and bodies.asks_for_body(kinds),
            by_whom=person or _BY_WHOM.match(clause.strip()) is not None,
            by_the_doer="by" not in {t.lower() for t in words(question)},
            owned=slot.follow if kind == "place" and slot and slot.possessive else (),
            abbreviations=frozenset(_initials(m.group()) for m in _WRITTEN_INITIALS.finditer(question)),
            role=bool(roles), doer=bool(doers), names=_long_names(question),
            nations=frozenset(c for w in words(question) if (c := places.demonym_country(w))),
            titles=_phrase_stems(_TITLE_WORDS, clause, names=False, past_ends=True),
            whose=_phrase_stems(_WHOSE, clause, names=False, past_ends=True) if named else frozenset(),
            period=periods.asked_period(clause),
            tag_states=party_tags.states_asked(clause, kinds) if person or roles else frozenset(),
            full_name=named and _FULL_NAME.search(clause) is not None,
            bound=_bound_month(clause) if kind == "date" else None,
            year=_year_named(clause) if kind == "date" else None,
            countries=frozenset(places.countries_in(question)) if kind != "place" and place is None else frozenset(),
            office_words=_office_words(words(clause), kinds) if named else frozenset())

    def given(self, sentence: str) -> list[tuple[int, int]]:
        """The runs the sentence gives as the name or the word asked for, as (start, end):
        after a naming verb for a question asking a name (`naming.names_given`), any
        quoted run for one asking a word or phrase (`naming.words_given`)."""
        out = naming.names_given(sentence, NAME_RUN) if self.naming else []
        if self.wording:
            out += [w for w in naming.words_given(sentence) if w not in out]
        return out

    def own(self, text: str) -> bool:
        """Whether the span is the question's own: its words, its text, the initials
        of one of its names ("IOC" for the International Olympic Committee), or the name
        whose initials it writes ("Food and Drug Administration" for "the FDA"). A person's
        titles do not make a name another: "Former President Donald Trump" is the
        question's own when it names Donald Trump; nor do function words between a
        name's words: "Monty the Giant Schnauzer" is the question's own when it asks who
        handled "Monty, the giant schnauzer" (a count keeps its "two": "Two people" is no
        echo of "how many people"); nor does a hyphen for a space: "Itamar Ben Gvir" is
        the question's own when it names "Itamar Ben-Gvir"; the country of a
        nationality it writes is its own ("Ukraine" for "which Ukrainian region"); and so
        is a person it names by surname ("Donald Trump" for "did Trump meet",
        `people.named_by_surname`), and its name with a title after it ("Chicago Federal
        Reserve CEO" for "Who heads the Chicago Federal Reserve?"), which names no one."""
        a_name = self.kind in ("entity", "place")
        toks = words(people.untitled(text))
        while a_name and len(toks) > 1 and people.is_title(toks[0]):
            toks = toks[1:]  # "Sir Arthur Conan Doyle" is the question's "Arthur Conan Doyle"
        span_stems = {stem(t) for t in toks if not (a_name and t.lower() in STOP)}
        # The question's text from the start of a word: "olo" is no part of "colour", while
        # "Yemen" is written in "Yemeni". A figure ends where its digits do: "20 games"
        # is no echo of "the 2025 NHL playoffs".
        figure_end = r"(?![.,]?\d)" if text[-1:].isdigit() else ""
        written = re.search(rf"(?<!\w){re.escape(_unhyphenated(text))}{figure_end}",
                            _unhyphenated(self.question)) is not None
        return (not text or bool(span_stems and span_stems <= self.stems) or written
                or _initials(text) in self.initials or bool(self.abbreviations and acronyms(text) & self.abbreviations)
                or any(_written_longer(name, text) for name in self.names)
                or bool(self.nations and places.place_id("country", text) in self.nations)
                or (a_name and people.named_by_surname(text, self.question, self.kinds))
                or (a_name and _opens_on_a_name_asked_of(text, self.question))
                or (a_name and len(toks) > 1 and people.is_title(toks[-1]) and self.own(" ".join(toks[:-1]))))

    def _after_own_name(self, text: str, surnames: frozenset[str]) -> str | None:
        """The person's name a run holds after a name the question writes ("president of
        Oxford Languages Casper Grathwohl" for "Who is the president of Oxford Languages?"):
        news writes the body before its officer's name as it writes a possessive ("Tesla's
        Elon Musk"), and the question already names the body. None when no such split
        leaves a whole person's name."""
        parts = text.split()
        for k in range(1, len(parts) - 1):
            rest = " ".join(parts[k:])
            if self.own(" ".join(parts[:k])) and people.person_in(rest, surnames) == rest:
                return rest
        return None

    def _person_named(self, text: str, surnames: frozenset[str], by_the_title: bool = False) -> str | None:
        """The person's name a run holds (`people.person_in`); with `by_the_title`, also
        after the title the question asks the person by ("AccuWeather Senior
        Meteorologist Alex Sosnowski"); else after a body the question names ("Oxford
        Languages Casper Grathwohl", `_after_own_name`). None when it holds none."""
        found = people.person_in(text, surnames)
        if found is None and by_the_title and (cut := people.after_the_title_asked(text, self.titles | self.kinds)) != text:
            found = people.person_in(cut, surnames)
        return found if found is not None else self._after_own_name(text, surnames)

    def fit(self, text: str, quoted: bool = False, surnames: frozenset[str] = frozenset(),
            texts: Sequence[str] = ()) -> tuple[str, float] | None:
        """A candidate span as the answer: its text (the place inside it when a place is
        asked for: "U.S. Soccer" -> "U.S."; for "where", the whole name when the place
        inside is the question's own: "Washington National Cathedral"; the person after a
        possessive, without the offices before the name, when a person is: "Tesla's Elon
        Musk" -> "Elon Musk",
        "Secretary of State Marco Rubio" -> "Marco Rubio", `people.untitled`) and how
        much it counts, 1 when it is of the kind asked for, `NOT_THE_KIND` for each way
        it is not (no place of the kind asked, or of any kind for "where"; a country or
        state when another name is asked; a court, regulator, legislature or law when a
        business or another body that is not public is, `qa.bodies`, with the `texts` read, which may spell out its
        initials; not a person's name when a person is asked,
        `qa.people`, with the `surnames` the retrieved text writes as a person's; not a
        quoted title, `quoted`, when a work is, `qa.works`, nor a quoted run when a word
        or phrase is, `naming.asks_for_word`; a number without the unit
        asked, or money, a percentage or no figure ("hundreds") when a count is asked; a
        date without a year when a year is asked, whose text is then the year alone; a
        day, not a time of day, when a time is asked). None when it is the
        question's own, or the question's own place under another name ("United States"
        for a question that says "the US")."""
        weight = 1.0
        if self.body and (officer := people.person_in(text, surnames)) not in (None, text) \
                and text.endswith(officer) and people.is_title(officer.split()[0]):
            # "Which company...?": the body before its officer's title, "Nestlé" of "Nestlé CEO
            # Laurent Freixe"; not the nation or place whose office it is ("Mexican President
            # Claudia Sheinbaum"), nor what a possessive owns ("Florida Panthers for Canada's
            # Sam Reinhart" is no body's officer).
            body = text[: -len(officer)].rstrip()
            if body and not (_nationality(body) or places.is_any_place(body)):
                text = body
        if self.place is not None:
            found = places.find(self.place, text)
            if found is None and self.place == "city" and \
                    (places.town_placed(text, texts) or places.introduced_as_a_town(text, texts)):
                pass  # "Which Arkansas city...?": "Lake City" of "hit Lake City, Arkansas"; "the town of Big Bear"
            elif found is None:
                weight *= NOT_THE_KIND
            elif places.place_id(self.place, found) in self.named_places:
                return None
            else:
                text = found
        elif self.kind == "entity" and (places.is_a_place(text) or _places_joined(text)):
            # "Which company...?", "Who...?": not "Detroit"; "Which cancer...?": not "Maryland and Virginia"
            weight *= PLACE_FOR_A_PERSON if self.person else NOT_THE_KIND
        elif self.kind == "entity" and _peoples(text):
            weight *= NOT_THE_KIND  # "Which university ran the poll?": not "Americans"
        elif self.private_body and bodies.public_body(text, texts):
            weight *= NOT_THE_KIND  # "Which app...?": not "Supreme Court"; "FDA" beside its name
        elif self.private_body and bodies.asks_for_team(self.kinds) and bodies.league_or_event(text):
            if (team := bodies.team_after_its_league(text)) is not None:
                text = team  # "NBA Dallas Mavericks" -> "Dallas Mavericks"
            else:
                weight *= NOT_THE_KIND  # "Which team...?": not "NFL", "Super Bowl"
        elif self.anywhere:
            found = places.find_any(text)
            if found is None and _headed_by_kind(text, _SITES):
                pass  # "Where did Harris deliver her concession speech?": "Howard University"
            elif found is None and (places.town_placed(text, texts) or places.introduced_as_a_town(text, texts)):
                pass  # "Where did Hegseth summon the commanders?": "Quantico" of "to Quantico, Virginia"
            elif found is None:
                weight *= NOT_THE_KIND  # "Where did the capsule touch down?": not "Starliner"
            elif found == text or not self.own(found) or not _VENUE_WORD.search(text.replace(found, "")):
                text = found  # "Where did the shooting occur?": "Utah Valley University" -> "Utah"
            # else the question's own place names where in it: "Where was the funeral held
            # in Washington?": "Washington National Cathedral" (not "Washington D.C.")
        elif self.by_whom and not self.person and bodies.an_event(text, self.kinds):
            weight *= NOT_THE_KIND  # "Who won best actor at the Golden Globes?": not "Golden Globe Awards"
        elif self.person:
            found = self._person_named(text, surnames, by_the_title=True)
            if found is not None:
                text = people.untitled(found)  # "Brevard's Steve Young" -> "Steve Young", "Sen. Al Roe" -> "Al Roe"
            elif " " in text or not self.role or people.whole_name(text, texts, surnames) is None:
                # "Which actor...?": not "Oscar". "Who is the executive director of
                # TODEC?" asks who holds a role, which news writes beside a surname as
                # often as beside the whole name ("Gallegos is the executive director"):
                # a surname is a person's then when the texts write the person whole
                # ("Luz Gallegos", `people.whole_name`). Not for any person asked: the
                # story's main actor, named by surname throughout ("Hegseth", "Combs"),
                # would answer more questions than it does.
                weight *= NOT_THE_KIND
        elif (self.role or self.by_whom) and (found := self._person_named(text, surnames)) is not None:
            # "Who is Trump's choice for Interior secretary?": "North Dakota Gov. Doug
            # Burgum" -> "Doug Burgum"; so for any "who": a person answers by name, as
            # "Former Arkansas Gov. Mike Huckabee" does, and one mention with the title
            # and one without are one name.
            text = people.untitled(found)
        elif self.species and people.person_in(text, surnames) is not None:
            weight *= NOT_THE_KIND  # "Which animal...?": not "John Hayden"
        elif self.body and _written_as_a_person(text, surnames):
            weight *= NOT_THE_KIND  # "The acting head of which government agency...?": not "David Richardson"
        if self.kind == "entity":
            text = people.after_the_title_asked(text, self.titles | self.kinds)  # "AccuWeather Senior Meteorologist Alex Sosnowski"
        if (self.work or self.wording) and not quoted:
            weight *= NOT_THE_KIND  # "Which film...?": not "Snow White" unless written “Snow White”; "What word...?": not "Dictionary.com"
        if self.naming and naming.extends_a_name(text, self.question, NAME_RUN):
            weight *= NOT_THE_KIND  # "What is the Kentucky Derby known as?": not "Kentucky Derby Future Wager Pool"
        if self.unit == "year":
            year = _YEAR.search(text)
            if year is None:
                weight *= NOT_THE_KIND  # "What year...?": not "Nov. 21"
            else:
                text = year.group()  # "in 2030", "October 28, 2022" -> the year
        elif self.unit == "count":
            if _MONEY.search(text) or _PERCENT.search(text):
                weight *= NOT_THE_KIND  # "How many bricks...?": not "$366 million"; "...years?": not "6.13%"
            elif _VAGUE.fullmatch(text):
                weight *= NOT_THE_KIND  # "How many stores...?": "about 500" before "hundreds"
        elif self.unit == "money" and _MONEY_SIZE.fullmatch(text):
            weight *= NOT_THE_KIND  # "How much does Delaware spend...?": not "billion-dollar" of "a billion-dollar crisis"
        elif self.unit == "day" and _MONTH_YEAR.fullmatch(text):
            return None  # "On what date does the snow moon peak?": never "February 2025" of a headline
        elif self.unit == "percent" and _POINTS.search(text) and not _POINTS.search(self.question):
            weight *= NOT_THE_KIND  # "What percentage of voters backed Biden?": not "now 9 percentage points"
        elif self.unit and not _has_unit(self.unit, text):
            weight *= NOT_THE_KIND  # "What is the value...?": not "eight"
        elif self.year is not None and (written := _YEAR.search(text)) is not None and written.group() != self.year:
            weight *= NOT_THE_KIND  # "When does Hanukkah start in 2023?": not "Dec. 2, 2018"
        if self.bound is not None and _in_month(text, *self.bound):
            return None  # "...after April 2024?": not "April 8", the day the bound is set by
        if self.kind == "entity" and (owned := _OWNED_BY.match(text)) is not None and self.own(owned.group(1)) \
                and not re.search(rf"\b{re.escape(owned.group(1).lower())}\b", self.question):
            # "Which New Orleans neighborhood...?": "Treme" of "New Orleans' Treme"; not an
            # owner the question writes as a common noun ("the wild boar": "Boar's Head").
            text = owned.group(2)
        alias = places.city_alias(text)  # "Washington D.C." is the question's own "Washington"
        return None if self.own(text) or (alias is not None and self.own(alias)) else (text, weight)

    def answer_spans(self, sentences: Sequence[str]) -> list[set[str]]:
        """For each sentence, the spans of the kind asked for that are not the question's
        own words, lower-cased (none for a question of no kind)."""
        # Whether a sentence holds an answer does not hang on the person, work and
        # "where" rules: the list of given names lacks many ("Simu Liu"), a one-word name
        # ("Beyoncé") is not taken for a person, a title is not always quoted, and the
        # list of places holds no town under 15,000 people ("Kananaskis"); they only weigh
        # one name against another in `extract`.
        asked = replace(self, person=False, work=False, anywhere=False)
        if asked.kind is None:
            return [set() for _ in sentences]
        out = []
        for sentence in sentences:
            found = set()
            given = asked.given(sentence)
            for s, e in _candidates(asked.kind, sentence, unit=asked.unit) + given:
                fit = asked.fit(sentence[s:e].strip(), asked.wording and (s, e) in given)
                if fit is not None and fit[1] == 1.0:
                    found.add(fit[0].lower())
            out.append(found)
        return out


def _unhyphenated(text: str) -> str:
    """The text in lower case with a hyphen between two words written as a space."""
    return re.sub(r"(?<=\w)[-‐‑](?=\w)", " ", text.lower())


def _opens_on_a_name_asked_of(text: str, question: str) -> bool:
    """Whether the name opens, before a space or a hyphen, on a name the question writes as
    one word ("Beyoncé Knowles-Carter", "Beyoncé-Knowles-Carter" for "Beyoncé closed out
    her tour with which guest?"): the person the question is about, written whole. Not a
    place, nor a name that opens on one ("Washington National Cathedral" for "Where was the
    funeral held in Washington?") or on a nationality ("Canadian Prime Minister Justin
    Trudeau" for "Canadian voters reelected which party?")."""
    first = re.split(r"[\s‐‑-]+", text.strip(), maxsplit=1)
    if len(first) < 2 or not first[0][:1].isupper() or not first[1][:1].isupper() or first[0] not in question:
        return False
    if places.is_any_place(text) or places.is_any_place(first[0]) or _nationality(first[0]):
        return False  # "Washington National Cathedral" for "...held in Washington?"; "Canadian voters..."
    return next(people.written_alone(first[0], question), None) is not None


def answer_spans(question: str, sentences: Sequence[str]) -> list[set[str]]:
    """`Asked.answer_spans` of the question."""
    return Asked.of(question).answer_spans(sentences)


def acronyms(question: str) -> set[str]:
    """The initials of the text's longer names, lower-cased: a question about the
    "International Olympic Committee" is not answered "IOC", nor one about the "Food and
    Drug Administration" "FDA"; a sentence saying "BBC" names the short answer "British
    Broadcasting Corporation" (`names_answer`)."""
    out = set()
    for m in NAME_RUN.finditer(question):
        # A function word's capital is no initial: "The Food and Drug Administration" is "FDA".
        caps = [w for w in m.group().split() if w[:1].isupper() and w.lower() not in STOP]
        if len(caps) >= 2:
            out.add("".join(w[0] for w in caps).lower())
    return out


# A word written as initials: two to six capitals ("FDA", "NATO"), or capitals with
# full stops ("U.N.").
_WRITTEN_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,6}\b")


def _initials(span: str) -> str:
    """A span written as initials, lower-cased, without full stops ("U.N." -> "un")."""
    return re.sub(r"[’']s$", "", span).replace(".", "").lower()


def agreement(spans: Sequence[set[str]], articles: Sequence[str], by_last_word: bool = False) -> list[float]:
    """For each sentence, how many articles agree on its best-attested span: the most
    articles among these sentences' that hold one of its spans, over the most any span
    has (0 for a sentence with none). Sources that agree on a name are more often right
    than one that names it alone. `by_last_word`: names agree on their last word, as news
    writes a name whole and then short ("Kansas City Chiefs", then "the Chiefs")."""
    def key(span: str) -> str:
        return span.split()[-1] if by_last_word and span.split() else span

    held: dict[str, set[str]] = {}
    for found, article in zip(spans, articles, strict=True):
        for span in found:
            held.setdefault(key(span), set()).add(article)
    counts = [max((len(held[key(x)]) for x in found), default=0) for found in spans]
    top = max(counts, default=0)
    return [c / top if top else 0.0 for c in counts]


# A capital after a word's first letter, as only names write one: "T-Mobile", "McDonald's",
# "YouTube" (not a word in capitals: `Casing._initials`).
_CAPITAL_INSIDE = re.compile(r"^[A-Z]?[\w'’]*?[a-z-][\w'’-]*[A-Z]")
# Initials written in capitals, two to six letters ("FSU", "NASA", "CDC"), with or
# without their dots ("U.N."): a name even where a sentence opens on it.
_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,6}")


@dataclass(frozen=True)
class Casing:
    """How the retrieved text writes its words inside sentences (not as their first
    word), to tell a name from a capitalised first word: a sentence's first word is
    capitalised whatever it is ("Rising prices...", "Here's when...", "Watch Biden
    deliver...")."""

    capitalised: frozenset[str]  # written with a capital inside some sentence
    lower: frozenset[str]  # written in lower case somewhere
    surnames: frozenset[str] = frozenset()  # written as a person's ("Mamdani, 34,"; `people.surnames_in`)
    ends_a_name: frozenset[str] = frozenset()  # capitalised inside a sentence, no capitalised word joined after it
    opening: frozenset[str] = frozenset()  # capitalised where a sentence or clause opens ("Bourbon the Whippet...")

    def opens_a_name(self, word: str, more_follow: bool) -> bool:
        """Whether a capitalised word that opens a sentence belongs to the name it starts.
        Alone, it must be written with a capital elsewhere too, ending a name there ("Fatima
        Mamdani" makes "Mamdani" one) and never in lower case ("League of Women Voters" makes
        no name of "Voters to face two referendum questions" where the text writes "voters")
        or naming a place (the list of places knows "Toronto"
        in "Toronto Pearson International Airport"): a word the text capitalises only
        before more of a name ("National Historic Landmark") is no name of its own
        ("Historic lodge on Grand Canyon North Rim..."); followed by more
        capitalised words ("Cole Escola", "SAN FRANCISCO"), it belongs unless the text
        also writes it in lower case ("watch"), or the word is all capitals: a
        dateline's "NEW YORK" is a name although the text writes "new"."""
        w = word.strip(EDGE)
        if more_follow:
            return w.lower() not in self.lower or (len(w) > 1 and w.isupper())  # "NEW YORK (AP)"
        # "Toronto Pearson"; initials in capitals are a name wherever they stand: "FSU has banned...",
        # and so is a word with a capital inside it: "T-Mobile will do the same", "McDonald's".
        return (w in self.ends_a_name and w.lower() not in self.lower) or \
            (w in self.capitalised and places.find_any(w) == w) or self._initials(w) or \
            _CAPITAL_INSIDE.search(w) is not None

    def _initials(self, w: str) -> bool:
        """Capitals the text writes no other way ("FSU"): a word it also writes in lower
        case or with one capital is a word set in capitals, as a dateline's "ROME" or a
        notice's "UPDATE:" is, not initials; a possessive counts ("Rome's" for "ROME")."""
        cap = w.capitalize()
        return _INITIALISM.fullmatch(w) is not None and w.lower() not in self.lower and \
            not {cap, cap + "'s", cap + "’s"} & self.capitalised


def casing(sentences: Sequence[str]) -> Casing:
    """The `Casing` of these sentences (the reader passes all the retrieved ones)."""
    cap: set[str] = set()
    low: set[str] = set()
    ends: set[str] = set()
    opening: set[str] = set()
    for sent in sentences:
        toks = sent.split()
        body = len(sent[: dateline_end(sent)].split())  # the token after a dateline opens the sentence
        for n, tok in enumerate(toks):
            w = tok.strip(EDGE)
            if w[:1].islower():
                low.add(w)
            elif n and n != body and not toks[n - 1].endswith(":") and w[:1].isupper():  # not where a sentence or clause opens
                cap.add(w)
                if not (n + 1 < len(toks) and _joined(tok, toks[n + 1])):
                    ends.add(w)
            elif w[:1].isupper():
                opening.add(w)
    return Casing(frozenset(cap), frozenset(low), people.surnames_in(sentences), frozenset(ends), frozenset(opening))


def _joined(first: str, second: str) -> bool:
    """Whether two tokens are two capitalised words of one name: no punctuation between,
    and the first no function word ("The Chiefs" is "Chiefs" alone)."""
    return (first[:1].isupper() and second[:1].isupper() and first.lower() not in STOP
            and first[-1:] not in ",.;:!?)\"”’" and second[:1] not in "(\"“‘")


def _opens(before: str) -> bool:
    """Whether a word after `before` opens a sentence or a clause a colon introduces,
    where news capitalises any word ("Westminster show 2025: Schedule, how to watch"),
    or follows a dateline (`dateline_end`): "LOS ANGELES − Ominous winds were
    expected..." names no "Ominous"."""
    return (not before.strip(EDGE + " ") or before.rstrip().endswith(":")
            or dateline_end(before) == len(before.rstrip()))


def _starts_name(tokens: Sequence[str], opens_sentence: bool, case: Casing | None) -> bool:
    """Whether the first of a capitalised run's words belongs to the name: a function word
    does not ("The Islamic State" -> "Islamic State"), unless `case` shows the text
    writing it with a capital inside a sentence before more words ("the "No Kings"
    rallies": "No Kings", not "Kings"); nor, with `case`, a sentence's capitalised first
    word that `case` does not take for a name, unless it opens a place of two or three
    words ("New York congestion pricing...": "New York", not "York")."""
    first = tokens[0]
    if first.rstrip(".,") in _NOT_ANSWERS or first.lower() in _CLAUSE_OPENERS:
        return False  # "Although Sherlock Holmes wasn't a real person": a clause opens, no name
    if opens_sentence and len(tokens) > 1 and first.lower() in _IMPERATIVE_OPENERS:
        return False  # "Enter George A. Richards, who bought the Portsmouth Spartans"
    if first.lower() in STOP:
        return case is not None and len(tokens) > 1 and first.strip(EDGE) in case.capitalised
    return case is None or not opens_sentence or case.opens_a_name(first, len(tokens) > 1) or \
        any(places.is_any_place(" ".join(tokens[:n])) for n in (2, 3) if n <= len(tokens))


def _opening_place(sentence: str, kind: str, case: Casing) -> tuple[int, int] | None:
    """The capitalised word that opens the sentence, as (start, end), when it is a place
    of the kind asked and the text never writes it in lower case ("Austin is about to
    become a hot destination..." for "Which city...?"): `casing` drops a lone opening
    word it does not see capitalised elsewhere, and the list of places says this one is
    a name."""
    m = re.match(r"\W*([A-Z][\w'’.-]*)", sentence)
    if m is None or m.group(1).lower() in case.lower or m.group(1).lower() in STOP:
        return None
    word = _trim_end(m.group(1))
    return (m.start(1), m.start(1) + len(word)) if places.is_place(kind, word) else None


def _value(number: str) -> float:
    """A written number's value: "1,500" -> 1500.0."""
    return float(number.replace(",", ""))


def _candidates(kind: str, sentence: str, case: Casing | None = None, unit: str | None = None) -> list[tuple[int, int]]:
    """Candidate answer spans of the kind asked for, as (start, end) in the sentence.
    With `case`, a capitalised word that opens the sentence is dropped from the span
    unless `case` says it opens a name. For a "how long" question (`unit` "long") the
    lengths of time and space are candidates too ("25 hours and 5 minutes"); for a "what
    time" one (`unit` "clock"), the times of day ("1:12 p.m.")."""
    if kind == "date":
        return [m.span() for m in _DATE.finditer(sentence)] + \
            ([m.span() for m in _CLOCK.finditer(sentence)] if unit == "clock" else [])
    if kind in ("number", "distance"):
        spans = []
        dates = [m.span() for m in _DATE.finditer(sentence)]
        for m in _NUMBER.finditer(sentence):
            text = m.group().strip().rstrip(",")
            hyphen = _HYPHEN_RANGE.search(text)
            if hyphen and _value(hyphen.group(1)) >= _value(hyphen.group(2)):  # "24-17", "2021-22": the first alone
                text = text[: hyphen.end(1)]
            if re.fullmatch(rf"{_YEAR_DIGITS}(?:(?:\s+to\s+|[-–]){_YEAR_DIGITS})?", text):  # a year (or years) is not a count
                continue
            if any(ds <= m.start() < de for ds, de in dates):  # nor is a day of the month
                continue
            if re.search(r"\d[-–/]$", sentence[: m.start()]):  # nor the end of a range ("2021-22 year", "24/7")
                continue
            # Nor an ordinal ("the 149th show", "about 12th"): the suffix follows the match.
            if re.match(r"(?:st|nd|rd|th)\b", sentence[m.end():], re.I):
                continue
            if _LABELLED.search(sentence[: m.start()]) and not _APPROXIMATE.match(text):
                continue  # nor a number that names ("day two", "Game 7"; not "Day over two days")
            if kind == "distance" and not re.search(r"km|kilomet|mile|metre|meter", text, re.I):
                continue
            spans.append((m.start(), m.start() + len(text)))
        if unit == "long":
            spans += [m.span() for m in _MEASURE.finditer(sentence)]
        if unit == "tally":
            spans += [m.span() for m in _TALLY.finditer(sentence) if m.span() not in spans]
        if unit == "ordinal":
            spans += [m.span() for m in _ORDINAL.finditer(sentence)]  # "the 25th President"
        if unit == "grade":
            spans += [m.span() for m in _GRADE.finditer(sentence)]  # "a Level 3 travel advisory", "ranks No. 29"
        if unit == "odds":
            spans += [m.span() for m in _ONE_IN.finditer(sentence)]  # "a 1 in 83 chance"
        return spans
    out = []
    for s, e in _runs(sentence):
        text = sentence[s:e]
        while text.split() and not _starts_name(text.split(), _opens(sentence[:s]), case):
            s += len(text.split()[0]) + 1
            text = sentence[s:e]
        # "No. 3" belongs to the name before it ("Red No. 3"); left alone once a leading
        # word is dropped ("The No. 1 seed"), or alone before its number ("(No. 1)"), it
        # is a rank, not a name.
        if not text.strip() or text.rstrip(".,") in _NOT_ANSWERS or len(text) < 2 or re.match(r"No\.(?:\s|$)", text) \
                or text in _COLON_LABELS:
            continue
        text = _trim_end(text, case)
        if _A_LABEL.fullmatch(text) and _NUMBER_AFTER.match(sentence, s + len(text)):
            continue  # "Category 4 Hurricane Erin": "Category" labels the number
        end = s + len(_without_home(text) if kind == "entity" else text)
        if _NUMBERED.search(sentence, s, end) and (number := _NUMBER_NEXT.match(sentence, end)):
            end = number.end()  # "Launch Complex 40", "Terminal 4": the number is the name's
        if kind == "entity" and _POSSESSIVE_S.search(sentence[s:end]) and (head := _EPONYM_HEAD.match(sentence, end)):
            end = head.end()  # "battled Hodgkin’s lymphoma": the illness, not a person named Hodgkin
        out.append((s, end))
    return out


# A site or way that is told apart from its kind by a number after it ("Launch Complex
# 40", "Terminal 4", "Pad 39A", "Route 66"): the number ends the name.
_NUMBERED = re.compile(r"\b(?:Complex|Pad|Terminal|Gate|Building|Hangar|Platform|Pier|Route|Highway|Interstate"
                       r"|Lot|Ward|Precinct|Concourse|Runway|Sector|Zone)$")
_NUMBER_NEXT = re.compile(r"\s+\d{1,4}[A-Z]?\b(?![.,:/-]\d)")


def _without_home(name: str) -> str:
    """A person's name without the state or country written after it with "of" ("Kirsty
    Coventry of Zimbabwe" -> "Kirsty Coventry", "Sen. Marco Rubio of Florida"): a name run
    joins "of" as the names of bodies need it ("University of Idaho", "Bank of America"),
    but a person is not named by where they come from. For a name asked only: a place
    question reads the place out of "Matt Van Epps of Tennessee"."""
    m = re.fullmatch(r"(.+?)\s+of\s+(?:the\s+)?(.+)", name)
    if m and places.is_a_place(m.group(2)) and people.person_in(m.group(1)) is not None:
        return m.group(1)
    return name


# "and" after a name of two words or more and before a possessive, a person's title or a
# given name joins two things, not the words of one name: "GA Group and Joann's term lenders", "the
# Grateful Dead and Saturday's awards ceremony", "Washington National Cathedral and
# President Joe Biden" (while "Ben and Jerry's", "Bosnia and Herzegovina's" and "Johnson
# and Johnson's" are one name each, and "Chairman and CEO Brian Niccol" one person).
# "for" joins a name of one or two words to what it is for ("Alternative for Germany",
# "U.S. Centers for Disease Control"); after a longer run, or before a day, a month or a
# given name, it joins two things ("the House Oversight Committee for Mazars", "Brian
# Thompson for Monday", "Attorneys for Sean Combs").
_JOINED_BY = re.compile(r"\s+(and|for)\s+(\S+)")
_POSSESSIVE = re.compile(r"[\w.-]+[’']s\b")


def _runs(sentence: str) -> list[tuple[int, int]]:
    """The capitalised runs (`NAME_RUN`) as (start, end), each cut where "and" or "for"
    joins two things (`_JOINED_BY`), where a run that opens inside single quotes
    closes them (`_quote_closes`), and where a sentence the splitter did not end ends
    (`_SENTENCE_ENDS`)."""
    out = []
    for m in NAME_RUN.finditer(sentence):
        s = m.start()
        for cut in _JOINED_BY.finditer(m.group()):
            joins_two = _and_joins_two if cut.group(1) == "and" else _for_joins_two
            if joins_two(sentence[s : m.start() + cut.start()].split(), cut.group(2)):
                out.append((s, m.start() + cut.start()))
                s = m.start() + cut.start(2)
        for end in _SENTENCE_ENDS.finditer(sentence, s, m.end()):
            out.append((s, end.start()))
            # A function word may open a name ("The Hague"); a clause opener does not.
            s = end.end(1) if end.group(1).lower() in _CLAUSE_OPENERS else end.end()
            s += len(sentence[s : m.end()]) - len(sentence[s : m.end()].lstrip())
        out.append((s, m.end()))
    runs = [part for s, e in out for part in _quote_closes(sentence, s, e)]
    runs = [(s, e) for s, e in (_without_a_day(sentence, *r) for r in runs) if e > s]
    return _join_runs(_join_runs(runs, sentence, _city_and_district), sentence, _subtitled)


# A run's last word is a month when the day of the month follows it ("the Fed's Oct. 29
# meeting": "Fed's Oct").
_MONTH_AT_END = re.compile(rf"\s*\b(?:{MONTHS})$")
_DAY_NEXT = re.compile(r"\.?\s+\d{1,2}\b")


def _without_a_day(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The run at `start:end` without a month it ends on when its day follows: that month
    opens a date, not the last word of a name."""
    month = _MONTH_AT_END.search(sentence, start, end)
    return (start, month.start()) if month and _DAY_NEXT.match(sentence, end) else (start, end)


_NOUN_NEXT = re.compile(r"\s+([a-z][\w-]*)")  # the word right after, a common noun, no comma between


def _dates_naming(sentence: str, kinds: frozenset[str]) -> list[tuple[int, int]]:
    """The dates and ordinals the sentence writes right before the kind asked for, as
    (start, end): a date names the meeting, hearing or game it stands before ("the Fed's
    Oct. 29 meeting" for "Which Fed meeting...?"), an ordinal the birthday or anniversary
    ("what would have been Kirk's 32nd birthday" for "Which birthday...?"), as a common
    noun names the kind in a slot."""
    return [m.span() for pattern in (_DATE, _ORDINAL) for m in pattern.finditer(sentence)
            if (after := _NOUN_NEXT.match(sentence, m.end())) and stem(after.group(1)) in kinds]


def _join_runs(runs: list[tuple[int, int]], sentence: str,
            joins: Callable[[str, tuple[int, int], tuple[int, int]], bool]) -> list[tuple[int, int]]:
    """The runs, with each run joined to the one before it when `joins` says the two are
    one name."""
    out: list[tuple[int, int]] = []
    for s, e in runs:
        if out and joins(sentence, out[-1], (s, e)):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _city_and_district(sentence: str, first: tuple[int, int], then: tuple[int, int]) -> bool:
    """"Washington" and the "D.C." written after its comma are one place
    (`places.city_alias`), as "Washington D.C." is one run already."""
    return sentence[first[1] : then[0]] == ", " and places.city_alias(sentence[first[0] : then[1]]) is not None


# A name and its subtitle, written after a colon mid-sentence: "a member of About Face:
# Veterans Against the War, an organization...", "the film Mission: Impossible." After a
# word of running text and before a stop (not before a verb, as in "said Hamas: Israel
# must..."); a label opening the sentence ("Washington: The council voted") is no name.
_SUBTITLE_GAP = re.compile(r":\s")
_RUNNING_TEXT = re.compile(r"[a-z][\w'’-]*,?\s+$")
_STOP_AFTER = re.compile(r"\s*(?:[,;.!?)\]\"”–—-]|$)")


def _subtitled(sentence: str, first: tuple[int, int], then: tuple[int, int]) -> bool:
    """A run and the run after its colon are one name (`_SUBTITLE_GAP`)."""
    return bool(_SUBTITLE_GAP.fullmatch(sentence[first[1] : then[0]]) and _RUNNING_TEXT.search(sentence[: first[0]])
                and _STOP_AFTER.match(sentence, then[1]))


# A word the splitter took for an abbreviation ("Jr.", "Inc.", "U.S.") before a function
# word or a word that opens a clause ends a sentence: "...Robert F. Kennedy Jr. Although
# the label..." holds the name "Robert F. Kennedy Jr.", not "Kennedy Jr. Although".
_CLAUSE_OPENERS = "although though however meanwhile because since still yet instead".split()
# Verbs a feature or a video's headline opens a sentence with to bring a name on ("Enter
# George A. Richards, who bought...", "Meet Ana Ruiz, the...", "Watch Biden deliver..."):
# the name starts after them.
_IMPERATIVE_OPENERS = frozenset("enter meet consider imagine picture watch".split())
_SENTENCE_ENDS = re.compile(r"(?<=\.)\s+(?=(" + "|".join(sorted(STOP | set(_CLAUSE_OPENERS))) + r")\b)", re.I)


# A single quote after a word and before a space or a stop closes what an opening quote opened.
_CLOSING_QUOTE = re.compile(r"(?<=\w)['’](?=[\s,.;:!?)]|$)")


def _quote_closes(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run that opens inside single quotes, cut where they close: "Texas 'Desert
    Killer' David Leonard Wood" writes a nickname, then the man's name, two names the
    run's apostrophes would join ("Desert Killer' David Leonard Wood")."""
    if start == 0 or sentence[start - 1] not in "'‘":
        return [(start, end)]
    close = _CLOSING_QUOTE.search(sentence, start, end + 1)  # the space after the run may close it
    if close is None or close.start() >= end:
        return [(start, end)]
    rest = next((i for i in range(close.end(), end) if sentence[i].isalnum()), end)
    return [(start, close.start())] + ([(rest, end)] if rest < end else [])


def _and_joins_two(before: list[str], after: str) -> bool:
    """Whether "and" joins two things (`_JOINED_BY`): a rank after it ("the No. 5 seed Los
    Angeles Chargers and No. 4 seed Houston Texans": no name goes on "and No. 4"), or a
    name of two words or more before it, and after it a possessive, a title that the
    word before "and" is not, or a given name after a name of capitalised words ("Lainey
    Wilson and Ella Langley": two people, each a name of its own; "Goldman Sachs and
    Morgan Stanley"; not "Shares of Johnson and Johnson", "The Bill and Melinda Gates
    Foundation"), or a person's whole name before it: no name goes on past one ("Republican
    nominee Donald Trump and Democratic nominee Kamala Harris": "Democratic" is the next
    one's party, not more of Trump's name)."""
    return after == "No." or len(before) >= 2 and (_POSSESSIVE.match(after) is not None
                                                   or _a_persons_whole_name(before)
                                                   or (people.is_title(after) and not people.is_title(before[-1]))
                                                   or (people.is_given_name(after.strip(EDGE))
                                                       and before[0].lower() not in STOP
                                                       and all(w[:1].isupper() for w in before)))


def _a_persons_whole_name(words: list[str]) -> bool:
    """Whether the words, past the function words that open them ("Why Elon Musk" of a
    headline), are a person's whole name: two words or more, so "The Bill" is none."""
    name = " ".join(dropwhile(lambda w: w.lower() in STOP, words))
    return " " in name and people.person_in(name) == name


def _for_joins_two(before: list[str], after: str) -> bool:
    """Whether "for" joins two things (`_JOINED_BY`): more than two words before it, or a day, a
    month or a given name after it."""
    word = after.strip(EDGE)
    return len(before) > 2 or word in _NOT_ANSWERS or people.is_given_name(word)


def _trim_end(name: str, case: Casing | None = None) -> str:
    """The name without the punctuation a capitalised run can end on: a comma, a full
    stop that is not an abbreviation's ("U.S.", "D.C." keep theirs), a closing
    apostrophe ("the Eagles' win" -> "Eagles"), a weekday after a place or a person
    (`_DAY_AFTER_A_NAME`), and, with `case`, a possessive when
    the text also writes the name without it, inside a sentence or opening one ("Taylor
    Swift's album" -> "Taylor Swift"; "Bourbon’s third honor" -> "Bourbon" beside
    "Bourbon the Whippet was named...", while "Denny's" stays whole)."""
    name = name.rstrip(",’'")
    if name.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", name):
        name = name[:-1]
    if case is not None and (m := re.search(r"(\S+)[’']s$", name)) and (m.group(1) in case.capitalised or m.group(1) in case.opening):
        name = name[: m.end(1)]
    if (day := _DAY_AFTER_A_NAME.search(name)) is not None and _place_or_person(rest := name[: day.start()]):
        name = rest  # "Xi arrived in Hong Kong Thursday": "Hong Kong"; not "Black Friday"
    return name


# A weekday closing a capitalised run, which news writes after a place or a person for
# when ("arrived in Hong Kong Thursday", "Sen. Jane Roe Tuesday said"): no part of the name.
_DAY_AFTER_A_NAME = re.compile(rf"\s+(?:{DAYS})$")


def _place_or_person(name: str) -> bool:
    """Whether the name is a place's, or a person's written whole ("Sen. Jane Roe"): what a
    weekday after it does not belong to, as it does to "Black Friday" or "Easter Sunday"."""
    person = people.person_in(name, frozenset())
    return places.is_any_place(name) or (person is not None and name.endswith(person))


def _commonness_weight(held: float) -> float:
    """How much a name held by this share of the archive's chunks counts as a name answer:
    fully up to `COMMON_NAME_SHARE`, above it by the square root of how much more."""
    return 1.0 if held <= COMMON_NAME_SHARE else (COMMON_NAME_SHARE / held) ** 0.5


# The kinds of thing whose names end in the kind ("Toronto Pearson International Airport",
# "Potomac River", "Utah Valley University", "Jefferson County") or open with it before
# "of" ("Institute of Peace", "Journal of Vertebrate Paleontology"), as stems
# (`_headed_by_kind`): for "which airport", a name so written is one, and the names beside
# it that are not (`extract`) are not of the kind. Venues, natural places and courts, then
# institutions, journals and regions.
_NAMED_BY_KIND = frozenset(stem(n) for n in (
    "Park", "Stadium", "Arena", "Airport", "Field", "Dome", "Superdome", "Speedway", "Coliseum", "Center", "Centre",
    "Hospital", "Cathedral", "Church", "Chapel", "Basilica", "Museum", "Palace", "Castle", "Hall", "Square", "Plaza",
    "Bridge", "Island", "Islands", "Beach", "Lake", "River", "Mountain", "Mountains", "Valley", "Canyon", "Forest",
    "Bay", "Harbor", "Harbour", "Base", "Prison", "Court", "Courthouse", "Capitol", "Theater", "Theatre", "Garden", "Gardens",
    "Monument", "Memorial", "Cemetery", "Street", "Avenue", "Boulevard", "Reservoir", "Dam", "Port", "Pier", "Hotel",
    "Resort", "Reserve", "Preserve", "Refuge", "Sanctuary",
    "University", "College", "School", "Institute", "Foundation", "Academy", "Library", "Laboratory", "Journal", "County",
    "Parish", "Province", "Complex", "Terminal", "Pad"))
# "What is the name of the hurricane that...?": the kind named, as "Which hurricane...?" asks it.
_NAME_OF_THE = re.compile(r"^\W*what\s+(?:is|was|are|were)\s+the\s+names?\s+of\s+(?:the|a|an|this|that)\s+"
                          r"((?:[a-z][\w-]*\s*){1,3})", re.I)


def _named_kind(clause: str) -> set[str]:
    """The stems of the kind a "What is the name of the <kind> that...?" question names,
    to its first function word or past tense, of those a name is written with ("Hurricane
    Erin", "Lake Tahoe", "Yankee Stadium": `_NAMED_FIRST`, `_NAMED_BY_KIND`); a kind no
    name carries ("giant schnauzer") stays the question's topic."""
    m = _NAME_OF_THE.search(clause)
    if m is None:
        return set()
    kind = list(takewhile(lambda w: w.lower() not in STOP and not verbs.past_tense(w)
                          and not w.endswith(("ly", "ing")), m.group(1).split()))
    return {stem(w) for w in kind} & (_NAMED_BY_KIND | _NAMED_FIRST)
# Kinds whose names open with the kind's word: "Hurricane Erin", "Tropical Storm Debby",
# "Lake Tahoe", "Mount Etna", "Fort Bragg".
_NAMED_FIRST = frozenset(stem(n) for n in ("Hurricane", "Storm", "Typhoon", "Cyclone", "Lake", "Mount", "Fort"))
# The kinds whose names say where something happened: "Where...?" is answered by a
# venue, a campus or a county as well as by a city ("at Howard University"); a journal
# or a foundation is no place.
_SITES = _NAMED_BY_KIND - {stem("Journal"), stem("Foundation")}
_AT_THE_END = re.compile(r"\bat\s+(?:the\s+)?$")


def _site_of_the_deed(sentence: str, start: int, end: int, stems: frozenset[str]) -> bool:
    """Whether the name from `start` to `end` follows "at" right after the question's own
    words ("Where did the king attend a ceremony?": "attended a ceremony at the Arc de
    Triomphe, where..."): the site of what is asked, though no list of places holds it.
    Not a name before a common noun, which it modifies ("at the NATO summit")."""
    at = _AT_THE_END.search(sentence[:start])
    if at is None or not any(stem(t) in stems for t in words(sentence[: at.start()])[-3:] if t.lower() not in STOP):
        return False
    after = _NOUN_NEXT.match(sentence, end)
    return after is None or after.group(1) in STOP or after.group(1) in _PREPOSITIONS
# The common nouns news writes after a site's name or in an aside after it, where the
# name alone says no kind: "his Mar-a-Lago estate", "Chequers, the official country
# retreat of British prime ministers". Such a site answers "Where...?" as a place does.
_SITE_NOUNS = frozenset(stem(n) for n in (
    "estate", "retreat", "residence", "resort", "compound", "ranch", "mansion", "palace", "castle", "hotel",
    "venue", "stadium", "arena", "campus", "headquarters", "club", "farm", "villa", "lodge", "manor"))
# Kinds of venue whose names end in another venue word: a stadium is also a "Field",
# "Dome" or "Park" ("Caesars Superdome", "Lambeau Field"), an arena a "Center" or
# "Garden" ("Paycom Center", "Madison Square Garden"); a venue is any of them, or a hall
# or theatre. For "which stadium", a name so written is one (`_headed_by_kind`).
_STADIUM_WORDS = frozenset(stem(n) for n in ("Stadium", "Field", "Dome", "Superdome", "Park", "Coliseum"))
_ARENA_WORDS = frozenset(stem(n) for n in ("Arena", "Center", "Centre", "Garden", "Dome"))
_VENUE_NAMES = {stem("stadium"): _STADIUM_WORDS, stem("arena"): _ARENA_WORDS,
                stem("venue"): _STADIUM_WORDS | _ARENA_WORDS | {stem(n) for n in ("Hall", "Theater", "Theatre")}}


def kinds_in_names(kinds: frozenset[str]) -> frozenset[str]:
    """The words (stems) that write a name as one of the kinds asked for (`kinds`,
    stems): the kind's own word where names end in it (`_NAMED_BY_KIND`), and for a kind
    of venue the other venue words its names end in (`_VENUE_NAMES`)."""
    return frozenset().union(kinds & (_NAMED_BY_KIND | _NAMED_FIRST), *(_VENUE_NAMES.get(k, frozenset()) for k in kinds))


# How much a common noun in the answer's slot counts against a name's role (about 1 to
# 1.8 for a name that is the sentence's subject or stands before the question's words).
SLOT_ROLE = 1.5
# How much more a person's name counts when the kind of person asked for is written
# beside it (`_kind_beside`): as much as the answer's slot says of a common noun.
KIND_BESIDE_ROLE = SLOT_ROLE
# How much more a name counts as the speaker asked for (`_speaks`): as much as a slot's word.
SPEAKER_ROLE = SLOT_ROLE
# How much more a span counts when written after the preposition the question asks it
# with (`Asked.ends_on`): "flying from?" -> "from Wichita", "Until what date?" -> "until
# April 2", "On which network...?" -> "on Fox News".
AFTER_ITS_PREPOSITION = 1.5
# How much more a name counts as the doer of the question's own verb (`_done_by`:
# "produced by Indiana Black Expo" for "Which group produces...?"): the sentence says in
# so many words that it did what was asked, as a slot's word and the kind beside it would.
DONE_BY_ROLE = SLOT_ROLE * KIND_BESIDE_ROLE
# How much more a name counts when the question's own verb follows it (`_does`: "Who
# scored...?" of "Virgil van Dijk's scored"): as much as a speaker's "said".
DOER_ROLE = SPEAKER_ROLE


def _governing_word(toks: Sequence[str], before: int) -> str:
    """The word before the span at token `before`, lower-cased, past a "the": the
    preposition that governs it ("in the Netherlands" -> "in"); "" at the start."""
    prev = toks[before - 1].lower() if before > 0 else ""
    return toks[before - 2].lower() if prev == "the" and before > 1 else prev


def _headed_by_kind(name: str, kinds: frozenset[str]) -> bool:
    """Whether the name is written as one of the kind (`kinds`, stems): it ends in the
    kind's word ("Utah Valley University"), or that word heads it before "of" ("U.S.
    Institute of Peace", "University of Idaho"), or ends in it and a number ("Launch
    Complex 40": `_NUMBERED`)."""
    toks = words(name)
    if len(toks) > 1 and re.fullmatch(r"\d+[A-Z]?", toks[-1]):
        toks = toks[:-1]
    if len(toks) > 1 and stem(toks[0]) in kinds & _NAMED_FIRST:
        return True  # "Hurricane Erin" for "the name of the hurricane", "Lake Tahoe"
    return bool(toks) and (stem(toks[-1]) in kinds or any(
        stem(t) in kinds and after.lower() == "of" for t, after in zip(toks, toks[1:], strict=False)))


_LIST_ITEM_BREAK = re.compile(r"[;:()]")
_QUOTE_CLOSES_AFTER_A_COMMA = re.compile(r"\s*,\s*[\"”]")
# The words between the sentence's last comma, quote or opening and a comma right before a
# name, up to six: a title phrase set off before the name it names.
_TITLE_BEFORE_A_COMMA = re.compile(r"(?:^|[,;:\"“”])\s*((?:[\w’'.&-]+\s+){0,5}[\w’'.&-]+),\s*$")
# An aside between commas that is a noun phrase ("the Kremlin spokesman"), not a clause
# ("who fired the FBI director").
_APPOSITION = re.compile(r"\s*,\s*((?:the|an?)\s[^,;:.()]{1,80}?)\s*[,;:.]")
# A copula after a name and what it makes the one named, to the clause's end: "Scottie
# Scheffler is the 2022 Masters champion." (group 1 those words).
_COPULA_AFTER = re.compile(r"\s+(?:is|was|became|becomes|remains|will be)\s+((?:the|an?)\s[^,;:.()]{1,60}?)\s*(?:[,;:.]|$)")
# A title and the body it is held at, capitalised, right before a name: "president of
# Oxford Languages Casper Grathwohl" (group 1 the title's word).
_TITLE_OF_A_BODY = re.compile(r"\b([a-z][\w-]*)\s+of\s+(?:the\s+)?(?:[A-Z][\w’'&.-]*\s+){1,5}$")


def _title_held_at_a_body(before: str) -> str | None:
    """The title word of a title and a named body that end the text before a name
    ("president" of "...president of Oxford Languages "), or None."""
    m = _TITLE_OF_A_BODY.search(before)
    return m.group(1) if m else None


def _stage_name(sentence: str, start: int, name: str, kinds: frozenset[str], surnames: frozenset[str]) -> bool:
    """Whether the name, of two words or more and no place, is a person's that no list of
    given names knows, because the kind of person asked for is written right before it:
    "record producer DJ Cassidy", "rapper Lil Baby". A name in the given-name list needs
    no such word (`people.person_in`)."""
    before = words(sentence[:start])[-1:]
    return (len(words(name)) >= 2 and bool(before) and stem(people.spelled_out(before[0])) in kinds
            and people.person_in(name, surnames) is None and not places.is_any_place(name))


def _kind_beside(sentence: str, start: int, end: int, kinds: frozenset[str]) -> bool:
    """Whether the sentence writes the kind asked for (`kinds`, stems) beside the name at
    `start:end`: in the three words before it, as a title or what the person is ("Kremlin
    spokesman Dmitry Peskov", "Texas Sen. Ted Cruz"), after it and a comma ("Dmitry
    Peskov, the Kremlin spokesman"), or after it and a copula ("Scottie Scheffler is the
    2022 Masters champion"). The news says there who the person is; `extract`
    asks it only of a person asked for: before other names the word names their kind
    too loosely ("parent company Unilever", "the team's Stanley Cup")."""
    # Only the words of the name's own list item: "John Ratcliffe, CIA director; Sean
    # Duffy" does not make Sean Duffy a director.
    item = _LIST_ITEM_BREAK.split(sentence[:start])[-1]
    near = words(item)[-3:]
    # A speaker's verb before the name ends what stood before it: "consultation with the
    # clan, said Eric Hollinger" does not make him the clan's ("Which clan leader...?").
    said_at = [n for n, w in enumerate(near) if _SAID_WORD.fullmatch(w)]
    if said_at:
        near = near[said_at[-1] + 1:]
    # A title phrase that ends in a comma before the name, the kind a few words back:
    # "Chief Marketing Officer at Taco Bell, Taylor Montgomery, said".
    if (title := _TITLE_BEFORE_A_COMMA.search(item)) is not None:
        near += words(title.group(1))
    # The body a title is held at, between the title and the name: "president of Oxford
    # Languages Casper Grathwohl".
    if (held_at := _title_held_at_a_body(item)) is not None:
        near.append(held_at)
    # Not a name that ends a quotation ("...Word of the Year," president of Oxford Languages
    # Casper Grathwohl said): the words after the closing quote are the speaker's.
    if sentence[end:].lstrip().startswith(",") and not _QUOTE_CLOSES_AFTER_A_COMMA.match(sentence, end):
        near += words(sentence[end:])[:4]
        # A longer aside that ends in the kind: "Charles Ezell, the Office of Personnel
        # Management's acting director, announced..."
        if aside := _APPOSITION.match(sentence, end):
            near += _head_words(aside.group(1))
    elif said_to_be := _COPULA_AFTER.match(sentence, end):
        near += _head_words(said_to_be.group(1))  # "Scottie Scheffler is the 2022 Masters champion."
    return any(stem(people.spelled_out(w)) in kinds for w in near)


def _head_words(phrase: str) -> list[str]:
    """The words of a noun phrase that may be its head: its last word ("director" of "the
    Office of Personnel Management's acting director") and its last before a preposition,
    which begins what the head is of or at ("president" of "the president of Finland")."""
    toks = words(phrase)
    cut = next((i for i, t in enumerate(toks) if i and t.lower() in _PREPOSITIONS), len(toks))
    return list(dict.fromkeys(toks[cut - 1 : cut] + toks[-1:]))


def _named_as_the_kind(sentence: str, end: int, kinds: frozenset[str]) -> bool:
    """Whether the name ending at `end` is followed by a comma and what it is, naming the
    kind asked for ("the Allen Institute, a research center in Seattle" for "which
    research center"). After a name, a comma and an article, the words say what the
    name is; a kind word before another name says it too loosely ("parent company
    Unilever"), which is why `_kind_beside` is asked only for a person."""
    m = re.match(r",\s+(?:a|an|the)\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", sentence[end:])
    return m is not None and any(stem(w) in kinds for w in m.group(1).split())


_A_NAME_NEXT = re.compile(r"\s+[A-Z]")


def _kind_after(sentence: str, end: int, kinds: frozenset[str]) -> bool:
    """Whether the name ending at `end` is followed by a word of the kind asked for in
    lower case ("the Delaney Hall detention center" for "which detention center"): the
    name is one of that kind, as one the kind's word ends ("Utah Valley University") is.
    Not when a name follows that word: there the word is the title of the name after it,
    and the one before says whose ("Roscosmos cosmonaut Aleksandr Gorbunov", "Fabrics
    retailer Joann"); nor when another common noun goes on the phrase, which then names
    another thing ("the TV broadcast airing" for "which network broadcasts"); a
    preposition or a verb in the past there ends the phrase ("the A12 Bionic processor
    inside", "the Tarn glacier sent ice down")."""
    pos, n = end, 0
    while (after := _NOUN_NEXT.match(sentence, pos)) and stem(after.group(1)) in kinds:
        pos, n = after.end(), n + 1
    more = _NOUN_NEXT.match(sentence, pos)
    word = more.group(1) if more else ""
    goes_on = bool(word) and word not in STOP and word not in _PREPOSITIONS \
        and not word.endswith("ly") and not verbs.past_tense(word)  # not "shortly after"
    return n > 0 and not goes_on and not _A_NAME_NEXT.match(sentence, pos)


# "in the journal Nature", "the scientific journal, Geomatics, details...": the kind, a
# comma or none, then the name.
# ", Virginia" after a city; a capitalised word and a comma before a state.
_STATE_AFTER = re.compile(r",\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?=[\s,.;:]|$)")
_A_NAME_AND_COMMA = re.compile(r"[A-Z][\w.’'-]*,\s+$")
_THE_KIND_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w’'-]*\s+){0,2}([a-z][\w-]*),?\s+$")
# "the key Kharkiv city of Balakliia", "the town of Big Bear": the kind, "of", then the name;
# the words between the article and the kind may be names ("Kharkiv").
_THE_KIND_OF_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,2}([a-z][\w-]*)\s+of\s+$")
# "The worst nation was nearby Indonesia": the kind as the subject, a copula, then the name
# (a lower-case word between: "nearby"; not a verb's: "the company is hoping Trump will...").
_THE_KIND_WAS_BEFORE = re.compile(r"\b(?i:the)\s+(?:[a-z][\w’'-]*\s+){0,2}([a-z][\w-]*)\s+"
                                  r"(?:is|was|are|were|became|remains)\s+(?:(?![a-z]+(?:ing|ed)\s)[a-z]+\s+)?$")


def _introduced_as_the_kind(sentence: str, start: int, kinds: frozenset[str],
                            asked_stems: frozenset[str] = frozenset()) -> bool:
    """Whether the name starting at `start` follows an article and the kind asked for, in
    lower case, a comma between or none ("published in the journal Nature", "the scientific
    journal, Geomatics,", "on the messaging service Signal" for
    "which journal", "which messaging service"), or the kind and "of" ("the key Kharkiv
    city of Balakliia" for "which city"), or the kind and a copula ("The worst nation was
    nearby Indonesia" for "which nation"): the words say what the name is, as
    `_named_as_the_kind` reads them after it. A possessive between ("the team's Stanley
    Cup") or no article ("parent company Unilever") says it too loosely. Nor is the name
    after "of" one of the kind where a name heads the kind before it ("the Delta variant of
    COVID-19": Delta is the variant, COVID-19 what it is a variant of), unless the question
    writes that name (`asked_stems`: "Which key Dorvan city...?") or the kind is a place's
    and that name a place ("the key Kharkiv city of Balakliia")."""
    for pattern in (_THE_KIND_BEFORE, _THE_KIND_OF_BEFORE, _THE_KIND_WAS_BEFORE):
        m = pattern.search(sentence[:start])
        if m is None or stem(m.group(1)) not in kinds:
            continue
        named = words(sentence[: m.start(1)])[-1:]
        if pattern is _THE_KIND_OF_BEFORE and named and named[0][:1].isupper() and stem(named[0]) not in asked_stems \
                and not (places.is_place_kind(m.group(1)) and places.is_any_place(named[0])):
            continue
        return True
    return False


# The participle, a few words that are not another one ("hosted for the first time by"), and
# "by", then a few lower-case words that say who the doer is ("by actress and singer").
_PARTICIPLE_BY = re.compile(r"\b([A-Za-z][a-z]+ed)\s+(?:(?![a-z]+ed\b)[a-z]+\s+){0,4}?by\s+(?:the\s+)?"
                            r"(?:[a-z][\w-]*\s+){0,4}$")


def _done_by(sentence: str, start: int, stems: frozenset[str]) -> bool:
    """Whether the name starting at `start` follows a participle of one of the question's
    verbs (`stems`) and "by": the news names the doer so ("the Circle City Classic,
    produced by Indiana Black Expo" for "Which organization produces the Circle City
    Classic?"), after a preposition that otherwise makes a name a modifier."""
    m = _PARTICIPLE_BY.search(sentence[:start])
    return m is not None and stem(m.group(1)) in stems


# "How many cancer cases...?": "20,000 cancer deaths" says which (cancer) but not what it
# counts (deaths, not cases): none of the credit of "100,000 cases of cancer", though not
# the loss of a number beside no word of the count.
HEADLESS_COUNT = 0.0
# A name followed by a comma and "who" or "which", and a clause that holds this share of
# the question's words (weighed by rarity), is the one the question describes (`_described_after`).
DESCRIBED_SHARE = 0.5
DESCRIBED_ROLE = SLOT_ROLE
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which)\s+([^,;:!?]+)")


def _described_after(sentence: str, end: int, stems: frozenset[str], idf: dict[str, float]) -> bool:
    """Whether the name ending at `end` is followed by a relative clause that says of it
    most of what the question asks about (`stems`, weighed by `idf`): "the Kansas City
    Chiefs, who have won the past two Super Bowls" for "Which team has won the past two
    Super Bowls?". News writes so what a name is, and the name stands where a preposition
    ("in the Kansas City Chiefs") would otherwise make it a modifier."""
    m = _RELATIVE_CLAUSE.match(sentence, end)
    return m is not None and coverage(list(stems), [stem(t) for t in words(m.group(1))], idf) >= DESCRIBED_SHARE


def _speaks(sentence: str, start: int, end: int) -> bool:
    """Whether the news has the name at `start:end` saying something: "said" or "says"
    right after it, or after it and an aside between commas ("Sen. Michael Brooks-Jimenez,
    D-Oklahoma City, said"), or right before it after a comma or a quote ("..., said
    Commissioner Beau Mason"; not "He said John Smith was there")."""
    return (re.match(rf"(?:,[^,]{{1,60}},)?\s*{_SAID}\b", sentence[end:]) is not None
            or re.search(rf"[,\"”]\s*{_SAID}\s+$", sentence[:start]) is not None)


def _owns_the_kind(sentence: str, end: int, kinds: frozenset[str]) -> bool:
    """Whether the name ending at `end` is written as the owner of the kind asked for
    ("Combs' lawyer, Teny Geragos" for "which lawyer"): a possessive, then the kind within
    two words. Its owner is not one of that kind."""
    m = re.match(r"[’']s?\s+((?:[\w-]+\s+)?[\w-]+)", sentence[end:])
    return m is not None and any(stem(w) in kinds for w in m.group(1).split())


# One or two lower-case words after a name, the last a kind of person, then a capital:
# "Fox News host Pete Hegseth", "Kremlin chief spokesman Dmitry Peskov".
_PERSON_WORD_THEN_A_NAME = re.compile(r"\s+(?:[a-z][\w-]*\s+)?([a-z][\w-]*)\s+(?=[A-Z])")


def _employs_the_next(sentence: str, end: int, surnames: frozenset[str]) -> bool:
    """Whether the name ending at `end` stands before a lower-case word for a person and
    a person's name: "Fox News host Pete Hegseth". The name there says whom the person
    works for; the person is who the sentence speaks of, and so the one a plain "Who...?"
    asks for."""
    m = _PERSON_WORD_THEN_A_NAME.match(sentence, end)
    if m is None or m.group(1) not in people.PERSON_NOUN_SET:
        return False
    run = NAME_RUN.match(sentence, m.end())
    return run is not None and people.person_in(run.group().strip(), surnames) is not None


_POSSESSIVE_S = re.compile(r"[’']s?$")
# An owner of one word or more, its possessive, and the name it owns ("New Orleans' Treme").
_OWNED_BY = re.compile(r"(\S.*?)[’']s?\s+([A-Z]\S*(?:\s+\S+)*)$")


def _long_names(question: str) -> tuple[tuple[str, ...], ...]:
    """The question's capitalised runs of two words or more, as their words, without the
    function words that open them."""
    runs = (tuple(dropwhile(lambda w: w.lower() in STOP, m.group().split())) for m in NAME_RUN.finditer(question))
    return tuple(run for run in runs if len(run) >= 2)


def _written_longer(name: Sequence[str], text: str) -> bool:
    """Whether the span writes the question's name with more words inside it: it opens and
    ends as the name does and holds its words in order ("Westminster Kennel Club Dog Show"
    for "the Westminster Dog Show"). The news writes a name whole that the question
    shortens, and it is the question's still; a name that goes on past it ("Kennedy
    Center Honors" for "the Kennedy Center") is another."""
    toks = list(dropwhile(lambda w: w.lower() in STOP, text.split()))
    if len(toks) <= len(name) or toks[0] != name[0] or toks[-1] != name[-1]:
        return False
    rest = iter(toks)
    return all(any(t == w for t in rest) for w in name)


def named_by_last_word(question: str, sentences: Sequence[str]) -> frozenset[str]:
    """The whole names the question names by their last word alone, lower-cased: for each
    name of one word the question writes as an owner ("Rubio's confirmation hearing"),
    the name of two words or more ending in it that the sentences write most often
    ("Marco Rubio"). That name is the question's own, as a name it writes whole is: the
    question asks about Rubio's hearing, not for Rubio. The most written one, since a
    question about "Trump's sons" means Donald Trump, and "Eric Trump" may answer it. An
    owner only: a word before a noun may be a place ("a Bengaluru stadium"), and the
    most written name ending in it another thing ("Royal Challengers Bengaluru")."""
    # A one-word name of the question: "Kennedy" in "Robert F. Kennedy Jr.'s" is a whole name's.
    runs = (list(dropwhile(lambda w: w.lower() in STOP, m.group().split())) for m in NAME_RUN.finditer(question))
    asked = {_POSSESSIVE_S.sub("", run[0]) for run in runs if len(run) == 1 and _POSSESSIVE_S.search(run[0])}
    counts: dict[str, Counter[str]] = {}  # for each word asked, the whole names ending in it
    for sentence in sentences:
        for m in NAME_RUN.finditer(sentence):
            parts = _POSSESSIVE_S.sub("", people.untitled(_trim_end(m.group()))).split()
            if len(parts) >= 2 and parts[-1] in asked and not set(parts[:-1]) & asked:
                counts.setdefault(parts[-1], Counter())[" ".join(parts).lower()] += 1
    return frozenset(named.most_common(1)[0][0] for named in counts.values())


def extract(question: str, sentences: Sequence[str], weights: Sequence[float],
            idf: dict[str, float] | None = None, case: Casing | None = None,
            share: NameShare | None = None, marked_from: int | None = None) -> Span | None:
    """Best answer span across the sentences (weights: how much each sentence counts;
    the reader passes its order score).

    `idf` weighs the question's words: standing next to a rare word of the question
    ("ringleader") says more than standing next to a common one ("attack"). `case`
    (`casing` of all the retrieved sentences) tells a name from a capitalised first word.
    `share` gives each name's share of the archive's chunks (`KeywordIndex.share`): a
    name above `COMMON_NAME_SHARE` counts less as a name answer. From the sentence
    `marked_from` on, a name counts only where the news writes the kind asked beside it
    or in it (`_kind_beside`, `_named_as_the_kind`, `_introduced_as_the_kind`,
    `_headed_by_kind`): sentences further down the reader's order, read for such a name
    alone, weighed as the sentences before them are and no more than the best of those.
    """
    idf = idf or {}
    top_idf = max((idf.get(t, 1.0) for t in q_stems_of(question)), default=1.0) or 1.0
    asked = Asked.of(question)
    kind = asked.kind
    if kind is None:
        return None
    q_stems = asked.stems
    # The kind asked for, named inside a name, marks it as of that kind ("Liberal Party" for
    # "which party", "University of Idaho" for "which university"): not the question's topic.
    topic = q_stems - asked.kinds if kind in ("entity", "place") else q_stems
    q_lower = question.lower()
    # The dimension a "how long / tall / deep...?" question measures (`_DIMENSION`), if it says one.
    dimension = _dimension_asked(question) if asked.unit == "long" else None
    # "By how much have cases increased in the last two weeks?" is not answered "three" of
    # "in the last three weeks" or "a three-day increase" (`_periods_named`).
    periods_named = kind == "number" and _periods_named(question, asked)
    # "How many Emmy nominations...?" counts no length of time: "in one year" of "the most
    # nominations by a comedy series in one year" is a period, not the count.
    counts_no_time = asked.unit == "count" and bool(asked.counted) and not asked.counted & _TIME_UNIT_STEMS
    # "Which state had...?", not "In which state...?": the place asked is the one that did.
    place_does = kind == "place" and asked.place is not None and _OPENS_WHICH.match(question) is not None
    read = len(sentences) if marked_from is None else marked_from  # the sentences read for any span
    top_w = max(weights[:read], default=0.0) or 1.0  # the best of them sets the scale
    counted = asked.counted
    best: dict[str, float] = {}
    total: dict[str, float] = {}
    where: dict[str, tuple[int, str]] = {}
    mentions: dict[int, dict[str, tuple[int, str]]] = {}  # each sentence's spans: where they start
    kind_in_names = kinds_in_names(asked.kinds) if kind == "entity" and not asked.person else frozenset()
    # The names written as of the kind asked for (`_headed_by_kind`), introduced as one
    # (`_introduced_as_the_kind`), or, for "who is the <role>?", with the role beside them.
    named_as_kind: set[str] = set()
    marked_as_kind: set[str] = set()  # the names read with the kind asked beside them or in them (`Span.marked`)
    surnames = case.surnames if case else frozenset()  # the names the text writes as a person's
    question_names = named_by_last_word(question, sentences) if kind == "entity" else frozenset()
    seen: set[str] = set()
    aliases: dict[str, str] = {}  # initials in parentheses -> the name they abbreviate (`_abbreviated`)
    for i, (sent, raw_w) in enumerate(zip(sentences, weights, strict=True)):
        if sent in seen:
            # A sentence two articles print alike (a wire copy, a story run again) is one
            # report: its names do not count again ("The Snack Wrap first hit the menu in
            # 2006", twice, outweighed "phased out nationally in 2016").
            continue
        seen.add(sent)
        w = min(max(raw_w, 0.0) / top_w, 1.0) ** 3  # the best-weighed sentence dominates
        if asked.period and periods.speaks_of_another(sent, asked.period):
            w *= OTHER_PERIOD  # "...last season?": not "averaged 28.1 points ... this season"
        elif asked.period and periods.speaks_of(sent, asked.period):
            w *= SAME_PERIOD  # "...this year?": "This year, Thanksgiving is Nov. 27."
        if asked.countries and (set_in := places.countries_in(sent)) and not set_in & asked.countries:
            w *= OTHER_COUNTRY  # "...hit southwestern Japan?": not "the magnitude 5.2 earthquake in Southern California"
        toks = words(sent)
        active = _active_at(toks, asked.done_to)  # where the sentence writes a passive question's verb actively
        positions = [(j, v) for j, t in enumerate(toks) if (v := _question_word(t, q_stems, idf, kind)) is not None]
        quoted = works.titles_in(sent) if kind == "entity" else []  # titles, and for "which phrase" phrases
        titles = quoted if asked.work else []
        spans = _candidates(kind, sent, case, asked.unit)
        if asked.place is not None and case is not None and \
                (opening := _opening_place(sent, asked.place, case)) and opening not in spans:
            spans.append(opening)
        dated = dateline_end(sent) if kind == "entity" else 0
        if asked.pair:  # "Missouri and Texas" is one capitalised run: each is a name
            spans = [part for s, e in spans for part in _parts(sent, s, e)]
        slotted = asked.slot.spans(sent) if asked.slot else []
        if slotted:  # "the Year of the Ox" for "the year of which animal?": "Ox" answers
            spans = [sp for sp in spans if not _the_lead_and_slot(sent, sp, slotted, asked.slot.lead)]
        # "Which Fed meeting...?": "the Fed's Oct. 29 meeting" is the meeting, as a name headed
        # by the kind is one of that kind.
        dates_named = _dates_naming(sent, asked.kinds) if kind == "entity" and asked.kinds else []
        slotted += dates_named
        # The name a naming verb gives ("dubbed "olo"", "known as the Beaver Moon"), for
        # a question asking a name, or a quoted run, for one asking a word ("selected
        # "parasocial""), stands where the answer stands, as a slot's word does; one
        # written as a name keeps the name's weight when that is more.
        given = asked.given(sent)
        slotted += [g for g in given if g not in spans]
        for s, e in dict.fromkeys(spans + titles + slotted):
            run = (s, e)  # the candidate as found, before the name is cut from it
            in_slot, is_given = (s, e) in slotted, (s, e) in given
            fit = asked.fit(sent[s:e].strip(), (s, e) in titles or (asked.wording and is_given), surnames, sentences)
            if fit is None:
                continue  # the question's own words
            text, of_kind = fit
            if text.lower() in question_names:
                continue  # "Marco Rubio" for a question about "Rubio's confirmation hearing"
            if kind in ("entity", "place") and (abbreviated := _abbreviated(sent, s)) is not None:
                if asked.own(abbreviated) and _WRITTEN_INITIALS.fullmatch(text):
                    continue  # "Unilever (UL)" for "To which company did Unilever sell...?"
                if _initials(text) in acronyms(abbreviated):
                    aliases[text.lower()] = abbreviated.lower()  # "American Quality Products (AQP)"
            if asked.by_whom and any(qs <= s and e <= qe for qs, qe in quoted):
                of_kind *= NOT_THE_KIND  # "Who won best director?": not "Brutalist" of “The Brutalist”
            headed_by_kind = bool(kind_in_names) and _headed_by_kind(text, kind_in_names)
            if headed_by_kind:
                text = after_owner(text)  # "Tokyo's Haneda Airport" -> "Haneda Airport"
            s += sent[s:e].find(text)  # the place inside the name ("U.S. Soccer" -> "U.S.")
            if asked.person and of_kind < 1.0 and _stage_name(sent, s, text, asked.kinds, surnames):
                of_kind /= NOT_THE_KIND  # "record producer DJ Cassidy": a person by the kind written before the name
            if asked.anywhere and places.find_any(text) is None and not _headed_by_kind(text, _SITES) and \
                    (_kind_after(sent, s + len(text), _SITE_NOUNS) or _named_as_the_kind(sent, s + len(text), _SITE_NOUNS)
                     or _site_of_the_deed(sent, s, s + len(text), asked.stems)):
                of_kind /= NOT_THE_KIND  # "Where...?": "at Chequers, the official country retreat of British prime ministers"
            in_place = asked.place is not None and of_kind == 1.0
            # "Whose nomination...?": the owner written before it ("Jared Isaacman's
            # nomination"), without the possessive.
            bare = _POSSESSIVE_S.sub("", text)
            owner = bool(asked.whose) and _owns_the_kind(sent, s + len(bare), asked.whose)
            if owner:
                text = bare
            key = text.lower()
            span_stems = {stem(t) for t in words(text)}
            if asked.anywhere and (inside := places.find_any(text)) not in (None, text):
                span_stems -= {stem(t) for t in words(inside)}  # the question's own place in a venue's name
            if kind == "number" and re.search(r"km|kilomet|mile", text, re.I) and \
                    not re.search(r"far|distance|km|kilomet|mile", q_lower):
                continue
            overlap = bool(span_stems & topic)
            # "100 people" for "how many people" is good; "Super Bowl LVIII" for
            # "who won the Super Bowl" is the topic, not the answer.
            shares = 0.5 if overlap and kind == "number" else 0.0
            before = len(words(sent[:s]))
            following = words(sent[s + len(text):])[:2]  # the two words after the span
            if counted and kind == "number":
                # "how many years": a count of years ("3 years"); "how many dogs": the number
                # the word "dogs" follows ("2,500 dogs from 201 breeds"), not the other one.
                # In "24 of 32 team owners" the owners counted are 24: 32 is their whole.
                whole = _OF_WHOLE.match(sent, s + len(text))
                if whole:
                    following = words(sent[whole.end():])[:2]
                is_whole = _PART_OF.search(sent[:s]) is not None
                # A unit joined to the number by hyphens counts as written apart: "90,000-square-foot".
                near = span_stems | {stem(p) for t in following for p in t.split("-") if p}
                # The noun phrase after the number, to its first function word: "more than
                # 60,000 previously classified files" counts files.
                phrase = {stem(t) for t in takewhile(lambda t: t.lower() not in STOP, words(sent[s + len(text):])[:4])}
                # "How many pilgrims died?": "a death total of 1,301" counts the dead, whoever they were.
                tolled = (toll := _TOLL_OF.search(sent[:s])) is not None and stem(toll.group(1)) in counted
                shares += 1.0 if tolled else -0.3 if is_whole or not counted & near else \
                    HEADLESS_COUNT if asked.counted_head and asked.counted_head not in near | phrase else 1.0
            if asked.unit == "long" and _LENGTH_BEFORE_A_NOUN.search(text) and \
                    not {stem(t) for t in following} & q_stems:
                of_kind *= NOT_THE_KIND  # "How long was Brody's speech?": not the "three-and-a-half-hour" film
            if (periods_named or counts_no_time) and \
                    (_TIME_UNIT_NEXT.match(sent, s + len(text)) or _TIME_UNIT_END.search(text)):
                # "...in the last two weeks?": not "three" of "the last three weeks"; "How
                # many nominations...?": no length of time ("in one year") counts them.
                of_kind *= NOT_THE_KIND if periods_named else NOT_THE_KIND ** 2
            if dimension is not None and (measures := _DIMENSION_AFTER.match(sent, s + len(text))) and \
                    _DIMENSION[measures.group(1).lower()] != dimension:
                of_kind *= NOT_THE_KIND  # "How tall...?": not "33 feet in diameter" beside "363 feet tall"
            closeness = max((v / top_idf / (1.0 + abs(before - p) / 3.0) for p, v in positions),
                            default=0.1)
            # A common noun where the question's "which X" stands: the name heuristics below
            # are not for it.
            role = SLOT_ROLE if in_slot else 1.0
            marked = headed_by_kind  # the news writes the kind asked beside the name, or in it
            introduced = holds_role = False
            prev = toks[before - 1].lower() if before > 0 else ""
            # A quoted title asked for may hold a word of the question and still be new to
            # it ("Speak Now (Taylor's Version)" for "Which album will Taylor Swift
            # announce?"): one whose words are more new than the question's is no echo of
            # it; "The Church of Tarantino" (one of each), for Tarantino's best film, is.
            if kind in ("entity", "place") and overlap and not (run in titles and _mostly_new(span_stems, topic)):
                role *= 0.3
            # "the Space Launch System ... became the most powerful rocket ever to reach
            # orbit — boasting 15% more thrust than the Saturn V rockets": what the answer
            # is measured against, however the kind is written beside it.
            compared = kind in ("entity", "place") and _governing_word(toks, before) == "than" and \
                "than" not in words(q_lower)
            if compared:
                role *= NOT_THE_KIND
            if kind == "entity" and not in_slot:
                # "Who did X?": the answer is the doer, standing before the verb, not a place.
                # weighted by how telling that word is ("ringleader" more than "attack")
                if active is None:
                    role += 0.5 * max((v / top_idf for p, v in positions if 0 < p - before <= 10), default=0.0)
                    if all(t.lower() in STOP for t in toks[:before]):
                        role += 0.3  # the sentence's subject
                elif before > active:
                    # "Who was awarded...?" of "Trump will award the medal to Charlie Kirk":
                    # the one the verb is done to stands after it; the one before did it.
                    role += 0.5 * max((v / top_idf for p, v in positions if 0 < before - p <= 10), default=0.0)
                if owner:
                    role *= KIND_BESIDE_ROLE  # "Whose nomination...?": not "Duffy's" of "Duffy's appointment"
                    marked = True
                elif not (asked.person or asked.role or _nationality(text) or places.is_any_place(text)) \
                        and _kind_after(sent, s + len(text), asked.kinds):
                    # "Which detention center...?": "the Delaney Hall detention center"; a place
                    # so written says where they are ("Detroit automakers")
                    role *= KIND_BESIDE_ROLE
                    marked = True
                elif not asked.person and _named_as_the_kind(sent, s + len(text), asked.kinds):
                    role *= KIND_BESIDE_ROLE  # "Which research center...?": "the Allen Institute, a research center"
                    marked = True
                elif not asked.person and _introduced_as_the_kind(sent, s, asked.kinds, asked.stems):
                    role *= KIND_BESIDE_ROLE  # "Which journal...?": "in the journal Nature"
                    marked = True
                    if people.person_in(text, surnames) is None:
                        # A thing so introduced is the one of the kind the text names; a
                        # person is one of however many ("the meteorologist Tyler Roys").
                        introduced = True
                elif asked.by_the_doer and _done_by(sent, s, q_stems):
                    role *= DONE_BY_ROLE  # "Which group produces...?": "the Classic, produced by Indiana Black Expo"
                elif asked.ended_by and _after_its_verb(sent, s, asked.ended_by, asked.ends_on or ""):
                    role *= DONE_BY_ROLE  # "In which journal was it published?": "published Wednesday in JAMA Psychiatry"
                elif _described_after(sent, s + len(text), topic, idf):
                    role *= DESCRIBED_ROLE  # "Which team...?": "in the Kansas City Chiefs, who are the No. 1 seed"
                elif not in_place and not (asked.role and stem(people.spelled_out(prev)) in asked.kinds) \
                        and not (asked.role and stem(_title_held_at_a_body(sent[:s]) or "") in asked.kinds) \
                        and (active is None or before < active) \
                        and any(t.lower() in _PREPOSITIONS for t in toks[max(0, before - 3) : before]) \
                        and not (asked.person and sent[:s].rstrip().endswith(",")) \
                        and not (asked.person and _attributed_to(sent, s, text, surnames)):
                    # inside "of the governing X", "in X": a modifier or a place; not where the
                    # preposition governs the kind asked for, before the name: "with chair Sophie Chandauka",
                    # "president of Oxford Languages Casper Grathwohl";
                    # nor after a passive question's verb written actively: "award ... to Charlie Kirk";
                    # nor, for a person asked, a person's after "according to" (`_attributed_to`);
                    # nor, for a person asked, a name after a comma, which the preposition
                    # before it does not govern: "Chief Marketing Officer at Taco Bell,
                    # Taylor Montgomery" (a thing there may be a modifier still: "On
                    # Monday, Crafts retailer Fennick")
                    role *= 0.5
                if prev in ("a", "an"):
                    role *= 0.5  # "a Tajik national": an adjective, not a name
                elif asked.by_whom and _the_name_before_its_noun(toks, before, following):
                    role *= 0.5  # "the former Obama administration economic adviser": no doer
                if _nationality(text) and following and following[0].islower():
                    role *= NOT_THE_KIND  # "Chinese app RedNote", "the Canadian government"
                elif prev in _POSSESSIVE_PRONOUNS and following and following[0].islower():
                    role *= NOT_THE_KIND  # "her Emmy win", "his Tesla shares": what modifies the noun
                if not in_place and (text.endswith("-based") or _BASED.match(sent[e:])):
                    role *= NOT_THE_KIND  # "the Issaquah, Washington-based retailer": where it is based
                if s < dated:
                    role *= NOT_THE_KIND  # "JERUSALEM, July 16 (Reuters) - Israel ...": where it was filed
                if (asked.person or asked.role) and people.names_an_office(asked.kinds) and \
                        (people.holds_another_office(toks[:before], asked.kinds)
                         or _holds_another_office_of_the_kind(toks[:before], asked)):
                    # "Which Air Force general...?": not "Sen. Joni Ernst", who holds another
                    # office; the title before the name says so even where the kind is
                    # written after it: "a victory for Gov. Ron DeSantis, a federal judge
                    # ... denied" is no judge named DeSantis. "Prime Minister Lee Hsien Loong"
                    # holds another minister's office than "Who is the Home Affairs Minister?" asks.
                    role *= NOT_THE_KIND
                elif (asked.person or asked.role) and _kind_beside(sent, s, s + len(text), asked.kinds):
                    role *= KIND_BESIDE_ROLE  # "Which spokesman...?": "Kremlin spokesman Dmitry Peskov"
                    marked = True
                    # "Who is the Mavericks' general manager?" asks for the one who holds the
                    # role: "general manager Nico Harrison", not the story's star named alone;
                    # "Who directed the film?" the one written "director Jennifer Kaytin
                    # Robinson", not the star the story is about.
                    holds_role = (asked.role or asked.doer) and of_kind == 1.0
                if asked.tag_states and (says := party_tags.tag_says(sent, s + len(text), asked.tag_states)) is not None:
                    if says:
                        role *= KIND_BESIDE_ROLE  # "Which Illinois senator...?": "Sen. Tammy Duckworth, D-Ill."
                        marked = True
                    else:
                        role *= NOT_THE_KIND  # not "Sen. Patty Murray, D-Wash.", beside her in the list
                if _owns_the_kind(sent, s + len(text), asked.kinds):
                    role *= NOT_THE_KIND  # "Which lawyer...?": not "Combs" in "Combs' lawyer"
                if asked.by_whom and not (asked.person or asked.kinds) and people.person_in(text, surnames) is None \
                        and _employs_the_next(sent, s + len(text), surnames):
                    role *= NOT_THE_KIND  # "Who...?": "Pete Hegseth", not "Fox News" of "Fox News host Pete Hegseth"
                if asked.speaker and _speaks(sent, *run):
                    role *= SPEAKER_ROLE  # "Which senator said...?": "Texas Sen. Ted Cruz said"
                if asked.verb and _does(sent, s + len(bare), asked.verb):
                    role *= DOER_ROLE  # "Who scored...?": "Virgil van Dijk's scored"
                    if bare != text and key == text.lower():
                        key, text = bare.lower(), bare  # "'s scored" is "has scored": no owner
                if asked.winner and _BEATEN.search(sent[:s]):
                    role *= NOT_THE_KIND  # "Which university won...?": not "Florida State" of "Tennessee beat Florida State"
                if asked.ends_on and _governing_word(toks, before) == asked.ends_on:
                    role *= AFTER_ITS_PREPOSITION  # "On which network...?": "an appearance on Fox News", not "the Obama administration"
            elif kind == "place":
                prev = _governing_word(toks, before)  # "in the Netherlands", "at the Washington National Cathedral"
                # "The Virginia Department of Motor Vehicles" for "Which state's Department of
                # Motor Vehicles...?": the place written before what the question has it own.
                # A city's state after a comma is part of how the city is written: "a Fairfax,
                # Virginia court" is Fairfax's court, and Virginia is no city asked for.
                state_after = _STATE_AFTER.match(sent, s + len(text)) if asked.place == "city" else None
                if state_after is not None and not places.is_place("state", state_after.group(1)):
                    state_after = None
                owner_words = words(sent[state_after.end():]) if state_after else following
                owns = bool(asked.owned) and tuple(stem(t) for t in owner_words[: len(asked.owned)]) == asked.owned
                # "Which state had the highest price?" asks for the place that did: the
                # sentence's subject ("California had the nation's highest average price").
                subject = place_does and all(t.lower() in STOP for t in toks[:before])
                role *= 1.5 if prev in _PREPOSITIONS or owns or subject else 0.5
                if asked.place == "city" and places.is_place("state", text) and _A_NAME_AND_COMMA.search(sent[:s]):
                    role *= NOT_THE_KIND  # "Which city's court...?": not "Virginia" of "a Fairfax, Virginia court"
                if prev == asked.ends_on:
                    role *= AFTER_ITS_PREPOSITION  # "flying from?": "from Wichita", not "in Washington"
                if _introduced_as_the_kind(sent, s, asked.kinds, asked.stems):
                    role *= KIND_BESIDE_ROLE  # "In which city...?": "in the small city of Fallbrook"
                    marked = True
            elif kind == "date" and asked.ends_on:
                # "Until what date?": "until April 2", not "on Thursday"; "through around March 29"
                said = next((t.lower() for t in reversed(toks[:before]) if t.lower() not in _ROUGHLY), "")
                role *= AFTER_ITS_PREPOSITION if said == asked.ends_on else 0.5
            elif kind == "number":
                if prev == "from" and _TO_A_FIGURE.search(sent, s + len(text)):
                    role *= NOT_THE_KIND  # "escalated from two cases ... to 58 cases": where it started
                if asked.count_verb and _count_does(sent, s + len(text), asked.count_verb):
                    role *= DOER_ROLE  # "How many small systems had...?": "five small systems had", not "testing 140 systems"
            if is_given:
                role = max(role, SLOT_ROLE)
            marked = marked and not compared
            if i >= read and not (marked and of_kind == 1.0):
                continue
            # A figure written with the unit asked is of the kind as a name headed by it is:
            # "How much money did she raise...?": "$3,000", over the "three years" a
            # sentence the reader weighs higher gives.
            with_unit = kind == "number" and asked.unit not in (None, "count", "year") and of_kind == 1.0
            if (headed_by_kind or introduced or holds_role or run in dates_named or with_unit) and not compared:
                named_as_kind.add(key)
            if marked and of_kind == 1.0:
                marked_as_kind.add(key)
            value = w * (0.3 + closeness + shares) * role * of_kind
            best[key] = max(best.get(key, 0.0), value)
            total[key] = total.get(key, 0.0) + value
            if key not in where or raw_w > weights[where[key][0]]:  # the best-weighed mention is cited
                where[key] = (i, text)
            if of_kind == 1.0:
                mentions.setdefault(i, {}).setdefault(key, (s, text))
    if not best:
        return None
    for short, name in aliases.items():
        if short in best and name in best and short != name:  # one company, however written
            best[name] = max(best[name], best.pop(short))
            total[name] += total.pop(short)
            where.pop(short)
            for named in mentions.values():
                named.pop(short, None)
    if named_as_kind:  # "Which airport...?": "Delta Air Lines" is not one beside "Toronto Pearson Airport"; "How much money...?": not "three years" beside "$3,000"
        for k in best:
            if k not in named_as_kind:  # it is not of the kind, and the text names one that is
                best[k] *= NOT_THE_KIND ** 2
                total[k] *= NOT_THE_KIND ** 2
    if kind == "entity":
        # A surname alone ("Tariffs, Roberts said, ...") mentions the one whole name the
        # sentences write that ends in it ("Chief Justice John Roberts").
        for k in [k for k in best if " " not in k]:
            whole = [w for w in best if w.endswith(" " + k)]
            if len(whole) == 1:
                total[whole[0]] += best[k]
    # The best single mention decides; repeats across sentences only break near-ties, so
    # the story's main actor does not win every question about the story.
    scores = {k: best[k] + 0.25 * (total[k] - best[k]) for k in best}
    if kind == "entity" and asked.place is None and share is not None:
        held = share([text for _, text in where.values()])
        scores = {k: v * _commonness_weight(held.get(where[k][1], 0.0)) for k, v in scores.items()}
    best = max(scores, key=lambda k: (scores[k], -where[k][0]))
    if asked.unit == "count":
        best = _exact_for_a_bound(best, scores, {k: text for k, (_, text) in where.items()})
    # A name written as one word, or a title and one word ("Senator Hawley"), names the
    # person the story also writes whole ("Sen. Josh Hawley").
    best_marked = best in marked_as_kind  # before the whole name takes its place
    if kind == "entity" and (" " not in best or people.titled_one_word(where[best][1])):
        best = _whole_name(best, scores, {k: text for k, (_, text) in where.items()}, case, asked.full_name)
    pair = _pair(best, where[best][0], mentions.get(where[best][0], {}), scores) if asked.pair else None
    return replace(pair or Span(where[best][1], where[best][0], scores[best]), kind=kind,
                   marked=best_marked or best in marked_as_kind)


# "according to Dr. Deborah Horn, an assistant professor of surgery": the person a
# statement is attributed to, for a question asking a person, not a name a preposition
# makes a modifier or a place (up to two words between: a title, an initial). A person's
# name only: "According to ABC News" cites a source, which is no answer to "Which judge...?".
_ATTRIBUTED_TO = re.compile(r"\baccording to\s+(?:\S+\s+){0,2}$", re.I)


def _written_as_a_person(name: str, surnames: frozenset[str]) -> bool:
    """Whether the name is a given name and a surname the text writes as a person's
    (`people.surnames_in`): "David Richardson" beside "David Richardson, the acting
    administrator". Not a company named for its founder, which the text writes as no
    one's ("Morgan Stanley"), nor a name the surname pattern mistakes ("Fox News, the
    future defense secretary Pete Hegseth")."""
    parts = [w.strip(EDGE) for w in name.split()]
    return len(parts) >= 2 and people.is_given_name(parts[0]) and parts[-1] in surnames \
        and people.person_in(name, surnames) == name


# A month (and year) a date question is bounded by: "after April 2024", "before March",
# "since Jan. 20, 2025".
_BOUND_BY_A_MONTH = re.compile(rf"\b(?:after|before|since|until|till|through)\s+(?:(?:early|mid|late)[\s-]+)?({MONTHS})"
                    rf"(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+({_YEAR_DIGITS}))?\b")
_MONTH_IN = re.compile(rf"\b({MONTHS})(?!\w)")


def _office_words(toks: Sequence[str], kinds: frozenset[str]) -> frozenset[str]:
    """The stems of the capitalised words right before the last capitalised word of the kind
    (`kinds`) in `toks`, back to an owner, a function word or a word in lower case: "Home
    Affairs" of "Singapore's Home Affairs Minister", "Foreign" of "Foreign Minister Vivian
    Balakrishnan"; none before a kind written in lower case."""
    at = next((n for n in range(len(toks) - 1, -1, -1)
               if toks[n][:1].isupper() and stem(people.spelled_out(toks[n])) in kinds), None)
    found: list[str] = []
    for t in reversed(toks[:at] if at is not None else ()):
        if not t[:1].isupper() or t.lower() in STOP or _POSSESSIVE_S.search(t) or stem(t) in kinds:
            break
        found.append(stem(t))
    return frozenset(found)


def _the_name_before_its_noun(toks: Sequence[str], before: int, following: Sequence[str]) -> bool:
    """Whether the name at token `before` stands between "the" (and "former", "then" or
    "late") and a common noun that is no verb: "the former Obama administration economic
    adviser", "the Biden campaign". The article is the noun's, and the name says whose it
    is; "the Kremlin said", "the Pentagon says" are the doers."""
    lead = [t.lower() for t in toks[max(0, before - 2) : before]]
    if not lead or not (lead[-1] == "the" or (lead[-1] in ("former", "then", "late") and lead[:1] == ["the"])):
        return False
    word = following[0] if following else ""
    return bool(word) and word.islower() and word not in STOP and not word.endswith("s") \
        and not verbs.past_tense(word) and not word.endswith("ly")


def _places_joined(text: str) -> bool:
    """Whether the text is two or more countries, states or continents joined by "and" or
    a comma ("Maryland and Virginia", "Turkey and Syria"): places, as each is."""
    parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+(?:and|&)\s+", text) if p]
    return len(parts) > 1 and all(places.is_a_place(p) for p in parts)


# The illnesses named for a person and written with the possessive: "Hodgkin’s lymphoma",
# "Alzheimer's disease", "Tourette's syndrome", "Bell's palsy".
_EPONYM_HEAD = re.compile(r"\s+(?:disease|lymphoma|syndrome|disorder|palsy|sarcoma|leukemia|dementia)\b")


def _holds_another_office_of_the_kind(before: Sequence[str], asked: Asked) -> bool:
    """Whether the title right before a name is the kind asked with other words naming the
    office ("Prime Minister Lee Hsien Loong", "Foreign Minister Vivian Balakrishnan" for
    "Who is Singapore's Home Affairs Minister?"): another office of that kind."""
    if not asked.office_words or not before or not (before[-1][:1].isupper()
                                                  and stem(people.spelled_out(before[-1])) in asked.kinds):
        return False
    written = _office_words(before, asked.kinds)
    return bool(written) and not written & asked.office_words


def _bound_month(question: str) -> tuple[str, str | None] | None:
    """The month a date question is bounded by, its first three letters lower-cased, and
    its year if written: "When will the next eclipse cross the U.S. after April 2024?" ->
    ("apr", "2024"); None when the question writes no such bound."""
    m = _BOUND_BY_A_MONTH.search(question)
    return (m.group(1)[:3].lower(), m.group(2)) if m else None


_A_BOUND_BEFORE = re.compile(r"\b(?:after|before|since|until|till|by|through|from)\s+(?:\w+\.?\s+){0,2}$", re.I)


def _year_named(question: str) -> str | None:
    """The year a question asks in, when it writes one and only one ("When does Hanukkah
    start in 2023?"), else None; not a year that bounds the date asked ("after March
    2026", "since 2020"), which the answer lies outside of."""
    years = list(_YEAR.finditer(question))
    if len({m.group() for m in years}) != 1:
        return None
    return None if _A_BOUND_BEFORE.search(question[: years[0].start()]) else years[0].group()


def _in_month(date: str, month: str, year: str | None) -> bool:
    """Whether a date span falls in the month (and year, where both write one): "April 8"
    in ("apr", "2024"); "Aug. 23, 2044" not; "April 8, 2023" not in April 2024."""
    m = _MONTH_IN.search(date)
    if m is None or m.group(1)[:3].lower() != month:
        return False
    written = _YEAR.search(date)
    return year is None or written is None or written.group() == year


def _attributed_to(sentence: str, start: int, name: str, surnames: frozenset[str]) -> bool:
    """Whether the name starting at `start` is a person's written after "according to"
    (`_ATTRIBUTED_TO`)."""
    return _ATTRIBUTED_TO.search(sentence[:start]) is not None and people.person_in(name, surnames) is not None


def _abbreviated(sentence: str, start: int) -> str | None:
    """The name right before a span in parentheses, or None. Capitals there abbreviate
    it: "Unilever (UL)", a stock ticker, is Unilever, and no other company for "To which
    company did Unilever sell...?"; "American Quality Products (AQP)", its initials, is
    one more mention of that company, not a second name to split its score with. A name
    there is another's: "Abby (Kaitlyn Dever)" gives who plays Abby. For a name
    asked only: a figure in parentheses gives a quantity of the name before it ("the
    population of Tokyo (14 million)")."""
    before = sentence[:start]
    if not before.endswith("("):
        return None
    runs = [m for m in NAME_RUN.finditer(before) if not before[m.end():].strip(" (")]
    return runs[-1].group().strip() if runs else None


def _question_word(token: str, q_stems: frozenset[str], idf: dict[str, float], kind: str) -> float | None:
    """The weight of the question's word the token is, or, for a figure asked, holds as a
    part of a hyphenated compound, or None: "a 7.4-magnitude earthquake" writes
    "magnitude" right beside its figure, as "a magnitude 7.4 earthquake" does, for "What
    was the magnitude...?". Only for a figure: the compound is its unit, where beside a
    name it describes ("Indiana was a top turkey-producing state" names no state that
    raises the most turkeys). An irregular past tense is its verb's word ("overtook" for
    "Which city did the rebels overtake?"; `verbs.present`): read here only, where a span
    is weighed by the question's words beside it, not in the retrieval's or the reader
    order's word overlap (read there too, it moved as many answers away as it found)."""
    if (st := stem(token)) in q_stems or \
            ((verb := verbs.present(token)) != token and (st := stem(verb)) in q_stems):
        return idf.get(st, 1.0)
    parts = [stem(p) for p in token.split("-") if p.isalpha()] if "-" in token and kind == "number" else []
    return max((idf.get(p, 1.0) for p in parts if p in q_stems), default=None)


# A count written as a bound ("more than 100,000 Ford trucks", "nearly 50 people"): the
# lead of a story rounds what its body writes exactly ("112,965 of its F-150 trucks").
_BOUND = re.compile(rf"(more than|over|at least|nearly|almost|about|around|roughly)\s+({_FIGURE})$", re.I)
# How much of the bound's score the exact figure needs to answer in its place.
EXACT_FOR_A_BOUND = 0.5


def _exact_for_a_bound(best: str, scores: dict[str, float], texts: dict[str, str]) -> str:
    """The exact figure that a bound, the best count read, stands for: another count read
    that is only a figure, within the bound ("more than 100,000" -> 112,965, up to twice
    it; "nearly 50" -> 45 to 49; "about 500" -> within 15%), and scored at least
    `EXACT_FOR_A_BOUND` as well; else the bound itself."""
    m = _BOUND.match(texts[best])
    if m is None:
        return best
    bound, word = _value(m.group(2)), m.group(1).lower()

    def within(v: float) -> bool:
        if word in ("more than", "over", "at least"):
            return bound < v <= 2 * bound
        if word in ("nearly", "almost"):
            return 0.9 * bound <= v < bound
        return abs(v - bound) <= 0.15 * bound

    exact = [k for k in scores if re.fullmatch(_FIGURE, texts[k]) and within(_value(texts[k]))
             and scores[k] >= EXACT_FOR_A_BOUND * scores[best]]
    return max(exact, key=lambda k: scores[k]) if exact else best


def _active_at(toks: Sequence[str], verb: str | None) -> int | None:
    """Where the sentence writes the verb a passive question asks about (`Asked.done_to`)
    in the active voice ("Trump will award the medal to Kirk"; not "Kirk was awarded"),
    as a token index, or None: there the name before it did it, and the one asked for
    stands after it."""
    if verb is None:
        return None
    for j, t in enumerate(toks):
        # A verb: written lower-case, and not its noun ("the presidential election").
        if t.islower() and not t.endswith(("ion", "ions")) and word_stem(t) == verb:
            prev = [w.lower() for w in toks[max(0, j - 2):j] if not w.lower().endswith("ly")]
            return None if prev and prev[-1] in _AUXILIARIES else j
    return None


def _parts(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name's span split where "and" or "&" joins two names in it."""
    out, s = [], start
    for m in re.finditer(r"\s+(?:and|&)\s+", sentence[start:end]):
        out.append((s, start + m.start()))
        s = start + m.end()
    return [*out, (s, end)]


def _pair(best: str, sentence: int, mentions: dict[str, tuple[int, str]], scores: dict[str, float]) -> Span | None:
    """For "which two ...?": the best answer and the best-scored other span of the kind
    asked that its sentence names ("Two lucky Powerball players in Missouri and Texas..."),
    joined in the order the sentence writes them; None when the sentence names no other
    (one name is then the answer, not a guess at the second from elsewhere)."""
    if best not in mentions:
        return None
    # A name written with a possessive modifies the next words ("Gellar's fan favorite,
    # Helen Shivers"): it is not one of the two.
    def possessive(k: str) -> bool:
        return re.search(r"[’']s$", mentions[k][1]) is not None

    if possessive(best):
        return None
    others = [k for k in mentions if k != best and k not in best and best not in k and not possessive(k)]
    if not others:
        return None
    second = max(others, key=lambda k: scores[k])
    first_text, second_text = (mentions[k][1] for k in sorted((best, second), key=lambda k: mentions[k][0]))
    return Span(f"{first_text} and {second_text}", sentence, scores[best])


def _whole_name(short: str, scores: dict[str, float], written: dict[str, str], case: Casing | None,
                full: bool = False) -> str:
    """News writes a name whole, then short ("Zohran Mamdani", then "Mamdani"; "the
    Kansas City Chiefs", then "the Chiefs"): a one-word answer, or a title and one word
    ("Senator Hawley"), gives way to the whole name that word ends ("Josh Hawley"; not
    another title before it), when the retrieved sentences write one that scores at least
    half as well (so it is the same story's name, not another's). A run that is not a name is
    not taken for one: "Brody's Oscar", or a sentence's first word that the text never
    capitalises inside a sentence ("Follow UConn"). For a full name asked (`full`), a name
    the word opens gives way too, however it scores: "Barbara" to "Barbara Millicent
    Roberts"."""
    def is_name(key: str) -> bool:
        first = written[key].split()[0].strip(EDGE)
        return not re.search(r"[’']s\s", written[key]) and (case is None or first in case.capitalised)

    last = short.split()[-1]
    whole = [k for k in scores if k.endswith(" " + last) and not people.titled_one_word(written[k])
             and scores[k] >= WHOLE_NAME_SHARE * scores[short] and is_name(k)]
    # A full name asked is the whole name whatever it scores beside the given name alone,
    # which a sentence about the name itself may weigh higher ("Barbara was the 11th most
    # popular name" against "Barbie is short for Barbara Millicent Roberts").
    whole += [k for k in scores if full and k.startswith(short + " ") and is_name(k)]
    return max(whole, key=lambda k: scores[k]) if whole else short


def names_answer(sentence: str, short: str) -> bool:
    """Whether the sentence names the short answer: its words, or the initials of a
    longer name written in capitals ("BBC" names the British Broadcasting Corporation;
    "us" does not name the United States)."""
    return names(sentence, short) or any(re.search(rf"\b{re.escape(a.upper())}\b", sentence)
                                         for a in acronyms(short))
