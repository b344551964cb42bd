"""Ask latency and ingest throughput with the CPU shared, against the same run quiet.

Usage: NEWSQA_DATA_DIR=DIR python -m benchmarks.busy QUESTIONS.jsonl [--n 40] [--articles 200]
       [--load N] [--json]

A laptop is rarely idle: a browser, a build or another ingest holds a core. This starts
that load itself: N busy processes (default: the cores this process may use minus one),
each a tight Python loop, started after the quiet half and stopped (SIGTERM, then SIGKILL,
by PID) before it exits, also when it fails or is interrupted. Each half runs the same
warm asks over the first `--n` questions of a built archive (each as of its date) and
the same ingest of `--articles` dev articles into a fresh folder, and the report is the
ratio busy / quiet: p95 for asks (target <= 1.5), articles per second for ingest (target
>= 0.45). It prints the CPU model, the cores and whether the machine was otherwise
quiet (the load average before it started).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from benchmarks.ask_latency import pct
from benchmarks.ingest_bench import cpu

SPIN = "while True:\n    pass\n"


@contextmanager
def cpu_load(n: int) -> Iterator[list[int]]:
    """`n` busy processes for the duration of the block; each stopped by its PID after."""
    procs = [subprocess.Popen([sys.executable, "-c", SPIN]) for _ in range(n)]
    old = signal.getsignal(signal.SIGTERM)

    def stop_all(*_: object) -> None:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()

    def on_term(signum: int, frame: object) -> None:
        stop_all()
        raise SystemExit(143)

    signal.signal(signal.SIGTERM, on_term)
    try:
        time.sleep(1.0)  # let the load reach full speed
        yield [p.pid for p in procs]
    finally:
        stop_all()
        signal.signal(signal.SIGTERM, old)


def asks(questions: Path, n: int) -> dict:
    """Warm ask latencies (ms) over the first n questions, each as of its date."""
    from qa.answer import ask, load_resources
    from qa.retrieve import Filters
    from qa.settings import Settings

    settings = Settings()
    qs = [json.loads(line) for line in questions.read_text().splitlines() if line.strip()][:n]
    load_resources(settings)
    ask("warm up", settings)
    totals, rank = [], []
    for q in qs:
        as_of = date.fromisoformat(q["question_date"].replace("/", "-")) if q.get("question_date") else None
        a = ask(q["question_sentence"], settings, filters=Filters(as_of=as_of))
        totals.append(a.timings["total"])
        rank.append(a.timings.get("rank", 0.0))
    return {"p50": pct(totals, 50), "p95": pct(totals, 95), "rank_p50": pct(rank, 50), "n": len(totals)}


def ingest_rate(n: int) -> dict:
    """Articles per second for an ingest of the first n dev articles into a fresh folder."""
    import ingest
    from benchmarks.ingest_bench import load_articles
    from qa.settings import Settings

    arts = load_articles(n)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "slice.jsonl"
        src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
        t = time.perf_counter()
        report = ingest.run([src], Settings(data_dir=Path(tmp) / "data", llm_base_url=None, llm_api_key=None))
        secs = time.perf_counter() - t
    return {"articles_per_s": report.articles_read / secs, "seconds": secs, "chunks": report.chunks_written}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", type=Path)
    ap.add_argument("--n", type=int, default=40)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--load", type=int, default=max(1, len(os.sched_getaffinity(0)) - 1))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    before = os.getloadavg()[0]
    out: dict = {"cpu": cpu()["model"], "cores": len(os.sched_getaffinity(0)), "load_processes": args.load,
                 "loadavg_before": round(before, 2), "archive": os.environ.get("NEWSQA_DATA_DIR")}
    out["quiet"] = {"ask": asks(args.questions, args.n), "ingest": ingest_rate(args.articles)}
    with cpu_load(args.load):
        out["busy"] = {"ask": asks(args.questions, args.n), "ingest": ingest_rate(args.articles)}
    q, b = out["quiet"], out["busy"]
    out["ratios"] = {"ask_p95_busy_over_quiet": b["ask"]["p95"] / q["ask"]["p95"],
                     "ask_p50_busy_over_quiet": b["ask"]["p50"] / q["ask"]["p50"],
                     "ingest_busy_over_quiet": b["ingest"]["articles_per_s"] / q["ingest"]["articles_per_s"]}
    if args.json:
        print(json.dumps(out))
        return
    print(f"CPU: {out['cpu']}, {out['cores']} cores; load average before: {out['loadavg_before']}; "
          f"busy = {args.load} spinning process(es)")
    print("| | quiet | busy | busy / quiet |\n|---|---|---|---|")
    print(f"| ask p50 (ms) | {q['ask']['p50']:.0f} | {b['ask']['p50']:.0f} | {out['ratios']['ask_p50_busy_over_quiet']:.2f} |")
    print(f"| ask p95 (ms) | {q['ask']['p95']:.0f} | {b['ask']['p95']:.0f} | {out['ratios']['ask_p95_busy_over_quiet']:.2f} |")
    print(f"| rank stage p50 (ms) | {q['ask']['rank_p50']:.0f} | {b['ask']['rank_p50']:.0f} | |")
    print(f"| ingest (articles/s) | {q['ingest']['articles_per_s']:.2f} | {b['ingest']['articles_per_s']:.2f} | "
          f"{out['ratios']['ingest_busy_over_quiet']:.2f} |")


if __name__ == "__main__":
    main()
