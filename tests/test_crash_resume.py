"""Kill -9 an ingest at several points; re-running must give the same archive as a clean run.

The kills are placed relative to the ingest's own progress lines (one per batch written),
not to wall-clock guesses, so each kill is known to land while the process is working:
right after a batch commits (the next batch is being read and embedded) or a moment later
(mid-write of the next batch).
"""

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


def kill_after_lines(src: Path, env: dict[str, str], lines: int, delay: float) -> bool:
    """Start an ingest, SIGKILL it `delay` s after its `lines`-th progress line; True if it was alive."""
    p = subprocess.Popen([sys.executable, "-m", "qa.cli", "ingest", str(src), "--json", "--progress", "lines"],
                         env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = 0
    assert p.stderr is not None
    for line in p.stderr:
        if line.startswith("progress "):
            seen += 1
            if seen >= lines:
                break
    time.sleep(delay)
    alive = p.poll() is None
    if alive:
        os.kill(p.pid, signal.SIGKILL)
    p.wait()
    return alive and seen >= lines


def test_killed_ingest_resumes_to_the_clean_result(tmp_path: Path) -> None:
    # 1,100 articles: five batches of 256, so there is always a batch in flight to kill.
    src = write_jsonl(tmp_path / "a.jsonl", records(1100))
    clean_env = cli_env(tmp_path / "clean")
    r = run_cli(["ingest", str(src), "--json"], clean_env)
    assert r.returncode == 0, r.stderr
    expected = archive_fingerprint(clean_env)
    assert expected[0] == 1100

    env = cli_env(tmp_path / "crashy")
    # Ten kills spread over the run: after 1 to 4 committed batches, 0 to 0.9 s later.
    points = [(i % 4 + 1, (i * 0.1) % 1.0) for i in range(10)]
    kills = [kill_after_lines(src, env, n, d) for n, d in points]
    assert sum(kills) >= 8, kills
    r = run_cli(["ingest", str(src), "--json"], env)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["duplicates"] == 0 and out["added"] + out["unchanged"] + out["updated"] == 1100
    assert out["unchanged"] >= 256  # the batches committed before the kills were kept
    assert archive_fingerprint(env) == expected
    again = json.loads(run_cli(["ingest", str(src), "--json"], env).stdout)
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 1100)
    # and search works on the resumed archive
    r = run_cli(["ask", "What is the plan for town 7?", "--json"], env)
    assert r.returncode == 0 and "Town 7 plan" in {c["title"] for c in json.loads(r.stdout)["citations"]}


def test_killed_edit_and_reingest_resumes_to_the_clean_result(tmp_path: Path) -> None:
    recs = records(700)
    src = write_jsonl(tmp_path / "a.jsonl", recs)
    env = cli_env(tmp_path / "crashy")
    assert run_cli(["ingest", str(src), "--json"], env).returncode == 0
    # Edit every third article: longer texts, so each edit changes its chunk count.
    edited = [{**r, "text": r["text"] + " " + r["text"].replace("plan", "revised plan")} if i % 3 == 0 else r
              for i, r in enumerate(recs)]
    write_jsonl(src, edited)
    clean_env = cli_env(tmp_path / "clean")
    assert run_cli(["ingest", str(src), "--json"], clean_env).returncode == 0
    expected = archive_fingerprint(clean_env)
    kills = [kill_after_lines(src, env, n, d) for n, d in ((1, 0.2), (2, 0.0), (1, 0.5))]
    assert sum(kills) >= 2, kills
    out = json.loads(run_cli(["ingest", str(src), "--json"], env).stdout)
    assert out["added"] == 0 and out["duplicates"] == 0
    assert archive_fingerprint(env) == expected
    r = run_cli(["ask", "What is the revised plan for town 9?", "--json"], env)
    assert any("revised plan" in c["quote"] for c in json.loads(r.stdout)["citations"])
