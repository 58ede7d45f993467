"""Near-duplicate detection: MinHash over word shingles with LSH banding.

Two outlets running the same wire story share most of their 4-word sequences; unrelated reports
on the same topic share only stock phrases. A document's signature is the minimum, per hash
function, of the hashed shingles; the share of equal positions between two signatures estimates
the Jaccard similarity of their shingle sets. Signatures are cut into bands: documents with one
identical band become candidates (an indexed lookup), which are then confirmed on the estimate.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

SHINGLE_WORDS = 4
NUM_PERM = 128
BANDS = 32                      # 32 bands x 4 rows: candidate probability 0.87 at J=0.5, 0.99 at J=0.6
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.5                 # estimated Jaccard from which two documents are the same story
_PRIME = np.uint64((1 << 61) - 1)
_SEED = 20250810                # fixed: signatures must be comparable across processes and machines
_CHUNK = 2048
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    # a, b < 2**32 and shingle hashes < 2**32, so a*x + b < 2**64 never overflows uint64
    a = rng.integers(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)
    return a, b


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "little")


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint64 values) of a text's word shingles; None if it has no words."""
    values = np.fromiter((_hash32(s) for s in shingles(text)), dtype=np.uint64)
    if values.size == 0:
        return None
    a, b = _permutations()
    sig = np.full(NUM_PERM, _PRIME, dtype=np.uint64)
    for i in range(0, values.size, _CHUNK):  # bounded memory for very long texts
        block = (np.outer(values[i:i + _CHUNK], a) + b) % _PRIME
        np.minimum(sig, block.min(axis=0), out=sig)
    return sig


def bands(sig: np.ndarray) -> list[str]:
    """One bucket key per band; equal keys in a band make two documents candidates."""
    rows = sig.reshape(BANDS, ROWS)
    return [hashlib.blake2b(row.tobytes(), digest_size=8).hexdigest() for row in rows]


def similarity(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two documents' shingle sets."""
    return float(np.mean(sig_a == sig_b))


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
