"""Followed feeds: `newsqa feeds add/list/remove` and `newsqa update`.

The list lives in the archive (`ingest.webstate`), so it is the same from every machine
that uses one Chroma server. `update` ingests every followed feed in turn, as
`newsqa ingest URL` would: conditional GET on the feed, and each new entry's page fetched
once; what an earlier update stored is neither fetched nor embedded again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ingest.articles import is_url
from ingest.pipeline import IngestReport, run
from ingest.webstate import FeedInfo, WebState, now
from qa.errors import InputError, NoArchiveError
from qa.settings import Settings
from qa.store import Store


@dataclass
class UpdateReport:
    feeds: list[tuple[FeedInfo, IngestReport | None, str]] = field(default_factory=list)  # (feed, report, error)

    @property
    def added(self) -> int:
        return sum(r.added for _, r, _ in self.feeds if r)

    @property
    def exit_code(self) -> int:
        return 3 if any(err or (r and r.rejected) for _, r, err in self.feeds) else 0

    def to_dict(self) -> dict[str, object]:
        return {"added": self.added,
                "feeds": [{"url": f.url, "name": f.name, "error": err or None,
                           **(r.to_dict() if r else {})} for f, r, err in self.feeds]}


def _state(settings: Settings, create: bool = True) -> WebState:
    return WebState(Store(settings, create=create))


def follow(settings: Settings, url: str, name: str = "") -> bool:
    if not is_url(url):
        raise InputError(f"{url!r} is not an http(s) URL: give the feed's address, e.g. https://example.com/rss")
    return _state(settings).follow(url, name)


def unfollow(settings: Settings, url: str) -> bool:
    return _state(settings).unfollow(url)


def followed(settings: Settings) -> list[FeedInfo]:
    try:
        return _state(settings, create=False).followed()
    except NoArchiveError:
        return []  # no archive folder yet: nothing followed, and looking creates none


def update(settings: Settings, on_feed: Callable[[int, int, FeedInfo], None] | None = None) -> UpdateReport:
    """Pull what is new from every followed feed; a feed that fails is reported, the
    others still update."""
    out = UpdateReport()
    try:
        state = _state(settings, create=False)
    except NoArchiveError:
        return out  # no archive folder yet, so no followed feeds
    feeds = state.followed()
    for i, feed in enumerate(feeds):
        if on_feed:
            on_feed(i, len(feeds), feed)
        report = run([feed.url], settings)
        failed = [r.reason for r in report.rejected if r.file == feed.url]
        error = failed[0] if failed else ""
        state.put(feed.url, last_update=now(), last_new=report.added, last_error=error)
        out.feeds.append((feed, report, error))
    return out
