"""Records that cross module boundaries: frozen dataclasses, never dicts.

`Article` leaves the readers, `Chunk` is what gets embedded and stored, `Hit` is a
retrieved chunk with its scores, `Citation` and `Answer` are what the front ends render.
Dates are ``datetime.date`` (news is dated by day; time zones add nothing but bugs here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qa.confidence import ShortRead
    from qa.timewindow import TimeWindow


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    url: str = ""
    source: str = ""
    authors: tuple[str, ...] = ()
    published: date | None = None
    origin: str = ""  # "file:line" it was read from, for messages
    date_from: str = ""  # where the date came from: metadata, url, dateline, capture ("" undated)
    # Chunk vectors carried by a newsqa export: (start, end, vector) and their model.
    vectors: tuple[tuple[int, int, Any], ...] = ()
    vector_model: str = ""


@dataclass(frozen=True)
class Rejection:
    """A record or file that could not be ingested, and why."""

    file: str
    line: int | None
    reason: str

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class Note:
    """Something a user should know about an input that was read anyway (an encoding
    that had to be guessed)."""

    file: str
    line: int | None
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class Chunk:
    id: str  # f"{article_id}:{index}"
    article_id: str
    index: int
    text: str
    start: int  # character offset of the chunk in the cleaned article text
    title: str
    url: str
    source: str
    published: date | None


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # fused score, higher is better
    dense_rank: int | None = None
    keyword_rank: int | None = None


@dataclass(frozen=True)
class Citation:
    n: int
    article_id: str
    title: str
    source: str
    published: date | None
    url: str
    quote: str  # copied exactly from the article text
    supported: bool = True
    added: bool = False  # attached by newsqa's support checker, not written by the model
    context: str = ""  # the passage (chunk) the quote stands in, for display; not in to_dict

    def to_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "quote": self.quote,
            "supported": self.supported,
            "added": self.added,
        }


@dataclass(frozen=True)
class Claim:
    """One sentence of an LLM answer and what backs it.

    `cited_by` says who chose its citations: "model" (the model wrote the markers and at
    least one checks out), "newsqa" (the model wrote none that check out, and the support
    checker found a retrieved sentence that supports it), or "" (nothing retrieved
    supports it: the sentence is shown marked unsupported).
    """

    text: str
    citations: tuple[int, ...] = ()  # numbers of Answer.citations that support it
    rejected: tuple[int, ...] = ()  # the model's citations that do not support it
    cited_by: str = ""

    @property
    def supported(self) -> bool:
        return bool(self.cited_by)

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "citations": list(self.citations), "rejected": list(self.rejected),
                "supported": self.supported, "cited_by": self.cited_by or None}


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    mode: str  # "extractive" or "llm"
    citations: tuple[Citation, ...] = ()
    declined: bool = False
    choice: str | None = None
    short_answer: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    time_window: TimeWindow | None = None  # the days the question was resolved to
    # LLM mode: the answer's sentences and their support; what was corrected in the reply;
    # and whose answer is shown: "model", or "offline" when the model declined a multiple-
    # choice question or nothing it wrote was supported (the extractive answer is shown).
    claims: tuple[Claim, ...] = ()
    notes: tuple[str, ...] = ()
    origin: str = "offline"
    # The short answer the offline reader cut and how sure it is of it: `short_answer` is
    # its text only when it is written (`qa.confidence`).
    short_read: ShortRead | None = None

    @property
    def short_withheld(self) -> bool:
        """The reader cut a short answer but is not sure enough of it to write it."""
        return not self.declined and self.short_read is not None and not self.short_read.written

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "question": self.question,
            "answer": self.text,
            "mode": self.mode,
            "declined": self.declined,
            "citations": [c.to_dict() for c in self.citations],
            "timings": {k: round(v, 2) for k, v in self.timings.items()},
        }
        if self.choice is not None:
            out["choice"] = self.choice
        if self.short_answer is not None:
            out["short_answer"] = self.short_answer
        if self.short_read is not None:
            out["short_answer_check"] = self.short_read.to_dict()
        out["time_window"] = self.time_window.to_dict() if self.time_window else None
        if self.mode == "llm":
            out["origin"] = self.origin
            out["claims"] = [c.to_dict() for c in self.claims]
            out["notes"] = list(self.notes)
        return out
