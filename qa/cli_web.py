"""The `newsqa` commands that keep the archive current: `feeds add/list/remove`, `update`.

Registered on the main Typer app by `qa.cli`; the work is in `ingest.feeds`.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from qa.cli_common import JsonOpt, call


def register_web(app: typer.Typer, settings: Any, fail: Any) -> None:
    feeds_app = typer.Typer(help="Follow news feeds: `newsqa update` pulls what is new from each.",
                            no_args_is_help=True)
    app.add_typer(feeds_app, name="feeds")

    @feeds_app.command("add")
    def feeds_add(url: Annotated[str, typer.Argument(help="The feed's URL (RSS, Atom, RDF or JSON Feed).")],
                  name: Annotated[str, typer.Option("--name", help="A name to list it by.")] = "") -> None:
        """Follow a feed (nothing is fetched until `newsqa update`)."""
        from ingest.feeds import follow

        new = call(fail, lambda: follow(settings(), url, name))
        typer.echo(f"{'following' if new else 'already following'} {url}")

    @feeds_app.command("list")
    def feeds_list(as_json: JsonOpt = False) -> None:
        """The followed feeds, with their last update and how many articles it added."""
        from ingest.feeds import followed

        feeds = call(fail, lambda: followed(settings()), as_json, lambda fs: [f.to_dict() for f in fs])
        if feeds is None:
            return
        for f in feeds:
            last = f"updated {f.last_update}, {f.last_new} new" if f.last_update else "never updated"
            err = f" (last error: {f.last_error})" if f.last_error else ""
            typer.echo(f"{f.url}  {f.name or '-'}  {last}{err}")
        if not feeds:
            typer.echo("no feeds followed: `newsqa feeds add URL`", err=True)

    @feeds_app.command("remove")
    def feeds_remove(url: Annotated[str, typer.Argument(help="The feed's URL as listed.")]) -> None:
        """Stop following a feed (its articles stay in the archive)."""
        from ingest.feeds import unfollow

        gone = call(fail, lambda: unfollow(settings(), url))
        if not gone:
            typer.echo(f"not following {url}: `newsqa feeds list` shows the feeds", err=True)
            raise typer.Exit(1)
        typer.echo(f"stopped following {url}")

    @app.command()
    def update(as_json: JsonOpt = False) -> None:
        """Pull new articles from every followed feed (safe to run from cron)."""
        from ingest.feeds import update as update_fn

        def on_feed(i: int, n: int, feed: Any) -> None:
            if not as_json and sys.stderr.isatty():
                typer.echo(f"[{i + 1}/{n}] {feed.name or feed.url}", err=True)

        report = call(fail, lambda: update_fn(settings(), on_feed))  # printed here: the exit code follows
        if as_json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        else:
            for f, r, err in report.feeds:
                line = f"{f.name or f.url}: added {r.added}, updated {r.updated}, unchanged {r.unchanged}" if r else ""
                typer.echo(line + (f"; error: {err}" if err else "")
                           + (f"; {len(r.rejected)} rejected" if r and r.rejected and not err else ""))
                for rej in (r.rejected if r else [])[:10]:
                    typer.echo(f"  rejected {rej.file}: {rej.reason}", err=True)
            if not report.feeds:
                typer.echo("no feeds followed: `newsqa feeds add URL`", err=True)
            typer.echo(f"{report.added} new articles")
        raise typer.Exit(report.exit_code)
