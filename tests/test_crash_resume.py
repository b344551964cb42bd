"""Kill -9 an ingest at several points; re-running must give the same archive as a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, cli_env, run_cli, write_jsonl
from tests.test_ingest import records

pytestmark = pytest.mark.slow


def archive_fingerprint(env: dict[str, str]) -> tuple[int, int]:
    st = json.loads(run_cli(["stats", "--json"], env).stdout)
    return st["articles"], st["chunks"]


def test_killed_ingest_resumes_to_the_clean_result(tmp_path: Path) -> None:
    # 600 articles: several batches, so kills land before, during and between writes.
    src = write_jsonl(tmp_path / "a.jsonl", records(600))
    clean_env = cli_env(tmp_path / "clean")
    t0 = time.perf_counter()
    r = run_cli(["ingest", str(src), "--json"], clean_env)
    clean_seconds = time.perf_counter() - t0
    assert r.returncode == 0, r.stderr
    expected = archive_fingerprint(clean_env)
    assert expected[0] == 600

    env = cli_env(tmp_path / "crashy")
    kills = 0
    for frac in (0.35, 0.55, 0.75):
        p = subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(src), "--json"],
                             env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(clean_seconds * frac)
        if p.poll() is None:
            os.kill(p.pid, signal.SIGKILL)
            kills += 1
        p.wait()
    assert kills >= 2
    r = run_cli(["ingest", str(src), "--json"], env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["duplicates"] == 0 and out["added"] + out["unchanged"] + out["updated"] == 600
    assert archive_fingerprint(env) == expected
    again = json.loads(run_cli(["ingest", str(src), "--json"], env).stdout)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 600)
