"""What newsqa remembers about the web: followed feeds, and the validators of each fetch.

Kept in the archive itself (a third Chroma collection, ``<name>_web``, one record per
URL), so `newsqa update` follows the same feeds against a Chroma server as against the
embedded store, and a re-run sends conditional requests wherever it runs. A record holds:
whether the URL is a followed feed (and its name), the ETag / Last-Modified of its last
successful fetch, the final URL after redirects, and for feeds the time and new-article
count of the last update. Validators are written only after the articles they cover are
committed (`commit`), so an interrupted run fetches again instead of skipping.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from qa.store import Store


@dataclass(frozen=True)
class FeedInfo:
    url: str
    name: str
    added: str
    last_update: str  # "" before the first update
    last_new: int  # articles added by the last update
    last_error: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"url": self.url, "name": self.name, "added": self.added, "last_update": self.last_update or None,
                "last_new": self.last_new, "last_error": self.last_error or None}


def now() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S")


class WebState:
    def __init__(self, store: Store) -> None:
        self.coll = store.client.get_or_create_collection(f"{store.settings.collection}_web",
                                                          embedding_function=None)
        self.pending: dict[str, dict[str, Any]] = {}

    def get(self, url: str) -> dict[str, Any]:
        got = self.coll.get(ids=[url], include=["metadatas"])
        return dict(got["metadatas"][0]) if got["ids"] else {}

    def put(self, url: str, **fields: Any) -> None:
        meta = {**self.get(url), **{k: ("" if v is None else v) for k, v in fields.items()}}
        self.coll.upsert(ids=[url], embeddings=[[1.0]], metadatas=[meta])

    # ---- fetch validators (written after the articles are committed) -----------------
    def fetched(self, url: str, kind: str, final_url: str, etag: str, last_modified: str) -> None:
        self.pending[url] = {"kind": kind, "final_url": final_url, "etag": etag,
                             "last_modified": last_modified, "fetched": now()}

    def known_page(self, url: str) -> bool:
        """A page linked from a feed that an earlier run fetched and stored."""
        return url in self.pending or self.get(url).get("kind") == "page"

    def commit(self) -> None:
        for url, fields in self.pending.items():
            self.put(url, **fields)
        self.pending.clear()

    # ---- followed feeds ---------------------------------------------------------------
    def follow(self, url: str, name: str = "") -> bool:
        """Follow a feed; False when it was followed already (its name is updated)."""
        old = self.get(url)
        self.put(url, followed=True, name=name or old.get("name", ""), added=old.get("added") or now())
        return not old.get("followed")

    def unfollow(self, url: str) -> bool:
        old = self.get(url)
        if not old.get("followed"):
            return False
        self.put(url, followed=False)
        return True

    def followed(self) -> list[FeedInfo]:
        got = self.coll.get(where={"followed": True}, include=["metadatas"])
        return sorted((FeedInfo(u, str(m.get("name", "")), str(m.get("added", "")), str(m.get("last_update", "")),
                                int(m.get("last_new", 0) or 0), str(m.get("last_error", "")))
                       for u, m in zip(got["ids"], got["metadatas"], strict=True)), key=lambda f: f.url)
