"""Chinese word segmentation (jieba), loaded once and shared by every stage that needs it.

jieba is imported when first used, not with this module: a rebuild whose reports all come
from the cache segments nothing, and its dictionary takes half a second to load."""

from __future__ import annotations

import logging
from functools import cache

# Characters that stand alone as words (的, 和, 在…): a page that starts with one is not
# cut mid-word, and no term begins or ends with one
FUNCTION_CHARS = frozenset("的地得和与及或等在是为对把将被从向于以而且并也都就又还所之其此该各每使让给")


@cache
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba.dt


def is_word(text: str) -> bool:
    """Is `text` a word of jieba's dictionary?"""
    return bool(_tokenizer().FREQ.get(text))


def search_words(text: str) -> list[str]:
    """The words a reader would type for `text` (jieba.cut, HMM on: it guesses words the
    dictionary lacks, 新质 in 新质生产力); the site's search finds any of them."""
    return _tokenizer().lcut(text) or [text]


def words(text: str) -> list[str]:
    """Dictionary words of `text`, without guessing unknown words (HMM off)."""
    return _tokenizer().lcut(text, HMM=False) or [text]


@cache
def _tagger():
    import jieba.posseg

    _tokenizer()
    return jieba.posseg.dt  # built on jieba.dt when imported: a second one would read the tag table again


def places(text: str) -> list[str]:
    """The place names (jieba's part-of-speech tag ns) of `text`, without guessing unknown words."""
    return [pair.word for pair in _tagger().lcut(text, HMM=False) if pair.flag == "ns"]
