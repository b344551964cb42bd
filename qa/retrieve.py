"""Hybrid retrieval: dense (Chroma) + keyword (BM25) candidates, ranked by one score.

Candidates are gathered from the whole allowed archive and, when the question names a
time ("this week", "in March 2024", see `qa.timewindow`), from that window too, by both
searches; each candidate gets the scores of both (computed for those only one search
returned), and `qa.rank` ranks them all with one weighted score over meaning, words,
recency, the window, the title and article-level agreement. The user's filters (date
range, sources, as-of) are applied inside both searches, so a narrow filter still returns
k results; the narrow scopes (the window, the days before as-of) take their dense
candidates from the one unfiltered dense search (see `dense_search`). At most `max_chunks_per_article` chunks per article are kept, so one
long article cannot crowd out the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from qa import rank
from qa.lexical import STOP, words
from qa.rank import Candidate, Weights
from qa.store import day_number
from qa.timewindow import TimeWindow, check_days
from qa.types import Chunk, Hit

CANDIDATES_PER_K = 5


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    sources: tuple[str, ...] = ()
    # How "as of" prefers recent articles (from Settings): the half-life of the recency
    # feature in `qa.rank` (0: no preference), and how many days before the as-of date
    # are searched on their own for candidates (0: none), since news asked "as of" a day
    # is mostly about the days before it.
    recency_half_life_days: float = 14.0
    recent_days: int = 14

    def __post_init__(self) -> None:
        check_days(self.since, self.until, self.as_of)

    def latest_allowed(self) -> date | None:
        ends = [d for d in (self.until, self.as_of) if d]
        return min(ends) if ends else None

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        if self.since:
            clauses.append({"day": {"$gte": day_number(self.since)}})
        if self.latest_allowed():
            clauses.append({"day": {"$lte": day_number(self.latest_allowed())}})
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def allows(self, chunk: Chunk) -> bool:
        """Whether the chunk passes the filters (as Chroma's `where` would decide)."""
        day = day_number(chunk.published)
        latest = self.latest_allowed()
        return ((not self.since or day >= day_number(self.since))
                and (not latest or day <= day_number(latest))
                and (not self.sources or chunk.source in self.sources))


OVERSAMPLE = 4


def dense_search(store: Any, vector: np.ndarray, n: int, filters: Filters,
                 narrow: Sequence[Filters] = ()) -> list[list[tuple[Chunk, float]]]:
    """Nearest chunks that pass the filters, and for each narrower scope in `narrow`
    (the question's time window, the days before the as-of date), the nearest of those
    that pass it.

    One unfiltered, oversampled search serves every scope. Chroma applies a `where`
    filter by listing every matching id first, which costs ~10x the search itself on a
    large archive (86 ms at 27k chunks, seconds at 2.7M); so the filtered query is paid
    only when the user's own filters leave fewer than n results, never for a narrow
    scope: its keyword candidates and the rank's window feature find the window's
    stories, and the eval showed the narrow dense searches added nothing they did not.
    """
    where = filters.chroma_where()
    rows = store.query(vector, n * OVERSAMPLE, None)
    kept = [r for r in rows if filters.allows(r[0])] if where else rows
    base = kept[:n] if len(kept) >= n or where is None else store.query(vector, n, where)
    return [base] + [[r for r in kept if f.allows(r[0])][:n] for f in narrow]


def window_filters(filters: Filters, window: TimeWindow) -> Filters:
    """The filters narrowed to the question's time window."""
    since = max(window.start, filters.since) if filters.since else window.start
    latest = filters.latest_allowed()
    until = min(window.end, latest) if latest else window.end
    return replace(filters, since=since, until=until)


def gather(question: str, resources: Any, filters: Filters, n: int, query_vector: np.ndarray,
           window: TimeWindow | None = None, extra_queries: Sequence[tuple[str, np.ndarray]] = ()) -> list[Candidate]:
    """Candidates from the whole allowed archive and from the time window, dense and
    keyword, each with its cosine and BM25 score (computed for the ones the other search
    did not return). `extra_queries` (text, vector) add their own candidates (multiple
    choice: the question with each choice)."""
    kw = resources.keyword()
    scopes = [filters] + ([window_filters(filters, window)] if window else [])
    if filters.as_of and filters.recent_days > 0:
        recent = TimeWindow(filters.as_of - timedelta(days=filters.recent_days), filters.as_of, "as of", "recent")
        scopes.append(window_filters(filters, recent))
    chunks: dict[str, Chunk] = {}
    dense_rank: dict[str, int] = {}
    kw_rank: dict[str, int] = {}
    kw_ids: list[str] = []
    queries = [(question, query_vector), *extra_queries]
    for text, vec in queries:
        for rows in dense_search(resources.store, vec, n, filters, scopes[1:]):
            for r, (c, _) in enumerate(rows, start=1):
                chunks.setdefault(c.id, c)
                if text == question:
                    dense_rank.setdefault(c.id, r)
    for f in scopes:
        for text, _ in queries:
            for r, (cid, _) in enumerate(kw.search(text, n, f), start=1):
                kw_ids.append(cid)
                if text == question:
                    kw_rank.setdefault(cid, r)
    missing = [cid for cid in dict.fromkeys(kw_ids) if cid not in chunks]
    if missing:
        chunks |= resources.store.get_chunks(missing)
    ids = list(chunks)
    if not ids:
        return []
    vectors = resources.store.get_vectors(ids)
    cosine = {cid: float(vectors[cid] @ query_vector) for cid in ids if cid in vectors}
    bm25 = dict(kw.scores_for(question, ids))
    return [Candidate(chunks[cid], cosine.get(cid, 0.0), bm25.get(cid, 0.0), dense_rank.get(cid), kw_rank.get(cid))
            for cid in ids]


def question_idf(question: str, keyword: Any) -> dict[str, float]:
    """The archive-wide IDF of the question's content words (for the title feature and
    the sentence scores), from the keyword index."""
    return keyword.idf([w for w in words(question) if w.lower() not in STOP])


def retrieve(question: str, resources: Any, filters: Filters, k: int, per_article: int = 2,
             query_vector: np.ndarray | None = None, window: TimeWindow | None = None,
             weights: Weights | None = None, extra_queries: Sequence[tuple[str, np.ndarray]] = (),
             idf: dict[str, float] | None = None) -> list[Hit]:
    """Top-k chunks for the question, ranked by `qa.rank`'s one score. `resources` has
    .store, .embedder, .keyword(); `idf` is `question_idf`'s result when the caller has it."""
    if query_vector is None:
        query_vector = resources.embedder.embed([question])[0]
    cands = gather(question, resources, filters, k * CANDIDATES_PER_K, query_vector, window, extra_queries)
    if not cands:
        return []
    idf = idf if idf is not None else question_idf(question, resources.keyword())
    feats = rank.features(cands, question, filters.as_of, window, filters.recency_half_life_days, idf)
    score = rank.scores(feats, weights or rank.Weights())
    return [Hit(c.chunk, s, c.dense_rank, c.keyword_rank) for c, s in rank.best(cands, score, k, per_article)]
