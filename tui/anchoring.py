"""Anchoring annotations to article text, and finding them again after edits.

A highlight is stored twice, like W3C Web Annotation: by logical offsets into
``Article.body`` (TextPositionSelector) and by its quote with about 32
characters of context on each side (TextQuoteSelector). Offsets are cheap and
exact while the text is unchanged; the quote survives a re-fetch that added a
paragraph, fixed a typo or changed the vowel marks.

Re-anchoring, cheapest and most certain first:

1. the stored offsets still cover the quote -> keep them;
2. exact occurrences of the quote -> pick the one whose surroundings best
   match the stored prefix/suffix (then the one nearest the old offset);
3. the same search on a *folded* copy of both texts (no harakat, niqqud,
   tatweel or invisible marks, alef/ya/kaf forms unified, whitespace
   collapsed), mapped back to original offsets;
4. a fuzzy match (difflib) of the quote, accepted above a similarity floor;
5. otherwise the annotation is marked orphaned -- and kept, never deleted.

Pure logic: no Textual import, so the store-update path and the CLI can use it.
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from tui.models import Annotation, Article

CONTEXT = 32
FUZZY_FLOOR = 0.75
"""Below this similarity a fuzzy match is more likely wrong than right."""

_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي",
    "ک": "ك", "ة": "ه", "ؤ": "و", "״": '"', "׳": "'", "“": '"', "”": '"',
    "«": '"', "»": '"', "‘": "'", "’": "'",
})
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                 "\u2066\u2067\u2068\u2069\ufeff\u00ad\u0640")


class AnnotationStore(Protocol):
    def annotations_for(self, article_id: str) -> list[Annotation]: ...
    def save_annotation(self, annotation: Annotation) -> Annotation: ...


@dataclass(frozen=True)
class QuoteSelector:
    """The quote and its context, as in a W3C TextQuoteSelector."""

    exact: str
    prefix: str
    suffix: str


def make_selector(body: str, start: int, end: int, context: int = CONTEXT) -> QuoteSelector:
    """Quote ``body[start:end]`` with up to ``context`` characters either side."""
    start, end = max(0, start), min(len(body), end)
    return QuoteSelector(body[start:end], body[max(0, start - context):start], body[end:end + context])


def anchor_highlight(body: str, start: int, end: int, **fields: object) -> Annotation:
    """A new highlight annotation on ``body[start:end]`` with its quote and context."""
    if start > end:
        start, end = end, start
    sel = make_selector(body, start, end)
    return Annotation(id="", kind="highlight", start=start, end=end, quote=sel.exact,
                      prefix=sel.prefix, suffix=sel.suffix, **fields)  # type: ignore[arg-type]


# -- finding the quote again ------------------------------------------------


def locate(body: str, quote: str, prefix: str = "", suffix: str = "",
           hint: int | None = None) -> tuple[int, int] | None:
    """Where ``quote`` (with this context) is in ``body`` now, or None."""
    if not quote:
        return None
    found = _best_exact(body, quote, prefix, suffix, hint)
    if found is not None:
        return found
    found = _folded(body, quote, prefix, suffix, hint)
    if found is not None:
        return found
    return _fuzzy(body, quote, hint)


def _context_score(body: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of stored context agree with the text around a candidate."""
    before = body[max(0, start - len(prefix)):start]
    after = body[end:end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix)):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix):
        if a != b:
            break
        score += 1
    return score


def _pick(candidates: list[tuple[int, int]], score, hint: int | None) -> tuple[int, int] | None:
    """Best context score; ties go to the candidate nearest the old offset, then the first."""
    if not candidates:
        return None
    near = (lambda c: abs(c[0] - hint)) if hint is not None else (lambda c: 0)
    return max(candidates, key=lambda c: (score(c), -near(c), -c[0]))


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i != -1:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _best_exact(body: str, quote: str, prefix: str, suffix: str, hint: int | None) -> tuple[int, int] | None:
    spans = [(i, i + len(quote)) for i in _occurrences(body, quote)]
    return _pick(spans, lambda c: _context_score(body, c[0], c[1], prefix, suffix), hint)


def fold(text: str) -> tuple[str, list[int]]:
    """A matching key for ``text`` and, per key character, its offset in ``text``.

    Deletes combining marks, tatweel and invisible format characters, unifies
    letter variants and collapses whitespace runs to one space. The offset
    map lets a match in the key be reported in original offsets.
    """
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _INVISIBLE or unicodedata.combining(ch):
            continue
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        for c in unicodedata.normalize("NFKC", ch).translate(_FOLD).casefold():
            if not unicodedata.combining(c):
                out.append(c)
                where.append(i)
    return "".join(out), where


def _folded(body: str, quote: str, prefix: str, suffix: str, hint: int | None) -> tuple[int, int] | None:
    key, where = fold(body)
    q = fold(quote)[0].strip()
    if not q:
        return None
    p, s = fold(prefix)[0], fold(suffix)[0]
    spans = [(i, i + len(q)) for i in _occurrences(key, q)]
    best = _pick(spans, lambda c: _context_score(key, c[0], c[1], p, s),
                 None if hint is None else _key_index(where, hint))
    if best is None:
        return None
    return where[best[0]], where[best[1] - 1] + 1 + _trailing_marks(body, where[best[1] - 1] + 1)


def _key_index(where: list[int], offset: int) -> int:
    """The key position of the first character at or after ``offset``."""
    return bisect.bisect_left(where, offset)


def _trailing_marks(body: str, end: int) -> int:
    """Combining marks after the last matched letter belong to the highlight."""
    n = 0
    while end + n < len(body) and unicodedata.combining(body[end + n]):
        n += 1
    return n


def _fuzzy(body: str, quote: str, hint: int | None) -> tuple[int, int] | None:
    """Best approximate match of the quote, if it is similar enough to trust."""
    matcher = difflib.SequenceMatcher(None, body, quote, autojunk=False)
    block = matcher.find_longest_match(0, len(body), 0, len(quote))
    if block.size == 0:
        return None
    origin = block.a - block.b
    lo, hi = max(0, origin - len(quote) // 2), min(len(body), origin + len(quote) * 3 // 2)
    window = difflib.SequenceMatcher(None, body[lo:hi], quote, autojunk=False)
    blocks = [b for b in window.get_matching_blocks() if b.size]
    if not blocks:
        return None
    start, end = lo + blocks[0].a, lo + blocks[-1].a + blocks[-1].size
    ratio = 2 * sum(b.size for b in blocks) / (len(quote) + (end - start))
    return (start, end) if ratio >= FUZZY_FLOOR else None


# -- re-anchoring annotations -------------------------------------------------


def still_anchored(body: str, ann: Annotation) -> bool:
    """True when the stored offsets still cover the stored quote."""
    return (ann.start is not None and ann.end is not None and 0 <= ann.start <= ann.end <= len(body)
            and body[ann.start:ann.end] == ann.quote)


def reanchor(body: str, ann: Annotation) -> bool:
    """Move ``ann`` onto its quote in ``body``; True when anything changed.

    Annotations without a quote (article notes) are left alone. When the
    quote cannot be found the annotation is marked orphaned and keeps its
    old offsets and quote, so nothing the analyst wrote is lost; if a later
    version of the text has the quote again it is re-attached.
    """
    if ann.kind != "highlight" or not ann.quote:
        return False
    if still_anchored(body, ann):
        changed = ann.orphaned
        ann.orphaned = False
        return changed
    span = locate(body, ann.quote, ann.prefix, ann.suffix, ann.start)
    if span is None:
        changed = not ann.orphaned
        ann.orphaned = True
        return changed
    sel = make_selector(body, *span)
    ann.start, ann.end = span
    ann.quote, ann.prefix, ann.suffix = sel.exact, sel.prefix, sel.suffix
    ann.orphaned = False
    return True


def reanchor_all(article: Article, annotations: Iterable[Annotation]) -> list[Annotation]:
    """Re-anchor every annotation of ``article``; returns the ones to save.

    An annotation also counts as changed when it was made on another version
    of the text (``article_hash``), so the new hash is saved and the work is
    not repeated the next time the article is opened.
    """
    changed = []
    for ann in annotations:
        moved = reanchor(article.body, ann)
        if moved or ann.article_hash != article.hash:
            ann.article_hash = article.hash
            changed.append(ann)
    return changed


def needs_reanchor(article: Article, annotations: Iterable[Annotation]) -> bool:
    """Cheap check for the screen: was any annotation made on other text?"""
    return any(a.article_hash != article.hash or (a.kind == "highlight" and not still_anchored(article.body, a))
               for a in annotations)


def reanchor_library(store: AnnotationStore, articles: Iterable[Article]) -> list[Annotation]:
    """For the store-update path: after ``store.add_articles`` returns updated
    articles, re-anchor their annotations and save the ones that changed.

    Opening an article does the same lazily (MainScreen), so calling this is
    an optimisation that also keeps ``marsad export`` offsets current.
    """
    saved: list[Annotation] = []
    for article in articles:
        for ann in reanchor_all(article, store.annotations_for(article.id)):
            saved.append(store.save_annotation(ann))
    return saved
