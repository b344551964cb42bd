"""Faults: damaged or missing index files, secrets in output, asks during an ingest."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, cli_env, run_cli, write_jsonl
from tests.llm_server import FakeLLMServer
from tests.test_ingest import records

pytestmark = pytest.mark.slow
KEY = "sk-live-DO-NOT-LEAK-0123456789abcdef"


def test_corrupted_index_is_a_clear_error_and_missing_keyword_cache_is_rebuilt(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    shutil.rmtree(tmp_path / "data" / "keyword")  # the BM25 cache is derived: rebuilt on demand
    r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], env)
    assert r.returncode == 0 and json.loads(r.stdout)["citations"]
    assert (tmp_path / "data" / "keyword" / "meta.json").exists()
    db = tmp_path / "data" / "chroma" / "chroma.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    for args in (["stats"], ["ask", "anything?"], ["ingest", "--sample"]):
        r = run_cli(args, env)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr and "error:" in r.stderr
        assert "chroma" in r.stderr.lower()


def test_api_key_never_appears_in_output_reports_or_logs(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    with FakeLLMServer() as server:
        env.update({"NEWSQA_LLM_BASE_URL": server.url, "OPENAI_API_KEY": KEY})
        gold = write_jsonl(tmp_path / "g.jsonl", [{"question": "Who claimed the Kerman attack?", "answer": "ISIL"}])
        outputs = []
        for args in (["--debug", "ask", "Who claimed the Kerman attack?", "--json"],
                     ["eval", str(gold), "--json", "--out", str(tmp_path / "rep")]):
            r = run_cli(args, env)
            assert r.returncode == 0, r.stderr
            outputs += [r.stdout, r.stderr]
        server.script.extend([("status", 401, {}), ("status", 500, {})] + [("status", 500, {})] * 6)
        for args in (["ask", "Who claimed the Kerman attack?"], ["--debug", "ask", "Who claimed the Kerman attack?"]):
            r = run_cli(args, env)
            assert r.returncode == 1
            outputs += [r.stdout, r.stderr]
        outputs += [p.read_text(errors="replace") for p in (tmp_path / "rep").glob("*") if p.suffix in (".json", ".md")]
        assert server.auth_headers and all(h == f"Bearer {KEY}" for h in server.auth_headers)  # it was used...
        assert not [o for o in outputs if KEY in o]  # ...and never shown


def test_asks_in_threads_while_an_ingest_runs(tmp_path: Path) -> None:
    from qa.answer import ask
    from qa.settings import Settings

    data = tmp_path / "data"
    env = cli_env(data)
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    src = write_jsonl(tmp_path / "more.jsonl", records(400))
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(src), "--json"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    settings = Settings(data_dir=data)
    errors: list[BaseException] = []
    answers: list[str] = []

    def worker() -> None:
        try:
            while proc.poll() is None or len(answers) < 8:
                a = ask("Who claimed the Kerman attack?", settings)  # the archive's own model, loaded once
                answers.append(a.short_answer or "")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert json.loads(out)["added"] == 400
    assert not errors, errors[:3]
    assert len(answers) >= 8 and set(answers) <= {"ISIL", "ISIS", "Islamic State"}
    st = json.loads(run_cli(["stats", "--json"], env).stdout)
    assert st["articles"] == 430


def test_short_load_run_has_no_errors(tmp_path: Path, monkeypatch) -> None:
    from benchmarks.load import run

    env = cli_env(tmp_path / "data")
    assert run_cli(["ingest", "--sample"], env).returncode == 0
    monkeypatch.setenv("NEWSQA_DATA_DIR", str(tmp_path / "data"))
    res = run(clients=12, seconds=6)
    assert res["errors"] == 0, res["error_samples"]
    assert res["requests"] >= 12


def test_disk_full_during_ingest_is_clear_and_harmless(tmp_path: Path) -> None:
    import os

    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI and these machines run as root)")
    mnt = tmp_path / "small"
    mnt.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], check=True)
    try:
        env = cli_env(mnt / "data")
        assert run_cli(["ingest", "--sample"], env).returncode == 0
        big = write_jsonl(tmp_path / "big.jsonl", records(600))
        r = run_cli(["ingest", str(big), "--json"], env)
        assert r.returncode == 1, r.stdout
        assert "is full" in r.stderr and "run the same command again" in r.stderr and "Traceback" not in r.stderr
        st = run_cli(["stats", "--json"], env)  # Chroma needs free space even to open for reading
        assert st.returncode == 0 or ("disk holding the archive is full" in st.stderr and "Traceback" not in st.stderr)
        # more space: what was stored is intact, and the same command completes the ingest
        subprocess.run(["mount", "-o", "remount,size=200m", str(mnt)], check=True)
        assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] >= 30
        r = run_cli(["ingest", str(big), "--json"], env)
        assert r.returncode == 0, r.stderr
        assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] == 630
        r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], env)
        assert r.returncode == 0 and json.loads(r.stdout)["citations"]
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


class _LockedWrites:
    """A Chroma collection whose next `n` upserts fail as a busy local Chroma's can:
    SQLite's "database is locked", raised at once."""

    def __init__(self, coll, n: int) -> None:
        self.coll, self.left = coll, n

    def __getattr__(self, name: str):
        return getattr(self.coll, name)

    def upsert(self, **kw):
        from chromadb.errors import InternalError

        if self.left:
            self.left -= 1
            raise InternalError("Database error: error returned from database: (code: 5) database is locked")
        return self.coll.upsert(**kw)


def test_a_locked_index_is_written_again_and_a_lasting_lock_is_a_clear_error(tmp_path: Path, settings,
                                                                             fake_embedder, monkeypatch) -> None:
    import ingest
    from qa import store as store_module
    from qa.errors import StoreUnavailableError
    from qa.store import LOCKED_PAUSES, Store

    pauses: list[float] = []
    monkeypatch.setattr(store_module.time, "sleep", pauses.append)
    ingest.run([write_jsonl(tmp_path / "a.jsonl", records(3))], settings, embedder=fake_embedder)
    store = Store(settings)
    held = list(store.iter_records(with_text=True))
    generation = store.generation()

    store.articles = _LockedWrites(store.articles, 2)
    store.put_records([dataclasses.replace(r, title=r.title + " (updated)") for r in held])
    assert pauses == list(LOCKED_PAUSES[:2]) and store.articles.left == 0
    again = list(Store(settings).iter_records())
    assert len(again) == 3 and all(r.title.endswith(" (updated)") for r in again)

    pauses.clear()
    store.articles = _LockedWrites(store.articles.coll, 99)
    with pytest.raises(StoreUnavailableError, match="stayed locked") as err:
        store.bump_generation()
    assert str(settings.chroma_dir) in str(err.value) and "re-run the command" in str(err.value)
    assert pauses == list(LOCKED_PAUSES)
    after = Store(settings)
    assert after.generation() == generation and len(list(after.iter_records())) == 3

    from chromadb.errors import InvalidArgumentError

    store.articles = _LockedWrites(store.articles.coll, 0)
    with pytest.raises(InvalidArgumentError):  # another error is not retried
        store.put_records([dataclasses.replace(held[0], id="")])
    assert pauses == list(LOCKED_PAUSES)
