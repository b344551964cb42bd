"""The LLM seam: one Protocol, one implementation for OpenAI and compatible servers.

`OpenAICompatibleLLM` drives ``llama-index-llms-openai-like`` (any model name, any base
URL: OpenAI, Ollama, vLLM, llama.cpp, LM Studio) with streaming. Retries are ours, with
tenacity, around the whole streamed call: on 429 (honouring Retry-After), timeouts,
connection errors, 5xx and streams cut midway, with exponential backoff and jitter; never
on 401/403 or other 4xx. The client's own retries are off so that there is one policy.
The API key is never put in a message: errors name the server, not the credentials.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable
from typing import Protocol

from qa.errors import ConfigError, LLMError
from qa.settings import Settings

log = logging.getLogger(__name__)
TokenFn = Callable[[str], None]
MAX_RETRY_AFTER_S = 30.0


class ChatLLM(Protocol):
    name: str

    def complete(self, system: str, user: str, on_token: TokenFn | None = None,
                 on_restart: Callable[[], None] | None = None) -> str: ...


def _status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def is_retryable(exc: BaseException) -> bool:
    import httpx
    import openai

    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, httpx.TransportError,
                        TimeoutError, ConnectionError, json.JSONDecodeError,
                        openai.APIResponseValidationError)):
        return True  # includes a proxy's garbage reply: often gone on the next try
    status = _status(exc)
    if status is not None:
        return status == 429 or status >= 500
    # A stream that ends without a clean close surfaces as a protocol/decoding error.
    return isinstance(exc, (httpx.RemoteProtocolError, openai.APIError)) and status is None


def retry_after(exc: BaseException) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None)
    if not headers:
        return None
    value = headers.get("retry-after")
    try:
        return min(float(value), MAX_RETRY_AFTER_S) if value is not None else None
    except ValueError:
        return None


class _Wait:
    """Retry-After when the server gives one, else exponential backoff with full jitter."""

    def __init__(self, base: float = 0.5, cap: float = 20.0) -> None:
        self.base, self.cap = base, cap

    def __call__(self, state) -> float:  # type: ignore[no-untyped-def]
        exc = state.outcome.exception() if state.outcome else None
        ra = retry_after(exc) if exc else None
        if ra is not None:
            return ra
        return random.uniform(0, min(self.cap, self.base * 2 ** (state.attempt_number - 1)))


def _causes(exc: BaseException) -> list[BaseException]:
    chain, seen = [], set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        chain.append(e)
        seen.add(id(e))
        e = e.__cause__ or e.__context__
    return chain


def is_timeout(exc: BaseException) -> bool:
    import httpx
    import openai

    return any(isinstance(e, (openai.APITimeoutError, httpx.TimeoutException, TimeoutError))
               for e in _causes(exc))


def _unreachable_reason(exc: BaseException) -> str:
    import socket

    for e in _causes(exc):
        if isinstance(e, socket.gaierror) or "name or service not known" in str(e).lower() \
                or "nodename nor servname" in str(e).lower() or "name resolution" in str(e).lower():
            return "its host name does not resolve (check NEWSQA_LLM_BASE_URL)"
        if isinstance(e, ConnectionRefusedError) or "connection refused" in str(e).lower():
            return "connection refused: is the server running on that port?"
    return type(exc).__name__


def _describe(exc: BaseException, where: str, timeout_s: float | None = None) -> str:
    if is_timeout(exc):
        limit = f" within {timeout_s:g} s" if timeout_s else ""
        return (f"The LLM server at {where} is up but did not answer{limit} (timed out). A local model "
                "on a busy CPU can be that slow: raise NEWSQA_LLM_TIMEOUT_S, or use a smaller model.")
    status = _status(exc)
    if status in (401, 403):
        return (f"The LLM server at {where} refused the API key (HTTP {status}). Check OPENAI_API_KEY "
                "/ NEWSQA_LLM_API_KEY, or unset them to answer offline.")
    if status is not None and status != 200:
        return f"The LLM server at {where} answered HTTP {status}."
    if isinstance(exc, (ValueError, TypeError)) or status == 200:
        return (f"The LLM server at {where} sent a reply that is not the OpenAI API format "
                f"({type(exc).__name__}): check NEWSQA_LLM_BASE_URL points at an OpenAI-compatible /v1 endpoint.")
    return f"Cannot reach the LLM server at {where}: {_unreachable_reason(exc)}."


class OpenAICompatibleLLM:
    def __init__(self, settings: Settings) -> None:
        from llama_index.llms.openai_like import OpenAILike

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        self.where = settings.llm_base_url or "https://api.openai.com/v1"
        self.name = f"{settings.llm_model} @ {self.where}"
        self.max_retries = settings.llm_max_retries
        self.timeout_s = settings.llm_timeout_s
        self.llm = OpenAILike(model=settings.llm_model, api_base=self.where, api_key=key,
                              is_chat_model=True, max_retries=0, timeout=settings.llm_timeout_s,
                              temperature=0.0, context_window=16000, max_tokens=400)

    def _stream_once(self, system: str, user: str, on_token: TokenFn | None) -> str:
        from llama_index.core.llms import ChatMessage

        messages = [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]
        parts: list[str] = []
        for chunk in self.llm.stream_chat(messages):
            delta = chunk.delta or ""
            if delta:
                parts.append(delta)
                if on_token:
                    on_token(delta)
        return "".join(parts)

    def complete(self, system: str, user: str, on_token: TokenFn | None = None,
                 on_restart: Callable[[], None] | None = None) -> str:
        from tenacity import RetryError, Retrying, retry_if_exception, stop_after_attempt

        def before_sleep(state) -> None:  # type: ignore[no-untyped-def]
            exc = state.outcome.exception()
            log.warning("LLM call failed (%s), retrying (attempt %d of %d)",
                        _describe(exc, self.where, self.timeout_s), state.attempt_number,
                        self.max_retries + 1)
            if on_restart:
                on_restart()

        try:
            for attempt in Retrying(retry=retry_if_exception(is_retryable), wait=_Wait(),
                                    stop=stop_after_attempt(self.max_retries + 1),
                                    before_sleep=before_sleep, reraise=False):
                with attempt:
                    return self._stream_once(system, user, on_token)
        except RetryError as exc:
            last = exc.last_attempt.exception()
            raise LLMError(_describe(last, self.where, self.timeout_s) +
                           f" Gave up after {self.max_retries + 1} attempts.") from None
        except Exception as exc:
            raise LLMError(_describe(exc, self.where, self.timeout_s)) from None
        raise LLMError("unreachable")  # pragma: no cover


def load_llm(settings: Settings) -> ChatLLM:
    if not settings.llm_configured:
        raise ConfigError("No LLM configured: set NEWSQA_LLM_BASE_URL and/or OPENAI_API_KEY.")
    return OpenAICompatibleLLM(settings)
