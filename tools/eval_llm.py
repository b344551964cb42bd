"""LLM mode beside extractive mode on the same fixed sample of questions (`make eval-llm`).

`python -m tools.eval_llm QUESTIONS --n 30 [--model NAME] --out DIR` takes every
(len/n)-th question (the same sample on every run), scores them offline, then starts the
llama.cpp server built by `make llm`, scores them in LLM mode, and stops the server. It
writes each mode's report (`DIR/extractive`, `DIR/llm`) and `DIR/comparison.md`: the
metrics side by side, the questions whose multiple-choice result differs, and example
answers of both modes.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from eval.datasets import EvalQuestion, load_questions
from eval.report import write
from eval.runner import QuestionResult, run, summarize
from qa.settings import Settings
from tools.llama_server import LlamaServer
from tools.llm_fixture import DEFAULT_MODEL

ROWS = ["mc_accuracy", "contains", "f1", "decline_rate", "citation_recall", "citation_precision",
        "gold_citation_precision", "uncited_answers", "mc_inconsistent", "offline_answers",
        "latency_p50_ms", "latency_p95_ms", "latency_mc_total_p50_ms"]


def fixed_sample(questions: Sequence[EvalQuestion], n: int) -> list[EvalQuestion]:
    if n >= len(questions):
        return list(questions)
    return [questions[i * len(questions) // n] for i in range(n)]


def _fmt(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.0f}" if v > 50 else f"{v:.3f}"
    return str(v)


def comparison(ex: list[QuestionResult], llm: list[QuestionResult], model: str) -> str:
    mx, ml = summarize(ex), summarize(llm)
    lines = [f"# LLM mode ({model}) beside extractive mode, {len(ex)} questions", "",
             "| metric | extractive | llm |", "|---|---|---|"]
    lines += [f"| {k} | {_fmt(mx.get(k))} | {_fmt(ml.get(k))} |" for k in ROWS]
    attached = sum(1 for r in llm for n in r.notes if "newsqa attached" in n)
    lines += ["", f"LLM answers where newsqa attached a citation the model did not write: {attached}.", ""]
    differ = [(a, b) for a, b in zip(ex, llm, strict=True) if a.mc_correct is not None and a.mc_correct != b.mc_correct]
    lines += ["## Multiple choice: questions where the modes differ", ""]
    lines += [f"- `{a.id}` extractive {'right' if a.mc_correct else 'wrong'} ({a.choice}), "
              f"llm {'right' if b.mc_correct else 'wrong'} ({b.choice}, {b.mc_origin}): {a.question}"
              for a, b in differ] or ["- none"]
    lines += ["", "## Example answers", ""]
    for a, b in list(zip(ex, llm, strict=True))[:3]:
        lines += [f"**{a.question}** (gold: {', '.join(a.gold)})", "",
                  f"- extractive: {a.answer}", f"- llm: {b.answer}"]
        lines += [f"  - note: {n}" for n in b.notes]
        lines += [f"- llm, multiple choice: {b.mc_answer}" if b.mc_answer else "", ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    sample = fixed_sample(load_questions(args.questions), args.n)
    offline = Settings(offline=True)
    t = time.perf_counter()
    ex = run(sample, offline)
    write(args.out / "extractive", str(args.questions), "extractive", summarize(ex), ex, time.perf_counter() - t, None)
    print(f"extractive: {len(ex)} questions in {time.perf_counter() - t:.0f} s", flush=True)
    with LlamaServer(args.model) as server:
        settings = Settings(llm_base_url=server.url, llm_model="local", llm_timeout_s=900.0, llm_api_key=None)
        t = time.perf_counter()
        llm = run(sample, settings, on_progress=lambda i, n: print(f"llm {i}/{n}", flush=True))
        write(args.out / "llm", str(args.questions), "llm", summarize(llm), llm, time.perf_counter() - t, None)
    (args.out / "comparison.md").write_text(comparison(ex, llm, args.model), encoding="utf-8")
    print((args.out / "comparison.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
