"""Load run: many concurrent clients asking through the library, on loopback only.

Usage: NEWSQA_DATA_DIR=DIR python -m benchmarks.load [--clients 50] [--seconds 30]
(with NEWSQA_CHROMA_URL set, against that Chroma server). Each client asks questions
from the RealTimeQA set in a loop until the time is up; the run is bounded in count and
time and stops by itself. Prints requests, throughput, errors and latency percentiles.
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from pathlib import Path

from benchmarks.ask_latency import pct

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2025q1" / "questions.jsonl"


def run(clients: int, seconds: float, max_requests: int = 100_000) -> dict:
    from qa.answer import ask
    from qa.settings import Settings

    settings = Settings()
    qs = [json.loads(x)["question_sentence"] for x in QUESTIONS.read_text().splitlines() if x.strip()]
    ask(qs[0], settings)  # warm: model and indexes loaded once
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    stop = time.monotonic() + seconds

    def client(i: int) -> None:
        n = i
        while time.monotonic() < stop:
            with lock:
                if len(latencies) + len(errors) >= max_requests:
                    return
            t = time.perf_counter()
            try:
                ask(qs[n % len(qs)], settings)
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)
            except Exception as exc:  # counted, reported
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
            n += clients

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    wall = time.perf_counter() - t0
    p50, p95 = (pct(latencies, 50), pct(latencies, 95)) if latencies else (None, None)
    return {"clients": clients, "seconds": round(wall, 1), "requests": len(latencies), "errors": len(errors),
            "throughput_per_s": round(len(latencies) / wall, 2), "p50_ms": p50, "p95_ms": p95,
            "error_samples": errors[:5]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30)
    args = ap.parse_args()
    print(json.dumps(run(args.clients, args.seconds)))


if __name__ == "__main__":
    main()
