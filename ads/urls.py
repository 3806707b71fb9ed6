from django.urls import path

from . import views

app_name = "ads"

urlpatterns = [
    path("<int:pk>/click/", views.click, name="click"),
    path("<int:pk>/view.gif", views.impression, name="impression"),
]
