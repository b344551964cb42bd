"""A common noun where the question's "which X" stands answers it (`qa.slots`)."""

from __future__ import annotations

import pytest

from qa import short_answer as sa
from qa.lexical import stem
from qa.slots import Slot


def _in_slot(question: str, sentence: str) -> list[str]:
    slot = Slot.of(sa.asking_clause(question))
    assert slot is not None
    return [sentence[s:e] for s, e in slot.spans(sentence)]


@pytest.mark.parametrize("question,sentence,word", [
    ("Which coin was minted for the last time this week?",
     "The very last penny was minted on Wednesday at the U.S. Mint in Philadelphia.", "penny"),
    ("Scientists have created a 3D map of which animal's brain?",
     "Scientists built the largest map yet using a piece of a mouse's brain.", "mouse"),
    ("Which type of outbreak has been linked to recalled pasta meals?",
     "Regulators continue to investigate a multi-state listeria outbreak.", "listeria"),
    ("Le Pen was barred from office after being convicted of which crime?",
     "Marine Le Pen was convicted of embezzlement on Monday.", "embezzlement"),
    ("Which drug did President Trump move to reclassify this week?",
     "President Donald Trump's move to reclassify marijuana as a less dangerous drug drew praise.", "marijuana"),
])
def test_the_word_in_the_questions_slot_is_found(question: str, sentence: str, word: str) -> None:
    assert word in _in_slot(question, sentence)


def test_what_the_slot_reads_from_the_question() -> None:
    minted = Slot.of("Which coin was minted for the last time?")
    assert minted is not None and minted.follow == (stem("was"), stem("minted")) and minted.kind is None
    brain = Slot.of("a 3D map of which animal's brain?")
    assert brain is not None and brain.possessive and brain.follow == (stem("brain"),)
    assert brain.lead == (stem("map"), stem("of"))
    # An inverted question's next words are its subject's, not the answer's neighbours:
    # the asked thing follows its last verb, the time words it ends on left out.
    inverted = Slot.of("Which drug did President Trump move to reclassify this week?")
    assert inverted is not None and inverted.follow == () and inverted.lead == (stem("to"), stem("reclassify"))
    assert Slot.of("Which type of outbreak was linked to pasta?").kind == stem("outbreak")  # type: ignore[union-attr]
    assert Slot.of("Who won?") is None
    # After a preposition the asked thing is its object, however the question ends: the
    # word after "Candace Owens" ("a right-wing podcast host") is not the court.
    court = Slot.of("In which court did Emmanuel Macron file his lawsuit against Candace Owens?")
    assert court is not None and court.lead == ()
    owens = "Candace Owens, a right-wing podcast host, is responding to the lawsuit in Delaware Superior Court."
    got = sa.extract("In which court did Emmanuel Macron file his lawsuit against Candace Owens?", [owens], [1.0],
                     None, sa.casing([owens]))
    assert got is not None and got.text == "Delaware Superior Court"


def test_no_verb_adverb_function_word_or_the_kind_itself_is_a_candidate() -> None:
    assert _in_slot("Which team won the NBA championship?", "The Thunder earned the NBA championship.") == []
    assert _in_slot("Which type of outbreak was linked to pasta?", "The outbreak was linked to pasta.") == []
    assert _in_slot("Which coin was minted last?", "It quickly was minted.") == []
    assert _in_slot("He was diagnosed with which illness?", "He was diagnosed with aggressive cancer.") == []
    assert _in_slot("Which type of baby product was recalled?", "The kids' product was recalled.") == []
    # A short word, or one in "-eed", ends so as often as a noun: "red", "breed" stay.
    assert _in_slot("Which type of shirt was unveiled?", "The team unveiled a red shirt on Monday.") == ["red"]
    assert _in_slot("Which type of shirt was unveiled?", "The team unveiled a striped shirt on Monday.") == []
    # After an active verb the kind phrase's end is unsure: its next words are not read.
    assert Slot.of("Which team won ice hockey's Stanley Cup?").follow == ()  # type: ignore[union-attr]


def test_extract_answers_with_the_common_noun_and_still_with_names() -> None:
    coin = ["The very last penny was minted on Wednesday at the U.S. Mint in Philadelphia."]
    got = sa.extract("Which coin was minted for the last time this week?", coin, [1.0], None, sa.casing(coin))
    assert got is not None and got.text == "penny"
    pasta = ["As the Food and Drug Administration continues to investigate a multi-state listeria outbreak, "
             "more retailers are recalling pasta meals."]
    got = sa.extract("Which type of outbreak has been linked to recalled pasta meals?", pasta, [1.0], None,
                     sa.casing(pasta))
    assert got is not None and got.text == "listeria"
    thunder = ["The Oklahoma City Thunder earned the NBA championship."]
    got = sa.extract("Which team won the NBA championship this week?", thunder, [1.0], None, sa.casing(thunder))
    assert got is not None and got.text == "Oklahoma City Thunder"
    # A person is asked for: no common noun answers it.
    assert sa.Asked.of("Which singer was booed at the show?").slot is None


def test_a_capitalised_word_is_in_the_slot_only_inside_a_name_written_in_capitals() -> None:
    """"the Year of the Heron" writes the question's "year of" in capitals, so the slot's
    word is capitalised too; after lower-case lead words ("Tessa Day commemorates the
    Mexican army's victory") a capitalised word is a name's, not the common noun asked."""
    assert _in_slot("The festival begins the year of which animal?",
                    "Families are ensuring that the Year of the Heron will be one to remember.") == ["Heron"]
    assert "Mexican" not in _in_slot("Which battle does Tessa Day commemorate?",
                                     "Tessa Day commemorates the Mexican army's victory at the Battle of Harrow.")
