"""Errors a user can act on.

Each carries a message that says what went wrong and what to do. The CLI prints the
message on one line and exits non-zero; the app shows it with ``st.error``. Anything
else is a bug and gets a traceback only with ``--debug``.
"""

from __future__ import annotations


class NewsqaError(Exception):
    """Base class: the message is shown to the user as is."""

    exit_code = 1


class ConfigError(NewsqaError):
    """A setting is missing or contradicts another."""


class EmptyArchiveError(NewsqaError):
    """Asked a question before anything was ingested."""


class NoArchiveError(EmptyArchiveError):
    """Read an archive whose folder does not exist (nothing ingested there, or a mistyped
    NEWSQA_DATA_DIR); reading it must not create it."""


class EmbeddingMismatchError(NewsqaError):
    """The index was built with one embedding model and is used with another."""


class StoreUnavailableError(NewsqaError):
    """The Chroma server cannot be reached, or the index folder cannot be opened."""


class LLMError(NewsqaError):
    """The LLM could not be reached or kept failing after retries."""


class InputError(NewsqaError):
    """A path given on the command line does not exist or cannot be read."""


class DiskFullError(NewsqaError):
    """The disk holding the archive filled up during a write."""


def is_disk_full(exc: BaseException) -> bool:
    """Whether an exception from any layer (OS, SQLite, Chroma) means 'no space left'."""
    import errno

    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        text = str(e).lower()
        if "disk is full" in text or "no space left" in text or "database or disk is full" in text:
            return True
        e = e.__cause__ or e.__context__
    return False


LOW_SPACE_BYTES = 8_000_000


def low_disk_space(path: object) -> bool:
    """Whether the disk holding `path` is (nearly) full: the likely cause of a failed write
    when the store itself does not say why."""
    import shutil

    try:
        return shutil.disk_usage(str(path)).free < LOW_SPACE_BYTES
    except OSError:
        return False
