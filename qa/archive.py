"""Browse the archive: list articles by source, date and words, show one article whole.

Reads only. The article records (`qa.store.ArticleRecord`) are walked for the list, so
listing costs one pass over the records, not over the chunks; a `query` narrows the list
to the articles whose chunks the keyword index finds for it (best first). An article's
text is its record's document; records written before the text was kept get it rebuilt
from their chunks, which are exact, ordered slices of the cleaned text (`ingest.chunk`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qa.settings import Settings
from qa.store import ArticleRecord, Store
from qa.timewindow import check_days
from qa.types import Chunk


@dataclass(frozen=True)
class ArticleRow:
    """One line of `newsqa articles`."""

    id: str
    published: date | None
    source: str
    title: str
    url: str
    chunks: int
    duplicate_of: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "published": self.published.isoformat() if self.published else None,
                "source": self.source, "title": self.title, "url": self.url, "chunks": self.chunks,
                "duplicate_of": self.duplicate_of or None}


@dataclass(frozen=True)
class ArticleView:
    """One article as `newsqa show` prints it."""

    record: ArticleRecord
    text: str
    chunks: int  # chunks stored for it (0 for a duplicate)

    def to_dict(self) -> dict[str, object]:
        r = self.record
        return {"id": r.id, "title": r.title, "published": r.published.isoformat() if r.published else None,
                "source": r.source, "url": r.url, "authors": list(r.authors), "origin": r.origin,
                "duplicate_of": r.duplicate_of or None, "chunks": self.chunks, "text": self.text}


def row(r: ArticleRecord) -> ArticleRow:
    return ArticleRow(r.id, r.published, r.source, r.title, r.url, r.n_chunks, r.duplicate_of)


def matches(r: ArticleRecord, sources: tuple[str, ...] = (), since: date | None = None,
            until: date | None = None) -> bool:
    """Whether the record passes the list filters (an undated article passes no date bound)."""
    if sources and r.source not in sources:
        return False
    if since and (r.published is None or r.published < since):
        return False
    return not (until and (r.published is None or r.published > until))


def list_articles(settings: Settings, sources: tuple[str, ...] = (), since: date | None = None,
                  until: date | None = None, query: str = "", limit: int | None = None,
                  store: Store | None = None) -> list[ArticleRow]:
    """Articles that pass the filters: newest first, or best match first with `query`."""
    check_days(since, until)
    store = store or Store(settings, create=False)
    if sources:
        from qa.sources import list_sources, resolve

        sources = resolve(sources, list_sources(store))
    if query.strip():
        from qa.keyword import keyword_index
        from qa.retrieve import Filters

        kw = keyword_index(store, settings.keyword_dir)
        hits = kw.search(query, 2000, Filters(since=since, until=until, sources=sources))
        order = list(dict.fromkeys(cid.rsplit(":", 1)[0] for cid, _ in hits))
        recs = store.get_records(order)
        rows = [row(recs[a]) for a in order if a in recs]
    else:
        rows = sorted((row(r) for r in store.iter_records() if matches(r, sources, since, until)),
                      key=lambda x: (x.published or date.min, x.id), reverse=True)
    return rows[:limit] if limit else rows


def text_from_chunks(chunks: list[Chunk]) -> str:
    """The cleaned article text from its chunks: the gaps between them were one space
    (same paragraph) or a paragraph break (see `ingest.clean.clean_text`)."""
    out: list[str] = []
    end = 0
    for c in sorted(chunks, key=lambda c: c.start):
        if out:
            out.append(" " if c.start - end <= 1 else "\n\n")
        out.append(c.text)
        end = c.start + len(c.text)
    return "".join(out)


def article_text(store: Store, r: ArticleRecord) -> str:
    """The article's text: stored with its record, else from its (or, for a duplicate
    written before texts were kept, its original's) chunks."""
    if r.text:
        return r.text
    return text_from_chunks(store.article_chunks(r.duplicate_of or r.id))


def find_record(store: Store, article_id: str) -> ArticleRecord | None:
    """The record with this id, or with the only id that starts with it (ids are long)."""
    got = store.get_records([article_id], with_text=True)
    if article_id in got:
        return got[article_id]
    if len(article_id) < 6:
        return None
    found = [r.id for r in store.iter_records() if r.id.startswith(article_id)]
    return store.get_records(found, with_text=True)[found[0]] if len(found) == 1 else None


def show(settings: Settings, article_id: str, store: Store | None = None) -> ArticleView | None:
    store = store or Store(settings, create=False)
    r = find_record(store, article_id)
    if r is None:
        return None
    return ArticleView(r, article_text(store, r), len(store.chunk_ids_of([r.id])))
