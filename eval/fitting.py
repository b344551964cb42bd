"""What the weight fits share: each question asked as `newsqa ask` would set it up, and
coordinate ascent over a grid.

`eval.fit_ranking` (retrieval's score) and `eval.fit_reader` (the reader's order) label
different things but prepare a question the same way and search weights the same way.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from eval.datasets import EvalQuestion, load_questions
from qa.settings import Settings

W = TypeVar("W")


@dataclass
class Asked:
    """One question with what `ask` has before retrieval: the archive's resources, the
    filters (as of the question date), the time window, the question vector and IDF."""

    question: EvalQuestion
    resources: Any
    settings: Settings
    filters: Any
    window: Any
    vector: np.ndarray
    idf: dict[str, float]


def asked(questions_path: Path, data_dir: Path, limit: int | None = None) -> Iterator[Asked]:
    from qa.answer import load_resources, with_recency
    from qa.retrieve import Filters, question_idf
    from qa.timewindow import for_question

    settings = Settings(data_dir=data_dir)
    res = load_resources(settings)
    for q in load_questions(questions_path, limit):
        filters = with_recency(Filters(as_of=q.as_of), settings)
        window = for_question(q.question, None, None, q.as_of)
        yield Asked(q, res, settings, filters, window, res.embedder.embed([q.question])[0],
                    question_idf(q.question, res.keyword()))


def coordinate_ascent(start: W, coordinates: Sequence[tuple[Callable[[W, float], W], Sequence[float]]],
                      objective: Callable[[W], float], rounds: int = 3) -> W:
    """Each coordinate over its values in turn, keeping any move that raises the objective,
    until a round moves nothing (or `rounds` rounds)."""
    w, best = start, objective(start)
    for _ in range(rounds):
        moved = False
        for setter, values in coordinates:
            for v in values:
                trial = setter(w, v)
                score = objective(trial)
                if score > best + 1e-9:
                    best, w, moved = score, trial, True
        if not moved:
            break
    return w


def objective(evaluate: Callable[[Any, W], dict[str, float]], prepared: Any, w: W) -> float:
    """What the fits maximise: the sum of the metrics they report (each in 0..1)."""
    return sum(evaluate(prepared, w).values())


def fit(prepared: Any, start: W, coordinates: Sequence[tuple[Callable[[W, float], W], Sequence[float]]],
        evaluate: Callable[[Any, W], dict[str, float]], rounds: int = 3) -> W:
    """Coordinate ascent from `start` on `objective` over the prepared questions."""
    return coordinate_ascent(start, coordinates, lambda w: objective(evaluate, prepared, w), rounds)


def pair(text: str) -> tuple[Path, Path]:
    """QUESTIONS.jsonl=DATA_DIR, as the fits' command lines take them."""
    q, _, d = text.partition("=")
    return Path(q), Path(d)


def parser(doc: str) -> argparse.ArgumentParser:
    """The fits' common command line: ``--fit`` one set, ``--check`` others, ``--limit``
    questions per set, ``--out`` a JSON report; `doc` is the script's docstring."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--fit", required=True, type=pair, help="QUESTIONS.jsonl=DATA_DIR to fit on")
    ap.add_argument("--check", action="append", default=[], type=pair, help="QUESTIONS.jsonl=DATA_DIR to report")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--out", type=Path)
    return ap
