"""The PostgreSQL backend's own table: one row per indexed document, with its language's vector.

Only `search.backends.postgres` reads or writes it; the other backends keep their index on disk."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    key = models.CharField(_("key"), max_length=200, unique=True)
    language = models.CharField(_("language"), max_length=10)
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("body"), blank=True)
    kind = models.CharField(_("kind"), max_length=50)
    fields = models.JSONField(_("facet values"), default=dict, blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            GinIndex(fields=["vector"], name="search_entry_vector_gin"),
            models.Index(fields=["language"], name="search_entry_language"),
        ]

    def __str__(self):
        return self.key
