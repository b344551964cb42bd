"""Citation keys are ours: every sentence of an LLM answer is checked against the sources.

Sources were numbered [1]..[n] in the prompt. The reply is split into claims (sentences),
each keeping the markers that follow it; a marker that points at no source is removed.
For each claim and each source it cites, the quote is that source's sentence that best
matches the claim, copied exactly. The support rule (`supports`) says whether a
sentence supports a claim: close in meaning (cosine) or sharing most of its content words
(IDF-weighted), and in both cases the claim's names and numbers are found in the sentence
or its article's title, so "Chicago" is not supported by a sentence about Minneapolis,
and every year it states is said there too (or is the article's year).

A claim the model did not cite, or cited only with sources that do not support it, is
matched against every retrieved sentence: the best one that supports it is attached as a
citation marked ``added`` (chosen by newsqa, not the model). A claim nothing supports is
kept and marked ``[unsupported]``. Lines that are only markers ("Sources: [1][2]") are
removed. Citations are renumbered 1..m in order of first use and the markers rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from qa import weekdays
from qa.embeddings import Embedder
from qa.lexical import STOP, content_stems, coverage, idf_weights
from qa.prompts import looks_like_instruction
from qa.sentences import is_abbreviation, split_sentences
from qa.types import Citation, Claim, Hit

MARKER = re.compile(r"\s?\[(\d+(?:\s*[,;]\s*\d+)*)\]")
UNSUPPORTED = "[unsupported]"
SUPPORT_COSINE = 0.55
SUPPORT_LEXICAL = 0.5
MIN_SENTENCE_CHARS = 15
_CLAIM_END = re.compile(r"""[.!?]["'”’)\]]*(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s|$)|(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+(?=\s*$)|\n+""")
_LABEL_ONLY = re.compile(r"^[\W_]*(?:(?:sources?|references?|citations?|evidence|cited)\b[\W_]*)*$", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'&.-]*\w|\b\d[\d,.]*\d\b|\b\d\b")


def marker_numbers(text: str) -> tuple[int, ...]:
    """The source numbers of every [n] / [n, m] marker in the text, in order."""
    return tuple(int(x) for m in MARKER.finditer(text) for x in re.split(r"\s*[,;]\s*", m.group(1)))


def citation_for(n: int, hit: Hit, quote: str, supported: bool = True, added: bool = False) -> Citation:
    c = hit.chunk
    return Citation(n=n, article_id=c.article_id, title=c.title, source=c.source,
                    published=c.published, url=c.url, quote=quote, supported=supported,
                    added=added, context=c.text)


@dataclass(frozen=True)
class RawClaim:
    text: str  # without markers
    markers: tuple[int, ...]  # as written, valid or not


def split_claims(text: str) -> list[RawClaim]:
    """The reply's sentences (and lines), each with the marker numbers that follow it."""
    out, start = [], 0
    text = text.strip()
    pieces = []
    for m in _CLAIM_END.finditer(text):
        if m.group().startswith(".") and "[" not in m.group() and is_abbreviation(text[start : m.start()]):
            continue  # "Robert F. Kennedy", "the U.S. base": not the end of a claim
        pieces.append(text[start : m.end()])
        start = m.end()
    pieces.append(text[start:])
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        nums = marker_numbers(piece)
        body = re.sub(r"\s+([.!?,;:])", r"\1", MARKER.sub("", piece)).strip()
        out.append(RawClaim(body, nums))
    return out


def is_label_only(text: str) -> bool:
    """A line with nothing to claim once its markers are gone ("Sources:", "[1][2]")."""
    return bool(_LABEL_ONLY.match(text))


def names(text: str) -> list[str]:
    """Capitalised words and numbers: the checkable specifics of a claim. A capital that
    opens the text or follows . : ; ! ? or a quotation mark is sentence case ("According"),
    not a name, unless the word is an acronym or holds a digit."""
    found = []
    for m in _NAME.finditer(text):
        word = m.group(0).rstrip(".")
        opener = not text[: m.start()].strip() or text[: m.start()].rstrip()[-1:] in ".:;!?\"“"
        if opener and not (word.isupper() and len(word) > 1) and not any(ch.isdigit() for ch in word):
            continue
        if word.lower() not in STOP:
            found.append(word.lower())
    return found


def names_found(claim: str, passage: str) -> bool:
    """Whether the claim's names and numbers appear in the passage (one in four may not:
    dates and names are often written differently). The passage is the quoted sentence
    and its article's title: a name elsewhere in the article does not back this sentence."""
    wanted = names(claim)
    if not wanted:
        return True
    lowered = passage.lower()
    missing = sum(1 for n in wanted if n not in lowered)
    return missing <= len(wanted) // 4


# A year: a 0.5B model rewrote "January 4, 2024" as "January 4, 2026" and kept every
# other word of its source, which the one-in-four allowance of `names_found` let through.
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def years_found(claim: str, cited: str, published: date | None) -> bool:
    """Whether every year the claim states is in the cited text or is its article's year:
    a year is written one way, and a wrong one is a wrong fact, however close the rest."""
    own = {str(published.year)} if published else set()
    return all(y in own or re.search(rf"\b{y}\b", cited) for y in _YEAR.findall(claim))


def supports(claim: str, cosine: float, lexical: float, title: str, sentence: str,
             published: date | None = None) -> bool:
    """The support rule: close in meaning or sharing most content words, and the claim's
    names and numbers in the sentence or its article's title. A claim of a few words (a
    short answer: "25", "two", "Kirsty Coventry") has too little meaning to compare: it
    is supported when the cited text says every one of its words ("a 25-hour speech",
    "after two terms"). A weekday's date ("Monday, February 3, 2025") is what the cited
    text says when it names that weekday and the article's date (`published`) makes it
    that day (`qa.weekdays`). A year the claim states must be said too (`years_found`)."""
    cited = f"{title}\n{sentence}"
    return said_word_for_word(weekdays.undated(claim, cited, published), cited) or (
        (cosine >= SUPPORT_COSINE or lexical >= SUPPORT_LEXICAL) and names_found(claim, cited)
        and years_found(claim, cited, published))


SHORT_CLAIM_WORDS = 4


def said_word_for_word(claim: str, text: str) -> bool:
    """Whether a claim of at most `SHORT_CLAIM_WORDS` words has every word in the text
    (words split at any non-alphanumeric character, case ignored: unlike `lexical.words`,
    which keeps "25-hour" whole, so "25" is found in it)."""
    said = re.findall(r"\w+", claim.lower())
    return 0 < len(said) <= SHORT_CLAIM_WORDS and set(said) <= set(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class Pool:
    """The retrieved sentences a claim can be checked against, with their vectors."""

    hits: Sequence[Hit]
    sentences: list[tuple[int, str]]  # (hit index, exact sentence)
    vectors: np.ndarray
    stems: list[list[str]]
    idf: dict[str, float]

    @classmethod
    def build(cls, hits: Sequence[Hit], embedder: Embedder,
              known: Sequence[tuple[int, str, np.ndarray]] = ()) -> Pool:
        """Every sentence of the hits; `known` are (hit, sentence, vector) already embedded."""
        vec_of = {(i, s): v for i, s, v in known}
        sentences: list[tuple[int, str]] = []
        for i, h in enumerate(hits):
            own = [s for s in split_sentences(h.chunk.text)
                   if len(s) >= MIN_SENTENCE_CHARS and not looks_like_instruction(s)]
            sentences.extend((i, s) for s in (own or [h.chunk.text]))
        missing = [k for k in sentences if k not in vec_of]
        if missing:
            for k, v in zip(missing, embedder.embed([s for _, s in missing]), strict=True):
                vec_of[k] = v
        vectors = np.stack([vec_of[k] for k in sentences]) if sentences else np.zeros((0, 1))
        # A quote is shown with its article's title, and the audit reads them together:
        # so does the check, or an answer it passed could fail the audit.
        stems = [content_stems(f"{hits[i].chunk.title}\n{s}") for i, s in sentences]
        return cls(hits, sentences, vectors, stems, idf_weights(stems))

    def best(self, claim: str, cvec: np.ndarray, hit: int | None = None) -> tuple[int, bool] | None:
        """(index of the best sentence for the claim, whether it supports it), within one hit
        or all; the best supporting sentence is preferred to a closer one that does not."""
        idx = [j for j, (i, _) in enumerate(self.sentences) if hit is None or i == hit]
        if not idx:
            return None
        cstems = content_stems(claim)
        cos = self.vectors[idx] @ cvec
        lex = np.array([coverage(cstems, self.stems[j], self.idf) for j in idx])
        score = cos + lex
        chunks = [self.hits[self.sentences[j][0]].chunk for j in idx]
        ok = np.array([supports(claim, c, x, ch.title, self.sentences[j][1], ch.published)
                       for c, x, j, ch in zip(cos, lex, idx, chunks, strict=True)])
        if ok.any():
            return idx[int(np.argmax(np.where(ok, score, -np.inf)))], True
        return idx[int(np.argmax(score))], False


@dataclass(frozen=True)
class Checked:
    text: str  # the answer with markers renumbered and unsupported sentences marked
    citations: tuple[Citation, ...]
    claims: tuple[Claim, ...]
    dropped_markers: int  # markers that pointed at no source
    removed: tuple[str, ...]  # lines removed as marker-only


def check_answer(claims: Sequence[RawClaim], pool: Pool, embedder: Embedder) -> Checked:
    """Check, and where needed attach, the citations of each claim (see the module doc)."""
    hits = pool.hits
    kept = [c for c in claims if not is_label_only(c.text)]
    removed = tuple(c.text or "".join(f"[{n}]" for n in c.markers) for c in claims if is_label_only(c.text))
    dropped = sum(1 for c in kept for n in c.markers if not 1 <= n <= len(hits))
    cvecs = embedder.embed([c.text for c in kept]) if kept else np.zeros((0, 1))
    citations: list[Citation] = []
    key_to_n: dict[tuple[int, str], int] = {}

    def cite(hit: int, quote: str, supported: bool, added: bool) -> int:
        key = (hit, quote)
        if key not in key_to_n:
            key_to_n[key] = len(citations) + 1
            citations.append(citation_for(key_to_n[key], hits[hit], quote, supported, added))
        return key_to_n[key]

    out_claims: list[Claim] = []
    texts: list[str] = []
    for claim, cvec in zip(kept, cvecs, strict=True):
        nums: list[int] = []
        rejected: list[int] = []
        supported_by_model = False
        for n in dict.fromkeys(m for m in claim.markers if 1 <= m <= len(hits)):
            found = pool.best(claim.text, cvec, hit=n - 1)
            if found is None:
                continue
            j, ok = found
            (nums if ok else rejected).append(cite(n - 1, pool.sentences[j][1], ok, False))
            supported_by_model |= ok
        cited_by = "model" if supported_by_model else ""
        if not supported_by_model:
            found = pool.best(claim.text, cvec)
            if found is not None and found[1]:
                j = found[0]
                nums.append(cite(pool.sentences[j][0], pool.sentences[j][1], True, True))
                cited_by = "newsqa"
        nums = list(dict.fromkeys(nums))
        out_claims.append(Claim(claim.text, tuple(nums), tuple(rejected), cited_by))
        marks = "".join(f"[{n}]" for n in sorted(nums + rejected))
        marks = marks if cited_by else f"{marks}{UNSUPPORTED}"
        texts.append(f"{claim.text} {marks}")
    return Checked(" ".join(texts), tuple(citations), tuple(out_claims), dropped, removed)


_CHOICE_LABEL = re.compile(r"^[A-Z]\)\s")
_MARKED = re.compile(r"((?:\s*\[(?:\d+(?:\s*[,;]\s*\d+)*|unsupported)\])+)")


def marked_segments(text: str) -> list[RawClaim]:
    """An answer as shown, cut after each run of markers: every piece is what its markers
    vouch for (a quote may hold abbreviations a sentence splitter would cut at)."""
    parts = _MARKED.split(text)
    out = []
    for body, marks in zip(parts[::2], parts[1::2] + [""], strict=True):
        body = body.strip().lstrip(".:;,").strip()
        nums = marker_numbers(marks)
        if body or nums:
            out.append(RawClaim(body + (UNSUPPORTED if UNSUPPORTED in marks else ""), nums))
    return out


@dataclass(frozen=True)
class Audit:
    """How well an answer's citations back it, by the support checker (`audit`)."""

    claims: int  # sentences that claim something
    supported: int  # of those, backed by at least one of their citations
    pairs: int  # (sentence, citation) pairs
    good_pairs: int  # of those, the citation supports the sentence

    @property
    def recall(self) -> float | None:
        return self.supported / self.claims if self.claims else None

    @property
    def precision(self) -> float | None:
        return self.good_pairs / self.pairs if self.pairs else None


def audit(text: str, citations: Sequence[Citation], embedder: Embedder) -> Audit:
    """Re-check an answer as shown (either mode): each sentence against the quotes its
    markers point at, with their articles' titles. A sentence with no marker, or marked
    [unsupported], is unsupported; a multiple-choice label ("B) ISIL.") claims nothing of
    its own."""
    by_n = {c.n: c for c in citations}
    claims = [c for c in marked_segments(text)
              if not is_label_only(c.text.replace(UNSUPPORTED, "")) and not
              (_CHOICE_LABEL.match(c.text) and not c.markers)]
    bodies = [c.text.replace(UNSUPPORTED, "").strip() for c in claims]
    pairs = [(i, by_n[n]) for i, c in enumerate(claims) for n in dict.fromkeys(c.markers) if n in by_n]
    if not claims:
        return Audit(0, 0, 0, 0)
    vecs = embedder.embed(bodies + [cit.quote for _, cit in pairs])
    cvecs, qvecs = vecs[: len(bodies)], vecs[len(bodies):]
    # A citation shows its article's title beside the quote: the claim's words may be
    # found in either, as its names may (`supports`).
    stems = [content_stems(f"{cit.title}\n{cit.quote}") for _, cit in pairs]
    idf = idf_weights(stems) if stems else {}
    ok_claims, good = set(), 0
    for (i, cit), qv, st in zip(pairs, qvecs, stems, strict=True):
        ok = supports(bodies[i], float(cvecs[i] @ qv), coverage(content_stems(bodies[i]), st, idf),
                      cit.title, cit.quote, cit.published)
        good += ok
        if ok:
            ok_claims.add(i)
    return Audit(len(claims), len(ok_claims), len(pairs), good)
