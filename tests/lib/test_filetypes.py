import io

import pytest
from django.core.exceptions import ValidationError

from lib.filetypes import check_size, is_pdf, starts_with


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
