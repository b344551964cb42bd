"""The `newsqa` commands that manage the archive: articles, show, search, delete, export, check.

Registered on the main Typer app by `qa.cli`. Each reads or writes through the library
(`qa.archive`, `qa.answer.search`, `ingest.remove`, `ingest.export`, `ingest.check`) and
only parses and renders here. Writes (delete, check --repair) take the archive's writer
lock like an ingest, so they never interleave with one.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from qa.cli_common import JsonOpt
from qa.cli_common import call as run_call

SourceOpt = Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")]
SinceOpt = Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")]
UntilOpt = Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")]


def _line(r: Any) -> str:
    day = r.published.isoformat() if r.published else "undated   "
    dup = f"  (duplicate of {r.duplicate_of})" if r.duplicate_of else ""
    return f"{r.id}  {day}  {r.source[:24]:24s}  {r.chunks:3d}  {r.title[:90]}{dup}"


def register(app: typer.Typer, settings: Any, fail: Any, day: Any, filters: Any) -> None:
    """Add the commands to `app`; `settings`, `fail`, `day` and `filters` are qa.cli's helpers."""

    def call(fn: Callable[[], Any], as_json: bool, to_json: Callable[[Any], Any] = lambda r: r.to_dict()) -> Any:
        return run_call(fail, fn, as_json, to_json)

    @app.command()
    def articles(source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                 query: Annotated[str, typer.Option("--query", help="Only articles matching these words, best first.")] = "",
                 limit: Annotated[int | None, typer.Option("--limit", help="At most N articles.")] = None,
                 as_json: JsonOpt = False) -> None:
        """List articles (id, date, source, chunks, title), newest first."""
        from qa.archive import list_articles

        rows = call(lambda: list_articles(settings(), tuple(source or ()), day(since, "--since"),
                                          day(until, "--until"), query, limit),
                    as_json, lambda rows: [r.to_dict() for r in rows])
        if rows is None:
            return
        for r in rows:
            typer.echo(_line(r))
        typer.echo(f"{len(rows)} articles", err=True)

    @app.command()
    def sources(as_json: JsonOpt = False) -> None:
        """List the sources with their article counts and date ranges."""
        from qa.sources import list_sources
        from qa.store import Store

        infos = call(lambda: list_sources(Store(settings(), create=False)), as_json, lambda xs: [x.to_dict() for x in xs])
        for s in infos or []:
            span = f"{s.first} to {s.last}" if s.first else "undated"
            typer.echo(f"{s.articles:6d}  {(s.name or '(no source)')[:40]:40s}  {span}  {', '.join(s.domains[:2])}")

    @app.command()
    def show(article_id: Annotated[str, typer.Argument(help="The article's id (or its unique start).")],
             as_json: JsonOpt = False) -> None:
        """Print one article with its metadata."""
        from qa.archive import show as show_fn
        from qa.errors import InputError

        def find() -> Any:
            view = show_fn(settings(), article_id)
            if view is None:
                raise InputError(f"no article with id {article_id!r}: `newsqa articles` lists them")
            return view

        view = call(find, as_json)
        if view is None:
            return
        d = view.to_dict()
        for key in ("id", "title", "published", "source", "url", "authors", "origin", "duplicate_of", "chunks"):
            value = ", ".join(d[key]) if isinstance(d[key], list) else d[key]
            if value not in (None, ""):
                typer.echo(f"{key + ':':14s}{value}")
        typer.echo("")
        typer.echo(view.text)

    @app.command(name="search")
    def search_cmd(question: Annotated[str, typer.Argument(help="What to look for.")],
                   source: SourceOpt = None, since: SinceOpt = None, until: UntilOpt = None,
                   as_of: Annotated[str | None, typer.Option("--as-of", help="Nothing later than this date, recent first.")] = None,
                   k: Annotated[int, typer.Option("-k", help="How many passages.")] = 10,
                   as_json: JsonOpt = False) -> None:
        """Print the passages best matching a question, ranked, without answering it."""
        from qa.answer import search

        chosen = filters(since, until, as_of, source)
        hits, window = call(lambda: search(question, settings(), filters=chosen, k=k), False)
        rows = [{"rank": n, "score": round(h.score, 4), "article_id": h.chunk.article_id, "title": h.chunk.title,
                 "published": h.chunk.published.isoformat() if h.chunk.published else None,
                 "source": h.chunk.source, "url": h.chunk.url, "text": h.chunk.text}
                for n, h in enumerate(hits, start=1)]
        if as_json:
            typer.echo(json.dumps({"question": question, "time_window": window.to_dict() if window else None,
                                   "passages": rows}, ensure_ascii=False))
            return
        if window:
            typer.echo(f"time window: {window.describe()}\n")
        for r in rows:
            typer.echo(f"[{r['rank']}] {r['title']} | {r['source']} | {r['published'] or 'undated'} | {r['url']}")
            typer.echo(f"    id {r['article_id']}, score {r['score']}")
            typer.echo("    " + r["text"].replace("\n\n", "\n    ") + "\n")
        if not rows:
            typer.echo("no passages match", err=True)

    @app.command()
    def delete(article_ids: Annotated[list[str] | None, typer.Argument(help="Article ids to remove.")] = None,
               source: SourceOpt = None,
               until: Annotated[str | None, typer.Option(help="Every dated article published on or before YYYY-MM-DD.")] = None,
               yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
               as_json: JsonOpt = False) -> None:
        """Remove articles with their chunks and keyword entries (their duplicates too)."""
        from ingest.remove import delete as delete_fn
        from ingest.remove import select
        from qa.store import Store

        if not article_ids and not source and not until:
            raise typer.BadParameter("give article ids, --source or --until")
        try:
            s = settings()
            store = Store(s, create=False)
            rows, missing = select(store, article_ids or (), tuple(source or ()), day(until, "--until"))
            for m in missing:
                typer.echo(f"not in the archive: {m}", err=True)
            if rows and not yes:
                for r in rows[:20]:
                    typer.echo(_line(r), err=True)
                if len(rows) > 20:
                    typer.echo(f"... and {len(rows) - 20} more", err=True)
                if not sys.stdin.isatty():
                    raise typer.BadParameter(f"{len(rows)} articles would be removed: pass --yes to confirm "
                                             "when not at a terminal")
                if not typer.confirm(f"Remove these {len(rows)} articles?", err=True):
                    typer.echo("nothing removed", err=True)
                    raise typer.Exit(1)
            report = delete_fn(s, rows, missing, store)
        except (typer.Exit, typer.BadParameter):
            raise
        except Exception as exc:
            fail(exc)
            return
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            for r in report.removed:
                typer.echo(f"removed {_line(r)}")
            typer.echo(f"{len(report.removed)} articles and {report.chunks} chunks removed")
        if missing and not report.removed:
            raise typer.Exit(3)

    @app.command()
    def export(path: Annotated[Path, typer.Argument(help="The file to write (.jsonl or .jsonl.gz).")],
               vectors: Annotated[bool, typer.Option("--vectors", help="Include chunk vectors (no re-embedding on import).")] = False,
               as_json: JsonOpt = False) -> None:
        """Write every article with its metadata to a JSONL file that `newsqa ingest` reads back."""
        from ingest.export import export as export_fn

        report = call(lambda: export_fn(settings(), path, vectors), as_json)
        if report is not None:
            typer.echo(f"exported {report.articles} articles and {report.duplicates} duplicates"
                       + (f" with {report.chunks} chunk vectors" if vectors else "") + f" to {path}")

    @app.command()
    def check(repair: Annotated[bool, typer.Option("--repair", help="Remove leftover chunks, rebuild the keyword index.")] = False,
              as_json: JsonOpt = False) -> None:
        """Verify the archive is whole (exit 0) or name what is wrong (exit 4)."""
        from ingest.check import check as check_fn

        report = call(lambda: check_fn(settings(), repair), False)  # printed here: the exit code follows
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            typer.echo(f"articles: {report.articles}, chunks: {report.chunks}, embedding model: "
                       f"{report.embedding_model or '-'} ({report.dim} dims), written by Chroma "
                       f"{report.chroma_version or 'unrecorded'}")
            for line in report.repaired:
                typer.echo(f"repaired: {line}")
            for p in report.problems:
                typer.echo(f"problem ({p.kind}): {p.message}")
                if p.ids:
                    typer.echo(f"  e.g. {', '.join(p.ids)}")
            typer.echo("the archive is consistent" if not report.problems else
                       f"{len(report.problems)} problems found")
        raise typer.Exit(report.exit_code)
