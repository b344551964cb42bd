"""Offline `ask` latency on a built archive: warm p50/p95 per stage, and cold CLI time.

Usage: NEWSQA_DATA_DIR=DIR python -m benchmarks.ask_latency QUESTIONS.jsonl [--n 50]

Questions are read from RealTimeQA-style JSONL (`question_sentence`, `question_date` used
as the as-of date). The baseline in the same run is the dense-only Chroma query with the
same embedder (what a plain vector-store pipeline does), timed on the first 10 questions
(Chroma's filtered query takes seconds at 100x), so the ratio shows what hybrid
retrieval, sentence scoring and answer extraction cost on top of it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

BASELINE_N = int(os.environ.get("BENCH_BASELINE_N", "10"))  # questions timed for the baseline


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def measure(questions: Path, n: int = 50, show: int = 5) -> dict:
    """Warm ask latency over `n` questions, the dense-only baseline, and one cold CLI run."""
    from qa.answer import ask, load_resources
    from qa.retrieve import Filters
    from qa.settings import Settings

    settings = Settings()
    qs = [json.loads(line) for line in questions.read_text().splitlines() if line.strip()][:n]
    res = load_resources(settings)
    ask("warm up", settings)  # model, keyword index and Chroma caches loaded once
    totals, base, stages = [], [], {}
    shown = []
    asof = [date.fromisoformat(q["question_date"].replace("/", "-")) if q.get("question_date") else None
            for q in qs]
    for q, as_of in zip(qs, asof, strict=True):
        a = ask(q["question_sentence"], settings, filters=Filters(as_of=as_of))
        totals.append(a.timings["total"])
        for k, v in a.timings.items():
            stages.setdefault(k, []).append(v)
        if len(shown) < show:
            shown.append(a)
    # The baseline runs after the asks, not between them: at 100x each of its filtered
    # queries takes seconds and churns memory, which slowed the next ask when interleaved.
    for q, as_of in list(zip(qs, asof, strict=True))[:BASELINE_N]:
        t = time.perf_counter()
        vec = res.embedder.embed([q["question_sentence"]])[0]
        res.store.query(vec, settings.top_k, Filters(as_of=as_of).chroma_where())
        base.append((time.perf_counter() - t) * 1000)
    t = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "qa.cli", "ask", qs[0]["question_sentence"], "--json"],
                       capture_output=True, text=True)
    cold = (time.perf_counter() - t) * 1000
    assert r.returncode == 0, r.stderr
    return {"n": len(qs), "totals": totals, "base": base, "stages": stages, "cold_ms": cold, "shown": shown}


def report(res: dict) -> None:
    totals, base, stages, cold, shown = (res["totals"], res["base"], res["stages"], res["cold_ms"],
                                         res["shown"])
    print(f"questions: {res['n']}")
    print(f"ask warm   p50 {pct(totals, 50):7.1f} ms   p95 {pct(totals, 95):7.1f} ms")
    print(f"baseline   p50 {pct(base, 50):7.1f} ms   p95 {pct(base, 95):7.1f} ms   (embed + dense Chroma query with the as-of filter, first {len(base)} questions)")
    print(f"ratio ask/baseline p50 {pct(totals, 50) / pct(base, 50):.2f}")
    for k, v in stages.items():
        print(f"  stage {k:9s} p50 {pct(v, 50):7.1f} ms   p95 {pct(v, 95):7.1f} ms   mean {statistics.mean(v):7.1f}")
    print(f"cold CLI (new process, `newsqa ask --json`): {cold:.0f} ms")
    for a in shown:
        print("\nQ:", a.question)
        print("A:", a.text[:400])
        for c in a.citations:
            print(f"   [{c.n}] {c.title} ({c.source}, {c.published}) {c.url}")


def summary(res: dict) -> dict:
    """The numbers of a run, for tables: percentiles in ms and the archive's size."""
    from qa.settings import Settings
    from qa.store import Store

    return {
        "chunks": Store(Settings()).chunks.count(), "n": res["n"],
        "p50": pct(res["totals"], 50), "p95": pct(res["totals"], 95),
        "base_p50": pct(res["base"], 50), "base_p95": pct(res["base"], 95),
        "stages_p50": {k: pct(v, 50) for k, v in res["stages"].items()},
        "cold_ms": res["cold_ms"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", type=Path)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--json", action="store_true", help="print the summary as one JSON line at the end")
    args = ap.parse_args()
    res = measure(args.questions, args.n, args.show)
    report(res)
    if args.json:
        print(json.dumps(summary(res)))


if __name__ == "__main__":
    main()
