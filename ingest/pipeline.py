"""The ingest pipeline: read -> clean -> dedupe -> chunk -> embed -> store, in batches.

Streams: articles flow through in batches of `BATCH` so memory stays flat however large
the archive. Per batch, unchanged articles are skipped by content hash before anything is
chunked or embedded (a re-run costs reading and hashing only, and never loads the
model), duplicates are linked, and the rest are embedded together (one length-sorted
pass, on a worker thread overlapped with the next batch's reading, see `_Pipeline`) and
written in input order: chunks first, stale chunks deleted, article records last (the
commit marker, see `qa.store`). What is committed is also staged in the keyword index
(`qa.keyword`), committed there by `_Writer.finish`, so an ingest costs what it writes,
not what the archive holds. The run holds the keyword index's writer lock from start to
end: a second ingest into the same data folder waits `writer_wait_s`, then stops with a
clear message before writing anything. Killing the process at any point leaves an archive
that answers questions, and running the same command again completes it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ingest.articles import build_article, content_hash, is_url, text_hash, url_id
from ingest.chunk import chunk_article, embedding_text
from ingest.dedupe import DuplicateFinder, decode, encode, signature
from ingest.readers import RawRecord, iter_files, read_file
from ingest.readers.files import bytes_read
from qa.embeddings import Embedder, expected_embedder_name, load_embedder, model_for
from qa.errors import DiskFullError, is_disk_full, low_disk_space
from qa.keyword import open_index, rebuild
from qa.settings import Settings
from qa.store import ArticleRecord, Store
from qa.types import Article, Chunk, Note, Rejection

if TYPE_CHECKING:
    from ingest.webstate import WebState

BATCH = 256


@dataclass
class IngestReport:
    files: int = 0
    urls: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # read, but worth a look (guessed encodings)
    chunks_written: int = 0
    dated: int = 0  # articles read that carry a publication date
    joined: int = 0  # feed teasers replaced by their full page read in the same run
    reused_vectors: int = 0  # chunk vectors taken from a newsqa export instead of the model
    seconds: float = 0.0

    @property
    def articles_read(self) -> int:
        return self.added + self.updated + self.unchanged + self.duplicates

    @property
    def exit_code(self) -> int:
        return 3 if self.rejected else 0

    def to_dict(self) -> dict[str, object]:
        return {
            "files": self.files, "urls": self.urls, "added": self.added, "updated": self.updated,
            "unchanged": self.unchanged, "duplicates": self.duplicates,
            "rejected": [r.to_dict() for r in self.rejected],
            "notes": [n.to_dict() for n in self.notes],
            "chunks_written": self.chunks_written, "reused_vectors": self.reused_vectors,
            "joined": self.joined,
            "dated": self.dated,
            "seconds": round(self.seconds, 2),
            "articles_per_s": round(self.articles_read / self.seconds, 1) if self.seconds else None,
        }


@dataclass(frozen=True)
class Progress:
    articles: int
    bytes_done: int
    bytes_total: int
    seconds: float


ProgressFn = Callable[[Progress], None]


def _records(paths: Iterable[Path], urls: list[str], report: IngestReport,
             writer: _Writer) -> Iterator[RawRecord | Rejection | Note]:
    for item in iter_files(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        report.files += 1
        out = 0
        for rec in read_file(item):
            out += 1
            yield rec
        if out == 0:  # never a file that gives nothing in silence
            yield Rejection(str(item), None, "no articles found in it (no records of a readable kind)")
    if urls:
        from ingest.fetch import Fetcher
        from ingest.web import read_url

        with Fetcher(writer.settings) as fetcher:
            for url in urls:
                report.urls += 1
                yield from read_url(url, fetcher, writer.web(), writer.has_page)


def _articles(paths: Iterable[Path], urls: list[str], report: IngestReport, writer: _Writer) -> Iterator[Article]:
    for rec in _records(paths, urls, report, writer):
        if isinstance(rec, Note):
            report.notes.append(rec)
            continue
        art = rec if isinstance(rec, Rejection) else build_article(rec)
        if isinstance(art, Rejection):
            report.rejected.append(art)
        else:
            yield art


@dataclass
class _Prepared:
    """One batch, ready for the model: what to store once its vectors are back."""

    records: list[ArticleRecord]
    chunks: list[Chunk]
    written_ids: list[str]
    known: dict[str, np.ndarray] = field(default_factory=dict)  # chunk id -> vector from an export


class _Pipeline:
    """Overlaps the model with everything else: batch N is embedded on a worker thread
    while this thread commits batch N-1 and reads, cleans and chunks batch N+1.

    ONNX Runtime releases the GIL while it runs, so reading and the Chroma writes proceed
    meanwhile. At most two batches are in memory, and commits stay in input order, so
    the crash-safety argument in `qa.store` is unchanged.
    """

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsqa-embed")
        self.pending: tuple[_Prepared, Future[np.ndarray]] | None = None

    def submit(self, batch: list[Article]) -> None:
        prep = self.writer.prepare(batch)
        if prep is not None:
            job = self.pool.submit(self.writer.embed, prep)
            self.drain()
            self.pending = (prep, job)

    def drain(self) -> None:
        if self.pending is not None:
            prep, job = self.pending
            self.pending = None
            self.writer.commit(prep, job.result())

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class _Writer:
    """Holds the per-run state: store, duplicate finder, embedder (loaded on first need)."""

    def __init__(self, settings: Settings, embedder: Embedder | None, report: IngestReport) -> None:
        self.report = report
        self.store = Store(settings)
        meta = self.store.meta()  # read once for the three uses below
        # Unset, the model is the archive's own, or the default for a new archive.
        settings = self.settings = model_for(settings, meta.get("embedding_model"))
        self.model_name = embedder.name if embedder else expected_embedder_name(settings)
        self.store.check_embedding_model(self.model_name, meta)
        self.store.check_chroma_version(meta)
        self.store.keep_records_log_short()  # also when this run turns out to change nothing
        self.embedder = cache(lambda: embedder or load_embedder(settings))
        self.finder = DuplicateFinder(settings.near_duplicate_threshold)
        for r in self.store.iter_records():
            if not r.duplicate_of:
                self.finder.add(r.id, r.text_hash, decode(r.minhash))
        self.seen: dict[str, int] = {}  # article id -> words, of what this run read
        self.changed = False
        self._web: WebState | None = None
        self.keyword = open_index(settings.keyword_dir)
        self.kw_writer = self.keyword.writer(settings.writer_wait_s)
        # The keyword index is extended with what this run writes when it matches the
        # archive as this run found it; otherwise `finish` rebuilds it from the store.
        # Generation 0 means nothing was ever written: every write bumps it first.
        base = self.store.generation()
        self.keyword_in_step = (self.keyword.generation() == base
                                or (base == 0 and self.keyword.size == 0))

    def web(self) -> WebState:
        """What newsqa remembers of fetched URLs and followed feeds (opened on first use)."""
        if self._web is None:
            from ingest.webstate import WebState

            self._web = WebState(self.store)
        return self._web

    def has_page(self, url: str) -> bool:
        """Whether the archive holds the article at this URL (by the id ingest gives it)."""
        aid = url_id(url)
        return bool(aid) and aid in self.store.get_records([aid])

    def _first_write(self) -> None:
        if not self.changed:
            emb = self.embedder()
            self.store.ensure_embedding_model(emb.name, emb.dim)
            self.store.bump_generation()  # the keyword index is stale from here on
            self.changed = True

    def prepare(self, batch: list[Article]) -> _Prepared | None:
        """Everything before the model: skip unchanged, link duplicates, chunk."""
        rep = self.report
        existing = self.store.get_records(list(dict.fromkeys(a.id for a in batch)))
        records: list[ArticleRecord] = []
        chunks: list[Chunk] = []
        written_ids: list[str] = []
        known: dict[str, np.ndarray] = {}
        for a in batch:
            if a.published:
                rep.dated += 1
            n_words = len(a.text.split())
            prev = self.seen.get(a.id)
            if prev is not None and n_words <= prev:
                rep.duplicates += 1
                continue
            self.seen[a.id] = n_words
            if prev is not None:
                # A fuller copy of an article this run read before under the same id (a
                # feed's teaser, then the page it links to, in one input): it replaces
                # the teaser, counted once.
                rep.joined += 1
                self.finder.forget(a.id)
                if a.id in written_ids:  # the teaser is in this batch: it is not written
                    i = written_ids.index(a.id)
                    del written_ids[i], records[i]
                    chunks[:] = [c for c in chunks if c.article_id != a.id]
                    known = {k: v for k, v in known.items() if not k.startswith(a.id + ":")}
            chash = content_hash(a)
            old = existing.get(a.id)
            if old and old.content_hash == chash and prev is None:
                rep.unchanged += 1
                continue
            thash, sig = text_hash(a.text), signature(a.text)
            dup_of = self.finder.find(a.id, thash, sig)
            if dup_of:
                rep.duplicates += 1
                if old and not old.duplicate_of:
                    self.finder.forget(a.id)
                art_chunks: list[Chunk] = []
            else:
                self.finder.add(a.id, thash, sig)
                art_chunks = chunk_article(a, self.settings.chunk_tokens)
                if a.vectors and a.vector_model == self.model_name:
                    given = {(st, en): v for st, en, v in a.vectors}
                    known.update((c.id, given[(c.start, c.start + len(c.text))]) for c in art_chunks
                                 if (c.start, c.start + len(c.text)) in given)
                if prev is not None:
                    pass  # counted when its teaser was read
                elif old:
                    rep.updated += 1
                else:
                    rep.added += 1
            chunks.extend(art_chunks)
            written_ids.append(a.id)
            records.append(ArticleRecord(
                id=a.id, content_hash=chash, text_hash=thash, minhash=encode(sig),
                n_chunks=len(art_chunks), duplicate_of=dup_of or "", title=a.title, url=a.url,
                source=a.source, published=a.published, origin=a.origin, authors=a.authors, date_from=a.date_from,
                text=a.text))
        if not records:
            return None
        self._first_write()
        return _Prepared(records, chunks, written_ids, known)

    def embed(self, prep: _Prepared) -> np.ndarray:
        """The chunks' vectors: those an export carried as they are, the rest from the model."""
        if not prep.known:
            return self.embedder().embed([embedding_text(c) for c in prep.chunks])
        todo = [c for c in prep.chunks if c.id not in prep.known]
        vectors = dict(prep.known)
        if todo:
            vectors.update(zip((c.id for c in todo), self.embedder().embed([embedding_text(c) for c in todo]),
                               strict=True))
        self.report.reused_vectors += len(prep.known)
        return np.stack([vectors[c.id] for c in prep.chunks])

    def commit(self, prep: _Prepared, vectors: np.ndarray) -> None:
        """Chunks first, stale chunks deleted, article records last (the commit marker)."""
        if prep.chunks:
            self.store.put_chunks(prep.chunks, vectors)
            self.report.chunks_written += len(prep.chunks)
        keep = {c.id for c in prep.chunks}
        stale = [cid for cid in self.store.chunk_ids_of(prep.written_ids) if cid not in keep]
        self.store.delete_chunks(stale)
        self.store.put_records(prep.records)
        if self.keyword_in_step:
            self.kw_writer.delete_articles(prep.written_ids)  # their older chunks
            self.kw_writer.add(prep.chunks)

    def finish(self) -> None:
        """Commit the keyword index with the archive's new generation: this run's chunks
        when the index matched the archive as this run found it; otherwise (never built,
        or stale after an interrupted run) everything again from the store."""
        gen = self.store.generation()
        if self.changed:
            gen = self.store.bump_generation()
        if self.changed and self.keyword_in_step:
            self.kw_writer.commit(gen)
            self.keyword.index.reload()
        elif self.changed or self.keyword.generation() != gen:
            rebuild(self.keyword, self.kw_writer, self.store.iter_chunks(), gen)
        self.kw_writer.close()
        if self._web is not None:
            self._web.commit()  # fetch validators, now that what they cover is stored

    def abort(self) -> None:
        """Release the keyword index's lock without committing (the run failed)."""
        self.kw_writer.abort()


def run(paths: Iterable[Path | str], settings: Settings, *, embedder: Embedder | None = None,
        on_progress: ProgressFn | None = None) -> IngestReport:
    """Ingest files and folders into the archive; safe to re-run and to interrupt."""
    targets = [str(p) if isinstance(p, str) and is_url(p) else Path(p) for p in paths]
    urls = [t for t in targets if isinstance(t, str)]
    paths = [t for t in targets if isinstance(t, Path)]
    report = IngestReport()
    t0 = time.perf_counter()
    total = sum(f.stat().st_size for f in iter_files(paths) if isinstance(f, Path))
    base = bytes_read()
    writer = _Writer(settings, embedder, report)
    pipe = _Pipeline(writer)
    batch: list[Article] = []
    seen = 0
    try:
        for art in _articles(paths, urls, report, writer):
            batch.append(art)
            seen += 1
            if len(batch) >= BATCH:
                pipe.submit(batch)
                batch = []
                if on_progress:
                    on_progress(Progress(seen, bytes_read() - base, total, time.perf_counter() - t0))
        if batch:
            pipe.submit(batch)
        pipe.drain()
        writer.finish()
    except BaseException as exc:
        writer.abort()
        if not isinstance(exc, Exception):
            raise
        # Chroma does not always say why a write failed ("Error in compaction"): when the
        # embedded store's disk is nearly out of space, that is the reason worth telling.
        if is_disk_full(exc) or (not settings.chroma_url and low_disk_space(settings.data_dir)):
            where = settings.chroma_url or str(settings.data_dir)
            raise DiskFullError(
                f"The disk holding the archive ({where}) is full after {report.added + report.updated} "
                "articles were stored. What was stored before is intact: free some space, then run "
                "the same command again to complete the ingest."
            ) from exc
        raise
    finally:
        pipe.close()
    report.seconds = time.perf_counter() - t0
    if on_progress:
        on_progress(Progress(seen, total, total, report.seconds))
    return report
