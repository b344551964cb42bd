"""Verbatim replies of real small models (tests/fixtures/real_llm_replies.json), replayed.

The replies were recorded with `python -m tools.record_replies` against llama.cpp serving
Qwen2.5-Coder Instruct (0.5B, Q4_K_M) over the sample archive, with the prompts tried
while tuning them: "v0" the first prompt (multiple choice: letter first), "v1" the one
shipped (multiple choice: quote the evidence, then "Answer: X) choice"), "v2" v1 plus a
closing instruction in the user message (it made the model reply "[1] [2][3]"), "v3" v1
plus a worked example and each source's text opening with its number (the model once
replied with the example's own sentence). Replayed by the scripted server, they keep in
CI the ways real models break the prompt's rules (no markers, a bare letter, a letter
biased to "A)" or "B)", marker-only replies, a parroted example), without a model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.runner import mc_consistent
from ingest import pipeline
from qa.answer import ask
from qa.citations import UNSUPPORTED, is_label_only, split_claims
from tests.llm_server import FakeLLMServer

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
RECORDS = json.loads((Path(__file__).parent / "fixtures" / "real_llm_replies.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample(tmp_path_factory, real_embedder):
    from qa.settings import Settings

    s = Settings(data_dir=tmp_path_factory.mktemp("replies") / "data", collection="replies",
                 llm_model="local", llm_max_retries=0, llm_timeout_s=30.0)
    rep = pipeline.run([ROOT / "ingest" / "sample" / "articles.jsonl"], s, embedder=real_embedder)
    assert rep.added == 30
    with FakeLLMServer() as server:
        yield s.model_copy(update={"llm_base_url": server.url}), real_embedder, server


@pytest.mark.parametrize("rec", RECORDS, ids=[f"{r['model'][:20]}-{r['question'][:25]}" for r in RECORDS])
def test_recorded_reply_becomes_a_checked_answer(sample, rec) -> None:
    settings, emb, server = sample
    server.script.append(("reply", rec["reply"]))
    a = ask(rec["question"], settings, choices=rec.get("choices"), embedder=emb)
    assert server.requests and a.mode == "llm"
    assert not [c for c in split_claims(a.text) if is_label_only(c.text) and c.markers]
    if not a.declined:
        assert a.citations or UNSUPPORTED in a.text
        assert all(c.supported or UNSUPPORTED in a.text or any(c.n in cl.rejected for cl in a.claims)
                   for c in a.citations)
    for c in a.citations:
        assert c.quote in c.context  # copied exactly from the passage it cites
    if rec.get("choices"):
        assert a.choice in rec["choices"] and mc_consistent(a.text, a.choice, rec["choices"])
        assert a.citations
        assert (a.origin == "offline") == ("(offline choice)" in a.text)
        if a.declined:
            assert a.origin == "offline"
    else:
        assert a.declined == (a.text == "The archive does not contain an answer to this question.")
