from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("django-admin/", RedirectView.as_view(url="/admin/", permanent=False)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("account/", include("accounts.urls")),
    path("placement/", include("courses.urls")),
    path("learning/", include("progress.urls")),
    path("certificates/", include("progress.certificate_urls")),
    path("counselling/", include("counselling.urls")),
    path("search/", include("search.urls")),
    path("network/", include("network.urls")),
    path("translate/", include("partners.urls")),
    path("", include("content.urls")),
    path("", include(wagtail_urls)),
)
