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
