"""Numbered editions of a recurring thing, and the retrieval feature they set."""

from __future__ import annotations

from datetime import date

from qa import rank
from qa.editions import Edition, another, editions
from qa.lexical import stem
from qa.rank import Candidate, Weights
from qa.types import Chunk

AS_OF = date(2025, 3, 7)
OSCARS = "Which film won best picture at the 97th Academy Awards?"


def test_editions_read_digit_ordinals_and_the_word_they_number() -> None:
    found = editions("The 148th annual Westminster show and the 97th Academy Awards; her first award.")
    assert {e.number for e in found} == {148, 97}
    assert Edition(97, stem("Academy")) in found and Edition(148, stem("Westminster")) in found  # "annual" skipped
    assert editions("She won her first award and third title.") == frozenset()


def test_another_edition_is_one_numbered_otherwise_and_never_as_asked() -> None:
    asked = editions(OSCARS)
    assert another(asked, "The nominations for the 86th Academy Awards were led by Gravity.")
    assert not another(asked, "At the 97th Academy Awards, Anora won; at the 96th, Oppenheimer did.")
    assert not another(asked, "Anora won best picture on Sunday.")  # numbers nothing
    assert not another(asked, "The 5th Avenue store closed.")  # another thing numbered
    assert not another(editions("Who won best picture?"), "the 86th Academy Awards")  # the question numbers nothing
    # One thing, however written: "Globe" and "Globes" are one stem, "annual" is skipped.
    assert another(editions("Who won at the 82nd Golden Globe Awards?"), "the 81st annual Golden Globes")


def _cand(cid: str, text: str, title: str = "") -> Candidate:
    c = Chunk(id=f"{cid}:0", article_id=cid, index=0, text=text, start=0, title=title, url="", source="s",
              published=date(2025, 3, 3))
    return Candidate(c, 0.6, 5.0)


def test_a_chunk_about_another_edition_ranks_below_one_that_is_not() -> None:
    cands = [_cand("last-year", "Oppenheimer won best picture at the 96th Academy Awards."),
             _cand("this-year", "Anora won best picture at the Academy Awards."),
             _cand("headline", "Oppenheimer won best picture.", title="96th Academy Awards: the winners")]
    f = rank.features(cands, OSCARS, AS_OF, None, 30.0, {})
    col = rank.FEATURES.index("edition")
    assert list(f[:, col]) == [-1.0, 0.0, -1.0]  # the headline says which edition too
    s = rank.scores(f, Weights())
    assert s[1] > s[0]
    # Without the penalty, the two chunks (same cosine, BM25, date and title) score alike.
    flat = rank.scores(f, Weights(edition=0.0))
    assert flat[0] == flat[1]
