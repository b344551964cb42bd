"""Why one runtime is faster than the other on a given CPU: the model alone, timed under
each setting that differs between them, in one run.

Usage: python -m benchmarks.runtimes [--articles N] [--repeat R]

Each row embeds the same windows (`ingest_bench.model_windows`) at batch size 8, the
shipped one, in a fresh process: PyTorch with 1 and 2 threads; ONNX Runtime with its
threads spinning (its default) and sleeping (newsqa's default, for shared CPUs), with all
graph optimizations and with only the basic ones, with 1 thread; and the int8 graph. The
CPU model and its flags are printed first: float speed follows AVX-512 and the BLAS each
runtime brings (PyTorch's oneDNN/MKL, ONNX Runtime's MLAS), int8 speed follows the 8-bit
dot-product instructions (VNNI, AMX).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

ROWS = {
    "torch, 2 threads": {"runtime": "torch", "threads": 2},
    "torch, 1 thread": {"runtime": "torch", "threads": 1},
    "onnx, 2 threads, spinning": {"runtime": "onnx", "threads": 2, "spin": True},
    "onnx, 2 threads, no spinning (newsqa)": {"runtime": "onnx", "threads": 2},
    "onnx, 2 threads, basic graph optimizations": {"runtime": "onnx", "threads": 2, "basic": True},
    "onnx, 1 thread": {"runtime": "onnx", "threads": 1},
    "onnx int8, 2 threads, no spinning": {"runtime": "onnx", "threads": 2, "int8": True},
}


def row(name: str, n: int) -> dict:
    """Tokens/s of one row, in this process."""
    from benchmarks.ingest_bench import model_windows
    from qa.embeddings import MiniLMEmbedder

    cfg = ROWS[name]
    emb = MiniLMEmbedder(runtime=cfg["runtime"], threads=cfg["threads"], spin=cfg.get("spin", False),
                         int8=cfg.get("int8", False))
    if cfg.get("basic"):  # the same session as the embedder's, with only the basic graph rewrites
        import onnxruntime as ort

        from qa import onnx_model
        from qa.settings import default_cache_dir

        opts = ort.SessionOptions()
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        opts.intra_op_num_threads, opts.inter_op_num_threads = cfg["threads"], 1
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        sess = ort.InferenceSession(str(onnx_model.ensure_exported(default_cache_dir())), opts,
                                    providers=["CPUExecutionProvider"])
        emb._run = lambda enc: sess.run(None, enc)[0]
    windows = model_windows(n)
    tokens = sum(emb.count_tokens(windows))
    emb.embed(windows[:16])  # warm-up
    t = time.perf_counter()
    emb.embed(windows)
    return {"tokens": tokens, "seconds": time.perf_counter() - t}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--row", choices=list(ROWS))
    args = ap.parse_args()
    if args.row:
        print(json.dumps(row(args.row, args.articles)))
        return
    from benchmarks.ingest_bench import cpu, cpu_line

    machine = cpu()
    print(cpu_line())
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    rates: dict[str, list[float]] = {name: [] for name in ROWS}
    for _ in range(args.repeat):  # round-robin, so a slow spell touches every row alike
        for name in ROWS:
            r = subprocess.run([sys.executable, "-m", "benchmarks.runtimes", "--row", name,
                                "--articles", str(args.articles)], capture_output=True, text=True, env=env)
            if r.returncode != 0:
                raise SystemExit(f"{name} failed:\n{r.stderr[-2000:]}")
            got = json.loads(r.stdout.strip().splitlines()[-1])
            rates[name].append(got["tokens"] / got["seconds"])
    ref = sorted(rates["torch, 2 threads"])[len(rates["torch, 2 threads"]) // 2]
    print("| setting | tokens/s (median) | range | vs torch, 2 threads |\n|---|---|---|---|")
    for name, rs in rates.items():
        med = sorted(rs)[len(rs) // 2]
        print(f"| {name} | {med:,.0f} | {min(rs):,.0f}-{max(rs):,.0f} | {med / ref:.2f} |")
    print(json.dumps({"cpu": machine, "tokens_per_s": rates}))


if __name__ == "__main__":
    main()
