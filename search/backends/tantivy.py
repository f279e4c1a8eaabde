"""The default backend: an on-disk tantivy index, one stemmed text field pair per language.

Every document's title and body go into `title_<lang>`/`body_<lang>` with that language's
analyzer; a query is parsed against all of them, so a word is stemmed the way each language
would. Bulgarian has no stemmer in tantivy (PITFALLS.md): lower-case and accent folding only."""

import re
from pathlib import Path

import tantivy

from .base import (
    LANGUAGES,
    Hit,
    Results,
    SearchBackend,
    count_facets,
    facet_term,
    leading_snippet,
    mark,
    title_order,
    words_of,
)

STEMMERS = {"pt": "portuguese", "nl": "dutch", "sv": "swedish", "fi": "finnish"}
TITLE_BOOST = 2.0
MAX_FACET_VALUES = 10_000
# Snowball's Finnish stemmer leaves case endings on ("työpaikka" -> "työpaik", "työpaikkoja" ->
# "työpaiko"): in Finnish fields a query stem also matches as a prefix, at half weight.
PREFIX_STEMS = {"fi"}
MIN_PREFIX_STEM = 5


def _analyzer(*filters):
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    builder = builder.filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    for extra in filters:
        builder = builder.filter(extra)
    return builder.build()


def _tokenizers():
    """Custom analyzers are not stored in the index: they are registered on every open.
    "pontes_en" mirrors tantivy's built-in "en_stem" so query words are analysed the same way."""
    tokenizers = {
        f"pontes_{code}": _analyzer(tantivy.Filter.stemmer(name), tantivy.Filter.ascii_fold())
        for code, name in STEMMERS.items()
    }
    tokenizers["pontes_en"] = _analyzer(tantivy.Filter.stemmer("english"))
    tokenizers["pontes_bg"] = _analyzer(tantivy.Filter.ascii_fold())
    tokenizers["pontes_fold"] = _analyzer(tantivy.Filter.ascii_fold())
    tokenizers["pontes_words"] = _analyzer()
    return tokenizers


def _tokenizer_name(code):
    return "en_stem" if code == "en" else f"pontes_{code}"


def _schema():
    builder = tantivy.SchemaBuilder()
    for name in ("key", "language", "kind", "url"):
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    builder.add_text_field("facet", stored=True, fast=True, tokenizer_name="raw")
    for code in LANGUAGES:
        for part in ("title", "body"):
            builder.add_text_field(
                f"{part}_{code}", stored=True, tokenizer_name=_tokenizer_name(code)
            )
    builder.add_text_field("title_words", tokenizer_name="pontes_fold")
    builder.add_text_field("words", tokenizer_name="pontes_words", index_option="freq")
    return builder.build()


class Backend(SearchBackend):
    def __init__(self, *, path=None):
        super().__init__(path=path)
        self.schema = _schema()
        if path:
            Path(path).mkdir(parents=True, exist_ok=True)
            self._index = tantivy.Index(self.schema, path=str(path), reuse=True)
        else:
            self._index = tantivy.Index(self.schema)
        self._tokenizers = _tokenizers()
        for name, analyzer in self._tokenizers.items():
            self._index.register_tokenizer(name, analyzer)

    def _write(self, change):
        writer = self._index.writer(heap_size=50_000_000, num_threads=1)
        try:
            change(writer)
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        self._index.reload()

    def index(self, documents):
        def change(writer):
            for document in documents:
                writer.delete_documents_by_term("key", document.key)
                writer.add_document(self._to_tantivy(document))

        self._write(change)

    def _to_tantivy(self, document):
        lang = document.language
        return tantivy.Document(
            key=document.key,
            language=lang,
            kind=document.kind,
            url=document.url,
            facet=[facet_term(k, v) for k, values in document.fields.items() for v in values],
            **{f"title_{lang}": document.title, f"body_{lang}": document.body},
            title_words=document.title,
            words=f"{document.title}\n{document.body}",
        )

    def delete(self, keys):
        self._write(lambda writer: [writer.delete_documents_by_term("key", key) for key in keys])

    def clear(self):
        self._write(lambda writer: writer.delete_all_documents())

    def _term(self, field, value):
        return tantivy.Query.term_query(self.schema, field, value)

    def _text_query(self, words):
        """Every word must match in some field, analysed as that field's language would."""
        return self._combine([self._word_query(word) for word in words])

    def _word_query(self, word):
        alternatives = []
        for code in LANGUAGES:
            for token in self._tokenizers[f"pontes_{code}"].analyze(word):
                for part, boost in (("title", TITLE_BOOST), ("body", 1.0)):
                    field = f"{part}_{code}"
                    term = tantivy.Query.term_query(self.schema, field, token)
                    alternatives.append(tantivy.Query.boost_query(term, boost))
                    if code in PREFIX_STEMS and len(token) >= MIN_PREFIX_STEM:
                        pattern = re.escape(token) + ".+"
                        prefix = tantivy.Query.regex_query(self.schema, field, pattern)
                        alternatives.append(tantivy.Query.boost_query(prefix, boost / 2))
        if not alternatives:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])

    def _filter_queries(self, filters, skip=None):
        return [
            tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(
                    self.schema, "facet", [facet_term(name, v) for v in values]
                ),
                0.0,
            )
            for name, values in (filters or {}).items()
            if values and name != skip
        ]

    def _combine(self, queries):
        if not queries:
            return tantivy.Query.all_query()
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])

    def _partitions(self, query, language):
        """The query restricted to `language`, then to every other language."""
        same = self._term("language", language)
        return [
            tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, same)]),
            tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, query), (tantivy.Occur.MustNot, same)]
            ),
        ]

    def query(self, text, *, language, filters=None, facets=(), limit=20, offset=0):
        words = words_of(text)
        text_query = self._text_query(words) if words else None
        query = self._combine([q for q in [text_query] if q] + self._filter_queries(filters))
        searcher = self._index.searcher()
        if text_query is None:
            total, found = self._listing(searcher, query)
        else:
            total, found = self._ranked(searcher, query, language, limit, offset)
        snippets = _Snippets(searcher, text_query, self.schema)
        hits = [self._hit(searcher.doc(address), score, snippets) for score, address in found]
        if text_query is None:
            hits.sort(key=lambda hit: (hit.language != language, *title_order(hit)))
            hits = hits[offset : offset + limit]
        counts = {name: self._facet_counts(searcher, text_query, filters, name) for name in facets}
        return Results(total=total, hits=hits, facets=counts)

    def _ranked(self, searcher, query, language, limit, offset):
        total, found = 0, []
        for partition in self._partitions(query, language):
            count = searcher.search(partition, 1, count=True).count
            skip = max(0, offset - total)
            wanted = limit - len(found)
            if wanted > 0 and skip < count:
                found += searcher.search(partition, wanted, offset=skip).hits
            total += count
        return total, found

    def _listing(self, searcher, query):
        """Every match: without query text the page is cut after sorting by title."""
        count = searcher.search(query, 1, count=True).count
        return count, searcher.search(query, max(count, 1)).hits

    def _hit(self, doc, score, snippets):
        lang = doc.get_first("language")
        body = doc.get_first(f"body_{lang}") or ""
        return Hit(
            key=doc.get_first("key"),
            language=lang,
            title=doc.get_first(f"title_{lang}") or "",
            url=doc.get_first("url") or "",
            score=float(score),
            snippet=snippets.of(doc, lang, body),
        )

    def _facet_counts(self, searcher, text_query, filters, name):
        query = self._combine(
            [q for q in [text_query] if q] + self._filter_queries(filters, skip=name)
        )
        result = searcher.aggregate(
            query, {"f": {"terms": {"field": "facet", "size": MAX_FACET_VALUES}}}
        )
        buckets = [(b["key"], b["doc_count"]) for b in result["f"]["buckets"]]
        return count_facets(buckets, [name])[name]

    def suggest(self, prefix, *, language, limit=8):
        folded = [
            token
            for word in words_of(prefix)
            for token in self._tokenizers["pontes_fold"].analyze(word)
        ]
        if not folded:
            return []
        *complete, last = folded
        queries = [self._term("title_words", word) for word in complete]
        queries.append(
            tantivy.Query.regex_query(self.schema, "title_words", re.escape(last) + ".*")
        )
        searcher = self._index.searcher()
        titles = []
        for partition in self._partitions(self._combine(queries), language):
            docs = [searcher.doc(a) for _s, a in searcher.search(partition, limit * 4).hits]
            for title in sorted(d.get_first(f"title_{d.get_first('language')}") for d in docs):
                if title not in titles:
                    titles.append(title)
        return titles[:limit]

    def vocabulary(self, *, language, initial):
        searcher = self._index.searcher()
        terms = searcher.terms_with_prefix(
            "words", initial, filter_query=self._term("language", language)
        )
        return dict(terms)


class _Snippets:
    """One snippet generator per language field, built on first use."""

    def __init__(self, searcher, query, schema):
        self.searcher, self.query, self.schema = searcher, query, schema
        self.generators = {}

    def of(self, doc, language, body):
        if self.query is None:
            return leading_snippet(body)
        if language not in self.generators:
            generator = tantivy.SnippetGenerator.create(
                self.searcher, self.query, self.schema, f"body_{language}"
            )
            generator.set_max_num_chars(200)
            self.generators[language] = generator
        snippet = self.generators[language].snippet_from_doc(doc)
        fragment = snippet.fragment()
        if not snippet.highlighted():
            return leading_snippet(body)
        raw = fragment.encode()
        spans = [
            (len(raw[: r.start].decode(errors="ignore")), len(raw[: r.end].decode(errors="ignore")))
            for r in snippet.highlighted()
        ]
        return mark(fragment, spans)
