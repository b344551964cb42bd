"""Fit when the offline reader writes its short answer (`qa.confidence`) on one eval run,
report others.

Usage::

    python -m eval.fit_confidence --fit RUN/results.json [--fit MORE/results.json ...]
        [--free FEATURE ...] [--check OTHER/results.json ...]

Each run is a `newsqa eval` output: every answered question whose reader cut a short
answer records it with its features (`short_check`: the support of its sentence, the
span's score, the quoted article's age and how far it stands out in retrieval, the
kind asked for), written or not, so a run
made with any weights serves. Each such answer is labelled right when it holds a gold
answer (the eval's `contains`). A logistic model (`qa.confidence.FEATURES`, L2 penalty
`L2` on the weights, Newton's method) is fitted on the ``--fit`` runs only (pooled), all
its weights or, with ``--free``, only those named, the rest as shipped; every run is
then reported at `qa.confidence.WRITE_BAR`: how many short answers are written and how
often the written ones are right, beside all of them. ``--out FILE`` writes the
weights and the table as JSON.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import numpy as np

from eval import metrics as m
from qa.confidence import FEATURES, WRITE_BAR, ConfidenceWeights, confidence, features

L2 = 0.05  # on the weights, not the bias: 1 / (2C) with C = 10


def examples(results_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """The features and right / wrong labels of a run's short answers."""
    doc = json.loads(results_path.read_text(encoding="utf-8"))
    xs, ys = [], []
    for q in doc["questions"]:
        check = q.get("short_check")
        if q.get("declined") or not check:
            continue
        xs.append(features(check["support"], check["span_score"], check["age_days"], check["margin"], check["kind"],
                           check.get("marked", False)))
        ys.append(m.contains(check["text"], q["gold"]))
    if not xs:
        raise SystemExit(f"{results_path}: no short answers with their features (a run of newsqa eval "
                         "that records `short_check` is needed)")
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 50,
                 free: Sequence[str] | None = None) -> ConfidenceWeights:
    """Maximum likelihood with an L2 penalty on the weights (Newton's method). With
    `free` (names in `FEATURES`), only those weights are fitted and the rest, the bias
    included, stay as shipped (`ConfidenceWeights()`): a feature added to the model is
    weighed against the shipped model's judgement rather than refitting all of it."""
    a = np.hstack([np.ones((len(x), 1)), x])
    shipped = asdict(ConfidenceWeights())
    w = np.array([shipped["bias"], *(shipped[f] for f in FEATURES)]) if free else np.zeros(a.shape[1])
    idx = np.array([1 + FEATURES.index(f) for f in free]) if free else np.arange(a.shape[1])
    if free:
        w[idx] = 0.0
    pen = np.full(a.shape[1], 2 * l2)
    pen[0] = 0.0
    pen = pen[idx]
    for _ in range(steps):
        p = 1 / (1 + np.exp(-a @ w))
        sub = a[:, idx]
        grad = sub.T @ (p - y) + pen * w[idx]
        hess = (sub * (p * (1 - p))[:, None]).T @ sub + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w[idx] -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return ConfidenceWeights(float(w[0]), **{name: float(v) for name, v in zip(FEATURES, w[1:], strict=True)})


def report(x: np.ndarray, y: np.ndarray, w: ConfidenceWeights, bar: float = WRITE_BAR) -> dict[str, float]:
    written = np.array([confidence(tuple(row), w) >= bar for row in x], dtype=bool)
    return {"short_answers": int(len(y)), "right": int(y.sum()), "right_share": float(y.mean()),
            "written": int(written.sum()), "written_right": int(y[written].sum()),
            "written_right_share": float(y[written].mean()) if written.any() else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fit", type=Path, action="append", required=True,
                    help="results.json of a run to fit on (repeat to pool runs)")
    ap.add_argument("--free", action="append", choices=FEATURES,
                    help="fit only this feature's weight, the rest as shipped (repeatable)")
    ap.add_argument("--check", type=Path, action="append", default=[], help="results.json of a run to report")
    ap.add_argument("--out", type=Path, help="write the weights and the table as JSON")
    args = ap.parse_args()
    pooled = [examples(path) for path in args.fit]
    w = fit_logistic(np.vstack([x for x, _ in pooled]), np.concatenate([y for _, y in pooled]), free=args.free)
    print("weights:", ", ".join(f"{k} {v:.2f}" for k, v in asdict(w).items()), f"(bar {WRITE_BAR})")
    table = {}
    for path in [*args.fit, *args.check]:
        row = report(*examples(path), w)
        table[str(path)] = row
        print(f"{path}: {row['short_answers']} short answers, {row['right']} right ({row['right_share']:.3f}); "
              f"written {row['written']}, {row['written_right']} right ({row['written_right_share']:.3f})")
    if args.out:
        args.out.write_text(json.dumps({"weights": asdict(w), "bar": WRITE_BAR, "table": table}, indent=2) + "\n",
                            encoding="utf-8")


if __name__ == "__main__":
    main()
