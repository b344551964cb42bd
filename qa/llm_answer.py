"""Turn a model's reply into an answer whose every sentence is checked against the sources.

Small models break the prompt's rules in a handful of ways (measured on Qwen2.5-Coder
0.5B/1.5B): no [n] markers at all, a multiple-choice letter that disagrees with the
choice text they name, "The archive does not say." after a letter, or with markers, and
marker-only lines ("Sources: [1][2]"). This module makes the answer right whatever the
model did:

- Open questions: a reply that only declines is a decline. Otherwise decline sentences
  beside real claims are removed (noted), and the claims are checked by
  `qa.citations.check_answer` (citations attached where the model wrote none, unsupported
  sentences marked). When no sentence is supported at all, the extractive answer is shown
  instead and the answer's ``origin`` is "offline".
- Multiple choice: the choice is read from the letter and from the choice text named; if
  they disagree, the candidate the sources support best wins and the disagreement is
  noted. A reply that names no choice, or declines, is a decline: the offline choice is
  given as the offline choice (``origin`` "offline"), and so is a choice that differs from
  the offline one when no supported sentence the model quoted names it (a choice is a
  claim like any other: unbacked, it is not shown as the answer). The text starts with the
  chosen letter and text, followed by the model's checked evidence or, if none of it is
  supported, the sentences that support the choice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa import extractive, negated
from qa.citations import Checked, Pool, RawClaim, check_answer, citation_for, split_claims
from qa.embeddings import Embedder
from qa.lexical import content_stems
from qa.types import Citation, Claim, Hit

_DECLINE = re.compile(
    r"\b(?:(?:archive|sources?|articles?|context|text|information)\s+(?:provided\s+)?"
    r"(?:does|do|did)\s*(?:not|n't)\s+(?:say|contain|mention|state|provide|include|answer|specify)"
    r"|no (?:relevant )?information (?:about|on|regarding)|(?:is|are) not (?:mentioned|stated|specified)"
    r"|cannot be determined|can(?:not|'t) (?:answer|determine)|unable to (?:answer|determine)"
    r"|not enough information)", re.I)
_LETTER = re.compile(r"^\W*(?:(?:the\s+)?(?:correct\s+)?(?:answer|choice)(?:\s+is)?\s*[:\-]?\s*)?"
                     r"\(?([A-Z])\s*[).:\]](?=\s|$)|^\W*(?:(?:the\s+)?(?:correct\s+)?(?:answer|choice)"
                     r"(?:\s+is)?\s*[:\-]?\s*)\(?([A-Z])\)?(?=\W|$)", re.I)
MAX_NOTE_CHARS = 200


@dataclass(frozen=True)
class LLMAnswer:
    text: str
    citations: tuple[Citation, ...]
    claims: tuple[Claim, ...]
    notes: tuple[str, ...]
    declined: bool
    choice: str | None
    origin: str  # "model" or "offline"


def is_decline(text: str) -> bool:
    return bool(_DECLINE.search(text))


def _letter(text: str, n_choices: int) -> int | None:
    m = _LETTER.match(text)
    if not m:
        return None
    ci = ord((m.group(1) or m.group(2)).upper()) - 65
    return ci if 0 <= ci < n_choices else None


def named_choices(text: str, choices: Sequence[str]) -> list[int]:
    """Indices of the choices whose text the reply names, in order of first mention; a
    choice named only inside a longer choice that is also named does not count."""
    lowered = text.lower()
    found = {}
    for ci, c in enumerate(choices):
        m = re.search(rf"(?<!\w){re.escape(c.lower().strip())}(?!\w)", lowered) if c.strip() else None
        if m:
            found[ci] = m.start()
    longer = {ci for ci in found for cj in found
              if ci != cj and choices[ci].lower() in choices[cj].lower() and len(choices[cj]) > len(choices[ci])}
    return sorted((ci for ci in found if ci not in longer), key=lambda ci: found[ci])


def holds(choice: str, text: str) -> bool:
    """Whether the text holds every content word of the choice."""
    wanted = set(content_stems(choice))
    return bool(wanted) and wanted <= set(content_stems(text))


def named_in_sources(choice: str, hits: Sequence[Hit]) -> bool:
    return any(holds(choice, f"{h.chunk.title} {h.chunk.text}") for h in hits)


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_NOTE_CHARS else text[: MAX_NOTE_CHARS - 3] + "..."


def _label(ci: int, choices: Sequence[str]) -> str:
    return f"{chr(65 + ci)}) {choices[ci]}"


def _strip_label(text: str, ci: int, choices: Sequence[str]) -> str:
    """The head line without its "B) choice" (or "Answer: B") label."""
    m = _LETTER.match(text)
    rest = text[m.end():] if m else text
    rest = re.sub(rf"^\s*{re.escape(choices[ci])}\s*", "", rest, flags=re.I)
    return rest.strip(" .:-\u2013\u2014")


def _quote_claims(picks: Sequence[extractive.Scored], hits: Sequence[Hit], first_n: int,
                  ) -> tuple[list[str], list[Citation], list[Claim]]:
    texts, cites, claims = [], [], []
    for n, p in enumerate(picks, start=first_n):
        cites.append(citation_for(n, hits[p.hit], p.sentence, True, True))
        claims.append(Claim(p.sentence, (n,), (), "newsqa"))
        texts.append(f"{extractive.quoted(p.sentence)} [{n}]")
    return texts, cites, claims


def _offline_choice(offline: int, choices: Sequence[str], support: list, hits: Sequence[Hit],
                    notes: list[str], declined: bool) -> LLMAnswer:
    """newsqa's own choice, labelled as such, with the sentences that support it."""
    texts, cites, qclaims = _quote_claims(support[offline][1], hits, 1)
    text = " ".join([f"{_label(offline, choices)} (offline choice)."] + texts)
    return LLMAnswer(text, tuple(cites), tuple(qclaims), tuple(notes), declined, choices[offline], "offline")


def open_answer(reply: str, pool: Pool, embedder: Embedder) -> tuple[LLMAnswer | None, Checked | None]:
    """The checked answer to an open question, or (None, None) when the reply declines,
    or (None, checked) when nothing in it is supported or it holds no sentence at all
    (the caller falls back to the extractive answer)."""
    claims = split_claims(reply)
    declines = [c for c in claims if is_decline(c.text)]
    rest = [c for c in claims if not is_decline(c.text)]
    checked = check_answer(rest, pool, embedder)
    if not checked.claims:  # a decline, or nothing but markers: the latter is no decline
        return None, (None if declines else checked)
    notes = _notes(checked)
    if declines:
        notes.insert(0, f"Removed \u201c{_clip(declines[0].text)}\u201d: it contradicts the rest of the answer.")
    if not any(c.supported for c in checked.claims):
        return None, checked
    return LLMAnswer(checked.text, checked.citations, checked.claims, tuple(notes), False, None, "model"), checked


def _notes(checked: Checked) -> list[str]:
    notes = []
    if checked.removed:
        notes.append(f"Removed {len(checked.removed)} line(s) holding only citation markers.")
    if checked.dropped_markers:
        notes.append(f"Removed {checked.dropped_markers} citation marker(s) pointing at no source.")
    added = sum(c.cited_by == "newsqa" for c in checked.claims)
    if added:
        notes.append(f"{added} sentence(s) had no citation from the model that supports them; "
                     "newsqa attached the source sentence that does.")
    unsupported = sum(not c.supported for c in checked.claims)
    if unsupported:
        notes.append(f"{unsupported} sentence(s) are not supported by any retrieved source "
                     "(marked [unsupported]).")
    return notes


def fallback_note(reply: str) -> str:
    return (f"Nothing the model wrote (\u201c{_clip(reply)}\u201d) is supported by the retrieved "
            "sources; the quoted evidence is shown instead.")


def choice_answer(reply: str, question: str, reading: extractive.ChoiceReading, hits: Sequence[Hit],
                  scored: Sequence[extractive.Scored], pool: Pool, embedder: Embedder) -> LLMAnswer:
    """The checked multiple-choice answer (see the module's docstring). The offline choice
    it falls back on, and weighs a reply naming several choices by, is read as in
    extractive mode, from the same `reading` (`extractive.preferred`)."""
    claims = split_claims(reply)
    choices = reading.choices
    support = extractive.choice_support(question, reading, hits, embedder, scored)
    which_not = negated.asks_which_not(question)
    offline = extractive.preferred(support, choices, reading.short, which_not)
    lettered = [(i, ci) for i, c in enumerate(claims) if (ci := _letter(c.text, len(choices))) is not None]
    head = lettered[0][0] if lettered else None
    letter = lettered[0][1] if lettered else None
    content = [c for i, c in enumerate(claims) if not is_decline(c.text) or i == head]
    named = named_choices(claims[head].text if head is not None else " ".join(c.text for c in content), choices)
    notes: list[str] = []
    candidates = list(dict.fromkeys(([letter] if letter is not None else []) + named))
    if not candidates:
        what = "declined" if any(is_decline(c.text) for c in claims) else "named none of the choices"
        notes.append(f"The model {what} (\u201c{_clip(reply)}\u201d); the choice shown is newsqa's "
                     "offline choice from the retrieved sources.")
        return _offline_choice(offline, choices, support, hits, notes, declined=True)
    # Of several named, the one the sources support best; for "which ... is not ...?", the
    # one a source denies, else the least supported (as the offline choice reads it).
    choice = candidates[0] if len(candidates) == 1 else (
        extractive.the_one_not(support, choices, candidates) if which_not
        else max(candidates, key=lambda ci: support[ci][0]))
    if len(candidates) > 1:
        said = " and ".join(_label(ci, choices) for ci in candidates)
        why = ("a source writes its negation" if which_not and choice in extractive.denied(support, choices)
               else "the sources support it least" if which_not else "the sources support it best")
        notes.append(f"The model's reply names more than one choice ({said}); "
                     f"{_label(choice, choices)} is taken: {why}"
                     f"{' (the question asks which is not)' if which_not else ''}.")
    if len(content) < len(claims):
        notes.append("Removed the model's \u201cdoes not say\u201d: it contradicts the choice it made.")
    evidence = []
    for i, c in enumerate(claims):
        if c not in content:
            continue
        body = _strip_label(c.text, choice, choices) if i == head or (head is None and i == 0) else c.text
        if len(body.split()) >= 3:
            evidence.append(RawClaim(body, c.markers))
    checked = check_answer(evidence, pool, embedder)
    quotes = {c.n: c.quote for c in checked.citations}
    backed = any(holds(choices[choice], quotes[n]) for c in checked.claims for n in c.citations)
    if choice != offline and not backed:
        # A choice is a claim too: one that nothing the model quoted names, against one the
        # retrieved sources support better, is not shown as the answer.
        why = ("which no retrieved source mentions" if not named_in_sources(choices[choice], hits)
               else "but no sentence it quoted names it")
        notes.append(f"The model chose {_label(choice, choices)}, {why}; the choice shown is "
                     "newsqa's offline choice from the retrieved sources.")
        return _offline_choice(offline, choices, support, hits, notes, declined=False)
    notes.extend(_notes(checked))
    if backed:
        text = f"{_label(choice, choices)}. {checked.text}"
        return LLMAnswer(text, checked.citations, checked.claims, tuple(notes), False, choices[choice], "model")
    texts, cites, qclaims = _quote_claims(support[choice][1], hits, 1)
    if evidence:
        notes.append("No sentence the model quoted names its choice; the sentences that support "
                     "it are quoted instead.")
    text = " ".join([f"{_label(choice, choices)}."] + texts)
    return LLMAnswer(text, tuple(cites), tuple(qclaims), tuple(notes), False, choices[choice], "model")
