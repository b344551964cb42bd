"""Reports: every question's result as JSON, a Markdown summary with plots, a comparison.

The JSON (`results.json`) is also what `--baseline` reads back: a later run compares its
metrics with it and lists the questions whose multiple-choice or "contains" result
flipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.breakdown import breakdown, markdown
from eval.runner import KS, QuestionResult

HEADLINE = ["mc_accuracy", "hit@1", "hit@5", "hit@10", "mrr", "em", "f1", "contains", "short_answer_rate",
            "short_answer_right",
            "gold_citation_precision", "citation_recall", "citation_precision", "uncited_answers",
            "mc_inconsistent", "decline_rate", "top_citation_within_7d", "latency_p50_ms", "latency_p95_ms"]


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    return f"{v:.1f}" if isinstance(v, float) and v > 1.5 else (f"{v:.3f}" if isinstance(v, float) else str(v))


def compare(metrics: dict[str, Any], results: Sequence[QuestionResult], baseline: dict[str, Any]) -> dict[str, Any]:
    """Metric deltas and flipped questions against a previous run's results.json."""
    old_m = baseline.get("metrics", {})
    deltas = {k: {"before": old_m.get(k), "after": metrics.get(k),
                  "delta": (metrics[k] - old_m[k]) if isinstance(metrics.get(k), (int, float))
                  and isinstance(old_m.get(k), (int, float)) else None}
              for k in HEADLINE if k in metrics or k in old_m}
    old_q = {q["id"]: q for q in baseline.get("questions", [])}
    flipped = []
    for r in results:
        o = old_q.get(r.id)
        if not o:
            continue
        for key in ("mc_correct", "contains"):
            before, after = o.get(key), getattr(r, key)
            if before is not None and after is not None and bool(before) != bool(after):
                flipped.append({"id": r.id, "question": r.question, "metric": key,
                                "before": bool(before), "after": bool(after)})
    return {"metrics": deltas, "flipped": flipped}


def _plots(out: Path, metrics: dict[str, Any], results: Sequence[QuestionResult]) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = []
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot(list(KS), [metrics[f"hit@{k}"] or 0 for k in KS], marker="o")
    ax.set_xlabel("k (chunks retrieved)")
    ax.set_ylabel("hit@k")
    ax.set_ylim(0, 1)
    ax.set_title("Gold evidence or answer in the top k")
    fig.tight_layout()
    fig.savefig(out / "hit_at_k.png", dpi=110)
    names.append("hit_at_k.png")
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.hist([r.timings.get("total", 0.0) for r in results], bins=30)
    ax.set_xlabel("ask latency (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency distribution")
    fig.tight_layout()
    fig.savefig(out / "latency.png", dpi=110)
    names.append("latency.png")
    plt.close(fig)
    return names


def write(out: Path, questions_file: str, mode: str, metrics: dict[str, Any],
          results: Sequence[QuestionResult], seconds: float,
          comparison: dict[str, Any] | None) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    explained = breakdown(results)
    doc = {"questions_file": questions_file, "mode": mode, "n": len(results), "seconds": round(seconds, 1),
           "metrics": metrics, "breakdown": explained, "comparison": comparison,
           "questions": [r.to_dict() for r in results]}
    (out / "results.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    plots = _plots(out, metrics, results)
    lines = [f"# newsqa eval: {questions_file}", "",
             f"{len(results)} questions, mode `{mode}`, {seconds:.0f} s.", "",
             "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {_fmt(metrics.get(k))} |" for k in HEADLINE]
    lines += markdown(explained)
    if comparison:
        lines += ["", "## Compared with the baseline", "", "| metric | before | after | delta |", "|---|---|---|---|"]
        for k, d in comparison["metrics"].items():
            delta = "-" if d["delta"] is None else f"{d['delta']:+.3f}"
            lines.append(f"| {k} | {_fmt(d['before'])} | {_fmt(d['after'])} | {delta} |")
        lines += ["", f"{len(comparison['flipped'])} questions flipped:", ""]
        lines += [f"- `{f['id']}` {f['metric']}: {f['before']} -> {f['after']}: {f['question']}"
                  for f in comparison["flipped"][:50]]
    lines += [""] + [f"![{p}]({p})" for p in plots]
    (out / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return doc
