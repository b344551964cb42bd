"""`make bench`: ingest throughput against baseline and ceiling, then ask latency.

Runs benchmarks.ingest_bench (BENCH_ARTICLES articles, default 200) and
benchmarks.ask_latency on the dev archive in NEWSQA_DATA_DIR, then prints the summary line:
ingest_vs_baseline=X.XX ingest_vs_ceiling=Y.YY ask_p95_ms_1x=A ask_p95_ms_100x=B
Archives at 10x and 100x the dev size are not built yet (see README): B prints as n/a.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks.ask_latency import measure, pct, report

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2025q1" / "questions.jsonl"


def main() -> None:
    n = os.environ.get("BENCH_ARTICLES", "200")
    subprocess.run([sys.executable, "-m", "benchmarks.ingest_bench", "--articles", n], check=True)
    ratios = json.loads(Path("benchmarks/results/ingest.json").read_text())["ratios"]
    lat = measure(QUESTIONS, 50, show=0)
    report(lat)
    print(f"ingest_vs_baseline={ratios['ingest_vs_baseline']:.2f} "
          f"ingest_vs_ceiling={ratios['ingest_vs_ceiling']:.2f} "
          f"ask_p95_ms_1x={pct(lat['totals'], 95):.0f} ask_p95_ms_100x=n/a")


if __name__ == "__main__":
    main()
