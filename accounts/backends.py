from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import Value
from django.db.models.functions import Lower

from .api import can_sign_in


class EmailBackend(ModelBackend):
    """Learners sign in with their e-mail address, in whatever case they type it.

    The log-in form posts it as `username`, so django-axes counts failures per address typed.
    The database lower-cases both sides, as in the unique constraint on e-mail. An unknown
    address costs one password hash too, so timing does not tell it apart. An account whose
    address is not confirmed yet fails like a wrong password, for the same reason."""

    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        address = (email or username or "").strip()
        if "@" not in address or password is None:
            return None
        User = get_user_model()
        user = (
            User._default_manager.annotate(email_lower=Lower("email"))
            .filter(email_lower=Lower(Value(address)))
            .first()
        )
        if user is None:
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user) and can_sign_in(user):
            return user
        return None


def axes_username(request, credentials=None):
    """What django-axes counts failures against: the address typed, whatever its case, as the
    log-in ignores case too. Set AXES_USERNAME_CALLABLE = "accounts.backends.axes_username"."""
    if credentials:
        value = credentials.get("username")
    else:
        value = getattr(request, "data", request.POST).get("username")
    return (value or "").strip().lower()
