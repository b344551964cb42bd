"""Citation keys are ours: markers mapped back to sources, checked, exact quotes attached.

For LLM answers: sources were numbered [1]..[n] in the prompt. Each marker in the reply
is mapped to its source; a marker that points at no source is removed from the text.
For each claim (sentence of the answer) and each source it cites, the quote is the
sentence of that source that best matches the claim (copied exactly). A citation whose
quote does not support its claim, by meaning (cosine) or by words (share of the claim's
content words found in the quote), is kept but flagged ``supported=False``. Citations are
renumbered 1..m in order of first use and the markers rewritten to match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from qa.embeddings import Embedder
from qa.lexical import content_stems, coverage, idf_weights
from qa.prompts import looks_like_instruction
from qa.sentences import split_sentences
from qa.types import Citation, Hit

MARKER = re.compile(r"\s?\[(\d+(?:\s*[,;]\s*\d+)*)\]")
SUPPORT_COSINE = 0.55
SUPPORT_LEXICAL = 0.5


def citation_for(n: int, hit: Hit, quote: str, supported: bool = True) -> Citation:
    c = hit.chunk
    return Citation(n=n, article_id=c.article_id, title=c.title, source=c.source,
                    published=c.published, url=c.url, quote=quote, supported=supported,
                    context=c.text)


_CLAIM_END = re.compile(r"""[.!?]["'”’)\]]*(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s|$)|(?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+(?=\s*$)""")


def _claims(text: str) -> list[str]:
    """Split the reply into claims (sentences), each keeping the markers that follow it."""
    claims, start = [], 0
    text = text.strip()
    for m in _CLAIM_END.finditer(text):
        claims.append(text[start : m.end()].strip())
        start = m.end()
    claims.append(text[start:].strip())
    return [c for c in claims if c]


def check_answer(text: str, hits: Sequence[Hit], embedder: Embedder) -> tuple[str, tuple[Citation, ...], int]:
    """(text with markers renumbered, citations, number of markers dropped)."""
    claims = _claims(text)
    wanted: list[tuple[int, str, list[int]]] = []  # (claim index, claim text, valid sources)
    dropped = 0
    for ci, claim in enumerate(claims):
        nums = [int(x) for m in MARKER.finditer(claim) for x in re.split(r"\s*[,;]\s*", m.group(1))]
        valid = [n for n in dict.fromkeys(nums) if 1 <= n <= len(hits)]
        dropped += len(nums) - len([n for n in nums if 1 <= n <= len(hits)])
        wanted.append((ci, MARKER.sub("", claim).strip(), valid))
    cited_hits = sorted({n for _, _, v in wanted for n in v})
    sentences = {n: [s for s in split_sentences(hits[n - 1].chunk.text)
                     if len(s) > 15 and not looks_like_instruction(s)] or [hits[n - 1].chunk.text]
                 for n in cited_hits}
    flat = [(n, s) for n in cited_hits for s in sentences[n]]
    claim_texts = [c for _, c, v in wanted if v]
    vecs = embedder.embed([s for _, s in flat] + claim_texts) if flat else np.zeros((0, 1))
    svecs, cvecs = vecs[: len(flat)], vecs[len(flat):]
    idf = idf_weights([content_stems(s) for _, s in flat])
    citations: list[Citation] = []
    key_to_n: dict[tuple[int, str], int] = {}
    out_claims: list[str] = []
    k = 0
    for ci, claim, valid in wanted:
        if not valid:
            out_claims.append(MARKER.sub("", claims[ci]).strip() if dropped else claims[ci].strip())
            continue
        cvec = cvecs[k]
        k += 1
        markers = []
        for n in valid:
            idx = [j for j, (m, _) in enumerate(flat) if m == n]
            cos = svecs[idx] @ cvec
            lex = [coverage(content_stems(claim), content_stems(flat[j][1]), idf) for j in idx]
            best = int(np.argmax(cos + np.asarray(lex)))
            quote = flat[idx[best]][1]
            supported = bool(cos[best] >= SUPPORT_COSINE or lex[best] >= SUPPORT_LEXICAL)
            key = (n, quote)
            if key not in key_to_n:
                key_to_n[key] = len(citations) + 1
                citations.append(citation_for(key_to_n[key], hits[n - 1], quote, supported))
            markers.append(f"[{key_to_n[key]}]")
        out_claims.append(f"{claim} {''.join(markers)}")
    return " ".join(out_claims), tuple(citations), dropped
