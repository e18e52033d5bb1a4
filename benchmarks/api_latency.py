"""Latency and throughput of `framing serve` for a ~600-word article, on 127.0.0.1 only.

Run:  .venv/bin/python benchmarks/api_latency.py [--workers 2] [--lang en] [--repeat 3]

Starts a real server process (`framing serve --workers N`, default model, a temporary store),
then for concurrency 1 and 8, with and without storing, sends a bounded number of requests (at
most 60 s per setting) from client threads with keep-alive connections, and prints p50/p99
latency, throughput, the server's CPU time per request (all its processes: a figure other
processes on the machine disturb less than wall-clock ones; cores / CPU per request bounds the
throughput), the 1-minute load average before each setting and the server's peak resident
memory (all worker processes). ``--repeat`` runs each setting several times.
"""

from __future__ import annotations

import argparse
import http.client
import os
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
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):  # peak resident set size
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far."""
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            pass
    return total


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


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
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (framing serve --workers)")
    parser.add_argument("--lang", choices=("en", "ar"), action="append", help="article language(s) (default: both)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each setting")
    parser.add_argument("--concurrency", type=int, action="append", help="client concurrency (default: 1 and 8)")
    args = parser.parse_args()
    langs = args.lang or ["en", "ar"]
    levels = args.concurrency or [1, 8]
    print("command: .venv/bin/python benchmarks/api_latency.py " + " ".join(sys.argv[1:]))
    print(f"machine: {os.cpu_count()} cores; server workers: {args.workers}; client threads on the same machine")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen([sys.executable, "-m", "framing.cli", "serve", "--port", str(port),
                                   "--workers", str(args.workers), "--db", str(Path(tmp) / "store.sqlite")],
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
            time.sleep(1.0 if args.workers > 1 else 0)  # every worker up
            tree = [server.pid, *children(server.pid)]
            tree += [q for p in tree[1:] for q in children(p)]
            for lang in langs:
                text = article(lang)
                print(f"\n{lang} article: {len(text.split())} words")
                for store in (False, True):
                    for concurrency in levels:
                        n = 150 if concurrency == 1 else 50 * concurrency * max(1, args.workers)
                        body = json.dumps({"text": text, "store": store, "id": f"{lang}-bench"}).encode()
                        for _ in range(args.repeat):
                            run(port, body, concurrency, 16 * max(1, args.workers))  # warm-up
                            load = os.getloadavg()[0]
                            cpu0 = cpu_seconds(tree)
                            lat, wall = run(port, body, concurrency, n)
                            cpu_ms = (cpu_seconds(tree) - cpu0) / len(lat) * 1000
                            lat.sort()
                            p50 = statistics.median(lat) * 1000
                            p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))] * 1000
                            print(f"  store={str(store):5} concurrency={concurrency}: {len(lat)} requests, "
                                  f"p50 {p50:6.1f} ms, p99 {p99:6.1f} ms, {len(lat) / wall:6.1f} req/s; "
                                  f"server CPU {cpu_ms:5.1f} ms/request  (load {load:.2f})")
            pids = children(server.pid) or [server.pid]
            pids = [p for pid in pids for p in (children(pid) or [pid])]
            print(f"\nserver peak RSS: {sum(rss_mb(p) for p in pids):.0f} MB over {len(pids)} process(es)")
        finally:
            server.terminate()
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
