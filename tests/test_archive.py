"""Managing the archive: list, show, search, delete, export and import, check, one writer."""

from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

import ingest
from ingest.check import check
from ingest.chunk import chunk_article
from ingest.export import export
from ingest.remove import delete, select
from qa import keyword
from qa.answer import ask
from qa.archive import list_articles, show, text_from_chunks
from qa.keyword import open_index
from qa.store import Store
from qa.types import Article
from tests.conftest import (
    DEV_ARTICLES,
    ROOT,
    SEED,
    cli_env,
    live_descendants,
    run_cli,
    stop,
    wait_for_http,
    write_jsonl,
)
from tests.test_ingest import records

KERMAN = "Who claimed the Kerman attack?"


@pytest.fixture
def sample(settings, real_embedder):
    rep = ingest.run([ingest.SAMPLE_ARCHIVE, SEED], settings, embedder=real_embedder)
    assert rep.added == 31
    return settings


def snapshot(settings) -> dict:
    """Everything stored that an export and import must carry: records, chunks, vectors."""
    store = Store(settings)
    recs = {r.id: (r.title, r.url, r.source, r.published, r.authors, r.duplicate_of, r.n_chunks, r.content_hash)
            for r in store.iter_records()}
    chunks = {c.id: (c.text, c.start, c.title, c.published) for c in store.iter_chunks()}
    vecs = store.get_vectors(sorted(chunks))
    return {"records": recs, "chunks": chunks, "vectors": vecs}


def test_chunks_rebuild_the_article_text_exactly() -> None:
    """Records written before texts were kept are shown and exported from their chunks."""
    with gzip.open(DEV_ARTICLES, "rt", encoding="utf-8") as f:
        rows = [json.loads(next(f)) for _ in range(150)]
    from ingest.readers.base import from_mapping

    checked = 0
    for i, row in enumerate(rows):
        art = ingest.articles.build_article(from_mapping(row, "dev", i))
        if not isinstance(art, Article):
            continue
        chunks = chunk_article(art, 120)
        assert text_from_chunks(chunks) == art.text
        checked += len(chunks) > 1
    assert checked > 50


def test_articles_show_and_search_find_what_is_stored(sample) -> None:
    rows = list_articles(sample)
    assert len(rows) == 31 and rows[0].published >= rows[-1].published  # newest first
    kerman = list_articles(sample, query="Kerman")
    assert kerman and all("Kerman" in show(sample, r.id).text for r in kerman)
    assert 3 <= len(kerman) < 31
    since = list_articles(sample, since=rows[5].published)
    assert {r.id for r in since} == {r.id for r in rows if r.published and r.published >= rows[5].published}
    from qa.errors import InputError

    with pytest.raises(InputError, match="no source matches 'no such source'"):
        list_articles(sample, sources=("no such source",))
    view = show(sample, kerman[0].id[:10])  # a unique id prefix is enough
    assert view is not None and view.record.id == kerman[0].id and view.chunks >= 1
    stored = Store(sample).article_chunks(view.record.id)
    assert stored and all(c.text == view.text[c.start : c.start + len(c.text)] for c in stored)
    assert show(sample, "nope-not-an-id") is None


def test_cli_articles_show_search_json(sample) -> None:
    env = cli_env(sample.data_dir, NEWSQA_COLLECTION=sample.collection)
    r = run_cli(["articles", "--query", "Kerman", "--json"], env)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows and {"id", "published", "source", "title", "url", "chunks"} <= set(rows[0])
    r = run_cli(["show", rows[0]["id"]], env)
    assert r.returncode == 0 and rows[0]["title"] in r.stdout
    r = run_cli(["show", "missing-id-123"], env)
    assert r.returncode == 1 and "no article with id" in r.stderr and "Traceback" not in r.stderr
    r = run_cli(["search", KERMAN, "-k", "3", "--json"], env)
    out = json.loads(r.stdout)
    assert r.returncode == 0 and len(out["passages"]) == 3
    assert any("claimed" in p["text"] for p in out["passages"]) and "answer" not in out
    # A week that holds nothing of the archive: the passages come from before it, and it says so.
    r = run_cli(["search", "Who claimed the Kerman attack this week?", "--as-of", "2024-06-01"], env)
    assert r.returncode == 0 and "time window: 2024-05-24 to 2024-06-01" in r.stdout
    assert "nothing dated in those days answers it" in r.stdout


def test_dates_that_leave_no_day_to_search_are_an_error_not_a_decline(sample) -> None:
    """Swapped --since / --until (or an --as-of before --since) name no day at all: each
    command says which dates and what to do, rather than declining or listing nothing."""
    env = cli_env(sample.data_dir, NEWSQA_COLLECTION=sample.collection)
    for args in (["ask", KERMAN, "--since", "2024-03-01", "--until", "2024-01-01"],
                 ["search", KERMAN, "--since", "2024-03-01", "--as-of", "2024-01-01"],
                 ["articles", "--since", "2024-03-01", "--until", "2024-01-01"]):
        r = run_cli(args, env)
        assert r.returncode != 0 and "Traceback" not in r.stderr, (args, r.stderr)
        said = " ".join(r.stderr.replace("│", " ").split())
        assert "start on 2024-03-01 (--since) and end on 2024-01-01" in said, (args, said)
        assert "does not contain an answer" not in r.stdout
    r = run_cli(["ask", KERMAN, "--since", "2024-01-01", "--until", "2024-01-31"], env)  # one month: fine
    assert r.returncode == 0 and "ISIL" in r.stdout, r.stderr


def test_delete_then_ask_never_cites_the_deleted_article(sample, real_embedder) -> None:
    before = ask(KERMAN, sample, embedder=real_embedder)
    cited = {c.article_id for c in before.citations}
    assert before.citations and not before.declined
    rows, missing = select(Store(sample), sorted(cited) + ["not-stored"])
    assert {r.id for r in rows} == cited and missing == ["not-stored"]
    report = delete(sample, rows, missing)
    assert {r.id for r in report.removed} == cited and report.chunks >= len(cited)
    store = Store(sample)
    assert not store.get_records(sorted(cited)) and not store.chunk_ids_of(sorted(cited))
    after = ask(KERMAN, sample, embedder=real_embedder)
    assert not cited & {c.article_id for c in after.citations}
    assert not cited & {cid.rsplit(":", 1)[0] for cid in keyword.all_ids(open_index(sample.keyword_dir))}
    assert check(sample).problems == []
    # Running the same delete again is safe: nothing left to remove, nothing else touched.
    rows2, missing2 = select(Store(sample), sorted(cited))
    assert rows2 == [] and missing2 == sorted(cited)
    assert len(list_articles(sample)) == 31 - len(cited)


def test_delete_by_source_and_date_takes_duplicates_along(tmp_path, settings, fake_embedder) -> None:
    base = records(6)
    dup = dict(base[0], url="https://elsewhere.example/copy", source="Copy Desk")
    src = write_jsonl(tmp_path / "a.jsonl", base + [dup])
    rep = ingest.run([src], settings, embedder=fake_embedder)
    assert rep.added == 6 and rep.duplicates == 1
    store = Store(settings)
    dup_id, original = next((r.id, r.duplicate_of) for r in list_articles(settings) if r.duplicate_of)
    rows, _ = select(store, [original])
    assert {r.id for r in rows} == {original, dup_id}
    delete(settings, rows)
    rows, _ = select(store, sources=("Example News",))
    assert len(rows) == 5
    delete(settings, rows)
    assert list_articles(settings) == [] and store.chunks.count() == 0


def test_export_then_import_gives_the_same_archive_without_embedding(sample, tmp_path, settings, real_embedder) -> None:
    path = tmp_path / "archive.jsonl.gz"
    rep = export(sample, path, vectors=True)
    assert (rep.articles, rep.duplicates) == (31, 0) and rep.chunks == Store(sample).chunks.count()
    header = json.loads(gzip.open(path, "rt").readline())
    assert header["newsqa_export"] == 1 and header["dim"] == 384 and header["vectors"] is True

    class Counting:
        name, dim = real_embedder.name, real_embedder.dim
        texts = 0

        def embed(self, texts):
            Counting.texts += len(texts)
            return real_embedder.embed(texts)

    target = settings.model_copy(update={"data_dir": tmp_path / "moved", "collection": "moved"})
    got = ingest.run([path], target, embedder=Counting())
    assert got.added == 31 and got.rejected == [] and Counting.texts == 0  # nothing re-embedded
    assert got.reused_vectors == rep.chunks
    a, b = snapshot(sample), snapshot(target)
    assert a["records"] == b["records"] and a["chunks"] == b["chunks"]
    assert all(np.allclose(a["vectors"][k], b["vectors"][k]) for k in a["vectors"])
    one, two = ask(KERMAN, sample, embedder=real_embedder), ask(KERMAN, target, embedder=real_embedder)
    assert one.text == two.text and [c.url for c in one.citations] == [c.url for c in two.citations]
    # Importing again changes nothing; without vectors the same file is embedded afresh.
    assert ingest.run([path], target, embedder=Counting()).unchanged == 31
    plain = tmp_path / "plain.jsonl"
    export(sample, plain)
    fresh = settings.model_copy(update={"data_dir": tmp_path / "fresh", "collection": "fresh"})
    again = ingest.run([plain], fresh, embedder=Counting())
    assert again.added == 31 and Counting.texts > 0 and snapshot(fresh)["records"] == a["records"]


def test_export_of_records_without_text_uses_their_chunks(sample, tmp_path) -> None:
    store = Store(sample)
    recs = list(store.iter_records(with_text=True))
    from dataclasses import replace

    store.put_records([replace(r, text="") for r in recs])  # as written before texts were kept
    path = tmp_path / "old.jsonl"
    export(sample, path)
    lines = [json.loads(x) for x in path.read_text().splitlines()[1:]]
    assert {x["id"]: x["text"] for x in lines} == {r.id: r.text for r in recs}


def test_a_damaged_export_line_is_named_and_the_rest_is_read(sample, tmp_path, settings, real_embedder) -> None:
    path = tmp_path / "archive.jsonl"
    export(sample, path, vectors=True)
    lines = path.read_text().splitlines()
    bad = json.loads(lines[3])
    bad["chunks"][0]["vector"] = "AAAA"
    lines[3] = json.dumps(bad)
    path.write_text("\n".join(lines) + "\n")
    settings = settings.model_copy(update={"data_dir": tmp_path / "other", "collection": "other"})
    rep = ingest.run([path], settings, embedder=real_embedder)
    assert rep.added == 30 and len(rep.rejected) == 1
    r = rep.rejected[0]
    assert r.line == 4 and "chunks[0]" in r.reason and "export the archive again" in r.reason
    future = tmp_path / "future.jsonl"
    future.write_text(json.dumps({"newsqa_export": 99}) + "\n" + lines[1] + "\n")
    rep = ingest.run([future], settings, embedder=real_embedder)
    assert rep.added == 0 and "format 99" in rep.rejected[0].reason and rep.rejected[0].line == 1


def test_check_names_leftovers_a_missing_index_and_repairs_what_is_derived(tmp_path, settings, fake_embedder) -> None:
    ingest.run([write_jsonl(tmp_path / "a.jsonl", records(8))], settings, embedder=fake_embedder)
    clean = check(settings)
    assert clean.problems == [] and clean.exit_code == 0 and clean.articles == 8 and clean.dim == 384
    assert clean.chroma_version and clean.embedding_model == fake_embedder.name
    store = Store(settings)
    victim = next(iter(store.iter_records()))
    # An interrupted ingest's leftovers: chunks written, their record never committed;
    # and a chunk whose article record is gone.
    extra = store.article_chunks(victim.id)
    from dataclasses import replace

    orphan = [replace(c, id=f"ghost:{c.index}", article_id="ghost") for c in extra]
    store.put_chunks(orphan, fake_embedder.embed([c.text for c in orphan]))
    store.delete_records([victim.id])
    rep = check(settings)
    kinds = {p.kind: p for p in rep.problems}
    assert rep.exit_code == 4 and kinds["leftover_chunks"].count == len(orphan) + len(extra)
    assert "ghost:0" in kinds["leftover_chunks"].ids and kinds["leftover_chunks"].repairable
    fixed = check(settings, repair=True)
    assert fixed.problems == [] and fixed.exit_code == 0 and fixed.repaired
    assert store.chunks.count() == sum(r.n_chunks for r in store.iter_records())
    assert len(list(store.iter_records())) == 7  # repair never deletes an article record
    # A deleted keyword index is found and rebuilt.
    import shutil

    shutil.rmtree(settings.keyword_dir)
    keyword.forget(settings.keyword_dir)
    rep = check(settings)
    assert [p.kind for p in rep.problems] == ["keyword_index"] and "missing" in rep.problems[0].message
    assert check(settings, repair=True).problems == []
    assert len(keyword.all_ids(open_index(settings.keyword_dir))) == store.chunks.count()


def test_check_names_articles_missing_chunks_and_keeps_them(tmp_path, settings, fake_embedder) -> None:
    ingest.run([write_jsonl(tmp_path / "a.jsonl", records(3))], settings, embedder=fake_embedder)
    store = Store(settings)
    r = next(iter(store.iter_records()))
    store.delete_chunks(store.chunk_ids_of([r.id]))
    rep = check(settings, repair=True)
    kinds = {p.kind: p for p in rep.problems}
    assert rep.exit_code == 4 and kinds["missing_chunks"].ids == (r.id,)
    assert "a.jsonl" in kinds["missing_chunks"].message
    assert r.id in store.get_records([r.id])


def test_cli_check_exit_codes_and_json(tmp_path) -> None:
    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    r = run_cli(["check", "--json"], env)
    assert r.returncode == 0 and json.loads(r.stdout)["clean"] is True
    import shutil

    shutil.rmtree(tmp_path / "data" / "keyword")
    r = run_cli(["check"], env)
    assert r.returncode == 4 and "keyword index is missing" in r.stdout
    r = run_cli(["check", "--repair"], env)
    assert r.returncode == 0 and "rebuilt the keyword index" in r.stdout
    r = run_cli(["delete", "--source", "newsqa sample"], env)  # not a terminal: needs --yes
    assert r.returncode == 2 and "--yes" in r.stderr
    assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] == 30


def test_an_archive_written_by_another_chroma_major_warns_once(sample, caplog) -> None:
    store = Store(sample)
    meta = store.meta()
    store._put_meta({**meta, "chroma_version": "0.4.24"})
    with caplog.at_level(logging.WARNING, logger="qa.store"):
        Store(sample).require_nonempty()
        Store(sample).require_nonempty()
    warned = [r for r in caplog.records if "written by Chroma 0.4.24" in r.getMessage()]
    assert len(warned) == 1 and "newsqa export" in warned[0].getMessage()


def test_a_second_writer_is_told_which_process_holds_the_archive(tmp_path) -> None:
    """A delete (or ingest) while another process writes: it waits, then names that process."""
    env = cli_env(tmp_path / "data", NEWSQA_WRITER_WAIT_S="1")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from qa.keyword import open_index; "
         f"w = open_index(Path({str(tmp_path / 'data' / 'keyword')!r})).writer(); print('locked', flush=True); "
         "sys.stdin.readline(); w.close()"],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"  # type: ignore[union-attr]
        for args in (["delete", "--source", "newsqa sample", "--yes"], ["ingest", str(SEED)]):
            r = run_cli(args, env)
            assert r.returncode == 1 and f"pid {holder.pid}" in r.stderr and "Let it finish" in r.stderr
        holder.stdin.write("\n")  # type: ignore[union-attr]
        holder.stdin.flush()  # type: ignore[union-attr]
        assert holder.wait(30) == 0
    finally:
        stop(holder)
    assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] == 30  # nothing lost
    assert run_cli(["check"], env).returncode == 0


def test_sigterm_to_newsqa_app_stops_the_streamlit_server(tmp_path) -> None:
    from tests.test_chroma_server import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "app", "--port", str(port)], cwd=ROOT,
                            env=cli_env(tmp_path / "data"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/_stcore/health", proc, "the app")
        os.kill(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        assert not [c for c in live_descendants(os.getpid()).values() if "streamlit" in c]
        with pytest.raises(OSError):
            import urllib.request

            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
    finally:
        stop(proc)


def test_two_ingests_at_once_into_one_folder_run_one_after_the_other(tmp_path) -> None:
    """A cron job and a manual run collide: the second waits for the first, both complete."""
    env = cli_env(tmp_path / "data", NEWSQA_WRITER_WAIT_S="300")
    files = [write_jsonl(tmp_path / f"{n}.jsonl", records(60, offset=100 * n)) for n in (1, 2)]
    procs = [subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(f), "--json"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    try:
        outs = [p.communicate(timeout=600) for p in procs]
    finally:
        for p in procs:
            stop(p)
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err
        assert json.loads(out)["added"] == 60
    assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] == 120
    assert run_cli(["check"], env).returncode == 0


def test_sources_match_as_people_type_them_and_unknown_ones_are_named(sample, real_embedder) -> None:
    from qa.errors import InputError
    from qa.sources import list_sources, resolve

    infos = list_sources(Store(sample))
    assert {i.name for i in infos} >= {"newsqa sample"} and sum(i.articles for i in infos) == 31
    sample_info = next(i for i in infos if i.name == "newsqa sample")
    assert sample_info.articles == 30 and "en.wikipedia.org" in sample_info.domains
    for typed in ("newsqa sample", "NEWSQA SAMPLE", "wikipedia.org", "en.wikipedia.org"):
        assert resolve((typed,), infos) == ("newsqa sample",), typed
    with pytest.raises(InputError, match="no source matches 'newsqa sampel'. Closest: newsqa sample"):
        resolve(("newsqa sampel",), infos)
    from qa.retrieve import Filters

    a = ask(KERMAN, sample, embedder=real_embedder, filters=Filters(sources=("NEWSQA SAMPLE",)))
    assert a.citations and all(c.source == "newsqa sample" for c in a.citations)
    assert len(list_articles(sample, sources=("Newsqa Sample",))) == 30


def test_commands_started_together_on_a_new_folder_all_open_it(tmp_path) -> None:
    """Chroma creates its tables on first open without a lock; several processes opening a
    new folder at once must all get it (without the open lock about one in sixteen failed
    with "table collections already exists")."""
    code = "from qa.settings import Settings; from qa.store import Store; Store(Settings())"
    for trial in range(4):
        env = cli_env(tmp_path / f"data{trial}")
        procs = [subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for _ in range(5)]
        try:
            errs = [p.communicate(timeout=300)[1] for p in procs]
        finally:
            for p in procs:
                stop(p)
        assert [p.returncode for p in procs] == [0] * 5, "\n".join(errs)


def test_a_write_that_fails_leaves_the_old_file_whole_and_no_temporary(tmp_path) -> None:
    """`qa.atomic.replaced_whole`, which the export, the ONNX files and the cached word
    lists write through: the new file replaces the old one only when the write ends
    without an error; either way no temporary file is left beside it."""
    from qa.atomic import replaced_whole

    path = tmp_path / "archive.jsonl"
    path.write_text("old, whole\n")
    with pytest.raises(RuntimeError), replaced_whole(path) as tmp:
        tmp.write_text("new, cut")
        raise RuntimeError("interrupted")
    assert path.read_text() == "old, whole\n" and [p.name for p in tmp_path.iterdir()] == [path.name]
    with replaced_whole(path) as tmp:
        tmp.write_text("new, whole\n")
        assert path.read_text() == "old, whole\n"  # not replaced before the block ends
    assert path.read_text() == "new, whole\n" and [p.name for p in tmp_path.iterdir()] == [path.name]
