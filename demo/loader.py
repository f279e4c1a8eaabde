"""Builds the demo site from `demo/data`: English pages from YAML, translations from PO files.

Every write goes through the apps' api functions, so the demo exercises the same paths as an
editor would. Running it again brings the site back to the data without duplicating anything."""

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import polib
import yaml
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from accounts.api import ensure_user
from content.api import ensure_locales, load_framework, publish_page, publish_translation
from content.models import CompetenceArea, HomePage, Level, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from network import api as network_api
from network.moderation import MODERATORS
from search import api as search_api

from .counselling import load_caseload
from .library import count_resources, load_library
from .network import load_network

DATA_DIR = Path(__file__).resolve().parent / "data"
PO_DIR = DATA_DIR / "po"
ID_NAMESPACE = uuid.UUID("6a1f1c1e-7d1b-4b8e-9a51-2f0c4f0e7a11")
ATTRIBUTION = "Pontes contributors, CC BY-SA 4.0"

DEMO_USERS = [
    # username, e-mail, password, display name, superuser, groups
    ("admin", "admin@pontes.example", "pontes-admin", "Ada Admin", True, ()),
    ("editor", "editor@pontes.example", "pontes-editor", "Eero Editor", False, ("Editors",)),
    ("learner", "learner@pontes.example", "pontes-learner", "Lina Learner", False, ()),
    ("counsellor", "counsellor@pontes.example", "pontes-counsellor", "Carla Counsellor", False, ()),
    ("manager", "manager@pontes.example", "pontes-manager", "Mona Manager", False, ()),
    (
        "moderator",
        "moderator@pontes.example",
        "pontes-moderator",
        "Miro Moderator",
        False,
        (MODERATORS,),
    ),
]


def demo_password(username):
    """The demo's people sign in with pontes-<user name> (README, local demo only)."""
    return f"pontes-{username}"


@dataclass
class DemoPage:
    key: str  # the PO file name, the English slug
    page: Page


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def block_id(*parts):
    """Stable block ids, so a PO file's contexts match the pages of any fresh database."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def stream_json(owner, blocks):
    """Turn the YAML body of a page into StreamField JSON with stable ids."""
    raw = []
    for index, item in enumerate(blocks):
        ((kind, value),) = item.items()
        bid = block_id(owner, index)
        if kind == "check":
            value = {
                "question": value["question"],
                "answers": [
                    {
                        "type": "item",
                        "id": block_id(owner, index, n),
                        "value": {
                            "text": a["text"],
                            "correct": bool(a["correct"]),
                            "feedback": a["feedback"],
                        },
                    }
                    for n, a in enumerate(value["answers"])
                ],
            }
            kind = "self_check"
        elif kind == "callout":
            value = {
                "kind": value.get("kind", "tip"),
                "title": value["title"],
                "text": value["text"].strip(),
            }
        elif kind == "text":
            value = value.strip()
        raw.append({"type": kind, "value": value, "id": bid})
    return json.dumps(raw)


def outcomes_json(owner, outcomes):
    return json.dumps(
        [
            {"type": "outcome", "value": text, "id": block_id(owner, "outcome", n)}
            for n, text in enumerate(outcomes)
        ]
    )


def ensure_home(site_data):
    """Our HomePage at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    if root is None:
        # a flushed database (transactional tests) has lost the tree Wagtail's migration made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    if home is None:
        for page in root.get_children().filter(slug="home"):
            if page.specific_class is Page and page.is_leaf():
                page.delete()
        home = publish_page(parent=root, page_class=HomePage, slug="home", fields=site_data)
    else:
        home = publish_page(parent=root, page_class=HomePage, slug=home.slug, fields=site_data)
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Pontes"
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Pontes"
        site.save()
    return home


def build_english(progress=None):
    """Create or update the English tree; returns its pages in tree order."""
    site = read_yaml(DATA_DIR / "site.yaml")
    pages = []
    home = ensure_home(
        {
            "title": site["home"]["title"],
            "intro": site["home"]["intro"],
            "body": stream_json("home", site["home"]["body"]),
        }
    )
    pages.append(DemoPage("home", home))
    catalogue = publish_page(
        parent=home,
        page_class=CourseIndexPage,
        slug="courses",
        fields={
            "title": site["catalogue"]["title"],
            "intro": site["catalogue"]["intro"],
            "show_in_menus": True,
        },
    )
    about = publish_page(
        parent=home,
        page_class=StandardPage,
        slug="about",
        fields={
            "title": site["about"]["title"],
            "intro": site["about"]["intro"],
            "body": stream_json("about", site["about"]["body"]),
            "show_in_menus": True,
        },
    )
    pages += [DemoPage("catalogue", catalogue), DemoPage("about", about)]
    course = publish_page(
        parent=catalogue,
        page_class=CoursePage,
        slug=site["course"]["slug"],
        fields={
            "title": site["course"]["title"],
            "summary": site["course"]["summary"],
            "attribution": ATTRIBUTION,
        },
    )
    pages.append(DemoPage("course", course))
    if progress:
        progress.update(4)

    levels = {level.code: level for level in Level.objects.all()}
    areas = {area.key: area for area in CompetenceArea.objects.all()}
    modules = [read_yaml(path) for path in sorted((DATA_DIR / "en").glob("*.yaml"))]
    modules.sort(key=lambda m: (areas[m["area"]].order, m["level"]))
    for data in modules:
        module = publish_page(
            parent=course,
            page_class=ModulePage,
            slug=data["slug"],
            fields={
                "title": data["title"],
                "summary": data["summary"].strip(),
                "level": levels[data["level"]],
                "area": areas[data["area"]],
                "estimated_minutes": data["minutes"],
                "outcomes": outcomes_json(data["slug"], data["outcomes"]),
                "attribution": ATTRIBUTION,
            },
        )
        pages.append(DemoPage(data["slug"], module))
        for lesson_data in data["lessons"]:
            lesson = publish_page(
                parent=module,
                page_class=LessonPage,
                slug=lesson_data["slug"],
                fields={
                    "title": lesson_data["title"],
                    "summary": lesson_data["summary"].strip(),
                    "body": stream_json(lesson_data["slug"], lesson_data["body"]),
                },
            )
            pages.append(DemoPage(lesson_data["slug"], lesson))
        if progress:
            progress.update(1 + len(data["lessons"]))
    return pages


def count_english_pages():
    return 4 + sum(1 + len(read_yaml(p)["lessons"]) for p in (DATA_DIR / "en").glob("*.yaml"))


def translation_languages():
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def import_translations(pages, progress=None):
    """Import every PO file in tree order (a translated parent must exist before its child)."""
    warnings = []
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for demo_page in pages:
        for code in translation_languages():
            path = PO_DIR / code / f"{demo_page.key}.po"
            if path.exists():
                _translation, found = publish_translation(
                    page=demo_page.page, locale=locales[code], po=polib.pofile(str(path))
                )
                warnings += [f"{path.relative_to(DATA_DIR)}: {w}" for w in found]
            if progress:
                progress.update(1)
    return warnings


def ensure_users():
    Group.objects.get_or_create(name="Editors")
    network_api.ensure_moderation()
    with transaction.atomic():
        for username, email, password, name, superuser, groups in DEMO_USERS:
            ensure_user(
                username=username,
                email=email,
                password=password,
                display_name=name,
                is_superuser=superuser,
                groups=groups,
            )


def load_all(progress_factory=None):
    """The whole demo: framework, users, English pages, translations, the library, then the
    search index built once (not page by page). Returns import warnings."""
    with search_api.indexing_paused():
        warnings = _load_pages(progress_factory)
    bar = _bar(progress_factory, search_api.total_groups(), "Search index")
    search_api.rebuild(progress=bar)
    if bar:
        bar.close()
    return warnings


def _bar(progress_factory, total, desc):
    return progress_factory(total=total, desc=desc) if progress_factory else None


def _load_pages(progress_factory):
    ensure_locales()
    load_framework()
    ensure_users()
    total = count_english_pages()
    bar = progress_factory(total=total, desc="English pages") if progress_factory else None
    pages = build_english(bar)
    if bar:
        bar.close()
    bar = (
        progress_factory(total=len(pages) * len(translation_languages()), desc="Translations")
        if progress_factory
        else None
    )
    warnings = import_translations(pages, bar)
    if bar:
        bar.close()
    library = DATA_DIR / "library"
    bar = _bar(progress_factory, count_resources(directory=library, read_yaml=read_yaml), "Library")
    load_library(directory=library, read_yaml=read_yaml, progress=bar)
    if bar:
        bar.close()
    load_caseload(password_for=demo_password)
    load_network(
        path=DATA_DIR / "network.yaml",
        read_yaml=read_yaml,
        password_for=demo_password,
        progress_factory=progress_factory,
    )
    return warnings
