"""Attachment checks: the content decides what a file is, never its name or the browser's claim.

Office documents (HWP, HWPX, DOCX, XLSX, PPTX) must also be named as what they are; lib.filetypes refuses
programs, documents with macros or a password, and zip bombs.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

from lib.filetypes import DOCUMENT_KINDS, check_document, is_pdf
from lib.images import validate_image

from .models import Attachment

IMAGE_TYPES = {
    "JPEG": (Attachment.Kind.JPEG, ".jpg"),
    "PNG": (Attachment.Kind.PNG, ".png"),
    "GIF": (Attachment.Kind.GIF, ".gif"),
    "WEBP": (Attachment.Kind.WEBP, ".webp"),
}
DOCUMENT_TYPES = {kind: (content_type, f".{kind}") for kind, (content_type, _) in DOCUMENT_KINDS.items()}
NOT_ALLOWED = "이미지(JPEG, PNG, GIF, WebP), PDF, 한글(HWP, HWPX), DOCX, XLSX, PPTX 파일만 올릴 수 있습니다."
# What the file inputs offer in the browser's picker (the server checks the content all the same).
ACCEPT = ",".join(
    ["image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf"]
    + [f".{kind}" for kind in DOCUMENT_KINDS]
    + [content_type for content_type, _ in DOCUMENT_KINDS.values()]
)


def _named(exc, name):
    return ValidationError("%(name)s: %(reason)s", code=exc.code, params={"name": name, "reason": exc.messages[0]})


def check_attachment(file):
    """Return (content type, extension) of an acceptable file, or raise a Korean ValidationError."""
    limit = settings.CONTACT_UPLOAD_MAX_BYTES
    name = file.name if len(file.name) <= 60 else file.name[:57] + "…"
    if file.size > limit:
        raise ValidationError(
            "%(name)s: 파일은 하나에 %(limit)dMB 이하만 올릴 수 있습니다.",
            code="too_large",
            params={"name": name, "limit": limit // (1024 * 1024)},
        )
    if file.size == 0:
        raise ValidationError("%(name)s: 빈 파일입니다.", code="empty", params={"name": name})
    try:
        document = check_document(file, file.name)
    except ValidationError as exc:
        raise _named(exc, name) from exc
    if document:
        return DOCUMENT_TYPES[document]
    if is_pdf(file):
        return Attachment.Kind.PDF, ".pdf"
    try:
        image_format = validate_image(file)
    except ValidationError as exc:
        if exc.code == "not_image":
            raise ValidationError("%(name)s: " + NOT_ALLOWED, code="not_allowed", params={"name": name}) from exc
        raise _named(exc, name) from exc
    return IMAGE_TYPES[image_format]
