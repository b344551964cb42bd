"""Hybrid retrieval: dense (Chroma) + keyword (BM25), fused, filtered, time-aware.

Reciprocal rank fusion (k=60) merges the two ranked lists: it needs no score
calibration between cosine similarities and BM25 scores, which differ by archive.
Filters (date range, sources, as-of) are applied inside both searches, not after, so a
narrow filter still returns k results. With an as-of date, news questions are about
"the latest", so fused scores are boosted by recency (half-life `RECENCY_HALF_LIFE_DAYS`
before the as-of date; undated articles get half weight). At most
`max_chunks_per_article` chunks per article are kept, so one long article cannot crowd
out the rest.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np

from qa.store import day_number
from qa.types import Chunk, Hit

RRF_K = 60
CANDIDATES_PER_K = 5


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    sources: tuple[str, ...] = ()
    # How "as of" prefers recent articles (from Settings): the half-life of the recency
    # boost (0: no boost), and a window of days before the as-of date searched on its own
    # so this week's articles reach the candidates (0: no window).
    recency_half_life_days: float = 30.0
    recent_window_days: int = 0

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

    def keyword_mask(self, days: np.ndarray, source_of: np.ndarray,
                     source_names: Sequence[str]) -> np.ndarray | None:
        """Which rows pass, given each row's day number and source (an index into
        `source_names`); None when nothing is filtered."""
        if not (self.since or self.latest_allowed() or self.sources):
            return None
        mask = np.ones(len(days), dtype=bool)
        if self.since:
            mask &= days >= day_number(self.since)
        if self.latest_allowed():
            mask &= days <= day_number(self.latest_allowed())
        if self.sources:
            allowed = set(self.sources)
            ok = np.fromiter((s in allowed for s in source_names), dtype=bool, count=len(source_names))
            mask &= ok[source_of]
        return mask


def recency_weight(chunk: Chunk, as_of: date | None, half_life: float = 30.0) -> float:
    if as_of is None or half_life <= 0:
        return 1.0
    if chunk.published is None:
        return 0.5
    age = max(0, (as_of - chunk.published).days)
    return 0.5 + 0.5 * math.exp(-age * math.log(2) / half_life)


def recent_window(filters: Filters) -> Filters | None:
    """The filters narrowed to the days just before the as-of date (None without one)."""
    if filters.as_of is None or filters.recent_window_days <= 0:
        return None
    start = date.fromordinal(filters.as_of.toordinal() - filters.recent_window_days)
    since = max(start, filters.since) if filters.since else start
    return replace(filters, since=since)


def fuse(dense: list[tuple[Chunk, float]], keyword: list[tuple[Chunk, float]],
         as_of: date | None, k: int, per_article: int,
         extra: list[list[tuple[Chunk, float]]] | None = None, half_life: float = 30.0) -> list[Hit]:
    """Reciprocal rank fusion, recency boost, per-article cap; best first.

    `extra` are further ranked lists (the recent-window searches) fused the same way.
    """
    chunks: dict[str, Chunk] = {}
    score: dict[str, float] = {}
    dense_rank: dict[str, int] = {}
    kw_rank: dict[str, int] = {}
    lists = [(dense_rank, dense), (kw_rank, keyword)] + [({}, e) for e in extra or []]
    for ranks, results in lists:
        for r, (c, _) in enumerate(results, start=1):
            chunks[c.id] = c
            ranks.setdefault(c.id, r)
            score[c.id] = score.get(c.id, 0.0) + 1.0 / (RRF_K + r)
    for cid in score:
        score[cid] *= recency_weight(chunks[cid], as_of, half_life)
    hits: list[Hit] = []
    per: dict[str, int] = {}
    for cid in sorted(score, key=lambda c: (-score[c], c)):
        aid = chunks[cid].article_id
        if per.get(aid, 0) >= per_article:
            continue
        per[aid] = per.get(aid, 0) + 1
        hits.append(Hit(chunks[cid], score[cid], dense_rank.get(cid), kw_rank.get(cid)))
        if len(hits) >= k:
            break
    return hits


OVERSAMPLE = 4


def dense_search(store: Any, vector: np.ndarray, n: int, filters: Filters) -> list[tuple[Chunk, float]]:
    """Nearest chunks that pass the filters.

    Chroma applies a `where` filter by listing every matching id first, which costs
    ~10x the search itself on a large archive when the filter keeps most of it (an as-of
    date usually does). So: search unfiltered with oversampling, filter here, and pay for
    the filtered query only when too few results survive (a narrow filter).
    """
    where = filters.chroma_where()
    if where is None:
        return store.query(vector, n, None)
    rows = store.query(vector, n * OVERSAMPLE, None)
    days = np.asarray([day_number(c.published) for c, _ in rows], dtype=np.int32)
    keep = filters.keyword_mask(days, np.arange(len(rows)), [c.source for c, _ in rows])  # not None: `where` is set
    kept = [r for r, ok in zip(rows, keep, strict=True) if ok]
    if len(kept) >= n:
        return kept[:n]
    return store.query(vector, n, where)


def retrieve(question: str, resources: Any, filters: Filters, k: int,
             per_article: int = 2, query_vector: np.ndarray | None = None) -> list[Hit]:
    """Top-k chunks for the question. `resources` has .store, .embedder, .keyword()."""
    n = k * CANDIDATES_PER_K
    if query_vector is None:
        query_vector = resources.embedder.embed([question])[0]
    kw_index = resources.keyword()
    windows = [filters] + [w for w in [recent_window(filters)] if w is not None]
    dense_lists, kw_lists = [], []
    for f in windows:
        dense_lists.append(dense_search(resources.store, query_vector, n, f))
        kw_lists.append(kw_index.search(question, n, f))
    by_id = {c.id: c for lst in dense_lists for c, _ in lst}
    missing = list(dict.fromkeys(cid for lst in kw_lists for cid, _ in lst if cid not in by_id))
    if missing:
        by_id |= resources.store.get_chunks(missing)
    keyword_hits = [[(by_id[cid], s) for cid, s in lst if cid in by_id] for lst in kw_lists]
    extra = dense_lists[1:] + keyword_hits[1:]
    return fuse(dense_lists[0], keyword_hits[0], filters.as_of, k, per_article, extra,
                filters.recency_half_life_days)

