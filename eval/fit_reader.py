"""Fit the reader's order (`qa.extractive.ReaderWeights`) on one question set, report others.

Usage::

    python -m eval.fit_reader --fit QUESTIONS.jsonl=DATA_DIR [--check QUESTIONS.jsonl=DATA_DIR ...]

Each question is asked against its own archive as `newsqa ask` would (retrieval with the
shipped weights, then every candidate sentence of the hits scored), once; each sentence
is labelled by the eval's own rule (it holds a gold answer, or most of the gold evidence,
as `eval.metrics.citation_precision` counts a quote). Then the order weights are searched
by coordinate ascent over a grid, from both the order the reader had before its priors
and the shipped weights (the better end wins), maximising on the fit set only the share of questions
whose first quoted sentence holds the answer plus the share where either of the two
quoted sentences does (quoting as `qa.extractive.pick` does: one per article, supported
sentences only). The other sets are reported beside it with the same weights, so a
weight that helps one set alone shows. ``--out FILE`` writes the weights and the table
as JSON; ``--prepared FILE`` keeps the prepared sentences (a pickle) so a re-fit skips
the asking.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import asdict, dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from eval import metrics as m
from eval.fitting import asked, fit, objective, parser
from qa import extractive
from qa.timewindow import reference_day

GRID: dict[str, tuple[float, ...]] = {
    "lexical": (0.0, 0.1, 0.2, 0.3, 0.5),
    "title": (0.0, 0.1, 0.2, 0.3),
    "answer": (0.0, 0.04, 0.08, 0.15, 0.25),
    "lede": (0.0, 0.05, 0.1, 0.2, 0.3),
    "lede_half_chars": (200.0, 400.0, 1000.0),
    "recency": (0.0, 0.05, 0.1, 0.2, 0.3),
    "recency_half_days": (3.0, 7.0, 14.0, 30.0),
    "hit": (0.0, 0.15, 0.3, 0.5, 0.7),
    "agree": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3),
}
# Where the search starts: the order the reader had before it had priors (support's own mix).
START = extractive.SUPPORT


@dataclass
class Prepared:
    """One question's candidate sentences: order parts, labels, articles."""

    parts: np.ndarray
    labels: np.ndarray
    articles: list[str]
    dated_inside: np.ndarray  # the sentence's article is dated inside `extractive.quoting_window`

    @cached_property
    def support(self) -> np.ndarray:
        """Support does not depend on the weights being fitted: computed once, not per trial."""
        return extractive.reader_order(self.parts, extractive.SUPPORT)


def prepare(questions_path: Path, data_dir: Path, limit: int | None = None) -> list[Prepared]:
    from qa.retrieve import retrieve

    out = []
    for a in asked(questions_path, data_dir, limit):
        q, s = a.question, a.settings
        hits = retrieve(q.question, a.resources, a.filters, s.top_k, s.max_chunks_per_article, a.vector,
                        a.window, idf=a.idf)
        cands = extractive.candidate_sentences(hits)
        if not cands:
            continue
        cos = a.resources.embedder.embed([text for _, text in cands]) @ a.vector
        parts = extractive.sentence_parts(q.question, hits, cands, cos, a.idf,
                                           reference_day(a.filters.as_of, a.window))
        labels = np.array([m.citation_precision([text], q.answers, q.evidence) == 1.0 for _, text in cands])
        days = extractive.quoting_window(a.window)
        inside = np.array([days is not None and days.contains(hits[i].chunk.published) for i, _ in cands])
        out.append(Prepared(parts, labels, [hits[i].chunk.article_id for i, _ in cands], inside))
    return out


def quoted(p: Prepared, w: extractive.ReaderWeights, limit: int = extractive.MAX_SENTENCES) -> list[int]:
    """The sentences the reader would quote, in order (as `extractive.window_first` then
    `extractive.pick`, without its near-repeat check)."""
    picks: list[int] = []
    seen: set[str] = set()
    first = p.dated_inside & (p.support >= extractive.SUPPORT_THRESHOLD)
    for j in np.lexsort((-extractive.reader_order(p.parts, w), ~first)):  # the window's first, each by order
        if p.support[j] < extractive.SUPPORT_THRESHOLD * 0.9 or p.articles[j] in seen:
            continue
        seen.add(p.articles[j])
        picks.append(int(j))
        if len(picks) == limit:
            break
    return picks


def evaluate(prepared: list[Prepared], w: extractive.ReaderWeights) -> dict[str, float]:
    first, either = [], []
    for p in prepared:
        picks = quoted(p, w)
        first.append(float(bool(picks) and p.labels[picks[0]]))
        either.append(float(any(p.labels[j] for j in picks)))
    return {"first_quote": float(np.mean(first)), "either_quote": float(np.mean(either))}


def _setter(name: str):  # type: ignore[no-untyped-def]
    return lambda w, v: replace(w, **{name: v})


# Coordinate ascent moves each weight but cosine (the unit) over its `GRID` in turn.
AXES = [(_setter(n), values) for n, values in GRID.items()]


def main() -> None:
    ap = parser(__doc__)
    ap.add_argument("--prepared", type=Path, help="pickle of the prepared sets: read if there, else written")
    args = ap.parse_args()
    if args.prepared and args.prepared.exists():
        sets = pickle.loads(args.prepared.read_bytes())
    else:
        sets = {str(qd[0]): prepare(*qd, args.limit) for qd in [args.fit, *args.check]}
        if args.prepared:
            args.prepared.write_bytes(pickle.dumps(sets))
    fit_set = sets[str(args.fit[0])]
    fitted = max((fit(fit_set, start, AXES, evaluate) for start in (START, extractive.ReaderWeights())),
                 key=lambda w: objective(evaluate, fit_set, w))
    rows = []
    for name, prepared in sets.items():
        ceiling = float(np.mean([p.labels.any() for p in prepared]))
        row = {"set": name, "questions": len(prepared), "fit_on": name == str(args.fit[0]), "ceiling": ceiling,
               "start": evaluate(prepared, START), "shipped": evaluate(prepared, extractive.ReaderWeights()),
               "fitted": evaluate(prepared, fitted)}
        rows.append(row)
        print(f"{name}  ({len(prepared)} questions{', fitted here' if row['fit_on'] else ''}; "
              f"a candidate sentence holds the answer for {ceiling:.3f})")
        for label in ("start", "shipped", "fitted"):
            r = row[label]
            print(f"  {label:8s} first quote {r['first_quote']:.3f}  either quote {r['either_quote']:.3f}")
    print("weights:", json.dumps(asdict(fitted)))
    if args.out:
        args.out.write_text(json.dumps({"weights": asdict(fitted), "sets": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
