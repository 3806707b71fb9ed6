import io

from lib.filetypes import is_pdf, starts_with


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
