from lib import ratelimit


def test_hits_are_allowed_up_to_the_limit_and_refused_after():
    answers = [ratelimit.hit("test", "203.0.113.7", 3, 60) for _ in range(5)]
    assert answers == [True, True, True, False, False]


def test_each_scope_and_key_counts_on_its_own():
    assert ratelimit.hit("test", "203.0.113.7", 1, 60)
    assert ratelimit.hit("test", "203.0.113.8", 1, 60)
    assert ratelimit.hit("other", "203.0.113.7", 1, 60)
    assert not ratelimit.hit("test", "203.0.113.7", 1, 60)


def test_used_reads_the_count_without_counting():
    assert ratelimit.used("test", "k") == 0
    ratelimit.count("test", "k", 60)
    ratelimit.count("test", "k", 60)
    assert ratelimit.used("test", "k") == 2
    assert ratelimit.used("test", "k") == 2


def test_the_window_opens_again_after_it_expires(monkeypatch, settings):
    # The local-memory cache reads time.time() for expiry, so the clock can be moved (Redis keeps its own).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    clock = [1000.0]
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: clock[0])
    assert [ratelimit.hit("test", "k", 2, 60) for _ in range(3)] == [True, True, False]
    clock[0] += 30  # a hit inside the window does not move its end
    assert not ratelimit.hit("test", "k", 2, 60)
    clock[0] += 31
    assert ratelimit.hit("test", "k", 2, 60)


def test_an_entry_that_expires_between_add_and_incr_starts_a_new_window(monkeypatch):
    monkeypatch.setattr(ratelimit.cache, "add", lambda *args: False)  # someone else's entry…

    def incr(key):
        raise ValueError(key)  # …gone before incr

    monkeypatch.setattr(ratelimit.cache, "incr", incr)
    assert ratelimit.count("test", "k", 60) == 1


def test_no_raw_key_reaches_the_cache(monkeypatch):
    stored = []
    monkeypatch.setattr(ratelimit.cache, "add", lambda key, *args: stored.append(key) or True)
    ratelimit.hit("test", "203.0.113.7", 1, 60)
    assert stored and "203.0.113.7" not in stored[0] and stored[0].startswith("ratelimit:test:")
