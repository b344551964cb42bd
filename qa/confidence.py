"""Whether the offline reader is sure enough of its short answer to write it.

A short answer in bold is read as *the* answer: a wrong name there misleads more than
the quotes alone, which still show what the archive says. So the reader writes the span
it cut only when a small logistic model of what it already knows says the span is more
likely right than wrong (`WRITE_BAR`):

- the support of the sentence it is cut from (`extractive.SUPPORT`: meaning and
  question words; a sentence on another story supports the question weakly),
- the span's own score (`short_answer.extract`: how strongly the best sentences name it
  where the question's words stand), on a log scale,
- how old the quoted article is before the day the question is asked about (the as-of
  date, else the end of the question's time window): a "this week" question answered
  from a story of years before is most often another story. Without such a day the
  age counts nothing, so a question asked without a date is judged on the rest,
- how far the quoted article stands out in retrieval: its chunk's retrieval score less
  the best score of any other article's that does not name the same answer, over the
  best (a story found well above the rest is the story asked about more often than one
  among many near-equals; a second report of the same story is no rival),
- whether a date is asked for: a date's span score runs lower than a name's for the
  same certainty (fewer sentences repeat a date where the question's words stand),
- whether the news writes the kind asked for beside the name or in it
  (`short_answer.Span.marked`: "Michael McKinley, a former senior adviser to Secretary of
  State Mike Pompeo" for "Which former senior adviser to...?", "her husband, Tom
  Patterson"): the sentence says the name is of that kind, which its order score, and so
  the span's, does not weigh. Of the names the reader withheld on the small gold sets,
  three in four so written were right, against three in ten of the rest.

Nothing here rewards many articles telling a story or a recent date, so one article
telling it (a small archive, a question asked without a date) is not taken for doubt.
The weights come from ``python -m eval.fit_confidence`` (fitted on the short answers of
the RealTimeQA 2025 Q1 dev set, checked on the later weeks, when the margin still counted
every other article as a rival: refitted since, they wrote fewer right answers on both
dev sets; see docs/measurements.md, "Writing the short answer only when the reader is
sure of it"). The weight of `marked`, added later, was fitted alone with the rest as
shipped (``--free marked``) on the short answers of both dev sets and the small gold sets
pooled: the dev sets hold few names so written (14 of 179 on Q1), the small sets many.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qa.short_answer import names_answer
from qa.types import Hit


@dataclass(frozen=True)
class ConfidenceWeights:
    """A logistic model over `features` (fitted by `eval.fit_confidence`)."""

    bias: float = -0.89
    support: float = 1.74
    log_span: float = 2.11
    log_age: float = -0.31
    margin: float = 2.70
    date: float = 3.34
    marked: float = 1.90


FEATURES = ("support", "log_span", "log_age", "margin", "date", "marked")
# Written when more likely right than wrong.
WRITE_BAR = 0.5
_MIN_SPAN = 1e-6
# What the CLI and the app say when the reader cut a short answer it does not write.
SHORT_WITHHELD = "no short answer: newsqa is not sure enough of one; the quotes say what the archive holds"
# What they say when the short answer was read from other days than the question names.
SHORT_ELSEWHEN = "no short answer: nothing dated in the days the question names gives one; the quotes are from other days"
# What they say when the question asks which one is not and the sources name only those that are.
SHORT_LISTED = ("no short answer: the question asks which one is not, and the quoted sources name one that is; "
                "the quotes say what the archive holds")


@dataclass(frozen=True)
class ShortRead:
    """The short answer the reader cut and what it knew of it; its confidence and whether
    it is written follow from those (the shipped `ConfidenceWeights`)."""

    text: str
    support: float  # the support of the sentence it is cut from
    span_score: float  # `short_answer.Span.score`
    age_days: int | None  # the quoted article's age before the question's day; None: unknown
    margin: float  # its retrieval score less the best other article's, over the best
    kind: str | None  # `short_answer.question_type`
    # The question names its days relative to the as-of date ("this week", "yesterday")
    # and nothing found is dated inside them: the span is read from another time's story.
    out_of_window: bool = False
    # The question asks which one is not ("Which of these people is not on the council?",
    # `qa.negated`) and the sentence the span is cut from writes no negation of it: the
    # span is one the story lists, the opposite of the answer.
    listed: bool = False
    # The news writes the kind asked for beside the name, or in it (`short_answer.Span.marked`).
    marked: bool = False

    @property
    def confidence(self) -> float:
        return confidence(features(self.support, self.span_score, self.age_days, self.margin, self.kind, self.marked))

    @property
    def written(self) -> bool:
        """Sure enough to write, and not read from another time than the days the question
        names: "Which country elected its first female prime minister this week?", with
        nothing of that week in the archive, read "Italy" from an older story, a confident
        answer to another week's question. The quotes still show what the archive holds,
        and the window says it was widened."""
        return self.confidence >= WRITE_BAR and not self.out_of_window and not self.listed

    @property
    def withheld_note(self) -> str:
        """Why the short answer is not written, as the CLI and the app say it."""
        return SHORT_LISTED if self.listed else SHORT_ELSEWHEN if self.out_of_window else SHORT_WITHHELD

    def to_dict(self) -> dict[str, object]:
        # The features unrounded: `eval.fit_confidence` reads them back from eval runs, and
        # a rounded one can put a short answer on the other side of the bar.
        sure = self.confidence
        return {"text": self.text, "confidence": sure, "written": self.written,
                "support": self.support, "span_score": self.span_score, "age_days": self.age_days,
                "margin": self.margin, "kind": self.kind, "out_of_window": self.out_of_window, "listed": self.listed,
                "marked": self.marked}


def features(support: float, span_score: float, age_days: int | None, margin: float,
             kind: str | None, marked: bool = False) -> tuple[float, ...]:
    """The model's inputs, in `FEATURES` order."""
    age = math.log1p(max(age_days, 0)) if age_days is not None else 0.0
    return (support, math.log(max(span_score, _MIN_SPAN)), age, margin, float(kind == "date"), float(marked))


def confidence(x: tuple[float, ...], w: ConfidenceWeights | None = None) -> float:
    w = w or ConfidenceWeights()
    z = w.bias + sum(getattr(w, name) * v for name, v in zip(FEATURES, x, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def age_before(day: date | None, published: date | None) -> int | None:
    """Days from the article's date to the question's day; None when either is unknown."""
    return (day - published).days if day and published else None


def margin(hits: Sequence[Hit], i: int, answer: str | None = None) -> float:
    """How far hit `i` stands above every other article's hits (retrieval score, over the
    best hit's); with no other article, its whole score. With `answer`, an article whose
    passage names it too is no rival: two reports of the Super Bowl both naming the
    Eagles are one story told twice, not two stories to choose from."""
    best = max(h.score for h in hits) or 1.0
    own = hits[i].chunk.article_id
    rival = max((h.score for h in hits if h.chunk.article_id != own and not (answer and names_answer(h.chunk.text, answer))),
                default=0.0)
    return (hits[i].score - rival) / best
