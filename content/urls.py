from django.urls import path

from . import views

app_name = "content"
urlpatterns = [
    path("untranslated/<int:page_id>/", views.untranslated, name="untranslated"),
]
