"""The tantivy keyword index: what it finds, filters, deletes, commits atomically with its
generation, one writer at a time, and the old format replaced; on real article text."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from qa.keyword import (
    KeywordIndex,
    KeywordIndexBusyError,
    all_ids,
    analyzer,
    chunk_ids_for,
    open_index,
    rebuild,
)
from qa.retrieve import Filters
from qa.types import Chunk
from tests.conftest import DEV_ARTICLES, ROOT


def dev_chunks(n_articles: int, skip: int = 0, tag: str = "") -> list[Chunk]:
    out = []
    with gzip.open(DEV_ARTICLES, "rt", encoding="utf-8") as f:
        for _ in range(skip):
            next(f)
        for i in range(skip, skip + n_articles):
            a = json.loads(next(f))
            paras = [p for p in a["text"].split("\n") if p.strip()] or [""]
            for j, p in enumerate(paras):
                out.append(Chunk(id=f"a{i}:{j}", article_id=f"a{i}", index=j, text=p + tag, title=a["title"],
                                 url=a["url"], source=f"src{i % 3}", published=date(2025, 1, 1 + i % 28), start=0))
    return out


def built(root: Path, chunks: list[Chunk], generation: int = 1) -> KeywordIndex:
    index = open_index(root)
    w = index.writer()
    rebuild(index, w, chunks, generation)
    w.close()
    return index


def chunk(cid: str, text: str, day: date | None = date(2025, 1, 10), source: str = "s") -> Chunk:
    aid = cid.split(":")[0]
    return Chunk(id=cid, article_id=aid, index=0, text=text, start=0, title="", url="", source=source,
                 published=day)


def test_finds_the_chunks_that_hold_the_words_best_first(tmp_path: Path) -> None:
    chunks = dev_chunks(40) + [
        chunk("x1:0", "The militia claimed the twin bombings in the port city of Zanzibarville."),
        chunk("x2:0", "Officials in Zanzibarville opened a new bridge."),
    ]
    index = built(tmp_path / "kw", chunks)
    assert index.size == len(chunks) and all_ids(index) == sorted(c.id for c in chunks)
    hits = index.search("Who claimed the bombing in Zanzibarville?", 10)
    assert [c for c, _ in hits[:2]] == ["x1:0", "x2:0"]  # both rare words beat one; stems match
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    assert index.search("the of and", 10) == []  # stop words alone find nothing
    # Text that trips query parsers is searched as words, not syntax.
    for q in ("What did the U.S. say?", "Trump's plan (outcome: yes)", 'He said "no" AND -x +y [a TO b]'):
        assert isinstance(index.search(q, 5), list)
    assert analyzer().analyze("Trump's bombings") == ["trump", "bomb"]


def test_filters_restrict_without_changing_scores(tmp_path: Path) -> None:
    chunks = dev_chunks(60) + [chunk("u1:0", "school board vote budget undated", day=None, source="src1")]
    index = built(tmp_path / "kw", chunks)
    meta = {c.id: c for c in chunks}
    q = "school board vote budget"
    f = Filters(since=date(2025, 1, 5), until=date(2025, 1, 20), sources=("src1",))
    hits = index.search(q, 20, f)
    assert hits
    for cid, _ in hits:
        c = meta[cid]
        assert c.source == "src1" and c.published and date(2025, 1, 5) <= c.published <= date(2025, 1, 20)
    everything = dict(index.search(q, 500))
    assert any(meta[cid].source != "src1" for cid in everything)
    for cid, s in hits:  # a filter only removes chunks; it adds nothing to a score
        assert s == pytest.approx(everything[cid])
    # Scores for chosen chunks only (candidates another search found) are the same scores.
    some = [cid for cid, _ in hits[:3]] + ["a0:0", "no-such-chunk:0"]
    chosen = dict(index.scores_for(q, some))
    assert set(chosen) <= set(some) and {cid for cid, _ in hits[:3]} <= set(chosen)
    assert all(chosen[c] == pytest.approx(everything[c]) for c in chosen)
    # An undated chunk passes an upper bound alone (as in Chroma's filter), not a lower one.
    assert "u1:0" in dict(index.search(q, 500, Filters(until=date(2025, 1, 20))))
    assert "u1:0" not in dict(index.search(q, 500, Filters(since=date(2025, 1, 1))))


def test_deleted_articles_are_never_returned_and_staged_changes_wait_for_commit(tmp_path: Path) -> None:
    chunks = dev_chunks(20)
    index = built(tmp_path / "kw", chunks, generation=1)
    query = "school board vote budget"
    gone = sorted({c.article_id for c in chunks if "school" in c.text.lower()})
    before = {cid.split(":")[0] for cid, _ in index.search(query, 50)}
    assert before & set(gone) and before - set(gone)  # the query hits deleted and kept articles
    w = index.writer()
    w.delete_articles(gone)
    w.add([chunk(f"{gone[0]}:0", "school board tunnel rewritten")])  # one of them comes back, rewritten
    index.index.reload()
    assert index.generation() == 1 and {cid.split(":")[0] for cid, _ in index.search(query, 50)} == before
    w.commit(2)
    w.close()
    index.index.reload()
    after = index.search(query, 50)
    assert index.generation() == 2
    assert after and all(cid.split(":")[0] not in gone[1:] for cid, _ in after)
    assert chunk_ids_for(index, gone) == [f"{gone[0]}:0"]
    assert index.search("tunnel rewritten", 1)[0][0] == f"{gone[0]}:0"


def test_idf_weighs_rare_words_higher(tmp_path: Path) -> None:
    index = built(tmp_path / "kw", dev_chunks(40) + [chunk("x1:0", "Zanzibarville in Delaware")])
    idf = index.idf(["Delaware", "Zanzibarville", "newsword"])
    assert idf["zanzibarvill"] > idf["delawar"] > 0 and idf["newsword"] == 1.0


def test_share_counts_the_chunks_that_hold_every_word_of_a_name(tmp_path: Path, monkeypatch) -> None:
    from qa import keyword

    named = [chunk(f"n{i}:0", f"Mayor Lily Wu spoke on day {i}.") for i in range(6)]
    named += [chunk(f"m{i}:0", f"Tom Wu met the council on day {i}.") for i in range(4)]
    index = built(tmp_path / "kw", dev_chunks(20) + named)
    monkeypatch.setattr(keyword, "SHARE_MIN_CHUNKS", 1)  # the share of this small index itself
    got = index.share(["Lily Wu", "Wu", "Zanzibarville", "the"])
    # "Lily Wu" counts only the chunks holding both words (6), "Wu" all ten; none holds the
    # third, and a stop word is no name.
    assert 0 < got["Lily Wu"] < got["Wu"] < 0.1 and got["Lily Wu"] / got["Wu"] == pytest.approx(0.6)
    assert got["Zanzibarville"] == 0.0 and got["the"] == 0.0
    monkeypatch.setattr(keyword, "SHARE_MIN_CHUNKS", 10_000)  # a small archive says little
    assert index.share(["Wu"])["Wu"] == 10 / 10_000


def test_a_second_writer_is_refused_clearly_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    root = tmp_path / "kw"
    built(root, dev_chunks(3))
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from qa.keyword import open_index
            w = open_index(Path({str(root)!r})).writer()
            print("locked", flush=True)
            sys.stdin.readline()
            w.close()
        """)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"  # type: ignore[union-attr]
        index = open_index(root)
        with pytest.raises(KeywordIndexBusyError, match=rf"Another newsqa process \(pid {holder.pid}: .*\) is writing"):
            index.writer(wait_s=0.5)
        holder.stdin.write("\n")  # type: ignore[union-attr]
        holder.stdin.flush()  # type: ignore[union-attr]
        assert holder.wait(30) == 0
        index.writer(wait_s=5).close()  # free again
    finally:
        holder.kill()
        holder.wait()


def test_a_killed_writer_leaves_a_whole_commit_with_its_generation(tmp_path: Path) -> None:
    """kill -9 at any point: the index reopens at one commit, whose generation says how
    many chunks it holds (50 per commit here), and accepts a new writer."""
    root = tmp_path / "kw"
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            from datetime import date
            from pathlib import Path
            from qa.keyword import open_index
            from qa.types import Chunk
            w = open_index(Path({str(root)!r})).writer()
            for g in range(1, 10**6):
                w.add(Chunk(id=f"g{{g}}-{{i}}:0", article_id=f"g{{g}}-{{i}}", index=0, text=f"word{{i}} news",
                            start=0, title="t", url="", source="s", published=date(2025, 1, 1))
                      for i in range(50))
                w.commit(g)
                print(g, flush=True)
        """)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(5):
            child.stdout.readline()  # type: ignore[union-attr]
    finally:
        child.kill()
        child.wait()
    index = open_index(root)
    index.index.reload()
    gen = index.generation()
    assert gen is not None and gen >= 5
    assert index.size == 50 * gen
    index.writer().close()  # the dead process's lock went with it


def test_the_hand_written_format_is_replaced(tmp_path: Path) -> None:
    root = tmp_path / "kw"
    (root / "s-abc").mkdir(parents=True)
    (root / "CURRENT").write_text("m-3-abc.json")
    index = built(root, dev_chunks(2))
    assert not (root / "CURRENT").exists() and not (root / "s-abc").exists()
    assert index.generation() == 1 and index.size == len(dev_chunks(2))
