"""Keep Python's cycle collector out of loading the heavy resources.

Loading the store client and the model creates about 83,000 objects the collector tracks
that live as long as the process (importing chromadb alone makes 68,000 of them). While they
are created the collector runs again and again over all of them, and at exit it walks them
once more: measured on a 2-core Xeon, ~0.1-0.2 s of `import chromadb` and ~0.2 s of the
exit of a process that imported it. `loading()` pauses the collector while they are
built and then freezes them (`gc.freeze`): they are never scanned again, neither by the
collections of the work that follows nor at exit; they are still freed when the process
ends. Objects that become garbage later are collected as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loading() -> Iterator[None]:
    """Pause the cycle collector for the block, then freeze what exists and resume it
    (unless the caller had paused it already)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
