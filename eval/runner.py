"""Ask every question through the public `qa` API and score it.

For each question: retrieval is scored on the top 10 chunks (as of the question's date
when it has one), the open answer on exact match, token F1 and "contains", its citations
on precision, and, for multiple-choice questions, the chosen option on accuracy.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field

import qa
from eval import metrics as m
from eval.breakdown import question_type
from eval.datasets import EvalQuestion
from qa.answer import load_resources
from qa.citations import UNSUPPORTED, audit
from qa.settings import Settings

KS = (1, 3, 5, 10)


@dataclass
class QuestionResult:
    id: str
    question: str
    gold: list[str]
    as_of: str | None
    answer: str
    short_answer: str | None
    declined: bool
    choice: str | None
    mc_correct: bool | None
    rank: int | None  # first retrieved chunk (of 10) holding the evidence or gold answer
    em: float
    f1: float
    contains: float
    gold_citation_precision: float | None  # share of quotes holding the gold answer or evidence
    citations: list[dict] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    qtype: str = "other"  # who / what / when / where / how many / which / other
    time_cue: str | None = None  # the question's time expression, as resolved
    time_kind: str | None = None  # relative / absolute / recent
    # The answer cites nothing dated inside the question's window (None: no window, or declined).
    widened: bool | None = None
    top_citation_age_days: int | None = None  # question date minus the top citation's date
    # The answer as shown, re-checked by the support checker (qa.citations.audit).
    citation_recall: float | None = None  # share of its sentences backed by their citations
    citation_precision: float | None = None  # ALCE: share of citations that back their sentence
    uncited: bool = False  # not a decline, yet no citation and no [unsupported] mark
    origin: str = "offline"  # LLM mode: "model", or "offline" when newsqa's answer is shown
    mc_origin: str | None = None
    mc_answer: str | None = None
    mc_consistent: bool | None = None  # the text's "X) choice" is the recorded choice
    notes: list[str] = field(default_factory=list)
    # The short answer the reader cut, written or not, with its confidence and what it
    # was read from (`qa.confidence.ShortRead`): what `eval.fit_confidence` fits on.
    short_check: dict | None = None

    def to_dict(self) -> dict:
        return asdict(self)


def mc_consistent(text: str, choice: str | None, choices: Sequence[str]) -> bool:
    """The answer names exactly one choice by its label, and it is the recorded choice."""
    labels = [f"{chr(65 + i)}) {c}" for i, c in enumerate(choices)]
    named = [lab for lab in labels if lab in text]
    return choice is not None and len(named) == 1 and text.startswith(named[0]) \
        and named[0].endswith(f") {choice}")


def evaluate_one(q: EvalQuestion, settings: Settings) -> QuestionResult:
    filters = qa.Filters(as_of=q.as_of)
    t = time.perf_counter()
    hits = qa.search(q.question, settings, filters, k=max(KS))
    search_ms = (time.perf_counter() - t) * 1000
    rank = m.first_relevant_rank([h.chunk.text for h in hits], q.answers, q.evidence, q.urls,
                                 [h.chunk.url for h in hits])
    a = qa.ask(q.question, settings, filters=filters)
    pred = a.short_answer or a.text
    mc_correct, choice, mc = None, None, None
    timings = dict(a.timings)
    if q.choices:
        mc = qa.ask(q.question, settings, filters=filters, choices=list(q.choices))
        choice = mc.choice
        mc_correct = choice is not None and choice == q.answers[0]
        timings["mc_total"] = mc.timings.get("total", 0.0)
    checked = audit(a.text, a.citations, load_resources(settings).embedder) if not a.declined else None
    timings["search_k10"] = search_ms
    quotes = [c.quote for c in a.citations]
    top = a.citations[0].published if a.citations else None
    window = a.time_window
    return QuestionResult(
        id=q.id, question=q.question, gold=list(q.answers),
        as_of=q.as_of.isoformat() if q.as_of else None, answer=a.text,
        short_answer=a.short_answer, declined=a.declined, choice=choice, mc_correct=mc_correct,
        rank=rank, em=0.0 if a.declined else m.exact_match(pred, q.answers),
        f1=0.0 if a.declined else m.token_f1(pred, q.answers),
        contains=0.0 if a.declined else m.contains(a.text, q.answers),
        gold_citation_precision=m.citation_precision(quotes, q.answers, q.evidence),
        citations=[c.to_dict() for c in a.citations], timings=timings,
        qtype=question_type(q.question), time_cue=window.cue if window else None,
        time_kind=window.kind if window else None,
        widened=window.widened if window and not a.declined else None,
        top_citation_age_days=(q.as_of - top).days if q.as_of and top else None,
        citation_recall=checked.recall if checked else None,
        citation_precision=checked.precision if checked else None,
        uncited=not a.declined and not a.citations and UNSUPPORTED not in a.text,
        origin=a.origin, mc_origin=mc.origin if mc else None, mc_answer=mc.text if mc else None,
        mc_consistent=mc_consistent(mc.text, mc.choice, q.choices) if mc else None,
        notes=list(a.notes) + (list(mc.notes) if mc else []),
        short_check=a.short_read.to_dict() if a.short_read else None)


def summarize(results: Sequence[QuestionResult]) -> dict[str, float | None]:
    totals = [r.timings.get("total", 0.0) for r in results]
    out: dict[str, float | None] = {
        "mc_accuracy": m.mean([float(r.mc_correct) for r in results if r.mc_correct is not None]),
        **{f"hit@{k}": m.mean([m.hit_at(r.rank, k) for r in results]) for k in KS},
        "mrr": m.mean([m.reciprocal_rank(r.rank) for r in results]),
        "em": m.mean([r.em for r in results]), "f1": m.mean([r.f1 for r in results]),
        "contains": m.mean([r.contains for r in results]),
        # The short answers: how many of the answered questions get one, and how often the
        # one written holds a gold answer (a wrong name in bold misleads more than none).
        "short_answer_rate": m.mean([float(r.short_answer is not None) for r in results if not r.declined]),
        "short_answer_right": m.short_answers_right([(r.short_answer, r.gold) for r in results if not r.declined]),
        "gold_citation_precision": m.mean([r.gold_citation_precision for r in results]),
        "citation_recall": m.mean([r.citation_recall for r in results]),
        "citation_precision": m.mean([r.citation_precision for r in results]),
        "uncited_answers": float(sum(r.uncited for r in results)),
        "mc_inconsistent": float(sum(r.mc_consistent is False for r in results)),
        "offline_answers": float(sum(r.origin == "offline" for r in results if not r.declined)),
        "decline_rate": m.mean([float(r.declined) for r in results]),
        "top_citation_within_7d": m.within_days([r.top_citation_age_days for r in results]),
        "latency_p50_ms": m.percentile(totals, 50), "latency_p95_ms": m.percentile(totals, 95),
    }
    stages = sorted({k for r in results for k in r.timings if k != "total"})
    for s in stages:
        vals = [r.timings[s] for r in results if s in r.timings]
        out[f"latency_{s}_p50_ms"] = m.percentile(vals, 50)
        out[f"latency_{s}_p95_ms"] = m.percentile(vals, 95)
    return out


def run(questions: Sequence[EvalQuestion], settings: Settings,
        on_progress: Callable[[int, int], None] | None = None) -> list[QuestionResult]:
    results = []
    for i, q in enumerate(questions, start=1):
        results.append(evaluate_one(q, settings))
        if on_progress:
            on_progress(i, len(questions))
    return results
