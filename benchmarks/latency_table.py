"""Ask latency at several archive sizes, embedded and against a Chroma server, in one run.

Usage: python -m benchmarks.latency_table 1=DIR 10=DIR 100=DIR [--n 50] [--no-server]

Each size is a data folder (the dev archive, and the 10x/100x archives made from it by
`benchmarks.scale`). For each, `benchmarks.ask_latency` runs in a fresh process (warm
p50/p95 over the first N RealTimeQA questions, each as of its date, beside the dense-only
baseline, plus one cold CLI run), first on the embedded store, then against a real
`chroma run` started on that folder's Chroma files. Results go to
benchmarks/results/latency.json and a Markdown table on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

QUESTIONS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2025q1" / "questions.jsonl"
RESULTS = Path("benchmarks/results/latency.json")


def _run(data_dir: Path, n: int, chroma_url: str | None) -> dict:
    env = {**os.environ, "NEWSQA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.pop("NEWSQA_CHROMA_URL", None)
    if chroma_url:
        env["NEWSQA_CHROMA_URL"] = chroma_url
    r = subprocess.run([sys.executable, "-m", "benchmarks.ask_latency", str(QUESTIONS), "--n", str(n),
                        "--show", "0", "--json"], env=env, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"ask_latency failed on {data_dir}:\n{r.stderr[-3000:]}")
    print(r.stdout.rsplit("\n", 2)[0], file=sys.stderr)
    return json.loads(r.stdout.strip().splitlines()[-1])


def _server(path: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = str(Path(sys.executable).with_name("chroma"))
    proc = subprocess.Popen([exe, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2)
            return proc, url
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"chroma run exited with {proc.returncode} on {path}") from None
            time.sleep(0.3)
    proc.kill()
    raise SystemExit(f"chroma run did not answer within 120 s on {path}")


def measure(sizes: dict[str, Path], n: int, server: bool) -> list[dict]:
    rows = []
    for label, folder in sizes.items():
        rows.append({"size": label, "store": "embedded", **_run(folder, n, None)})
        if server:
            proc, url = _server(folder / "chroma")
            try:
                rows.append({"size": label, "store": "server", **_run(folder, n, url)})
            finally:
                proc.terminate()
                proc.wait(timeout=60)
    return rows


def table(rows: list[dict]) -> str:
    out = ["| archive | chunks | store | ask p50 | ask p95 | retrieve p50 | rank p50 | "
           "dense-only baseline p50 / p95 | cold CLI |",
           "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        st = r["stages_p50"]
        out.append(f"| {r['size']}x | {r['chunks']:,} | {r['store']} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | "
                   f"{st.get('retrieve', 0):.0f} ms | {st.get('rank', 0):.0f} ms | "
                   f"{r['base_p50']:.0f} / {r['base_p95']:.0f} ms | {r['cold_ms'] / 1000:.1f} s |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="+", help="LABEL=DATA_DIR, e.g. 1=.newsqa-dev 10=.newsqa-bench/x10")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--no-server", action="store_true")
    args = ap.parse_args()
    sizes = {s.split("=", 1)[0]: Path(s.split("=", 1)[1]) for s in args.sizes}
    rows = measure(sizes, args.n, not args.no_server)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=1))
    print(table(rows))


if __name__ == "__main__":
    main()
