"""The offline answerer: picks the source sentences that best answer the question.

Every sentence it outputs is copied from a retrieved article; the short answer (a name,
date, number, place) is a span of one of them or of its article's headline, which the
citation shows. A sentence's support score mixes meaning
(cosine between the question and the sentence, with the embedder that built the index)
and words (IDF-weighted share of the question's content words in the sentence, with the
article title as context), plus a small prior for the chunk's retrieval rank. When the
best score is below `SUPPORT_THRESHOLD`, nothing retrieved answers the question and the
answer is a decline.

Which supported sentence is quoted first is a second score (`ReaderWeights`): the same
parts weighed for finding *the* answering sentence, plus two priors every news reader
uses: the lede (news puts the answer in the first sentences, so a sentence's offset in
its article counts) and recency (the article's age before the as-of date), and for a
question asking for a name, date or number, agreement: a sentence whose span other
retrieved articles name too is more often the answer than one naming it alone. Support
decides whether to answer and stays calibrated; the order decides what is quoted. The
weights come from ``python -m eval.fit_reader`` (fitted on the RealTimeQA 2025 Q1 dev
set, checked on the later weeks; see docs/measurements.md).

Multiple choice: when the reader's short answer to the question names one of the
choices, that choice is the answer; else each choice is scored by how well
the retrieved sentences support "question + choice" (meaning) and by the choice's own
words found near the question's words (lexical), and the best-supported choice is
returned with its sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import NamedTuple

import numpy as np

from qa import negated, quotations, short_answer, weekdays
from qa.embeddings import Embedder
from qa.lexical import STOP, content_stems, coverage, idf_weights, names, stem, words
from qa.prompts import looks_like_instruction
from qa.sentences import split_sentences
from qa.timewindow import TimeWindow
from qa.types import Hit

# Calibrated on answerable vs unanswerable questions over the sample and seed archives
# (see tests/test_ask.py): below these, nothing retrieved answers the question.
SUPPORT_THRESHOLD = 0.40
COSINE_FLOOR = 0.30
WEAK_SUPPORT = 0.55
MAX_SENTENCES = 2
# For a who / which / when / where / how-many question, a sentence holding a name, date
# or number that the question does not already say is preferred to one that only echoes
# the question's words (the neighbouring sentence that sets the scene).
ANSWER_BONUS = 0.08
MIN_SENTENCE_CHARS = 25
# How many of a question's candidate sentences are embedded (`score_sentences`).
EMBED_LIMIT = 20
# How much a headline counts for the short answer, against its article's best sentence.
HEADLINE_WEIGHT = 1.0
# How many of the reader's first sentences the short answer is read from (`read_texts`).
SHORT_SENTENCES = 6
# How many sentences after those are read for a name the news writes the kind asked
# beside ("Paris Prosecutor Laure Beccuau" for "Who is the Paris prosecutor...?").
MARKED_SENTENCES = 6
# The longest window whose own articles are quoted first (`window_first`): a month.
WINDOW_FIRST_DAYS = 32
# How much a passage dated outside that window counts for a multiple-choice answer, when
# one inside it supports an answer (`choice_support`).
OUTSIDE_WINDOW = 0.5


@dataclass(frozen=True)
class ReaderWeights:
    """Weights of a sentence's score over its parts (`ORDER_PARTS`). The defaults are
    the reader's order (see the module docstring); `SUPPORT` is the support mix."""

    cosine: float = 0.5
    lexical: float = 0.5
    title: float = 0.1
    answer: float = 0.08  # the sentence holds the kind of span asked for
    lede: float = 0.2
    lede_half_chars: float = 200.0  # the lede prior halves every this many characters into the article
    recency: float = 0.2
    recency_half_days: float = 14.0
    hit: float = 0.7  # share of the order scaled by the chunk's retrieval score
    agree: float = 0.2  # other articles name the same span (`short_answer.agreement`)


@dataclass(frozen=True)
class Scored:
    hit: int  # index into the hits
    sentence: str  # exact substring of hits[hit].chunk.text
    score: float  # support: does this sentence answer the question at all
    cosine: float
    lexical: float
    vector: np.ndarray = field(repr=False, compare=False, default=None)  # type: ignore[assignment]
    order: float = 0.0  # which supported sentence to quote first (`ReaderWeights`)


class Shown(NamedTuple):
    """The short answer, the sentence it is quoted with (its own, or for a headline's span
    the article's best), the span's score (`short_answer.Span.score`) and the kind of
    answer the question asks for (`short_answer.question_type`)."""

    text: str
    sentence: Scored
    score: float
    kind: str | None
    marked: bool = False  # the kind asked is written beside the name or in it (`short_answer.Span.marked`)


ORDER_PARTS = ("cosine", "lexical", "title", "answer", "offset", "age", "hit_share", "agree")
_COSINE, _LEXICAL = ORDER_PARTS.index("cosine"), ORDER_PARTS.index("lexical")
# Support: meaning and words, a bonus for holding the asked-for kind of span, 30% scaled by
# the chunk's retrieval score, no lede, recency or agreement. Calibrated with the thresholds above.
SUPPORT = ReaderWeights(cosine=0.5, lexical=0.3, title=0.2, answer=ANSWER_BONUS, lede=0.0, recency=0.0, hit=0.3,
                         agree=0.0)


def reader_order(parts: np.ndarray, w: ReaderWeights) -> np.ndarray:
    """The reader's order score of sentences from their parts (rows x `ORDER_PARTS`):
    cosine, question-word coverage without and with the title, holds an answer span
    (0/1), character offset in the article, the article's age in days before as-of (NaN:
    unknown), the chunk's retrieval score over the best, and how many articles agree on
    the sentence's answer span. Shared with `eval.fit_reader`, which fits `w` on the
    same parts."""
    cos, lex, title, answer, offset, age, hit_share, agree = parts.T
    lede = 2.0 ** (-offset / w.lede_half_chars)
    recent = np.where(np.isnan(age), 0.0, 2.0 ** (-np.clip(np.nan_to_num(age), 0, None) / w.recency_half_days))
    own = (w.cosine * cos + w.lexical * lex + w.title * title + w.answer * answer
           + w.lede * lede + w.recency * recent + w.agree * agree)
    return own * (1 - w.hit + w.hit * hit_share)


def candidate_sentences(hits: Sequence[Hit]) -> list[tuple[int, str]]:
    """Sentences that could be evidence: not too short, not addressed to a model, and
    not a question: "Where are Starbucks locations in Michigan?" heads a section, and
    states nothing."""
    out = []
    for i, h in enumerate(hits):
        for s in split_sentences(h.chunk.text):
            if len(s) >= MIN_SENTENCE_CHARS and not looks_like_instruction(s) and not asks(s):
                out.append((i, s))
    return out


def asks(sentence: str) -> bool:
    """Whether the sentence is a question: it ends on a question mark, inside closing
    quotation marks or brackets too."""
    return sentence.rstrip().rstrip("\"'\u201d\u2019)]").endswith("?")


# A question that opens with its verb asks whether, and states nothing ("Would Cardinal
# Seán O'Malley be considered for pope?"); "When is Diwali 2025?" still names its story.
_WHETHER = re.compile(r"\s*(?:would|will|could|can|should|is|are|was|were|does|do|did|has|have|had|may|might)\b",
                      re.I)


def asks_whether(sentence: str) -> bool:
    """Whether the sentence is a yes-or-no question (`_WHETHER`)."""
    return asks(sentence) and _WHETHER.match(sentence) is not None


def score_sentences(question: str, hits: Sequence[Hit], embedder: Embedder,
                    qvec: np.ndarray | None = None,
                    corpus_idf: dict[str, float] | None = None, as_of: date | None = None,
                    weights: ReaderWeights | None = None, embed_limit: int | None = None) -> list[Scored]:
    """Sentences of the hits with their support, in the order they would be quoted.

    `corpus_idf` (from the keyword index) weighs the question's words by how rare they are
    in the whole archive; without it, rarity within the retrieved sentences is used.
    `as_of` is the date the question is asked as of (its recency prior; none without it).

    Only the `embed_limit` sentences (default `EMBED_LIMIT`) that the order's other parts
    (words, title, answer span, lede, recency, agreement, the chunk's rank) rank best are
    embedded for their meaning; the rest follow them, scored without it (cosine 0, no
    vector). Embedding is the stage's cost (~4 ms a sentence on a laptop CPU without
    8-bit dot products, ~35 sentences a question), and a sentence those parts rank below
    the best 20 is hardly ever the one quoted (docs/measurements.md, "The reader embeds
    the sentences it can quote").
    """
    cands = candidate_sentences(hits)
    if not cands:
        return []
    if qvec is None:
        qvec = embedder.embed([question])[0]
    w = weights or ReaderWeights()
    limit = EMBED_LIMIT if embed_limit is None else embed_limit
    parts = sentence_parts(question, hits, cands, np.zeros(len(cands)), corpus_idf, as_of)
    picked = np.argsort(-reader_order(parts, w), kind="stable")[:limit]
    vecs = dict(zip(picked.tolist(), embedder.embed([cands[j][1] for j in picked]), strict=True))
    parts[picked, _COSINE] = [vecs[j] @ qvec for j in picked.tolist()]
    support, order = reader_order(parts, SUPPORT), reader_order(parts, w)
    # The embedded sentences first, then the others, each group in the reader's order.
    ranked = sorted(range(len(cands)), key=lambda j: (j not in vecs, -order[j]))
    return [Scored(cands[j][0], cands[j][1], float(support[j]), float(parts[j, _COSINE]), float(parts[j, _LEXICAL]),
                   vecs.get(j), float(order[j])) for j in ranked]  # type: ignore[arg-type]


def sentence_parts(question: str, hits: Sequence[Hit], cands: Sequence[tuple[int, str]], cos: np.ndarray,
                   corpus_idf: dict[str, float] | None, as_of: date | None) -> np.ndarray:
    """Each candidate sentence's parts (`ORDER_PARTS`), which `reader_order` weighs into
    its support (`SUPPORT`) and its place in the reader's order."""
    q = content_stems(question)
    docs = [content_stems(s) for _, s in cands]
    idf = corpus_idf or idf_weights(docs)
    # The best chunk that has a sentence to quote sets the scale: a chunk with none (all
    # of it addressed to a model, say) does not lower every real source's share.
    top_hit = max((hits[i].score for i, _ in cands), default=1.0) or 1.0
    titles = [content_stems(h.chunk.title) for h in hits]
    asked = short_answer.Asked.of(question)
    spans = asked.answer_spans([s for _, s in cands])  # it can answer, not just echo
    agree = short_answer.agreement(spans, [hits[i].chunk.article_id for i, _ in cands],
                                   by_last_word=asked.kind in ("entity", "place"))
    parts = []
    for (i, s), c, d, found, a in zip(cands, cos, docs, spans, agree, strict=True):
        chunk = hits[i].chunk
        age = (as_of - chunk.published).days if as_of and chunk.published else np.nan
        # hit share: how relevant the sentence's chunk was found, so a sentence on the same
        # kind of event elsewhere does not beat the right story.
        parts.append((float(c), coverage(q, d, idf), coverage(q, d + titles[i], idf), float(bool(found)),
                      chunk.start + max(chunk.text.find(s), 0), age, hits[i].score / top_hit, a))
    return np.array(parts, dtype=np.float64).reshape(-1, len(ORDER_PARTS))


def quoting_window(window: TimeWindow | None) -> TimeWindow | None:
    """The window whose supported sentences `window_first` quotes first, or None: one of
    days or weeks that the question names, in which retrieval found passages. A soft
    cue ("recently"), a year ("this year"), or a widened window says too little of which
    story is meant."""
    if window is None or window.widened or window.kind == "recent" or \
            (window.end - window.start).days > WINDOW_FIRST_DAYS:
        return None
    return window


def window_first(scored: Sequence[Scored], hits: Sequence[Hit], window: TimeWindow | None) -> list[Scored]:
    """The scored sentences, those that support an answer and come from articles dated
    inside the question's window (`quoting_window`) first, each group in the reader's
    order. "Which Jewish holiday was celebrated this week?" is about this week's story:
    the order, fitted over all questions, weighs recency too gently to put a sentence of
    the three-day-old Rosh Hashanah article above a closer match from a 2023 article on
    Shavuot. Only supported sentences move: a fresh off-topic article does not come first."""
    inside = {id(s) for s in in_window(scored, hits, window)}
    if not inside:
        return list(scored)
    # Stable, and the embedded sentences stay ahead of the others (`score_sentences`):
    # multiple choice reads the vectors of the first ones.
    return sorted(scored, key=lambda s: (s.vector is None, id(s) not in inside))


def in_window(scored: Sequence[Scored], hits: Sequence[Hit], window: TimeWindow | None) -> list[Scored]:
    """The sentences `window_first` puts first, in their order: those that support an
    answer, from articles dated inside the question's window (`quoting_window`)."""
    days = quoting_window(window)
    if days is None:
        return []
    return [s for s in scored if s.score >= SUPPORT_THRESHOLD and days.contains(hits[s.hit].chunk.published)]


def window_hits(scored: Sequence[Scored], hits: Sequence[Hit], window: TimeWindow | None) -> frozenset[int] | None:
    """The hits dated inside the question's window (`quoting_window`) when a sentence of
    one supports an answer (`in_window`), else None: the passages multiple choice weighs
    in full (`choice_support`)."""
    days = quoting_window(window)
    if days is None or not in_window(scored, hits, window):
        return None
    return frozenset(i for i, h in enumerate(hits) if days.contains(h.chunk.published))


def supports(question: str, scored: Sequence[Scored], shown: Shown | None) -> bool:
    """Whether the best sentences answer the question at all (else: decline). With weak
    support, a typed question needs a short answer: `shown`, the one `short` reads for
    the answer shown (the caller reads it once, for both)."""
    if not scored:
        return False
    by_support = sorted(scored, key=lambda s: -s.score)
    best = by_support[0].score
    if best < SUPPORT_THRESHOLD or max(s.cosine for s in by_support[:3]) < COSINE_FLOOR:
        return False
    if best < WEAK_SUPPORT and short_answer.question_type(question) and shown is None:
        return False  # a "how many" question with no number in sight, and weak support
    return True


def pick(scored: Sequence[Scored], hits: Sequence[Hit], limit: int = MAX_SENTENCES,
         one_per_article: bool = True) -> list[Scored]:
    """The first sentences in the reader's order that support the answer, skipping
    near-repeats, and with `one_per_article` all from different articles."""
    chosen: list[Scored] = []
    seen_articles: set[str] = set()
    for s in scored:
        if len(chosen) >= limit:
            break
        if s.score < SUPPORT_THRESHOLD * 0.9:
            continue  # quoted only when it supports the answer, wherever it is in the order
        article = hits[s.hit].chunk.article_id
        if (one_per_article and article in seen_articles) or any(_same(s.sentence, c.sentence) for c in chosen):
            continue
        chosen.append(s)
        seen_articles.add(article)
    return chosen


def second_source(short: str, shown: Scored, scored: Sequence[Scored], hits: Sequence[Hit],
                  limit: int = MAX_SENTENCES - 1) -> list[Scored]:
    """The sentences quoted after `shown` (the one a written short answer is cut from):
    from other articles, only those that name the short answer too (or another name
    `shown` gives it, `aliases`). A second article's sentence that repeats the answer
    backs it; beside a written answer, a quote that does not name it reads as backing it
    and does not."""
    own = hits[shown.hit].chunk.article_id
    said = aliases(shown.sentence, short)
    return [p for p in pick(scored, hits, len(scored))
            if hits[p.hit].chunk.article_id != own and not _same(p.sentence, shown.sentence)
            and any(short_answer.names_answer(p.sentence, a) for a in said)][:limit]


def next_in_order(shown: Scored, scored: Sequence[Scored], hits: Sequence[Hit],
                  limit: int = MAX_SENTENCES - 1) -> list[Scored]:
    """The sentences quoted after `shown` when its short answer is not written (the
    reader is not sure of it): the next of the reader's order that support an answer
    (`pick`), from its own article or another. The answer to a question about one story
    is most often in that story's next sentence ("Harry's lawyer, David Sherborne,
    said..." after its lede), and an unsure read is no name to look for in other
    articles (docs/measurements.md, "More reading rules")."""
    rest = [s for s in scored if s is not shown and not _same(s.sentence, shown.sentence)]
    return pick(rest, hits, limit, one_per_article=False)


_NAME = short_answer.NAME_RUN.pattern
# "The Islamic State group, also known as ISIL or ISIS", "the Food and Drug Administration
# (FDA)": a sentence that gives a name's other names.
_ALSO_KNOWN = re.compile(rf"(?:[Tt]he\s+)?({_NAME})(?:\s+[a-z]+)?,?\s+(?:also\s+)?(?:known|called)\s+as\s+(?:the\s+)?"
                         rf"({_NAME})(?:,?\s+or\s+(?:the\s+)?({_NAME}))?")
_BRACKETED = re.compile(rf"(?:[Tt]he\s+)?({_NAME})\s+\(({_NAME})\)")


def aliases(sentence: str, short: str) -> set[str]:
    """The short answer and the other names the sentence it is cut from gives it ("The
    Islamic State group, also known as ISIL or ISIS": "ISIL" is also "Islamic State" and
    "ISIS"), so that a second source that writes another of them backs it too."""
    for pattern in (_ALSO_KNOWN, _BRACKETED):
        for m in pattern.finditer(sentence):
            names_given = {g for g in m.groups() if g}
            if any(names(g, short) and names(short, g) for g in names_given):
                return names_given | {short}
    return {short}


def _same(a: str, b: str) -> bool:
    sa, sb = set(content_stems(a)), set(content_stems(b))
    return bool(sa and sb) and len(sa & sb) / min(len(sa), len(sb)) > 0.8


def short(question: str, scored: Sequence[Scored], idf: dict[str, float] | None = None,
          hits: Sequence[Hit] | None = None,
          share: short_answer.NameShare | None = None, first: Sequence[Scored] = ()) -> Shown | None:
    """The short answer and the sentence it is cut from, among the first sentences of the
    reader's order. Each sentence weighs by its order score, the one fitted to put the
    answering sentence first, rather than by its support: weighed by support, a span from
    another sentence often won and its sentence displaced the one the order put first.

    With `hits`, the headlines of those sentences' articles are read too, each weighed as
    its article's best sentence: a headline names what the story's sentences often only
    describe ("DeepSeek, the Chinese AI company..." over "A Chinese artificial
    intelligence startup said..."). A span from a headline is quoted with that best
    sentence, and the headline is shown with the source. Title-case headlines are
    skipped: every word capitalised, they do not tell a name from a word. `share` is how
    common each name is in the archive (`short_answer.extract`). The next
    `MARKED_SENTENCES` of the order are read too, those of the same articles, for a name
    the news writes the kind asked beside alone ("Paris Prosecutor Laure Beccuau"): the
    sentence that names the one asked for often says little else of the question, and
    stands lower in the order. When the question quotes the news, the sentences that
    hold its quotation are read first and alone (`_from_quoting`).

    `first`: the sentences of the question's window that `window_first` put first
    (`in_window`). The answer is read from those alone when they give one: the question
    names its days, and a sentence of an older story that the order weighs higher would
    otherwise give the answer and be quoted first with it ("Fastly", from a 2021 outage,
    for "Which company's cloud service went down on Monday?", above the week's "Amazon
    Web Services outage that started on Monday")."""
    idf = idf or idf_weights([content_stems(s.sentence) for s in scored])
    case = short_answer.casing([s.sentence for s in scored])
    read = _read(question, first, idf, hits, case, share) if first else None
    read = read or _read(question, scored, idf, hits, case, share)
    if read is None:
        return None
    span, texts, carriers = read
    carrier, text = carriers[span.sentence], span.text
    if hits is not None and span.kind == "date":
        # "Monday" alone answers no "when": with its article's date it is one day.
        text = weekdays.dated(text, texts[span.sentence], hits[carrier.hit].chunk.published)
    return Shown(text, carrier, span.score, span.kind, span.marked)


def quote_for(shown: Shown, scored: Sequence[Scored], hits: Sequence[Hit]) -> Scored:
    """The sentence quoted first with the short answer: the one it is cut from, or, for a
    headline's span (quoted with its article's best sentence, which often only describes
    what the headline names: "A dating app for women ... said it has been hacked" under
    "Tea app hacked"), the first sentence of that article that names it among those
    `short` reads ("Tea, the company behind the Tea Dating Advice app, said..."), so the
    quote holds the answer it backs. The best sentence stays `shown.sentence`: the
    reader's confidence was calibrated on it."""
    if short_answer.names_answer(shown.sentence.sentence, shown.text):
        return shown.sentence
    article = hits[shown.sentence.hit].chunk.article_id
    for s in scored[:SHORT_SENTENCES + MARKED_SENTENCES]:
        if hits[s.hit].chunk.article_id == article and short_answer.names_answer(s.sentence, shown.text):
            return s
    return shown.sentence


def _read(question: str, scored: Sequence[Scored], idf: dict[str, float], hits: Sequence[Hit] | None,
          case: short_answer.Casing, share: short_answer.NameShare | None,
          ) -> tuple[short_answer.Span, list[str], list[Scored]] | None:
    """`short`'s reading of these sentences: the span, the texts read (`read_texts`) and
    the sentence that carries each text and each deeper sentence read after them."""
    texts, weights, carriers = read_texts(scored, hits)
    # Further sentences of the stories already read: another article's name, however
    # marked, would lead the quotes with a story the order put below them.
    stories = {hits[s.hit].chunk.article_id for s in scored[:SHORT_SENTENCES]} if hits is not None else None
    deeper = [s for s in scored[SHORT_SENTENCES:SHORT_SENTENCES + MARKED_SENTENCES]
              if stories is None or hits[s.hit].chunk.article_id in stories]  # type: ignore[index]
    span = _from_quoting(question, texts, weights, idf, case, share)
    if span is None:
        span = short_answer.extract(question, texts + [s.sentence for s in deeper],
                                    weights + [max(s.order, 0.0) for s in deeper], idf, case, share, len(texts))
    return (span, texts, carriers + deeper) if span is not None else None


def _from_quoting(question: str, texts: Sequence[str], weights: Sequence[float], idf: dict[str, float],
                  case: short_answer.Casing, share: short_answer.NameShare | None) -> short_answer.Span | None:
    """The short answer read from the texts that write the words the question quotes
    alone (`qa.quotations`): "Which visitor said, "If anyone was a saint it was him"?"
    was written from the sentence that holds those words, and the name it gives answers,
    however much better the reader weighs another story's sentence. None when no text
    holds them or those that do give no span of the kind asked."""
    said = quotations.quoted(question)
    quoting = [i for i, t in enumerate(texts) if said and quotations.holds(t, said)]
    if not quoting:
        return None
    span = short_answer.extract(question, [texts[i] for i in quoting], [weights[i] for i in quoting], idf, case, share)
    return replace(span, sentence=quoting[span.sentence]) if span is not None else None


# A headline cut short ("...deliver farewell address from Oval ..."): the capitalised
# words before its ellipsis may be part of a name ("Oval Office"), and are not read.
_CUT_END = re.compile(r"\s*(?:\.\.\.|…)\s*$")  # a headline's ellipsis where a feed cut it
_CUT_NAME = re.compile(r"(?:(?:^|\s+)[A-Z][\w’'.&-]*)*" + _CUT_END.pattern)


def read_texts(scored: Sequence[Scored], hits: Sequence[Hit] | None) -> tuple[list[str], list[float], list[Scored]]:
    """What `short` reads a short answer from: the first `SHORT_SENTENCES` sentences of the
    reader's order, then with `hits` the headlines of their articles (not title-case
    ones, nor lists of topics: `_topic_list`, nor the parts that ask whether: `asks_whether`; a cut headline without the
    capitalised words before its ellipsis, `_CUT_NAME`); each text's weight (its order
    score; a headline's, its article's best sentence's), and the sentence that carries it
    (itself, or for a headline that best sentence)."""
    top = list(scored[:SHORT_SENTENCES])
    texts = [s.sentence for s in top]
    weights = [max(s.order, 0.0) for s in top]
    carriers = list(top)
    if hits is not None:
        for s in top:
            title = hits[s.hit].chunk.title
            if not title or _title_case(title) or _topic_list(title):
                continue
            for part in split_sentences(title) or [title]:  # "A mouse watched YouTube. Then ..."
                part = _CUT_NAME.sub("", part)
                if part and part not in texts and not asks_whether(part):
                    texts.append(part)
                    weights.append(max(s.order, 0.0) * HEADLINE_WEIGHT)
                    carriers.append(s)  # the article's best sentence: `top` is in the reader's order
    return texts, weights, carriers


def _topic_list(title: str) -> bool:
    """A headline that lists the day's topics ("ICE, Chicago, immigration, shutdown,
    hurricane, Israel, Hamas ..."): four or more items of up to three words between
    commas. It says nothing of any of them; read as a sentence, its first name stood as
    the subject of a verb the question asks for ("ICE" for what the Chicago crackdown
    is called)."""
    items = [i.strip() for i in _CUT_END.sub("", title).split(",")]
    return len(items) >= 4 and all(0 < len(i.split()) <= 3 for i in items)



def _title_case(title: str) -> bool:
    """Every longer word of the headline capitalised ("Trump Tariffs Hit China"). One
    longer word in lower case makes it sentence case, however many names it holds
    ("Buffalo Bills get shoutout from Cory Booker")."""
    long_words = [w for w in title.split() if len(w) > 3 and w[:1].isalpha()]
    return len(long_words) > 1 and all(w[:1].isupper() for w in long_words)


def choice_queries(question: str, choices: Sequence[str]) -> list[str]:
    """The texts multiple choice searches and weighs each choice with: the question
    followed by the choice (`ChoiceReading.vectors` are theirs)."""
    return [f"{question} {c}" for c in choices]


@dataclass(frozen=True)
class ChoiceReading:
    """What a multiple-choice answer reads besides the passages and their sentences, in
    either mode (`choose`, `qa.llm_answer.choice_answer`).

    `vectors`: the "question + choice" texts' vectors when the caller has them (retrieval
    searched with them), else they are embedded here. `idf`: the rarity of the choices'
    words in the whole archive ("Netflix" in the top passage says a lot). `short`: the
    reader's own short answer to the question (`short`): when it names one choice, that
    choice is taken. `inside`: the hits dated inside the question's window (`window_hits`),
    when it holds a supported sentence; the others count `OUTSIDE_WINDOW` as much."""

    choices: tuple[str, ...]
    vectors: np.ndarray | None = field(default=None, repr=False, compare=False)
    idf: dict[str, float] | None = None
    short: str | None = None
    inside: frozenset[int] | None = None


def choice_support(question: str, reading: ChoiceReading, hits: Sequence[Hit], embedder: Embedder,
                   scored: Sequence[Scored]) -> list[tuple[float, list[Scored]]]:
    """For each choice: how well the retrieved passages support it, and its best sentences.

    Two kinds of evidence, blended: a choice's own words found in the retrieved passages
    (weighted by each passage's retrieval score and by the words' rarity in the archive),
    and how well the best sentences support "question + choice" in meaning. The sentences
    cited for a choice name it when any retrieved sentence does. Passages dated outside
    the question's window count less once one inside it supports an answer
    (`ChoiceReading.inside`), so that for "Which Jewish holiday was celebrated this week?"
    the week's Rosh Hashanah article outweighs older articles that explain Shavuot at length.
    """
    choices, idf, inside = reading.choices, reading.idf, reading.inside
    top = list(scored[:12])
    if not top:
        return [(0.0, []) for _ in choices]
    svecs = np.stack([s.vector for s in top])  # embedded once, in score_sentences
    cvecs = reading.vectors if reading.vectors is not None else embedder.embed(choice_queries(question, choices))
    sims = cvecs @ svecs.T  # choices x sentences
    dated = [1.0 if inside is None or i in inside else OUTSIDE_WINDOW for i in range(len(hits))]
    weights = np.array([max(s.score, 0.0) for s in top])
    in_days = np.array([dated[s.hit] for s in top])
    q = set(content_stems(question))
    local_idf = idf_weights([content_stems(s.sentence) for s in top])
    top_hit = max((h.score for h in hits), default=1.0) or 1.0
    passages = [set(content_stems(f"{h.chunk.title} {h.chunk.text}")) for h in hits]
    hit_w = [h.score / top_hit * d for h, d in zip(hits, dated, strict=True)]
    out = []
    for ci, choice in enumerate(choices):
        cw = [t for t in content_stems(choice) if t not in q] or content_stems(choice)
        lex = np.array([coverage(cw, content_stems(s.sentence), local_idf) for s in top])
        per_sentence = 0.6 * sims[ci] + 0.4 * lex
        sentence_score = float(np.max(per_sentence * (0.5 + weights) * in_days))
        passage_score = max((w * coverage(cw, list(p), idf or local_idf)
                             for p, w in zip(passages, hit_w, strict=True)), default=0.0)
        support = [top[int(j)] for j in np.argsort(-per_sentence)[:2]]
        naming = [s for s in scored if coverage(cw, content_stems(s.sentence), local_idf) >= 0.5]
        if naming:
            support = [naming[0]] + [s for s in support if s.sentence != naming[0].sentence][:1]
        out.append((0.5 * sentence_score + 0.5 * passage_score, support))
    return out


_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def _named_words(text: str) -> set[str]:
    """A short answer's or a choice's content words, a number written out as its digits
    ("five years" and "5" name the same number)."""
    return {_NUMBER_WORDS.get(w.lower()) or stem(w) for w in words(text)
            if w.lower() not in STOP or w.lower() in _NUMBER_WORDS}


def named_choice(short: str, choices: Sequence[str]) -> int | None:
    """The one choice the short answer names: its content words all among the choice's,
    or the choice's among its ("Donald Trump" names "President Donald Trump", "five
    years" names "5"); None when it names none or several."""
    said = _named_words(short)
    named = [ci for ci, c in enumerate(choices)
             if said and (opt := _named_words(c)) and (said <= opt or opt <= said)]
    return named[0] if len(named) == 1 else None


def choose(question: str, reading: ChoiceReading, hits: Sequence[Hit], embedder: Embedder,
           scored: Sequence[Scored]) -> tuple[int, list[Scored]]:
    """Index of the best-supported choice, and the sentences that support it; the one the
    reader's short answer names (`ChoiceReading.short`) when it names one. The span
    extractor weighs where a name stands against the question's words; the choice scores
    only see that a choice is named near them, so two choices named in one passage
    ("DeepSeek ... rivals ChatGPT") look alike to them."""
    if not scored:
        return 0, []
    choices = reading.choices
    support = choice_support(question, reading, hits, embedder, scored)
    no = negated.asks_which_not(question)
    best = preferred(support, choices, reading.short, no)
    if no and not denied(support, choices):
        # The sources list the others: the best-supported choice's sentences are the list.
        return best, support[max(range(len(choices)), key=lambda ci: support[ci][0])][1]
    return best, support[best][1]


def denied(support: Sequence[tuple[float, list[Scored]]], choices: Sequence[str]) -> list[int]:
    """The choices whose first supporting sentence names them and writes a negation
    ("Spain did not reach the quarter-finals")."""
    return [ci for ci, (_, sents) in enumerate(support)
            if sents and (named := _named_words(choices[ci])) and named <= _named_words(sents[0].sentence)
            and negated.negates(sents[0].sentence)]


def the_one_not(support: Sequence[tuple[float, list[Scored]]], choices: Sequence[str],
                among: Iterable[int]) -> int:
    """For "which ... is not ...?": of the choices `among`, the best-supported one a source
    names with a negation (`denied`), else the least-supported. The offline choice takes
    it over all the choices, the LLM path over the ones a model's reply names, so a reply
    naming two choices is settled by the same reading."""
    among = list(among)
    said_not = [ci for ci in denied(support, choices) if ci in among]
    if said_not:
        return max(said_not, key=lambda ci: support[ci][0])
    return min(among, key=lambda ci: support[ci][0])


def preferred(support: Sequence[tuple[float, list[Scored]]], choices: Sequence[str],
              short: str | None, which_not: bool = False) -> int:
    """newsqa's own choice: the one the short answer names when it names exactly one,
    else the best-supported. The extractive answer and the LLM path's offline choice
    both take it, so one question gets one offline choice whichever mode asks.

    `which_not`: the question asks for the choice that is not (`qa.negated`): the
    best-supported of the choices a source names with a negation, else the
    least-supported; the short answer, a name the sources give, is no guide."""
    if which_not:
        return the_one_not(support, choices, range(len(choices)))
    named = named_choice(short, choices) if short else None
    return named if named is not None else max(range(len(choices)), key=lambda ci: support[ci][0])


def quoted(sentence: str) -> str:
    """The sentence in quotation marks, unless it already opens with one (a quote from
    a speaker), so an answer never shows doubled marks."""
    return sentence if sentence[:1] in "\"\u201c\u2018'" else f"\u201c{sentence}\u201d"
