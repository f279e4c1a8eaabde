"""The search interface every backend implements, and the values it takes and returns.

Views and index tasks talk to `SearchBackend` only, so the on-disk tantivy index, the pure-Python
Whoosh fallback and PostgreSQL full-text search are interchangeable (one contract test suite)."""

import html
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

LANGUAGES = ("en", "pt", "nl", "sv", "fi", "bg")
SNIPPET_CHARS = 200
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Document:
    key: str
    language: str
    title: str
    body: str
    kind: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    url: str = ""


@dataclass(frozen=True)
class Hit:
    key: str
    language: str
    title: str
    url: str
    score: float
    snippet: str


@dataclass(frozen=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]


class SearchBackend(ABC):
    """Results in the query's language rank before results in other languages; filters combine
    with AND across facets and OR within one; a facet's counts apply the other facets' filters."""

    def __init__(self, *, path=None):
        self.path = path

    @abstractmethod
    def index(self, documents):
        """Add documents, replacing any with the same key."""

    @abstractmethod
    def delete(self, keys):
        """Remove the documents with these keys; unknown keys are ignored."""

    @abstractmethod
    def clear(self):
        """Remove every document."""

    @abstractmethod
    def query(self, text, *, language, filters=None, facets=(), limit=20, offset=0) -> Results:
        """Empty `text` lists the filtered documents by title."""

    @abstractmethod
    def suggest(self, prefix, *, language, limit=8) -> list[str]:
        """Titles for search-as-you-type: every word typed, the last one as a prefix."""

    @abstractmethod
    def vocabulary(self, *, language, initial) -> dict[str, int]:
        """Indexed words (lower-case, unstemmed) starting with `initial`, with document counts."""

    def did_you_mean(self, text, *, language) -> str | None:
        """The text with unknown words replaced by the nearest indexed word (edit distance <= 2,
        the more frequent one on a tie), or None when every word is known or nothing is near."""
        words = words_of(text)
        corrected, changed = [], False
        for word in words:
            known = self.vocabulary(language=language, initial=word[0])
            if word in known:
                corrected.append(word)
                continue
            best = nearest(word, known)
            changed = changed or best is not None
            corrected.append(best or word)
        return " ".join(corrected) if changed else None


def words_of(text):
    """Lower-case words of user input: query syntax never reaches a backend's parser."""
    return [word.lower() for word in WORD.findall(text or "")]


def nearest(word, vocabulary, max_distance=2):
    candidates = []
    for term, count in vocabulary.items():
        if abs(len(term) - len(word)) > max_distance:
            continue
        distance = edit_distance(word, term, max_distance)
        if distance <= max_distance:
            candidates.append((distance, -count, term))
    return min(candidates)[2] if candidates else None


def edit_distance(a, b, limit):
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def mark(text, spans):
    """HTML-escaped text with <mark> around the (start, end) character spans."""
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def leading_snippet(body):
    """The snippet of a hit found without query text: the start of its body, escaped."""
    text = body[:SNIPPET_CHARS]
    return html.escape(text + ("…" if len(body) > SNIPPET_CHARS else ""))


def title_order(hit):
    return (hit.title.casefold(), hit.key)


def facet_term(name, value):
    """Facets live in one keyword field as "name=value" terms."""
    return f"{name}={value}"


def count_facets(terms_with_counts, facets):
    counts = {name: {} for name in facets}
    for term, count in terms_with_counts:
        name, _, value = term.partition("=")
        if name in counts and count:
            counts[name][value] = counts[name].get(value, 0) + count
    return counts
