"""PostgreSQL full-text search over `search.SearchEntry`, one text-search configuration per row.

Wagtail's PostgreSQL backend takes one language per backend (PITFALLS.md); here each row's vector
is built with its own language's configuration and the query is parsed with every configuration,
so "salary" and "salaries" meet in English and "carreira" and "carreiras" in Portuguese."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, IntegerField, Q, Value, When
from django.db.models.functions import Lower, Replace

from ..models import SearchEntry
from .base import Hit, Results, SearchBackend, leading_snippet, words_of

CONFIGS = {
    "en": "english",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "fi": "finnish",
    "bg": "simple",
}
START, STOP = "\x02", "\x03"
# Snowball's Finnish stems keep case endings ("työpaikka" -> "työpaik", "työpaikkoja" ->
# "työpaiko"): Finnish query stems match as prefixes. Words are \w+ only, safe in a raw tsquery.
PREFIX_CONFIGS = {"finnish"}

# ts_stat takes the text of a query; the language is a key of CONFIGS, never user input.
VOCABULARY_ROWS = (
    "SELECT to_tsvector('simple', title || ' ' || body) FROM search_searchentry "
    "WHERE language = '{language}'"
)


def _escaped(field):
    """ts_headline drops anything that looks like a tag: escape the text before it sees it."""
    text = Replace(F(field), Value("&"), Value("&amp;"))
    return Replace(Replace(text, Value("<"), Value("&lt;")), Value(">"), Value("&gt;"))


def _config_of_row():
    return Case(
        *[When(language=code, then=Value(name)) for code, name in CONFIGS.items()],
        default=Value("simple"),
    )


class Backend(SearchBackend):
    def __init__(self, *, path=None):
        super().__init__(path=path)
        if connection.vendor != "postgresql":
            raise ImproperlyConfigured("search.backends.postgres needs a PostgreSQL database.")

    def index(self, documents):
        """One INSERT ... ON CONFLICT for the batch, then one UPDATE of the vectors per language
        (an update_or_create per document took two round trips each)."""
        latest = {document.key: document for document in documents}  # the last one wins
        if not latest:
            return
        entries = [
            SearchEntry(
                key=document.key,
                language=document.language,
                title=document.title,
                body=document.body,
                kind=document.kind,
                fields={name: list(values) for name, values in document.fields.items()},
                url=document.url,
            )
            for document in latest.values()
        ]
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                entries,
                batch_size=1000,
                update_conflicts=True,
                unique_fields=["key"],
                update_fields=["language", "title", "body", "kind", "fields", "url"],
            )
            for code, config in CONFIGS.items():
                SearchEntry.objects.filter(key__in=list(latest), language=code).update(
                    vector=SearchVector("title", weight="A", config=config)
                    + SearchVector("body", weight="B", config=config)
                )

    def delete(self, keys):
        SearchEntry.objects.filter(key__in=list(keys)).delete()

    def clear(self):
        SearchEntry.objects.all().delete()

    def _search_query(self, words):
        text = " ".join(words)
        query = None
        for config in dict.fromkeys(CONFIGS.values()):
            if config in PREFIX_CONFIGS:
                prefixes = " & ".join(f"{word}:*" for word in words)
                part = SearchQuery(prefixes, config=config, search_type="raw")
            else:
                part = SearchQuery(text, config=config, search_type="plain")
            query = part if query is None else query | part
        return query

    def _filtered(self, filters, skip=None):
        rows = SearchEntry.objects.all()
        for name, values in (filters or {}).items():
            if values and name != skip:
                within = Q()
                for value in values:
                    within |= Q(fields__contains={name: [value]})
                rows = rows.filter(within)
        return rows

    def query(self, text, *, language, filters=None, facets=(), limit=20, offset=0):
        words = words_of(text)
        search = self._search_query(words) if words else None
        rows = self._filtered(filters)
        if search is not None:
            rows = rows.filter(vector=search)
        first = Case(When(language=language, then=0), default=1, output_field=IntegerField())
        rows = rows.annotate(first=first)
        total = rows.count()
        if search is not None:
            rows = rows.annotate(
                rank=SearchRank(F("vector"), search),
                headline=SearchHeadline(
                    _escaped("body"),
                    search,
                    config=_config_of_row(),
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                ),
            ).order_by("first", "-rank", "key")
        else:
            rows = rows.annotate(rank=Value(0.0, output_field=FloatField())).order_by(
                "first", Lower("title"), "key"
            )
        hits = [self._hit(row, search is not None) for row in rows[offset : offset + limit]]
        counts = self._facet_counts(search, filters, facets)
        return Results(total=total, hits=hits, facets=counts)

    def _hit(self, row, searched):
        snippet = ""
        if searched and START in (row.headline or ""):
            snippet = row.headline.replace(START, "<mark>").replace(STOP, "</mark>")
        return Hit(
            key=row.key,
            language=row.language,
            title=row.title,
            url=row.url,
            score=float(row.rank),
            snippet=snippet or leading_snippet(row.body),
        )

    def _facet_counts(self, search, filters, names):
        """GROUP BY over the facets' JSON array values, in the database. A facet's counts
        apply the other facets' filters, so the facets without a filter of their own share
        one query; the matching rows stay in the database (a subquery, not a list of ids)."""
        groups = {}
        for name in names:
            groups.setdefault(name if (filters or {}).get(name) else None, []).append(name)
        counts = {name: {} for name in names}
        for skip, group in groups.items():
            rows = self._filtered(filters, skip=skip)
            if search is not None:
                rows = rows.filter(vector=search)
            # Django's own compiled SQL, every value a parameter
            sql, params = rows.values("fields").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT facet.name, item.value, COUNT(*) FROM ({sql}) AS entry, "  # noqa: S608
                    "unnest(%s::text[]) AS facet(name), "
                    "jsonb_array_elements_text(entry.fields -> facet.name) AS item(value) "
                    "GROUP BY facet.name, item.value",
                    [*params, group],
                )
                for name, value, count in cursor.fetchall():
                    counts[name][value] = count
        return counts

    def suggest(self, prefix, *, language, limit=8):
        words = words_of(prefix)
        if not words:
            return []
        rows = SearchEntry.objects.all()
        for word in words[:-1]:
            rows = rows.filter(title__iregex=rf"\m{word}\M")
        rows = rows.filter(title__iregex=rf"\m{words[-1]}")
        first = Case(When(language=language, then=0), default=1, output_field=IntegerField())
        titles = (
            rows.annotate(first=first).order_by("first", "title").values_list("title", flat=True)
        )
        return list(dict.fromkeys(titles[: limit * 4]))[:limit]

    def vocabulary(self, *, language, initial):
        """Words via ts_stat over the 'simple' (unstemmed) vectors of the language's rows."""
        if language not in CONFIGS:
            return {}
        rows = VOCABULARY_ROWS.format(language=language)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat(%s) WHERE word LIKE %s",
                [rows, initial.replace("%", "").replace("_", "") + "%"],
            )
            return dict(cursor.fetchall())
