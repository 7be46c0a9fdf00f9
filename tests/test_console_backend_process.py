"""console.backend_process: the embedded backend in a child process, ended with the console."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import requests

from console.api import ApiClient
from console.backend_process import BackendProcess
from console.errors import EmbeddedBackendError
from tests.helpers.live import LiveBackend

ROOT = Path(__file__).resolve().parent.parent


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie nobody reaped yet counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def group_members(pgid: int) -> list[int]:
    """The live processes of process group `pgid`."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def wait_gone(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        left = [pid for pid in pids if alive(pid)]
        if not left:
            return []
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


def test_the_console_reaches_the_backend_in_its_own_process(tmp_path: Path, live_backend: LiveBackend) -> None:
    # A second server on the live database: already seeded, so it only migrates and catches up.
    messages: list[str] = []
    backend = BackendProcess(
        live_backend.database_path, demo_customers=40, on_progress=messages.append, log_path=tmp_path / "backend.log"
    )
    url = backend.start()
    try:
        assert url.startswith("http://127.0.0.1:") and url != live_backend.base_url
        pid = backend.pid
        assert pid is not None and pid != os.getpid() and backend.running
        assert backend.start() == url  # already running: the same child
        assert backend.pid == pid
        assert messages[0] == "Preparing the database…" and messages[-1] == "Ready."
        assert "Starting the server…" in messages
        assert not any("demo data" in message for message in messages)  # seeded already
        client = ApiClient(url, backoff=0.0)
        client.login("agent1", "demo")
        assert client.get_account(1).id == 1
        client.close()
    finally:
        backend.stop()
    assert not alive(pid)
    assert not backend.running and backend.pid is None
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url}/healthz", timeout=5)
    assert "serving" in (tmp_path / "backend.log").read_text()
    backend.stop()  # stopping twice is harmless


PARENT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from console.backend_process import BackendProcess

    database, customers, wait_for = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    def progress(message):
        if wait_for != "ready" and message.startswith(wait_for):
            print("child", backend.pid, flush=True)
    backend = BackendProcess(Path(database), demo_customers=customers, seed_workers=2, on_progress=progress)
    if wait_for == "ready":
        backend.start()
        print("child", backend.pid, flush=True)
    else:
        import threading
        threading.Thread(target=backend.start, daemon=True).start()
    time.sleep(600)
    """
)


def run_parent_and_kill_it(database: Path, customers: int, wait_for: str) -> int:
    """Start a console-like parent that starts the backend, SIGKILL it at `wait_for`; the child's pid."""
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(database), str(customers), wait_for],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()
        assert line.startswith("child "), line
        child = int(line.split()[1])
        assert alive(child)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    return child


def test_the_backend_ends_when_the_console_is_killed(live_backend: LiveBackend) -> None:
    child = run_parent_and_kill_it(live_backend.database_path, 40, "ready")
    assert wait_gone([child], 10) == []


def test_killed_while_seeding_the_backend_ends_with_its_seeding_workers(tmp_path: Path) -> None:
    # 600 customers with 2 workers: killed at the first "Generating…" line, with the workers up.
    child = run_parent_and_kill_it(tmp_path / "new.sqlite3", 600, "Generating the demo data…")
    assert wait_gone([child], 10) == []
    assert wait_gone(group_members(child), 10) == []


def test_a_database_that_cannot_be_opened_is_a_sentence(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the data folder should be")
    backend = BackendProcess(not_a_folder / "creditdesk.sqlite3", demo_customers=5, log_path=tmp_path / "backend.log")
    with pytest.raises(EmbeddedBackendError) as raised:
        backend.start()
    assert raised.value.reason == "database"
    assert raised.value.user_message == (
        "The demo data file could not be opened. Check that the data folder is writable "
        "and the disk is not full, then try again."
    )
    assert raised.value.log_path == str(tmp_path / "backend.log")
    assert "Traceback" in (tmp_path / "backend.log").read_text()  # the log keeps the cause
    assert not backend.running
    backend.stop()


def test_a_child_that_dies_at_start_is_a_sentence(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text("import sys\nsys.exit(3)\n")  # ends before saying anything, as a crash would
    backend = BackendProcess(tmp_path / "x.sqlite3", python=sys.executable)
    backend.command = lambda stage: [sys.executable, str(script)]  # type: ignore[method-assign]
    with pytest.raises(EmbeddedBackendError, match="exit code 3") as raised:
        backend.start()
    assert raised.value.reason == "stopped"
    assert raised.value.user_message.startswith("The demo server stopped while starting.")


def test_no_interpreter_is_a_sentence(tmp_path: Path) -> None:
    backend = BackendProcess(tmp_path / "x.sqlite3", python=str(tmp_path / "no-such-python"))
    with pytest.raises(EmbeddedBackendError) as raised:
        backend.start()
    assert raised.value.reason == "failed"
    assert raised.value.user_message.startswith("The demo server on this computer could not start.")
