"""The pure-Python fallback: a Whoosh index with the same schema idea as the tantivy backend.

Slower (PITFALLS.md measures ~100x per query) but with no compiled dependency: one stemmed
title/body field pair per language, Bulgarian lower-cased only (no stemmer exists)."""

from collections import Counter
from pathlib import Path

from whoosh import collectors, columns, highlight, index
from whoosh import fields as wf
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
    words_of,
)

TITLE_BOOST = 2.0
FACET_SEPARATOR = ","
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
        facet=wf.KEYWORD(commas=True),
        # per-document columns: the listing sorts on one, the facet counts read the other
        # (a stored-field read per matching document and facet took seconds at 100,000)
        title_sort=wf.COLUMN(columns.VarBytesColumn()),
        facet_values=wf.COLUMN(columns.VarBytesColumn()),
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


def _title_sort(title, key):
    """`base.title_order` as bytes: UTF-8 sorts as Python compares str, and NUL puts a title
    before every longer title it begins."""
    return f"{title.casefold()}\x00{key}".encode()


class Backend(SearchBackend):
    def __init__(self, *, path=None):
        super().__init__(path=path)
        self.schema = _schema()
        if path:
            Path(path).mkdir(parents=True, exist_ok=True)
            if index.exists_in(str(path)):
                self._index = index.open_dir(str(path), schema=self.schema)
            else:
                self._index = index.create_in(str(path), self.schema)
        else:
            self._index = RamStorage().create_index(self.schema)

    def index(self, documents):
        with self._index.writer() as writer:
            for document in documents:
                lang = document.language
                facets = FACET_SEPARATOR.join(
                    facet_term(name, v) for name, values in document.fields.items() for v in values
                )
                writer.update_document(
                    key=document.key,
                    language=lang,
                    kind=document.kind,
                    url=document.url,
                    facet=facets,
                    facet_values=facets.encode(),
                    title_sort=_title_sort(document.title, document.key),
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
        return wq.And([self._word_query(word) for word in words]) if words else None

    def _matching(self, text_query, filters, skip=None):
        """The text query and the filters as one query. Filters are clauses that score nothing,
        intersected lazily: `search(filter=...)` first builds the set of every document each
        filter matches (all of them for kind=resource), which cost more than the search."""
        parts = [text_query] if text_query else []
        parts += [
            wq.ConstantScoreQuery(
                wq.Or([wq.Term("facet", facet_term(name, v)) for v in values]), 0.0
            )
            for name, values in (filters or {}).items()
            if values and name != skip
        ]
        return wq.And(parts) if parts else wq.Every()

    def query(self, text, *, language, filters=None, facets=(), limit=20, offset=0):
        words = words_of(text)
        text_query = self._text_query(words)
        matching = self._matching(text_query, filters)
        same = wq.Term("language", language)
        with self._index.searcher() as searcher:
            total, page = 0, []
            # (Whoosh's AndNot lets a first document of the excluded language through)
            for partition in (wq.And([matching, same]), wq.And([matching, wq.Not(same)])):
                collector = self._collector(searcher, words, offset + limit)
                searcher.search_with_collector(partition, collector)
                results = collector.results()
                if words:
                    results.formatter = _MarkFormatter()
                    results.fragmenter = highlight.ContextFragmenter(
                        maxchars=SNIPPET_CHARS, surround=80
                    )
                skip = max(0, offset - total)
                page += results[skip : skip + limit - len(page)]
                total += len(results)
            # snippets only for the page's hits: highlighting analyses the whole body again
            hits = [self._hit(hit, hit.score if words else 0.0, bool(words)) for hit in page]
            counts = self._facet_counts(searcher, text_query, filters, facets)
        return Results(total=total, hits=hits, facets=counts)

    def _collector(self, searcher, words, limit):
        """By title without words, else the top `limit` by score counting every match: Whoosh's
        own top-N collector skips blocks and drops sub-queries that can no longer reach the
        top N, and then counts without them (its totals were too low, or ignored filters)."""
        if not words:
            return searcher.collector(limit=limit, sortedby="title_sort")
        return collectors.TopCollector(limit=limit, usequality=False, replace=0)

    def _facet_counts(self, searcher, text_query, filters, names):
        """A facet's counts apply the other facets' filters: the facets without a filter of
        their own share one pass over the matching documents' facet column."""
        groups = {}
        for name in names:
            groups.setdefault(name if (filters or {}).get(name) else None, []).append(name)
        counts = {}
        for skip, group in groups.items():
            query = self._matching(text_query, filters, skip=skip)
            tally = Counter()
            for leaf, _offset in searcher.leaf_searchers():
                column = leaf.reader().column_reader("facet_values", translate=False)
                for docnum in query.docs(leaf):
                    tally.update(column[docnum].split(FACET_SEPARATOR.encode()))
            terms = [(term.decode(), count) for term, count in tally.items() if term]
            counts.update(count_facets(terms, group))
        return {name: counts[name] for name in names}

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
