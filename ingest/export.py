"""The archive's own export format, written by `newsqa export` and read back by ingest.

A JSONL file (gzip when its name ends in .gz). Line 1 is the header:

    {"newsqa_export": 1, "embedding_model": "...", "dim": 384, "chroma_version": "...",
     "vectors": true, "articles": 3819}

Every other line is one article:

    {"id": "u3f...", "title": "...", "text": "...", "url": "...", "source": "...",
     "authors": ["..."], "published": "2025-03-07" | null, "origin": "file:line",
     "duplicate_of": "" | "<id>",
     "chunks": [{"start": 0, "end": 812, "vector": "<base64 of float32 little-endian>"}]}

``chunks`` is there only with ``--vectors``. Articles come before the duplicates linked
to them, so ingesting the file links the same duplicates. Ingesting it keeps every id
(the ids in the file win over the ones ingest would derive), and uses the vectors when the
archive's embedding model is the file's and the chunking gives the same chunks, so
nothing is embedded again; otherwise it embeds, as for any other file. This is how an
archive moves between embedded Chroma and a server, to another machine, or across Chroma
versions.
"""

from __future__ import annotations

import base64
import gzip
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from qa.archive import article_text
from qa.atomic import replaced_whole
from qa.settings import Settings
from qa.store import ArticleRecord, Store, chroma_version

FORMAT = 1
HEADER_KEY = "newsqa_export"


@dataclass(frozen=True)
class ExportReport:
    path: str
    articles: int
    duplicates: int
    chunks: int
    vectors: bool

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "articles": self.articles, "duplicates": self.duplicates,
                "chunks": self.chunks, "vectors": self.vectors}


def encode_vector(v: np.ndarray) -> str:
    return base64.b64encode(np.asarray(v, dtype="<f4").tobytes()).decode("ascii")


def decode_vector(s: str, dim: int) -> np.ndarray:
    v = np.frombuffer(base64.b64decode(s, validate=True), dtype="<f4")
    if v.shape != (dim,):
        raise ValueError(f"vector of {v.size} numbers, the header says {dim}")
    return v.astype(np.float32)


def _open_out(path: Path, gz: bool) -> IO[bytes]:
    if gz:
        return gzip.GzipFile(filename=path, mode="wb", mtime=0)
    return open(path, "wb")  # noqa: SIM115 - closed by the caller


def _article_line(store: Store, r: ArticleRecord, vectors: bool) -> tuple[dict[str, Any], int]:
    line: dict[str, Any] = {
        "id": r.id, "title": r.title, "text": article_text(store, r), "url": r.url,
        "source": r.source, "authors": list(r.authors),
        "published": r.published.isoformat() if r.published else None,
        "origin": r.origin, "duplicate_of": r.duplicate_of}
    n = 0
    if vectors and not r.duplicate_of:
        chunks = store.article_chunks(r.id)
        vecs = store.get_vectors([c.id for c in chunks]) if chunks else {}
        line["chunks"] = [{"start": c.start, "end": c.start + len(c.text), "vector": encode_vector(vecs[c.id])}
                          for c in chunks]
        n = len(chunks)
    return line, n


def export(settings: Settings, path: Path, vectors: bool = False,
           on_article: Callable[[int], None] | None = None) -> ExportReport:
    """Write every article (and with `vectors`, its chunk vectors) to `path`.

    Written whole or not at all (`qa.atomic.replaced_whole`), so an interrupted export
    never leaves a truncated file under the name asked for."""
    store = Store(settings, create=False)
    meta = store.require_nonempty()
    records = sorted(store.iter_records(with_text=True), key=lambda r: (bool(r.duplicate_of), r.id))
    articles = dups = chunks = 0
    with replaced_whole(path) as tmp:
        with _open_out(tmp, path.name.endswith(".gz")) as f:
            header = {HEADER_KEY: FORMAT, "embedding_model": meta.get("embedding_model"),
                      "dim": meta.get("dim"), "chroma_version": chroma_version(),
                      "vectors": vectors, "articles": len(records)}
            f.write((json.dumps(header) + "\n").encode("utf-8"))
            for r in records:
                line, n = _article_line(store, r, vectors)
                f.write((json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
                chunks += n
                dups += bool(r.duplicate_of)
                articles += not r.duplicate_of
                if on_article:
                    on_article(articles + dups)
    return ExportReport(str(path), articles, dups, chunks, vectors)


def is_header(obj: dict[str, Any]) -> bool:
    return HEADER_KEY in obj


def check_header(obj: dict[str, Any]) -> str | None:
    """Why this export header cannot be read (None when it can)."""
    if obj.get(HEADER_KEY) != FORMAT:
        return (f"newsqa export format {obj.get(HEADER_KEY)!r}, this newsqa reads format {FORMAT}: "
                "export again with this version, or ingest with the version that wrote it")
    if obj.get("vectors") and not (isinstance(obj.get("dim"), int) and obj.get("embedding_model")):
        return "export header with vectors but without embedding_model and dim"
    return None


def chunk_vectors(obj: dict[str, Any], header: dict[str, Any]) -> Iterator[tuple[int, int, np.ndarray]]:
    """(start, end, vector) of an exported article's chunks; ValueError names the field."""
    chunks = obj.get("chunks") or []
    if not isinstance(chunks, list):
        raise ValueError("field chunks: expected a list")
    for i, c in enumerate(chunks):
        try:
            yield int(c["start"]), int(c["end"]), decode_vector(c["vector"], int(header["dim"]))
        except (KeyError, TypeError, ValueError) as exc:  # binascii.Error is a ValueError
            raise ValueError(f"field chunks[{i}]: {exc}") from None
