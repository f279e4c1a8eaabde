"""A resource page is translatable like every page: through wagtail-localize, its text
translated, its facets (type, levels, areas, file or address) kept from the source."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from library.models import ResourcePage

from .conftest import add_resource

pytestmark = pytest.mark.django_db


def test_a_resource_translated_with_wagtail_localize_keeps_its_facets(
    django_capture_on_commit_callbacks,
):
    source_page = add_resource(title="Reading your first payslip")
    swedish = Locale.objects.get(language_code="sv")
    source, _created = TranslationSource.get_or_create_from_instance(source_page)
    translation = Translation.objects.create(source=source, target_locale=swedish)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=swedish,
            context=segment.context,
            defaults={"data": f"SV {segment.string.data}"},
        )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        translation.save_target(publish=True)
    page = ResourcePage.objects.get(translation_key=source_page.translation_key, locale=swedish)
    assert page.live and page.title == "SV Reading your first payslip"
    assert page.summary.startswith("SV ")
    assert page.resource_type == source_page.resource_type
    assert page.external_url == source_page.external_url
    assert [level.code for level in page.levels.all()] == ["B"]
    assert [area.key for area in page.areas.all()] == ["applying"]
    assert page.url.startswith("/sv/library/")
