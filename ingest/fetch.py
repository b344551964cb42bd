"""Polite, bounded HTTP fetching for `newsqa ingest URL` and `newsqa update`.

Only http and https; robots.txt honoured (fetched once per host and run); one request at
a time, with `fetch_delay_s` between two requests to the same host; a User-Agent that
names newsqa; conditional GET with the ETag / Last-Modified of the last fetch; timeouts,
at most `fetch_retries` attempts with exponential backoff on 429, 5xx, timeouts and
broken connections (Retry-After honoured up to a minute); redirects followed up to
`fetch_max_redirects`; a body bigger than `fetch_max_bytes` is abandoned. Every failure
is a `FetchError` whose message is one line in our words (the rejection names the URL).

Nothing here runs unless the user gave a URL or follows a feed.
"""

from __future__ import annotations

import time
import urllib.robotparser
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx
from tenacity import RetryCallState, retry, retry_if_exception, stop_after_attempt

from ingest.articles import is_url
from qa.settings import Settings

USER_AGENT = "newsqa/0.1 (+https://github.com/newsqa/newsqa; news archive question answering)"
RETRY_STATUS = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL could not be fetched; the message says why in one line."""

    def __init__(self, message: str, retry_after: float | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int  # 200, or 304 when the validators matched (body empty)
    body: bytes
    content_type: str
    charset: str | None
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return min(60.0, max(0.0, float(value)))
    except ValueError:
        try:
            return min(60.0, max(0.0, parsedate_to_datetime(value).timestamp() - time.time()))
        except (TypeError, ValueError):
            return None


class Fetcher:
    """One per run: an httpx client, robots.txt per host, the last request time per host."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        self.s = settings
        self.client = httpx.Client(headers={"User-Agent": USER_AGENT}, timeout=settings.fetch_timeout_s,
                                   follow_redirects=True, max_redirects=settings.fetch_max_redirects,
                                   transport=transport, trust_env=False)
        self.robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # parser, or why none
        self.last: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_turn(self, host: str) -> None:
        gap = self.s.fetch_delay_s - (time.monotonic() - self.last.get(host, -1e9))
        if gap > 0:
            time.sleep(gap)
        self.last[host] = time.monotonic()

    def check_robots(self, url: str) -> None:
        """Raise FetchError unless robots.txt lets newsqa fetch `url`. No robots.txt (4xx):
        allowed; a robots.txt that cannot be read (5xx, no connection): nothing is fetched
        from that host (RFC 9309), and the error says which it was."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.robots:
            rp = urllib.robotparser.RobotFileParser()
            try:
                self._wait_turn(parts.netloc)
                r = self.client.get(f"{root}/robots.txt")
                if r.status_code >= 500:
                    self.robots[root] = f"its robots.txt answered {r.status_code}, so nothing is fetched from it"
                else:
                    rp.parse([] if r.status_code >= 400 else r.text.splitlines())
                    self.robots[root] = rp
            except httpx.TimeoutException:
                self.robots[root] = f"no answer within {self.s.fetch_timeout_s:.0f} s"
            except httpx.HTTPError as exc:
                self.robots[root] = f"cannot connect ({type(exc).__name__})"
        rp_or_why = self.robots[root]
        if isinstance(rp_or_why, str):
            raise FetchError(f"{parts.netloc}: {rp_or_why}")
        if not rp_or_why.can_fetch(USER_AGENT, url):
            raise FetchError(f"robots.txt of {parts.netloc} does not allow fetching it")

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Fetched:
        """GET with the validators of the last fetch; raises FetchError."""
        if not is_url(url):
            raise FetchError("only http and https URLs can be fetched")
        self.check_robots(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified

        def wait(state: RetryCallState) -> float:
            exc = state.outcome.exception() if state.outcome else None
            after = exc.retry_after if isinstance(exc, FetchError) else None
            return after if after is not None else self.s.fetch_backoff_s * 2 ** (state.attempt_number - 1)

        @retry(stop=stop_after_attempt(max(1, self.s.fetch_retries)), wait=wait, reraise=True,
               retry=retry_if_exception(lambda e: isinstance(e, FetchError) and e.transient))
        def attempt() -> Fetched:
            return self._once(url, headers)

        return attempt()

    def _once(self, url: str, headers: dict[str, str]) -> Fetched:
        self._wait_turn(urlsplit(url).netloc)
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304:
                    return Fetched(str(r.url), 304, b"", "", None, r.headers.get("etag", ""),
                                   r.headers.get("last-modified", ""))
                if r.status_code in RETRY_STATUS:
                    raise FetchError(f"the server answered {r.status_code} {r.reason_phrase}",
                                     _retry_after(r.headers.get("retry-after")), transient=True)
                if r.status_code >= 400:
                    raise FetchError(f"the server answered {r.status_code} {r.reason_phrase}")
                body = bytearray()
                for part in r.iter_bytes():
                    body += part
                    if len(body) > self.s.fetch_max_bytes:
                        raise FetchError(f"larger than {self.s.fetch_max_bytes // 1_000_000} MB "
                                         "(NEWSQA_FETCH_MAX_BYTES), not read")
                ctype = r.headers.get("content-type", "")
                return Fetched(str(r.url), r.status_code, bytes(body), ctype.split(";")[0].strip().lower(),
                               r.charset_encoding, r.headers.get("etag", ""), r.headers.get("last-modified", ""))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.s.fetch_max_redirects} redirects "
                             "(a redirect loop?)") from None
        except httpx.TimeoutException:
            raise FetchError(f"no answer within {self.s.fetch_timeout_s:.0f} s", transient=True) from None
        except httpx.UnsupportedProtocol:
            raise FetchError("redirected to a URL that is not http or https") from None
        except httpx.TransportError as exc:
            raise FetchError(f"cannot connect ({type(exc).__name__})", transient=True) from None
