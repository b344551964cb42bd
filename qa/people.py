"""Whether a name is a person's, for a question that asks for a person ("Which singer...?").

A reader without a named-entity model sees only capitalised words, so "Which actor broke
the record for the longest acceptance speech?" was answered "Oscar", and "Which golfer
completed the career grand slam?" "Grand Slam". A person's name, as news writes it, opens
with a given name ("Adrien Brody") or a title ("Pope Francis", "Sen. Bernie Sanders").
The given names come from gender-guesser's dictionary (about 45,000 names from many
countries, shipped inside the package: no network), read on first use, so only a
question that asks for a person reads it, and from the user's cache after the first time.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import dropwhile, takewhile

from qa import places, verbs
from qa.lexical import EDGE, NOT_A_VERB_OR_ARTICLE, STOP, any_noun, asking_for, stem
from qa.wordcache import cached_words

# "which singer", "which Oscar-winning actress", "which two actors", "what world leader":
# the question asks for a person. "Who" on its own is not: "Who claimed the attack?" is
# as often answered by a group as by a person; "who is the mayor...?" is (`_WHO_IS`).
_PERSON_NOUNS = tuple("""actor actress singer star player athlete rapper musician artist director author
writer novelist poet comedian host celebrity person people man men woman women president senator lawmaker
politician leader figure candidate governor mayor minister official judge justice ambassador coach manager
ceo executive founder billionaire entrepreneur golfer quarterback footballer cricketer boxer driver swimmer
skier gymnast pope cardinal king queen prince princess ally member model designer chef journalist anchor
presenter filmmaker composer scientist astronaut cosmonaut activist superstar legend icon suspect gunman shooter attacker
assailant killer victim defendant hostage survivor pilot soldier officer doctor nurse teacher student lawyer
attorney prosecutor spokesperson spokesman spokeswoman reporter wife husband son daughter father mother
widow heir editor columnist commentator podcaster photographer economist historian professor
researcher chairman chairwoman commander admiral envoy diplomat congressman congresswoman aide adviser
advisor chancellor monarch emperor dictator priest rabbi imam bishop archbishop sheriff firefighter
inventor engineer playwright screenwriter dancer pianist guitarist vocalist pitcher goalkeeper
jockey cyclist wrestler tycoon mogul whistleblower general commissioner administrator superintendent secretary
curator librarian archivist
treasurer immigrant migrant refugee handler trainer rookie teen teenager boy girl inmate prisoner detainee
fugitive nominee appointee linebacker receiver cornerback kicker catcher outfielder infielder shortstop slugger
closer reliever
striker defender midfielder umpire referee meteorologist forecaster climatologist
legislator representative delegate assemblymember assemblyman assemblywoman councilmember councilman councilwoman
alderman alderwoman democrat republican pastor preacher chaplain""".split())
PERSON_NOUN_SET = frozenset(_PERSON_NOUNS)
# Words that name a person by their craft's ending, too many to list ("psychologist",
# "pediatrician", "choreographer"), and a business noun that an art before it makes a
# person's ("record producer", "film producer"; "Which egg producer...?" asks a company).
_CRAFTS = (r"[a-z]+ologist", r"[a-z]+ician", r"[a-z]+ographer",
           r"(?:record|music|film|movie|television|TV|theater|theatre|executive|hip-hop)\s+producer")
# "Which state senator...?", "which country singer...?": the place word says what kind of
# person is asked for; the answer is the person, not a place.
# A place's name may come first ("Which Alaska state senator...?", "which Ohio city
# hosts...?"): up to two capitalised words between "which" and the place word.
_PLACE_WORDS = "city|country|state|town|province|region|county|nation"
_PLACE_NAMED = r"(?:(?-i:[A-Z])[\w.’'-]*\s+){0,2}"
_PLACE_THEN_PERSON = re.compile(rf"\b(?:which|what)\s+{_PLACE_NAMED}(?:{_PLACE_WORDS})\s+" + any_noun(_PERSON_NOUNS),
                                re.I)
# "Who is the mayor of Wichita?", "who was the first woman to...", "who became the new
# CEO": "who" and a form of "to be", then a kind of person within three words.
_WHO_BE = r"\bwho\s+(?:is|was|are|were|will\s+be|has\s+been|had\s+been|became|becomes)\s+"
_WHO_IS = re.compile(_WHO_BE + r"(?:(?:the|a|an)\s+)?(?:[\w.’'-]+\s+){0,3}?" + any_noun(_PERSON_NOUNS), re.I)
# "Who was arrested...?", "Who was shot...?", "Who is being sworn in...?": what is done to a
# body, only a person undergoes; a company is charged, sued or fined too, but not arrested,
# killed or sworn in.
_DONE_TO_A_BODY = re.compile(r"\bwho\s+(?:was|were|is|are|has\s+been|had\s+been|got|will\s+be|(?:is|are|was|were)\s+being)\s+"
                             r"(?:\w+ly\s+)?(?:arrested|detained|jailed"
                             r"|imprisoned|killed|shot|murdered|stabbed|kidnapped|abducted|deported|executed|pardoned"
                             r"|arraigned|extradited|wounded|injured|hospitali[sz]ed|born|buried|sworn\s+in|inaugurated)\b", re.I)
# "Whom did Trump pick as chief of staff?", "To whom did Beyoncé dedicate the award?":
# "whom" opening a question, after a preposition or not, asks for a person, as "who"
# alone need not ("Who claimed the attack?"). Not a relative "whom" inside a clause
# ("the senator, whom Trump praised, ...").
_WHOM = re.compile(r"(?:^|[.?!:]\s+)\W*(?:(?:to|with|by|for|from|of|against|on|at|about|after|before|behind"
                   r"|under|over)\s+)?whom\b", re.I)
# "Who directed the film?", "Who founded the group?": verbs whose doer news names as a
# person, with the words it calls that person by ("director Jennifer Kaytin Robinson",
# "its founder, John Schwarz"). Not verbs a company or a group does as often ("Who
# hosts / owns / created / organized / led...?").
_DOERS = (("direct directs directed", "director"), ("founds founded", "founder"),  # not "found" ("find")
          ("write writes wrote written penned", "writer author"), ("compose composes composed", "composer"),
          ("invent invents invented", "inventor"), ("paint paints painted", "painter"),
          ("sing sings sang sung", "singer"), ("design designs designed", "designer"),
          ("coach coaches coached", "coach"), ("narrate narrates narrated", "narrator"),
          ("choreograph choreographs choreographed", "choreographer"), ("sculpt sculpts sculpted", "sculptor"))
_AGENT_NOUNS = {form: tuple(nouns.split()) for forms, nouns in _DOERS for form in forms.split()}
_WHO_DID = re.compile(r"\bwho\s+(?:(?:has|had|will|would)\s+(?:been\s+)?)?([a-z]+)\b", re.I)
# Words that open a person's name as news writes it: titles and ranks.
_TITLES = frozenset("""president vice former sen senator rep representative gov governor mayor dr mr mrs ms
sir dame lord lady pope king queen prince princess sheikh cardinal archbishop bishop rev saint st chief
justice judge secretary minister prime general gen col lt capt coach premier speaker ceo chairman chairwoman
chair director commissioner administrator superintendent ambassador prosecutor assemblymember assemblyman
assemblywoman councilmember councilman councilwoman alderman alderwoman captain lieutenant colonel sergeant
admiral commander corporal adm sgt cmdr officer""".split())


# "Which city hosts...?", "Which network stars...?": after a kind of thing, a word for a
# person that is also a verb, with its "s", is the verb.
_THING_THEN_VERB = re.compile(rf"\b(?:which|what)\s+{_PLACE_NAMED}(?:{_PLACE_WORDS}|company"
                              r"|network|team|school|university|club|league|station|channel|venue|stadium|arena)\s+"
                              r"(?:host|star|judge|coach|model|pilot|author|anchor|chair|head|lead)s\b", re.I)


def doer_nouns(question: str) -> tuple[str, ...]:
    """The words for the person who did what a "who <verb>...?" question asks about
    (`_AGENT_NOUNS`): "Who directed the new film?" -> ("director",); () for another
    verb or question."""
    m = _WHO_DID.search(question)
    return _AGENT_NOUNS.get(m.group(1).lower(), ()) if m else ()


# "Who is the controlling shareholder of DeepSeek?", "Who was Prince Harry's lawyer...?":
# "who" and a form of "to be" (`_WHO_BE`, as `_WHO_IS` reads it), then what the one asked
# for is, after an article or an owner's possessive (`role_nouns`).
_WHO_IS_THE = re.compile(_WHO_BE + r"(?:(the|a|an)\s+)?", re.I)
_POSSESSIVE_END = re.compile(r"(?:[’']s|s[’'])$")
# A word whose full stop is an abbreviation's, inside a phrase: "U.S.", "St.", "Gov.".
_ABBREVIATION_STOP = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Z][a-z]{0,3}\.")


def role_nouns(question: str) -> tuple[str, ...]:
    """The word for what a "who is the ...?" question asks about: the last word of the
    phrase after "who is" and an article or an owner's possessive, up to a function word,
    a participle or a comma ("the Paris prosecutor investigating..." -> ("prosecutor",),
    "Starbucks' chairman and CEO" -> ("chairman",), "TikTok's CEO" -> ("CEO",)). News
    writes that word beside the name ("chair Sophie Chandauka", "Harry's lawyer, David
    Sherborne", "the controlling shareholder is Liang Wenfeng"). () when the phrase is a
    name ("Who is Jamal Bryant?") or there is none."""
    m = _WHO_IS_THE.search(question)
    if m is None:
        return ()
    toks = [(raw, raw.rstrip("?!.,;:")) for raw in question[m.end():].split()]
    cut = next((i for i, (raw, w) in enumerate(toks) if raw != w and not _ABBREVIATION_STOP.fullmatch(raw)),
               len(toks) - 1)
    toks = toks[:cut + 1]  # the phrase ends at its first punctuation, not an abbreviation's full stop
    # An owner is a name ("the Office of Personnel Management's acting director"); in "the
    # first member of Trump's Cabinet" the role has ended before the possessive.
    named = [w[:1].isupper() or w.lower() in _IN_A_NAME for _, w in toks]
    owners = [i for i, (_, w) in enumerate(toks) if _POSSESSIVE_END.search(w) and all(named[:i + 1])]
    owned = m.group(1) is not None or bool(owners)
    head = None
    phrase = toks[owners[-1] + 1 if owners else 0:]
    for j, (_, w) in enumerate(phrase):
        if not w or w.lower() in _ROLE_ENDS or \
                ((re.search(r"\w{3,}(?:ing|ed)$", w) or verbs.past_participle(w)) and (j or not owned)):
            break
        if w.endswith("ly") and j < len(phrase) - 1:
            continue  # an adverb before what it modifies: "Who was posthumously awarded...?" names no role
        head = w
    if head is None or not (owned or head.islower() or head.isupper()):
        return ()
    return (head,)


_IN_A_NAME = frozenset({"of", "the", "and", "&", "de", "for"})
# Function words that end the phrase of a role (`role_nouns`).
_ROLE_ENDS = frozenset("""of for at in on to from with by about behind after before who whom whose which that
and or but as than when where while is was are were has have had will would the a an being""".split())


def place_word_before_person(question: str) -> bool:
    """Whether "which <place word>" is followed by a kind of person ("which state
    senator"): the question asks for a person (`_PLACE_THEN_PERSON`); not when the
    word is a verb ("Which city hosts...?", `_THING_THEN_VERB`)."""
    return _PLACE_THEN_PERSON.search(question) is not None and _THING_THEN_VERB.search(question) is None


# Plurals of a kind of person that take "'s" ("women's"), not a bare apostrophe.
_PLURALS_WITH_S = frozenset({"men", "women", "people"})


def _describes_next(question: str, match: re.Match[str]) -> bool:
    """Whether the kind of person matched is a plural possessive ("Which Christian girls'
    camp", "which women's team"): it says what sort the next noun is, and that noun is
    asked for. A singular possessive names an owner, who is asked for ("Which rapper's
    album...?", "which actress's film")."""
    after = question[match.end():match.end() + 2]
    if not after or after[0] not in "'’":
        return False
    return after[1:2].lower() != "s" or match.group(1).lower() in _PLURALS_WITH_S


def _in_a_name(question: str, match: re.Match[str]) -> bool:
    """Whether the kind of person matched is a word of a name, capitalised before another
    capitalised word ("Which Premier League club...?", "which General Motors brand"): the
    name says what sort the noun after it is."""
    return match.group(1)[:1].isupper() and re.match(r"\W*\s+[A-Z]", question[match.end():]) is not None


# Kinds of person that are also an adjective's comparative: "Which Diamondbacks closer...?"
# asks for a pitcher, "Which country moved closer to a deal?" for a country.
_COMPARATIVES = frozenset({"closer"})


def _a_comparative(question: str, match: re.Match[str]) -> bool:
    """Whether the kind of person matched is a comparative (`_COMPARATIVES`) after a
    lower-case word ("which country moved closer"): only "which closer" or a name before it
    ("which Arizona Diamondbacks closer") asks for the person."""
    if match.group(1).lower() not in _COMPARATIVES:
        return False
    between = re.sub(r"^\W*(?:which|what)\s+", "", match.group(0), flags=re.I).split()[:-1]
    return any(w[:1].islower() for w in between)


@functools.cache
def _person_kinds() -> tuple[str, ...]:
    """The words for a kind of person: the person nouns and the offices the titles name
    (`_offices`: "Which Ontario premier...?", "Which staff sergeant...?"), gathered once,
    on first use, as the offices are."""
    return tuple(dict.fromkeys(_PERSON_NOUNS + tuple(sorted(_offices())) + _CRAFTS))


@functools.cache
def _persons() -> re.Pattern[str]:
    """"Which / what ... <a kind of person>" (`_person_kinds`)."""
    return asking_for(_person_kinds())


@functools.cache
def _person_after_a_name() -> re.Pattern[str]:
    """"Which former South Carolina governor...?", "Which Federal Communications
    Commission chairman...?": a lower-case word or none, then a name of up to three
    capitalised words (a place, a body), then the kind of person (group 1), whose words
    `_persons` reads past no name so long. Not after two lower-case words, which may be
    the kind and a verb: "Which pastor heard Ohio State players...?" asks for the pastor.
    Case-sensitive: the name is what is skipped."""
    return re.compile(rf"\b(?:[Ww]hich|[Ww]hat)\s+(?:{NOT_A_VERB_OR_ARTICLE}[a-z][\w-]*\s+)?"
                      r"(?:[A-Z][\w.’'-]*\s+){1,3}" + any_noun(_person_kinds()))


def person_after_a_name(question: str) -> str | None:
    """The kind of person a question asks for after a name ("Which former South
    Carolina governor...?" -> "governor"; `_person_after_a_name`), or None."""
    m = _person_after_a_name().search(question)
    return m.group(1) if m and not _describes_next(question, m) else None  # not "Which Christian girls' camp"


def asks_for_person(question: str) -> bool:
    """Whether the question asks "which / what [up to two words] <a kind of person>",
    "who is / was [the] [up to two words] <a kind of person>", "[to] whom...?" or who
    was arrested, shot, born... (`_DONE_TO_A_BODY`)."""
    if _THING_THEN_VERB.search(question):
        return False  # "Which city hosts the festival?" asks for a city
    return (any(not _describes_next(question, m) and not _in_a_name(question, m) and not _a_comparative(question, m)
                for m in _persons().finditer(question))
            or person_after_a_name(question) is not None
            or _WHO_IS.search(question) is not None or _WHOM.search(question) is not None
            or _DONE_TO_A_BODY.search(question) is not None)


# The cached given names' format: raise it whenever `_read_given_names` changes.
GIVEN_NAMES_VERSION = 1


@functools.cache
def _given_names() -> frozenset[str]:
    """gender-guesser's given names, lower-cased: read from its data file the first time
    (0.08 to 0.18 s, measured on two laptop-class CPUs; before the cache, paid by the
    first person question of every `newsqa ask` process), then from the user's cache
    folder in about 20 ms (`qa.wordcache`)."""
    return frozenset(cached_words("gender-guesser", "given-names", GIVEN_NAMES_VERSION, _read_given_names))


def _read_given_names() -> set[str]:
    """The names as gender-guesser's `Detector` reads them (the name is a line's second
    field; "+" joins the parts of a double name, written joined, spaced or hyphenated).
    Read here rather than through `Detector()`, whose line-by-line decoding takes 0.18 s
    against 0.08 s; the genders are not needed."""
    text = (importlib.resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    names: set[str] = set()
    for line in text.lower().splitlines():
        parts = line.split(None, 2)
        if line[:1] not in "#=" and len(parts) > 1:
            name = parts[1]
            if "+" in name:
                names.update(name.replace("+", joint) for joint in ("", " ", "-"))
            else:
                names.add(name)
    return names


def is_given_name(word: str) -> bool:
    """Whether the word is a given name in gender-guesser's dictionary."""
    return word.lower() in _given_names()


def written_alone(name: str, question: str) -> Iterator[re.Match[str]]:
    """Where the question writes the name as a whole word and not as part of a longer name
    (no capitalised word right before or after it): "Robert F. Kennedy Jr" writes no
    "Kennedy" alone."""
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", question):
        if not (re.search(r"[A-Z][\w.’'-]*\s+$", question[:m.start()]) or re.match(r"\s+[A-Z]", question[m.end():])):
            yield m


def named_by_surname(name: str, question: str, kinds: frozenset[str]) -> bool:
    """Whether the person's name (given names, then the rest) is one the question names
    by the rest alone: "Donald Trump" for "Which president did Trump meet?", "Carlos De
    Oliveira" for "...co-defendants Nauta and De Oliveira". Not where the question writes
    that surname as an owner ("Trump's son"), before the kind it asks ("Which Biden
    son...?") or inside a longer name ("Robert F. Kennedy Jr" for "Caroline Kennedy"): a
    relative shares it. Before another kind ("Which Putin spokesman...?": "Vladimir Putin")
    the name is the one whose spokesman is asked for, the question's own."""
    toks = [t.strip(EDGE) for t in untitled(name).split()]
    given = sum(1 for _ in takewhile(is_given_name, toks[:-1]))
    # Each split after a given name: "De" of "Carlos De Oliveira" may be one too.
    # The function word that opens the question is no part of a name: "Which Putin
    # spokesman...?" writes "Putin" alone.
    question = re.sub(r"^\W*\w+", lambda m: m.group().lower() if m.group().strip(EDGE).lower() in STOP else m.group(),
                      question)
    for rest in (" ".join(toks[n:]) for n in range(1, given + 1)):
        for m in written_alone(rest, question):
            after = re.match(r"\s+([a-z][\w-]*)", question[m.end():])
            if after is None or not (stem(after.group(1)) in kinds and stem(after.group(1)) in _KIN):
                return True
    return False


# The kinds of person a family name before them may be theirs too: "Which Biden son...?".
_KIN = frozenset(stem(w) for w in """son sons daughter daughters wife husband brother brothers sister sisters
father mother parent parents child children sibling siblings cousin cousins nephew niece uncle aunt grandson
granddaughter grandchild grandchildren heir heiress widow relative relatives family scion""".split())


# How news writes a person it names again: "Mamdani, 34," (an age after the name), "Mr.
# Mamdani", "Ms. Wu". A name whose last word the retrieved text writes so is a person's,
# whether or not the given name is in the list ("Zohran Mamdani").
_WRITTEN_AS_PERSON = re.compile(r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+([A-Z][\w’'-]+)|([A-Z][\w’'-]+),\s+\d{1,3},)")


# The verbs of saying that follow a speaker's name or stand before it ("Peskov said",
# "said prosecutors"): a noun after one is who spoke, not what a name before it is.
SAID = r"(?:said|says|say)"

# Or with what the person is after a comma: "Lynsi Snyder, owner and president of In-N-Out",
# "Jason Kim, the CEO of Firefly" (a name of two words or more; not a relative clause's
# "whose chief executive", which says what the name before has, nor a verb of saying, after
# which the noun is who spoke: "according to ABC News, said prosecutors").
_WITH_WHAT_THEY_ARE = re.compile(r"\b[A-Z][\w’'-]+\s+([A-Z][\w’'-]+),\s+(?:(?:the|a|an)\s+)?"
                                 rf"(?:(?!(?:whose|which|that|who|where|{SAID}|told|according)\b)"
                                 r"[a-z][\w-]*\s+){0,2}"
                                 r"(?i:" + any_noun(_PERSON_NOUNS) + ")")


def surnames_in(sentences: Iterable[str]) -> frozenset[str]:
    """The words these sentences write as a person's surname (`_WRITTEN_AS_PERSON`,
    `_WITH_WHAT_THEY_ARE`)."""
    return frozenset([a or b for sent in sentences for a, b in _WRITTEN_AS_PERSON.findall(sent)]
                     + [m.group(1) for sent in sentences for m in _WITH_WHAT_THEY_ARE.finditer(sent)])


def whole_name(word: str, texts: Iterable[str], surnames: frozenset[str] = frozenset()) -> str | None:
    """The one person's name, of two words or more, that these texts write ending in the
    word (without its titles: "Luz Gallegos" for "Gallegos"), or None when they write
    none or several ("Donald Trump" and "Eric Trump"). News names a person whole once and
    by surname after, and the sentence that answers may be the later one: "Gallegos is
    the executive director of TODEC Legal Center"."""
    found = set()
    run = re.compile(rf"((?:[A-Z][\w’'.-]*\s+){{1,3}}){re.escape(word)}(?![\w’'-])")
    for text in texts:
        for m in run.finditer(text):
            # Not a function word that opens a sentence ("The Cabinet": "The" is a given name too).
            name = " ".join(dropwhile(lambda w: w.lower() in STOP, m.group().split()))
            if (person := person_in(name, surnames)) is not None and person.endswith(word):
                found.add(untitled(person))
    return found.pop() if len(found) == 1 else None


_OWNED = re.compile(r"\S.*?[’']s\s+(\S.*)$")


# Two words or more, then "of" and a capitalised name: a person and the body they sit on.
_OF_A_BODY = re.compile(r"(\S+(?:\s+\S+)+?)\s+of\s+(?:the\s+)?[A-Z]")
# An organisation's letters ("NASCAR", "FEMA"), not a Roman numeral ("III", "XIV").
_LETTERS = re.compile(r"(?![IVXLCDM]+$)[A-Z]{3,}")


def person_in(name: str, surnames: frozenset[str] = frozenset()) -> str | None:
    """The person's name the span holds, as written: the span itself, the name after a
    possessive ("Tesla's Elon Musk" -> "Elon Musk"), or the name from a title inside it
    on ("Wichita Mayor Lily Wu" -> "Mayor Lily Wu"); None when it holds none (nor when
    what an owner's possessive stands before holds none: "Elon Musk's DOGE"). A person's
    name is a title before a name ("Pope Leo XIV"), or a given name, or a name the text
    writes as a person's (`surnames`, from `surnames_in`), and at least one more name
    ("Adrien Brody", "Lee Jae-myung", "Zohran Mamdani") that is not a place. A single word is not
    taken for a person: a given name on its own is as often a thing ("Oscar", "Barbie")."""
    # Two offices joined ("Chairman and CEO Brian Niccol") are one person's.
    offices = any(is_title(a) and is_title(b) for a, b in re.findall(r"(\S+) and (?=(\S+))", name))
    if " and " in name and not offices:  # "Jamie Lee Curtis and Lindsay Lohan", not "Clare Locke and Farnan LLP"
        return name if all(person_in(part, surnames) == part.strip() for part in name.split(" and ")) else None
    # After an owner's possessive, of one word or more, the name is what they own, as
    # written, so the caller finds it in the sentence ("Tesla's Elon Musk", "New York's
    # Kathy Hochul"; "Elon Musk's DOGE" names no person).
    if (owned := _OWNED.match(name)) is not None:
        return person_in(owned.group(1), surnames)
    # A person's whole name, then the body they sit on: "Chief Judge Sri Srinavasan of the
    # DC Circuit" is the judge. Not a title before "of": "Secretary of State Marco Rubio",
    # "Chief Magistrate of the Commonwealth of The Bahamas Joyann Ferguson-Pratt".
    if (seat := _OF_A_BODY.match(name)) is not None and _names_a_person(seat.group(1), surnames):
        return seat.group(1)
    words = [t.strip(EDGE) for t in name.split()]
    if len(words) < 2 or not all(words):
        return None
    if is_title(words[0]):
        return name if words[-1][:1].isupper() else None
    if len(words) > 2 and words[0].lower() in _PARTIES:  # "Republican Martha McSally"; `untitled` drops the party
        return name if person_in(name.split(None, 1)[1], surnames) is not None else None
    if _LETTERS.fullmatch(words[-1]) and not words[0].isupper():
        return None  # "Free NASCAR weekend shows": a body's letters end no one's name (a numeral may: "Murphy II")
    # "Wichita Mayor Lily Wu": the person from the title on.
    titled = next((m.start() for m in re.finditer(r"\S+", name) if m.start() and is_title(m.group())), None)
    if titled is not None and (found := person_in(name[titled:], surnames)) is not None:
        return found
    person = (is_given_name(words[0]) or words[-1] in surnames) and not places.is_a_place(" ".join(words))
    return name if person else None


def _names_a_person(text: str, surnames: frozenset[str]) -> bool:
    """Whether the words after the titles that open the text are a person's whole name:
    two words or more, a given name first or a surname the text writes as a person's
    last ("Chief Judge Sri Srinavasan"; not "Chief Magistrate")."""
    rest = list(dropwhile(is_title, text.split()))
    return len(rest) >= 2 and (is_given_name(rest[0].strip(EDGE)) or rest[-1].strip(EDGE) in surnames)


# Titles that are part of how a name is written ("Pope Leo XIV", "King Charles III",
# "Prince William"), not an office held for a while: a name keeps them. Not "Rev.", a
# form of address like "Dr." ("the Rev. Dean Fulks" is Dean Fulks).
_HONORIFICS = frozenset("pope king queen prince princess sheikh cardinal archbishop bishop saint st sir dame "
                        "lord lady".split())


# The parties news writes before a politician's name ("Democrat Mark Kelly defeated
# Republican Martha McSally").
_PARTIES = frozenset({"republican", "democrat", "democratic", "gop", "independent", "libertarian"})


def untitled(name: str) -> str:
    """The name without the offices that open it, when two words or more are left
    ("Former President Donald Trump" -> "Donald Trump", "Secretary of State Marco Rubio"
    -> "Marco Rubio"), and without the words that say whose office it is ("Mexican
    President Claudia Sheinbaum", "Air Force General Gregory Guillot", "Texas Gov. Greg
    Abbott"); else the name as it is ("Justice Department"). A title that is part of the
    name stays ("Pope Leo XIV", "King Charles III"). A party before the name is no part
    of it either ("Republican Martha McSally")."""
    words = name.split()
    while len(words) > 2 and words[0].lower() in _PARTIES:
        words = words[1:]
    # The last title with a name of two words or more after it, and the words before it.
    n = max((i for i in range(1, len(words) - 2) if _is_office(words[i]) and not is_title(words[i + 1])),
            default=-1) + 1
    while n < len(words) - 2:
        if _is_office(words[n]):
            n += 1
        elif _bare(words[n]) == "of" and n and is_title(words[n - 1]):
            # "Secretary of Homeland Security Kristi Noem": the office's words up to a given name.
            n += 1
            while n < len(words) - 2 and not is_given_name(words[n].strip(EDGE)):
                n += 1
        else:
            break
    # "Executive Chairman of Amazon.com": the office goes on and names no person.
    return name if words[n:] and words[n].lower() == "of" else " ".join(words[n:])


def after_the_title_asked(name: str, stems: frozenset[str]) -> str:
    """The name after the last word of it that is a kind of person the question writes
    (`stems`), when two capitalised words or more follow: "Which AccuWeather senior
    meteorologist said...?" is answered by "Alex Sosnowski" of "AccuWeather Senior
    Meteorologist Alex Sosnowski", "Which deputy assistant FBI director...?" by
    "Christopher Raia". News capitalises a title before a name, and the words before it
    say whose; the question already names both. A title that is part of the name stays
    ("Cardinal Kevin Farrell", `_HONORIFICS`). Else the name as it is."""
    words = name.split()
    for i in range(len(words) - 3, -1, -1):
        w = words[i].strip(EDGE)
        if w[:1].isupper() and w.lower() in PERSON_NOUN_SET and w.lower() not in _HONORIFICS and stem(w) in stems:
            rest = words[i + 1:]
            named = all(t[:1].isupper() for t in rest) and rest[0].lower() not in STOP  # not "Player Of The Year"
            return " ".join(rest) if named else name
    return name


def titled_one_word(name: str) -> bool:
    """Whether the name is a title and one word ("Senator Hawley", "Gov. Abbott"): a
    surname, not a name of its own as "Pope Francis" or "King Charles" is."""
    words = name.split()
    return len(words) == 2 and _is_office(words[0])


# Titles as news abbreviates them before a name ("Sen. Ted Cruz", "Gen. Guillot"), with
# the word each stands for.
_ABBREVIATED = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                "adm": "admiral", "lt": "lieutenant", "col": "colonel", "capt": "captain",
                "sgt": "sergeant", "dr": "doctor", "pres": "president", "supt": "superintendent",
                "atty": "attorney", "cmdr": "commander", "prof": "professor", "amb": "ambassador"}


# Titles that say no office the person holds: forms of address and words before another title.
_NOT_OFFICES = frozenset("vice former mr mrs ms dr doctor sir dame lord lady sheikh rev saint st chief prime "
                         "professor".split())


@functools.cache
def _offices() -> frozenset[str]:
    """The offices the titles name, spelled out ("sen" -> "senator"): a title before a
    name says the person holds one ("Sen. Joni Ernst" is a senator)."""
    return frozenset(_bare(spelled_out(t)) for t in _TITLES | _ABBREVIATED.keys()) - _NOT_OFFICES


def office(title: str) -> str | None:
    """The office a title names ("Sen." -> "senator", "Mayor" -> "mayor"), or None for a
    word that names none."""
    word = _bare(spelled_out(title))
    return word if word in _offices() else None


@functools.cache
def _office_stems() -> frozenset[str]:
    """The offices' stems, as a question's kind words are written (`names_an_office`)."""
    return frozenset(stem(o) for o in _offices())


def names_an_office(stems: Iterable[str]) -> bool:
    """Whether these word stems (a question's kind words) name an office (`_offices`)."""
    return bool(set(stems) & _office_stems())


def holds_another_office(before: Sequence[str], kinds: frozenset[str]) -> bool:
    """Whether the titles the words before a name end on (`before`: the sentence's words
    up to it; two joined by "and" count) name an office and none of the kinds asked: "Gov.
    Ron DeSantis" holds another office than a judge's; "Chairman and CEO Brian Niccol"
    holds the chairman's."""
    held: list[str] = []
    for t in reversed(before):
        if (title := office(t)) is not None:
            held.append(title)
        elif not (t.lower() in ("and", "&") and held):
            break
    return bool(held) and not any(stem(o) in kinds for o in held)


def spelled_out(word: str) -> str:
    """The word an abbreviated title stands for ("Sen" -> "senator"), else the word."""
    return _ABBREVIATED.get(_bare(word), word)


def is_title(word: str) -> bool:
    """Whether the word is a title or rank that opens a person's name ("Mayor", "Sen.")."""
    return _bare(word) in _TITLES


def _is_office(word: str) -> bool:
    """Whether the word is a title held for a while ("Sen.", "CEO"), not one that is part
    of how the name is written (`_HONORIFICS`: "Pope", "King")."""
    return is_title(word) and _bare(word) not in _HONORIFICS


def _bare(word: str) -> str:
    """The word as the title lists hold it: lower case, without edge punctuation or the
    abbreviation's full stop ("Sen." -> "sen")."""
    return word.strip(EDGE).rstrip(".").lower()


def is_a_person(name: str) -> bool:
    """Whether the span holds a person's name (`person_in`)."""
    return person_in(name) is not None
