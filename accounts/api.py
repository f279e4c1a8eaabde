"""Creating and updating accounts. Views, admin hooks and the demo loader call these."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

__all__ = ["ensure_user"]


def ensure_user(*, username, email, password, display_name="", is_superuser=False, groups=()):
    """Create the account or bring it back to the given state; returns (user, created)."""
    User = get_user_model()
    with transaction.atomic():
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": email, "display_name": display_name}
        )
        user.email = email
        user.display_name = display_name
        user.is_superuser = is_superuser
        user.is_staff = is_superuser or bool(groups)
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=name) for name in groups])
    return user, created
