from django.urls import path

from . import views

app_name = "progress"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("modules/<int:page_id>/start/", views.start_module, name="start_module"),
    path("lessons/<int:page_id>/complete/", views.complete_lesson, name="complete_lesson"),
    path("lessons/<int:page_id>/answer/", views.answer, name="answer"),
]
