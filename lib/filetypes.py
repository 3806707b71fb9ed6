"""What a file is, read from its content (never the browser's claim); images: lib.images.

An office document must also carry the extension of what it is (check_document): a file is only ever
opened by staff as what its content is.
"""

import re
import zipfile
from pathlib import PurePath
from typing import IO

import olefile
from django.core.exceptions import ValidationError

PDF_MAGIC = b"%PDF-"


def check_size(file: object, limit: int, kind: str) -> None:
    """Refuse a file larger than `limit` bytes, naming its `kind` ("PDF", "이미지") in the message."""
    size = getattr(file, "size", None)
    if size is not None and size > limit:
        raise ValidationError(
            f"{kind} 파일은 %(limit)dMB 이하만 올릴 수 있습니다.",
            code="too_large",
            params={"limit": limit // (1024 * 1024)},
        )


def starts_with(file: IO[bytes], magic: bytes) -> bool:
    """Whether `file` begins with `magic`; the read position is left where it was."""
    position = file.tell()
    file.seek(0)
    head = file.read(len(magic))
    file.seek(position)
    return head == magic


def is_pdf(file: IO[bytes]) -> bool:
    """Whether `file` is a PDF by its content (it starts with %PDF-)."""
    return starts_with(file, PDF_MAGIC)


# --- Office documents (기사제보, 광고신청): HWP, HWPX, DOCX, XLSX, PPTX -------------------------------------

EXECUTABLE_MAGICS = (
    b"MZ",  # Windows .exe/.dll/.scr
    b"\x7fELF",  # Linux
    b"\xfe\xed\xfa\xce",  # Mach-O, 32 and 64 bit, both byte orders
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"  # a local file header at offset 0: nothing (an .exe) may sit before the archive

# What a document may unpack to: real press releases and price lists stay far below both.
DOCUMENT_MAX_MEMBERS = 2000
DOCUMENT_MAX_UNPACKED = 200 * 1024 * 1024
PART_MAX_BYTES = 1024 * 1024  # the small parts read to tell the kind ([Content_Types].xml, mimetype, manifest)

# kind (also the one extension it must carry) -> (content type, name in messages)
DOCUMENT_KINDS: dict[str, tuple[str, str]] = {
    "hwp": ("application/x-hwp", "한글 문서(HWP)"),
    "hwpx": ("application/hwp+zip", "한글 문서(HWPX)"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "워드 문서(DOCX)"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "엑셀 문서(XLSX)"),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "파워포인트 문서(PPTX)"),
}
# OOXML kinds: the main part and its content type in [Content_Types].xml.
OOXML_MAIN_PARTS = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}
HWP_SIGNATURE = b"HWP Document File"
# FileHeader properties (HWP 5.0 format, 3.2): bit 1 password, 3 scripts saved, 4 DRM, 8 certificate
# encryption, 10 certificate DRM.
HWP_ENCRYPTED_BITS = (1 << 1) | (1 << 4) | (1 << 8) | (1 << 10)
HWP_SCRIPT_BIT = 1 << 3
CONTENT_TYPE_RE = re.compile(rb"""ContentType\s*=\s*["']([^"']+)["']""")

MESSAGES = {
    "executable": "실행 파일은 올릴 수 없습니다.",
    "macro": "매크로나 스크립트가 들어 있는 문서는 받지 않습니다. 매크로 없이 저장해 다시 올려 주세요.",
    "encrypted": "암호가 걸린 문서는 받지 않습니다. 암호를 풀고 저장해 다시 올려 주세요.",
    "too_packed": "압축을 풀면 %(limit)dMB를 넘거나 파일이 %(members)d개를 넘는 문서는 받지 않습니다.",
    "damaged": "문서가 손상되어 열 수 없습니다.",
    "old_office": "이 형식은 받지 않습니다. 한글(HWP, HWPX)이나 DOCX, XLSX, PPTX로 저장해 올려 주세요.",
    "extension": "파일 이름의 확장자(%(extension)s)가 파일 내용(%(kind)s)과 맞지 않습니다.",
    "not_kind": "확장자는 %(extension)s이지만 내용이 %(kind)s가 아닙니다.",
}


def _refuse(code: str, **params: object) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code, params=params or None)


def refuse_executable(file: IO[bytes]) -> None:
    """Refuse a program, whatever it is named (a "보도자료.hwp" that starts with MZ)."""
    if any(starts_with(file, magic) for magic in EXECUTABLE_MAGICS):
        raise _refuse("executable")


def extension_of(name: str) -> str:
    """The last extension of an uploaded name, lower case with its dot ("" when there is none)."""
    return PurePath(name).suffix.lower()


def check_document(file: IO[bytes], name: str) -> str | None:
    """The kind ("hwp", "hwpx", "docx", "xlsx", "pptx") of an acceptable office document, or None when the
    content is no document and the name claims none (an image, a PDF: the caller checks those).

    Raises ValidationError (codes: executable, macro, encrypted, too_packed, damaged, old_office, extension)
    for a program, a document with macros or scripts, an encrypted one, a zip bomb, an OLE or zip file of
    another kind, and a document whose extension disagrees with its content (either way round)."""
    refuse_executable(file)
    extension = extension_of(name)
    position = file.tell()
    kind: str | None
    try:
        if starts_with(file, OLE_MAGIC):
            kind = _ole_kind(file)
        elif starts_with(file, ZIP_MAGIC):
            kind = _zip_kind(file)
        else:
            kind = None
    finally:
        file.seek(position)
    if kind is None and extension.lstrip(".") not in DOCUMENT_KINDS:
        return None
    if kind is None:
        raise _refuse("not_kind", extension=extension, kind=DOCUMENT_KINDS[extension.lstrip(".")][1])
    if extension != f".{kind}":
        raise _refuse("extension", extension=extension or "없음", kind=DOCUMENT_KINDS[kind][1])
    return kind


def _ole_kind(file: IO[bytes]) -> str:
    """HWP 5 (a compound file with the FileHeader stream); encrypted OOXML and old .doc/.xls/.ppt refused."""
    try:
        with olefile.OleFileIO(file, raise_defects=olefile.DEFECT_INCORRECT) as ole:
            if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
                raise _refuse("encrypted")  # a password-protected .docx/.xlsx/.pptx (MS-OFFCRYPTO)
            if not ole.exists("FileHeader"):
                raise _refuse("old_office")
            header = ole.openstream("FileHeader").read(256)
    except ValidationError:
        raise
    except Exception as exc:  # olefile raises OSError for bad files; a crafted one may raise anything
        raise _refuse("damaged") from exc
    if len(header) < 40 or not header.startswith(HWP_SIGNATURE):
        raise _refuse("old_office")
    properties = int.from_bytes(header[36:40], "little")
    if properties & HWP_ENCRYPTED_BITS:
        raise _refuse("encrypted")
    if properties & HWP_SCRIPT_BIT:
        raise _refuse("macro")
    return "hwp"


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        data = part.read(PART_MAX_BYTES + 1)
    if len(data) > PART_MAX_BYTES:
        raise _refuse("damaged")
    return data


def _zip_kind(file: IO[bytes]) -> str | None:
    """HWPX or DOCX/XLSX/PPTX by their parts; None for any other zip (the caller names the allowed types)."""
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = [member.filename for member in members]
            if len(members) > DOCUMENT_MAX_MEMBERS or sum(m.file_size for m in members) > DOCUMENT_MAX_UNPACKED:
                raise _refuse("too_packed", limit=DOCUMENT_MAX_UNPACKED // (1024 * 1024), members=DOCUMENT_MAX_MEMBERS)
            if len(set(names)) != len(names):
                raise _refuse("damaged")  # two parts of one name: readers disagree on which counts
            if any(member.flag_bits & 0x1 for member in members):
                raise _refuse("encrypted")
            present = set(names)
            if "mimetype" in present and _read_part(archive, "mimetype").strip() == b"application/hwp+zip":
                if not any(name.startswith("Contents/") for name in names):
                    raise _refuse("damaged")
                manifest = "META-INF/manifest.xml"
                if manifest in present and b"encryption-data" in _read_part(archive, manifest):
                    raise _refuse("encrypted")
                return "hwpx"
            if "[Content_Types].xml" not in present:
                return None
            content_types = {
                value.decode("ascii", "replace").lower()
                for value in CONTENT_TYPE_RE.findall(_read_part(archive, "[Content_Types].xml"))
            }
            lowered = [name.lower() for name in names]
            if any("macroenabled" in value or "vbaproject" in value for value in content_types) or any(
                name.endswith(("vbaproject.bin", "vbadata.xml")) or "/activex/" in name for name in lowered
            ):
                raise _refuse("macro")
            for kind, (main_part, main_type) in OOXML_MAIN_PARTS.items():
                if main_part in present and main_type in content_types:
                    return kind
            return None
    except ValidationError:
        raise
    except Exception as exc:  # BadZipFile, zlib.error, EOFError, NotImplementedError (a method we lack) ...
        raise _refuse("damaged") from exc
