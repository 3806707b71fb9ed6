from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("", views.DirectoryIndexView.as_view(), name="index"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("place/<int:pk>/", views.ListingDetailView.as_view(), name="detail"),
    path("<slug:category>/", views.CategoryView.as_view(), name="category"),
]
