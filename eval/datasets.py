"""Question sets: RealTimeQA's own JSONL, and newsqa's simple JSONL for a user's gold set.

RealTimeQA (one object a line): ``question_id``, ``question_date`` ("YYYY/MM/DD", used as
the as-of date), ``question_sentence`` (copied from the quiz page: may hold its links as
HTML), ``choices`` (4 strings), ``answer`` (a list holding the 0-based index of the right
choice, as a string), ``evidence`` (a snippet of the source article, may hold HTML, may be
empty), ``question_url``. The question and the evidence are read as the page shows them
(`strip_html`): a reader sees "demand for Dubai chocolate", not the link's attributes.

Simple JSONL (one object a line): ``question`` (required); ``answer`` (a string) or
``answers`` (a list of acceptable strings); optional ``as_of`` ("YYYY-MM-DD"),
``urls`` (expected source URLs), ``choices`` with ``answer_index`` for multiple choice,
``evidence`` and ``id``.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qa.errors import InputError


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    answers: tuple[str, ...]  # acceptable answers (for MC: the right choice's text)
    choices: tuple[str, ...] = ()
    answer_index: int | None = None
    as_of: date | None = None
    evidence: str = ""
    urls: tuple[str, ...] = ()


def _day(value: object, where: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value).strip().replace("/", "-"))
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD (or YYYY/MM/DD)") from None


_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|cite|code|em|i|mark|q|s|small|span|strong|sub|sup|u)\b[^>]*>", re.I)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def strip_html(text: str) -> str:
    """The text as a page shows it: inline tags ("<a href=...>Dubai</a>,") leave no
    space behind, other tags a space; entities are decoded. Only tag-shaped runs go, so
    "costs < 5% and > 3%" keeps its signs."""
    text = _TAG.sub(" ", _INLINE_TAG.sub("", text or ""))
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _realtimeqa(obj: dict, where: str) -> EvalQuestion:
    choices = tuple(str(c) for c in obj.get("choices") or ())
    try:
        idx = int(obj["answer"][0])
        gold = choices[idx]
    except (KeyError, IndexError, ValueError, TypeError):
        raise InputError(f"{where}: 'answer' must be a list holding the index of the right choice") from None
    return EvalQuestion(id=str(obj.get("question_id", where)), question=strip_html(obj["question_sentence"]),
                        answers=(gold,), choices=choices, answer_index=idx,
                        as_of=_day(obj.get("question_date"), where),
                        evidence=strip_html(obj.get("evidence", "")))


def _simple(obj: dict, where: str) -> EvalQuestion:
    if not str(obj.get("question", "")).strip():
        raise InputError(f"{where}: missing 'question'")
    answers = obj.get("answers") or ([obj["answer"]] if obj.get("answer") not in (None, "") else [])
    choices = tuple(str(c) for c in obj.get("choices") or ())
    idx = obj.get("answer_index")
    if choices and idx is not None:
        answers = [choices[int(idx)]]
    if not answers:
        raise InputError(f"{where}: give 'answer' (a string) or 'answers' (a list)")
    return EvalQuestion(id=str(obj.get("id", where)), question=str(obj["question"]),
                        answers=tuple(str(a) for a in answers), choices=choices,
                        answer_index=int(idx) if idx is not None else None,
                        as_of=_day(obj.get("as_of"), where), evidence=strip_html(obj.get("evidence", "")),
                        urls=tuple(obj.get("urls") or ()))


def load_questions(path: Path, limit: int | None = None) -> list[EvalQuestion]:
    """Questions from either format (detected per line), or an InputError naming the line."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    out: list[EvalQuestion] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: broken JSON ({exc.msg}); fix or remove the line") from None
            if not isinstance(obj, dict):
                raise InputError(f"{where}: expected a JSON object")
            out.append(_realtimeqa(obj, where) if "question_sentence" in obj else _simple(obj, where))
            if limit and len(out) >= limit:
                break
    if not out:
        raise InputError(f"{path}: no questions found")
    return out
