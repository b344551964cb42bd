"""Whether a name is a public body's, for a question that asks for a body that is not
public: a business, or a university, a hospital, a charity, a team.

"Which app has soared in popularity...?" was answered "Supreme Court", "Which company
made the prepared foods...?" "FDA": the story of a company is told beside the courts,
regulators and legislatures that act on it, whose names are capitalised as a company's
are. A question asking for a kind of business ("which company / app / automaker / chain
...") is not answered by a body whose name ends on what it is ("Supreme Court",
"Federal Communications Commission", "Food and Drug Administration"), nor by the
initials of such a name written out in the text read ("FDA"), nor by a law such a body
passed ("International Emergency Economic Powers Act"). Nor is a question asking
for a university, a hospital, a charity or a team, whose stories are told beside the
same courts and agencies ("Which US university will ban transgender women from its
teams?" was answered "Supreme Court"). A school is left out: a school board is a public
body that answers "which school board".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from qa.lexical import asking_for, stem

_BUSINESS_NOUNS = tuple("""company companies firm business brand chain retailer store supermarket automaker
carmaker manufacturer maker app platform startup airline carrier broadcaster network bank lender insurer
giant conglomerate corporation publisher studio producer developer""".split())
# Bodies that are neither businesses nor public bodies.
_OTHER_PRIVATE_NOUNS = tuple("""university universities college hospital charity nonprofit museum club team""".split())
_PRIVATE_BODY = asking_for(_BUSINESS_NOUNS + _OTHER_PRIVATE_NOUNS)
# The last word of a public body's name says what it is; so does that of the law such a
# body passed or applies, which a story of a company names as often ("the International
# Emergency Economic Powers Act" in a story of a company suing over tariffs).
_BODY_WORDS = frozenset("""court commission administration agency department ministry bureau congress senate
parliament legislature council assembly government authority board service office act""".split())


def asks_for_private_body(question: str) -> bool:
    """Whether the question asks "which / what [up to two words] <a kind of business>", or
    for another kind of body that is not a public one (`_OTHER_PRIVATE_NOUNS`)."""
    return _PRIVATE_BODY.search(question) is not None


# The kind words of a body asked for: a business, another private body, a public one.
_BODY_STEMS = frozenset(stem(w) for w in _BUSINESS_NOUNS + _OTHER_PRIVATE_NOUNS + tuple(_BODY_WORDS))


def asks_for_body(kinds: Iterable[str]) -> bool:
    """Whether the question's kind words (`kinds`, stems, read in lower case: "Which Brown
    University kidney doctor...?" asks for a doctor, not a university) name a body: a
    business, another private body, or a public one ("Which government agency...?",
    "Which court...?")."""
    return bool(_BODY_STEMS & set(kinds))


def public_body(name: str, texts: Iterable[str] = ()) -> bool:
    """Whether the name is a public body's, or a law's: its last word says so ("Supreme
    Court", "Defense Production Act"), or it is the initials of such a name one of
    `texts` writes out ("FDA" beside "the Food and Drug Administration")."""
    words = name.split()
    if words and words[-1].lower().strip(".,") in _BODY_WORDS:
        return True
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", name):
        joint = r"\s+(?:(?:of|and|for|the|on)\s+)*"
        spelled = re.compile(r"\b" + joint.join(rf"{c}[\w'’-]*" for c in name) + r"\b")
        return any(m.group().split()[-1].lower() in _BODY_WORDS for t in texts for m in spelled.finditer(t))
    return False


# A team is asked for ("which team / club / franchise ...?"): the league it plays in and the
# events it plays for are named beside it as often as courts beside a company ("Which team
# will the Bills face in the AFC championship game?" was answered "NFL", then "Super Bowl").
_TEAM_NOUNS = frozenset(stem(n) for n in "team club franchise squad side".split())
# The initials of sports' leagues, conferences and governing bodies, which also open the
# names of their events ("NBA Finals", "NFL Draft").
_SPORTS_BODIES = frozenset("""NFL NBA WNBA MLB NHL MLS NWSL NCAA NFC AFC SEC ACC FIFA UEFA IOC PGA LPGA
ATP WTA""".split())
# The last word of an event's name ("Super Bowl", "World Series", "Home Run Derby", "Golden
# Globe Awards"): what is held, won or watched, never who does it. Not "Games": "Epic Games"
# is a company.
_EVENT_WORDS = frozenset("""bowl cup final finals series championship championships playoff playoffs
tournament open classic derby draft awards""".split())
# The last word of a league's or an event's name ("Premier League", "All-Star Game").
_LEAGUE_OR_EVENT_WORDS = _EVENT_WORDS | frozenset("league conference federation association games game".split())


def asks_for_team(kinds: Iterable[str]) -> bool:
    """Whether the words for the kind asked for (stems) name a team."""
    return not _TEAM_NOUNS.isdisjoint(kinds)


def league_or_event(name: str) -> bool:
    """Whether the name is a league's or a sports event's, not a team's: its last word says
    so (`_LEAGUE_OR_EVENT_WORDS`), or it opens with a sports body's initials
    (`_SPORTS_BODIES`), alone or as an honour's ("All-NBA")."""
    words = [w.strip(".,") for w in name.split()]
    return bool(words) and (words[-1].lower() in _LEAGUE_OR_EVENT_WORDS
                            or re.sub(r"^All-|[’']s$", "", words[0]) in _SPORTS_BODIES)


def an_event(name: str, kinds: frozenset[str] = frozenset()) -> bool:
    """Whether the name is an event's ("Golden Globe Awards", "Daytona 500 Championship"),
    by its last word (`_EVENT_WORDS`), and the kind asked for (`kinds`, stems) is no event:
    "Who won best actor at the Golden Globes?" is answered by who won, not by the awards
    the story names beside the winner; "Which tournament...?" is answered by one."""
    last = name.rsplit(None, 1)[-1].strip(".,").lower() if name.strip() else ""
    return last in _EVENT_WORDS and stem(last) not in kinds


def team_after_its_league(name: str) -> str | None:
    """The team a name writes after its league's initials ("NBA Dallas Mavericks" ->
    "Dallas Mavericks"), or None when none follows ("NBA Finals", "NBA" alone): news
    writes the league before a team to say which sport, and the team is the name."""
    first, _, rest = name.partition(" ")
    if first.strip(".,") not in _SPORTS_BODIES or not rest.strip() or league_or_event(rest):
        return None
    return rest.strip()

