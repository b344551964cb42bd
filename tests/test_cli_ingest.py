"""The `newsqa ingest` / `newsqa stats` contract, through the real CLI and the real model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, cli_env, run_cli, write_jsonl
from tests.test_ingest import records

pytestmark = pytest.mark.slow


def test_ingest_json_contract_exit_codes_and_stats(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "data")
    bad = tmp_path / "bad.jsonl"
    write_jsonl(bad, records(3))
    bad.write_text(bad.read_text() + "{oops\n")
    r = run_cli(["ingest", str(bad), str(SEED), "--json"], env)
    assert r.returncode == 3, r.stderr
    out = json.loads(r.stdout)
    assert {k: out[k] for k in ("files", "added", "updated", "unchanged", "duplicates")} == \
        {"files": 2, "added": 4, "updated": 0, "unchanged": 0, "duplicates": 0}
    assert out["rejected"] == [{"file": str(bad), "line": 4, "reason": out["rejected"][0]["reason"]}]
    assert "broken JSON" in out["rejected"][0]["reason"]

    r = run_cli(["ingest", str(SEED), "--json"], env)
    assert r.returncode == 0 and json.loads(r.stdout)["unchanged"] == 1

    r = run_cli(["stats", "--json"], env)
    st = json.loads(r.stdout)
    assert st["articles"] == 4 and st["chunks"] >= 4 and st["sources"] == 2
    assert st["embedding_model"] == "sentence-transformers/all-MiniLM-L6-v2-int8"  # the default for a new archive
    assert st["first_date"] <= st["last_date"]


def test_sample_archive_and_human_summary(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "data")
    r = run_cli(["ingest", "--sample"], env)
    assert r.returncode == 0, r.stderr
    assert "added: 30" in r.stdout and "rejected: 0" in r.stdout
    r = run_cli(["stats"], env)
    assert "articles:        30" in r.stdout and "2023-10-28 to 2024-03-26" in r.stdout


def test_missing_path_and_no_args(tmp_path: Path) -> None:
    env = cli_env(tmp_path / "data")
    r = run_cli(["ingest", str(tmp_path / "nope.jsonl"), "--json"], env)
    assert r.returncode == 3 and json.loads(r.stdout)["rejected"][0]["reason"] == "no such file or folder"
    r = run_cli(["ingest"], env)
    assert r.returncode == 2 and "--sample" in r.stderr


@pytest.mark.parametrize("debug", [False, True])
def test_library_warnings_stay_out_of_a_normal_run(debug: bool) -> None:
    code = (f"import logging; from qa.cli import _main; _main({debug}); "
            "logging.getLogger('trafilatura.core').warning('discarding data: None'); "
            "logging.getLogger('qa.store').warning('our own warning')")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "our own warning" in r.stderr
    assert ("discarding data" in r.stderr) == debug
