from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.home, name="home"),
    path("<str:language>/", views.dashboard, name="dashboard"),
    path("<str:language>/<int:page_id>/po/", views.download, name="download"),
    path("<str:language>/<int:page_id>/upload/", views.upload, name="upload"),
    path("<str:language>/review/<uuid:uuid>/", views.review, name="review"),
]
