"""The `newsqa` command line: parses arguments, calls the library, renders.

Errors the user can act on (`NewsqaError`) print one line and exit non-zero; other
exceptions get a traceback only with ``--debug``. Ingest is imported lazily (``qa`` may
not import ``ingest`` at module level).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from qa.cli_archive import register
from qa.cli_common import JsonOpt, call
from qa.cli_web import register_web
from qa.errors import NewsqaError
from qa.settings import Settings

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Answer questions over a news archive, with citations.")
_DEBUG = {"on": False}
OWN_LOGGERS = {"qa", "ingest", "eval", "benchmarks", "__main__"}


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False) -> None:
    _DEBUG["on"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # Libraries (trafilatura, warcio, chromadb...) log what they skipped or repaired;
        # what a user must know is in the command's own summary, so only newsqa's own
        # warnings reach a normal run's stderr. --debug shows everything.
        for handler in logging.getLogger().handlers:
            handler.addFilter(lambda r: r.name.split(".")[0] in OWN_LOGGERS)


def _fail(exc: BaseException) -> None:
    if _DEBUG["on"]:
        raise exc
    if isinstance(exc, NewsqaError):
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code)
    if _disk_full_here(exc):
        typer.echo("error: the disk holding the archive is full. Nothing stored was lost: free some "
                   "space, then run the same command again.", err=True)
        raise typer.Exit(1)
    typer.echo(f"error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True)
    raise typer.Exit(1)


def _disk_full_here(exc: BaseException) -> bool:
    """An unexplained store failure on a disk with almost no space left is a full disk."""
    from qa.errors import is_disk_full, low_disk_space

    if is_disk_full(exc):
        return True
    try:
        s = Settings()
    except Exception:
        return False
    return s.chroma_url is None and low_disk_space(s.data_dir)


def _settings() -> Settings:
    try:
        return Settings()
    except Exception as exc:  # pydantic ValidationError: name the variable
        raise typer.BadParameter(f"invalid NEWSQA_* setting: {exc}") from None


@app.command()
def ingest(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive), or http(s) URLs of pages and feeds.")] = None,
    sample: Annotated[bool, typer.Option("--sample", help="Ingest the built-in sample archive.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    progress: Annotated[str, typer.Option(help="auto (a bar on a terminal), bar, lines (one line per batch written, on stderr, for scripts) or none.")] = "auto",
) -> None:
    """Add articles to the archive: JSONL/JSON/CSV, HTML, text/Markdown, RSS/Atom/RDF/JSON Feed, WARC (.gz ok), URLs."""
    import ingest as ingest_pkg
    from qa.render import IngestProgress, print_ingest_report

    targets = list(paths or [])
    if sample:
        targets.append(ingest_pkg.SAMPLE_ARCHIVE)
    if not targets:
        raise typer.BadParameter("give at least one PATH, or --sample")
    settings = _settings()
    try:
        if progress not in ("auto", "bar", "lines", "none"):
            raise typer.BadParameter("--progress takes auto, bar, lines or none")
        style = ("bar" if not as_json and sys.stderr.isatty() else "none") if progress == "auto" else progress
        with IngestProgress(style) as view:
            report = ingest_pkg.run(targets, settings, on_progress=view.update)
    except KeyboardInterrupt:
        typer.echo("interrupted: what was written is consistent; run the same command again "
                   "to complete it", err=True)
        raise typer.Exit(130) from None
    except Exception as exc:
        _fail(exc)
        return
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print_ingest_report(report)
    raise typer.Exit(report.exit_code)


@app.command()
def stats(as_json: JsonOpt = False) -> None:
    """What the archive holds: articles, chunks, sources, date range, embedding model."""
    from qa.stats import archive_stats

    s = call(_fail, lambda: archive_stats(_settings()), as_json)
    if s is None:
        return
    typer.echo(f"articles:        {s.articles} (+{s.duplicates} duplicates linked)")
    typer.echo(f"chunks:          {s.chunks}")
    typer.echo(f"sources:         {s.sources}")
    typer.echo(f"dates:           {s.first_date or '-'} to {s.last_date or '-'} ({s.undated} undated)")
    if s.dated_from:
        typer.echo("dated from:      " + ", ".join(f"{k} {v}" for k, v in s.dated_from.items()))
    typer.echo(f"embedding model: {s.embedding_model or '-'}")


def _day(value: str | None, flag: str):  # type: ignore[no-untyped-def]
    from datetime import date

    if value is None:
        return None
    try:
        return date.fromisoformat(value.replace("/", "-"))
    except ValueError:
        raise typer.BadParameter(f"{flag} takes a date as YYYY-MM-DD, got {value!r}") from None


def _filters(since: str | None, until: str | None, as_of: str | None, source: list[str] | None):  # type: ignore[no-untyped-def]
    """The search filters from the date and source options; dates that leave no day to
    search are a bad parameter, shown as one like a malformed date."""
    from qa.errors import InputError
    from qa.retrieve import Filters

    try:
        return Filters(since=_day(since, "--since"), until=_day(until, "--until"), as_of=_day(as_of, "--as-of"),
                       sources=tuple(source or ()))
    except InputError as exc:
        raise typer.BadParameter(str(exc)) from None


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    since: Annotated[str | None, typer.Option(help="Only articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published on or before YYYY-MM-DD.")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Answer as of this date: nothing later, recent first.")] = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Only this source (repeatable).")] = None,
    choice: Annotated[list[str] | None, typer.Option("--choice", help="A multiple-choice option (repeatable).")] = None,
    k: Annotated[int | None, typer.Option("-k", help="How many chunks to retrieve.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
) -> None:
    """Answer a question from the archive, citing the article sentences that support it."""
    from qa.answer import ask as ask_fn
    from qa.render import StreamView, print_answer
    from qa.types import Answer

    filters = _filters(since, until, as_of, source)
    settings = _settings()

    def answer_streamed() -> Answer:
        with StreamView(enabled=not as_json and sys.stdout.isatty()) as view:
            return ask_fn(question, settings, choices=choice or None, filters=filters, k=k,
                          on_token=view.token, on_restart=view.restart)

    answer = call(_fail, answer_streamed, as_json)
    if answer is not None:
        print_answer(answer, settings)


@app.command(name="eval")
def eval_cmd(
    questions: Annotated[Path, typer.Argument(help="RealTimeQA JSONL or newsqa simple JSONL.")],
    limit: Annotated[int | None, typer.Option("--limit", help="Evaluate the first N questions.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Folder for results.json, summary.md, plots.")] = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="A previous run's results.json to compare with.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print n and metrics as JSON.")] = False,
) -> None:
    """Score answers, citations and retrieval on a question set, against the current archive."""
    import time

    from eval.datasets import load_questions
    from eval.report import compare, write
    from eval.runner import run, summarize
    from qa.render import EvalProgress

    settings = _settings()
    try:
        qs = load_questions(questions, limit)
        base = json.loads(baseline.read_text(encoding="utf-8")) if baseline else None
        t0 = time.perf_counter()
        with EvalProgress(enabled=not as_json and sys.stderr.isatty(), total=len(qs)) as progress:
            results = run(qs, settings, on_progress=progress.update)
        seconds = time.perf_counter() - t0
        metrics = summarize(results)
        comparison = compare(metrics, results, base) if base else None
        mode = "llm" if settings.llm_configured else "extractive"
        if out:
            write(out, str(questions), mode, metrics, results, seconds, comparison)
    except (OSError, ValueError) as exc:
        _fail(NewsqaError(f"cannot read the question set or baseline: {exc}"))
        return
    except Exception as exc:
        _fail(exc)
        return
    if as_json:
        typer.echo(json.dumps({"n": len(results), "mode": mode, "seconds": round(seconds, 1),
                               "metrics": metrics, "comparison": comparison}, ensure_ascii=False))
        return
    from eval.report import HEADLINE

    typer.echo(f"{len(results)} questions, mode {mode}, {seconds:.0f} s")
    for k in HEADLINE:
        v = metrics.get(k)
        typer.echo(f"  {k:20s} {'-' if v is None else round(v, 3)}")
    if comparison:
        typer.echo(f"  {len(comparison['flipped'])} questions flipped against the baseline")
    if out:
        typer.echo(f"report: {out / 'summary.md'}")


@app.command(name="app")
def app_cmd(port: Annotated[int, typer.Option(help="Port to serve on.")] = 8501) -> None:
    """Start the Streamlit app on this machine (offline, no usage statistics sent)."""
    from importlib.util import find_spec

    spec = find_spec("app")
    if spec is None or spec.origin is None:
        _fail(NewsqaError("app.py is not installed with newsqa: reinstall the package"))
        return
    cmd = [sys.executable, "-m", "streamlit", "run", spec.origin, "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.address", "127.0.0.1", "--client.toolbarMode", "minimal"]
    # Replace this process with Streamlit's: a process manager's SIGTERM (or Ctrl-C)
    # then reaches the server itself, and nothing is left running when it stops.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, cmd)


register(app, _settings, _fail, _day, _filters)
register_web(app, _settings, _fail)


def main() -> None:
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    app()


if __name__ == "__main__":
    main()
