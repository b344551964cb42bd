"""Opening input files safely: transparent .gz, size limits, binary and encoding checks.

Every reader opens its input through here, so a zip-bomb-like .gz, a binary file passed
by mistake or a file that is not UTF-8 is reported the same way everywhere.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ingest.readers.base import MAX_FILE_BYTES, guessed_note
from ingest.readers.encoding import UndecodableError, decode_bytes
from qa.types import Note, Rejection


class FileProblem(Exception):
    """A whole file cannot be read; the message says why and what to do."""


class _Limited(io.RawIOBase):
    """Reads at most `limit` bytes from `inner`, then raises (decompression bombs)."""

    def __init__(self, inner: BinaryIO, limit: int) -> None:
        self.inner, self.limit, self.count = inner, limit, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        data = self.inner.read(len(b))
        self.count += len(data)
        if self.count > self.limit:
            raise FileProblem(f"more than {self.limit // 1_000_000} MB of data once decompressed; "
                              "split the file or check that it is what you meant to ingest")
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def logical_name(path: Path) -> str:
    """File name without a trailing .gz, lower-cased: decides which reader applies."""
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


class _Counted(io.RawIOBase):
    """Counts on-disk bytes read across all files, for progress and ETA."""

    total = 0

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[no-untyped-def]
        data = self.inner.read(len(b))
        _Counted.total += len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.inner.close()
        super().close()


def bytes_read() -> int:
    """On-disk bytes read so far by this process (progress reporting only)."""
    return _Counted.total


def open_binary(path: Path) -> BinaryIO:
    raw: BinaryIO = io.BufferedReader(_Counted(open(path, "rb")))  # noqa: SIM115
    if path.name.lower().endswith(".gz"):
        raw = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
    return io.BufferedReader(_Limited(raw, MAX_FILE_BYTES))


def read_bytes(path: Path) -> bytes:
    try:
        with open_binary(path) as f:
            return f.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise FileProblem(f"cannot read: {exc}") from exc


def decode(data: bytes, what: str = "file", on_guess: Callable[[str], None] | None = None) -> str:
    """Text from bytes (see `ingest.readers.encoding`), or a FileProblem. `on_guess` is told
    the encoding when it had to be guessed."""
    if not data.strip():
        raise FileProblem(f"empty {what}")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(f"binary {what} (NUL bytes), not text: remove it from the input")
    try:
        d = decode_bytes(data)
    except UndecodableError as exc:
        raise FileProblem(f"{what}: {exc}; re-save it as UTF-8") from exc
    if d.guessed and on_guess:
        on_guess(d.encoding)
    return d.text


def read_decoded(path: Path, name: str) -> tuple[str | None, list[Note | Rejection]]:
    """A whole file as text, and what to tell the user about it: a note when its encoding
    had to be guessed, or a rejection (and no text) when it cannot be read. Every reader
    of whole files starts here."""
    guessed: list[str] = []
    try:
        text = decode(read_bytes(path), on_guess=guessed.append)
    except FileProblem as exc:
        return None, [Rejection(name, None, str(exc))]
    return text, [guessed_note(name, None, g) for g in guessed[:1]]
