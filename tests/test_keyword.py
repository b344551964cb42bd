"""The paged BM25 build gives exactly bm25s's index, on real article text."""

from __future__ import annotations

import gzip
import json
from datetime import date

import bm25s
import numpy as np
import pytest

from qa.keyword import KeywordIndex, _stemmer, tokenize
from qa.types import Chunk
from tests.conftest import DEV_ARTICLES


def dev_chunks(n_articles: int) -> list[Chunk]:
    out = []
    with gzip.open(DEV_ARTICLES, "rt", encoding="utf-8") as f:
        for i in range(n_articles):
            a = json.loads(next(f))
            paras = [p for p in a["text"].split("\n") if p.strip()] or [""]
            for j, p in enumerate(paras):
                out.append(Chunk(id=f"a{i}:{j}", article_id=f"a{i}", index=j, text=p, title=a["title"],
                                 url=a["url"], source="dev", published=date(2025, 1, 1), start=0))
    return out


@pytest.mark.parametrize("page", [7, 1000, 100_000])  # many pages, a few, one
def test_paged_build_equals_bm25s(page: int) -> None:
    chunks = dev_chunks(60)
    mine = KeywordIndex.build(chunks, page=page).retriever
    ref = bm25s.BM25()
    ref.index(tokenize([f"{c.title}\n{c.text}" for c in chunks]), show_progress=False)
    assert mine.scores["num_docs"] == ref.scores["num_docs"] == len(chunks)
    assert len(mine.scores["data"]) == len(ref.scores["data"])
    queries = ["Delaware birth mothers support", "DIAA championship sites", "medical aid in dying",
               "beach replenishment funding inlet", "school board vote budget"]
    for q in queries:
        words = bm25s.tokenize([q], stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False)[0]
        # Every document's score, not only a top k (ties at a cut-off may order differently).
        s1 = mine.get_scores([w for w in words if w in mine.vocab_dict])
        s2 = ref.get_scores([w for w in words if w in ref.vocab_dict])
        assert s1.shape == (len(chunks),) and (s1 > 0).sum() > 0, q
        assert np.allclose(s1, s2, atol=1e-5), q
