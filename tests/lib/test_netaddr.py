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
