"""Server CPU per note write, one client (docs/load.md, "The writes").

    python -m bench.note_write_cpu --database-url postgresql+psycopg://postgres@127.0.0.1:5432/mydb

The database must hold a seeded book (`python -m backend seed --customers 20`). A backend is
started in its own process (`python -m backend serve --demo --workers 1`), the demo agent (agent1) signs
in, writes 50 notes to warm up, then `--notes` notes, each with a new Idempotency-Key, to one
account (`--account-id`, default 1); the server process's CPU time (user + system, psutil) is read before and after.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--notes", type=int, default=300)
    parser.add_argument("--account-id", type=int, default=1)
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "backend", "serve", "--demo", "--database-url", args.database_url,
         "--port", str(port), "--workers", "1", "--log-level", "warning"],
        cwd=os.getcwd(),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        http = requests.Session()
        for _ in range(300):
            try:
                if http.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        token = http.post(f"{base}/v1/auth/token", json={"username": "agent1", "password": "demo"}).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        path = f"{base}/v1/accounts/{args.account_id}/notes"

        def write(n: int) -> float:
            started = time.perf_counter()
            response = http.post(path, json={"body": f"Called about the bill ({n})."},
                                 headers={**headers, "Idempotency-Key": str(uuid.uuid4())})
            assert response.status_code == 201, response.text
            return time.perf_counter() - started

        for n in range(50):
            write(n)
        process = psutil.Process(server.pid)
        before = cpu_seconds(process)
        times = [write(n) for n in range(args.notes)]
        used = cpu_seconds(process) - before
        print(f"{args.notes} note writes: server CPU {used / args.notes * 1000:.2f} ms per write; "
              f"HTTP p50 {statistics.median(times) * 1000:.2f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
