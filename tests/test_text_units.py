"""Small pure functions: dates, cleaning, sentences, chunking, URL canonical form, dedupe."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.articles import canonical_url, source_from_url, text_hash
from ingest.chunk import chunk_article
from ingest.clean import clean_text
from ingest.dates import date_from_text, date_from_url, parse_date
from ingest.dedupe import DuplicateFinder, decode, encode, signature
from qa.sentences import sentence_spans, split_sentences
from qa.types import Article


@pytest.mark.parametrize("value,expected", [
    ("2024-01-03", date(2024, 1, 3)), ("2024-01-03T23:10:00+02:00", date(2024, 1, 3)),
    ("Wed, 03 Jan 2024 10:00:00 GMT", date(2024, 1, 3)), ("January 3, 2024", date(2024, 1, 3)),
    (1704240000, date(2024, 1, 3)), ("1704240000000", date(2024, 1, 3)),
    ("not a date", None), ("", None), (None, None), ("1066-10-14", None),
])
def test_parse_date(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://www.usatoday.com/story/news/2025/01/21/a/1/", date(2025, 1, 21)),
    ("https://edition.cnn.com/2025/1/5/world/x/index.html", date(2025, 1, 5)),
    ("https://example.com/news/2024-02-29-leap", date(2024, 2, 29)),
    ("https://example.com/20240229/story", date(2024, 2, 29)),
    ("https://example.com/2024/02/30/bad", None), ("https://theweek.co.uk/news/123", None),
])
def test_date_from_url(url: str, expected: date | None) -> None:
    assert date_from_url(url) == expected


def test_dateline() -> None:
    assert date_from_text("KERMAN, Iran, Jan. 4, 2024 - The group said") == date(2024, 1, 4)
    assert date_from_text("No date here at all.") is None


def test_clean_keeps_sentences_that_mention_furniture_words() -> None:
    text = "Advertisement\nThe advertisement ran for weeks.\nShare\n\nSource: AP\nA source said so."
    assert clean_text(text) == "The advertisement ran for weeks.\n\nA source said so."


def test_sentences_are_exact_spans() -> None:
    text = 'Gen. Smith arrived in the U.S. on Jan. 5. "We won," he said! Was it 3.5 km? Yes.\nNew line'
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == split_sentences(text)
    assert split_sentences(text) == ["Gen. Smith arrived in the U.S. on Jan. 5.", '"We won," he said!',
                                     "Was it 3.5 km?", "Yes.", "New line"]


def test_initials_run_together_end_no_sentence() -> None:
    """"nominee J.D. Vance": the initials open a name, as "John F. Kennedy"'s one does; a
    word of capitals before a dot still may end one ("...joined NATO. Then...")."""
    text = "At a rally for Senate nominee J.D. Vance, he spoke. Then A.J. Brown scored. Finland joined NATO. Sweden followed."
    assert split_sentences(text) == ["At a rally for Senate nominee J.D. Vance, he spoke.", "Then A.J. Brown scored.",
                                     "Finland joined NATO.", "Sweden followed."]


def test_chunks_keep_sentences_whole_and_slice_the_text() -> None:
    sents = [f"Sentence number {i} talks about topic {i} at some length here." for i in range(40)]
    text = " ".join(sents[:20]) + "\n\n" + " ".join(sents[20:])
    a = Article(id="a1", title="T", text=text, url="u", source="s", published=date(2024, 1, 1))
    chunks = chunk_article(a, max_tokens=60)
    assert len(chunks) > 3
    for c in chunks:
        assert text[c.start : c.start + len(c.text)] == c.text
        assert c.text.endswith(".") and c.published == date(2024, 1, 1) and c.title == "T"
    joined = " ".join(c.text.replace("\n\n", " ") for c in chunks)
    assert joined == " ".join(sents)
    assert [c.id for c in chunks] == [f"a1:{i}" for i in range(len(chunks))]


def test_canonical_url() -> None:
    assert canonical_url("http://WWW.Example.com/a/b/?utm_source=x&id=3#frag") == "https://example.com/a/b?id=3"
    assert source_from_url("https://www.bbc.co.uk/news/1") == "bbc.co.uk"


WIRE = ("The central bank raised its main interest rate by a quarter point on Wednesday, "
        "citing persistent inflation in services and a tight labour market. " * 3 +
        "Officials said further increases were possible if price growth did not slow. "
        "Markets had expected the move, and the currency was little changed after the announcement.")


def test_near_duplicates_found_exact_hash_and_signature_roundtrip() -> None:
    f = DuplicateFinder(threshold=0.8)
    f.add("a", text_hash(WIRE), signature(WIRE))
    variant = WIRE + " Reporting by the wire desk."
    assert f.find("b", text_hash(variant), signature(variant)) == "a"
    assert f.find("c", text_hash(WIRE.upper()), None) == "a"  # case and spacing folded
    other = "A completely different story about a football match in the rain that ended in a draw " * 3
    assert f.find("d", text_hash(other), signature(other)) is None
    assert f.find("a", text_hash(WIRE), signature(WIRE)) is None  # never itself
    sig = signature(WIRE)
    assert (decode(encode(sig)).hashvalues == sig.hashvalues).all()
    f.forget("a")
    assert f.find("b", text_hash(variant), signature(variant)) is None


def test_a_phrase_is_named_as_whole_words_case_aside() -> None:
    from qa.lexical import names

    assert names("The Eagles won in New Orleans", "eagles") and names("Ben & Jerry's said so", "Ben & Jerry's")
    assert not names("Eaglesham council met", "Eagles") and not names("anything", "") and not names("", "Eagles")
