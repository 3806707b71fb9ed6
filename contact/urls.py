from django.urls import path

from . import views

app_name = "contact"

urlpatterns = [
    path("tip/", views.TipFormView.as_view(), name="tip"),
    path("tip/done/", views.TipDoneView.as_view(), name="tip_done"),
    path("ads/guide/", views.AdGuideView.as_view(), name="ad_guide"),
    path("ads/", views.AdRequestFormView.as_view(), name="ad_request"),
    path("ads/done/", views.AdDoneView.as_view(), name="ad_done"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
]
