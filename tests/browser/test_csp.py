"""The strict Content-Security-Policy in a real browser: the admin with CKEditor 5 works under it
(typing, an image uploaded in the editor, saving) and neither the admin nor the public pages
trip the policy."""

import pytest

from articles.models import Article
from tests.factories import png_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct-horse-battery"


def watch_violations(page):
    """Every CSP complaint the page makes: console errors and securitypolicyviolation events."""
    found = []
    page.on(
        "console",
        lambda message: found.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return found


def test_reporter_writes_with_ckeditor_uploads_an_image_and_saves_under_the_csp(
    live_server, page, screenshot, reporter, tmp_path
):
    violations = watch_violations(page)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "reporter")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="로그인").click()
    page.wait_for_url(live_server.url + "/admin/")

    response = page.goto(live_server.url + "/admin/articles/article/add/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    page.select_option("#id_section", label="퍼스트뉴스 › 파주뉴스")
    page.fill("#id_title", "CSP 아래에서 쓴 기사")
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("편집기에서 글을 쓰고 사진을 올린다.")
    photo = tmp_path / "editor-photo.png"
    photo.write_bytes(png_bytes((640, 480)))
    page.locator(".ck-editor input[type=file]").first.set_input_files(str(photo))
    page.locator(".ck-editor__editable img").first.wait_for()
    page.wait_for_function("() => !document.querySelector('.ck-editor__editable .ck-upload-placeholder-loader')")
    screenshot(page, "csp-ckeditor-upload")
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()

    article = Article.objects.get(title="CSP 아래에서 쓴 기사")
    assert "편집기에서 글을 쓰고 사진을 올린다." in article.body
    assert "<img" in article.body and "/media/" in article.body
    assert violations == []


def test_public_pages_trip_no_policy(live_server, page, make_article):
    violations = watch_violations(page)
    article = make_article(title="정책을 지키는 기사", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    for path in ("/", article.get_absolute_url(), "/search/?q=정책", "/accounts/signup/", "/directory/"):
        response = page.goto(live_server.url + path)
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert violations == []
