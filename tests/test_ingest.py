"""Ingest end to end on real Chroma (temporary folder, unique collection per test)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import ingest
import ingest.pipeline
from ingest import pipeline
from qa import keyword
from qa.keyword import all_ids, chunk_ids_for, open_index
from qa.stats import archive_stats
from qa.store import Store
from tests.conftest import SEED, write_jsonl
from tests.fakes import HashingEmbedder


def story(i: int, topic: str = "harbour") -> str:
    return (f"Story {i}: officials in town number {i} announced a plan for the {topic} on Monday. "
            f"The plan for town {i} includes {i * 3} new jobs and a budget of {i * 7} million. "
            f"Residents of town {i} said they welcomed the news about the {topic} project. "
            f"Work in town {i} is expected to begin in the spring and last {i % 5 + 1} years.")


def records(n: int, offset: int = 0) -> list[dict]:
    return [{"title": f"Town {i} plan", "text": story(i), "url": f"https://news.example/2024/01/{i % 28 + 1:02d}/town-{i}",
             "source": "Example News"} for i in range(offset, offset + n)]


def test_ingest_then_rerun_changes_nothing(tmp_path: Path, settings, fake_embedder) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", records(30))
    rep = ingest.run([src, SEED], settings, embedder=fake_embedder)
    assert (rep.files, rep.added, rep.updated, rep.unchanged, rep.duplicates) == (2, 31, 0, 0, 0)
    assert rep.rejected == [] and rep.exit_code == 0
    store = Store(settings)
    n_chunks = store.chunks.count()
    assert n_chunks == rep.chunks_written >= 31
    calls = fake_embedder.calls
    rep2 = ingest.run([src, SEED], settings, embedder=fake_embedder)
    assert (rep2.added, rep2.updated, rep2.unchanged, rep2.chunks_written) == (0, 0, 31, 0)
    assert fake_embedder.calls == calls  # nothing re-embedded
    assert store.chunks.count() == n_chunks
    st = archive_stats(settings)
    assert (st.articles, st.chunks, st.sources) == (31, n_chunks, 2)
    assert st.first_date.isoformat() == "2024-01-01" and st.embedding_model == fake_embedder.name


def test_edited_article_replaces_its_chunks(tmp_path: Path, settings, fake_embedder) -> None:
    recs = records(3)
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    ingest.run([src], settings, embedder=fake_embedder)
    store = Store(settings)
    long_text = " ".join(story(100 + k, "tunnel") for k in range(12))
    recs[1] = {**recs[1], "text": long_text}
    rep = ingest.run([write_jsonl(src, recs)], settings, embedder=fake_embedder)
    assert (rep.added, rep.updated, rep.unchanged) == (0, 1, 2)
    aid = next(r.id for r in store.iter_records() if r.title == "Town 1 plan")
    chunks = store.article_chunks(aid)
    assert len(chunks) > 1 and all("tunnel" in c.text for c in chunks)
    # and shorter again: the extra chunks go
    recs[1] = {**recs[1], "text": story(1, "park")}
    ingest.run([write_jsonl(src, recs)], settings, embedder=fake_embedder)
    chunks = store.article_chunks(aid)
    assert len(chunks) == 1 and "park" in chunks[0].text
    assert store.chunks.count() == 3
    # the keyword index follows the edit
    kw = open_index(settings.keyword_dir)
    kw.index.reload()
    assert kw.generation() == store.generation()
    assert kw.search("tunnel", 5) == [] and kw.search("park", 5)[0][0] == f"{aid}:0"


def test_later_ingests_extend_the_keyword_index_instead_of_rebuilding_it(
        tmp_path: Path, settings, fake_embedder, monkeypatch) -> None:
    """A second ingest indexes only what it writes and replaces the edited article's
    chunks; the index then holds exactly the store's chunks. An interrupted run makes the
    next one rebuild instead."""
    ingest.run([write_jsonl(tmp_path / "a.jsonl", records(6))], settings, embedder=fake_embedder)
    store = Store(settings)
    rebuild = keyword.rebuild
    monkeypatch.setattr(pipeline, "rebuild", lambda *a, **k: pytest.fail("rebuilt from the store"))
    recs = records(9)
    recs[2] = {**recs[2], "text": story(2, "tunnel")}
    rep = ingest.run([write_jsonl(tmp_path / "b.jsonl", recs)], settings, embedder=fake_embedder)
    assert (rep.added, rep.updated, rep.unchanged) == (3, 1, 5)
    kw = open_index(settings.keyword_dir)
    kw.index.reload()
    assert kw.generation() == store.generation()
    assert all_ids(kw) == sorted(c.id for c in store.iter_chunks())
    town2 = next(r.id for r in store.iter_records() if r.title == "Town 2 plan")
    assert chunk_ids_for(kw, [town2]) == [c.id for c in store.article_chunks(town2)]
    assert kw.search("tunnel", 3)[0][0].startswith(town2)
    # An interrupted ingest leaves the generation ahead of the index: the next run rebuilds.
    store.bump_generation()
    calls: list[int] = []
    monkeypatch.setattr(pipeline, "rebuild", lambda *a, **k: calls.append(1) or rebuild(*a, **k))
    ingest.run([write_jsonl(tmp_path / "c.jsonl", records(1, offset=50))], settings, embedder=fake_embedder)
    kw.index.reload()
    assert calls == [1] and kw.generation() == store.generation()
    assert all_ids(kw) == sorted(c.id for c in store.iter_chunks())


def test_a_second_ingest_into_the_same_folder_waits_then_stops_clearly(
        tmp_path: Path, settings, fake_embedder) -> None:
    ingest.run([write_jsonl(tmp_path / "a.jsonl", records(2))], settings, embedder=fake_embedder)
    store = Store(settings)
    before = sorted(c.id for c in store.iter_chunks())
    holder = open_index(settings.keyword_dir).writer()  # what a running ingest holds
    try:
        with pytest.raises(keyword.KeywordIndexBusyError, match=f"Another newsqa process \\(pid {os.getpid()}"):
            ingest.run([write_jsonl(tmp_path / "b.jsonl", records(4))],
                       settings.model_copy(update={"writer_wait_s": 0.3}), embedder=fake_embedder)
    finally:
        holder.close()
    assert sorted(c.id for c in store.iter_chunks()) == before  # nothing was written
    rep = ingest.run([write_jsonl(tmp_path / "b.jsonl", records(4))], settings, embedder=fake_embedder)
    assert rep.added == 2


def test_duplicates_exact_and_near_are_linked_not_indexed(tmp_path: Path, settings, fake_embedder) -> None:
    base = records(2)
    same_url = dict(base[0])
    same_text_other_site = {**base[0], "url": "https://mirror.example/town-0", "title": "Town 0 plan (mirror)"}
    wire = story(50) + " " + story(51) + " " + story(52)
    near = [{"title": "Wire A", "text": wire, "url": "https://a.example/wire"},
            {"title": "Wire B", "text": wire + " Additional reporting by Kim Lee.", "url": "https://b.example/wire"}]
    src = write_jsonl(tmp_path / "a.jsonl", base + [same_url, same_text_other_site] + near)
    rep = ingest.run([src], settings, embedder=fake_embedder)
    assert (rep.added, rep.duplicates) == (3, 3)
    store = Store(settings)
    recs = {r.title: r for r in store.iter_records()}
    assert recs["Town 0 plan (mirror)"].duplicate_of == recs["Town 0 plan"].id
    assert recs["Wire B"].duplicate_of == recs["Wire A"].id and recs["Wire B"].n_chunks == 0
    assert store.chunk_ids_of([recs["Wire B"].id]) == []
    st = archive_stats(settings)
    assert (st.articles, st.duplicates) == (3, 2)
    rep2 = ingest.run([src], settings, embedder=fake_embedder)  # a re-run adds nothing
    assert (rep2.added, rep2.updated) == (0, 0)
    assert archive_stats(settings).articles == 3


def test_bad_records_rejected_rest_stored(tmp_path: Path, settings, fake_embedder) -> None:
    p = tmp_path / "mixed.jsonl"
    good = records(2)
    p.write_text(json.dumps(good[0]) + "\n{not json\n" + json.dumps({"title": "x"}) + "\n" + json.dumps(good[1]) + "\n")
    (tmp_path / "empty.txt").write_text("")
    rep = ingest.run([p, tmp_path / "empty.txt"], settings, embedder=fake_embedder)
    assert rep.added == 2 and rep.exit_code == 3
    assert sorted((Path(r.file).name, r.line) for r in rep.rejected) == [("empty.txt", None), ("mixed.jsonl", 2), ("mixed.jsonl", 3)]


def test_other_embedding_model_is_refused(tmp_path: Path, settings, fake_embedder) -> None:
    import pytest

    from qa.errors import EmbeddingMismatchError

    src = write_jsonl(tmp_path / "a.jsonl", records(2))
    ingest.run([src], settings, embedder=fake_embedder)

    class Other(type(fake_embedder)):
        name = "another-model"

    with pytest.raises(EmbeddingMismatchError, match="test-hashing-384"):
        ingest.run([write_jsonl(tmp_path / "b.jsonl", records(2, 10))], settings, embedder=Other())


class FailingEmbedder(HashingEmbedder):
    """Embeds normally until call number `fail_on`, which raises (a model crash mid-run)."""

    def __init__(self, fail_on: int) -> None:
        super().__init__()
        self.fail_on = fail_on

    def embed(self, texts):  # type: ignore[no-untyped-def]
        if self.calls + 1 == self.fail_on:
            self.calls += 1
            raise RuntimeError("model crashed")
        return super().embed(texts)


def test_model_failure_in_the_worker_keeps_earlier_batches_and_rerun_completes(
        tmp_path: Path, settings, monkeypatch) -> None:
    """Embedding runs on a worker thread, overlapped with reading and writing: its error
    must reach the caller, batches before it must be committed whole, and nothing of the
    failed batch (or the one read after it) may be recorded as stored."""
    monkeypatch.setattr(ingest.pipeline, "BATCH", 10)
    src = write_jsonl(tmp_path / "a.jsonl", records(50))
    with pytest.raises(RuntimeError, match="model crashed"):
        ingest.run([src], settings, embedder=FailingEmbedder(fail_on=3))
    store = Store(settings)
    stored = {r.id for r in store.iter_records()}
    assert len(stored) == 20  # batches 1 and 2 committed, batch 3 failed, nothing after it
    assert store.chunks.count() == sum(r.n_chunks for r in store.iter_records())
    good = HashingEmbedder()
    rep = ingest.run([src], settings, embedder=good)
    assert (rep.added, rep.unchanged) == (30, 20)
    assert len({r.id for r in store.iter_records()}) == 50
    assert store.chunks.count() == sum(r.n_chunks for r in store.iter_records())


def test_a_file_that_yields_nothing_says_so(tmp_path: Path, settings, fake_embedder) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]")
    rep = ingest.run([empty], settings, embedder=fake_embedder)
    assert rep.exit_code == 3 and [(r.file, r.reason[:17]) for r in rep.rejected] == [(str(empty), "no articles found")]


def test_stats_say_where_the_dates_came_from(tmp_path: Path, settings, fake_embedder) -> None:
    from qa.stats import archive_stats

    rows = [{"title": "A", "text": story(1), "date": "2024-02-03"},
            {"title": "B", "text": story(2), "url": "https://n.example/2024/02/04/b"},
            {"title": "C", "text": story(3)}]
    ingest.run([write_jsonl(tmp_path / "d.jsonl", rows)], settings, embedder=fake_embedder)
    st = archive_stats(settings)
    assert st.dated_from == {"metadata": 1, "url": 1} and st.undated == 1


@pytest.mark.parametrize("feed_name", ["0feed.rss", "zfeed.rss"])  # read before, then after the page
def test_a_feed_teaser_is_joined_to_its_page_in_the_same_input(tmp_path: Path, settings, fake_embedder,
                                                               feed_name: str) -> None:
    from tests.test_web import page

    folder = tmp_path / "in"
    folder.mkdir()
    html = page("Ferry returns", "The ferry").replace(
        "<head>", '<head><link rel="canonical" href="https://gazette.example/ferry">')
    (folder / "ferry.html").write_text(html)
    (folder / feed_name).write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item><title>Ferry returns</title>'
        "<link>https://gazette.example/ferry</link><description>The ferry is back in service, the council said."
        "</description></item></channel></rss>")
    rep = ingest.run([folder], settings, embedder=fake_embedder)
    store = Store(settings)
    (rec,) = list(store.iter_records(with_text=True))
    assert len(rec.text.split()) > 150 and rep.added == 1 and rep.rejected == []
    assert rep.joined == (1 if feed_name == "0feed.rss" else 0)
    assert store.chunks.count() == rec.n_chunks


def _records_sync_threshold(settings) -> int:
    from qa.store import _client

    col = _client(settings).get_collection(f"{settings.collection}_articles")
    return int(col.configuration_json["hnsw"]["sync_threshold"])


def test_the_records_log_is_kept_short_in_new_and_older_archives(tmp_path: Path, settings,
                                                                  fake_embedder) -> None:
    """Every new process replays the records' unfolded writes on its first read, so the
    records collection folds them in often; an archive created with Chroma's default gets
    the shorter log at its next ingest, and what it holds is untouched."""
    from qa.store import RECORDS_SYNC_THRESHOLD, _client

    _client(settings).create_collection(f"{settings.collection}_articles")  # as an older newsqa made it
    assert _records_sync_threshold(settings) == 1000
    src = write_jsonl(tmp_path / "a.jsonl", records(5))
    first = ingest.run([src], settings, embedder=fake_embedder)
    assert first.added == 5 and _records_sync_threshold(settings) == RECORDS_SYNC_THRESHOLD
    # A re-run that adds nothing shortens an older archive's log too, and keeps what it holds.
    store = Store(settings)
    store.write(lambda: store.articles.modify(configuration={"hnsw": {"sync_threshold": 1000}}))
    again = ingest.run([src], settings, embedder=fake_embedder)
    assert again.unchanged == 5 and again.added == 0
    assert _records_sync_threshold(settings) == RECORDS_SYNC_THRESHOLD and archive_stats(settings).articles == 5

    fresh = settings.model_copy(update={"collection": settings.collection + "new"})
    Store(fresh)
    assert _records_sync_threshold(fresh) == RECORDS_SYNC_THRESHOLD
