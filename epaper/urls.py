from django.urls import path

from . import views

app_name = "epaper"

urlpatterns = [
    path("", views.ArchiveView.as_view(), name="archive"),
    path("latest/", views.latest, name="latest"),
    path("<int:pk>/", views.EditionView.as_view(), name="edition"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
]
