import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contact.models import AdRequest, Attachment, Tip
from tests import documents
from tests.factories import PDF_BYTES, file_bytes

NOT_ALLOWED = "이미지(JPEG, PNG, GIF, WebP), PDF, 한글(HWP, HWPX), DOCX, XLSX, PPTX 파일만 올릴 수 있습니다."

pytestmark = pytest.mark.django_db

TIP_URL = "/contact/tip/"
AD_URL = "/contact/ads/"


def test_tip_with_a_photo_and_a_pdf_keeps_both_out_of_the_media_folder(client, tip_data, png_file, pdf_file, settings):
    response = client.post(TIP_URL, {**tip_data(), "attachments": [png_file("가로등.png"), pdf_file("민원.pdf")]})
    assert response.status_code == 302
    photo, pdf = Tip.objects.get().attachments.all()
    assert (photo.original_name, photo.content_type) == ("가로등.png", "image/png")
    assert (pdf.original_name, pdf.content_type) == ("민원.pdf", "application/pdf")
    for attachment in (photo, pdf):
        path = attachment.file.path
        assert path.startswith(str(settings.CONTACT_UPLOAD_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        assert attachment.original_name not in path  # stored under a random name
    assert pdf.file.name.endswith(".pdf")
    assert client.get("/media/" + photo.file.name).status_code == 404


def test_the_stored_extension_follows_the_content_not_the_name(client, tip_data, png_file):
    client.post(TIP_URL, {**tip_data(), "attachments": [png_file("사진.pdf", content_type="application/pdf")]})
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png"
    assert attachment.file.name.endswith(".png")


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("photo.png", b"<html><script>alert(1)</script></html>", "image/png"),
        ("report.pdf", b"<!doctype html><title>x</title><script>alert(1)</script>", "application/pdf"),
        ("photo.jpg", b"\xff\xd8\xff\xe0 truncated jpeg", "image/jpeg"),
        ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "image/svg+xml"),
        ("notes.txt", b"just some text", "text/plain"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(client, tip_data, name, data, content_type):
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    response = client.post(TIP_URL, {**tip_data(), "attachments": [upload]})
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{name}: {NOT_ALLOWED}" in html
    assert "첨부파일은 다시 골라야 합니다." in html
    assert not Tip.objects.exists()
    assert not Attachment.objects.exists()


def test_more_than_three_files_are_refused(client, tip_data, png_file):
    files = [png_file(f"사진{i}.png") for i in range(4)]
    response = client.post(TIP_URL, {**tip_data(), "attachments": files})
    assert "첨부파일은 3개까지 올릴 수 있습니다." in response.content.decode()
    assert not Tip.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, tip_data, pdf_file, settings):
    settings.CONTACT_UPLOAD_MAX_BYTES = 1024 * 1024
    big = pdf_file("큰파일.pdf", data=PDF_BYTES + b"0" * (1024 * 1024))
    response = client.post(TIP_URL, {**tip_data(), "attachments": [big]})
    assert "큰파일.pdf: 파일은 하나에 1MB 이하만 올릴 수 있습니다." in response.content.decode()
    assert not Tip.objects.exists()


def test_an_image_with_too_many_pixels_is_refused(client, tip_data, settings, png_file):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    response = client.post(TIP_URL, {**tip_data(), "attachments": [png_file("huge.png")]})
    assert "huge.png: 이미지가 너무 큽니다" in response.content.decode()


def test_ad_request_takes_one_optional_attachment(client, ad_data, pdf_file):
    client.post(AD_URL, {**ad_data(), "attachment": pdf_file("시안.pdf")})
    assert AdRequest.objects.get().attachments.get().content_type == "application/pdf"


def test_ad_request_attachment_is_checked_by_content(client, ad_data):
    fake = SimpleUploadedFile("시안.pdf", b"<html>hello</html>", content_type="application/pdf")
    response = client.post(AD_URL, {**ad_data(), "attachment": fake})
    assert f"시안.pdf: {NOT_ALLOWED}" in response.content.decode()
    assert not AdRequest.objects.exists()


@pytest.fixture
def tip_with_pdf(client, tip_data, pdf_file):
    client.post(TIP_URL, {**tip_data(), "attachments": [pdf_file("<b>제보</b>.pdf")]})
    client.logout()
    return Attachment.objects.get()


def test_editor_downloads_an_attachment_as_a_file_never_as_a_page(client, editor, tip_with_pdf):
    client.force_login(editor)
    response = client.get(reverse("contact:attachment", args=[tip_with_pdf.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert file_bytes(response) == PDF_BYTES


def test_guests_and_reporters_cannot_download_attachments(client, reporter, tip_with_pdf):
    url = reverse("contact:attachment", args=[tip_with_pdf.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert "/admin/login/" in response.url
    client.force_login(reporter)
    assert client.get(url).status_code == 403


def test_html_behind_a_pdf_header_is_still_only_a_pdf_download(client, tip_data, editor):
    polyglot = SimpleUploadedFile("page.html", b"%PDF-1.4\n<html><script>alert(1)</script></html>", "text/html")
    client.post(TIP_URL, {**tip_data(), "attachments": [polyglot]})
    attachment = Attachment.objects.get()
    assert attachment.file.name.endswith(".pdf")
    client.force_login(editor)
    response = client.get(reverse("contact:attachment", args=[attachment.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_long_file_name_is_shortened_in_the_message(client, tip_data):
    upload = SimpleUploadedFile("가" * 100 + ".txt", b"plain text", content_type="text/plain")
    html = client.post(TIP_URL, {**tip_data(), "attachments": [upload]}).content.decode()
    assert "가" * 57 + f"…: {NOT_ALLOWED}" in html


@pytest.mark.parametrize(
    ("sent_as", "downloaded_as"),
    [
        ("photo.jpg.html", "photo_jpg.png"),  # the checked type decides the extension, not the name
        ("../../etc/passwd.png", "passwd.png"),
        ("제보 사진 (1).png", "제보_사진_1.png"),
        ('"><script>.png', "script.png"),
        ("###.png", "첨부파일.png"),
    ],
)
def test_an_attachment_downloads_as_a_safe_stem_with_its_checked_extension(
    client, tip_data, png_file, editor, sent_as, downloaded_as
):
    client.post(TIP_URL, {**tip_data(), "attachments": [png_file(sent_as, content_type="text/html")]})
    attachment = Attachment.objects.get()
    assert attachment.download_name == downloaded_as
    client.force_login(editor)
    response = client.get(reverse("contact:attachment", args=[attachment.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert ".html" not in disposition and "/" not in disposition.split(";", 1)[1]


# --- office documents ---------------------------------------------------------------------------------

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_press_release_in_hwp_hwpx_and_docx_is_accepted_and_stored_privately(client, tip_data, settings):
    files = [
        _upload("파주시 보도자료.hwp", documents.hwp_bytes()),
        _upload("보도자료(수정).hwpx", documents.hwpx_bytes()),
        _upload("행사 안내.docx", documents.ooxml_bytes("docx"), DOCX_TYPE),
    ]
    response = client.post(TIP_URL, {**tip_data(), "attachments": files})
    assert response.status_code == 302
    hwp, hwpx, docx = Tip.objects.get().attachments.all()
    assert [a.content_type for a in (hwp, hwpx, docx)] == ["application/x-hwp", "application/hwp+zip", DOCX_TYPE]
    assert [a.file.name.rsplit(".", 1)[1] for a in (hwp, hwpx, docx)] == ["hwp", "hwpx", "docx"]
    assert [a.download_name for a in (hwp, hwpx, docx)] == [
        "파주시_보도자료.hwp",
        "보도자료_수정.hwpx",
        "행사_안내.docx",
    ]
    for attachment in (hwp, hwpx, docx):
        assert attachment.file.path.startswith(str(settings.CONTACT_UPLOAD_ROOT))
    assert hwp.file.read() == documents.hwp_bytes()


@pytest.mark.parametrize(
    ("kind", "content_type"), [("xlsx", "spreadsheetml.sheet"), ("pptx", "presentationml.presentation")]
)
def test_an_ad_request_takes_a_price_list_or_a_deck(client, ad_data, editor, kind, content_type, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 100  # uploads to a temporary file on disk, as large ones are
    data = documents.ooxml_bytes(kind)
    response = client.post(AD_URL, {**ad_data(), "attachment": _upload(f"회사소개.{kind}", data)})
    assert response.status_code == 302
    attachment = AdRequest.objects.get().attachments.get()
    assert attachment.content_type.endswith(content_type)
    client.force_login(editor)
    download = client.get(reverse("contact:attachment", args=[attachment.pk]))
    assert download["Content-Type"] == attachment.content_type
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"].startswith("attachment;")
    assert file_bytes(download) == data


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("보도자료.hwp", lambda: b"MZ\x90\x00\x03\x00\x00\x00" + bytes(200), "실행 파일은 올릴 수 없습니다."),
        ("설치.docx", lambda: b"\x7fELF\x02\x01\x01" + bytes(200), "실행 파일은 올릴 수 없습니다."),
        (
            "매크로.docx",
            lambda: documents.ooxml_bytes("docx", extra_parts={"word/vbaProject.bin": b"\x00"}),
            "매크로나 스크립트가 들어 있는 문서는 받지 않습니다.",
        ),
        ("암호.docx", documents.encrypted_ooxml_bytes, "암호가 걸린 문서는 받지 않습니다."),
        ("암호.hwp", lambda: documents.hwp_bytes(properties=0x3), "암호가 걸린 문서는 받지 않습니다."),
        (
            "보도자료.docx",
            documents.hwp_bytes,
            "파일 이름의 확장자(.docx)가 파일 내용(한글 문서(HWP))과 맞지 않습니다.",
        ),
        ("옛문서.doc", lambda: documents.compound_file({"WordDocument": bytes(600)}), "이 형식은 받지 않습니다."),
    ],
)
def test_refused_documents_are_named_next_to_the_field_and_nothing_is_saved(client, tip_data, name, make, message):
    response = client.post(TIP_URL, {**tip_data(), "attachments": [_upload(name, make())]})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"{name}: {message}" in html
    assert "문산 시장 앞 가로등이 꺼져 있어요" in html  # what was typed is kept
    assert not Tip.objects.exists()
    assert not Attachment.objects.exists()


def test_a_zip_bomb_is_refused(client, ad_data, monkeypatch):
    monkeypatch.setattr("lib.filetypes.DOCUMENT_MAX_UNPACKED", 1024 * 1024)
    bomb = documents.ooxml_bytes("docx", extra_parts={"word/media/zeros.bin": bytes(3 * 1024 * 1024)})
    response = client.post(AD_URL, {**ad_data(), "attachment": _upload("시안.docx", bomb)})
    assert "시안.docx: 압축을 풀면 1MB를 넘거나" in response.content.decode()
    assert not AdRequest.objects.exists()


def test_the_form_lists_the_accepted_types_and_offers_them_in_the_picker(client):
    html = client.get(TIP_URL).content.decode()
    assert "한글(HWP, HWPX)" in html and "매크로가 들었거나 암호가 걸린 문서는 받지 않습니다." in html
    assert ".hwp,.hwpx,.docx,.xlsx,.pptx" in html


def test_the_demo_press_release_is_a_document_the_form_would_accept():
    import io

    from contact.demo import _demo_hwpx
    from lib.filetypes import check_document

    assert check_document(io.BytesIO(_demo_hwpx()), "김장나눔_보도자료.hwpx") == "hwpx"
