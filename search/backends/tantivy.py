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
    leading_snippet,
    mark,
    words_of,
)

STEMMERS = {"pt": "portuguese", "nl": "dutch", "sv": "swedish", "fi": "finnish"}
TITLE_BOOST = 2.0
MAX_FACET_VALUES = 10_000
# tantivy aborts an aggregation past 65,000 buckets (every segment's share of a terms one)
MAX_BUCKETS = 60_000
# aggregation names: the page's own and one per facet (a facet may be called anything)
PAGE, FACET_PREFIX = "page", "facet:"
# Snowball's Finnish stemmer leaves case endings on ("työpaikka" -> "työpaik", "työpaikkoja" ->
# "työpaiko"): in Finnish fields a query stem also matches as a prefix, at half weight.
PREFIX_STEMS = {"fi"}
MIN_PREFIX_STEM = 5
# The Finnish analyzer folds to ASCII, so a stem's continuation is ASCII: this class compiles
# to a small automaton (0.03 ms) where ".+" (any Unicode) takes 0.5 ms per field and query.
ASCII_CONTINUATION = "[\\x01-\\x7f]+"


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
    # {"type": ["guide"], ...}: a filter is a term of "facets.<name>", a count a terms
    # aggregation over that path's own fast column (not over every facet's values); a facet
    # name is a plain word (a dot would be read as a path)
    builder.add_json_field("facets", fast=True, tokenizer_name="raw")
    # the listing's order as one fast string: tantivy sorts and pages it, not Python
    builder.add_text_field("title_sort", fast=True, tokenizer_name="raw")
    for code in LANGUAGES:
        for part in ("title", "body"):
            builder.add_text_field(
                f"{part}_{code}", stored=True, tokenizer_name=_tokenizer_name(code)
            )
    builder.add_text_field("title_words", tokenizer_name="pontes_fold")
    builder.add_text_field("words", tokenizer_name="pontes_words", index_option="freq")
    return builder.build()


def _facet_aggregations(names):
    """A terms aggregation per facet, each over its own fast column `facets.<name>`."""
    return {
        f"{FACET_PREFIX}{name}": {"terms": {"field": f"facets.{name}", "size": MAX_FACET_VALUES}}
        for name in names
    }


def _facet_buckets(result, names):
    counts = {}
    for name in names:
        buckets = result.get(f"{FACET_PREFIX}{name}", {}).get("buckets", [])
        counts[name] = {b["key"]: b["doc_count"] for b in buckets if b["doc_count"]}
    return counts


def _title_sort(title, key):
    """`base.title_order` as one string: UTF-8 sorts as Python compares str, and NUL puts a
    title before every longer title it begins."""
    return f"{title.casefold()}\x00{key}"


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
            facets={name: list(values) for name, values in document.fields.items()},
            title_sort=_title_sort(document.title, document.key),
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
                        pattern = re.escape(token) + ASCII_CONTINUATION
                        prefix = tantivy.Query.regex_query(self.schema, field, pattern)
                        alternatives.append(tantivy.Query.boost_query(prefix, boost / 2))
        if not alternatives:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])

    def _filter_queries(self, filters, skip=None):
        """One clause per facet, its values OR-ed: plain term queries, which tantivy intersects
        lazily (a term-set query builds a bitset of every value's postings first)."""
        clauses = []
        for name, values in (filters or {}).items():
            if not values or name == skip:
                continue
            terms = [self._term(f"facets.{name}", value) for value in values]
            either = terms[0] if len(terms) == 1 else self._any(terms)
            clauses.append(tantivy.Query.const_score_query(either, 0.0))
        return clauses

    def _any(self, queries):
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])

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
        filters = {name: values for name, values in (filters or {}).items() if values}
        query = self._with_filters(text_query, filters)
        searcher = self._index.searcher()
        # a facet's counts apply the other facets' filters: the facets without a filter of
        # their own are counted over the query itself, in the pass that pages it if it can
        shared = [name for name in facets if name not in filters]
        if text_query is None:
            total, found, counts = self._listing(searcher, query, language, limit, offset, shared)
        else:
            total, found = self._ranked(searcher, query, language, limit, offset)
            counts = self._count_facets(searcher, query, shared) if shared else {}
        for name in facets:
            if name in filters:
                others = self._with_filters(text_query, filters, skip=name)
                counts.update(self._count_facets(searcher, others, [name]))
        snippets = _Snippets(searcher, text_query, self.schema)
        hits = [self._hit(searcher.doc(address), score, snippets) for score, address in found]
        return Results(total=total, hits=hits, facets={name: counts[name] for name in facets})

    def _with_filters(self, text_query, filters, skip=None):
        return self._combine([q for q in [text_query] if q] + self._filter_queries(filters, skip))

    def _ranked(self, searcher, query, language, limit, offset):
        """By score, the matches in `language` first: each partition counted and paged in one
        pass."""
        total, found = 0, []
        for partition in self._partitions(query, language):
            skip = max(0, offset - total)
            wanted = limit - len(found)
            result = searcher.search(partition, max(wanted, 1), count=True, offset=skip)
            if wanted > 0:
                found += result.hits
            total += result.count
        return total, found

    def _listing(self, searcher, query, language, limit, offset, facets):
        """By title, the matches in `language` first. A terms aggregation on `title_sort`
        ordered by key finds the page (tantivy's order_by on a string column looks up the
        string of every segment's top documents, ~10 times slower) and counts the partition
        in the same pass as the `facets`' counts. Past tantivy's bucket limit (deep pages)
        the order_by does it."""
        total, keys, counts = 0, [], {name: {} for name in facets}
        for partition in self._partitions(query, language):
            skip = max(0, offset - total)
            wanted = max(0, limit - len(keys))
            size = skip + max(wanted, 1)
            aggregations = _facet_aggregations(facets)
            if size * searcher.num_segments <= MAX_BUCKETS:
                aggregations[PAGE] = {
                    "terms": {
                        "field": "title_sort",
                        "size": size,
                        "segment_size": size,
                        "order": {"_key": "asc"},
                    }
                }
            result = searcher.aggregate(partition, aggregations)
            if PAGE in result:
                buckets = result[PAGE]["buckets"]
                found = [bucket["key"] for bucket in buckets[skip:]]
                count = sum(b["doc_count"] for b in buckets) + result[PAGE]["sum_other_doc_count"]
            else:
                ordered = searcher.search(
                    partition,
                    max(wanted, 1),
                    count=True,
                    offset=skip,
                    order_by_field="title_sort",
                    order=tantivy.Order.Asc,
                )
                found, count = [sort_key for sort_key, _address in ordered.hits], ordered.count
            keys += found[:wanted]
            total += count
            for name, values in _facet_buckets(result, facets).items():
                for value, number in values.items():
                    counts[name][value] = counts[name].get(value, 0) + number
        return total, self._by_sort_key(searcher, keys), counts

    def _by_sort_key(self, searcher, sort_keys):
        """(0.0, address) of each document, in the order of their `title_sort` values."""
        if not sort_keys:
            return []
        keys = [sort_key.rpartition("\x00")[2] for sort_key in sort_keys]
        found = searcher.search(
            tantivy.Query.term_set_query(self.schema, "key", keys), len(keys), count=False
        ).hits
        addresses = {searcher.doc(address).get_first("key"): address for _s, address in found}
        return [(0.0, addresses[key]) for key in keys if key in addresses]

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

    def _count_facets(self, searcher, query, names):
        return _facet_buckets(searcher.aggregate(query, _facet_aggregations(names)), names)

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
