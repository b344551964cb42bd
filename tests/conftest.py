"""Shared fixtures: isolated settings per test, the fake and the real embedder, helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from qa.settings import Settings  # noqa: E402
from tests.fakes import HashingEmbedder  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SEED = SHARED / "seed" / "kerman-warning.txt"
DEV_ARTICLES = SHARED / "realtimeqa-2025q1" / "articles.jsonl.gz"
DEV_QUESTIONS = SHARED / "realtimeqa-2025q1" / "questions.jsonl"


def pytest_sessionstart(session: pytest.Session) -> None:
    if not SEED.exists():
        pytest.exit(f"test data not found: expected {SHARED} (the shared/ folder beside the project)",
                    returncode=4)
    # Orphans of processes the tests start (a server's own children) are re-parented to
    # this process instead of init, so `pytest_sessionfinish` sees them too.
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def live_descendants(root: int) -> dict[int, str]:
    """Processes under `root` that are still running (not zombies): pid -> command line."""
    children: dict[int, list[int]] = {}
    state: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        state[int(entry.name)] = fields[0]
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    out: dict[int, str] = {}
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        if state.get(pid) != "Z":
            try:
                out[pid] = (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
            except OSError:
                continue
    return out


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when a process a test started is still running at the end (after a
    grace period for ones already stopping), and stop those processes."""
    import signal
    import time

    if sys.platform != "linux":
        return
    deadline = time.monotonic() + 10
    left = live_descendants(os.getpid())
    while left and time.monotonic() < deadline:
        time.sleep(0.5)
        left = live_descendants(os.getpid())
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    if left:
        print("\nprocesses started by the tests were still running and were killed:", file=sys.stderr)
        for pid, cmd in left.items():
            print(f"  {pid}: {cmd}", file=sys.stderr)
        session.exitstatus = 1


def stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a process a test started: SIGTERM, then SIGKILL if it does not end in time."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A fresh archive in a temporary folder, with a collection name unique to the test."""
    return Settings(data_dir=tmp_path / "data", collection=f"t{uuid.uuid4().hex[:12]}",
                    chroma_url=None, llm_base_url=None, llm_api_key=None)


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    from qa.embeddings import MiniLMEmbedder

    return MiniLMEmbedder()


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def cli_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("NEWSQA_") and k not in ("OPENAI_API_KEY",)}
    env.update({"NEWSQA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1",
                "TRANSFORMERS_OFFLINE": "1"})
    env.update(extra)
    return env


def run_cli(args: list[str], env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def wait_for_http(url: str, proc: subprocess.Popen, what: str, timeout: float = 60) -> None:
    """Poll `url` until it answers; fail if `proc` exits or `timeout` passes first."""
    import time
    import urllib.request

    deadline = time.time() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.2)
