"""Build a bigger archive from a real one, for latency at scale, without re-embedding.

Usage: python -m benchmarks.scale SRC_DATA_DIR DST_DATA_DIR FACTOR

Every chunk of SRC is copied FACTOR times with its vector, a new article id
(`<id>~<copy>`) and its date shifted back by `copy` weeks, so copies spread over time like
an older archive on the same topics; the keyword index is rebuilt at the end. The copies
are near-duplicates by construction: a fair test of speed, not of answer quality.

`ensure` builds only when DST has no ``SCALE_DONE`` marker for this source and factor (a
half-built folder from an interrupted run is removed first), so `make bench` builds the
big archives once and reuses them. Measured here: 10x (272,640 chunks) in 5.5 min, 100x
(2.7M chunks, 22 GB) in about 50 min, both on 2 cores.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import numpy as np


def build(src_dir: Path, dst_dir: Path, factor: int, page: int = 2000) -> dict:
    from qa.keyword import rebuild_from_store
    from qa.settings import Settings
    from qa.store import Store, chunk_from

    src = Store(Settings(data_dir=src_dir))
    dst = Store(Settings(data_dir=dst_dir))
    meta = src.meta()
    dst.ensure_embedding_model(meta["embedding_model"], int(meta["dim"]))
    dst.bump_generation()
    t0 = time.perf_counter()
    n = 0
    offset = 0
    while True:
        got = src.chunks.get(include=["documents", "metadatas", "embeddings"], limit=page, offset=offset)
        if not got["ids"]:
            break
        chunks = [chunk_from(cid, doc, dict(m)) for cid, doc, m in
                  zip(got["ids"], got["documents"], got["metadatas"], strict=True)]
        vecs = np.asarray(got["embeddings"], dtype=np.float32)
        for copy in range(factor):
            shifted = [replace(c, id=f"{c.article_id}~{copy}:{c.index}", article_id=f"{c.article_id}~{copy}",
                               published=(c.published - timedelta(weeks=copy)) if c.published else None)
                       for c in chunks]
            dst.put_chunks(shifted, vecs)
            n += len(shifted)
        offset += page
        print(f"  {n:,} chunks copied, {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    dst.bump_generation()
    rebuild_from_store(dst, dst.settings.keyword_dir)
    return {"chunks": n, "seconds": time.perf_counter() - t0}


def ensure(src_dir: Path, dst_dir: Path, factor: int) -> dict:
    """Build DST from SRC unless a finished build for this source and factor is there."""
    marker = dst_dir / "SCALE_DONE"
    want = {"source": str(src_dir.resolve()), "factor": factor}
    if marker.exists():
        done = json.loads(marker.read_text())
        if {k: done.get(k) for k in want} == want:
            return done
    if dst_dir.exists():
        shutil.rmtree(dst_dir)
    print(f"building a {factor}x archive in {dst_dir} (once; reused by later runs)", file=sys.stderr)
    done = {**want, **build(src_dir, dst_dir, factor)}
    marker.write_text(json.dumps(done))
    return done


if __name__ == "__main__":
    print(ensure(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])))
