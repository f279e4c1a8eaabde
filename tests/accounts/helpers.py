import re
from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

PASSWORD = "river-lantern-42-Kite"


def born_years_ago(years):
    """A date of birth that makes someone exactly `years` old today."""
    today = timezone.localdate()
    return date(today.year - years, today.month, 1) - timedelta(days=1)


def mail_to(address):
    """The one e-mail sent to `address`."""
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return message


def paths_in(message):
    """The paths of the links in an e-mail, in order, without the site's address."""
    return re.findall(r"https?://[^/\s]+(/\S+)", message.body)
