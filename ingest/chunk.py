"""Split an article into chunks of whole sentences that carry the article's metadata.

Sentences are packed until the chunk reaches about `max_tokens` word pieces (estimated
from words and punctuation, which tracks the MiniLM tokenizer within ~15% on news prose,
without paying for a tokenizer call). A chunk never splits a sentence, and its text is
an exact slice of the cleaned article text (`start` is its offset), so a quote picked
from a chunk is always a quote from the article.
"""

from __future__ import annotations

import re

from qa.sentences import sentence_spans
from qa.types import Article, Chunk

_TOKEN = re.compile(r"\w+|[^\w\s]")


def estimate_tokens(text: str) -> int:
    return int(len(_TOKEN.findall(text)) * 1.2) + 1


def chunk_article(article: Article, max_tokens: int = 200) -> list[Chunk]:
    text = article.text
    groups: list[tuple[int, int]] = []
    start = end = None
    size = 0
    for s, e in sentence_spans(text):
        n = estimate_tokens(text[s:e])
        if start is not None and size + n > max_tokens:
            groups.append((start, end))  # type: ignore[arg-type]
            start, size = None, 0
        if start is None:
            start = s
        end, size = e, size + n
    if start is not None:
        groups.append((start, end))  # type: ignore[arg-type]
    return [
        Chunk(id=f"{article.id}:{i}", article_id=article.id, index=i, text=text[s:e], start=s,
              title=article.title, url=article.url, source=article.source,
              published=article.published)
        for i, (s, e) in enumerate(groups)
    ]


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: the title gives every chunk its article's context."""
    return f"{chunk.title}\n{chunk.text}" if chunk.title else chunk.text
