"""Where the offline reader loses a short answer: the passages, the sentences it reads, the
spans of the kind asked, the span it reads, the one it writes.

Usage: NEWSQA_DATA_DIR=DIR python -m eval.funnel QUESTIONS.jsonl [--json]

For each question that asks for a kind of span (who / which / when / where / how many:
`short_answer.question_type`), the question is read as `newsqa ask` reads it as of its
date (`answer.read`), and the gold answer is looked for at each step, in the order the
reader takes them:

1. a passage found holds it (a chunk's headline or text, by the eval's `contains`);
2. a text the short answer is read from holds it (the first sentences of the reader's
   order and their headlines, `extractive.read_texts`);
3. a span of the kind asked in those texts is it (`Asked.answer_spans`, the spans the
   reader's order counts as bearing an answer);
4. the short answer read is it (`extractive.short`);
5. the reader is sure enough to write it (`qa.confidence`).

Each step's count is of the questions that pass it, so the drop from one to the next is
where answers are lost: retrieval (1), the sentence order (2), the reader's candidates
(3), the choice among them (4), the confidence gate (5). `eval.ceiling` says the step
before these: whether the archive holds the story at all. A question the reader declines
still counts at the steps it passes; its short answer is never shown, so it counts at
neither 4 nor 5.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from eval.datasets import EvalQuestion, load_questions
from eval.metrics import contains

STEPS = ("passage", "texts", "span", "read", "written")
STEP_NAMES = {"passage": "a passage found holds it", "texts": "a text read for the short answer holds it",
              "span": "a span of the kind asked is it", "read": "the short answer read is it",
              "written": "the short answer written is it"}


@dataclass(frozen=True)
class Funnel:
    """One question's way through the reader: whether the gold answer is at each step."""

    question_id: str
    kind: str
    declined: bool
    passage: bool
    texts: bool
    span: bool
    read: bool
    written: bool
    short: str | None  # the short answer read, written or not


def through(q: EvalQuestion, hits_text: Sequence[str], texts: Sequence[str], spans: Sequence[str],
            short: str | None, written: bool, kind: str, declined: bool) -> Funnel:
    """The steps the gold answer of `q` reaches, from what the reader had: the passages'
    text, the texts read for the short answer, the spans of the kind asked in them, the
    short answer read and whether it was written."""
    def holds(text: str | None) -> bool:
        return bool(text) and contains(text, q.answers) == 1.0

    read = holds(short) and not declined
    return Funnel(q.id, kind, declined, any(map(holds, hits_text)), any(map(holds, texts)), any(map(holds, spans)),
                  read, read and written, short)


def summary(funnels: Sequence[Funnel]) -> dict:
    """How many typed questions reach each step, and what share of all of them."""
    n = len(funnels)
    return {"n": n, "declined": sum(f.declined for f in funnels),
            "steps": {step: {"n": (k := sum(getattr(f, step) for f in funnels)), "share": k / n if n else None}
                      for step in STEPS}}


def run(questions: Sequence[EvalQuestion]) -> list[Funnel]:
    """Each typed question read as `newsqa ask` reads it, as of its date."""
    from qa import extractive, short_answer
    from qa.answer import load_resources, read, short_read, with_recency, with_sources
    from qa.retrieve import Filters
    from qa.settings import Settings

    settings = Settings()
    res = load_resources(settings)
    out = []
    for q in questions:
        asked = short_answer.Asked.of(q.question)
        if asked.kind is None:
            continue
        filters = with_sources(with_recency(Filters(as_of=q.as_of), settings), res)
        r = read(q.question, res, filters, settings.top_k, settings.max_chunks_per_article,
                 whole_articles=settings.whole_articles)
        texts, _, _ = extractive.read_texts(r.scored, r.hits)
        spans = [s for found in asked.answer_spans(texts) for s in found]
        sure = short_read(r.shown, r.hits, r.day, r.window, question=q.question)
        declined = not r.hits or not r.supported
        out.append(through(q, [f"{h.chunk.title} {h.chunk.text}" for h in r.hits], texts, spans,
                           r.shown.text if r.shown else None, sure is not None and sure.written, asked.kind, declined))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m eval.funnel", description=__doc__.splitlines()[0])
    ap.add_argument("questions", type=Path)
    ap.add_argument("--json", action="store_true", help="print the counts and each question's steps as JSON")
    args = ap.parse_args()
    funnels = run(load_questions(args.questions, None))
    out = summary(funnels)
    if args.json:
        print(json.dumps(out | {"questions": [asdict(f) for f in funnels]}, indent=2))
        return
    print(f"{out['n']} questions ask for a kind of span ({out['declined']} declined); the gold answer:")
    print("| step | questions | share |\n|---|---|---|")
    for step in STEPS:
        got = out["steps"][step]
        share = f"{got['share']:.3f}" if got["share"] is not None else "-"
        print(f"| {STEP_NAMES[step]} | {got['n']} | {share} |")


if __name__ == "__main__":
    main()
