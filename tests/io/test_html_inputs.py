"""HTML article files: a page in a legacy charset is read in the charset it declares, and a page
without article text (only a title, menus, boilerplate) is refused like an empty page."""

import io

import pandas as pd
import pytest

from framing.cli import main
from framing.errors import InputError
from framing.io.articles import iter_articles, score_files
from framing.io.inputs import decode_bytes, read_text_file
from framing.text.html import declared_charset

AR_TITLE = "استئناف المحادثات في مسقط"
AR_BODY = ("<p>قال وزير الخارجية إن المحادثات مع الوفد الإيراني ستستأنف الأسبوع المقبل في مسقط، مؤكدا أن الأجواء إيجابية.</p>"
           "<p>وأضاف أن الجانبين اتفقا على مواصلة الحوار من أجل التوصل إلى تسوية شاملة للأزمة.</p>")
EN_TITLE = "Talks resume in Geneva"
EN_BODY = ("<p>The minister said on Monday that the talks in Genève would resume next week, calling the atmosphere "
           "“constructive”.</p><p>Both delegations agreed to continue the dialogue — a step the mediators welcomed.</p>")
NAV = '<nav><a href="/">Home</a> <a href="/world">World</a></nav><footer>Copyright 2024 Example News</footer>'
AR_NAV = '<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a></nav><footer>جميع الحقوق محفوظة</footer>'


def page(title, body, head=""):
    return f"<!doctype html><html><head>{head}<title>{title}</title></head><body><article>{body}</article></body></html>"


def write(path, data):
    path.write_bytes(data)
    return str(path)


def article(path):
    (where, fields), = list(iter_articles([path]))
    return fields


@pytest.mark.parametrize("name, head, codec", [
    ("meta.html", '<meta charset="windows-1256">', "cp1256"),
    ("equiv.htm", '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=windows-1256">', "cp1256"),
    ("reversed.html", "<meta content='text/html; charset=WINDOWS-1256' http-equiv='content-type' />", "cp1256"),
    ("iso.html", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-6">', "iso-8859-6"),
])
def test_arabic_page_in_a_declared_legacy_charset_is_read(tmp_path, name, head, codec):
    body = AR_BODY.replace("،", ",") if codec == "iso-8859-6" else AR_BODY  # ISO-8859-6 has the comma only
    fields = article(write(tmp_path / name, page(AR_TITLE, body, head).encode(codec)))
    assert fields["title"] == AR_TITLE
    assert fields["text"].startswith("قال وزير الخارجية") and "تسوية شاملة" in fields["text"]


@pytest.mark.parametrize("head", ['<meta charset="iso-8859-1">', '<meta charset=windows-1252>',
                                  '<meta http-equiv="content-type" content="text/html;charset=ISO-8859-1">'])
def test_english_page_in_latin1_or_windows1252_is_read(tmp_path, head):
    # a page declaring ISO-8859-1 is read as Windows-1252, as browsers do: its quotes and dashes survive
    fields = article(write(tmp_path / "old.html", page(EN_TITLE, EN_BODY, head).encode("cp1252")))
    assert fields["title"] == EN_TITLE
    assert "Genève" in fields["text"] and "“constructive”" in fields["text"] and "dialogue — a step" in fields["text"]


def test_xml_declaration_gives_the_charset_and_html_content_counts_in_a_txt_file(tmp_path):
    xhtml = '<?xml version="1.0" encoding="windows-1252"?>\n' + page(EN_TITLE, EN_BODY)
    assert "Genève" in article(write(tmp_path / "x.html", xhtml.encode("cp1252")))["text"]
    saved = write(tmp_path / "saved.txt", page(AR_TITLE, AR_BODY, '<meta charset="windows-1256">').encode("cp1256"))
    assert article(saved)["title"] == AR_TITLE


def test_utf8_pages_are_read_as_utf8_whatever_they_declare(tmp_path):
    html = page(AR_TITLE, AR_BODY, '<meta charset="windows-1256">')
    for data in (html.encode("utf-8"), b"\xef\xbb\xbf" + html.encode("utf-8")):
        assert read_text_file(write(tmp_path / "u.html", data), html=True) == html
    # a UTF-8 BOM wins over the tag: bad bytes after it are the plain not-UTF-8 error, at their real offset
    data = b"\xef\xbb\xbf" + html.encode("cp1256")
    first = next(i for i, b in enumerate(data) if i >= 3 and b >= 0x80)
    with pytest.raises(InputError, match=f"not valid UTF-8 \\(byte 0x{data[first]:02x} at offset {first}\\)"):
        read_text_file(write(tmp_path / "bom.html", data), html=True)


@pytest.mark.parametrize("head, message", [
    ('<meta charset="x-klingon">', r"declared charset 'x-klingon' is not a text encoding Python knows"),
    ('<meta charset="base64">', r"declared charset 'base64' is not a text encoding Python knows"),
    ('<meta charset="cp037">', r"declared charset 'cp037' is not a web page encoding"),
    ('<meta charset="utf-8">', r"not valid UTF-8 \(byte 0x"),
    ("", r"not valid UTF-8 \(byte 0x.*iconv -f WINDOWS-1256"),
])
def test_unknown_or_wrong_charsets_are_one_line_errors_naming_them(tmp_path, head, message):
    path = write(tmp_path / "bad.html", page(AR_TITLE, AR_BODY, head).encode("cp1256"))
    with pytest.raises(InputError, match=message) as caught:
        list(iter_articles([path]))
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)


def test_bytes_not_in_the_declared_charset_are_an_error_naming_it(tmp_path):
    data = page(EN_TITLE, EN_BODY, '<meta charset="windows-1252">').encode("cp1252").replace(b"Monday", b"Mon\x81day")
    with pytest.raises(InputError, match=r"not valid in its declared charset 'windows-1252' \(byte 0x81 at offset \d+\)"):
        read_text_file(write(tmp_path / "odd.html", data), html=True)


def test_plain_text_and_binary_files_are_refused_as_before(tmp_path):
    text = '<meta charset="windows-1256"> قال الوزير إن المحادثات ستستأنف.'.encode("cp1256")
    with pytest.raises(InputError, match="not valid UTF-8.*iconv -f WINDOWS-1256"):
        list(iter_articles([write(tmp_path / "note.txt", text)]))
    html = page(AR_TITLE, AR_BODY, '<meta charset="windows-1256">').encode("cp1256")
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode_bytes(html, "corpus.csv")  # corpora and plain text: UTF-8 only
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_text_file(write(tmp_path / "page.txt", html))  # html=False: the default
    with pytest.raises(InputError, match="binary"):
        read_text_file(write(tmp_path / "image.html", b"\x89PNG\r\n\x1a\n\x00\x00" + html), html=True)
    with pytest.raises(InputError, match="at most"):
        read_text_file(write(tmp_path / "big.html", html * 20), max_bytes=len(html) * 10, html=True)


@pytest.mark.parametrize("data, expected", [
    (b'<html><head><meta charset="windows-1256">', "windows-1256"),
    (b"<meta charset='ISO-8859-1'/>", "ISO-8859-1"),
    (b"<meta charset=cp1256/>", "cp1256"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">', "windows-1256"),
    (b'<?xml version="1.0" encoding="windows-1252"?><html>', "windows-1252"),
    (b'<!-- <meta charset="koi8-r"> --><meta charset="windows-1256">', "windows-1256"),
    (b'<meta name="description" content="charset=koi8-r"><p>', None),
    (b'<meta http-equiv="refresh" content="5"><html><body>', None),
    (b" " * 9000 + b'<meta charset="windows-1256">', None),  # only the first 8 KB count
])
def test_declared_charset(data, expected):
    assert declared_charset(data) == expected


@pytest.mark.parametrize("name, html", [
    ("title_en.html", page(EN_TITLE, "")),
    ("nav_en.html", page(EN_TITLE, NAV)),
    ("headline_en.htm", page(EN_TITLE, f"<h1>{EN_TITLE}</h1>{NAV}")),
    ("nav_ar.html", page(AR_TITLE, AR_NAV, '<meta charset="utf-8">')),
    ("headline_ar.html", page(AR_TITLE, f"<h1>{AR_TITLE}.</h1>{AR_NAV}", '<meta charset="utf-8">')),
])
def test_page_without_article_text_is_refused(tmp_path, small_scorer, name, html):
    path = write(tmp_path / name, html.encode("utf-8"))
    with pytest.raises(InputError, match=f"^{path}: no article text found in the HTML page"):
        list(score_files(small_scorer, [path]))
    skipped = []
    assert list(score_files(small_scorer, [path], skip_errors=True, on_skip=lambda *a: skipped.append(a))) == []
    assert len(skipped) == 1 and skipped[0][0] == path and skipped[0][1].startswith("no article text found")


def test_cli_skips_pages_without_article_text_and_scores_legacy_charsets(tmp_path, capsys, small_model_path):
    empty_en = write(tmp_path / "empty_en.html", page(EN_TITLE, NAV).encode("utf-8"))
    empty_ar = write(tmp_path / "empty_ar.html", page(AR_TITLE, AR_NAV, '<meta charset="windows-1256">').encode("cp1256"))
    legacy_ar = write(tmp_path / "legacy_ar.html", page(AR_TITLE, AR_BODY + AR_NAV, '<meta charset="windows-1256">')
                      .encode("cp1256"))
    legacy_en = write(tmp_path / "legacy_en.html", page(EN_TITLE, EN_BODY + NAV, '<meta charset="iso-8859-1">')
                      .encode("cp1252"))
    code = main(["score", empty_en, "--model", str(small_model_path), "--format", "csv"])
    err = capsys.readouterr().err
    assert code == 1 and f"{empty_en}: no article text found in the HTML page" in err and err.count("\n") == 1
    code = main(["score", empty_en, empty_ar, legacy_ar, legacy_en, "--model", str(small_model_path), "--format", "csv",
                 "--skip-errors"])
    out, err = capsys.readouterr()
    assert code == 0
    assert f"{empty_en}: skipped: no article text found" in err and f"{empty_ar}: skipped: no article text found" in err
    rows = pd.read_csv(io.StringIO(out))
    assert set(rows["article_id"]) == {"legacy_ar", "legacy_en"}
    assert set(rows.loc[rows["article_id"] == "legacy_ar", "title"]) == {AR_TITLE}
    assert rows["text"].str.contains("تسوية شاملة").any() and rows["text"].str.contains("Genève").any()


def test_page_with_article_text_is_kept(tmp_path):
    fields = article(write(tmp_path / "ok.html", page(EN_TITLE, f"<h1>{EN_TITLE}</h1>" + EN_BODY + NAV).encode("utf-8")))
    assert fields["title"] == EN_TITLE and "talks in Genève" in fields["text"]
