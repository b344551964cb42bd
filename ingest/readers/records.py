"""JSONL, JSON (array or object) and CSV exports: one record per line, element or row.

JSONL is streamed line by line, so a broken line is reported with its number and every
other line is still read, and a file of any size reads in constant memory.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

from ingest.export import check_header, chunk_vectors, is_header
from ingest.readers.base import MAX_LINE_BYTES, RawRecord, ReaderOutput, from_mapping, guessed_note
from ingest.readers.encoding import UndecodableError, decode_bytes
from ingest.readers.files import open_binary, read_decoded
from qa.types import Rejection


def read_jsonl(path: Path, name: str) -> ReaderOutput:
    header: dict[str, object] | None = None
    first = True
    with open_binary(path) as f:
        for n, raw in enumerate(f, start=1):
            if len(raw) > MAX_LINE_BYTES:
                yield Rejection(name, n, f"line longer than {MAX_LINE_BYTES // 1_000_000} MB")
                continue
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw)
                if line.guessed:
                    yield guessed_note(name, n, line.encoding)
                obj = json.loads(line.text)
            except UndecodableError as exc:
                yield Rejection(name, n, f"undecodable line: {exc}")
                continue
            except json.JSONDecodeError as exc:
                yield Rejection(name, n, f"broken JSON at column {exc.colno}: {exc.msg}")
                continue
            if not isinstance(obj, dict):
                yield Rejection(name, n, f"expected a JSON object, got {type(obj).__name__}")
                continue
            if first and is_header(obj):
                problem = check_header(obj)
                if problem:
                    yield Rejection(name, n, problem)
                    return
                header = obj
            elif header is not None:
                yield from_export(obj, header, name, n)
            else:
                yield from_mapping(obj, name, n)
            first = False


def from_export(obj: dict[str, object], header: dict[str, object], name: str, n: int) -> RawRecord | Rejection:
    """An article line of a newsqa export: the id and chunk vectors it carries kept."""
    rec = from_mapping(obj, name, n)
    if isinstance(rec, Rejection):
        return rec
    aid = obj.get("id")
    if not isinstance(aid, str) or not aid.strip():
        return Rejection(name, n, "field id: a newsqa export line needs the article's id")
    try:
        vectors = tuple(chunk_vectors(obj, header)) if header.get("vectors") else ()
    except ValueError as exc:
        return Rejection(name, n, f"{exc} (export the archive again)")
    return replace(rec, id=aid.strip(), vectors=vectors, vector_model=str(header.get("embedding_model") or ""))


def _json_items(obj: object) -> list[object]:
    if isinstance(obj, list):
        return obj
    if isinstance(obj, dict):
        for key in ("articles", "items", "data", "results", "records", "docs", "entries"):
            if isinstance(obj.get(key), list):
                return obj[key]
        return [obj]
    return [obj]


def read_json(path: Path, name: str) -> ReaderOutput:
    text, said = read_decoded(path, name)
    if text is None:
        yield from said
        return
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        # Maybe it is JSONL under a .json name.
        if exc.msg == "Extra data":
            yield from read_jsonl(path, name)
            return
        yield Rejection(name, exc.lineno, f"broken JSON at column {exc.colno}: {exc.msg}")
        return
    yield from said
    for n, item in enumerate(_json_items(obj), start=1):
        if not isinstance(item, dict):
            yield Rejection(name, n, f"record {n}: expected a JSON object, got {type(item).__name__}")
            continue
        yield from_mapping(item, name, n)


def read_csv(path: Path, name: str) -> ReaderOutput:
    text, said = read_decoded(path, name)
    yield from said
    if text is None:
        return
    csv.field_size_limit(MAX_LINE_BYTES)
    sample = text[:20000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(name, reader.line_num, f"malformed CSV: {exc}")
            return
        line = reader.line_num  # physical line where this row ended
        clean = {k: v for k, v in row.items() if k is not None}
        yield from_mapping(clean, name, line)
