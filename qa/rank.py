"""One score for every retrieval candidate: meaning, words, time, title and article.

Candidates come from the whole allowed archive and from the question's time window
(`qa.timewindow`), from the dense and the keyword search alike (`qa.retrieve`). Each gets
seven features, all in 0..1 but the last:

- ``dense``: cosine between the question and the chunk;
- ``keyword``: the chunk's BM25 score over the best candidate's;
- ``recency``: 2^(-age / half-life), age in days before the as-of date (0 without one);
- ``window``: 1 when the article's date is inside the question's time window;
- ``title``: the IDF-weighted share of the question's words in the article's title;
- ``article``: how many other candidates come from the same article (capped at 3, /3),
  since several chunks of one article agreeing is evidence that the article is the story;
- ``edition``: -1 when the chunk numbers another edition of what the question numbers
  ("the 96th Academy Awards" for a question about the 97th) and never the asked one
  (`qa.editions`), else 0: last year's coverage of a yearly event is as close in meaning
  and words as this year's, and is about another event. Its weight is the penalty.

The score is their weighted sum. Scores, not ranks: fusing a recent-window list by rank
puts its best chunk level with the archive's best however weak it is (tried, and it hurt:
fresh off-topic articles crowd out the answer); with scores, a fresh article must also be
relevant to win. The weights are fitted by ``python -m eval.fit_ranking`` on the
RealTimeQA 2025 Q1 dev set and checked on the later 2025 Q2-Q4 weeks (see
docs/measurements.md); `Weights`' defaults are its result, with the recency weight then
raised as far as it costs the fit set no hit@10 or MRR (the script's `prefer_recent`:
0.2 -> 0.25 puts an article of the week before the as-of date first for 46% of the
questions instead of 42%).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

import numpy as np

from qa import editions
from qa.lexical import content_stems, coverage
from qa.timewindow import TimeWindow, reference_day
from qa.types import Chunk

FEATURES = ("dense", "keyword", "recency", "window", "title", "article", "edition")


@dataclass(frozen=True)
class Weights:
    """Weight of each feature in the score (dense is the unit)."""

    dense: float = 1.0
    keyword: float = 0.1
    recency: float = 0.25
    window: float = 0.0  # 0.1-0.2 quote the week more often but lose answers on the later weeks
    title: float = 0.1
    article: float = 0.0
    edition: float = 0.2

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, f) for f in FEATURES], dtype=np.float64)

    @classmethod
    def from_vector(cls, v: Sequence[float]) -> Weights:
        return cls(**{f.name: float(x) for f, x in zip(fields(cls), v, strict=True)})


@dataclass
class Candidate:
    """A chunk found by either search, with its cosine and BM25 score (0.0 when it holds
    none of the question's terms) and its rank in the question's own searches (None:
    that search did not return it)."""

    chunk: Chunk
    dense: float
    bm25: float
    dense_rank: int | None = None
    keyword_rank: int | None = None


def features(cands: Sequence[Candidate], question: str, as_of: date | None, window: TimeWindow | None,
             half_life: float, idf: dict[str, float]) -> np.ndarray:
    """The candidates' feature matrix (len(cands) x len(FEATURES))."""
    out = np.zeros((len(cands), len(FEATURES)), dtype=np.float32)
    if not cands:
        return out
    top_bm25 = max(c.bm25 for c in cands) or 1.0
    ref = reference_day(as_of, window)
    per_article = Counter(c.chunk.article_id for c in cands)
    q = content_stems(question)
    asked = editions.editions(question)
    titles: dict[str, float] = {}
    for i, c in enumerate(cands):
        published = c.chunk.published
        recency = 0.0
        if ref is not None and published is not None and half_life > 0:
            recency = 2.0 ** (-max(0, (ref - published).days) / half_life)
        if c.chunk.title not in titles:
            titles[c.chunk.title] = coverage(q, content_stems(c.chunk.title), idf)
        out[i] = (c.dense, c.bm25 / top_bm25, recency,
                  1.0 if window is not None and window.contains(published) else 0.0,
                  titles[c.chunk.title], min(per_article[c.chunk.article_id] - 1, 3) / 3,
                  -1.0 if asked and editions.another(asked, f"{c.chunk.title}\n{c.chunk.text}") else 0.0)
    return out


def scores(feats: np.ndarray, weights: Weights) -> np.ndarray:
    return feats @ weights.vector()


def best_indices(articles: Sequence[str], score: np.ndarray, k: int, per_article: int,
                 ties: Sequence[str] | None = None) -> list[int]:
    """Indices of the k best-scored items, at most `per_article` of one article; equal
    scores are ordered by `ties` (chunk ids), else by position."""
    key = (lambda i: (-score[i], ties[i])) if ties is not None else (lambda i: (-score[i], i))
    out: list[int] = []
    taken: Counter[str] = Counter()
    for i in sorted(range(len(articles)), key=key):
        if taken[articles[i]] >= per_article:
            continue
        taken[articles[i]] += 1
        out.append(i)
        if len(out) >= k:
            break
    return out


def best(cands: Sequence[Candidate], score: np.ndarray, k: int, per_article: int) -> list[tuple[Candidate, float]]:
    """The k best candidates, at most `per_article` chunks of one article."""
    picked = best_indices([c.chunk.article_id for c in cands], score, k, per_article, [c.chunk.id for c in cands])
    return [(cands[i], float(score[i])) for i in picked]
