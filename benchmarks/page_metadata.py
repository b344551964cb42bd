"""How often ingest gets a page's title, source, date and text right, on a folder of pages.

Usage: python -m benchmarks.page_metadata [PAGES] [--checkout DIR] [--json]

PAGES (default: benchmarks/pages) holds HTML files and an ``expected.jsonl`` that says, for
each file, what a reader would call right (see benchmarks/pages/README.md). The pages are
ingested the way a user does it, with ``newsqa ingest`` into a new data folder, and read
back with ``newsqa export``; so ``--checkout`` can point at another checkout of the project
(an older commit) and the two runs compare the same pages through each one's own code.

Per page: the title is right when it equals the headline (spaces and case aside); the
source when it is one of the acceptable publisher names (case aside; "" means the page
names none and nothing may be stored); the date when it is the publication day (or no
date when the page has none); the text when it holds every ``must`` sentence and no
``must_not`` furniture.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
ASPECTS = ("title", "source", "date", "text")


@dataclass(frozen=True)
class PageResult:
    file: str
    title: str
    source: str
    date: str | None
    right: dict[str, bool]
    missing: list[str]
    junk: list[str]


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _cli(checkout: Path, data_dir: Path, *args: str) -> None:
    env = {**os.environ, "NEWSQA_DATA_DIR": str(data_dir), "HF_HUB_OFFLINE": "1",
           "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(checkout)}
    for key in ("NEWSQA_CHROMA_URL", "NEWSQA_LLM_BASE_URL", "OPENAI_API_KEY"):
        env.pop(key, None)
    r = subprocess.run([sys.executable, "-m", "qa.cli", *args], cwd=checkout, env=env,
                       capture_output=True, text=True)
    if r.returncode not in (0, 3):  # 3: some files rejected, which is a result here
        raise SystemExit(f"newsqa {' '.join(args)} failed in {checkout}:\n{r.stderr[-2000:]}")


def ingested(pages: Path, checkout: Path) -> dict[str, dict]:
    """The stored articles of a fresh ingest of ``pages``, by file name."""
    with tempfile.TemporaryDirectory(prefix="page-metadata-") as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "export.jsonl"
        files = sorted(str(p) for p in pages.glob("*.html"))
        _cli(checkout, data, "ingest", *files)
        _cli(checkout, data, "export", str(out))
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()[1:]]
    # "origin" is "path" or "path:line"; a page is one file, so its name is the key.
    def file_of(origin: str) -> str:
        path, _, line = origin.rpartition(":")
        return Path(path if line.isdigit() else origin).name

    return {file_of(str(row.get("origin", ""))): row for row in rows}


def judge(expected: dict, row: dict | None) -> PageResult:
    row = row or {}
    title, source = row.get("title", ""), row.get("source", "")
    date, text = row.get("published"), row.get("text", "")
    missing = [s for s in expected["must"] if _norm(s) not in _norm(text)]
    junk = [s for s in expected["must_not"] if _norm(s) in _norm(text)]
    right = {
        "title": bool(row) and _norm(title) == _norm(expected["title"]),
        "source": bool(row) and _norm(source) in {_norm(s) for s in expected["sources"]},
        "date": bool(row) and (date or None) == expected["date"],
        "text": bool(row) and not missing and not junk,
    }
    return PageResult(expected["file"], title, source, date, right, missing, junk)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pages", nargs="?", type=Path, default=PAGES)
    ap.add_argument("--checkout", type=Path, default=Path(__file__).resolve().parent.parent,
                    help="the project checkout whose newsqa ingests the pages")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    expected = [json.loads(line) for line in (args.pages / "expected.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = ingested(args.pages, args.checkout.resolve())
    results = [judge(e, rows.get(e["file"])) for e in expected]
    shares = {a: sum(r.right[a] for r in results) / len(results) for a in ASPECTS}
    if args.json:
        print(json.dumps({"pages": [asdict(r) for r in results], "shares": shares}, ensure_ascii=False))
        return 0
    for r in results:
        marks = " ".join(f"{a}={'ok' if r.right[a] else 'WRONG'}" for a in ASPECTS)
        print(f"{r.file:22} {marks}")
        print(f"{'':22} title={r.title!r} source={r.source!r} date={r.date}")
        if r.missing or r.junk:
            print(f"{'':22} missing={r.missing} junk={r.junk}")
    print("right: " + ", ".join(f"{a} {sum(r.right[a] for r in results)}/{len(results)}" for a in ASPECTS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
