from django.urls import path

from . import certificate_views as views

app_name = "certificates"
urlpatterns = [
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/download/", views.download, name="download"),
    path("verify/<uuid:uuid>/", views.verify, name="verify"),
]
