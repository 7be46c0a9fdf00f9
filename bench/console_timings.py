"""Console timings (DESIGN.md §6): start to login dialog, login to main window, search to results,
open customer to workspace filled, the longest GUI-thread stall, resident memory with 10 tabs.

    .venv/bin/python -m bench.console_timings [--customers N] [--repeat N]

Runs headless (QT_QPA_PLATFORM=offscreen unless set) against the embedded backend on a temporary
SQLite file, in a child process of its own, as `python main.py` runs it (console.backend_process). "Start to login dialog" is measured in
a fresh child process from its creation (kernel start time) to the dialog being exposed, so it
includes the interpreter and every import. Writes bench/results/console_timings.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

RESULTS = Path(__file__).parent / "results" / "console_timings.md"
TARGETS = {
    "start_to_login_ms": 1500.0,
    "workspace_filled_ms": 200.0,
    "stall_ms": 50.0,
    "rss_mb": 300.0,
}


def process_age_seconds() -> float:
    """Seconds since this process was created (from /proc: no psutil)."""
    ticks = os.sysconf("SC_CLK_TCK")
    with open("/proc/self/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 of stat(5); fields[0] is field 3
    with open("/proc/uptime") as uptime:
        up = float(uptime.read().split()[0])
    return up - start_ticks / ticks


def rss_mb(pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_startup() -> None:
    """In a fresh process: show the login dialog as main.py does, print the age when exposed."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings

    from ui import i18n, theme
    from ui.app import make_application
    from ui.demo import DemoBackend
    from ui.login import LoginDialog

    app = make_application()
    data = Path(tempfile.mkdtemp(prefix="creditdesk-bench-start-"))
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    i18n.install_language(i18n.ENGLISH)
    theme.apply_theme(app, "light")
    demo = DemoBackend(data / "creditdesk.sqlite3", demo_customers=50)
    dialog = LoginDialog(settings, demo=demo, use_keyring=False)
    dialog.show()
    while dialog.windowHandle() is None or not dialog.windowHandle().isExposed():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    dialog.grab()  # painted once
    print(f"{process_age_seconds() * 1000:.0f}", flush=True)
    os._exit(0)  # leave the demo seeding behind: only the dialog was measured


def measure_startup(runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "bench.console_timings", "--child-startup"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=Path(__file__).resolve().parent.parent,
        )
        if out.returncode != 0:
            raise RuntimeError(f"startup child failed: {out.stderr[-2000:]}")
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return values


class GarbageMeter:
    """How long each of Python's cyclic garbage collections took (they run on the GUI thread)."""

    def __init__(self) -> None:
        import gc

        self.worst_ms = [0.0, 0.0, 0.0]
        self.runs = [0, 0, 0]
        self._started = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        generation = info["generation"]
        self.runs[generation] += 1
        self.worst_ms[generation] = max(self.worst_ms[generation], (time.perf_counter() - self._started) * 1000)


class StallMeter:
    """A 5 ms QTimer on the GUI thread; how late each tick comes is how long the thread was stalled.

    Beside that wall-clock lateness it keeps the GUI thread's own CPU time between two ticks
    (`time.thread_time`): on a busy machine a tick can come late because the thread waited for a
    core, not because it worked; the CPU figure tells the two apart. `step` names what the script
    was doing, and the worst step of each kind is kept."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.worst_ms = 0.0
        self.worst_cpu_ms = 0.0
        self.ticks = 0
        self.phase = "start"
        self.step = ""
        self.worst_by_phase: dict[str, float] = {}
        self.worst_cpu_by_phase: dict[str, float] = {}
        self.worst_step = ""
        self.worst_cpu_step = ""
        self.late_ms: list[float] = []
        self.cpu_by_step: dict[str, float] = {}
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late = (now - self._last) * 1000 - 5
        cpu_ms = (cpu - self._last_cpu) * 1000
        where = f"{self.phase}: {self.step}" if self.step else self.phase
        if late > self.worst_ms:
            self.worst_ms, self.worst_step = late, where
        if cpu_ms > self.worst_cpu_ms:
            self.worst_cpu_ms, self.worst_cpu_step = cpu_ms, where
        self.worst_by_phase[self.phase] = max(self.worst_by_phase.get(self.phase, 0.0), late)
        self.cpu_by_step[where] = max(self.cpu_by_step.get(where, 0.0), cpu_ms)
        self.worst_cpu_by_phase[self.phase] = max(self.worst_cpu_by_phase.get(self.phase, 0.0), cpu_ms)
        self.late_ms.append(late)
        self.ticks += 1
        self._last, self._last_cpu = now, cpu


def wait_until(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    guard = QTimer()
    guard.start(100)  # wakes the loop to check the deadline; the waits themselves are event-driven
    try:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("benchmark step timed out")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        guard.stop()


def settle(stalls: StallMeter) -> None:
    """Let the event loop run between two user actions, as it does between an agent's clicks:
    posted events and deferred deletions are handled and the stall meter ticks once, so one
    action's stall is never added to the next one's. Every moment stays under the meter."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    ticks = stalls.ticks
    wait_until(lambda: stalls.ticks > ticks)


def session(customers: int, repeat: int) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from console.backend_process import BackendProcess
    from ui import i18n, tasks, theme
    from ui.app import make_application
    from ui.login import LoginDialog, SignedIn
    from ui.main_window import MainWindow

    app = make_application()
    i18n.install_language(i18n.ENGLISH)
    theme.apply_theme(app, "light")
    data = Path(tempfile.mkdtemp(prefix="creditdesk-bench-"))
    settings = QSettings(str(data / "settings.ini"), QSettings.Format.IniFormat)
    print(f"preparing a demo backend with {customers} customers…", flush=True)
    database = data / "creditdesk.sqlite3"
    # Seeded in a child process, so this one is measured as on any day after the first start.
    subprocess.run(
        [sys.executable, "-m", "backend", "seed", "--customers", str(customers), "--seed", "1",
         "--database-url", f"sqlite:///{database}"],
        check=True,
        capture_output=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    backend = BackendProcess(database, demo_customers=customers)
    base_url = backend.start()
    assert backend.pid is not None
    results: dict[str, Any] = {"rss_mb_backend_up": rss_mb(), "load_at_start": os.getloadavg()}
    stalls = StallMeter()
    garbage = GarbageMeter()
    try:
        stalls.start()
        # Login to main window shown.
        stalls.phase = "log in and build the main window"
        login_ms = []
        window: MainWindow | None = None
        for _ in range(repeat):
            dialog = LoginDialog(settings, demo=None, server_url=base_url, use_keyring=False)
            dialog.show()
            wait_until(lambda d=dialog: d.windowHandle() is not None and d.windowHandle().isExposed())
            dialog.username_edit.setText("agent1")
            dialog.password_edit.setText("demo")
            stalls.step = "sign in"
            started = time.perf_counter()
            dialog.sign_in()
            wait_until(lambda d=dialog: d.outcome is not None)
            outcome: SignedIn = dialog.outcome  # type: ignore[assignment]
            if window is not None:
                window.close()
                window.deleteLater()
            stalls.step = "build and show the main window"
            window = MainWindow(outcome.client, outcome.user, settings=settings, server_label=base_url)
            window.resize(1366, 860)
            window.show()
            # Built over several turns (ui.main_window): shown when the last one has run.
            wait_until(lambda w=window: w.is_built and w.windowHandle() is not None and w.windowHandle().isExposed())
            window.grab()
            login_ms.append((time.perf_counter() - started) * 1000)
            dialog.deleteLater()
            settle(stalls)  # the replaced window and dialog are deleted, as `app.exec()` would
        assert window is not None
        results["login_to_main_ms"] = login_ms
        results["rss_mb_signed_in"] = rss_mb()

        # Search: request to results on screen, and typing to results (with the 250 ms pause).
        queries = [f"HB{n:010d}" for n in range(1, 2 * repeat + 2, 2)]
        stalls.phase = "search"
        page = window.search_page
        request_ms, typing_ms = [], []
        for query in queries:
            window.search_box.setText(query)
            started = time.perf_counter()
            page.search_now()
            wait_until(lambda q=query: page.shown_query == q)
            request_ms.append((time.perf_counter() - started) * 1000)
            window.search_box.clear()
            started = time.perf_counter()
            window.search_box.setText(query)
            wait_until(lambda q=query: page.shown_query == q)
            typing_ms.append((time.perf_counter() - started) * 1000)
            window.search_box.clear()
        results["search_request_ms"] = request_ms
        results["search_typing_ms"] = typing_ms

        # Open customers 1..10: tab added to header and Overview filled; then every tab of each.
        stalls.phase = "open ten customers"
        open_ms = []
        for customer_id in range(1, 11):
            stalls.step = f"customer {customer_id}"
            started = time.perf_counter()
            workspace = window.open_customer(customer_id)
            wait_until(lambda w=workspace: w.profile is not None)
            app.processEvents()  # the layout and paint that follow the fill
            workspace.grab()
            open_ms.append((time.perf_counter() - started) * 1000)
            settle(stalls)
        results["workspace_filled_ms"] = open_ms
        stalls.phase = "visit every tab of each customer"
        tab_ms = []
        for workspace in window.customer_tabs():
            window.tabs.setCurrentWidget(workspace)
            for tab in ("bills", "installments", "transactions", "cases", "notes", "overview"):
                stalls.step = f"{tab} of {workspace.customer_id}"
                started = time.perf_counter()
                # As a click on the tab does: a tab's first visit is built over the next turns.
                workspace.tabs.setCurrentWidget(workspace._pages.get(tab, workspace.overview_tab))
                wait_until(lambda w=workspace: not w.is_opening_tab and not tasks.active_tasks())
                tab_ms.append((time.perf_counter() - started) * 1000)
                settle(stalls)  # one click per tab: the switch is laid out and painted first
        results["lazy_tab_ms"] = tab_ms
        wait_until(lambda: not tasks.active_tasks())
        app.processEvents()
        results["rss_mb_10_tabs"] = rss_mb()
        results["backend_rss_mb_10_tabs"] = rss_mb(backend.pid)
        results["load_at_end"] = os.getloadavg()
        stalls.stop()
        results["stall_ms"] = stalls.worst_ms
        results["stall_step"] = stalls.worst_step
        results["stall_cpu_ms"] = stalls.worst_cpu_ms
        results["stall_cpu_step"] = stalls.worst_cpu_step
        results["stalls_over_target"] = sum(1 for late in stalls.late_ms if late > TARGETS["stall_ms"])
        results["stall_ticks"] = stalls.ticks
        results["gc"] = (list(garbage.runs), list(garbage.worst_ms))
        results["cpu_top"] = sorted(stalls.cpu_by_step.items(), key=lambda kv: -kv[1])[:6]
        results["stall_by_phase"] = dict(stalls.worst_by_phase)
        results["stall_cpu_by_phase"] = dict(stalls.worst_cpu_by_phase)
        window.close()
    finally:
        tasks.wait_for_pool(30_000)
        backend.stop()
    return results


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _load(averages: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in averages)


def report(startup: list[float], results: dict[str, Any], customers: int) -> str:
    together = results["rss_mb_10_tabs"] + results["backend_rss_mb_10_tabs"]

    def row(name: str, values: list[float], target: float | None) -> str:
        verdict = "" if target is None else ("✓" if p(values, 0.5) <= target else "✗")
        target_text = "" if target is None else f"≤ {target:.0f} ms"
        return (
            f"| {name} | {statistics.median(values):.0f} | {max(values):.0f} | {len(values)} "
            f"| {target_text} | {verdict} |"
        )

    lines = [
        "# Console timings",
        "",
        f"`python -m bench.console_timings` — {time.strftime('%Y-%m-%d %H:%M %Z')}, "
        f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"Qt platform `{os.environ.get('QT_QPA_PLATFORM')}`, embedded backend in a child process of its "
        f"own (as `python main.py` runs it) on SQLite with {customers} demo customers.",
        "",
        "| step | median ms | max ms | runs | target | |",
        "|---|---:|---:|---:|---|---|",
        row("start to login dialog (fresh process, incl. interpreter and imports)", startup, TARGETS["start_to_login_ms"]),
        row("login click to main window shown", results["login_to_main_ms"], None),
        row("search: request to results on screen", results["search_request_ms"], None),
        row("search: typing to results (incl. the 250 ms pause)", results["search_typing_ms"], None),
        row("open customer to header and Overview filled and painted", results["workspace_filled_ms"], TARGETS["workspace_filled_ms"]),
        row("switch to a lazy tab (Bills, Installments, Transactions, Cases, Notes) to loaded", results["lazy_tab_ms"], None),
        "",
        f"- Longest GUI-thread stall over the scripted session (a 5 ms timer's lateness, "
        f"{results['stall_ticks']} ticks): **{results['stall_ms']:.1f} ms** (target ≤ {TARGETS['stall_ms']:.0f} ms) "
        f"{'✓' if results['stall_ms'] <= TARGETS['stall_ms'] else '✗'}, in {results['stall_step']}; "
        f"{results['stalls_over_target']} ticks over {TARGETS['stall_ms']:.0f} ms. The GUI thread's own CPU "
        f"time between two ticks was at most {results['stall_cpu_ms']:.1f} ms (in {results['stall_cpu_step']}): "
        f"the rest of a late tick is waiting for a core.",
        f"- Resident memory (VmRSS) with 10 customer tabs open, every tab visited: console "
        f"**{results['rss_mb_10_tabs']:.0f} MB**, backend process {results['backend_rss_mb_10_tabs']:.0f} MB, "
        f"together **{together:.0f} MB** (target ≤ {TARGETS['rss_mb']:.0f} MB) "
        f"{'✓' if together <= TARGETS['rss_mb'] else '✗'}; for comparison the console had "
        f"{results['rss_mb_backend_up']:.0f} MB with Qt loaded before signing in, "
        f"{results['rss_mb_signed_in']:.0f} MB once signed in with the main window shown.",
        f"- Load average (1, 5, 15 min) at the start {_load(results['load_at_start'])}, at the end "
        f"{_load(results['load_at_end'])} (the machine is shared; timings are wall clock).",
        "- Python's garbage collections on the GUI thread (runs, longest) by generation: "
        + ", ".join(f"gen {g}: {results['gc'][0][g]}, {results['gc'][1][g]:.1f} ms" for g in range(3)) + ".",
        "- The GUI thread's longest CPU time between two ticks, for the six steps with the longest: "
        + "; ".join(f"{where} {ms:.1f} ms" for where, ms in results["cpu_top"]) + ".",
        "- The longest stall by phase (wall clock):",
        *[
            f"  - {phase}: {worst:.1f} ms (GUI thread CPU at most {results['stall_cpu_by_phase'][phase]:.1f} ms)"
            for phase, worst in results["stall_by_phase"].items()
        ],
        "",
        "The stall meter runs during login, the searches, opening ten customers and visiting their tabs;",
        "the server's work is in its own process, as in `python main.py`, so it competes with the GUI",
        "thread for the CPU cores only, not for the interpreter's lock.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child-startup", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_startup:
        child_startup()
        return 0
    startup = measure_startup(args.repeat)
    print(f"start to login dialog: {startup}", flush=True)
    results = session(args.customers, args.repeat)
    text = report(startup, results, args.customers)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
