"""newsqa: answer questions over a news archive, with citations you can check.

Public API: `ask(question, settings, ...)` -> `Answer`; `Settings`; the record types.
Heavy libraries (torch, chromadb) are imported only when first needed.
"""

from qa.settings import Settings
from qa.types import Answer, Article, Chunk, Citation, Hit

__all__ = ["Settings", "Answer", "Article", "Chunk", "Citation", "Hit"]


def ask(question: str, settings: Settings, **kwargs):  # type: ignore[no-untyped-def]
    """Answer `question` from the archive; see `qa.answer.ask` for the options."""
    from qa.answer import ask as _ask

    return _ask(question, settings, **kwargs)


__all__ += ["ask"]


def search(question: str, settings: Settings, filters=None, k: int = 10):  # type: ignore[no-untyped-def]
    """The top-k chunks hybrid retrieval finds for `question` (list of `Hit`)."""
    from qa.answer import load_resources, with_recency
    from qa.retrieve import Filters, retrieve
    from qa.timewindow import for_question

    res = load_resources(settings)
    filters = with_recency(filters or Filters(), settings)
    window = for_question(question, filters.since, filters.until, filters.as_of)
    return retrieve(question, res, filters, k, settings.max_chunks_per_article, window=window)


_LAZY = {  # public names whose modules import heavy libraries: loaded on first use
    "Filters": ("qa.retrieve", "Filters"),
    "archive_stats": ("qa.stats", "archive_stats"),
    "ArchiveStats": ("qa.stats", "ArchiveStats"),
    "answer_markdown": ("qa.markdown", "answer_markdown"),
}


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(name)


__all__ += ["search", *_LAZY]
