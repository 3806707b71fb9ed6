"""What a file is, read from its first bytes (never its name or the browser's claim); images: lib.images."""

from typing import IO

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
