"""The reader reads on in the best-ranked article, past the passages retrieval found.

Retrieval keeps at most two chunks of an article among the passages it returns, so that
one long story does not crowd out the others, and ranks chunks by how well each alone
matches the question. The sentence that answers is often in another chunk of the story
found, its lede among them: the story on Trump's portrait in Colorado's Capitol names the
governor he criticised in its first sentence, while the passages found came from further
down; the one on a barred influencer gives her TikTok following in its first chunk too.
So the offline reader also reads the other chunks of the first `articles` articles of the
passages (`Settings.whole_articles`), each scored as its article's least relevant
passage found, but only those with a sentence it could quote that holds more of the
question's words (`qa.lexical.coverage`, weighed by rarity) than any such sentence found: a chunk that says
less of what was asked only adds repeats of the story's main names, which outvote the
answer ("ISIL" for the ringleader of the Kerman attack). Retrieval, its ranking, the
passages an LLM is shown, and whether to decline (judged on what retrieval found) are
unchanged (docs/measurements.md, "The reader reads on in the top article").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from qa.extractive import candidate_sentences
from qa.lexical import content_stems, coverage
from qa.types import Hit


def top_articles(hits: Sequence[Hit], n: int) -> list[str]:
    """The ids of the first `n` articles of the passages, in their rank order."""
    return list(dict.fromkeys(h.chunk.article_id for h in hits))[:n]


def best_coverage(question_stems: list[str], hits: Sequence[Hit], idf: dict[str, float]) -> float:
    """The largest share of the question's words (`coverage`) any one sentence the reader
    could quote from these passages holds (`extractive.candidate_sentences`)."""
    return max((coverage(question_stems, content_stems(s), idf) for _, s in candidate_sentences(hits)), default=0.0)


def with_rest(hits: Sequence[Hit], store: Any, articles: int, question: str, idf: dict[str, float]) -> list[Hit]:
    """The passages found, then the other chunks of their first `articles` articles
    (`store.article_chunks`, in article order) that hold a sentence the reader could quote
    covering more of the question than any found one (the article's first chunk: as
    much), each with its article's lowest passage score."""
    out = list(hits)
    if articles <= 0 or not hits:
        return out
    q = content_stems(question)
    bar = best_coverage(q, hits, idf)
    found = {h.chunk.id for h in hits}
    for article_id in top_articles(hits, articles):
        floor = min(h.score for h in hits if h.chunk.article_id == article_id)
        rest = [Hit(c, floor) for c in store.article_chunks(article_id) if c.id not in found]
        # The lede, where news puts who did what, is read on when it says as much of the
        # question as any sentence found; another chunk only when it says more.
        out += [h for h in rest if best_coverage(q, [h], idf) > bar
                or (h.chunk.index == 0 and best_coverage(q, [h], idf) >= bar > 0)]
    return out
