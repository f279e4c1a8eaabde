"""Requests too large to be anything Pontes accepts are refused before they are read.

Django writes an upload to a temporary file as it arrives, and only then do a form's own size
checks run (a logo: 1 MB, a PO file, a library document: 20 MB): without this, one person could
fill the server's disk with a single enormous POST. The limit is on the declared length, so
nothing of such a body is read; a front proxy may cap it earlier still (README)."""

from django.conf import settings
from django.shortcuts import render


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.PONTES_MAX_REQUEST_BYTES
        if length > limit:
            # a page of the site, in the reader's language; the browser's Back keeps the form
            return render(request, "413.html", {"limit": limit}, status=413)
        return self.get_response(request)
