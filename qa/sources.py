"""The archive's sources: listed with counts and dates, and matched the way people type them.

A user writes `--source reuters` for the stored "Reuters", or `--source bbc.co.uk` for
"BBC News" whose articles live at bbc.co.uk: names match without regard to case, and a
name matches a domain whose first label it is (and the other way round). A source that
matches nothing is an error that names the closest known sources, not a silent decline.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from qa.errors import InputError
from qa.store import Store


@dataclass(frozen=True)
class SourceInfo:
    name: str
    articles: int
    first: date | None
    last: date | None
    domains: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {"source": self.name, "articles": self.articles,
                "first_date": self.first.isoformat() if self.first else None,
                "last_date": self.last.isoformat() if self.last else None, "domains": list(self.domains)}


def _domain(url: str) -> str:
    host = urlsplit(url if "://" in url else "https://" + url).netloc.lower()
    return host.removeprefix("www.").split(":")[0]


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", text.lower().removeprefix("https://").removeprefix("http://").removeprefix("www."))


def list_sources(store: Store) -> list[SourceInfo]:
    """Every source with its article count (duplicates left out) and date range."""
    acc: dict[str, list] = {}
    for r in store.iter_records():
        if r.duplicate_of:
            continue
        a = acc.setdefault(r.source, [0, None, None, set()])
        a[0] += 1
        if r.published:
            a[1] = min(a[1] or r.published, r.published)
            a[2] = max(a[2] or r.published, r.published)
        if r.url:
            a[3].add(_domain(r.url))
    return sorted((SourceInfo(n, c, f, la, tuple(sorted(d))[:5]) for n, (c, f, la, d) in acc.items()),
                  key=lambda s: (-s.articles, s.name))


def _matches(wanted: str, s: SourceInfo) -> bool:
    w, n = _key(wanted), _key(s.name)
    if not w:
        return False
    if w == n or w.replace(".", "") == n.replace(".", ""):
        return True
    return any(w == d or w == d.split(".")[0] or d.startswith(w + ".") or d.endswith("." + w)
               for d in (*s.domains, n))


def resolve(wanted: tuple[str, ...], known: list[SourceInfo]) -> tuple[str, ...]:
    """The stored source names the user's `--source` values mean; InputError for one
    that matches none, naming the closest."""
    out: list[str] = []
    for w in wanted:
        hit = [s.name for s in known if s.name == w] or [s.name for s in known if _matches(w, s)]
        if not hit:
            named = [s for s in known if s.name]
            close = difflib.get_close_matches(w.lower(), [s.name.lower() for s in named], n=5, cutoff=0.5)
            names = [s.name for s in named if s.name.lower() in close] or [s.name for s in named[:5]]
            raise InputError(f"no source matches {w!r}. Closest: {', '.join(names) or 'none (the archive is empty)'}. "
                             "`newsqa sources` lists them all.")
        out.extend(h for h in hit if h not in out)
    return tuple(out)
