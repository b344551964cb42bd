"""Start and stop the real llama.cpp OpenAI-compatible server built by `make llm`.

`LlamaServer` is a context manager for tests and `make eval-llm`: it starts
``python -m llama_cpp.server`` from `.llm/venv` on a free loopback port, waits until
``/v1/models`` answers, and on exit (and on SIGTERM) stops the server by its PID: SIGTERM,
then SIGKILL after a grace period. ``OMP_WAIT_POLICY=passive`` keeps idle threads from
spinning, which makes the model 3-8x faster when the CPU is shared.

`python -m tools.llama_server [--model NAME] [--port N]` serves in the foreground until
Ctrl-C, for trying newsqa's LLM mode by hand::

    NEWSQA_LLM_BASE_URL=http://127.0.0.1:8088/v1 NEWSQA_LLM_MODEL=local newsqa ask "..."
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import FrameType

from tools.llm_fixture import DEFAULT_MODEL, LLM_DIR, model_path, server_python

CONTEXT_TOKENS = 4096


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def available(name: str = DEFAULT_MODEL) -> str | None:
    """None when the fixture is built, else what is missing and how to build it."""
    if not server_python().exists():
        return f"{server_python()} is missing: run `make llm`"
    if not model_path(name).exists():
        return f"{model_path(name)} is missing: run `make llm`"
    return None


class LlamaServer:
    def __init__(self, model: str = DEFAULT_MODEL, port: int | None = None, threads: int | None = None,
                 start_timeout_s: float = 120.0) -> None:
        self.model = model
        self.port = port or free_port()
        self.threads = threads or os.cpu_count() or 2
        self.start_timeout_s = start_timeout_s
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = LLM_DIR / f"server-{self.port}.log"
        self._old_sigterm: object = None

    def __enter__(self) -> LlamaServer:
        missing = available(self.model)
        if missing:
            raise RuntimeError(missing)
        env = {**os.environ, "OMP_WAIT_POLICY": "passive"}
        cmd = [str(server_python()), "-m", "llama_cpp.server", "--model", str(model_path(self.model)),
               "--model_alias", "local", "--host", "127.0.0.1", "--port", str(self.port),
               "--n_ctx", str(CONTEXT_TOKENS), "--n_threads", str(self.threads)]
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        log.close()
        if self._is_main_thread():
            self._old_sigterm = signal.signal(signal.SIGTERM, self._on_sigterm)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    @staticmethod
    def _is_main_thread() -> bool:
        import threading

        return threading.current_thread() is threading.main_thread()

    def _on_sigterm(self, signum: int, frame: FrameType | None) -> None:
        self.stop()
        raise SystemExit(128 + signum)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                tail = self.log_path.read_text(errors="replace")[-1500:]
                raise RuntimeError(f"llama.cpp server exited with {self.proc.returncode}:\n{tail}")
            try:
                with urllib.request.urlopen(f"{self.url}/models", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"llama.cpp server did not answer within {self.start_timeout_s:.0f} s "
                           f"(log: {self.log_path})")

    def stop(self) -> None:
        p, self.proc = self.proc, None
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=10)

    def __exit__(self, *exc: object) -> None:
        self.stop()
        if self._old_sigterm is not None and self._is_main_thread():
            signal.signal(signal.SIGTERM, self._old_sigterm)  # type: ignore[arg-type]
            self._old_sigterm = None

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Serve the test model on loopback until Ctrl-C.")
    ap.add_argument("--model", default=os.environ.get("NEWSQA_TEST_LLM_MODEL", DEFAULT_MODEL))
    ap.add_argument("--port", type=int, default=8088)
    args = ap.parse_args(argv)
    with LlamaServer(args.model, args.port) as server:
        print(f"serving {Path(model_path(args.model)).name} at {server.url} (model name: local); "
              f"PID {server.pid}; Ctrl-C to stop", flush=True)
        try:
            while server.proc and server.proc.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
