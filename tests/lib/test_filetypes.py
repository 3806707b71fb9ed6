import io

import pytest
from django.core.exceptions import ValidationError

from lib.filetypes import check_size, is_pdf, starts_with
from tests import documents


def test_a_pdf_is_known_by_its_first_bytes_not_its_name():
    assert is_pdf(io.BytesIO(b"%PDF-1.7\n..."))
    assert not is_pdf(io.BytesIO(b"\x89PNG\r\n\x1a\n"))
    assert not is_pdf(io.BytesIO(b"%PD"))
    assert not is_pdf(io.BytesIO(b""))


def test_the_read_position_is_left_where_it_was():
    file = io.BytesIO(b"%PDF-1.7 body")
    file.seek(4)
    assert starts_with(file, b"%PDF-")
    assert file.tell() == 4


def test_a_file_over_the_limit_is_refused_with_its_kind_and_limit_in_the_message():
    file = io.BytesIO(b"x")
    file.size = 3 * 1024 * 1024
    check_size(file, 3 * 1024 * 1024, "PDF")
    file.size += 1
    with pytest.raises(ValidationError) as refused:
        check_size(file, 3 * 1024 * 1024, "PDF")
    assert refused.value.code == "too_large"
    assert refused.value.messages == ["PDF 파일은 3MB 이하만 올릴 수 있습니다."]


# --- office documents --------------------------------------------------------------------------------


def _check(data, name):
    from lib.filetypes import check_document

    return check_document(io.BytesIO(data), name)


def _refused(data, name):
    with pytest.raises(ValidationError) as refused:
        _check(data, name)
    return refused.value


@pytest.mark.parametrize(
    ("make", "name", "kind"),
    [
        (lambda: documents.hwp_bytes(), "보도자료.hwp", "hwp"),
        (lambda: documents.hwp_bytes(properties=0x1 | 0x4), "배포용.HWP", "hwp"),  # 배포용 문서 opens in 한글
        (lambda: documents.hwpx_bytes(), "보도자료.hwpx", "hwpx"),
        (lambda: documents.ooxml_bytes("docx"), "문의.docx", "docx"),
        (lambda: documents.ooxml_bytes("xlsx"), "단가표.xlsx", "xlsx"),
        (lambda: documents.ooxml_bytes("pptx"), "회사소개.pptx", "pptx"),
    ],
)
def test_office_documents_are_known_by_their_parts(make, name, kind):
    data = make()
    file = io.BytesIO(data)
    file.seek(7)
    from lib.filetypes import check_document

    assert check_document(file, name) == kind
    assert file.tell() == 7


def test_files_that_are_no_document_and_claim_none_are_left_to_the_caller():
    assert _check(b"%PDF-1.7\n", "a.pdf") is None
    assert _check(b"\x89PNG\r\n\x1a\n....", "photo.png") is None
    assert _check(b"just text", "notes.txt") is None


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(100), "보도자료.hwp"),
        (b"MZ\x90\x00" + bytes(100), "사진.jpg"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "문의.docx"),
        (b"\xcf\xfa\xed\xfe" + bytes(100), "단가표.xlsx"),
    ],
)
def test_a_program_is_refused_whatever_its_name(data, name):
    refused = _refused(data, name)
    assert refused.code == "executable"
    assert refused.messages == ["실행 파일은 올릴 수 없습니다."]


MACRO = "매크로나 스크립트가 들어 있는 문서는 받지 않습니다. 매크로 없이 저장해 다시 올려 주세요."


@pytest.mark.parametrize(
    ("make", "name"),
    [
        # a .docm renamed .docx: the macro-enabled main part and its VBA project
        (
            lambda: documents.ooxml_bytes(
                "docx",
                main_type="application/vnd.ms-word.document.macroEnabled.main+xml",
                extra_parts={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"},
            ),
            "문의.docx",
        ),
        # a VBA project slipped into an ordinary-looking workbook
        (lambda: documents.ooxml_bytes("xlsx", extra_parts={"xl/vbaProject.bin": b"\x00" * 10}), "단가표.xlsx"),
        (
            lambda: documents.ooxml_bytes(
                "pptx", extra_types='<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            ),
            "발표.pptx",
        ),
        (lambda: documents.ooxml_bytes("docx", extra_parts={"word/activeX/activeX1.bin": b"\x00"}), "양식.docx"),
        (lambda: documents.hwp_bytes(properties=0x1 | 0x8), "스크립트.hwp"),  # FileHeader: scripts saved
    ],
)
def test_documents_with_macros_or_scripts_are_refused(make, name):
    refused = _refused(make(), name)
    assert (refused.code, refused.messages) == ("macro", [MACRO])


ENCRYPTED = "암호가 걸린 문서는 받지 않습니다. 암호를 풀고 저장해 다시 올려 주세요."


def _zip_with_encrypted_member():
    data = bytearray(documents.ooxml_bytes("docx"))
    # Set the "encrypted" flag of every entry (local headers and the central directory), as a zip tool
    # with a password does; the parts themselves are not readable without the password.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x1
            start += 4
    return bytes(data)


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (documents.encrypted_ooxml_bytes, "암호.docx"),  # what Office writes for a password-protected file
        (lambda: documents.hwp_bytes(properties=0x1 | 0x2), "암호.hwp"),  # FileHeader: password set
        (lambda: documents.hwp_bytes(properties=0x1 | 0x10), "DRM.hwp"),  # DRM
        (
            lambda: documents.hwpx_bytes(
                extra_parts={
                    "META-INF/manifest.xml": '<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                    '<odf:file-entry full-path="Contents/section0.xml"><odf:encryption-data checksum="x"/>'
                    "</odf:file-entry></odf:manifest>"
                }
            ),
            "암호.hwpx",
        ),
        (_zip_with_encrypted_member, "암호.docx"),
    ],
)
def test_encrypted_documents_are_refused(make, name):
    refused = _refused(make(), name)
    assert (refused.code, refused.messages) == ("encrypted", [ENCRYPTED])


def test_a_zip_bomb_is_refused_by_its_unpacked_size(monkeypatch):
    monkeypatch.setattr("lib.filetypes.DOCUMENT_MAX_UNPACKED", 1024 * 1024)
    data = documents.ooxml_bytes("docx", extra_parts={"word/media/zeros.bin": bytes(2 * 1024 * 1024)})
    assert len(data) < 10_000  # 2 MB of zeros packs to a few KB
    refused = _refused(data, "폭탄.docx")
    assert refused.code == "too_packed"
    assert refused.messages == ["압축을 풀면 1MB를 넘거나 파일이 2000개를 넘는 문서는 받지 않습니다."]


def test_a_zip_bomb_is_refused_by_its_member_count(monkeypatch):
    monkeypatch.setattr("lib.filetypes.DOCUMENT_MAX_MEMBERS", 50)
    parts = {f"word/media/image{i}.png": b"x" for i in range(60)}
    assert _refused(documents.ooxml_bytes("docx", extra_parts=parts), "많은.docx").code == "too_packed"


def test_the_real_limits_let_a_real_document_through():
    from lib.filetypes import DOCUMENT_MAX_MEMBERS, DOCUMENT_MAX_UNPACKED

    parts = {f"ppt/slides/slide{i}.xml": "<p:sld/>" * 100 for i in range(300)}
    assert _check(documents.ooxml_bytes("pptx", extra_parts=parts), "발표.pptx") == "pptx"
    assert DOCUMENT_MAX_MEMBERS >= 1000 and DOCUMENT_MAX_UNPACKED >= 100 * 1024 * 1024


@pytest.mark.parametrize(
    ("make", "name", "message"),
    [
        (
            documents.hwp_bytes,
            "보도자료.docx",
            "파일 이름의 확장자(.docx)가 파일 내용(한글 문서(HWP))과 맞지 않습니다.",
        ),
        (
            documents.hwpx_bytes,
            "보도자료.hwp",
            "파일 이름의 확장자(.hwp)가 파일 내용(한글 문서(HWPX))과 맞지 않습니다.",
        ),
        (
            lambda: documents.ooxml_bytes("xlsx"),
            "표.docx",
            "파일 이름의 확장자(.docx)가 파일 내용(엑셀 문서(XLSX))과 맞지 않습니다.",
        ),
        (
            lambda: documents.ooxml_bytes("docx"),
            "문서.pdf",
            "파일 이름의 확장자(.pdf)가 파일 내용(워드 문서(DOCX))과 맞지 않습니다.",
        ),
        (
            lambda: documents.ooxml_bytes("docx"),
            "문서",
            "파일 이름의 확장자(없음)가 파일 내용(워드 문서(DOCX))과 맞지 않습니다.",
        ),
        (lambda: b"%PDF-1.7\n", "보도자료.hwp", "확장자는 .hwp이지만 내용이 한글 문서(HWP)가 아닙니다."),
        (lambda: b"\x89PNG\r\n\x1a\n", "사진.docx", "확장자는 .docx이지만 내용이 워드 문서(DOCX)가 아닙니다."),
    ],
)
def test_the_extension_must_agree_with_the_content(make, name, message):
    assert _refused(make(), name).messages == [message]


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        # an old binary .doc (a compound file without the HWP FileHeader)
        (documents.compound_file({"WordDocument": bytes(600), "1Table": bytes(100)}), "옛문서.doc", "old_office"),
        (documents.compound_file({"FileHeader": b"not hwp".ljust(256, b"\0")}), "가짜.hwp", "old_office"),
        (documents.OLE_HEADER_ONLY, "잘린.hwp", "damaged"),
        (b"PK\x03\x04" + bytes(60), "잘린.docx", "damaged"),
        (documents.hwpx_bytes(mimetype=b"application/epub+zip"), "책.hwpx", "not_kind"),
        (documents.ooxml_bytes("docx", main_type="application/xml"), "틀린.docx", "not_kind"),
    ],
)
def test_damaged_and_other_containers_are_refused(data, name, code):
    assert _refused(data, name).code == code


def test_an_archive_behind_a_program_is_not_a_document():
    data = b"MZ" + bytes(200) + documents.ooxml_bytes("docx")  # a self-extracting archive
    assert _refused(data, "설치.docx").code == "executable"
    data = b"junk" + documents.ooxml_bytes("docx")  # zipfile would find it from the end; we do not
    assert _refused(data, "앞에.docx").code == "not_kind"
