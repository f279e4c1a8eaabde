"""Forms of counselling. Choices are built per request from the caller's own clients and
groups, so a form can never name someone else's."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from courses import api as courses_api

from .caseload import SORTS
from .constants import Flag


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=32,
        help_text=_("The eight letters and digits your counsellor gave you."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SharingForm(forms.Form):
    share_progress = forms.BooleanField(
        label=_("My progress: which modules I started and completed, and when I last learned"),
        required=False,
        initial=True,
    )
    share_assessments = forms.BooleanField(
        label=_("My self-assessments: my answers summed up per competence area, and my level"),
        required=False,
        initial=True,
    )
    share_certificates = forms.BooleanField(
        label=_("My certificates"), required=False, initial=True
    )


class NotificationsForm(forms.Form):
    enabled = forms.BooleanField(
        label=_("Send me e-mails about assignments from my counsellors"), required=False
    )


class GroupForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=120)


class ClientsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple


class GroupMembersForm(forms.Form):
    clients = ClientsField(label=_("Clients to add"))

    def __init__(self, *args, links, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clients"].choices = [(str(link.id), str(link.client)) for link in links]


def assignable_pages(language):
    """[(course, [modules])] live in `language`, or in English where not translated yet."""
    pages = list(
        courses_api.CoursePage.objects.live()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
        .order_by("path")
    )
    modules = list(
        courses_api.ModulePage.objects.live()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale", "level")
        .order_by("path")
    )

    def pick(rows):
        chosen = {}
        for page in rows:
            if page.locale.language_code == language or page.translation_key not in chosen:
                chosen[page.translation_key] = page
        return list(chosen.values())

    course_key_at = {course.path: course.translation_key for course in pages}
    by_course = {}
    for module in pick(modules):
        parent = course_key_at.get(module.path[: -courses_api.ModulePage.steplen])
        by_course.setdefault(parent, []).append(module)
    return [(course, by_course.get(course.translation_key, [])) for course in pick(pages)]


class AssignForm(forms.Form):
    page = forms.TypedChoiceField(label=_("Module or course"), coerce=int)
    clients = ClientsField(label=_("Clients"), required=False)
    group = forms.TypedChoiceField(label=_("Or a whole group"), coerce=int, required=False)
    due_on = forms.DateField(
        label=_("Due date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label=_("Note for the client (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Write in any language: the client sees it as you wrote it."),
    )

    def __init__(self, *args, links, groups, language, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        self.pages = {}
        for course, modules in assignable_pages(language):
            options = [(course.id, _("Whole course: %(title)s") % {"title": course.title})]
            options += [(m.id, f"{m.level.code} · {m.title}") for m in modules]
            self.pages.update({course.id: course, **{m.id: m for m in modules}})
            choices.append((course.title, options))
        self.fields["page"].choices = [("", _("Choose a module or a course")), *choices]
        self.fields["clients"].choices = [(str(link.id), str(link.client)) for link in links]
        self.fields["group"].choices = [("", _("No group"))] + [
            (group.id, group.name) for group in groups
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("clients") and not cleaned.get("group"):
            raise forms.ValidationError(_("Choose at least one client or a group."))
        if cleaned.get("clients") and cleaned.get("group"):
            raise forms.ValidationError(_("Choose clients or a group, not both."))
        return cleaned


class CaseloadFilterForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=80)
    group = forms.TypedChoiceField(label=_("Group"), coerce=int, required=False, empty_value=None)
    flag = forms.ChoiceField(label=_("Show"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)
    stalled = forms.IntegerField(
        label=_("Stalled after (days without activity)"),
        min_value=1,
        max_value=365,
        required=False,
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = [("", _("All clients"))] + [
            (group.id, group.name) for group in groups
        ]
        self.fields["flag"].choices = [("", _("Everyone")), *Flag.choices]
        labels = {
            "name": _("Name"),
            "completion": _("Completion"),
            "activity": _("Last activity"),
            "due": _("Next due date"),
        }
        self.fields["sort"].choices = [(key, labels[key]) for key in SORTS]
        self.fields["stalled"].widget.attrs["placeholder"] = settings.PONTES_STALLED_DAYS
