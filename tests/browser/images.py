"""Waiting for a picture: after a click the next page's HTML may be read before its images have loaded."""


def wait_until_loaded(image, timeout=15000):
    """Wait until the <img> `image` shows a decoded picture; a broken or missing one times out (fails).

    A function, not an expression: Playwright evaluates a string expression with eval(), which the CSP refuses.
    """
    image.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle(), timeout=timeout
    )
