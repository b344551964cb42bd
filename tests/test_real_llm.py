"""The product's own commands against a real small model served by llama.cpp (`make test-llm`).

Needs `make llm` (the server and the model are built by the project's own files); the
module starts the server on loopback and stops it by its PID. The assertions are the
invariants a user relies on, whatever the model writes: an answer that is not a decline
has a citation or visibly marks what is uncited; a multiple-choice answer names exactly
one choice and its text agrees with the recorded choice; no marker-only line survives;
`--json` keeps its contract; streaming shows the reply while it is written.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eval.runner import mc_consistent
from qa.citations import UNSUPPORTED, is_label_only, split_claims
from tests.conftest import ROOT, cli_env, run_cli
from tools.llama_server import LlamaServer

pytestmark = [pytest.mark.llm, pytest.mark.slow]
QUESTIONS = json.loads((Path(__file__).parent / "fixtures" / "sample_llm_questions.json").read_text())
OPEN = [q for q in QUESTIONS if not q.get("choices")][:3]
CHOICE = [q for q in QUESTIONS if q.get("choices")][:3]
ANSWER_KEYS = {"question", "answer", "mode", "declined", "citations", "timings", "time_window",
               "origin", "claims", "notes"}


@pytest.fixture(scope="module")
def llm_env(tmp_path_factory) -> Iterator[dict[str, str]]:
    model = os.environ.get("NEWSQA_TEST_LLM_MODEL", "qwen2.5-coder-0.5b-instruct-q4_k_m")
    env = cli_env(tmp_path_factory.mktemp("real-llm") / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    with LlamaServer(model) as server:
        env.update({"NEWSQA_LLM_BASE_URL": server.url, "NEWSQA_LLM_MODEL": "local",
                    "NEWSQA_LLM_TIMEOUT_S": "600"})
        yield env
    assert server.proc is None  # stopped


def check_contract(out: dict) -> None:
    assert ANSWER_KEYS <= set(out) and out["mode"] == "llm"
    for c in out["citations"]:
        assert set(c) == {"n", "title", "source", "published", "url", "quote", "supported", "added"}
    numbers = {c["n"] for c in out["citations"]}
    for claim in out["claims"]:
        assert set(claim["citations"]) <= numbers and set(claim["rejected"]) <= numbers
        assert claim["supported"] == bool(claim["citations"])


def check_no_marker_only_lines(text: str) -> None:
    assert not [c for c in split_claims(text) if is_label_only(c.text) and c.markers]


@pytest.mark.parametrize("q", OPEN, ids=[q["question"][:30] for q in OPEN])
def test_open_answer_is_cited_or_marked(llm_env, q) -> None:
    r = run_cli(["ask", q["question"], "--json"], llm_env, timeout=900)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    check_contract(out)
    check_no_marker_only_lines(out["answer"])
    if not out["declined"]:
        assert out["citations"] or UNSUPPORTED in out["answer"]
        assert all(c["quote"] for c in out["citations"])
        for claim in out["claims"]:
            assert claim["supported"] or UNSUPPORTED in out["answer"]
    else:
        assert out["citations"] == [] and out["answer"] == "The archive does not contain an answer to this question."


@pytest.mark.parametrize("q", CHOICE, ids=[q["question"][:30] for q in CHOICE])
def test_choice_answer_names_one_choice_that_agrees(llm_env, q) -> None:
    args = ["ask", q["question"], "--json"] + [a for c in q["choices"] for a in ("--choice", c)]
    r = run_cli(args, llm_env, timeout=900)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    check_contract(out)
    check_no_marker_only_lines(out["answer"])
    assert out["choice"] in q["choices"] and mc_consistent(out["answer"], out["choice"], q["choices"])
    assert out["citations"], out
    if out["declined"]:
        assert out["origin"] == "offline" and "(offline choice)" in out["answer"]


def test_streaming_shows_the_reply_while_it_is_written(llm_env) -> None:
    """On a terminal, `newsqa ask` shows the model's words before the final answer."""
    master, slave = pty.openpty()
    env = {**llm_env, "COLUMNS": "200", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "ask", OPEN[0]["question"]], env=env, cwd=ROOT,
                            stdin=slave, stdout=slave, stderr=slave)
    os.close(slave)
    reads: list[bytes] = []
    try:
        deadline = time.time() + 900
        while time.time() < deadline:
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                if not data:
                    break
                reads.append(data)
            elif proc.poll() is not None:
                break
        assert proc.wait(timeout=30) == 0, b"".join(reads)[-2000:]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    final = next(i for i, d in enumerate(reads) if b"Sources:" in d or b"declined" in d)
    streamed = [d for d in reads[:final] if any(ch.isalpha() for ch in d.decode(errors="replace"))]
    assert len(streamed) >= 2, reads[:final]  # the reply grew on screen before the answer was printed
