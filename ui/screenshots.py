"""``python main.py --screenshots DIR``: walk the main screens and write one PNG per screen.

It starts the embedded backend on a database of its own (``CREDITDESK_DATA_DIR`` if set, else a
temporary directory), and for English and Simplified Chinese: the login dialog, the main window
with the results of a search, customer 1's workspace on each of its tabs, customer 4's alert
strip, arrangements, contact history and the wizard's conflict warning (at 1280×800), and a
supervisor's main window. Then, unless ``--theme`` chose one theme, the same walk in English in the
dark theme (file names with ``dark``). Every wait is for the work to finish (the task registry
empties), never a sleep.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from console.api import ApiClient
from console.arrangements import list_account_arrangements, promise_to_pay_terms, proposal_body, propose
from ui import i18n, tasks, theme
from ui.arrangements.wizard import ArrangementWizard
from ui.arrangements.wizard_words import business_today
from ui.cases.queue import CaseListView
from ui.demo import DEMO_PASSWORD, DemoBackend
from ui.login import LoginDialog, SignedIn
from ui.main_window import MainWindow
from ui.supervisor.approvals import ApprovalsView
from ui.tasks import Task
from ui.workspace.transactions import is_disputable

log = logging.getLogger(__name__)
T = TypeVar("T")

SHOT_TIMEOUT_MS = 120_000
SCREEN = QSize(1280, 800)  # the smallest screen an agent works on
WORKSPACE_TABS = ("overview", "bills", "installments", "transactions", "cases", "notes")
# M2 overdue: a promise to pay, a note and a reveal give the alert strip and the history something to show.
ALERT_CUSTOMER = 4


class ScreenshotFailed(RuntimeError):
    pass


def settle(timeout_ms: int = SHOT_TIMEOUT_MS) -> None:
    """Run the event loop until no task is running and no posted event is waiting."""
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(expire)
    watchdog.start(timeout_ms)
    try:
        while True:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
            if not tasks.active_tasks():
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
                if not tasks.active_tasks():
                    return
            if expired:
                raise ScreenshotFailed(f"still busy after {timeout_ms} ms: {[t.label for t in tasks.active_tasks()]}")
            # Blocks until the next event (a task's result arrives as one): no sleeping.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        watchdog.stop()


def wait_for(condition: Callable[[], bool], what: str, timeout_ms: int = SHOT_TIMEOUT_MS) -> None:
    """Run the event loop until ``condition()`` holds (checked after each batch of events)."""
    expired = False

    def expire() -> None:
        nonlocal expired
        expired = True

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(expire)
    watchdog.start(timeout_ms)
    try:
        while not condition():
            if expired:
                raise ScreenshotFailed(f"timed out waiting for {what}")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        watchdog.stop()


class Shooter:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.count = 0
        self.written: list[Path] = []

    def shoot(self, widget: QWidget, name: str) -> Path:
        settle()
        if isinstance(widget, QMainWindow):
            # The main screens are shown as an agent sees them: 1280 px wide, 800 tall. A wider
            # shot hides what is cut off at 1280; a taller window means a view asked for more room.
            if widget.width() != SCREEN.width():
                raise ScreenshotFailed(f"{name}: the window is {widget.width()} px wide, not {SCREEN.width()}")
            if widget.height() != SCREEN.height():
                print(f"warning: {name}: the window grew to {widget.height()} px tall (a view's minimum height)",
                      file=sys.stderr, flush=True)
        widget.repaint()
        self.count += 1
        path = self.directory / f"{self.count:02d}-{name}.png"
        if not widget.grab().save(str(path)):
            raise ScreenshotFailed(f"could not write {path}")
        self.written.append(path)
        print(path, flush=True)
        return path


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform reports every size-hint change of a window it cannot resize.
    if "propagateSizeHints" in message:
        return
    print(message, file=sys.stderr, flush=True)


def run_screenshots(app: QApplication, args: argparse.Namespace) -> int:
    qInstallMessageHandler(_quiet_offscreen)
    directory = Path(args.screenshots)
    directory.mkdir(parents=True, exist_ok=True)
    temp_dir: str | None = None
    if not os.environ.get("CREDITDESK_DATA_DIR"):
        temp_dir = tempfile.mkdtemp(prefix="creditdesk-shots-")
        os.environ["CREDITDESK_DATA_DIR"] = temp_dir
    from console import paths

    settings = QSettings(str(paths.data_dir() / "screenshots-settings.ini"), QSettings.Format.IniFormat)
    theme.apply_theme(app, args.theme or theme.DEFAULT_THEME)
    demo = DemoBackend(
        paths.database_path(), demo_customers=args.demo_customers or 200
    )
    shooter = Shooter(directory)
    languages = [args.lang] if args.lang else [i18n.ENGLISH, i18n.CHINESE]
    try:
        for language in languages:
            i18n.install_language(language)
            walk(shooter, settings, demo, language)
        if not args.theme:
            # The dark set: every screen again, in English, so a reviewer sees each in both themes.
            # Windows closed by the walks go first: restyling one being deleted crashes Qt.
            settle()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            theme.apply_theme(app, "dark")
            dark_language = args.lang or i18n.ENGLISH
            i18n.install_language(dark_language)
            walk(shooter, settings, demo, dark_language, theme_tag="dark")
    except ScreenshotFailed as exc:
        print(f"screenshots failed: {exc}", flush=True)
        return 1
    finally:
        tasks.wait_for_pool(30_000)
        demo.stop()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
    print(f"{len(shooter.written)} screenshots in {directory}", flush=True)
    return 0


def call(op: Callable[[], T], what: str) -> T:
    """Run ``op`` as a task (off the GUI thread, like every call of the console) and wait for it."""
    owner = QObject()
    task: Task[T] = Task(op, parent=owner, label=what)
    errors: list[BaseException] = []
    task.on_failure(errors.append).run()
    wait_for(lambda: not task.is_running, what)
    if errors:
        raise ScreenshotFailed(f"{what} failed: {errors[0]}")
    return task.result  # type: ignore[return-value]


def walk(shooter: Shooter, settings: QSettings, demo: DemoBackend, language: str, theme_tag: str = "") -> None:
    tag = "en" if language == i18n.ENGLISH else "zh"
    if theme_tag:
        tag = f"{theme_tag}-{tag}"

    # The login dialog as it first appears, then with a demo user picked.
    dialog = LoginDialog(settings, demo=demo, use_keyring=False)
    dialog.demo_radio.setChecked(True)
    dialog.username_edit.clear()
    dialog.password_edit.clear()
    dialog.show()
    wait_for(lambda: demo.is_ready or demo.error is not None, "the embedded backend")
    if demo.error is not None:
        raise ScreenshotFailed(f"the embedded backend did not start: {demo.error}")
    dialog.demo_users.setCurrentRow(0)
    dialog._fill_demo_user(dialog.demo_users.item(0))
    shooter.shoot(dialog, f"login-{tag}")
    # The same dialog with a server address: no demo users beside it, the address field in full.
    dialog.url_radio.setChecked(True)
    dialog.url_edit.setText("https://creditdesk.example.com")
    settle()
    shooter.shoot(dialog, f"login-server-{tag}")
    dialog.demo_radio.setChecked(True)
    agent_walk(shooter, settings, _sign_in(dialog), tag)
    handler_walk(shooter, settings, _sign_in_as(settings, demo, "handler1"), tag)
    supervisor_walk(shooter, settings, _sign_in_as(settings, demo, "super1"), tag)
    admin_walk(shooter, settings, _sign_in_as(settings, demo, "admin1"), tag)
    settle()


def _window(settings: QSettings, outcome: SignedIn) -> MainWindow:
    from ui.main_window import MainWindow

    window = MainWindow(
        outcome.client, outcome.user, settings=settings, server_label=_server_label(outcome.server_url)
    )
    window.resize(SCREEN)  # the agents' screens: what must fit without clipping
    window.show()
    settle()
    return window


def _close(window: MainWindow, outcome: SignedIn) -> None:
    window.close()
    window.deleteLater()
    call(outcome.client.logout, "log out")
    settle()


def agent_walk(shooter: Shooter, settings: QSettings, outcome: SignedIn, tag: str) -> None:
    """agent1: search, customer 1 on every tab, the dispute and fraud dialogs, the arrangement
    wizard up to its quote (24 months: waits for a supervisor), My cases."""
    window = _window(settings, outcome)
    client = outcome.client
    profile = call(lambda: client.get_customer(1, include=()), "customer 1's name")
    window.search_box.setText(profile.name[:1])
    wait_for(lambda: window.search_page.shown_query == profile.name[:1], "search results")
    shooter.shoot(window, f"search-{tag}")

    workspace = window.open_customer(1, profile.name)
    wait_for(lambda: workspace.profile is not None, "customer 1")
    for tab in WORKSPACE_TABS:
        workspace.show_tab(tab)
        settle()
        if tab == "transactions":
            # The transaction under dispute, with its mark in sight (issue 14 item 11).
            claimed = [row for row in range(workspace.transactions_tab.model.rowCount())
                       if workspace.transactions_tab.model.record(row).claims]
            if claimed:
                workspace.transactions_tab.select_rows(claimed[:1])
                view = workspace.transactions_tab.view
                view.scrollTo(view.currentIndex())
                settle()
        shooter.shoot(window, f"customer-{tab}-{tag}")

    # A dispute on the newest purchase, from the transactions' context menu.
    transactions = workspace.transactions_tab
    workspace.show_tab("transactions")
    settle()
    model = transactions.model
    rows = [row for row in range(model.rowCount()) if is_disputable(model.record(row))]
    if rows:
        transactions.select_rows(rows[:1])
        dispute = workspace.open_dispute(model.record(rows[0]))
        if dispute is not None:
            settle()
            shooter.shoot(dispute, f"dispute-dialog-{tag}")
            dispute.reject()
    fraud = workspace.open_fraud([model.record(row) for row in rows[:2]])
    if fraud is not None:
        settle()
        shooter.shoot(fraud, f"fraud-dialog-{tag}")
        fraud.reject()

    # The arrangement wizard: a 24-month hardship plan is beyond an agent's 12 months.
    wizard = workspace.open_arrangement()
    if isinstance(wizard, ArrangementWizard):
        settle()
        wizard.type_page.select("hardship_plan")
        shooter.shoot(wizard, f"arrangement-type-{tag}")
        wizard.next()
        settle()
        form = wizard.terms_page.forms["hardship_plan"]
        form.months_box.setValue(24)  # type: ignore[attr-defined]
        shooter.shoot(wizard, f"arrangement-terms-{tag}")
        wizard.next()
        settle()
        shooter.shoot(wizard, f"arrangement-quote-{tag}")
        wizard.reject()
        settle()

    alerts_walk(shooter, window, client, tag)

    window.show_view("my_cases")
    settle()
    shooter.shoot(window, f"agent-my-cases-{tag}")
    _close(window, outcome)


def alerts_walk(shooter: Shooter, window: MainWindow, client: ApiClient, tag: str) -> None:
    """Customer 4 with a live promise to pay: the alert strip, the Arrangements and History tabs and
    the wizard's conflict warning, at 1280×800 (the smallest screen an agent works on)."""
    profile = call(lambda: client.get_customer(ALERT_CUSTOMER, include=()), "customer 4's accounts")
    account_id = next(a.id for a in profile.accounts if a.product == "credit_line")
    note = "客户说周五发工资后还款" if tag == "zh" else "Customer will pay after payday on Friday"

    def prepare() -> None:
        live = [a for a in list_account_arrangements(client, account_id).items if a.is_live_or_waiting]
        if not any(a.type == "promise_to_pay" for a in live):
            terms = promise_to_pay_terms(30_000, business_today() + timedelta(days=5))
            propose(None, client, proposal_body(account_id, terms, note=note), label="promise to pay")
        client.reveal(ALERT_CUSTOMER, "phone", "回拨客户确认还款日" if tag == "zh" else "Call the customer back")
        client.add_note(account_id, note, channel="phone")

    call(prepare, "alert strip data")
    workspace = window.open_customer(ALERT_CUSTOMER, profile.name)
    wait_for(lambda: workspace.profile is not None, "customer 4")
    workspace.show_tab("overview")
    settle()
    shooter.shoot(window, f"customer-alerts-{tag}")
    for tab in ("arrangements", "history"):
        workspace.show_tab(tab)
        settle()
        shooter.shoot(window, f"customer-{tab}-{tag}")
    wizard = workspace.open_arrangement()
    if isinstance(wizard, ArrangementWizard):
        settle()
        shooter.shoot(wizard, f"arrangement-conflict-{tag}")
        wizard.reject()
        settle()


def handler_walk(shooter: Shooter, settings: QSettings, outcome: SignedIn, tag: str) -> None:
    """handler1: the queues by deadline, and a dispute's case page with its actions."""
    window = _window(settings, outcome)
    queues = window.show_view("queues")
    settle()
    shooter.shoot(window, f"handler-queues-{tag}")
    if isinstance(queues, CaseListView):
        dispute = next(
            (c for c in queues.shown_cases() if c.type == "dispute" and c.status == "investigating"), None
        )
        if dispute is not None:
            window.open_case(dispute.id)
            settle()
            shooter.shoot(window, f"handler-case-{tag}")
    _close(window, outcome)


def supervisor_walk(shooter: Shooter, settings: QSettings, outcome: SignedIn, tag: str) -> None:
    """super1: the queues with Assign, the approvals inbox, the dashboard, an arrangement's case."""
    window = _window(settings, outcome)
    window.show_view("queues")
    settle()
    shooter.shoot(window, f"supervisor-queues-{tag}")
    approvals = window.show_view("approvals")
    settle()
    if isinstance(approvals, ApprovalsView):
        mine = next((item for item in approvals.items() if not item.proposed_by(outcome.user)), None)
        if mine is not None:
            approvals.select_case(mine.case.id)
            settle()
    shooter.shoot(window, f"supervisor-approvals-{tag}")
    window.show_view("dashboard")
    settle()
    shooter.shoot(window, f"supervisor-dashboard-{tag}")
    if isinstance(approvals, ApprovalsView) and approvals.items():
        window.open_case(approvals.items()[0].case.id)
        settle()
        shooter.shoot(window, f"supervisor-case-{tag}")
    # The workspace's Audit tab: what happened on customer 1's accounts.
    workspace = window.open_customer(1)
    wait_for(lambda: workspace.profile is not None, "customer 1")
    if workspace.audit_tab is not None:
        workspace.tabs.setCurrentWidget(workspace.audit_tab)
        settle()
        shooter.shoot(window, f"supervisor-customer-audit-{tag}")
    _close(window, outcome)


def admin_walk(shooter: Shooter, settings: QSettings, outcome: SignedIn, tag: str) -> None:
    """admin1: the users, the policy with a change waiting for a second admin, the audit trail
    with a record's before → after, and the chain verified."""
    from console.admin import get_policy, propose_policy_change
    from ui.admin.policy import PolicyView
    from ui.admin.users import UsersView
    from ui.audit.trail import AuditTrailView

    window = _window(settings, outcome)
    client = outcome.client
    users = window.show_view("users")
    settle()
    if isinstance(users, UsersView):
        users.select_user("agent1")
        settle()
    shooter.shoot(window, f"admin-users-{tag}")
    if not call(lambda: get_policy(client), "the policy").pending:
        call(lambda: propose_policy_change(client, "fee_waiver_agent_limit_fen", 8_000,
                                           "Fewer callbacks for small waivers."), "a policy proposal")
    policy = window.show_view("policy")
    settle()
    if isinstance(policy, PolicyView):
        policy.refresh()
        settle()
        policy.pending_table.selectRow(0)
        settle()
    shooter.shoot(window, f"admin-policy-{tag}")
    trail = window.show_view("audit")
    settle()
    if isinstance(trail, AuditTrailView):
        trail.table.selectRow(0)
        settle()
        shooter.shoot(window, f"admin-audit-trail-{tag}")
        trail.verify_chain()
        settle()
        shooter.shoot(window, f"admin-audit-verified-{tag}")
    _close(window, outcome)


def _sign_in_as(settings: QSettings, demo: DemoBackend, username: str) -> SignedIn:
    dialog = LoginDialog(settings, demo=demo, use_keyring=False)
    dialog.demo_radio.setChecked(True)
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.show()
    return _sign_in(dialog)


def _sign_in(dialog: LoginDialog) -> SignedIn:
    dialog.sign_in()
    wait_for(lambda: dialog.outcome is not None or bool(dialog.error_text()), "signing in")
    if dialog.outcome is None:
        raise ScreenshotFailed(f"sign-in failed: {dialog.error_text()}")
    outcome = dialog.outcome
    dialog.close()
    dialog.deleteLater()
    return outcome


def _server_label(url: str) -> str:
    return QCoreApplication.translate("Console", "Demo data on this computer (%1)").replace("%1", url)
