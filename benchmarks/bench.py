"""`make bench`: ingest throughput against baseline and ceiling, then ask latency at scale.

1. benchmarks.ingest_bench on the first BENCH_ARTICLES articles (default 200): the model
   alone in PyTorch and ONNX Runtime (the ceiling), a plain llama-index pipeline (the
   baseline), and newsqa, each in its own process, BENCH_REPEAT times (default 3)
   round-robin; the median run of each is reported.
2. benchmarks.latency_table on the dev archive (NEWSQA_DATA_DIR) and on archives
   BENCH_SCALES times bigger (default "10 100"), built once by benchmarks.scale under
   BENCH_DIR (default .newsqa-bench) and reused; embedded and against `chroma run`
   (BENCH_SERVER=0 skips the server).

Ends with the contract line:
ingest_vs_baseline=X.XX ingest_vs_ceiling=Y.YY ask_p95_ms_1x=A ask_p95_ms_100x=B
(B is n/a when 100 is left out of BENCH_SCALES).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from benchmarks import latency_table, scale


def main() -> None:
    n = os.environ.get("BENCH_ARTICLES", "200")
    subprocess.run([sys.executable, "-m", "benchmarks.ingest_bench", "--articles", n], check=True)
    ratios = json.loads(Path("benchmarks/results/ingest.json").read_text())["ratios"]

    dev = Path(os.environ["NEWSQA_DATA_DIR"])
    bench_dir = Path(os.environ.get("BENCH_DIR", ".newsqa-bench"))
    sizes = {"1": dev}
    for f in os.environ.get("BENCH_SCALES", "10 100").split():
        sizes[f] = bench_dir / f"x{f}"
        scale.ensure(dev, sizes[f], int(f))
    rows = latency_table.measure(sizes, int(os.environ.get("BENCH_QUESTIONS", "50")),
                                 os.environ.get("BENCH_SERVER", "1") != "0")
    latency_table.RESULTS.write_text(json.dumps(rows, indent=1))
    print(latency_table.table(rows))
    p95 = {r["size"]: r["p95"] for r in rows if r["store"] == "embedded"}
    at100 = f"{p95['100']:.0f}" if "100" in p95 else "n/a"
    print(f"ingest_vs_baseline={ratios['ingest_vs_baseline']:.2f} "
          f"ingest_vs_ceiling={ratios['ingest_vs_ceiling']:.2f} "
          f"ask_p95_ms_1x={p95['1']:.0f} ask_p95_ms_100x={at100}")


if __name__ == "__main__":
    main()
