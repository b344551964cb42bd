"""Terminal rendering for the CLI: progress bars and summaries (rich), nothing else."""

from __future__ import annotations

import sys
from typing import Any

from rich.console import Console

_err = Console(stderr=True)
_out = Console(soft_wrap=True)  # summaries are parsed by people and scripts: never wrap


class IngestProgress:
    """Ingest progress: a bar with articles/s and ETA from bytes read ("bar"), one line per
    batch written on stderr ("lines", for scripts and logs), or nothing ("none")."""

    def __init__(self, style: str) -> None:
        self.style = style
        self.enabled = style == "bar"
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> IngestProgress:
        if self.enabled:
            from rich.progress import (
                BarColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(TextColumn("ingest"), BarColumn(),
                                      TextColumn("{task.fields[articles]} articles, {task.fields[rate]}/s"),
                                      TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                      console=_err, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("ingest", total=None, articles=0, rate="-")
        return self

    def update(self, p: Any) -> None:
        if self.style == "lines":
            rate = p.articles / p.seconds if p.seconds > 0 else 0.0
            print(f"progress articles={p.articles} bytes={p.bytes_done}/{p.bytes_total} "
                  f"seconds={p.seconds:.1f} articles_per_s={rate:.1f}", file=sys.stderr, flush=True)
            return
        if self._progress is None:
            return
        rate = f"{p.articles / p.seconds:.1f}" if p.seconds > 0 else "-"
        self._progress.update(self._task, total=max(p.bytes_total, 1), completed=p.bytes_done,
                              articles=p.articles, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)


def print_ingest_report(report: Any) -> None:
    d = report.to_dict()
    fetched = f"   URLs: {d['urls']}" if d.get("urls") else ""
    _out.print(f"files read: {d['files']}{fetched}   added: {d['added']}   updated: {d['updated']}   "
               f"unchanged: {d['unchanged']}   duplicates: {d['duplicates']}   "
               f"rejected: {len(report.rejected)}")
    _out.print(f"chunks written: {d['chunks_written']}   articles with a date: {d['dated']}   "
               f"time: {d['seconds']} s ({d['articles_per_s'] or '-'} articles/s)")
    for n in report.notes[:20]:
        where = f"{n.file}:{n.line}" if n.line is not None else n.file
        _out.print(f"  note {where}: {n.message}", markup=False, highlight=False)
    for r in report.rejected[:50]:
        where = f"{r.file}:{r.line}" if r.line is not None else r.file
        _out.print(f"  rejected {where}: {r.reason}", markup=False, highlight=False)
    if len(report.rejected) > 50:
        _out.print(f"  ... and {len(report.rejected) - 50} more (use --json for all)")


class StreamView:
    """Shows LLM tokens live while they stream (terminal only); cleared before the final answer."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._live: Any = None
        self._text = ""

    def __enter__(self) -> StreamView:
        if self.enabled:
            from rich.live import Live

            self._live = Live("", console=_out, transient=True, refresh_per_second=12)
            self._live.__enter__()
        return self

    def token(self, delta: str) -> None:
        if self._live is not None:
            self._text += delta
            self._live.update(self._text)

    def restart(self) -> None:
        self._text = ""
        if self._live is not None:
            self._live.update("(retrying...)")

    def __exit__(self, *exc: object) -> None:
        if self._live is not None:
            self._live.__exit__(*exc)


def print_answer(answer: Any, settings: Any) -> None:
    """The answer with its [n] markers, then the numbered sources with their quotes."""
    from rich.markup import escape

    if answer.mode == "llm" and answer.origin == "offline":
        label = f"LLM: {settings.llm_model}; the answer shown is newsqa's offline one"
    elif answer.mode == "llm":
        label = f"LLM: {settings.llm_model}; every sentence checked against the sources"
    else:
        label = "extractive: quoted from the sources, no LLM"
    if answer.short_withheld:
        label += f"; {answer.short_read.withheld_note}"
    _out.print(escape(answer.text))
    _out.print(f"[dim]({label}{'; declined' if answer.declined else ''})[/dim]")
    for note in answer.notes:
        _out.print(f"[yellow]Note:[/yellow] {escape(note)}", highlight=False)
    if answer.time_window is not None:
        _out.print(f"[dim]Time: {escape(answer.time_window.describe())}[/dim]", highlight=False)
    if answer.citations:
        _out.print("\nSources:")
    for c in answer.citations:
        flag = "" if c.supported else " [bold red](does not support the claim)[/bold red]"
        flag += " [dim](cited by newsqa, not the model)[/dim]" if c.added and answer.mode == "llm" else ""
        when = c.published.isoformat() if c.published else "undated"
        _out.print(f"[{c.n}] {escape(c.title)} - {escape(c.source)}, {when}{flag}", highlight=False)
        if c.url:
            _out.print(f"    {escape(c.url)}", highlight=False)
        _out.print(f"    \u201c{escape(c.quote)}\u201d", highlight=False)


class EvalProgress:
    """Progress bar over questions (terminal only)."""

    def __init__(self, enabled: bool, total: int) -> None:
        self.enabled, self.total = enabled, total
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> EvalProgress:
        if self.enabled:
            from rich.progress import Progress

            self._progress = Progress(console=_err, transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("eval", total=self.total)
        return self

    def update(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=done)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
