"""Tester's issues: out-of-range date offsets, years before 1000, a url stored as another article,
unknown query parameters."""

import sqlite3

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from framing.api.app import create_app
from framing.api.store import ArticleStore, UrlConflictError
from framing.errors import InputError

SHORT = "The Kremlin said a visit is planned."
OUT_OF_RANGE = ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+00:01"]


@pytest.fixture()
def client(small_model, tmp_path):
    with TestClient(create_app(model=small_model, db_path=str(tmp_path / "store.sqlite")),
                    raise_server_exceptions=False) as c:
        yield c


def row(id_, date=None, url=None):
    return {"id": id_, "url": url, "outlet": "X", "date": date, "title": None, "lang": "en",
            "n_sentences": 0, "frames": {}, "sentences": []}


# -- 1. date bounds whose UTC time overflows ---------------------------------------------------

@pytest.mark.parametrize("path", ["/v1/articles", "/v1/compare", "/v1/speakers"])
@pytest.mark.parametrize("name", ["since", "until"])
@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_out_of_range_date_bounds_are_422_naming_the_parameter(client, path, name, value):
    r = client.get(path, params={name: value})
    assert r.status_code == 422, r.text
    assert r.json()["error"].startswith(f"{name} {value!r} is out of range")


def test_extreme_but_valid_bounds_still_work(client):
    for params in ({"until": "9999-12-31"}, {"until": "9999-12-31T23:59:59.999999Z"}, {"since": "0001-01-01"},
                   {"since": "0001-01-01T05:00:00+05:00"}, {"until": "9999-12-31T18:59:59-05:00"}):
        assert client.get("/v1/articles", params=params).status_code == 200, params


def test_store_refuses_out_of_range_bounds_with_input_error(tmp_path):
    store = ArticleStore(tmp_path / "s.sqlite")
    store.upsert(row("a", "2024-01-01"), "t")
    with pytest.raises(InputError, match="^since: .*outside"):
        store.list(since=OUT_OF_RANGE[0])
    with pytest.raises(InputError, match="^until: .*outside"):
        list(store.iter_results(until=OUT_OF_RANGE[1]))


@pytest.mark.parametrize("flag, value", [("--since", OUT_OF_RANGE[0]), ("--until", OUT_OF_RANGE[1]),
                                         ("--until", OUT_OF_RANGE[2])])
def test_export_refuses_out_of_range_bounds_in_one_line(tmp_path, capsys, flag, value):
    from framing.cli import main

    db = tmp_path / "s.sqlite"
    ArticleStore(db).upsert(row("a", "2024-01-01"), "t")
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "e.csv"), flag, value]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"framing: error: {flag} {value!r} is out of range") and err.count("\n") == 1


# -- 2. years before 1000 and article dates out of range in UTC ---------------------------------

def test_years_before_1000_filter_and_sort_in_time_order(client):
    for article_id, date in [("d3", "0999-01-01"), ("d1", "0001-01-01"), ("new", "2024-10-03T08:00:00Z"),
                             ("mid", "1500-06-01")]:
        r = client.post("/v1/score", json={"text": SHORT, "date": date, "id": article_id, "store": True})
        assert r.status_code == 200, r.text
    ids = lambda **params: [a["id"] for a in client.get("/v1/articles", params=params).json()["articles"]]  # noqa: E731
    assert ids(since="2024-10-03") == ["new"]
    assert ids() == ["new", "mid", "d3", "d1"]
    assert ids(until="0999-01-01") == ["d3", "d1"]
    assert ids(since="0500-01-01", until="1999-12-31") == ["mid", "d3"]


@pytest.mark.parametrize("date", OUT_OF_RANGE)
def test_article_dates_out_of_range_in_utc_are_refused_not_undated(client, date):
    r = client.post("/v1/score", json={"text": SHORT, "date": date, "id": "x", "store": True})
    assert r.status_code == 422 and "date" in r.json()["error"] and "out of range" in r.json()["error"]
    r = client.post("/v1/score/batch", json={"articles": [{"text": SHORT, "id": "ok", "store": True},
                                                          {"text": SHORT, "date": date, "store": True}]})
    assert r.status_code == 422 and r.json()["error"].startswith("articles.1.date:")
    assert client.get("/v1/articles").json()["total"] == 0


def test_store_refuses_a_date_it_cannot_key(tmp_path):
    store = ArticleStore(tmp_path / "s.sqlite")
    with pytest.raises(InputError, match="cannot store article 'a': date .* outside"):
        store.upsert_many([(row("ok", "2024-01-01"), "t"), (row("a", OUT_OF_RANGE[0]), "t")])
    assert store.count() == 0


def _unpadded_store(path):
    """A store as older framing left it: year 999 keyed ``999-…`` (strftime's unpadded %Y)."""
    store = ArticleStore(path)
    for article_id, date in [("old", "0999-01-01"), ("new", "2024-10-03")]:
        store.upsert(row(article_id, date), "t")
    db = sqlite3.connect(path)
    db.execute("UPDATE articles SET date_utc = '999-01-01T00:00:00.000000Z' WHERE id = 'old'")
    db.commit()
    db.close()


def test_unpadded_keys_of_older_framing_are_rekeyed_on_open(tmp_path):
    path = tmp_path / "s.sqlite"
    _unpadded_store(path)
    store = ArticleStore(path)
    keys = dict(sqlite3.connect(path).execute("SELECT id, date_utc FROM articles").fetchall())
    assert keys == {"old": "0999-01-01T00:00:00.000000Z", "new": "2024-10-03T00:00:00.000000Z"}
    assert [a["id"] for a in store.list()[1]] == ["new", "old"]
    assert [a["id"] for a in store.list(since="2024-01-01")[1]] == ["new"]


def test_readonly_store_with_unpadded_keys_filters_right_without_writing(tmp_path):
    path = tmp_path / "s.sqlite"
    _unpadded_store(path)
    before = sqlite3.connect(path).execute("SELECT date_utc FROM articles WHERE id = 'old'").fetchone()
    store = ArticleStore(path, readonly=True)
    assert [r["id"] for r in store.iter_results(since="2024-01-01")] == ["new"]
    assert [r["id"] for r in store.iter_results(until="1000-01-01")] == ["old"]
    assert sqlite3.connect(path).execute("SELECT date_utc FROM articles WHERE id = 'old'").fetchone() == before


# -- 3. a url stored as another article --------------------------------------------------------

def test_url_of_another_stored_article_is_a_plain_409(client):
    def post(article_id, url):
        return client.post("/v1/score", json={"text": SHORT, "id": article_id, "url": url, "store": True})

    assert post("ua", "https://x/a").status_code == post("ub", "https://x/b").status_code == 200
    r = post("ub", "https://x/a")
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert "url 'https://x/a' is already stored as article 'ua'" in error and "UNIQUE" not in error
    r = client.post("/v1/score/batch", json={"articles": [
        {"text": SHORT, "id": "fresh", "store": True}, {"text": SHORT, "id": "unstored"},
        {"text": SHORT, "id": "ub", "url": "https://x/a", "store": True}]})
    assert r.status_code == 409 and r.json()["error"].startswith("articles.2: ") and "as article 'ua'" in r.json()["error"]
    assert client.get("/v1/articles").json()["total"] == 2  # nothing of the batch stored
    assert client.get("/v1/articles/ub").json()["url"] == "https://x/b"
    # the documented updates still work: the same url under a new id, the same id with its own url
    assert post("uc", "https://x/a").json()["id"] == "ua"
    assert post("ub", "https://x/b2").status_code == 200
    assert client.get("/v1/articles").json()["total"] == 2


def test_store_url_conflict_names_the_owner_and_rolls_back(tmp_path):
    store = ArticleStore(tmp_path / "s.sqlite")
    store.upsert_many([(row("a", url="u1"), "t"), (row("b", url="u2"), "t")])
    with pytest.raises(UrlConflictError, match="url 'u1' is already stored as article 'a'") as info:
        store.upsert_many([(row("c"), "t"), (row("b", url="u1"), "t")])
    assert info.value.index == 1 and isinstance(info.value, InputError)
    assert store.count() == 2 and store.get("b")["url"] == "u2"


# -- 4. unknown query parameters ---------------------------------------------------------------

def test_unknown_query_parameter_is_422_naming_it_and_the_supported_ones(client):
    r = client.get("/v1/articles", params={"outlets": "X"})
    assert r.status_code == 422
    assert r.json()["error"] == "unknown query parameter 'outlets'; /v1/articles takes outlet, since, until, limit, offset"
    r = client.get("/v1/health", params={"a": "1", "b": "2"})
    assert r.json() == {"error": "unknown query parameters 'a', 'b'; /v1/health takes no query parameters", "status": 422}
    assert client.get("/v1/articles", params={"outlet": "X", "limit": 5}).status_code == 200


def test_every_get_endpoint_refuses_unknown_query_parameters(client):
    paths = [route.path.replace("{article_id:path}", "some-id") for route in client.app.routes
             if isinstance(route, APIRoute) and "GET" in route.methods]
    assert len(paths) >= 6
    for path in paths:
        r = client.get(path, params={"bogus": "1"})
        assert r.status_code == 422, (path, r.text)
        assert r.json()["error"].startswith("unknown query parameter 'bogus'; "), path
