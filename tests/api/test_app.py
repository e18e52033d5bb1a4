import pytest
from fastapi.testclient import TestClient

from framing.api.app import create_app
from framing.api.schemas import MAX_BATCH
from conftest import ROOT

SAMPLES = ROOT / "framing" / "data" / "samples"
EN = (SAMPLES / "summit_en.txt").read_text("utf-8")
AR = (SAMPLES / "summit_ar.txt").read_text("utf-8")


@pytest.fixture()
def client(small_model, tmp_path):
    with TestClient(create_app(model=small_model, db_path=str(tmp_path / "store.sqlite"))) as c:
        yield c


def test_score_text_returns_sentences_and_article_shares(client):
    r = client.post("/v1/score", json={"text": EN, "outlet": "Wire", "date": "2024-10-03", "id": "en-1"})
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "en-1" and body["lang"] == "en" and body["stored"] is False
    assert body["n_sentences"] == len(body["sentences"]) > 10
    assert set(body["frames"]) == {"threat", "diplomacy", "skepticism"}
    sentence = body["sentences"][0]
    assert set(sentence) == {"index", "kind", "text", "lang", "start", "end", "labels", "scores", "cues", "tone",
                            "tone_scores", "source", "cue", "quote_type", "source_resolved", "source_type", "actors"}
    assert 0 <= sentence["scores"]["threat"] <= 1
    assert sentence["tone"] in ("negative", "neutral", "positive")
    assert abs(sum(sentence["tone_scores"].values()) - 1) < 1e-3
    assert set(body["tone"]) == {"negative", "neutral", "positive"}


def test_score_html_extracts_body_and_title(client):
    html = (SAMPLES / "summit_en.html").read_text("utf-8")
    body = client.post("/v1/score", json={"html": html}).json()
    assert body["title"].startswith("Kremlin readies")
    assert body["sentences"][0]["kind"] == "title"
    assert not any("cookie" in s["text"].lower() for s in body["sentences"])


def test_store_is_idempotent_by_id_and_url(client):
    assert client.post("/v1/score", json={"text": AR, "id": "ar-1", "outlet": "Ufuq", "date": "2024-10-02", "store": True}).json()["stored"]
    client.post("/v1/score", json={"text": AR + "\nوانتهى المؤتمر.", "id": "ar-1", "outlet": "Ufuq", "store": True})
    assert client.get("/v1/articles").json()["total"] == 1
    assert client.get("/v1/articles/ar-1").json()["sentences"][-1]["text"] == "وانتهى المؤتمر."
    first = client.post("/v1/score", json={"text": EN, "url": "https://example.org/a", "store": True}).json()
    again = client.post("/v1/score", json={"text": EN + "\nMore news.", "url": "https://example.org/a", "id": "x-9", "store": True}).json()
    assert again["id"] == first["id"]  # same page: updated, not duplicated
    assert client.get("/v1/articles").json()["total"] == 2


def test_list_filters_and_pages(client):
    for i, (outlet, date) in enumerate([("A", "2024-01-05"), ("A", "2024-02-05"), ("B", "2024-03-05")]):
        client.post("/v1/score", json={"text": EN, "id": f"a{i}", "outlet": outlet, "date": date, "store": True})
    assert client.get("/v1/articles", params={"outlet": "A"}).json()["total"] == 2
    page = client.get("/v1/articles", params={"since": "2024-02-01", "limit": 1}).json()
    assert page["total"] == 2 and [a["id"] for a in page["articles"]] == ["a2"]
    assert client.get("/v1/articles", params={"since": "2024-02-01", "limit": 1, "offset": 1}).json()["articles"][0]["id"] == "a1"
    rows = client.get("/v1/compare", params={"by": "outlet"}).json()["rows"]
    assert {(r["group"], r["frame"]) for r in rows} == {(g, f) for g in "AB" for f in ("threat", "diplomacy", "skepticism")}
    assert all(0 <= r["mean_share"] <= 1 and 0 <= r["share_of_articles"] <= 1 for r in rows)
    assert next(r for r in rows if r["group"] == "A")["articles"] == 2


def test_batch(client):
    body = client.post("/v1/score/batch", json={"articles": [{"text": EN, "id": "1"}, {"text": AR, "id": "2"}]}).json()
    assert [a["lang"] for a in body["articles"]] == ["en", "ar"]
    r = client.post("/v1/score/batch", json={"articles": [{"text": "Talks resumed."}] * (MAX_BATCH + 1)})
    assert r.status_code == 413 and "limit is 50" in r.json()["error"]
    r = client.post("/v1/score/batch", json={"articles": [{"text": EN}, {"text": "   "}]})
    assert r.status_code == 422 and r.json()["error"].startswith("articles.1:")


@pytest.mark.parametrize("payload, status, message", [
    (b'{"text": "unterminated', 400, "malformed JSON"),
    ({"text": 42}, 422, "text"),
    ({"text": ""}, 422, "empty"),
    ({"text": "x", "html": "<p>x</p>"}, 422, "exactly one"),
    ({}, 422, "exactly one"),
    ({"text": "Talks resumed.", "date": "yesterday"}, 422, "ISO 8601"),
    ({"text": "Talks resumed.", "lang": "fr"}, 422, "lang"),
    ({"text": "Talks resumed.", "colour": "red"}, 422, "colour"),
    ({"text": "Le sommet aura lieu demain à Paris avec les ministres."}, 422, "supported language"),
    ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, 422, "no article text|only boilerplate"),
    # a title and menus only: no article text, as on the command line
    ({"html": "<html><head><title>Harbor talks resume</title></head><body><nav><a href='/'>Home</a> "
              "<a href='/world'>World</a></nav><h1>Harbor talks resume</h1></body></html>"}, 422, "no article text"),
])
def test_bad_requests_get_json_4xx(client, payload, status, message):
    import re

    if isinstance(payload, bytes):
        r = client.post("/v1/score", content=payload, headers={"content-type": "application/json"})
    else:
        r = client.post("/v1/score", json=payload)
    assert r.status_code == status, r.text
    body = r.json()
    assert body["status"] == status and re.search(message, body["error"]), body


def test_oversized_body_is_413(client):
    r = client.post("/v1/score", content=b'{"text": "' + b"a" * (3 * 1024 * 1024) + b'"}',
                    headers={"content-type": "application/json"})
    assert r.status_code == 413 and "2 MB" in r.json()["error"]


def test_reads_and_service_endpoints(client):
    assert client.get("/v1/articles/missing").status_code == 404
    assert client.get("/v1/articles", params={"until": "last week"}).status_code == 422
    assert client.get("/v1/articles", params={"limit": 0}).status_code == 422
    assert client.get("/v1/health").json()["status"] == "ok"
    info = client.get("/v1/model").json()
    assert info["frames"] == ["threat", "diplomacy", "skepticism"] and "cv_metrics" in info["card"]
    assert set(info["thresholds_by_lang"]) <= {"ar", "en"}
    assert all(set(t) == set(info["frames"]) for t in info["thresholds_by_lang"].values())
    assert client.get("/openapi.json").json()["paths"]["/v1/score"]


def test_custom_gazetteer_changes_actors(small_model, tmp_path, monkeypatch):
    from framing.api.app import create_app_from_env

    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - id: GENEVA_TALKS\n    type: organisation\n    aliases: {en: [Geneva], ar: [جنيف]}\n", "utf-8")
    text = {"text": "The Kremlin said talks in Geneva resumed."}
    with TestClient(create_app(model=small_model, db_path=":memory:")) as c:
        assert c.post("/v1/score", json=text).json()["sentences"][0]["actors"] == ["KREMLIN"]
    with TestClient(create_app(model=small_model, db_path=":memory:", actors=str(actors))) as c:
        assert c.post("/v1/score", json=text).json()["sentences"][0]["actors"] == ["GENEVA_TALKS"]
    monkeypatch.setenv("FRAMING_ACTORS", str(actors))  # what `framing serve --actors FILE` sets
    monkeypatch.setenv("FRAMING_DB", ":memory:")
    with TestClient(create_app_from_env()) as c:
        assert c.post("/v1/score", json=text).json()["sentences"][0]["actors"] == ["GENEVA_TALKS"]


def test_speakers_lists_who_is_quoted_in_the_store(client):
    text = ("Port reopens\n\nRachel Tan said the port would reopen within weeks. Tan added that the ferries were ready. "
            "Foreign Minister Omar Haddad said talks would resume on Monday.")
    for i, outlet in enumerate(["Gazette", "Courier"]):
        client.post("/v1/score", json={"text": text, "id": f"p{i}", "outlet": outlet, "date": "2024-05-0%d" % (i + 1),
                                       "store": True})
    body = client.get("/v1/speakers").json()
    rows = {r["speaker"]: r for r in body["speakers"]}
    assert body["total"] == len(rows) >= 2
    tan = rows["Rachel Tan"]
    assert (tan["sentences"], tan["articles"], tan["outlets"]) == (2, 2, 2)
    assert rows["Tan"]["sentences"] == 2  # named again by her surname: a speaker as written
    assert tan["source_type"] == "other" and set(tan) >= {"threat", "diplomacy", "skepticism"}
    assert rows["Foreign Minister Omar Haddad"]["source_type"] == "official"
    only = client.get("/v1/speakers", params={"outlet": "Gazette", "source_type": "official"}).json()
    assert [r["speaker"] for r in only["speakers"]] == ["Foreign Minister Omar Haddad"]
    assert only["speakers"][0]["outlets"] == 1
    assert client.get("/v1/speakers", params={"min_sentences": 2}).json()["total"] == 3
    assert client.get("/v1/speakers", params={"min_sentences": 3}).json()["total"] == 0
    assert client.get("/v1/speakers", params={"source_type": "pundit"}).status_code == 422
    assert client.get("/v1/speakers", params={"limit": 0}).status_code == 422


def test_speakers_of_an_empty_store(client):
    assert client.get("/v1/speakers").json() == {"total": 0, "speakers": []}
    assert client.get("/v1/speakers", params={"since": "not a date"}).status_code == 422
