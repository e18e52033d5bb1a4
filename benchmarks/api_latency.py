"""Latency and throughput of `framing serve` for a ~600-word article, on 127.0.0.1 only.

Run:  .venv/bin/python benchmarks/api_latency.py

Starts a real server process (default model, a temporary store), then for concurrency 1 and 8,
with and without storing, sends a bounded number of requests (at most 60 s per setting) from
client threads with keep-alive connections, and prints p50/p99 latency, throughput and the
server's peak resident memory.
"""

from __future__ import annotations

import http.client
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "framing" / "data" / "samples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):  # peak resident set size
            return int(line.split()[1]) / 1024
    return float("nan")


def article(lang: str) -> str:
    if lang == "en":
        text = (SAMPLES / "summit_en.txt").read_text("utf-8") + "\n" + (SAMPLES / "economy_en.txt").read_text("utf-8")
    else:
        text = (SAMPLES / "summit_ar.txt").read_text("utf-8") + "\n" + (SAMPLES / "economy_ar.txt").read_text("utf-8")
    words = text.split()
    return " ".join(words[:600]) if len(words) > 600 else text


def run(port: int, body: bytes, concurrency: int, requests: int, limit_s: float = 60.0) -> tuple[list[float], float]:
    latencies: list[float] = []
    lock = threading.Lock()
    counter = iter(range(requests))
    stop_at = time.perf_counter() + limit_s

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop_at:
            with lock:
                if next(counter, None) is None:
                    break
            t = time.perf_counter()
            conn.request("POST", "/v1/score", body=body, headers={"content-type": "application/json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"HTTP {response.status}")
            with lock:
                latencies.append(time.perf_counter() - t)
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, time.perf_counter() - start


def main() -> None:
    print("command: .venv/bin/python benchmarks/api_latency.py")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen([sys.executable, "-m", "framing.cli", "serve", "--port", str(port),
                                   "--db", str(Path(tmp) / "store.sqlite")],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(300):
                try:
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                    c.request("GET", "/v1/health")
                    if c.getresponse().status == 200:
                        break
                except OSError:
                    time.sleep(0.2)
            for lang in ("en", "ar"):
                text = article(lang)
                print(f"\n{lang} article: {len(text.split())} words")
                for store in (False, True):
                    for concurrency, n in ((1, 150), (8, 400)):
                        body = json.dumps({"text": text, "store": store, "id": f"{lang}-bench"}).encode()
                        run(port, body, concurrency, 16)  # warm-up
                        lat, wall = run(port, body, concurrency, n)
                        lat.sort()
                        p50 = statistics.median(lat) * 1000
                        p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000
                        print(f"  store={str(store):5} concurrency={concurrency}: {len(lat)} requests, "
                              f"p50 {p50:6.1f} ms, p99 {p99:6.1f} ms, {len(lat) / wall:6.1f} req/s")
            print(f"\nserver peak RSS: {rss_mb(server.pid):.0f} MB")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
