from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("section/<slug:group>/", views.GroupView.as_view(), name="group"),
    path("section/<slug:group>/<slug:section>/", views.SectionView.as_view(), name="section"),
    path("article/<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("reporter/<str:username>/", views.ReporterView.as_view(), name="reporter"),
    path("tag/<str:slug>/", views.TagView.as_view(), name="tag"),
    path("corrections/", views.CorrectionListView.as_view(), name="corrections"),
    path("editor/upload/", views.editor_upload, name="editor_upload"),
]
