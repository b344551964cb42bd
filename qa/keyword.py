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
    def build(cls, chunks: Iterable[Chunk]) -> KeywordIndex:
        import bm25s

        from qa.store import day_number

        ids, days, sources, texts = [], [], [], []
        for c in chunks:
            ids.append(c.id)
            days.append(day_number(c.published))
            sources.append(c.source)
            texts.append(f"{c.title}\n{c.text}")
        retriever = bm25s.BM25()
        if texts:
            retriever.index(tokenize(texts), show_progress=False)
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
                retriever = bm25s.BM25.load(str(folder), show_progress=False, mmap=False)
            else:
                retriever = bm25s.BM25()
        except (OSError, ValueError, KeyError):
            return None
        return int(info["generation"]), cls(info["ids"], days, info["sources"], retriever)


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
