"""Take articles out of the archive: their chunks, keyword entries and records.

A delete is a write like an ingest: it holds the keyword index's writer lock for the
whole run (so it never interleaves with an ingest into the same folder), bumps the
store's generation before it touches anything, deletes record and chunks article by
article, and commits the keyword index with the new generation at the end. An
interruption leaves a stale keyword index (rebuilt from Chroma on next use) and articles
either whole or gone. Duplicates linked to a deleted article go with it: they have no
chunks of their own, so they could never be cited again anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from qa.archive import ArticleRow, matches, row
from qa.keyword import open_index, rebuild
from qa.settings import Settings
from qa.store import Store


@dataclass
class DeleteReport:
    removed: list[ArticleRow] = field(default_factory=list)
    chunks: int = 0
    missing: list[str] = field(default_factory=list)  # ids asked for that are not stored

    def to_dict(self) -> dict[str, object]:
        return {"removed": [r.to_dict() for r in self.removed], "chunks": self.chunks,
                "missing": self.missing}


def select(store: Store, ids: Iterable[str] = (), sources: tuple[str, ...] = (),
           until: date | None = None) -> tuple[list[ArticleRow], list[str]]:
    """The articles a delete would remove (with their duplicates), and ids not found."""
    ids = list(dict.fromkeys(ids))
    if sources:
        from qa.sources import list_sources, resolve

        sources = resolve(sources, list_sources(store))
    found = store.get_records(ids) if ids else {}
    chosen = {r.id: r for r in found.values()}
    if sources or until:
        for r in store.iter_records():
            if matches(r, sources, None, until) and (not until or r.published is not None):
                chosen[r.id] = r
    if chosen:
        for r in store.iter_records():
            if r.duplicate_of in chosen:
                chosen.setdefault(r.id, r)
    rows = sorted((row(r) for r in chosen.values()), key=lambda x: (bool(x.duplicate_of), x.id))
    return rows, [i for i in ids if i not in found]


def delete(settings: Settings, rows: list[ArticleRow], missing: Sequence[str] = (),
           store: Store | None = None) -> DeleteReport:
    """Remove these articles (as `select` chose them) from Chroma and the keyword index.
    Chunks left of `missing` ids (a delete interrupted after the record went) go too, so
    running the same delete again completes it."""
    store = store or Store(settings)
    report = DeleteReport(missing=list(missing))
    leftovers = store.chunk_ids_of(list(missing)) if missing else []
    if not rows and not leftovers:
        return report
    index = open_index(settings.keyword_dir)
    writer = index.writer(settings.writer_wait_s)
    try:
        in_step = index.generation() == store.generation()
        store.bump_generation()  # the keyword index is stale from here on
        for s in range(0, len(rows), 256):
            part = [r.id for r in rows[s : s + 256]]
            chunk_ids = store.chunk_ids_of(part)
            store.delete_records(part)  # the commit marker first: never a record without chunks
            store.delete_chunks(chunk_ids)
            writer.delete_articles(part)
            report.chunks += len(chunk_ids)
        if leftovers:
            store.delete_chunks(leftovers)
            writer.delete_articles(missing)
            report.chunks += len(leftovers)
        gen = store.bump_generation()
        if in_step:
            writer.commit(gen)
            index.index.reload()
        else:
            rebuild(index, writer, store.iter_chunks(), gen)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    report.removed = rows
    return report
