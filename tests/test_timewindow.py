"""Time expressions resolved against the as-of date, and the one-score ranking."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from eval.breakdown import breakdown, question_type
from qa import rank
from qa.rank import Candidate, Weights
from qa.timewindow import TimeWindow, for_question, resolve
from qa.types import Chunk

AS_OF = date(2025, 3, 14)  # a Friday


@pytest.mark.parametrize("question,start,end,kind", [
    ("Which city saw a crackdown this week?", date(2025, 3, 6), AS_OF, "relative"),
    ("Who resigned last week?", date(2025, 2, 27), AS_OF, "relative"),
    ("What did the court rule yesterday?", date(2025, 3, 12), AS_OF, "relative"),
    ("What happened today in Paris?", date(2025, 3, 12), AS_OF, "relative"),
    ("Which team leads so far this year?", date(2025, 1, 1), AS_OF, "relative"),
    ("What did the bank say this month?", date(2025, 2, 10), AS_OF, "relative"),
    ("What happened over the past 3 days?", date(2025, 3, 10), AS_OF, "relative"),
    ("Who resigned last month?", date(2025, 2, 1), AS_OF, "relative"),  # February, and the weeks since
    ("Which team won the cup last year?", date(2024, 1, 1), date(2025, 1, 2), "relative"),  # the calendar year
    ("How much have prices risen over the past two years?", date(2023, 3, 12), AS_OF, "relative"),
    ("What is the latest on the strike?", date(2025, 2, 12), AS_OF, "recent"),
    ("What happened in Kerman on January 3?", date(2025, 1, 2), date(2025, 1, 5), "absolute"),
    ("Who won the vote in March 2024?", date(2024, 3, 1), date(2024, 3, 31), "absolute"),
    ("How many storms hit in 2023?", date(2023, 1, 1), date(2023, 12, 31), "absolute"),
    ("Who won the derby last weekend?", date(2025, 3, 5), AS_OF, "relative"),
    ("Israel and Hamas agreed to a ceasefire on Wednesday in which territory?", date(2025, 3, 6), AS_OF, "relative"),
    ("Who won Best Album at Sunday's Grammy Awards?", date(2025, 3, 6), AS_OF, "relative"),
    ("Biden spoke to the nation Wednesday. Where did he speak?", date(2025, 3, 6), AS_OF, "relative"),
])
def test_time_expressions_resolve_to_windows(question: str, start: date, end: date, kind: str) -> None:
    w = resolve(question, AS_OF)
    assert w is not None and (w.start, w.end, w.kind) == (start, end, kind)
    assert w.cue.lower() in question.lower()


@pytest.mark.parametrize("question", ["Who claimed the Kerman attack?", "Who won the New York race?",
                                      "Which weekly paper closed?", "What sold best on Cyber Monday?",
                                      "Who sang at the Super Bowl Sunday show?",  # a weekday inside a name
                                      "Which country extended its ceasefire until May 2026?"])  # a plan, not a time
def test_questions_without_a_time_have_no_window(question: str) -> None:
    assert resolve(question, AS_OF) is None


def test_explicit_dates_win_and_today_is_the_default() -> None:
    assert for_question("What happened this week?", date(2025, 1, 1), None, AS_OF) is None
    assert for_question("What happened this week?", None, None, None, today=AS_OF).end == AS_OF  # type: ignore[union-attr]


def test_window_describe_and_dict() -> None:
    w = TimeWindow(date(2025, 3, 6), AS_OF, "this week", "relative", widened=True)
    assert w.to_dict()["widened"] is True and "looked beyond them" in w.describe()
    assert w.contains(date(2025, 3, 6)) and not w.contains(date(2025, 3, 5)) and not w.contains(None)


def _cand(cid: str, dense: float, bm25: float, day: date | None, title: str = "") -> Candidate:
    c = Chunk(id=f"{cid}:0", article_id=cid, index=0, text="", start=0, title=title, url="", source="s",
              published=day)
    return Candidate(c, dense, bm25)


def test_features_and_one_score() -> None:
    window = TimeWindow(date(2025, 3, 6), AS_OF, "this week", "relative")
    cands = [_cand("old", 0.62, 10.0, date(2024, 5, 1)), _cand("fresh", 0.60, 9.0, date(2025, 3, 12)),
             _cand("fresh-offtopic", 0.15, 0.5, date(2025, 3, 13)), _cand("undated", 0.5, 5.0, None)]
    f = rank.features(cands, "Who led the strike?", AS_OF, window, 30.0, {})
    assert f.shape == (4, len(rank.FEATURES))
    assert f[0, 1] == 1.0 and f[1, 1] == pytest.approx(0.9)  # BM25 over the best
    assert f[1, 3] == 1.0 and f[0, 3] == 0.0 and f[3, 3] == 0.0  # in the window
    assert f[1, 2] > f[0, 2] > 0 and f[3, 2] == 0  # recency
    s = rank.scores(f, Weights(dense=1.0, keyword=0.3, recency=0.2, window=0.2, title=0, article=0))
    order = [cands[i].chunk.article_id for i, _ in sorted(enumerate(s), key=lambda x: -x[1])]
    assert order[0] == "fresh" and order.index("old") < order.index("fresh-offtopic")  # relevance still counts
    assert Weights.from_vector(Weights().vector()) == Weights()


def test_best_caps_chunks_per_article() -> None:
    cands = [_cand("a", 0.9, 1, None), _cand("a", 0.8, 1, None), _cand("a", 0.7, 1, None), _cand("b", 0.1, 1, None)]
    got = rank.best(cands, np.array([0.9, 0.8, 0.7, 0.1]), 3, per_article=2)
    assert [c.chunk.article_id for c, _ in got] == ["a", "a", "b"]


def test_question_types_and_breakdown() -> None:
    assert [question_type(q) for q in ("Who won?", "How many died?", "Which city?", "Is it?",
                                       "In which year did who win?")] == ["who", "how many", "which", "other", "which"]
    # The word that opens a sentence or clause asks; a "when" that joins a clause does not.
    assert question_type("At a time when budgets shrink, he wants funding. What is the project called?") == "what"
    assert question_type("Finally, when does summer end?") == "when"
    assert question_type('He felt "violated" when photos revealed which secret about him?') == "which"
    assert question_type("She made history when she became the first to do what?") == "what"
    assert question_type("The law took effect when?") == "when"

    class R:  # the runner's result, reduced to what the breakdown reads
        def __init__(self, qtype, cue, rank_, mc, age):  # type: ignore[no-untyped-def]
            self.qtype, self.time_cue, self.time_kind, self.rank = qtype, cue, "relative" if cue else None, rank_
            self.mc_correct, self.contains, self.top_citation_age_days = mc, 0.0, age
            self.widened = None if cue is None else age > 7

    b = breakdown([R("who", "this week", 1, True, 2), R("who", None, None, False, 40), R("which", "this week", 3, True, 9)])
    assert {k: g["n"] for k, g in b["by_window"].items()} == {"quoted from inside the window": 1,
                                                              "quoted from outside the window": 1}
    assert b["by_window"]["quoted from inside the window"]["hit@10"] == 1.0
    assert b["by_type"]["who"]["n"] == 2 and b["by_type"]["who"]["mc_accuracy"] == 0.5
    assert b["by_time_cue"]["time cue (relative)"]["n"] == 2
    assert b["mc_by_evidence"]["evidence in top 10"]["mc_accuracy"] == 1.0
    assert b["mc_by_evidence"]["evidence not in top 10"]["mc_accuracy"] == 0.0
    assert b["top_citation_age"] == {"n": 3, "median_days": 9, "within_7_days": pytest.approx(1 / 3)}


def test_dates_that_leave_no_day_are_refused_and_a_single_day_is_not() -> None:
    from qa.errors import InputError
    from qa.retrieve import Filters
    from qa.timewindow import check_days

    with pytest.raises(InputError, match=r"start on 2025-03-02 \(--since\) and end on 2025-03-01 \(--until\)"):
        Filters(since=date(2025, 3, 2), until=date(2025, 3, 1))
    with pytest.raises(InputError, match=r"end on 2025-02-01 \(--as-of\)"):  # the earlier end names itself
        Filters(since=date(2025, 3, 2), until=date(2025, 4, 1), as_of=date(2025, 2, 1))
    check_days(date(2025, 3, 1), date(2025, 3, 1), date(2025, 3, 1))  # one day is a range
    check_days(date(2025, 3, 1))
    check_days(None, date(2025, 1, 1), date(2024, 1, 1))

