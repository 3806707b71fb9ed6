"""Captcha URLs, under the names django-simple-captcha's widget reverses: image (drawn by the
package), audio (joined clips, no speech program) and refresh, all through our own views, which
make a challenge when it is first needed, limit that per address and cache what they draw."""

from django.urls import path, re_path

from . import captcha_views as views

urlpatterns = [
    re_path(r"^image/(?P<key>\w+)/$", views.captcha_image, {"scale": 1}, name="captcha-image"),
    re_path(r"^image/(?P<key>\w+)@2/$", views.captcha_image, {"scale": 2}, name="captcha-image-2x"),
    re_path(r"^audio/(?P<key>\w+)\.wav$", views.captcha_audio, name="captcha-audio"),
    path("refresh/", views.captcha_refresh, name="captcha-refresh"),
]
