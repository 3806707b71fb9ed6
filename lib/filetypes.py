"""What a file is, read from its first bytes (never its name or the browser's claim); images: lib.images."""

from typing import IO

PDF_MAGIC = b"%PDF-"


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
