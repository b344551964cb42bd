"""`ask()`: retrieve, decide whether the archive answers, answer, check citations.

One code path for both modes up to the answer itself: retrieval and sentence support
scoring always run, and when nothing retrieved supports an answer the result is a
decline without calling the LLM. Extractive mode (the default, offline) quotes the best
sentences and, for who/when/where/how-many questions, a short answer span; LLM mode
sends numbered, fenced sources and checks the reply's citations. Heavy resources (store
client, embedder, keyword index) are loaded once per process and reused.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from qa import confidence, extractive, llm_answer, negated, prompts, startup, whole_article
from qa.citations import Pool, citation_for
from qa.embeddings import Embedder, expected_embedder_name, load_embedder, model_for
from qa.keyword import KeywordIndex, keyword_index
from qa.lexical import STOP, words
from qa.llm import ChatLLM, TokenFn, load_llm
from qa.llm_answer import LLMAnswer
from qa.retrieve import Filters, question_idf, retrieve
from qa.settings import Settings
from qa.sources import list_sources
from qa.sources import resolve as resolve_sources
from qa.store import Store
from qa.timewindow import TimeWindow, for_question, reference_day
from qa.types import Answer, Citation, Claim, Hit


@dataclass
class Resources:
    settings: Settings
    store: Store
    embedder: Embedder

    def keyword(self) -> KeywordIndex:
        return keyword_index(self.store, self.settings.keyword_dir)

    def choice_idf(self, choices: Sequence[str]) -> dict[str, float]:
        """How rare the choices' words are in the whole archive."""
        return self.keyword().idf([w for c in choices for w in words(c) if w.lower() not in STOP])


_RES: dict[tuple, Resources] = {}
_RES_LOCK = threading.Lock()


def _model_hint(settings: Settings) -> Path:
    """Where the archive's model name is remembered outside Chroma: only a guess of which
    model to load while Chroma opens (the archive's own record decides)."""
    return settings.data_dir / f".embedding-model-{settings.collection}"


def load_resources(settings: Settings, embedder: Embedder | None = None) -> Resources:
    key = (str(settings.data_dir), settings.chroma_url, settings.collection,
           settings.embedding_model, id(embedder))
    meta: dict | None = None  # the archive's record, when this call opened the store
    with _RES_LOCK:
        res = _RES.get(key)
        if res is None:
            # The model loads on a second thread while Chroma is imported and opened: both
            # are mostly native code, so a cold start pays for the longer one, not the sum.
            # Unset, the model is the archive's, known once it is open: the one it had last
            # time (the hint), else the default, is loaded meanwhile, and only a wrong guess
            # waits for a second load.
            try:
                hint: str | None = _model_hint(settings).read_text(encoding="utf-8").strip() or None
            except OSError:
                hint = None
            with startup.loading():
                with ThreadPoolExecutor(max_workers=1) as pool:
                    loading = pool.submit(load_embedder, model_for(settings, hint)) if embedder is None else None
                    store = Store(settings, create=False)
                    emb = embedder or loading.result()  # type: ignore[union-attr]
                meta = store.meta()
                built = meta.get("embedding_model")
                wanted = model_for(settings, built)
                if embedder is None and expected_embedder_name(wanted) != emb.name:
                    emb = load_embedder(wanted)
                if built and built != hint:
                    with contextlib.suppress(OSError):  # a read-only archive just guesses again
                        _model_hint(settings).write_text(str(built), encoding="utf-8")
                res = Resources(settings, store, emb)
            _RES[key] = res
    meta = res.store.require_nonempty(meta)
    res.store.check_embedding_model(res.embedder.name, meta)
    return res


def _quote_text(short: str | None, picks: Sequence[extractive.Scored]) -> str:
    quoted = " ".join(f"{extractive.quoted(p.sentence)} [{n}]" for n, p in enumerate(picks, start=1))
    return f"{short} [1]: {quoted}" if short else quoted


def short_read(shown: extractive.Shown | None, hits: Sequence[Hit], day: date | None,
               window: TimeWindow | None = None, *, question: str) -> confidence.ShortRead | None:
    """The short answer read with how sure the reader is of it (`qa.confidence`); `window`
    is the question's, marked widened when nothing found is inside it (`read`); the
    `question`, for one that asks which is not (`qa.negated`)."""
    if shown is None:
        return None
    i = shown.sentence.hit
    elsewhen = window is not None and window.widened and window.kind == "relative"
    listed = negated.asks_which_not(question) and not negated.negates(shown.sentence.sentence)
    return confidence.ShortRead(shown.text, shown.sentence.score, shown.score,
                                confidence.age_before(day, hits[i].chunk.published), confidence.margin(hits, i, shown.text),
                                shown.kind, elsewhen, listed, shown.marked)


def _extractive(question: str, hits: list[Hit], scored: list[extractive.Scored],
                reading: extractive.ChoiceReading | None, embedder: Embedder, shown: extractive.Shown | None,
                write: bool = True) -> tuple[str, tuple[Citation, ...], str | None, str | None]:
    """The offline answer; `shown` is the short answer (`extractive.short`) with the
    sentence it is cut from, which is quoted first (for a headline's span, the article's
    sentence that names it: `extractive.quote_for`) whether or not the short answer is
    written (`write`: the reader is sure of it); a written one is quoted with no other
    article's sentence but one that names it (`extractive.second_source`), an unwritten
    one with the reader's next sentence (`extractive.next_in_order`). Multiple
    choice (`reading`) takes the choice the short answer names either way: a choice is
    the question's own words, not a claim of ours."""
    choice = short = None
    if reading:
        ci, picks = extractive.choose(question, reading, hits, embedder, scored)
        choice = reading.choices[ci]
        text = f"{chr(65 + ci)}) {choice} [1]. " + _quote_text(None, picks)
    else:
        if shown:
            short = shown.text if write else None
            first = extractive.quote_for(shown, scored, hits)
            picks = [first] + (extractive.second_source(shown.text, first, scored, hits)
                               if write else extractive.next_in_order(first, scored, hits))
        else:
            picks = extractive.pick(scored, hits)
        text = _quote_text(short, picks)
    cites = tuple(citation_for(n, hits[p.hit], p.sentence) for n, p in enumerate(picks, start=1))
    return text, cites, choice, short


def _llm(question: str, hits: list[Hit], scored: list[extractive.Scored], reading: extractive.ChoiceReading | None,
         filters: Filters, window: TimeWindow | None, res: Resources, llm: ChatLLM, shown: extractive.Shown | None,
         on_token: TokenFn | None, on_restart: Callable[[], None] | None, write: bool = True,
         found: int | None = None) -> LLMAnswer:
    """The model's answer, checked sentence by sentence (see `qa.llm_answer`); `shown` is
    the offline short answer, for the offline answer shown when nothing the model wrote
    is supported. The model is shown the first `found` passages (those retrieval found);
    its sentences are checked against all the reader read."""
    choices = reading.choices if reading else None
    reply = llm.complete(prompts.system_prompt(bool(choices)),
                         prompts.user_prompt(question, hits[:found], choices, filters.as_of, window),
                         on_token, on_restart)
    pool = Pool.build(hits, res.embedder, [(s.hit, s.sentence, s.vector) for s in scored if s.vector is not None])
    if reading:
        return llm_answer.choice_answer(reply, question, reading, hits, scored, pool, res.embedder)
    answer, checked = llm_answer.open_answer(reply, pool, res.embedder)
    if answer is not None:
        return answer
    if checked is None:  # the model declined
        return LLMAnswer(prompts.DECLINE_TEXT, (), (), (), True, None, "model")
    text, cites, _, _ = _extractive(question, hits, scored, None, res.embedder, shown, write=write)
    cites = tuple(replace(c, added=True) for c in cites)  # chosen by newsqa, not the model
    claims = tuple(Claim(c.quote, (c.n,), (), "newsqa") for c in cites)
    return LLMAnswer(text, cites, claims, (llm_answer.fallback_note(reply),), False, None, "offline")


def _widened(window: TimeWindow | None, days: Sequence[date | None]) -> TimeWindow | None:
    """The window, marked widened when none of `days` (the found passages' dates, then the
    cited articles') is inside it. Retrieval prefers the window's days and never stops at
    them, so an answer may come from further back; it says so rather than let the window
    it prints vouch for a quote from another year. An off-topic passage found inside the
    window does not make the answer one from then: what is cited decides."""
    if window is None or window.widened or any(window.contains(d) for d in days):
        return window
    return replace(window, widened=True)


def with_recency(filters: Filters, settings: Settings) -> Filters:
    """The filters carrying the configured as-of recency behaviour."""
    return replace(filters, recency_half_life_days=settings.recency_half_life_days,
                   recent_days=settings.recent_days)


def with_sources(filters: Filters, res: Resources) -> Filters:
    """The filters with the user's `--source` values resolved to stored source names."""
    if not filters.sources:
        return filters
    return replace(filters, sources=resolve_sources(filters.sources, list_sources(res.store)))


def search(question: str, settings: Settings, *, filters: Filters | None = None, k: int | None = None,
           embedder: Embedder | None = None) -> tuple[list[Hit], TimeWindow | None]:
    """The ranked passages `ask` would answer from, without answering (`newsqa search`)."""
    res = load_resources(settings, embedder)
    filters = with_sources(with_recency(filters or Filters(), settings), res)
    window = for_question(question, filters.since, filters.until, filters.as_of)
    qvec = res.embedder.embed([question])[0]
    hits = retrieve(question, res, filters, k or settings.top_k, settings.max_chunks_per_article, qvec, window)
    return hits, _widened(window, [h.chunk.published for h in hits])


@dataclass(frozen=True)
class Reading:
    """What the reader has before it answers: the passages found, the question's time
    window (marked widened when none of them is inside it), the day recency counts back
    from, the sentences in the order they would be quoted, and the short answer read from
    them with the sentence it is cut from, and whether any sentence supports an answer
    (`extractive.supports`: without one an open question is declined). `vectors` are the
    question's and each "question + choice" text's. `ask` answers from it; `eval.funnel`
    measures it."""

    hits: list[Hit]  # the passages found, then the rest of the top articles (`whole_article`)
    found: int  # how many of `hits` retrieval found: the passages an LLM is shown
    window: TimeWindow | None
    day: date | None
    scored: list[extractive.Scored]
    shown: extractive.Shown | None
    supported: bool
    vectors: np.ndarray


def read(question: str, res: Resources, filters: Filters, k: int, per_article: int,
         choices: Sequence[str] | None = None, lap: Callable[[str], None] = lambda stage: None, *,
         whole_articles: int) -> Reading:
    """Retrieve the question's `k` passages (at most `per_article` of one article) and read
    them with the rest of the first `whole_articles` articles they come from, as `ask` does
    before answering. `filters` are complete (`with_recency`, `with_sources`); `lap` is
    called as each stage (embed, retrieve, rank) ends."""
    window = for_question(question, filters.since, filters.until, filters.as_of)
    # Multiple choice searches with the question and each choice too, so that the
    # passages that name each choice are among the candidates.
    texts = [question, *extractive.choice_queries(question, choices or ())]
    vecs = res.embedder.embed(texts)
    qvec, choice_queries = vecs[0], list(zip(texts[1:], vecs[1:], strict=True))
    lap("embed")
    corpus_idf = question_idf(question, res.keyword())
    hits = retrieve(question, res, filters, k, per_article, qvec, window,
                    extra_queries=choice_queries, idf=corpus_idf)
    window = _widened(window, [h.chunk.published for h in hits])
    found = len(hits)
    hits = whole_article.with_rest(hits, res.store, whole_articles, question, corpus_idf)
    lap("retrieve")
    day = reference_day(filters.as_of, window)
    scored = extractive.window_first(extractive.score_sentences(question, hits, res.embedder, qvec, corpus_idf, day),
                                     hits, window)
    lap("rank")
    # The short answer, read once: the decline rule and the extractive answer both use it.
    shown = extractive.short(question, scored, corpus_idf, hits, res.keyword().share,
                             extractive.in_window(scored, hits, window))
    # Whether the archive answers at all is judged on the passages found, as the support
    # threshold was calibrated: reading on in a story only picks a better sentence of it.
    supported = extractive.supports(question, [s for s in scored if s.hit < found], shown)
    return Reading(hits, found, window, day, scored, shown, supported, vecs)


def ask(question: str, settings: Settings, *, choices: Sequence[str] | None = None,
        filters: Filters | None = None, k: int | None = None, embedder: Embedder | None = None,
        llm: ChatLLM | None = None, on_token: TokenFn | None = None,
        on_restart: Callable[[], None] | None = None) -> Answer:
    """Answer a question from the archive, citing the sentences that support it."""
    filters = with_recency(filters or Filters(), settings)
    k = k or settings.top_k
    timings: dict[str, float] = {}
    t = t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        timings[name] = (now - t) * 1000
        t = now

    res = load_resources(settings, embedder)
    filters = with_sources(filters, res)
    lap("load")
    r = read(question, res, filters, k, settings.max_chunks_per_article, choices, lap,
             whole_articles=settings.whole_articles)
    hits, window, scored, shown = r.hits, r.window, r.scored, r.shown
    use_llm = llm is not None or settings.llm_configured
    mode = "llm" if use_llm else "extractive"
    if not hits or (not r.supported and not choices):
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(question, prompts.DECLINE_TEXT, mode, (), True, None, None, timings, window)
    sure = short_read(shown, hits, r.day, window, question=question)
    reading = extractive.ChoiceReading(tuple(choices), r.vectors[1:], res.choice_idf(choices),
                                       shown.text if shown else None,
                                       extractive.window_hits(scored, hits, window)) if choices else None
    write = sure is not None and sure.written
    if use_llm:
        got = _llm(question, hits, scored, reading, filters, window, res, llm or load_llm(settings), shown,
                   on_token, on_restart, write, r.found)
        lap("answer")
        timings["total"] = (time.perf_counter() - t0) * 1000
        return Answer(question, got.text, mode, got.citations, got.declined, got.choice, None, timings,
                      _widened(window, [c.published for c in got.citations]) if got.citations else window,
                      got.claims, got.notes, got.origin)
    text, cites, choice, short = _extractive(question, hits, scored, reading, res.embedder, shown, write)
    lap("answer")
    timings["total"] = (time.perf_counter() - t0) * 1000
    return Answer(question, text, mode, cites, False, choice, short, timings,
                  _widened(window, [c.published for c in cites]), short_read=None if choices else sure)

