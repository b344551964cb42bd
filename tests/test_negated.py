"""Multiple choice that asks for the one that is not (`qa.negated`): on a real archive,
the choice the sources leave out, or the one they write a negation of."""

from __future__ import annotations

import pytest

import ingest
from qa.answer import ask
from qa.extractive import Scored, preferred, the_one_not
from qa.negated import asks_which_not, negates
from tests.conftest import write_jsonl

COUNCIL = [
    {"title": "Mayor names new ethics council", "published": "2025-05-12", "source": "City Herald",
     "url": "https://herald.example/2025/05/12/ethics-council",
     "text": "The mayor named the members of the new ethics council on Monday. The council's members are "
             "Alice Moreno, Ben Okafor and Carla Diaz, the mayor said. The council meets for the first time "
             "in June and will review the city's contracts."},
    {"title": "Ferry service returns to the harbour", "published": "2025-05-10", "source": "Harbour News",
     "url": "https://harbour.example/2025/05/10/ferry",
     "text": "The ferry service to the island returned on Saturday after two months of repairs. "
             "Tickets cost the same as last year, the operator said."},
    {"title": "Marathon route announced", "published": "2025-05-11", "source": "City Herald",
     "url": "https://herald.example/2025/05/11/marathon",
     "text": "The city marathon will start at the stadium and finish in the old town. The organisers said "
             "Dan Whitfield did not enter this year's race because of an injury. Eva Lind and Farid "
             "Haddad entered again."},
]


@pytest.mark.parametrize("question,expected", [
    ("Which of these women did not fly on the mission this week?", True),
    ("The mayor named a council. Which of the following people is not on the council?", True),
    ("Which fruit is not on the list?", True),
    ("Which country hasn't signed the treaty?", True),
    ("NFL owners have decided not to ban which controversial play?", False),  # the story's "not"
    ("Which senator said he did not vote?", False),  # the one the news names
    ("Which member of Congress announced she will not seek reelection?", False),
    ("Which team won the final?", False),
])
def test_which_questions_that_ask_for_the_one_that_is_not(question: str, expected: bool) -> None:
    assert asks_which_not(question) is expected


def test_the_least_supported_choice_unless_a_source_denies_one() -> None:
    """For "which ... not", the choice the sources support least, not the reader's short
    answer; a choice named in a sentence that writes a negation is taken first."""
    listed = Scored(0, "The members are Alice Moreno, Ben Okafor and Carla Diaz.", 0.7, 0.6, 0.5)
    choices = ["Alice Moreno", "Ben Okafor", "Carla Diaz", "Dan Whitfield"]
    support = [(0.9, [listed]), (0.8, [listed]), (0.85, [listed]), (0.2, [listed])]
    assert preferred(support, choices, "Alice Moreno") == 0  # the short answer names it
    assert preferred(support, choices, "Alice Moreno", which_not=True) == 3
    denial = Scored(1, "Ben Okafor did not join the council, he said.", 0.6, 0.5, 0.5)
    support[1] = (0.8, [denial])
    assert preferred(support, choices, None, which_not=True) == 1
    # Among the choices a model's reply names: the denied one, though another is supported less.
    assert the_one_not(support, choices, [1, 3]) == 1
    assert the_one_not(support, choices, [0, 3]) == 3  # none denied: the least supported
    assert negates("He didn’t join.") and negates("It never aired.") and not negates("He joined.")


@pytest.mark.slow
def test_multiple_choice_asking_which_is_not_takes_the_choice_the_sources_leave_out(tmp_path, real_embedder) -> None:
    from qa.settings import Settings

    s = Settings(data_dir=tmp_path / "data", collection="negated", llm_base_url=None, llm_api_key=None)
    assert ingest.run([write_jsonl(tmp_path / "council.jsonl", COUNCIL)], s, embedder=real_embedder).added == 3
    choices = ["Alice Moreno", "Ben Okafor", "Carla Diaz", "Gina Ross"]
    a = ask("Which of the following people is not a member of the new ethics council?", s,
            embedder=real_embedder, choices=choices)
    assert a.choice == "Gina Ross", a.text
    # Cited: the sentence that lists the members, the evidence that the others are on it.
    assert any("Alice Moreno, Ben Okafor and Carla Diaz" in c.quote for c in a.citations), a.citations
    # The same choices asked the other way round take a member.
    a = ask("Which of the following people is a member of the new ethics council?", s,
            embedder=real_embedder, choices=choices)
    assert a.choice in choices[:3], a.text
    # A source that writes the negation of a choice answers for it.
    a = ask("Which of these runners did not enter the city marathon?", s, embedder=real_embedder,
            choices=["Eva Lind", "Farid Haddad", "Dan Whitfield", "Gina Ross"])
    assert a.choice == "Dan Whitfield", a.text


def test_a_short_answer_to_which_is_not_is_written_only_from_a_sentence_that_negates() -> None:
    from qa import confidence

    sure = confidence.ShortRead("Alice Moreno", 0.9, 1.5, 1, 0.5, "entity")
    assert sure.written  # sure enough to write, as a reader's short answer
    listed = confidence.ShortRead("Alice Moreno", 0.9, 1.5, 1, 0.5, "entity", listed=True)
    assert not listed.written and listed.withheld_note == confidence.SHORT_LISTED
    assert listed.to_dict()["listed"] is True


@pytest.mark.slow
def test_an_open_question_asking_which_is_not_does_not_write_a_name_the_story_lists(tmp_path, real_embedder) -> None:
    """Asked without choices, the reader can only read names the sources give: for "which
    ... is not", one the story lists, so it is not written; the quotes still show the list.
    A sentence that writes the negation ("did not enter") may give the answer."""
    from qa.confidence import SHORT_LISTED
    from qa.settings import Settings

    s = Settings(data_dir=tmp_path / "data", collection="negated", llm_base_url=None, llm_api_key=None)
    ingest.run([write_jsonl(tmp_path / "council.jsonl", COUNCIL)], s, embedder=real_embedder)
    a = ask("Which of the following people is not a member of the new ethics council?", s, embedder=real_embedder)
    assert a.short_answer is None and a.short_read is not None and a.short_read.listed, a.text
    assert any("Carla Diaz" in c.quote for c in a.citations)
    assert a.short_withheld and a.short_read.withheld_note == SHORT_LISTED  # what the CLI and the app say
    a = ask("Which of these runners did not enter the city marathon?", s, embedder=real_embedder)
    assert a.short_read is not None and "Dan Whitfield" in a.short_read.text and not a.short_read.listed, a.text


@pytest.mark.slow
def test_a_model_reply_naming_two_choices_takes_the_one_a_source_denies(tmp_path, real_embedder) -> None:
    """LLM mode: a reply that names two choices for "which ... not" is settled as the
    offline choice is: the one a source writes a negation of, though the other is supported
    less (the least-supported rule alone takes Eva Lind, which the quoted sentence does not
    back, and falls back to the offline choice)."""
    from pydantic import SecretStr

    from qa.settings import Settings
    from tests.llm_server import FakeLLMServer

    with FakeLLMServer() as server:
        s = Settings(data_dir=tmp_path / "data", collection="negated", llm_base_url=server.url,
                     llm_model="test-model", llm_api_key=SecretStr("sk-test-negated"), llm_timeout_s=5.0)
        ingest.run([write_jsonl(tmp_path / "council.jsonl", COUNCIL)], s, embedder=real_embedder)
        choices = ["Eva Lind", "Farid Haddad", "Dan Whitfield", "Gina Ross"]
        server.script.append(("reply", "Eva Lind or Dan Whitfield did not enter the race [1]."))
        a = ask("Which of these runners did not enter the city marathon?", s, embedder=real_embedder,
                choices=choices)
    assert a.mode == "llm" and a.choice == "Dan Whitfield", (a.text, a.notes)
    assert any("more than one choice" in n and "Dan Whitfield is taken: a source writes its negation" in n
               for n in a.notes), a.notes
    assert a.origin == "model" and not any("offline choice" in n for n in a.notes), a.notes
