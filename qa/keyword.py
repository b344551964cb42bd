"""The keyword (BM25) side of hybrid search: a tantivy full-text index beside Chroma.

Why tantivy: segments, deletes, merges, BM25 and atomic commits are what a Lucene-style
engine does, and tantivy (the Rust engine's official Python bindings) does them faster
and in less memory than hand-written postings. newsqa keeps only the mapping from chunks
to documents and the check that the index matches the store.

One document per chunk: ``id`` (stored), ``article`` (to delete an article's chunks),
``body`` (title and text, analyzed by `analyzer`: words split on anything not a letter
or digit, lower-cased, the project's stop words removed, English Snowball stems; term
frequencies, no positions), ``day`` (days since 1970, -1 undated) and ``source`` (for
filters). One more document, ``id = "__meta__"``, carries the store generation the index
was built for and the index format; it is replaced in the same commit as the chunks, so
an index never claims a generation whose chunks it does not hold.

Chroma stays the only source of truth. Every ingest bumps the store's generation before
its first write, adds and deletes its chunks here, and commits with the new generation
at its end. An index whose generation differs from the store's (an interrupted ingest,
a run elsewhere against the same Chroma server, a missing or older-format folder) is
rebuilt from Chroma by the next process that can take the writer lock. tantivy allows
one writer per index (an OS file lock, released if the process dies): a reader that
finds the index stale while an ingest holds the lock uses the last commit as it is,
since the ingest will bring it up to date.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qa.errors import NewsqaError
from qa.lexical import STOP
from qa.store import NO_DAY, day_number
from qa.types import Chunk

if TYPE_CHECKING:
    import tantivy

    from qa.retrieve import Filters

FORMAT = 3  # 1 and 2 were the hand-written formats; they are removed and rebuilt
META_ID = "__meta__"
ANALYZER = "news"
HOLDER = "writer.json"  # pid and command of the process holding the writer lock
WRITER_HEAP = 64_000_000  # bytes buffered before tantivy writes a segment; bounds memory
SHARE_MIN_CHUNKS = 10_000  # `share` counts out of at least this many chunks (about 600 articles)

log = logging.getLogger(__name__)


class KeywordIndexBusyError(NewsqaError):
    """Another process is writing the archive's keyword index."""


def _holder_text(path: Path | None) -> str:
    """" (pid 123: newsqa ingest ..., since ...)" from the lock holder's file, if any."""
    try:
        h = json.loads(path.read_text()) if path else None
    except (OSError, ValueError):
        return ""
    if not isinstance(h, dict):
        return ""
    return f" (pid {h.get('pid')}: {h.get('command', '?')}, since {h.get('since', '?')})"


@cache
def analyzer() -> tantivy.TextAnalyzer:
    """The one analyzer for documents and queries, so both meet on the same terms."""
    from tantivy import Filter, TextAnalyzerBuilder, Tokenizer

    return (TextAnalyzerBuilder(Tokenizer.simple()).filter(Filter.remove_long(40))
            .filter(Filter.lowercase()).filter(Filter.custom_stopword(sorted(STOP | {"s", "t"})))
            .filter(Filter.stemmer("english")).build())


@cache
def _schema() -> tantivy.Schema:
    from tantivy import SchemaBuilder

    sb = SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("article", tokenizer_name="raw", index_option="basic")
    sb.add_text_field("body", tokenizer_name=ANALYZER, index_option="freq")
    sb.add_integer_field("day", indexed=True, fast=True)
    sb.add_text_field("source", tokenizer_name="raw", index_option="basic")
    return sb.build()


def _document(c: Chunk) -> tantivy.Document:
    import tantivy

    return tantivy.Document(id=c.id, article=c.article_id, body=f"{c.title}\n{c.text}",
                            day=day_number(c.published), source=c.source)


def _meta_document(generation: int) -> tantivy.Document:
    import tantivy

    return tantivy.Document(id=META_ID, article=_META_FORMAT, day=generation)


_META_FORMAT = f"{META_ID}{FORMAT}"  # the meta document's `article`: which format wrote it


def _open(root: Path | None) -> tantivy.Index:
    """The index at `root` (created if missing; an older format is removed first), or an
    in-memory one when `root` is None."""
    import tantivy

    if root is None:
        index = tantivy.Index(_schema())
    else:
        if root.exists() and (root / "CURRENT").exists():  # the hand-written format
            shutil.rmtree(root)
        root.mkdir(parents=True, exist_ok=True)
        try:
            index = tantivy.Index(_schema(), path=str(root), reuse=True)
        except ValueError:  # another schema: a future or damaged format
            shutil.rmtree(root)
            root.mkdir(parents=True)
            index = tantivy.Index(_schema(), path=str(root), reuse=True)
    index.register_tokenizer(ANALYZER, analyzer())  # must be registered on every open
    return index


class KeywordWriter:
    """The index's single writer: adds and deletes are staged, `commit` makes them and
    the new generation visible together. Holding one is what "writing the archive's
    keyword index" means for the lock."""

    def __init__(self, index: tantivy.Index, where: str, wait_s: float = 0.0) -> None:
        self._holder = Path(where) / HOLDER if where != "memory" else None
        deadline = time.monotonic() + wait_s
        while True:
            try:
                self._w = index.writer(heap_size=WRITER_HEAP, num_threads=1)
                break
            except ValueError as exc:
                if "LockBusy" not in str(exc):
                    raise
                if time.monotonic() >= deadline:
                    raise KeywordIndexBusyError(
                        f"Another newsqa process{_holder_text(self._holder)} is writing the archive "
                        f"at {where} (waited {wait_s:.0f} s for it). Let it finish, then run this "
                        "command again."
                    ) from exc
                time.sleep(0.25)
        self._write_holder()

    def _write_holder(self) -> None:
        """Say who holds the lock (pid and command), so a second writer can name it."""
        if self._holder is None:
            return
        try:
            self._holder.write_text(json.dumps({"pid": os.getpid(), "command": " ".join(sys.argv[:4]),
                                                "since": time.strftime("%Y-%m-%d %H:%M:%S")}))
        except OSError:
            pass

    def _release_holder(self) -> None:
        if self._holder is not None:
            self._holder.unlink(missing_ok=True)

    def add(self, chunks: Iterable[Chunk]) -> None:
        for c in chunks:
            self._w.add_document(_document(c))

    def delete_articles(self, article_ids: Iterable[str]) -> None:
        for a in article_ids:
            self._w.delete_documents_by_term("article", a)

    def clear(self) -> None:
        self._w.delete_all_documents()

    def commit(self, generation: int) -> None:
        self._w.delete_documents_by_term("id", META_ID)
        self._w.add_document(_meta_document(generation))
        self._w.commit()

    def close(self) -> None:
        """Let tantivy finish merging segments, then release the lock."""
        self._w.wait_merging_threads()
        self._release_holder()

    def abort(self) -> None:
        """Drop what was staged since the last commit and release the lock (a writer that
        was already closed has nothing left to drop)."""
        try:
            self._w.rollback()
            self._w.wait_merging_threads()
        except ValueError:  # consumed by `close`
            pass
        self._release_holder()


@dataclass
class KeywordIndex:
    """A searchable view of the index (reloaded by `keyword_index` when it changes)."""

    index: tantivy.Index
    where: str = "memory"

    def writer(self, wait_s: float = 0.0) -> KeywordWriter:
        return KeywordWriter(self.index, self.where, wait_s)

    def _searcher(self) -> tantivy.Searcher:
        return self.index.searcher()

    def generation(self) -> int | None:
        """The store generation the index was committed for; None when it has never been
        committed by this format."""
        from tantivy import Occur, Query

        s = self._searcher()
        q = Query.boolean_query([(Occur.Must, Query.term_query(_schema(), "id", META_ID)),
                                 (Occur.Must, Query.term_query(_schema(), "article", _META_FORMAT))])
        hits = s.search(q, 1, count=False).hits
        return int(s.fast_field_values("day", [hits[0][1]])[0]) if hits else None  # type: ignore[arg-type]

    @property
    def size(self) -> int:
        """Chunks indexed."""
        n = self._searcher().num_docs
        return max(0, n - 1) if self.generation() is not None else n

    def search(self, query: str, k: int, filters: Filters | None = None) -> list[tuple[str, float]]:
        """The k best chunks for the query among those the filters allow, by BM25."""
        from tantivy import Occur, Query

        text = _text_query(query)
        if text is None or k <= 0:
            return []
        clauses: list[tuple[Any, Any]] = [(Occur.Must, text)]
        clauses += [(Occur.Must, Query.const_score_query(f, 0.0)) for f in _filter_queries(filters)]
        s = self._searcher()
        hits = s.search(Query.boolean_query(clauses), k, count=False).hits
        return [(s.doc(addr)["id"][0], float(score)) for score, addr in hits]

    def scores_for(self, query: str, ids: Sequence[str]) -> list[tuple[str, float]]:
        """BM25 scores of the query for these chunks only (those holding none of its
        terms are left out): for candidates another search found."""
        from tantivy import Occur, Query

        text = _text_query(query)
        if text is None or not ids:
            return []
        only = Query.const_score_query(Query.term_set_query(_schema(), "id", list(ids)), 0.0)
        s = self._searcher()
        hits = s.search(Query.boolean_query([(Occur.Must, text), (Occur.Must, only)]), len(ids), count=False).hits
        return [(s.doc(addr)["id"][0], float(score)) for score, addr in hits]

    def share(self, names: Sequence[str]) -> dict[str, float]:
        """The share of the archive's chunks that hold every word of each name (a name's
        words, as the analyzer keeps them): how common the name is in the news this
        archive holds. Counted out of at least `SHARE_MIN_CHUNKS`: in a small archive
        every name of its few stories is in many of its chunks, which says nothing of
        how common the name is. A name with no searchable word is 0.0."""
        from tantivy import Occur, Query

        s = self._searcher()
        n = max(s.num_docs, SHARE_MIN_CHUNKS)
        out: dict[str, float] = {}
        for name in names:
            terms = analyzer().analyze(name)
            if not terms:
                out[name] = 0.0
                continue
            q = Query.boolean_query([(Occur.Must, Query.term_query(_schema(), "body", t)) for t in terms])
            out[name] = s.search(q, 1, count=True).count / n
        return out

    def idf(self, words: list[str]) -> dict[str, float]:
        """Corpus IDF of each word (keyed by `qa.lexical.stem`), as BM25 weighs it.

        Words the archive never uses get a middling weight (1.0): they are mostly the
        question's own phrasing ("happen", "named"), which no sentence is expected to echo.
        """
        import math

        from qa.lexical import stem

        s = self._searcher()
        n = max(s.num_docs - 1, 1)
        out: dict[str, float] = {}
        for w in words:
            terms = analyzer().analyze(w)
            df = s.doc_freq("body", terms[0]) if terms else 0
            out[stem(w)] = math.log(1 + (n - df + 0.5) / (df + 0.5)) if df else 1.0
        return out


def _text_query(query: str) -> Any:
    """Any of the query's terms, BM25-scored; built from the analyzer's terms, never
    parsed, so that apostrophes, "U.S." or "outcome:" are words, not syntax. None when
    the query has no searchable term."""
    from tantivy import Occur, Query

    terms = analyzer().analyze(query)
    if not terms:
        return None
    return Query.boolean_query([(Occur.Should, Query.term_query(_schema(), "body", t)) for t in terms])


def _filter_queries(filters: Filters | None) -> list[Any]:
    """Date and source filters as tantivy queries (to be scored 0: they only restrict)."""
    from tantivy import FieldType, Query

    if filters is None:
        return []
    out = []
    latest = filters.latest_allowed()
    if filters.since or latest:
        lo = day_number(filters.since) if filters.since else None
        hi = day_number(latest) if latest else None
        # Undated chunks (day -1) pass an upper bound alone, as they do in Chroma's filter.
        out.append(Query.range_query(_schema(), "day", FieldType.Integer, lo if lo is not None else NO_DAY, hi))
    if filters.sources:
        out.append(Query.term_set_query(_schema(), "source", list(filters.sources)))
    return out


def rebuild(index: KeywordIndex, writer: KeywordWriter, chunks: Iterable[Chunk], generation: int) -> None:
    """Replace everything in the index by `chunks` (the store's), in one commit."""
    writer.clear()
    writer.add(chunks)
    writer.commit(generation)
    index.index.reload()


_LOCK = threading.Lock()
_CACHE: dict[str, KeywordIndex] = {}


def open_index(root: Path) -> KeywordIndex:
    """The index at `root`, opened once per process."""
    with _LOCK:
        key = str(root)
        if key not in _CACHE:
            _CACHE[key] = KeywordIndex(_open(root), key)
        return _CACHE[key]


def rebuild_from_store(store: Any, root: Path, wait_s: float = 0.0) -> KeywordIndex:
    """Index every chunk of the store at `root`, for its current generation."""
    index = open_index(root)
    w = index.writer(wait_s)
    try:
        rebuild(index, w, store.iter_chunks(), store.generation())
    except BaseException:
        w.abort()
        raise
    w.close()
    return index


def forget(root: Path) -> None:
    """Drop the process's handle on `root` (after its folder was removed)."""
    with _LOCK:
        _CACHE.pop(str(root), None)


def keyword_index(store: Any, root: Path) -> KeywordIndex:
    """The index for the store's current generation: reloaded, or rebuilt from the store
    when stale. A read-only data folder gets an in-memory index; a stale index whose
    writer is busy (an ingest is running) is used as it is."""
    gen = store.generation()
    try:
        if not (root / "meta.json").exists():
            forget(root)  # the folder was removed under a cached handle
        index = open_index(root)
    except OSError:
        mem = KeywordIndex(_open(None))
        w = mem.writer()
        rebuild(mem, w, store.iter_chunks(), gen)
        w.close()
        return mem
    index.index.reload()
    if index.generation() == gen:
        return index
    try:
        return rebuild_from_store(store, root)
    except KeywordIndexBusyError:
        log.debug("keyword index at %s is stale and being written; using its last commit", root)
        return index


def all_ids(index: KeywordIndex) -> list[str]:
    """Every chunk id in the index (for checks and tests)."""
    from tantivy import Query

    s = index._searcher()
    n = s.num_docs
    hits = s.search(Query.all_query(), max(n, 1), count=False).hits
    return sorted(i for i in (s.doc(a)["id"][0] for _, a in hits) if i != META_ID)


def chunk_ids_for(index: KeywordIndex, article_ids: Sequence[str]) -> list[str]:
    """Ids of the indexed chunks of these articles (for checks and tests)."""
    from tantivy import Query

    s = index._searcher()
    q = Query.term_set_query(_schema(), "article", list(article_ids))
    hits = s.search(q, max(s.num_docs, 1), count=False).hits
    return sorted(s.doc(a)["id"][0] for _, a in hits)
