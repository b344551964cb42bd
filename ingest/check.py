"""`newsqa check`: is the archive whole? And `--repair` for what can be rebuilt.

What is checked, and why each can happen:
- every chunk belongs to a committed article record and lies within its chunk count
  (an ingest or delete interrupted between its chunk and record writes leaves such
  leftovers; they would still be found and cited);
- every article has all its chunks (a store damaged or edited outside newsqa);
- every vector has the dimension of the recorded embedding model;
- every duplicate points at a stored article;
- the embedding model and the Chroma version that wrote the archive are recorded;
- the keyword index holds exactly the store's chunks, for the store's generation.

`repair` removes leftover chunks and rebuilds the keyword index: both are derived from the
records. It never deletes an article record; an article with missing chunks is named
with the file it came from, to ingest again.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from qa.keyword import all_ids, open_index, rebuild
from qa.settings import Settings
from qa.store import Store, chroma_version

SHOW = 10  # ids named per problem; the count is always exact


@dataclass(frozen=True)
class Problem:
    kind: str  # leftover_chunks, missing_chunks, wrong_dimension, broken_duplicate, keyword_index, metadata
    count: int
    message: str
    ids: tuple[str, ...] = ()
    repairable: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "count": self.count, "message": self.message,
                "ids": list(self.ids), "repairable": self.repairable}


@dataclass
class CheckReport:
    articles: int = 0
    chunks: int = 0
    embedding_model: str = ""
    dim: int = 0
    chroma_version: str = ""  # the version that last wrote the archive
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 4 if self.problems else 0

    def to_dict(self) -> dict[str, object]:
        return {"articles": self.articles, "chunks": self.chunks, "embedding_model": self.embedding_model,
                "dim": self.dim, "chroma_version": self.chroma_version,
                "chroma_version_running": chroma_version(),
                "problems": [p.to_dict() for p in self.problems], "repaired": self.repaired,
                "clean": not self.problems}


def _leftovers(store: Store, report: CheckReport) -> list[str]:
    """Walk records and chunks once; add the problems found; return leftover chunk ids."""
    records = {r.id: r for r in store.iter_records()}
    report.articles = len(records)
    have: dict[str, set[int]] = defaultdict(set)
    leftover: list[str] = []
    wrong_dim: list[str] = []
    for cid, aid, idx, dim in store.iter_chunk_shapes():
        report.chunks += 1
        r = records.get(aid)
        if r is None or r.duplicate_of or not 0 <= idx < r.n_chunks:
            leftover.append(cid)
            continue
        have[aid].add(idx)
        if report.dim and dim != report.dim:
            wrong_dim.append(cid)
    missing = [r for r in records.values() if not r.duplicate_of and len(have[r.id]) < r.n_chunks]
    broken = [r.id for r in records.values() if r.duplicate_of and r.duplicate_of not in records]
    if leftover:
        report.problems.append(Problem(
            "leftover_chunks", len(leftover),
            f"{len(leftover)} chunks have no committed article (left by an interrupted ingest or "
            "delete); they can still be cited. `newsqa check --repair` removes them.",
            tuple(leftover[:SHOW]), True))
    if missing:
        origins = sorted({r.origin.rsplit(":", 1)[0] for r in missing if r.origin})[:SHOW]
        report.problems.append(Problem(
            "missing_chunks", len(missing),
            f"{len(missing)} articles miss some of their chunks. Ingest them again "
            f"(from {', '.join(origins) or 'their files'}) after `newsqa delete` of these ids.",
            tuple(r.id for r in missing[:SHOW])))
    if wrong_dim:
        report.problems.append(Problem(
            "wrong_dimension", len(wrong_dim),
            f"{len(wrong_dim)} chunk vectors are not {report.dim}-dimensional like the archive's "
            f"model {report.embedding_model}: export and re-ingest the archive.", tuple(wrong_dim[:SHOW])))
    if broken:
        report.problems.append(Problem(
            "broken_duplicate", len(broken),
            f"{len(broken)} duplicate records point at articles that are not stored: delete them "
            "and ingest their files again.", tuple(broken[:SHOW])))
    return leftover


def _keyword_problem(settings: Settings, store: Store, report: CheckReport) -> None:
    index = open_index(settings.keyword_dir)
    index.index.reload()
    gen, want = index.generation(), store.generation()
    if gen != want:
        state = "is missing" if gen is None else f"is for generation {gen}, the store is at {want}"
        report.problems.append(Problem(
            "keyword_index", 1, f"the keyword index {state} (it is rebuilt on the next question, "
            "or now by `newsqa check --repair`)", (), True))
        return
    ids = set(all_ids(index))
    chunk_ids = set(store.chunks.get(include=[])["ids"])
    if ids != chunk_ids:
        report.problems.append(Problem(
            "keyword_index", 1, f"the keyword index holds {len(ids - chunk_ids)} chunks the store does "
            f"not and misses {len(chunk_ids - ids)} it does: `newsqa check --repair` rebuilds it.",
            tuple(sorted(ids ^ chunk_ids)[:SHOW]), True))


def check(settings: Settings, repair: bool = False) -> CheckReport:
    store = Store(settings, create=False)
    meta = store.meta()
    report = CheckReport(embedding_model=str(meta.get("embedding_model") or ""), dim=int(meta.get("dim") or 0),
                         chroma_version=str(meta.get("chroma_version") or ""))
    if meta and not report.embedding_model:
        report.problems.append(Problem("metadata", 1, "the archive does not record its embedding model"))
    leftover = _leftovers(store, report)
    _keyword_problem(settings, store, report)
    if repair and any(p.repairable for p in report.problems):
        _repair(settings, store, leftover, report)
        again = check(settings)
        report.problems = again.problems
    return report


def _repair(settings: Settings, store: Store, leftover: list[str], report: CheckReport) -> None:
    """Remove leftover chunks and rebuild the keyword index, under the writer lock."""
    index = open_index(settings.keyword_dir)
    writer = index.writer(settings.writer_wait_s)  # KeywordIndexBusyError names the other writer
    try:
        if leftover:
            store.bump_generation()
            store.delete_chunks(leftover)
            report.repaired.append(f"removed {len(leftover)} leftover chunks")
        gen = store.bump_generation()
        rebuild(index, writer, store.iter_chunks(), gen)
        report.repaired.append("rebuilt the keyword index")
    except BaseException:
        writer.abort()
        raise
    writer.close()
