"""The demo library: an index page per language and the resources of demo/data/library, each
written in its own language; our worksheets become .docx documents. Loaded again, it adds only
what is missing."""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale

from content.api import publish_page
from content.models import CompetenceArea, HomePage, Level
from library.constants import ALL_RIGHTS_RESERVED, Licence
from library.models import LibraryIndexPage, ResourcePage

from .worksheets import worksheet_docx

LICENCES = {
    "cc-by-sa-4.0": Licence.CC_BY_SA_4,
    "cc-by-4.0": Licence.CC_BY_4,
    "public-domain": Licence.CC0,
    "all-rights-reserved": ALL_RIGHTS_RESERVED,
}


def load_library(*, directory, read_yaml, progress=None):
    """Returns the number of resources created."""
    titles = read_yaml(directory / "index.yaml")
    indexes = _indexes(titles)
    levels = {level.code: level for level in Level.objects.all()}
    areas = {area.key: area for area in CompetenceArea.objects.all()}
    created = 0
    for code, index in indexes.items():
        path = directory / f"{code}.yaml"
        resources = read_yaml(path)["resources"] if path.exists() else []
        for data in resources:
            if not ResourcePage.objects.child_of(index).filter(slug=data["slug"]).exists():
                _add_resource(index, code, data, levels, areas)
                created += 1
            if progress:
                progress.update(1)
    return created


def count_resources(*, directory, read_yaml):
    return sum(len(read_yaml(path)["resources"]) for path in directory.glob("[a-z][a-z].yaml"))


def _indexes(titles):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    source = publish_page(
        parent=home,
        page_class=LibraryIndexPage,
        slug="library",
        fields={**titles["en"], "show_in_menus": True},
    )
    indexes = {"en": source}
    for code, fields in titles.items():
        if code == "en":
            continue
        locale = Locale.objects.get(language_code=code)
        page = LibraryIndexPage.objects.filter(
            translation_key=source.translation_key, locale=locale
        ).first()
        if page is None:
            with transaction.atomic():
                page = source.copy_for_translation(locale)
                page.title, page.intro = fields["title"], fields["intro"].strip()
                page.save_revision().publish()
        indexes[code] = page
    return indexes


def _add_resource(index, code, data, levels, areas):
    with transaction.atomic():
        document = None
        if data.get("worksheet"):
            document = _document(data, code)
        page = ResourcePage(
            slug=data["slug"],
            locale_id=index.locale_id,
            title=data["title"],
            summary=data["summary"].strip(),
            body=data["body"].strip(),
            resource_type=data["type"],
            resource_language=data["resource_language"],
            licence=LICENCES[data["licence"]],
            attribution=data.get("attribution", ""),
            provider=data["provider"],
            document=document,
            external_url=data.get("url", ""),
            minutes=data.get("minutes"),
        )
        page.levels = [levels[level] for level in data["levels"]]
        page.areas = [areas[area] for area in data["areas"]]
        index.add_child(instance=page)
        page.save_revision().publish()


def _collection():
    """Wagtail's root collection (its migration makes it; a flushed test database has none)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def _document(data, code):
    sheet = data["worksheet"]
    credit = f"{data.get('attribution', '')} · CC BY-SA 4.0".strip(" ·")
    content = worksheet_docx(sheet, language=code, credit=credit)
    document = get_document_model()(title=sheet["title"], collection=_collection())
    document.file.save(f"{data['slug']}.docx", ContentFile(content), save=False)
    document.save()
    return document
