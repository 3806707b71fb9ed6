from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("<slug:kind>/", views.DocumentView.as_view(), name="document"),
    path("<slug:kind>/v/<str:version>/", views.DocumentView.as_view(), name="document_version"),
]
