from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Content and framework")

    def ready(self):
        from . import pagecache
        from .api import ensure_locales

        pagecache.connect()

        # a language added to settings later gets its Locale row on the next migrate
        post_migrate.connect(lambda **kwargs: ensure_locales(), sender=self, weak=False)
