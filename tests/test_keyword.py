"""The segmented BM25 index scores exactly as one bm25s index over the live chunks,
however it is split, updated, merged, saved and loaded; on real article text."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import bm25s
import numpy as np
import pytest

from qa import keyword
from qa.keyword import KeywordIndex, build_segments, merge, tokenize
from qa.retrieve import Filters
from qa.types import Chunk
from tests.conftest import DEV_ARTICLES

QUERIES = ["Delaware birth mothers support", "DIAA championship sites", "medical aid in dying",
           "beach replenishment funding inlet", "school board vote budget"]


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


def by_id(index: KeywordIndex, query: str) -> dict[str, float]:
    terms = tokenize([query], return_ids=False)[0]
    out: dict[str, float] = {}
    for s, sc in zip(index.segments, index.scores(terms), strict=True):
        live = np.ones(s.size, dtype=bool) if s.dead is None else ~s.dead
        out.update({s.ids[d].decode(): float(sc[d]) for d in np.flatnonzero(live)})
    return out


def assert_same_as_bm25s(index: KeywordIndex, chunks: list[Chunk]) -> None:
    """Every live chunk's score, not only a top k (ties at a cut-off may order differently)."""
    ref = bm25s.BM25()
    ref.index(tokenize([f"{c.title}\n{c.text}" for c in chunks]), show_progress=False)
    assert index.size == len(chunks)
    for q in QUERIES:
        words = tokenize([q], return_ids=False)[0]
        want = ref.get_scores([w for w in words if w in ref.vocab_dict])
        got = by_id(index, q)
        assert sorted(got) == sorted(c.id for c in chunks)
        assert (want > 0).sum() > 0, q
        assert np.allclose([got[c.id] for c in chunks], want, atol=1e-5), q


@pytest.mark.parametrize(("page", "segment_docs"), [(7, 10**6), (1000, 10**6), (100_000, 10**6), (50, 120)])
def test_build_equals_bm25s(page: int, segment_docs: int) -> None:
    chunks = dev_chunks(60)
    index = KeywordIndex.build(chunks, segment_docs=segment_docs, page=page)
    assert len(index.segments) == (1 if segment_docs > len(chunks) else -(-len(chunks) // segment_docs))
    assert_same_as_bm25s(index, chunks)


def test_a_build_into_a_folder_keeps_finished_segments_on_disk_only(tmp_path: Path) -> None:
    """Each finished segment is written at once and read back memory-mapped, so a
    rebuild of a big archive holds one segment's postings, not all of them."""
    chunks = dev_chunks(60)
    index = KeywordIndex.build(chunks, tmp_path, segment_docs=300)
    assert len(index.segments) == -(-len(chunks) // 300)
    for s in index.segments:
        assert (tmp_path / s.name / "docs.npy").exists() and isinstance(s.docs, np.memmap)
    assert_same_as_bm25s(index, chunks)


def test_updates_and_merges_score_as_a_fresh_index_of_the_live_chunks() -> None:
    first = dev_chunks(40)
    index = KeywordIndex(build_segments(first))
    # A second ingest rewrites articles a5..a14 (new text) and adds a40..a59.
    rewritten = dev_chunks(10, skip=5, tag=" tunnel replenishment")
    added = dev_chunks(20, skip=40)
    new = build_segments(rewritten + added, segment_docs=150)
    index = index.updated(new, [f"a{i}" for i in range(5, 15)] + [f"a{i}" for i in range(40, 60)])
    live = [c for c in first if not 5 <= int(c.article_id[1:]) < 15] + rewritten + added
    assert_same_as_bm25s(index, live)
    # Merging, and saving then loading, change nothing.
    merged = KeywordIndex([merge(index.segments)])  # type: ignore[list-item]
    assert merged.segments[0].dead is None and merged.size == len(live)
    assert_same_as_bm25s(merged, live)


def test_small_segments_are_merged_once_there_are_too_many(monkeypatch) -> None:
    monkeypatch.setattr(keyword, "SEGMENT_DOCS", 400)  # "small" is under 200 live chunks
    index = KeywordIndex(build_segments(dev_chunks(30)))
    assert index.segments[0].live >= 200
    runs = keyword.MAX_SMALL + 2
    for k in range(runs):  # one small article per ingest
        index = index.updated(build_segments(dev_chunks(1, skip=100 + k)), [])
        assert sum(s.live < 200 for s in index.segments) <= keyword.MAX_SMALL
    assert len(index.segments) < 1 + runs  # merged on the way
    assert index.segments[0].live >= 200  # the big one is left alone
    assert_same_as_bm25s(index, dev_chunks(30) + dev_chunks(runs, skip=100))


def test_save_load_round_trip_and_old_files_go(tmp_path: Path) -> None:
    root = tmp_path / "keyword"
    chunks = dev_chunks(30)
    KeywordIndex.build(chunks).save(root, 3)
    gen, index = KeywordIndex.load(root)  # type: ignore[misc]
    assert gen == 3
    updated = index.updated(build_segments(dev_chunks(5, skip=2, tag=" tunnel")), [f"a{i}" for i in range(2, 7)])
    updated.save(root, 5)
    gen, loaded = KeywordIndex.load(root)  # type: ignore[misc]
    assert gen == 5 and loaded.size == updated.size
    assert by_id(loaded, "tunnel school") == pytest.approx(by_id(updated, "tunnel school"))
    assert loaded.search("tunnel", 3)[0][0].startswith(("a2:", "a3:", "a4:", "a5:", "a6:"))
    # What no manifest names is removed once old; a damaged or older-format index reads as missing.
    (root / "g7-1-1").mkdir()  # a format-1 folder
    updated.save(root, 6)
    assert not (root / "g7-1-1").exists()
    (root / "CURRENT").write_text("g7-1-1")
    assert KeywordIndex.load(root) is None


def test_search_applies_date_and_source_filters() -> None:
    chunks = dev_chunks(60)
    index = KeywordIndex.build(chunks, segment_docs=100)
    meta = {c.id: c for c in chunks}
    f = Filters(since=date(2025, 1, 5), until=date(2025, 1, 20), sources=("src1",))
    hits = index.search("school board vote budget", 20, f)
    assert hits
    for cid, _ in hits:
        c = meta[cid]
        assert c.source == "src1" and date(2025, 1, 5) <= c.published <= date(2025, 1, 20)
    everything = index.search("school board vote budget", 20)
    assert [s for _, s in everything] == sorted((s for _, s in everything), reverse=True)
    assert any(meta[cid].source != "src1" for cid, _ in everything)


def test_deleted_chunks_are_never_returned() -> None:
    chunks = dev_chunks(20)
    index = KeywordIndex.build(chunks)
    gone = {c.article_id for c in chunks if "school" in c.text.lower()}
    query = "school board vote budget"  # matches deleted and kept articles alike
    before = {cid.split(":")[0] for cid, _ in index.search(query, 50)}
    assert before & gone and before - gone
    index = index.updated([], sorted(gone))
    after = index.search(query, 50)
    assert after and all(cid.split(":")[0] not in gone for cid, _ in after)
    assert index.segments[0].dead is not None
