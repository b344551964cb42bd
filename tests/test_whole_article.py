"""The reader reads on in the top article (`qa.whole_article`): which chunks it adds, and
that `ask` answers from a chunk retrieval did not return."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import ingest
import qa.answer
from qa.types import Chunk, Hit
from qa.whole_article import top_articles, with_rest

QUESTION = "In which town will the collapsed Halvorsen bridge be rebuilt?"


def chunk(article: str, index: int, text: str) -> Chunk:
    return Chunk(f"{article}:{index}", article, index, text, index * 100, f"{article} title",
                 f"https://news.example/{article}", "News", date(2024, 5, 6))


class ChunksByArticle:
    """Articles' chunks by article id, as `Store.article_chunks` gives them."""

    def __init__(self, *chunks: Chunk) -> None:
        self.chunks = chunks
        self.asked: list[str] = []

    def article_chunks(self, article_id: str) -> list[Chunk]:
        self.asked.append(article_id)
        return [c for c in self.chunks if c.article_id == article_id]


LEDE = chunk("bridge", 0, "The Halvorsen bridge collapsed on Sunday after a barge struck it.")
SECOND = chunk("bridge", 1, "Divers searched beneath the collapsed Halvorsen bridge until dawn.")
FILLER = chunk("bridge", 2, "Traffic was diverted to the northern ferry on Monday.")
ANSWER = chunk("bridge", 3, "The Halvorsen bridge will be rebuilt in the town of Tarrow, the council said.")
OTHER = chunk("fair", 0, "The orchard fair drew a record crowd on Saturday.")
OTHER_REST = chunk("fair", 1, "The Halvorsen bridge will be rebuilt in the town of Tarrow, a stall keeper said.")
STORE = ChunksByArticle(LEDE, SECOND, FILLER, ANSWER, OTHER, OTHER_REST)
FOUND = [Hit(LEDE, 0.9), Hit(OTHER, 0.5), Hit(SECOND, 0.7)]


def test_reads_on_in_the_top_article_only_where_a_chunk_says_more_of_the_question() -> None:
    got = with_rest(FOUND, STORE, 1, QUESTION, {})
    assert got[:3] == FOUND  # the passages found come first, unchanged
    # The answering chunk is read, scored as the article's least relevant passage found;
    # the filler, which says less of the question than the lede, is not; nor is the
    # second article, beyond the one article read on.
    assert got[3:] == [Hit(ANSWER, 0.7)]


def test_reads_on_in_as_many_articles_as_asked() -> None:
    assert top_articles(FOUND, 2) == ["bridge", "fair"]
    got = with_rest(FOUND, STORE, 2, QUESTION, {})
    assert [h.chunk for h in got[3:]] == [ANSWER, OTHER_REST]
    assert got[4].score == 0.5  # the second article's own floor


def test_reads_nothing_more_when_off_or_when_the_found_passages_say_it_all() -> None:
    store = ChunksByArticle(*STORE.chunks)
    assert with_rest(FOUND, store, 0, QUESTION, {}) == FOUND
    assert store.asked == []  # nothing looked up when reading on is off
    found = [Hit(ANSWER, 0.9), Hit(LEDE, 0.6)]
    assert with_rest(found, store, 1, QUESTION, {}) == found  # no chunk holds more of the question
    assert with_rest([], store, 1, QUESTION, {}) == []


def test_rarer_question_words_weigh_more() -> None:
    # With "town" common and "collapsed" rare, the lede's sentence holds more of what
    # the question asks than the answering one: nothing is read on.
    idf = {"town": 0.1, "rebuilt": 0.1, "collaps": 5.0}  # stems, as `question_idf` keys them
    assert with_rest(FOUND, STORE, 1, QUESTION, idf) == FOUND


def story(tmp_path: Path, embedder, monkeypatch: pytest.MonkeyPatch, *sentences: str):  # type: ignore[no-untyped-def]
    """A real archive of one story in short chunks, whose retrieval is made to return only
    the story's first chunk (with the score of the best passage it found), as it does when
    the answer sits in a chunk that matches the question less on its own; the settings to
    ask it with."""
    from qa.settings import Settings

    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"title": "Barge strike brings down river crossing", "published": "2024-05-06",
                               "source": "River Post", "url": "https://river.example/halvorsen",
                               "text": " ".join(sentences)}) + "\n", encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", collection="whole", llm_base_url=None, llm_api_key=None,
                        chunk_tokens=30)
    ingest.run([src], settings, embedder=embedder)
    real_retrieve = qa.answer.retrieve

    def first_chunk_only(question, resources, *args, **kwargs):  # type: ignore[no-untyped-def]
        best = real_retrieve(question, resources, *args, **kwargs)[0]
        return [Hit(resources.store.article_chunks(best.chunk.article_id)[0], best.score)]

    monkeypatch.setattr(qa.answer, "retrieve", first_chunk_only)
    return settings


@pytest.mark.slow
def test_ask_answers_from_a_chunk_retrieval_did_not_return(tmp_path: Path, real_embedder,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    base = story(tmp_path, real_embedder, monkeypatch,
                 LEDE.text, SECOND.text, FILLER.text * 3, "Shops near the ramp closed.", ANSWER.text)
    off = qa.answer.ask(QUESTION, base.model_copy(update={"whole_articles": 0}), embedder=real_embedder)
    assert "Tarrow" not in off.text  # the lede alone does not say
    on = qa.answer.ask(QUESTION, base, embedder=real_embedder)
    assert on.short_answer == "Tarrow"
    assert "rebuilt in the town of Tarrow" in on.citations[0].quote
    assert on.citations[0].url == "https://river.example/halvorsen"


@pytest.mark.slow
def test_whether_to_answer_is_judged_on_the_passages_found(tmp_path: Path, real_embedder,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Found: a passage that says nothing of the question. Reading on would find the
    answer, but the support threshold was calibrated on the passages found: the answer is
    a decline, as it was before the reader read on."""
    settings = story(tmp_path, real_embedder, monkeypatch,
                     "Shops near the southern ramp closed as police sealed off the area.", FILLER.text * 3,
                     "Residents watched from the embankment.", ANSWER.text)
    a = qa.answer.ask(QUESTION, settings, embedder=real_embedder)
    assert a.declined and not a.citations


def test_reads_the_lede_when_it_says_as_much_of_the_question_as_any_found() -> None:
    """The lede, which names who did what, is read on when it says as much of the question
    as the best sentence found; another chunk saying only as much is not."""
    lede = chunk("waffle", 0, "Ardent Foods has recalled its frozen waffle products over listeria.")
    listed = chunk("waffle", 1, "These stores sell the recalled frozen waffle products over listeria.")
    same = chunk("waffle", 2, "Shoppers returned recalled frozen waffle products over listeria.")
    store = ChunksByArticle(lede, listed, same)
    got = with_rest([Hit(listed, 0.8)], store, 1, "Which company recalled frozen waffle products over listeria?", {})
    assert [h.chunk for h in got] == [listed, lede]
