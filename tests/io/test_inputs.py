import pytest

from framing.errors import InputError
from framing.io.inputs import iter_lines, read_text_file
from framing.scoring import check_text


def test_check_text():
    assert check_text("ok") == "ok"
    for bad in ("", "  \n\t", None, b"bytes", "a\x00b"):
        with pytest.raises(InputError):
            check_text(bad)


def test_read_text_file_errors(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_text_file(tmp_path / "bin.txt")
    (tmp_path / "cp1256.txt").write_bytes("قال الوزير".encode("cp1256"))
    with pytest.raises(InputError, match="not valid UTF-8.*iconv"):
        read_text_file(tmp_path / "cp1256.txt")
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 // 5 + 10))
    with pytest.raises(InputError, match="at most 1.0 MB"):
        read_text_file(big, max_bytes=1024 * 1024)
    with pytest.raises(InputError, match="no such file"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="directory"):
        read_text_file(tmp_path)


def test_read_text_file_accepts_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffمرحبا".encode("utf-8"))
    assert read_text_file(tmp_path / "bom.txt") == "مرحبا"


def test_iter_lines_keeps_blank_lines_and_reports_line_numbers(tmp_path):
    path = tmp_path / "lines.txt"
    path.write_bytes("one\n\nثلاثة\r\n".encode("utf-8") + b"\xff bad\n")
    lines = iter_lines(str(path))
    assert next(lines) == (1, "one")
    assert next(lines) == (2, "")
    assert next(lines) == (3, "ثلاثة")
    with pytest.raises(InputError, match=r"lines.txt:4: not valid UTF-8"):
        next(lines)


def test_iter_lines_refuses_huge_lines(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("x" * 200 + "\n", "utf-8")
    with pytest.raises(InputError, match="long.txt:1: line is 200 characters"):
        list(iter_lines(str(path), max_chars=100))


@pytest.mark.parametrize("text, codec, suggested", [
    ("قال المتحدث إن المحادثات مستمرة في العاصمة", "cp1256", "WINDOWS-1256"),
    ("Le ministre a déclaré à Genève que les négociations continuent", "latin-1", "WINDOWS-1252"),
])
def test_not_utf8_suggests_the_likely_legacy_encoding(text, codec, suggested):
    from framing.io.inputs import decode_bytes

    with pytest.raises(InputError, match=f"iconv -f {suggested} -t UTF-8"):
        decode_bytes(text.encode(codec), "old.txt")
