from django.conf import settings
from django.core.checks import Error, register


@register()
def captcha_test_mode_only_in_tests(app_configs, **kwargs):
    """The captcha's test mode accepts "passed" as the answer; a real site must never run with it."""
    if getattr(settings, "CAPTCHA_TEST_MODE", False) and not settings.DEBUG:
        return [
            Error(
                "CAPTCHA_TEST_MODE is on while DEBUG is off: the captcha would accept any answer.",
                hint="Remove CAPTCHA_TEST_MODE from the settings; tests turn it on themselves.",
                id="accounts.E001",
            )
        ]
    return []
