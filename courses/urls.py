from django.urls import path

from . import views

app_name = "courses"
urlpatterns = [
    path("", views.placement, name="placement"),
    path("result/", views.placement_result, name="placement_result"),
    path("result/<uuid:uuid>/", views.placement_result_detail, name="placement_result_detail"),
]
