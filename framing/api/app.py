"""The HTTP scoring service (FastAPI). Run it with ``framing serve``.

Endpoints (all JSON; errors are ``{"error": message, "status": code}`` with a 4xx code):
``POST /v1/score``, ``POST /v1/score/batch``, ``GET /v1/articles/{id}``, ``GET /v1/articles``,
``GET /v1/compare``, ``GET /v1/speakers``, ``GET /v1/model``, ``GET /v1/health``. OpenAPI at
``/docs`` and ``/openapi.json``. A query parameter an endpoint does not take is a 422 (as an
unknown body field is), so a typo such as ``outlets=`` is not ignored silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from contextlib import asynccontextmanager
from typing import Any, Literal, Optional

import anyio
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from framing import __version__
from framing.api.schemas import (
    MAX_BATCH,
    ArticleIn,
    ArticleList,
    BatchIn,
    BatchOut,
    CompareOut,
    ErrorOut,
    ScoredArticleOut,
    SpeakersOut,
    parse_iso_date,
)
from framing.api.store import ArticleStore, UrlConflictError
from framing.errors import FramingError, InputError
from framing.limits import DEFAULT_DB, MAX_BODY_BYTES, MAX_DRAIN_BYTES
from framing.models.model import FrameModel
from framing.schema import SOURCE_TYPES
from framing.scoring import Scorer

_ERRORS = {400: {"model": ErrorOut}, 404: {"model": ErrorOut}, 413: {"model": ErrorOut}, 422: {"model": ErrorOut}}
_STORE_ERRORS = {**_ERRORS, 409: {"model": ErrorOut}}  # 409: the url is stored as another article


class _BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with a JSON 413.

    The rest of an oversized body is read and dropped (up to ``drain`` bytes in all) before the
    413 goes out: a client that sends its whole body before reading the answer (Python's urllib,
    most stdlib clients) then reads the JSON error instead of a reset connection. A body over
    ``drain``, or one the client holds back until "100 Continue", is answered at once and the
    connection closed.
    """

    def __init__(self, app, limit: int, drain: int = MAX_DRAIN_BYTES):
        self.app, self.limit, self.drain = app, limit, max(drain, limit)

    def _message(self) -> str:
        return f"request body is over the {self.limit // 1024 // 1024} MB limit"

    async def _drain(self, receive, received: int, more: bool) -> bool:
        """Read and drop the body up to the drain bound; True when all of it was read."""
        while more:
            if received > self.drain:
                return False
            message = await receive()
            if message["type"] == "http.disconnect":
                return False
            received += len(message.get("body", b""))
            more = message.get("more_body", False)
        return received <= self.drain

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            # A client waiting for "100 Continue" (curl) has sent nothing yet: answer at once.
            waiting = headers.get(b"expect", b"").lower() == b"100-continue"
            drained = not waiting and int(declared) <= self.drain and await self._drain(receive, 0, True)
            return await _send_error(send, 413, self._message(), close=not drained)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            more = message.get("more_body", False)
            if size > self.limit:
                drained = await self._drain(receive, size, more)
                return await _send_error(send, 413, self._message(), close=not drained)
            chunks.append(chunk)
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)


async def _send_error(send, status: int, message: str, close: bool = False) -> None:
    payload = json.dumps({"error": message, "status": status}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    await send({"type": "http.response.start", "status": status,
                "headers": headers + ([(b"connection", b"close")] if close else [])})
    await send({"type": "http.response.body", "body": payload})


def _trusted_arrays():
    """scikit-learn without its per-call parameter and finiteness checks (2-6% of a request):
    the service feeds the model only arrays its own featurizer built from text."""
    import sklearn

    return sklearn.config_context(assume_finite=True, skip_parameter_validation=True)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status)


async def _known_query(request: Request) -> None:
    """Refuse query parameters the endpoint does not take (422 naming them and the supported ones)."""
    route = request.scope.get("route")
    known = [p.alias for p in route.dependant.query_params] if route is not None else []
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in known]
    if unknown:
        names = ", ".join(repr(name) for name in unknown)
        takes = f"takes {', '.join(known)}" if known else "takes no query parameters"
        raise HTTPException(422, f"unknown query parameter{'s' if len(unknown) > 1 else ''} {names}; "
                                 f"{request.url.path} {takes}")


def create_app(model: Scorer | FrameModel | None = None, model_path: str | None = None, db_path: str | None = None,
               max_body_bytes: int = MAX_BODY_BYTES, annotators: Any | None = None, actors: Any | None = None) -> FastAPI:
    """Build the app. The model is loaded once, at start-up; the store opens on first use.

    ``model``: a :class:`Scorer` or a :class:`FrameModel` (composed with ``annotators``, or the
    default annotators with your ``actors`` gazetteer); else the model file ``model_path``.
    """
    if isinstance(model, FrameModel):
        model = Scorer(model, annotators=annotators, actors=actors)
    state: dict[str, Any] = {"model": model, "store": None}
    store_lock = threading.Lock()
    db_path = db_path or DEFAULT_DB

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if state["model"] is None:
            state["model"] = Scorer.load(model_path, annotators=annotators, actors=actors)
        yield

    app = FastAPI(
        title="framing",
        version=__version__,
        description="Score news articles for frames (threat, diplomacy, skepticism, or your codebook's) "
                    "in Arabic and English; store and compare them.",
        lifespan=lifespan,
        dependencies=[Depends(_known_query)],
    )
    app.add_middleware(_BodyLimit, limit=max_body_bytes)

    def get_model() -> Scorer:
        if state["model"] is None:  # app used without its lifespan (e.g. some test clients)
            state["model"] = Scorer.load(model_path, annotators=annotators, actors=actors)
        return state["model"]

    def get_store() -> ArticleStore:
        with store_lock:
            if state["store"] is None:
                state["store"] = ArticleStore(db_path)
            return state["store"]

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return _error(400, "malformed JSON body")
        parts = []
        for e in errors[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            parts.append(f"{where}: {e.get('msg')}" if where else str(e.get("msg")))
        return _error(422, "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(FramingError)
    async def _framing(request: Request, exc: FramingError):
        return _error(422, str(exc))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception):  # a bug: JSON 500, traceback in the server log
        return _error(500, f"internal error ({type(exc).__name__}); see the server log")

    def _score(item: ArticleIn) -> tuple[dict[str, Any], str]:
        """Score one article (nothing stored); returns the JSON-ready result and the scored text."""
        title, text, date = item.title, item.text, item.date
        if item.html is not None:
            from framing.text.html import extract_article, require_article_text

            extracted = require_article_text(extract_article(item.html, "html"))  # the CLI's rule too
            text = extracted.text
            title = title or extracted.title
            if date is None and extracted.date:
                try:
                    date = parse_iso_date(extracted.date)
                except ValueError:
                    date = None
        article_id = item.id or (f"url-{hashlib.sha1(item.url.encode()).hexdigest()[:16]}" if item.url else None)
        scored = get_model().score_article(text, title=title, outlet=item.outlet, date=date, url=item.url,
                                           id=article_id, lang=item.lang)
        result = scored.to_dict()
        result["stored"] = False
        return result, text

    def _store(items: list[ArticleIn], scored: list[tuple[dict[str, Any], str]], batch: bool = False) -> None:
        """Store the results of the items that ask for it, in one transaction (all or none); a url
        stored as another existing article is a 409 (``articles.N: ...`` in a batch)."""
        keep = [i for i, item in enumerate(items) if item.store]
        if not keep:
            return
        try:
            ids = get_store().upsert_many([scored[i] for i in keep], model=get_model().card.get("created"))
        except UrlConflictError as exc:
            raise HTTPException(409, f"articles.{keep[exc.index]}: {exc}" if batch else str(exc)) from None
        for i, stored_id in zip(keep, ids):
            scored[i][0]["id"], scored[i][0]["stored"] = stored_id, True

    # Scoring is CPU-bound Python: one thread at a time per process. Parallel threads would only
    # fight over the GIL (measured: lower throughput and twice the p99 at concurrency 8). Scoring
    # on the event loop itself instead of a thread measured the same within noise (issue 12).
    cpu = anyio.CapacityLimiter(1)

    def _score_one(item: ArticleIn) -> dict[str, Any]:
        with _trusted_arrays():  # scikit-learn's config is per thread: set it in the scoring thread
            scored = [_score(item)]
        _store([item], scored)
        return scored[0][0]

    @app.post("/v1/score", response_model=ScoredArticleOut, responses=_STORE_ERRORS, tags=["scoring"])
    async def score(item: ArticleIn) -> JSONResponse:
        """Score one article: per-sentence frames with probabilities, labels and cue terms."""
        # Our own dict is already JSON-ready: skip re-validating it (a third of the request time).
        return JSONResponse(await anyio.to_thread.run_sync(_score_one, item, limiter=cpu))

    @app.post("/v1/score/batch", response_model=BatchOut, responses=_STORE_ERRORS, tags=["scoring"])
    async def score_batch(batch: BatchIn) -> JSONResponse:
        """Score up to 50 articles in one call, all or nothing: every article is scored first, and
        only when all succeed are those with ``store: true`` stored, in one transaction. Any bad
        article fails the call (422 naming it; 409 for a url stored as another existing article)
        and nothing of the batch is stored."""
        if len(batch.articles) > MAX_BATCH:
            raise HTTPException(413, f"batch has {len(batch.articles)} articles; the limit is {MAX_BATCH}")

        def score_all() -> list[dict[str, Any]]:
            scored = []
            with _trusted_arrays():
                for i, item in enumerate(batch.articles):
                    try:
                        scored.append(_score(item))
                    except FramingError as exc:
                        raise HTTPException(422, f"articles.{i}: {exc}") from None
            _store(batch.articles, scored, batch=True)
            return [result for result, _ in scored]

        return JSONResponse({"articles": await anyio.to_thread.run_sync(score_all, limiter=cpu)})

    # ``:path``: ids may contain "/" (sent as is or as %2F, which the server decodes before routing).
    @app.get("/v1/articles/{article_id:path}", response_model=ScoredArticleOut, responses=_ERRORS, tags=["store"])
    def get_article(article_id: str) -> dict[str, Any]:
        """A stored article with its sentences and scores. Ids may contain ``/``."""
        found = get_store().get(article_id)
        if found is None:
            raise HTTPException(404, f"no stored article with id {article_id!r}")
        return {**found, "stored": True}

    def _dates(since: Optional[str], until: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        try:
            return (parse_iso_date(since, "since") if since else None, parse_iso_date(until, "until") if until else None)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from None

    @app.get("/v1/articles", response_model=ArticleList, responses=_ERRORS, tags=["store"])
    def list_articles(outlet: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                      limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10**9)) -> dict[str, Any]:
        """Stored articles (summaries), newest first, filtered by outlet and date range, paged."""
        since, until = _dates(since, until)
        total, items = get_store().list(outlet, since, until, limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "articles": items}

    @app.get("/v1/compare", response_model=CompareOut, responses=_ERRORS, tags=["store"])
    def compare(by: Literal["outlet", "lang"] = "outlet", since: Optional[str] = None,
                until: Optional[str] = None) -> dict[str, Any]:
        """Frame prevalence per outlet (or language) over stored articles: the mean per-article share
        of sentences with each frame, and the share of articles with the frame at all."""
        since, until = _dates(since, until)
        groups: dict[Optional[str], list[dict]] = {}
        for result in get_store().iter_results(since=since, until=until):
            groups.setdefault(result.get(by), []).append(result)
        rows = []
        frames = get_model().frames
        for group, results in sorted(groups.items(), key=lambda kv: (kv[0] is None, kv[0] or "")):
            for frame in frames:
                summaries = [r["frames"].get(frame) for r in results if frame in r.get("frames", {})]
                if not summaries:
                    continue
                rows.append({
                    "group": group, "articles": len(summaries), "frame": frame,
                    "mean_share": sum(s["share"] for s in summaries) / len(summaries),
                    "share_of_articles": sum(bool(s["present"]) for s in summaries) / len(summaries),
                })
        return {"by": by, "rows": rows}

    @app.get("/v1/speakers", response_model=SpeakersOut, responses=_ERRORS, tags=["store"])
    def list_speakers(outlet: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                      source_type: Optional[Literal[SOURCE_TYPES]] = None,
                      min_sentences: int = Query(1, ge=1, le=10**6),
                      limit: int = Query(50, ge=1, le=1000)) -> dict[str, Any]:
        """Who is quoted in the stored articles (filtered by outlet and date range): each speaker
        as resolved, with the source type(s) the rules gave it, sentences, articles, outlets and
        per frame the sentences labeled with it; most quoted first."""
        import pandas as pd

        from framing.analysis.speakers import speakers

        since, until = _dates(since, until)
        rows = [{"article_id": result.get("id"), "outlet": result.get("outlet"), "lang": s.get("lang"),
                 "source_resolved": s.get("source_resolved"), "source_type": s.get("source_type"),
                 "labels": s.get("labels") or []}
                for result in get_store().iter_results(outlet, since, until) for s in result.get("sentences", ())
                if s.get("source_resolved")]
        columns = ["article_id", "outlet", "lang", "source_resolved", "source_type", "labels"]
        table = speakers(pd.DataFrame(rows, columns=columns), get_model().frames, by="outlet",
                         min_sentences=min_sentences)
        if source_type is not None:
            table = table[table["source_type"] == source_type]
        records = json.loads(table.head(limit).to_json(orient="records", force_ascii=False))
        return {"total": len(table), "speakers": records}

    @app.get("/v1/model", tags=["service"])
    def model_info() -> dict[str, Any]:
        """The loaded model: codebook, thresholds, metrics and training data from its model card."""
        m = get_model()
        return {"framing_version": __version__, "frames": m.frames, "thresholds": m.thresholds,
                "thresholds_by_lang": m.thresholds_by_lang, "codebook": m.codebook.to_dict(), "card": m.card}

    @app.get("/v1/health", tags=["service"])
    def health() -> dict[str, Any]:
        """Liveness and readiness: the model is loaded."""
        return {"status": "ok", "version": __version__, "model_loaded": state["model"] is not None}

    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` / several workers: reads FRAMING_MODEL, FRAMING_DB and
    FRAMING_ACTORS (your gazetteer file)."""
    return create_app(model_path=os.environ.get("FRAMING_MODEL") or None, db_path=os.environ.get("FRAMING_DB") or None,
                      actors=os.environ.get("FRAMING_ACTORS") or None)


def _check_port(host: str, port: int) -> None:
    """:class:`InputError` when ``host:port`` cannot be bound (in use, or not an address of this
    machine); uvicorn would print its own error only after the store was created."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise InputError(f"--host {host!r}: not an address this machine can serve on ({exc.strerror or exc})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(f"cannot serve on {host}:{port}: {exc.strerror or exc} "
                             "(another server on that port? choose another with --port)") from None


def serve(host: str, port: int, db: str, model: str | None = None, actors: str | None = None, workers: int = 1) -> None:
    """Run the service with uvicorn (``framing serve``). A bad model, gazetteer, store, port or
    worker count fails here with a typed error, before the port is bound."""
    import uvicorn

    if workers < 1 or not 0 < port < 65536:
        raise InputError("--workers must be at least 1 and --port between 1 and 65535")
    _check_port(host, port)  # before the store file is created
    Scorer.load(model, actors=actors)
    ArticleStore(db)
    os.environ["FRAMING_DB"] = db
    for name, value in (("FRAMING_MODEL", model), ("FRAMING_ACTORS", actors)):
        if value:
            os.environ[name] = value
    uvicorn.run("framing.api.app:create_app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="info")
