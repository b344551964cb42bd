"""The keyword (BM25) side of hybrid search: segments, updated by each ingest.

Why segments: a single index rebuilt from Chroma at the end of every ingest cost time and
memory in proportion to the whole archive (6.4 min and 10.8 GB peak at 2.7M chunks), even
to add ten articles. Instead, each ingest indexes only what it writes, as a new immutable
segment, and marks the older copies of the articles it rewrote as deleted. Reading and
indexing stream: a segment holds at most `SEGMENT_DOCS` chunks, so memory is flat however
big the archive. Small segments are merged (postings only, no re-tokenizing) once there
are more than `MAX_SMALL` of them.

Scoring is exactly bm25s's (Lucene BM25, k1=1.5, b=0.75, English stop words, Snowball
stems; tested against ``bm25s.BM25().index``): the collection statistics (number of live
chunks, their mean length, each term's document frequency among live chunks) are summed
over the segments at query time, so the split into segments and the deleted entries
change nothing in the scores.

Layout under ``<data_dir>/keyword``: ``CURRENT`` names the live manifest
(``m-<generation>-<tag>.json``), which lists segment folders (``s-<tag>/``) and, per
segment, the file of its deleted-entries mask. Files are never changed once written; a
new manifest is switched in by an atomic rename of ``CURRENT``, so a reader never sees a
half-written index, and files no manifest uses are removed an hour later. The manifest
carries the store's generation counter; a reader that finds it stale (an ingest was
interrupted, or ran elsewhere against the same Chroma server) rebuilds the index from
Chroma, which stays the only source of truth.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from qa.types import Chunk

if TYPE_CHECKING:
    from qa.retrieve import Filters

K1, B = 1.5, 0.75  # bm25s's defaults
SEGMENT_DOCS = 250_000  # chunks per segment: bounds the build's memory (~0.4 GB)
MAX_SMALL = 4  # more small segments than this are merged into one
FORMAT = 2
GRACE_SECONDS = 3600  # unreferenced files younger than this may belong to a running ingest
_ARRAYS = ("ids", "article", "days", "source_of", "doc_len", "indptr", "docs", "tf")  # a segment's .npy files

_LOCK = threading.Lock()
_CACHE: dict[str, tuple[int, KeywordIndex]] = {}


def _quiet() -> None:
    import logging

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import


def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str], return_ids: bool = True):  # type: ignore[no-untyped-def]
    import bm25s

    _quiet()
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False,
                          return_ids=return_ids)


def article_key(article_id: str) -> int:
    """A 64-bit key per article, to find an article's chunks in a segment without a
    dictionary of every chunk id."""
    return int.from_bytes(hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest(), "little")


def _keys(article_ids: Iterable[str]) -> np.ndarray:
    return np.fromiter((article_key(a) for a in article_ids), dtype=np.uint64)


@dataclass(eq=False)  # compared by identity: the fields are arrays
class Segment:
    """Chunks indexed together: postings by term (CSC), per-chunk fields, deleted mask."""

    ids: np.ndarray  # bytes (utf-8 chunk ids)
    article: np.ndarray  # uint64 article_key of each chunk
    days: np.ndarray  # int32, -1 when undated
    source_of: np.ndarray  # int32 index into source_names
    source_names: list[str]
    doc_len: np.ndarray  # float32 tokens per chunk
    vocab: dict[str, int]
    indptr: np.ndarray  # int64, per term
    docs: np.ndarray  # int32, chunk number within the segment, ascending per term
    tf: np.ndarray  # uint16
    dead: np.ndarray | None = None  # bool per chunk, None when nothing is deleted
    name: str = field(default_factory=lambda: f"s-{uuid.uuid4().hex[:12]}")
    dead_file: str | None = None

    @property
    def size(self) -> int:
        return len(self.ids)

    @cached_property
    def live(self) -> int:
        return self.size - (int(self.dead.sum()) if self.dead is not None else 0)

    @cached_property
    def live_len(self) -> float:
        return float(self.doc_len.sum() if self.dead is None else self.doc_len[~self.dead].sum())

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Live chunks holding the term, and how often."""
        t = self.vocab.get(term)
        if t is None:
            return np.empty(0, np.int32), np.empty(0, np.uint16)
        docs, tf = self.docs[self.indptr[t] : self.indptr[t + 1]], self.tf[self.indptr[t] : self.indptr[t + 1]]
        if self.dead is not None:
            keep = ~self.dead[docs]
            docs, tf = docs[keep], tf[keep]
        return docs, tf

    def save(self, folder: Path) -> None:
        tmp = folder.with_name(f".{folder.name}.tmp")
        tmp.mkdir(parents=True)
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", getattr(self, name))
        terms = sorted(self.vocab, key=self.vocab.__getitem__)
        (tmp / "meta.json").write_text(json.dumps({"terms": terms, "sources": self.source_names}),
                                       encoding="utf-8")
        os.replace(tmp, folder)

    def persisted(self, root: Path) -> Segment:
        """This segment written under `root` (not yet named by any manifest) and read
        back memory-mapped, so its arrays leave the process's memory."""
        root.mkdir(parents=True, exist_ok=True)
        self.save(root / self.name)
        return Segment.load(root / self.name, None)

    @classmethod
    def load(cls, folder: Path, dead_file: Path | None) -> Segment:
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        dead = np.load(dead_file) if dead_file else None
        return cls(**arrays, source_names=meta["sources"],
                   vocab={t: i for i, t in enumerate(meta["terms"])}, dead=dead, name=folder.name,
                   dead_file=dead_file.name if dead_file else None)


@dataclass
class _Page:
    """Postings sorted by (term, chunk): 10 bytes each."""

    term: np.ndarray  # int32 term id (in the segment being built)
    doc: np.ndarray  # int32 chunk number (in the segment being built)
    tf: np.ndarray  # uint16


def _csc(pages: list[_Page], n_terms: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Postings by term, chunks ascending, filled page by page (pages in chunk order, so
    each page's run of a term goes after the previous pages' runs). Linear time; each
    page is freed once placed, so the peak is the postings once plus the output."""
    df = np.zeros(n_terms, dtype=np.int64)
    for p in pages:
        df += np.bincount(p.term, minlength=n_terms)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    docs = np.empty(int(indptr[-1]), dtype=np.int32)
    tf = np.empty(int(indptr[-1]), dtype=np.uint16)
    filled = indptr[:-1].copy()  # next free slot of each term
    while pages:
        p = pages.pop(0)
        counts = np.bincount(p.term, minlength=n_terms)
        run_start = np.cumsum(counts) - counts  # where each term's run starts in this page
        pos = filled[p.term] + (np.arange(len(p.term)) - run_start[p.term])
        docs[pos] = p.doc
        tf[pos] = p.tf
        filled += counts
    return indptr, docs, tf


class SegmentBuilder:
    """Indexes chunks as they come, page by page, keeping postings and never the texts."""

    def __init__(self, page: int = 5_000) -> None:
        self.page = page
        self.vocab: dict[str, int] = {}
        self.pages: list[_Page] = []
        self.ids: list[str] = []
        self.article: list[str] = []
        self.days: list[int] = []
        self.sources: dict[str, int] = {}
        self.source_of: list[int] = []
        self.lens: list[np.ndarray] = []
        self.pending: list[Chunk] = []

    def __len__(self) -> int:
        return len(self.ids)

    def add(self, chunks: Iterable[Chunk]) -> None:
        from qa.store import day_number

        for c in chunks:
            self.ids.append(c.id)
            self.article.append(c.article_id)
            self.days.append(day_number(c.published))
            self.source_of.append(self.sources.setdefault(c.source, len(self.sources)))
            self.pending.append(c)
            if len(self.pending) >= self.page:
                self._flush()

    def _flush(self) -> None:
        if not self.pending:
            return
        toks = tokenize([f"{c.title}\n{c.text}" for c in self.pending], return_ids=False)
        flat = np.fromiter((self.vocab.setdefault(t, len(self.vocab)) for d in toks for t in d), dtype=np.int64)
        n_tok = np.fromiter((len(d) for d in toks), dtype=np.int64, count=len(toks))
        first = len(self.ids) - len(self.pending)
        doc_of = np.repeat(np.arange(first, first + len(toks), dtype=np.int64), n_tok)
        keys, counts = np.unique((flat << 32) | doc_of, return_counts=True)  # by (term, chunk)
        self.pages.append(_Page((keys >> 32).astype(np.int32), (keys & 0xFFFFFFFF).astype(np.int32),
                                np.minimum(counts, 65535).astype(np.uint16)))
        self.lens.append(n_tok.astype(np.float32))
        self.pending.clear()

    def build(self) -> Segment | None:
        self._flush()
        if not self.ids:
            return None
        indptr, docs, tf = _csc(self.pages, len(self.vocab))
        width = max(len(i.encode("utf-8")) for i in self.ids)
        return Segment(
            ids=np.array([i.encode("utf-8") for i in self.ids], dtype=f"S{width}"),
            article=_keys(self.article), days=np.asarray(self.days, dtype=np.int32),
            source_of=np.asarray(self.source_of, dtype=np.int32), source_names=list(self.sources),
            doc_len=np.concatenate(self.lens), vocab=self.vocab, indptr=indptr, docs=docs, tf=tf)


def build_segments(chunks: Iterable[Chunk], root: Path | None = None, segment_docs: int = SEGMENT_DOCS,
                   page: int = 5_000) -> list[Segment]:
    """Index a stream of chunks as segments of at most `segment_docs` chunks. With a
    `root`, each segment is written there as soon as it is complete and kept
    memory-mapped, so building holds one segment's postings at a time."""
    out: list[Segment] = []
    builder = SegmentBuilder(page)

    def done() -> None:
        seg = builder.build()
        if seg is not None:
            out.append(seg.persisted(root) if root else seg)

    for c in chunks:
        builder.add([c])
        if len(builder) >= segment_docs:
            done()
            builder = SegmentBuilder(page)
    done()
    return out


def merge(segments: Sequence[Segment]) -> Segment | None:
    """One segment holding the live chunks of these, from their postings alone."""
    vocab: dict[str, int] = {}
    names: dict[str, int] = {}
    pages: list[_Page] = []
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("ids", "article", "days", "source_of", "doc_len")}
    base = 0
    for s in segments:
        live = np.ones(s.size, dtype=bool) if s.dead is None else ~s.dead
        new_doc = np.cumsum(live) - 1 + base  # the chunk's number in the merged segment
        to_term = np.fromiter((vocab.setdefault(t, len(vocab)) for t in sorted(s.vocab, key=s.vocab.__getitem__)),
                              dtype=np.int64, count=len(s.vocab))
        term = np.repeat(to_term, np.diff(s.indptr))
        keep = live[s.docs]
        term, doc = term[keep].astype(np.int32), new_doc[s.docs[keep]].astype(np.int32)
        order = np.lexsort((doc, term))  # by the merged segment's term ids, then chunk
        pages.append(_Page(term[order], doc[order], np.asarray(s.tf)[keep][order]))
        src = np.fromiter((names.setdefault(n, len(names)) for n in s.source_names), dtype=np.int32,
                          count=len(s.source_names))
        for k in parts:
            col = np.asarray(getattr(s, k))[live]
            parts[k].append(src[col] if k == "source_of" else col)
        base += int(live.sum())
    if base == 0:
        return None
    indptr, docs, tf = _csc(pages, len(vocab))
    width = max(p.dtype.itemsize for p in parts["ids"])
    return Segment(ids=np.concatenate([p.astype(f"S{width}") for p in parts["ids"]]),
                   article=np.concatenate(parts["article"]), days=np.concatenate(parts["days"]),
                   source_of=np.concatenate(parts["source_of"]), source_names=list(names),
                   doc_len=np.concatenate(parts["doc_len"]), vocab=vocab, indptr=indptr, docs=docs, tf=tf)


@dataclass
class KeywordIndex:
    segments: list[Segment]

    @classmethod
    def build(cls, chunks: Iterable[Chunk], root: Path | None = None, segment_docs: int = SEGMENT_DOCS,
              page: int = 5_000) -> KeywordIndex:
        """A fresh index of every chunk (the fallback when the saved one is stale); see
        `build_segments` for `root`."""
        return cls(build_segments(chunks, root, segment_docs, page))

    @property
    def size(self) -> int:
        """Live chunks indexed."""
        return sum(s.live for s in self.segments)

    def updated(self, new: Sequence[Segment], rewritten_articles: Iterable[str]) -> KeywordIndex:
        """This index with `new` segments added and the older chunks of the articles they
        rewrote (or that became duplicates) marked deleted; small segments merged."""
        keys = _keys(rewritten_articles)
        segs = []
        for s in self.segments:
            hit = np.isin(s.article, keys) if len(keys) else np.zeros(s.size, dtype=bool)
            if hit.any():
                dead = hit if s.dead is None else (s.dead | hit)
                s = replace(s, dead=dead, dead_file=None)
            if s.live:
                segs.append(s)
        return KeywordIndex(_compact(segs + list(new)))

    def _postings(self, terms: Iterable[str]) -> list[dict[str, tuple[np.ndarray, np.ndarray]]]:
        return [{t: s.postings(t) for t in set(terms)} for s in self.segments]

    def _stats(self, posts: list[dict[str, tuple[np.ndarray, np.ndarray]]]) -> tuple[int, float, dict[str, int]]:
        """Live chunks, their mean length, and each term's live document frequency."""
        n = self.size
        avgdl = sum(s.live_len for s in self.segments) / max(n, 1)
        df: dict[str, int] = {}
        for p in posts:
            for t, (docs, _) in p.items():
                df[t] = df.get(t, 0) + len(docs)
        return n, avgdl, df

    def scores(self, terms: Sequence[str]) -> list[np.ndarray]:
        """BM25 score of every chunk of every segment (0 for deleted ones), for query
        stems `terms` (a repeated stem counts again, as in bm25s)."""
        posts = self._postings(terms)
        n, avgdl, df = self._stats(posts)
        out = []
        for s, p in zip(self.segments, posts, strict=True):
            sc = np.zeros(s.size, dtype=np.float32)
            for t in terms:
                docs, tf = p[t]
                if len(docs):
                    idf = np.log1p((n - df[t] + 0.5) / (df[t] + 0.5))
                    tf32 = tf.astype(np.float32)
                    norm = K1 * ((1 - B) + B * np.asarray(s.doc_len)[docs] / avgdl)
                    sc[docs] += (idf * tf32 / (norm + tf32)).astype(np.float32)
            out.append(sc)
        return out

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """The k best chunks for the query among those the filters allow."""
        qtok = tokenize([query], return_ids=False)
        terms = [t for t in (qtok[0] if qtok else []) if any(t in s.vocab for s in self.segments)]
        if not terms:
            return []
        found: list[tuple[float, str]] = []
        for s, sc in zip(self.segments, self.scores(terms), strict=True):
            cand = np.flatnonzero(sc)
            if filters is not None:
                mask = filters.keyword_mask(np.asarray(s.days)[cand], np.asarray(s.source_of)[cand],
                                            s.source_names)
                if mask is not None:
                    cand = cand[mask]
            if len(cand) > k:
                cand = cand[np.argpartition(-sc[cand], k - 1)[:k]]
            found.extend((float(sc[d]), s.ids[d].decode("utf-8")) for d in cand)
        found.sort(key=lambda x: (-x[0], x[1]))
        return [(cid, score) for score, cid in found[:k]]

    def idf(self, words: list[str]) -> dict[str, float]:
        """Corpus IDF of each word (by its stem), from live document frequencies.

        Words the archive never uses get a middling weight (1.0): they are mostly the
        question's own phrasing ("happen", "named"), which no sentence is expected to echo.
        """
        from qa.lexical import stem

        st = _stemmer()
        raw = {w: st.stemWord(w.lower()) for w in words}
        n, _, df = self._stats(self._postings(raw.values()))
        return {stem(w): float(np.log(1 + (n - df[r] + 0.5) / (df[r] + 0.5))) if df[r] else 1.0
                for w, r in raw.items()}

    def save(self, root: Path, generation: int) -> None:
        """Write new segments and masks, then switch `CURRENT` to a manifest naming them."""
        root.mkdir(parents=True, exist_ok=True)
        entries = []
        for s in self.segments:
            if not (root / s.name).exists():
                s.save(root / s.name)
            if s.dead is not None and s.dead_file is None:
                s.dead_file = f"dead-{uuid.uuid4().hex[:12]}.npy"
                _write_atomic(root / s.dead_file, lambda f, dead=s.dead: np.save(f, dead))
            entries.append({"name": s.name, "dead": s.dead_file})
        manifest = f"m-{generation}-{uuid.uuid4().hex[:12]}.json"
        body = json.dumps({"format": FORMAT, "generation": generation, "segments": entries}).encode()
        _write_atomic(root / manifest, lambda f: f.write(body))
        _write_atomic(root / "CURRENT", lambda f: f.write(manifest.encode()))
        _collect_garbage(root, {manifest} | {e["name"] for e in entries} | {e["dead"] for e in entries})

    @classmethod
    def load(cls, root: Path) -> tuple[int, KeywordIndex] | None:
        """The saved index and its generation; None when missing, damaged or of an older format."""
        for _ in range(3):  # a writer may switch CURRENT and remove old files meanwhile
            try:
                info = json.loads((root / (root / "CURRENT").read_text(encoding="utf-8").strip())
                                  .read_text(encoding="utf-8"))
                if info.get("format") != FORMAT:
                    return None
                segs = [Segment.load(root / e["name"], root / e["dead"] if e["dead"] else None)
                        for e in info["segments"]]
                return int(info["generation"]), cls(segs)
            except FileNotFoundError:
                continue
            except (OSError, ValueError, KeyError, TypeError):
                return None
        return None


def _write_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file under a temporary name, then rename it into place: a reader sees the
    old file or the whole new one."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    with open(tmp, "wb") as f:
        write(f)
    os.replace(tmp, path)


def _compact(segments: list[Segment]) -> list[Segment]:
    """Merge the small segments (under half of `SEGMENT_DOCS` live chunks) once there are
    more than `MAX_SMALL`, so a long run of small ingests does not slow queries down."""
    small = [s for s in segments if s.live < SEGMENT_DOCS // 2]
    if len(small) <= MAX_SMALL:
        return segments
    merged = merge(small)
    return [s for s in segments if s not in small] + ([merged] if merged else [])


def _collect_garbage(root: Path, keep: set[str | None]) -> None:
    """Remove files no manifest needs. Young ones are left: they may be a running
    ingest's segment, not named by any manifest yet. A reader that still holds a removed
    file keeps its open copy (memory-mapped files outlive their names)."""
    now = time.time()
    for p in root.iterdir():
        if p.name == "CURRENT" or p.name in keep:
            continue
        try:
            old = now - p.stat().st_mtime > GRACE_SECONDS
            stale_format = p.is_dir() and not p.name.startswith(("s-", ".s-"))  # the format-1 folders
            if old or stale_format:
                shutil.rmtree(p) if p.is_dir() else p.unlink()
        except OSError:
            pass


def keyword_index(store, root: Path) -> KeywordIndex:  # type: ignore[no-untyped-def]
    """The index matching the store's current generation: cached, loaded, or rebuilt."""
    gen = store.generation()
    key = str(root)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached and cached[0] == gen:
            return cached[1]
        loaded = KeywordIndex.load(root)
        if loaded and loaded[0] == gen:
            index = loaded[1]
        else:
            try:
                index = KeywordIndex.build(store.iter_chunks(), root)
                index.save(root, gen)
            except OSError:  # read-only data dir: keep it in memory only
                index = KeywordIndex.build(store.iter_chunks())
        _CACHE[key] = (gen, index)
        return index
