"""How high hit@k can go: which questions have a relevant chunk anywhere in the archive.

Usage: NEWSQA_DATA_DIR=DIR python -m eval.ceiling QUESTIONS.jsonl [--results RUN/results.json]
       [--days 14] [--json]

Every chunk of the archive is tested against each question with the eval's own rule
(`eval.metrics.Relevance`: most of the evidence snippet, a gold URL, or a gold answer),
counting only chunks a question may see (dated no later than its as-of date, or
undated). A question without any such chunk cannot be a hit at any k, so the share with
one is the ceiling of hit@k on this archive. Two stricter counts say how much of that is
the story itself rather than a gold answer's words turning up elsewhere: a relevant chunk
published within `--days` before the as-of date, and one that holds the evidence snippet.
With `--results` (a `newsqa eval` run on the same archive and questions), the run's
hit@10, multiple-choice accuracy, `contains`, citation precision, top citation within 7
days and the share of written short answers that are right are split by those groups: what the
retriever missed that it could have found, and how far the answers can go where the
archive holds nothing of the question's days (no retrieval finds a story that is not
there; a choice there is little better than a guess).

With `--candidates`, each question is also asked as `newsqa ask` gathers its candidates
(`qa.retrieve.gather`: the whole archive and the question's window, dense and keyword,
with the "question + choice" searches of multiple choice) and each group says how many
of its questions have a relevant chunk among them: the rest of retrieval's loss is the
gathering's, and what is gathered but not in the top 10 is the ranking's (`qa.rank`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eval.datasets import EvalQuestion, load_questions
from eval.metrics import Relevance, hit_at, mean, normalize, short_answers_right, within_days


@dataclass(frozen=True)
class Reach:
    """What the archive holds for one question."""

    question_id: str
    allowed: bool  # a relevant chunk dated no later than the as-of date (or undated)
    recent: bool  # one published within `days` before the as-of date
    evidence: bool  # one that holds the evidence snippet (not only a gold answer's words)


@dataclass(frozen=True)
class _Text:
    published: date | None
    url: str
    normalized: str
    words: frozenset[str]


def _texts(store) -> list[_Text]:  # type: ignore[no-untyped-def]
    out = []
    for c in store.iter_chunks():
        n = normalize(c.text)
        out.append(_Text(c.published, c.url, n, frozenset(n.split())))
    return out


def reach(questions: Sequence[EvalQuestion], texts: Sequence[_Text], days: int = 14) -> list[Reach]:
    out = []
    for q in questions:
        rule = Relevance.of(q.answers, q.evidence, q.urls)
        allowed = recent = evidence = False
        for t in texts:
            if q.as_of and t.published and t.published > q.as_of:
                continue
            if not rule.holds("", t.url, t.normalized, t.words):
                continue
            allowed = True
            recent = recent or bool(q.as_of and t.published and (q.as_of - t.published).days <= days)
            evidence = evidence or rule.holds_evidence(t.words)
            if recent and evidence:
                break
        out.append(Reach(q.id, allowed, recent, evidence))
    return out


def gathered(questions: Path, data_dir: Path) -> dict[str, bool]:
    """For each question: whether a relevant chunk (the eval's rule) is among the
    candidates retrieval gathers for it, set up as `newsqa ask` would (`eval.fitting.asked`),
    with the "question + choice" searches of multiple choice."""
    from eval.fitting import asked
    from qa.extractive import choice_queries
    from qa.retrieve import CANDIDATES_PER_K, gather

    out = {}
    for a in asked(questions, data_dir):
        q = a.question
        # Embedded in one batch with the question, as `answer.read` does (the int8 model's
        # vectors move slightly with the batch), so the candidates are the ones ask gathers.
        texts = choice_queries(q.question, q.choices)
        vecs = a.resources.embedder.embed([q.question, *texts]) if texts else [a.vector]
        cands = gather(q.question, a.resources, a.filters, a.settings.top_k * CANDIDATES_PER_K, vecs[0],
                       a.window, list(zip(texts, vecs[1:], strict=True)))
        rule = Relevance.of(q.answers, q.evidence, q.urls)
        out[q.id] = any(rule.holds(c.chunk.text, c.chunk.url) for c in cands)
    return out


def summary(reaches: Sequence[Reach], results: Path | None = None,
            among: dict[str, bool] | None = None) -> dict:
    """Each group's size and share, and with `results` the run's hit@10, multiple-choice
    accuracy, `contains`, citation precision, top citation within 7 days and written short
    answers right within it: how well the run does where the archive holds the week's
    story and where it holds nothing of those days."""
    n = len(reaches)
    groups = {"relevant chunk in the archive": [r for r in reaches if r.allowed],
              "one from the days before the as-of date": [r for r in reaches if r.recent],
              "none from the days before the as-of date": [r for r in reaches if not r.recent],
              "one holding the evidence snippet": [r for r in reaches if r.evidence],
              "none": [r for r in reaches if not r.allowed]}
    out: dict = {"n": n, "groups": {k: {"n": len(v), "share": len(v) / n if n else 0.0} for k, v in groups.items()}}
    if among is not None:
        for k, v in groups.items():
            out["groups"][k]["gathered"] = mean([float(among[r.question_id]) for r in v if r.question_id in among])
    if results:
        run = {q["id"]: q for q in json.loads(results.read_text(encoding="utf-8"))["questions"]}
        for k, v in groups.items():
            asked = [run[r.question_id] for r in v if r.question_id in run]
            out["groups"][k] |= {
                "hit@10": mean([hit_at(q["rank"], 10) for q in asked]),
                "mc_accuracy": mean([q.get("mc_correct") for q in asked]),  # None: no choices
                "contains": mean([q.get("contains") for q in asked]),
                "gold_citation_precision": mean([q.get("gold_citation_precision") for q in asked]),
                "top_citation_within_7d": within_days([q.get("top_citation_age_days") for q in asked]),
                "short_answer_right": short_answers_right([(q.get("short_answer"), q.get("gold", []))
                                                           for q in asked if not q.get("declined")])}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("questions", type=Path)
    ap.add_argument("--results", type=Path, help="a newsqa eval results.json on the same archive")
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--candidates", action="store_true",
                    help="also gather each question's retrieval candidates and count those holding a relevant chunk")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    from qa.settings import Settings
    from qa.store import Store

    settings = Settings()
    qs = load_questions(args.questions, None)
    out = summary(reach(qs, _texts(Store(settings, create=False)), args.days), args.results,
                  gathered(args.questions, settings.data_dir) if args.candidates else None)
    if args.json:
        print(json.dumps(out))
        return
    print(f"{out['n']} questions")
    for k, g in out["groups"].items():
        run = "".join(f"   {name} {g[key]:.3f}" for key, name in
                      (("gathered", "among the candidates"), ("hit@10", "hit@10 of the run"),
                       ("mc_accuracy", "MC"), ("contains", "contains"),
                       ("gold_citation_precision", "citation precision"),
                       ("top_citation_within_7d", "top citation within 7 days"),
                       ("short_answer_right", "short answers right"))
                      if g.get(key) is not None)
        print(f"  {k:42s} {g['n']:4d} ({g['share']:.3f}){run}")


if __name__ == "__main__":
    main()
