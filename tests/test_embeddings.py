"""The offline embedder: ONNX Runtime and PyTorch agree, the export is cached and
self-healing, and a cold `ask` never imports torch once the export exists."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qa.embeddings import MiniLMEmbedder
from tests.conftest import DEV_ARTICLES, ROOT, SEED, cli_env, run_cli

pytestmark = pytest.mark.slow


def texts() -> list[str]:
    """Real article text of every length: empty, a word, a question, full 256-token windows."""
    with gzip.open(DEV_ARTICLES, "rt", encoding="utf-8") as f:
        arts = [json.loads(next(f)) for _ in range(12)]
    return ["", "Kerman", "Who claimed the Kerman attack?", SEED.read_text(encoding="utf-8")] + [
        a["title"] + "\n" + a["text"][: 200 * (i + 1)] for i, a in enumerate(arts)]


def test_onnx_and_torch_give_the_same_vectors(real_embedder) -> None:
    assert real_embedder.runtime == "onnx"
    torch_emb = MiniLMEmbedder(runtime="torch")
    a, b = real_embedder.embed(texts()), torch_emb.embed(texts())
    assert a.shape == b.shape == (16, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert float((a * b).sum(1).min()) > 0.9999
    # 256 word pieces are read, not the 128 the shipped tokenizer.json truncates to.
    counts = real_embedder.count_tokens(texts())
    assert max(counts) == 256 and counts[0] == 2  # [CLS] [SEP] for the empty text


def test_tokenization_matches_transformers(real_embedder) -> None:
    from transformers import AutoTokenizer

    from qa.onnx_model import model_dir

    hf = AutoTokenizer.from_pretrained(model_dir())
    want = hf(texts(), truncation=True, max_length=256)["input_ids"]
    got = [e.ids for e in real_embedder.tokenizer.encode_batch(texts())]
    assert got == want  # the tokenizer neither pads nor truncates differently


def test_a_text_gets_the_same_vector_alone_or_in_a_padded_batch(real_embedder) -> None:
    """Batches are padded by hand (`_padded`) to their longest row; the padding must be
    masked out, so a short text batched with 256-token windows gets its own vector."""
    together = real_embedder.embed(texts())
    alone = np.vstack([real_embedder.embed([t]) for t in texts()])
    assert float((together * alone).sum(1).min()) > 0.9999


def test_the_cached_export_is_named_by_the_weights_content() -> None:
    """A reinstall of the same weights (a new virtualenv: another mtime) finds the file
    already exported: its name is the weights' sha256, as pip recorded it."""
    import base64
    import hashlib

    from qa.onnx_model import model_dir, weights_key

    digest = hashlib.sha256((model_dir() / "model.safetensors").read_bytes()).digest()
    assert weights_key() == "sha256-" + base64.urlsafe_b64encode(digest).decode()[:22]


def test_export_is_cached_and_a_damaged_file_is_replaced(tmp_path: Path, real_embedder) -> None:
    from qa.onnx_model import cached_path

    MiniLMEmbedder(cache_dir=tmp_path)
    path = cached_path(tmp_path)
    assert path.exists() and [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp files left
    stamp = path.stat().st_mtime_ns
    MiniLMEmbedder(cache_dir=tmp_path)
    assert path.stat().st_mtime_ns == stamp  # reused, not exported again
    path.write_bytes(b"not an onnx model")
    healed = MiniLMEmbedder(cache_dir=tmp_path)
    assert path.stat().st_size > 50_000_000
    v = healed.embed(["Who claimed the Kerman attack?"])
    assert float((v @ real_embedder.embed(["Who claimed the Kerman attack?"]).T)[0, 0]) > 0.9999


def test_first_commands_run_at_once_on_a_new_machine_share_the_model_files(tmp_path: Path) -> None:
    """Three `newsqa ingest` started together with an empty model cache each make the
    float and int8 files; all three succeed and the cache ends with the two files alone
    (the quantizer's fixed-name scratch file made them fail each other before)."""
    cache = tmp_path / "cache"
    procs = [subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", "--sample"], cwd=ROOT,
                              env=cli_env(tmp_path / f"data{i}", XDG_CACHE_HOME=str(cache)),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    try:
        outs = [p.communicate(timeout=600) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.wait()
    for p, (out, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err[-2000:]
        assert re.search(r"added: [1-9]", out), out
    from qa.onnx_model import cached_path, quantized_path

    models = cache / "newsqa"
    assert sorted(p.name for p in models.iterdir()) == sorted([cached_path(models).name, quantized_path(models).name])


def test_cold_ask_does_not_import_torch(tmp_path: Path, real_embedder) -> None:
    """With the export cached, answering loads ONNX Runtime and tokenizers only: torch
    and transformers are most of what a cold start used to cost."""
    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", str(SEED)], env).returncode == 0
    code = ("import sys\nfrom qa.cli import main\n"
            "sys.argv = ['newsqa', 'ask', 'Who claimed the Kerman attack?', '--json']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "heavy = sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules)\n"
            "print('HEAVY', heavy)\n")
    r = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    assert "ISIL" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "HEAVY []"


def test_threads_follow_the_cores_the_process_may_use_and_do_not_change_vectors(real_embedder) -> None:
    """Pinned to one core (as under taskset or a container's cpuset), the embedder uses
    one thread, not spinning; its vectors are the default embedder's."""
    code = ("import os, sys, json; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))});"
            "from qa.embeddings import MiniLMEmbedder, usable_cores;"
            "e = MiniLMEmbedder(); v = e.embed(sys.argv[1:]);"
            "print(json.dumps({'cores': usable_cores(), 'v': v.tolist()}))")
    sample = texts()[2:5]
    r = subprocess.run([sys.executable, "-c", code, *sample], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    got = json.loads(r.stdout.strip().splitlines()[-1])
    assert got["cores"] == 1
    assert np.allclose(np.array(got["v"]), real_embedder.embed(sample), atol=1e-5)
    assert MiniLMEmbedder(threads=1, spin=True).embed(sample[:1]).shape == (1, 384)  # the override is accepted


def test_int8_model_is_close_to_the_float_one_cached_and_a_model_of_its_own(tmp_path: Path, real_embedder) -> None:
    """The int8 graph is made once from the float export and checked; its vectors are
    near the float ones but not the same, so an archive built with one refuses the other."""
    from qa.onnx_model import cached_path, quantized_path

    int8 = MiniLMEmbedder(cache_dir=tmp_path, int8=True)
    path = quantized_path(tmp_path)
    assert path.exists() and sorted(p.name for p in tmp_path.iterdir()) == sorted([path.name, cached_path(tmp_path).name])
    assert path.stat().st_size < 0.7 * cached_path(tmp_path).stat().st_size  # int8 MatMul weights
    assert int8.name == "sentence-transformers/all-MiniLM-L6-v2-int8" != real_embedder.name
    a, b = int8.embed(texts()), real_embedder.embed(texts())
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    cos = (a * b).sum(1)
    assert float(cos.min()) > 0.97 and float(cos.max()) < 0.99999
    stamp = path.stat().st_mtime_ns
    MiniLMEmbedder(cache_dir=tmp_path, int8=True)
    assert path.stat().st_mtime_ns == stamp  # reused, not made again
    with pytest.raises(Exception, match="ONNX Runtime only"):
        MiniLMEmbedder(cache_dir=tmp_path, int8=True, runtime="torch")


def test_an_archive_is_read_and_extended_with_its_own_model_unless_another_is_set(tmp_path: Path, real_embedder) -> None:
    """Built with the int8 model, the archive needs no setting afterwards: asking and
    ingesting more use the model that built it; explicitly asking for the float model is
    refused with what to do."""
    env = cli_env(tmp_path / "data", NEWSQA_EMBEDDING_MODEL="minilm-int8")
    assert run_cli(["ingest", str(SEED)], env).returncode == 0
    unset = {k: v for k, v in env.items() if k != "NEWSQA_EMBEDDING_MODEL"}
    r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], unset)
    assert r.returncode == 0, r.stderr
    assert "ISIL" in json.loads(r.stdout)["answer"]
    assert run_cli(["ingest", "--sample"], unset).returncode == 0
    stats = json.loads(run_cli(["stats", "--json"], unset).stdout)
    assert stats["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2-int8" and stats["articles"] > 1
    r = run_cli(["ask", "Who claimed the Kerman attack?"], {**env, "NEWSQA_EMBEDDING_MODEL": "minilm"})
    assert r.returncode != 0 and "Unset NEWSQA_EMBEDDING_MODEL" in r.stderr and "-int8" in r.stderr


def test_a_float_archive_is_still_read_with_the_float_model_whatever_the_hint_says(tmp_path: Path, real_embedder) -> None:
    """The model loaded while Chroma opens is a guess (the archive's model last time, kept
    beside it); the archive's own record decides, and a wrong guess is corrected."""
    env = cli_env(tmp_path / "data", NEWSQA_EMBEDDING_MODEL="minilm")
    assert run_cli(["ingest", str(SEED)], env).returncode == 0
    unset = {k: v for k, v in env.items() if k != "NEWSQA_EMBEDDING_MODEL"}
    hint = tmp_path / "data" / ".embedding-model-newsqa"
    for guess in (None, "sentence-transformers/all-MiniLM-L6-v2-int8"):
        if guess:
            hint.write_text(guess)
        r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], unset)
        assert r.returncode == 0, r.stderr
        assert "ISIL" in json.loads(r.stdout)["answer"]
        assert hint.read_text() == "sentence-transformers/all-MiniLM-L6-v2"
