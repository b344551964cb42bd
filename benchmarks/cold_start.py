"""Cold start: how long a new `newsqa ask` process takes, against what it cannot go below.

Usage: NEWSQA_DATA_DIR=DIR python -m benchmarks.cold_start QUESTIONS.jsonl [--repeat 5]
       [--against DIR]

Each round starts new processes, one after another: `newsqa ask QUESTION --as-of DATE
--json` from this checkout, the same from `--against` (another checkout, e.g. a git
worktree of an older commit, on the same archive), and the floors: a bare Python start,
and a Python that only imports chromadb, with the cycle collector paused as `newsqa ask`
does (the store's client; every ask that reads a local Chroma folder pays it). Rounds
interleave them, so a slow spell of a shared machine touches each alike. The ask's median
over the import floor's says how much of the cold start is our own. Each process is waited for, so none is left running.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.ingest_bench import cpu_line


def _wall(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    t = time.perf_counter()
    r = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:4])} ... failed (exit {r.returncode}):\n{r.stderr[-2000:]}")
    return wall


def measure(questions: Path, repeat: int = 5, against: Path | None = None) -> dict:
    """Median and minimum wall seconds of each kind of new process over `repeat` rounds."""
    here = Path(__file__).resolve().parents[1]
    q = json.loads(next(line for line in questions.read_text().splitlines() if line.strip()))
    as_of = (q.get("question_date") or "").replace("/", "-")
    ask = [sys.executable, "-m", "qa.cli", "ask", q["question_sentence"], "--json"] + (
        ["--as-of", as_of] if as_of else [])
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    # Python writes its bytecode caches on the first run, as on a user's machine; that run
    # is not timed, so every timed one reads them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    checkouts = {"newsqa ask": here} | ({f"newsqa ask ({against})": against.resolve()} if against else {})
    runs: dict[str, list[float]] = {"python": [], "import chromadb": []} | {k: [] for k in checkouts}
    for where in checkouts.values():
        _wall(ask, where, {**env, "PYTHONPATH": str(where)})
    for _ in range(repeat):
        runs["python"].append(_wall([sys.executable, "-c", "pass"], here, env))
        runs["import chromadb"].append(
            _wall([sys.executable, "-c", "import gc; gc.disable(); import chromadb"], here, env))
        for name, where in checkouts.items():
            runs[name].append(_wall(ask, where, {**env, "PYTHONPATH": str(where)}))
    return {"checkout": str(here), "question": q["question_sentence"], "repeat": repeat,
            "median": {k: statistics.median(v) for k, v in runs.items()},
            "min": {k: min(v) for k, v in runs.items()}}


def report(res: dict) -> None:
    print(cpu_line())
    print(f"checkout: {res['checkout']}  ({res['repeat']} rounds; question: {res['question']!r})")
    for k in res["median"]:
        print(f"  {k:16s} median {res['median'][k]:.2f} s   min {res['min'][k]:.2f} s")
    m = res["median"]
    for k in m:
        if k.startswith("newsqa ask"):
            print(f"{k} / import chromadb (median): {m[k] / m['import chromadb']:.2f}; "
                  f"beyond the import: {m[k] - m['import chromadb']:.2f} s")
    others = [k for k in m if k.startswith("newsqa ask (")]
    for k in others:
        print(f"newsqa ask / {k} (median): {m['newsqa ask'] / m[k]:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--against", type=Path, help="also time `newsqa ask` from this other checkout")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON line at the end")
    args = ap.parse_args()
    res = measure(args.questions, args.repeat, args.against)
    report(res)
    if args.json:
        print(json.dumps(res))


if __name__ == "__main__":
    main()
