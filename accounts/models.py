from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Our own user model from the first migration, so profile fields can follow without pain."""

    display_name = models.CharField(_("display name"), max_length=80, blank=True)

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        constraints = [
            # log-in by e-mail address needs one account per address, whatever its case
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_unique_ci",
                condition=~models.Q(email=""),
            ),
        ]

    def __str__(self):
        return self.display_name or self.get_username()
