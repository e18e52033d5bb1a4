"""API edge cases of issue 12: batch atomicity, ids with '/', UTC date ranges, oversized bodies
over a real socket, read-only export, strict booleans."""

import json
import shutil
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request

import pytest
from fastapi.testclient import TestClient

from framing.api.app import create_app
from framing.api.store import SCHEMA_VERSION, ArticleStore
from conftest import ROOT

EN = (ROOT / "framing" / "data" / "samples" / "summit_en.txt").read_text("utf-8")
SHORT = "The Kremlin said preparations for an official visit are under way."


@pytest.fixture()
def client(small_model, tmp_path):
    with TestClient(create_app(model=small_model, db_path=str(tmp_path / "store.sqlite"))) as c:
        yield c


def test_rejected_batch_stores_nothing(client):
    r = client.post("/v1/score/batch", json={"articles": [
        {"text": EN, "id": "good-1", "store": True},
        {"text": SHORT, "id": "good-2", "store": True},
        {"text": "   ", "id": "bad", "store": True},
    ]})
    assert r.status_code == 422 and r.json()["error"].startswith("articles.2:")
    assert client.get("/v1/articles").json()["total"] == 0
    assert client.get("/v1/articles/good-1").status_code == 404
    ok = client.post("/v1/score/batch", json={"articles": [{"text": SHORT, "id": "b-1", "store": True},
                                                           {"text": SHORT, "id": "b-2"}]})
    assert ok.status_code == 200 and [a["stored"] for a in ok.json()["articles"]] == [True, False]
    assert client.get("/v1/articles").json()["total"] == 1


def test_batch_store_failure_rolls_back_every_article(tmp_path):
    store = ArticleStore(tmp_path / "s.sqlite")
    row = {"id": "a", "url": None, "outlet": None, "date": None, "title": None, "lang": "en", "sentences": []}
    with pytest.raises(KeyError):
        store.upsert_many([(row, "one"), ({"id": "b"}, "two")])  # the second has no lang: fails mid-transaction
    assert store.count() == 0


@pytest.mark.parametrize("article_id", ["a/b", "outlet/2024/10/03/story"])
def test_ids_with_slashes_read_back(client, article_id):
    from urllib.parse import quote

    assert client.post("/v1/score", json={"text": SHORT, "id": article_id, "store": True}).json()["stored"]
    for path in (quote(article_id, safe=""), quote(article_id, safe="/")):
        r = client.get(f"/v1/articles/{path}")
        assert r.status_code == 200, (path, r.text)
        assert r.json()["id"] == article_id
    assert client.get("/v1/articles/" + quote("a/missing", safe="")).status_code == 404


def test_ids_with_slashes_and_percent_over_a_real_socket(live_server):
    from urllib.parse import quote

    for article_id in ("a/b", "x%2Fy", "c d/é"):
        body = json.dumps({"text": SHORT, "id": article_id, "store": True}).encode()
        urllib.request.urlopen(urllib.request.Request(live_server + "/v1/score", data=body,
                                                      headers={"content-type": "application/json"}), timeout=30).read()
        with urllib.request.urlopen(f"{live_server}/v1/articles/{quote(article_id, safe='')}", timeout=30) as r:
            assert json.loads(r.read())["id"] == article_id


def _store_dated(client):
    dates = {"morning": "2024-10-03T08:30:00Z", "ny-evening": "2024-10-03T23:30:00-05:00",  # = 10-04 04:30 UTC
             "bare": "2024-10-02", "tokyo": "2024-10-04T01:00:00+09:00"}  # = 10-03 16:00 UTC
    for article_id, date in dates.items():
        assert client.post("/v1/score", json={"text": SHORT, "id": article_id, "date": date, "store": True}).status_code == 200


def _ids(client, **params):
    body = client.get("/v1/articles", params=params).json()
    assert body["total"] == len(body["articles"])
    return {a["id"] for a in body["articles"]}


def test_date_ranges_are_utc_and_bare_dates_cover_the_day(client):
    _store_dated(client)
    assert _ids(client, until="2024-10-03") == {"morning", "bare", "tokyo"}
    assert _ids(client, since="2024-10-03", until="2024-10-03") == {"morning", "tokyo"}
    assert _ids(client, since="2024-10-04") == {"ny-evening"}
    assert _ids(client, since="2024-10-03T09:00:00+01:00") == {"morning", "ny-evening", "tokyo"}  # 08:00 UTC
    assert _ids(client, until="2024-10-03T08:30:00Z") == {"morning", "bare"}  # a date-time bound is inclusive
    assert _ids(client, since="2024-10-03T08:30:00.000001Z", until="2024-10-04T04:30:00Z") == {"ny-evening", "tokyo"}
    newest_first = [a["id"] for a in client.get("/v1/articles").json()["articles"]]
    assert newest_first == ["ny-evening", "tokyo", "morning", "bare"]
    rows = client.get("/v1/compare", params={"until": "2024-10-03"}).json()["rows"]
    assert rows and all(r["articles"] == 3 for r in rows)


V1_SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT UNIQUE, outlet TEXT, date TEXT, title TEXT,
    lang TEXT NOT NULL, text TEXT NOT NULL, result TEXT NOT NULL, model TEXT,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX articles_outlet_date ON articles (outlet, date);
CREATE INDEX articles_date ON articles (date);
PRAGMA user_version = 1;
"""


def _v1_store(path, dates):
    db = sqlite3.connect(path)
    db.executescript(V1_SCHEMA)
    for article_id, date in dates.items():
        result = {"id": article_id, "url": None, "outlet": "X", "date": date, "title": None, "lang": "en",
                  "n_sentences": 0, "frames": {}, "sentences": []}
        db.execute("INSERT INTO articles VALUES (?, NULL, 'X', ?, NULL, 'en', 't', ?, NULL, 'c', 'u')",
                   (article_id, date, json.dumps(result)))
    db.commit()
    db.close()


def test_v1_store_is_migrated_to_utc_keys(tmp_path):
    path = tmp_path / "old.sqlite"
    _v1_store(path, {"morning": "2024-10-03T08:30:00+00:00", "ny-evening": "2024-10-03T23:30:00-05:00",
                     "bare": "2024-10-03", "none": None})
    store = ArticleStore(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert {a["id"] for a in store.list(until="2024-10-03")[1]} == {"morning", "bare"}
    assert {a["id"] for a in store.list(since="2024-10-04")[1]} == {"ny-evening"}
    assert store.count() == 4


def test_readonly_export_of_a_v1_store_filters_without_migrating(tmp_path):
    path = tmp_path / "old.sqlite"
    _v1_store(path, {"morning": "2024-10-03T08:30:00+00:00", "ny-evening": "2024-10-03T23:30:00-05:00"})
    store = ArticleStore(path, readonly=True)
    assert [r["id"] for r in store.iter_results(until="2024-10-03")] == ["morning"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1


def _make_readonly(path):
    """Make a file or folder unwritable, even for root (chattr +i) where the file system allows."""
    if shutil.which("chattr") and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0:
        return lambda: subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    return lambda: path.chmod(mode)


def test_export_reads_a_readonly_store(tmp_path, small_scorer, capsys):
    import os

    from framing.cli import main

    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.sqlite"
    store = ArticleStore(db)
    scored = small_scorer.score_article(SHORT, id="a1", outlet="A", date="2024-05-01")
    store.upsert(scored.to_dict(), SHORT)
    del store
    import gc

    gc.collect()  # close the writer's connection (WAL files checkpointed and removed)
    before = db.read_bytes()
    undo = [_make_readonly(db), _make_readonly(folder)]
    try:
        if os.access(folder, os.W_OK) and os.geteuid() != 0:
            pytest.skip("cannot make a folder read-only here")
        code = main(["export", "--db", str(db), "--format", "jsonl", "--until", "2024-05-01", "-o", str(tmp_path / "out.jsonl")])
        err = capsys.readouterr().err
        assert code == 0, err
        assert "exported 1 sentences from 1 articles" in err
        assert db.read_bytes() == before
    finally:
        for u in reversed(undo):
            u()
    assert [json.loads(line)["article_id"] for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()] == ["a1"]


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "false", None])
def test_store_flag_is_a_strict_boolean(client, value):
    r = client.post("/v1/score", json={"text": SHORT, "id": "s", "store": value})
    assert r.status_code == 422 and "store" in r.json()["error"]
    assert client.get("/v1/articles").json()["total"] == 0


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def live_server(small_model, tmp_path):
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(model=small_model, db_path=str(tmp_path / "s.sqlite")),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.mark.parametrize("size_mb", [3, 8])
def test_urllib_reads_the_413_of_an_oversized_body(live_server, size_mb):
    body = b'{"text": "' + b"a" * (size_mb * 1024 * 1024) + b'"}'
    request = urllib.request.Request(live_server + "/v1/score", data=body, headers={"content-type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 413
    assert json.loads(info.value.read()) == {"error": "request body is over the 2 MB limit", "status": 413}
    # the server still answers on a new connection
    with urllib.request.urlopen(live_server + "/v1/health", timeout=10) as ok:
        assert json.loads(ok.read())["status"] == "ok"


def test_chunked_oversized_body_gets_json_413(live_server):
    import http.client
    from urllib.parse import urlsplit

    url = urlsplit(live_server)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    chunks = (b"x" * 65536 for _ in range(48))  # 3 MB without a content-length
    conn.request("POST", "/v1/score", body=chunks, headers={"content-type": "application/json"}, encode_chunked=True)
    response = conn.getresponse()
    assert response.status == 413 and json.loads(response.read())["status"] == 413
    conn.request("GET", "/v1/health")  # same connection: the body was drained, keep-alive holds
    assert conn.getresponse().status == 200


def test_internal_errors_are_json_500(small_model, tmp_path):
    from framing.scoring import Scorer

    class Broken:
        columns = ["broken"]

        def __call__(self, sentences):
            raise RuntimeError("annotator bug")

    app = create_app(model=Scorer(small_model, annotators=[Broken()]), db_path=str(tmp_path / "s.sqlite"))
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/v1/score", json={"text": SHORT})
    assert r.status_code == 500
    assert r.json() == {"error": "internal error (RuntimeError); see the server log", "status": 500}


def test_expect_100_continue_gets_the_413_without_sending_the_body(live_server):
    from urllib.parse import urlsplit

    url = urlsplit(live_server)
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall(b"POST /v1/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 3145728\r\nExpect: 100-continue\r\n\r\n")
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b"100 Continue" not in answer
    assert json.loads(answer.split(b"\r\n\r\n", 1)[1])["status"] == 413


def test_two_openers_of_a_v1_store_migrate_it_once(tmp_path):
    path = tmp_path / "old.sqlite"
    _v1_store(path, {"a": "2024-10-03"})
    errors = []

    def open_store():
        try:
            ArticleStore(path)
        except Exception as exc:  # pragma: no cover - what the test looks for
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {a["id"] for a in ArticleStore(path).list(until="2024-10-03")[1]} == {"a"}


def test_serve_on_a_port_in_use_is_one_line_and_creates_no_store(tmp_path, capsys):
    import socket

    from framing.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        db = tmp_path / "store.sqlite"
        assert main(["serve", "--port", str(port), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("framing: error: cannot serve on 127.0.0.1:") and "--port" in err
    assert not db.exists()
