"""Rebuilding the keyword index of a built archive from its store: time and peak memory.

Usage: python -m benchmarks.keyword_build DATA_DIR [DATA_DIR ...] [--baseline]

This is what a reader does when it finds the index stale (an interrupted ingest, a
missing folder). newsqa (`qa.keyword`) streams the store into tantivy, which writes
segments as its writer's memory budget fills; the baseline (``--baseline``) is bm25s's
own ``BM25().index(...)`` over the same chunks, tokenized by bm25s with English stop words
and stems, which holds every text and token list at once. Each runs in its own process,
so peak RSS (VmHWM) is its own. The saved index is newsqa's at the end either way.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.ingest_bench import peak_rss_mb


def part(data_dir: Path, which: str) -> dict:
    from qa.keyword import rebuild_from_store
    from qa.settings import Settings
    from qa.store import Store

    store = Store(Settings(data_dir=data_dir))
    t = time.perf_counter()
    if which == "newsqa":
        index = rebuild_from_store(store, store.settings.keyword_dir)
        n, segments = index.size, index.index.searcher().num_segments
    else:
        import bm25s
        import Stemmer

        texts = [f"{c.title}\n{c.text}" for c in store.iter_chunks()]
        tokens = bm25s.tokenize(texts, stopwords="en", stemmer=Stemmer.Stemmer("english"), show_progress=False)
        bm25s.BM25().index(tokens, show_progress=False)
        n, segments = len(texts), 1
    return {"chunks": n, "segments": segments, "seconds": time.perf_counter() - t, "rss_mb": peak_rss_mb()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", type=Path, nargs="+")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--part", choices=["newsqa", "bm25s"])
    args = ap.parse_args()
    if args.part:
        print(json.dumps(part(args.dirs[0], args.part)))
        return
    for d in args.dirs:
        for which in (["bm25s"] if args.baseline else []) + ["newsqa"]:
            r = subprocess.run([sys.executable, "-m", "benchmarks.keyword_build", str(d), "--part", which],
                               capture_output=True, text=True, check=True)
            res = json.loads(r.stdout.strip().splitlines()[-1])
            print(f"{d}  {which:6s}  {res['chunks']:>9,} chunks  {res['segments']} segments  "
                  f"{res['seconds']:7.1f} s  peak RSS {res['rss_mb']:,.0f} MB", flush=True)


if __name__ == "__main__":
    main()
