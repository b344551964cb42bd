"""Metrics as pure functions: answers, retrieval, citations, latency.

Normalisation follows SQuAD's: lower case, no punctuation, no articles, folded spaces;
and accents, the full stops of initials, an ampersand, small numbers written out and the
months news style abbreviates are folded, because news in English writes the same answer
either way ("Luka Doncic" in one paper, "Luka Dončić" in the gold answer; "Washington
D.C." and "Washington, DC"; "Eagles & Chiefs" and "Eagles and Chiefs"; "six more weeks"
and "6"; "Jan. 19" and "January 19").
"Contains" asks whether a gold answer appears inside the predicted answer, the fairest
score for an extractive answer that quotes. A gold answer that names a person with the
office before the name ("President Joe Biden") is also met by the name alone, and one that
names a place with its state or country after a comma ("Boulder, Colorado") by the place
alone (`answer_forms`).
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from qa.people import untitled
from qa.places import is_place

# Initials written with full stops ("U.S.", "D.C.") are the same word as without ("US", "DC").
_INITIALS = re.compile(r"\b(?:[a-z]\.){2,}")
# Whole words only, after punctuation is gone: "six" is "6", "jan" (from "Jan.") is "january".
# AP style abbreviates only these months; "mar" and "jun" would be other words.
_SAME_WORD = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {
    "jan": "january", "feb": "february", "aug": "august", "sep": "september", "sept": "september",
    "oct": "october", "nov": "november", "dec": "december"}
# An amount is its value: "5 million" and "5,000,000" are one number, "1.4 million" is 1400000.
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "tn": 10**12}
_SCALED = re.compile(r"\b(\d+(?:\.\d+)?)[\s-]*(" + "|".join(_SCALES) + r")\b")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_PUNCT = set(string.punctuation) | {"\u201c", "\u201d", "\u2018", "\u2019", "\u2014", "\u2013"}


def normalize(text: str) -> str:
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(ch))
    text = _INITIALS.sub(lambda m: m.group().replace(".", ""), text)
    text = _THOUSANDS.sub(lambda m: m.group().replace(",", ""), text)
    text = _SCALED.sub(_amount, text)
    text = text.replace("&", " and ")  # "Missouri & Texas" is "Missouri and Texas"
    text = "".join(" " if ch in _PUNCT else ch for ch in text)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(_SAME_WORD.get(w, w) for w in text.split())


def _amount(m: re.Match[str]) -> str:
    """The digits of a scaled amount ("1.4 million" -> "1400000")."""
    value = round(float(m.group(1)) * _SCALES[m.group(2)])
    return str(value)


def _without_region(gold: str) -> str:
    """A place written with its US state or country after a comma, without it ("Boulder,
    Colorado" -> "Boulder", "Oslo, Norway" -> "Oslo"); any other text as it is."""
    place, _, region = gold.rpartition(",")
    if place.strip() and (is_place("state", region.strip()) or is_place("country", region.strip())):
        return place.strip()
    return gold


def answer_forms(golds: Sequence[str]) -> list[str]:
    """The gold answers, and after them each person's name without the office that opens
    it ("President Joe Biden" -> "Joe Biden", `qa.people.untitled`) and each place without
    the state or country written after it ("Boulder, Colorado" -> "Boulder"): the name
    alone names the same person or place, and the reader writes it so. The retrieval
    labels (`Relevance`) keep the gold as written, so hit@k stays comparable across runs."""
    out = list(golds)
    for form in (untitled, _without_region):
        out += [u for u in dict.fromkeys(form(g) for g in golds) if u not in out]
    return out


def exact_match(pred: str, golds: Sequence[str]) -> float:
    p = normalize(pred)
    return float(any(p == normalize(g) for g in answer_forms(golds)))


def token_f1(pred: str, golds: Sequence[str]) -> float:
    best = 0.0
    p = normalize(pred).split()
    for g in answer_forms(golds):
        gt = normalize(g).split()
        common = Counter(p) & Counter(gt)
        same = sum(common.values())
        if not p or not gt or same == 0:
            continue
        prec, rec = same / len(p), same / len(gt)
        best = max(best, 2 * prec * rec / (prec + rec))
    return best


def within(part: str, whole: str) -> bool:
    """Whether normalised `part` stands in normalised `whole` as whole words, in order,
    its last word perhaps in the plural ("snack wrap" is in "snack wraps"; "6" is not in
    "16", "meta" is not in "metal")."""
    padded = f" {whole} "
    return bool(part) and any(f" {part}{end} " in padded for end in ("", "s", "es"))


def contains(pred: str, golds: Sequence[str]) -> float:
    p = normalize(pred)
    return float(bool(p) and any(within(normalize(g), p) for g in answer_forms(golds)))


def _holds_snippet(snippet: frozenset[str] | set[str], text_words: frozenset[str] | set[str],
                  threshold: float) -> bool:
    """Whether most of a snippet's words (at least 4 of them) are among the text's."""
    return len(snippet) >= 4 and len(snippet & text_words) / len(snippet) >= threshold


def evidence_in(text: str, evidence: str, threshold: float = 0.6) -> bool:
    """Whether most of the evidence snippet's words occur in the text (snippets are trimmed)."""
    return _holds_snippet(set(normalize(evidence).split()), set(normalize(text).split()), threshold)


@dataclass(frozen=True)
class Relevance:
    """The eval's rule for a relevant chunk (it holds most of the evidence snippet, comes
    from a gold URL, or holds a gold answer), with the question's side normalised once,
    so that many chunks can be tested against it (`eval.ceiling` tests whole archives)."""

    golds: tuple[str, ...]
    evidence: frozenset[str]
    urls: frozenset[str]

    @classmethod
    def of(cls, golds: Sequence[str], evidence: str = "", urls: Sequence[str] = ()) -> Relevance:
        return cls(tuple(n for n in map(normalize, golds) if n), frozenset(normalize(evidence).split()),
                   frozenset(u.rstrip("/") for u in urls))

    def holds_evidence(self, words: frozenset[str] | set[str]) -> bool:
        """Whether a text with these (normalised) words holds most of the evidence snippet."""
        return _holds_snippet(self.evidence, words, 0.6)

    def holds(self, text: str, url: str = "", normalized: str | None = None,
              words: frozenset[str] | set[str] | None = None) -> bool:
        """`normalized` and `words` are the text's `normalize` and its word set, when the
        caller has them."""
        t = normalize(text) if normalized is None else normalized
        if self.holds_evidence(set(t.split()) if words is None else words):
            return True
        if url and url.rstrip("/") in self.urls:
            return True
        return bool(t) and any(within(g, t) for g in self.golds)


def first_relevant_rank(texts: Sequence[str], golds: Sequence[str], evidence: str = "",
                        urls: Sequence[str] = (), hit_urls: Sequence[str] = ()) -> int | None:
    """1-based rank of the first retrieved chunk holding the evidence, a gold URL or a gold answer."""
    rule = Relevance.of(golds, evidence, urls)
    for i, text in enumerate(texts):
        if rule.holds(text, hit_urls[i] if i < len(hit_urls) else ""):
            return i + 1
    return None


def hit_at(rank: int | None, k: int) -> float:
    return float(rank is not None and rank <= k)


def reciprocal_rank(rank: int | None) -> float:
    return 1.0 / rank if rank else 0.0


def citation_precision(quotes: Sequence[str], golds: Sequence[str], evidence: str = "") -> float | None:
    """Share of cited quotes that contain the gold answer or the gold evidence; None if no quotes."""
    if not quotes:
        return None
    good = sum(1 for q in quotes if contains(q, golds) or (evidence and evidence_in(q, evidence, 0.5))
               or _recall(q, golds) >= 0.75)
    return good / len(quotes)


def within_days(ages: Sequence[int | None], days: int = 7) -> float | None:
    """Share of the known ages (the question date minus the top citation's, in days) from
    0 to `days`; None when none is known."""
    return mean([float(0 <= a <= days) for a in ages if a is not None])


def short_answers_right(answers: Sequence[tuple[str | None, Sequence[str]]]) -> float | None:
    """Share of the written short answers (not None) that hold a gold answer; None when
    none is written. Pass the answered questions' (short answer, gold answers)."""
    return mean([contains(short, golds) for short, golds in answers if short is not None])


def _recall(text: str, golds: Sequence[str]) -> float:
    t = set(normalize(text).split())
    best = 0.0
    for g in golds:
        gt = set(normalize(g).split())
        if gt:
            best = max(best, len(gt & t) / len(gt))
    return best


def percentile(values: Sequence[float], p: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def mean(values: Sequence[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None
