"""A file written whole or not at all.

The ONNX export, the int8 model, `newsqa export` and the cached word lists are each
written to a temporary file beside their name and renamed over it at the end, so an
interrupted write never leaves a truncated file where a reader (another process, the next
run) expects a whole one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def replaced_whole(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` to write to; when the block ends without an error
    it replaces `path` in one rename. The temporary file is removed in any case."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
