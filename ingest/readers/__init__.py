"""One reader per input format, chosen by file name; folders are walked recursively.

`iter_files` expands the paths a user gave (folders recursively, symlink loops and
hidden files skipped); `read_file` picks the reader by extension (after an optional
.gz) and turns any unexpected crash of a reader into a reported rejection, so one odd
file never stops an ingest.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ingest.readers.base import RawRecord, ReaderOutput
from ingest.readers.feed import read_feed
from ingest.readers.files import FileProblem, logical_name
from ingest.readers.html import read_html
from ingest.readers.records import read_csv, read_json, read_jsonl
from ingest.readers.text import read_text
from ingest.readers.warc import read_warc
from qa.types import Rejection

READERS: dict[str, Callable[[Path, str], ReaderOutput]] = {
    ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_json, ".csv": read_csv,
    ".tsv": read_csv, ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".txt": read_text, ".md": read_text, ".markdown": read_text, ".text": read_text,
    ".rss": read_feed, ".atom": read_feed, ".xml": read_feed, ".rdf": read_feed,
    ".warc": read_warc, ".arc": read_warc,
}

__all__ = ["RawRecord", "iter_files", "read_file", "READERS", "FileProblem"]


def reader_for(path: Path) -> Callable[[Path, str], ReaderOutput] | None:
    name = logical_name(path)
    if name.endswith(".warc.gz") or path.name.lower().endswith(".warc.gz"):
        return read_warc
    return READERS.get(os.path.splitext(name)[1])


def iter_files(paths: Iterable[Path]) -> Iterator[Path | Rejection]:
    """Every readable input file under `paths`, in a stable order."""
    for p in paths:
        if not p.exists():
            yield Rejection(str(p), None, "no such file or folder")
        elif p.is_dir():
            yield from _walk(p)
        elif reader_for(p) is None:
            yield Rejection(str(p), None, f"unknown file type {p.suffix!r}: expected one of "
                                          + ", ".join(sorted(set(READERS))) + " (optionally .gz)")
        else:
            yield p


def _inside(path: Path, root: Path) -> bool:
    return os.path.commonpath([os.path.realpath(path), root]) == str(root)


def _walk(root: Path) -> Iterator[Path | Rejection]:
    """Files under `root`; links that lead outside it are reported, not followed."""
    real_root = Path(os.path.realpath(root))
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if not _inside(Path(dirpath) / d, real_root):
                yield Rejection(str(Path(dirpath) / d), None, "link to a folder outside the folder "
                                "given: not followed (give that folder explicitly to ingest it)")
                continue
            kept.append(d)
        dirnames[:] = kept
        for fn in sorted(filenames):
            p = Path(dirpath) / fn
            if fn.startswith(".") or reader_for(p) is None or not p.is_file():
                continue
            if not _inside(p, real_root):
                yield Rejection(str(p), None, "link to a file outside the folder given: not followed "
                                              "(give that file explicitly to ingest it)")
                continue
            yield p


def read_file(path: Path) -> ReaderOutput:
    """Records of one file; a reader crash becomes one rejection for the rest of the file."""
    name = str(path)
    reader = reader_for(path)
    if reader is None:
        yield Rejection(name, None, "unknown file type")
        return
    try:
        yield from reader(path, name)
    except FileProblem as exc:
        yield Rejection(name, None, str(exc))
    except (OSError, EOFError) as exc:  # truncated or fake .gz, I/O error mid-file
        yield Rejection(name, None, f"cannot read past this point ({type(exc).__name__}: {exc}); "
                                    "records before it were read. Check the file is complete.")
    except Exception as exc:
        yield Rejection(name, None, f"could not be read ({type(exc).__name__}: {exc})"[:300])
