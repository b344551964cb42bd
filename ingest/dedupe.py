"""Duplicate detection: exact (same URL or same text) and near (MinHash LSH).

The same wire story republished by several sites differs by a byline, a headline or a
trailing paragraph; word 5-gram shingles with MinHash (64 permutations, LSH at the
configured Jaccard threshold) catch it in constant time per article. A duplicate is
recorded and linked to the article it duplicates (``duplicate_of``) but not indexed
again. Signatures live in the article records, so the detector is rebuilt from the store
at the start of each run and works across runs and machines.
"""

from __future__ import annotations

import base64
import re

import numpy as np

NUM_PERM = 64
SCHEME = "affine32"  # 32-bit values: signatures stored as uint32
MIN_SHINGLES = 20  # texts shorter than this rely on exact matching only


def _shingles(text: str, n: int = 5) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + n]).encode("utf-8") for i in range(max(0, len(words) - n + 1))}


def signature(text: str):  # type: ignore[no-untyped-def]
    """MinHash of the text, or None when it is too short to compare reliably."""
    from datasketch import MinHash

    sh = _shingles(text)
    if len(sh) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(sh))
    return m


def encode(m) -> str:  # type: ignore[no-untyped-def]
    return "" if m is None else base64.b64encode(m.hashvalues.astype(np.uint32).tobytes()).decode()


def decode(s: str):  # type: ignore[no-untyped-def]
    if not s:
        return None
    from datasketch import MinHash

    values = np.frombuffer(base64.b64decode(s), dtype=np.uint32).astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class DuplicateFinder:
    """Knows every canonical article's text hash and signature; answers 'is this a copy?'."""

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.by_text: dict[str, str] = {}
        self.keys: dict[str, str] = {}  # article id -> its text hash, to forget on update

    def add(self, article_id: str, text_hash: str, sig) -> None:  # type: ignore[no-untyped-def]
        self.forget(article_id)
        self.by_text.setdefault(text_hash, article_id)
        self.keys[article_id] = text_hash
        if sig is not None:
            self.lsh.insert(article_id, sig)

    def forget(self, article_id: str) -> None:
        th = self.keys.pop(article_id, None)
        if th is not None and self.by_text.get(th) == article_id:
            del self.by_text[th]
        if article_id in self.lsh.keys:
            self.lsh.remove(article_id)

    def find(self, article_id: str, text_hash: str, sig) -> str | None:  # type: ignore[no-untyped-def]
        """The id of an already-known article this one duplicates, if any."""
        same = self.by_text.get(text_hash)
        if same and same != article_id:
            return same
        if sig is not None:
            for other in sorted(self.lsh.query(sig)):
                if other != article_id:
                    return str(other)
        return None
