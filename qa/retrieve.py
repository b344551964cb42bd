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
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from qa.store import NO_DAY, day_number
from qa.types import Chunk, Hit

RRF_K = 60
RECENCY_HALF_LIFE_DAYS = 30.0
CANDIDATES_PER_K = 5


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    as_of: date | None = None
    sources: tuple[str, ...] = ()

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

    def keyword_mask(self, days: np.ndarray, sources: list[str]) -> np.ndarray | None:
        if not (self.since or self.latest_allowed() or self.sources):
            return None
        mask = np.ones(len(days), dtype=bool)
        if self.since:
            mask &= days >= day_number(self.since)
        if self.latest_allowed():
            mask &= days <= day_number(self.latest_allowed())
        if self.sources:
            allowed = set(self.sources)
            mask &= np.fromiter((s in allowed for s in sources), dtype=bool, count=len(sources))
        return mask


def recency_weight(chunk: Chunk, as_of: date | None) -> float:
    if as_of is None:
        return 1.0
    if chunk.published is None:
        return 0.5
    age = max(0, (as_of - chunk.published).days)
    return 0.5 + 0.5 * math.exp(-age * math.log(2) / RECENCY_HALF_LIFE_DAYS)


def fuse(dense: list[tuple[Chunk, float]], keyword: list[tuple[Chunk, float]],
         as_of: date | None, k: int, per_article: int) -> list[Hit]:
    """Reciprocal rank fusion, recency boost, per-article cap; best first."""
    chunks: dict[str, Chunk] = {}
    score: dict[str, float] = {}
    dense_rank: dict[str, int] = {}
    kw_rank: dict[str, int] = {}
    for ranks, results in ((dense_rank, dense), (kw_rank, keyword)):
        for r, (c, _) in enumerate(results, start=1):
            chunks[c.id] = c
            ranks[c.id] = r
            score[c.id] = score.get(c.id, 0.0) + 1.0 / (RRF_K + r)
    for cid in score:
        score[cid] *= recency_weight(chunks[cid], as_of)
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


def retrieve(question: str, resources: Any, filters: Filters, k: int,
             per_article: int = 2, query_vector: np.ndarray | None = None) -> list[Hit]:
    """Top-k chunks for the question. `resources` has .store, .embedder, .keyword()."""
    n = k * CANDIDATES_PER_K
    if query_vector is None:
        query_vector = resources.embedder.embed([question])[0]
    dense = resources.store.query(query_vector, n, filters.chroma_where())
    kw_index = resources.keyword()
    kw = kw_index.search(question, n, filters.keyword_mask(kw_index.days, kw_index.sources))
    missing = [cid for cid, _ in kw if cid not in {c.id for c, _ in dense}]
    fetched = resources.store.get_chunks(missing) if missing else {}
    by_id = {c.id: c for c, _ in dense} | fetched
    keyword_hits = [(by_id[cid], s) for cid, s in kw if cid in by_id]
    return fuse(dense, keyword_hits, filters.as_of, k, per_article)


__all__ = ["Filters", "retrieve", "fuse", "recency_weight", "NO_DAY"]
