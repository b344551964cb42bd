"""A real browser: headless Chromium (Debian's package) loads the running app and asks.

The test installs Chromium with apt-get when it is missing (root on these machines), starts
`newsqa app` on a free loopback port against an archive holding the sample, types the
Kerman question, waits for the answer, checks the cited source is shown, and saves
screenshots under the test's output folder (and under docs/ when NEWSQA_SCREENSHOTS=1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import ingest
from tests.conftest import ROOT, cli_env, stop, wait_for_http
from tests.test_chroma_server import free_port

pytestmark = pytest.mark.slow
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


def ensure_chromium() -> str:
    if not Path(CHROMIUM).exists():
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, capture_output=True)
    assert Path(CHROMIUM).exists()
    return CHROMIUM


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, real_embedder) -> Iterator[str]:
    from qa.settings import Settings

    data = tmp_path_factory.mktemp("browser") / "data"
    ingest.run([ingest.SAMPLE_ARCHIVE], Settings(data_dir=data), embedder=real_embedder)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "app", "--port", str(port)], cwd=ROOT,
                            env=cli_env(data), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{url}/_stcore/health", proc, "the app")
        yield url
    finally:
        stop(proc)


def test_chromium_asks_the_kerman_question(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    exe = ensure_chromium()
    shots = [tmp_path / "ask.png", tmp_path / "archive.png"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=FLAGS,
                                    env={**os.environ, "HOME": str(tmp_path)})
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(app_url)
        box = page.get_by_label("Question")
        box.wait_for(timeout=60_000)
        box.fill("Who claimed the Kerman attack?")
        page.get_by_role("button", name="Ask").click()
        page.locator("mark").first.wait_for(timeout=90_000)  # the highlighted quote
        body = page.inner_text("body")
        assert "ISIL" in body
        assert "ISIL claims responsibility for the Kerman bombings" in body
        assert page.locator("mark").count() >= 1
        page.screenshot(path=str(shots[0]), full_page=True)
        page.get_by_text("Archive", exact=True).click()
        page.get_by_text("Add articles").wait_for(timeout=60_000)
        page.wait_for_timeout(1500)  # let the chart draw
        page.screenshot(path=str(shots[1]), full_page=True)
        browser.close()
    assert all(s.stat().st_size > 10_000 for s in shots)
    if os.environ.get("NEWSQA_SCREENSHOTS") == "1":
        (ROOT / "docs").mkdir(exist_ok=True)
        for s in shots:
            shutil.copy(s, ROOT / "docs" / s.name)
