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
