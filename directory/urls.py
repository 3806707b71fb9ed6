from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.DirectoryIndexView.as_view(), name="index"),
    path("<slug:category>/", views.CategoryView.as_view(), name="category"),
]
