"""The short answer is written only when the reader is sure of it (`qa.confidence`), and
its weights are fitted by a script from an eval run (`eval.fit_confidence`)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from eval.fit_confidence import examples, fit_logistic, report
from qa import confidence
from qa.types import Chunk, Hit
from tests.conftest import ROOT, cli_env, run_cli


def hit(article: str, score: float, text: str = "text") -> Hit:
    return Hit(Chunk(f"{article}:0", article, 0, text, 0, "title", f"https://news.example/{article}",
                     "news.example", date(2025, 1, 1)), score)


def test_margin_is_how_far_the_quoted_article_stands_above_every_other_article() -> None:
    hits = [hit("a", 0.8), hit("a", 0.7), hit("b", 0.6), hit("c", 0.2)]
    assert confidence.margin(hits, 0) == pytest.approx((0.8 - 0.6) / 0.8)
    assert confidence.margin(hits, 1) == pytest.approx((0.7 - 0.6) / 0.8)  # its own chunk, not its best
    assert confidence.margin(hits, 2) == pytest.approx((0.6 - 0.8) / 0.8)  # below another article
    assert confidence.margin([hit("a", 0.5), hit("a", 0.4)], 1) == pytest.approx(0.4 / 0.5)  # no rival
    # An article that names the same answer tells the same story: no rival. One that
    # names it only inside another word ("Eaglesham") is one.
    told = [hit("a", 0.6, "The Eagles beat the Chiefs."), hit("b", 0.8, "Philadelphia Eagles win Super Bowl"),
            hit("c", 0.5, "A look back at the Chiefs."), hit("d", 0.7, "Eaglesham council met.")]
    assert confidence.margin(told, 0, "Eagles") == pytest.approx((0.6 - 0.7) / 0.8)
    assert confidence.margin(told, 0) == pytest.approx((0.6 - 0.8) / 0.8)  # without the answer, as before
    assert confidence.margin(told[:3], 0, "Eagles") == pytest.approx((0.6 - 0.5) / 0.8)
    # Nor is one naming it by its initials in capitals: "BBC" tells the British
    # Broadcasting Corporation's story (the second quote's reading, `names_answer`).
    bbc = [hit("a", 0.6, "The British Broadcasting Corporation was sued."), hit("b", 0.8, "Trump sues the BBC")]
    assert confidence.margin(bbc, 0, "British Broadcasting Corporation") == pytest.approx(0.6 / 0.8)


def test_an_old_story_lowers_the_confidence_and_no_date_counts_nothing() -> None:
    """A strong span from a well-supported sentence is written; the same read from an
    article three years older than the question's day is not; asked without a day, its
    age counts nothing (as an article of that very day)."""
    strong = confidence.ShortRead("ISIL", 0.7, 1.0, 2, 0.1, "entity")
    assert strong.written and strong.confidence >= confidence.WRITE_BAR
    old = confidence.ShortRead("ISIL", 0.7, 1.0, 3 * 365, 0.1, "entity")
    assert not old.written and old.confidence < strong.confidence
    undated = confidence.ShortRead("ISIL", 0.7, 1.0, None, 0.1, "entity")
    assert undated.confidence == confidence.ShortRead("ISIL", 0.7, 1.0, 0, 0.1, "entity").confidence
    assert undated.written
    weak = confidence.ShortRead("Maine", 0.6, 0.2, None, 0.1, "entity")
    assert not weak.written
    assert confidence.ShortRead("January 3", 0.6, 0.5, None, 0.1, "date").written  # a date's span scores lower


def test_a_name_written_with_the_kind_asked_beside_it_is_written_where_a_bare_one_is_not() -> None:
    """The same modest read (a sentence low in the reader's order) is written when the
    news writes the kind asked beside the name ("her husband, Tom Patterson") and
    withheld when it does not; the feature is recorded for the fit."""
    bare = confidence.ShortRead("Tom Patterson", 0.55, 0.45, 0, 0.3, "entity")
    marked = confidence.ShortRead("Tom Patterson", 0.55, 0.45, 0, 0.3, "entity", marked=True)
    assert not bare.written and marked.written
    assert marked.to_dict()["marked"] is True and bare.to_dict()["marked"] is False


def test_a_free_fit_moves_only_the_named_weight(tmp_path: Path) -> None:
    """`--free marked` fits that weight alone: on answers right exactly when marked, it
    comes out positive and every other weight stays as shipped; runs given to `--fit`
    are pooled."""
    rng = np.random.default_rng(1)
    runs = []
    for n in range(2):
        questions = []
        for _ in range(150):
            marked = bool(rng.uniform() < 0.5)
            right = rng.uniform() < (0.85 if marked else 0.3)
            questions.append({"gold": ["Right Name"], "declined": False, "short_check": {
                "text": "Right Name" if right else "Other Name", "support": float(rng.uniform(0.3, 1.0)),
                "span_score": float(rng.uniform(0.2, 1.5)), "age_days": int(rng.integers(0, 30)),
                "margin": float(rng.uniform(0.0, 0.5)), "kind": "entity", "marked": marked}})
        run = tmp_path / f"run{n}.json"
        run.write_text(json.dumps({"questions": questions}))
        runs.append(run)
    x = np.vstack([examples(r)[0] for r in runs])
    y = np.concatenate([examples(r)[1] for r in runs])
    w = fit_logistic(x, y, free=["marked"])
    shipped = confidence.ConfidenceWeights()
    assert w.marked > 1.0
    assert (w.bias, w.support, w.log_span, w.margin) == (shipped.bias, shipped.support, shipped.log_span, shipped.margin)
    r = subprocess.run([sys.executable, "-m", "eval.fit_confidence", "--fit", str(runs[0]), "--fit", str(runs[1]),
                        "--free", "marked"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert f"bias {shipped.bias:.2f}" in r.stdout and str(runs[1]) in r.stdout


def test_the_fit_recovers_which_feature_tells_right_from_wrong(tmp_path: Path) -> None:
    """On answers whose rightness follows their support, the fitted support weight is
    positive and writing at the bar raises the share of right ones; a run without
    recorded features is refused with its path."""
    rng = np.random.default_rng(0)
    questions = []
    for _ in range(300):
        support = float(rng.uniform(0.3, 1.0))
        right = rng.uniform() < support ** 3
        questions.append({"gold": ["Right Name"], "declined": False, "short_check": {
            "text": "Right Name" if right else "Other Name", "support": support,
            "span_score": float(rng.uniform(0.5, 1.5)), "age_days": int(rng.integers(0, 30)),
            "margin": float(rng.uniform(0.0, 0.5)), "kind": "entity"}})
    run = tmp_path / "results.json"
    run.write_text(json.dumps({"questions": questions}))
    x, y = examples(run)
    w = fit_logistic(x, y)
    assert w.support > 2.0 and abs(w.margin) < w.support
    row = report(x, y, w)
    assert row["written"] < row["short_answers"] and row["written_right_share"] > row["right_share"]
    bare = tmp_path / "old.json"
    bare.write_text(json.dumps({"questions": [{"gold": ["x"], "declined": False}]}))
    r = subprocess.run([sys.executable, "-m", "eval.fit_confidence", "--fit", str(bare)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode != 0 and str(bare) in r.stderr and "short_check" in r.stderr


@pytest.mark.slow
def test_a_short_answer_the_reader_is_unsure_of_is_not_written_but_its_quote_is(tmp_path: Path) -> None:
    """On the sample archive: the Kerman claim is written ("ISIL"), with its confidence in
    `--json`; for the team Ohtani signed with, the reader cuts "American League" from a
    sentence that hardly answers, and writes no short answer, only the quotes."""
    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], env)
    assert r.returncode == 0, r.stderr
    sure = json.loads(r.stdout)
    assert sure["short_answer"] == "ISIL" and sure["short_answer_check"]["written"] is True
    assert sure["short_answer_check"]["confidence"] >= confidence.WRITE_BAR
    r = run_cli(["ask", "Which team did Shohei Ohtani sign with?", "--json"], env)
    assert r.returncode == 0, r.stderr
    unsure = json.loads(r.stdout)
    check = unsure["short_answer_check"]
    assert check["written"] is False and check["confidence"] < confidence.WRITE_BAR
    assert "short_answer" not in unsure and not unsure["declined"]
    assert unsure["citations"] and unsure["answer"].startswith("\u201c")  # the quotes, no bold name first
    assert check["text"] not in unsure["answer"].split("\u201c")[0]
    human = run_cli(["ask", "Which team did Shohei Ohtani sign with?"], env)
    assert "not sure enough" in " ".join(human.stdout.split()), human.stdout
    assert "not sure enough" not in run_cli(["ask", "Who claimed the Kerman attack?"], env).stdout
