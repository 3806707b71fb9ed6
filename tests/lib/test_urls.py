from lib.urls import absolute_url


def test_a_path_is_put_on_the_sites_public_address(settings):
    settings.SITE_URL = "https://news.example.kr"
    assert absolute_url("/news/1/") == "https://news.example.kr/news/1/"


def test_an_absolute_url_is_kept(settings):
    settings.SITE_URL = "https://news.example.kr"
    assert absolute_url("https://cdn.example.kr/a.jpg") == "https://cdn.example.kr/a.jpg"
    assert absolute_url("http://cdn.example.kr/a.jpg") == "http://cdn.example.kr/a.jpg"
