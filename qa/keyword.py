"""The keyword (BM25) side of hybrid search, kept in step with Chroma.

Built with bm25s (English stop words, Snowball stemming) over title + chunk text, and
saved under ``<data_dir>/keyword`` stamped with the store's generation counter. Ingest
rebuilds it at the end of every run that changed something; a reader that finds it
stale (an ingest was interrupted, or ran on another machine against the same Chroma
server) rebuilds it from Chroma, which stays the only source of truth. Versions are
written to fresh folders and switched by an atomic rename of ``CURRENT``, so a reader
never sees a half-written index.

Simplification on purpose: a full rebuild rather than incremental updates; bm25s
indexes tens of thousands of chunks per second, far below the cost of embedding them.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from qa.types import Chunk

_LOCK = threading.Lock()
_CACHE: dict[str, tuple[int, KeywordIndex]] = {}


def _quiet() -> None:
    import logging

    logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets DEBUG on import


def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


def tokenize(texts: list[str]):  # type: ignore[no-untyped-def]
    import bm25s

    _quiet()
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False)


@dataclass
class KeywordIndex:
    ids: list[str]
    days: np.ndarray  # int32 per chunk, -1 when undated
    sources: list[str]
    retriever: object  # bm25s.BM25

    @classmethod
    def build(cls, chunks: Iterable[Chunk], page: int = 20_000) -> KeywordIndex:
        """Index chunks page by page: only compact postings are kept, never the texts.

        The result is exactly what ``bm25s.BM25().index(bm25s.tokenize(texts))`` builds
        (Lucene BM25, k1=1.5, b=0.75; tested), but bm25s holds every tokenized text as
        Python lists first: about 10 GB at 2.7M chunks. Here the working set is the
        postings themselves (doc, term, tf: 12 bytes each) plus one page of text.
        """
        import bm25s

        from qa.store import day_number

        _quiet()
        ids: list[str] = []
        days: list[int] = []
        sources: list[str] = []
        vocab: dict[str, int] = {}
        pages: list[_Page] = []
        lens: list[np.ndarray] = []
        page_chunks: list[Chunk] = []

        def flush() -> None:
            texts = [f"{c.title}\n{c.text}" for c in page_chunks]
            toks = bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), show_progress=False,
                                  return_ids=False)
            flat = np.fromiter((vocab.setdefault(t, len(vocab)) for doc in toks for t in doc), dtype=np.int64)
            n_tok = np.fromiter((len(doc) for doc in toks), dtype=np.int64, count=len(toks))
            first = len(ids) - len(page_chunks)
            doc_of = np.repeat(np.arange(first, first + len(toks), dtype=np.int64), n_tok)
            # Sorted by (term, doc): each term's postings in this page, documents ascending.
            keys, counts = np.unique((flat << 32) | doc_of, return_counts=True)
            pages.append(_Page((keys >> 32).astype(np.int32), (keys & 0xFFFFFFFF).astype(np.int32),
                               np.minimum(counts, 65535).astype(np.uint16)))
            lens.append(n_tok.astype(np.float32))
            page_chunks.clear()

        for c in chunks:
            ids.append(c.id)
            days.append(day_number(c.published))
            sources.append(c.source)
            page_chunks.append(c)
            if len(page_chunks) >= page:
                flush()
        if page_chunks:
            flush()
        retriever = bm25s.BM25()
        if ids:
            retriever.scores = _bm25_matrix(pages, np.concatenate(lens), len(vocab), retriever.k1, retriever.b)
            vocab.setdefault("", len(vocab))  # as bm25s does, for queries with no known word
            retriever.vocab_dict = vocab
            retriever.unique_token_ids_set = set(vocab.values())
            retriever.nonoccurrence_array = None  # Lucene BM25 has none
        return cls(ids, np.asarray(days, dtype=np.int32), sources, retriever)

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        if not self.ids:
            return []
        if mask is not None and not mask.any():
            return []
        import bm25s

        qtok = bm25s.tokenize([query], stopwords="en", stemmer=_stemmer(), show_progress=False,
                              return_ids=False)
        if not qtok or not qtok[0]:
            return []
        vocab = self.retriever.vocab_dict  # type: ignore[attr-defined]
        terms = [t for t in qtok[0] if t in vocab]
        if not terms:
            return []
        k = min(k, len(self.ids))
        docs, scores = self.retriever.retrieve(  # type: ignore[attr-defined]
            [terms], k=k, show_progress=False, n_threads=1,
            weight_mask=None if mask is None else mask.astype(np.float32))
        return [(self.ids[int(d)], float(s)) for d, s in zip(docs[0], scores[0], strict=True) if s > 0]

    def idf(self, words: list[str]) -> dict[str, float]:
        """Corpus IDF of each word (by its stem), from the index's document frequencies.

        Words the archive never uses get a middling weight (1.0): they are mostly the
        question's own phrasing ("happen", "named"), which no sentence is expected to echo.
        """
        from qa.lexical import stem

        n = max(len(self.ids), 1)
        vocab = getattr(self.retriever, "vocab_dict", None) or {}
        scores = getattr(self.retriever, "scores", None) or {}
        indptr = scores.get("indptr")
        st = _stemmer()
        out: dict[str, float] = {}
        for w in words:
            raw = st.stemWord(w.lower())
            tid = vocab.get(raw)
            if tid is None or indptr is None:
                out[stem(w)] = 1.0
                continue
            df = int(indptr[tid + 1] - indptr[tid])
            out[stem(w)] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
        return out

    def save(self, root: Path, generation: int) -> None:
        root.mkdir(parents=True, exist_ok=True)
        target = root / f"g{generation}-{os.getpid()}-{threading.get_ident()}"
        if target.exists():
            shutil.rmtree(target)
        if self.ids:
            self.retriever.save(str(target), show_progress=False)  # type: ignore[attr-defined]
        else:
            target.mkdir()
        with open(target / "chunks.json", "w", encoding="utf-8") as f:
            json.dump({"generation": generation, "ids": self.ids, "sources": self.sources}, f)
        np.save(target / "days.npy", self.days)
        tmp = root / f"CURRENT.{os.getpid()}.tmp"
        tmp.write_text(target.name, encoding="utf-8")
        os.replace(tmp, root / "CURRENT")
        for old in root.iterdir():  # older versions; a reader holding one keeps its copy in memory
            if old.is_dir() and old.name != target.name:
                shutil.rmtree(old, ignore_errors=True)

    @classmethod
    def load(cls, root: Path) -> tuple[int, KeywordIndex] | None:
        try:
            folder = root / (root / "CURRENT").read_text(encoding="utf-8").strip()
            with open(folder / "chunks.json", encoding="utf-8") as f:
                info = json.load(f)
            days = np.load(folder / "days.npy")
            import bm25s

            if info["ids"]:
                retriever = bm25s.BM25.load(str(folder), show_progress=False, mmap=True)
            else:
                retriever = bm25s.BM25()
        except (OSError, ValueError, KeyError):
            return None
        return int(info["generation"]), cls(info["ids"], days, info["sources"], retriever)


@dataclass
class _Page:
    """One page of postings, sorted by term and then document."""

    term: np.ndarray  # int32
    doc: np.ndarray  # int32, global document number
    tf: np.ndarray  # uint16


def _bm25_matrix(pages: list[_Page], doc_len: np.ndarray, n_terms: int, k1: float, b: float) -> dict:
    """bm25s's score matrix (CSC by term, Lucene IDF), filled page by page.

    Pages come in document order, so appending each page's run of a term after the
    previous pages' runs keeps documents ascending within the term, as CSC needs. Each
    page is freed once placed: the peak is the postings once plus the output.
    """
    n_docs = len(doc_len)
    df = np.zeros(n_terms, dtype=np.int64)
    for p in pages:
        df += np.bincount(p.term, minlength=n_terms)
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5)).astype(np.float32)
    norm = (k1 * ((1 - b) + b * doc_len / max(float(doc_len.mean()), 1e-9))).astype(np.float32)
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    data = np.empty(int(indptr[-1]), dtype=np.float32)
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    filled = indptr[:-1].copy()  # next free slot of each term
    while pages:
        p = pages.pop(0)
        counts = np.bincount(p.term, minlength=n_terms)
        run_start = np.cumsum(counts) - counts  # where each term's run starts in this page
        pos = filled[p.term] + (np.arange(len(p.term)) - run_start[p.term])
        tf = p.tf.astype(np.float32)
        data[pos] = idf[p.term] * tf / (norm[p.doc] + tf)
        indices[pos] = p.doc
        filled += counts
    return {"data": data, "indices": indices, "indptr": indptr, "num_docs": n_docs}


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
            index = KeywordIndex.build(store.iter_chunks())
            try:
                index.save(root, gen)
            except OSError:
                pass  # read-only data dir: keep it in memory only
        _CACHE[key] = (gen, index)
        return index
