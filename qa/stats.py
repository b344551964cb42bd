"""What is in the archive: counts, sources, date range, the embedding model."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from qa.settings import Settings
from qa.store import Store


@dataclass(frozen=True)
class ArchiveStats:
    articles: int
    duplicates: int
    chunks: int
    sources: int
    first_date: date | None
    last_date: date | None
    undated: int
    embedding_model: str | None
    top_sources: list[tuple[str, int]] = field(default_factory=list)
    per_month: dict[str, int] = field(default_factory=dict)
    # How the dates were found: metadata, url, dateline, capture (and "unrecorded" for
    # articles stored before newsqa kept it).
    dated_from: dict[str, int] = field(default_factory=dict)

    @classmethod
    def nothing(cls) -> ArchiveStats:
        """What an archive folder that does not exist yet holds."""
        return cls(articles=0, duplicates=0, chunks=0, sources=0, first_date=None, last_date=None, undated=0,
                   embedding_model=None)

    def to_dict(self) -> dict[str, object]:
        return {
            "articles": self.articles, "duplicates": self.duplicates, "chunks": self.chunks,
            "sources": self.sources,
            "first_date": self.first_date.isoformat() if self.first_date else None,
            "last_date": self.last_date.isoformat() if self.last_date else None,
            "undated": self.undated, "embedding_model": self.embedding_model,
            "top_sources": [{"source": s, "articles": n} for s, n in self.top_sources],
            "per_month": self.per_month, "dated_from": self.dated_from,
        }


def archive_stats(settings: Settings, store: Store | None = None) -> ArchiveStats:
    store = store or Store(settings, create=False)
    sources: Counter[str] = Counter()
    months: Counter[str] = Counter()
    dated_from: Counter[str] = Counter()
    dates: list[date] = []
    articles = duplicates = undated = 0
    for r in store.iter_records():
        if r.duplicate_of:
            duplicates += 1
            continue
        articles += 1
        sources[r.source] += 1
        if r.published:
            dated_from[r.date_from or "unrecorded"] += 1
            dates.append(r.published)
            months[r.published.strftime("%Y-%m")] += 1
        else:
            undated += 1
    return ArchiveStats(
        articles=articles, duplicates=duplicates, chunks=store.chunks.count(),
        sources=len(sources), first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None, undated=undated,
        embedding_model=store.meta().get("embedding_model"),
        top_sources=sources.most_common(20), per_month=dict(sorted(months.items())),
        dated_from=dict(dated_from.most_common()),
    )
