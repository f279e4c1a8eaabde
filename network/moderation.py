"""The moderators' group, their task and the workflow every Network post goes through. Made
after each migrate (idempotent), so a fresh platform moderates from its first post."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

MODERATORS = "Network moderators"
WORKFLOW = "Network moderation"
ACTIONS = ("view", "change", "publish", "lock", "unlock")


def ensure_moderation(**_kwargs):
    from .api import MODELS
    from .models import ModerationTask

    with transaction.atomic():
        group, _created = Group.objects.get_or_create(name=MODERATORS)
        admin_ct = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")[0]
        permissions = [
            Permission.objects.get_or_create(
                content_type=admin_ct,
                codename="access_admin",
                defaults={"name": "Can access Wagtail admin"},
            )[0]
        ]
        workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW)
        task = ModerationTask.objects.filter(name=WORKFLOW).first()
        if task is None:
            task = ModerationTask.objects.create(name=WORKFLOW)
        task.groups.add(group)
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for model in MODELS.values():
            content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
            name = model._meta.model_name
            for action in ACTIONS:
                permissions.append(
                    Permission.objects.get_or_create(
                        content_type=content_type,
                        codename=f"{action}_{name}",
                        defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                    )[0]
                )
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
        group.permissions.add(*permissions)
