"""The US state a lawmaker's party-state tag names: "Sen. Tammy Duckworth, D-Ill.",
"Rep. Chip Roy (R-Texas)".

American news writes a member of Congress with a tag after the name that gives the party
and the state, the state abbreviated in AP style ("Ill.", "N.J.") or by its postal code
("IL"), or spelled out where AP does not abbreviate it ("Texas", "Maine"). A question for
"which Illinois senator" is answered by the name whose tag says Illinois: in a sentence
listing a bill's three sponsors, the question's place word stands beside none of them
otherwise. The abbreviations come from the `us` package; which state a question names,
from `qa.places`, as every other place the reader reads.
"""

from __future__ import annotations

import functools
import re

from qa import people, places
from qa.lexical import stem, words


def _key(written: str) -> str:
    """A state's name or abbreviation as looked up: no spaces, lower case ("W. Va." and
    "W.Va." are one)."""
    return re.sub(r"\s+", "", written).lower()


@functools.cache
def _by_written() -> dict[str, str]:
    """Every way a tag writes a state (name, postal code, AP abbreviation) to its name.
    Read on first use: `us` imports a phonetics library, and most questions name no state."""
    import us

    return {_key(k): s.name for s in [*us.states.STATES, us.states.DC] for k in (s.name, s.abbr, s.ap_abbr) if k}


# After the name: a comma or an opening parenthesis, the party's initial, a hyphen and the
# state as written (up to two words: "D-Ill.", "R-N.Y.", "D-New Jersey", "R-TX").
_TAG = re.compile(r"\s*[,(]\s*(?:D|R|I)\s?-\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")


def tagged_state(sentence: str, end: int) -> str | None:
    """The state the party-state tag right after `end` (the end of a name) names, by its
    full name, or None when no tag follows or it names no state."""
    m = _TAG.match(sentence, end)
    if m is None:
        return None
    written = m.group(1)
    # "D-New Jersey" and "D-Ill." are found whole; a second capitalised word may be the
    # sentence's next one ("R-Texas Governor..."), so the first word alone is tried too.
    return _by_written().get(_key(written)) or _by_written().get(_key(written.split()[0]))


def states_asked(question: str, kinds: frozenset[str]) -> frozenset[str]:
    """The US states (`places.place_id`) the question writes right before the kind of
    person it asks for (`kinds`, stems; up to two words between): "Which Illinois
    senator...?", "Which New Jersey Democratic senator...?" -> the state. A state named
    elsewhere in the question ("Which senator said in Washington...") says where, not whose."""
    toks = words(question)
    return frozenset(pid for j, t in enumerate(toks) if stem(people.spelled_out(t)) in kinds
                     for end in range(max(0, j - 2), j + 1) for start in range(max(0, end - 3), end)
                     if (pid := places.place_id("state", " ".join(toks[start:end]))))


def tag_says(sentence: str, end: int, states: frozenset[str]) -> bool | None:
    """Whether the party-state tag after the name ending at `end` names one of `states`
    (`states_asked`); None when no tag follows."""
    state = tagged_state(sentence, end)
    return None if state is None else places.place_id("state", state) in states
