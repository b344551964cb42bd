"""Ingest: turn files, folders, feeds and web captures into a searchable archive.

Public API: `run(paths, settings)` returns an `IngestReport`; `SAMPLE_ARCHIVE` is the
built-in sample (short articles written for newsqa about real events of late 2023 and
early 2024, each linking to a public reference page on the event).
"""

from pathlib import Path

from ingest.pipeline import IngestReport, Progress, run

SAMPLE_ARCHIVE = Path(__file__).parent / "sample" / "articles.jsonl"

__all__ = ["run", "IngestReport", "Progress", "SAMPLE_ARCHIVE"]
