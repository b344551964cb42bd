"""Past tenses, regular and irregular, end the kind a question asks for (`qa.verbs`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa import short_answer as sa
from qa import verbs


def test_irregular_past_tenses_are_read_from_the_inflection_table() -> None:
    for word in ("told", "wrote", "won", "led", "took", "sold", "unveiled"):
        assert verbs.past_tense(word), word
    # Nouns and a verb's own form are not taken for one: "Which tax cut...?", "which rose".
    for word in ("team", "star", "rose", "cut", "need", "red", "Met"):
        assert not verbs.past_tense(word), word


def test_past_participles_are_read_from_the_inflection_table() -> None:
    for word in ("sworn", "chosen", "given", "named", "been"):
        assert verbs.past_participle(word), word
    # A role, a noun and a capitalised name are not: "Who is warden...?", "Sworn Inc.".
    for word in ("warden", "citizen", "closer", "leader", "Sworn"):
        assert not verbs.past_participle(word), word


def test_an_irregular_verb_ends_the_kind_asked() -> None:
    assert sa.Asked.of("Which Congressman wrote the farm bill?").kinds == {"congressman"}
    assert sa.Asked.of("The head of which government agency told staff to stay home?").kinds == {
        "govern",
        "agenc",
    }
    assert sa.Asked.of("Which animal led the parade?").species


def test_the_forms_are_kept_in_the_user_s_cache_and_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first read writes the forms to the cache folder; a later process reads them
    from there, not from lemminflect's table."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = verbs._read_irregular()
    from qa.wordcache import cached_words

    assert (
        set(
            cached_words(
                "lemminflect", "irregular-past", verbs.IRREGULAR_VERSION, verbs._read_irregular
            )
        )
        == first
    )
    written = list((tmp_path / "newsqa").glob("irregular-past-*.txt"))
    assert len(written) == 1 and "wrote" in written[0].read_text().splitlines()

    def must_not_build() -> list[str]:
        raise AssertionError("read from the table again")

    again = cached_words("lemminflect", "irregular-past", verbs.IRREGULAR_VERSION, must_not_build)
    assert set(again) == first


def test_an_irregular_past_tense_is_read_as_its_verb_beside_a_span() -> None:
    """"Which city did the rebels overtake?" is asked of news that writes "the rebels
    overtook the city": beside a span, the past tense counts as the question's verb. A
    past tense that is also a noun is no verb's ("saw"), as `_read_irregular` leaves it out."""
    assert verbs.present("overtook") == "overtake" and verbs.present("Wrote") == "write"
    assert verbs.present("saw") == "saw"
    assert sa._question_word("overtook", frozenset(sa.q_stems_of("Which city did they overtake?")), {}, "place") == 1.0
