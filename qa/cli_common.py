"""What the `newsqa` command modules share: the --json option and running a library call."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

import typer

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def call(fail: Callable[[BaseException], Any], fn: Callable[[], Any], as_json: bool = False,
         to_json: Callable[[Any], Any] = lambda r: r.to_dict()) -> Any:
    """Run a command's library call: an error goes to `fail` (one line, exit code); with
    --json the result is printed and None returned, else the result is returned for the
    command to render."""
    try:
        result = fn()
    except (typer.Exit, typer.BadParameter):
        raise
    except Exception as exc:
        fail(exc)
        raise  # `fail` always exits; this keeps the type checker and a bad `fail` honest
    if as_json:
        typer.echo(json.dumps(to_json(result), ensure_ascii=False))
        return None
    return result
