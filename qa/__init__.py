"""newsqa: answer questions over a news archive, with citations you can check.

Public API: `ask(question, settings, ...)` -> `Answer`; `Settings`; the record types.
Heavy libraries (torch, chromadb) are imported only when first needed.
"""

from qa.settings import Settings
from qa.types import Answer, Article, Chunk, Citation, Hit

__all__ = ["Settings", "Answer", "Article", "Chunk", "Citation", "Hit"]
