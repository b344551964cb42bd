"""The US state a lawmaker's party-state tag names: "Sen. Tammy Duckworth, D-Ill.",
"Rep. Chip Roy (R-Texas)".

American news writes a member of Congress with a tag after the name that gives the party
and the state, the state abbreviated in AP style ("Ill.", "N.J.") or by its postal code
("IL"), or spelled out where AP does not abbreviate it ("Texas", "Maine"). A question for
"which Illinois senator" is answered by the name whose tag says Illinois: in a sentence
listing a bill's three sponsors, the question's place word stands beside none of them
otherwise. The states and their abbreviations come from the `us` package.
"""

from __future__ import annotations

import re

import us

from qa import people
from qa.lexical import stem

_STATES = us.states.STATES + [us.states.DC]


def _key(written: str) -> str:
    """A state's name or abbreviation as looked up: no spaces, lower case ("W. Va." and
    "W.Va." are one)."""
    return re.sub(r"\s+", "", written).lower()


_BY_WRITTEN = {_key(k): s.name for s in _STATES for k in (s.name, s.abbr, s.ap_abbr) if k}
# After the name: a comma or an opening parenthesis, the party's initial, a hyphen and the
# state as written (up to two words: "D-Ill.", "R-N.Y.", "D-New Jersey", "R-TX").
_TAG = re.compile(r"\s*[,(]\s*(?:D|R|I)\s?-\s?([A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)")
# The states' full names, the longest first: "West Virginia" before "Virginia".
_NAMES = re.compile(r"\b(?:" + "|".join(re.escape(s.name) for s in sorted(_STATES, key=lambda s: -len(s.name)))
                    + r")\b")


def tagged_state(sentence: str, end: int) -> str | None:
    """The state the party-state tag right after `end` (the end of a name) names, by its
    full name, or None when no tag follows or it names no state."""
    m = _TAG.match(sentence, end)
    if m is None:
        return None
    written = m.group(1)
    # "D-New Jersey" and "D-Ill." are found whole; a second capitalised word may be the
    # sentence's next one ("R-Texas Governor..."), so the first word alone is tried too.
    return _BY_WRITTEN.get(_key(written)) or _BY_WRITTEN.get(_key(written.split()[0]))


def states_asked(question: str, kinds: frozenset[str]) -> frozenset[str]:
    """The US states the question writes, in full, right before the kind of person it asks
    for (`kinds`, stems; up to two words between): "Which Illinois senator...?",
    "Which New Jersey Democratic senator...?" -> the state. A state named elsewhere in the
    question ("Which senator said in Washington...") says where, not whose."""
    out = set()
    for m in _NAMES.finditer(question):
        after = re.findall(r"[\w.’'-]+", question[m.end():])[:3]
        if any(stem(people.spelled_out(w)) in kinds for w in after):
            out.add(m.group())
    return frozenset(out)
