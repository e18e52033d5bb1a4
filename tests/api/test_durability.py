"""An acknowledged article survives kill -9 of a real server process."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from conftest import ROOT

TEXT = (ROOT / "framing" / "data" / "samples" / "summit_en.txt").read_text("utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int, db, model) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "framing.cli", "serve", "--port", str(port), "--db", str(db), "--model", str(model)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("server did not start")


def post(port: int, payload: dict, timeout: float = 10) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/score", data=json.dumps(payload).encode(),
                                     headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as r:
        return json.loads(r.read())


def test_acknowledged_articles_survive_kill_9(tmp_path, small_model_path):
    db, port = tmp_path / "store.sqlite", free_port()
    server = start(port, db, small_model_path)
    acknowledged: dict[str, str] = {}

    def client():
        for i in range(400):  # bounded; the server is killed long before
            text = f"{TEXT}\nUpdate number {i} was filed at {i} minutes past the hour."
            try:
                body = post(port, {"text": text, "id": f"k{i}", "outlet": "Wire", "store": True})
            except OSError:
                return
            if body.get("stored"):
                acknowledged[body["id"]] = text

    worker = threading.Thread(target=client)
    worker.start()
    deadline = time.time() + 30
    while len(acknowledged) < 8 and time.time() < deadline:
        time.sleep(0.05)
    os.kill(server.pid, signal.SIGKILL)  # mid-stream: the client is still posting
    server.wait(timeout=10)
    worker.join(timeout=30)
    assert len(acknowledged) >= 8

    server = start(port, db, small_model_path)
    try:
        for article_id, text in acknowledged.items():
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/articles/{article_id}", timeout=10) as r:
                stored = json.loads(r.read())
            assert stored["id"] == article_id
            assert stored["sentences"][-1]["text"] in text  # intact, not a torn write
            assert stored["n_sentences"] == len(stored["sentences"])
    finally:
        server.terminate()
        server.wait(timeout=10)
