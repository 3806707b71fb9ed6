from django.test import RequestFactory

from lib.netaddr import client_ip


def test_the_peer_address_is_used_without_a_trusted_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = False
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_ip(request) == "198.51.100.1"


def test_the_last_forwarded_hop_is_used_behind_our_proxy(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.0.0.1, 203.0.113.9 ")
    assert client_ip(request) == "203.0.113.9"


def test_an_empty_forwarded_header_falls_back_to_the_peer(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=" , ")
    assert client_ip(request) == "198.51.100.1"


def test_with_two_trusted_proxies_the_second_entry_from_the_end_is_the_reader(settings):
    """A CDN and nginx each append what they saw; what the client forged before that is ignored."""
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_HOPS = 2
    forged = "1.2.3.4, 5.6.7.8"
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"{forged}, 203.0.113.9, 10.0.0.2"
    )
    assert client_ip(request) == "203.0.113.9"


def test_one_trusted_proxy_ignores_what_the_client_wrote(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    settings.TRUSTED_PROXY_HOPS = 1
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.9")
    assert client_ip(request) == "203.0.113.9"
