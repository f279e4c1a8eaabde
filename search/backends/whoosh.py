"""The pure-Python fallback: a Whoosh index with the same schema idea as the tantivy backend.

Slower (PITFALLS.md measures ~100x per query) but with no compiled dependency: one stemmed
title/body field pair per language, Bulgarian lower-cased only (no stemmer exists)."""

from pathlib import Path

from whoosh import fields as wf
from whoosh import highlight, index
from whoosh import query as wq
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemmingAnalyzer
from whoosh.filedb.filestore import RamStorage
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from .base import (
    LANGUAGES,
    SNIPPET_CHARS,
    Hit,
    Results,
    SearchBackend,
    count_facets,
    facet_term,
    leading_snippet,
    title_order,
    words_of,
)

TITLE_BOOST = 2.0
# As in the tantivy backend: Snowball's Finnish stems keep case endings, so they match as prefixes.
PREFIX_STEMS = {"fi"}
MIN_PREFIX_STEM = 5


def _analyzer(code):
    if code == "bg":
        return RegexTokenizer() | LowercaseFilter()
    return StemmingAnalyzer(stoplist=None, minsize=1, stemfn=stemmer_for_language(code))


def _schema():
    schema = wf.Schema(
        key=wf.ID(unique=True, stored=True),
        language=wf.ID(stored=True),
        kind=wf.ID(stored=True),
        url=wf.STORED,
        facet=wf.KEYWORD(stored=True, commas=True),
        title_words=wf.TEXT(
            analyzer=RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
        ),
    )
    for code in LANGUAGES:
        analyzer = _analyzer(code)
        schema.add(f"title_{code}", wf.TEXT(analyzer=analyzer, stored=True))
        schema.add(f"body_{code}", wf.TEXT(analyzer=analyzer, stored=True, chars=True))
        schema.add(f"words_{code}", wf.TEXT(analyzer=RegexTokenizer() | LowercaseFilter()))
    return schema


class _MarkFormatter(highlight.Formatter):
    """Escaped text with <mark> around matches (Whoosh's HtmlFormatter uses <strong>)."""

    between = " … "

    def _text(self, text):
        return highlight.htmlescape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"


class Backend(SearchBackend):
    def __init__(self, *, path=None):
        super().__init__(path=path)
        self.schema = _schema()
        if path:
            Path(path).mkdir(parents=True, exist_ok=True)
            exists = index.exists_in(str(path))
            self._index = (index.open_dir if exists else index.create_in)(str(path), self.schema)
        else:
            self._index = RamStorage().create_index(self.schema)

    def index(self, documents):
        with self._index.writer() as writer:
            for document in documents:
                lang = document.language
                writer.update_document(
                    key=document.key,
                    language=lang,
                    kind=document.kind,
                    url=document.url,
                    facet=",".join(
                        facet_term(name, v)
                        for name, values in document.fields.items()
                        for v in values
                    ),
                    title_words=document.title,
                    **{
                        f"title_{lang}": document.title,
                        f"body_{lang}": document.body,
                        f"words_{lang}": f"{document.title}\n{document.body}",
                    },
                )

    def delete(self, keys):
        with self._index.writer() as writer:
            for key in keys:
                writer.delete_by_term("key", key)

    def clear(self):
        with self._index.writer() as writer:
            writer.delete_by_query(wq.Every())

    def _word_query(self, word):
        alternatives = []
        for code in LANGUAGES:
            for token in {t.text for t in self.schema[f"body_{code}"].analyzer(word)}:
                for part, boost in (("title", TITLE_BOOST), ("body", 1.0)):
                    field = f"{part}_{code}"
                    alternatives.append(wq.Term(field, token, boost=boost))
                    if code in PREFIX_STEMS and len(token) >= MIN_PREFIX_STEM:
                        alternatives.append(wq.Prefix(field, token, boost=boost / 2))
        return wq.Or(alternatives) if alternatives else wq.NullQuery

    def _text_query(self, words):
        return wq.And([self._word_query(word) for word in words]) if words else wq.Every()

    def _filter(self, filters, skip=None, extra=()):
        parts = [
            wq.Or([wq.Term("facet", facet_term(name, v)) for v in values])
            for name, values in (filters or {}).items()
            if values and name != skip
        ]
        parts += list(extra)
        return wq.And(parts) if parts else None

    def query(self, text, *, language, filters=None, facets=(), limit=20, offset=0):
        words = words_of(text)
        text_query = self._text_query(words)
        same = wq.Term("language", language)
        with self._index.searcher() as searcher:
            if words:
                total, found = 0, []
                for filt, mask in (
                    (self._filter(filters, extra=[same]), None),
                    (self._filter(filters), same),
                ):
                    results = searcher.search(
                        text_query, limit=offset + limit, filter=filt, mask=mask, terms=True
                    )
                    results.formatter = _MarkFormatter()
                    results.fragmenter = highlight.ContextFragmenter(
                        maxchars=SNIPPET_CHARS, surround=80
                    )
                    found += [self._hit(hit, hit.score, True) for hit in results]
                    total += len(results)
                hits = found[offset : offset + limit]
            else:
                results = searcher.search(text_query, limit=None, filter=self._filter(filters))
                total = len(results)
                hits = sorted(
                    (self._hit(hit, 0.0, False) for hit in results),
                    key=lambda hit: (hit.language != language, *title_order(hit)),
                )[offset : offset + limit]
            counts = {}
            for name in facets:
                results = searcher.search(
                    text_query, limit=None, filter=self._filter(filters, skip=name)
                )
                terms = [(t, 1) for hit in results for t in hit.get("facet", "").split(",") if t]
                counts[name] = count_facets(terms, [name])[name]
        return Results(total=total, hits=hits, facets=counts)

    def _hit(self, hit, score, highlighted):
        lang = hit["language"]
        body = hit.get(f"body_{lang}", "")
        snippet = hit.highlights(f"body_{lang}", text=body) if highlighted else ""
        return Hit(
            key=hit["key"],
            language=lang,
            title=hit.get(f"title_{lang}", ""),
            url=hit.get("url", ""),
            score=float(score),
            snippet=snippet or leading_snippet(body),
        )

    def suggest(self, prefix, *, language, limit=8):
        folded = [t.text for t in self.schema["title_words"].analyzer(prefix)]
        if not folded:
            return []
        *complete, last = folded
        query = wq.And(
            [wq.Term("title_words", w) for w in complete] + [wq.Prefix("title_words", last)]
        )
        same = wq.Term("language", language)
        titles = []
        with self._index.searcher() as searcher:
            for filt, mask in ((same, None), (None, same)):
                results = searcher.search(query, limit=limit * 4, filter=filt, mask=mask)
                found = sorted(hit[f"title_{hit['language']}"] for hit in results)
                titles += [title for title in found if title not in titles]
        return titles[:limit]

    def vocabulary(self, *, language, initial):
        with self._index.searcher() as searcher:
            reader = searcher.reader()
            field = f"words_{language}"
            return {
                term.decode(): reader.doc_frequency(field, term)
                for term in reader.expand_prefix(field, initial)
            }
