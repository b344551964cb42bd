"""Client-server mode: a real `chroma run` started by the test, driven through the CLI."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED, cli_env, run_cli, stop, wait_for_http

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[str]:
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    assert exe, "the chroma CLI ships with chromadb and must be installed"
    port = free_port()
    proc = subprocess.Popen([exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/api/v2/heartbeat", proc, "chroma run", timeout=30)
        yield url
    finally:
        stop(proc)


def test_ingest_and_stats_against_a_chroma_server(tmp_path: Path, chroma_server: str) -> None:
    env = cli_env(tmp_path / "local", NEWSQA_CHROMA_URL=chroma_server)
    r = run_cli(["ingest", "--sample", str(SEED), "--json"], env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 31
    assert not (tmp_path / "local" / "chroma").exists()  # nothing went to the embedded store
    st = json.loads(run_cli(["stats", "--json"], env).stdout)
    assert st["articles"] == 31
    # a second client machine (another data dir) sees the same archive and re-runs safely
    env2 = cli_env(tmp_path / "other", NEWSQA_CHROMA_URL=chroma_server)
    r = run_cli(["ingest", "--sample", "--json"], env2)
    assert json.loads(r.stdout)["unchanged"] == 30


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "d", NEWSQA_CHROMA_URL=f"http://127.0.0.1:{free_port()}")
    r = run_cli(["stats"], env)
    assert r.returncode == 1 and "Cannot reach the Chroma server" in r.stderr
    assert "Traceback" not in r.stderr


def test_server_down_then_restarted_keeps_the_archive(tmp_path: Path) -> None:
    exe = shutil.which("chroma", path=str(Path(sys.executable).parent))
    port = free_port()
    cmd = [exe, "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1", "--port", str(port)]
    url = f"http://127.0.0.1:{port}"
    env = cli_env(tmp_path / "local", NEWSQA_CHROMA_URL=url)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"{url}/api/v2/heartbeat", proc, "chroma run", timeout=30)
        assert run_cli(["ingest", "--sample", "--json"], env).returncode == 0
    finally:
        proc.kill()
        proc.wait()
    r = run_cli(["ask", "Who claimed the Kerman attack?"], env)  # server down
    assert r.returncode == 1 and "Cannot reach the Chroma server" in r.stderr and "Traceback" not in r.stderr
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"{url}/api/v2/heartbeat", proc, "chroma run", timeout=30)
        st = json.loads(run_cli(["stats", "--json"], env).stdout)
        assert st["articles"] == 30  # nothing lost across the restart
        r = run_cli(["ask", "Who claimed the Kerman attack?", "--json"], env)
        assert r.returncode == 0 and json.loads(r.stdout)["citations"]
    finally:
        stop(proc)


def test_ask_processes_during_an_ingest_against_the_server(tmp_path: Path, chroma_server: str) -> None:
    from tests.conftest import ROOT, write_jsonl
    from tests.test_ingest import records

    env = cli_env(tmp_path / "local", NEWSQA_CHROMA_URL=chroma_server)
    assert run_cli(["ingest", "--sample", "--json"], env).returncode == 0
    src = write_jsonl(tmp_path / "more.jsonl", records(400))
    ing = subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(src), "--json"], env=env, cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    askers = [subprocess.Popen([sys.executable, "-m", "qa.cli", "ask", "Who claimed the Kerman attack?", "--json"],
                               env=cli_env(tmp_path / f"client{i}", NEWSQA_CHROMA_URL=chroma_server), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    for p in askers:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert json.loads(out)["short_answer"] in ("ISIL", "ISIS", "Islamic State")
    out, err = ing.communicate(timeout=300)
    assert ing.returncode == 0, err
    assert json.loads(run_cli(["stats", "--json"], env).stdout)["articles"] == 430


def test_export_from_embedded_then_import_into_a_server_gives_the_same_archive(tmp_path: Path, chroma_server: str) -> None:
    """The documented way to move an archive: export with vectors, ingest into a server."""
    local = cli_env(tmp_path / "local")
    assert run_cli(["ingest", "--sample"], local).returncode == 0
    path = tmp_path / "moved.jsonl.gz"
    r = run_cli(["export", str(path), "--vectors", "--json"], local)
    assert r.returncode == 0 and json.loads(r.stdout)["articles"] == 30
    remote = cli_env(tmp_path / "client", NEWSQA_CHROMA_URL=chroma_server)
    r = run_cli(["ingest", str(path), "--json"], remote)
    rep = json.loads(r.stdout)
    assert r.returncode == 0 and rep["added"] == 30 and rep["reused_vectors"] == rep["chunks_written"] == 30
    listing = [json.loads(run_cli(["articles", "--json"], e).stdout) for e in (local, remote)]
    assert listing[0] == listing[1] and len(listing[0]) == 30
    answers = [json.loads(run_cli(["ask", "Who claimed the Kerman attack?", "--json"], e).stdout) for e in (local, remote)]
    assert answers[0]["answer"] == answers[1]["answer"] and answers[0]["citations"] == answers[1]["citations"]
    assert run_cli(["check"], remote).returncode == 0
