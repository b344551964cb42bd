"""Draw articles for a blind gold set: questions written from them before newsqa is asked.

Usage: python -m eval.draw_blind ARTICLES.jsonl[.gz] --seed N [--n 12] [--year 2024]
       [--gold-dir eval/gold] [--min-chars 1500] [--json]

A blind set measures the reader on articles no rule was made from. So the draw leaves out
every article a gold set already asks about (any ``urls`` entry of any ``*.jsonl`` under
``--gold-dir``, compared as canonical URLs), articles too short to hold a story
(``--min-chars``), and articles without a date in their URL (the question's as-of date
is the article's own day, so the question sees the article and what came before it).
``--year`` keeps one year's articles: the dev archive's questions are all of 2025, so its
2024 articles are ones the tuning never read. The same archive, gold sets and seed give
the same draw, so a commit's "seeds 7039/7040" can be replayed.

Each drawn article is printed with its URL, its as-of date and its text, to write a
question and its answer from; ``--json`` prints one object a line with those fields and a
gold-line template (``id``, ``question``, ``answers`` left empty).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from eval.datasets import load_questions
from ingest.articles import canonical_url
from ingest.dates import date_from_url
from ingest.readers import read_file
from ingest.readers.base import RawRecord
from qa.errors import InputError
from qa.types import Rejection


@dataclass(frozen=True)
class Drawn:
    url: str
    as_of: date
    title: str
    text: str


def _articles(path: Path) -> Iterator[RawRecord]:
    """The records of an archive file as `newsqa ingest` reads them (any format and
    encoding it takes, gzipped or not), so a drawn article is one the archive holds; a
    line ingest would reject is an error naming it."""
    if not path.exists():
        raise InputError(f"{path}: no such file; give the articles file the archive was built from")
    for got in read_file(path):
        if isinstance(got, Rejection):
            where = f"{got.file}:{got.line}" if got.line else got.file
            raise InputError(f"{where}: {got.reason}; fix or remove it")
        if isinstance(got, RawRecord):
            yield got


def asked_urls(gold_dir: Path) -> set[str]:
    """Every URL a gold set already asks about (`eval.datasets.load_questions`, which
    names a broken line), canonical, so a link with a tracking query or a trailing slash
    still counts as asked."""
    return {canonical_url(u) for f in sorted(gold_dir.glob("*.jsonl")) for q in load_questions(f) for u in q.urls}


def draw(articles: Path, seed: int, n: int = 12, year: int | None = None,
         gold_dir: Path | None = None, min_chars: int = 1500) -> list[Drawn]:
    """`n` articles sampled with `seed` from those no gold set asks about, in file order
    before sampling so the draw does not depend on anything but the inputs."""
    asked = asked_urls(gold_dir) if gold_dir else set()
    pool: list[Drawn] = []
    seen: set[str] = set()
    for rec in _articles(articles):
        day = date_from_url(rec.url) if rec.url else None
        key = canonical_url(rec.url) if rec.url else ""
        if not day or key in asked or key in seen or len(rec.text) <= min_chars:
            continue
        if year is not None and day.year != year:
            continue
        seen.add(key)
        pool.append(Drawn(url=rec.url, as_of=day, title=rec.title, text=rec.text))
    if len(pool) < n:
        raise InputError(f"{articles}: only {len(pool)} articles are left to draw from "
                         f"(year {year or 'any'}, over {min_chars} characters, not in a gold set); ask for fewer")
    return random.Random(seed).sample(pool, n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.draw_blind", description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", type=Path)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=12)
    ap.add_argument("--year", type=int)
    ap.add_argument("--gold-dir", type=Path, default=Path(__file__).parent / "gold")
    ap.add_argument("--min-chars", type=int, default=1500)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    try:
        drawn = draw(args.articles, args.seed, args.n, args.year, args.gold_dir, args.min_chars)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    for i, d in enumerate(drawn, 1):
        if args.json:
            row = asdict(d) | {"as_of": d.as_of.isoformat(),
                               "gold": {"id": "", "question": "", "answers": [], "as_of": d.as_of.isoformat(),
                                        "urls": [d.url]}}
            print(json.dumps(row, ensure_ascii=False))
        else:
            print(f"=== {i}. {d.as_of}  {d.url}\n{d.title}\n\n{d.text}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
